"""Serial, pooled, Dask and cached extraction give one graph; the cache
extracts again only what changed (the document, or the code and data)."""

from __future__ import annotations

import logging
import shutil
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from histkg.facts import cache as cache_module
from histkg.facts.cache import ExtractionCache, document_key, fingerprint
from histkg.facts.workers import ExecutorError, extract_all, pool_context
from histkg.language.resources import ONTOLOGY_ENV, ontology_dir
from histkg.mentions import extract as extract_module
from histkg.rdf.graph import build_graph
from histkg.resolve.entities import resolve
from histkg.resolve.events import resolve_events
from histkg.text.corpus import load_corpus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Three short documents: two written for the tests and the opening of a
    seed (a visit, treaties, dates), so each way has facts to agree on."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(
        "Tahsin Rıfat Paşa 12 Mart 1922 tarihinde Trabzon'dan Batum'a geçti. Orada Yoldaş Petrovski ile görüştü.\n\n"
        "Grigoriy Aleksandroviç Petrovski'nin raporu Karlofça Antlaşması'nı hatırlatıyordu.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Petrovski 1923 yılında Ankara'ya geldi ve Halk Fırkası ile temas kurdu.\n", encoding="utf-8")
    seed = (SEEDS / "000_59a8525e37afcabc.txt").read_text(encoding="utf-8")
    (folder / "c.txt").write_text(seed[:9000], encoding="utf-8")
    return folder


def graph_lines(extractions) -> list[str]:
    """The graph the extractions make, as sorted quads in N-Quads terms (it has no blank nodes)."""
    entities = resolve(extractions)
    events = resolve_events(extractions, entities)
    dataset = build_graph(extractions, entities, events=events)
    return sorted(" ".join(term.n3() for term in (s, p, o, getattr(g, "identifier", g)))
                  for s, p, o, g in dataset.quads((None, None, None, None)))


@pytest.fixture(scope="module")
def serial(corpus) -> list[str]:
    return graph_lines(extract_all(load_corpus([corpus])))


def test_a_pool_of_processes_gives_the_serial_graph(corpus, serial):
    assert graph_lines(extract_all(load_corpus([corpus]), workers=2)) == serial


def test_a_local_dask_cluster_gives_the_serial_graph(corpus, serial):
    pytest.importorskip("dask.distributed")
    assert graph_lines(extract_all(load_corpus([corpus]), workers=2, executor="dask")) == serial


def test_an_unknown_executor_is_an_error(corpus):
    with pytest.raises(ExecutorError, match="unknown executor"):
        extract_all(load_corpus([corpus]), executor="threads")


def extracted(documents, cache: ExtractionCache, workers: int = 1) -> tuple[list, list[str]]:
    """The extractions, and the files that were extracted rather than read back."""
    fresh: list[str] = []
    extractions = extract_all(documents, workers=workers, cache=cache,
                              done=lambda document, cached: cached or fresh.append(Path(document.file).name))
    return extractions, fresh


def test_a_rebuild_extracts_only_the_changed_file_and_gives_the_same_graph(corpus, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder)
    store = tmp_path / "cache"
    serial = graph_lines(extract_all(load_corpus([folder])))  # the files' paths are part of the graph
    first, fresh = extracted(load_corpus([folder]), ExtractionCache(store), workers=2)
    assert sorted(fresh) == ["a.txt", "b.txt", "c.txt"] and graph_lines(first) == serial
    again, fresh = extracted(load_corpus([folder]), ExtractionCache(store))
    assert fresh == [] and graph_lines(again) == serial
    (folder / "b.txt").write_text("Petrovski 1924 yılında İzmir'e geldi.\n", encoding="utf-8")
    changed, fresh = extracted(load_corpus([folder]), ExtractionCache(store))
    assert fresh == ["b.txt"]
    assert graph_lines(changed) == graph_lines(extract_all(load_corpus([folder])))


def test_the_cache_keeps_only_the_last_builds_entries(corpus, tmp_path):
    cache = ExtractionCache(tmp_path)
    extract_all(load_corpus([corpus]), cache=cache)
    assert len(list(tmp_path.glob("*.extraction"))) == 3
    smaller = ExtractionCache(tmp_path)
    extract_all(load_corpus([corpus / "b.txt"]), cache=smaller)
    smaller.prune()
    assert len(list(tmp_path.glob("*.extraction"))) == 1


def test_a_damaged_entry_is_extracted_again(corpus, tmp_path):
    documents = load_corpus([corpus / "b.txt"])
    cache = ExtractionCache(tmp_path)
    extract_all(documents, cache=cache)
    cache.path(documents[0]).write_bytes(b"not a pickle")
    assert ExtractionCache(tmp_path).get(documents[0]) is None
    _, fresh = extracted(documents, ExtractionCache(tmp_path))
    assert fresh == ["b.txt"] and ExtractionCache(tmp_path).get(documents[0]) is not None


def test_a_changed_lexicon_changes_the_fingerprint(tmp_path, monkeypatch):
    """Entries made with other data are never read back: the key holds a hash of the ontology folder."""
    copy = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), copy)
    monkeypatch.setenv(ONTOLOGY_ENV, str(copy))
    fingerprint.cache_clear()
    before = fingerprint()
    lexicon = next(p for p in sorted((copy / "lexicon").iterdir()) if p.is_file())
    lexicon.write_bytes(lexicon.read_bytes() + b"\n")
    fingerprint.cache_clear()
    try:
        assert fingerprint() != before
    finally:
        monkeypatch.delenv(ONTOLOGY_ENV)
        fingerprint.cache_clear()


@pytest.mark.parametrize("stage", cache_module.EXTRACTION_STAGES)
def test_changed_code_of_an_extraction_stage_changes_the_fingerprint(stage, tmp_path, monkeypatch):
    package = tmp_path / "histkg"
    shutil.copytree(cache_module.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "PACKAGE_DIR", package)
    fingerprint.cache_clear()
    try:
        before = fingerprint()
        with (package / stage / "__init__.py").open("a", encoding="utf-8") as file:
            file.write("# a change\n")
        fingerprint.cache_clear()
        assert fingerprint() != before
    finally:
        fingerprint.cache_clear()


def test_a_cache_folder_that_cannot_be_written_is_a_warning_not_an_error(corpus, tmp_path, caplog):
    blocked = tmp_path / "a file"
    blocked.write_text("", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="histkg"):
        extractions = extract_all(load_corpus([corpus / "b.txt"]), cache=ExtractionCache(blocked / "cache"))
    assert len(extractions) == 1 and "cannot keep extractions" in caplog.text



def test_a_pool_started_beside_another_thread_does_not_fork_it_and_gives_the_serial_graph(corpus, serial):
    """A thread may hold a lock at the moment of a fork (a queue's feeder, a
    Dask client's loop): the workers come from a fork server instead."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert pool_context().get_start_method() == "forkserver"
        assert graph_lines(extract_all(load_corpus([corpus]), workers=2)) == serial
    finally:
        stop.set()
        other.join()


def test_extraction_reads_the_clean_text_made_in_reading_and_the_cache_keys_without_it(corpus, monkeypatch):
    documents = load_corpus([corpus])
    assert all(document.clean is not None for document in documents)
    expected = graph_lines(extract_all(documents))

    def normalized_again(text):
        raise AssertionError("extraction normalized a text reading had normalized")

    monkeypatch.setattr(extract_module, "normalize", normalized_again)
    assert graph_lines(extract_all(documents)) == graph_lines(extract_all(documents, workers=2)) == expected
    assert document_key(documents[0]) == document_key(replace(documents[0], clean=None))
