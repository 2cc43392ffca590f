"""What every detector reads of a token: case suffixes, capitals, name parts; candidates and their priority."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from histkg.language.gazetteer import Gazetteer
from histkg.language.lexicon import load_lexicon, load_word_list, turkish_lower

CANDIDATES = "candidates"


ENTITY_DATA = "entity_data"


APOSTROPHES = "'’‘`´"


# Labels in the order they win a tie between spans of equal length.
PRIORITY = {"TREATY": 5, "DATE": 4, "PERSON": 3, "ORG": 2, "PLACE": 1}



@dataclass(frozen=True)
class Candidate:
    """A span some rule proposes; `strength` ranks clues (3: honorific, title or
    head word; 2: gazetteer or several clues; 1: one weak clue)."""

    start: int  # token offsets in the paragraph doc
    end: int
    label: str
    strength: int
    data: object = None  # a DateMatch for dates, a gazetteer key for places


T = TypeVar("T")

GLUED_NOTE_MARK = re.compile(r"[.,;:]\d{1,3}$")  # `imzalandı.5`: a footnote mark OCR glued to the word before


def kept(doc: Doc, key: str, make: Callable[[Doc], T]) -> T:
    """What `make` reads of the paragraph, made once and kept in its user
    data: the rules read each word many times, and spaCy makes a Token (and
    decodes its text) at each `doc[i]`, joins every token at each `doc.text`."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = make(doc)
    return found


def doc_text(doc: Doc) -> str:
    """The paragraph's text."""
    return kept(doc, "text", _doc_text)


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, by index."""
    return kept(doc, "token_texts", _token_texts)


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token in the paragraph, by index."""
    return kept(doc, "token_starts", _token_starts)


def lowered_texts(doc: Doc) -> list[str]:
    """`token_texts` in Turkish lower case."""
    return kept(doc, "lowered_texts", _lowered_texts)


def _doc_text(doc: Doc) -> str:
    return doc.text


def _token_texts(doc: Doc) -> list[str]:
    return [token.text for token in doc]


def _token_starts(doc: Doc) -> list[int]:
    return [token.idx for token in doc]


def _lowered_texts(doc: Doc) -> list[str]:
    return [turkish_lower(text) for text in token_texts(doc)]


def span_text(span: Span) -> str:
    """`span.text`, cut from the paragraph's text (`doc_text`): spaCy joins
    the span's tokens anew each time. A token's trailing whitespace is one
    space or none, so the two are the same string."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def is_suffix(token: Token) -> bool:
    """A case suffix split off by the apostrophe rule: `'un`, `’da`."""
    return is_suffix_word(token.text)  # read once: spaCy looks a token's text up anew on each read


def is_suffix_word(text: str) -> bool:
    return len(text) > 1 and text[0] in APOSTROPHES and text[1:].isalpha()


def is_capitalised(token: Token) -> bool:
    return capitalised(token.text)


@lru_cache(maxsize=1 << 16)  # asked of every token by several rules
def capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def followed_by_suffix(doc: Doc, end: int) -> str | None:
    """The case suffix right after a span, without its apostrophe (glued on
    or after one: `Ankara` `dan`, `Ankara` `'dan`)."""
    if end >= len(doc):
        return None
    texts = token_texts(doc)
    word = texts[end]
    if is_suffix_word(word):
        return word[1:].lower()
    # the word first: most words are no case ending, and the one before need not be read
    if end > 0 and word in case_suffixes() and not doc[end - 1].whitespace_ and capitalised(texts[end - 1]):
        return word
    return None


@cache
def case_suffixes() -> frozenset[str]:
    """Every case ending of `events.json` (`da`, `dan`, `ya`, `nın`, ...)."""
    return frozenset(s for group in load_lexicon("events.json")["case_suffixes"].values() for s in group)


BACK_VOWELS, FRONT_VOWELS = set("aıouâû"), set("eiöüî")


@cache
def glued_suffixes() -> frozenset[str]:
    """The case endings split off a place without an apostrophe: where to,
    where, where from (`Lozana`, `Ankarada`, `Tahrandan`) and the genitive
    after a vowel (`Ankaranın`). The accusative and the short genitive end
    too many names (`Kamenski` is no `Kamensk` + `i`, `Lenin` no `Len` + `in`)."""
    cases = load_lexicon("events.json")["case_suffixes"]
    return frozenset(cases["dative"] + cases["locative"] + cases["ablative"]
                     + [s for s in cases["genitive"] if s.startswith("n")])


@lru_cache(maxsize=1 << 16)  # the tokenizer asks it of each new word, more than once
def glued_case_suffix(word: str) -> int:
    """Length of a case suffix glued without an apostrophe to a place the
    gazetteer knows well (`Ankaradan`, `Lozana`, `İstanbulda`): its vowel
    agrees with the stem's last vowel, and a stem ending in a vowel takes
    the buffer letter (`Ankaraya`, not `Ankaraa`). 0 when there is none, and
    for a word the gazetteer knows whole (`Almanya`, `Rusya`, `Bergama`)."""
    if not word[:1].isupper() or not word.isalpha() or known_place(word) and not inflected_alias(word) \
            or main_name(word):
        return 0
    for suffix in sorted(glued_suffixes(), key=len, reverse=True):
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and harmonious(stem, suffix) and known_place(stem):
            return len(suffix)
    return 0


@cache
def main_name(word: str) -> bool:
    """A place's own name in GeoNames, however small the place (`Bergama`, not `Bergam` + `a`)."""
    gazetteer = Gazetteer.load()
    return gazetteer.lookup(word) is not None and not gazetteer.is_alias(word)


@cache
def inflected_alias(word: str) -> bool:
    """`Trabzona`, `Samsuna`: GeoNames lists a city's inflected forms among its
    alternate names; the word is the city's name with a case ending all the
    same (not `Moskova`, whose name is no `Moskov`; not `Berna`, a given name)."""
    gazetteer = Gazetteer.load()
    key = gazetteer.lookup(word)
    return gazetteer.is_alias(word) and word not in load_word_list("given-names.txt") and any(gazetteer.info(key).label == word[:-len(s)] for s in glued_suffixes()
                                            if word.endswith(s))


def harmonious(stem: str, suffix: str) -> bool:
    vowels = [ch for ch in turkish_lower(stem) if ch in BACK_VOWELS | FRONT_VOWELS]
    suffix_vowels = [ch for ch in suffix if ch in BACK_VOWELS | FRONT_VOWELS]
    if not vowels or not suffix_vowels or (vowels[-1] in BACK_VOWELS) != (suffix_vowels[0] in BACK_VOWELS):
        return False
    ends_in_vowel = turkish_lower(stem)[-1] in BACK_VOWELS | FRONT_VOWELS
    if suffix[0] in BACK_VOWELS | FRONT_VOWELS:
        return not ends_in_vowel  # `Lozana`, `Parisi`
    if suffix[0] == "n":
        return ends_in_vowel and suffix in {"nın", "nin", "nun", "nün"}  # `Ankaranın`; other n-forms follow a possessive
    return ends_in_vowel or suffix[0] != "y"  # `Ankaraya`; `Ankarada`, `İstanbulda`


@cache
def known_place(word: str) -> bool:
    """A country, a region or a city the gazetteer knows well: a large one,
    or a town of the region the corpus is about (`Kars`)."""
    gazetteer = Gazetteer.load()
    key = gazetteer.lookup(word)
    if key is None:
        return False
    info = gazetteer.info(key)
    size = 50_000 if info.country in load_lexicon("places.json")["preferred_countries"] else 100_000
    return info.population == 0 or info.population >= size or info.latitude is None


def name_part(token: Token) -> bool:
    """A word of a treaty's or an institution's name: `Brest-Litovsk`,
    `Türk-Rus`, `Kars`; a hyphen token joins parts."""
    return (is_capitalised(token) and not is_suffix(token)) or token.text in {"-", "–"}


def parenthesis_end(doc: Doc, i: int, longest: int = 12) -> int | None:
    """The token after the `)` that closes a `(` at `i`, if it closes soon."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    for j in range(i + 1, min(i + longest, len(doc))):
        if doc[j].text == ")":
            return j + 1
        if doc[j].text == "(":
            return None
    return None


def add_candidate(doc: Doc, start: int, end: int, label: str, strength: int = 1, data: object = None) -> None:
    doc.user_data.setdefault(CANDIDATES, []).append(Candidate(start, end, label, strength, data))


def lowercase_words(doc: Doc) -> set[str]:
    """Words the document also writes in lower case (`extract` sets them for
    the whole document; a lone paragraph uses its own)."""
    if "lower_words" not in doc.user_data:
        doc.user_data["lower_words"] = {t.text for t in doc if t.text.islower()}
    return doc.user_data["lower_words"]


def is_common_word(doc: Doc, token: Token) -> bool:
    """A capitalised word the document also writes in lower case (`Ancak`,
    `Tarafından` in a book title, `Ordu` in `Kızıl Ordu`) is a word, not a name."""
    return is_common_text(doc, token.text)


def is_common_text(doc: Doc, text: str) -> bool:
    """`is_common_word` of a token's text."""
    return turkish_lower(text) in lowercase_words(doc)


ROMAN = re.compile(r"^[IVXLC]{2,}\.?$")  # `III`, `LII`, `III.`: a volume or an ordinal, not a surname


# `Sovyetlerin`, `Demeçleri`, `Türklerle`: a plural noun in title case, never a name.
# A bare `-ler` stays possible (`Hitler`, `Müller`); a case ending after it does not.
TURKISH_ENDING = re.compile(r"^(?:l[ae]r)?(?:[ıiuü]n|[ıiuü]|[ae]|y[ae]|d[ae]n?|t[ae]n?|l[ae]|n[ıiuü]n)?$")


PLURAL = re.compile(r"(?:ler|lar)(?:[ıi]n|[ıi]|[ae]|l[ae]|d[ae]n?|t[ae]n?|[ıi]n[ıi]|[ıi]n[ae]|[ıi]n[ıi]n)$")


LOCATIVE_ADJECTIVE = ("daki", "deki", "taki", "teki")  # `Moskova'daki`: the one at Moskova


PLACE_WORD_SUFFIXES = ("sı", "si", "su", "sü", "lı", "li", "lu", "lü")


@cache
def head_words() -> frozenset[str]:
    """Head words that end the name of an organization, a treaty or a place."""
    return frozenset(load_lexicon("organizations.json")["heads"]) | frozenset(load_lexicon("treaties.json")["heads"]) \
        | frozenset(load_lexicon("places.json")["place_heads"])


def inflected(text: str, words: set[str]) -> bool:
    """`Sovyetler`, `Ermenilerin`, `Türkün`: one of `words` (four letters or
    more) with a Turkish ending."""
    for size in range(len(text) - 1, 3, -1):
        if text[:size] in words and TURKISH_ENDING.match(text[size:]):
            return True
    return False


def filter_spans_keep_first(spans: list[Span]) -> list[Span]:
    """Spans that overlap none before them in the list."""
    taken: set[int] = set()
    kept = []
    for span in spans:
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return kept


DASHES = {"—", "–", "-", "―"}


def entry_mark(token) -> bool:
    """The colon or the spaced dash after an entry's date; not the hyphen that
    joins two words (`1925 tarihli Türk-Sovyet Paktı`)."""
    return token.text == ":" or token.text in DASHES and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def opens_a_line(token) -> bool:
    """The first word of a sentence, or of an entry's text after its date (`Eylül 1950 — Tugayın …`)."""
    return token.is_sent_start or token.i > 0 and entry_mark(token.doc[token.i - 1])
