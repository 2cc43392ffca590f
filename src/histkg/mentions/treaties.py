"""Treaty names: a head noun (`Antlaşması`, `Paktı`) and the words before it."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Doc

from histkg.language.gazetteer import Gazetteer
from histkg.language.lexicon import event_lexicon, load_lexicon, turkish_lower
from histkg.mentions.tokens import (
    LOCATIVE_ADJECTIVE,
    add_candidate,
    is_capitalised,
    is_common_word,
    is_suffix,
    lowered_texts,
    name_part,
    token_texts,
)

GLUED_CASE = re.compile(r"^(?:n[ıiuü]n?|n[ae]|nd[ae]n?|nd[ae]ki|yl[ae])$")  # `Antlaşmasını`: no apostrophe
HYPHENS = {"-", "–"}
CIRCUMFLEX = str.maketrans("âîûÂÎÛ", "aiuAIU")  # `İtilâfnamesi` is `İtilafnamesi` in the old orthography


@lru_cache(maxsize=1 << 16)  # runs on every token, and again on the words before a head
def treaty_head(word: str) -> str | None:
    """The head word (as the lexicon writes it) that `word` is, or that it
    starts with before a case ending glued on without an apostrophe."""
    lower = turkish_lower(word.translate(CIRCUMFLEX))
    if not lower.startswith(lowered_head_prefixes()):
        return None  # most words: one C call rules out every head (this runs on every token)
    for head, lower_head in lowered_treaty_heads():
        if lower.startswith(lower_head) and (len(lower) == len(lower_head) or GLUED_CASE.match(lower[len(lower_head):])):
            return head
    return None


def treaty_place_names(text: str) -> frozenset[str]:
    """Names that open a treaty's name in the text (`Sevr Muahedesi`) and
    that the text never puts anyone in, at, to or from (`Sevr'de`, `Sevr'e`):
    standing alone, such a name is the treaty (`Sevr'i değiştiren teklifler`)."""
    opening = {m.group(1) for m in NAME_THEN_WORD.finditer(text) if treaty_head(m.group(2))}
    located = {m.group(1) for m in NAME_IN_A_PLACE_CASE.finditer(text)}
    return frozenset(opening - located)


NAME_THEN_WORD = re.compile(r"\b([A-ZÇĞİÖŞÜ][\wâîû]+)(?= (\w+))")  # the next word by lookahead: it may open a name too
NAME_IN_A_PLACE_CASE = re.compile(r"\b([A-ZÇĞİÖŞÜ][\wâîû]+)['’](?:n?[dt][ae]n?|n?[dt][ae]ki|y?[ae]|n[ae])\b")


def head_after_dair(doc: Doc, i: int) -> bool:
    """`Boğazlar Rejimine Dair Sözleşme`, `Yardıma Dair Anlaşma`: after `dair`
    (about) the head noun takes no compound suffix; it is a treaty noun as
    it stands (`Sözleşme`, `Mukavelename`), capitalised as names are."""
    word = token_texts(doc)[i]
    if i == 0 or not word[:1].isupper() or lowered_texts(doc)[i - 1] != "dair":
        return False
    lower = turkish_lower(word.translate(CIRCUMFLEX))
    return any(lower in (noun, noun + "name") for noun in event_lexicon()["treaty_nouns"])


@cache
def lowered_treaty_heads() -> tuple[tuple[str, str], ...]:
    return tuple((head, turkish_lower(head)) for head in load_lexicon("treaties.json")["heads"])


@cache
def lowered_head_prefixes() -> tuple[str, ...]:
    return tuple(lower_head for _, lower_head in lowered_treaty_heads())


class TreatyDetector:
    """Treaty names by their head words (`Antlaşması`, `Muahedesi`, `Paktı`,
    `Mütarekesi`, `Barışı`, `Protokolü`, ...) and the capitalised name before."""

    def __init__(self, name: str = "histkg_treaties", *, lexicon: str = "treaties.json", max_tokens: int = 8) -> None:
        self.name = name
        lex = load_lexicon(lexicon)
        self.modifiers = {turkish_lower(m) for m in lex["modifiers"] if " " not in m} - {"ile", "arasında", "arasındaki"}
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        for i, text in enumerate(token_texts(doc)):  # texts by index: a Token is made only for a head
            if treaty_head(text) is None and not (text[:1].isupper() and head_after_dair(doc, i)):
                continue
            start = self.first_name_word(doc, self.name_start(doc, i), i)
            if start < i and is_capitalised(doc[start]):
                add_candidate(doc, start, i + 1, "TREATY", strength=3)
            elif start == i:
                start = self.made_at(doc, i)
                if start is not None:
                    add_candidate(doc, start, i + 1, "TREATY", strength=3)
        return doc

    def name_start(self, doc: Doc, head: int) -> int:
        """Back from the head over the name's words (at most `max_tokens` words),
        the hyphens that join nations (`Türk-Yunan`, `Türk-İngiliz-Fransız`)
        and the commas and `ve` of a list of what the treaty is (`Dostluk,
        Saldırmazlık, Hakem ve Uzlaşma Antlaşması`), but not of a list of
        places (`Kars ve Moskova Antlaşmaları` names two)."""
        start, words = head, 0
        while start > 0 and words < self.max_tokens:
            before = doc[start - 1]
            if name_part(before):
                start, words = start - 1, words + before.text.isalpha()
            elif start >= 2 and name_part(doc[start - 2]) and (
                    before.text in HYPHENS and not before.whitespace_ and not doc[start - 2].whitespace_
                    or before.text in {",", "ve"} and self.kind_word(doc[start - 2]) and self.kind_word(doc[start])):
                start -= 1
            else:
                break
        return start

    @staticmethod
    def kind_word(token) -> bool:
        """A capitalised word that says what a treaty is (`Dostluk`, `Hakem`): no place's name."""
        return token.text[:1].isupper() and token.text.isalpha() and not Gazetteer.load().lookup(token.text)

    def made_at(self, doc: Doc, head: int) -> int | None:
        """`Moskova’daki dostluk anlaşması`: a city with `-daki` and the words
        that say what the treaty is, before a lower-case head."""
        i = head
        while i > 0 and turkish_lower(doc[i - 1].text) in self.modifiers:
            i -= 1
        if i == head or i < 2 or not is_suffix(doc[i - 1]) or turkish_lower(doc[i - 1].text[1:]) not in LOCATIVE_ADJECTIVE:
            return None
        return i - 2 if is_capitalised(doc[i - 2]) else None

    @staticmethod
    def first_name_word(doc: Doc, start: int, head: int) -> int:
        """`– Moskova Anlaşması`, `Bu Moskova Anlaşması`: a dash, or a common word
        that opens the sentence, is not part of the name before the head; nor
        is a demonstrative or a conjunction before the head alone (`Bu muahede`
        points back at a treaty, it names none)."""
        while start < head - 1 and (doc[start].text in {"-", "–"}
                                    or doc[start].is_sent_start and is_common_word(doc, doc[start])):
            start += 1
        if start == head - 1 and doc[start].text in load_lexicon("organizations.json")["not_name_start"]:
            start = head
        return start



def head_form(word: str, compound: bool = True) -> str:
    """The head word without its case suffix: `antlaşmasıyla` -> `antlaşması`,
    `ittifakına` -> `ittifakı`, `protokolde` -> `protokol`. A head with no
    word before it is no compound: its -ı marks the object (`barışı imzalamış`)."""
    for noun in sorted(event_lexicon()["treaty_nouns"], key=len, reverse=True):
        if word.startswith(noun):
            rest = word[len(noun):]
            if not compound:
                return noun
            if rest[:2] in ("sı", "si", "su", "sü"):
                return noun + rest[:2]
            compound = rest[:1] in ("ı", "i", "u", "ü")  # `ittifakı`, `ittifakına` (-ı + -na), not `ittifakın`
            genitive = rest[:2] in ("ın", "in", "un", "ün") and rest[2:3] not in ("a", "e", "ı", "i")
            if compound and not genitive:
                return noun + rest[:1]
            return noun
    return word


