"""Journeys: a sentence that names a visit or a delegation opens an episode;
the sentences after it add travellers, hosts and stops in story order. Facts
are joined into visit events by `resolve.visits`. A head of a delegation at
a conference went to the city of the conference (`conferences`); a journey
only planned (`ziyareti kararlaştırılmıştı`) is none. A note whose mark a
sentence of the story holds and that goes on with it is read right after
that sentence (`notes`).

This sentence rule is older than the clause frames (`frames`, `frame_facts`), which add what it
misses to its facts (`frame_facts.enrich`). It is kept because both test beds need it: without its
anchors, the corpus loses 6 of its 104 journeys found (of 122) and 18 of its 162 stops in order
(of 210), and the seeds' visits 23 of their 40 stops in order (of 44) and 5 of 8 travellers (a
state visit told day by day, its legs and the notes that go on with it, which the frames do not
read); measured on 2026-12-05.

Other facts come from `journey_phrases` (a journey told in a phrase, its
traveller perhaps unnamed), `receptions` (envoys received), `postings` and
`notes` (a quotation with no subject).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.tokens import Token

from histkg.facts.clauses import case_of
from histkg.facts.conferences import Conferences
from histkg.facts.journey import (
    StopFact,
    VisitFact,
    day_dates,
    home_again,
    planned,
    same_name,
    same_place,
)
from histkg.facts.journey_phrases import phrase_facts
from histkg.facts.legs import Legs
from histkg.facts.notes import attached_notes, quoted_note_facts
from histkg.facts.postings import ends_posting, posting_anchor, posting_lists
from histkg.facts.receptions import received_persons, reception_facts
from histkg.facts.sentences import Sentence, Slot, case_after, dates_a_noun, mentions_any, starts_with_any
from histkg.facts.stops import CLAUSE_END, clause_at, stop_places, verb_near
from histkg.language.gazetteer import is_country
from histkg.language.lexicon import event_lexicon, turkish_lower
from histkg.language.verbs import frames
from histkg.mentions.tokens import doc_text, is_suffix, parenthesis_end, token_starts, token_texts


def leader_anchor(sentence: Sentence):
    """(person mention, anchor start char, anchor end char, destination mention)
    for `Voroşilov heyetinin`, `Bekir Sami Bey başkanlığında bir heyet`,
    `İsmet Paşa'nın … Moskova ziyareti`."""
    doc = sentence.doc
    anchors = []
    for span, mention in sentence.of("PERSON"):
        group = group_word_after(sentence, span.end)
        if group is not None:
            anchors.append((mention, span.start_char, group.idx + len(group.text), None))
            continue
        if led_group_before(sentence, span.start):
            anchors.append((mention, span.start_char, span.end_char, None))
            continue
        if case_after(doc, span.end) == "genitive":
            visit = visit_noun_after(sentence, span.end)
            if visit is not None and not planned(sentence, visit[0].i + 1):
                token, destination = visit
                anchors.append((mention, span.start_char, token.idx + len(token.text), destination))
    return anchors


def group_word_after(sentence: Sentence, end: int) -> Token | None:
    """`Voroşilov heyetinin`, `Voroşilov ve Sovyet heyeti`, `X başkanlığında`."""
    lex = event_lexicon()
    end = parenthesis_end(sentence.doc, end, 4) or end  # `Ahmed Tevfik Paşa (Okday) başkanlığındaki`
    for token in sentence.doc[end:min(end + 4, sentence.span.end)]:
        word = turkish_lower(token.text)
        if is_suffix(token) and token.i == end:
            return None  # `Voroşilov'un heyeti` is his, not led by him
        if starts_with_any(word, lex["guest_words"]):
            return None  # `Atatürk misafirini`: his guest, he is the host
        if starts_with_any(word, lex["group_words"]) or word in lex["leader_words"][:8]:
            return token
        if not (word == "ve" or token.text[:1].isupper()):
            return None
    return None


def led_group_before(sentence: Sentence, start: int) -> bool:
    """`Heyet Başkanı Voroşilov`, `heyet reisi X`."""
    words = [turkish_lower(t.text) for t in sentence.doc[max(start - 2, sentence.span.start):start]]
    return len(words) == 2 and starts_with_any(words[0], event_lexicon()["group_words"]) and words[1] in event_lexicon()["leader_words"]


def visit_noun_after(sentence: Sentence, end: int):
    """`… Moskova ziyaretine`: the visit word a few words on, with no other
    person between, and the place right before it."""
    places = {s.end + is_suffix(sentence.doc[s.end]) if s.end < len(sentence.doc) else s.end: m
              for s, m in sentence.of("PLACE")}
    persons = {s.start for s, _ in sentence.of("PERSON")}
    for token in sentence.doc[end:min(end + 6, sentence.span.end)]:
        if token.i in persons:
            return None
        if starts_with_any(turkish_lower(token.text), event_lexicon()["visit_nouns"]):
            return token, places.get(token.i)
    return None


def passed_before(sentence: Sentence) -> set[int]:
    """id() of the places the sentence says were passed before its day's goal (`Tiflis'ten sonra 17 Şubat'ta
    Moskova'ya vardılar`): the day is the goal's, not theirs."""
    doc = sentence.doc
    passed = set()
    for span, mention in sentence.of("PLACE"):
        after = span.end + (span.end < len(doc) and is_suffix(doc[span.end]))
        if case_after(doc, span.end) == "ablative" and after < sentence.span.end \
                and turkish_lower(doc[after].text) in frames()["case_postpositions"]["roles"]["via"]["ablative"]:
            passed.add(id(mention))
    return passed


def after_the_journey(sentence: Sentence, leader) -> bool:
    """`Litvinov ziyaretinin ardından … İsmet Paşa ve heyeti … Moskova'yı ziyaret etti`: the sentence names
    the journey only as what came before what it tells; the story has moved on."""
    named = [span for span, mention in sentence.of("PERSON") if same_name(mention, leader)]
    if not named:
        return False
    for span in named:
        visit = visit_noun_after(sentence, span.end)
        following = sentence.doc[visit[0].i + 1:visit[0].i + 2] if visit is not None else []
        if not (following and turkish_lower(following[0].text) in event_lexicon()["after_words"]):
            return False
    return True


def journey_anchor(sentence: Sentence):
    """`Karahan, Ankara'ya geldi`: a person, a place whither and a motion verb.
    With a verb of sending (`X, yaveri Y'yi Moskova'ya göndermiş`) the one
    sent travels, not the sender; with no one named as sent, no one does."""
    lex = event_lexicon()
    if not mentions_any(sentence.lower, lex["motion_verbs"]):
        return []
    # a subject: not the agent of a passive (`X tarafından kabul edilen zevat`), not a companion (`X ile`)
    persons = [(s, m) for s, m in sentence.of("PERSON") if case_of(sentence, s.end) == "nominative"]
    targets = [(s, m) for s, m in sentence.of("PLACE") if case_after(sentence.doc, s.end) == "dative"]
    if not persons or not targets:
        return []
    person_span, person = persons[0]
    after = [(s, m) for s, m in targets if s.start > person_span.start]
    if not after:
        return []
    place_span, place = after[0]
    if not verb_near(sentence.doc, sentence, place_span.end, lex["motion_verbs"], 1) \
            or planned(sentence, place_span.end):
        return []
    if verb_near(sentence.doc, sentence, place_span.end, lex["sending_verbs"], 2):
        sent = [(s, m) for s, m in sentence.of("PERSON") if person_span.start < s.start < place_span.start
                and case_after(sentence.doc, s.end) == "accusative"]
        if not sent:
            return []
        person = sent[0][1]  # the anchor still begins with the sender: the date of the sending is in its words
    return [(person, person_span.start_char, place_span.end_char, place)]


def about_group(sentence: Sentence, leader) -> bool:
    lower = sentence.lower
    if mentions_any(lower, event_lexicon()["group_words"]):
        return True
    return leader is not None and any(same_name(m, leader) for _, m in sentence.of("PERSON"))


def weekday_problem(mention) -> str | None:
    """`30 Kasım pazartesi`: 30 November 1933 was a Thursday."""
    match = mention.data
    for word, number in event_lexicon()["weekdays"].items():
        if re.search(rf"(?<![^\W\d_]){word}(?![^\W\d_])", turkish_lower(match.surface)):
            day = match.earliest
            if day.weekday() != number:
                return f"the text says {word} but {day.isoformat()} was a {calendar.day_name[day.weekday()]}"
    return None


class Episode:
    """A journey told over several sentences: who leads it, where it goes, when."""

    def __init__(self, fact: VisitFact, index: int, anchor_start: int = 0) -> None:
        self.fact = fact
        self.last = index
        self.current_date: Slot | None = None
        self.opened_at = (index, anchor_start)  # the sentence and character where the journey is named
        self.legs = Legs(fact)
        self.announced: list = []  # (place, case, date) of a way told before the group takes it

    def first_clause(self, sentence: Sentence) -> int:
        """In the sentence that names the journey, clauses before the one that
        names it tell of something else (`Kızıl Ordu Tiflis'e girmiş ve elçi X
        Paris'e itimatnamesini vermişti`)."""
        index, start = self.opened_at
        return clause_at(sentence, start) if sentence.index == index else 0

    def add_sentence(self, sentence: Sentence, dated: bool = True) -> None:
        lex = event_lexicon()
        fact = self.fact
        self.last = sentence.index
        first = self.first_clause(sentence)
        stops = stop_places(sentence, first)
        if dated:
            self.note_dates(sentence, first, told_until(sentence, stops))
        lower = sentence.lower
        received = {id(m) for _, m in received_persons(sentence)}  # `X ve Y kabul edilmiştir`: guests, not hosts
        persons = [m for _, m in sentence.of("PERSON") if m is not fact.leader and not same_name(m, fact.leader)
                   and id(m) not in received]
        if mentions_any(lower, lex["group_words"]) and mentions_any(lower, lex["membership_words"]) \
                and not mentions_any(lower, lex["not_membership_words"]) and not mentions_any(lower, lex["host_verbs"]):
            fact.visitors.extend(m for m in persons if m not in fact.visitors)
        elif mentions_any(lower, lex["host_verbs"]):
            fact.hosts.extend(m for m in persons if m not in fact.hosts)
        fact.datives.extend(place for place, case in stops if case == "dative")
        passed = passed_before(sentence)
        told = [(place, case, None if id(place) in passed else self.current_date) for place, case in stops]
        if announces(sentence):
            self.announced.extend(told)
        else:
            # the group leaves (`Ankara'dan ayrılmıştı`) before it passes the places announced for the way
            leaving = [stop for stop in told if stop[1] == "ablative"]
            self.add_stops(leaving + self.announced + [stop for stop in told if stop[1] != "ablative"])
            self.announced = []
        self.legs.follow(sentence, stops, self.current_date)

    def add_note(self, note: Sentence, body: Sentence) -> None:
        """A note that goes on with the story, the group its subject (`Heyet
        İzmir'de Bornova'daki Ziraat Mektebi'ne de gitmişti`), is told where
        its mark stands. Its dates are a source's, not the story's day."""
        words = [t for t in note.span if t.is_alpha]
        if words and starts_with_any(turkish_lower(words[0].text), event_lexicon()["group_words"]) \
                and mentions_any(note.lower, event_lexicon()["motion_verbs"]):
            self.add_sentence(note, dated=False)
            self.last = body.index  # the story goes on from the body sentence, not from where the note is printed

    def add_stops(self, stops: list) -> None:
        """stops: (place, case, date) in travel order."""
        fact = self.fact
        for place, case, date in stops:
            if is_country(place.text) or fact.stops and same_place(fact.stops[-1].place, place):
                continue  # a country is where the journey goes, not a stop on its way (`Bulgaristan'a`)
            if case == "ablative" and not fact.stops and fact.origin is None:
                fact.origin = place
            fact.stops.append(StopFact(place, date))

    def finish(self) -> None:
        """Places announced for a way the story never tells the group taking stay its last stops."""
        self.add_stops(self.announced)
        self.announced = []

    def note_dates(self, sentence: Sentence, first_clause: int = 0, until: int | None = None) -> None:
        """The latest day the sentence states becomes the day of what follows;
        a day that breaks the order of the story is kept but flagged. Days
        from token `until` on belong to another statement."""
        for span, mention in day_dates(sentence):
            if clause_at(sentence, span.start_char) < first_clause or until is not None and span.start >= until:
                continue
            problem = weekday_problem(mention) or self.same_day_as_flagged(mention)
            if problem is None:
                problem = self.out_of_order(mention)
                if problem and not inferred(mention):
                    continue  # a full date that goes back is a flashback, not a stage of the journey
            slot = Slot(mention, (mention,), problem)
            self.fact.dates.append(slot)
            if problem is None:
                self.current_date = slot
            elif self.fact.stops:
                # kept as the text states it, on the stop the story is at, and flagged
                self.fact.flagged.append((len(self.fact.stops) - 1, slot))

    def same_day_as_flagged(self, mention) -> str | None:
        """`30 Kasım pazartesi akşamı saat 21.50'de`: the hour shares the day's problem."""
        for slot in self.fact.dates:
            if slot.problem and slot.mention.data.earliest == mention.data.earliest:
                return slot.problem
        return None

    def out_of_order(self, mention) -> str | None:
        """A story of a journey moves forward: a day more than two days before
        the one just told, or a month after it, contradicts the narrative; not
        a day whose year the text leaves to the story, read as the first such
        day after it (`14 Aralık 1920'de Ankara'dan hareketle … 17 Şubat'ta
        Moskova'ya vardılar`: a winter's journey)."""
        if self.current_date is None:
            return None
        before = self.current_date.mention.data.earliest
        day = mention.data.earliest
        later = (day - before).days > event_lexicon()["episode_window_days"] and not mention.data.year_from_context
        if (before - day).days > 2 or later:
            return (f"{day.isoformat()} does not fit the story: the sentences around it "
                    f"tell of {before.isoformat()}")
        return None


ANNOUNCED = re.compile(r"(?:ecek|acak)(?:ler|lar)?(?:di|dı|ti|tı)$")  # `hareket edecekti`, `geleceklerdi`


def announces(sentence: Sentence) -> bool:
    """`Özel tren Eskişehir-Kütahya-Balıkesir güzergahıyla İzmir'e hareket
    edecekti`: the sentence ends on what the group was to do; its places are
    the way ahead, taken after the departure the story tells next."""
    words = [turkish_lower(t.text) for t in sentence.span if t.is_alpha]
    return bool(words) and ANNOUNCED.search(words[-1]) is not None


def inferred(mention) -> bool:
    """The text does not write the year (`Ertesi günü`, `30 Kasım`): it comes from context."""
    return mention.data.year_from_context or not re.search(r"\d{4}", mention.data.surface)


def visit_facts(all_sentences: list[Sentence], doc_id: str) -> list[VisitFact]:
    """Journeys: a sentence that names one opens an episode; the sentences
    after it that speak of the group (`heyet`, `misafirler`, the leader) add
    travellers, hosts and stops until another journey starts or the story
    moves on."""
    gap = event_lexicon()["episode_gap_sentences"]
    facts: list[VisitFact] = []
    episodes: list[Episode] = []
    episode: Episode | None = None
    body_index, count = {}, 0  # gaps count body sentences: footnotes interleave with the story
    for sentence in all_sentences:
        count += sentence.section == "body"
        body_index[sentence.index] = count
    conferences = Conferences(body_index, all_sentences)
    notes = attached_notes(all_sentences)  # body sentence index -> the note sentences its marks call
    for sentence in all_sentences:
        at_conference = conferences.facts(sentence, doc_id)
        facts.extend(at_conference)
        strong = leader_anchor(sentence) or posting_anchor(sentence)
        strong = [a for a in strong if not any(same_name(a[0], f.leader) for f in at_conference)]
        anchors = strong or journey_anchor(sentence)
        if episode is not None:
            leader = episode.fact.leader
            if any(same_name(m, leader) for _, m in sentence.of("PERSON")):
                anchors = [a for a in anchors if same_name(a[0], leader)]  # the same journey goes on
            elif other_group_words(sentence, strong):
                anchors = []  # `Voroşilov ve Sovyet heyeti … Muzaffer Paşa ve Türk Askeri Heyeti tarafından karşılanmış`
            elif about_group(sentence, leader):
                anchors = strong  # `Heyetle birlikte X Eskişehir'e uğramıştı`: X travels with the group
        if episode is not None and (body_index[sentence.index] - body_index[episode.last] > gap
                                    or after_the_journey(sentence, episode.fact.leader)):
            episode = None
        for leader, start, end, destination in anchors:
            if episode is not None and same_name(leader, episode.fact.leader):
                if not goes_again(episode, sentence):
                    continue
                episode = None  # `3 Mart'ta Sofya'ya gitti. … 20 Mayıs'ta Atina'ya gitti`: another journey
            anchor = sentence.make(start, end, "VISIT")
            when = date_within(sentence, start, end) or date_of_meeting(sentence, all_sentences, leader, start)
            fact = VisitFact(doc_id, anchor, leader=leader, destination=destination, when=when)
            facts.append(fact)
            if sentence.section == "body":
                episode = Episode(fact, sentence.index, start)
                episodes.append(episode)
            else:
                told_in_a_note = Episode(fact, sentence.index, start)
                told_in_a_note.add_sentence(sentence)
                told_in_a_note.finish()
        if episode is not None and sentence.section == "body" and (
                anchors or about_group(sentence, episode.fact.leader)
                or mentions_any(sentence.lower, event_lexicon()["motion_verbs"]) and body_index[sentence.index] - body_index[episode.last] <= 2):
            if stays_in_time(episode, sentence):
                episode.add_sentence(sentence)
                if home_again(episode.fact):
                    episode.finish()
                    episode = None
        if episode is not None and sentence.section == "body":
            for note in notes.get(sentence.index, []):
                episode.add_note(note, sentence)
    for each in episodes:
        each.finish()
    legs = [leg for e in episodes for leg in e.legs.found]
    received = [f for sentence in all_sentences for f in reception_facts(sentence, doc_id)]
    return (facts + legs + posting_facts(all_sentences, doc_id) + phrase_facts(all_sentences, doc_id) + received
            + quoted_note_facts(all_sentences, notes, doc_id))


def posting_facts(all_sentences: list[Sentence], doc_id: str) -> list[VisitFact]:
    """One visit per item of a list of envoys (`Ankara'ya verilen
    itimatnameler: 5 Mart 1921 X (…), …`): the envoy goes to the capital."""
    facts = []
    for person, date, place, start, end, sentence in posting_lists(all_sentences):
        text = doc_text(sentence.doc)
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end -= len(text[start:end]) - len(text[start:end].rstrip())
        fact = VisitFact(doc_id, sentence.make(start, end, "VISIT"), leader=person, destination=place,
                         stops=[StopFact(place)])
        if ends_posting(date):
            fact.end = date
        else:
            fact.start = date
        facts.append(fact)
    return facts


def date_within(sentence: Sentence, start: int, end: int):
    """`İsmet Paşa'nın 1932 yılında gerçekleştirdiği Moskova ziyareti`: the
    date written inside the words that name a journey; `6 veya 7 Ekim 1920'de`
    (one of two days) still tells the year."""
    inside = [m for s, m in sentence.of("DATE") if start <= s.start_char and s.end_char <= end
              and not dates_a_noun(sentence.doc, s.end, m.text)
              and "/" not in m.data.edtf and not m.data.edtf.startswith("{")
              and (not m.data.edtf.startswith("[") or m.data.earliest.year == m.data.latest.year)]
    return inside[0] if inside else None


def statement_end(sentence: Sentence, start: int) -> int:
    """Where the statement that begins before char `start` ends: at its
    finite verb (`görüşmüştü`); a citation after it (`…, İstanbul, 1964`) dates nothing of it."""
    for token in sentence.span:
        if token.idx >= start and CLAUSE_END.search(turkish_lower(token.text)):
            return token.idx + len(token.text)
    return sentence.span.end_char


def date_of_meeting(sentence: Sentence, all_sentences: list[Sentence], leader, start: int):
    """`X'in Türkiye'ye ilk gelişi 1919 yılı Mayıs ayıdır. Y Samsun'a çıktıktan
    sonra X ile Havza'da görüşmüştü`: a journey the text does not date, on
    which the traveller meets someone, took place when that person's journey
    told just before (in the same paragraph, with one date) did."""
    if sentence.index == 0 or any(span.start_char < statement_end(sentence, start) for span, _ in sentence.of("DATE")):
        return None
    before = all_sentences[sentence.index - 1]
    if before.paragraph != sentence.paragraph or not mentions_any(before.lower, event_lexicon()["motion_verbs"]):
        return None
    dates = [m for _, m in before.of("DATE")]
    met = [m for _, m in sentence.of("PERSON") if not same_name(m, leader)]
    if len(dates) == 1 and any(same_name(m, p) for m in met for _, p in before.of("PERSON")):
        return dates[0]
    return None


def other_group_words(sentence: Sentence, anchors) -> bool:
    """A group word that no new anchor owns: the sentence speaks of the group
    already travelling."""
    owned, group_words = {end for _, _, end, _ in anchors}, event_lexicon()["group_words"]
    starts, texts, first = token_starts(sentence.doc), token_texts(sentence.doc), sentence.span.start
    return any(starts_with_any(word, group_words) and starts[first + k] + len(texts[first + k]) not in owned
               for k, word in enumerate(sentence.lowered))


def goes_again(episode: Episode, sentence: Sentence) -> bool:
    """The sentence names the traveller's journey again on a day weeks after
    the one his journey has reached: a journey of its own, not a stage."""
    if episode.current_date is None:
        return False
    before = episode.current_date.mention.data.earliest
    return any((m.data.earliest - before).days > event_lexicon()["episode_window_days"] and not inferred(m)
               for _, m in day_dates(sentence))


def told_until(sentence: Sentence, stops: list) -> int | None:
    """The semicolon after the sentence's last stop: what follows it is
    another statement (`… yeniden Ankara'ya geldi; görüşmeler 24 Eylül
    1921'de tekrar açıldı`), whose day is not the journey's."""
    ends = [span.end for span, mention in sentence.of("PLACE") if any(mention is place for place, _ in stops)]
    if not ends:
        return None
    return next((t.i for t in sentence.doc[max(ends):sentence.span.end] if t.text == ";"), None)


def stays_in_time(episode: Episode, sentence: Sentence) -> bool:
    """A sentence about 1881 (a biography) is not part of a journey of 1933,
    nor one about 1838 of a journey the text dates to 1835 (`Âli Efendi,
    1835'te Viyana sefaretine … gönderildi`): the day the story has reached,
    else the date in the words that name the journey."""
    reference = episode.current_date.mention if episode.current_date is not None else episode.fact.when
    if reference is None or reference.data.earliest == dt.date.min:
        return True
    dates = [m for _, m in sentence.of("DATE") if m.data.earliest != dt.date.min]
    if not dates:
        return True
    window = dt.timedelta(days=event_lexicon()["episode_window_days"] * 4)
    latest = reference.data.latest if reference.data.latest != dt.date.max else reference.data.earliest
    return any(m.data.earliest <= latest + window and reference.data.earliest - window <= (
        m.data.latest if m.data.latest != dt.date.max else m.data.earliest) for m in dates)


