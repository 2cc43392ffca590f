"""The SHACL shapes accept the graph the builder writes and catch what it must not write.

`build_valid_graph()` writes, by hand, a small graph of exactly the form DESIGN.md
and the builder use: one source, a person, a place, an organization, a dated treaty
with its claim, a visit with one stop, one time-span, and the annotations that are
their evidence. Each test breaks one thing and checks the finding names the right
property (test_validate.py reuses the builder).
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, SKOS
from shape_graphs import (
    CLAIM,
    ID,
    PERSON,
    PLACE,
    SENTENCE_1,
    SOURCE,
    STOP,
    TIMESPAN,
    TREATY,
    XSD,
    add_claim,
    build_valid_graph,
)

from histkg.rdf.namespaces import HKG, OA, SCHEMA
from histkg.rdf.validate import load_shapes, validate

pytestmark = pytest.mark.usefixtures("engine")  # tests/rdf/conftest.py: each engine in turn


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


def test_calendar_is_one_of_gregorian_rumi_hicri(graph, shapes):
    ann = next(graph.objects(TIMESPAN, HKG.evidence))
    graph.set((ann, HKG.calendar, HKG.RumiCalendar))
    graph.add((CLAIM, HKG.calendar, HKG.RumiCalendar))
    assert validate(graph, shapes=shapes).conforms
    julian = URIRef(f"{HKG._NS}JulianCalendar")
    graph.set((ann, HKG.calendar, julian))
    graph.set((CLAIM, HKG.calendar, Literal("rumi")))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    assert {(str(ann), "hkg:calendar"), (str(CLAIM), "hkg:calendar")} <= paths_of(result)


def test_a_date_is_written_in_one_calendar(graph, shapes):
    ann = next(graph.objects(TIMESPAN, HKG.evidence))
    graph.add((ann, HKG.calendar, HKG.HicriCalendar))
    assert (str(ann), "hkg:calendar") in paths_of(validate(graph, shapes=shapes))


def test_coordinate_source_is_one_of_geonames_capital_authority(graph, shapes):
    for source in (HKG.CapitalCoordinates, HKG.AuthorityCoordinates):
        graph.set((PLACE, HKG.coordinateSource, source))
        assert validate(graph, shapes=shapes).conforms
    graph.set((PLACE, HKG.coordinateSource, URIRef("https://www.geonames.org/")))
    assert (str(PLACE), "hkg:coordinateSource") in paths_of(validate(graph, shapes=shapes))


def test_coordinates_say_how_they_were_chosen(graph, shapes):
    graph.remove((PLACE, HKG.coordinateSource, None))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    assert (str(PLACE), "hkg:coordinateSource") in paths_of(result)
