"""Pages of the JSON APIs: which page and how many per page, read from the query string
and checked (a bad value is a reason for a 400, never a 500), and the links between pages.

Every API that lists pages the same way: `page` counts from 1; a page past the end is
empty, not an error; a client reads everything by following `next` (our own APIs) or
until `last_page` (HSDS).
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_PAGE = 1_000_000
# Longer than any allowed number: never handed to int(), which refuses 4,300 digits.
MAX_DIGITS = 7


class PagingError(ValueError):
    """`page` or the page size cannot be used; the message says why."""

    def __init__(self, name, message):
        super().__init__(message)
        self.name = name


def whole_number(params, name, *, default, high):
    """A whole number from 1 to `high` from `params[name]`, `default` when absent."""
    text = params.get(name, "")
    if text == "":
        return default
    if (
        not (text.isascii() and text.isdigit())
        or len(text) > MAX_DIGITS
        or not 1 <= int(text) <= high
    ):
        raise PagingError(
            name,
            _("%(name)s must be a whole number from 1 to %(high)s.") % {"name": name, "high": high},
        )
    return int(text)


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @classmethod
    def read(cls, params, *, size_name, default_size, max_size):
        return cls(
            number=whole_number(params, "page", default=1, high=MAX_PAGE),
            size=whole_number(params, size_name, default=default_size, high=max_size),
        )

    @property
    def offset(self):
        return (self.number - 1) * self.size

    def slice(self, items):
        return items[self.offset : self.offset + self.size]

    def hsds(self, total, contents):
        """HSDS 3.0's `Page` around `contents`, the items of this page out of `total`."""
        total_pages = math.ceil(total / self.size)
        return {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": self.number,
            "size": len(contents),
            "first_page": self.number == 1,
            "last_page": self.number >= total_pages,
            "empty": not contents,
            "contents": contents,
        }


def page_url(request, number):
    """This request's absolute URL with `page=number`, every other parameter kept."""
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
