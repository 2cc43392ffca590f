"""README's "Correcting the graph" keeps what it shows: its curation file applies to the seeds
and its queries answer as printed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from histkg.curation.apply import curate_entities, curate_graph
from histkg.curation.entries import Curation, parse_entries
from histkg.curation.review import review_queue
from histkg.export.registry import GraphData, export
from histkg.query.sparql import format_result, open_store, run_query
from histkg.rdf.graph import build_graph
from histkg.rdf.namespaces import DEFAULT_BASE
from histkg.rdf.validate import validate
from histkg.resolve.entities import resolve
from histkg.resolve.events import resolve_events

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Correcting the graph"):README.index("## Layout")]


def block_after(marker: str) -> str:
    start = SECTION.index(marker) + len(marker)
    body = SECTION.index("\n", SECTION.index("```", start)) + 1
    return SECTION[body:SECTION.index("```", body)]


@pytest.fixture(scope="module")
def curated_seeds(seeds_build, tmp_path_factory):
    """The seeds' extractions resolved again and curated with the README's file: no second extraction."""
    extractions = seeds_build[0].extractions
    curation = Curation(Path("seeds-curation.toml"), parse_entries(block_after("`seeds-curation.toml`:"), "README"))
    entities = resolve(extractions)
    events = resolve_events(extractions, entities)
    outcome = curate_entities(curation, entities, events)
    dataset = build_graph(extractions, entities, DEFAULT_BASE, events)
    curate_graph(outcome, dataset, extractions, DEFAULT_BASE)
    path = export(GraphData(dataset), "trig", tmp_path_factory.mktemp("curated-seeds") / "graph.trig")
    return outcome, dataset, open_store(path)


def test_the_worked_example_applies_every_entry_to_the_seeds_and_conforms(curated_seeds):
    outcome, dataset, _ = curated_seeds
    assert outcome.problems == []
    assert f"curation: applied {len(outcome.applied)} of 7 entries" in outcome.summary
    assert validate(dataset).conforms


@pytest.mark.parametrize("query_marker, table_marker", [
    ("claims from the scholar's", "} ORDER BY ?party\n```"),
    ("with what each entry set aside:", "ORDER BY ?action ?why'\n```"),
])
def test_the_worked_examples_queries_print_what_the_readme_shows(curated_seeds, query_marker, table_marker):
    text = block_after(query_marker)
    query = re.sub(r"^histkg query out/graph.trig '|'\s*$", "", text.strip())
    assert format_result(run_query(curated_seeds[2], query), "table") == block_after(table_marker)


def test_the_review_queue_counts_the_readme_gives_are_the_seeds(seeds_build):
    items = review_queue(open_store(seeds_build[1] / "graph.trig"))
    counts = re.search(r"that is (\d+) rows, (\d+) of them far places", " ".join(SECTION.split()))
    assert (len(items), sum(item.reason == "far place" for item in items)) == tuple(map(int, counts.groups()))
