"""Plain files for people who do not speak RDF: CSV tables (entities, events,
claims) for a spreadsheet, and GeoJSON (places and itineraries) for a map.

Multi-valued cells join their values with " | "; dates are written as the
sources give them (xsd:date, xsd:gYearMonth or xsd:gYear lexical forms).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from histkg.export.networks import annotation_source, event_spell, events_of, local_name, node_label
from histkg.rdf.namespaces import GEONAMES, HKG, OA, PREFIXES, SCHEMA

SEPARATOR = " | "
ENTITY_CLASSES = {HKG.Person: "Person", HKG.Place: "Place", HKG.Venue: "Venue", HKG.Organization: "Organization"}
EVENT_TYPES = {HKG.Treaty: "Treaty", HKG.Visit: "Visit"}
DATE_PROPERTIES = (HKG.signedOn, HKG.startDate, HKG.endDate)
# One column per role, so a spreadsheet can filter travellers apart from hosts.
ROLE_COLUMNS = {"leader": HKG.leader, "travellers": HKG.visitor, "hosts": HKG.host,
                "signatories": HKG.signatory, "parties": HKG.party}

ENTITY_COLUMNS = ("iri", "type", "label", "alt_labels", "same_as", "latitude", "longitude", "mentions",
                  "narrative_role")
EVENT_COLUMNS = ("iri", "type", "label", "earliest", "latest", "dates", "places", *ROLE_COLUMNS)
CLAIM_COLUMNS = ("claim", "subject", "subject_label", "predicate", "object", "object_label", "source_file",
                 "start", "end", "quote", "sentence", "year_from_context", "problem", "inference")


# CSV ---------------------------------------------------------------------------

def write_csv_tables(graph: Graph, folder: Path) -> None:
    """entities.csv, events.csv and claims.csv in `folder` (UTF-8, a header row)."""
    write_csv(folder / "entities.csv", ENTITY_COLUMNS, entity_rows(graph))
    write_csv(folder / "events.csv", EVENT_COLUMNS, event_rows(graph))
    write_csv(folder / "claims.csv", CLAIM_COLUMNS, claim_rows(graph))


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def joined(values) -> str:
    """Distinct values, sorted, in one cell."""
    return SEPARATOR.join(sorted({str(value) for value in values}))


def entity_rows(graph: Graph) -> list[dict]:
    rows = []
    for cls, type_name in ENTITY_CLASSES.items():
        for node in set(graph.subjects(RDF.type, cls)):
            rows.append({
                "iri": str(node), "type": type_name, "label": node_label(graph, node),
                "alt_labels": joined(graph.objects(node, SKOS.altLabel)),
                "same_as": joined(graph.objects(node, OWL.sameAs)),
                "latitude": graph.value(node, SCHEMA.latitude) or "",
                "longitude": graph.value(node, SCHEMA.longitude) or "",
                "mentions": len(set(graph.objects(node, HKG.evidence))),
                "narrative_role": graph.value(node, HKG.narrativeRole) or "",
            })
    return sorted(rows, key=lambda row: (row["type"], row["label"], row["iri"]))


def event_rows(graph: Graph) -> list[dict]:
    rows = []
    for node in sorted(events_of(graph)):
        spell = event_spell(graph, node) or ("", "")
        rows.append({
            "iri": str(node), "type": next(name for cls, name in EVENT_TYPES.items() if (node, RDF.type, cls) in graph),
            "label": node_label(graph, node), "earliest": spell[0], "latest": spell[1],
            "dates": joined(f"{local_name(p)} {value}" for p in DATE_PROPERTIES for value in graph.objects(node, p)),
            "places": SEPARATOR.join(node_label(graph, place) for place in event_places(graph, node)),
        } | {column: joined(node_label(graph, value) for value in set(graph.objects(node, prop)))
             for column, prop in ROLE_COLUMNS.items()})
    return rows


def event_places(graph: Graph, event: URIRef) -> list[URIRef]:
    """Where the event happens: signedAt, origin, the stops in order, destination; each once.
    A property's values are a set, in no order a store keeps: they go by IRI."""
    places = sorted(graph.objects(event, HKG.signedAt)) + sorted(graph.objects(event, HKG.origin))
    places += [place for _, place in itinerary(graph, event)]
    places += sorted(graph.objects(event, HKG.destination))
    return list(dict.fromkeys(places))


def itinerary(graph: Graph, visit: URIRef) -> list[tuple[URIRef, URIRef]]:
    """(stop, place) of a visit in hkg:order."""
    stops = [(int(graph.value(stop, HKG.order) or 0), str(stop), stop) for stop in graph.objects(visit, HKG.stop)]
    return [(stop, graph.value(stop, HKG.place)) for *_, stop in sorted(stops)
            if isinstance(graph.value(stop, HKG.place), URIRef)]


def claim_rows(graph: Graph) -> list[dict]:
    rows = []
    for claim in set(graph.subjects(RDF.type, HKG.Claim)):
        evidence = min(graph.objects(claim, HKG.evidence), default=None)
        start, end, quote = selectors(graph, evidence)
        source = graph.value(claim, HKG.source) or (annotation_source(graph, evidence) if evidence else None)
        subject, value = graph.value(claim, HKG.subject), graph.value(claim, HKG.object)
        rows.append({
            "claim": str(claim), "subject": str(subject or ""), "subject_label": cell_label(graph, subject),
            "predicate": prefixed(graph.value(claim, HKG.predicate)),
            "object": str(value or ""), "object_label": cell_label(graph, value),
            "source_file": str(graph.value(source, HKG.file) or "") if source is not None else "",
            "start": start, "end": end, "quote": quote,
            "sentence": " ".join(str(graph.value(evidence, HKG.sentence) or "").split()) if evidence else "",
            "year_from_context": "true" if graph.value(claim, HKG.yearFromContext) else "",
            "problem": str(graph.value(claim, HKG.problem) or ""),
            "inference": str(graph.value(claim, HKG.inference) or ""),
        })
    return sorted(rows, key=lambda row: (row["subject"], row["predicate"], row["object"], row["claim"]))


def cell_label(graph: Graph, term) -> str:
    """A node's label, a literal's value: what a reader of the table looks for."""
    if term is None:
        return ""
    return node_label(graph, term) if isinstance(term, URIRef) else str(term)


def selectors(graph: Graph, annotation) -> tuple[str, str, str]:
    """(start, end, exact quote) of an annotation's text selectors; empty when there is none."""
    start = end = quote = ""
    target = graph.value(annotation, OA.hasTarget) if annotation is not None else None
    for selector in graph.objects(target, OA.hasSelector) if target is not None else ():
        if (selector, RDF.type, OA.TextPositionSelector) in graph:
            start, end = str(graph.value(selector, OA.start)), str(graph.value(selector, OA.end))
        elif (selector, RDF.type, OA.TextQuoteSelector) in graph:
            quote = str(graph.value(selector, OA.exact))
    return start, end, quote


def prefixed(iri) -> str:
    if iri is None:
        return ""
    for prefix, namespace in PREFIXES.items():
        if str(iri).startswith(str(namespace)):
            return f"{prefix}:{str(iri)[len(str(namespace)):]}"
    return str(iri)


# GeoJSON -----------------------------------------------------------------------

def write_geojson(graph: Graph, path: Path) -> None:
    text = json.dumps(feature_collection(graph), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


def feature_collection(graph: Graph) -> dict:
    """A Point per located place and a LineString per visit through its
    located stops in hkg:order (RFC 7946: positions are [longitude, latitude])."""
    positions = place_positions(graph)
    features = [place_feature(graph, place, position) for place, position in sorted(positions.items())]
    for visit in sorted(graph.subjects(RDF.type, HKG.Visit)):
        feature = visit_feature(graph, visit, positions)
        if feature is not None:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def place_positions(graph: Graph) -> dict[URIRef, list[float]]:
    positions = {}
    for place in set(graph.subjects(RDF.type, HKG.Place)):
        latitude, longitude = graph.value(place, SCHEMA.latitude), graph.value(place, SCHEMA.longitude)
        if latitude is not None and longitude is not None:
            positions[place] = [float(longitude), float(latitude)]
    return positions


def place_feature(graph: Graph, place: URIRef, position: list[float]) -> dict:
    geonames = sorted(str(iri) for iri in graph.objects(place, OWL.sameAs) if str(iri).startswith(str(GEONAMES)))
    return {"type": "Feature", "id": str(place), "geometry": {"type": "Point", "coordinates": position},
            "properties": {"iri": str(place), "label": node_label(graph, place),
                           "geonames": geonames[0] if geonames else None,
                           "mentions": len(set(graph.objects(place, HKG.evidence)))}}


def visit_feature(graph: Graph, visit: URIRef, positions: dict[URIRef, list[float]]) -> dict | None:
    """The visit's line through its located stops; None with fewer than two."""
    stops = [place for _, place in itinerary(graph, visit)]
    line = [positions[place] for place in stops if place in positions]
    line = [position for i, position in enumerate(line) if i == 0 or position != line[i - 1]]
    if len(line) < 2:
        return None
    spell = event_spell(graph, visit) or (None, None)
    return {"type": "Feature", "id": str(visit), "geometry": {"type": "LineString", "coordinates": line},
            "properties": {"iri": str(visit), "label": node_label(graph, visit), "type": "Visit",
                           "earliest": spell[0], "latest": spell[1],
                           "start_date": first_value(graph, visit, HKG.startDate),
                           "end_date": first_value(graph, visit, HKG.endDate),
                           "stops": [node_label(graph, place) for place in stops]}}


def first_value(graph: Graph, node: URIRef, prop: URIRef) -> str | None:
    values = sorted(str(value) for value in graph.objects(node, prop))
    return values[0] if values else None
