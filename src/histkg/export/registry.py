"""Exporters: a registry of name -> writer with aliases (as rdflib's plugin
map), and atomic writes: a file (or a folder of tables) is written beside its
target and renamed, so a failed export never leaves half an output.

RDF formats are written of each term's text as pyoxigraph writes it
(rdflib's Turtle and TriG writers took seconds on the seeds), in an order
worked out in `ordering`, so the same graph always gives the same bytes.
JSON-LD is written here, compacted with histkg's prefixes. The networks (GraphML, GEXF, co-occurrence) live in
`networks`, the plain files (CSV, GeoJSON) in `tables`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from json.encoder import encode_basestring as json_string  # json.dumps of a str, ensure_ascii=False
from pathlib import Path

import numpy as np
import pyoxigraph as ox
from rdflib import Dataset, Graph

from histkg.export import networks, tables
from histkg.export.ordering import Columns, Ordered, ReadableTexts, pieces_of
from histkg.rdf.namespaces import DEFAULT_BASE, PREFIXES, bind_prefixes
from histkg.rdf.oxterms import XSD_STRING, UnionView
from histkg.rdf.quadstore import compact

# JSON-LD and Turtle abbreviate with the vocabulary's prefixes; JSON-LD also
# with `id:` for data under the default base (the IRIs scholars read most).
JSONLD_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()} | {"id": DEFAULT_BASE}


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
    os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; outputs are for everyone to read
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextmanager
def atomic_dir(target: Path):
    """Yield a temporary folder beside `target`; on success it takes the place
    of `target` (an older folder there is moved aside first, then removed),
    on failure it is removed."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    os.chmod(tmp, 0o777 & ~current_umask())
    try:
        yield tmp
        for child in tmp.iterdir():
            os.chmod(child, 0o666 & ~current_umask())
        if target.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.replace(target, old / target.name)
            os.replace(tmp, target)
            shutil.rmtree(old)
        else:
            os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def as_graph(data: Graph | Dataset) -> Graph:
    """The union of a dataset's graphs (Turtle and the networks hold one graph)."""
    if not isinstance(data, Dataset):
        return data
    graph = Graph()
    bind_prefixes(graph)
    for named in data.graphs():
        for triple in named:
            graph.add(triple)
    return graph


class GraphData:
    """One graph on its way to several files: its union for queries, and its
    statements in a stable order (export.ordering), worked out once however
    many files a build writes. A graph not held in a QuadStore (one read
    from a file) is copied into one first."""

    def __init__(self, data: Graph | Dataset) -> None:
        self.data = compact(data)

    @cached_property
    def ordered(self) -> Ordered:
        return Ordered(self.data.store)

    @property
    def has_named_graphs(self) -> bool:
        return isinstance(self.data, Dataset)

    @cached_property
    def union(self) -> Graph:
        return UnionView(self.data) if self.has_named_graphs else self.data

    def triples(self) -> Iterator[ox.Triple]:
        """The union's triples, each once, in order."""
        return self.ordered.triples()

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad, by graph name, then in the order of `triples`."""
        self.need_named_graphs()
        return self.ordered.quads()

    def need_named_graphs(self) -> None:
        if not self.has_named_graphs:
            raise ExportError("this format needs named graphs: export the graph.trig, graph.nq or graph.jsonld of `histkg build`")

    @cached_property
    def prefixes(self) -> dict[str, str]:
        """The prefixes whose namespace some IRI (or a literal's datatype) of the graph starts with."""
        # one text of every IRI, each namespace looked for in it once (no IRI holds a line break)
        iris = "\n" + "\n".join(self.ordered.iris)
        return {prefix: str(namespace) for prefix, namespace in PREFIXES.items() if f"\n{namespace}" in iris}

    @cached_property
    def readable_texts(self) -> ReadableTexts:
        """Each term's Turtle text with `prefixes`: shared by the Turtle and TriG writers."""
        return self.ordered.readable(self.prefixes)


def write_turtle(data: GraphData, path: Path) -> None:
    data.ordered.write_readable(path, data.readable_texts, with_graphs=False)


def write_ntriples(data: GraphData, path: Path) -> None:
    data.ordered.write_lines(path, with_graphs=False)


def write_nquads(data: GraphData, path: Path) -> None:
    data.need_named_graphs()
    data.ordered.write_lines(path, with_graphs=True)


def write_trig(data: GraphData, path: Path) -> None:
    data.need_named_graphs()
    data.ordered.write_readable(path, data.readable_texts, with_graphs=True)


def write_jsonld(data: GraphData, path: Path) -> None:
    """One JSON-LD document: the prefixes as its @context, one object per
    named graph (or a flat @graph for a single graph), one node per line;
    written a graph at a time (the whole text of 100 copies of the seeds is
    350 MB)."""
    context = json.dumps(JSONLD_PREFIXES, ensure_ascii=False, indent=2).replace("\n", "\n ")
    ordered = data.ordered
    nodes = JsonldNodes(ordered)
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'{{\n "@context": {context},\n "@graph": [\n')
        if data.has_named_graphs:
            between = ""
            for graph, rows in ordered.graph_rows():
                name, text = nodes.names[ordered.graph_names[graph]], nodes.text(rows, ",\n   ")
                out.write(f'{between}  {{"@id": {json.dumps(name)}, "@graph": [\n   {text}\n  ]}}')
                between = ",\n"
        else:
            out.write("  " + nodes.text(ordered.triple_columns, ",\n  "))
        out.write("\n ]\n}\n")


class CompactIris(dict):
    """Term -> its `compact_iri`, worked out once per term: a graph names
    the same predicates, classes and nodes again and again."""

    def __missing__(self, term) -> str:
        self[term] = name = compact_iri(term)
        return name


class JsonldNodes:
    """Statements in order (export.ordering.Columns) -> the text of one
    compact JSON object per subject, as `json.dumps` writes it: `{"@id": id,
    key: value, key: [value, value]}`, rdf:type as "@type" where all of a
    node's classes are IRIs. Joined of each term's JSON, made once, picked
    by the columns: no dict, and no call of `json.dumps`, per node."""

    def __init__(self, ordered: Ordered) -> None:
        self.ordered = ordered
        self.names = CompactIris()
        self.values = np.empty(len(ordered.texts), dtype=object)  # an object's rank -> its JSON
        self.classes = np.empty(len(ordered.texts), dtype=object)  # a class's rank -> its name's JSON
        self.openings = np.empty(len(ordered.subject_texts), dtype=object)  # a subject's rank -> `{"@id": …, `
        self.is_iri = np.array([isinstance(term, ox.NamedNode) for term in ordered.text_terms], dtype=bool)

    def text(self, statements: Columns, between: str) -> str:
        """The nodes of `statements`, `between` one and the next."""
        count = len(statements)
        if not count:
            return ""
        subjects, predicates, objects = statements.subjects, statements.predicates, statements.objects
        new_node = np.ones(count, dtype=bool)
        new_node[1:] = subjects[1:] != subjects[:-1]
        new_key = new_node.copy()  # a (subject, predicate) group's first value
        new_key[1:] |= predicates[1:] != predicates[:-1]
        starts = np.flatnonzero(new_key)
        group = np.cumsum(new_key) - 1
        listed = (np.diff(np.append(starts, count)) > 1)[group]  # the group's values written as a list
        typed = ((predicates[starts] == self.ordered.type_rank)
                 & np.logical_and.reduceat(self.is_iri[objects], starts))[group]  # "@type": the classes' names
        last_of_key, last_of_node = np.ones(count, dtype=bool), np.ones(count, dtype=bool)
        last_of_key[:-1], last_of_node[:-1] = new_key[1:], new_node[1:]

        leads = pieces_of([", ", between])[new_node.astype(np.intp)]
        leads[0] = ""
        openings = self.made(self.openings, subjects[new_node], self.opening)[subjects]
        openings[~new_node] = ""
        keys = self.keys(predicates, listed, typed)
        keys[~new_key] = ""
        values = self.made(self.values, objects[~typed], self.value)[objects]
        values[typed] = self.made(self.classes, objects[typed], self.class_name)[objects[typed]]
        closings = pieces_of(["", "]", "}", "]}"])[(last_of_key & listed) + 2 * last_of_node.astype(np.intp)]
        pieces = np.empty(5 * count, dtype=object)
        for index, column in enumerate((leads, openings, keys, values, closings)):
            pieces[index::5] = column
        return "".join(pieces.tolist())

    def keys(self, predicates: np.ndarray, listed: np.ndarray, typed: np.ndarray) -> np.ndarray:
        """What opens each statement's group: `"key": ` or `"key": [`."""
        terms, names = self.ordered.text_terms, self.names
        distinct, which = np.unique(predicates, return_inverse=True)
        single = pieces_of(f"{json_string(names[terms[rank]])}: " for rank in distinct.tolist())
        keys = np.where(listed, pieces_of(f"{key}[" for key in single)[which], single[which])
        keys[typed & ~listed], keys[typed & listed] = '"@type": ', '"@type": ['
        return keys

    @staticmethod
    def made(held: np.ndarray, ranks: np.ndarray, make: Callable[[int], str]) -> np.ndarray:
        """`held`, with the texts of `ranks` made where they are not yet."""
        needed = np.unique(ranks)
        for rank in needed[np.equal(held[needed], None)].tolist():
            held[rank] = make(rank)
        return held

    def opening(self, rank: int) -> str:
        return f'{{"@id": {json_string(self.names[self.ordered.subject_terms[rank]])}, '

    def value(self, rank: int) -> str:
        return jsonld_value(self.ordered.text_terms[rank], self.names)

    def class_name(self, rank: int) -> str:
        return json_string(self.names[self.ordered.text_terms[rank]])


def jsonld_value(term, names: CompactIris) -> str:
    """A node's value as JSON-LD, in the text `json.dumps` gives its object."""
    if isinstance(term, ox.Literal):
        if term.language:
            return f'{{"@value": {json_string(term.value)}, "@language": {json_string(term.language)}}}'
        if term.datatype.value != XSD_STRING:  # lexical form kept: a JSON number would change the datatype
            return f'{{"@value": {json_string(term.value)}, "@type": {json_string(names[term.datatype])}}}'
        return json_string(term.value)
    return f'{{"@id": {json_string(names[term])}}}'


# The first of JSONLD_PREFIXES whose namespace an IRI starts with, a local name after it (not one
# that starts with `//`): alternatives are tried in order, one match per IRI instead of a loop.
PREFIXED = re.compile("|".join(f"({re.escape(namespace)})(?=.)(?!//)" for namespace in JSONLD_PREFIXES.values()),
                      re.DOTALL)
PREFIX_NAMES = list(JSONLD_PREFIXES)


def compact_iri(term) -> str:
    """`hkg:Person` for an IRI in a known namespace; blank nodes as `_:id`."""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    text = term.value
    found = PREFIXED.match(text)
    return f"{PREFIX_NAMES[found.lastindex - 1]}:{text[found.end():]}" if found else text


def on_union(write: Callable[[Graph, Path], None]) -> Callable[[GraphData, Path], None]:
    """Networks and tables read the union graph."""
    return lambda data, path: write(data.union, path)


EXPORTERS: dict[str, Callable[[GraphData, Path], None]] = {
    "turtle": write_turtle,
    "ntriples": write_ntriples,
    "nquads": write_nquads,
    "trig": write_trig,
    "jsonld": write_jsonld,
    "graphml": on_union(networks.write_entity_graphml),
    "gexf": on_union(networks.write_event_gexf),
    "csv": on_union(tables.write_csv_tables),
    "geojson": on_union(tables.write_geojson),
    "cooccurrence-graphml": on_union(networks.write_cooccurrence_graphml),
    "cooccurrence-gexf": on_union(networks.write_cooccurrence_gexf),
}
ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "nq": "nquads", "n-quads": "nquads",
           "json-ld": "jsonld"}
# What an output's name ends with after the graph's stem: `graph` -> `graph.nt`, `graph-csv/`.
EXTENSIONS = {"turtle": ".ttl", "ntriples": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld",
              "graphml": ".graphml", "gexf": ".gexf", "csv": "-csv", "geojson": ".geojson",
              "cooccurrence-graphml": "-cooccurrence.graphml", "cooccurrence-gexf": "-cooccurrence.gexf"}
FOLDER_FORMATS = {"csv"}  # written as a folder of files
READERS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}


def canonical_format(name: str) -> str:
    """`ttl` -> `turtle`; an unknown name is a user error."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in EXPORTERS:
        raise ExportError(f"unknown format {name!r}; choose one of: {', '.join(sorted(EXPORTERS) + sorted(ALIASES))}")
    return key


def exporter(name: str) -> Callable[[GraphData, Path], None]:
    return EXPORTERS[canonical_format(name)]


def default_output(graph_path: Path | str, fmt: str) -> Path:
    """Where `histkg export GRAPH --to FMT` writes without -o: beside GRAPH."""
    graph_path = Path(graph_path)
    return graph_path.with_name(graph_path.stem + EXTENSIONS[canonical_format(fmt)])


def export(data: Graph | Dataset | GraphData, fmt: str, path: Path | str) -> Path:
    """Write `data` as `fmt` to `path` (a folder for csv), atomically."""
    write = exporter(fmt)
    data = data if isinstance(data, GraphData) else GraphData(data)
    path = Path(path)
    folder = canonical_format(fmt) in FOLDER_FORMATS
    if path.is_dir() != folder and path.exists():
        raise ExportError(f"{path} is {'a file' if folder else 'a folder'}: {fmt} writes {'a folder' if folder else 'a file'}")
    with (atomic_dir if folder else atomic_path)(path) as tmp:
        write(data, tmp)
    return path


def load_graph(path: Path | str) -> Graph | Dataset:
    """Read a built graph: Turtle, N-Triples, TriG, N-Quads or JSON-LD (by extension)."""
    path = Path(path)
    if not path.is_file():
        raise ExportError(f"no such graph file: {path}")
    fmt = READERS.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(f"cannot tell the format of {path}: use {', '.join(READERS)}")
    data: Graph | Dataset = Dataset() if fmt in {"trig", "nquads", "json-ld"} else Graph()
    try:
        data.parse(str(path), format=fmt)
    except Exception as error:  # rdflib raises many parser-specific types
        raise ExportError(f"cannot read {path} as {fmt}: {error}".splitlines()[0]) from None
    bind_prefixes(data)
    return data
