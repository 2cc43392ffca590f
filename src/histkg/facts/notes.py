"""Footnotes and the body sentences their marks stand in, and what a note
says of a journey told in the body.

The clean-up (normalize.py) drops a note mark glued to a word
(`istemişti.15 Ayrıca`): the clean text reads `istemişti. Ayrıca`, and the
offsets into the original keep the hole, as many characters wide as the
number. A footnote block printed at the foot of a page holds the notes whose
marks stand in the body sentences since the block before it, in order: the
note numbered N takes the first hole of N's width after the mark of the
note before it. (Marks printed on lines of their own, as in some PDF
extractions, leave no such hole; their notes stay unattached.)

Two things follow from a note's place in the body:
- a note that goes on with the story of a journey (`Heyet İzmir'de
  Bornova'daki Ziraat Mektebi'ne de gitmişti`) is told where its mark
  stands (visits.Episode reads it right after that sentence);
- a note that quotes a source whose verbs have no subject (`15 "1920 yılında
  … Trabzon'a … silah ve cephane gönderdi, ayrıca … külçe altını da
  Karaköse'de 11. Tümen'e teslim etti"`) tells of the one person the
  sentence with its mark names (`Sivas'a gelen Halil Kut Paşa'yı …
  göndermiş, … istemişti.15`): he was where the quotation has him act
  (`Karaköse'de … teslim etti`) or go (`X'e gitti`), not where he only sent
  things (`Trabzon'a … gönderdi`). Both values are drawn, not stated
  (hkg:inference).
"""

from __future__ import annotations

import re
from itertools import combinations
from math import comb

from histkg.facts.journey import StopFact, VisitFact
from histkg.facts.sentences import Sentence, case_after, starts_with_any
from histkg.facts.stops import CLAUSE_END, clause_at, place_case, verb_near
from histkg.language.lexicon import event_lexicon, turkish_lower
from histkg.mentions.tokens import doc_text, is_suffix

NUMBER = re.compile(r"\s*(\d{1,3})\s")  # `15 "1920 yılında …`: a note opens with its number
QUOTES = "\"“”"
MAX_WAYS = 200  # ways to place the marks a page hides beyond which none is trusted
PASSIVE = re.compile(r"(?:[ıiuü]l|[ıiuü]n)(?:m[ıiuü]ş|d[ıiuü]|[ıiuü]yor)")  # `edildi`, `gönderilmiş`
FINITE = re.compile(r"(?:m[ıiuü]ş(?:t[ıiuü])?|[dt][ıiuü])(?:l[ae]r)?$")  # `etti`, `gitmişti`


# --------------------------------------------------------------------------- where marks stand

def holes(sentence: Sentence) -> list[int]:
    """The widths of the holes the clean-up left after the words of a body
    sentence, in order: a mark dropped after a word or its punctuation,
    before a space or punctuation (a hole between two letters is a joined
    word, not a mark). A hole after the last character of a paragraph cannot
    be seen: the paragraph's text ends there."""
    text, found = doc_text(sentence.doc), []
    for token in sentence.span:
        last = token.idx + len(token.text) - 1
        if last + 1 >= len(text) or text[last + 1].isalnum() or text[last + 1] in "'’" or text[last].isspace():
            continue
        width = hole_after(sentence, last)
        if width > 0:
            found.append(width)
    return found


def mark_places(page: list[Sentence]) -> list[tuple[Sentence, int | None]]:
    """Where the marks of a page may stand, in order: (sentence, width) for
    each hole, and (sentence, None) for the end of a paragraph that shows no
    hole near its end (a mark there leaves none that can be seen)."""
    places = []
    for sentence, following in zip(page, page[1:] + [None]):
        widths = holes(sentence)
        places.extend((sentence, width) for width in widths)
        ends_paragraph = following is None or following.paragraph != sentence.paragraph
        if ends_paragraph and not (widths and hole_at_end(sentence)):
            places.append((sentence, None))
    return places


def hole_after(sentence: Sentence, char: int) -> int:
    """How many characters of the original the clean-up dropped right after
    `char` (a character of the sentence's paragraph that is not its last)."""
    start, end = sentence.make.original(char, char + 2)  # this character and the next, in the original
    return end - start - 2


def hole_at_end(sentence: Sentence) -> bool:
    """`gönderdi16.`: the sentence's last word or the one before its final punctuation has a hole."""
    tokens = [t for t in sentence.span if not t.is_space][-2:]
    return any(hole_after(sentence, t.idx + len(t.text) - 1) > 0
               for t in tokens if t.idx + len(t.text) < len(doc_text(sentence.doc)))


def assign(numbers: list[int], places: list) -> dict[int, Sentence]:
    """Note number -> the sentence its mark stands in, for the notes of one
    block: every hole is a mark, in the order of the numbers and of their
    width; paragraph ends take the marks left over. A note whose place
    differs between the ways that fit stays unattached."""
    seen = [i for i, (_, width) in enumerate(places) if width is not None]
    hidden = [i for i, (_, width) in enumerate(places) if width is None]
    extra = len(numbers) - len(seen)
    if extra < 0 or extra > len(hidden) or comb(len(hidden), extra) > MAX_WAYS:
        return {}
    ways = []
    for chosen in combinations(hidden, extra):
        used = sorted(seen + list(chosen))
        if all(places[i][1] in (None, len(str(n))) for i, n in zip(used, numbers)):
            ways.append({n: places[i][0] for i, n in zip(used, numbers)})
    return {n: s for n, s in ways[0].items() if all(w[n] is s for w in ways)} if ways else {}


def numbered_notes(all_sentences: list[Sentence]) -> dict[int, tuple[int, list[Sentence]]]:
    """Index of a note's first sentence -> (its number, its sentences)."""
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in all_sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    notes = {}
    for paragraph in paragraphs.values():
        first = paragraph[0]
        number = NUMBER.match(first.span.text) if first.section == "footnote" else None
        if number is not None:
            notes[first.index] = (int(number[1]), paragraph)
    return notes


def attached_notes(all_sentences: list[Sentence]) -> dict[int, list[Sentence]]:
    """Body sentence index -> the sentences of the notes whose marks it holds:
    each block of notes is matched with the body sentences since the block
    before it."""
    notes = numbered_notes(all_sentences)
    attached: dict[int, list[Sentence]] = {}
    page: list[Sentence] = []
    block: list[tuple[int, list[Sentence]]] = []
    for sentence in all_sentences + [None]:
        if sentence is None or sentence.section == "body" and block:
            where = assign([number for number, _ in block], mark_places(page))
            for number, note in block:
                if number in where:
                    attached.setdefault(where[number].index, []).extend(note)
            page, block = [], []
        if sentence is None:
            break
        if sentence.section == "body":
            page.append(sentence)
        elif sentence.index in notes:
            block.append(notes[sentence.index])
    return attached


# --------------------------------------------------------------------------- a quotation with no subject

def quotation(sentence: Sentence):
    """(start char, end char) of the quotation a note opens with, after its number."""
    text, start = sentence.span.text, sentence.span.start_char
    opened = NUMBER.match(text)
    if opened is None or opened.end() >= len(text) or text[opened.end()] not in QUOTES:
        return None
    close = next((i for i in range(opened.end() + 1, len(text)) if text[i] in QUOTES), None)
    return (start + opened.end(), start + close + 1) if close is not None else None


def quoted_note_facts(all_sentences: list[Sentence], attached: dict, doc_id: str) -> list[VisitFact]:
    facts = []
    for index, notes in attached.items():
        body = all_sentences[index]
        persons = {m.text: m for _, m in body.of("PERSON")}
        if len(persons) != 1:
            continue  # whom the quotation is about is clear only when the sentence names one person
        person = next(iter(persons.values()))
        for note in notes:
            fact = quoted_journey(note, person, doc_id)
            if fact is not None:
                facts.append(fact)
    return facts


def quoted_journey(note: Sentence, person, doc_id: str) -> VisitFact | None:
    """The places a quotation with no subject has the person go to or act in."""
    quoted = quotation(note)
    if quoted is None:
        return None
    start, end = quoted
    inside = [(s, m) for s, m in note.items if start <= s.start_char and s.end_char <= end]
    if any(s.label_ == "PERSON" and case_after(note.doc, s.end) == "nominative" for s, _ in inside):
        return None  # the quotation names who did it
    places = [m for s, m in inside if s.label_ == "PLACE" and was_there(note, s, end)]
    if not places:
        return None
    date = next((m for s, m in inside if s.label_ == "DATE"), None)
    number = NUMBER.match(note.span.text)[1]
    there = {id(p): f"the quotation has him act or arrive in {p.text}" for p in places}
    fact = VisitFact(doc_id, note.make(start, end, "VISIT"), leader=person, destination=places[-1],
                     stops=[StopFact(p, inference=there[id(p)]) for p in places], when=date)
    fact.inference["leader"] = (f"note {number} quotes a source that does not say who did it: "
                                f"the person of the sentence its mark stands in, {person.text}")
    fact.inference["destination"] = there[id(places[-1])]
    return fact


def was_there(note: Sentence, span, end: int) -> bool:
    """`Karaköse'de … teslim etti`: a place where the subject acts (locative,
    an active verb ending its clause); `X'e gitti`: a place he goes to. Not
    `Trabzon'a … gönderdi`: where he sends things."""
    lex, doc = event_lexicon(), note.doc
    case = place_case(doc, span.end)
    if case in ("dative", "ablative"):
        return verb_near(doc, note, span.end, lex["motion_verbs"]) and not verb_near(doc, note, span.end, lex["sending_verbs"])
    if case != "locative":
        return False
    verb = clause_verb(note, span.start_char, end)
    return verb is not None and (not PASSIVE.search(verb) or starts_with_any(verb, lex["presence_verbs"]))


def clause_verb(note: Sentence, char: int, end: int) -> str | None:
    """The finite verb that ends the clause a character is in, inside the quotation."""
    clause = clause_at(note, char)
    words = [t for t in note.span if t.idx > char and t.idx < end and not is_suffix(t) and t.is_alpha
             and clause_at(note, t.idx) == clause]
    finite = [turkish_lower(t.text) for t in words if FINITE.search(turkish_lower(t.text)) or CLAUSE_END.search(turkish_lower(t.text))]
    return finite[-1] if finite else None
