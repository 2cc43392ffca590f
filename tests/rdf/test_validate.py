"""histkg.rdf.validate: conforms means no Violation, Datasets are validated as a union,
and the report reads well for a historian."""

from __future__ import annotations

import shutil

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS
from shape_graphs import (
    CLAIM,
    ORG,
    PERSON,
    SENTENCE_1,
    SENTENCE_2,
    SOURCE,
    TREATY,
    add_claim,
    build_valid_graph,
)

from histkg.rdf import rudof
from histkg.rdf import validate as validate_module
from histkg.rdf.namespaces import HKG, OA
from histkg.rdf.quadstore import compact
from histkg.rdf.validate import (
    Finding,
    ValidationResult,
    ValidationSetupError,
    load_ontology,
    load_shapes,
    validate,
)

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
EX = Namespace("https://example.org/")

pytestmark = pytest.mark.usefixtures("engine")  # tests/rdf/conftest.py: each engine in turn


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def with_conflicting_date(graph: Graph) -> Graph:
    other = Literal("1920-12-03", datatype=XSD.date)
    graph.add((TREATY, HKG.signedOn, other))
    evidence = next(graph.objects(CLAIM, HKG.evidence))
    add_claim(graph, URIRef(f"{CLAIM}-other"), TREATY, HKG.signedOn, other, evidence)
    return graph


def test_result_shape(shapes):
    result = validate(build_valid_graph(), shapes=shapes)
    assert isinstance(result, ValidationResult)
    assert result.conforms is True
    assert isinstance(result.report_graph, Graph)
    assert (None, SH.conforms, Literal(True)) in result.report_graph
    assert result.report_text.splitlines()[0] == "conforms: 0 violations, 0 warnings"


def test_warnings_do_not_break_conformance(shapes):
    result = validate(with_conflicting_date(build_valid_graph()), shapes=shapes)
    assert result.conforms is True
    assert [f.severity for f in result.findings] == ["Warning"]
    assert result.report_text.splitlines()[0] == "conforms: 0 violations, 1 warning"


def test_validation_leaves_the_callers_graph_alone(shapes):
    graph = build_valid_graph()
    before = len(graph)
    validate(graph, shapes=shapes)
    assert len(graph) == before  # the ontology's axioms were not mixed into it


def test_finding_fields(shapes):
    graph = build_valid_graph()
    graph.add((PERSON, SKOS.altLabel, Literal("Karabekir", lang="en")))
    result = validate(graph, shapes=shapes)
    assert result.findings == (
        Finding(
            severity="Violation",
            focus=str(PERSON),
            focus_label="Kâzım Karabekir",
            path="skos:altLabel",
            message="Variant names (skos:altLabel) must be Turkish text (\"…\"@tr).",
            value='"Karabekir"@en',
            sentence=SENTENCE_2,
        ),
    )


def test_report_text_names_the_focus_and_quotes_the_sentence(shapes):
    graph = build_valid_graph()
    graph.remove((CLAIM, None, None))
    text = validate(graph, shapes=shapes).report_text
    lines = text.splitlines()
    assert lines[0] == "does not conform: 1 violation, 0 warnings"
    assert "Violation" in lines[1] and "Gümrü Antlaşması" in lines[1] and "hkg:signedOn" in lines[1]
    assert "1920-12-02" in lines[1]
    assert lines[2].startswith("    ") and SENTENCE_1 in lines[2]


def test_report_orders_violations_before_warnings(shapes):
    graph = with_conflicting_date(build_valid_graph())
    graph.remove((ORG, SKOS.prefLabel, None))
    result = validate(graph, shapes=shapes)
    assert not result.conforms
    assert [f.severity for f in result.findings] == ["Violation", "Warning"]
    assert result.report_text.splitlines()[0] == "does not conform: 1 violation, 1 warning"


def test_dataset_is_validated_as_the_union_of_its_graphs(shapes):
    # The treaty in one document's graph, its claim in another's: valid together.
    graph = build_valid_graph()
    claim_triples = list(graph.triples((CLAIM, None, None)))
    dataset = Dataset()
    doc_a = dataset.graph(URIRef("https://w3id.org/histkg/id/graph/doc-a"))
    doc_b = dataset.graph(URIRef("https://w3id.org/histkg/id/graph/doc-b"))
    for triple in graph:
        (doc_b if triple in claim_triples else doc_a).add(triple)
    assert validate(dataset, shapes=shapes).conforms

    doc_b.remove((CLAIM, None, None))
    result = validate(dataset, shapes=shapes)
    assert not result.conforms
    assert [(f.focus, f.path) for f in result.violations] == [(str(TREATY), "hkg:signedOn")]


def test_class_hierarchy_comes_from_the_ontology(shapes):
    # A party typed only with a subclass of hkg:Organization that the ontology declares.
    graph = build_valid_graph()
    graph.remove((ORG, RDF.type, HKG.Organization))
    graph.add((ORG, RDF.type, EX.State))
    ontology = load_ontology()
    ontology.add((EX.State, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))
    ontology.add((EX.State, RDFS.subClassOf, HKG.Organization))
    assert validate(graph, shapes=shapes, ontology=ontology).conforms
    plain = load_ontology()
    assert not validate(graph, shapes=shapes, ontology=plain).conforms


def test_defaults_load_shapes_and_ontology_from_the_repository():
    assert len(load_shapes()) > 100
    assert (URIRef("https://w3id.org/histkg/ontology"), RDF.type, None) in load_ontology()
    assert validate(build_valid_graph()).conforms


def test_shapes_folder_from_environment(tmp_path, monkeypatch):
    from histkg.language.resources import shapes_file

    shutil.copy(shapes_file(), tmp_path / "histkg-shapes.ttl")
    with open(tmp_path / "histkg-shapes.ttl", "a", encoding="utf-8") as extra:
        # An extra rule: every source must have a translator.
        extra.write(
            "\nhkgsh:SourceShape sh:property hkgsh:NeedsTranslator .\n"
            "hkgsh:NeedsTranslator a sh:PropertyShape ; sh:path hkg:translator ; sh:minCount 1 ;"
            ' sh:name "translator" ; sh:message "needs a translator" .\n'
        )
    monkeypatch.setenv("HISTKG_SHAPES", str(tmp_path))
    result = validate(build_valid_graph())
    assert [f.path for f in result.findings] == ["hkg:translator"]


def test_broken_shapes_raise_a_clear_error():
    shapes = load_shapes()
    shapes.update(
        """
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        PREFIX hkgsh: <https://w3id.org/histkg/shapes#>
        INSERT DATA { hkgsh:Broken a sh:SPARQLConstraint ;
            sh:select "SELECT $this WHERE { VALUES ?x { 1 } $this ?p ?x }" .
            hkgsh:TreatyShape sh:sparql hkgsh:Broken . }
        """
    )
    with pytest.raises(ValidationSetupError, match="VALUES"):
        validate(build_valid_graph(), shapes=shapes)


def test_every_engine_gives_the_same_findings_on_a_graph_broken_many_ways(shapes, engine):
    graph = with_conflicting_date(build_valid_graph())
    graph.remove((PERSON, SKOS.prefLabel, None))
    graph.add((ORG, SKOS.prefLabel, Literal("Sovyet", lang="en")))
    graph.add((TREATY, HKG.party, PERSON))
    findings = {name: validate(graph, shapes=shapes, engine=name).findings for name in validate_module.ENGINES}
    assert len(findings[engine]) >= 4
    for name, found in findings.items():  # the findings one engine has and the other lacks, when they differ
        assert ([f for f in found if f not in findings[engine]], [f for f in findings[engine] if f not in found]) \
            == ([], []), name
        assert found == findings[engine], name


def test_a_dataset_in_parts_finds_with_rudof_what_pyshacl_finds_on_the_union(shapes):
    # rudof validates each document's evidence apart from the rest (rdf.rudof.split):
    # nodes spread over three graphs, broken evidence and a broken person.
    graph = with_conflicting_date(build_valid_graph())
    graph.remove((PERSON, SKOS.prefLabel, None))
    start = next(graph.subject_objects(OA.start))
    graph.set((start[0], OA.start, Literal(int(start[1]) + 1, datatype=XSD.nonNegativeInteger)))
    dataset = Dataset()
    subjects = sorted(set(graph.subjects()))
    for index, subject in enumerate(subjects):
        named = dataset.graph(URIRef(f"https://w3id.org/histkg/id/graph/doc-{index % 3}"))
        for triple in graph.triples((subject, None, None)):
            named.add(triple)
    by_rudof = validate(dataset, shapes=shapes, engine="rudof").findings
    assert by_rudof == validate(dataset, shapes=shapes, engine="pyshacl").findings
    assert {f.path for f in by_rudof} >= {"skos:prefLabel", "oa:exact", "hkg:signedOn"}


def own_nodes_of_parts(graph: Graph, shapes: Graph) -> list[set]:
    """The nodes of each part of the rest of the graph rudof validates apart (rdf.rudof.rest_parts)."""
    data = compact(graph)
    parts = rudof.split(data.store, rudof.statements_by_graph(data.store), shapes)
    return [{data.store.terms[node] for node in focus} for *_, focus in parts if focus]


def with_sources_and_a_problem(graph: Graph) -> Graph:
    for claim in graph.subjects(RDF.type, HKG.Claim):
        graph.add((claim, HKG.source, SOURCE))
    graph.add((CLAIM, HKG.problem, Literal("2 December 1920 was a Thursday, not a Monday")))
    return graph


def test_in_parts_a_claim_reads_its_source_in_another_part(shapes, monkeypatch):
    # The SPARQL constraints read hkg:source/hkg:file: the files that disagree, the file that states the impossible.
    monkeypatch.setattr(rudof, "PART_STATEMENTS", 1)
    graph = with_sources_and_a_problem(with_conflicting_date(build_valid_graph()))
    assert not any({TREATY, SOURCE} <= nodes for nodes in own_nodes_of_parts(graph, shapes))
    in_parts = validate(graph, shapes=shapes, engine="rudof").findings
    assert in_parts == validate(graph, shapes=shapes, engine="pyshacl").findings
    messages = {f.message for f in in_parts}
    assert "seeds/doc-1.txt states 1920-12-02 (hkg:signedOn): 2 December 1920 was a Thursday, not a Monday." in messages
    assert any(m.startswith("Sources disagree on hkg:signedOn") and "(seeds/doc-1.txt) and" in m for m in messages)


def test_in_parts_a_claim_about_two_nodes_is_read_in_the_part_of_each(shapes, monkeypatch):
    monkeypatch.setattr(rudof, "PART_STATEMENTS", 1)
    graph = build_valid_graph()
    twin = URIRef(f"{TREATY}-twin")
    for predicate, obj in graph.predicate_objects(TREATY):
        graph.add((twin, predicate, obj))
    graph.add((CLAIM, HKG.subject, twin))  # one claim for both dates (and one subject too many)
    assert not any({TREATY, twin} <= nodes for nodes in own_nodes_of_parts(graph, shapes))
    in_parts = validate(graph, shapes=shapes, engine="rudof").findings
    assert in_parts == validate(graph, shapes=shapes, engine="pyshacl").findings
    assert [(f.focus, f.path) for f in in_parts if f.severity == "Violation"] == [(str(CLAIM), "hkg:subject")]


def test_a_list_a_sparql_constraint_gathers_reads_the_same_in_every_run():
    """GROUP_CONCAT gives the files in no set order (rudof's changes from run to run): the message sorts them."""
    messages = []
    for files in ("b.txt, a.txt", "a.txt, b.txt"):
        report, result = Graph(), URIRef("urn:result")
        report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        report.add((result, SH.resultMessage, Literal(f"Sources disagree on hkg:signedOn: 1921 ({files}) and 1922 (c.txt).")))
        messages.append(validate_module._message(report, result))
    assert messages == ["Sources disagree on hkg:signedOn: 1921 (a.txt, b.txt) and 1922 (c.txt)."] * 2
