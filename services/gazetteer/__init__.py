"""Offline gazetteer of Italian comuni: a point and the CAPs of every comune.

`lookup("s. lazzaro di savena")`, `lookup("40046")` or `lookup("Castro (LE)")` resolve
a place on our own server; nothing is sent anywhere. The data file comuni.json.gz is
built by `python -m services.gazetteer.build` from packaged open data (see build.py
for sources and licences) and is read once per process, on first use.
"""

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("comuni.json.gz")
# "S.", "San", "Santa", "Santo", "Sant'" all match each other.
SAINT_WORDS = {"s", "san", "santa", "santo", "sant", "st"}
PROVINCE_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<province>[A-Za-z]{2})\)\s*$")
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class Comune:
    istat_code: str
    name: str
    province: str
    latitude: float
    longitude: float
    caps: tuple = ()
    capital: bool = False

    @property
    def label(self):
        """Name with its province, e.g. 'Castro (LE)': unambiguous, and lookup() reads it."""
        return f"{self.name} ({self.province})"


@dataclass(frozen=True)
class LookupResult:
    comune: Comune | None
    candidates: list = field(default_factory=list)

    @property
    def ambiguous(self):
        return self.comune is None and bool(self.candidates)


def normalise(text: str) -> str:
    """Lower case, no accents, apostrophes, dots or hyphens; saints' prefixes unified."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w]+", " ", text)
    words = ["s" if word in SAINT_WORDS else word for word in text.split()]
    return " ".join(words)


@dataclass
class Gazetteer:
    comuni: list
    by_code: dict
    by_name: dict
    by_cap: dict
    sources: str


@lru_cache(maxsize=1)
def data() -> Gazetteer:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as handle:
        payload = json.load(handle)
    comuni = [
        Comune(code, name, province, lat, lng, tuple(caps), bool(capital))
        for code, name, province, lat, lng, caps, capital in payload["comuni"]
    ]
    by_code = {comune.istat_code: comune for comune in comuni}
    by_name, by_cap = {}, {}
    for comune in comuni:
        by_name.setdefault(normalise(comune.name), []).append(comune)
        for cap in comune.caps:
            by_cap.setdefault(cap, []).append(comune)
    for alias, codes in payload["aliases"].items():
        matches = by_name.setdefault(normalise(alias), [])
        matches.extend(by_code[code] for code in codes if by_code[code] not in matches)
    return Gazetteer(comuni, by_code, by_name, by_cap, payload["sources"])


def lookup(text: str) -> LookupResult:
    """The comune a name, alias or CAP means; candidates if several comuni share it."""
    text = (text or "").strip()[:MAX_QUERY_LENGTH]
    province = None
    match = PROVINCE_SUFFIX.match(text)
    if match:
        text, province = match["name"], match["province"].upper()
    gazetteer = data()
    if text.isdigit():
        found = gazetteer.by_cap.get(text, [])
    else:
        found = gazetteer.by_name.get(normalise(text), [])
    if province:
        found = [comune for comune in found if comune.province == province]
    if len(found) == 1:
        return LookupResult(found[0], [])
    return LookupResult(None, sorted(found, key=lambda c: (c.name, c.province)))


def by_istat_code(code: str) -> Comune | None:
    return data().by_code.get(code or "")


def is_capital(code: str) -> bool:
    comune = by_istat_code(code)
    return bool(comune and comune.capital)
