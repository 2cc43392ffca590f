"""Exporters: a registry of name -> writer with aliases (as rdflib's plugin
map), and atomic writes: a file is written beside its target and renamed, so
a failed export never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SKOS, RDFS

from .namespaces import HKG, OA, SCHEMA, bind_prefixes

NODE_CLASSES = {HKG.Person: "Person", HKG.Place: "Place", HKG.Organization: "Organization",
                HKG.Treaty: "Treaty", HKG.Visit: "Visit", HKG.Stop: "Stop", HKG.TimeSpan: "TimeSpan",
                HKG.Source: "Source", HKG.CitedWork: "CitedWork"}


class ExportError(ValueError):
    """An unknown format or an unreadable graph (a user error)."""


@contextmanager
def atomic_path(target: Path):
    """Yield a temporary path beside `target`; rename it over `target` on
    success, remove it on failure."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are for everyone to read
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def as_graph(data: Graph | Dataset) -> Graph:
    """The union of a dataset's graphs (Turtle and GraphML hold one graph)."""
    if not isinstance(data, Dataset):
        return data
    graph = Graph()
    bind_prefixes(graph)
    for named in data.graphs():
        for triple in named:
            graph.add(triple)
    return graph


def write_turtle(data: Graph | Dataset, path: Path) -> None:
    as_graph(data).serialize(destination=str(path), format="turtle", encoding="utf-8")


def write_ntriples(data: Graph | Dataset, path: Path) -> None:
    lines = sorted(as_graph(data).serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines())
    path.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")


def write_trig(data: Graph | Dataset, path: Path) -> None:
    if not isinstance(data, Dataset):
        raise ExportError("TriG needs named graphs: export a graph.trig built by `histkg build`")
    data.serialize(destination=str(path), format="trig", encoding="utf-8")


def to_networkx(data: Graph | Dataset) -> nx.MultiDiGraph:
    """Entities (not literals) as nodes with `label` and `type`; object
    properties between them as edges labelled with the property's local name;
    where an entity is mentioned, a weighted `mentionedIn` edge to the source."""
    graph = as_graph(data)
    network = nx.MultiDiGraph()
    for cls, type_name in NODE_CLASSES.items():
        for node in graph.subjects(RDF.type, cls):
            network.add_node(str(node), **node_attributes(graph, node, type_name))
    for s, p, o in graph:
        if isinstance(o, URIRef) and str(s) in network and str(o) in network and p != RDF.type:
            name = local_name(p)
            network.add_edge(str(s), str(o), key=name, label=name, weight=1)
    for (entity, source), count in mention_counts(graph).items():
        if str(entity) in network and str(source) in network:
            network.add_edge(str(entity), str(source), key="mentionedIn", label="mentionedIn", weight=count)
    return network


def node_attributes(graph: Graph, node: URIRef, type_name: str) -> dict:
    label = (graph.value(node, SKOS.prefLabel) or graph.value(node, RDFS.label)
             or graph.value(node, URIRef("http://purl.org/dc/terms/title")) or local_name(node))
    attributes = {"label": str(label), "type": type_name, "iri": str(node),
                  "mentions": len(list(graph.objects(node, HKG.evidence)))}
    latitude, longitude = graph.value(node, SCHEMA.latitude), graph.value(node, SCHEMA.longitude)
    if latitude is not None and longitude is not None:
        attributes["latitude"], attributes["longitude"] = float(latitude), float(longitude)
    return attributes


def mention_counts(graph: Graph) -> Counter:
    """(entity, source) -> number of annotations of that entity in that source."""
    counts: Counter = Counter()
    for entity, annotation in graph.subject_objects(HKG.evidence):
        target = graph.value(annotation, OA.hasTarget)
        source = graph.value(target, OA.hasSource) if target is not None else None
        if source is not None:
            counts[(entity, source)] += 1
    return counts


def local_name(iri) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def write_graphml(data: Graph | Dataset, path: Path) -> None:
    # Named keys: Gephi then reads `label` as the label, not `d3`/`d7`.
    nx.write_graphml(to_networkx(data), str(path), named_key_ids=True, encoding="utf-8")


EXPORTERS: dict[str, Callable[[Graph | Dataset, Path], None]] = {
    "turtle": write_turtle,
    "ntriples": write_ntriples,
    "trig": write_trig,
    "graphml": write_graphml,
}
ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples"}
EXTENSIONS = {"turtle": ".ttl", "ntriples": ".nt", "trig": ".trig", "graphml": ".graphml"}


def canonical_format(name: str) -> str:
    """`ttl` -> `turtle`; an unknown name is a user error."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in EXPORTERS:
        raise ExportError(f"unknown format {name!r}; choose one of: {', '.join(sorted(EXPORTERS) + sorted(ALIASES))}")
    return key


def exporter(name: str) -> Callable[[Graph | Dataset, Path], None]:
    return EXPORTERS[canonical_format(name)]


def export(data: Graph | Dataset, fmt: str, path: Path | str) -> Path:
    write = exporter(fmt)
    with atomic_path(Path(path)) as tmp:
        write(data, tmp)
    return Path(path)


def load_graph(path: Path | str) -> Graph | Dataset:
    """Read a built graph: Turtle, N-Triples, TriG or N-Quads (by extension)."""
    path = Path(path)
    if not path.is_file():
        raise ExportError(f"no such graph file: {path}")
    fmt = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads"}.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(f"cannot tell the format of {path}: use .ttl, .nt, .trig or .nq")
    data: Graph | Dataset = Dataset() if fmt in {"trig", "nquads"} else Graph()
    try:
        data.parse(str(path), format=fmt)
    except Exception as error:  # rdflib raises many parser-specific types
        raise ExportError(f"cannot read {path} as {fmt}: {error}".splitlines()[0]) from None
    return data
