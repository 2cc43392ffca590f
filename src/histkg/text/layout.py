"""Page layout: which lines are body, heading or footnote, and the footnote marks glued to the body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from histkg.language.lexicon import load_lexicon, month_names

BODY, HEADING, FOOTNOTE = "body", "heading", "footnote"


@dataclass
class _Line:
    index: int  # line number, from 0
    start: int  # offset of the line in the draft
    raw: str
    block: int = 0
    is_ref: bool = False  # a footnote reference standing alone between body lines
    split_number: bool = False  # footnote number printed with split digits ("8 5")

    @property
    def content(self) -> str:
        return self.raw.strip(" ")

    @property
    def a(self) -> int:  # content start in the draft
        return self.start + len(self.raw) - len(self.raw.lstrip(" "))

    @property
    def b(self) -> int:  # content end in the draft
        return self.start + len(self.raw.rstrip(" "))

    @property
    def blank(self) -> bool:
        return not self.content

    @property
    def separator(self) -> bool:  # the footnote rule of a page, as a run of spaces
        return len(self.raw) >= 10 and self.blank

    @property
    def page_start(self) -> bool:  # the first line of a page starts with exactly one space
        return self.raw.startswith(" ") and not self.raw.startswith("  ") and not self.blank


def _lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for index, raw in enumerate(text.split("\n")):
        lines.append(_Line(index, pos, raw))
        pos += len(raw) + 1
    return lines


_SPLIT_NUMBER = re.compile(r"(\d) (\d)(?= ?[^\W\d_]| [\"“(*])")


_NUMBER = re.compile(r"(\d{1,3})(?=[^\W\d_]| [^\s.,;:)\-/'’])")


_REF_LINE = re.compile(r"\d{1,3}")


def _footnote_number(content: str, last: int) -> tuple[int, bool] | None:
    """(number, digits split) when `content` opens footnote last+1..last+3;
    not a day and its month that open a chronology's line (`2 Ocak 1937 - …`)."""
    if _opens_with_a_date(content):
        return None
    m = _SPLIT_NUMBER.match(content)
    if m and last < int(m[1] + m[2]) <= last + 3:
        return int(m[1] + m[2]), True
    m = _NUMBER.match(content)
    if m and last < int(m[1]) <= last + 3:
        return int(m[1]), False
    return None


def _opens_with_a_date(content: str) -> bool:
    words = content.split(maxsplit=2)
    return len(words) > 1 and words[0].isdigit() and words[1].strip(",.") in month_names()


class _Layout:
    """Assigns every line to a block: the body, a heading, or one footnote."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.table: list[tuple[str, int | None]] = [(BODY, None)]  # block 0 is the body
        self.has_rules = any(line.separator for line in lines)

    def new(self, kind: str, number: int | None = None) -> int:
        self.table.append((kind, number))
        return len(self.table) - 1

    def run(self) -> None:
        self._footnotes()
        self._headings()

    # Footnotes --------------------------------------------------------------------------

    def _footnotes(self) -> None:
        """One pass, page by page: body until the footnotes start, footnotes until the next page."""
        in_notes, numbered, last, note = False, False, 0, None
        after_blank = True
        for i, line in enumerate(self.lines):
            if line.blank:
                after_blank = True
                if line.separator and self.has_rules:
                    in_notes, numbered = True, False
                continue
            if in_notes and line.page_start and (numbered or not self.has_rules):
                in_notes = False
            found = _footnote_number(line.content, last)
            if in_notes:
                if found:
                    note, last, numbered = self._open(line, found), found[0], True
                elif note is None:  # unnumbered notes before the first number (title, translator)
                    note = self.new(FOOTNOTE)
                line.block = note
            elif found and not self.has_rules and (after_blank or self._confirmed(i, found[0])):
                note, last, numbered, in_notes = self._open(line, found), found[0], True, True
                self._claim_above(i, after_blank)
            elif _REF_LINE.fullmatch(line.content):
                line.is_ref = True
            after_blank = False

    def _open(self, line: _Line, found: tuple[int, bool]) -> int:
        line.split_number = found[1]
        line.block = self.new(FOOTNOTE, found[0])
        return line.block

    def _confirmed(self, i: int, number: int) -> bool:
        """A numbered line right under text opens footnotes only if the next line is the next note."""
        following = self._text_near(self.lines[i], +1)
        return following is not None and _footnote_number(following.content, number) is not None

    def _claim_above(self, i: int, after_blank: bool) -> None:
        """Footnote text that a page carries over sits between its body and its first number.

        Claim the paragraphs just above the first numbered note that read like notes
        (long lines of the small font, or citations), stopping at the page's first line.
        Which note they continue is unknown (its number was on an earlier page): number None.
        """
        j = i
        block = self.new(FOOTNOTE)
        if not after_blank:  # the lines glued to the numbered note belong to the notes
            j = self._paragraph_start(i - 1)
            for line in self.lines[j:i]:
                line.block, line.is_ref = block, False
        while True:
            end = j - 1
            while end >= 0 and self.lines[end].blank:
                end -= 1
            if end < 0:
                return
            start = self._paragraph_start(end)
            para = self.lines[start : end + 1]
            if self.lines[start].page_start or any(line.block for line in para) or not _note_like(para):
                return
            for line in para:
                line.block, line.is_ref = block, False
            j = start

    def _paragraph_start(self, end: int) -> int:
        start = end
        while start > 0 and not self.lines[start - 1].blank and not self.lines[start].page_start:
            start -= 1
        return start

    # Headings ---------------------------------------------------------------------------

    def _headings(self) -> None:
        """A heading stands alone: a blank line (or a new page) before and after it, and the
        text above ends a sentence, so a short line cut out of a paragraph is not one."""
        for group in self._body_groups():
            first, last = group[0], group[-1]
            before, after = self._line_at(first.index - 1), self._line_at(last.index + 1)
            alone = (before is None or before.blank or self._page_start(first)) and (
                after is None or after.blank or after.block or self._page_start(after)
            )
            above, below = self._text_near(first, -1), self._text_near(last, +1)
            settled = above is None or above.block or _SENTENCE_END.search(above.content)
            if alone and settled and _heading_like([line.content for line in group], below and below.content):
                block = self.new(HEADING)
                for line in group:
                    line.block = block

    def _page_start(self, line: _Line) -> bool:
        """Where footnotes are ruled off, a leading space only follows a reference line."""
        return line.page_start and not self.has_rules

    def _line_at(self, index: int) -> _Line | None:
        return self.lines[index] if 0 <= index < len(self.lines) else None

    def _text_near(self, line: _Line, step: int) -> _Line | None:
        """The closest line above (step -1) or below (+1) with text, reference lines skipped."""
        index = line.index + step
        while 0 <= index < len(self.lines):
            if not self.lines[index].blank and not self.lines[index].is_ref:
                return self.lines[index]
            index += step
        return None

    def _body_groups(self) -> Iterable[list[_Line]]:
        """Runs of body lines between blank lines, reference lines and page starts."""
        group: list[_Line] = []
        for line in self.lines:
            if line.blank or line.block or line.is_ref or self._page_start(line):
                if group:
                    yield group
                group = [] if (line.blank or line.block or line.is_ref) else [line]
            else:
                group.append(line)
        if group:
            yield group


_CITATION = re.compile(r"\bs\.\s?\d|,\s?\d{4}\s?[,.;]|\bc\.\s?[IVX]+\b|\bbs\.")


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _note_like(para: list[_Line]) -> bool:
    """Footnote font: long lines (about 80+ characters against the body's 70), or citations."""
    if any(_CITATION.search(line.content) for line in para):
        return True
    lengths = [len(_squeezed(line.content)) for line in para]
    long = [n for n in lengths if n >= 30]
    core = long[:-1] if len(long) > 1 else long  # a paragraph's last line is often short
    return bool(core) and sum(core) / len(core) >= 80


_LETTERS = re.compile(r"[^\W\d_]")


_SECTION = re.compile(r"(?:[A-ZÇĞİÖŞÜ]|\d{1,2}|[IVX]{1,4})\s?[-.)]\s?[A-ZÇĞİÖŞÜ\"“]")


_MINOR_WORDS = frozenset("a an and at by for in of on the to ve ile ya da de ki".split())


_PLAIN_TITLE = re.compile(r"[A-ZÇĞİÖŞÜ][^\W\d_]*(?: [^\W\d_]+){1,6}")


def _heading_like(contents: list[str], next_text: str | None) -> bool:
    """Short standalone lines: in capitals, numbered sections, Title Case, or a list caption.

    The seeds have all four: "GİRİŞ", "B- Türk-Sovyet İlişkileri (1923-1930)", the English
    title "Turkey Visit of ... Russia" and "Basımdan sonra ilave edilen ekler".
    """
    text = _squeezed(" ".join(contents))
    if not text or len(text) > 160 or len(contents) > 2 or text[-1] in ".,;:":
        return False
    if next_text and next_text[0].islower():  # the sentence goes on below: a cut line
        return False
    letters = _LETTERS.findall(text)
    if len(contents) == 1 and len(letters) >= 3 and all(c.isupper() for c in letters):
        return True
    if len(contents) == 1 and len(text) <= 100 and _SECTION.match(text):
        return True
    if any(ch.isdigit() for ch in text) or not text[0].isupper():
        return False
    words = [w for w in text.split() if w.lower() not in _MINOR_WORDS]
    if len(words) >= 3 and not re.search(r"[,;]", text):
        capitalised = sum(1 for w in words if w[0].isupper())
        if capitalised >= 0.8 * len(words):
            return True
    # A caption in sentence case over a list: short, no punctuation, the next line a list item.
    # (Without the list, a short line of double-spaced text cut mid-sentence looks the same.)
    opens_list = bool(next_text) and next_text[0] in "-–•"
    return len(contents) == 1 and len(text) <= 50 and bool(_PLAIN_TITLE.fullmatch(text)) and opens_list


_LETTER = r"(?:[^\W\d_]|['’])"


# Each pattern that opens with a look-behind opens with a look-ahead of its first character before
# it: the regex engine then skips to the places where that character is, instead of trying the
# look-behind at every character of every line (the same matches, four times faster).
_SPACED = re.compile(rf"(?={_LETTER})(?<!\S){_LETTER}(?: {_LETTER}){{3,}}(?!\S)")


# A number glued to a word or to its punctuation; "s.462" and "8.30" have digits or a page
# abbreviation before, which the expected-number check and the look-behind leave alone.
_GLUED = re.compile(
    r"(?=\d)(?:(?<=[^\W\d_])|(?<=(?<!\d)[.,;:!?\"”’)]))"
    r"(\d \d(?=[\s.,;:!?\"”)]|$)|\d{1,3})(?: (?=[.,;:]))?(?=$|[\s.,;:!?\"”)])"
)


def _letter_spacing_edits(line: _Line) -> list[Edit]:
    """'L o z a n ' d a' -> 'Lozan'da': four or more letters, one per token (seeds: 4 to 7).

    A capital after a small letter starts the next word ("E k i m ' d e S ivas"), so the
    space before it stays.
    """
    edits = []
    for m in _SPACED.finditer(line.content):
        run = m.group()
        if sum(ch.isalpha() for ch in run) < 4:
            continue
        base = line.a + m.start()
        for k in range(1, len(run), 2):  # the spaces sit at odd positions
            if not (run[k + 1].isupper() and not run[k - 1].isupper()):
                edits.append((base + k, base + k + 1, ""))
    return edits


class _References:
    """Footnote references in the body, accepted only near the expected next number."""

    def __init__(self, numbers: set[int]) -> None:
        self.numbers = numbers
        self.last = 0

    def accept(self, number: int) -> bool:
        near = self.last < number <= self.last + 3
        known = number in self.numbers and self.last < number <= self.last + 8
        if near or known:
            self.last = number
            return True
        return False

    def edits(self, line: _Line) -> list[Edit]:
        out = []
        for m in _GLUED.finditer(line.content):
            if self.accept(int(m[1].replace(" ", ""))):
                out.append((line.a + m.start(), line.a + m.end(), ""))
        return out


def _footnote_number_edit(line: _Line) -> list[Edit]:
    """'8 5 Atatürk'ün' -> '85 Atatürk'ün': drop the space between the digits."""
    return [(line.a + 1, line.a + 2, "")] if line.split_number else []


_SENTENCE_END = re.compile(r"[.!?:…)]\d{0,3}[\"”’»]*\d{0,3}$")


_CLOSING = tuple(",.;:!?)]»”’")


_INITIAL = re.compile(r"(?:^|[\s(])[A-ZÇĞİÖŞÜ]\.$")  # `André N.`: a name goes on after it


def _name_goes_on(head: str, tail: str) -> bool:
    """`Ali Fuad (Cebesoy) <blank> Paşa Moskova'ya atandı`: after a closing
    parenthesis, a word in lower case or an honorific goes on with the sentence."""
    if not head.endswith(")"):
        return False
    first = tail.split(maxsplit=1)[0].rstrip(".,;:")
    return first[:1].islower() or re.split(r"[’']", first)[0] in load_lexicon("names.json")["honorifics_after"]


def _joint(prev: _Line, nxt: _Line, between: list[_Line], blocks_differ: bool) -> tuple[int, str]:
    """How two consecutive text lines meet: (characters of `prev` to drop, text between)."""
    head, tail = prev.content, nxt.content
    if head.endswith("\u00ad"):  # a soft hyphen marks a word broken at the line end
        return 1, "\n\n" if blocks_differ else ""
    if blocks_differ:
        return 0, "\n\n"
    if head[-1] in "-‐" and len(head) > 1 and head[-2].isalpha() and tail[0].islower():
        return 1, ""  # "dev-\nlet" -> "devlet"
    if head[-1] in "-‐–/" and len(head) > 1 and head[-2] != " ":
        return 0, ""  # "Türk-\nRus" -> "Türk-Rus"
    if tail.startswith(_CLOSING):
        return 0, ""
    # A blank line ends a paragraph only after a sentence (double-spaced pages put one after
    # every line). A reference line brings its own break: count the blanks after it, less one.
    refs = [k for k, line in enumerate(between) if line.is_ref]
    blanks = sum(1 for line in between[refs[-1] + 1 if refs else 0 :] if line.blank) - (1 if refs else 0)
    if blanks >= 1 and _SENTENCE_END.search(head) and not _INITIAL.search(head) and not _name_goes_on(head, tail):
        return 0, "\n\n"
    return 0, " "


def _layout_edits(lines: list[_Line], table: list[tuple[str, int | None]]) -> list[Edit]:
    """Join the lines: the whitespace and reference lines between two text lines become
    one joint; inside lines, split footnote numbers, letter spacing and glued references."""
    numbers = {number for kind, number in table if kind == FOOTNOTE and number is not None}
    refs = _References(numbers)
    edits: list[Edit] = []
    prev: _Line | None = None
    between: list[_Line] = []
    first_start = None
    for line in lines:
        if line.blank or line.is_ref:
            if line.is_ref:
                refs.accept(int(line.content))
            between.append(line)
            continue
        if prev is None:
            first_start = line.a
        else:
            drop, text = _joint(prev, line, between, prev.block != line.block)
            edits.append((prev.b - drop, line.a, text))
        edits += _footnote_number_edit(line)
        inline = _letter_spacing_edits(line)
        if table[line.block][0] == BODY:
            inline += refs.edits(line)
        edits += sorted(inline)
        prev, between = line, []
    if prev is None:
        return [(0, lines[-1].start + len(lines[-1].raw), "")] if lines else []
    end = lines[-1].start + len(lines[-1].raw)
    soft = 1 if prev.content.endswith("\u00ad") else 0
    return [(0, first_start, "")] + edits + [(prev.b - soft, end, "")]


def _segments(blocks: list[int], table: list[tuple[str, int | None]]) -> tuple[Segment, ...]:
    """Runs of one block; neighbouring body runs become one segment."""
    segments: list[Segment] = []
    start = 0
    for i in range(1, len(blocks) + 1):
        if i < len(blocks) and blocks[i] == blocks[start]:
            continue
        kind, number = table[blocks[start]]
        if segments and kind == BODY and segments[-1].kind == BODY:
            segments[-1] = Segment(BODY, segments[-1].start, i)
        else:
            segments.append(Segment(kind, start, i, number))
        start = i
    return tuple(segments)


@dataclass(frozen=True)
class Segment:
    kind: str  # "body" | "heading" | "footnote"
    start: int  # offsets in CLEAN text, end exclusive
    end: int
    number: int | None = None  # footnote number when known


Edit = tuple[int, int, str]


