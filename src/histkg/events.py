"""Events: treaties signed and journeys made, as each sentence states them.

Two steps. `find_facts` reads one document's parsed paragraphs (during
extraction, document by document) and returns what each sentence says about
a treaty (`TreatyFact`) or a journey (`VisitFact`), pointing at mentions.
`resolve_events` (after entity resolution, in `event_model`) turns the facts
into events whose slots are entities.

Turkish is verb-final and marks roles with case suffixes, so the rules read
the suffix after a name (`Kars'ta` where, `Ankara'ya` whither, `Sivastopol'dan`
whence, `Çiçerin ile … arasında` between) and the words before a treaty's name
(`3 Aralık 1920 Gümrü Antlaşması'nı imzalamak`). Every word list lives in
ontology/lexicon/events.json.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from .components import is_suffix
from .gazetteer import Gazetteer
from .lexicon import load_lexicon, turkish_lower


@cache
def lexicon() -> dict:
    return load_lexicon("events.json")


def starts_with_any(word: str, stems) -> bool:
    return any(word.startswith(stem) for stem in stems)


def mentions_any(text: str, stems) -> bool:
    """A stem (one or two words) at the start of a word of `text` (lower case)."""
    return any(re.search(r"(?<![^\W\d_])" + re.escape(stem), text) for stem in stems)


# --------------------------------------------------------------------------- facts

@dataclass(frozen=True)
class Slot:
    """One value a sentence states: the mention that names it and the
    passages cited for it (the mention itself, and a date's own words)."""

    mention: object  # extract.Mention
    evidence: tuple = ()
    problem: str | None = None


@dataclass(frozen=True)
class TreatyFact:
    doc_id: str
    phrase: object  # the treaty's name (a TREATY mention) or words such as `bir dostluk antlaşması`
    named: bool
    family: str  # treaty | pact | protocol | armistice | alliance
    signed_on: tuple[Slot, ...] = ()
    signed_at: tuple[Slot, ...] = ()
    parties: tuple[Slot, ...] = ()
    signatories: tuple[Slot, ...] = ()
    party_names: tuple[str, ...] = ()  # states named by nationality words of the name (`Türk-Sovyet`)
    refers_back: bool = False  # `bu pakt`: the treaty named just before
    alias_of: object = None  # `Paris Paktı olarak da bilinen Briand-Kellog Paktı`: that mention


@dataclass(frozen=True)
class StopFact:
    place: object  # a PLACE mention
    date: Slot | None = None


@dataclass
class VisitFact:
    doc_id: str
    anchor: object  # the words that name the journey (`Voroşilov heyetinin`)
    leader: object = None  # PERSON mention
    destination: object = None  # PLACE mention
    origin: object = None
    visitors: list = field(default_factory=list)
    hosts: list = field(default_factory=list)
    stops: list[StopFact] = field(default_factory=list)
    dates: list[Slot] = field(default_factory=list)
    flagged: list[tuple[int, Slot]] = field(default_factory=list)  # (stop index, a day the text gets wrong)
    datives: list = field(default_factory=list)  # places the text sends the group to (`Ankara'ya`)
    when: object = None  # a date inside the words that name the journey (`1932 yılında gerçekleştirdiği`)


# --------------------------------------------------------------------------- sentences

@dataclass
class Sentence:
    """A sentence of a parsed paragraph with the mentions found in it."""

    doc: Doc
    span: Span
    section: str
    items: list  # (Span, Mention) in text order
    make: object  # (start_char, end_char, label) -> Mention for words of this paragraph
    index: int = 0  # position in the document (body and footnotes alike)
    paragraph: int = 0

    @property
    def lower(self) -> str:
        return turkish_lower(self.span.text)

    def of(self, label: str) -> list:
        return [(s, m) for s, m in self.items if s.label_ == label]


def sentences(paragraphs) -> list[Sentence]:
    """paragraphs: (doc, section, [(span, mention)], make) in document order."""
    result = []
    for number, (doc, section, items, make) in enumerate(paragraphs):
        for sent in doc.sents:
            inside = [(s, m) for s, m in items if sent.start <= s.start < sent.end]
            result.append(Sentence(doc, sent, section, inside, make, len(result), number))
    return result


def case_after(doc: Doc, end: int) -> str:
    """The grammatical case a name takes from the suffix after it (or after
    the head noun it names: `Ankara İstasyonu'na` is dative)."""
    if end < len(doc) and not is_suffix(doc[end]) and starts_with_any(turkish_lower(doc[end].text), lexicon()["place_heads"]):
        end += 1
    if end >= len(doc):
        return "nominative"
    token = doc[end]
    if is_suffix(token):
        suffix = turkish_lower(token.text[1:])
        for case, forms in lexicon()["case_suffixes"].items():
            if suffix in forms:
                return case
        return "other"
    if turkish_lower(token.text) in ("ile", "ilе"):
        return "instrumental"
    return "nominative"


def next_words(doc: Doc, end: int, count: int = 3) -> list[str]:
    words = [turkish_lower(t.text) for t in doc[end:end + count + 2] if not is_suffix(t) and t.is_alpha]
    return words[:count]


# --------------------------------------------------------------------------- treaties

def treaty_family(word: str) -> str:
    heads = load_lexicon("treaties.json")["head_family"]
    if word in heads:
        return heads[word]
    lower = turkish_lower(word)
    for family, stem in (("pact", "pakt"), ("protocol", "protokol"), ("armistice", "mütareke"), ("alliance", "ittifak")):
        if lower.startswith(stem):
            return family
    return "treaty"


def generic_treaty_phrases(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Lower-case treaty words (`bir dostluk antlaşması`, `barış`) outside a
    treaty's name: (start token, end token, head word)."""
    lex = lexicon()
    modifiers = set(load_lexicon("treaties.json")["modifiers"]) - {"ile", "arasında", "arasındaki"} | {"geçici", "yeni"}
    named = {i for span, _ in sentence.of("TREATY") for i in range(span.start, span.end)}
    found = []
    for token in sentence.span:
        word = token.text
        if token.i in named or not word.islower() or not starts_with_any(word, lex["treaty_nouns"]) \
                or starts_with_any(word, lex["not_treaty_words"]):
            continue
        start = token.i
        while start > sentence.span.start and sentence.doc[start - 1].text in modifiers and sentence.doc[start - 1].i not in named:
            start -= 1
        found.append((nationality_start(sentence, start), token.i + 1, word))
    return found


def nationality_start(sentence: Sentence, start: int) -> int:
    """`Gürcü-Azeri müdafaa ittifakı`: nationality words (and up to two
    lower-case words after them) open the phrase; it then names the treaty."""
    demonyms = lexicon()["demonyms"]
    doc = sentence.doc
    for back in range(0, 3):
        first = start - back
        if first - 1 < sentence.span.start or any(not doc[i].text.islower() for i in range(first, start)):
            break
        i = first
        while i - 1 >= sentence.span.start and (doc[i - 1].text in demonyms or doc[i - 1].text in ("-", "–")):
            i -= 1
        bilateral = any(doc[k].text in ("-", "–") for k in range(i, first))  # `Türk-Rus`, not `Türk diplomasisi`
        if i < first and bilateral and doc[i].text in demonyms and doc[first - 1].text in demonyms:
            return i
    return start


def between_parties(sentence: Sentence, start: int) -> bool:
    """`Le Grand ve Dro arasındaki anlaşma`: an agreement between named sides."""
    return start > sentence.span.start and turkish_lower(sentence.doc[start - 1].text).startswith("arasında")


def signing_after(sentence: Sentence, end: int) -> bool:
    """A signing verb follows (Turkish puts the verb last) and the words right
    after the name do not say it was announced, ratified or negotiated."""
    lex = lexicon()
    after = [turkish_lower(t.text) for t in sentence.doc[end:sentence.span.end] if t.is_alpha]
    if after[:2] and any(starts_with_any(w, lex["not_signing_words"]) for w in after[:2]):
        return False
    return any(starts_with_any(w, lex["signing_verbs"]) for w in after)


def attached_date(sentence: Sentence, start: int, dates: list) -> tuple | None:
    """A date written right before the name: `1921 tarihli Moskova Antlaşması`,
    `3 Aralık 1920 Gümrü Antlaşması`."""
    lex = lexicon()
    for span, mention in reversed(dates):
        if span.end > start:
            continue
        between = [turkish_lower(t.text) for t in sentence.doc[span.end:start] if not is_suffix(t)]
        if all(w in lex["date_links"] or w in ("bir", "yeni", "de", "da") for w in between) and len(between) <= 2:
            return span, mention
        return None
    return None


def treaty_facts(sentence: Sentence, doc_id: str) -> list[TreatyFact]:
    """What the sentence says of each treaty it names or refers to. Slots come
    from the words between the previous treaty and this one (modifiers come
    before the head in Turkish)."""
    phrases = [(s.start, s.end, m, True) for s, m in sentence.of("TREATY")]
    for start, end, head in generic_treaty_phrases(sentence):
        if signing_after(sentence, end) or between_parties(sentence, start) or sentence.doc[start].text[:1].isupper():
            words = sentence.doc[start:end]
            phrases.append((start, end, sentence.make(words.start_char, words.end_char, "TREATY"), False))
    phrases.sort(key=lambda p: p[0])
    facts, previous_end = [], sentence.span.start
    for start, end, mention, named in phrases:
        facts.append(one_treaty_fact(sentence, doc_id, start, end, mention, named, previous_end))
        previous_end = end
    return [f for f in facts if f.named or f.signed_on or f.refers_back or f.party_names
            or len(f.parties) + len(f.signatories) >= 2]


def one_treaty_fact(sentence, doc_id, start, end, mention, named, previous_end) -> TreatyFact:
    segment = [(s, m) for s, m in sentence.items if previous_end <= s.start and s.end <= start]
    dates = [(s, m) for s, m in segment if s.label_ == "DATE" and m.data.precision in ("day", "month", "year")
             and "/" not in m.data.edtf and not m.data.edtf.startswith(("{", "["))]
    signed = signing_after(sentence, end)
    signing = signed or between_parties(sentence, start)  # sides are named either way; a date only when signed
    signed_on = []
    attached = attached_date(sentence, start, dates)
    if attached and (signed or not_other_event(sentence, end)):
        signed_on.append(attached[1])
    elif signed and dates:
        signed_on.append(dates[-1][1])
    places = [m for s, m in segment if s.label_ == "PLACE" and signing
              and case_after(sentence.doc, s.end) == "locative" and is_city(m.text)]
    parties = [m for s, m in segment if signing and s.label_ in ("ORG", "PLACE") and m not in places
               and (is_party(sentence.doc, s) or subject_state(sentence.doc, s, m))]
    signatories = [m for s, m in segment if signing and s.label_ == "PERSON" and is_party(sentence.doc, s)]
    family = treaty_family(sentence.doc[end - 1].text)
    first = sentence.doc[start]
    refers_back = not named and start > sentence.span.start and turkish_lower(sentence.doc[start - 1].text) in ("bu", "söz", "aynı")
    alias = alias_target(sentence, end) if named else None
    name_place = (sentence.make(first.idx, first.idx + len(first.text), "PLACE"),) if named and is_city(first.text) else ()
    return TreatyFact(doc_id, mention, named, family,
                      signed_on=tuple(Slot(m, (m,)) for m in signed_on),
                      signed_at=tuple(Slot(m, (m,)) for m in places) + tuple(Slot(m, (mention,)) for m in name_place),
                      parties=tuple(Slot(m, (m,)) for m in parties),
                      signatories=tuple(Slot(m, (m,)) for m in signatories),
                      party_names=demonym_states(sentence.doc, start, end, named),
                      refers_back=refers_back, alias_of=alias)


def subject_state(doc: Doc, span: Span, mention) -> bool:
    """`Gürcistan 7 Mayıs'ta barışı imzalamış`: a state as the subject signs."""
    return case_after(doc, span.end) == "nominative" and (span.label_ == "ORG" or is_country(mention.text))


def demonym_states(doc: Doc, start: int, end: int, named: bool) -> tuple[str, ...]:
    """`Türk-Sovyet Paktı` -> Türkiye, Sovyet Rusya: the words of the name, or
    the capitalised words right before a phrase (`Türk-Rus dostluk antlaşması`)."""
    demonyms = lexicon()["demonyms"]
    words = doc[start:end] if named else doc[max(start - 3, 0):end]
    parts = [p for token in words for p in re.split(r"[-–]", token.text) if p]
    return tuple(dict.fromkeys(demonyms[p] for p in parts if p in demonyms))


def not_other_event(sentence: Sentence, end: int) -> bool:
    return not any(starts_with_any(w, lexicon()["not_signing_words"]) for w in next_words(sentence.doc, end, 2))


def alias_target(sentence: Sentence, end: int):
    """`Paris Paktı olarak da bilinen Briand-Kellog Paktı`: the second name."""
    words = next_words(sentence.doc, end, 3)
    if words[:1] == ["olarak"] and any(w.startswith(("bilinen", "anılan", "adlandırılan")) for w in words):
        later = [m for s, m in sentence.of("TREATY") if s.start >= end]
        return later[0] if later else None
    return None


def is_party(doc: Doc, span: Span) -> bool:
    """`X ile`, `X'le`, `X ile Y arasında`, `X tarafından`, or the subject."""
    lex = lexicon()
    case = case_after(doc, span.end)
    after = next_words(doc, span.end, 4)
    if case == "instrumental" or any(w in lex["party_links"] or w in lex["agent_links"] for w in after[:1]):
        return True
    return case == "nominative" and bool(after) and any(w.startswith("arasında") for w in after[:4])


@cache
def is_country(name: str) -> bool:
    gazetteer = Gazetteer.load()
    key = gazetteer.lookup(name)
    return bool(key) and key.startswith("geonames:") and gazetteer.info(key).latitude is None


@cache
def is_city(name: str) -> bool:
    """A city of the gazetteer (not a country or a region)."""
    gazetteer = Gazetteer.load()
    key = gazetteer.lookup(name)
    return bool(key) and key.startswith("geonames:") and gazetteer.info(key).latitude is not None


# --------------------------------------------------------------------------- visits

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
            if visit is not None:
                token, destination = visit
                anchors.append((mention, span.start_char, token.idx + len(token.text), destination))
    return anchors


def group_word_after(sentence: Sentence, end: int) -> Token | None:
    """`Voroşilov heyetinin`, `Voroşilov ve Sovyet heyeti`, `X başkanlığında`."""
    lex = lexicon()
    for token in sentence.doc[end:min(end + 4, sentence.span.end)]:
        word = turkish_lower(token.text)
        if is_suffix(token) and token.i == end:
            return None  # `Voroşilov'un heyeti` is his, not led by him
        if starts_with_any(word, lex["group_words"]) or word in lex["leader_words"][:8]:
            return token
        if not (word == "ve" or token.text[:1].isupper()):
            return None
    return None


def led_group_before(sentence: Sentence, start: int) -> bool:
    """`Heyet Başkanı Voroşilov`, `heyet reisi X`."""
    words = [turkish_lower(t.text) for t in sentence.doc[max(start - 2, sentence.span.start):start]]
    return len(words) == 2 and starts_with_any(words[0], lexicon()["group_words"]) and words[1] in lexicon()["leader_words"]


def visit_noun_after(sentence: Sentence, end: int):
    """`… Moskova ziyaretine`: the visit word a few words on, with no other
    person between, and the place right before it."""
    places = {s.end + is_suffix(sentence.doc[s.end]) if s.end < len(sentence.doc) else s.end: m
              for s, m in sentence.of("PLACE")}
    persons = {s.start for s, _ in sentence.of("PERSON")}
    for token in sentence.doc[end:min(end + 6, sentence.span.end)]:
        if token.i in persons:
            return None
        if starts_with_any(turkish_lower(token.text), lexicon()["visit_nouns"]):
            return token, places.get(token.i)
    return None


def verb_near(doc: Doc, sentence: Sentence, end: int, stems, window: int = 4) -> bool:
    """A verb of `stems` among the next words, skipping other places and
    particles (`Tophane Rıhtımı'ndan Haydarpaşa'ya hareket edilmişti`)."""
    places = {i for s, _ in sentence.of("PLACE") for i in range(s.start, s.end)}
    seen = 0
    for token in doc[end:sentence.span.end]:
        if is_suffix(token) or token.i in places or not token.is_alpha:
            continue
        word = turkish_lower(token.text)
        if starts_with_any(word, stems):
            return True
        if word not in ("de", "da", "ve", "ile", "kadar", "bir", "üzere"):
            seen += 1
        if seen >= window:
            return False
    return False


def journey_anchor(sentence: Sentence):
    """`Karahan, Ankara'ya geldi`: a person, a place whither and a motion verb."""
    lex = lexicon()
    if not mentions_any(sentence.lower, lex["motion_verbs"]):
        return []
    persons = [(s, m) for s, m in sentence.of("PERSON") if case_after(sentence.doc, s.end) == "nominative"]
    targets = [(s, m) for s, m in sentence.of("PLACE") if case_after(sentence.doc, s.end) == "dative"]
    if not persons or not targets:
        return []
    person_span, person = persons[0]
    after = [(s, m) for s, m in targets if s.start > person_span.start]
    if not after:
        return []
    place_span, place = after[0]
    if not verb_near(sentence.doc, sentence, place_span.end, lex["motion_verbs"], 2):
        return []
    return [(person, person_span.start_char, place_span.end_char, place)]


def stop_places(sentence: Sentence) -> list:
    """Places the group goes to, leaves from or stays in, in travel order
    within the sentence: whence first, whither last."""
    lex = lexicon()
    rank = {"ablative": 0, "locative": 1, "accusative": 1, "nominative": 1, "dative": 2}
    moving = mentions_any(sentence.lower, lex["motion_verbs"])
    found = []
    places = sentence.of("PLACE")
    cases = coordinated_cases(sentence.doc, places)
    for (span, mention), case in zip(places, cases):
        if names_something_else(sentence.doc, span) or case == "dative" and intent_after(sentence.doc, span.end):
            continue
        if case in ("ablative", "dative", "accusative") and verb_near(sentence.doc, sentence, span.end, lex["motion_verbs"]) \
                or case == "locative" and (moving or mentions_any(sentence.lower, lex["host_verbs"])) \
                or case == "nominative" and moving and part_of_route(sentence.doc, span):
            found.append((rank[case], span.start, mention, case))
    return [(m, case) for _, _, m, case in sorted(found, key=lambda f: (f[0], f[1]))]


def coordinated_cases(doc: Doc, places: list) -> list[str]:
    """`Adalar ve Yalova'ya`: coordinated names share the case of the last."""
    cases = [case_after(doc, span.end) for span, _ in places]
    for i in range(len(places) - 2, -1, -1):
        span, following = places[i][0], places[i + 1][0]
        between = [t.text for t in doc[span.end:following.start]]
        if cases[i] == "nominative" and between in (["ve"], [","], ["ile"]):
            cases[i] = cases[i + 1]
    return cases


def names_something_else(doc: Doc, span: Span) -> bool:
    """`İzmir Vapuru`, `İstanbul Valisi`, `Pera Palace Oteli`: a ship, an
    office or a building named after the place, not the place."""
    return span.end < len(doc) and starts_with_any(turkish_lower(doc[span.end].text), lexicon()["not_place_heads"])


def intent_after(doc: Doc, end: int) -> bool:
    """`İstanbul'a gitmek üzere`, `Ankara'ya hareket edileceğinden`: where they
    mean to go, told before they go (the stop comes when they arrive)."""
    words = next_words(doc, end, 2)
    return "üzere" in words or any(re.search(r"(?:ecek|acak|eceğ|acağ)", w) for w in words)


def part_of_route(doc: Doc, span: Span) -> bool:
    """`Eskişehir-Kütahya-Balıkesir güzergahıyla`: names joined by dashes."""
    near = doc[max(span.start - 1, 0):min(span.end + 1, len(doc))]
    return any(t.text in ("-", "–") for t in near) or "güzergah" in turkish_lower(doc[span.end:span.end + 6].text)


def about_group(sentence: Sentence, leader) -> bool:
    lower = sentence.lower
    if mentions_any(lower, lexicon()["group_words"]):
        return True
    return leader is not None and any(same_name(m, leader) for _, m in sentence.of("PERSON"))


def day_dates(sentence: Sentence) -> list:
    return [(s, m) for s, m in sentence.of("DATE") if m.data.precision == "day" and "/" not in m.data.edtf
            and not m.data.edtf.startswith(("{", "["))]


def weekday_problem(mention) -> str | None:
    """`30 Kasım pazartesi`: 30 November 1933 was a Thursday."""
    match = mention.data
    for word, number in lexicon()["weekdays"].items():
        if re.search(rf"(?<![^\W\d_]){word}(?![^\W\d_])", turkish_lower(match.surface)):
            day = match.earliest
            if day.weekday() != number:
                return f"the text says {word} but {day.isoformat()} was a {calendar.day_name[day.weekday()]}"
    return None


class Episode:
    """A journey told over several sentences: who leads it, where it goes, when."""

    def __init__(self, fact: VisitFact, index: int) -> None:
        self.fact = fact
        self.last = index
        self.current_date: Slot | None = None

    def add_sentence(self, sentence: Sentence) -> None:
        lex = lexicon()
        fact = self.fact
        self.last = sentence.index
        self.note_dates(sentence)
        lower = sentence.lower
        persons = [m for _, m in sentence.of("PERSON") if m is not fact.leader and not same_name(m, fact.leader)]
        if mentions_any(lower, lex["group_words"]) and mentions_any(lower, lex["membership_words"]) \
                and not mentions_any(lower, lex["not_membership_words"]) and not mentions_any(lower, lex["host_verbs"]):
            fact.visitors.extend(m for m in persons if m not in fact.visitors)
        elif mentions_any(lower, lex["host_verbs"]):
            fact.hosts.extend(m for m in persons if m not in fact.hosts)
        for place, case in stop_places(sentence):
            if fact.stops and same_place(fact.stops[-1].place, place):
                continue
            if case == "ablative" and not fact.stops and fact.origin is None:
                fact.origin = place
            fact.stops.append(StopFact(place, self.current_date))
            if case == "dative":
                fact.datives.append(place)

    def note_dates(self, sentence: Sentence) -> None:
        """The latest day the sentence states becomes the day of what follows;
        a day that breaks the order of the story is kept but flagged."""
        for _, mention in day_dates(sentence):
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
        the one just told, or a month after it, contradicts the narrative."""
        if self.current_date is None:
            return None
        before = self.current_date.mention.data.earliest
        day = mention.data.earliest
        if (before - day).days > 2 or (day - before).days > lexicon()["episode_window_days"]:
            return (f"{day.isoformat()} does not fit the story: the sentences around it "
                    f"tell of {before.isoformat()}")
        return None


def inferred(mention) -> bool:
    """The text does not write the year (`Ertesi günü`, `30 Kasım`): it comes from context."""
    return mention.data.year_from_context or not re.search(r"\d{4}", mention.data.surface)


def same_name(a, b) -> bool:
    """`Voroşilov`, `Varoşilov` and `Kliment Yefromoviç Voroşilov` are one leader."""
    if a is None or b is None:
        return False
    from .resolve import similar_spelling  # resolve imports extract, which imports this module

    return similar_spelling(core_name(a.text), core_name(b.text))


@cache
def honorifics() -> frozenset[str]:
    names = load_lexicon("names.json")
    return frozenset(names["honorifics_after"]) | frozenset(names["titles_before"])


def core_name(text: str) -> str:
    words = [w for w in text.replace("(", " ").replace(")", " ").split() if w[:1].isupper() and "." not in w]
    words = [w for w in words if w not in honorifics()] or text.split()
    return words[-1]


def same_place(a, b) -> bool:
    return (a.data or turkish_lower(a.text)) == (b.data or turkish_lower(b.text))


def visit_facts(all_sentences: list[Sentence], doc_id: str) -> list[VisitFact]:
    """Journeys: a sentence that names one opens an episode; the sentences
    after it that speak of the group (`heyet`, `misafirler`, the leader) add
    travellers, hosts and stops until another journey starts or the story
    moves on."""
    gap = lexicon()["episode_gap_sentences"]
    facts: list[VisitFact] = []
    episode: Episode | None = None
    body_index, count = {}, 0  # gaps count body sentences: footnotes interleave with the story
    for sentence in all_sentences:
        count += sentence.section == "body"
        body_index[sentence.index] = count
    for sentence in all_sentences:
        strong = leader_anchor(sentence)
        anchors = strong or journey_anchor(sentence)
        if episode is not None:
            leader = episode.fact.leader
            if any(same_name(m, leader) for _, m in sentence.of("PERSON")):
                anchors = [a for a in anchors if same_name(a[0], leader)]  # the same journey goes on
            elif other_group_words(sentence, strong):
                anchors = []  # `Voroşilov ve Sovyet heyeti … Muzaffer Paşa ve Türk Askeri Heyeti tarafından karşılanmış`
            elif about_group(sentence, leader):
                anchors = strong  # `Heyetle birlikte X Eskişehir'e uğramıştı`: X travels with the group
        if episode is not None and body_index[sentence.index] - body_index[episode.last] > gap:
            episode = None
        for leader, start, end, destination in anchors:
            if episode is not None and same_name(leader, episode.fact.leader):
                continue
            anchor = sentence.make(start, end, "VISIT")
            fact = VisitFact(doc_id, anchor, leader=leader, destination=destination,
                             when=date_within(sentence, start, end))
            facts.append(fact)
            if sentence.section == "body":
                episode = Episode(fact, sentence.index)
            else:
                Episode(fact, sentence.index).add_sentence(sentence)
        if episode is not None and sentence.section == "body" and (
                anchors or about_group(sentence, episode.fact.leader)
                or mentions_any(sentence.lower, lexicon()["motion_verbs"]) and body_index[sentence.index] - body_index[episode.last] <= 2):
            if stays_in_time(episode, sentence):
                episode.add_sentence(sentence)
    return facts


def date_within(sentence: Sentence, start: int, end: int):
    """`İsmet Paşa'nın 1932 yılında gerçekleştirdiği Moskova ziyareti`: the
    date written inside the words that name a journey."""
    inside = [m for s, m in sentence.of("DATE") if start <= s.start_char and s.end_char <= end
              and "/" not in m.data.edtf and not m.data.edtf.startswith(("{", "["))]
    return inside[0] if inside else None


def other_group_words(sentence: Sentence, anchors) -> bool:
    """A group word that no new anchor owns: the sentence speaks of the group
    already travelling."""
    owned = {end for _, _, end, _ in anchors}
    return any(starts_with_any(turkish_lower(t.text), lexicon()["group_words"]) and t.idx + len(t.text) not in owned
               for t in sentence.span)


def stays_in_time(episode: Episode, sentence: Sentence) -> bool:
    """A sentence about 1881 (a biography) is not part of a journey of 1933."""
    if episode.current_date is None:
        return True
    dates = [m for _, m in sentence.of("DATE")]
    if not dates:
        return True
    before = episode.current_date.mention.data.earliest
    window = dt.timedelta(days=lexicon()["episode_window_days"] * 4)
    return any(abs(m.data.earliest - before) <= window for m in dates if m.data.earliest != dt.date.min)


# --------------------------------------------------------------------------- entry point

@dataclass
class Facts:
    treaties: list[TreatyFact]
    visits: list[VisitFact]
    extra_mentions: list  # places named inside treaty names (`Kars` of `Kars Antlaşması`)


def find_facts(doc_id: str, paragraphs) -> Facts:
    """paragraphs: (doc, section, [(span, mention)], make) in document order,
    where make(start_char, end_char, label) builds a Mention for words of
    that paragraph's doc."""
    all_sentences = sentences(paragraphs)
    treaties: list[TreatyFact] = []
    for sentence in all_sentences:
        treaties.extend(treaty_facts(sentence, doc_id))
    extra = [slot.mention for fact in treaties for slot in fact.signed_at if slot.mention not in
             {m for s in all_sentences for _, m in s.items}]
    return Facts(treaties, visit_facts(all_sentences, doc_id), extra)


# --------------------------------------------------------------------------- events

@dataclass(frozen=True)
class EventClaim:
    """One value of one slot of an event, as one source states it."""

    predicate: str  # a term of the hkg vocabulary: signedOn, signedAt, party, visitor...
    value: object  # an Entity, or a DATE Mention (its DateMatch gives the literal)
    evidence: tuple  # Mentions
    problem: str | None = None

    @property
    def doc_id(self) -> str:
        return self.evidence[0].doc_id


@dataclass
class Stop:
    order: int
    place: object  # Entity
    evidence: tuple
    date: EventClaim | None = None
    flagged: list[EventClaim] = field(default_factory=list)  # days the text states but cannot be right


@dataclass
class Event:
    kind: str  # Treaty | Visit
    label: str
    slug: str = ""
    entity: object = None  # the Treaty entity a treaty event describes
    evidence: list = field(default_factory=list)  # Mentions that name the event
    claims: list[EventClaim] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)

    def values(self, predicate: str) -> list:
        return [c.value for c in self.claims if c.predicate == predicate]

    def add(self, predicate: str, value, evidence: tuple, problem: str | None = None) -> None:
        if value is None:
            return
        for claim in self.claims:
            if claim.predicate == predicate and same_value(claim.value, value) and claim.doc_id == evidence[0].doc_id:
                return  # one claim per value and source
        self.claims.append(EventClaim(predicate, value, evidence, problem))


def same_value(a, b) -> bool:
    if hasattr(a, "data") and hasattr(b, "data") and hasattr(a.data, "edtf"):
        return a.data.edtf == b.data.edtf
    return a is b


def resolve_events(extractions, entities: list) -> list[Event]:
    """Treaty and visit events from every document's facts, their slots linked
    to entities. New treaties (named only by a phrase such as `bir dostluk
    antlaşması` with a date) and merged aliases change `entities` in place."""
    from .resolve import Entity, assign_slugs, finish  # resolve imports extract, which imports this module

    entity_of = {m: e for e in entities for m in e.mentions}
    treaty_facts = [f for x in extractions if x.facts for f in x.facts.treaties]
    merge_aliases(treaty_facts, entities, entity_of, finish)
    events = treaty_events(treaty_facts, entities, entity_of, Entity, finish)
    visit_facts_all = [f for x in extractions if x.facts for f in x.facts.visits]
    events += visit_events(visit_facts_all, entity_of)
    assign_slugs(entities)
    assign_event_slugs(events)
    return events


def merge_aliases(facts, entities: list, entity_of: dict, finish) -> None:
    """`Paris Paktı olarak da bilinen Briand-Kellog Paktı`: one treaty."""
    for fact in facts:
        if fact.alias_of is None:
            continue
        alias, target = entity_of.get(fact.phrase), entity_of.get(fact.alias_of)
        if alias is None or target is None or alias is target:
            continue
        target.mentions.extend(alias.mentions)
        for mention in alias.mentions:
            entity_of[mention] = target
        entities.remove(alias)
        finish(target)


def treaty_events(facts, entities: list, entity_of: dict, Entity, finish) -> list[Event]:
    by_entity: dict[int, Event] = {}
    named = [f for f in facts if f.named and entity_of.get(f.phrase) is not None]
    for fact in facts:
        treaty = entity_of.get(fact.phrase) if fact.named else link_generic(fact, named, entity_of)
        if treaty is None:
            if not (fact.signed_on or fact.party_names or len(fact.parties) + len(fact.signatories) >= 2):
                continue  # `anlaşma imzalamaları`: too little to tell which treaty
            treaty = new_treaty(fact, entity_of, Entity, finish)
            entities.append(treaty)
        event = by_entity.setdefault(id(treaty), Event("Treaty", treaty.label, entity=treaty))
        event.evidence.append(fact.phrase)
        for slot in fact.signed_on:
            event.add("signedOn", slot.mention, slot.evidence, slot.problem)
        for predicate, slots in (("signedAt", fact.signed_at), ("party", fact.parties), ("signatory", fact.signatories)):
            for slot in slots:
                event.add(predicate, entity_of.get(slot.mention), slot.evidence)
        for name in fact.party_names:
            event.add("party", state_named(name, entities), (fact.phrase,))
    return list(by_entity.values())


def state_named(name: str, entities: list):
    """The place or organization entity a state's name denotes, if the texts name it."""
    from .resolve import ascii_fold

    key = ascii_fold(name).lower()
    for entity in entities:
        if entity.kind in ("Place", "Organization") and key in {ascii_fold(n).lower() for n in (entity.label, *entity.alt_labels)}:
            return entity
    return None


def link_generic(fact, named: list, entity_of: dict):
    """The treaty a phrase such as `bir dostluk antlaşması` speaks of: the one
    just named (`bu pakt`), the one named after the place where it was signed
    (`Kars'ta`), or the one signed the same day."""
    if fact.refers_back:
        before = [f for f in named if f.doc_id == fact.doc_id and f.family == fact.family
                  and 0 < fact.phrase.start - f.phrase.start < 3000]
        return entity_of[before[-1].phrase] if before else None
    days = {s.mention.data.edtf for s in fact.signed_on if s.mention.data.precision == "day"}
    for other in named:
        if days & {s.mention.data.edtf for s in other.signed_on}:
            return entity_of[other.phrase]
    places = {id(entity_of.get(s.mention)) for s in fact.signed_at} - {id(None)}
    years = {s.mention.data.earliest.year for s in fact.signed_on}
    for other in named:
        names_place = [s for s in other.signed_at if s.evidence and s.evidence[0] is other.phrase]
        if any(id(entity_of.get(s.mention)) in places for s in names_place) and same_years(other, named, entity_of, years):
            return entity_of[other.phrase]
    return None


def same_years(treaty_fact, named: list, entity_of: dict, years: set) -> bool:
    """No date any source gives the named treaty is of another year."""
    treaty = entity_of[treaty_fact.phrase]
    known = {s.mention.data.earliest.year for f in named if entity_of[f.phrase] is treaty for s in f.signed_on}
    return not years or not known or bool(years & known)


def head_form(word: str) -> str:
    """The head word without its case suffix: `antlaşmasıyla` -> `antlaşması`,
    `ittifakına` -> `ittifakı`, `protokolde` -> `protokol`."""
    for noun in sorted(lexicon()["treaty_nouns"], key=len, reverse=True):
        if word.startswith(noun):
            rest = word[len(noun):]
            if rest[:2] in ("sı", "si", "su", "sü"):
                return noun + rest[:2]
            compound = rest[:1] in ("ı", "i", "u", "ü")  # `ittifakı`, `ittifakına` (-ı + -na), not `ittifakın`
            genitive = rest[:2] in ("ın", "in", "un", "ün") and rest[2:3] not in ("a", "e", "ı", "i")
            if compound and not genitive:
                return noun + rest[:1]
            return noun
    return word


def new_treaty(fact, entity_of: dict, Entity, finish):
    """A treaty the text names only by what it is and when it was signed."""
    words = [w for w in fact.phrase.text.split() if w not in ("bir", "yeni")]
    words[-1] = head_form(words[-1])
    if words[0][:1].isupper():  # `Gürcü-Azeri müdafaa ittifakı` names itself
        label = " ".join(words)
    else:
        sides = [entity_of[s.mention].label for s in fact.signed_at + fact.parties + fact.signatories
                 if s.mention in entity_of]
        when = [fact.signed_on[0].mention.data.edtf] if fact.signed_on else []
        label = f"{' '.join(words)} ({', '.join(dict.fromkeys(sides + when))})"
    return finish(Entity("Treaty", f"phrase:{fact.doc_id}:{fact.phrase.start}", [fact.phrase]), label=label)


def visit_events(facts: list[VisitFact], entity_of: dict) -> list[Event]:
    """One event per journey: facts with the same leader, a compatible
    destination and year are one journey told in several places."""
    groups: list[list[VisitFact]] = []
    vague = []  # `Bekir Sami Bey Heyeti`: a delegation, but not told where it goes
    for fact in facts:
        leader = entity_of.get(fact.leader)
        if leader is None:
            continue
        if not (fact.stops or fact.destination):
            vague.append(fact)
            continue
        for group in groups:
            if entity_of.get(group[0].leader) is leader and compatible(group, fact, entity_of):
                group.append(fact)
                break
        else:
            groups.append([fact])
    for fact in vague:
        same_leader = [g for g in groups if entity_of.get(g[0].leader) is entity_of[fact.leader]]
        if len(same_leader) == 1 and compatible(same_leader[0], fact, entity_of):
            same_leader[0].append(fact)
    return [visit_event(sorted(group, key=lambda f: (f.doc_id, f.anchor.start)), entity_of) for group in groups]


def fact_year(fact: VisitFact) -> int | None:
    days = [s.mention.data.earliest for s in fact.dates if not s.problem]
    return min(days).year if days else None


def compatible(group: list[VisitFact], fact: VisitFact, entity_of: dict) -> bool:
    years = {fact_year(f) for f in group} - {None}
    year = fact_year(fact)
    if year is not None and years and year not in years:
        return False
    places = {id(entity_of.get(f.destination)) for f in group if f.destination is not None}
    where = id(entity_of.get(fact.destination)) if fact.destination is not None else None
    return where is None or not places or where in places or year is not None and year in years


def visit_event(group: list[VisitFact], entity_of: dict) -> Event:
    leader = entity_of[group[0].leader]
    destination = main_destination(group, entity_of)
    event = Event("Visit", "")
    for fact in group:
        event.evidence.append(fact.anchor)
        event.add("leader", leader, (fact.leader,))
        event.add("visitor", entity_of.get(fact.leader), (fact.leader,))
        for person in fact.visitors:
            event.add("visitor", entity_of.get(person), (person,))
        if fact.origin is not None:
            event.add("origin", entity_of.get(fact.origin), (fact.origin,))
    if destination is not None:
        event.add("destination", entity_of.get(destination), (destination,))
    travellers = {id(v) for v in event.values("visitor")}
    for fact in group:
        for person in fact.hosts:
            host = entity_of.get(person)
            if host is not None and id(host) not in travellers:
                event.add("host", host, (person,))
    add_stops(event, group, entity_of)
    add_span(event, group)
    where = event.values("destination")
    year = min((c.value.data.earliest.year for c in event.claims if c.predicate == "startDate"), default=None)
    event.label = " ".join(part for part in (leader.label, "→", where[0].label if where else "", f"({year})" if year else "") if part)
    return event


def main_destination(group: list[VisitFact], entity_of: dict):
    """Where the journey goes: the place a sentence names as the goal of the
    visit (`Moskova ziyareti`), else the place the text sends the group to
    most often (the first of equals)."""
    named = [f.destination for f in group if f.destination is not None]
    if named:
        return named[0]
    datives = [m for f in group for m in f.datives if m in entity_of]
    counts = Counter(id(entity_of[m]) for m in datives)
    return max(datives, key=lambda m: counts[id(entity_of[m])], default=None)


def add_stops(event: Event, group: list[VisitFact], entity_of: dict) -> None:
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
            event.stops.append(Stop(len(event.stops) + 1, place, (stop.place,), date))
            kept.append(event.stops[-1])
        for index, slot in fact.flagged:
            if kept[index] is not None and not any(c.value.data.earliest == slot.mention.data.earliest
                                                   for c in kept[index].flagged):
                kept[index].flagged.append(EventClaim("date", slot.mention, slot.evidence, slot.problem))


def add_span(event: Event, group: list[VisitFact] = ()) -> None:
    """Start and end: the first and last day the itinerary states (days the
    text gets wrong are kept on their stop, flagged, and left out here); with
    no dated stop, the date in the words that name the journey starts it."""
    dated = [s.date for s in event.stops if s.date is not None and not s.date.problem]
    if not dated:
        when = next((f.when for f in group if f.when is not None), None)
        if when is not None:
            event.add("startDate", when, (when,))
        return
    first = min(dated, key=lambda c: c.value.data.earliest)
    last = max(dated, key=lambda c: c.value.data.latest)
    event.add("startDate", first.value, first.evidence)
    event.add("endDate", last.value, last.evidence)


def assign_event_slugs(events: list[Event]) -> None:
    from .resolve import slugify

    seen: dict[str, int] = {}
    for event in sorted((e for e in events if e.kind == "Visit"), key=lambda e: (e.label, e.evidence[0].doc_id, e.evidence[0].start)):
        base = slugify(event.label)
        seen[base] = seen.get(base, 0) + 1
        event.slug = base if seen[base] == 1 else f"{base}-{seen[base]}"
