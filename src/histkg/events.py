"""Events: treaties signed and journeys made, as each sentence states them.

Two steps. `find_facts` reads one document's parsed paragraphs (during
extraction, document by document) and returns what each sentence says about
a treaty (treaties.TreatyFact) or a journey (visits.VisitFact), pointing at
mentions. `resolve_events` (after entity resolution) turns the facts into
events (event_model.Event) whose slots are entities, and places the treaties
signed during a visit (signed_during.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .event_model import Event
from .journey_phrases import meeting_facts
from .sentences import sentences
from .signed_during import nationalities, signed_during_visits
from .treaties import TreatyFact, merge_aliases, treaty_events, treaty_facts
from .visits import VisitFact, visit_events, visit_facts


@dataclass
class Facts:
    treaties: list[TreatyFact]
    visits: list[VisitFact]
    extra_mentions: list  # places named inside treaty names (`Kars` of `Kars Antlaşması`)
    meetings: list = field(default_factory=list)  # journey.MeetingFact: when a conference met (dates its guests)
    positions: dict = field(default_factory=dict)  # mention -> (sentence index, paragraph): which facts stand near
    nationalities: dict = field(default_factory=dict)  # PERSON mention -> nationality word before his titles


def find_facts(doc_id: str, paragraphs) -> Facts:
    """paragraphs: (doc, section, [(span, mention)], make) in document order,
    where make(start_char, end_char, label) builds a Mention for words of
    that paragraph's doc."""
    all_sentences = sentences(paragraphs)
    treaties = treaty_facts(all_sentences, doc_id)
    positions = {m: (s.index, s.paragraph) for s in all_sentences for _, m in s.items}
    extra = [slot.mention for fact in treaties for slot in fact.signed_at if slot.mention not in positions]
    return Facts(treaties, visit_facts(all_sentences, doc_id), extra, meeting_facts(all_sentences, doc_id),
                 positions, nationalities(all_sentences))


def resolve_events(extractions, entities: list) -> list[Event]:
    """Treaty and visit events from every document's facts, their slots linked
    to entities. New treaties (named only by a phrase such as `bir dostluk
    antlaşması` with a date) and merged aliases change `entities` in place."""
    from .resolve import Entity, assign_slugs, finish  # resolve imports extract, which imports this module

    entity_of = {m: e for e in entities for m in e.mentions}
    said_of_treaties = [f for x in extractions if x.facts for f in x.facts.treaties]
    merge_aliases(said_of_treaties, entities, entity_of, finish)
    events = treaty_events(said_of_treaties, entities, entity_of, Entity, finish)
    said_of_journeys = [f for x in extractions if x.facts for f in x.facts.visits]
    meetings = [f for x in extractions if x.facts for f in x.facts.meetings]
    visits = visit_events(said_of_journeys, meetings, entity_of)
    where = {m: p for x in extractions if x.facts for m, p in x.facts.positions.items()}
    nationality = {m: w for x in extractions if x.facts for m, w in x.facts.nationalities.items()}
    signed_during_visits(events, visits, said_of_treaties, where, nationality, entities, entity_of)
    events += visits
    assign_slugs(entities)
    assign_event_slugs(events)
    return events


def assign_event_slugs(events: list[Event]) -> None:
    from .resolve import slugify

    seen: dict[str, int] = {}
    for event in sorted((e for e in events if e.kind == "Visit"), key=lambda e: (e.label, e.evidence[0].doc_id, e.evidence[0].start)):
        base = slugify(event.label)
        seen[base] = seen.get(base, 0) + 1
        event.slug = base if seen[base] == 1 else f"{base}-{seen[base]}"
