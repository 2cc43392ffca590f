"""Conferences: a head of a delegation at a conference, or a delegate on its roster, went to the city where it met; a treaty its delegates signed has them for signatories."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Token

from histkg.facts.journey import (
    StopFact,
    VisitFact,
    heads_group,
    same_name,
)
from histkg.facts.clauses import JOINERS
from histkg.facts.sentences import Sentence, case_after, honorifics_longest_first, mentions_any, starts_with_any
from histkg.language.gazetteer import Gazetteer, is_city, state_of
from histkg.language.lexicon import event_lexicon, turkish_lower
from histkg.language.verbs import frames
from histkg.mentions.tokens import is_suffix, is_suffix_word, lowered_texts, token_texts


def conference_named(sentence: Sentence):
    """(conference word, place) for `Lozan Konferansı`, `Paris Barış
    Konferansı'na`, `Montrö'de toplanan Boğazlar Konferansı`: a city, then a
    capitalised word or two (or a participle of meeting), then a conference word.
    The city of a conference's name is no mention of the place, so its mention
    is made here. Read once a sentence: the conferences of a document and its
    clause frames both ask."""
    named = sentence.doc.user_data.setdefault(CONFERENCES_NAMED, {})
    if sentence.span.start not in named:
        named[sentence.span.start] = conference_in(sentence)
    return named[sentence.span.start]


CONFERENCES_NAMED = "conferences_named"  # doc.user_data: sentence start -> conference_named


def conference_in(sentence: Sentence):
    lex = event_lexicon()
    doc = sentence.doc
    texts, lowered = token_texts(doc), lowered_texts(doc)
    for i in range(sentence.span.start, sentence.span.end):
        if not (texts[i][:1].isupper() and starts_with_any(lowered[i], lex["conference_words"])):
            continue
        token = doc[i]
        first = token.i
        while first > sentence.span.start and token.i - first < 3 and texts[first - 1][:1].isupper() \
                and texts[first - 1].isalpha():
            first -= 1
        # the city nearest the noun (`İtilaf Devletleri Londra Konferansı`), the longest name starting there
        # (`San Remo`), with capitalised words between it and the noun (`Paris Barış Konferansı`)
        for start in range(token.i - 1, first - 1, -1):
            for end in range(token.i, start, -1):
                if is_city(doc[start:end].text):
                    place = sentence.make(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), "PLACE")
                    return token, replace(place, data=Gazetteer.load().lookup(doc[start:end].text))
    for span, mention in sentence.of("PLACE"):
        met_there = False  # `Trabzon'da açılan konferansta`: a participle of meeting, then any form of the noun
        for token in sentence.doc[span.end:min(span.end + 4, sentence.span.end)]:
            lower = turkish_lower(token.text)
            if starts_with_any(lower, lex["conference_words"]):
                return (token, mention) if met_there or compound_head(lower, lex["conference_words"]) else None
            met_there = met_there or starts_with_any(lower, lex["meeting_verbs"])
            if not (token.text[:1].isupper() or is_suffix(token) or starts_with_any(lower, lex["meeting_verbs"])):
                break
    return None


# The possessive a compound's head takes, then a case ending (`konferansı`, `konferansında`,
# `kongresine`): `Lozan konferansında` names the conference of Lozan, `İtalya konferansa katılmadı`
# (a bare dative) and `Bruce konferansın reisi` (a bare genitive) do not.
COMPOUND_HEAD_ENDING = re.compile(r"^s?[ıiuü](?:n(?:d[ae]n?|[ae]|[ıiuü]n?)|yl[ae])?$")


def compound_head(word: str, stems: list[str]) -> bool:
    return any(word.startswith(stem) and COMPOUND_HEAD_ENDING.match(word[len(stem):]) for stem in stems)


def conference_word(sentence: Sentence) -> Token | None:
    """`Konferansta …`: a sentence that speaks of a conference without naming it."""
    lowered, stems = lowered_texts(sentence.doc), event_lexicon()["conference_words"]
    return next((sentence.doc[i] for i in range(sentence.span.start, sentence.span.end)
                 if starts_with_any(lowered[i], stems)), None)


def conference_attendees(sentence: Sentence, word: Token, named: bool) -> list:
    """(span, person) the sentence places at the conference: heads of
    delegations or of the conference (`Türk Delegasyon Başkanı X`, `Kongresi
    Başkanı X`) and whoever `ile` pairs with one (`X ile Y'nin`); right after
    `Londra Konferansı sırasında`, the person the sentence tells of."""
    lex = event_lexicon()
    persons = sentence.of("PERSON")
    found = []
    for (span, mention), following in zip(persons, persons[1:] + [None]):
        if heads_group(sentence, span.start, lex["group_words"] + lex["conference_words"]) \
                or leads_delegation(sentence, span):
            found.append((span, mention))
            between = [turkish_lower(t.text) for t in sentence.doc[span.end:following[0].start]] if following else []
            if between == ["ile"]:
                found.append(following)  # `X ile Y'nin … ortak tavır`: Y leads the other delegation there
    during = [t for t in sentence.doc[word.i + 1:min(word.i + 3, sentence.span.end)] if not is_suffix(t)][:1]
    if named and during and turkish_lower(during[0].text) in lex["during_words"]:
        found += [(s, m) for s, m in persons if during[0].i < s.start <= during[0].i + 2
                  and case_after(sentence.doc, s.end) == "nominative"][:1]
    return found


def glued_on(sentence: Sentence, i: int) -> bool:
    """`Bahri` + `ye`: letters the tokenizer split off the word before as a case ending."""
    doc = sentence.doc
    return i > sentence.span.start and doc[i].text.isalpha() and not doc[i - 1].whitespace_


# `heyetimiz`, `heyetimizin`, `trenimizi`: our (a possessive of the first person plural)
FIRST_PERSON_PLURAL = re.compile(r"[ıiuü]m[ıiuü]z")


# a noun's dative, bare or after the possessive (`heyete`, `heyetine`, `delegasyonuna`)
DATIVE_OF_STEM = re.compile(r"^(?:[ıiuü]?n|y)?[ae]$")


GROUP_HEAD_WORDS = ("başında", "reisi", "başkanı")  # `heyetin başında X`, `heyetin reisi X`: X heads the group


def leads_delegation(sentence: Sentence, span) -> bool:
    """`X başkanlığındaki heyet`, `heyetine X başkanlık etti`, `heyetine
    başkanlık eden X`, `Türk heyetinin reisi … X idi`, `heyetinin başında X
    vardı`: the person heads a delegation."""
    lex = event_lexicon()
    texts, lowered = token_texts(sentence.doc), lowered_texts(sentence.doc)
    after = [word for word in texts[span.end:span.end + 4] if not is_suffix_word(word)]
    # the honorific after the name carries its case in the old orthography (`X Hazretlerinin maiyetinde`)
    after = [turkish_lower(w) for w in after[1 if after and after[0].startswith(honorifics_longest_first()) else 0:]]
    before = words_before(sentence, span)
    # `başkanlık etti`, `başkanlık ediyordu`, `riyaset eyledi`
    if after[:1] and after[0] in lex["leader_words"] or " ".join(after[:2]).startswith(("başkanlık e", "riyaset e")):
        return True
    if made_head(after, lex):  # `X'in Türk Tugayı komutanlığına tayini`
        return True
    # `Türk heyetine başkanlık eden (Hariciye Nazırı) X`: a participle of heading before the name and its titles
    first = span.start
    while first > sentence.span.start and (texts[first - 1][:1].isupper() or glued_on(sentence, first - 1)):
        first -= 1
    heading = lowered[max(sentence.span.start, first - 2):first]
    if " ".join(heading).startswith(("başkanlık e", "riyaset e")):
        return True
    # `Türk heyetine (Bahriye Nazırı) X, Bulgar heyetine ise Y başkanlık etti`: the group in the dative
    # before the name, and the verb of heading later in the sentence, said once for both heads
    if heading and any(DATIVE_OF_STEM.match(heading[-1][len(stem):]) for stem in lex["group_words"]
                       if heading[-1].startswith(stem)):
        later = " ".join(turkish_lower(t.text) for t in sentence.doc[span.end:sentence.span.end])
        if re.search(r"\b(?:başkanlık|riyaset) e", later):
            return True
    # `Türk heyetinin reisi … X`, `Osmanlı heyetinin başında … X vardı`, `Başımızda … X vardı`
    return any(starts_with_any(a, lex["group_words"]) and b in GROUP_HEAD_WORDS
               for a, b in zip(before, before[1:])) or leads_us(sentence, span) or first_member(sentence, span)


def words_before(sentence: Sentence, span) -> list[str]:
    """The eight words before a name, lower case, in its own clause (`heyetin başında kendisi bulunuyordu;
    yanında X vardı`: no word before the semicolon is X's)."""
    before = lowered_texts(sentence.doc)[max(sentence.span.start, span.start - 8):span.start]
    return before[len(before) - before[::-1].index(";"):] if ";" in before else before


def made_head(after: list[str], lex: dict) -> bool:
    """The words after a person name a group (capitalised, or a group word), then its head's office in the
    dative (`Türk Tugayı komutanlığına`, `Yunan heyeti reisliğine`): he was made its head."""
    office = next((i for i, word in enumerate(after) if word in lex["headship_words"]), None)
    group_nouns = lex["group_words"] + frames()["group_nouns"]
    return office is not None and office > 0 and starts_with_any(after[office - 1], group_nouns)


def first_member(sentence: Sentence, span) -> bool:
    """`heyet Bahriye Nazırı X, Y ve Z'den oluştu`: the delegation is made of
    the persons the sentence lists after it; the first one named heads it."""
    doc, group_words = sentence.doc, event_lexicon()["group_words"]
    group = next((t.i for t in reversed(sentence.doc[sentence.span.start:span.start]) if t.is_lower
                  and starts_with_any(turkish_lower(t.text), group_words)), None)
    if group is None or any(group < s.start < span.start for s, _ in sentence.of("PERSON")):
        return False
    composed_of = tuple(event_lexicon()["composed_of"])
    return any(turkish_lower(t.text).startswith(composed_of) for t in doc[span.end:sentence.span.end])


def leads_us(sentence: Sentence, span) -> bool:
    """`Başımızda Hariciye Vekili X vardı`, `heyetimizin reisi X`: the person heads the narrator's group."""
    before = words_before(sentence, span)
    lex = event_lexicon()
    return any(word in lex["our_head_words"] for word in before) or any(
        starts_with_any(a, lex["group_words"]) and FIRST_PERSON_PLURAL.search(a) and b in GROUP_HEAD_WORDS
        for a, b in zip(before, before[1:]))


def put_beside(sentence: Sentence):
    """`… İsmet Paşa'yı murahhas tayin etti; … bu zatın yanına beni de
    verdiler`: the narrator put beside someone (`yanına`, `maiyetine`, `emrine`
    and `beni`, `bana`) goes with him, who heads the narrator's group: the
    person the sentence names last before the word."""
    lex, words = event_lexicon(), sentence.lowered
    first = sentence.span.start
    for i, word in enumerate(words):
        if word in lex["beside_words"] and set(words[i + 1:i + 4]) & set(lex["narrator_words"]):
            before = [m for s, m in sentence.of("PERSON") if s.end <= first + i]
            return before[-1] if before else None
    return None



def conference_facts(sentence: Sentence, place, word: Token, named: bool, doc_id: str) -> list[VisitFact]:
    """A visit to the conference's city for each person the sentence places there."""
    facts = []
    for span, person in conference_attendees(sentence, word, named):
        start, end = min(word.idx, span.start_char), max(word.idx + len(word.text), span.end_char)
        facts.append(VisitFact(doc_id, sentence.make(start, end, "VISIT"), leader=person, destination=place,
                               stops=[StopFact(place)]))
    return facts


HEADED_THERE = "the head of a delegation at the conference the story speaks of, which met there"
SENT_THERE = "sent while the story speaks of the conference, which met there"


def sent_or_heading_there(sentence: Sentence, place, doc_id: str) -> list[VisitFact]:
    """Told of the conference the story speaks of, with no place of the
    sentence's own to go to: the head of a delegation (`Osmanlı heyetinin
    başında Halil Bey vardı`, `Ermeni heyetine Hatisyan başkanlık etti`) and
    whom a verb of sending sends (`Alman hükümeti General Otto von Lossow'u
    müşahit olarak göndermişti`) went to its city."""
    doc = sentence.doc
    if any(case_after(doc, span.end) == "dative" for span, _ in sentence.of("PLACE")):
        return []  # `X başkanlığında bir heyeti Moskova'ya gönderdi`: the delegation went elsewhere
    sending = mentions_any(sentence.lower, event_lexicon()["sending_verbs"])
    heads, sent = [], []
    for span, person in sentence.of("PERSON"):
        if leads_delegation(sentence, span):
            heads.append((span, person, HEADED_THERE))
        if sending and case_after(doc, span.end) == "accusative":
            sent.append((span, person, SENT_THERE))
    return [VisitFact(doc_id, sentence.make(span.start_char, span.end_char, "VISIT"), leader=person,
                      destination=place, stops=[StopFact(place)], inference={"destination": why})
            for span, person, why in heads + sent]


class Conferences:
    """The conference the story speaks of: the one named last, for a
    sentence or two after and in its paragraph (`Lozan Konferansı sürecinde …
    Konferansta X …`), else the one a conference account is about (its
    roster lines and the sentences that name no other)."""

    def __init__(self, body_index: dict, all_sentences: list[Sentence] = ()) -> None:
        self.body_index = body_index
        self.last = None  # (place, body index and paragraph of the sentence that named it)
        self.met: dict[str, object] = {}  # the conference's place -> the DATE mention of its opening
        # a document that names one conference far more than any other, or in its title, tells of it
        # throughout (a conference account)
        named = [(s.index, n[1]) for s in all_sentences if (n := conference_named(s))]
        counts = Counter(turkish_lower(m.text) for _, m in named)
        top = counts.most_common(1)
        self.only = next(m for _, m in named if turkish_lower(m.text) == top[0][0]) \
            if top and top[0][1] * 2 > len(named) else None  # the conference most of its namings name
        titled = bool(named) and named[0][0] == 0  # `KAHİRE KONFERANSI (4–6 ARALIK 1943)`: the title names it
        if self.only is None and titled:
            self.only = named[0][1]
        # an account of one conference (its title names it): a delegation's head it tells of anywhere went there
        self.account = titled and self.only is named[0][1]

    def facts(self, sentence: Sentence, doc_id: str) -> list[VisitFact]:
        return self.dated(self.undated_facts(sentence, doc_id))

    def undated_facts(self, sentence: Sentence, doc_id: str) -> list[VisitFact]:
        named = conference_named(sentence)
        here = self.body_index[sentence.index]
        if named is not None:
            self.last = (named[1], here, sentence.paragraph)
            word, place = named
            met = meeting_date(sentence)
            if met is not None:
                self.met.setdefault(place_key(place), met)
        else:
            word = conference_word(sentence)
            # the conference named in this paragraph, or a sentence or two before
            recent = self.last is not None and (here - self.last[1] <= 2 or sentence.paragraph == self.last[2])
            if not (recent or self.only is not None):
                return []
            place = self.last[0] if recent else self.only
            if word is None:  # a delegation's head only where the story has just named its conference
                return roster_facts(sentence, place, doc_id) or (
                    sent_or_heading_there(sentence, place, doc_id) if recent or self.account else [])
        return conference_facts(sentence, place, word, named is not None, doc_id)

    def dated(self, facts: list[VisitFact]) -> list[VisitFact]:
        """A delegate's journey to a conference began, at the latest, when the
        conference met (`Batum Konferansı 11 Mayıs 1918'de açıldı`): the date
        the text gives its opening, where his own is not told."""
        for fact in facts:
            met = self.met.get(place_key(fact.destination))
            if met is not None and fact.when is None and not fact.dates:
                fact.when = met
                fact.inference["when"] = f"when the conference met: '{met.sentence}'"
        return facts


def meeting_date(sentence: Sentence):
    """`Batum Konferansı 11 Mayıs 1918'de açıldı`, `14 Mart 1918'de Trabzon'da
    açılan konferans`: the date of a sentence that tells a conference met (a
    verb of meeting), the last one before that verb."""
    verbs = [t.i for t in sentence.span if t.text.islower()
             and starts_with_any(turkish_lower(t.text), event_lexicon()["meeting_verbs"])]
    if not verbs:
        return None
    dates = [m for s, m in sentence.of("DATE") if s.end <= verbs[0] and m.data.precision in ("day", "month", "year")]
    return dates[-1] if dates else None


def place_key(place) -> str:
    return place.data or turkish_lower(place.text) if place is not None else ""


ROSTER_LABEL_WORDS = 6  # `Türkiye Büyük Millet Meclisi Hükümeti:` at most


def roster_facts(sentence: Sentence, place, doc_id: str) -> list[VisitFact]:
    """A line of a conference's roster (`Fransa: Başvekil Aristide Briand.`,
    `Türk heyeti: Cumhurbaşkanı İsmet İnönü; Dışişleri Bakanı Numan
    Menemencioğlu`): the delegation before the colon went to the conference's
    city, headed by the first person after it, the others with him; not the
    delegation of the state the city lies in, which was at home."""
    found = roster_line(sentence)
    if found is None:
        return []
    state, colon, persons = found
    if state is not None and state == state_of(place.data):
        return []
    (head_span, head), *members = persons
    anchor = sentence.make(sentence.span.start_char, head_span.end_char, "VISIT")
    why = "a delegate at a conference that met there (the conference's roster)"
    return [VisitFact(doc_id, anchor, leader=head, destination=place, stops=[StopFact(place)],
                      visitors=[m for _, m in members], inference={"destination": why})]


def roster_line(sentence: Sentence):
    """(the delegation's state or None, the colon, the persons after it) where
    the sentence opens with a delegation and a colon: a state, or a group word
    (`heyeti`, `tarafı`) after a nationality or a name."""
    doc = sentence.doc
    colon = next((t for t in sentence.span[:ROSTER_LABEL_WORDS + 1] if t.text == ":"), None)
    persons = [(s, m) for s, m in sentence.of("PERSON") if colon is not None and s.start > colon.i]
    if colon is None or not persons or colon.i == sentence.span.start:
        return None
    label = doc[sentence.span.start:colon.i]
    if not all(t.text[:1].isupper() or t.text in ("-", "'") or is_suffix(t) or delegation_word(t.text)
               for t in label):
        return None
    states = [m for s, m in sentence.items if s.end <= colon.i and s.label_ in ("PLACE", "ORG")]
    demonyms = event_lexicon()["demonyms"]
    nation = next((demonyms[t.text] for t in label if t.text in demonyms), None)
    if not states and not (nation and any(delegation_word(t.text) for t in label)):
        return None
    key = states[0].data if states and states[0].label == "PLACE" else Gazetteer.load().lookup(nation or "")
    return state_of(key), colon, persons


class Delegations(NamedTuple):
    """Who a document lists as sent to negotiate, read in one pass over its
    sentences (each sentence's roster line read once)."""

    delegates: list  # PERSON mentions, one per person
    states: list  # PLACE or ORG mentions of the states with a delegation, one per state
    heads: list  # (sentence index, person) of each delegation's head, in text order
    ours: list  # persons the text names as the head of the narrator's own group (`Başımızda X vardı`)
    led: dict  # a state's gazetteer key -> the head of its delegation a roster line names (`Türk heyeti: … X; …`)


def document_delegations(all_sentences: list[Sentence], we_travel: bool = False) -> Delegations:
    """Delegates: the persons on a conference's roster lines, in a sentence of
    whom they represented (`Babıâli'yi X ile Y … temsil etti`), and right after
    a delegate word (`Prusya murahhasları X ile Y`); not one in the genitive
    (`Sultan Abdülhamid'in tayin ettiği murahhas`: who sent them).
    States: the one that opens a roster line (`Rusya: Şansölye …`), and those a
    sentence of representing names in the accusative (`Romanya'yı X ile Y …
    temsil etti`). Heads: the first person of a roster line, and one who leads
    a delegation in prose (`X başkanlığındaki heyet`). Ours: the head of the
    narrator's group (`we_travel`: the narrator tells his travels as `we`)."""
    lexicon = frames()["delegates"]
    found = Delegations([], [], [], [], {})
    for sentence in all_sentences:
        roster = roster_line(sentence)
        representing = roster is None and mentions_any(sentence.lower, lexicon["verbs"])
        if roster is not None:
            persons, heads = roster[2], roster[2][:1]
            if roster[0] is not None:
                found.led.setdefault(roster[0], heads[0][1])
            states = [m for s, m in sentence.items if s.end <= roster[1].i and s.label_ in ("PLACE", "ORG")][:1]
        else:
            persons = sentence.of("PERSON") if representing else named_after(sentence, lexicon["words"])
            heads = [(s, m) for s, m in sentence.of("PERSON") if leads_delegation(sentence, s)]
            states = [m for s, m in sentence.items if s.label_ in ("PLACE", "ORG")
                      and case_after(sentence.doc, s.end) == "accusative"] if representing else []
        found.delegates.extend([m for s, m in persons if case_after(sentence.doc, s.end) != "genitive"
                                and not any(same_name(m, other) for other in found.delegates)])
        found.states.extend([m for m in states
                             if not any(turkish_lower(m.text) == turkish_lower(o.text) for o in found.states)])
        found.heads.extend((sentence.index, m) for _, m in heads)
        found.ours.extend(m for s, m in heads if leads_us(sentence, s))
        found.ours.extend(person for person in [put_beside(sentence)] if person is not None)
    if not found.ours and we_travel:
        # a narrator who travels as `we` and names no head of `us` travels with the first group the text names a
        # head of (`Sultan Abdülaziz Han Hazretlerinin maiyetinde … bulunuyordu`)
        found.ours.extend(person for _, person in found.heads[:1])
    return found


def named_after(sentence: Sentence, stems: list[str]) -> list:
    """(span, person) right after a word of `stems` (a title or two between),
    and those joined to it by `ile`, `ve` or a comma (titles allowed: `X ile Kont Y`)."""
    found, persons = [], sentence.of("PERSON")
    lowered = lowered_texts(sentence.doc)
    for i in range(sentence.span.start, sentence.span.end):
        if not starts_with_any(lowered[i], stems):
            continue
        token = sentence.doc[i]
        position = token.i + 1
        for span, mention in [p for p in persons if p[0].start >= position]:
            between = [t.text for t in sentence.doc[position:span.start]]
            if position == token.i + 1 and len(between) > 2 or position > token.i + 1 and not joined(between):
                break
            found.append((span, mention))
            position = span.end
    return found


def joined(words: list[str]) -> bool:
    return any(w in JOINERS for w in words) and all(w in JOINERS or w[:1].isupper() and w.isalpha() for w in words)


def delegation_word(word: str) -> bool:
    """`heyeti`, `heyetleri`, `tarafı`: a word that names one side's delegation."""
    return starts_with_any(turkish_lower(word), event_lexicon()["group_words"] + ["taraf"])


