"""Exporters: a registry of name -> writer with aliases (as rdflib's plugin
map), and atomic writes: a file (or a folder of tables) is written beside its
target and renamed, so a failed export never leaves half an output.

RDF formats are written of each term's text as pyoxigraph writes it
(rdflib's Turtle and TriG writers took seconds on the seeds), in an order
worked out in `ordering`, so the same graph always gives the same bytes. JSON-LD is written here, compacted with
histkg's prefixes. The networks (GraphML, GEXF, co-occurrence) live in
`networks`, the plain files (CSV, GeoJSON) in `tables`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from histkg.export import networks, tables
from histkg.export.ordering import Columns, Ordered, ReadableTexts
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
    nodes_of = JsonldNodes(ordered)
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'{{\n "@context": {context},\n "@graph": [\n')
        if data.has_named_graphs:
            between = ""
            for graph, rows in ordered.graph_rows():
                nodes = ",\n   ".join(nodes_of(rows))
                name = nodes_of.names[ordered.graph_names[graph]]
                out.write(f'{between}  {{"@id": {json.dumps(name)}, "@graph": [\n   {nodes}\n  ]}}')
                between = ",\n"
        else:
            out.write("  " + ",\n  ".join(nodes_of(ordered.triple_columns)))
        out.write("\n ]\n}\n")


RDF_TYPE_NODE = ox.NamedNode(str(RDF.type))


class CompactIris(dict):
    """Term -> its `compact_iri`, worked out once per term: a graph names
    the same predicates, classes and nodes again and again."""

    def __missing__(self, term) -> str:
        self[term] = name = compact_iri(term)
        return name


class JsonldNodes:
    """Statements in order (export.ordering.Columns) -> one compact JSON
    object per subject; each term's JSON is made once."""

    def __init__(self, ordered: Ordered) -> None:
        self.ordered = ordered
        self.names = CompactIris()
        self.values: dict[int, dict | str] = {}  # an object's rank -> its JSON

    def __call__(self, statements: Columns) -> Iterator[str]:
        ordered, names = self.ordered, self.names
        terms = ordered.text_terms
        rows = zip(statements.subjects.tolist(), statements.predicates.tolist(), statements.objects.tolist())
        for subject, group in groupby(rows, key=itemgetter(0)):
            node: dict = {"@id": names[ordered.subject_terms[subject]]}
            for predicate, values in groupby(group, key=itemgetter(1)):
                objects = [obj for *_, obj in values]
                if terms[predicate] == RDF_TYPE_NODE and all(isinstance(terms[o], ox.NamedNode) for o in objects):
                    key, items = "@type", [names[terms[o]] for o in objects]
                else:
                    key, items = names[terms[predicate]], [self.value(o) for o in objects]
                node[key] = items[0] if len(items) == 1 else items
            yield json.dumps(node, ensure_ascii=False)

    def value(self, rank: int) -> dict | str:
        value = self.values.get(rank)
        if value is None:
            value = self.values[rank] = jsonld_value(self.ordered.text_terms[rank], self.names)
        return value


def jsonld_value(term, names: CompactIris) -> dict | str:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value != XSD_STRING:  # lexical form kept: a JSON number would change the datatype
            return {"@value": term.value, "@type": names[term.datatype]}
        return term.value
    return {"@id": names[term]}


def compact_iri(term) -> str:
    """`hkg:Person` for an IRI in a known namespace; blank nodes as `_:id`."""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    text = term.value
    for prefix, namespace in JSONLD_PREFIXES.items():
        local = text[len(namespace):]
        if text.startswith(namespace) and local and not local.startswith("//"):
            return f"{prefix}:{local}"
    return text


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
