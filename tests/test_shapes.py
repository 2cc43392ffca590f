"""The SHACL shapes accept the graph the builder writes and catch what it must not write.

`build_valid_graph()` writes, by hand, a small graph of exactly the form DESIGN.md
and the builder use: one source, a person, a place, an organization, a dated treaty
with its claim, a visit with one stop, one time-span, and the annotations that are
their evidence. Each test breaks one thing and checks the finding names the right
property (test_validate.py reuses the builder).
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from histkg.rdf.namespaces import HKG, OA, SCHEMA, WD, bind_prefixes
from histkg.rdf.validate import load_shapes, validate

# A plain Namespace: rdflib's XSD warns when pytest probes module attributes.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ID = Namespace("https://w3id.org/histkg/id/")
DOC = "doc-1"
SOURCE = ID[f"source/{DOC}"]
# The "original file": offsets below are code points into this string.
TEXT = (
    "Gümrü Antlaşması 2 Aralık 1920'de Gümrü'de imzalandı. "
    "Kâzım Karabekir Paşa antlaşmayı TBMM Hükümeti adına imzaladı."
)
SENTENCE_1 = TEXT[: TEXT.index(".") + 1]
SENTENCE_2 = TEXT[TEXT.index(".") + 2 :]

PERSON = ID["person/kazim-karabekir"]
PLACE = ID["place/gumru"]
ORG = ID["organization/tbmm-hukumeti"]
TREATY = ID["treaty/gumru-antlasmasi"]
VISIT = ID["visit/karabekir-gumru"]
STOP = ID["visit/karabekir-gumru/stop/1"]
TIMESPAN = ID["date/1920-12-02"]
CLAIM = ID["claim/gumru-antlasmasi-signedon-1920-12-02"]
DATE = Literal("1920-12-02", datatype=XSD.date)


def annotate(g: Graph, surface: str, sentence: str, occurrence: int = 0) -> URIRef:
    """Add the annotation (target, position and quote selectors) for `surface` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(surface, start + 1)
    end = start + len(surface)
    ann = ID[f"annotation/{DOC}/{start}-{end}"]
    target = URIRef(f"{ann}/target")
    position = URIRef(f"{ann}/position")
    quote = URIRef(f"{ann}/quote")
    g.add((ann, RDF.type, OA.Annotation))
    g.add((ann, OA.motivatedBy, OA.identifying))
    g.add((ann, OA.hasTarget, target))
    g.add((ann, HKG.sentence, Literal(sentence)))
    g.add((ann, HKG.section, Literal("body")))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, SOURCE))
    g.add((target, OA.hasSelector, position))
    g.add((target, OA.hasSelector, quote))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(surface)))
    g.add((quote, OA.prefix, Literal(TEXT[max(0, start - 10) : start])))
    g.add((quote, OA.suffix, Literal(TEXT[end : end + 10])))
    return ann


def add_claim(g: Graph, claim: URIRef, subject: URIRef, predicate: URIRef, obj, evidence: URIRef) -> None:
    g.add((claim, RDF.type, HKG.Claim))
    g.add((claim, HKG.subject, subject))
    g.add((claim, HKG.predicate, predicate))
    g.add((claim, HKG.object, obj))
    g.add((claim, HKG.evidence, evidence))


def build_valid_graph() -> Graph:
    g = Graph()
    bind_prefixes(g)

    g.add((SOURCE, RDF.type, HKG.Source))
    g.add((SOURCE, DCTERMS.title, Literal("Gümrü Antlaşması üzerine", lang="tr")))
    g.add((SOURCE, DCTERMS.creator, Literal("Ayşe Yılmaz")))
    g.add((SOURCE, DCTERMS.language, Literal("tr")))
    g.add((SOURCE, DCTERMS.date, Literal("1998", datatype=XSD.gYear)))
    g.add((SOURCE, HKG.sha256, Literal("0" * 56 + "deadbeef")))
    g.add((SOURCE, HKG.file, Literal("seeds/doc-1.txt")))

    g.add((PERSON, RDF.type, HKG.Person))
    g.add((PERSON, SKOS.prefLabel, Literal("Kâzım Karabekir", lang="tr")))
    g.add((PERSON, SKOS.altLabel, Literal("Kâzım Karabekir Paşa", lang="tr")))
    g.add((PERSON, OWL.sameAs, WD.Q312870))
    g.add((PERSON, HKG.evidence, annotate(g, "Kâzım Karabekir Paşa", SENTENCE_2)))

    g.add((PLACE, RDF.type, HKG.Place))
    g.add((PLACE, SKOS.prefLabel, Literal("Gümrü", lang="tr")))
    g.add((PLACE, OWL.sameAs, URIRef("https://sws.geonames.org/616635/")))
    g.add((PLACE, SCHEMA.latitude, Literal("40.7942", datatype=XSD.decimal)))
    g.add((PLACE, SCHEMA.longitude, Literal("43.8453", datatype=XSD.decimal)))
    g.add((PLACE, HKG.evidence, annotate(g, "Gümrü", SENTENCE_1, occurrence=1)))

    g.add((ORG, RDF.type, HKG.Organization))
    g.add((ORG, SKOS.prefLabel, Literal("TBMM Hükümeti", lang="tr")))
    g.add((ORG, HKG.evidence, annotate(g, "TBMM Hükümeti", SENTENCE_2)))

    date_evidence = annotate(g, "2 Aralık 1920", SENTENCE_1)
    g.add((TIMESPAN, RDF.type, HKG.TimeSpan))
    g.add((TIMESPAN, RDFS.label, Literal("1920-12-02")))
    g.add((TIMESPAN, HKG.edtf, Literal("1920-12-02")))
    g.add((TIMESPAN, HKG.value, DATE))
    g.add((TIMESPAN, HKG.earliest, DATE))
    g.add((TIMESPAN, HKG.latest, DATE))
    g.add((TIMESPAN, HKG.evidence, date_evidence))

    g.add((TREATY, RDF.type, HKG.Treaty))
    g.add((TREATY, SKOS.prefLabel, Literal("Gümrü Antlaşması", lang="tr")))
    g.add((TREATY, HKG.evidence, annotate(g, "Gümrü Antlaşması", SENTENCE_1)))
    g.add((TREATY, HKG.signedOn, DATE))
    g.add((TREATY, HKG.signedAt, PLACE))
    g.add((TREATY, HKG.party, ORG))
    g.add((TREATY, HKG.signatory, PERSON))
    g.add((TREATY, HKG.earliest, DATE))
    g.add((TREATY, HKG.latest, DATE))
    add_claim(g, CLAIM, TREATY, HKG.signedOn, DATE, date_evidence)

    g.add((VISIT, RDF.type, HKG.Visit))
    g.add((VISIT, SKOS.prefLabel, Literal("Kâzım Karabekir'in Gümrü yolculuğu", lang="tr")))
    g.add((VISIT, HKG.evidence, annotate(g, "Gümrü'de", SENTENCE_1)))
    g.add((VISIT, HKG.visitor, PERSON))
    g.add((VISIT, HKG.leader, PERSON))
    g.add((VISIT, HKG.destination, PLACE))
    g.add((VISIT, HKG.stop, STOP))
    g.add((STOP, RDF.type, HKG.Stop))
    g.add((STOP, HKG.place, PLACE))
    g.add((STOP, HKG.order, Literal(1)))
    return g


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture
def graph() -> Graph:
    return build_valid_graph()


def paths_of(result, severity="Violation"):
    return {(f.focus, f.path) for f in result.findings if f.severity == severity}


def test_valid_graph_conforms_without_findings(graph, shapes):
    result = validate(graph, shapes=shapes)
    assert result.conforms, result.report_text
    assert result.findings == ()


def test_person_without_preflabel(graph, shapes):
    graph.remove((PERSON, SKOS.prefLabel, None))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    assert (str(PERSON), "skos:prefLabel") in paths_of(result)


def test_person_with_two_preflabels(graph, shapes):
    graph.add((PERSON, SKOS.prefLabel, Literal("Musa Kâzım", lang="tr")))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    assert (str(PERSON), "skos:prefLabel") in paths_of(result)


def test_preflabel_must_be_turkish(graph, shapes):
    graph.remove((PLACE, SKOS.prefLabel, None))
    graph.add((PLACE, SKOS.prefLabel, Literal("Gyumri", lang="en")))
    result = validate(graph, shapes=shapes)
    assert (str(PLACE), "skos:prefLabel") in paths_of(result)


def test_timespan_value_as_plain_string(graph, shapes):
    graph.set((TIMESPAN, HKG.value, Literal("1920-12-02")))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    assert (str(TIMESPAN), "hkg:value") in paths_of(result)


def test_evidence_offsets_must_match_quote(graph, shapes):
    # Shift the end of the treaty's evidence by one: end - start != len(exact).
    ann = next(graph.objects(TREATY, HKG.evidence))
    position = URIRef(f"{ann}/position")
    end = graph.value(position, OA.end)
    graph.set((position, OA.end, Literal(int(end) + 1, datatype=XSD.nonNegativeInteger)))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    [finding] = [f for f in result.findings if f.focus == str(ann)]
    assert finding.path == "oa:exact"
    assert "Gümrü Antlaşması" in finding.message and "16 characters" in finding.message
    assert finding.sentence == SENTENCE_1


def test_source_without_sha256(graph, shapes):
    graph.remove((SOURCE, HKG.sha256, None))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    assert (str(SOURCE), "hkg:sha256") in paths_of(result)


def test_sha256_must_be_hex(graph, shapes):
    graph.set((SOURCE, HKG.sha256, Literal("not-a-digest")))
    assert (str(SOURCE), "hkg:sha256") in paths_of(validate(graph, shapes=shapes))


def test_stop_without_order(graph, shapes):
    graph.remove((STOP, HKG.order, None))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    assert (str(STOP), "hkg:order") in paths_of(result)


def test_treaty_date_without_claim(graph, shapes):
    graph.remove((CLAIM, None, None))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    [finding] = result.violations
    assert (finding.focus, finding.path) == (str(TREATY), "hkg:signedOn")
    assert "1920-12-02" in finding.message


def test_party_may_be_organization_or_place_not_person(graph, shapes):
    graph.add((TREATY, HKG.party, PLACE))
    assert validate(graph, shapes=shapes).conforms
    graph.add((TREATY, HKG.party, PERSON))
    assert (str(TREATY), "hkg:party") in paths_of(validate(graph, shapes=shapes))


def test_coordinates_within_range(graph, shapes):
    graph.set((PLACE, SCHEMA.latitude, Literal("140.5", datatype=XSD.decimal)))
    assert (str(PLACE), "schema:latitude") in paths_of(validate(graph, shapes=shapes))


def test_no_blank_nodes(graph, shapes):
    from rdflib import BNode

    blank = BNode()
    graph.add((blank, RDF.type, HKG.Person))
    graph.add((blank, SKOS.prefLabel, Literal("Anonim", lang="tr")))
    graph.add((blank, HKG.evidence, next(graph.objects(PERSON, HKG.evidence))))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    assert any("blank" in f.message for f in result.violations)


def test_section_is_body_heading_or_footnote(graph, shapes):
    ann = next(graph.objects(PERSON, HKG.evidence))
    graph.set((ann, HKG.section, Literal("footnote", datatype=XSD.string)))
    assert validate(graph, shapes=shapes).conforms
    graph.set((ann, HKG.section, Literal("appendix")))
    assert (str(ann), "hkg:section") in paths_of(validate(graph, shapes=shapes))


def test_conflicting_dates_are_one_warning_not_a_violation(graph, shapes):
    other = Literal("1920-12-03", datatype=XSD.date)
    graph.add((TREATY, HKG.signedOn, other))
    add_claim(
        graph,
        ID["claim/gumru-antlasmasi-signedon-1920-12-03"],
        TREATY,
        HKG.signedOn,
        other,
        next(graph.objects(CLAIM, HKG.evidence)),
    )
    result = validate(graph, shapes=shapes)
    assert result.conforms is True, result.report_text
    [warning] = result.findings
    assert warning.severity == "Warning"
    assert (warning.focus, warning.path) == (str(TREATY), "hkg:signedOn")
    assert "1920-12-02" in warning.message and "1920-12-03" in warning.message


def test_a_year_and_a_day_within_it_do_not_disagree(graph, shapes):
    year = Literal("1920", datatype=XSD.gYear)
    graph.add((TREATY, HKG.signedOn, year))
    add_claim(graph, ID["claim/gumru-antlasmasi-signedon-1920"], TREATY, HKG.signedOn, year,
              next(graph.objects(CLAIM, HKG.evidence)))
    result = validate(graph, shapes=shapes)
    assert result.conforms is True and not result.findings, result.report_text


# --- the shapes file itself ----------------------------------------------------------


def test_every_shape_is_named_and_explained(shapes):
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    property_shapes = set(shapes.subjects(RDF.type, SH.PropertyShape)) | set(shapes.objects(None, SH.property))
    sparql = set(shapes.objects(None, SH.sparql))
    assert node_shapes and property_shapes and sparql
    for shape in node_shapes | property_shapes | sparql:
        assert isinstance(shape, URIRef), f"anonymous shape: {shape}"
        assert shape.startswith("https://w3id.org/histkg/shapes#"), shape
        assert shapes.value(shape, SH.name) is not None, f"{shape} has no sh:name"
    for shape in property_shapes | sparql:
        assert shapes.value(shape, SH.message) is not None, f"{shape} has no sh:message"


def test_shapes_parse_with_pyoxigraph():
    pyoxigraph = pytest.importorskip("pyoxigraph")
    from histkg.language.resources import shapes_file

    store = pyoxigraph.Store()
    store.load(path=str(shapes_file()), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 100
