"""Diplomatic postings: an envoy sent to a capital makes a journey there.

Historians list envoys as postings, and the texts state them three ways:
- an appointment: `X Paşa Moskova elçiliğine atandı`, `X Varşova'ya büyükelçi
  olarak gönderildi` (the journey to take up the post may follow);
- credentials presented: `X Paris'e itimatnamesini verdi`;
- a list after a heading that names the capital and the office:
  `Ankara'ya verilen itimatnameler: 5 Mart 1921 X (…), …`,
  `Türkiye'nin Moskova'daki elçileri: X (Mayıs 1922'ye kadar), Y (Ekim 1928)`.
  Each item is a posting; its date starts it (`… 'den beri`, or a bare date)
  or ends it (`… 'e kadar`).
"""

from __future__ import annotations

from histkg.facts.sentences import Sentence, case_after, mentions_any, starts_with_any
from histkg.language.lexicon import event_lexicon, turkish_lower
from histkg.mentions.tokens import doc_text


def envoy_word_after(sentence: Sentence, end: int) -> str | None:
    """The office word right after a place: `Moskova elçiliğine` (the post),
    or after its dative: `Varşova'ya büyükelçi olarak`."""
    doc = sentence.doc
    for token in doc[end:min(end + 2, sentence.span.end)]:
        word = turkish_lower(token.text)
        if starts_with_any(word, event_lexicon()["envoy_words"]):
            return word
    return None


def posting_anchor(sentence: Sentence):
    """(person, anchor start char, anchor end char, destination) for an
    appointment or credentials sentence: the first person the sentence names
    as subject, and the capital the office is in."""
    lex = event_lexicon()
    lower = sentence.lower
    credentials = mentions_any(lower, lex["credential_words"])
    if not (credentials or mentions_any(lower, lex["appointment_verbs"]) and mentions_any(lower, lex["envoy_words"])):
        return []
    persons = [(s, m) for s, m in sentence.of("PERSON") if case_after(sentence.doc, s.end) == "nominative"]
    for place_span, place in sentence.of("PLACE"):
        case = case_after(sentence.doc, place_span.end)
        office = envoy_word_after(sentence, place_span.end + (case != "nominative"))
        takes_post = office is not None and (case == "nominative" and office.endswith(("ne", "na"))
                                             or case == "dative")
        if not (takes_post or credentials and case == "dative"):
            continue
        before = [(s, m) for s, m in persons if s.start < place_span.start]
        if before:
            person_span, person = before[-1]
            return [(person, person_span.start_char, place_span.end_char, place)]
    return []


def posting_lists(all_sentences: list[Sentence]):
    """(person, date or None, place, item start char, item end char, sentence)
    for every item of a posting list."""
    found = []
    for sentence in all_sentences:
        heading = list_heading(sentence)
        if heading is None:
            continue
        place, colon = heading
        found.extend(list_items(all_sentences, sentence, place, colon))
    return found


def list_heading(sentence: Sentence):
    """(place mention, colon char offset in the doc) for `Ankara'ya verilen
    itimatnameler:` or `Türkiye'nin Moskova'daki elçi veya büyükelçileri:`:
    the office word ends the words before the colon (not `(… No: 54)`)."""
    text = sentence.span.text
    if ":" not in text:
        return None
    colon = sentence.span.start_char + text.index(":")
    head = turkish_lower(doc_text(sentence.doc)[sentence.span.start_char:colon]).split()
    if not head or not starts_with_any(head[-1], event_lexicon()["envoy_words"]):
        return None
    places = [(s, m) for s, m in sentence.of("PLACE") if s.end_char <= colon
              and case_after(sentence.doc, s.end) in ("dative", "locative")]
    return (places[-1][1], colon) if places else None


def list_items(all_sentences: list[Sentence], heading: Sentence, place, colon: int):
    """The items after the colon, up to the end of the paragraph or the next
    heading: split at commas outside parentheses (an item's own parenthesis
    holds commas: `Budu Mdivani (… hükümeti, 15 Temmuz 1921'den beri …)`)."""
    doc = heading.doc
    same_paragraph = [s for s in all_sentences if s.doc is doc and s.span.start_char >= heading.span.start_char]
    text = doc_text(doc)
    end = len(text)
    for sentence in same_paragraph[1:]:
        if list_heading(sentence) is not None:
            end = sentence.span.start_char
            break
    mentions = [(s, m) for sentence in same_paragraph for s, m in sentence.items if colon < s.start_char < end]
    items = []
    for start, stop in top_level_parts(text, colon + 1, end):
        inside = [(s, m) for s, m in mentions if start <= s.start_char < stop]
        stop = start + len(text[start:stop].rstrip(" .–-\n"))
        item = list_item(text, inside, start)
        if item is not None:
            person, date = item
            items.append((person, date, place, start, stop, heading))
    return items


def top_level_parts(text: str, start: int, end: int):
    """(start, end) of the parts of text[start:end] between commas, semicolons
    and dashes that stand outside parentheses."""
    depth, begin = 0, start
    for i in range(start, end):
        char = text[i]
        depth += (char == "(") - (char == ")")
        depth = max(depth, 0)
        if depth == 0 and char in ",;–":
            yield begin, i
            begin = i + 1
    yield begin, end


def list_item(text: str, inside: list, start: int):
    """(person, date) of one item: the first person outside parentheses; the
    date before the name (`30 Haziran 1922 X`), else the first in the
    parenthesis after it (`X (Mayıs 1922'ye kadar)`)."""
    depth_at = {}
    depth = 0
    for i in range(start, max((s.end_char for s, _ in inside), default=start)):
        depth_at[i] = depth
        depth += (text[i] == "(") - (text[i] == ")")
    persons = [(s, m) for s, m in inside if s.label_ == "PERSON" and depth_at.get(s.start_char, 0) == 0]
    if not persons:
        return None
    person_span, person = persons[0]
    dates = [m for s, m in inside if s.label_ == "DATE" and "/" not in m.data.edtf.strip("./")
             and not m.data.edtf.startswith(("{", "["))]
    before = [m for s, m in inside if s.label_ == "DATE" and s.end_char <= person_span.start_char and m in dates]
    after = [m for s, m in inside if s.label_ == "DATE" and s.start_char >= person_span.end_char and m in dates]
    return person, (before or after or [None])[0]


def ends_posting(date) -> bool:
    """`Mayıs 1922'ye kadar` (../1922-05) ends a posting; other dates start it."""
    return date is not None and date.data.edtf.startswith("..")
