"""The names people write for a place, derived by rule from its official name.

Nobody types ISTAT's names: "Reggio Emilia" for Reggio nell'Emilia, "Castel San Pietro"
for Castel San Pietro Terme, "Monza e Brianza" for Monza. `short_forms` gives, for an
official name, the forms people use (all normalised, so also case, accents, "S."/"San"/
"Sant'" and hyphen or apostrophe forms): prepositions and articles left out, the name cut
before its first preposition, a leading article or a trailing qualifier ("Terme",
"Marina", "Bolognese"...) dropped, apostrophes and hyphens closed up. Several comuni
may share a short form: the gazetteer then takes the clearly larger one, or lists them.
"""

import re
import unicodedata

# "S.", "San", "Santa", "Santo", "Sant'" all match each other.
SAINT_WORDS = {"s", "san", "santa", "santo", "sant", "st"}
NOT_WORD = re.compile(r"[^\w]+")
# Left out of "Reggio nell'Emilia" to give "Reggio Emilia".
LINKING_WORDS = {
    "a", "ad", "al", "all", "alla", "alle", "allo", "ai", "agli",
    "d", "da", "dal", "dall", "dalla", "de", "dei", "del", "dell", "della", "delle", "dello",
    "degli", "di", "e", "ed", "in", "ne", "nei", "nel", "nell", "nella", "nelle", "nello",
    "sul", "sull", "sulla", "sulle", "sullo", "sui", "an", "der", "im", "am",
}  # fmt: skip
# Left off the front: "La Spezia" is "Spezia", "L'Aquila" "Aquila".
ARTICLES = {"il", "lo", "la", "l", "i", "gli", "le"}
# Words that qualify a name and that people drop: "Castel San Pietro (Terme)".
QUALIFIERS = {
    "terme", "marina", "lido", "scalo", "emilia", "calabro", "calabra", "romano", "romana",
    "superiore", "inferiore", "veneto", "veneta", "ligure", "sardo", "siculo", "sicula",
    "lucano", "irpino", "salentino", "sannita", "piceno", "vicentino", "canavese",
    "monferrato", "brianza", "valdarno", "val", "vecchio", "nuovo", "alto", "basso",
}  # fmt: skip
# Adjectives of a province or region ("Sant'Agata Bolognese", "Cassano Magnago"...).
ADJECTIVE_ENDINGS = ("ese", "ense")


def normalise(text: str) -> str:
    """Lower case, no accents, apostrophes, dots or hyphens; saints' prefixes unified."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = NOT_WORD.sub(" ", text)
    words = ["s" if word in SAINT_WORDS else word for word in text.split()]
    return " ".join(words)


def short_forms(official: str) -> set:
    """The normalised forms people use for an official name (not the name itself)."""
    closed_up = {
        normalise(official.replace("'", "").replace("’", "")),
        normalise(official.replace("-", "")),
        normalise(re.sub(r"\bSant'", "Santa ", official)),
    }
    words = normalise(official).split()
    forms = set(closed_up)
    without_linking = words[:1] + [word for word in words[1:] if word not in LINKING_WORDS]
    for shape in (words, without_linking):
        forms.add(" ".join(shape))
        if len(shape) > 1 and is_qualifier(shape[-1]):
            forms.add(" ".join(shape[:-1]))
    linking = [i for i, word in enumerate(words) if i and word in LINKING_WORDS]
    if linking:
        forms.add(" ".join(words[: linking[0]]))
    if len(words) > 1 and words[0] in ARTICLES:
        forms.add(" ".join(words[1:]))
    if "-" in official or "/" in official:
        forms.update(normalise(part) for part in re.split(r"[-/]", official))
    forms.discard(normalise(official))
    forms.discard("")
    # A lone saint's word or a one-letter form means nothing.
    return {form for form in forms if len(form) > 2 and form != "s"}


def is_qualifier(word: str) -> bool:
    return word in QUALIFIERS or (len(word) > 5 and word.endswith(ADJECTIVE_ENDINGS))
