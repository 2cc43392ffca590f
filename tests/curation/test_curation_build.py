"""`histkg build` with a curation file: what it says, what it writes, its exit codes; and ids that stay."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import RDF, SKOS

from histkg.cli import main
from histkg.pipeline import build
from histkg.rdf.namespaces import HKG
from histkg.rdf.validate import ENGINES, validate
from tests.curation.conftest import node

EVERY_KIND = """
[[merge]]
keep = "person/litvinov"
drop = ["person/kliment-vorosilov"]
why = "a test of merging"
by = "Ayşe"
date = 2026-12-03

[[split]]
id = "person/halil-kut-pasa"
new = "person/halil-pasa"
names = ["Halil Paşa"]
why = "a test of splitting"

[[relabel]]
id = "place/rusya"
label = "Sovyet Rusya"
why = "a test of relabelling"

[[link]]
id = "person/cicerin"
same_as = "http://www.wikidata.org/entity/Q123456"
why = "a test of linking"

[[reject]]
id = "place/baku"
why = "a test of rejecting"

[[assert]]
subject = "treaty/moskova-antlasmasi"
property = "hkg:signatory"
object = "person/litvinov"
source = "a.txt"
quote = "Moskova'da Litvinov ile görüştü"
why = "a test of asserting"

[[retract]]
subject = "treaty/moskova-antlasmasi"
property = "hkg:party"
object = "place/rusya"
why = "a test of retracting"
"""
STALE = '[[reject]]\nid = "person/nobody"\nwhy = "gone"\n\n[[relabel]]\nid = "place/rusya"\nlabel = "Rusya SFSC"\nwhy = "x"\n'


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def build_cli(corpus, out, cache, *options):
    return run("build", corpus, "--out", out, "--workers", "1", "--cache", cache, *options)


def test_a_graph_with_every_kind_of_entry_conforms_under_both_shacl_engines(build_with):
    result = build_with(EVERY_KIND)
    assert not result.problems and len(result.curation.applied) == 7
    for engine in ENGINES:
        assert validate(result.dataset, engine=engine).conforms, engine


def test_the_shapes_catch_an_activity_without_its_reason(build_with):
    dataset = build_with(EVERY_KIND).dataset
    (activity,) = {s for s, *_ in dataset.quads((None, HKG.action, Literal("link"), None))}
    dataset.remove((activity, HKG.reason, None, None))
    for engine in ENGINES:
        findings = validate(dataset, engine=engine).violations
        assert [(f.focus, f.path) for f in findings] == [(str(activity), "hkg:reason")], engine


def test_a_rebuild_with_the_same_curation_file_gives_the_same_bytes(curation_corpus, extraction_cache, tmp_path):
    curation = tmp_path / "curation.toml"
    curation.write_text(EVERY_KIND, encoding="utf-8")
    for out in ("one", "two"):
        assert build_cli(curation_corpus, tmp_path / out, extraction_cache, "--curation", curation).exit_code == 0
    for name in ("graph.nq", "graph.trig", "graph.ttl", "validation.txt"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_an_empty_curation_file_leaves_the_graph_byte_identical(curation_corpus, extraction_cache, tmp_path):
    curation = tmp_path / "curation.toml"
    curation.write_text("# nothing to correct yet\n", encoding="utf-8")
    assert build_cli(curation_corpus, tmp_path / "none", extraction_cache).exit_code == 0
    assert build_cli(curation_corpus, tmp_path / "empty", extraction_cache, "--curation", curation).exit_code == 0
    for name in ("graph.nq", "validation.txt"):
        assert (tmp_path / "none" / name).read_bytes() == (tmp_path / "empty" / name).read_bytes(), name


def test_the_build_says_how_many_entries_it_applied(curation_corpus, extraction_cache, tmp_path):
    curation = tmp_path / "curation.toml"
    curation.write_text(EVERY_KIND, encoding="utf-8")
    result = build_cli(curation_corpus, tmp_path / "out", extraction_cache, "--curation", curation)
    assert f"curation: applied 7 of 7 entries of {curation}" in result.output


def test_a_stale_id_is_named_in_validation_txt_and_the_build_exits_1(curation_corpus, extraction_cache, tmp_path):
    curation = tmp_path / "curation.toml"
    curation.write_text(STALE, encoding="utf-8")
    result = build_cli(curation_corpus, tmp_path / "out", extraction_cache, "--curation", curation)
    assert result.exit_code == 1
    assert f"curation: applied 1 of 2 entries of {curation}" in result.output
    report = (tmp_path / "out" / "validation.txt").read_text(encoding="utf-8")
    assert report.startswith(f"curation entries not applied ({curation}): 1\n"
                             "  [[reject]] #1 (id = person/nobody): no node person/nobody in the graph")
    assert (tmp_path / "out" / "graph.nq").is_file()  # the rest is written


def test_with_strict_a_stale_id_is_fatal_and_nothing_is_written(curation_corpus, extraction_cache, tmp_path):
    curation = tmp_path / "curation.toml"
    curation.write_text(STALE, encoding="utf-8")
    result = build_cli(curation_corpus, tmp_path / "out", extraction_cache, "--curation", curation, "--strict")
    assert result.exit_code == 2
    assert not (tmp_path / "out" / "graph.nq").exists()


def test_a_quote_not_in_its_source_is_named_and_the_build_exits_1(curation_corpus, extraction_cache, tmp_path):
    curation = tmp_path / "curation.toml"
    curation.write_text('[[assert]]\nsubject = "treaty/kars-antlasmasi"\nproperty = "hkg:party"\n'
                        'object = "place/rusya"\nsource = "b.txt"\nquote = "Sovyet Rusya ile"\nwhy = "x"\n',
                        encoding="utf-8")
    result = build_cli(curation_corpus, tmp_path / "out", extraction_cache, "--curation", curation)
    assert result.exit_code == 1
    assert "the quote 'Sovyet Rusya ile' is not in" in (tmp_path / "out" / "validation.txt").read_text(encoding="utf-8")


def test_malformed_toml_is_one_line_exit_2_and_nothing_written(curation_corpus, extraction_cache, tmp_path):
    curation = tmp_path / "curation.toml"
    curation.write_text('[[merge]\nkeep = "person/a"\n', encoding="utf-8")
    result = build_cli(curation_corpus, tmp_path / "out", extraction_cache, "--curation", curation)
    assert result.exit_code == 2
    assert result.output.startswith(f"histkg: error: {curation}: not valid TOML: ")
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_an_unknown_kind_is_one_line_and_exit_2(curation_corpus, extraction_cache, tmp_path):
    curation = tmp_path / "curation.toml"
    curation.write_text('[[delete]]\nid = "place/baku"\nwhy = "x"\n', encoding="utf-8")
    result = build_cli(curation_corpus, tmp_path / "out", extraction_cache, "--curation", curation)
    assert result.exit_code == 2
    assert result.output == (f"histkg: error: {curation}: unknown entry kind 'delete': use reject, merge, split, "
                             "relabel, link, assert, retract, each as [[kind]]\n")


def test_curation_toml_in_the_corpus_folder_is_applied_without_being_named(curation_corpus, extraction_cache,
                                                                           tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(curation_corpus, corpus)
    (corpus / "curation.toml").write_text('[[reject]]\nid = "place/baku"\nwhy = "x"\n', encoding="utf-8")
    result = build_cli(corpus, tmp_path / "out", extraction_cache)
    assert result.exit_code == 0
    assert f"curation: applied 1 of 1 entry of {corpus / 'curation.toml'}" in result.output
    graph = (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8")
    assert f"<{node('place/baku')}> <{RDF.type}>" not in graph


def entity_iris(dataset) -> dict:
    """prefLabel -> IRI of every person, place, organization and treaty."""
    kinds = {HKG.Person, HKG.Place, HKG.Organization, HKG.Treaty}
    typed = {s for s, _, o, _ in dataset.quads((None, RDF.type, None, None)) if o in kinds}
    return {str(label): s for s, _, label, _ in dataset.quads((None, SKOS.prefLabel, None, None)) if s in typed}


def test_an_entity_keeps_its_id_across_rebuilds_as_long_as_its_canonical_name_does(curation_corpus,
                                                                                  extraction_cache, baseline):
    alone = build([curation_corpus / "a.txt"], cache_dir=extraction_cache).dataset
    both = entity_iris(baseline)
    same_name = {label: iri for label, iri in entity_iris(alone).items() if label in both}
    assert len(same_name) >= 10
    assert same_name == {label: both[label] for label in same_name}


def test_curation_changes_no_other_entitys_id(baseline, build_with):
    curated = entity_iris(build_with(EVERY_KIND).dataset)
    before = {label: iri for label, iri in entity_iris(baseline).items()
              if iri not in (node("person/kliment-vorosilov"), node("place/baku"), node("place/rusya"))}
    assert {label: curated[label] for label in before} == before
    assert curated["Halil Paşa"] == node("person/halil-pasa") and curated["Sovyet Rusya"] == node("place/rusya")
