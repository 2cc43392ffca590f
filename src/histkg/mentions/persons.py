"""Persons: names found by their clues (honorifics, titles, given names,
Russian name morphology, initials, citations, coordination), then spread over
the document (`PersonDetector.spread`)."""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span

from histkg.language.lexicon import turkish_lower
from histkg.mentions.name_words import NameWords
from histkg.mentions.tokens import (
    APOSTROPHES,
    ROMAN,
    add_candidate,
    capitalised,
    filter_spans_keep_first,
    followed_by_suffix,
    is_capitalised,
    is_suffix,
    is_suffix_word,
    lowered_texts,
    parenthesis_end,
    token_texts,
)


WEAK_CLUES = "weak_person_clues"


class PersonDetector(NameWords):
    """Finds persons by honorifics, titles, given names, Russian name
    morphology, initials, surnames in parentheses, citation patterns and
    coordination with a person found (`Denikin ve Verangel`); a name right
    before a head word (`Voroşilov Heyeti`, `Şeyh Said İsyanı`) names a thing,
    not the person. `spread` then marks, document-wide, the names found once."""

    def __call__(self, doc: Doc) -> Doc:
        # A rule may add the person's part in a reference: author, translator, editor.
        found = [c for c in self.find(doc) if self.plausible(doc, c[0], c[1], c[2])]
        found += list(self.by_coordination(doc, found))
        for start, end, strength, *credit in found:
            add_candidate(doc, start, end, "PERSON", strength, data=credit[0] if credit else None)
        # weak clues a gazetteer place may beat here; `spread` weighs them with the whole document
        doc.user_data[WEAK_CLUES] = [(start, end) for start, end, strength, *_ in found if strength == 1]
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
        yield from self.by_regnal_ordinal(doc)
        yield from self.by_role(doc)

    # -- the rules -------------------------------------------------------------------
    def by_honorific(self, doc: Doc):
        texts = token_texts(doc)  # these rules read every word: as texts, not Tokens made anew
        for i, text in enumerate(texts):
            if text not in self.honorifics_after or i == 0:
                continue
            token = doc[i]
            name_end = token.i
            if texts[name_end - 1] == ")":  # `Hüseyin Ragıp (Baydur) Bey`
                name_end = max(name_end - 3, 0)
            start = self.extend_left(doc, name_end, self.max_name_tokens)
            if start == name_end:
                continue
            if start > 0 and texts[start - 1] in self.title_in_name:
                start -= 1
            end = token.i + 1
            while end < len(doc) and texts[end] in self.honorifics_after:
                end += 1
            yield start, end, 3

    def by_title(self, doc: Doc):
        texts = token_texts(doc)
        for i, text in enumerate(texts):
            title, first = text, i + 1
            if first < len(doc) and texts[first] == "." and title + "." in self.citation_roles:
                title, first = title + ".", first + 1  # `Çvr.Galip` is split as `Çvr` `.` `Galip`
            if title not in self.titles_before and title not in self.citation_roles:
                continue
            token = doc[i]
            while first < len(doc) and texts[first] in self.titles_before:
                first += 1  # `Dr. Miralay İbrahim Tali`
            if first + 1 < len(doc) and texts[first] in self.regnal_ordinals:
                first += 1  # `Haşmetlû İkinci Vilhelm`: the ordinal is part of the name the span holds
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
        right after a word of office or trade, unless another office follows
        it (`murahhas Berlin Sefiri Sadullah Bey`: Berlin is where he serves)."""
        texts = token_texts(doc)
        for i, text in enumerate(texts):
            first = i + 1
            if first < len(doc) and self.is_title(text) and texts[first] in self.particles:
                first += 1  # `Büyükelçisi von Papen`
            if first < len(doc) and self.is_title(text) and capitalised(texts[first]):
                end = self.extend_right(doc, first, self.max_name_tokens)
                if end < len(doc) and self.is_title(texts[end]):
                    continue  # `murahhas Berlin Sefiri X`: the words name the next office, X follows it
                if end > first:
                    yield i + 1, self.with_parenthesised_surname(doc, end), 2

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
            yield from self.listed_after(doc, end, joiners)
            yield from self.listed_with_notes(doc, end)

    def listed_after(self, doc: Doc, end: int, joiners: set[str]):
        """`Ali, Veli ve Can`: the names after a person in the same list; a
        list of names closes with `ve` or `ile`, so items after commas count
        only when one does (`Ali, Babıâli'ye` and `Ali, Tezâkir, nşr.` are none)."""
        items = []
        while end + 1 < len(doc) and doc[end].text in joiners and self.is_name_word(doc, end + 1):
            right = self.extend_right(doc, end + 1, self.max_name_tokens)
            if self.names_a_thing(doc, right) or followed_by_suffix(doc, right) and doc[end].text == ",":
                break
            items.append((end + 1, right, 1))
            if doc[end].text != ",":
                yield from items
                return
            end = right

    def listed_with_notes(self, doc: Doc, end: int):
        """`Ali Fuad (Cebesoy) Paşa (Mayıs 1922’ye kadar), Ahmed Muhtar (Kasım
        1924’e kadar), Vasıf (Ekim 1928)`, `Lord Ali (İngiltere); Veli
        (Fransa)`: after a person, a list whose items are names each with a
        note in parentheses are persons too."""
        while True:
            close = parenthesis_end(doc, end)
            if close is None or close + 1 >= len(doc) or doc[close].text not in ",;" \
                    or not self.is_name_word(doc, close + 1):
                return
            right = self.with_parenthesised_surname(doc, self.extend_right(doc, close + 1, self.max_name_tokens))
            if right >= len(doc) or doc[right].text != "(":
                return
            yield close + 1, right, 1
            end = right

    def by_agreement_sides(self, doc: Doc):
        """`Le Grand ve Dro arasındaki anlaşma`: bare names on both sides of an
        agreement are the men who made it (a weak clue: a state or town wins)."""
        for i, lower in enumerate(lowered_texts(doc)):
            if not lower.startswith("arasında"):
                continue
            token = doc[i]
            if not any(turkish_lower(t.text).startswith(self.treaty_nouns) for t in doc[token.i + 1:token.i + 3]):
                continue
            right = self.extend_left(doc, token.i, self.max_name_tokens)
            if right == token.i or right < 2 or doc[right - 1].text != "ve":
                continue
            left = self.extend_left(doc, right - 1, self.max_name_tokens)
            if left < right - 1:
                yield left, right - 1, 1
                yield right, token.i, 1

    def by_regnal_ordinal(self, doc: Doc):
        """`III. Selim`, `Kral II. Faysal`: a ruler's name after its ordinal;
        not a numbered thing (`III. Ordu`, `XX. Yüzyılda`, `II. Dünya Savaşı`)."""
        for i, text in enumerate(token_texts(doc)[:-1]):
            if ROMAN.match(text) and text.endswith(".") and self.is_name_word(doc, i + 1):
                end = self.extend_right(doc, i + 1, self.max_name_tokens - 1)
                if not self.names_a_thing(doc, end):
                    yield i, end, 3

    def by_role(self, doc: Doc):
        """A bare name in a part only a person plays: a speaker, a host, the
        one met or represented (`Ali ile görüştü`, `Ali başkanlık ediyordu`,
        `Fransa adına Ali`, `Ali'nin dışişleri bakanı`). A weak clue: a place
        the gazetteer knows keeps the words unless the document says otherwise
        (`spread`)."""
        for i, text in enumerate(token_texts(doc)):
            if text in self.role_before and i + 1 < len(doc) and self.is_name_word(doc, i + 1):
                yield i + 1, self.extend_right(doc, i + 1, self.max_name_tokens), 1
            elif capitalised(text) and self.is_name_word(doc, i) and not self.starts_sentence(doc, i) \
                    and (self.role_follows(doc, i + 1) or self.owns_an_office(doc, i + 1)
                         or self.travels(doc, i + 1)):
                yield self.extend_left(doc, i, self.max_name_tokens - 1), i + 1, 1

    def role_follows(self, doc: Doc, i: int) -> bool:
        """The words from `i` begin with a role phrase of `names.json`
        (`ile görüş`, `başkanlık et`): its first word right there (or after a
        particle such as `de`), the others within the next three words, before
        any comma or other name."""
        if i < len(doc) and doc[i].text in self.role_fillers:
            i += 1
        words = []
        for token in doc[i:i + 4]:
            if token.is_punct or words and is_capitalised(token):
                break  # the phrase ends at a comma or at another name (`Ali ile Veli arasındaki müzakere`)
            words.append(turkish_lower(token.text).lstrip(APOSTROPHES))
        return any(self.phrase_at(words, phrase) for phrase in self.role_after)

    def travels(self, doc: Doc, i: int) -> bool:
        """`X 28 Eylül'de İzmir'e çıkmıştı`: the subject of a verb of motion,
        its date (if any), then a place the gazetteer knows in the dative or
        the ablative, then the verb."""
        if i < len(doc) and is_suffix(doc[i]):
            return False  # `Gölyaka'dan Sarıyer'e geçti`: a word with a case ending is no subject
        while i < len(doc) and (doc[i].text[:1].isdigit() or doc[i].text in self.months or is_suffix(doc[i])):
            i += 1  # `28 Eylül'de`, `28 Eylül 1922'de`
        if not (i + 2 < len(doc) and is_capitalised(doc[i]) and self.places.lookup(doc[i].text)
                and followed_by_suffix(doc, i + 1) in self.motion_cases):
            return False
        verb = doc[i + 2]
        return verb.text.islower() and any(turkish_lower(verb.text).startswith(stem) for stem in self.motion_verbs)

    @staticmethod
    def phrase_at(words: list[str], phrase: tuple[str, ...]) -> bool:
        if not words or not words[0].startswith(phrase[0]):
            return False
        rest = iter(words[1:])
        return all(any(w.startswith(p) for w in rest) for p in phrase[1:])

    def owns_an_office(self, doc: Doc, i: int) -> bool:
        """`Ali'nin dışişleri bakanı`: a name in the genitive before an office."""
        return followed_by_suffix(doc, i) in self.genitive and any(
            t.text.islower() and self.is_title(t.text) for t in doc[i + 1:i + 3])

    def starts_sentence(self, doc: Doc, i: int) -> bool:
        """A capitalised word that opens a sentence may be any word."""
        return doc[i].is_sent_start and doc[i].text not in self.given_names

    def by_given_name(self, doc: Doc):
        for i, text in enumerate(token_texts(doc)):
            if text not in self.given_names or not self.is_name_word(doc, i):
                continue
            token = doc[i]
            end = token.i + 1
            if followed_by_suffix(doc, end):
                continue
            end = self.extend_right(doc, end, self.max_name_tokens - 1) if end < len(doc) else end
            end = self.with_parenthesised_surname(doc, end)
            if end - token.i >= 2:
                yield token.i, end, 2

    def by_morphology(self, doc: Doc):
        for i, text in enumerate(token_texts(doc)):
            if not (self.surname_re.match(text) or self.weak_surname_re.match(text)) \
                    or not self.is_name_word(doc, i):
                continue
            token = doc[i]
            start = self.extend_left(doc, token.i, self.max_name_tokens - 1)
            if self.weak_surname_re.match(text) and start == token.i and not self.coordinated(doc, token.i):
                continue  # `-in`, `-yan` alone are too common in Turkish words
            end = token.i + 1
            if self.patronymic_re.match(text):
                end = self.extend_right(doc, end, 1)
            yield start, end, 2 if end - start > 1 else 1

    def by_transliteration(self, doc: Doc):
        """`Scheinman ile`: a word spelt the German way (`sch`) before a Turkish
        word or case suffix is a foreign name in a Turkish sentence (not a
        title in German); a known place is not a person."""
        texts = token_texts(doc)
        for i, text in enumerate(texts):
            if self.transliteration_re.search(text) and self.is_name_word(doc, i) \
                    and not self.places.lookup(text) and i + 1 < len(doc) \
                    and (texts[i + 1] in self.turkish_words or is_suffix_word(texts[i + 1]))\
                    and followed_by_suffix(doc, i + 1) not in self.place_suffixes:
                yield self.extend_left(doc, i, self.max_name_tokens - 1), i + 1, 1

    def by_capitalised_surname(self, doc: Doc):
        """`Nurcan KARAOĞLAN`: a surname in capitals after a given name, the
        way bylines and translator notes write authors."""
        for i, text in enumerate(token_texts(doc)):
            if text.isupper() and text.isalpha() and not ROMAN.match(text) \
                    and self.is_capitalised_surname(doc, doc[i]) \
                    and self.is_name_word(doc, i - 1):
                yield self.extend_left(doc, i - 1, 1), i + 1, 2

    def by_initials(self, doc: Doc):
        """`E.H.Carr`, `S.M. Budenny`, `N. Lenin`, `M. P. Pavlovič`; not a
        heading with a number after it (`U. S. Senate Documents 1920`)."""
        glued = re.compile(r"^(?:[A-ZÇĞİÖŞÜ]\.){1,3}[A-ZÇĞİÖŞÜ][a-zçğıöşüâîûéèäëïžč]{2,}$")
        initial = re.compile(r"^(?:[A-ZÇĞİÖŞÜ][a-z]?\.){1,3}$")
        i, texts = 0, token_texts(doc)
        while i < len(doc):
            if glued.match(texts[i]):
                yield i, i + 1, 2
            elif initial.match(texts[i]) and texts[i] not in self.titles_before:
                j = i
                while j < len(doc) and initial.match(texts[j]):
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
        names |= self.clued_not_places(docs)
        for doc in docs:
            self.add_known_names(doc, names)

    def suffixed_russian_names(self, docs: list[Doc]) -> set[tuple[str, ...]]:
        """`Çiçerin’in`, `Stalin'in`: a word with a Russian surname ending that
        takes a case suffix after an apostrophe is a proper name, and not a
        place the gazetteer knows, so a person."""
        found = set()
        for doc in docs:
            texts = token_texts(doc)
            for i, text in enumerate(texts[:-1]):
                if is_suffix_word(texts[i + 1]) and (self.surname_re.match(text) or self.weak_surname_re.match(text)) \
                        and not self.places.lookup(text) and self.is_name_word(doc, i):
                    found.add((text,))
        return found

    def clued_not_places(self, docs: list[Doc]) -> set[tuple[str, ...]]:
        """`Molotof, Litvinof ve Kalinin tarafından kabul edildi`: words a weak
        clue calls a person but the gazetteer took for a town (`Kalinin`,
        `Litvinov`, `Eden` in `Anthony Eden`) are the person when the document never writes them as a
        place (`Kalinin'de`, `Kalinin'den`) and they name no state or region."""
        as_place = {texts[i - 1] for texts in map(token_texts, docs) for i in range(1, len(texts))
                    if is_suffix_word(texts[i]) and texts[i][1:].lower() in self.place_suffixes}
        found = set()
        for doc in docs:
            places = {(e.start, e.end) for e in doc.ents if e.label_ == "PLACE"}
            for start, end in doc.user_data.get(WEAK_CLUES, ()):
                inside = [(s, e) for s, e in places if start <= s and e <= end]  # `Eden` in `Anthony Eden`
                # the clue's own words only when the place ends it: given names before a surname
                whole = [(start, end)] if any(e == end for _, e in inside) else []
                words = [tuple(t.text for t in doc[s:e]) for s, e in whole + inside]
                if inside and not as_place.intersection(w for ws in words for w in ws) \
                        and not any(self.is_state(" ".join(w)) for w in words):
                    found.update(words)
        return found

    def add_known_names(self, doc: Doc, names: set[tuple[str, ...]]) -> None:
        """Mark known names; a place found only by the gazetteer on the same words
        gives way (`Stalin`, `Kalinin` are towns too). A known given name
        before a known surname makes a name of its own (`Hamdullah Suphi` is
        not `Mustafa Suphi`)."""
        keep = [span for span in doc.ents if not (span.label_ == "PLACE" and tuple(t.text for t in span) in names
                                                  and not self.names_a_thing(doc, span.end))]
        if len(keep) != len(doc.ents):
            doc.ents = keep
        covered = {i for span in doc.ents for i in range(span.start, span.end)}
        sizes: dict[str, list[int]] = defaultdict(list)  # first word -> lengths of the names it starts
        for name in names:
            sizes[name[0]].append(len(name))
        texts = token_texts(doc)
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

