"""Where a sentence sends a travelling group: the places it leaves, passes,
stays in and reaches, in travel order (clause by clause; within a clause
whence, where, whither), read from the case suffix after each place name.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span

from histkg.facts.sentences import Sentence, case_after, mentions_any, next_words, starts_with_any
from histkg.language.lexicon import event_lexicon, turkish_lower
from histkg.mentions.tokens import is_suffix


def verb_near(doc: Doc, sentence: Sentence, end: int, stems, window: int = 4) -> bool:
    """A verb of `stems` among the next words, skipping other places and
    particles (`Tophane Rıhtımı'ndan Haydarpaşa'ya hareket edilmişti`), up
    to a `ve` that follows other words."""
    places = {i for s, _ in sentence.of("PLACE") for i in range(s.start, s.end)}
    seen = 0
    for token in doc[end:sentence.span.end]:
        if is_suffix(token) or token.i in places or not token.is_alpha:
            continue
        word = turkish_lower(token.text)
        if starts_with_any(word, stems):
            return True
        if word == "ve" and seen:
            return False  # `Rusya'ya bakışı ve gelinen nokta`: the verb after `ve` is another phrase's
        if word not in ("de", "da", "ve", "ile", "kadar", "bir", "üzere"):
            seen += 1
        if seen >= window:
            return False
    return False


def stop_places(sentence: Sentence, first_clause: int = 0) -> list:
    """Places the group goes to, leaves from or stays in, in travel order
    within the sentence: clause by clause (`Samsun'a çıktıktan sonra …
    Havza'da`), and within a clause whence first, whither last."""
    lex = event_lexicon()
    rank = {"ablative": 0, "locative": 1, "accusative": 1, "nominative": 1, "dative": 2}
    moving = mentions_any(sentence.lower, lex["motion_verbs"])
    # where the sentence receives guests, or speaks of the group (`Paris'te X başkanlığındaki heyete`), it is
    there = mentions_any(sentence.lower, lex["host_verbs"]) or mentions_any(sentence.lower, lex["group_words"])
    found = []
    places = sentence.of("PLACE")
    cases = coordinated_cases(sentence.doc, places)
    for (span, mention), case in zip(places, cases):
        clause = clause_at(sentence, span.start_char)
        if clause < first_clause or names_something_else(sentence.doc, span) \
                or case == "dative" and intent_after(sentence.doc, span.end) \
                or journey_named_after(sentence, span.end):
            continue
        if case == "accusative" and listed_object(sentence, span.end):
            continue
        if case in ("ablative", "dative", "accusative") and verb_near(sentence.doc, sentence, span.end, lex["motion_verbs"]) \
                or case == "locative" and (moving or there) \
                or case == "nominative" and moving and (part_of_route(sentence.doc, span) or via(sentence.doc, span)):
            found.append((clause, rank[case], span.start, mention, case))
    return [(m, case) for *_, m, case in sorted(found, key=lambda f: f[:3])]


CLAUSE_END = re.compile(r"(?:m[ıiuü]ş(?:t[ıiuü]|d[ıiuü])?(?:lar|ler)?)$")  # `girmiş`, `geçmişti`, `dönmüşlerdi`
AFTER_CONVERB = re.compile(r"(?:d|t)[ıiuü]ktan$|(?:d|t)[ıiuü]kten$")  # `çıktıktan sonra`


def clause_at(sentence: Sentence, char: int) -> int:
    """The number of the clause (0, 1, …) a character of the sentence is in:
    a clause ends at a finite verb before `ve` or a comma (`girmiş ve`), at
    `-dıktan sonra`, or at a semicolon (`bkz. X, 22 Mart; Y Ankara'ya gelmişti`:
    what comes before it is another statement)."""
    clause = 0
    tokens = list(sentence.span)
    for token, following in pairwise(tokens):
        if token.idx >= char:
            break
        word, next_word = turkish_lower(token.text), turkish_lower(following.text)
        if CLAUSE_END.search(word) and next_word in ("ve", ",") or next_word == "sonra" and AFTER_CONVERB.search(word) \
                or word == ";":
            clause += 1
    return clause


def place_case(doc: Doc, end: int) -> str:
    """The case a place name takes (sentences.case_after), also from a head
    noun after it that carries the ending itself, with no apostrophe
    (`Boğaz açıklarına`, `Tophane rıhtımına` are dative)."""
    case = case_after(doc, end)
    if case != "nominative" or end >= len(doc) or is_suffix(doc[end]):
        return case
    word = turkish_lower(doc[end].text)
    stem = next((s for s in event_lexicon()["place_heads"] if word.startswith(s)), None)
    if stem is None:
        return case
    ending = word[len(stem):]
    if len(ending) < 2:
        return case  # `Tophane Rıhtımı`: the compound's own ending, no case
    return next((name for form, name in case_endings() if ending.endswith(form)), case)


@cache
def case_endings() -> list[tuple[str, str]]:
    """(ending, case) of every case suffix of two letters or more, longest first
    (a one-letter form such as `-a` would match the end of any word)."""
    forms = [(form, name) for name, all_forms in event_lexicon()["case_suffixes"].items() for form in all_forms]
    return sorted(((form, name) for form, name in forms if len(form) >= 2), key=lambda pair: -len(pair[0]))


def coordinated_cases(doc: Doc, places: list) -> list[str]:
    """`Adalar ve Yalova'ya`: coordinated names share the case of the last."""
    cases = [place_case(doc, span.end) for span, _ in places]
    for i in range(len(places) - 2, -1, -1):
        span, following = places[i][0], places[i + 1][0]
        between = [t.text for t in doc[span.end:following.start]]
        if cases[i] == "nominative" and between in (["ve"], [","], ["ile"]):
            cases[i] = cases[i + 1]
    return cases


def names_something_else(doc: Doc, span: Span) -> bool:
    """`İzmir Vapuru`, `İstanbul Valisi`, `Pera Palace Oteli`: a ship, an
    office or a building named after the place, not the place."""
    return span.end < len(doc) and starts_with_any(turkish_lower(doc[span.end].text), event_lexicon()["not_place_heads"])


def listed_object(sentence: Sentence, end: int) -> bool:
    """`… yatırımları, Ankara'yı, gezdiği sergileri, okulları … değerlendirdi`:
    a place in the accusative, then a comma and no other place, is one item
    of a list of things; its verb ends the list, and the next word is not it."""
    doc = sentence.doc
    after = end + (end < len(doc) and is_suffix(doc[end]))
    places = {s.start for s, _ in sentence.of("PLACE")}
    return after + 1 < sentence.span.end and doc[after].text == "," and after + 1 not in places


VERBAL_NOUN = re.compile(r"[iıuü]ş[iıuü](?:n[iıuü])?$")  # `gelişi`, `dönüşünü`: his coming, as a noun


def journey_named_after(sentence: Sentence, end: int) -> bool:
    """`Heyetin Ankara'ya gelişi ve … konuşmayı … değerlendirmekteydi`: the
    motion word after the place is a verbal noun the sentence talks about,
    not a step of the story. With a case ending it dates one (`İstanbul'a
    dönüşünde`, `Moskova'ya gidişinden sonra`): that one is told."""
    places = {i for s, _ in sentence.of("PLACE") for i in range(s.start, s.end)}
    for token in sentence.doc[end:min(end + 4, sentence.span.end)]:
        if is_suffix(token) or token.i in places or not token.is_alpha:
            continue
        word = turkish_lower(token.text)
        if starts_with_any(word, event_lexicon()["motion_verbs"]):
            return VERBAL_NOUN.search(word) is not None
    return False


def intent_after(doc: Doc, end: int) -> bool:
    """`İstanbul'a gitmek üzere`, `Ankara'ya hareket edileceğinden`: where they
    mean to go, told before they go (the stop comes when they arrive); and
    `İstanbul'a gelirken`: on the way there, not yet arrived."""
    words = next_words(doc, end, 2)
    return "üzere" in words or any(re.search(r"(?:ecek|acak|eceğ|acağ)|rken$", w) for w in words)


def via(doc: Doc, span: Span) -> bool:
    """`Erzurum üzerinden`: a place passed through on the way."""
    return span.end < len(doc) and starts_with_any(turkish_lower(doc[span.end].text), event_lexicon()["via_words"])


def part_of_route(doc: Doc, span: Span) -> bool:
    """`Eskişehir-Kütahya-Balıkesir güzergahıyla`: names joined by dashes."""
    near = doc[max(span.start - 1, 0):min(span.end + 1, len(doc))]
    return any(t.text in ("-", "–") for t in near) or "güzergah" in turkish_lower(doc[span.end:span.end + 6].text)
