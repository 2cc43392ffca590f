"""Works cited in footnotes: `Author, Title, (Çvr. Translator), Place, Year, s.Pages`.

The person detector marks who is credited in a reference (author, translator,
editor); this module reads the rest of the reference around those names, so
that the graph can say who wrote what, and tell cited authors from the actors
of the history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from histkg.language.lexicon import month_names


YEAR = re.compile(r"(?<![\d.])(1[5-9]\d\d|20\d\d)(?![\d])")
PAGES = re.compile(r"\b(?:s|ss|S|p|pp)\.\s*(\d+(?:\s*[-–]\s*\d+)?)")
PLACE_BEFORE_YEAR = re.compile(r"([A-ZÇĞİÖŞÜ][\w’'-]+(?: [A-ZÇĞİÖŞÜ][\w’'-]+)?),?\s+$")
SEPARATORS = {";"}


@dataclass(frozen=True)
class Reference:
    """One reference of a footnote, in clean-text offsets of its paragraph."""

    start: int
    end: int
    credits: tuple[tuple[str, int, int], ...]  # (author | translator | editor, start, end)
    title: str | None
    place: str | None
    year: int | None
    pages: str | None


def references(doc: Doc, credits: dict[tuple[int, int], str]) -> list[Reference]:
    """References of a footnote paragraph that credit at least one author.
    `credits` maps token spans of PERSON entities to their part."""
    found = []
    for start, end in parts(doc):
        people = [(credits[(e.start, e.end)], e) for e in doc.ents
                  if e.label_ == "PERSON" and start <= e.start and e.end <= end and (e.start, e.end) in credits]
        authors = [e for part, e in people if part == "author"]
        if not authors:
            continue
        first = authors[0]
        text = doc[start:end].text
        after_authors = doc[authors[-1].end:end].text if authors[-1].end < end else ""
        found.append(Reference(
            first.start_char, doc[end - 1].idx + len(doc[end - 1]),
            tuple((part, e.start_char, e.end_char) for part, e in people),
            title_of(after_authors), *place_and_year(text), pages_of(text)))
    return found


def parts(doc: Doc):
    """Token ranges of the references of a footnote: split at `;`."""
    start = 0
    for token in doc:
        if token.text in SEPARATORS:
            if token.i > start:
                yield start, token.i
            start = token.i + 1
    if start < len(doc):
        yield start, len(doc)


def title_of(text: str) -> str | None:
    """The title follows the authors: a quoted string, or the words up to the
    next comma or parenthesis."""
    text = text.lstrip(" ,:")
    quoted = re.match(r"[\"“«„]([^\"”»“]+)[\"”»“]", text)
    if quoted:
        return " ".join(quoted.group(1).split()).strip(" ,") or None
    title = re.split(r",|\(", text, maxsplit=1)[0]
    title = " ".join(title.split()).strip(" .")
    return title if len(title) > 2 and not title[0].isdigit() else None


def place_and_year(text: str) -> tuple[str | None, int | None]:
    """The year of publication and the place written right before it
    (`İstanbul, 1939`, `New York 1927`): the first year that follows a place,
    else the last year (a year in the title, `(1815-1919)`, comes earlier)."""
    years = [m for m in YEAR.finditer(text) if not text[max(0, m.start() - 3):m.start()].rstrip().endswith(("s.", "S."))]
    if not years:
        return None, None
    for year in years:
        place = PLACE_BEFORE_YEAR.search(text[:year.start()])
        if place and place.group(1).split()[-1] not in month_names():  # not `26 Eylül 1939`
            return place.group(1), int(year.group(1))
    return None, int(years[-1].group(1))


def pages_of(text: str) -> str | None:
    match = PAGES.search(text)
    return re.sub(r"\s+", "", match.group(1)) if match else None
