"""Sentences of a parsed document, and what Turkish case suffixes say of the
names in them.

Turkish is verb-final and marks roles with case suffixes, so the event rules
(`treaties`, `visits`) read the suffix after a name (`Kars'ta` where,
`Ankara'ya` whither, `Sivastopol'dan` whence, `Çiçerin ile … arasında`
between). Every word list lives in ontology/lexicon/events.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from spacy.tokens import Doc, Span

from histkg.language.lexicon import event_lexicon, load_lexicon, turkish_lower
from histkg.mentions.tokens import APOSTROPHES, followed_by_suffix, is_suffix, lowered_texts, span_text, token_texts


def starts_with_any(word: str, stems) -> bool:
    return word.startswith(tuple(stems))  # str.startswith tries a tuple's prefixes in C


def mentions_any(text: str, stems) -> bool:
    """A stem (one or two words) at the start of a word of `text` (lower case)."""
    stems = tuple(stems)
    return bool(stems) and stems_regex(stems).search(text) is not None


@cache
def stems_regex(stems: tuple[str, ...]) -> re.Pattern[str]:
    """All the stems as one compiled alternation: a regex per stem, built for
    every sentence, was the largest cost of the facts stage. A look-ahead of
    the stems' first letters opens it, so that the engine skips to them
    rather than trying the look-behind at every character."""
    firsts = "".join(sorted({re.escape(stem[0]) for stem in stems if stem}))
    ahead = f"(?=[{firsts}])" if stems and all(stems) else ""
    return re.compile(ahead + r"(?<![^\W\d_])(?:" + "|".join(re.escape(stem) for stem in stems) + ")")


# --------------------------------------------------------------------------- facts

@dataclass(frozen=True)
class Slot:
    """One value a sentence states: the mention that names it and the
    passages cited for it (the mention itself, and a date's own words)."""

    mention: object  # extract.Mention
    evidence: tuple = ()
    problem: str | None = None
    inference: str | None = None  # how a value the passage does not state was drawn from the context





@dataclass
class Sentence:
    """A sentence of a parsed paragraph with the mentions found in it."""

    doc: Doc
    span: Span
    section: str
    items: list  # (Span, Mention) in text order
    make: object  # extract.MentionMaker: (start_char, end_char, label) -> Mention for words of this paragraph
    index: int = 0  # position in the document (body and footnotes alike)
    paragraph: int = 0

    @cached_property
    def lower(self) -> str:  # read by many rules of every sentence
        return turkish_lower(span_text(self.span))

    @cached_property
    def lowered(self) -> list[str]:
        """Each word in Turkish lower case: word i of the doc is lowered[i - span.start]."""
        return lowered_texts(self.doc)[self.span.start:self.span.end]

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
    lowered = lowered_texts(doc)
    if end < len(doc) and not is_suffix(doc[end]) and starts_with_any(lowered[end], event_lexicon()["place_heads"]):
        glued = head_case(lowered[end])
        if glued is not None:
            return glued  # `Mondros limanına`, `Haydarpaşa istasyonunda`: the head's own ending
        end += 1
    if end >= len(doc):
        return "nominative"
    suffix = followed_by_suffix(doc, end)  # after an apostrophe, or glued on (`Ankara` `ya`)
    if suffix is not None:
        return ending_case(turkish_lower(suffix)) or "other"
    if lowered[end] in ("ile", "ilе"):
        return "instrumental"
    return honorific_case(token_texts(doc)[end]) or "nominative"


def head_case(word: str) -> str | None:
    """`limanına`, `istasyonunda`: the case a place head noun carries glued on
    after its possessive ending (`liman` + `ı` + `na`)."""
    head = next((h for h in event_lexicon()["place_heads"] if word.startswith(h)), None)
    ending = re.match(r"s?[ıiuü](n?[a-zçğıöşü]+)$", word[len(head):]) if head else None
    return ending_case(ending.group(1)) if ending else None


@cache
def case_endings() -> dict[str, str]:
    """Each case ending of `events.json` and its case (`da` -> locative)."""
    endings: dict[str, str] = {}
    for case, forms in event_lexicon()["case_suffixes"].items():
        for form in forms:
            endings.setdefault(form, case)
    return endings


def ending_case(ending: str) -> str | None:
    """The case a suffix (lower case, no apostrophe) marks, if it is a case ending."""
    return case_endings().get(ending)


@cache
def honorifics_longest_first() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon("names.json")["honorifics_after"], key=len, reverse=True))


@lru_cache(maxsize=1 << 16)  # case_after asks it of the word after every name
def honorific_case(word: str) -> str | None:
    """`Tevfik Rüştü Beyin`, `İsmet Paşaya`: the old orthography glues the
    name's case on the honorific after it; the case of that ending."""
    for honorific in honorifics_longest_first():
        if word.startswith(honorific) and len(word) > len(honorific):
            return ending_case(turkish_lower(word[len(honorific):]))
    return None


def opening_word(sentence: Sentence, start: int, opens) -> tuple[str, int] | None:
    """The last of the four words before `start` that `opens` accepts and after
    which every word is capitalised (`Afgan` of `Afgan Hariciye Nazırı X`),
    with the number of words after it."""
    words = [t.text for t in sentence.doc[max(sentence.span.start, start - 4):start]]
    opening = [i for i, w in enumerate(words) if opens(w) and all(x[:1].isupper() for x in words[i:])]
    return (words[opening[-1]], len(words) - opening[-1] - 1) if opening else None


NOUN_DATE_SUFFIXES = ("daki", "deki", "taki", "teki")  # `11 Şubat'taki başkaldırı`: the date of the noun after it
NOUN_DATE_WORDS = ("tarihli", "tarihlı")


@cache
def dated_nouns() -> tuple[str, ...]:
    return tuple(load_lexicon("frames.json")["dated_nouns"]["words"] + event_lexicon()["treaty_nouns"])


def dates_a_noun(doc: Doc, end: int, text: str) -> bool:
    """A date (its words `text`, ending at token `end`) that modifies the noun
    after it (`11 Şubat'taki başkaldırısı`, `1920 tarihli nota`) dates that
    noun's event, not the verb's."""
    if end < len(doc) and is_suffix(doc[end]):
        return turkish_lower(doc[end].text[1:]).endswith(NOUN_DATE_SUFFIXES)
    following, lower = (turkish_lower(doc[end].text) if end < len(doc) else ""), turkish_lower(text)
    if lower.endswith(NOUN_DATE_WORDS + NOUN_DATE_SUFFIXES) or following in NOUN_DATE_WORDS:
        return True
    # `1925 antlaşması`: a date with no case ending and no `yılında` before an event's noun is that noun's
    bare = not any(a in text for a in APOSTROPHES) and not lower.endswith(tuple(event_lexicon()["date_links"]))
    return bare and following.startswith(dated_nouns())


# a possessed noun in an oblique case (`kararından`, `teklifine`); not the accusative, which may be the
# verb's own object (`Paşa'nın askerlerini göndermesi`: the Paşa sent them)
POSSESSED_OBLIQUE = re.compile(r"s?[ıiuü](?:n[ıiuü]n|n?[dt][ae]n?|n?[ae]|yl[ae])$")  # `naaşıyla`: the instrumental too


def owned_noun_follows(doc: Doc, i: int, stop: int) -> bool:
    """`Milletler Cemiyeti'nin Musul kararından … imzalanması`: from token `i`
    (after a genitive), past names and their suffixes, comes a lowercase noun
    with a possessive and an oblique case before `stop` (no place's head noun):
    the genitive owns that noun, and is no subject of a verb further on."""
    while i < stop and (doc[i].text[:1].isupper() or is_suffix(doc[i])):
        i += 1
    word = doc[i].text if i < stop else ""
    # `Tugayın İskenderun limanından … hareketi`: a place's head noun is the name's, not the genitive's
    return word.islower() and word.isalpha() and len(word) > 4 and bool(POSSESSED_OBLIQUE.search(word)) \
        and head_case(word) is None


def next_words(doc: Doc, end: int, count: int = 3) -> list[str]:
    words = [turkish_lower(t.text) for t in doc[end:end + count + 2] if not is_suffix(t) and t.is_alpha]
    return words[:count]
