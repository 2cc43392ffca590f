"""Organizations: states, governments, parties, institutions."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from histkg.language.lexicon import load_lexicon, load_word_list
from histkg.mentions.tokens import add_candidate, is_capitalised, is_common_word, is_suffix, name_part, token_texts
from histkg.mentions.treaties import treaty_head

# `2.`, `XX.`, `Üçüncü` open an army's name (`2. Ordu`, `XX. Kolordu`).
ORDINAL = re.compile(r"^(?:\d{1,2}|[IVXL]{1,5})\.$")


@lru_cache(maxsize=1 << 17)  # asked three times of every word, and words repeat
def head_without_case(word: str, heads: frozenset[str], endings: frozenset[str], lengths: tuple[int, ...]) -> str:
    """`word` less a case ending (one of `endings`, tried by `lengths`) where what is left is one of `heads`."""
    if word in heads:
        return word
    for length in lengths:
        if len(word) >= length and word[-length:] in endings and word[:-length] in heads:
            return word[:-length]
    return word


class OrganizationDetector:
    """States, governments, parties, institutions and newspapers by head
    words (`Hükümeti`, `Partisi`, `Cemiyeti`, ...) and acronyms (`TBMM`)."""

    def __init__(self, name: str = "histkg_organizations", *, lexicon: str = "organizations.json",
                 max_tokens: int = 4) -> None:
        self.name = name
        lex = load_lexicon(lexicon)
        self.heads = frozenset(lex["heads"])
        self.case_endings = tuple(sorted(lex["head_case_endings"], key=len, reverse=True))
        # without_case runs on every token: it tries each length of ending once, longest first,
        # rather than each ending (one ending of a length can end a word)
        self.ending_set = frozenset(self.case_endings)
        self.ending_lengths = tuple(sorted({len(e) for e in self.case_endings}, reverse=True))
        self.lower_heads = frozenset(lex["lower_heads"])
        self.name_before = set(lex["name_before"])
        self.name_after = set(lex["name_after"])
        self.peoples = set(lex["peoples"])
        names = load_lexicon("names.json")
        self.person_words = set(names["honorifics_after"]) | set(names["titles_before"])
        self.given = set(load_word_list("given-names.txt"))
        self.izafet_heads = set(lex["izafet_heads"])
        self.izafet_links = set(lex["izafet_links"])
        self.bare = set(lex["bare_institutions"])
        self.not_start = set(lex["not_name_start"])
        self.not_org = set(lex["not_organizations"])
        self.nesting = set(lex["nesting_heads"])
        self.state_heads = set(lex["state_heads"])
        self.state_unions = {head: set(words) for head, words in lex["state_unions"].items()}
        self.state_words = frozenset(self.state_heads | set(self.state_unions))
        self.counts = set(lex["state_counts"])
        self.max_tokens = max_tokens
        self.acronym = re.compile(r"^[A-ZÇĞİÖŞÜ]{2,4}$")
        self.roman = re.compile(r"^[IVXLC]+$")

    def __call__(self, doc: Doc) -> Doc:
        for i, text in enumerate(token_texts(doc)):  # texts by index: every rule reads each word
            self.propose(doc, i, text)
        return doc

    def propose(self, doc: Doc, i: int, text: str) -> None:
        if self.is_state(doc, i):
            start = self.name_start(doc, i)
            if 0 < start < i and doc[start - 1].text in self.counts:
                start -= 1  # `üç Kafkas Cumhuriyeti`: that many states, no state of that name
            if start < i:
                add_candidate(doc, start, i + 1, "PLACE", strength=2)
        elif self.is_head(text):
            # a capitalised head is as strong a clue as an honorific is for a person
            self.add_name(doc, self.name_start(doc, i), i, i + 1, strength=3)
        elif self.without_case(text, self.lower_heads) in self.lower_heads \
                and self.of_a_people(doc, start := self.name_start(doc, i), i):
            self.add_name(doc, start, i, i + 1, strength=2)
        elif text in self.name_before:
            self.add_name(doc, self.name_start(doc, i), i, i, strength=2)
        elif text in self.name_after and (end := self.name_end(doc, i + 1)) > i + 1:
            self.add_name(doc, i + 1, end, end, strength=2)
        elif text in self.izafet_heads and (end := self.izafet_end(doc, i)) > i + 1:
            self.add_name(doc, i, end, end, strength=2)
        elif text in self.bare and self.mid_sentence(doc, doc[i]):
            add_candidate(doc, i, i + 1, "ORG", strength=2)
        elif self.acronym.match(text) and text not in self.not_org \
                and not self.roman.match(text) and self.stands_alone(doc, doc[i]):
            add_candidate(doc, i, i + 1, "ORG", strength=1)

    def is_state(self, doc: Doc, i: int) -> bool:
        """A state's name is a place: `Ukrayna Sovyet Cumhuriyeti`, `Sovyetler
        Birliği` (but `Arap Birliği` is an organization)."""
        word = self.without_case(token_texts(doc)[i], self.state_words)
        if word in self.state_heads:
            return True
        return word in self.state_unions and i > 0 and doc[i - 1].text in self.state_unions[word]

    def without_case(self, word: str, heads: frozenset[str]) -> str:
        """`Nezaretinde` -> `Nezareti` where `Nezareti` is one of `heads`."""
        return head_without_case(word, heads, self.ending_set, self.ending_lengths)

    def is_head(self, word: str) -> bool:
        """A head word, bare or with a case ending glued to its possessive
        (`Nezaretinde`, `Hükûmetinin`: the old orthography has no apostrophe)."""
        return self.without_case(word, self.heads) in self.heads

    def add_name(self, doc: Doc, start: int, head: int, end: int, strength: int) -> None:
        """A name needs a capitalised word before its head (`Türk ordusu`, not
        `ordusu` or `Hükümeti` alone), and a person's name is left to the person."""
        if start < head and any(is_capitalised(doc[j]) or ORDINAL.match(doc[j].text) for j in range(start, head)) \
                and not self.person_name(doc, start, end):
            add_candidate(doc, start, end, "ORG", strength=strength)

    def of_a_people(self, doc: Doc, start: int, head: int) -> bool:
        """`Türk ordusu`, `İtilaf devletleri`: a people or a camp before a
        lower-case head; `Kerenski hükümeti`, `Voroşilov heyetinde` are a
        man's, and `Atina hükümeti` stays a place the treaty facts read as
        its state (tests/facts/test_treaties.py)."""
        return any(doc[j].text in self.peoples for j in range(start, head))

    def person_name(self, doc: Doc, start: int, end: int) -> bool:
        """`Hikmet Süleyman hükümeti`, `Ahmed İzzet Paşa hükümeti`: the
        government is named after a man."""
        words = [doc[j].text for j in range(start, end)]
        return any(w in self.given or w in self.person_words for w in words)

    def name_end(self, doc: Doc, i: int) -> int:
        """End of the capitalised words from `i` (`Refikimiz Sabah'ın`)."""
        end = i
        while end < len(doc) and end - i < self.max_tokens and self.part(doc, end):
            end += 1
        return end

    def name_start(self, doc: Doc, head: int) -> int:
        """The first word of the name ending before `head`: capitalised words,
        hyphens, izafet links (`Hâkimiyet-i Milliye`) and ordinals, at most
        `max_tokens`; a sentence-opening adverb, conjunction or demonstrative
        (`Böylece`, `Fakat`, `Bu`) ends the walk, and so does another head
        unless this one is a government's (`... Meclisi Hükümeti`), and a
        treaty's head (`Sevr Antlaşması | İtilaf Devletleri ile`)."""
        start = head
        nests = doc[head].text in self.nesting
        while start > 0 and head - start < self.max_tokens and self.part(doc, start - 1) \
                and (nests or not self.is_head(doc[start - 1].text)) and treaty_head(doc[start - 1].text) is None:
            start -= 1
        while start < head and not is_capitalised(doc[start]) and not ORDINAL.match(doc[start].text):
            start += 1  # a name opens with a capital, never with `-` or a link
        return start

    def part(self, doc: Doc, j: int) -> bool:
        token = doc[j]
        if token.text in self.not_start or (token.is_sent_start and is_common_word(doc, token)):
            return False  # `Heyet Sırbistan Krallığı ile`: a sentence's first word the text writes in lower case
        return name_part(token) or bool(ORDINAL.match(token.text)) or self.is_link(doc, j)

    def is_link(self, doc: Doc, j: int) -> bool:
        """`i` in `Meclis-i Mebusan`: a link vowel right after a hyphen."""
        return doc[j].text in self.izafet_links and j > 0 and doc[j - 1].text == "-"

    def izafet_end(self, doc: Doc, i: int) -> int:
        """End of a Persian compound opened at `i`: (`-` link Capitalised)+."""
        end = i + 1
        while end + 2 < len(doc) and doc[end].text == "-" and self.is_link(doc, end + 1) \
                and is_capitalised(doc[end + 2]) and not is_suffix(doc[end + 2]):
            end += 3
        return end

    @staticmethod
    def mid_sentence(doc: Doc, token: Token) -> bool:
        """`Meclis` capitalised inside a sentence is the parliament; at a
        sentence's start only where the text never writes `meclis` in lower
        case; `Meclis-i` opens a compound."""
        following = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
        return following != "-" and (not token.is_sent_start or not is_common_word(doc, token))

    @staticmethod
    def stands_alone(doc: Doc, token: Token) -> bool:
        """An acronym inside a heading in capitals (`GİRİŞ`) is not one."""
        neighbours = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
        return not any(n.text.isupper() and n.text.isalpha() and len(n.text) > 1 for n in neighbours)
