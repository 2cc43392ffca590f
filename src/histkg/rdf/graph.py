"""Graph: entities and their evidence as RDF.

One named graph per source document (what that document says, with its
annotations) plus the union. IRIs are built from a type and an ASCII slug,
annotation IRIs from the document and the original offsets, so the same input
gives the same IRIs; no blank nodes, so serialisations are stable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from histkg.language.dates import typed_value
from histkg.language.gazetteer import Gazetteer
from histkg.language.spelling import slugify
from histkg.mentions.extract import Extraction, Mention
from histkg.rdf.namespaces import DEFAULT_BASE, HKG, OA, SCHEMA, bind_prefixes
from histkg.rdf.quadstore import QuadStore
from histkg.resolve.entity import Entity
from histkg.resolve.model import Event, EventClaim
from histkg.text.corpus import Document

CONTEXT_CHARS = 32  # length of oa:prefix / oa:suffix
CLASS_OF_KIND = {"Person": HKG.Person, "Place": HKG.Place, "Venue": HKG.Venue, "Organization": HKG.Organization,
                 "Treaty": HKG.Treaty, "TimeSpan": HKG.TimeSpan}
# The calendar a text wrote a date in (DateMatch.calendar); its value is always Gregorian.
CALENDARS = {"gregorian": HKG.GregorianCalendar, "rumi": HKG.RumiCalendar, "hicri": HKG.HicriCalendar}
# How a place's coordinates were chosen (gazetteer.PlaceInfo.source).
COORDINATE_SOURCES = {"geonames": HKG.GeoNamesCoordinates, "geonames-capital": HKG.CapitalCoordinates,
                      "authority": HKG.AuthorityCoordinates}


class Iris:
    """Where every node of one build lives."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, entity: Entity) -> URIRef:
        folder = "date" if entity.kind == "TimeSpan" else entity.kind.lower()
        return URIRef(f"{self.base}{folder}/{entity.slug}")

    def source(self, document: Document) -> URIRef:
        return URIRef(f"{self.base}source/{document.doc_id}")

    def named_graph(self, document: Document) -> URIRef:
        return URIRef(f"{self.base}graph/{document.doc_id}")

    def work(self, author: URIRef, title: str) -> URIRef:
        return URIRef(f"{self.base}work/{str(author).rsplit('/', 1)[-1]}-{slugify(title)[:60]}")

    def event(self, event: Event) -> URIRef:
        return self.entity(event.entity) if event.entity is not None else URIRef(f"{self.base}visit/{event.slug}")

    def claim(self, subject: URIRef, claim: EventClaim, value) -> URIRef:
        evidence = ",".join(f"{m.doc_id}:{m.start}-{m.end}" for m in claim.evidence)
        digest = hashlib.sha1(f"{subject}|{claim.predicate}|{value}|{evidence}".encode()).hexdigest()[:16]
        return URIRef(f"{self.base}claim/{digest}")

    def annotation(self, mention: Mention) -> URIRef:
        return URIRef(f"{self.base}annotation/{mention.doc_id}/{mention.start}-{mention.end}")


def build_graph(extractions: list[Extraction], entities: list[Entity], base: str = DEFAULT_BASE,
                events: list[Event] = ()) -> Dataset:
    iris = Iris(base)
    dataset = Dataset(store=QuadStore())
    bind_prefixes(dataset)
    graphs = {}
    for extraction in extractions:
        document = extraction.document
        graph = dataset.graph(iris.named_graph(document))
        add_source(graph, document, iris)
        graphs[document.doc_id] = (graph, document)
    for entity in entities:
        node = iris.entity(entity)
        role = narrative_role(entity) if entity.kind == "Person" else None
        for doc_id, mentions in group_by_document(entity.mentions).items():
            graph, document = graphs[doc_id]
            add_entity(graph, node, entity, {m.text for m in mentions}, role)
            for mention in mentions:
                annotation = add_annotation(graph, mention, document, iris)
                graph.add((node, HKG.evidence, annotation))
    add_cited_works(extractions, entities, graphs, iris)
    for event in events:
        add_event(event, graphs, iris)
    plain_literal.cache_clear()  # the graph holds its literals; nothing is kept past it
    offset_literal.cache_clear()
    return dataset


def add_event(event: Event, graphs: dict, iris: Iris) -> None:
    """A treaty's or a journey's slots, each value with the claim of the source
    that states it; earliest/latest bounds for filtering and sorting."""
    node = iris.event(event)
    for mention in event.evidence:
        graph, document = graphs[mention.doc_id]
        if event.kind == "Visit":
            graph.add((node, RDF.type, HKG.Visit))
            graph.add((node, RDF.type, HKG.Event))
            graph.add((node, SKOS.prefLabel, Literal(event.label, lang="tr")))
            if event.part_of is not None:  # a leg of a larger journey
                graph.add((node, HKG.partOf, iris.event(event.part_of)))
        else:
            graph.add((node, RDF.type, HKG.Event))
        graph.add((node, HKG.evidence, add_annotation(graph, mention, document, iris)))
    for claim in event.claims:
        add_claim(node, claim, graphs, iris)
    dates = [c for c in event.claims if c.predicate in ("signedOn", "startDate", "endDate") and not c.problem]
    if event.kind == "Visit":
        add_visit_bounds(graphs[event.evidence[0].doc_id][0], node, dates)
    else:
        add_bounds(graphs[event.evidence[0].doc_id][0], node, dates)
    for stop in event.stops:
        add_stop(node, stop, graphs, iris)


def add_stop(visit: URIRef, stop, graphs: dict, iris: Iris) -> None:
    node = URIRef(f"{visit}/stop/{stop.order}")
    graph, document = graphs[stop.evidence[0].doc_id]
    graph.add((visit, HKG.stop, node))
    graph.add((node, RDF.type, HKG.Stop))
    graph.add((node, HKG.order, Literal(stop.order, datatype=XSD.integer)))
    graph.add((node, HKG.evidence, add_annotation(graph, stop.evidence[0], document, iris)))
    add_claim(node, EventClaim("place", stop.place, stop.evidence, inference=stop.inference), graphs, iris)
    if stop.date is not None:
        add_claim(node, stop.date, graphs, iris)
        add_bounds(graph, node, [stop.date] if not stop.date.problem else [])
    for claim in stop.flagged:
        add_claim(node, claim, graphs, iris)


def add_bounds(graph: Graph, node: URIRef, dates: list) -> None:
    if not dates:
        return
    earliest = min(c.value.data.earliest for c in dates)
    latest = max(c.value.data.latest for c in dates)
    graph.add((node, HKG.earliest, Literal(earliest.isoformat(), datatype=XSD.date)))
    graph.add((node, HKG.latest, Literal(latest.isoformat(), datatype=XSD.date)))


def add_visit_bounds(graph: Graph, node: URIRef, dates: list) -> None:
    """As add_bounds, but an open end says nothing: a posting `Mayıs 1922'ye
    kadar` is bounded by May 1922, not by the year 1; `Temmuz 1925'den beri`
    by July 1925."""
    days = [d for c in dates for d in (c.value.data.earliest, c.value.data.latest) if d not in (dt.date.min, dt.date.max)]
    if days:
        graph.add((node, HKG.earliest, Literal(min(days).isoformat(), datatype=XSD.date)))
        graph.add((node, HKG.latest, Literal(max(days).isoformat(), datatype=XSD.date)))


def claim_value(claim: EventClaim, iris: Iris):
    if isinstance(claim.value, Entity):
        return iris.entity(claim.value)
    value, datatype = typed_value(claim.value.data)
    return Literal(value, datatype=XSD[datatype])


def add_claim(subject: URIRef, claim: EventClaim, graphs: dict, iris: Iris) -> None:
    """The fact itself, and an hkg:Claim saying which source states it, where."""
    graph, document = graphs[claim.doc_id]
    value = claim_value(claim, iris)
    predicate = HKG[claim.predicate]
    node = iris.claim(subject, claim, value)
    graph.add((subject, predicate, value))
    graph.add((node, RDF.type, HKG.Claim))
    graph.add((node, HKG.subject, subject))
    graph.add((node, HKG.predicate, predicate))
    graph.add((node, HKG.object, value))
    graph.add((node, HKG.source, iris.source(document)))
    for mention in claim.evidence:
        graph.add((node, HKG.evidence, add_annotation(graph, mention, graphs[mention.doc_id][1], iris)))
    date = getattr(claim.value, "data", None)
    if date is not None and getattr(date, "year_from_context", False):
        graph.add((node, HKG.yearFromContext, Literal(True)))
    if date is not None and getattr(date, "calendar", "gregorian") != "gregorian":
        graph.add((node, HKG.calendar, CALENDARS[date.calendar]))  # the value stays Gregorian
    if claim.problem:
        graph.add((node, HKG.problem, Literal(claim.problem)))
    if claim.inference:
        graph.add((node, HKG.inference, Literal(claim.inference)))


CREDIT_PROPERTIES = {"author": DCTERMS.creator, "translator": SCHEMA.translator, "editor": SCHEMA.editor}


def add_cited_works(extractions: list[Extraction], entities: list[Entity], graphs: dict, iris: Iris) -> None:
    """Each work a footnote cites, with its credited persons; one node for a
    work cited several times (same first author and title)."""
    person_of = {m: iris.entity(e) for e in entities if e.kind == "Person" for m in e.mentions}
    for extraction in extractions:
        graph, document = graphs[extraction.document.doc_id]
        for work in extraction.works:
            credited = [(part, person_of[m]) for part, m in work.credits if m in person_of]
            authors = [person for part, person in credited if part == "author"]
            if not authors:
                continue
            node = iris.work(authors[0], f"{work.title or work.start} {work.year or ''}")
            graph.add((node, RDF.type, HKG.CitedWork))
            graph.add((node, HKG.citedIn, iris.source(document)))
            graph.add((node, HKG.evidence, add_annotation(graph, work, document, iris)))
            for part, person in credited:
                graph.add((node, CREDIT_PROPERTIES[part], person))
            if work.title:
                graph.add((node, DCTERMS.title, Literal(work.title)))
            if work.year:
                graph.add((node, DCTERMS.date, Literal(str(work.year), datatype=XSD.gYear)))
            if work.place:
                graph.add((node, HKG.publicationPlace, Literal(work.place)))
            if work.pages:
                graph.add((node, HKG.pages, Literal(work.pages)))


def narrative_role(entity: Entity) -> str:
    """`actor` when the narrative (or a footnote's story) names the person,
    `cited_author` when only references credit them, `both` otherwise."""
    credited = any(m.data in CREDIT_PROPERTIES for m in entity.mentions)
    acting = any(m.section != "footnote" or m.data not in CREDIT_PROPERTIES and len(m.text.split()) > 1
                 for m in entity.mentions)
    return "both" if credited and acting else "cited_author" if credited else "actor"


def group_by_document(mentions: list[Mention]) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.doc_id, []).append(mention)
    return groups


def add_source(graph: Graph, document: Document, iris: Iris) -> None:
    node = iris.source(document)
    graph.add((node, RDF.type, HKG.Source))
    graph.add((node, DCTERMS.title, Literal(document.title)))
    for language in document.languages:  # the catalog's, and any other a paragraph is written in
        graph.add((node, DCTERMS.language, Literal(language)))
    graph.add((node, HKG.sha256, Literal(document.sha256)))
    graph.add((node, HKG.file, Literal(document.file)))
    for creator in document.creator:
        graph.add((node, DCTERMS.creator, Literal(creator)))
    for translator in document.translator:
        graph.add((node, HKG.translator, Literal(translator)))
    if document.year:
        graph.add((node, DCTERMS.date, Literal(str(document.year), datatype=XSD.gYear)))


def add_entity(graph: Graph, node: URIRef, entity: Entity, surfaces: set[str], role: str | None) -> None:
    graph.add((node, RDF.type, CLASS_OF_KIND[entity.kind]))
    if entity.kind == "TimeSpan":
        add_time_span(graph, node, entity)
        return
    graph.add((node, SKOS.prefLabel, Literal(entity.label, lang="tr")))
    if role:
        graph.add((node, HKG.narrativeRole, Literal(role)))
    for surface in sorted(surfaces & set(entity.alt_labels)):
        graph.add((node, SKOS.altLabel, Literal(surface, lang="tr")))
    for iri in entity.same_as:
        graph.add((node, OWL.sameAs, URIRef(iri)))
    if entity.latitude is not None and entity.longitude is not None:
        graph.add((node, SCHEMA.latitude, Literal(f"{entity.latitude:.5f}", datatype=XSD.decimal)))
        graph.add((node, SCHEMA.longitude, Literal(f"{entity.longitude:.5f}", datatype=XSD.decimal)))
        source = coordinate_source(entity)
        if source is not None:
            graph.add((node, HKG.coordinateSource, source))


def coordinate_source(entity: Entity) -> URIRef | None:
    """How the gazetteer chose a place's coordinates: the GeoNames point, a
    country's capital, or a curated authority record (the entity's key is
    the gazetteer's)."""
    gazetteer = Gazetteer.load()
    info = gazetteer.places.get(entity.key)
    return COORDINATE_SOURCES.get(info.source) if info is not None and info.source else None


def add_time_span(graph: Graph, node: URIRef, entity: Entity) -> None:
    match = entity.mentions[0].data
    value, datatype = typed_value(match)
    graph.add((node, RDFS.label, Literal(match.edtf)))
    graph.add((node, HKG.edtf, Literal(match.edtf)))
    graph.add((node, HKG.value, Literal(value, datatype=XSD[datatype])))
    graph.add((node, HKG.earliest, Literal(match.earliest.isoformat(), datatype=XSD.date)))
    graph.add((node, HKG.latest, Literal(match.latest.isoformat(), datatype=XSD.date)))


# The terms every annotation uses, made once (an rdflib namespace makes a new term at each use).
ANNOTATION, SPECIFIC_RESOURCE, POSITION_SELECTOR, QUOTE_SELECTOR = (
    OA.Annotation, OA.SpecificResource, OA.TextPositionSelector, OA.TextQuoteSelector)
MOTIVATED_BY, IDENTIFYING, HAS_TARGET, HAS_SOURCE, HAS_SELECTOR = (
    OA.motivatedBy, OA.identifying, OA.hasTarget, OA.hasSource, OA.hasSelector)
START, END, EXACT, PREFIX, SUFFIX = OA.start, OA.end, OA.exact, OA.prefix, OA.suffix
SENTENCE, SECTION, CALENDAR = HKG.sentence, HKG.section, HKG.calendar
TYPE, NON_NEGATIVE = RDF.type, XSD.nonNegativeInteger


def add_annotation(graph: Graph, mention: Mention, document: Document, iris: Iris) -> URIRef:
    """A W3C Web Annotation whose selectors point into the ORIGINAL file."""
    node = iris.annotation(mention)
    target, position, quote = (URIRef(f"{node}/{part}") for part in ("target", "position", "quote"))
    text = document.text
    start, end = mention.start, mention.end
    statements = [
        (node, TYPE, ANNOTATION),
        (node, MOTIVATED_BY, IDENTIFYING),
        (node, HAS_TARGET, target),
        (node, SENTENCE, plain_literal(mention.sentence)),
        (node, SECTION, plain_literal(mention.section)),
        (target, TYPE, SPECIFIC_RESOURCE),
        (target, HAS_SOURCE, iris.source(document)),
        (target, HAS_SELECTOR, position),
        (target, HAS_SELECTOR, quote),
        (position, TYPE, POSITION_SELECTOR),
        (position, START, offset_literal(start)),
        (position, END, offset_literal(end)),
        (quote, TYPE, QUOTE_SELECTOR),
        (quote, EXACT, plain_literal(text[start:end])),
        (quote, PREFIX, plain_literal(text[max(0, start - CONTEXT_CHARS):start])),
        (quote, SUFFIX, plain_literal(text[end:end + CONTEXT_CHARS])),
    ]
    if getattr(mention, "label", None) == "DATE" and getattr(mention.data, "calendar", None) in CALENDARS:
        statements.append((node, CALENDAR, CALENDARS[mention.data.calendar]))
    add_all(graph, statements)
    return node


# An annotation's literals, each made once however many annotations state it (a sentence's
# mentions, a name quoted again, the same offsets in another document): rdflib takes
# microseconds to make one, and a build makes millions.
@lru_cache(maxsize=1 << 17)
def plain_literal(text: str) -> Literal:
    return Literal(text)


@lru_cache(maxsize=1 << 17)
def offset_literal(offset: int) -> Literal:
    return Literal(offset, datatype=NON_NEGATIVE)


def add_all(graph: Graph, triples: list[tuple]) -> None:
    """The triples into `graph`: straight into a QuadStore (a build adds millions), through rdflib otherwise."""
    if isinstance(graph.store, QuadStore):
        graph.store.add_triples(triples, graph)
    else:
        for triple in triples:
            graph.add(triple)
