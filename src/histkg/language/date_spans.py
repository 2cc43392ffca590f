"""Date spans: candidates extended over their trailers, chosen where they overlap, and joined into ranges and sets."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

from histkg.language.date_candidates import _ORDER, _Cand, _make, _Point
from histkg.language.lexicon import turkish_lower
from histkg.language.months import _DASH, _among, _grammar, _key, _lexicon, _lookup


def _extend(text: str, c: _Cand) -> _Cand:
    """Grow a candidate over what belongs to it: ?, case suffix, weekday, year/date words, ..."""
    g = _grammar()
    pos = c.end
    if pos < len(text) and text[pos] == "?" and c.dated:
        for p in c.points:
            p.uncertain = True
        pos += 1
    suf = g.suffix.match(text, pos) or _glued(text, pos)
    if suf:
        c.tail, pos = suf.group("w").replace(" ", ""), suf.end()
        pos = _decade(text, c, pos)
    if c.kind in ("dmy", "mdy", "num", "iso", "oday") and c.points[-1].d:
        wd = g.weekday.match(text, pos)
        if wd and not suf:
            pos, c.weekday = wd.end(), _lookup(_lexicon()["weekdays"], wd.group("w"))
            tr = g.trailer.match(text, pos)
            if tr:
                c.tail, pos = turkish_lower(tr.group("w")), tr.end()
    if not suf and c.dated and c.kind != "oday":
        pos = _trailer(text, c, pos)
    if c.kind in ("month", "my"):
        q = g.qualifier.match(text, pos) or (None if suf else g.followers.match(text, pos))
        if q:
            c.tail, pos = turkish_lower(q.group("w")), q.end()
    pos = _approx(text, c, pos)
    c.end = _open(text, c, pos)
    return c


def _glued(text: str, pos: int) -> re.Match[str] | None:
    """A case suffix glued to a month name, in the old orthography: "10 Haziranda"."""
    return _grammar().glued.match(text, pos) if pos and text[pos - 1].isalpha() else None


def _decade(text: str, c: _Cand, pos: int) -> int:
    """1930'lar, 1920'li yıllar → 193X/192X; 1925'li yıllar → 1925~."""
    if c.kind != "year" or len(c.points) != 1:
        return pos
    starts = _lexicon()["decade_suffix_starts"]
    if not any(c.tail.startswith(s) for s in starts):
        return pos
    plural = c.tail.startswith(("lar", "ler"))
    words = _grammar().decade_words.match(text, pos)
    if not plural and not words:
        return pos
    p = c.points[0]
    if p.y % 10 == 0:
        p.decade = True
    else:
        p.approx = True
    if words:
        c.tail, pos = turkish_lower(words.group("w")), words.end()
    return pos


def _trailer(text: str, c: _Cand, pos: int) -> int:
    g = _grammar()
    if c.kind == "year" and len(c.points) == 1:
        s = g.season.match(text, pos)
        if s:
            c.points[0].season = g.seasons[_key(s.group("w"))]
            c.tail = turkish_lower(s.group("w"))
            return s.end()
    tr = g.trailer.match(text, pos)
    if not tr:
        return pos
    word = turkish_lower(tr.group("w"))
    has_year = any(p.y for p in c.points)
    if _among(word, _lexicon()["year_words"]) and not has_year:
        return pos
    c.tail = word
    return tr.end()


def _approx(text: str, c: _Cand, pos: int) -> int:
    g = _grammar()
    if not c.dated:
        return pos
    after = g.approx_after.match(text, pos)
    before = g.approx_before.search(text[max(0, c.start - 20) : c.start])
    if after or before:
        for p in c.points:
            p.approx = True
    if before:
        c.start -= len(before.group(0))
    return after.end() if after else pos


_LOCATIVE = re.compile(r"[dt][ae]$")


def _ablative(tail: str) -> bool:
    return any(tail.endswith(s) for s in _lexicon()["interval"]["open_end_suffixes"])


def _dative(tail: str) -> bool:
    ends = _lexicon()["interval"]["open_start_suffixes"]
    return bool(tail) and not _LOCATIVE.search(tail) and any(tail.endswith(s) for s in ends)


def _open(text: str, c: _Cand, pos: int) -> int:
    g = _grammar()
    if not c.tail:
        return pos
    if _ablative(c.tail):
        m = g.open_end.match(text, pos)
        if m:
            c.open = "end"
            return m.end()
    if _dative(c.tail):
        m = g.open_start.match(text, pos)
        if m:
            c.open = "start"
            return m.end()
    return pos


_MONTH_LED = ("mdy", "my", "month")


def _matches(text: str) -> Any:
    """(kind, match) for every pattern; month-led patterns are tried only where a month is."""
    g = _grammar()
    months = [m.start() for m in g.month_scan.finditer(text)]
    for kind, rx in g.patterns:
        if kind in _MONTH_LED:
            yield from ((kind, mt) for mt in map(lambda pos: rx.match(text, pos), months) if mt)
        else:
            yield from ((kind, mt) for mt in rx.finditer(text))


def _candidates(text: str) -> list[_Cand]:
    out = []
    for kind, mt in _matches(text):
        c = _make(kind, mt)
        if c is None and kind not in _MONTH_LED:
            c = _retry(kind, mt)  # "No: 54 ile 16 Temmuz": the list fails, "16 Temmuz" holds
        if c is not None:
            out.append(_extend(text, c))
    return out


def _retry(kind: str, mt: re.Match[str]) -> _Cand | None:
    """A rejected match may hide a valid one that starts inside it."""
    rx = mt.re
    pos = mt.start() + 1
    while pos < mt.end():
        nxt = rx.search(mt.string, pos, mt.end() + 200)
        if nxt is None or nxt.start() >= mt.end():
            return None
        c = _make(kind, nxt)
        if c is not None:
            return c
        pos = nxt.start() + 1
    return None


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest candidates first, then by kind order; no overlaps."""
    rank = {k: i for i, k in enumerate(_ORDER)}
    chosen: list[_Cand] = []
    starts: list[int] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, rank[c.kind], c.start)):
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and chosen[i - 1].end > c.start:
            continue
        if i < len(chosen) and chosen[i].start < c.end:
            continue
        starts.insert(i, c.start)
        chosen.insert(i, c)
    return chosen


def _gap(text: str, a: _Cand, b: _Cand) -> str:
    return text[a.end : b.start]


def _combine(text: str, cands: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    for c in cands:
        merged = _merge(text, out[-1], c) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(c)
    return out


def _merge(text: str, a: _Cand, b: _Cand) -> _Cand | None:
    gap = _gap(text, a, b)
    if len(gap) > 12:
        return None
    for rule in (_merge_apposition, _merge_time, _merge_range, _merge_set):
        m = rule(text, a, b, gap)
        if m is not None:
            return m
    return None


def _merge_apposition(text: str, a: _Cand, b: _Cand, gap: str) -> _Cand | None:
    words = "|".join(_lexicon()["relative"]["apposition_words"])
    if a.kind == "rel" and b.dated and b.points[0].d and re.fullmatch(rf"\s*,?\s*(?:(?:{words})\s+)?", gap):
        return replace(b, start=a.start)
    return None


def _merge_time(text: str, a: _Cand, b: _Cand, gap: str) -> _Cand | None:
    if b.kind != "time" or a.mode != "single" or not a.dated or not a.points[0].d:
        return None
    if a.points[0].hh is not None or not re.fullmatch(r"\s*,?\s*", gap):
        return None
    p = replace(a.points[0], hh=b.points[0].hh, mi=b.points[0].mi)
    _apply_pod(p, b.pod)
    return replace(a, end=b.end, points=[p], tail=b.tail, open=b.open)


def _range_gap(text: str, a: _Cand, b: _Cand, gap: str) -> bool:
    if re.fullmatch(rf"\s*[{_DASH}]\s*", gap):
        return not a.tail and not a.open
    if not gap.strip() and (a.open == "end" or _ablative(a.tail)):
        return b.open == "start" or _dative(b.tail)
    words = "|".join(_lexicon()["interval"]["range_between_words"])
    if re.fullmatch(rf"\s+(?:{words})\s+", gap) and not a.tail:
        return bool(_grammar().between_after.match(text, b.end)) or b.tail.startswith("arası")
    return False


def _merge_range(text: str, a: _Cand, b: _Cand, gap: str) -> _Cand | None:
    if not (a.dated and b.dated) or a.mode != "single" or b.mode != "single" or "oday" in (a.kind, b.kind):
        return None
    if not _range_gap(text, a, b, gap) or not _before(a.points[0], b.points[0]):
        return None
    p, q = replace(a.points[0]), b.points[0]
    if p.y is None and q.y is not None and p.m is not None:
        p.y = q.y - (1 if q.m and p.m > q.m else 0)
    if p.m is None and p.d is not None:
        p.m = q.m
    kind = a.kind if a.kind == b.kind else "range"
    cal = a.calendar or b.calendar
    return _Cand(a.start, b.end, kind, [p, q], mode="range", tail=b.tail, langs=a.langs | b.langs, calendar=cal)


def _before(p: _Point, q: _Point) -> bool:
    """A range runs forward: "26 Mayıs 1928 — 26 Mayıs 1344" is one day in two calendars."""
    if p.y is None or q.y is None:
        return True
    return (p.y, p.m or 0, p.d or 0) < (q.y, q.m or 13, q.d or 32)


def _merge_set(text: str, a: _Cand, b: _Cand, gap: str) -> _Cand | None:
    if not (a.dated and b.dated) or a.mode != "single" or b.mode != "single" or a.tail or a.open or b.open:
        return None
    p, q = a.points[0], b.points[0]
    days = p.d is not None and q.d is not None  # "30 Temmuz/30 Ağustos"
    years = a.kind == b.kind == "year"  # "1918 ve 1920'de"
    words = "|".join(_lexicon()["interval"]["set_words"])
    slash = days and re.fullmatch(r"\s*/\s*", gap)
    if not (slash or years and re.fullmatch(rf"\s+(?:{words})\s+|\s*,\s*", gap)):
        return None
    if p == q:
        return None  # "1 Temmuz 1294 / 13 Receb 1295": one day in two calendars
    points = [replace(p), replace(q)]
    cal = a.calendar or b.calendar
    return _Cand(a.start, b.end, a.kind, points, mode="set", tail=b.tail, langs=a.langs | b.langs, calendar=cal)


def _apply_pod(p: _Point, pod: str | None) -> None:
    if p.hh is None or pod is None:
        return
    if pod in ("evening", "afternoon") and p.hh < 12:
        p.hh += 12
    elif pod == "night" and 6 <= p.hh < 12:
        p.hh += 12


