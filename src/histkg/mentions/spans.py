"""The last component: candidates to entity spans; the tokenizer's suffix rule."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from histkg.language.lexicon import month_names
from histkg.mentions.tokens import (
    APOSTROPHES,
    CANDIDATES,
    ENTITY_DATA,
    GLUED_NOTE_MARK,
    PRIORITY,
    Candidate,
    glued_case_suffix,
    token_texts,
)


class SpanResolver:
    """Keeps the best non-overlapping candidates as `doc.ents`: the strongest
    clue first, then the longest span, then the label priority."""

    def __init__(self, name: str = "histkg_resolve_spans") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        candidates = sorted(
            doc.user_data.get(CANDIDATES, []),
            # Equal clues: the candidate that knows more (a date's value, a
            # person's credit in a reference) wins over a bare one.
            key=lambda c: (-c.strength, -(c.end - c.start), -PRIORITY[c.label], c.data is None, c.start),
        )
        taken: set[int] = set()
        kept: list[Candidate] = []
        for candidate in candidates:
            if taken.isdisjoint(range(candidate.start, candidate.end)):
                kept.append(candidate)
                taken.update(range(candidate.start, candidate.end))
        kept.sort(key=lambda c: c.start)
        doc.ents = [Span(doc, c.start, c.end, label=c.label) for c in kept]
        doc.user_data[ENTITY_DATA] = {(c.start, c.end): c.data for c in kept}
        return doc


class GluedCaseSuffix:
    """The tokenizer's suffix search: the apostrophe rule and spaCy's own
    suffixes first, then a case suffix written without an apostrophe on a
    place name (`tokens.glued_case_suffix`)."""

    def __init__(self, search) -> None:
        self.search = search

    def __call__(self, text: str):
        found = self.search(text)
        if found is None and (size := glued_case_suffix(text)):
            found = re.compile(re.escape(text[-size:]) + "$").search(text)
        return found


def split_at_note_marks(doc: Doc) -> Doc:
    """A sentence ends at a period with a footnote number glued on
    (`vazgeçti.3 Sonunda heyet …`), which the tokenizer keeps in one word:
    a capitalised word after it starts the next sentence, unless it is a
    month, whose day the number is (`başladı.1 Ocak 1918'de`)."""
    months = month_names()
    texts = token_texts(doc)
    for i in range(len(texts) - 1):
        following = texts[i + 1]
        if ends_with_note_mark(texts[i]) and following[:1].isupper() and following not in months:
            doc[i + 1].is_sent_start = True
    return doc


def ends_with_note_mark(word: str) -> bool:
    """`vazgeçti.3`: a word in lower case, the period that ends its sentence and a footnote number."""
    mark = GLUED_NOTE_MARK.search(word)
    return mark is not None and mark.group().startswith(".") and word[:mark.start()].isalpha() \
        and word[:mark.start()].islower()


def tokenizer_rules(nlp):
    """Tokenizer rules for Turkish texts:
    - split a case suffix after an apostrophe (`Voroşilov'un` -> `Voroşilov`
      + `'un`, `Kars’ta` -> `Kars` + `’ta`);
    - split a case suffix glued to a known place without an apostrophe
      (`Ankaradan` -> `Ankara` + `dan`, `Lozana` -> `Lozan` + `a`);
    - split an abbreviation glued to the next word (`Çvr.Galip`, `Dr.Miralay`),
      but not initials (`E.H.Carr`, `M.Voroşilov`)."""
    from spacy.util import compile_infix_regex, compile_suffix_regex

    suffix = rf"(?<=[^\W\d_])[{APOSTROPHES}][a-zçğıöşüâîû]+$"
    glued_abbreviation = r"(?<=[a-zçğıöşü]{2})\.(?=[A-ZÇĞİÖŞÜ][a-zçğıöşü])"
    nlp.tokenizer.suffix_search = GluedCaseSuffix(compile_suffix_regex([suffix, *nlp.Defaults.suffixes]).search)
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, glued_abbreviation]).finditer
    return nlp


