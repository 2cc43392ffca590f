"""Treaties: what a sentence says of a treaty it names (`3 Aralık 1920 Gümrü
Antlaşması'nı imzalamak`) or describes (`13 Ekim 1921 yılında Kars'ta bir
dostluk antlaşması`): its date, place, sides and signatories (`TreatyFact`).

The words before a treaty's name carry its slots, since Turkish puts
modifiers before the head and the verb last; a treaty that opens the sentence
is its subject, dated by the words before the signing verb. `Bu antlaşma`
speaks of the treaty mentioned just before (`with_antecedents`). A passive
signing with one side (`X ile … imza edildi`) leaves out the state the
document is about (`omitted_side`); the states a sentence names as sides are
read in `treaty_parties`. Values drawn from the context, not stated, say so
(hkg:inference).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from histkg.facts.sentences import NOUN_DATE_WORDS, Sentence, Slot, case_after, mentions_any, next_words, starts_with_any
from histkg.facts.treaty_parties import (
    demonym_states,
    document_state,
    genitive_subject,
    is_party,
    made_by,
    named_states,
    passive_signing,
    state_counts,
    state_key,
    state_mentions,
    state_parties,
    subject_state,
)
from histkg.language.gazetteer import Gazetteer, is_city, is_country
from histkg.language.lexicon import event_lexicon, load_lexicon, turkish_lower
from histkg.mentions.tokens import is_suffix, name_part, token_texts


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
    refers_back: str = ""  # `bu`, `aynı`, `söz konusu` (`bu pakt`): the words that point back to a treaty
    alias_of: object = None  # `Paris Paktı olarak da bilinen Briand-Kellog Paktı`: that mention
    sentence: int = 0  # the sentence's position in the document
    paragraph: int = 0
    antecedent: object = None  # `Bu antlaşma`: the phrase of the treaty the text mentioned just before
    implied_parties: tuple[Slot, ...] = ()  # the side a passive signing leaves out (`X ile … imza edildi`)
    # `Kars` of `Kars Antlaşması`: the city the treaty is named after, a word of the treaty's
    # name rather than a mention of the place (evidence only where the texts name the city nowhere else)
    name_place: object = None


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
    lex = event_lexicon()
    modifiers = set(load_lexicon("treaties.json")["modifiers"]) - {"ile", "arasında", "arasındaki"} | {"geçici", "yeni"}
    named = {i for span, _ in sentence.of("TREATY") for i in range(span.start, span.end)}
    found = []
    texts = token_texts(sentence.doc)
    for i in range(sentence.span.start, sentence.span.end):
        word = texts[i]
        if i in named or not word.islower() or not starts_with_any(word, lex["treaty_nouns"]) \
                or starts_with_any(word, lex["not_treaty_words"]):
            continue
        start = i
        while start > sentence.span.start and texts[start - 1] in modifiers and start - 1 not in named:
            start -= 1
        found.append((nationality_start(sentence, start), i + 1, word))
    return found


def nationality_start(sentence: Sentence, start: int) -> int:
    """`Gürcü-Azeri müdafaa ittifakı`, `İran-Irak sınır antlaşması`: nationality
    words or country names joined by a hyphen (and up to two lower-case words
    after them) open the phrase; it then names the treaty."""
    doc = sentence.doc
    for back in range(0, 3):
        first = start - back
        if first - 1 < sentence.span.start or any(not doc[i].text.islower() for i in range(first, start)):
            break
        i = first
        while i - 1 >= sentence.span.start and (is_nation(doc[i - 1].text) or doc[i - 1].text in ("-", "–")):
            i -= 1
        bilateral = any(doc[k].text in ("-", "–") for k in range(i, first))  # `Türk-Rus`, not `Türk diplomasisi`
        if i < first and bilateral and is_nation(doc[i].text) and is_nation(doc[first - 1].text):
            return i
    return start


def is_nation(word: str) -> bool:
    """`Türk`, `Sovyet` (a nationality word of the lexicon) or `İran` (a country's name)."""
    return word in event_lexicon()["demonyms"] or is_country(word)


def between_parties(sentence: Sentence, start: int) -> bool:
    """`Le Grand ve Dro arasındaki anlaşma`: an agreement between named sides."""
    return start > sentence.span.start and turkish_lower(sentence.doc[start - 1].text).startswith("arasında")


def sides_start(sentence: Sentence, start: int) -> int:
    """`Le Grand ve Dro arasındaki anlaşma`: the names before `arasındaki`
    belong to the phrase, which then describes the treaty by its sides."""
    doc = sentence.doc
    if start - 1 <= sentence.span.start or turkish_lower(doc[start - 1].text) != "arasındaki":
        return start
    first = start - 1
    while first - 1 >= sentence.span.start and (name_part(doc[first - 1]) or doc[first - 1].text in ("ve", "ile")):
        first -= 1
    joined = any(doc[i].text in ("ve", "ile") for i in range(first, start - 1))
    return first if joined and name_part(doc[first]) and name_part(doc[start - 2]) else start


def signing_after(sentence: Sentence, end: int) -> bool:
    """A signing verb follows (Turkish puts the verb last) and the words right
    after the name do not say it was announced, ratified or negotiated."""
    lex = event_lexicon()
    after = [turkish_lower(t.text) for t in sentence.doc[end:sentence.span.end] if t.is_alpha]
    if after[:2] and any(starts_with_any(w, lex["not_signing_words"]) for w in after[:2]):
        return False
    return any(starts_with_any(w, lex["signing_verbs"]) for w in after)


def made_before(sentence: Sentence, lo: int, start: int) -> bool:
    """`Yunanistan ile yapılan (3 Nisan 1926 tarihli) antlaşma`: a participle
    of making or signing right before the treaty (a date, `tarihli` or
    `bir` may stand between) says it was made."""
    lex = load_lexicon("treaties.json")
    dated = {i for s, _ in sentence.of("DATE") for i in range(s.start, s.end)}
    skip = set(event_lexicon()["date_links"]) | set(lex["modifiers"]) - {"ile", "arasında", "arasındaki"} | {"bir", "yeni"}
    i = start - 1
    while i >= lo and (i in dated or is_suffix(sentence.doc[i]) or turkish_lower(sentence.doc[i].text) in skip):
        i -= 1
    return i >= lo and turkish_lower(sentence.doc[i].text) in lex["made_participles"]


def attached_date(sentence: Sentence, start: int, dates: list) -> tuple | None:
    """A date written right before the name: `1921 tarihli Moskova Antlaşması`,
    `3 Aralık 1920 Gümrü Antlaşması`."""
    lex = event_lexicon()
    for span, mention in reversed(dates):
        if span.end > start:
            continue
        between = [turkish_lower(t.text) for t in sentence.doc[span.end:start] if not is_suffix(t)]
        if all(w in lex["date_links"] or w in ("bir", "yeni", "de", "da") for w in between) and len(between) <= 2:
            return span, mention
        return None
    return None


def named_by_its_date(sentence: Sentence, start: int) -> bool:
    """`1929 protokolü`, `1930 tarihli anlaşma`, `1930 tarihli X Antlaşması'nın
    yerine`: a date right before a treaty noun names the treaty made then,
    whatever the sentence tells of it afterwards."""
    before = [(s, m) for s, m in sentence.items if s.end <= start]
    attached = attached_date(sentence, start, point_dates(before))
    if attached is None or any(not is_suffix(t) for t in sentence.doc[attached[0].end:start]):
        return False
    last = turkish_lower(sentence.doc[attached[0].end - 1].text)
    return last.isdigit() or last in NOUN_DATE_WORDS  # not `1955'te pakta`: a date of the clause


def treaty_facts(all_sentences: list[Sentence], doc_id: str) -> list[TreatyFact]:
    """What a document's sentences say of treaties: each fact of each
    sentence, `Bu antlaşma` linked to the treaty mentioned just before; a
    fact too thin to tell its treaty is dropped unless another refers to it."""
    counts = state_counts(all_sentences)  # read once: untagged_countries tries every word of every sentence
    about = document_state(counts)
    home = None if about else home_state_named(named_states(all_sentences, counts))
    found = with_antecedents([(s, f) for s in all_sentences for f in sentence_treaty_facts(s, doc_id, about, home)])
    referred = {f.antecedent for f in found if f.antecedent is not None}
    place_names = {m.text for s in all_sentences for _, m in s.of("PLACE")}  # read once for every fact
    return [named_after_a_place(f, all_sentences, place_names) for f in found if telling(f) or f.phrase in referred]


def same_day_as_before(facts: list[TreatyFact], all_sentences: list[Sentence]) -> list[TreatyFact]:
    """`… Mukavelenamesi de aynı gün imza olunmuştur`: a treaty signed the
    same day as the one told before, with no place of its own, was signed
    where that one was; `iki memleketin` (the two countries) are its parties."""
    return [like_the_one_before(fact, facts, all_sentences) for fact in facts]


def like_the_one_before(fact: TreatyFact, facts: list[TreatyFact], all_sentences: list[Sentence]) -> TreatyFact:
    lex = event_lexicon()
    same = {s.mention.data.edtf for s in fact.signed_on
            if starts_with_any(turkish_lower(s.mention.text), lex["same_day_words"])}
    if not same or fact.signed_at:
        return fact
    before = [f for f in facts if f.signed_at and f.sentence < fact.sentence
              and any(b.mention.data.edtf in same for b in f.signed_on)]
    if not before:
        return fact
    why = f"signed the same day as {before[-1].phrase.text}, where that was signed"
    fact = replace(fact, signed_at=tuple(replace(slot, inference=why) for slot in before[-1].signed_at))
    if not fact.parties and mentions_any(all_sentences[fact.sentence].lower, lex["both_sides_words"]):
        why = f"the two countries of {before[-1].phrase.text}"
        fact = replace(fact, parties=tuple(replace(slot, inference=why) for slot in before[-1].parties))
    return fact


def named_after_a_place(fact: TreatyFact, all_sentences: list[Sentence], place_names: set[str]) -> TreatyFact:
    """`Mondros Mütarekesi`, where the document names Mondros as a place
    (`Mondros limanına`) though the gazetteer lacks it: the treaty is named
    after the town where it was signed, as `Kars Antlaşması` is."""
    if not fact.named or fact.name_place is not None:
        return fact
    sentence = all_sentences[fact.sentence]
    span = next((s for s, m in sentence.items if m is fact.phrase), None)
    if span is None:
        return fact
    first = sentence.doc[span.start]
    if first.text not in place_names or is_country(first.text) or Gazetteer.load().lookup(first.text):
        return fact  # a state, or a place the gazetteer knows (and `is_city` judged), names no town here
    return replace(fact, name_place=sentence.make(first.idx, first.idx + len(first.text), "PLACE"))


def telling(fact: TreatyFact) -> bool:
    """Enough to tell which treaty a fact speaks of (`anlaşma imzalamaları` is not)."""
    return bool(fact.named or fact.refers_back) or says_enough(fact)


def says_enough(fact: TreatyFact) -> bool:
    """A date or two sides: enough to make a treaty of a phrase that names none."""
    return bool(fact.signed_on or fact.party_names or len(fact.parties) + len(fact.signatories) >= 2)


def sentence_treaty_facts(sentence: Sentence, doc_id: str, about: str | None = None,
                          home: HomeState | None = None) -> list[TreatyFact]:
    """What the sentence says of each treaty it names or refers to. Slots come
    from the words between the previous treaty and this one (modifiers come
    before the head in Turkish). `about`: the gazetteer key of the state the
    document is about, the side a passive signing leaves out; `home`: the
    states the corpus speaks for, where no state stands out."""
    phrases = [(s.start, s.end, m, True) for s, m in sentence.of("TREATY")]
    for start, end, head in generic_treaty_phrases(sentence):
        if signing_after(sentence, end) or made_before(sentence, sentence.span.start, start) \
                or between_parties(sentence, start) or sentence.doc[start].text[:1].isupper() \
                or named_by_its_date(sentence, start):
            words = sentence.doc[sides_start(sentence, start):end]
            phrases.append((start, end, sentence.make(words.start_char, words.end_char, "TREATY"), False))
    phrases.sort(key=lambda p: p[0])
    facts, previous_end = [], sentence.span.start
    for start, end, mention, named in phrases:
        fact = one_treaty_fact(sentence, doc_id, start, end, mention, named, previous_end)
        if not fact.signed_on and opens_sentence(sentence, start):
            fact = replace(fact, signed_on=subject_date(sentence, end, [p[0] for p in phrases]))
        limit = min((p[0] for p in phrases if p[0] >= end), default=sentence.span.end)
        agents = [m for m in made_by(sentence, end, limit) if m not in {slot.mention for slot in fact.parties}]
        fact = replace(fact, parties=fact.parties + tuple(Slot(m, (m,)) for m in agents),
                       sentence=sentence.index, paragraph=sentence.paragraph)
        own_side = about or (home.on(fact) if home else None)
        facts.append(replace(fact, implied_parties=omitted_side(sentence, start, end, fact, own_side)))
        previous_end = end
    return facts


def one_treaty_fact(sentence, doc_id, start, end, mention, named, previous_end) -> TreatyFact:
    segment = [(s, m) for s, m in sentence.items if previous_end <= s.start and s.end <= start]
    dates = point_dates(segment)
    signed = signing_after(sentence, end)
    made = made_before(sentence, previous_end, start)
    signing = signed or made or between_parties(sentence, start)  # sides are named either way; a date only when signed
    signed_on = []
    attached = attached_date(sentence, start, dates)
    if attached and (signed or made or named_by_its_date(sentence, start) or not_other_event(sentence, end)):
        signed_on.append(attached[1])
    elif signed and dates:
        signed_on.append(dates[-1][1])
    places = [m for s, m in segment if s.label_ == "PLACE" and signing
              and case_after(sentence.doc, s.end) == "locative" and is_city(m.text)]
    parties = [m for s, m in segment if signing and s.label_ in ("ORG", "PLACE") and m not in places
               and (is_party(sentence.doc, s) or subject_state(sentence.doc, s, m) or genitive_subject(sentence, s, m, end))]
    if signing:
        parties += [m for m in state_parties(sentence, previous_end, start) if m not in parties]
    signatories = [m for s, m in segment if signing and s.label_ == "PERSON" and is_party(sentence.doc, s)]
    family = treaty_family(sentence.doc[end - 1].text)
    first = sentence.doc[start]
    refers_back = "" if named else demonstrative_before(sentence, start) or ""
    alias = alias_target(sentence, end) if named else None
    return TreatyFact(doc_id, mention, named, family,
                      signed_on=tuple(Slot(m, (m,)) for m in signed_on),
                      signed_at=tuple(Slot(m, (m,)) for m in places),
                      parties=tuple(Slot(m, (m,)) for m in parties),
                      signatories=tuple(Slot(m, (m,)) for m in signatories),
                      party_names=demonym_states(sentence.doc, start, end, named),
                      refers_back=refers_back, alias_of=alias,
                      name_place=sentence.make(first.idx, first.idx + len(first.text), "PLACE")
                      if named and is_city(first.text) else None)


def point_dates(items) -> list:
    """The dates among (span, mention) pairs that name one day, month or year (no span of time)."""
    return [(s, m) for s, m in items if s.label_ == "DATE" and m.data.precision in ("day", "month", "year")
            and "/" not in m.data.edtf and not m.data.edtf.startswith(("{", "["))]


def demonstrative_before(sentence: Sentence, start: int) -> str | None:
    """`bu antlaşma`, `aynı pakt`, `söz konusu anlaşma`: the words that point
    back to a treaty the text mentioned before, if they stand before `start`."""
    words = [turkish_lower(t.text) for t in sentence.doc[max(sentence.span.start, start - 2):start]]
    if words[-1:] and words[-1] in ("bu", "aynı"):
        return sentence.doc[start - 1].text
    return "söz konusu" if words == ["söz", "konusu"] else None


def opens_sentence(sentence: Sentence, start: int) -> bool:
    """The treaty is the sentence's first words (after `Bu`): Turkish puts the
    subject first, so the signing verb at the end is said of it."""
    first = sentence.span.start
    return start == first or start - 1 == first and demonstrative_before(sentence, start) is not None


def subject_date(sentence: Sentence, end: int, phrase_starts: list[int]) -> tuple:
    """`Bu anlaşma X ile yapılan ticaret anlaşmasıyla aynı gün (16 Mart)
    imzalanmış`: the last date between the subject and the signing verb,
    unless it is written before another treaty's name (then it is that one's)."""
    verbs = [t.i for t in sentence.doc[end:sentence.span.end] if starts_with_any(turkish_lower(t.text), event_lexicon()["signing_verbs"])]
    if not verbs or not signing_after(sentence, end):
        return ()
    dates = [(s, m) for s, m in point_dates(sentence.items) if end <= s.start and s.end <= verbs[0]]
    own = [m for s, m in dates if not any(attached_date(sentence, p, [(s, m)]) for p in phrase_starts if p >= s.end)]
    return (Slot(own[-1], (own[-1],)),) if own else ()


def not_other_event(sentence: Sentence, end: int) -> bool:
    return not any(starts_with_any(w, event_lexicon()["not_signing_words"]) for w in next_words(sentence.doc, end, 2))


def alias_target(sentence: Sentence, end: int):
    """`Paris Paktı olarak da bilinen Briand-Kellog Paktı`: the second name."""
    words = next_words(sentence.doc, end, 3)
    if words[:1] == ["olarak"] and any(w.startswith(("bilinen", "anılan", "adlandırılan")) for w in words):
        later = [m for s, m in sentence.of("TREATY") if s.start >= end]
        return later[0] if later else None
    return None


def with_antecedents(found: list[tuple[Sentence, TreatyFact]]) -> list[TreatyFact]:
    """`Bu antlaşma` (singular) speaks of the nearest singular treaty of its
    kind that the text mentioned in the same sentence or the two before it,
    in the same part of the text (a footnote is a text of its own)."""
    facts = []
    for i, (sentence, fact) in enumerate(found):
        if fact.refers_back and not plural(fact.phrase.text):
            nearest = nearest_before(found, i)
            if nearest is not None:  # a `bu` that points at another `bu` speaks of what that one does
                fact = replace(fact, antecedent=facts[nearest].antecedent or facts[nearest].phrase)
        facts.append(fact)
    return facts


POINTS_BACK_SENTENCES = 2  # `bu` points at most this many sentences back


def nearest_before(found: list[tuple[Sentence, TreatyFact]], i: int) -> int | None:
    """The position of the nearest fact before found[i] of its kind, singular, in the same stretch of text."""
    sentence, fact = found[i]
    for j in range(i - 1, -1, -1):
        earlier, candidate = found[j]
        if sentence.index - earlier.index > POINTS_BACK_SENTENCES:
            return None  # the facts are in text order: the rest lie further back still
        if candidate.family == fact.family and not plural(candidate.phrase.text) and same_stretch(earlier, sentence):
            return j
    return None


def same_stretch(earlier: Sentence, later: Sentence) -> bool:
    """Two sentences close enough for `bu` to point from one to the other."""
    return earlier.section == later.section and later.index - earlier.index <= POINTS_BACK_SENTENCES \
        and (earlier.section != "footnote" or earlier.paragraph == later.paragraph)


def plural(phrase: str) -> bool:
    """`antlaşmaların`, `Antlaşmaları`: the head noun takes -lar/-ler."""
    word = turkish_lower(phrase.split()[-1])
    return any(word.startswith(noun) and word[len(noun):].startswith(("lar", "ler")) for noun in event_lexicon()["treaty_nouns"])


def omitted_side(sentence: Sentence, start: int, end: int, fact: TreatyFact, about: str | None) -> tuple:
    """`üç Kafkas Cumhuriyeti ile de … Kars'ta bir dostluk antlaşması … imza
    edildi`: a passive signing names one side, with `ile`; the side that
    signed with it, the sentence leaves out, is the state the document is
    about, else the state the corpus speaks for on the day it was signed,
    where the document names it (`İran ile … Tahran'da … imzalandı` in a
    Turkish text: `HomeState`). The slot's mention is the treaty's words,
    standing for that state."""
    if about is None or len(fact.parties) != 1 or fact.party_names or fact.signatories:
        return ()
    if not (passive_signing(sentence, end) or made_before(sentence, sentence.span.start, start)):
        return ()
    side = fact.parties[0].mention
    spans = [s for s, m in state_mentions(sentence) if m == side]
    if not spans or case_after(sentence.doc, spans[0].end) != "instrumental" or about in (side.data, state_key(side.text)):
        return ()
    return (Slot(replace(fact.phrase, label="PLACE", data=about), (fact.phrase, side)),)


@dataclass(frozen=True)
class HomeState:
    """The states the corpus speaks for (events.json `home_states`, the latest
    first) that a document names: its own side, left out of a passive signing,
    where no state stands out in the document."""

    named: tuple  # (since, state) pairs whose state the document names

    def on(self, fact: TreatyFact) -> str | None:
        """The one of them on the day the treaty was signed: a gazetteer key,
        or the name of a state the gazetteer lacks (`Osmanlı Devleti`)."""
        days = [slot.mention.data.earliest for slot in fact.signed_on if slot.mention.data.precision == "day"]
        for since, state in event_lexicon()["home_states"] if days else ():
            if since is None or days[0].isoformat() >= since:
                return (Gazetteer.load().lookup(state) or state) if (since, state) in self.named else None
        return None


def home_state_named(named: set[str]) -> HomeState | None:
    found = tuple((since, state) for since, state in event_lexicon()["home_states"]
                  if (Gazetteer.load().lookup(state) or turkish_lower(state)) in named)
    return HomeState(found) if found else None
