"""Stable HSDS ids: UUID 5 of our own keys, so a record keeps its id from one export to
the next (HSDS 3.0 wants every `id` to be a UUID).

Pages are keyed by their `translation_key`, which survives renames, moves and slug
changes; a record below a page (phone, language, schedule…) by its parent's id and what
makes it that record (the digits of a number, a language code, a schedule's dates).
"""

import uuid

# Ours alone; changing it would change every id we have ever published.
NAMESPACE = uuid.UUID("b9cae24f-dcd6-47d1-a491-3b89e602e2dc")
KIND_TAXONOMY = "help-point-kind"


def make(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def organization(association) -> str:
    return make("organization", association.translation_key)


def location(help_point) -> str:
    return make("location", help_point.translation_key)


def service(help_point) -> str:
    return make("service", help_point.translation_key)


def service_at_location(help_point) -> str:
    return make("service_at_location", help_point.translation_key)


def taxonomy() -> str:
    return make("taxonomy", KIND_TAXONOMY)


def taxonomy_term(kind: str) -> str:
    return make("taxonomy_term", KIND_TAXONOMY, kind)


def phone(parent_id: str, number: str) -> str:
    return make(parent_id, "phone", "".join(ch for ch in number if ch.isdigit() or ch == "+"))


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except (TypeError, ValueError):
        return False
    return True
