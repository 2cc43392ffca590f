"""Organizations: states, governments, parties, institutions."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from histkg.language.lexicon import load_lexicon
from histkg.mentions.tokens import add_candidate, name_part


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


