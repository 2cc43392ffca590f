"""One document's facts: what its sentences say of a treaty (treaties.TreatyFact)
or a journey (journey.VisitFact), read from the paragraphs extraction parsed,
pointing at mentions."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from histkg.facts.conferences import document_delegations
from histkg.facts.frame_facts import journey_facts, treaty_facts_of_frames
from histkg.facts.frames import WE_MOVES, document_frames, moves_told_as_we
from histkg.facts.journey_phrases import meeting_facts
from histkg.facts.sentences import Sentence, opening_word, sentences
from histkg.facts.treaties import TreatyFact, same_day_as_before, treaty_facts
from histkg.facts.visits import VisitFact, visit_facts
from histkg.language.lexicon import event_lexicon
from histkg.mentions.extract import Extraction


@dataclass
class Facts:
    treaties: list[TreatyFact]
    visits: list[VisitFact]
    meetings: list = field(default_factory=list)  # journey.MeetingFact: when a conference met (dates its guests)
    positions: dict = field(default_factory=dict)  # mention -> (sentence index, paragraph): which facts stand near
    nationalities: dict = field(default_factory=dict)  # PERSON mention -> nationality word before his titles


def with_facts(extraction: Extraction) -> Extraction:
    """The extraction with its facts, read from the parsed paragraphs (then dropped)."""
    facts = find_facts(extraction.document.doc_id, extraction.paragraphs)
    return replace(extraction, facts=facts, paragraphs=())


def same_phrase(fact: TreatyFact, others: list[TreatyFact]) -> TreatyFact:
    """A frame's treaty words (`anlaşma`) that lie inside another fact's phrase
    (`Le Grand ve Dro arasındaki anlaşma`) are that phrase: one treaty."""
    phrase = fact.phrase
    around = next((o for o in others if o.phrase.start <= phrase.start and phrase.end <= o.phrase.end), None)
    if around is None:
        return fact
    return replace(fact, phrase=around.phrase, named=around.named, antecedent=around.antecedent,
                   refers_back=around.refers_back, alias_of=around.alias_of)


def find_facts(doc_id: str, paragraphs) -> Facts:
    """paragraphs: (doc, section, [(span, mention)], make) in document order,
    where make(start_char, end_char, label) builds a Mention for words of
    that paragraph's doc."""
    all_sentences = sentences(paragraphs)
    frames = document_frames(all_sentences)
    told = treaty_facts(all_sentences, doc_id)
    delegations = document_delegations(all_sentences, we_travel=moves_told_as_we(frames) >= WE_MOVES)
    treaties = told + [same_phrase(f, told) for f in treaty_facts_of_frames(frames, doc_id, told, delegations.delegates,
                                                                             delegations.states)]
    treaties = same_day_as_before(treaties, all_sentences)
    positions = {m: (s.index, s.paragraph) for s in all_sentences for _, m in s.items}
    told_journeys = visit_facts(all_sentences, doc_id)
    visits = told_journeys + journey_facts(frames, doc_id, told_journeys, delegations)
    return Facts(treaties, visits, meeting_facts(all_sentences, doc_id), positions, nationalities(all_sentences))


def nationalities(all_sentences: list[Sentence]) -> dict:
    """`Sovyet Dışişleri Bakan Yardımcısı Karahan`: the nationality word that
    opens the capitalised titles before a person (three at most)."""
    demonyms = event_lexicon()["demonyms"]
    found = {}
    for sentence in all_sentences:
        for span, mention in sentence.of("PERSON"):
            opening = opening_word(sentence, span.start, demonyms.__contains__)
            if opening:
                found[mention] = opening[0]
    return found


