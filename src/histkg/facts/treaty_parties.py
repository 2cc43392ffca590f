"""A treaty's parties: the states a signing sentence names as its sides, and the side it leaves out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span

from histkg.facts.sentences import Sentence, case_after, next_words, owned_noun_follows, starts_with_any
from histkg.language.gazetteer import Gazetteer, is_country, is_state, state_of
from histkg.language.lexicon import event_lexicon, load_lexicon, turkish_lower
from histkg.mentions.tokens import doc_text, is_suffix, token_starts, token_texts
from histkg.mentions.treaties import head_form


def made_by(sentence: Sentence, end: int, limit: int) -> list:
    """`Türkiye ile yapılan dostluk anlaşması, Sovyet Rusya'nın sivil hükümeti
    tarafından kararlaştırıldığı için`: the treaty is the subject of a passive
    verb of making, whose agent (`X tarafından`, or `X'in … hükümeti
    tarafından`) is a side of it."""
    doc = sentence.doc
    if case_after(doc, end) != "nominative" or head_form(doc[end - 1].text) != doc[end - 1].text:
        return []  # `antlaşmasıyla`, `Antlaşması'nı`: not the subject
    agents = [t.i for t in doc[end:limit] if turkish_lower(t.text) in event_lexicon()["agent_links"]]
    verbs = event_lexicon()["signing_verbs"] + load_lexicon("treaties.json")["made_verbs"]
    if not agents or agents[0] + 1 >= limit or not starts_with_any(turkish_lower(doc[agents[0] + 1].text), verbs):
        return []
    agent = agents[0]
    for span, mention in reversed([(s, m) for s, m in state_mentions(sentence) if end <= s.start and s.end <= agent]):
        words = [t for t in doc[span.end:agent] if not is_suffix(t)]
        government = (len(words) == 1 or case_after(doc, span.end) == "genitive" and len(words) == 2) \
            and turkish_lower(words[-1].text) in load_lexicon("treaties.json")["government_words"]
        return [mention] if not words or government else []
    return []


def passive_signing(sentence: Sentence, end: int) -> bool:
    """The first signing verb after the treaty is passive (`imzalandı`, `imza edildi`): who signed is left out."""
    words = [turkish_lower(t.text) for t in sentence.doc[end:sentence.span.end] if t.is_alpha]
    first = next((i for i, w in enumerate(words) if starts_with_any(w, event_lexicon()["signing_verbs"])), None)
    if first is None:
        return False
    return starts_with_any(" ".join(words[first:first + 2]), load_lexicon("treaties.json")["passive_signing"])


def document_state(counts: Counter) -> str | None:
    """The gazetteer key of the state a document is about: the one whose name
    and places its body text names most (`state_counts`), half again as often
    as any other (and three times at least); None when no state stands out."""
    (top, most), (_, next_most) = (counts.most_common(2) + [(None, 0), (None, 0)])[:2]
    return top if most >= 3 and most >= 1.5 * next_most else None


def state_counts(all_sentences: list[Sentence]) -> Counter:
    """How often the body text names each state (gazetteer key), by its name or its places."""
    counts = Counter()
    for sentence in all_sentences:
        if sentence.section != "body":
            continue
        places = [m for s, m in sentence.items if s.label_ == "PLACE"] + [m for _, m in untagged_countries(sentence)]
        counts.update(key for key in (state_key(m.text) for m in places) if key)
    return counts


def named_states(all_sentences: list[Sentence], counts: Counter) -> set[str]:
    """The states the body text names: their gazetteer keys (`state_counts`),
    and the names of places and organizations in lower case (`osmanlı
    devleti`, a state the gazetteer lacks)."""
    names = {turkish_lower(m.text) for sentence in all_sentences if sentence.section == "body"
             for s, m in sentence.items if s.label_ in ("PLACE", "ORG")}
    return set(counts) | names


def state_parties(sentence: Sentence, lo: int, hi: int) -> list:
    """States the tagged names do not give as such: a country the place finder
    left untagged (`Türkiye ile`), a government named by its seat (`Atina
    hükümeti`: the state Atina is the seat of), and `her iki devlet de`: the
    two states named just before. Each is a mention whose data is the state's
    gazetteer key, resolved to a place by `state_entity`."""
    doc = sentence.doc
    found = state_mentions(sentence)
    inside = [(s, m) for s, m in found if lo <= s.start and s.end <= hi]
    parties = [m for s, m in inside if not s.label_  # the tagged ones are read by one_treaty_fact
               and (is_party(doc, s) or case_after(doc, s.end) == "nominative")]
    both = both_sides_at(sentence, lo, hi)
    if both is not None:
        parties += [m for s, m in found if s.end <= both][-2:]
    return list(dict.fromkeys(parties))


def state_mentions(sentence: Sentence) -> list:
    """(span, mention) of every state the sentence names, in text order: a
    state's name, a government named by its seat (`Atina hükümeti`, its own
    span, whose mention's data is the state's gazetteer key) and a country
    the place finder left untagged (`untagged_countries`)."""
    doc = sentence.doc
    found = []
    for span, mention in sentence.items:
        if span.label_ in ("PLACE", "ORG") and (span.label_ == "ORG" or is_state(mention.text)):
            found.append((span, mention))
        elif span.label_ == "PLACE" and governed(doc, span.end):
            government = doc[span.start:span.end + 1]
            key = state_key(mention.text)
            if key:
                found.append((government, replace(sentence.make(government.start_char, government.end_char, "PLACE"), data=key)))
    found += untagged_countries(sentence)
    return sorted(found, key=lambda pair: pair[0].start)


def governed(doc: Doc, end: int) -> bool:
    """`Atina hükümeti`: a government word follows the place."""
    return end < len(doc) and turkish_lower(doc[end].text) in load_lexicon("treaties.json")["government_words"]


def untagged_countries(sentence: Sentence) -> list:
    """Countries the gazetteer knows that no mention covers (the place finder
    skips a word it also takes for part of a name, as `Türkiye`)."""
    doc, span = sentence.doc, sentence.span
    tagged = {i for s, _ in sentence.items for i in range(s.start, s.end)}
    text, starts, texts = doc_text(doc), token_starts(doc), token_texts(doc)

    def words_text(i: int, j: int) -> str:  # doc[i:j].text without making a Span (this runs on every sentence, often)
        return text[starts[i]:starts[j - 1] + len(texts[j - 1])]

    found, i = [], span.start
    while i < span.end:
        if texts[i][:1].isupper():  # every candidate opens with word i: a lower-case one opens none
            for j in range(min(i + 3, span.end), i, -1):
                if not tagged.intersection(range(i, j)) and is_country(words_text(i, j)):
                    words = doc[i:j]
                    mention = sentence.make(words.start_char, words.end_char, "PLACE")
                    found.append((words, replace(mention, data=Gazetteer.load().lookup(words.text))))
                    i = j - 1
                    break
        i += 1
    return found


def both_sides_at(sentence: Sentence, lo: int, hi: int) -> int | None:
    """Where `her iki devlet` (both states) stands in the words lo..hi, if it does."""
    lex = load_lexicon("treaties.json")["both_sides"]
    words = [turkish_lower(t.text) for t in sentence.doc[lo:hi]]
    for i in range(len(words)):
        for quantifier in lex["quantifiers"]:
            parts = quantifier.split()
            after = i + len(parts)
            if words[i:after] == parts and after < len(words) and starts_with_any(words[after], lex["nouns"]):
                return lo + i
    return None


@cache
def state_key(name: str) -> str | None:
    """The gazetteer key of the state a place name stands for: a country
    itself, or the country a city (a government's seat) lies in."""
    return state_of(Gazetteer.load().lookup(name))


def subject_state(doc: Doc, span: Span, mention) -> bool:
    """`Gürcistan 7 Mayıs'ta barışı imzalamış`: a state as the subject signs."""
    return case_after(doc, span.end) == "nominative" and (span.label_ == "ORG" or is_state(mention.text))


# -DIğI, -DIkları, -mAsI: a verb made a noun, whose subject Turkish marks with the genitive.
NOMINALISED = re.compile(r"[dt][ıiuü]ğ|[dt][ıiuü]k(?:lar|ler)|m[ae]s[ıi]")


def genitive_subject(sentence: Sentence, span: Span, mention, end: int) -> bool:
    """`Sovyet Rusya'nın, daha önce Moskova Antlaşmasını imzaladığı`: a state
    in the genitive is the subject of a signing verb made a noun. A comma or a
    name (not a noun it owns: `Rusya'nın elçisi`) must follow the genitive."""
    doc = sentence.doc
    if case_after(doc, span.end) != "genitive" or not (span.label_ == "ORG" or is_state(mention.text)):
        return False
    after_suffix = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if after_suffix is None or not (after_suffix.text == "," or after_suffix.text[:1].isupper() or after_suffix.like_num):
        return False
    if owned_noun_follows(doc, span.end, sentence.span.end):
        return False  # `Milletler Cemiyeti'nin Musul kararından`: the decision's, not the signing's
    words = next_words(doc, end, 4)
    signing = [i for i, w in enumerate(words) if starts_with_any(w, event_lexicon()["signing_verbs"])]
    return bool(signing) and any(NOMINALISED.search(w) for w in words[signing[0]:signing[0] + 2])


def demonym_states(doc: Doc, start: int, end: int, named: bool) -> tuple[str, ...]:
    """`Türk-Sovyet Paktı`, `Türk-Rus dostluk antlaşması`, `İran-Irak sınır
    antlaşması` -> Türkiye, Sovyet Rusya / Rusya / İran, Irak: the nationality
    words and country names the name or phrase opens with."""
    demonyms = event_lexicon()["demonyms"]
    words = doc[start:end]  # a phrase starts at its nationality words (nationality_start), not at a party's name before it
    parts = [p for token in words for p in re.split(r"[-–]", token.text) if p]
    states = [demonyms.get(p) or (p if is_country(p) else None) for p in parts]
    return tuple(dict.fromkeys(s for s in states if s))


def is_party(doc: Doc, span: Span) -> bool:
    """`X ile`, `X'le`, `X ile Y arasında`, `X tarafından`, or the subject."""
    lex = event_lexicon()
    case = case_after(doc, span.end)
    after = next_words(doc, span.end, 4)
    if case == "instrumental" or any(w in lex["party_links"] or w in lex["agent_links"] for w in after[:1]):
        return True
    return case == "nominative" and bool(after) and any(w.startswith("arasında") for w in after[:4])


