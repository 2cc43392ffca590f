"""The network of persons: two persons are linked when a source names them in the same
sentence or when they take part in the same event (leader, traveller, host, signatory), as
`histkg export`'s co-occurrence network; the weight is sentences + events.

Filters: one source (only its sentences and its claims of participation), a minimum weight.
The layout is networkx's spring layout with a fixed seed: the same filter draws the same picture.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import networkx as nx

from histkg.query.workbench.catalog import Catalog, Entity
from histkg.query.workbench.graph import Graph
from histkg.query.workbench.sentences import Sentences

SIZE = 1000  # the layout's square, in SVG units


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    sentences: int
    events: int

    @property
    def weight(self) -> int:
        return self.sentences + self.events


@dataclass
class Node:
    person: Entity
    x: float
    y: float
    radius: float
    degree: int


@dataclass
class NetworkView:
    nodes: list[Node]
    links: list[tuple[Link, Node, Node]]
    size: int


def pair_counts(groups) -> Counter:
    counts: Counter = Counter()
    for members in groups:
        counts.update(combinations(sorted(members), 2))
    return counts


def packed_layout(network: nx.Graph) -> dict:
    """The largest group of linked persons fills the top of the square, smaller groups sit in a grid
    below it: one spring layout for all would push the groups apart and squeeze the main one."""
    components = sorted((network.subgraph(nodes) for nodes in nx.connected_components(network)),
                        key=lambda part: (-len(part), sorted(part)[0]))
    main, rest = components[0], components[1:]
    share = max(0.55, len(main) / len(network)) if rest else 1.0
    positions = place(spring(main), 0.0, 0.0, 1.0, share)
    columns = math.ceil(math.sqrt(len(rest) * 4)) if rest else 1
    rows = math.ceil(len(rest) / columns) if rest else 1
    width, height = 1.0 / columns, (1.0 - share) / rows
    for index, part in enumerate(rest):
        row, column = divmod(index, columns)
        positions |= place(spring(part), column * width, share + row * height, width, height)
    return positions


def spring(part: nx.Graph) -> dict:
    if len(part) == 2:  # a pair one above the other, so that the labels beside them do not collide
        first, second = sorted(part)
        return {first: (0.5, 0.0), second: (0.5, 1.0)}
    return nx.spring_layout(part, seed=7, k=2 / math.sqrt(len(part)), iterations=100)


def place(positions: dict, left: float, top: float, width: float, height: float) -> dict:
    """Positions fitted into a cell of the square, with a margin of a tenth around them."""
    return {key: (left + width * (0.1 + 0.8 * x), top + height * (0.1 + 0.8 * y))
            for key, (x, y) in filling(positions).items()}


def filling(positions: dict) -> dict:
    """Positions stretched to fill the unit square: the layout leaves the edges of its box empty."""
    xs = [float(position[0]) for position in positions.values()]
    ys = [float(position[1]) for position in positions.values()]
    width, height = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {key: ((float(x) - min(xs)) / width, (float(y) - min(ys)) / height) for key, (x, y) in positions.items()}


class NetworkMaker:
    """Who is linked to whom, per source, read once; layouts per filter, cached."""

    def __init__(self, graph: Graph, catalog: Catalog, sentences: Sentences) -> None:
        self.catalog = catalog
        self.sentence_groups = sentences.persons_by_sentence()
        self.event_groups = self._groups(graph, """SELECT ?person ?source ?event WHERE {
            VALUES ?role { hkg:leader hkg:visitor hkg:host hkg:signatory }
            ?claim hkg:subject ?event ; hkg:predicate ?role ; hkg:object ?person ; hkg:source ?source .
            ?person a hkg:Person }""", "event")

    @staticmethod
    def _groups(graph: Graph, query: str, key: str) -> dict[str, dict[str, set[str]]]:
        """source IRI -> group (a sentence, an event) -> persons in it."""
        groups: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for row in graph.select(query):
            groups[row["source"].value][row[key].value].add(row["person"].value)
        return groups

    def links(self, source: str = "") -> list[Link]:
        sources = [source] if source else list(self.sentence_groups.keys() | self.event_groups.keys())
        sentences = pair_counts(members for name in sources for members in self.sentence_groups[name].values())
        events = pair_counts(self._events_across(sources).values())
        return [Link(a, b, sentences[(a, b)], events[(a, b)]) for a, b in sorted(sentences.keys() | events.keys())]

    def _events_across(self, sources) -> dict[str, set[str]]:
        """An event's persons over the chosen sources: two sources naming one traveller each still link them."""
        merged: dict[str, set[str]] = defaultdict(set)
        for name in sources:
            for event, persons in self.event_groups[name].items():
                merged[event] |= persons
        return merged

    @lru_cache(maxsize=128)
    def view(self, source: str = "", min_weight: int = 1) -> NetworkView:
        links = [link for link in self.links(source) if link.weight >= min_weight]
        network = nx.Graph()
        network.add_edges_from((link.a, link.b, {"weight": link.weight}) for link in links)
        if not network:
            return NetworkView([], [], SIZE)
        positions = packed_layout(network)
        nodes = {iri: self.node(iri, position, network.degree(iri)) for iri, position in positions.items()}
        ordered = sorted(nodes.values(), key=lambda node: node.person.mentions)
        return NetworkView(ordered, [(link, nodes[link.a], nodes[link.b]) for link in links], SIZE)

    def node(self, iri: str, position, degree: int) -> Node:
        person = self.catalog.get(iri)
        x, y = (float(value) * SIZE for value in position)
        return Node(person, round(x, 1), round(y, 1), round(3 + 1.6 * math.sqrt(person.mentions), 1), degree)
