"""The words a person's name is made of: given names, surnames by their
endings, particles, initials, titles; where a name begins and ends, and when a
capitalised word names a place or a thing instead. `persons.PersonDetector`
builds on these to find names by their clues."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from histkg.language.gazetteer import Gazetteer
from histkg.language.lexicon import load_lexicon, load_word_list, month_names, turkish_lower
from histkg.mentions.tokens import (
    PLACE_WORD_SUFFIXES,
    PLURAL,
    ROMAN,
    capitalised,
    followed_by_suffix,
    head_words,
    inflected,
    is_capitalised,
    is_common_text,
    is_common_word,
    is_suffix,
    token_texts,
)


# Our list (Ottoman, Russian, European names) and Zemberek's Turkish given names.
GIVEN_NAME_FILES = ("given-names.txt", "given-names-zemberek.txt")


# a noun's possessive and case (`ırmağ-ı-nın`, `şehr-i-ne`), not any word it starts (`kaza-ndı`, `açık-ladı`)
POSSESSED = re.compile(r"^s?[ıiuü](?:n?[dt][ae]n?|n[ıiuü]n|n?[ae]|n[ıiuü]|yl[ae])?$")
NAME_CLOSERS = {",", "(", ")"}  # punctuation that may close a name: no case suffix follows

class NameWords:
    """What the person detector knows of the words of names (the lexicons of
    `names.json`, the given names, the gazetteer) and how far a name reaches."""

    def __init__(self, name: str = "histkg_persons", *, lexicon: str = "names.json",
                 given_names: tuple[str, ...] = GIVEN_NAME_FILES, max_name_tokens: int = 3) -> None:
        self.name = name
        lex = load_lexicon(lexicon)
        self.honorifics_after = set(lex["honorifics_after"])
        self.titles_before = set(lex["titles_before"])
        self.title_in_name = set(lex["title_is_part_of_name"])
        self.citation_roles = dict(lex["citation_roles"])  # abbreviation -> translator | editor
        # a nationality is no word of a name (`İtalyan'ı soluna oturttu`): the demonyms events.json maps to states too
        self.not_name = set(lex["not_name_words"]) | set(load_lexicon("events.json")["demonyms"])
        self.surname_re = self._ending_re(lex["surname_endings"])
        self.weak_surname_re = self._ending_re(lex["surname_endings_needing_given_name"])
        self.patronymic_re = self._ending_re(lex["patronymic_endings"])
        self.given_names = frozenset().union(*map(load_word_list, given_names))
        self.title_stems = tuple(lex["title_stems"])
        self.topic_stems = tuple(lex["topic_stems"])
        self.foreign_words = set(lex["foreign_function_words"])
        self.title_re, self.topic_re = (
            re.compile("^(?:" + "|".join(map(re.escape, stems)) + r").{0,3}$", re.DOTALL)
            for stems in (self.title_stems, self.topic_stems))
        # is_title: the person rules ask it of most words, several times each (by the word
        # alone: a compiled pattern is no cheap key, its hash reads all its code)
        self.name_shaped = lru_cache(maxsize=1 << 16)(self._name_shaped)  # of every word, by several rules
        self.title_word = lru_cache(maxsize=1 << 16)(lambda text: self.title_re.match(turkish_lower(text)) is not None)
        self.topic_word = lru_cache(maxsize=1 << 16)(lambda text: self.topic_re.match(turkish_lower(text)) is not None)
        self.particles = set(lex["name_particles"])
        self.regnal_ordinals = set(lex["regnal_ordinals"])
        self.leading_particles = set(lex["leading_particles"])
        events = load_lexicon("events.json")
        self.genitive = set(events["case_suffixes"]["genitive"])
        self.motion_cases = set(events["case_suffixes"]["dative"] + events["case_suffixes"]["ablative"])
        self.motion_verbs = tuple(events["motion_verbs"])
        self.treaty_nouns = tuple(events["treaty_nouns"])
        self.issue_words = set(lex["issue_words"])
        self.role_before = set(lex["role_before_name"])
        self.role_after = [tuple(phrase.split()) for phrase in lex["role_after_name"]]
        self.role_fillers = set(lex["role_fillers"])
        self.turkish_words = set(lex["turkish_function_words"])
        self.place_suffixes = set(load_lexicon("places.json")["place_suffixes"])
        self.place_nouns = tuple(load_lexicon("places.json")["place_nouns"])
        self.transliteration_re = re.compile("|".join(lex["western_transliteration_marks"]), re.IGNORECASE)
        self.thing_heads = set(lex["named_after_heads"]) | head_words()
        self.max_name_tokens = max_name_tokens
        self.honorific_prefixes = tuple(self.honorifics_after)
        self.months = month_names()

        self.places = Gazetteer.load()

    @staticmethod
    def _ending_re(endings: list[str]) -> re.Pattern:
        alternatives = "|".join(sorted(map(re.escape, endings), key=len, reverse=True))
        return re.compile(rf"^[A-ZÇĞİÖŞÜÂÎÛ][a-zçğıöşüâîûéèäëïž]+(?:{alternatives})$")

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
        """The words before `end` name a thing, or a place by its kind (`Aras ırmağının`)."""
        if end >= len(doc):
            return False
        word = doc[end].text
        return word in self.thing_heads or any(
            word.startswith(noun) and POSSESSED.match(word[len(noun):]) for noun in self.place_nouns)

    # -- what may be part of a name ------------------------------------------------
    def is_name_word(self, doc: Doc, i: int) -> bool:
        texts = token_texts(doc)
        text = texts[i]
        if not self.name_shaped(text):
            return False
        if text.isupper() and len(text) > 1 and "." not in text:
            return self.is_capitalised_surname(doc, doc[i])
        if i > 0 and f"{texts[i - 1]} {text}" in self.months:
            return False  # `İkinci Teşrin`, `Birinci Kânun`: a month of the Republic's calendar, though `Teşrin` is a given name
        if text in self.given_names:
            return True
        if self.is_prominent_place(text) and not (self.surname_re.match(text) or self.weak_surname_re.match(text)):
            return self.place_word_in_name(doc, i)  # `Moskova`, `Kars`; `Stalin`, `Kirov` keep their Russian ending
        if self.is_of_a_place(text) or PLURAL.search(text) or self.inflected_not_name(text):
            return False  # `Çarlık Rusyası`, `Türkistanlı`, `Sovyetlerin`
        return not (is_common_text(doc, text) or text.startswith(self.honorific_prefixes)
                    or text in self.months or self.is_title(text) or self.is_title(text, self.topic_stems))

    def _name_shaped(self, text: str) -> bool:
        """Capitalised, letters first, no honorific, no word of the not-a-name list, no Roman numeral."""
        if not capitalised(text) or text in self.not_name or text in self.honorifics_after:
            return False
        return bool(re.fullmatch(r"[^\W\d_][\w\-.]*", text)) and not ROMAN.match(text)

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

    def is_state(self, text: str) -> bool:
        """A country or a region (the gazetteer gives it no population or no point)."""
        key = self.places.lookup(text)
        return key is not None and (self.places.info(key).population == 0 or self.places.info(key).latitude is None)

    def place_word_in_name(self, doc: Doc, i: int) -> bool:
        """`Halil Kut Paşa`: a place's name between a given name and an
        honorific is the person's surname; so is one after two given names
        that a comma or a bracket closes (`Tevfik Rüştü Aras,`), where a place
        would take a case suffix (`Mustafa Kemal Havza'ya`)."""
        if not 0 < i < len(doc) - 1 or doc[i - 1].text not in self.given_names:
            return False
        return doc[i + 1].text in self.honorifics_after \
            or i > 1 and doc[i - 2].text in self.given_names and doc[i + 1].text in NAME_CLOSERS

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
        return (self.title_word if stems is None or stems is self.title_stems else self.topic_word)(text)

    def extend_left(self, doc: Doc, end: int, limit: int) -> int:
        """Start of the run of name words that ends at `end`, with an article
        that opens the surname (`Le Grand`)."""
        start = end
        while start > 0 and end - start < limit:
            if start >= 2 and doc[start - 1].text == "-" and self.is_name_word(doc, start - 2) \
                    and self.hyphen_joins(doc, start - 1):
                start -= 1  # `Franklin-Bouillon`: a hyphen joins the part before
            elif not self.is_name_word(doc, start - 1):
                break
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
            if end > start and self.is_place_after_name(doc, end):
                break
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

    def is_place_after_name(self, doc: Doc, i: int) -> bool:
        """`Mustafa Kemal Havza'ya`: a place the gazetteer knows, with a case
        suffix of place, ends the name before it."""
        return followed_by_suffix(doc, i + 1) in self.place_suffixes and self.places.lookup(doc[i].text) is not None

    def particle_joins(self, doc: Doc, i: int) -> int:
        """Tokens of a particle at `i` that a name word follows: `ed-` (2),
        `von` (1); 0 when there is none."""
        if i + 1 >= len(doc) or doc[i].text not in self.particles:
            return 0
        if doc[i + 1].text == "-" and not doc[i].whitespace_ and i + 2 < len(doc) and self.is_name_word(doc, i + 2):
            return 2
        if not doc[i].whitespace_ or not self.is_name_word(doc, i + 1):
            return 0
        return 1 if len(doc[i].text) > 2 or self.short_particle(doc, i) else 0

    def short_particle(self, doc: Doc, i: int) -> bool:
        """`Robert de Caix`, `Paul du Véou`: a particle of two
        letters (names.json `name_particles`) between a given name and a surname.
        Turkish writes `de` as a clitic too (`Ahmet de Rauf Bey'le görüştü`,
        `Robert de Ankara'ya geldi`), so the word after it must be no given name
        and no place."""
        after = doc[i + 1].text
        return i > 0 and doc[i - 1].text in self.given_names and after not in self.given_names \
            and self.places.lookup(after) is None

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

    def coordinated(self, doc: Doc, i: int) -> bool:
        """`Denikin ve Verangel`: joined by `ve`/`ile` to another name word."""
        return (i + 2 < len(doc) and doc[i + 1].text in {"ve", "ile"} and self.is_name_word(doc, i + 2)) \
            or (i >= 2 and doc[i - 1].text in {"ve", "ile"} and self.is_name_word(doc, i - 2))

    @staticmethod
    def sentence_word(doc: Doc, i: int, size: int) -> bool:
        """`Bu` at a sentence start is a word even if some `Bu` were a name."""
        return size == 1 and is_common_word(doc, doc[i]) and not followed_by_suffix(doc, i + 1)
