"""Treaties signed during a visit: `Karahan, Ankara'ya geldi. 17 Aralık
1929'da da yeni bir protokol imza edilmiş`. A treaty no source places,
signed right after a visit arrives at a city, was signed there, by the host
country and by the state the visitor's titles name (`Sovyet Dışişleri Bakan
Yardımcısı Karahan`). Every such claim says it was drawn (hkg:inference).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from histkg.facts.treaties import TreatyFact
from histkg.language.gazetteer import state_of
from histkg.language.lexicon import event_lexicon
from histkg.resolve.model import Event
from histkg.resolve.treaties import demonym_state, state_entity


def signed_during_visits(treaties: list[Event], visits: list[Event], facts, where: dict, nationality: dict,
                         entities: list, entity_of: dict) -> None:
    """`Karahan, Ankara'ya geldi. 17 Aralık 1929'da da yeni bir protokol imza
    edilmiş`: a treaty no source places, signed in the sentence after a
    visit's arrival at a city (or later in that paragraph) on a day that fits
    the visit, was signed in that city by the host country and by the state
    the visitor's titles name. Every such claim says it was drawn."""
    facts_of = defaultdict(list)  # phrase -> (order, fact): an event's facts looked up, not searched for
    for order, fact in enumerate(facts):
        facts_of[fact.phrase].append((order, fact))
    stops_in = defaultdict(list)  # document -> (visit, stop): a fact looks only at its own document's stops
    for visit in visits:
        for stop in visit.stops:
            stops_in[stop.evidence[0].doc_id].append((visit, stop))
    for event in treaties:
        if event.values("signedAt"):
            continue
        told = dict(pair for phrase in set(event.evidence) for pair in facts_of[phrase])  # order -> fact
        for fact in (told[order] for order in sorted(told)):
            if not fact.signed_on or fact.signed_at or fact.name_place is not None:
                continue
            arrival = arrival_before(fact, stops_in[fact.doc_id], where)
            if arrival is not None and during(arrival[0], fact.signed_on[-1].mention.data):
                add_visit_claims(event, fact, *arrival, nationality, entities, entity_of)
                break


def arrival_before(fact: TreatyFact, stops: list, where: dict):
    """(visit, stop): of the (visit, stop) pairs, the nearest city a visit reaches
    in the sentence before the fact's or earlier in its paragraph; None when
    none or two cities tie."""
    found = [(where[stop.evidence[0]][0], visit, stop) for visit, stop in stops
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
    key = getattr(place, "key", None)
    state = state_of(key)
    return state if state != key else None


def during(visit: Event, day) -> bool:
    """The day does not fall outside the visit: between its first and last
    day, or within the episode window after the last day the text gives
    when it gives no end."""
    dates = [c.value.data for c in visit.claims if c.predicate in ("startDate", "endDate")]
    dates += [s.date.value.data for s in visit.stops if s.date is not None and not s.date.problem]
    days = [d for x in dates for d in (x.earliest, x.latest) if d not in (dt.date.min, dt.date.max)]
    if not days:
        return True
    slack = dt.timedelta(days=0 if visit.values("endDate") else event_lexicon()["episode_window_days"])
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
        # The leader's mention in the treaty's own document (a visit several texts
        # tell has one in each), the first of them: not whichever a set gives first.
        leader, word = min(words, key=lambda pair: (pair[0].doc_id != fact.doc_id, pair[0].doc_id, pair[0].start))
        guest = demonym_state(word, fact.doc_id, entities)
        if guest is not None and guest is not host:
            event.add("party", guest, (leader, fact.phrase), inference=why)
