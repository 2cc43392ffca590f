"""The language of each paragraph: histkg extracts from Turkish ones and records the others.

A paragraph counts as another language only when it is prose that says so plainly: at least
MIN_WORDS words, mostly in lower case (a list of works cited is mostly capitalised titles and
names), and that language's function words (ontology/lexicon/function-words.json) are
frequent in it and far outnumber the Turkish ones. A heading is in title case or capitals by
nature, so it needs only the function words. Measured on the seeds and the
development corpus, this finds the seeds' English summary and title and nothing else, where
langdetect, py3langid and lingua also call dozens of citations English, German, French or
Slovene (see README, "Inputs").

- Footnotes are always read: they cite works in the language of the work (`Frank A. Golder,
  Documents of Russian History, New York 1927, s. 311`), and the citation is what histkg
  extracts from them.
- A short paragraph (a heading, `SUMMARY`, a one-line reference) tells nothing by itself: it
  takes the language of the paragraphs around it when both are the same other language, and
  is Turkish otherwise, so a heading never flips on a word or two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from histkg.language.lexicon import load_lexicon, turkish_lower
from histkg.text.layout import FOOTNOTE, HEADING
from histkg.text.normalize import CleanText

__all__ = ["TURKISH", "Foreign", "describe", "foreign_paragraphs", "paragraph_language"]

TURKISH = "tr"
MIN_WORDS = 8  # fewer words than this: a heading or a reference, undecided
MIN_SHARE = 0.15  # the other language's function words among all words
MIN_HITS = 3
OVER_TURKISH = 2  # ... and more than this many times the Turkish ones
MIN_LOWER = 0.5  # prose: at least this share of its words start in lower case
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Foreign:
    """A paragraph histkg does not extract from: its span in the ORIGINAL text, and its language."""

    start: int
    end: int
    language: str


@cache
def function_words() -> dict[str, frozenset[str]]:
    lexicon = load_lexicon("function-words.json")
    return {language: frozenset(words) for language, words in lexicon.items() if not language.startswith("_")}


def paragraph_language(text: str, heading: bool = False) -> str | None:
    """'tr', another language's code, or None when the paragraph is too short to tell."""
    words = WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None
    if not heading and sum(1 for word in words if word[0].islower()) < MIN_LOWER * len(words):
        return TURKISH  # names and titles, not prose: a reference list
    lists = function_words()
    turkish = sum(1 for word in words if turkish_lower(word) in lists[TURKISH])
    lowered = [word.lower() for word in words]
    hits = {language: sum(1 for word in lowered if word in listed)
            for language, listed in lists.items() if language != TURKISH}
    language, count = max(hits.items(), key=lambda item: (item[1], item[0]))
    if count >= MIN_HITS and count >= MIN_SHARE * len(words) and count > OVER_TURKISH * turkish:
        return language
    return TURKISH


def foreign_paragraphs(clean: CleanText) -> tuple[Foreign, ...]:
    """The paragraphs in another language than Turkish, footnotes left aside."""
    spans = [(start, end, section) for start, end, section in clean.paragraphs() if section != FOOTNOTE]
    languages = [paragraph_language(clean.text[start:end], section == HEADING) for start, end, section in spans]
    decided = settle_short(languages)
    return tuple(Foreign(*clean.to_original(start, end), language)
                 for (start, end, _), language in zip(spans, decided) if language != TURKISH)


def settle_short(languages: list[str | None]) -> list[str]:
    """A short paragraph takes the language of its decided neighbours when they agree (the one
    there is, at the start or end of a text); else Turkish."""
    settled = []
    for index, language in enumerate(languages):
        if language is None:
            before = next((lang for lang in reversed(languages[:index]) if lang is not None), None)
            after = next((lang for lang in languages[index + 1:] if lang is not None), None)
            neighbours = {lang for lang in (before, after) if lang is not None}
            language = neighbours.pop() if len(neighbours) == 1 else TURKISH
        settled.append(language)
    return settled


LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", TURKISH: "Turkish"}


def describe(foreign: tuple[Foreign, ...]) -> str:
    """'3 paragraphs in English (en)': what a build warns about a file."""
    counts: dict[str, int] = {}
    for paragraph in foreign:
        counts[paragraph.language] = counts.get(paragraph.language, 0) + 1
    parts = [f"{count} paragraph{'s' if count > 1 else ''} in {LANGUAGE_NAMES.get(code, code)} ({code})"
             for code, count in sorted(counts.items())]
    return ", ".join(parts)
