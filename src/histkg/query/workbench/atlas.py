"""Country outlines for the offline map, from the npm package `world-atlas` (Natural Earth
1:50m, TopoJSON), which `make run` installs into node_modules/; nothing is fetched at run time.

TopoJSON stores shared borders once as delta-encoded, quantized arcs; a country is a list
of rings, each a list of arc indexes (a negative index ~i is arc i reversed). Decoding is a
few lines, so no TopoJSON library is needed on the server.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ATLAS_FILE = Path("world-atlas") / "countries-50m.json"
MISSING_HINT = "country outlines missing: run `make run` (it installs the npm package world-atlas)"

Point = tuple[float, float]  # (longitude, latitude)


@dataclass(frozen=True)
class Country:
    name: str
    rings: tuple[tuple[Point, ...], ...]

    def bounds(self) -> tuple[float, float, float, float]:
        longitudes = [lon for ring in self.rings for lon, _ in ring]
        latitudes = [lat for ring in self.rings for _, lat in ring]
        return min(longitudes), min(latitudes), max(longitudes), max(latitudes)


def atlas_candidates() -> list[Path]:
    """Where world-atlas may be: $HISTKG_ATLAS, ./node_modules, or the checkout histkg runs from."""
    found = [Path(os.environ["HISTKG_ATLAS"])] if os.environ.get("HISTKG_ATLAS") else []
    found.append(Path.cwd() / "node_modules" / ATLAS_FILE)
    found.append(Path(__file__).resolve().parents[4] / "node_modules" / ATLAS_FILE)  # src/histkg/query/workbench
    return found


def find_atlas() -> Path | None:
    return next((path for path in atlas_candidates() if path.is_file()), None)


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute longitude/latitude of every arc: sum the deltas, then scale and translate."""
    scale_x, scale_y = topology["transform"]["scale"]
    move_x, move_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[Point]]) -> tuple[Point, ...]:
    """A ring from its arcs; consecutive arcs share an end point, kept once."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return tuple(points)


def geometry_rings(geometry: dict, arcs: list[list[Point]]) -> tuple[tuple[Point, ...], ...]:
    if geometry.get("type") == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return ()
    return tuple(ring_points(ring, arcs) for polygon in polygons for ring in polygon)


@lru_cache(maxsize=2)
def load_countries(path: Path) -> tuple[Country, ...]:
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = geometry_rings(geometry, arcs)
        if rings:
            countries.append(Country(geometry.get("properties", {}).get("name", ""), rings))
    return tuple(countries)


@dataclass(frozen=True)
class Projection:
    """Equirectangular, stretched by the cosine of the middle latitude: shapes look right near it.
    Ten SVG units per degree of latitude, rounded to whole units (a tenth of a degree, about
    10 km): finer than a map of journeys needs, and a fifth of the bytes of Natural Earth's own."""

    middle_latitude: float
    unit: float = 10.0

    def __call__(self, longitude: float, latitude: float) -> Point:
        return (round(longitude * math.cos(math.radians(self.middle_latitude)) * self.unit),
                round(-latitude * self.unit))

    def exact(self, longitude: float, latitude: float) -> Point:
        """Unrounded, for the places and routes drawn over the outlines."""
        return (round(longitude * math.cos(math.radians(self.middle_latitude)) * self.unit, 2),
                round(-latitude * self.unit, 2))


def outline_paths(countries, projection: Projection, bounds) -> list[tuple[str, str]]:
    """(name, SVG path data) of each country that reaches into `bounds` (west, south, east, north)."""
    west, south, east, north = bounds
    paths = []
    for country in countries:
        left, bottom, right, top = country.bounds()
        if right < west or left > east or top < south or bottom > north:
            continue
        rings = []
        for ring in country.rings:
            points = dedupe(projection(lon, lat) for lon, lat in ring)
            if len(points) > 2:
                rings.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
        paths.append((country.name, "".join(rings)))
    return paths


def dedupe(points) -> list[Point]:
    """Drop points that round onto the previous one: fewer bytes, the same drawing."""
    kept: list[Point] = []
    for point in points:
        if not kept or point != kept[-1]:
            kept.append(point)
    return kept
