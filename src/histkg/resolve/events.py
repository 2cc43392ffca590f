"""Events: `resolve_events` (after entity resolution) turns every document's
facts (`facts.collect.Facts`) into events (`model.Event`) whose slots are
entities: treaties (`treaties`), visits (`visits`), and the treaties signed
during a visit (`signed_during`).
"""

from __future__ import annotations

from histkg.language.spelling import slugify
from histkg.resolve.entities import place_entity
from histkg.resolve.entity import assign_slugs
from histkg.resolve.model import Event
from histkg.resolve.signed_during import signed_during_visits
from histkg.resolve.treaties import merge_aliases, merge_short_names, merge_subject_titles, treaty_events
from histkg.resolve.visits import visit_events


def resolve_events(extractions, entities: list) -> list[Event]:
    """Treaty and visit events from every document's facts, their slots linked
    to entities. New treaties (named only by a phrase such as `bir dostluk
    antlaşması` with a date) and merged aliases change `entities` in place."""
    entity_of = {m: e for e in entities for m in e.mentions}
    said_of_treaties = [f for x in extractions if x.facts for f in x.facts.treaties]
    merge_aliases(said_of_treaties, entities, entity_of)
    merge_short_names(said_of_treaties, entities, entity_of)
    merge_subject_titles(entities, entity_of)
    events = treaty_events(said_of_treaties, entities, entity_of)
    said_of_journeys = [f for x in extractions if x.facts for f in x.facts.visits]
    meetings = [f for x in extractions if x.facts for f in x.facts.meetings]
    for fact in said_of_journeys:
        for place in (fact.destination, fact.origin, *(stop.place for stop in fact.stops)):
            if place is not None and place.label == "PLACE" and place not in entity_of:
                place_entity(place, entities, entity_of)  # a city named inside a conference's name
    visits = visit_events(said_of_journeys, meetings, entity_of)
    where = {m: p for x in extractions if x.facts for m, p in x.facts.positions.items()}
    nationality = {m: w for x in extractions if x.facts for m, w in x.facts.nationalities.items()}
    signed_during_visits(events, visits, said_of_treaties, where, nationality, entities, entity_of)
    events += visits
    assign_slugs(entities)
    assign_event_slugs(events)
    return events


def assign_event_slugs(events: list[Event]) -> None:

    seen: dict[str, int] = {}
    for event in sorted((e for e in events if e.kind == "Visit"), key=lambda e: (e.label, e.evidence[0].doc_id, e.evidence[0].start)):
        base = slugify(event.label)
        seen[base] = seen.get(base, 0) + 1
        event.slug = base if seen[base] == 1 else f"{base}-{seen[base]}"
