"""Builders and readers for tests of events: a graph built once from texts written for a module's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from histkg.export.registry import as_graph
from histkg.pipeline import build
from histkg.rdf.namespaces import HKG


def build_texts(tmp_path: Path, texts: dict[str, str]):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = build([folder])
    return result, as_graph(result.dataset)


def built_once(texts: dict[str, str]):
    """A fixture for a module's tests: (build result, graph) of `texts` (file
    name -> text), built once for them all."""
    @pytest.fixture(scope="module")
    def built(tmp_path_factory):
        return build_texts(tmp_path_factory.mktemp("texts"), texts)
    return built


def labels(graph, nodes) -> set[str]:
    return {str(graph.value(node, SKOS.prefLabel)) for node in nodes}


def only(graph, cls, label_part: str) -> URIRef:
    nodes = [n for n in graph.subjects(RDF.type, cls) if label_part in str(graph.value(n, SKOS.prefLabel))]
    assert len(nodes) == 1, (label_part, [graph.value(n, SKOS.prefLabel) for n in graph.subjects(RDF.type, cls)])
    return nodes[0]


def claims_of(graph, subject, predicate) -> list[URIRef]:
    return [c for c in graph.subjects(HKG.subject, subject) if graph.value(c, HKG.predicate) == predicate]


def inferences(graph, subject, predicate) -> list[str]:
    """The hkg:inference of every claim on `subject` for `predicate` ('' where the passage states it)."""
    return [str(graph.value(c, HKG.inference) or "") for c in claims_of(graph, subject, predicate)]


def places(graph, visit) -> list[str]:
    return [str(graph.value(graph.value(s, HKG.place), SKOS.prefLabel)) for s in ordered_stops(graph, visit)]


def stop_inferences(graph, visit) -> list[str]:
    """The hkg:inference of each stop's place claim, in order ('' where the passage states the place)."""
    return [" ".join(inferences(graph, s, HKG.place)) for s in ordered_stops(graph, visit)]


def visit_labels(graph) -> list[str]:
    return [str(graph.value(v, SKOS.prefLabel)) for v in graph.subjects(RDF.type, HKG.Visit)]


def ordered_stops(graph, visit) -> list:
    return sorted(graph.objects(visit, HKG.stop), key=lambda s: int(graph.value(s, HKG.order)))


