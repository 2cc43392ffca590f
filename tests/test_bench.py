"""`make bench`'s corpus of shuffled copies and its figures (speed itself is
measured by `make bench`, never here)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from shape_graphs import build_valid_graph

from histkg import bench
from histkg.bench import PARAGRAPH_BREAK, make_copies, peak_own_mib, summarise, validation_peers
from histkg.rdf import rudof
from histkg.rdf.validate import remembered, validate
from histkg.text.corpus import load_corpus

from .conftest import SEEDS


def test_copies_shuffle_paragraphs_and_keep_the_catalog(tmp_path):
    make_copies(SEEDS, tmp_path, 2)
    documents = load_corpus([tmp_path])
    originals = {path.stem: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
    assert len(documents) == 2 * len(originals)
    texts = {document.doc_id: document.text for document in documents}
    for stem, text in originals.items():
        first, second = texts[f"{stem}-copy000"], texts[f"{stem}-copy001"]
        assert first != second and first != text
        assert paragraphs(first) == paragraphs(text)
    jaschke = next(document for document in documents if document.doc_id.startswith("004_"))
    assert jaschke.creator == ("Gotthard Jäschke",) and jaschke.year == 1934


def paragraphs(text: str) -> Counter:
    return Counter(part for part in PARAGRAPH_BREAK.split(text) if part)


def test_summary_gives_rates_and_ratios():
    figures = {"build": {"seconds": {"extract": 2.0, "graph": 1.0, "validate": 1.0, "export": 0.5},
                         "total": 5.0, "quads": 1000},
               "tokenizer": {"tokens": 4000, "seconds": 0.1, "fresh_seconds": 0.4}}
    summary = summarise(figures, workers=2)
    assert summary["quads_per_s"] == {"graph": 1000, "validate": 1000, "export": 2000}
    assert summary["validation_share"] == 0.2
    assert summary["extract_vs_bare_per_worker"] == 2000 / 2 / 40000
    assert summary["extract_vs_fresh_bare_per_worker"] == 2000 / 2 / 10000


def test_the_bare_tokenizer_also_meets_each_text_new(monkeypatch):
    # Copies repeat every word: one tokenizer for all of them measures its cache of words, not its work.
    seen = []

    class Tokenizer:
        def __call__(self, text):
            seen.append((self, text))
            return text.split()

    monkeypatch.setattr(bench.spacy, "blank", lambda language: SimpleNamespace(tokenizer=Tokenizer()))
    figures = bench.bare_tokenizer(["a b", "a b", "c"])
    assert figures["tokens"] == 5 and {"seconds", "fresh_seconds"} <= figures.keys()
    shared, fresh = seen[:3], seen[3:]
    assert len({id(tokenizer) for tokenizer, _ in shared}) == 1
    assert [text for _, text in fresh] == ["a b", "a b", "c"]
    assert len({id(tokenizer) for tokenizer, _ in fresh} | {id(shared[0][0])}) == 4


def test_each_stage_is_given_the_cpu_of_the_workers_that_ended_in_it():
    at_start = {"extract": 1.0, "validate": 5.0, "export": 12.0}
    assert bench.workers_cpu(at_start, at_end=12.0) == {"extract": 4.0, "validate": 7.0}
    assert bench.workers_cpu(at_start, at_end=None) == {"extract": 4.0, "validate": 7.0}


def working_children_in_one_stage(paths, workers, out, events):
    """A build whose extract stage runs a child that works half a second of CPU."""
    os.setpgrp()
    progress = bench.Reporter(events)
    progress.start("extract", 1, "documents")
    subprocess.run([sys.executable, "-c", "import time\nend = time.process_time() + 0.5\n"
                    "while time.process_time() < end: pass"], check=True)
    progress.start("validate", 1, "quads")
    events.send(("build", {"seconds": {}, "total": 1.0, "quads": 0, "documents": 0, "conforms": True,
                           "peak_own_mib": 0, "children_cpu": bench.children_cpu()}))
    events.send(("validation", {}))


def test_the_cpu_a_stages_workers_use_is_measured_in_the_build(monkeypatch):
    monkeypatch.setattr(bench, "measured_build", working_children_in_one_stage)
    figures = bench.run_measured([], workers=1, budget=60, max_memory_mib=8192)
    used = summarise(figures, workers=1)["workers_cpu"]
    assert used.keys() == {"extract"} and 0.45 <= used["extract"] < 5


def writing_until_stopped(paths, workers, out, events):
    """A build that writes into its folder, then runs on until the bench stops it."""
    os.setpgrp()
    (Path(out) / "graph.nq").write_text("<a> <b> <c> .\n", encoding="utf-8")
    events.send(("out", out))
    time.sleep(60)


def test_a_build_stopped_past_its_budget_leaves_no_files(monkeypatch):
    monkeypatch.setattr(bench, "measured_build", writing_until_stopped)
    figures = bench.run_measured([], workers=1, budget=1, max_memory_mib=8192)
    assert figures["stopped"] and figures["out"] and not Path(figures["out"]).exists()


def test_writers_and_their_peer_take_turns_and_each_gives_its_fastest_run():
    calls = []
    ours, alone = bench.fastest_in_turn(lambda: calls.append("ours"), lambda: calls.append("alone"), runs=3)
    assert calls == ["ours", "alone"] * 3 and 0 <= ours < 1 and 0 <= alone < 1
    stalls = iter([0.3, 0.05, 0.2])  # one run stalls less than the others: its time is the figure
    (fastest,) = bench.fastest_in_turn(lambda: time.sleep(next(stalls)), runs=3)
    assert 0.05 <= fastest < 0.2


def holding_memory_after_the_build(paths, workers, out, events):
    """A build that posts its figures, then takes 400 MB more (as the peers after it may)."""
    os.setpgrp()
    events.send(("build", {"seconds": {}, "total": 1.0, "quads": 0, "documents": 0, "conforms": True,
                           "peak_own_mib": peak_own_mib()}))
    held = b"x" * (400 << 20)
    time.sleep(2)  # sampled every half second
    events.send(("validation", {"held": len(held)}))


def test_the_builds_peak_memory_is_apart_from_the_peers_after_it(monkeypatch):
    monkeypatch.setattr(bench, "measured_build", holding_memory_after_the_build)
    figures = bench.run_measured([], workers=1, budget=60, max_memory_mib=8192)
    assert figures["build"] and figures["validation"]
    assert figures["peak_rss_mib"] - figures["build_peak_rss_mib"] > 300


def test_the_rudof_peer_validates_from_nothing_not_from_the_builds_reports(monkeypatch):
    graph = build_valid_graph()
    with remembered():
        validate(graph, engine="rudof")  # as the build does, on the same data
    remembered_at_start = []
    reports = rudof.reports

    def counting(jobs, memory):
        remembered_at_start.append(len(memory))
        return reports(jobs, memory)

    monkeypatch.setattr(rudof, "reports", counting)
    figures = validation_peers(graph)
    assert remembered_at_start == [0] and figures["rudof"]["findings"] == figures["pyshacl"]["findings"] == 0
