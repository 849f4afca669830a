"""Logging filters that keep what a visitor searched for out of every log.

The finder's place and coordinates travel in query strings (a plain GET form), so
request lines are logged without them. gunicorn's access log is configured the same
way in gunicorn.conf.py; this covers Django's own server (`make run`) and any
record that carries a request line or a request.
"""

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"]*")


class DropQueryStrings(logging.Filter):
    """Removes `?…` from request lines in a record's message and arguments."""

    def filter(self, record):
        if isinstance(record.msg, str):
            record.msg = QUERY_STRING.sub("", record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                QUERY_STRING.sub("", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True
