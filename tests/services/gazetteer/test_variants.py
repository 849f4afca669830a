"""Every comune, written the ways people write it, is found (issue 14, part 1)."""

import re
import unicodedata

from services import gazetteer


def without_accents(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def written_forms(comune):
    """The official name as she may type it: case, accents, apostrophes, hyphens,
    saints' prefixes, and the province after it."""
    name = comune.name
    forms = {
        name,
        name.upper(),
        name.lower(),
        without_accents(name),
        without_accents(name).lower(),
        name.replace("'", " "),
        name.replace("'", ""),
        name.replace("'", "’"),
        name.replace("-", " "),
        name.replace("-", ""),
        re.sub(r"\b(?:Sant'|San |Santa |Santo )", "S. ", name),
        re.sub(r"\b(?:Sant'|San |Santa |Santo )", "S.", name),
        re.sub(r"\bSant'", "Santa ", name),
    }
    province = comune.province
    forms |= {f"{name} {province}", f"{name} ({province})", f"{name}, {province}",
              f"{name.lower()} {province.lower()}"}  # fmt: skip
    return forms


def resolves_to(text, comune):
    found = gazetteer.lookup(text)
    return found.comune == comune or comune in found.candidates


def test_at_least_995_per_thousand_of_every_comunes_written_forms_resolve():
    tried, failed = 0, []
    for comune in gazetteer.data().comuni:
        for text in written_forms(comune):
            tried += 1
            if not resolves_to(text, comune):
                failed.append((text, comune.label))
    rate = 1 - len(failed) / tried
    print(f"{tried} forms of {len(gazetteer.data().comuni)} comuni: {rate:.4%} resolve")  # noqa: T201
    assert rate >= 0.995, failed[:40]
