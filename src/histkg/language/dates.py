"""Find and normalise date expressions in (cleaned) Turkish historical text.

`find_dates(text)` returns `DateMatch`es: the span as written, its EDTF value, precision and
day bounds. Every name it knows (Turkish, Ottoman/Rumi, German, English, French, Russian
months; year words, case suffixes, interval and relative words) comes from
``ontology/months.json``; this module only knows the grammar.

Forms: ``29 Ekim 1933``, ``29 Ekim'de`` and ``Eylül'de`` (year from context), ``Mayıs 1932``,
``1917 Şubat``, ``1933`` (bare years 1800-2099 that do not look like page, law or file numbers),
``1923-1933 yılları``, ``1922-23'te``, ``28-29 Kanun-ı Sani 1921``, ``26 Eylül 1939-16 Ekim 1939``,
``1919'dan 1937 Yılına Kadar``, ``1925'ten beri`` (``1925/..``), ``1922'ye kadar`` (``../1922``),
``11, 27 ve 28 Ocak`` (EDTF set ``{..}``), ``6 veya 7 Ekim`` (one of ``[..]``), ``30 Temmuz/30
Ağustos`` (set), ``24 Birinci Teşrin/Ekim 1933`` (one date: old name glossed by the new),
``29.10.1933``, ``October 29, 1933``, ``1925'li yıllar`` (``1925~``), ``1930'lar`` (``193X``),
``1920 yazında`` (season ``1920-22``), ``1337 (1921)`` and marked Rumi years, clock times
(``saat 17.00'da``: the day from the text before it) and relative days (``Yarın``, ``Ertesi
günü``, ``iki gün sonra``) resolved against the nearest stated day.

Conventions. The surface includes the case suffix after an apostrophe, one following year/date/
day word (``yılında``, ``tarihinde``, ``tarihli``, ``Cuma günü``), interval words (``beri``,
``itibaren``, ``kadar``) and enclosing parentheses. Bounds of an open interval are
``datetime.date.min``/``max``; an approximate (``~``) value is widened by one unit on each side.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from histkg.language.date_candidates import _Cand, _julian_day, _Point, _valid_day
from histkg.language.date_spans import _apply_pod, _candidates, _combine, _select
from histkg.language.months import _LETTER, _among, _grammar, _lexicon

__all__ = ["DateMatch", "find_dates", "typed_value"]


@dataclass(frozen=True)
class DateMatch:
    """One date expression: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    edtf: str
    precision: str  # "day" | "month" | "year" (intervals: of the start; open start: of the end)
    earliest: dt.date
    latest: dt.date
    year_from_context: bool
    calendar: str = "gregorian"  # the calendar the text wrote it in: "gregorian" | "rumi" | "hicri"


# --------------------------------------------------------------------------- lexicon

# --------------------------------------------------------------------------- orthography

# --------------------------------------------------------------------------- grammar


# --------------------------------------------------------------------------- values


# --------------------------------------------------------------------------- extension


# --------------------------------------------------------------------------- candidates


# --------------------------------------------------------------------------- combining


# --------------------------------------------------------------------------- context


_CITATION_AFTER = re.compile(r"\s*(?:[.,;)]|s\.|ss\.|S\.|p\.|pp\.)")
_NOTE_MARK = re.compile(rf"{_LETTER}[.,;]?\d{{1,3}}[.,;]?\s")


class _Context:
    """Sentence boundaries and anchors for expressions that leave out the year or the day."""

    WINDOW = 6000
    SENTENCE = 300
    QUOTE = 400
    PAREN = 200

    def __init__(self, text: str, cands: list[_Cand], sections: Any = None):
        self.text = text
        self.bounds = self._sentence_bounds(text)
        self.footnotes = [(start, end) for kind, start, end in _triples(sections) if kind == "footnote"]
        for c in cands:
            c.citation = self._is_citation(c)

    def _sentence_bounds(self, text: str) -> list[int]:
        g = _grammar()
        out = []
        for m in g.sentence_end.finditer(text):
            word = re.search(r"([^\s.]+)[.!?…][\"”’)\]]*$", text[max(0, m.start() - 20) : m.start()])
            token = word.group(1) if word else ""
            if token in g.abbreviations or (len(token) == 1 and token.isalpha()):
                continue
            out.append(m.end())
        return out

    def in_footnote(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.footnotes)

    def same_sentence(self, a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        if hi - lo > self.SENTENCE:
            return False
        return bisect.bisect_right(self.bounds, lo) == bisect.bisect_right(self.bounds, hi)

    def _is_citation(self, c: _Cand) -> bool:
        """A date as a reference gives it: "Milliyet, 24 Birinci Teşrin/Ekim 1933." "Ankara 1927, s. 12"."""
        if not c.dated:
            return False
        if _among(c.tail, _lexicon()["reference_words"]) or self._in_parentheses(c):
            return True
        if c.tail:
            return False
        after = _CITATION_AFTER.match(self.text, c.end)
        before = self.text[max(0, c.start - 40) : c.start]
        if not after:
            return False
        if re.search(r"[,(]\s*$", before):
            return True
        return c.kind == "year" and bool(re.search(r"[A-ZÇĞİÖŞÜ]\w+\s+$", before))

    def _in_parentheses(self, c: _Cand) -> bool:
        """An aside or a reference: "(Şubat 1919'da gelmişti?)", "(bkz. Pravda, 8 Mayıs 1921)"."""
        before = self.text[max(0, c.start - self.PAREN) : c.start]
        after = self.text[c.end : c.end + self.PAREN]
        opened = before.rfind("(") > before.rfind(")")
        closed = after.find(")") != -1 and (after.find("(") == -1 or after.find(")") < after.find("("))
        return opened and closed

    def in_quote(self, pos: int) -> bool:
        """Inside a quotation opened shortly before, not closed, and not ended by a note mark or a paragraph break."""
        text, lo = self.text, max(0, pos - self.QUOTE)
        lo = max(lo, text.rfind("\n\n", lo, pos))  # a quote that goes on reopens each paragraph with a mark
        for i in range(pos - 1, lo - 1, -1):
            ch = text[i]
            if ch == "”":
                return False
            if ch == "“" or ch == '"' and self._opens(i):
                return not _NOTE_MARK.search(text, i, pos)
            if ch == '"':
                return False
        return False

    def _opens(self, i: int) -> bool:
        nxt = self.text[i + 1 : i + 2] or " "
        prev = self.text[i - 1 : i] or " "
        return not nxt.isspace() and (prev.isspace() or prev in "(:")


def _triples(sections: Any) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each section: triples, or `normalize.Segment`s."""
    return [(s.kind, s.start, s.end) if hasattr(s, "kind") else tuple(s) for s in sections or ()]


def _explicit_year(c: _Cand) -> bool:
    return c.dated and any(p.y is not None and not p.inferred for p in c.points)


def _find_year(ctx: _Context, cands: list[_Cand], i: int, default_year: int | None) -> int | None:
    """Year for a date without one: the sentence first, then the dates stated before it."""
    c = cands[i]
    prev = _previous(cands, i, _explicit_year)
    if not ctx.in_footnote(c.start):
        # A footnote's own story is an aside on other matters: no context for the body after it.
        # Its references still are (a newspaper's date dates the body it is cited for).
        prev = [b for b in prev if b.citation or not ctx.in_footnote(b.start)]
    if prev and ctx.same_sentence(prev[0].end, c.start) and not prev[0].citation:
        return _last_year(prev[0])
    for b in cands[i + 1 : i + 6]:
        q, month = b.points[0], c.points[0].m
        later = q.m is not None and (month is None or q.m >= month)
        if _explicit_year(b) and later and ctx.same_sentence(c.end, b.start):
            return q.y  # "12 Ocak, Ermenistan'ın ise 19 Ocak 1920'dir"
    following = _following_year(c, [b for b in prev[:3] if _ANCHOR_PREFERENCE[0](b)])
    if following is not None:
        return following
    for ok in _ANCHOR_PREFERENCE:
        for b in prev:
            if ok(b):
                return _last_year(b)
    return default_year


def _following_year(c: _Cand, anchors: list[_Cand]) -> int | None:
    """A day and month without a year carry the story forward from a date
    stated just before: of the nearest dates with a month, the year that puts
    it soonest after one (`6 Aralık 1943'te … 19 Ekim 1939'da imzalanan
    ittifak … 7 Aralık sabahı` is 1943, not the year of the nearest)."""
    point = c.points[0]
    if point.m is None or len(anchors) < 2:
        return None
    gaps = []
    for b in anchors:
        last = b.points[-1]
        day = _valid_day(last.y, point.m, point.d or 1) and dt.date(last.y, point.m, point.d or 1)
        if day and _valid_day(last.y, last.m, last.d or 1):
            gap = (day - dt.date(last.y, last.m, last.d or 1)).days
            if gap >= 0:
                gaps.append((gap, last.y))
    return min(gaps)[1] if gaps else None


# In this order: a stated month or day is a better clue than a bare year, even in a reference.
_ANCHOR_PREFERENCE = (
    lambda b: not b.citation and b.points[-1].m is not None,
    lambda b: b.points[-1].m is not None,
    lambda b: not b.citation,
    lambda b: True,
)


def _previous(cands: list[_Cand], i: int, pred: Any) -> list[_Cand]:
    """Candidates before cands[i] within the context window, nearest first."""
    out = []
    for j in range(i - 1, -1, -1):
        if cands[i].start - cands[j].end > _Context.WINDOW:
            break
        if pred(cands[j]):
            out.append(cands[j])
    return out


def _last_year(c: _Cand) -> int:
    return [p.y for p in c.points if p.y is not None][-1]


def _resolve_years(ctx: _Context, cands: list[_Cand], default_year: int | None) -> list[_Cand]:
    out = []
    for i, c in enumerate(cands):
        if c.kind == "oday":
            c = _resolve_oday(ctx, cands, i)
        elif c.dated and any(p.y is None for p in c.points):
            y = _find_year(ctx, cands, i, default_year)
            if y is None:
                continue
            for p in c.points:
                if p.y is None:
                    p.y, p.inferred = y, True
            _yearless_calendar(c)
            _weekday_year(c)
        if c is not None and (not c.dated or _usable(c)):
            out.append(c)
    return out


def _weekday_year(c: _Cand) -> None:
    """"20 Mayıs Pazar günü" after "Kânunuevvel 1927": the weekday says the story is in 1928 now.
    (Not for a Rumi day: its Julian day was moved already.)"""
    p = c.points[0]
    if c.weekday is None or not p.inferred or p.d is None or c.mode != "single" or c.calendar == "rumi":
        return
    for year in (p.y, p.y + 1, p.y - 1):
        if _valid_day(year, p.m, p.d) and dt.date(year, p.m, p.d).isoweekday() == c.weekday:
            p.y = year
            return


def _yearless_calendar(c: _Cand) -> None:
    """A date that took its (Gregorian) year from context: an Ottoman month name before 1926, or
    a "Rumi" before it, makes it Rumi, and a Rumi day before 1917 is Julian."""
    cutoff = _lexicon()["rumi"]["last_year"] + _lexicon()["rumi"]["offset"]
    if not c.calendar and "ota" in c.langs and c.points[0].y <= cutoff:
        c.calendar = "rumi"
    if c.calendar == "rumi":
        c.points = [_julian_day(p) if p.inferred else p for p in c.points]


def _resolve_oday(ctx: _Context, cands: list[_Cand], i: int) -> _Cand | None:
    """"14'ündeki" (of the 14th): month and year of the nearest date before it in the sentence."""
    c = cands[i]
    for j in range(i - 1, -1, -1):
        b = cands[j]
        if c.start - b.end > _Context.SENTENCE:
            break
        q = b.points[-1]
        if b.dated and q.m and q.y and ctx.same_sentence(b.end, c.start):
            p = c.points[0]
            if not _valid_day(q.y, q.m, p.d):
                return None
            p.y, p.m, p.inferred = q.y, q.m, True
            return c
    return None


def _resolve_days(ctx: _Context, cands: list[_Cand]) -> list[_Cand]:
    """Clock times and relative days take the day from the nearest stated day before them."""
    out: list[_Cand] = []
    for c in cands:
        if c.kind in ("time", "rel", "relp"):
            c = _anchor_period(ctx, out, c) if c.kind == "relp" else _anchor_day(ctx, out, c)
            if c is None:
                continue
        out.append(c)
    return out


WINTER = 24  # the EDTF code of winter


def _anchor_period(ctx: _Context, done: list[_Cand], c: _Cand) -> _Cand | None:
    """`Ertesi yıl`, `aynı ayın sonunda`: the year (or month) of the nearest
    date before, in the body when the period is, moved by the period's count."""
    in_body = not ctx.in_footnote(c.start)
    for b in reversed(done):
        if c.start - b.end > _Context.WINDOW:
            return None
        q = b.points[-1] if b.mode == "range" else b.points[0]
        if q.y is None or c.period == "month" and q.m is None or b.citation or in_body and ctx.in_footnote(b.start):
            continue
        if c.period == "year":
            season = c.points[0].season
            # the winter a December lies in is the next year's (EDTF `Y-24` runs from December of Y-1)
            year = q.y + c.rel + (season == WINTER and q.m == 12)
            return replace(c, points=[_Point(year, season=season, inferred=True)])
        months = q.y * 12 + q.m - 1 + c.rel
        return replace(c, points=[_Point(months // 12, months % 12 + 1, inferred=True)])
    return None


def _anchor_day(ctx: _Context, done: list[_Cand], c: _Cand) -> _Cand | None:
    quoted = c.kind == "rel" and ctx.in_quote(c.start)
    in_body = not ctx.in_footnote(c.start)
    for b in reversed(done):
        if c.start - b.end > _Context.WINDOW:
            return None
        q = b.points[-1] if b.mode == "range" else b.points[0]
        if q.d is None or q.y is None or b.kind == "rel" and (c.kind == "rel" and c.rel != 0 or b.quoted):
            continue  # `aynı gün` is the day last told, `Ertesi günü` one too; other relatives count from a stated day
        if in_body and not quoted and ctx.in_footnote(b.start):
            continue  # a note printed before this line belongs to an earlier note mark, not to this day
        if b.citation and not quoted:
            continue
        day = dt.date(q.y, q.m, q.d)
        if c.weekday is not None:  # `20 Mayıs Pazar günü … Salı günü`: the story goes on to the next such day
            day += dt.timedelta(days=(c.weekday - day.isoweekday()) % 7)
        if c.kind == "rel":
            day += dt.timedelta(days=c.rel or 0)
            return replace(c, points=[_Point(day.year, day.month, day.day, inferred=True)], quoted=quoted)
        p = replace(c.points[0], y=day.year, m=day.month, d=day.day, inferred=True)
        _apply_pod(p, c.pod)
        if c.pod == "night" and p.hh is not None and p.hh < 6:
            nd = day + dt.timedelta(days=1)
            p.y, p.m, p.d = nd.year, nd.month, nd.day
        return replace(c, points=[p])
    return None


# --------------------------------------------------------------------------- output


def _edtf_point(p: _Point) -> str:
    if p.decade:
        s = f"{p.y // 10:03d}X"
    elif p.season:
        s = f"{p.y:04d}-{p.season}"
    else:
        s = f"{p.y:04d}"
        if p.m:
            s += f"-{p.m:02d}"
            if p.d:
                s += f"-{p.d:02d}"
                if p.hh is not None:
                    s += f"T{p.hh:02d}:{p.mi or 0:02d}"
    return s + ("%" if p.approx and p.uncertain else "~" if p.approx else "?" if p.uncertain else "")


def _edtf(c: _Cand) -> str:
    parts = [_edtf_point(p) for p in c.points]
    if c.mode == "range":
        return "/".join(parts)
    if c.mode == "set":
        return "{" + ",".join(parts) + "}"
    if c.mode == "alt":
        return "[" + ",".join(parts) + "]"
    if c.open == "end":
        return parts[0] + "/.."
    if c.open == "start":
        return "../" + parts[0]
    return parts[0]


_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}


def _bounds(p: _Point) -> tuple[dt.date, dt.date]:
    y = p.y
    if p.decade:
        lo, hi = dt.date(y // 10 * 10, 1, 1), dt.date(y // 10 * 10 + 9, 12, 31)
    elif p.season:
        m1, m2 = _SEASON_MONTHS[p.season]
        y1 = y - 1 if p.season == 24 else y
        lo, hi = dt.date(y1, m1, 1), dt.date(y, m2, calendar.monthrange(y, m2)[1])
    elif p.d:
        lo = hi = dt.date(y, p.m, p.d)
    elif p.m:
        lo, hi = dt.date(y, p.m, 1), dt.date(y, p.m, calendar.monthrange(y, p.m)[1])
    else:
        lo, hi = dt.date(y, 1, 1), dt.date(y, 12, 31)
    if p.approx:
        lo, hi = _widen(p, lo, hi)
    return lo, hi


def _widen(p: _Point, lo: dt.date, hi: dt.date) -> tuple[dt.date, dt.date]:
    if p.d or p.m:
        days = 1 if p.d else 31
        return lo - dt.timedelta(days=days), hi + dt.timedelta(days=days)
    return dt.date(lo.year - 1, 1, 1), dt.date(hi.year + 1, 12, 31)


def _precision(p: _Point) -> str:
    if p.d and not p.decade and not p.season:
        return "day"
    if p.m and not p.decade and not p.season:
        return "month"
    return "year"


def _to_match(text: str, c: _Cand) -> DateMatch:
    start, end = c.start, c.end
    if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
        start, end = start - 1, end + 1
    lows, highs = zip(*(_bounds(p) for p in c.points))
    lo, hi = min(lows), max(highs)
    if c.open == "end":
        hi = dt.date.max
    elif c.open == "start":
        lo = dt.date.min
    return DateMatch(
        start=start,
        end=end,
        surface=text[start:end],
        edtf=_edtf(c),
        precision=_precision(c.points[0]),
        earliest=lo,
        latest=hi,
        year_from_context=any(p.inferred for p in c.points),
        calendar=c.calendar or "gregorian",
    )


def _usable(c: _Cand) -> bool:
    """Complete and valid: "29 Şubat" that took the year 1921 from its context is dropped."""
    if not all(p.y is not None and (p.m is not None or p.d is None) for p in c.points):
        return False
    try:
        for p in c.points:
            _bounds(p)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- API


def find_dates(text: str, *, default_year: int | None = None, sections: Any = None) -> list[DateMatch]:
    """All date expressions in `text`, sorted by start and non-overlapping.

    `default_year` is used for a day and month (or a month) without a year when the text before
    it gives none. `sections` ((kind, start, end) triples or `normalize.Segment`s) tell footnotes
    from the body: a date in the body takes no year from what a footnote before it tells (only
    from the dates of the works it cites).

    >>> [m.edtf for m in find_dates("Heyet 26 Teşrîn-i Evvel/Ekim 1933'te geldi, 29 Ekim'de döndü.")]
    ['1933-10-26', '1933-10-29']
    """
    cands = _combine(text, _select(_candidates(text)))
    ctx = _Context(text, cands, sections)
    cands = _resolve_days(ctx, _resolve_years(ctx, cands, default_year))
    return [_to_match(text, c) for c in cands if _usable(c)]


def typed_value(match: DateMatch) -> tuple[str, str]:
    """(lexical value, XSD datatype local name): ``date``, ``gYearMonth`` or ``gYear``.

    For an interval, set or choice it is the first value (for ``../X``, X); approximation and
    uncertainty marks are dropped; a decade gives its first year, a season its year, a clock
    time its day.
    """
    value = match.edtf.strip("{}[]")
    first = value.split(",")[0].split("/")
    part = first[0] if first[0] != ".." else first[1]
    part = part.rstrip("~?%").split("T")[0]
    if "X" in part:
        part = part.replace("X", "0")
    y, *rest = part.split("-")
    if rest and int(rest[0]) > 12:  # season
        rest = []
    if len(rest) == 2:
        return f"{y}-{rest[0]}-{rest[1]}", "date"
    if len(rest) == 1:
        return f"{y}-{rest[0]}", "gYearMonth"
    return y, "gYear"
