"""Events: treaties signed and journeys made, as each sentence states them.

Two steps. `find_facts` reads one document's parsed paragraphs (during
extraction, document by document) and returns what each sentence says about
a treaty (treaties.TreatyFact) or a journey (visits.VisitFact), pointing at
mentions. `resolve_events` (after entity resolution) turns the facts into
events (event_model.Event) whose slots are entities. A treaty signed right
after a visit arrives, where its own sentence names no place, was signed
there, by the visitor's state and the host's (`signed_during_visits`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from .event_model import Event
from .gazetteer import Gazetteer
from .sentences import Sentence, lexicon, sentences
from .treaties import (
    TreatyFact,
    country_keys,
    demonym_state,
    merge_aliases,
    state_entity,
    treaty_events,
    treaty_facts,
)
from .visits import VisitFact, visit_events, visit_facts


@dataclass
class Facts:
    treaties: list[TreatyFact]
    visits: list[VisitFact]
    extra_mentions: list  # places named inside treaty names (`Kars` of `Kars Antlaşması`)
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
    return Facts(treaties, visit_facts(all_sentences, doc_id), extra, positions, nationalities(all_sentences))


def nationalities(all_sentences: list[Sentence]) -> dict:
    """`Sovyet Dışişleri Bakan Yardımcısı Karahan`: the nationality word that
    opens the capitalised titles before a person (three at most)."""
    demonyms = lexicon()["demonyms"]
    found = {}
    for sentence in all_sentences:
        for span, mention in sentence.of("PERSON"):
            titles = sentence.doc[max(sentence.span.start, span.start - 4):span.start]
            words = [t.text for t in titles]
            opening = [i for i, w in enumerate(words) if w in demonyms and all(x[:1].isupper() for x in words[i:])]
            if opening:
                found[mention] = words[opening[-1]]
    return found


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
    visits = visit_events(said_of_journeys, entity_of)
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


def signed_during_visits(treaties: list[Event], visits: list[Event], facts, where: dict, nationality: dict,
                         entities: list, entity_of: dict) -> None:
    """`Karahan, Ankara'ya geldi. 17 Aralık 1929'da da yeni bir protokol imza
    edilmiş`: a treaty no source places, signed in the sentence after a
    visit's arrival at a city (or later in that paragraph) on a day that fits
    the visit, was signed in that city by the host country and by the state
    the visitor's titles name. Every such claim says it was drawn."""
    for event in treaties:
        if event.values("signedAt"):
            continue
        told = set(event.evidence)
        for fact in (f for f in facts if f.phrase in told and f.signed_on and not f.signed_at):
            arrival = arrival_before(fact, visits, where)
            if arrival is not None and during(arrival[0], fact.signed_on[-1].mention.data):
                add_visit_claims(event, fact, *arrival, nationality, entities, entity_of)
                break


def arrival_before(fact: TreatyFact, visits: list[Event], where: dict):
    """(visit, stop): the nearest city a visit reaches in the sentence before
    the fact's or earlier in its paragraph; None when none or two cities tie."""
    found = [(where[stop.evidence[0]][0], visit, stop) for visit in visits for stop in visit.stops
             if just_before(stop.evidence[0], fact, where) and city_country(stop.place)]
    if not found:
        return None
    last = max(n for n, _, _ in found)
    nearest = [(v, s) for n, v, s in found if n == last]
    return nearest[-1] if len({id(s.place) for _, s in nearest}) == 1 else None


def just_before(mention, fact: TreatyFact, where: dict) -> bool:
    """The mention stands in the sentence before the fact's, or earlier in its paragraph."""
    sentence, paragraph = where.get(mention, (None, None))
    return mention.doc_id == fact.doc_id and sentence is not None and sentence < fact.sentence \
        and (sentence == fact.sentence - 1 or paragraph == fact.paragraph)


def city_country(place) -> str | None:
    """The gazetteer key of the country a city entity lies in (None for a country or region)."""
    key = getattr(place, "key", "")
    if not isinstance(key, str) or not key.startswith("geonames:"):
        return None
    info = Gazetteer.load().info(key)
    return country_keys().get(info.country) if info.latitude is not None else None


def during(visit: Event, day) -> bool:
    """The day does not fall outside the visit: between its first and last
    day, or within the episode window after the last day the text gives
    when it gives no end."""
    dates = [c.value.data for c in visit.claims if c.predicate in ("startDate", "endDate")]
    dates += [s.date.value.data for s in visit.stops if s.date is not None and not s.date.problem]
    days = [d for x in dates for d in (x.earliest, x.latest) if d not in (dt.date.min, dt.date.max)]
    if not days:
        return True
    slack = dt.timedelta(days=0 if visit.values("endDate") else lexicon()["episode_window_days"])
    return min(days) <= day.earliest and day.latest <= max(days) + slack


def add_visit_claims(event: Event, fact: TreatyFact, visit: Event, stop, nationality: dict,
                     entities: list, entity_of: dict) -> None:
    arrived = stop.evidence[0]
    why = f"signed during the visit {visit.label}: the text tells of its arrival at {stop.place.label} just before"
    event.add("signedAt", stop.place, (arrived, fact.phrase), inference=why)
    host = state_entity(replace(arrived, data=city_country(stop.place)), entities, entity_of)
    event.add("party", host, (arrived, fact.phrase), inference=why)
    words = {(m, nationality[m]) for c in visit.claims if c.predicate == "leader" for m in c.evidence if m in nationality}
    if len({w for _, w in words}) == 1:
        leader, word = words.pop()
        guest = demonym_state(word, fact.doc_id, entities)
        if guest is not None and guest is not host:
            event.add("party", guest, (leader, fact.phrase), inference=why)
