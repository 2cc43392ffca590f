"""Exports: every file reads back with a reader other than the one that wrote
it (rdflib and pyoxigraph, networkx and igraph, json and csv), the same
triples per named graph, networks Gephi can open, time as GEXF spells.

Events are tested on a small dataset built by hand after the vocabulary
contract, and on the seeds' graph where it has rows."""

from __future__ import annotations

import csv
import json
import math
import re
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import igraph
import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hand_built import add_annotation
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, SKOS, XSD

from histkg.cli import main
from histkg.export.networks import (
    attribute_types,
    cooccurrence_network,
    event_network,
    merge_spells,
)
from histkg.export.registry import (
    EXPORTERS,
    EXTENSIONS,
    ExportError,
    GraphData,
    compact_iri,
    export,
    load_graph,
)
from histkg.pipeline import OUTPUTS
from histkg.rdf.namespaces import HKG, SCHEMA
from histkg.rdf.oxterms import OxConverter

ID = "https://w3id.org/histkg/id/"
GEXF_NS = "{http://gexf.net/1.3}"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# A small event dataset, by the vocabulary contract --------------------------------

def iri(path: str) -> URIRef:
    return URIRef(ID + path)


class EventGraphBuilder:
    """Adds sources, entities with evidence, and events to a Dataset."""

    def __init__(self) -> None:
        self.dataset = Dataset()

    def graph(self, doc: str) -> Graph:
        graph = self.dataset.graph(iri(f"graph/{doc}"))
        source = iri(f"source/{doc}")
        graph.add((source, RDF.type, HKG.Source))
        graph.add((source, HKG.file, Literal(f"seeds/{doc}.txt")))
        return graph

    def annotation(self, doc: str, start: int, exact: str, sentence: str) -> URIRef:
        node = iri(f"annotation/{doc}/{start}-{start + len(exact)}")
        return add_annotation(self.graph(doc), node, iri(f"source/{doc}"), start, exact, sentence)

    def entity(self, doc: str, cls: URIRef, path: str, label: str, *mentions: tuple[int, str]) -> URIRef:
        graph, node = self.graph(doc), iri(path)
        graph.add((node, RDF.type, cls))
        graph.add((node, SKOS.prefLabel, Literal(label, lang="tr")))
        for start, sentence in mentions:
            graph.add((node, HKG.evidence, self.annotation(doc, start, label, sentence)))
        return node

    def place(self, doc: str, slug: str, label: str, position: tuple[float, float] | None, geonames: int | None = None):
        node = self.entity(doc, HKG.Place, f"place/{slug}", label, (900 + len(slug), f"{label} bir şehirdir."))
        graph = self.graph(doc)
        if position:
            graph.add((node, SCHEMA.latitude, Literal(f"{position[0]:.5f}", datatype=XSD.decimal)))
            graph.add((node, SCHEMA.longitude, Literal(f"{position[1]:.5f}", datatype=XSD.decimal)))
        if geonames:
            graph.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{geonames}/")))
        return node

    def claim(self, doc: str, number: int, subject: URIRef, predicate: URIRef, value, evidence: URIRef,
              year_from_context: bool = False, problem: str | None = None,
              inference: str | None = None) -> URIRef:
        graph, node = self.graph(doc), iri(f"claim/{doc}-{number}")
        graph.add((node, RDF.type, HKG.Claim))
        for prop, obj in ((HKG.subject, subject), (HKG.predicate, predicate), (HKG.object, value),
                          (HKG.source, iri(f"source/{doc}")), (HKG.evidence, evidence)):
            graph.add((node, prop, obj))
        if year_from_context:
            graph.add((node, HKG.yearFromContext, Literal(True)))
        if problem:
            graph.add((node, HKG.problem, Literal(problem)))
        if inference:
            graph.add((node, HKG.inference, Literal(inference)))
        return node


def day(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def make_event_dataset() -> Dataset:
    """Two sources. Gümrü treaty (1920-12-02 in b, 1920-12-03 in a), signed at
    Gümrü by Kazım and Aleksandropol's delegate; Ali Fuat's visit to Moscow
    (leader Ali Fuat, visitor Rıza Nur, host Çiçerin) through Ankara, Tiflis
    (no coordinates), Moskova; Frunze's visit with one located stop (no line)."""
    b = EventGraphBuilder()
    sentence = "Ali Fuat Paşa ve Rıza Nur Moskova'ya gittiler."
    ali = b.entity("a", HKG.Person, "person/ali-fuat", "Ali Fuat", (10, sentence), (300, "Ali Fuat döndü."))
    riza = b.entity("a", HKG.Person, "person/riza-nur", "Rıza Nur", (26, sentence))
    cicerin = b.entity("a", HKG.Person, "person/cicerin", "Çiçerin", (400, "Çiçerin heyeti karşıladı."))
    kazim = b.entity("b", HKG.Person, "person/kazim-karabekir", "Kazım Karabekir", (50, "Kazım Karabekir imzaladı."))
    frunze = b.entity("b", HKG.Person, "person/frunze", "Frunze", (700, "Frunze Ankara'ya geldi."))
    for doc, person, role in (("a", ali, "actor"), ("a", riza, "both"), ("a", cicerin, "actor"),
                              ("b", kazim, "actor"), ("b", frunze, "cited_author")):
        b.graph(doc).add((person, HKG.narrativeRole, Literal(role)))
    ankara = b.place("a", "ankara", "Ankara", (39.91987, 32.85427), geonames=323786)
    tiflis = b.place("a", "tiflis", "Tiflis", None)
    moskova = b.place("a", "moskova", "Moskova", (55.75222, 37.61556), geonames=524901)
    gumru = b.place("b", "gumru", "Gümrü", (40.7942, 43.84528))
    ermenistan = b.entity("b", HKG.Organization, "organization/ermenistan", "Ermenistan", (60, "Ermenistan kabul etti."))

    treaty = iri("treaty/gumru-antlasmasi")
    evidence_a = b.annotation("a", 500, "3 Aralık 1920", "Gümrü Antlaşması 3 Aralık 1920'de imzalandı.")
    evidence_b = b.annotation("b", 80, "2 Aralık", "Antlaşma 2 Aralık'ta imzalandı.")
    for doc, value, evidence, number in (("a", "1920-12-03", evidence_a, 1), ("b", "1920-12-02", evidence_b, 2)):
        graph = b.graph(doc)
        graph.add((treaty, RDF.type, HKG.Treaty))
        graph.add((treaty, SKOS.prefLabel, Literal("Gümrü Antlaşması", lang="tr")))
        graph.add((treaty, HKG.signedOn, day(value)))
        b.claim(doc, number, treaty, HKG.signedOn, day(value), evidence, year_from_context=doc == "b")
    b.claim("b", 4, treaty, HKG.party, ermenistan, evidence_b, inference="the side the sentence leaves out")
    graph = b.graph("b")
    graph.add((treaty, HKG.earliest, day("1920-12-02")))
    graph.add((treaty, HKG.latest, day("1920-12-03")))
    graph.add((treaty, HKG.signedAt, gumru))
    graph.add((treaty, HKG.party, ermenistan))
    graph.add((treaty, HKG.signatory, kazim))

    visit = iri("visit/ali-fuat-moskova-1921")
    graph = b.graph("a")
    graph.add((visit, RDF.type, HKG.Visit))
    graph.add((visit, SKOS.prefLabel, Literal("Ali Fuat → Moskova (1921)", lang="tr")))
    for prop, node in ((HKG.leader, ali), (HKG.visitor, ali), (HKG.visitor, riza), (HKG.host, cicerin),
                       (HKG.origin, ankara), (HKG.destination, moskova)):
        graph.add((visit, prop, node))
    graph.add((visit, HKG.startDate, Literal("1921-01", datatype=XSD.gYearMonth)))
    graph.add((visit, HKG.earliest, day("1921-01-01")))
    graph.add((visit, HKG.latest, day("1921-02-20")))
    b.claim("a", 3, visit, HKG.startDate, Literal("1921-01", datatype=XSD.gYearMonth), evidence_a,
            problem="the text says Pazar but the day is unknown")
    # Stops added out of order: the itinerary follows hkg:order, not insertion.
    for order, place, dates in ((3, moskova, ("1921-02-18", "1921-02-20")), (1, ankara, ("1921-01-01", "1921-01-03")),
                                (2, tiflis, None)):
        stop = URIRef(f"{visit}/stop/{order}")
        graph.add((visit, HKG.stop, stop))
        graph.add((stop, RDF.type, HKG.Stop))
        graph.add((stop, HKG.order, Literal(order)))
        graph.add((stop, HKG.place, place))
        if dates:
            graph.add((stop, HKG.earliest, day(dates[0])))
            graph.add((stop, HKG.latest, day(dates[1])))

    short = iri("visit/frunze-ankara-1921")
    graph = b.graph("b")
    graph.add((short, RDF.type, HKG.Visit))
    graph.add((short, SKOS.prefLabel, Literal("Frunze → Ankara (1921)", lang="tr")))
    graph.add((short, HKG.leader, frunze))
    graph.add((short, HKG.visitor, frunze))
    graph.add((short, HKG.visitor, kazim))
    graph.add((short, HKG.earliest, day("1921-12-13")))
    graph.add((short, HKG.latest, day("1922-01-02")))
    stop = URIRef(f"{short}/stop/1")
    graph.add((short, HKG.stop, stop))
    graph.add((stop, RDF.type, HKG.Stop))
    graph.add((stop, HKG.order, Literal(1)))
    graph.add((stop, HKG.place, ankara))
    return b.dataset


@pytest.fixture(scope="module")
def events() -> Dataset:
    return make_event_dataset()


@pytest.fixture(scope="module")
def events_out(events, tmp_path_factory) -> Path:
    """Every format of the event dataset, under the names a build gives them."""
    out = tmp_path_factory.mktemp("events")
    data = GraphData(events)
    for name, fmt in OUTPUTS.items():
        export(data, fmt, out / name)
    return out


def quads_of(dataset: Dataset) -> set[tuple]:
    return {(s, p, o, g.identifier) for g in dataset.graphs() for s, p, o in g}


def triples_of(dataset: Dataset) -> set[tuple]:
    return {(s, p, o) for s, p, o, _ in quads_of(dataset)}


# RDF formats ------------------------------------------------------------------------

def test_build_writes_every_output_readable_by_all_and_no_temporary_left(seeds_build):
    result, out = seeds_build
    assert result.conforms
    for name in [*OUTPUTS, "validation.txt"]:
        path = out / name
        assert path.exists(), name
        files = list(path.iterdir()) if path.is_dir() else [path]
        assert files and all(f.stat().st_size > 0 and f.stat().st_mode & 0o044 == 0o044 for f in files), name
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert set(result.export_seconds) == set(OUTPUTS)


RDF_FILES = [("graph.ttl", "turtle", False), ("graph.nt", "nt", False), ("graph.trig", "trig", True),
             ("graph.nq", "nquads", True), ("graph.jsonld", "json-ld", True)]


@pytest.mark.parametrize("name, rdflib_format, named", RDF_FILES)
def test_rdf_file_reads_back_with_rdflib_as_the_build(seeds_build, name, rdflib_format, named):
    result, out = seeds_build
    read = Dataset()
    read.parse(out / name, format=rdflib_format)
    if named:  # the same triples in the same named graph, one graph per source
        assert quads_of(read) == quads_of(result.dataset)
        assert len({g for *_, g in quads_of(read)}) == 2
    else:
        union = Graph()
        for triple in triples_of(read):
            union.add(triple)
        expected = Graph()
        for triple in triples_of(result.dataset):
            expected.add(triple)
        assert isomorphic(union, expected)


@pytest.mark.parametrize("name, rdflib_format, named", RDF_FILES)
def test_rdf_file_reads_back_with_pyoxigraph_as_the_build(seeds_build, name, rdflib_format, named):
    result, out = seeds_build
    convert = OxConverter()
    read = list(ox.parse(path=str(out / name)))  # quads, in the default graph for Turtle and N-Triples
    if named:
        expected = {ox.Quad(convert(s), convert(p), convert(o), convert(g)) for s, p, o, g in quads_of(result.dataset)}
        assert set(read) == expected
    else:
        expected = {ox.Triple(convert(s), convert(p), convert(o)) for s, p, o in triples_of(result.dataset)}
        assert {quad.triple for quad in read} == expected and len(read) == len(expected)


def test_the_same_graph_gives_the_same_bytes_in_every_rdf_format(events, tmp_path):
    for fmt in ("turtle", "ntriples", "trig", "nquads", "jsonld"):
        first = export(events, fmt, tmp_path / f"one.{fmt}").read_bytes()
        shuffled = Dataset()  # the same quads added in another order
        for quad in sorted(quads_of(events), key=str, reverse=True):
            shuffled.graph(quad[3]).add(quad[:3])
        assert export(shuffled, fmt, tmp_path / f"two.{fmt}").read_bytes() == first, fmt


def test_turtle_and_trig_are_readable_prefixed_and_sorted(seeds_build):
    _, out = seeds_build
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    header = [line for line in turtle.splitlines() if line.startswith("@prefix")]
    assert header == sorted(header) and "@prefix hkg: <https://w3id.org/histkg/ontology#> ." in header
    assert "@prefix sem:" not in turtle  # only prefixes the graph uses
    assert " a hkg:Person ;" in turtle and "skos:prefLabel" in turtle and "\n\n<" in turtle
    subjects = [line.split(" ", 1)[0].strip("<>") for line in turtle.splitlines() if line.startswith("<")]
    assert subjects == sorted(subjects) and len(subjects) == len(set(subjects))
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert trig.count(" {\n") == 2 and "\ta hkg:" not in trig


def pyoxigraph_lines(statements: list, fmt: ox.RdfFormat, prefixes: dict[str, str]) -> list[str]:
    """pyoxigraph's own Turtle or TriG of `statements`, its @prefix lines sorted: what histkg's writers
    lay out, but for their blank lines."""
    lines = ox.serialize(statements, format=fmt, prefixes=prefixes).decode().split("\n")
    return sorted(line for line in lines if line.startswith("@prefix ")) + [
        line for line in lines if line and not line.startswith("@prefix ")]


def assert_laid_out_as_pyoxigraph(data: GraphData, tmp_path: Path) -> None:
    for fmt, statements, ox_format in (("turtle", list(data.triples()), ox.RdfFormat.TURTLE),
                                       ("trig", list(data.quads()), ox.RdfFormat.TRIG)):
        text = export(data, fmt, tmp_path / f"g.{fmt}").read_text(encoding="utf-8")
        assert [line for line in text.split("\n") if line] == pyoxigraph_lines(statements, ox_format,
                                                                              data.prefixes), fmt
        assert "\n\n\n" not in text and text.endswith("\n") and not text.endswith("\n\n"), fmt


def test_turtle_and_trig_of_the_seeds_are_what_pyoxigraph_writes_of_them_with_blank_lines(seeds_build,
                                                                                         tmp_path):
    result, out = seeds_build
    data = GraphData(result.dataset)
    assert_laid_out_as_pyoxigraph(data, tmp_path)
    assert (tmp_path / "g.turtle").read_bytes() == (out / "graph.ttl").read_bytes()


def test_turtle_and_trig_write_every_kind_of_term_as_pyoxigraph_does(tmp_path):
    # each term's text comes from pyoxigraph's own Turtle of it: escapes, prefixed names only where the
    # local name allows one, native numbers and booleans, blank nodes, rdf:type as an object, graphs named
    # with a prefix, the default graph's statements outside braces, between two named graphs
    def hkg(name: str) -> URIRef:
        return URIRef(str(HKG) + name)

    dataset = Dataset()
    person, place = iri("person/a"), iri("place/b")
    # the graphs in the order of their names: graph/a, hkg:z-graph, the default graph (rdflib's urn:x-rdflib:),
    # urn:zz
    default, first, last = dataset.default_graph, dataset.graph(iri("graph/a")), dataset.graph(hkg("z-graph"))
    dataset.graph(URIRef("urn:zz:graph")).add((person, SKOS.note, Literal("after the default graph")))
    odd_iris = [hkg("a.b."), hkg("x%20y"), hkg("(paren)"), hkg("1st"), URIRef("urn:isbn:0451450523"), hkg("")]
    for number, node in enumerate(odd_iris):
        default.add((node, RDF.type, hkg("Thing")))
        first.add((person, hkg("related"), node))
        last.add((node, SKOS.note, Literal(number)))
    literals = [Literal('a "quoted"\tword\nover\\lines'), Literal("Ankara", lang="tr"), Literal(5),
                Literal("05", datatype=XSD.integer), Literal("1.50", datatype=XSD.decimal), Literal(2.5e3),
                Literal(True), Literal("1920-12-02", datatype=XSD.date), Literal("x", datatype=XSD.string),
                Literal("odd", datatype=URIRef("urn:type:odd")), Literal("@prefix x: <urn:x> .")]
    for literal in literals:
        first.add((person, SKOS.note, literal))
    blank = BNode("b1")
    first.add((blank, hkg("about"), place))
    last.add((place, hkg("kind"), RDF.type))
    last.add((place, hkg("seenBy"), blank))
    first.add((person, SKOS.note, Literal("x")))  # the same in RDF 1.1 as "x"^^xsd:string, above
    assert_laid_out_as_pyoxigraph(GraphData(dataset), tmp_path)
    for fmt in ("ntriples", "nquads"):
        lines = export(dataset, fmt, tmp_path / f"g.{fmt}").read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(set(lines)) and sum(' "x" ' in line for line in lines) == 1, fmt
    text = (tmp_path / "g.trig").read_text(encoding="utf-8")
    assert "\nhkg:z-graph {\n\t" in text and "\nhkg:1st a hkg:Thing .\nhkg:a.b\\. a hkg:Thing .\n" in text
    assert text.endswith('hkg:x\\%20y a hkg:Thing .\n<urn:isbn:0451450523> a hkg:Thing .\n<urn:zz:graph> {\n\t'
                         '<https://w3id.org/histkg/id/person/a> skos:note "after the default graph" .\n}\n')


def test_turtle_binds_the_prefixes_of_iris_and_datatypes_only(tmp_path):
    graph = Graph()
    graph.add((iri("person/a"), SKOS.prefLabel, Literal("A", lang="tr")))
    graph.add((iri("person/a"), HKG.narrativeRole, Literal("actor")))
    turtle = export(graph, "turtle", tmp_path / "g.ttl").read_text(encoding="utf-8")
    header = [line.split()[1] for line in turtle.splitlines() if line.startswith("@prefix")]
    assert header == ["hkg:", "rdf:", "skos:", "xsd:"]  # rdf:langString and xsd:string are datatypes too
    assert turtle.endswith(' "A"@tr ;\n\thkg:narrativeRole "actor" .\n') and "\n\n\n" not in turtle


def test_a_literal_that_quotes_a_prefix_line_stays_in_the_body_of_the_turtle(tmp_path):
    graph = Graph()
    graph.add((iri("person/a"), SKOS.prefLabel, Literal("A", lang="tr")))
    graph.add((iri("person/a"), HKG.narrativeRole, Literal("@prefix x: <urn:x> . (a quoted line)")))
    path = export(graph, "turtle", tmp_path / "g.ttl")
    assert isomorphic(Graph().parse(path, format="turtle"), graph)
    assert path.read_text(encoding="utf-8").startswith("@prefix hkg: ")


def test_jsonld_names_an_iri_by_its_namespace_only_where_a_local_name_follows():
    assert compact_iri(ox.NamedNode(ID + "person/a")) == "id:person/a"
    assert compact_iri(ox.NamedNode(str(HKG) + "Person")) == "hkg:Person"
    assert compact_iri(ox.NamedNode(str(HKG))) == str(HKG)  # the namespace itself has no local name
    assert compact_iri(ox.NamedNode("https://schema.org/x/y")) == "schema:x/y"
    assert compact_iri(ox.NamedNode("https://schema.org///x")) == "https://schema.org///x"  # not `schema://x`
    assert compact_iri(ox.NamedNode("urn:isbn:0451450523")) == "urn:isbn:0451450523"
    assert compact_iri(ox.BlankNode("b1")) == "_:b1"


def test_jsonld_has_a_context_of_prefixes_and_compact_names(events_out):
    document = json.loads((events_out / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"]["hkg"] == "https://w3id.org/histkg/ontology#"
    assert document["@context"]["skos"] == "http://www.w3.org/2004/02/skos/core#"
    graphs = {graph["@id"]: graph["@graph"] for graph in document["@graph"]}
    assert set(graphs) == {"id:graph/a", "id:graph/b"}
    treaty = next(node for node in graphs["id:graph/b"] if node["@id"] == "id:treaty/gumru-antlasmasi")
    assert treaty["@type"] == "hkg:Treaty"
    assert treaty["skos:prefLabel"] == {"@value": "Gümrü Antlaşması", "@language": "tr"}
    assert treaty["hkg:signedOn"] == {"@value": "1920-12-02", "@type": "xsd:date"}
    assert treaty["hkg:signedAt"] == {"@id": "id:place/gumru"}


def test_load_graph_reads_every_rdf_format_a_build_writes(events_out, events):
    for name in ("graph.ttl", "graph.nt", "graph.trig", "graph.nq", "graph.jsonld"):
        data = load_graph(events_out / name)
        read = quads_of(data) if isinstance(data, Dataset) else {(*t, None) for t in data}
        assert {q[:3] for q in read} == triples_of(events), name


def test_trig_and_nquads_need_named_graphs(events_out, tmp_path):
    turtle_only = load_graph(events_out / "graph.ttl")
    for fmt in ("trig", "nquads"):
        with pytest.raises(ExportError, match="named graphs"):
            export(turtle_only, fmt, tmp_path / f"x.{fmt}")
        assert not list(tmp_path.iterdir())


def test_a_failed_export_leaves_neither_output_nor_temporary(events, tmp_path, monkeypatch):
    def broken(data, path):
        (path / "half.csv" if path.is_dir() else path).write_text("half")
        raise RuntimeError("disk full")

    for fmt in ("turtle", "csv"):
        monkeypatch.setitem(EXPORTERS, fmt, broken)
        with pytest.raises(RuntimeError):
            export(events, fmt, tmp_path / f"out{EXTENSIONS[fmt]}")
    assert not list(tmp_path.iterdir())


def test_csv_folder_replaces_an_older_one_whole(events, tmp_path):
    target = tmp_path / "graph-csv"
    target.mkdir()
    (target / "stale.csv").write_text("old")
    export(events, "csv", target)
    assert sorted(p.name for p in target.iterdir()) == ["claims.csv", "entities.csv", "events.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["graph-csv"]


# GraphML --------------------------------------------------------------------------------

def assert_graphml_reads_with_networkx_and_igraph(path: Path) -> nx.Graph:
    network = nx.read_graphml(path)
    other = igraph.Graph.Read_GraphML(str(path))
    assert (other.vcount(), other.ecount()) == (network.number_of_nodes(), network.number_of_edges())
    assert sorted(other.vs["label"]) == sorted(data["label"] for _, data in network.nodes(data=True))
    keys = ET.parse(path).getroot().findall("{http://graphml.graphdrawing.org/xmlns}key")
    assert keys and all(not re.fullmatch(r"d\d+", key.get("id")) for key in keys)  # named keys for Gephi
    declared = [(key.get("for"), key.get("attr.name")) for key in keys]
    assert len(declared) == len(set(declared))  # one type per attribute
    assert all(data.get("label") for _, data in network.nodes(data=True))
    return network


def test_entity_graphml_reads_with_networkx_and_igraph_with_events(seeds_build):
    _, out = seeds_build
    network = assert_graphml_reads_with_networkx_and_igraph(out / "graph.graphml")
    types = {data["type"] for _, data in network.nodes(data=True)}
    assert {"Person", "Place", "Organization", "Treaty", "Source"} <= types
    assert all(data["label"] for *_, data in network.edges(data=True))


def test_entity_graphml_of_the_event_fixture_links_treaty_and_stops(events_out):
    network = assert_graphml_reads_with_networkx_and_igraph(events_out / "graph.graphml")
    treaty = ID + "treaty/gumru-antlasmasi"
    assert network.nodes[treaty]["earliest"] == "1920-12-02" and network.nodes[treaty]["latest"] == "1920-12-03"
    assert network.has_edge(treaty, ID + "place/gumru")
    assert network.nodes[ID + "visit/ali-fuat-moskova-1921/stop/2"]["label"] == "Tiflis (stop 2)"


# GEXF ------------------------------------------------------------------------------------

def gexf_root(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF_NS}gexf" and root.get("version") == "1.3"
    return root


def spells_by_id(root: ET.Element, kind: str) -> dict[str, list[tuple[str, str]]]:
    found = {}
    for element in root.iter(f"{GEXF_NS}{kind}"):
        key = element.get("id") if kind == "node" else (element.get("source"), element.get("target"))
        found[key] = [(s.get("start"), s.get("end")) for s in element.iter(f"{GEXF_NS}spell")]
    return found


def test_event_gexf_is_dynamic_gexf_13_that_networkx_reads(events_out):
    path = events_out / "graph.gexf"
    root = gexf_root(path)
    graph = root.find(f"{GEXF_NS}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    network = nx.read_gexf(path)
    assert network.graph["mode"] == "dynamic"
    treaty = ID + "treaty/gumru-antlasmasi"
    assert network.nodes[treaty]["spells"] == [("1920-12-02", "1920-12-03")]
    assert network.nodes[treaty]["type"] == "Treaty" and network.nodes[treaty]["label"] == "Gümrü Antlaşması"
    assert network.edges[treaty, ID + "person/kazim-karabekir"]["spells"] == [("1920-12-02", "1920-12-03")]
    assert network.edges[treaty, ID + "place/gumru"]["label"] == "signedAt"


def test_event_gexf_gives_participants_the_spells_of_their_events(events_out):
    network = nx.read_gexf(events_out / "graph.gexf")
    visit = ID + "visit/ali-fuat-moskova-1921"
    assert network.edges[visit, ID + "person/ali-fuat"]["label"] == "leader, visitor"
    # Kazım signed in 1920 and travelled with Frunze in 1921-22: two spells.
    assert network.nodes[ID + "person/kazim-karabekir"]["spells"] == [("1920-12-02", "1920-12-03"),
                                                                       ("1921-12-13", "1922-01-02")]
    # A stop's place takes the stop's own bounds; Ankara is also origin (the visit's bounds) and Frunze's stop.
    assert network.edges[visit, ID + "place/moskova"]["spells"] == [("1921-01-01", "1921-02-20")]
    assert network.nodes[ID + "place/ankara"]["spells"] == [("1921-01-01", "1921-02-20"), ("1921-12-13", "1922-01-02")]
    assert network.edges[visit, ID + "place/tiflis"]["label"] == "stop"


def test_gexf_spells_are_iso_dates_in_order_and_never_overlap(seeds_build, events_out):
    _, out = seeds_build
    for path in (out / "graph.gexf", events_out / "graph.gexf"):
        root = gexf_root(path)
        spells = spells_by_id(root, "node")
        assert any(spells.values()), path
        for node_spells in [*spells.values(), *spells_by_id(root, "edge").values()]:
            for start, end in node_spells:
                assert ISO_DATE.match(start) and ISO_DATE.match(end) and start <= end
            assert all(a[1] < b[0] for a, b in pairwise(node_spells))


def test_gexf_declares_one_type_per_attribute_and_refuses_mixed_values(seeds_build):
    _, out = seeds_build
    root = gexf_root(out / "graph.gexf")
    classes = {attributes.get("class"): [a.get("id") for a in attributes] for attributes in root.iter(f"{GEXF_NS}attributes")}
    assert "type" in classes["node"] and all(len(ids) == len(set(ids)) for ids in classes.values())
    with pytest.raises(TypeError):
        attribute_types([{"mentions": 1}, {"mentions": "two"}])


def test_merge_spells_joins_overlaps_and_keeps_gaps():
    assert merge_spells([("1921-02-01", "1921-03-01"), ("1920-01-01", "1920-02-01"),
                         ("1921-01-01", "1921-02-15")]) == [("1920-01-01", "1920-02-01"), ("1921-01-01", "1921-03-01")]


def test_seeds_event_network_has_treaties_and_visits_with_spells(seeds_build):
    result, _ = seeds_build
    network = event_network(GraphData(result.dataset).union)
    types = {data["type"] for _, data in network.nodes(data=True)}
    assert {"Treaty", "Person", "Place"} <= types
    assert any(data.get("spells") for _, data in network.nodes(data=True) if data["type"] == "Person")


# Co-occurrence ----------------------------------------------------------------------------

def test_cooccurrence_counts_shared_sentences_and_events(events):
    network = cooccurrence_network(GraphData(events).union)
    ali, riza, cicerin = ID + "person/ali-fuat", ID + "person/riza-nur", ID + "person/cicerin"
    kazim, frunze = ID + "person/kazim-karabekir", ID + "person/frunze"
    assert not network.is_directed()
    assert network.edges[ali, riza] == {"weight": 2, "sentences": 1, "events": 1}
    assert network.edges[ali, cicerin] == {"weight": 1, "sentences": 0, "events": 1}
    assert network.edges[kazim, frunze] == {"weight": 1, "sentences": 0, "events": 1}
    assert not network.has_edge(ali, kazim)
    assert network.nodes[ali] == {"label": "Ali Fuat", "narrativeRole": "actor", "mentions": 2, "iri": ali}


@pytest.mark.parametrize("build", ["seeds", "events"])
def test_cooccurrence_files_are_undirected_weighted_without_self_loops(build, seeds_build, events_out):
    out = seeds_build[1] if build == "seeds" else events_out
    graphml = assert_graphml_reads_with_networkx_and_igraph(out / "cooccurrence.graphml")
    gexf = nx.read_gexf(out / "cooccurrence.gexf")
    for network in (graphml, gexf):
        assert not network.is_directed() and network.number_of_edges() > 0
        assert nx.number_of_selfloops(network) == 0
        for *_, data in network.edges(data=True):
            assert data["weight"] > 0 and data["weight"] == data["sentences"] + data["events"]
    assert sorted(graphml.nodes) == sorted(gexf.nodes)
    root = gexf_root(out / "cooccurrence.gexf")
    assert root.find(f"{GEXF_NS}graph").get("defaultedgetype") == "undirected"


# GeoJSON ------------------------------------------------------------------------------------

def assert_rfc7946_feature_collection(document: dict) -> None:
    """The structure RFC 7946 requires of what histkg writes: Features with
    Point or LineString geometry, positions [longitude, latitude] in range."""
    assert document["type"] == "FeatureCollection" and isinstance(document["features"], list)
    for feature in document["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        positions = [geometry["coordinates"]] if geometry["type"] == "Point" else geometry["coordinates"]
        assert geometry["type"] in {"Point", "LineString"}
        if geometry["type"] == "LineString":
            assert len(positions) >= 2
        for position in positions:
            assert len(position) == 2 and all(isinstance(x, float) and math.isfinite(x) for x in position)
            assert -180 <= position[0] <= 180 and -90 <= position[1] <= 90


def test_geojson_has_places_and_a_line_per_visit_through_located_stops_in_order(events_out):
    document = json.loads((events_out / "graph.geojson").read_text(encoding="utf-8"))
    assert_rfc7946_feature_collection(document)
    points = {f["properties"]["label"]: f for f in document["features"] if f["geometry"]["type"] == "Point"}
    assert set(points) == {"Ankara", "Moskova", "Gümrü"}  # Tiflis has no coordinates
    assert points["Moskova"]["geometry"]["coordinates"] == [37.61556, 55.75222]
    assert points["Moskova"]["properties"] == {"iri": ID + "place/moskova", "label": "Moskova",
                                               "geonames": "https://sws.geonames.org/524901/", "mentions": 1}
    (line,) = [f for f in document["features"] if f["geometry"]["type"] == "LineString"]  # Frunze's: one stop, no line
    assert line["geometry"]["coordinates"] == [[32.85427, 39.91987], [37.61556, 55.75222]]
    assert line["properties"]["stops"] == ["Ankara", "Tiflis", "Moskova"]
    assert line["properties"]["iri"] == ID + "visit/ali-fuat-moskova-1921"
    assert (line["properties"]["earliest"], line["properties"]["latest"]) == ("1921-01-01", "1921-02-20")
    assert line["properties"]["start_date"] == "1921-01"


def test_seeds_geojson_is_valid_with_points_and_lines(seeds_build):
    _, out = seeds_build
    document = json.loads((out / "graph.geojson").read_text(encoding="utf-8"))
    assert_rfc7946_feature_collection(document)
    kinds = [f["geometry"]["type"] for f in document["features"]]
    assert kinds.count("Point") > 10 and "LineString" in kinds


# CSV ------------------------------------------------------------------------------------------

def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return reader.fieldnames, list(reader)


def test_csv_tables_have_their_columns_and_the_events(events_out):
    folder = events_out / "graph-csv"
    columns, entities = read_csv(folder / "entities.csv")
    assert columns[:8] == ["iri", "type", "label", "alt_labels", "same_as", "latitude", "longitude", "mentions"]
    moskova = next(row for row in entities if row["label"] == "Moskova")
    assert (moskova["type"], moskova["latitude"], moskova["longitude"]) == ("Place", "55.75222", "37.61556")
    assert moskova["same_as"] == "https://sws.geonames.org/524901/"
    treaty = next(row for row in read_csv(folder / "events.csv")[1] if row["type"] == "Treaty")
    assert treaty["dates"] == "signedOn 1920-12-02 | signedOn 1920-12-03"
    assert (treaty["places"], treaty["signatories"], treaty["parties"]) == ("Gümrü", "Kazım Karabekir", "Ermenistan")
    columns, claims = read_csv(folder / "claims.csv")
    assert columns == ["claim", "subject", "subject_label", "predicate", "object", "object_label", "source_file",
                       "start", "end", "quote", "sentence", "year_from_context", "problem", "inference"]
    from_b = next(row for row in claims if row["object"] == "1920-12-02")
    assert from_b["predicate"] == "hkg:signedOn" and from_b["source_file"] == "seeds/b.txt"
    assert (from_b["start"], from_b["end"], from_b["quote"], from_b["year_from_context"]) == ("80", "88", "2 Aralık", "true")
    assert (from_b["subject_label"], from_b["object_label"]) == ("Gümrü Antlaşması", "1920-12-02")
    assert "2 Aralık" in from_b["sentence"] and len(from_b["sentence"]) > len(from_b["quote"])
    assert next(row for row in claims if row["problem"])["predicate"] == "hkg:startDate"
    inferred = next(row for row in claims if row["inference"])
    assert (inferred["predicate"], inferred["inference"]) == ("hkg:party", "the side the sentence leaves out")


def test_events_csv_gives_each_role_its_column(events_out):
    columns, events = read_csv(events_out / "graph-csv" / "events.csv")
    assert columns == ["iri", "type", "label", "earliest", "latest", "dates", "places",
                       "leader", "travellers", "hosts", "signatories", "parties"]
    visit = next(row for row in events if row["iri"].endswith("ali-fuat-moskova-1921"))
    assert visit["places"] == "Ankara | Tiflis | Moskova"
    assert (visit["leader"], visit["travellers"], visit["hosts"]) == ("Ali Fuat", "Ali Fuat | Rıza Nur", "Çiçerin")
    assert visit["signatories"] == visit["parties"] == ""


def test_a_treatys_places_go_in_the_order_of_their_iris_whatever_order_the_store_holds(tmp_path):
    treaty, base = URIRef("https://example.org/treaty/t"), "https://example.org/place/"
    cells = []
    for order in (["c", "a", "b"], ["b", "c", "a"]):
        graph = Graph()
        graph.add((treaty, RDF.type, HKG.Treaty))
        for name in order:
            graph.add((treaty, HKG.signedAt, URIRef(base + name)))
            graph.add((URIRef(base + name), SKOS.prefLabel, Literal(name.upper())))
        export(graph, "csv", tmp_path / order[0])
        cells.append(read_csv(tmp_path / order[0] / "events.csv")[1][0]["places"])
    assert cells == ["A | B | C", "A | B | C"]


def test_claims_csv_names_a_party_by_its_label(events_out):
    _, claims = read_csv(events_out / "graph-csv" / "claims.csv")
    party = next(row for row in claims if row["predicate"] == "hkg:party")
    assert party["object"].endswith("/ermenistan") and party["object_label"] == "Ermenistan"


def test_seeds_csv_tables_parse_and_claims_quote_the_source(seeds_build):
    _, out = seeds_build
    texts = {}
    _, claims = read_csv(out / "graph-csv" / "claims.csv")
    assert claims
    for row in claims[:50]:
        text = texts.setdefault(row["source_file"], (Path(__file__).parents[2] / row["source_file"]).read_text(encoding="utf-8"))
        assert text[int(row["start"]):int(row["end"])] == row["quote"]
    _, entities = read_csv(out / "graph-csv" / "entities.csv")
    assert {"Person", "Place", "Organization"} <= {row["type"] for row in entities}


# Command line --------------------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_export_command_writes_each_format_beside_the_graph(events_out, tmp_path, fmt):
    name = "graph.nq" if fmt == "trig" else "graph.trig"  # never the input's own format: it refuses to overwrite
    graph = tmp_path / name
    graph.write_bytes((events_out / name).read_bytes())
    result = run("export", graph, "--to", fmt)
    assert result.exit_code == 0, result.output
    target = tmp_path / f"graph{EXTENSIONS[fmt]}"
    assert target.exists() and f"wrote {target}" in result.output


def test_export_command_reads_nquads_and_jsonld(events_out, tmp_path):
    for name in ("graph.nq", "graph.jsonld"):
        result = run("export", events_out / name, "--to", "gexf", "-o", tmp_path / f"{name}.gexf")
        assert result.exit_code == 0, result.output
        assert nx.read_gexf(tmp_path / f"{name}.gexf").number_of_nodes() > 5


def test_export_command_user_errors_are_one_line_exit_2(events_out, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("not a folder")
    for args in (("--to", "gexf", "-o", folder), ("--to", "trig", "-o", tmp_path / "x.trig"),
                 ("--to", "csv", "-o", a_file), ("--to", "svg")):
        result = run("export", events_out / "graph.ttl", *args)
        assert result.exit_code == 2, args
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
