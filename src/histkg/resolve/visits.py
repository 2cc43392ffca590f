"""Visit events: journey facts with the same leader, destination and year
grouped into one visit with ordered stops and its legs. A visit whose
traveller the text does not name is an event of its own, with no leader."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from histkg.facts.journey import (
    MeetingFact,
    VisitFact,
    fact_span,
    fact_year,
    home_again,
    inside_city,
    spans_apart,
)
from histkg.facts.receptions import received_where
from histkg.language.gazetteer import capital_keys, is_country, is_state
from histkg.resolve.model import Event, EventClaim, Stop


def visit_events(facts: list[VisitFact], meetings: list[MeetingFact], entity_of: dict) -> list[Event]:
    """One event per journey: facts with the same leader, a compatible
    destination and year are one journey told in several places. A visit
    whose traveller the text does not name is one of its own. A leg is an
    event of its own, part of its journey's."""
    entity_of = with_places_named_inside(facts, entity_of)
    date_by_meeting(facts, meetings, entity_of)
    place_receptions(facts, entity_of)
    groups: list[list[VisitFact]] = [[f] for f in facts if f.leader is None and (f.described or f.visitors)
                                     and f.part_of is None and (f.stops or f.destination)]
    vague = []  # `Bekir Sami Bey Heyeti`: a delegation, but not told where it goes
    led_by: dict[int, list[Journey]] = defaultdict(list)  # id(leader) -> his journeys, in order
    for fact in facts:
        leader = entity_of.get(fact.leader)
        if leader is None or fact.part_of is not None:
            continue
        if not (fact.stops or fact.destination):
            vague.append(fact)
            continue
        group = next((g for g in led_by[id(leader)] if compatible(g, fact, entity_of)), None)
        if group is not None:
            group.append(fact)
        else:
            groups.append(Journey([fact], entity_of))
            led_by[id(leader)].append(groups[-1])
        if fact.way_back:  # what the text tells after the way home is no part of the journeys before it
            for journey in led_by[id(leader)]:
                if not journey[0].way_back:
                    journey.home_by.setdefault(fact.doc_id, fact.anchor.start)
    for fact in vague:
        same_leader = led_by[id(entity_of[fact.leader])]
        if len(same_leader) == 1 and compatible(same_leader[0], fact, entity_of):
            same_leader[0].append(fact)
    events, event_of = [], {}
    for group in groups:
        events.append(visit_event(sorted(group, key=lambda f: (f.doc_id, f.anchor.start)), entity_of))
        event_of.update((id(fact), events[-1]) for fact in group)
    return events + leg_events(facts, event_of, entity_of)


def with_places_named_inside(facts: list[VisitFact], entity_of: dict) -> dict:
    """A place named inside another name (`Sivas` of `Sivas Kongresi`) is a
    mention of its own that no entity holds: it is the place the corpus
    knows by that name, if it knows one."""
    known = {m.text: e for m, e in entity_of.items() if m.label == "PLACE"}
    named_inside = [m for f in facts for m in [f.destination] + [s.place for s in f.stops]
                    if m is not None and m not in entity_of and m.text in known]
    return {**entity_of, **{m: known[m.text] for m in named_inside}} if named_inside else entity_of


def date_by_meeting(facts: list[VisitFact], meetings: list, entity_of: dict) -> None:
    """A visit to a conference that its text does not date took place when
    the corpus says the conference met."""
    first_meeting = {}  # id(conference) -> the first time the corpus says it met
    for meeting in meetings:
        conference = entity_of.get(meeting.conference)
        if conference is not None:
            first_meeting.setdefault(id(conference), meeting)
    for fact in facts:
        conference = entity_of.get(fact.meeting)
        if conference is None or fact.when is not None or any(s.date for s in fact.stops):
            continue
        met = first_meeting.get(id(conference))
        if met is not None:
            fact.when = met.date
            fact.inference["when"] = f"when {met.conference.text} met: '{met.words.text}' ({met.date.doc_id})"


def place_receptions(facts: list[VisitFact], entity_of: dict) -> None:
    """A reception the text does not place took place where the document's
    other journeys of its year go (receptions.received_where)."""
    in_document = defaultdict(list)  # a reception looks only at its own document's journeys
    for fact in facts:
        in_document[fact.doc_id].append(fact)
    for fact in facts:
        if fact.received and fact.destination is None:
            found = received_where(fact, in_document[fact.doc_id], entity_of)
            if found is not None:
                fact.destination, fact.inference["destination"] = found


def leg_events(facts: list[VisitFact], event_of: dict, entity_of: dict) -> list[Event]:
    legs = []
    for fact in facts:
        journey = event_of.get(id(fact.part_of))
        if journey is None or not fact.stops or fact.leader is not None and entity_of.get(fact.leader) is None:
            continue
        legs.append(visit_event([fact], entity_of))
        legs[-1].part_of = journey
    return legs


class Journey(list):
    """The facts told of one journey, with the years and destinations they
    give, kept as facts join: `compatible` asks for them once for every
    candidate fact, and a journey many texts tell has many facts."""

    def __init__(self, facts: list[VisitFact], entity_of: dict) -> None:
        super().__init__()
        self.entity_of = entity_of
        self.years: set[int] = set()
        self.places: set[int] = set()  # id() of the destinations' entities (of None for a place no entity holds)
        self.spans: list = []  # (earliest, latest) of the first season, month or day each fact dates the journey to
        self.documents: set[str] = set()
        self.home_by: dict[str, int] = {}  # document -> where a fact of it tells the journey back where it began
        for fact in facts:
            self.append(fact)

    def append(self, fact: VisitFact) -> None:
        super().append(fact)
        self.documents.add(fact.doc_id)
        if (year := fact_year(fact)) is not None:
            self.years.add(year)
        if (span := fact_span(fact)) is not None:
            self.spans.append(span)
        if fact.destination is not None:
            self.places.add(id(self.entity_of.get(fact.destination)))
        if home_again(fact):
            self.home_by.setdefault(fact.doc_id, fact.anchor.start)


def compatible(journey: Journey, fact: VisitFact, entity_of: dict) -> bool:
    """A fact tells the same journey: its year is one of the journey's, and
    it goes to one of its places, or in the same year to another (not told
    after the journey came back where it began), unless
    both are dated to the day, month or season and lie weeks apart (`14 Mart 1918'de
    Trabzon'da`, `11 Mayıs 1918'de Batum'da`: two journeys); to the same
    place, unless their months lie weeks apart (`Haziran 1921`, `Eylül
    1921`: Franklin-Bouillon came to Ankara twice). Across texts,
    an undated fact (or journey) must name the same goal: a fact with no goal
    of its own joins only a journey of its own text or of its year."""
    if fact.way_back != journey[0].way_back:
        return False  # `Rauf Bey İstanbul'a döndüğünde`: the way home is a journey of its own
    year = fact_year(fact)
    if year is not None and journey.years and year not in journey.years:
        return False
    where = id(entity_of.get(fact.destination)) if fact.destination is not None else None
    if fact.anchor.start > journey.home_by.get(fact.doc_id, fact.anchor.start) and where not in journey.places:
        return False  # told after the journey came back where it began: another journey
    if fact.doc_id not in journey.documents and (year is None or not journey.years):
        return where is not None and where in journey.places  # another text's undated journey: the same goal
    if where is not None and where in journey.places and months_apart(journey, fact):
        return False  # `Haziran 1921'de Ankara'ya gelen`, `Eylül 1921'de tekrar gelen`: two journeys there
    if where is None or not journey.places or where in journey.places:
        return True
    if any(inside_city(fact.destination, other.destination) for other in journey if other.destination is not None):
        return False  # `… Ankara'ya vâsıl oldular`, `Aynı gün … Çankaya'ya giderek`: a visit in the city, of its own
    # a journey to another place told weeks apart from every day, month or season of this one is another
    return year is not None and year in journey.years and not months_apart(journey, fact)


def months_apart(journey: Journey, fact: VisitFact) -> bool:
    """The fact's month (or day) lies further than the episode window from
    every month or day the journey is dated to."""
    span = fact_span(fact)
    return span is not None and bool(journey.spans) and all(spans_apart(span, other) for other in journey.spans)


def visit_event(group: list[VisitFact], entity_of: dict) -> Event:
    leader = entity_of.get(group[0].leader)
    destination = main_destination(group, entity_of)
    capital = capital_of_unknown_state(destination, group, entity_of)
    event = Event("Visit", "")
    for fact in group:
        event.evidence.append(fact.anchor)
        event.add("leader", leader, (fact.leader,), inference=fact.inference.get("leader"))
        event.add("visitor", entity_of.get(fact.leader), (fact.leader,), inference=fact.inference.get("leader"))
        for person in fact.visitors:
            event.add("visitor", entity_of.get(person), (person,))
        if fact.origin is not None:
            event.add("origin", entity_of.get(fact.origin), (fact.origin,))
    inference = next((f.inference.get("destination") for f in group if f.destination is destination), None)
    if capital is not None:  # `Sovyetler Birliği seyahati … Moskova'da … kabul edildi`
        destination, inference = capital, f"the capital among the stops of a journey to {destination.text}"
    if destination is not None:
        event.add("destination", entity_of.get(destination), (destination,), inference=inference)
    for told in told_elsewhere(group, entity_of, destination):
        # another text names another goal of the same journey (`Türkiye`, `Ankara`): each keeps its own
        event.add("destination", entity_of.get(told), (told,),
                  inference=next((f.inference.get("destination") for f in group if f.destination is told), None))
    travellers = {id(v) for v in event.values("visitor")}
    for fact in group:
        for person in fact.hosts:
            host = entity_of.get(person)
            if host is not None and id(host) not in travellers:
                event.add("host", host, (person,))
    add_stops(event, group, entity_of, destination, inference)
    add_span(event, group)
    where = event.values("destination")
    year = min((c.value.data.earliest.year for c in event.claims if c.predicate == "startDate"), default=None)
    traveller = leader.label if leader else group[0].described or travellers_label(event)
    event.label = " ".join(part for part in (traveller, "→", where[0].label if where else "", f"({year})" if year else "") if part)
    return event


def capital_of_unknown_state(destination, group: list[VisitFact], entity_of: dict):
    """A journey to a state the gazetteer does not know (`Sovyetler Birliği`,
    `Osmanlı Devleti`) went to the one capital among its stops, if one."""
    if destination is None or not is_state(destination.text) or is_country(destination.text):
        return None
    capitals = {id(entity_of[s.place]): s.place for f in group for s in f.stops
                if s.place in entity_of and entity_of[s.place].key in capital_keys()}
    return next(iter(capitals.values())) if len(capitals) == 1 else None


def told_elsewhere(group: list[VisitFact], entity_of: dict, destination) -> list:
    """The goal each other document gives the journey, where it differs from `destination`."""
    by_document = defaultdict(list)
    for fact in group:
        by_document[fact.doc_id].append(fact)
    chosen = {id(entity_of.get(destination))} if destination is not None else set()
    found = []
    for facts in by_document.values():
        goal = main_destination(facts, entity_of)
        if goal is not None and entity_of.get(goal) is not None and id(entity_of[goal]) not in chosen:
            chosen.add(id(entity_of[goal]))
            found.append(goal)
    return found if len(by_document) > 1 else []


def travellers_label(event: Event) -> str:
    """`A, B …`: a visit whose leader the text does not name goes by its travellers."""
    names = [v.label for v in event.values("visitor")]
    return ", ".join(names[:2]) + (" …" if len(names) > 2 else "")


def main_destination(group: list[VisitFact], entity_of: dict):
    """Where the journey goes: the place a sentence names as the goal of the
    visit (`Moskova ziyareti`), else the place the text sends the group to
    most often; of equals, a capital (a state visit goes to the capital:
    `… Trabzona inen hükümdar … Ankaraya hareket buyurmuştur`), then the first."""
    named = [f.destination for f in group if f.destination is not None]
    if named:
        return named[0]
    datives = [m for f in group for m in f.datives if m in entity_of]
    counts = Counter(id(entity_of[m]) for m in datives)
    if datives:
        return max(datives, key=lambda m: (counts[id(entity_of[m])], entity_of[m].key in capital_keys()))
    # no goal told: a journey whose group the text puts in one place only went there
    stops = [s.place for f in group for s in f.stops if s.place in entity_of]
    return stops[0] if stops and len({id(entity_of[m]) for m in stops}) == 1 else None


def add_stops(event: Event, group: list[VisitFact], entity_of: dict, destination=None,
              drawn: str | None = None) -> None:
    """The stops of every fact in story order; a visit the text tells only by
    its goal (`X Paris'e itimatnamesini verdi`) stops there (`drawn`: how
    that goal was inferred, if the text does not state it)."""
    previous = None
    for fact in group:
        kept = []  # the event's stop for each of the fact's stops
        for stop in fact.stops:
            place = entity_of.get(stop.place)
            if place is None or place is previous:
                kept.append(event.stops[-1] if event.stops else None)
                continue
            previous = place
            date = None
            if stop.date is not None:
                date = EventClaim("date", stop.date.mention, (stop.date.mention, stop.place), stop.date.problem)
            event.stops.append(Stop(len(event.stops) + 1, place, (stop.place,), date, inference=stop.inference))
            kept.append(event.stops[-1])
        for index, slot in fact.flagged:
            if kept[index] is not None and not any(c.value.data.earliest == slot.mention.data.earliest
                                                   for c in kept[index].flagged):
                kept[index].flagged.append(EventClaim("date", slot.mention, slot.evidence, slot.problem))
    if not event.stops and destination is not None and entity_of.get(destination) is not None:
        event.stops.append(Stop(1, entity_of[destination], (destination,), inference=drawn))


def add_span(event: Event, group: list[VisitFact] = ()) -> None:
    """Start and end: the first and last day the itinerary states (days the
    text gets wrong are kept on their stop, flagged, and left out here), or
    the days the text gives the whole visit (`Mayıs 1922'ye kadar`) where they
    reach further; with neither, the date in the words that name the journey
    starts it."""
    dated = [s.date for s in event.stops if s.date is not None and not s.date.problem]
    starts = [(c.value, c.evidence) for c in dated] + [(f.start, (f.start,)) for f in group if f.start is not None]
    ends = [(c.value, c.evidence) for c in dated] + [(f.end, (f.end,)) for f in group if f.end is not None]
    inference = None
    if not starts:
        told = next((f for f in group if f.when is not None), None)
        if told is not None:
            starts, inference = [(told.when, (told.when,))], told.inference.get("when")
    if starts:
        # the first to end: a day within a month the text also gives is the start (`Şubat 1921`, `6 Şubat 1921`)
        first = min(starts, key=lambda s: (s[0].data.latest, s[0].data.earliest))
        event.add("startDate", *first, inference=inference)
    if ends and (dated or any(f.end is not None for f in group)):
        last = max(ends, key=lambda e: e[0].data.latest if e[0].data.latest != dt.date.max else e[0].data.earliest)
        event.add("endDate", *last)


