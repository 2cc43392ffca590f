"""Receptions: envoys a government received (`7 Ocak 1922’de Buhara’dan özel
temsilci Muhammed Nasari ve Mayıs 1922’de de Kırım Reisi Cafer Seyyid Ahmed
kabul edilmiştir`).

A clause that ends on a passive verb of receiving, with the persons received
as its subjects (in the nominative, not the agent before `tarafından`), is a
visit to the receiving side: one person leads it; persons coordinated with
`ve` make one reception with no leader, each a traveller, from the first date
of the clause to the last.

The place is the receiving side's, and the text often leaves it unsaid. It
is then drawn (hkg:inference) from the document's other journeys that start
the same year: when two or more go to one place and none elsewhere, the
envoys were received there.
"""

from __future__ import annotations

from histkg.facts.journey import VisitFact, fact_year
from histkg.facts.sentences import Sentence, case_after, starts_with_any
from histkg.facts.stops import clause_at
from histkg.language.lexicon import event_lexicon, turkish_lower
from histkg.mentions.tokens import lowered_texts


def reception_verb(sentence: Sentence):
    """The token that opens a passive verb of receiving (`kabul edilmiştir`)."""
    doc, lex = sentence.doc, event_lexicon()
    lowered = lowered_texts(doc)
    for i in range(sentence.span.start, sentence.span.end - 1):
        if lowered[i] in lex["reception_words"] and starts_with_any(lowered[i + 1], lex["passive_reception"]):
            return doc[i]
    return None


def clause_items(sentence: Sentence, verb) -> list:
    """The mentions of the clause the verb of receiving ends."""
    clause = clause_at(sentence, verb.idx)
    return [(s, m) for s, m in sentence.items if s.start < verb.i and clause_at(sentence, s.start_char) == clause]


def received_persons(sentence: Sentence) -> list:
    """(span, person) the sentence says were received."""
    verb = reception_verb(sentence)
    return [] if verb is None else subjects(sentence, clause_items(sentence, verb))


def subjects(sentence: Sentence, in_clause: list) -> list:
    """(span, person) of the persons the clause of a passive verb makes its
    subjects, not its agent (`X tarafından kabul edildi`)."""
    doc = sentence.doc
    return [(s, m) for s, m in in_clause if s.label_ == "PERSON"
            and case_after(doc, s.end) == "nominative"
            and not (s.end < len(doc) and turkish_lower(doc[s.end].text) in event_lexicon()["agent_links"])]


def reception_facts(sentence: Sentence, doc_id: str) -> list[VisitFact]:
    """One visit for the persons the clause says were received."""
    verb = reception_verb(sentence)
    if verb is None:
        return []
    doc, in_clause = sentence.doc, clause_items(sentence, verb)
    received = subjects(sentence, in_clause)
    if not received:
        return []
    dates = sorted((m for s, m in in_clause if s.label_ == "DATE" and "/" not in m.data.edtf),
                   key=lambda m: m.data.earliest)
    start = min(s.start_char for s, _ in in_clause)
    anchor = sentence.make(start, doc[verb.i + 1].idx + len(doc[verb.i + 1].text), "VISIT")
    persons = [m for _, m in received]
    fact = VisitFact(doc_id, anchor, leader=persons[0] if len(persons) == 1 else None,
                     visitors=persons if len(persons) > 1 else [], received=True)
    if dates:
        fact.start = dates[0]
        fact.end = dates[-1] if len(dates) > 1 else None
    return [fact]


def received_where(fact: VisitFact, facts: list[VisitFact], entity_of: dict):
    """(destination mention, how it was drawn) for a reception the text does
    not place: where the document's other journeys of that year all go."""
    year = fact_year(fact)
    others = [f for f in facts if f is not fact and f.doc_id == fact.doc_id and not f.received
              and f.part_of is None and entity_of.get(f.leader) is not None and f.destination in entity_of
              and fact_year(f) == year]
    places = {id(entity_of[f.destination]) for f in others}
    if year is None or len(others) < 2 or len(places) != 1:
        return None
    where = others[0].destination
    travellers = ", ".join(dict.fromkeys(entity_of[f.leader].label for f in others))
    return where, (f"received where this text's other journeys of {year} all go: "
                   f"{entity_of[where].label} ({travellers})")
