"""Repair OCR damage in an article and separate body, headings and footnotes.

Every repair is a list of edits ``(start, end, replacement)`` applied to a draft that carries,
for each character, its offset in the ORIGINAL text and the block (body, heading, one
footnote) it belongs to. The map is never re-derived by diffing, so provenance stays exact:
a character that survives keeps its original offset, and only the few characters a repair
writes (spaces and paragraph breaks) point at the whitespace they replace.

The layout rules come from the seed articles (PDF text extraction):

* a page's footnotes follow its body; the next page's first line starts with one space;
* some files put a line of many spaces before each page's footnotes (``seeds/004_*``),
  others start a footnote paragraph with its number (``seeds/000_*``), digits sometimes
  split (``8 5 Atatürk'ün``);
* footnote references are glued to the body text (``olacaktı.2``, ``denemişlerdi5.``) or
  stand alone on a line between body lines (``Sarıkamış\\n1\\n trajedisini``).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Sequence

from histkg.text.layout import BODY, Edit, Segment, _Layout, _layout_edits, _lines, _segments

__all__ = ["Segment", "CleanText", "normalize"]

@dataclass(frozen=True)
class CleanText:
    text: str
    offsets: Sequence[int]  # len(text) + 1 entries; offsets[i] = original offset of clean char i (an array of
    # C ints: 4 bytes a character where a tuple of ints took 36, and every document's is kept until the graph is made)
    segments: tuple[Segment, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Clean span -> original span (end exclusive)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside the clean text (length {len(self.text)})")
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    @cached_property
    def _starts(self) -> list[int]:
        return [seg.start for seg in self.segments]

    def paragraphs(self):
        """(start, end, section) of every paragraph, in clean-text offsets: the
        non-blank parts of each segment between blank lines (what extraction reads)."""
        for segment in self.segments:
            position = segment.start
            for part in self.text[segment.start:segment.end].split("\n\n"):
                if part.strip():
                    yield position, position + len(part), segment.kind
                position += len(part) + 2

    def section_at(self, pos: int) -> str:
        """Kind of the segment containing clean offset `pos` ("body" when there is none)."""
        if not self.segments:
            return BODY
        index = max(bisect_right(self._starts, pos) - 1, 0)
        return self.segments[index].kind


# --- the draft: text + original offsets + block per character ------------------------------

class _Draft:
    def __init__(self, text: str) -> None:
        self.text = text
        self.offsets = list(range(len(text) + 1))  # last entry: the end of the original
        self.blocks = [0] * len(text)

    def apply(self, edits: Iterable[Edit]) -> None:
        """Apply sorted, non-overlapping edits, carrying offsets and blocks along.

        A replacement of the same length maps character by character (NBSP -> space,
        "\n\n" -> "\n\n"); otherwise every written character points at the first one it replaces.
        """
        text, offs, blocks = self.text, self.offsets, self.blocks
        parts: list[str] = []
        new_offs: list[int] = []
        new_blocks: list[int] = []
        pos = 0
        for start, end, repl in edits:
            if not pos <= start <= end <= len(text):
                raise AssertionError(f"overlapping or unsorted edit {start}:{end} after {pos}")
            parts.append(text[pos:start])
            new_offs.extend(offs[pos:start])
            new_blocks.extend(blocks[pos:start])
            if repl:
                parts.append(repl)
                if len(repl) == end - start:
                    new_offs.extend(offs[start:end])
                else:
                    new_offs.extend([offs[start]] * len(repl))
                # Written text belongs with what precedes it: a paragraph break ends its block.
                new_blocks.extend([blocks[min(start, len(blocks) - 1)]] * len(repl))
            pos = end
        parts.append(text[pos:])
        new_offs.extend(offs[pos:])  # includes the end sentinel
        new_blocks.extend(blocks[pos:])
        self.text, self.offsets, self.blocks = "".join(parts), new_offs, new_blocks


# --- character repairs ---------------------------------------------------------------------

_CRLF = re.compile(r"\r\n?|[\u2028\u2029]")
# Unicode spaces (NBSP, thin, ideographic...) and tabs become plain spaces, one for one.
_ODD_SPACE = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters go; a soft hyphen ending a word at a line end stays until lines are
# joined, where it marks a hyphenated word.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]|\u00ad(?![ \t]*(?:\n|$))|(?<![^\s\u00ad])\u00ad")
_SPACE_RUN = re.compile(r" {2,}")


def _newline_edits(text: str) -> list[Edit]:
    """CRLF and CR -> LF: delete the CR of a CRLF so the LF keeps its own offset."""
    edits = []
    for m in _CRLF.finditer(text):
        if m.group() == "\r\n":
            edits.append((m.start(), m.start() + 1, ""))
        else:
            edits.append((m.start(), m.end(), "\n"))
    return edits


def _space_edits(text: str) -> list[Edit]:
    edits = [(m.start(), m.end(), " ") for m in _ODD_SPACE.finditer(text)]
    edits += [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
    return sorted(edits)


def _collapse_edits(text: str) -> list[Edit]:
    """Runs of spaces -> one space: delete all but the first, which keeps its offset."""
    return [(m.start() + 1, m.end(), "") for m in _SPACE_RUN.finditer(text)]


_CUT_CASE_ENDING = re.compile(r"\b[A-ZÇĞİÖŞÜ][^\W\d_]*( )['’]( ?)(?=[a-zçğıöşü]{1,5}\b(?!['’]))")


def _case_ending_edits(text: str) -> list[Edit]:
    """'İstanbul 'a', 'Sivastopol ' da' -> 'İstanbul'a', 'Sivastopol'da': the apostrophe of a
    proper name's case ending never has a space before or after it."""
    edits = []
    for m in _CUT_CASE_ENDING.finditer(text):
        edits.append((m.start(1), m.end(1), ""))
        if m.group(2):
            edits.append((m.start(2), m.end(2), ""))
    return edits


_WORD = re.compile(r"[^\W\d_]+")
_PIECE = re.compile(r"([^\W\d_]+)(['’][^\W\d_]+)?")


def _split_word_edits(text: str) -> list[Edit]:
    """'İs tanbul' -> 'İstanbul', 'Voroş i lov' -> 'Voroşilov': OCR cuts words with spaces.

    Two to four pieces are joined when the article writes the joined word whole elsewhere
    and one piece is never a word of its own there, so two real words ('Ulus birlik')
    stay apart. A capital starts a new word, so only the first piece may have one.
    """
    words = Counter(_WORD.findall(text))
    # every start of a word the article writes: pieces whose first two joined start none are
    # no cut word (most pairs of words), and no longer run of them is looked up
    beginnings = {word[:length] for word in words for length in range(2, len(word) + 1)}
    pieces = list(_PIECE.finditer(text))
    letters = [m.group(1) for m in pieces]
    # piece i runs on into piece i + 1: no case ending closes it, one space apart, the next in lower case
    runs_on = [not m.group(2) and text[m.end():after.start()] == " " and after.group(1)[0].islower()
               for m, after in zip(pieces, pieces[1:])]
    splits: Counter = Counter()
    found = []
    i = 0
    while i < len(pieces):
        length = _split_word(letters, runs_on, i, words, beginnings)
        if length:
            cut = tuple(letters[i:i + length])
            found.append((pieces[i:i + length], cut))
            splits[cut] += 1
        i += length or 1
    edits = []
    for group, cut in found:
        if any(words[p] <= splits[cut] for p in cut):  # a piece seen only inside this split
            edits += [(m.end(), m.end() + 1, "") for m in group[:-1]]
    return edits


def _split_word(letters: list[str], runs_on: list[bool], first: int, words: Counter, beginnings: set[str]) -> int:
    """How many pieces from `first` (two to four, 0 for none) make the longest run (one space
    apart, only the last with a case ending) that the article also writes as one word."""
    if first >= len(runs_on) or not runs_on[first] or letters[first] + letters[first + 1] not in beginnings:
        return 0
    run = 2
    while run < 4 and first + run - 1 < len(runs_on) and runs_on[first + run - 1]:
        run += 1
    for length in range(run, 1, -1):
        if words["".join(letters[first:first + length])]:
            return length
    return 0


# --- lines and their roles -----------------------------------------------------------------


# --- repairs inside lines ------------------------------------------------------------------

# --- joining lines into paragraphs ---------------------------------------------------------

# --- segments and the entry point ------------------------------------------------------------


def normalize(original: str) -> CleanText:
    """Repair OCR damage in `original`; keep a map from every clean character back to it."""
    draft = _Draft(original)
    draft.apply(_newline_edits(draft.text))
    draft.apply(_space_edits(draft.text))
    lines = _lines(draft.text)
    layout = _Layout(lines)
    layout.run()
    for line in lines:  # each line's characters, and its newline, belong to its block
        end = min(line.start + len(line.raw) + 1, len(draft.blocks))
        draft.blocks[line.start : end] = [line.block] * (end - line.start)
    draft.apply(_layout_edits(lines, layout.table))
    draft.apply(_collapse_edits(draft.text))
    draft.apply(_case_ending_edits(draft.text))
    draft.apply(_split_word_edits(draft.text))
    return CleanText(draft.text, array("i", draft.offsets), _segments(draft.blocks, layout.table))
