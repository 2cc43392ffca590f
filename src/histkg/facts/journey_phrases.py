"""Journeys told in a phrase, not in a clause of their own:

- a participle after the place: `Balıkesir'e gelen salâhiyetli bir Rus`,
  `Eylül 1919'da Sivas'a gelen Halil Kut Paşa'yı`;
- a parenthesis after the traveller, whose motion verb has no subject of its
  own: `Tiflis’teki Türk temsilcisi (Şubat 1919’da Kabil’den gelmişti?)`;
- a guest's presence: `Bolşeviklerin konuk olarak Sivas Kongresi’nde bulunması`.

The traveller is the one the phrase is about. Where the text does not name
him, the visit has no leader and goes by the words that describe him (they
must end on a word for a person or a people: `temsilcisi`, `Rus`,
`Bolşevikler`). A person the text puts at his side (`bir Rus'un yanında …
Emrullah Bey adında … bir tercüman vardı`) travels with him, and a later
sentence of the same section that speaks of him again (`bu Rus'un İstanbul'a
dönüşünde`) adds a stop. A place the words that describe him locate him in
(`Tiflis’teki`) is where he came, when the parenthesis does not say: a value
drawn, not stated (`inference`).

Also here: when a conference met (`Sivas Kongresi'nin toplandığı Eylül
1919`), which dates a guest's visit to it.
"""

from __future__ import annotations

import re
from itertools import islice, pairwise

from spacy.tokens import Token

from histkg.facts.journey import MeetingFact, StopFact, VisitFact, planned
from histkg.facts.sentences import Sentence, Slot, case_after, starts_with_any
from histkg.facts.stops import place_case, stop_places
from histkg.language.lexicon import event_lexicon, turkish_lower
from histkg.mentions.tokens import is_suffix

FOLLOW_UP_SENTENCES = 12  # how far on (sentences of the same section) a note may speak of its traveller again
PAST = re.compile(r"^(?:m[ıiuü]ş(?:t[ıiuü]|d[ıiuü])?|[dt][ıiuü])(?:l[ae]r(?:d[ıiuü])?)?$")  # `-mişti`, `-di`
GENITIVE = re.compile(r"n?[ıiuü]n$")  # `Bolşeviklerin`: of the Bolsheviks


def phrase_facts(all_sentences: list[Sentence], doc_id: str) -> list[VisitFact]:
    """The journeys a document tells in a phrase, with the later sentences
    that speak of the traveller again."""
    facts = []
    for sentence in all_sentences:
        found = participle_facts(sentence, doc_id) + parenthesis_facts(sentence, doc_id) + guest_facts(sentence, doc_id)
        for fact, stem in found:
            if stem is not None:
                follow_up(fact, stem, sentence, all_sentences)
            facts.append(fact)
    return facts


# --------------------------------------------------------------------------- who travels

def traveller_stem(token: Token) -> str | None:
    """The word for a person or a people a description ends on (`temsilcisi`,
    `Rus`, `Bolşeviklerin`): the stem it begins with; a people's name only
    with a plural or case ending after it (`Rusya` is a country)."""
    word = turkish_lower(token.text)
    stem = next((s for s in event_lexicon()["traveller_nouns"] if word.startswith(s)), None)
    if stem is not None:
        return stem
    for demonym in event_lexicon()["demonyms"]:
        people = turkish_lower(demonym)
        if re.fullmatch(re.escape(people) + r"(?:l[ae]r)?(?:n?[ıiuü]n)?", word):
            return people
    return None


def person_at(sentence: Sentence, start: int, end: int):
    """(span, person) of the first person the tokens start..end name."""
    return next(((s, m) for s, m in sentence.of("PERSON") if start <= s.start < end), None)


def traveller_after(sentence: Sentence, start: int):
    """What a participle describes (`gelen salâhiyetli bir Rus'un`): (person,
    None, None, end) where a name comes before any case ending, else (None,
    description, stem, end) up to the last word for a person; None if the
    phrase names no one."""
    doc = sentence.doc
    stop = start
    while stop < min(start + 5, sentence.span.end) and not is_suffix(doc[stop]) and doc[stop].is_alpha:
        stop += 1
    named = person_at(sentence, start, stop)
    if named is not None:
        return named[1], None, None, named[0].end
    heads = [(i, stem) for i, stem in ((i, traveller_stem(doc[i])) for i in range(start, stop)) if stem]
    if not heads:
        return None
    head, stem = heads[-1]
    return None, doc[start:head + 1].text, stem, head + 1


def traveller_before(sentence: Sentence, paren: int):
    """Who a parenthesis speaks of: the person whose name ends right before
    it, else the words before it that end on a word for a person (`Tiflis’teki
    Türk temsilcisi`), back to `ve`, a comma or a name, with the place they
    locate him in. (person, description, stem, place, first token)."""
    doc = sentence.doc
    named = next(((s, m) for s, m in sentence.of("PERSON") if s.end == paren), None)
    if named is not None:
        return named[1], None, None, None, named[0].start
    stem = traveller_stem(doc[paren - 1]) if paren > sentence.span.start else None
    if stem is None:
        return None
    places = {s.start: (s, m) for s, m in sentence.of("PLACE")}
    persons = {s.end for s, _ in sentence.of("PERSON")}
    first, place = paren - 1, None
    while first - 1 >= max(sentence.span.start, paren - 6):
        token = doc[first - 1]
        if token.text in (",", ";", "(", ")") or turkish_lower(token.text) == "ve" or first in persons:
            break
        first -= 1
        if first in places and case_after(doc, places[first][0].end) == "locative":
            place = places[first][1]  # `Tiflis’teki`: the one in Tiflis
            break
    return None, doc[first:paren].text, stem, place, first


# --------------------------------------------------------------------------- the three phrases

def word_after_name(doc, end: int) -> int:
    """The token after a name's case ending, itself or on a head noun (`Tophane rıhtımına`)."""
    if end < len(doc) and is_suffix(doc[end]):
        return end + 1
    if end < len(doc) and starts_with_any(turkish_lower(doc[end].text), event_lexicon()["place_heads"]):
        return end + 1
    return end


def date_before(sentence: Sentence, start: int):
    """`Eylül 1919'da Sivas'a gelen`: the date right before a place."""
    return next((m for s, m in sentence.of("DATE") if start - 1 <= s.end <= start), None)


def origin_before(sentence: Sentence, start: int):
    """`Kabil'den Tiflis'e gelen`: (span, place) of the place left, right before the one reached."""
    doc = sentence.doc
    return next(((s, m) for s, m in sentence.of("PLACE") if word_after_name(doc, s.end) == start
                 and place_case(doc, s.end) == "ablative"), None)


def participle_facts(sentence: Sentence, doc_id: str) -> list:
    """`Balıkesir'e gelen salâhiyetli bir Rus'un yanında … Emrullah Bey … vardı`."""
    doc, found = sentence.doc, []
    for span, place in sentence.of("PLACE"):
        after = word_after_name(doc, span.end)
        if place_case(doc, span.end) != "dative" or after >= sentence.span.end \
                or turkish_lower(doc[after].text) not in event_lexicon()["motion_participles"]:
            continue
        traveller = traveller_after(sentence, after + 1)
        if traveller is None:
            continue
        person, description, stem, end = traveller
        origin = origin_before(sentence, span.start)
        first = origin[0] if origin is not None else span
        date = date_before(sentence, first.start)
        when = Slot(date, (date,)) if date is not None else None
        anchor = sentence.make(first.start_char, doc[end - 1].idx + len(doc[end - 1].text), "VISIT")
        fact = VisitFact(doc_id, anchor, leader=person, destination=place, described=description,
                         origin=origin[1] if origin is not None else None, visitors=companions(sentence, end),
                         stops=[StopFact(p, when) for p in (origin[1] if origin else None, place) if p is not None])
        found.append((fact, stem))
    return found


def companions(sentence: Sentence, end: int) -> list:
    """`bir Rus'un yanında, … Emrullah Bey adında … bir tercüman vardı`: the
    persons the rest of the sentence names, when it puts them at the
    traveller's side."""
    doc = sentence.doc
    after = end + (end < len(doc) and is_suffix(doc[end]))
    if after >= sentence.span.end or turkish_lower(doc[after].text) not in event_lexicon()["companion_words"]:
        return []
    return [m for s, m in sentence.of("PERSON") if s.start > after and case_after(doc, s.end) == "nominative"]


def finite_motion(words: list[str]) -> bool:
    """A motion verb in the past among the words (`gelmişti`, `döndü`, `hareket etmişti`)."""
    for word, following in zip(words, words[1:] + [""]):
        for stem in event_lexicon()["motion_verbs"]:
            if word.startswith(stem) and (PAST.match(word[len(stem):]) or word == stem and following.startswith("et")
                                          and PAST.match(following[2:])):
                return True
    return False


def parenthesis_facts(sentence: Sentence, doc_id: str) -> list:
    """`Tiflis’teki Türk temsilcisi (Şubat 1919’da Kabil’den gelmişti?)`: a
    parenthesis whose motion verb has no subject of its own tells of the one
    named or described right before it."""
    doc, found = sentence.doc, []
    for token in sentence.span:
        close = next((t.i for t in doc[token.i + 1:sentence.span.end] if t.text == ")"), None) if token.text == "(" else None
        if close is None:
            continue
        words = [turkish_lower(t.text) for t in doc[token.i + 1:close] if t.is_alpha and not is_suffix(t)]
        inside = [(s, m) for s, m in sentence.items if token.i < s.start and s.end <= close]
        if not finite_motion(words) or planned(sentence, token.i + 1, window=len(words)) \
                or any(s.label_ == "PERSON" and case_after(doc, s.end) == "nominative" for s, _ in inside):
            continue
        traveller = traveller_before(sentence, token.i)
        fact = parenthesis_fact(sentence, doc_id, token.i, close, traveller, inside) if traveller else None
        if fact is not None:
            found.append((fact, traveller[2]))
    return found


def parenthesis_fact(sentence: Sentence, doc_id: str, paren: int, close: int, traveller, inside) -> VisitFact | None:
    """Whence (ablative) and whither (dative) the parenthesis says, dated by
    its date; with no whither, the place the words before it locate him in."""
    doc = sentence.doc
    person, description, _, located, first = traveller
    cases = {id(m): place_case(doc, s.end) for s, m in inside if s.label_ == "PLACE"}
    origin = next((m for s, m in inside if cases.get(id(m)) == "ablative"), None)
    whither = next((m for s, m in inside if cases.get(id(m)) == "dative"), None)
    if whither is None and located is None:
        return None  # whence alone: where he came the text does not say
    date = next((m for s, m in inside if s.label_ == "DATE"), None)
    when = Slot(date, (date,)) if date is not None else None
    anchor = sentence.make(doc[first].idx, doc[close].idx + 1, "VISIT")
    drawn = None if whither is not None else (f"the text calls the traveller '{description}': "
                                              f"he came to {located.text}, where those words place him")
    stops = ([StopFact(origin, when)] if origin is not None else []) + [StopFact(whither or located, when, drawn)]
    fact = VisitFact(doc_id, anchor, leader=person, described=description, origin=origin,
                     destination=whither or located, stops=stops)
    if drawn is not None:
        fact.inference["destination"] = drawn
    return fact


def guest_facts(sentence: Sentence, doc_id: str) -> list:
    """`Bolşeviklerin konuk olarak Sivas Kongresi’nde bulunması`: a guest
    at a place or a conference, named or described in the genitive before
    `konuk olarak`."""
    doc, found, lowered, first = sentence.doc, [], sentence.lowered, sentence.span.start
    for i in range(first, sentence.span.end):
        if lowered[i - first] not in event_lexicon()["guest_words"] or i + 1 >= sentence.span.end \
                or lowered[i + 1 - first] != "olarak":
            continue
        guest = guest_before(sentence, i)
        where = presence_place(sentence, i + 2)
        if guest is None or where is None:
            continue
        person, description, stem, start = guest
        place, conference, end = where
        anchor = sentence.make(doc[start].idx, end, "VISIT")
        found.append((VisitFact(doc_id, anchor, leader=person, described=description, destination=place,
                                stops=[StopFact(place)], meeting=conference), stem))
    return found


def guest_before(sentence: Sentence, at: int):
    """(person, description, stem, first token) of the genitive before
    `konuk olarak`: a name with its ending (`X'in`), or a word for a person or
    a people (`Bolşeviklerin`)."""
    doc = sentence.doc
    if at - 1 < sentence.span.start:
        return None
    before = doc[at - 1]
    if is_suffix(before) and case_after(doc, at - 1) == "genitive":
        named = next(((s, m) for s, m in sentence.of("PERSON") if s.end == at - 1), None)
        if named is not None:
            return named[1], None, None, named[0].start
        before = doc[at - 2]
    elif not GENITIVE.search(turkish_lower(before.text)):
        return None
    stem = traveller_stem(before)
    if stem is None:
        return None
    description = before.text if is_suffix(doc[before.i + 1]) else GENITIVE.sub("", before.text)
    return None, description, stem, before.i


def presence_place(sentence: Sentence, start: int):
    """(place, conference or None, end char) of `Sivas Kongresi’nde bulunması`,
    `Lozan'da bulundu`: a place, or a conference named after its city, with a
    locative ending, then a verb of presence. The city of a conference is a
    new mention: the words of the conference's name before its head."""
    doc, lex = sentence.doc, event_lexicon()
    spans = [(s, m) for s, m in sentence.items if s.label_ in ("PLACE", "ORG") and start <= s.start < start + 3]
    for span, mention in spans:
        after = word_after_name(doc, span.end)
        verb = [turkish_lower(t.text) for t in doc[after:min(after + 2, sentence.span.end)]]
        if place_case(doc, span.end) != "locative" or not any(starts_with_any(w, lex["presence_verbs"]) for w in verb):
            continue
        end = doc[after].idx + len(doc[after].text) if after < sentence.span.end else span.end_char
        if span.label_ == "PLACE":
            return mention, None, end
        head = next((t for t in doc[span.start:span.end] if starts_with_any(turkish_lower(t.text), lex["conference_words"])), None)
        if head is not None and head.i > span.start:
            city = sentence.make(span.start_char, doc[head.i - 1].idx + len(doc[head.i - 1].text), "PLACE")
            return city, mention, end
    return None


# --------------------------------------------------------------------------- he again; the meeting

def follow_up(fact: VisitFact, stem: str, sentence: Sentence, all_sentences: list[Sentence]) -> None:
    """`Sonradan bu Rus'un İstanbul'a dönüşünde`: a later sentence of the same
    section that points back at the traveller (`bu` and the word that
    described him) adds the places it sends him to: that he is the one
    described is drawn, not stated."""
    same_section = (s for s in all_sentences[sentence.index + 1:] if s.section == sentence.section)
    for other in islice(same_section, FOLLOW_UP_SENTENCES):
        words = [turkish_lower(t.text) for t in other.span if not is_suffix(t)]
        pointer = next((f"{w} {following}" for w, following in pairwise(words) if w == "bu" and following.startswith(stem)), None)
        if pointer is None:
            continue
        why = f"'{pointer}' points back at the traveller described before: '{fact.described}'"
        for place, _ in stop_places(other):
            if not fact.stops or fact.stops[-1].place.text != place.text:
                fact.stops.append(StopFact(place, inference=why))


def meeting_facts(all_sentences: list[Sentence], doc_id: str) -> list[MeetingFact]:
    """When the document's conferences met."""
    return [fact for sentence in all_sentences for fact in sentence_meeting_facts(sentence, doc_id)]


def sentence_meeting_facts(sentence: Sentence, doc_id: str) -> list[MeetingFact]:
    """`Sivas Kongresi'nin toplandığı Eylül 1919'da`, `Kongre 4 Eylül 1919'da
    toplandı`: a conference, a verb of meeting within a few words, and the
    date between them or right after the verb."""
    doc, lex, found = sentence.doc, event_lexicon(), []
    for span, org in sentence.of("ORG"):
        if not starts_with_any(turkish_lower(span[-1].text), lex["conference_words"]):
            continue
        verb = next((t for t in doc[span.end:min(span.end + 6, sentence.span.end)]
                     if starts_with_any(turkish_lower(t.text), lex["meeting_verbs"])), None)
        if verb is None:
            continue
        date = next(((s, m) for s, m in sentence.of("DATE") if span.end <= s.start <= verb.i + 1), None)
        if date is not None:
            end = max(date[0].end_char, verb.idx + len(verb.text))
            found.append(MeetingFact(doc_id, org, date[1], sentence.make(span.start_char, end, "MEETING")))
    return found
