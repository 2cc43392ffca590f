"""One bad fact does not sink a corpus: what breaks a shape is left out with
what depends on it, the rest is kept, and the report says what went and where."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS
from shape_graphs import CLAIM, PERSON, PLACE, SOURCE, TREATY, XSD, build_valid_graph

from histkg import pipeline
from histkg.cli import main
from histkg.rdf import rudof
from histkg.rdf.namespaces import HKG
from histkg.rdf.quadstore import QuadStore
from histkg.rdf.repair import format_left_out, leave_out_violations
from histkg.rdf.rudof import split
from histkg.rdf.validate import remembered, validate

GRAPH = URIRef("https://w3id.org/histkg/id/graph/doc-1")


def dataset_of(graph, store="default") -> Dataset:
    dataset = Dataset(store=store)
    named = dataset.graph(GRAPH)
    for triple in graph:
        named.add(triple)
    return dataset


def holds(dataset: Dataset, pattern) -> bool:
    """Whether some named graph holds a triple of `pattern` (`in` asks the default graph only)."""
    return any(True for _ in dataset.quads((*pattern, None)))


def repaired(dataset: Dataset):
    return leave_out_violations(dataset, validate(dataset))


def test_too_many_values_all_go_and_a_node_left_without_one_goes_too():
    graph = build_valid_graph()
    graph.add((PERSON, SKOS.prefLabel, Literal("Musa Kâzım", lang="tr")))
    dataset = dataset_of(graph)
    validation, left_out = repaired(dataset)
    assert validation.conforms and [item.statements for item in left_out] == [2, 7]  # the labels, then the person
    assert left_out[0].files == ("seeds/doc-1.txt",) and left_out[0].finding.path == "skos:prefLabel"
    assert not holds(dataset, (PERSON, None, None)) and not holds(dataset, (None, None, PERSON))
    assert holds(dataset, (TREATY, RDF.type, HKG.Treaty)) and len(dataset) > 50  # the rest is kept


def test_a_year_too_many_goes_and_the_source_stays():
    graph = build_valid_graph()
    graph.add((SOURCE, DCTERMS.date, Literal("1999", datatype=XSD.gYear)))
    dataset = dataset_of(graph)
    validation, left_out = repaired(dataset)
    assert validation.conforms and [item.finding.path for item in left_out] == ["dcterms:date"]
    assert holds(dataset, (SOURCE, RDF.type, HKG.Source)) and not holds(dataset, (SOURCE, DCTERMS.date, None))


def test_a_wrong_value_goes_with_the_claim_that_states_it():
    graph = build_valid_graph()
    graph.add((TREATY, HKG.signedAt, PERSON))  # a person is no place
    graph.add((CLAIM, HKG.subject, TREATY))
    dataset = dataset_of(graph)
    before = len(dataset)
    validation, left_out = repaired(dataset)
    assert validation.conforms and [item.finding.path for item in left_out] == ["hkg:signedAt"]
    assert not holds(dataset, (TREATY, HKG.signedAt, PERSON)) and holds(dataset, (TREATY, HKG.signedAt, PLACE))
    assert len(dataset) == before - left_out[0].statements


def test_a_node_missing_what_it_needs_goes_with_what_points_to_it():
    graph = build_valid_graph()
    graph.remove((PLACE, SKOS.prefLabel, None))
    dataset = dataset_of(graph)
    validation, left_out = repaired(dataset)
    assert validation.conforms and left_out
    assert not holds(dataset, (PLACE, None, None)) and not holds(dataset, (None, None, PLACE))
    assert holds(dataset, (TREATY, RDF.type, HKG.Treaty))


@pytest.fixture
def jobs_asked(tmp_path, monkeypatch):
    """How many parts rudof's workers were given to validate, from here on."""
    log = tmp_path / "jobs.log"
    log.touch()
    counting = tmp_path / "counting_worker.py"
    counting.write_text(
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('rudof_worker', {str(rudof.WORKER)!r})\n"
        "worker = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(worker)\n"
        "report = worker.rudof_report\n"
        "def counted(*job):\n"
        f"    with open({str(log)!r}, 'a') as counts:\n"
        "        counts.write('job\\n')\n"
        "    return report(*job)\n"
        "worker.rudof_report = counted\n"
        "worker.serve(sys.stdin.buffer, sys.stdout.buffer)\n")
    monkeypatch.setattr(rudof, "WORKER", counting)
    monkeypatch.setattr(rudof, "PART_STATEMENTS", 1)
    return lambda: len(log.read_text().splitlines())


def test_repair_validates_again_only_the_parts_it_changed(jobs_asked, monkeypatch):
    graph = build_valid_graph()
    graph.add((PERSON, SKOS.prefLabel, Literal("Musa Kâzım", lang="tr")))
    dataset = dataset_of(graph, QuadStore())  # as a build holds it: validation reads this store, no copy of it
    splits = []
    monkeypatch.setattr(rudof, "split", lambda *args: splits.append(1) or split(*args))
    with remembered():  # as a build validates and repairs
        first = validate(dataset, engine="rudof")
        parts = jobs_asked()
        assert parts > 5  # the evidence, and the rest of the graph in parts
        assert validate(dataset, engine="rudof").findings == first.findings and jobs_asked() == parts  # unchanged
        validation, left_out = leave_out_violations(dataset, first, lambda data: validate(data, engine="rudof"))
    assert validation.conforms and [item.statements for item in left_out] == [2, 7]  # as test 1 above
    # two rounds more (after the labels, after the person), each validating again a part or two of all, on the
    # parts of the first split less what was left out
    assert 0 < jobs_asked() - parts < parts and len(splits) == 1
    fresh = validate(dataset, engine="rudof")  # split anew, every part asked: the same findings
    assert fresh.findings == validation.findings and len(splits) == 2


def test_a_triple_left_out_of_one_graph_but_held_in_another_is_still_validated():
    # the parts of the last split keep a triple another graph still holds: here the person's class, without
    # which every claim about the person would break its shape
    dataset = dataset_of(build_valid_graph(), QuadStore())
    dataset.graph(URIRef("https://w3id.org/histkg/id/graph/other")).add((PERSON, RDF.type, HKG.Person))
    with remembered():
        assert validate(dataset, engine="rudof").conforms
        dataset.graph(GRAPH).remove((PERSON, RDF.type, HKG.Person))
        again = validate(dataset, engine="rudof")
    assert again.conforms and again.findings == validate(dataset, engine="rudof").findings


def test_a_statement_added_between_two_validations_is_validated():
    dataset = dataset_of(build_valid_graph(), QuadStore())
    with remembered():
        assert validate(dataset, engine="rudof").conforms
        dataset.graph(GRAPH).add((PERSON, SKOS.prefLabel, Literal("Musa Kâzım", lang="tr")))  # a second Turkish label
        assert not validate(dataset, engine="rudof").conforms


def test_validations_outside_a_build_remember_nothing(jobs_asked):
    dataset = dataset_of(build_valid_graph(), QuadStore())
    validate(dataset, engine="rudof")
    parts = jobs_asked()
    validate(dataset, engine="rudof")
    with remembered():
        validate(dataset, engine="rudof")
    validate(dataset, engine="rudof")
    assert jobs_asked() == 4 * parts and rudof.MEMORY is None


def test_the_report_names_the_document_and_the_sentence():
    graph = build_valid_graph()
    graph.add((PERSON, SKOS.prefLabel, Literal("Musa Kâzım", lang="tr")))
    _, left_out = repaired(dataset_of(graph))
    report = format_left_out(left_out)
    assert report.startswith("left out of the graph files: ")
    assert "seeds/doc-1.txt" in report and "skos:prefLabel" in report and "    “" in report
    assert format_left_out([]) == ""


@pytest.fixture
def broken_build(monkeypatch):
    """Builds whose graph gives one cited source two years, as a work once had in a real corpus."""
    real = pipeline.build_graph

    def with_a_bad_fact(*args, **kwargs):
        dataset = real(*args, **kwargs)
        named = next(graph for graph in dataset.graphs() if (None, RDF.type, HKG.Source) in graph)
        source = next(named.subjects(RDF.type, HKG.Source))
        named.add((source, DCTERMS.date, Literal("1921", datatype=XSD.gYear)))
        named.add((source, DCTERMS.date, Literal("1922", datatype=XSD.gYear)))
        return dataset

    monkeypatch.setattr(pipeline, "build_graph", with_a_bad_fact)


def test_a_build_writes_everything_else_and_lists_what_it_left_out(small_corpus, tmp_path, broken_build):
    result = pipeline.build([small_corpus], tmp_path / "out")
    assert result.conforms and result.left_out and result.problems
    assert (tmp_path / "out" / "graph.ttl").exists() and (tmp_path / "out" / "graph.nq").exists()
    report = (tmp_path / "out" / "validation.txt").read_text(encoding="utf-8")
    assert report.startswith("left out of the graph files:") and "dcterms:date" in report


def test_a_strict_build_leaves_nothing_out_and_writes_nothing(small_corpus, tmp_path, broken_build):
    result = pipeline.build([small_corpus], tmp_path / "out", strict=True)
    assert not result.conforms and not result.left_out and result.problems
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_command_exits_1_after_writing_and_2_with_strict(small_corpus, tmp_path, broken_build):
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(small_corpus), "--out", str(tmp_path / "out"), "--quiet", "--no-cache"])
    assert result.exit_code == 1 and (tmp_path / "out" / "graph.trig").exists()
    assert "left out of the graph files" in result.output
    strict = runner.invoke(main, ["build", str(small_corpus), "--out", str(tmp_path / "strict"), "--quiet",
                                  "--no-cache", "--strict"])
    assert strict.exit_code == 2 and not (tmp_path / "strict" / "graph.trig").exists()


def test_the_command_tells_what_it_left_out_and_where_the_whole_report_is(small_corpus, tmp_path, broken_build):
    result = CliRunner().invoke(main, ["build", str(small_corpus), "--out", str(tmp_path / "out"), "--quiet",
                                       "--no-cache"])
    report = (tmp_path / "out" / "validation.txt").read_text(encoding="utf-8")
    shacl = report[report.index("conforms:"):]  # the SHACL report, warnings and all, after what was left out
    assert result.exit_code == 1 and "left out of the graph files" in result.output
    assert f"the whole report: {tmp_path / 'out' / 'validation.txt'}" in result.output
    assert shacl.splitlines()[0] not in result.output


def test_an_unreadable_document_is_skipped_and_reported_the_same_way(small_corpus, tmp_path):
    (small_corpus / "c.txt").write_bytes(bytes(range(256)) * 20)
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(small_corpus), "--out", str(tmp_path / "out"), "--quiet", "--no-cache"])
    assert result.exit_code == 1 and (tmp_path / "out" / "graph.trig").exists()
    report = (tmp_path / "out" / "validation.txt").read_text(encoding="utf-8")
    assert report.startswith("skipped, cannot be read: cannot decode ") and "c.txt" in report.splitlines()[0]
    strict = runner.invoke(main, ["build", str(small_corpus), "--out", str(tmp_path / "strict"), "--quiet",
                                  "--no-cache", "--strict"])
    assert strict.exit_code == 2 and "c.txt" in strict.output and not (tmp_path / "strict").exists()
