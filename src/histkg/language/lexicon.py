"""Lexicons: knowledge of language and naming kept in `ontology/lexicon/`."""

from __future__ import annotations

import json
from functools import cache, lru_cache

from histkg.language.resources import ontology_file


@lru_cache(maxsize=1 << 16)  # the rules lower the same words again and again; bounded, as the texts are many
def turkish_lower(text: str) -> str:
    """Lower case with Turkish dotted and dotless i: `I` -> `ı`, `İ` -> `i`."""
    return text.replace("I", "ı").replace("İ", "i").lower()


@cache
def load_lexicon(name: str) -> dict:
    """A JSON lexicon from ontology/lexicon/ (cached: components share it)."""
    return json.loads(ontology_file(f"lexicon/{name}").read_text(encoding="utf-8"))


@cache
def load_word_list(name: str) -> frozenset[str]:
    """A word list, one entry a line, `#` starts a comment line."""
    lines = ontology_file(f"lexicon/{name}").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def name_titles() -> frozenset[str]:
    """Honorifics and titles that go with a person's name (`Paşa`, `Bey`, `Dr.`, `General`)."""
    names = load_lexicon("names.json")
    return frozenset(names["honorifics_after"]) | frozenset(names["titles_before"])


@cache
def event_lexicon() -> dict:
    """events.json: the words of treaties, journeys and their roles."""
    return load_lexicon("events.json")


@cache
def month_names() -> frozenset[str]:
    """Every month name of ontology/months.json, in every language listed."""
    months = json.loads(ontology_file("months.json").read_text(encoding="utf-8"))["months"]
    return frozenset(name for month in months for names in month["names"].values() for name in names)
