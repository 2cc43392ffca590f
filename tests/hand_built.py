"""Pieces of hand-built graphs shared by the tests that read graphs histkg did not build."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from histkg.rdf.namespaces import HKG, OA


def add_annotation(graph: Graph, node: URIRef, source: URIRef, start: int, exact: str, sentence: str,
                   section: str | None = None) -> URIRef:
    """A Web Annotation of `exact` at `start` in `source`, with both selectors, as histkg writes one."""
    target, position, quote = (URIRef(f"{node}/{part}") for part in ("target", "position", "quote"))
    graph.add((node, RDF.type, OA.Annotation))
    graph.add((node, OA.hasTarget, target))
    graph.add((node, HKG.sentence, Literal(sentence)))
    if section is not None:
        graph.add((node, HKG.section, Literal(section)))
    graph.add((target, OA.hasSource, source))
    graph.add((target, OA.hasSelector, position))
    graph.add((target, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(start + len(exact), datatype=XSD.nonNegativeInteger)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(exact)))
    return node
