"""The map: places with coordinates and journeys drawn through their stops in order, over
country outlines from `world-atlas`, all as SVG in one projection.

The outlines cover the region the journeys and treaties reach (wider than the first view,
so a reader can pan), the places and routes everything with coordinates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from histkg.query.workbench.atlas import Projection, find_atlas, load_countries, outline_paths
from histkg.query.workbench.catalog import Catalog, Entity
from histkg.query.workbench.graph import Graph, number, readable_dates, text

OUTLINE_MARGIN = 12.0  # degrees of outline beyond the region the routes and treaty places span
VIEW_MARGIN = 2.0  # degrees around the route(s) in view


@dataclass
class RouteStop:
    order: int
    place: Entity
    date: str
    x: float = 0.0
    y: float = 0.0


@dataclass
class Route:
    journey: Entity
    stops: list[RouteStop] = field(default_factory=list)

    @property
    def points(self) -> str:
        """SVG polyline points through the stops in order, a repeated place drawn once."""
        kept = []
        for stop in self.stops:
            if not kept or (stop.x, stop.y) != kept[-1]:
                kept.append((stop.x, stop.y))
        return " ".join(f"{x:g},{y:g}" for x, y in kept)


@dataclass
class MapView:
    places: list[tuple[Entity, float, float, float]]  # place, x, y, radius
    routes: list[Route]
    selected: Route | None
    outlines: list[tuple[str, str]]
    view_box: str
    atlas_found: bool
    pixel: float  # SVG units per screen pixel of a map about 1000 pixels wide: marks and labels keep their size


def routes(graph: Graph, catalog: Catalog) -> list[Route]:
    """Every journey with at least one stop that has coordinates, in time order."""
    rows = graph.select("""SELECT ?visit ?order ?place (GROUP_CONCAT(DISTINCT STR(?d)) AS ?dates) WHERE {
        ?visit a hkg:Visit ; hkg:stop ?stop . ?stop hkg:order ?order ; hkg:place ?place .
        OPTIONAL { ?stop hkg:date ?d } } GROUP BY ?visit ?order ?place ORDER BY ?visit ?order""")
    by_visit: dict[str, Route] = {}
    for row in rows:
        journey, place = catalog.get(row["visit"].value), catalog.get(row["place"].value)
        if journey is None or place is None or place.latitude is None:
            continue
        route = by_visit.setdefault(journey.iri, Route(journey))
        route.stops.append(RouteStop(number(row["order"]), place, readable_dates(text(row.get("dates")))))
    return sorted(by_visit.values(), key=lambda route: (route.journey.earliest or "9999", route.journey.label))


def bounds_of(points, margin: float) -> tuple[float, float, float, float]:
    """(west, south, east, north) around (longitude, latitude) points."""
    longitudes = [lon for lon, _ in points] or [26.0, 45.0]  # nothing to show: Anatolia and the Caucasus
    latitudes = [lat for _, lat in points] or [36.0, 42.0]
    return (min(longitudes) - margin, min(latitudes) - margin, max(longitudes) + margin, max(latitudes) + margin)


class MapMaker:
    """The map's fixed parts (projection, outlines, routes), computed once per server."""

    def __init__(self, graph: Graph, catalog: Catalog) -> None:
        self.catalog = catalog
        self.routes = routes(graph, catalog)
        places = [place for place in catalog.by_kind["place"] if place.latitude is not None]
        route_points = [(stop.place.longitude, stop.place.latitude) for route in self.routes for stop in route.stops]
        region = bounds_of(route_points + self.treaty_places(graph), OUTLINE_MARGIN)
        self.projection = Projection((region[1] + region[3]) / 2)
        for route in self.routes:
            for stop in route.stops:
                stop.x, stop.y = self.projection.exact(stop.place.longitude, stop.place.latitude)
        self.places = [(place, *self.projection.exact(place.longitude, place.latitude),
                        round(2 + 1.5 * math.sqrt(place.mentions), 1)) for place in places]
        atlas = find_atlas()
        self.atlas_found = atlas is not None
        self.outlines = outline_paths(load_countries(atlas), self.projection, region) if atlas else []
        self.all_points = route_points

    def treaty_places(self, graph: Graph) -> list[tuple[float, float]]:
        rows = graph.select("SELECT DISTINCT ?place WHERE { ?treaty hkg:signedAt ?place }")
        places = [self.catalog.get(row["place"].value) for row in rows]
        return [(place.longitude, place.latitude) for place in places if place and place.latitude is not None]

    def view_box(self, points) -> tuple[float, float, float, float]:
        west, south, east, north = bounds_of(points, VIEW_MARGIN)
        left, top = self.projection.exact(west, north)
        right, bottom = self.projection.exact(east, south)
        return left, top, round(right - left, 2), round(bottom - top, 2)

    @lru_cache(maxsize=256)
    def view(self, journey: str = "") -> MapView:
        """The map with one journey picked out (its IRI), or all routes alike."""
        selected = next((route for route in self.routes if route.journey.iri == journey), None)
        focus = selected.stops if selected else [stop for route in self.routes for stop in route.stops]
        box = self.view_box([(stop.place.longitude, stop.place.latitude) for stop in focus])
        pixel = round(max(box[2], box[3] * 1.4) / 1000, 3)
        places = [(place, x, y, round(radius * pixel, 2)) for place, x, y, radius in self.places]
        return MapView(places, self.routes, selected, self.outlines, " ".join(f"{value:g}" for value in box),
                       self.atlas_found, pixel)
