"""Extraction: cleaned text -> mentions of persons, places, organizations,
treaties and dates, each with offsets into the ORIGINAL file.

One spaCy `Doc` per paragraph (the clean-up keeps paragraphs apart), so a
sentence never runs from the body into a footnote. Extraction works document
by document: it is the part that can run in parallel.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, replace
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from histkg.language.dates import find_dates
from histkg.mentions import factories  # noqa: F401  (registers the components)
from histkg.mentions.citations import references
from histkg.mentions.tokens import ENTITY_DATA, doc_text, span_text
from histkg.mentions.treaties import treaty_place_names
from histkg.text.corpus import Document
from histkg.text.normalize import CleanText, normalize

LABELS = ("PERSON", "PLACE", "ORG", "TREATY", "DATE")
CREDITS = ("author", "translator", "editor")
PIPELINE = ("histkg_dates_v1", "histkg_treaties_v1", "histkg_organizations_v1",
            "histkg_persons_v1", "histkg_places_v1")


@dataclass(frozen=True)
class Mention:
    doc_id: str
    label: str  # one of LABELS
    text: str  # the name as the text writes it, spaces collapsed, case suffix removed
    start: int  # code-point offsets in the ORIGINAL file
    end: int
    section: str  # body | heading | footnote
    sentence: str  # the cleaned sentence that contains it
    data: object = None  # a dates.DateMatch for DATE, a gazetteer key for PLACE


@dataclass(frozen=True)
class CitedWork:
    """A work a footnote cites, with who is credited in it."""

    doc_id: str
    start: int  # code-point offsets of the reference in the ORIGINAL file
    end: int
    sentence: str
    title: str | None
    place: str | None
    year: int | None
    pages: str | None
    credits: tuple[tuple[str, Mention], ...]  # (author | translator | editor, the person's mention)
    section: str = "footnote"


@dataclass(frozen=True)
class Extraction:
    document: Document
    clean: CleanText
    mentions: tuple[Mention, ...]
    works: tuple[CitedWork, ...] = ()
    facts: object = None  # facts.collect.Facts: what sentences say of treaties and journeys
    # (doc, section, [(span, mention)], MentionMaker) per paragraph: what the
    # facts stage reads; it drops them once read (spaCy docs are large)
    paragraphs: tuple = ()


@cache
def build_nlp() -> Language:
    """The blank Turkish pipeline with histkg's components (built once)."""
    nlp = spacy.blank("tr", config={"nlp": {"after_creation": {"@callbacks": "histkg.tokenizer_rules.v1"}}})
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("histkg_note_marks_v1")
    for factory in PIPELINE:
        nlp.add_pipe(factory)
    nlp.add_pipe("histkg_resolve_spans_v1")
    find_dates("1 Ocak 1920")  # compiles the date grammar (about 2 s) now: workers forked after this inherit it
    # The lexicons, the gazetteer and the grammar (millions of objects) live as long as the process:
    # frozen, the cyclic collector no longer walks them at each full collection during extraction.
    gc.freeze()
    return nlp


def extract(document: Document, nlp: Language | None = None) -> Extraction:
    nlp = nlp or build_nlp()
    clean = document.clean or normalize(document.text)
    # Paragraphs in another language (the seeds' English summary) are not extracted from.
    parts = [(start, clean.text[start:end], section) for start, end, section in clean.paragraphs()
             if document.reads(clean.offsets[start])]
    # Words the document writes in lower case somewhere: their capitalised
    # copies are sentence starts and title case, not names.
    lower_words = set(re.findall(r"\b[a-zçğıöşüâîû]+\b", clean.text))
    treaty_places = treaty_place_names(clean.text)  # `Sevr` of `Sevr Muahedesi`, alone: the treaty
    dates = find_dates(clean.text, sections=clean.segments)
    docs = []
    for offset, text, section in parts:
        doc = nlp.make_doc(text)
        doc.user_data["section"] = section
        doc.user_data["lower_words"] = lower_words
        doc.user_data["treaty_places"] = treaty_places
        doc.user_data["dates"] = [replace(m, start=m.start - offset, end=m.end - offset)
                                  for m in dates if offset <= m.start and m.end <= offset + len(text)]
        docs.append(doc)
    docs = list(nlp.pipe(docs))
    propagate_person_names(docs, nlp)
    mentions, works, parsed = [], [], []
    for (offset, _, section), doc in zip(parts, docs):
        found = list(doc_mentions(document, clean, doc, offset, section))
        mentions.extend(found)
        parsed.append((doc, section, list(zip(doc.ents, found)), MentionMaker(document, clean, doc, offset, section)))
        if section == "footnote":
            works.extend(doc_works(document, clean, doc, offset, found))
    return Extraction(document, clean, tuple(mentions), tuple(works), paragraphs=tuple(parsed))


@dataclass(frozen=True)
class MentionMaker:
    """A Mention for any words of a paragraph (event words, a place inside a
    treaty's name), by character offsets in the paragraph's doc."""

    document: Document
    clean: CleanText
    doc: Doc
    offset: int
    section: str

    def __call__(self, start_char: int, end_char: int, label: str) -> Mention:
        start, end = self.original(start_char, end_char)
        sentence = self.doc.char_span(start_char, end_char, alignment_mode="expand").sent
        return Mention(self.document.doc_id, label, " ".join(doc_text(self.doc)[start_char:end_char].split()), start, end,
                       self.section, sentence_text(sentence))

    def original(self, start_char: int, end_char: int) -> tuple[int, int]:
        """The span of those characters in the original file."""
        return self.clean.to_original(self.offset + start_char, self.offset + end_char)


def doc_mentions(document: Document, clean: CleanText, doc: Doc, offset: int, section: str):
    data = doc.user_data.get(ENTITY_DATA, {})
    for span in doc.ents:
        start, end = clean.to_original(offset + span.start_char, offset + span.end_char)
        yield Mention(document.doc_id, span.label_, " ".join(span_text(span).split()), start, end,
                      section, sentence_text(span.sent), data.get((span.start, span.end)))


SENTENCE_TEXTS = "sentence_texts"


def sentence_text(sentence: Span) -> str:
    """A sentence's words, spaced once: made once for each sentence of a
    paragraph, so that every mention in it holds the same string (ten copies
    of the seeds: 21,193 mentions in 6,877 sentences), and a worker's
    extraction is pickled with each sentence once."""
    made = sentence.doc.user_data.setdefault(SENTENCE_TEXTS, {})
    text = made.get((sentence.start, sentence.end))
    if text is None:
        text = made[sentence.start, sentence.end] = " ".join(span_text(sentence).split())
    return text


def doc_works(document: Document, clean: CleanText, doc: Doc, offset: int, mentions: list[Mention]):
    """The works a footnote paragraph cites, linked to the mentions of the
    persons credited in them."""
    data = doc.user_data.get(ENTITY_DATA, {})
    credits = {span: part for span, part in data.items() if part in CREDITS}
    by_offsets = {(m.start, m.end): m for m in mentions}
    for reference in references(doc, credits):
        start, end = clean.to_original(offset + reference.start, offset + reference.end)
        people = tuple((part, by_offsets[clean.to_original(offset + a, offset + b)])
                       for part, a, b in reference.credits)
        sentence = " ".join(doc_text(doc)[reference.start:reference.end].split())
        yield CitedWork(document.doc_id, start, end, sentence, reference.title, reference.place,
                        reference.year, reference.pages, people)


def propagate_person_names(docs: list[Doc], nlp: Language) -> None:
    """A name found once with a clue is a person wherever the document writes
    it (the person component knows how: `PersonDetector.spread`)."""
    nlp.get_pipe("histkg_persons_v1").spread(docs)
