"""Dates as spans: the date matcher's results become candidates."""

from __future__ import annotations

from spacy.tokens import Doc

from histkg.language.dates import find_dates
from histkg.mentions.tokens import add_candidate


class DateTagger:
    """Marks date expressions (Turkish, Ottoman/Rumi and mixed month names).

    A year left out (`16 Mart`) comes from the text before it, so `extract`
    parses the whole document once and hands each paragraph its matches in
    `doc.user_data["dates"]`; a lone paragraph is parsed on its own."""

    def __init__(self, name: str = "histkg_dates") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        matches = doc.user_data.get("dates")
        for match in find_dates(doc.text) if matches is None else matches:
            span = doc.char_span(match.start, match.end, label="DATE", alignment_mode="expand")
            if span is None:
                continue
            add_candidate(doc, span.start, span.end, "DATE", strength=3, data=match)
        return doc


