"""Offline gazetteer of Italian comuni: a point and the CAPs of every comune.

`lookup("s. lazzaro di savena")`, `lookup("40046")`, `lookup("Reggio Emilia")` or
`lookup("Bologna BO")` resolve a place on our own server; nothing is sent anywhere.
Beyond official names, CAPs and the aliases of merged comuni it understands the forms
people write, derived by rule from the official names (variants.py), the few colloquial
ones in colloquial.toml, provinces' names for their capitals, and a province written
after the name in any form. A typo gives "Did you mean ...?" suggestions, never a
silent guess. The data file comuni.json.gz is built by `python -m
services.gazetteer.build` from packaged open data (see build.py for sources and
licences); everything is read once per process, on first use.
"""

import gzip
import heapq
import json
import tomllib
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .variants import LINKING_WORDS, normalise, short_forms

DATA_FILE = Path(__file__).with_name("comuni.json.gz")
COLLOQUIAL_FILE = Path(__file__).with_name("colloquial.toml")
MAX_QUERY_LENGTH = 100
# A derived form ("Castel San Pietro") means the larger of the comuni it fits when that
# one has at least this many times the residents of the next; otherwise she chooses.
DOMINANCE = 5
MAX_SUGGESTIONS = 5
# Words around a province written after the name: "Bologna, provincia di Bologna".
PROVINCE_WORDS = {"provincia", "prov", "pr", "province", "di", "del", "della", "dell", "citta",
                  "metropolitana"}  # fmt: skip
# At most this many names are read for the suggestions under one prefix.
PREFIX_SCAN = 3000


@dataclass(frozen=True)
class Comune:
    istat_code: str
    name: str
    province: str
    latitude: float
    longitude: float
    caps: tuple = ()
    capital: bool = False
    population: int = 0

    @property
    def label(self):
        """Name with its province, e.g. 'Castro (LE)': unambiguous, and lookup() reads it."""
        return f"{self.name} ({self.province})"

    @property
    def rank(self):
        """Sort key: capitals, then the larger comuni, first."""
        return (not self.capital, -self.population, self.name)


@dataclass(frozen=True)
class LookupResult:
    comune: Comune | None
    candidates: list = field(default_factory=list)
    # Nothing matched: the nearest names ("Did you mean ...?"), best first.
    suggestions: list = field(default_factory=list)

    @property
    def ambiguous(self):
        return self.comune is None and bool(self.candidates)


@dataclass
class Gazetteer:
    comuni: list
    by_code: dict
    by_name: dict  # official names, aliases and colloquial forms -> comuni
    by_form: dict  # forms derived by rule -> comuni, the larger first
    by_cap: dict
    provinces: dict  # a province's sigla or (short) name, normalised -> its sigla
    keys_by_length: dict  # every name and form, for the typos
    keys: list  # every name and form, sorted, for the prefixes
    own_names: dict  # ISTAT code -> the comune's official name, normalised
    sources: str


@lru_cache(maxsize=1)
def data() -> Gazetteer:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as handle:
        payload = json.load(handle)
    comuni = [Comune(*row[:5], tuple(row[5]), bool(row[6]), row[7]) for row in payload["comuni"]]
    by_code = {comune.istat_code: comune for comune in comuni}
    by_name, by_cap = {}, {}
    for comune in comuni:
        by_name.setdefault(normalise(comune.name), []).append(comune)
        for cap in comune.caps:
            by_cap.setdefault(cap, []).append(comune)
    named = [(comune.name, [comune]) for comune in comuni]
    for alias, codes in payload["aliases"].items():
        add(by_name, normalise(alias), [by_code[code] for code in codes])
        named.append((alias, [by_code[code] for code in codes]))
    with COLLOQUIAL_FILE.open("rb") as handle:
        for form, label in tomllib.load(handle)["forms"].items():
            add(by_name, normalise(form), [colloquial_comune(label, by_name)])
    by_form, provinces = {}, {}
    for sigla, names in payload["provinces"].items():
        provinces[sigla.casefold()] = sigla
        capitals = [comune for comune in comuni if comune.province == sigla and comune.capital]
        for name in names:
            named.append((name, capitals))
            for form in {normalise(name), *short_forms(name)}:
                provinces.setdefault(form, sigla)
    for name, meant in named:
        for form in {normalise(name), *short_forms(name)}:
            if form not in by_name:
                add(by_form, form, meant)
    for found in by_form.values():
        found.sort(key=lambda comune: comune.rank)
    keys_by_length = {}
    for key in {*by_name, *by_form}:
        keys_by_length.setdefault(len(key), []).append(key)
    keys = sorted({*by_name, *by_form})
    own_names = {comune.istat_code: normalise(comune.name) for comune in comuni}
    return Gazetteer(
        comuni, by_code, by_name, by_form, by_cap, provinces, keys_by_length, keys, own_names,
        payload["sources"],
    )  # fmt: skip


def add(index, key, comuni):
    found = index.setdefault(key, [])
    found.extend(comune for comune in comuni if comune not in found)


def colloquial_comune(label, by_name):
    """The one comune a label of colloquial.toml ("Name (PR)") names."""
    name, _, province = label.rstrip(")").rpartition(" (")
    found = [c for c in by_name.get(normalise(name), []) if c.province == province]
    if len(found) != 1:
        raise ValueError(f"{COLLOQUIAL_FILE.name}: {label!r} is not one comune")
    return found[0]


def lookup(text: str) -> LookupResult:
    """The comune a name, alias or CAP means; candidates if several comuni share it;
    suggestions of the nearest names if none fits."""
    text = (text or "").strip()[:MAX_QUERY_LENGTH]
    gazetteer = data()
    if text.isdigit():
        return result(gazetteer.by_cap.get(text, []))
    key = normalise(text)
    readings = list(read_province(key, gazetteer))
    for name, province in readings:
        found = find(name, province, gazetteer)
        if found is not None:
            return found
    for name, province in readings:
        suggestions = suggest(name, gazetteer, province)
        if suggestions:
            return LookupResult(None, [], suggestions)
    return LookupResult(None)


def read_province(key, gazetteer):
    """(name, province sigla or None): the whole text, then any province written after
    the name ("bologna bo", "bologna bologna", "bologna provincia di bologna")."""
    yield key, None
    words = key.split()
    for cut in range(len(words) - 1, 0, -1):
        head, tail = words[:cut], words[cut:]
        while len(tail) > 1 and tail[0] in PROVINCE_WORDS:
            tail = tail[1:]
        while len(head) > 1 and head[-1] in PROVINCE_WORDS:
            head = head[:-1]
        sigla = gazetteer.provinces.get(" ".join(tail))
        if sigla:
            yield " ".join(head), sigla


def find(name, province, gazetteer):
    """The LookupResult for a normalised name, or None when nothing fits it."""

    def within(found):
        return [comune for comune in found if province in (None, comune.province)]

    exact = within(gazetteer.by_name.get(name, []))
    derived = within(gazetteer.by_form.get(name) or gazetteer.by_form.get(squeeze(name), []))
    if exact:
        # A derived form of a much larger comune is offered beside the exact name.
        largest = max(comune.population for comune in exact)
        exact += [c for c in derived if c.population >= DOMINANCE * largest and c not in exact]
        return result(exact)
    if len(derived) > 1 and derived[0].population >= DOMINANCE * derived[1].population:
        return LookupResult(derived[0])
    return result(derived) if derived else None


def result(found):
    if len(found) == 1:
        return LookupResult(found[0])
    return LookupResult(None, sorted(found, key=lambda c: (c.name, c.province)))


def squeeze(key):
    """Linking words left out: "monza e brianza" -> "monza brianza"."""
    words = key.split()
    return " ".join(words[:1] + [word for word in words[1:] if word not in LINKING_WORDS])


def suggest(key, gazetteer, province=None, limit=MAX_SUGGESTIONS):
    """Comuni whose name is one or two letters away (wrong, missing, swapped)."""
    if len(key) < 3:
        return []
    distance = 1 if len(key) <= 4 else 2
    choices = [
        choice
        for length in range(len(key) - distance, len(key) + distance + 1)
        for choice in gazetteer.keys_by_length.get(length, ())
    ]
    hits = process.extract(key, choices, scorer=OSA.distance, score_cutoff=distance, limit=50)
    ranked = {}
    for choice, score, _index in hits:
        for comune in gazetteer.by_name.get(choice) or gazetteer.by_form[choice]:
            if province in (None, comune.province):
                ranked[comune] = min(ranked.get(comune, score), score)
    return sorted(ranked, key=lambda comune: (ranked[comune], *comune.rank))[:limit]


def places_starting(text: str, limit: int = 8) -> list:
    """What she may mean while typing: the comuni the text names, then those whose name
    (or CAP) starts with it, their own name before an alias and the larger first, then
    the nearest names to a typo."""
    text = (text or "").strip()[:MAX_QUERY_LENGTH]
    gazetteer = data()
    found = lookup(text)
    places = [found.comune] if found.comune else list(found.candidates)
    key = normalise(text)
    starting = set()
    if text.isdigit():
        for cap, comuni in gazetteer.by_cap.items():
            if cap.startswith(text):
                starting.update(comuni)
    elif key:
        start = bisect_left(gazetteer.keys, key)
        for name in gazetteer.keys[start : start + PREFIX_SCAN]:
            if not name.startswith(key):
                break
            starting.update(gazetteer.by_name.get(name) or gazetteer.by_form[name])
    starting.difference_update(places)
    own_name = gazetteer.own_names
    places += heapq.nsmallest(
        limit - len(places),
        starting,
        key=lambda comune: (not own_name[comune.istat_code].startswith(key), *comune.rank),
    )
    if len(places) < limit:
        for comune in found.suggestions or suggest(key, gazetteer, limit=limit):
            if comune not in places:
                places.append(comune)
    return places[:limit]


def by_istat_code(code: str) -> Comune | None:
    return data().by_code.get(code or "")


def is_capital(code: str) -> bool:
    comune = by_istat_code(code)
    return bool(comune and comune.capital)
