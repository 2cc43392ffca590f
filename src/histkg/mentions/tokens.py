"""What every detector reads of a token: case suffixes, capitals, name parts; candidates and their priority."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from histkg.language.lexicon import load_lexicon, turkish_lower
from histkg.language.resources import ontology_file

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


@cache
def month_names() -> frozenset[str]:
    """Every month name of ontology/months.json, in every language listed."""
    months = json.loads(ontology_file("months.json").read_text(encoding="utf-8"))["months"]
    return frozenset(name for month in months for names in month["names"].values() for name in names)


def is_suffix(token: Token) -> bool:
    """A case suffix split off by the apostrophe rule: `'un`, `’da`."""
    return len(token.text) > 1 and token.text[0] in APOSTROPHES and token.text[1:].isalpha()


def is_capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def followed_by_suffix(doc: Doc, end: int) -> str | None:
    """The case suffix right after a span, without its apostrophe."""
    if end < len(doc) and is_suffix(doc[end]):
        return doc[end].text[1:].lower()
    return None


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
    return turkish_lower(token.text) in lowercase_words(doc)


ROMAN = re.compile(r"^[IVXLC]{2,}\.?$")  # `III`, `LII`, `III.`: a volume or an ordinal, not a surname


# `Sovyetlerin`, `Demeçleri`, `Türklerle`: a plural noun in title case, never a name.
# A bare `-ler` stays possible (`Hitler`, `Müller`); a case ending after it does not.
TURKISH_ENDING = re.compile(r"^(?:l[ae]r)?(?:[ıiuü]n|[ıiuü]|[ae]|y[ae]|d[ae]n?|t[ae]n?|l[ae]|n[ıiuü]n)?$")


PLURAL = re.compile(r"(?:ler|lar)(?:[ıi]n|[ıi]|[ae]|l[ae]|d[ae]n?|t[ae]n?|[ıi]n[ıi]|[ıi]n[ae])$")


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


