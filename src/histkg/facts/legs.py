"""Legs of a journey: trips a text tells as trips of their own inside the
story of a larger one. Each becomes a visit that is hkg:partOf the journey.

- an excursion (`… Bergama'ya gitti … İzmir'e dönülmüştü`, `Adalar ve
  Yalova'ya bir gezinti yaptı`, `İzmir'den İstanbul'a gelirken Çanakkale'yi
  de gezmek istemişti`): a sentence with an excursion word and a place; led by
  the group's leader;
- an escort (`Heyetle birlikte X ve Y Eskişehir'e uğramıştı`, `Heyete X de
  Odessa'ya kadar eşlik etmesi için görevlendirilmişti`): persons who go with
  the group, or see it off, somewhere; led by the first of them.

- a welcome party: persons by whom the group is welcomed (`X ve Y tarafından
  karşılanmış`) where its journey begins, before it has gone anywhere else
  (`Sivastopol'dan hareket edecek … heyeti Sivostopol İstasyonu'nda … Suriç
  tarafından karşılanmış`): they came there to meet it; no one leads it.

Not a leg: hosts who receive the group anywhere else (`Vali X tarafından
karşılanmış`): the words are the same for a governor at home.

A leg goes on while the sentences after it stay with it (no new day, no place
outside it) and ends when the group returns (`İzmir'e dönülmüştü`) or arrives
where the leg was going (`İstanbul'a ulaşabildi`).
"""

from __future__ import annotations

from histkg.facts.journey import StopFact, VisitFact, day_dates, same_name, same_place
from histkg.facts.sentences import Sentence, case_after, mentions_any, starts_with_any
from histkg.facts.stops import clause_at, names_something_else
from histkg.language.gazetteer import is_country
from histkg.language.lexicon import event_lexicon, turkish_lower


class Legs:
    """The legs of one episode, followed sentence by sentence."""

    def __init__(self, journey: VisitFact) -> None:
        self.journey = journey
        self.found: list[VisitFact] = []
        self.open: VisitFact | None = None
        self.day = None  # the day the open leg is at
        self.told: list[tuple[Sentence, list, object]] = []  # this paragraph so far: (sentence, stops, date)
        self.seen: list = []  # the places the story has sent the group to so far

    def follow(self, sentence: Sentence, stops: list, date) -> None:
        """stops: (place, case) the sentence sends the group to; date: the
        Slot of the day the story is at after the sentence."""
        if self.told and self.told[-1][0].paragraph != sentence.paragraph:
            self.told = []
        if self.open is not None:
            self.go_on(sentence, stops, date)
        if self.open is None:
            self.start(sentence, stops, date)
        self.told.append((sentence, stops, date))
        self.seen.extend(place for place, _ in stops if not is_country(place.text))  # a country is no stop

    # ------------------------------------------------------------------ opening

    def start(self, sentence: Sentence, stops: list, date) -> None:
        escorts = escort_persons(sentence, self.journey.leader)
        party = self.welcome_party(sentence, stops)
        if party:
            self.welcomed(sentence, party, stops, date)
        elif escorts and any(case == "dative" for _, case in stops):
            self.begin(sentence, escorts[0], stops, date, visitors=escorts[1:])
        elif stops and mentions_any(sentence.lower, event_lexicon()["excursion_words"]):
            self.begin(sentence, self.journey.leader, stops, date, replay=True)

    def welcome_party(self, sentence: Sentence, stops: list) -> list:
        """The persons who welcome the group where its journey begins, while
        the story has sent it nowhere but there."""
        origin = self.journey.origin
        if origin is None or any(not same_place(place, origin) for place in self.seen) \
                or not any(case == "locative" for _, case in stops):
            return []
        return welcome_agents(sentence, self.journey.leader)

    def welcomed(self, sentence: Sentence, party: list, stops: list, date) -> None:
        """A leg to the journey's origin and the place of the welcome there."""
        origin = self.journey.origin
        where = next(place for place, case in stops if case == "locative")
        came = (f"they welcomed the group where its journey begins, {origin.text}, "
                f"before it had gone anywhere: they came there to meet it")
        stops = [StopFact(origin, date, came)] + ([] if same_place(origin, where) else [StopFact(where, date)])
        leg = VisitFact(self.journey.doc_id, sentence.make(sentence.span.start_char, sentence.span.end_char, "VISIT"),
                        visitors=party, part_of=self.journey, destination=origin, stops=stops)
        leg.inference["destination"] = came
        self.found.append(leg)

    def begin(self, sentence: Sentence, leader, stops: list, date, visitors=(), replay=False) -> None:
        leg = VisitFact(self.journey.doc_id, sentence.make(sentence.span.start_char, sentence.span.end_char, "VISIT"),
                        leader=leader, visitors=list(visitors), part_of=self.journey,
                        destination=leg_destination(sentence, stops))
        self.open, self.day = leg, date
        self.found.append(leg)
        origin = next((place for place, case in stops if case == "ablative"), None)
        if replay and origin is not None:
            self.replay_from(origin)
        self.add(sentence, stops, date)

    def replay_from(self, origin) -> None:
        """`İzmir'den İstanbul'a gelirken Çanakkale'yi de gezmek istemişti`:
        the leg began where this paragraph told the group leaving `İzmir`."""
        for index, (_, stops, _) in enumerate(self.told):
            if any(same_place(place, origin) for place, _ in stops):
                for sentence, earlier, date in self.told[index:]:
                    self.add(sentence, earlier, date)
                return

    # ------------------------------------------------------------------ going on

    def go_on(self, sentence: Sentence, stops: list, date) -> None:
        leg = self.open
        datives = [place for place, case in stops if case == "dative"]
        returns = datives and mentions_any(sentence.lower, event_lexicon()["return_verbs"])
        arrives = leg.destination is not None and any(same_place(p, leg.destination) for p in datives)
        if returns or arrives:
            self.add(sentence, stops, date)
            self.open = None
        elif self.new_day(sentence) or any(not self.visited(place) for place, _ in stops):
            self.open = None
        else:
            self.add(sentence, stops, date)

    def new_day(self, sentence: Sentence) -> bool:
        day = self.day.mention.data.earliest if self.day is not None else None
        return any(m.data.earliest != day for _, m in day_dates(sentence))

    def visited(self, place) -> bool:
        return any(same_place(stop.place, place) for stop in self.open.stops)

    def add(self, sentence: Sentence, stops: list, date) -> None:
        """The sentence's stops the leg has not been to, and the travellers
        it names (`Heyetle birlikte X … da bulunmaktaydı`)."""
        leg = self.open
        for place, _ in stops:
            if not self.visited(place):
                leg.stops.append(StopFact(place, date))
        self.day = date or self.day
        if mentions_any(sentence.lower, event_lexicon()["membership_words"]) and mentions_any(sentence.lower, event_lexicon()["group_words"]):
            leg.visitors.extend(m for _, m in sentence.of("PERSON")
                                if m not in leg.visitors and not same_name(m, leg.leader))


def escort_persons(sentence: Sentence, leader) -> list:
    """`Heyetle birlikte X ve Y …`, `Heyete X de … eşlik etmesi`: the persons,
    other than the group's leader, who go with the group."""
    lex = event_lexicon()
    if not (mentions_any(sentence.lower, lex["group_words"]) and mentions_any(sentence.lower, lex["escort_words"])):
        return []
    return [m for s, m in sentence.of("PERSON")
            if case_after(sentence.doc, s.end) == "nominative" and not same_name(m, leader)]


def welcome_agents(sentence: Sentence, leader) -> list:
    """`… Hüseyin Ragıp Bey, Muzaffer Paşa … ve … Suriç tarafından
    karşılanmış`: the persons of the agent phrase of a verb of welcoming,
    back to the start of its clause."""
    lex, doc = event_lexicon(), sentence.doc
    for token in sentence.span:
        following = [turkish_lower(t.text) for t in doc[token.i + 1:min(token.i + 3, sentence.span.end)]]
        if turkish_lower(token.text) in lex["agent_links"] and any(starts_with_any(w, lex["welcome_verbs"]) for w in following):
            clause = clause_at(sentence, token.idx)
            return [m for s, m in sentence.of("PERSON") if s.start < token.i and clause_at(sentence, s.start_char) == clause
                    and case_after(doc, s.end) == "nominative" and not same_name(m, leader)]
    return []


def leg_destination(sentence: Sentence, stops: list):
    """Where the leg goes: the place the sentence sends the group to, even on
    the way (`İstanbul'a gelirken`); else its last stop (`Ankara-Kayseri
    treni güzergahında`)."""
    for span, mention in sentence.of("PLACE"):
        if case_after(sentence.doc, span.end) == "dative" and not names_something_else(sentence.doc, span):
            return mention
    return stops[-1][0] if stops else None
