"""Date candidates: each pattern's match made into points in time (day, month, year, calendar)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from convertdate import islamic, julian

from histkg.language.months import _DASH, _among, _grammar, _key, _lexicon, _lookup


@dataclass
class _Point:
    y: int | None = None
    m: int | None = None
    d: int | None = None
    hh: int | None = None
    mi: int | None = None
    season: int | None = None
    decade: bool = False
    approx: bool = False
    uncertain: bool = False
    inferred: bool = False


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    points: list[_Point]
    mode: str = "single"  # single | range | set | alt
    open: str = ""  # "" | "end" | "start"
    tail: str = ""  # last morpheme: case suffix or trailing word, lower-cased
    rel: int | None = None  # day offset of a relative expression (years or months for a relative period)
    period: str | None = None  # "year" | "month": what a relative period counts (`ertesi yıl`, `aynı ay`)
    pod: str | None = None  # part of day of a clock time
    langs: frozenset[str] = frozenset()
    citation: bool = False  # a reference's date, an aside in parentheses, a "tarihli" date
    quoted: bool = False  # a relative day inside a quotation
    calendar: str = ""  # "gregorian" | "rumi" | "hicri"; "" until a date without a year finds one
    weekday: int | None = None  # ISO weekday the text states ("Pazar günü"): 7

    @property
    def dated(self) -> bool:
        return self.kind not in ("time", "rel", "relp")


_ORDER = ["dmy", "mdy", "iso", "num", "my", "year", "month", "oday", "time", "rel", "relp"]  # ties: first wins


def _valid_day(y: int | None, m: int | None, d: int | None) -> bool:
    if d is None:
        return True
    if not 1 <= d <= 31:
        return False
    if m is None:
        return True
    return d <= calendar.monthrange(y if y else 2000, m)[1]


def _months_of(text: str) -> tuple[list[int], frozenset[str]]:
    """The month of a name, or the two of "Birinci Teşrin/Ekim" (a gloss) or "Mart-Haziran" (a range)."""
    g = _grammar()
    whole = g.months.get(_key(text))
    if whole:
        return [whole[0]], whole[1]
    for sep in re.finditer(rf"\s*[/{_DASH}]\s*", text):
        a, b = g.months.get(_key(text[: sep.start()])), g.months.get(_key(text[sep.end() :]))
        if a and b:
            return [a[0], b[0]], a[1] | b[1]
    return [], frozenset()


# --------------------------------------------------------------------------- calendars


def _said_calendar(text: str, start: int) -> re.Match[str] | None:
    """A word just before a date that names its calendar: "Rumi 19 Haziran", "Frengi 1 Temmuz"."""
    return _grammar().calendar_before.search(text[max(0, start - 30) : start])


def _calendar_of(mt: re.Match[str], langs: frozenset[str], y: int | None, month: bool) -> str:
    """The calendar the text wrote the date in; "" for a date without a year that names none."""
    if "hicri" in langs:
        return "hicri"
    said = _said_calendar(mt.string, mt.start())
    said_cal = _grammar().calendar_words[_key(said.group("w"))] if said else ""
    if y is None:
        return said_cal if said_cal != "hicri" else ""
    rumi = _lexicon()["rumi"]
    if said_cal in ("gregorian", "hicri") or mt.groupdict().get("yg"):
        return "gregorian"  # "1337 (1921)": the text gives the Gregorian year
    if not rumi["first_year"] <= y <= rumi["last_year"]:
        return "gregorian"
    groups = mt.groupdict()
    return "rumi" if month or said_cal or groups.get("mark") or groups.get("sene") else "gregorian"


def _text_year(mt: re.Match[str]) -> int | None:
    if mt.groupdict().get("yg"):
        return int(mt.group("yg"))
    return int(mt.group("y")) if mt.group("y") else None


def _valid_in(calendar: str, y: int | None, m: int | None, d: int | None) -> bool:
    """A day valid in the calendar the text used (Rumi days are Julian: 29 Şubat 1315 is a day)."""
    if calendar == "hicri":
        hicri = _lexicon()["hicri"]
        return y is not None and hicri["first_year"] <= y <= hicri["last_year"] and (d is None or 1 <= d <= hicri["day_max"])
    if calendar == "rumi" and None not in (y, m, d):
        return 1 <= d <= julian.month_length(y + _lexicon()["rumi"]["offset"], m)
    return _valid_day(y, m, d)


def _from_rumi(p: _Point) -> _Point:
    """Rumi year Y is Gregorian Y+584, Y+585 in Ocak and Şubat while the year began in Mart."""
    rumi = _lexicon()["rumi"]
    jan_feb = p.m in (1, 2) and p.y < rumi["january_from"]
    return _julian_day(replace(p, y=p.y + rumi["offset"] + (1 if jan_feb else 0)))


def _julian_day(p: _Point) -> _Point:
    """A Rumi day (its year already Gregorian) before 1 Mart 1333 (1917-03-01) is a Julian day."""
    if p.d is None or p.m is None or dt.date(p.y, p.m, 1) >= dt.date.fromisoformat(_lexicon()["rumi"]["julian_until"]):
        return p
    y, m, d = julian.to_gregorian(p.y, p.m, min(p.d, julian.month_length(p.y, p.m)))
    return replace(p, y=y, m=m, d=d)


def _from_hicri(p: _Point) -> _Point:
    """A Hicri day by the tabular Islamic calendar; a Hicri month as the Gregorian month of its 15th."""
    y, m, d = islamic.to_gregorian(p.y, p.m, p.d or 15)
    return replace(p, y=y, m=m, d=d if p.d else None)


def _to_gregorian(points: list[_Point], calendar: str) -> list[_Point]:
    convert = {"rumi": _from_rumi, "hicri": _from_hicri}.get(calendar)
    return [convert(p) for p in points] if convert else points


def _said(c: _Cand, mt: re.Match[str]) -> _Cand:
    """The calendar word before a date belongs to it."""
    said = _said_calendar(mt.string, mt.start())
    if said and c.calendar:
        c.start -= len(said.group(0))
    return c


def _days_of(text: str) -> tuple[list[int], str]:
    """Days and how they combine: single, range (28-29), set (11, 27 ve 28) or alt (6 veya 7)."""
    nums = [int(n) for n in re.findall(r"\d+", text)]
    if len(nums) == 1:
        return nums, "single"
    if re.search(rf"\d\s*[{_DASH}]\s*\d", text):
        return nums, "range"
    alt = _lexicon()["interval"]["alternative_words"]
    word = re.sub(r"[\d\s,.]+", " ", text).strip()
    return nums, ("alt" if _among(word, alt) else "set")


def _make(kind: str, mt: re.Match[str]) -> _Cand | None:
    """Turn one regex match into a candidate, or None when it is not a valid date."""
    return _MAKERS[kind](mt)


def _cand(mt: re.Match[str], kind: str, points: list[_Point], **kw: Any) -> _Cand:
    return _Cand(mt.start(), mt.end(), kind, points, **kw)


def _make_dmy(mt: re.Match[str]) -> _Cand | None:
    months, langs = _months_of(mt.group("mon"))
    if not months or len(set(months)) > 1:
        return None  # "5 Mart-Haziran": no day of two months
    if "." in mt.group("days") and langs & {"tr", "ota"}:
        return None  # "12. Ekim": a number ending a sentence, not a German-style day
    m, y = months[-1], _text_year(mt)
    cal = _calendar_of(mt, langs, y, True)
    nums, mode = _days_of(mt.group("days"))
    if mode == "range" and nums[1] <= nums[0]:
        return None
    if cal == "hicri" and y is None or not all(_valid_in(cal, y, m, d) for d in nums):
        return None
    points = _to_gregorian([_Point(y, m, d) for d in nums], cal if y else "")
    return _said(_cand(mt, "dmy", points, mode=mode, langs=langs, calendar=cal), mt)


def _make_my(mt: re.Match[str]) -> _Cand | None:
    months, langs = _months_of(mt.group("mon"))
    y = _text_year(mt)
    cal = _calendar_of(mt, langs, y, True)
    if not months or not _valid_in(cal, y, months[-1], None):
        return None
    if len(months) == 2 and months[0] != months[1]:
        points, mode = [_Point(y, months[0]), _Point(y, months[1])], "range"
    else:
        points, mode = [_Point(y, months[-1])], "single"
    points = _to_gregorian(points, cal)
    return _said(_cand(mt, "my", points, mode=mode, langs=langs, calendar=cal), mt)


def _make_mdy(mt: re.Match[str]) -> _Cand | None:
    months, langs = _months_of(mt.group("mon"))
    y, d = int(mt.group("y")), int(mt.group("d"))
    if not months or "hicri" in langs or not _valid_day(y, months[-1], d):
        return None
    return _cand(mt, "mdy", [_Point(y, months[-1], d)], langs=langs)


def _make_num(mt: re.Match[str]) -> _Cand | None:
    y, m, d = int(mt.group("y")), int(mt.group("m")), int(mt.group("d"))
    if not _valid_day(y, m, d):
        return None
    return _cand(mt, "num", [_Point(y, m, d)])


def _make_rumi(mt: re.Match[str]) -> _Cand | None:
    """A marked year: "1336 Rumi", "1336 senesi", "1337 (1921)"."""
    said = _said_calendar(mt.string, mt.start())
    if said and _grammar().calendar_words[_key(said.group("w"))] == "hicri":
        return None  # a Hicri year alone spans two Gregorian years
    cal = _calendar_of(mt, frozenset(), _text_year(mt), False)
    if cal == "gregorian" and not mt.group("yg"):
        return None  # 1256..1345 only: no Rumi year outside the calendar's life
    return _said(_cand(mt, "year", _to_gregorian([_Point(_text_year(mt))], cal), calendar=cal), mt)


def _make_ym(mt: re.Match[str]) -> _Cand | None:
    months, langs = _months_of(mt.group("mon"))
    y = int(mt.group("y"))
    cal = _calendar_of(mt, langs, y, True)
    if not months or len(set(months)) > 1 or _looks_like_number(mt.string, mt.start(), mt.start() + 4):
        return None
    if y < 1800 and cal == "gregorian" or not _valid_in(cal, y, months[-1], None):
        return None
    points = _to_gregorian([_Point(y, months[-1])], cal)
    return _said(_cand(mt, "my", points, langs=langs, calendar=cal), mt)


def _make_year(mt: re.Match[str]) -> _Cand | None:
    text, y = mt.string, int(mt.group("y"))
    end = mt.end("y")
    points = [_Point(y)]
    if mt.group("y2"):
        y2s = mt.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else y // 100 * 100 + int(y2s)
        if y < y2 <= y + 200:
            points.append(_Point(y2))
            end = mt.end()
    if _looks_like_number(text, mt.start(), end):
        return None
    return _Cand(mt.start(), end, "year", points, mode="range" if len(points) == 2 else "single")


def _make_month(mt: re.Match[str]) -> _Cand | None:
    months, langs = _months_of(mt.group("mon"))
    lex = _lexicon()
    if not months or not langs & set(lex["bare_month_languages"]):
        return None
    surface = mt.group("mon")
    if not surface[0].isupper():
        return None
    if _among(surface, lex["month_also_personal_name"]):
        tail = _grammar().suffix.match(mt.string, mt.end())
        if tail and not re.fullmatch(r"[dt][ae]n?(ki)?|[ny]?[ae]", tail.group("w")):
            return None  # "Kasım'ın": more likely the man than the month
    return _cand(mt, "month", [_Point(None, months[-1])], langs=langs)


def _make_oday(mt: re.Match[str]) -> _Cand | None:
    if not _valid_day(None, None, int(mt.group("d"))):
        return None
    if _looks_like_number(mt.string, mt.start(), mt.end("d")):
        return None
    return _cand(mt, "oday", [_Point(None, None, int(mt.group("d")))])


def _make_clock(mt: re.Match[str]) -> _Cand | None:
    return _make_time(mt, said=False)


def _make_time(mt: re.Match[str], said: bool = True) -> _Cand | None:
    """A clock time; `said`: introduced by "saat"."""
    text = mt.string
    if _grammar().count_before.search(text[max(0, mt.start() - 12) : mt.start()]):
        return None  # "3 saat 20 dakika" is a duration
    if mt.groupdict().get("hw"):
        hh, mi = _lookup(_lexicon()["clock"]["hour_words"], mt.group("hw")), 0
    else:
        hh, mi = int(mt.group("h")), int(mt.group("mi") or 0)
    if hh > 24 or _looks_like_number(text, mt.start(), mt.end()):
        return None
    c = _cand(mt, "time", [_Point(hh=hh, mi=mi)])
    pod = _grammar().pod_before.search(text[max(0, mt.start() - 25) : mt.start()])
    if not pod and not said and mt.group("mi") is None:
        return None  # "8'de" alone is no clock time; "akşam 8'de", "saat 8'de", "8.30'da" are
    if pod:
        c.pod = _lookup(_lexicon()["clock"]["parts_of_day"], pod.group("w"))
        c.start -= len(pod.group(0))
        day = _grammar().weekday_before.search(text[max(0, c.start - 12) : c.start])
        if day and not _after_a_date(text, c.start - len(day.group(0))):
            # `Cuma sabahı saat ona`: the time of that weekday (`30 Kasım pazartesi akşamı` is the date's own)
            c.weekday = _lookup(_lexicon()["weekdays"], day.group("w"))
            c.start -= len(day.group(0))
    return c


def _same_as_a_thing(mt: re.Match[str]) -> bool:
    """`Sevr ile aynı gün`: the day of the thing named before, not of the date told last."""
    return bool(re.search(r"\bile\s+$", mt.string[max(0, mt.start() - 6):mt.start()]))


def _make_rel(mt: re.Match[str]) -> _Cand | None:
    rel = _lexicon()["relative"]
    if _same_as_a_thing(mt):
        return None
    if mt.group("fixed"):
        off = _lookup(rel["fixed"], mt.group("fixed"))
    elif mt.group("ord"):
        off = _lookup(rel["ordinal_words"], mt.group("ord")) - 1
    else:
        n = mt.group("n")
        n = int(n) if n.isdigit() else _lookup(rel["number_words"], n)
        sign = 1 if _among(mt.group("dir"), rel["after_words"]) else -1
        off = sign * n * _lookup(rel["units"], mt.group("unit"))
    c = _cand(mt, "rel", [_Point()], rel=off)
    pre = _grammar().rel_before.search(mt.string[max(0, mt.start() - 10) : mt.start()])
    if pre:
        c.start -= len(pre.group(0))  # "Bundan iki gün sonra"
    return c


def _after_a_date(text: str, at: int) -> bool:
    """A day or a month right before `at` (`30 Kasım pazartesi`): the weekday there belongs to that date."""
    word = re.search(r"(\S+)\s*$", text[max(0, at - 20) : at])
    return bool(word) and (any(ch.isdigit() for ch in word.group(1)) or bool(_months_of(word.group(1))[0]))


def _make_wday(mt: re.Match[str]) -> _Cand | None:
    """`Salı günü`, `Cuma sabahı`: a day told by its weekday alone, a relative
    day (kind `rel`) the anchor moves forward to (`_anchor_day`)."""
    if _after_a_date(mt.string, mt.start()):
        return None  # `20 Mayıs Pazar günü`: the date's weekday, not a day of its own
    return _cand(mt, "rel", [_Point()], weekday=_lookup(_lexicon()["weekdays"], mt.group("wd")))


def _make_relp(mt: re.Match[str]) -> _Cand | None:
    rel = _lexicon()["relative"]
    if _same_as_a_thing(mt):
        return None
    if mt.group("sea"):  # `Aynı yaz`: the summer of the year counted to
        return _cand(mt, "relp", [_Point(season=_lookup(rel["season_periods"], mt.group("sea")))],
                     rel=_lookup(rel["period_words"], mt.group("pw")), period="year")
    return _cand(mt, "relp", [_Point()], rel=_lookup(rel["period_words"], mt.group("pw")),
                 period=_lookup(rel["periods"], mt.group("per")))


_MAKERS = {
    "dmy": _make_dmy,
    "mdy": _make_mdy,
    "my": _make_my,
    "ym": _make_ym,
    "num": _make_num,
    "iso": _make_num,
    "rumi": _make_rumi,
    "year": _make_year,
    "month": _make_month,
    "oday": _make_oday,
    "time": _make_time,
    "clock": _make_clock,
    "rel": _make_rel,
    "wday": _make_wday,
    "relp": _make_relp,
}


def _looks_like_number(text: str, start: int, end: int) -> bool:
    """Page, issue, law, article or file numbers: "s. 1921", "No: 1920", "1920 sayılı"."""
    g = _grammar()
    before = g.lookalike_before.search(text[max(0, start - 12) : start])
    return bool(before or g.lookalike_after.match(text, end))


