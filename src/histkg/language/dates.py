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
import functools
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from histkg.language.lexicon import turkish_lower
from histkg.language.resources import ontology_file

__all__ = ["DateMatch", "find_dates", "typed_value", "lexicon_path"]


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


# --------------------------------------------------------------------------- lexicon

LEXICON = "months.json"


def lexicon_path() -> Path:
    """The lexicon: ``ontology/months.json`` (the folder can be moved with $HISTKG_ONTOLOGY)."""
    return ontology_file(LEXICON)


@functools.cache
def _lexicon() -> dict[str, Any]:
    return json.loads(lexicon_path().read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- orthography

_FOLD = str.maketrans("âîûÂÎÛşŞğĞıİüÜöÖçÇéèêëàäôœ", "aiuAIUsSgGiIuUoOcCeeeeaaoo")
_CIRC = {"a": "â", "i": "î", "u": "û", "A": "Â"}
_LETTER = r"[^\W\d_]"
_APOS = "['’‘`´ʼ]"
_LOW = "a-zçğıöşüâîûé"
_DASH = r"\-–—‐‑"  # for use inside [...]


def _tr_upper(s: str) -> str:
    return s.replace("i", "İ").replace("ı", "I").upper()


def _key(s: str) -> str:
    """Lookup key: lower case, no circumflex, ASCII letters, no spaces, hyphens or apostrophes."""
    return re.sub(rf"[\s{_DASH}'’.]", "", turkish_lower(s).translate(_FOLD))


def _lookup(table: dict[str, Any], word: str) -> Any:
    """table[word], where word may be written in any of the ways the patterns accept."""
    return {_key(k): v for k, v in table.items()}[_key(word)]


def _among(word: str, words: list[str]) -> bool:
    return _key(word) in {_key(w) for w in words}


def _char_class(c: str, first: bool) -> str:
    alts = {c, c.translate(_FOLD)}
    if first:
        alts |= {turkish_lower(c), _tr_upper(c)}
    alts |= {_CIRC[a] for a in list(alts) if a in _CIRC}
    alts |= {a.translate(_FOLD) for a in list(alts)}
    if len(alts) == 1:
        return re.escape(c)
    return "[" + "".join(re.escape(a) for a in sorted(alts)) + "]"


def _word_pattern(word: str, spaced: bool) -> str:
    glue = " ?" if spaced else ""
    return glue.join(_char_class(c, i == 0) for i, c in enumerate(word))


def _name_pattern(name: str, spaced: bool) -> str:
    words = [w for w in re.split(rf"[\s{_DASH}]+", name) if w]
    return r"(?:\s*[-‐‑–]\s*|\s+)".join(_word_pattern(w, spaced) for w in words)


def _class_chars(cls: str) -> set[str]:
    return set(re.findall(r"[^\[\]\\]", cls))


def _alternation(names: list[str], spaced: bool = False) -> str:
    """Names as one regex that starts a word. It consumes the first character with one class and
    then branches on it (a shallow trie): the regex engine can skip ahead on that class."""
    variants = [v for n in names for v in (n, _tr_upper(n))]
    groups: dict[str, set[str]] = {}
    for v in variants:
        first = _char_class(v[0], True)
        rest = _name_pattern(v, spaced)[len(first) :]
        groups.setdefault(first, set()).add(rest)
    union = set().union(*(_class_chars(f) for f in groups))
    branches = [
        f"(?<={first})(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")"
        for first, rests in sorted(groups.items(), key=lambda kv: -max(map(len, kv[1])))
    ]
    head = "[" + "".join(re.escape(c) for c in sorted(union)) + "]"
    return f"(?:{head}(?<!{_LETTER}.)(?:" + "|".join(branches) + "))"


def _words(words: list[str]) -> str:
    """Alternation of plain words (first letter in either case), longest first."""
    return _alternation(sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------- grammar


@dataclass
class _Grammar:
    months: dict[str, tuple[int, frozenset[str]]]
    patterns: list[tuple[str, re.Pattern[str]]]
    suffix: re.Pattern[str]
    trailer: re.Pattern[str]
    weekday: re.Pattern[str]
    season: re.Pattern[str]
    seasons: dict[str, int]
    qualifier: re.Pattern[str]
    followers: re.Pattern[str]
    approx_after: re.Pattern[str]
    approx_before: re.Pattern[str]
    open_end: re.Pattern[str]
    open_start: re.Pattern[str]
    decade_words: re.Pattern[str]
    lookalike_before: re.Pattern[str]
    lookalike_after: re.Pattern[str]
    between_after: re.Pattern[str]
    sentence_end: re.Pattern[str]
    count_before: re.Pattern[str]
    pod_before: re.Pattern[str]
    rel_before: re.Pattern[str]
    month_scan: re.Pattern[str]
    abbreviations: frozenset[str]


def _month_table(lex: dict[str, Any]) -> dict[str, tuple[int, frozenset[str]]]:
    table: dict[str, tuple[int, set[str]]] = {}
    for entry in lex["months"]:
        for lang, names in entry["names"].items():
            for n in names:
                month, langs = table.setdefault(_key(n), (entry["month"], set()))
                langs.add(lang)
    return {k: (m, frozenset(ls)) for k, (m, ls) in table.items()}


def _month_regex(lex: dict[str, Any]) -> str:
    local = set(lex["bare_month_languages"])
    spaced = [n for e in lex["months"] for lang, ns in e["names"].items() if lang in local for n in ns]
    plain = [n for e in lex["months"] for lang, ns in e["names"].items() if lang not in local for n in ns]
    alt = f"(?:{_alternation(spaced, True)}|{_alternation(plain)})"
    one = rf"{alt}(?!{_LETTER})"
    return rf"(?P<mon>{one}(?:\s*/\s*{one})?)"


def _patterns(lex: dict[str, Any]) -> list[tuple[str, re.Pattern[str]]]:
    """The date grammar. Patterns start with a character class, not a lookbehind, so that the
    regex engine can skip to candidate positions (a lookbehind follows the first character)."""
    mon = _month_regex(lex)
    iv = lex["interval"]
    day = r"\d\d?"  # checked in Python: 1..31 and the month's length
    day1 = r"\d(?<![\w.,:]\d)\d?"  # a day that starts a number
    conj = _words(iv["set_words"] + iv["alternative_words"])
    days = (
        rf"(?P<days>{day1}(?:\.|er)?(?:\s*[{_DASH}]\s*{day}"
        rf"|(?:\s*,\s*{day})*\s*,?\s+{conj}\s+{day})?)"
    )
    year = r"(?:1\d{3}|20\d\d)"
    byear = r"(?:1[89]\d\d|20\d\d)"
    byear1 = r"(?:1[89]|20)(?<![\w.,/:]..)\d\d"  # a year that starts a number
    marks = _words(lex["rumi"]["markers"])
    yearp = rf"(?P<y>{year})(?!\d)(?:\s*\(\s*(?P<yg>{byear})\s*\)|(?<=13\d\d)\s*(?P<mark>{marks}))?"
    clock = lex["clock"]
    hours = _words(list(clock["hour_words"]))
    hsuf = "|".join(sorted(clock["hour_word_suffixes"], key=len, reverse=True))
    rel = lex["relative"]
    suffix_ahead = rf"(?= ?{_APOS}[{_LOW}])"
    pats = {
        "dmy": rf"{days}\s*{mon}(?:,?\s+{yearp})?",
        "mdy": rf"{mon}\s+(?P<d>{day})(?:st|nd|rd|th)?,\s+(?P<y>{year})(?!\d)",
        "my": rf"{mon},?\s+{yearp}",
        "ym": rf"(?P<y>{byear1})\s+(?:{_words(lex['year_linkers'])}\s+)?{mon}(?!\s*\d)",
        "num": rf"(?P<d>{day1})(?P<sep>[./-])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<y>{byear})(?!\d)(?![.,]\d)",
        "iso": rf"(?P<y>{byear1})-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?!\d)",
        "rumi": rf"(?P<y>13(?<![\w.,/:]..)[0-4]\d)\s*(?:\(\s*(?P<yg>{byear})\s*\)|(?P<mark>{marks}))",
        "year": (
            rf"(?P<y>(?:1[89]|20)(?<![\w./{_DASH}]..)(?<!\d,..)\d\d)(?!\d)(?![.,]\d)"
            rf"(?:\s*(?P<sep>[{_DASH}/])\s*(?P<y2>{byear}|\d\d)(?!\d)(?![.,]\d))?"
        ),
        "month": rf"{mon}(?:{suffix_ahead}|(?=\s+{_words(lex['month_followers'])}(?!{_LETTER})))",
        "oday": rf"(?P<d>{day1})(?={_APOS}s?[ıiuü]n[dt][ae](?:ki)?(?!{_LETTER}))",
        "time": (
            rf"{_words(clock['words'])}\s+"
            rf"(?:(?P<h>2[0-4]|[01]?\d)(?:[.:](?P<mi>[0-5]\d))?(?![\d.]\d)"
            rf"|(?P<hw>{hours})(?:{hsuf})?(?!{_LETTER}))"
        ),
        "clock": rf"(?P<h>\d(?<![\w.,/:]\d)\d?)(?:[.:](?P<mi>[0-5]\d))?{suffix_ahead}",
        "rel": (
            rf"(?:(?P<fixed>{_words(list(rel['fixed']))})"
            rf"|(?P<n>\d{{1,2}}|{_words(list(rel['number_words']))})\s+(?P<unit>{_words(list(rel['units']))})"
            rf"\s+(?P<dir>{_words(rel['after_words'] + rel['before_words'])})"
            rf"|(?P<ord>{_words(list(rel['ordinal_words']))})\s+{_words(rel['ordinal_day_words'])})"
            rf"(?!{_LETTER})"
        ),
    }
    return [(k, re.compile(p)) for k, p in pats.items()]


def _word_re(words: list[str], lead: str = r"\s+") -> re.Pattern[str]:
    return re.compile(rf"{lead}(?P<w>{_words(words)})(?!{_LETTER})")


@functools.cache
def _grammar() -> _Grammar:
    lex = _lexicon()
    iv = lex["interval"]
    seasons = {_key(w): int(code) for code, ws in lex["seasons"].items() for w in ws}
    season_words = [w for ws in lex["seasons"].values() for w in ws]
    abbrev = frozenset(lex["abbreviations"])
    before = "|".join(re.escape(w) for w in sorted(lex["lookalike_before"], key=len, reverse=True))
    return _Grammar(
        months=_month_table(lex),
        patterns=_patterns(lex),
        suffix=re.compile(rf" ?{_APOS}(?P<w>[{_LOW}]+|(?: ?[{_LOW}](?!{_LETTER}))+)"),
        trailer=_word_re(lex["year_words"] + lex["date_words"] + lex["day_words"]),
        weekday=_word_re(list(lex["weekdays"])),
        season=_word_re(season_words, rf"(?:\s+{_words(lex['year_linkers'])})?\s+"),
        seasons=seasons,
        qualifier=_word_re(lex["month_qualifiers"]),
        followers=_word_re(lex["month_followers"]),
        approx_after=_word_re(lex["approximate_after"]),
        approx_before=re.compile(rf"(?<!{_LETTER})(?P<w>{_words(lex['approximate_before'])})\s+$"),
        open_end=_word_re(iv["open_end_words"]),
        open_start=_word_re(iv["open_start_words"]),
        decade_words=_word_re(lex["decade_years_words"]),
        lookalike_before=re.compile(rf"(?<![\w.])(?:{before})\s*$"),
        lookalike_after=re.compile(rf"\s*(?:{_words(lex['lookalike_after'])})(?!{_LETTER})"),
        between_after=_word_re(iv["range_between_after"]),
        sentence_end=re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“(\[]*[A-ZÇĞİÖŞÜÂÎ0-9])"),
        abbreviations=abbrev,
        count_before=re.compile(rf"(?:\d|{_words(list(lex['relative']['number_words']))})\s+$"),
        month_scan=re.compile(_month_regex(lex)),
        pod_before=re.compile(rf"(?P<w>{_words(list(lex['clock']['parts_of_day']))})\s+$"),
        rel_before=re.compile(rf"{_words(lex['relative']['prefix_words'])}\s+$"),
    )


# --------------------------------------------------------------------------- values


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
    rel: int | None = None  # day offset of a relative expression
    pod: str | None = None  # part of day of a clock time
    langs: frozenset[str] = frozenset()
    citation: bool = False  # a reference's date, an aside in parentheses, a "tarihli" date
    quoted: bool = False  # a relative day inside a quotation

    @property
    def dated(self) -> bool:
        return self.kind not in ("time", "rel")


_ORDER = ["dmy", "mdy", "iso", "num", "my", "year", "month", "oday", "time", "rel"]  # ties: first wins


def _valid_day(y: int | None, m: int | None, d: int | None) -> bool:
    if d is None:
        return True
    if not 1 <= d <= 31:
        return False
    if m is None:
        return True
    return d <= calendar.monthrange(y if y else 2000, m)[1]


def _months_of(text: str) -> tuple[list[int], frozenset[str]]:
    g = _grammar()
    hits = [g.months.get(_key(part)) for part in text.split("/")]
    if any(h is None for h in hits):
        return [], frozenset()
    return [h[0] for h in hits], frozenset().union(*(h[1] for h in hits))


def _rumi_year(y: int, m: int | None, langs: frozenset[str], marked: bool) -> int:
    rumi = _lexicon()["rumi"]
    if not rumi["first_year"] <= y <= rumi["last_year"] or not (marked or "ota" in langs):
        return y
    return y + rumi["offset"] + (1 if m in (1, 2) else 0)


def _year_of(mt: re.Match[str], m: int | None, langs: frozenset[str]) -> tuple[int | None, bool]:
    """The Gregorian year of a match, and whether it was converted from a Rumi year."""
    if mt.group("y") is None:
        return None, False
    if mt.groupdict().get("yg"):
        return int(mt.group("yg")), False  # "1337 (1921)": the text gives the Gregorian year
    y = int(mt.group("y"))
    g = _rumi_year(y, m, langs, bool(mt.groupdict().get("mark")))
    return g, g != y


def _julian_to_gregorian(p: _Point) -> _Point:
    """Rumi days before 1 Mart 1333 are Julian: 12 days behind in the 1800s, 13 after Feb 1900."""
    day = dt.date(p.y, p.m, min(p.d, calendar.monthrange(p.y, p.m)[1]))
    if day >= dt.date.fromisoformat(_lexicon()["rumi"]["julian_until"]):
        return p
    day += dt.timedelta(days=13 if day >= dt.date(1900, 3, 1) else 12)
    return replace(p, y=day.year, m=day.month, d=day.day)


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
    if not months:
        return None
    if "." in mt.group("days") and langs & {"tr", "ota"}:
        return None  # "12. Ekim": a number ending a sentence, not a German-style day
    m = months[-1]
    y, rumi = _year_of(mt, m, langs)
    nums, mode = _days_of(mt.group("days"))
    if mode == "range" and nums[1] <= nums[0]:
        return None
    if not all(_valid_day(y, m, d) for d in nums):
        return None
    points = [_Point(y, m, d) for d in nums]
    if rumi:
        points = [_julian_to_gregorian(p) for p in points]
    return _cand(mt, "dmy", points, mode=mode, langs=langs)


def _make_my(mt: re.Match[str]) -> _Cand | None:
    months, langs = _months_of(mt.group("mon"))
    if not months:
        return None
    y, _ = _year_of(mt, months[-1], langs)
    if len(months) == 2 and months[0] != months[1]:
        return _cand(mt, "my", [_Point(y, months[0]), _Point(y, months[1])], mode="range", langs=langs)
    return _cand(mt, "my", [_Point(y, months[-1])], langs=langs)


def _make_mdy(mt: re.Match[str]) -> _Cand | None:
    months, langs = _months_of(mt.group("mon"))
    y, d = int(mt.group("y")), int(mt.group("d"))
    if not months or not _valid_day(y, months[-1], d):
        return None
    return _cand(mt, "mdy", [_Point(y, months[-1], d)], langs=langs)


def _make_num(mt: re.Match[str]) -> _Cand | None:
    y, m, d = int(mt.group("y")), int(mt.group("m")), int(mt.group("d"))
    if not _valid_day(y, m, d):
        return None
    return _cand(mt, "num", [_Point(y, m, d)])


def _make_rumi(mt: re.Match[str]) -> _Cand | None:
    y = int(mt.group("yg")) if mt.group("yg") else _rumi_year(int(mt.group("y")), None, frozenset(), True)
    return _cand(mt, "year", [_Point(y)])


def _make_ym(mt: re.Match[str]) -> _Cand | None:
    months, langs = _months_of(mt.group("mon"))
    if not months or _looks_like_number(mt.string, mt.start(), mt.start() + 4):
        return None
    return _cand(mt, "my", [_Point(int(mt.group("y")), months[-1])], langs=langs)


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
    return c


def _make_rel(mt: re.Match[str]) -> _Cand | None:
    rel = _lexicon()["relative"]
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
}


def _looks_like_number(text: str, start: int, end: int) -> bool:
    """Page, issue, law, article or file numbers: "s. 1921", "No: 1920", "1920 sayılı"."""
    g = _grammar()
    before = g.lookalike_before.search(text[max(0, start - 12) : start])
    return bool(before or g.lookalike_after.match(text, end))


# --------------------------------------------------------------------------- extension


def _extend(text: str, c: _Cand) -> _Cand:
    """Grow a candidate over what belongs to it: ?, case suffix, weekday, year/date words, ..."""
    g = _grammar()
    pos = c.end
    if pos < len(text) and text[pos] == "?" and c.dated:
        for p in c.points:
            p.uncertain = True
        pos += 1
    suf = g.suffix.match(text, pos)
    if suf:
        c.tail, pos = suf.group("w").replace(" ", ""), suf.end()
        pos = _decade(text, c, pos)
    if c.kind in ("dmy", "mdy", "num", "iso", "oday") and c.points[-1].d:
        wd = g.weekday.match(text, pos)
        if wd and not suf:
            pos = wd.end()
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


# --------------------------------------------------------------------------- candidates


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


# --------------------------------------------------------------------------- combining


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
    if not _range_gap(text, a, b, gap):
        return None
    p, q = replace(a.points[0]), b.points[0]
    if p.y is None and q.y is not None and p.m is not None:
        p.y = q.y - (1 if q.m and p.m > q.m else 0)
    if p.m is None and p.d is not None:
        p.m = q.m
    kind = a.kind if a.kind == b.kind else "range"
    return _Cand(a.start, b.end, kind, [p, q], mode="range", tail=b.tail, langs=a.langs | b.langs)


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
    points = [replace(p), replace(q)]
    return _Cand(a.start, b.end, a.kind, points, mode="set", tail=b.tail, langs=a.langs | b.langs)


def _apply_pod(p: _Point, pod: str | None) -> None:
    if p.hh is None or pod is None:
        return
    if pod in ("evening", "afternoon") and p.hh < 12:
        p.hh += 12
    elif pod == "night" and 6 <= p.hh < 12:
        p.hh += 12


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
    for ok in _ANCHOR_PREFERENCE:
        for b in prev:
            if ok(b):
                return _last_year(b)
    return default_year


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
        if c is not None and (not c.dated or _usable(c)):
            out.append(c)
    return out


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
        if c.kind in ("time", "rel"):
            c = _anchor_day(ctx, out, c)
            if c is None:
                continue
        out.append(c)
    return out


def _anchor_day(ctx: _Context, done: list[_Cand], c: _Cand) -> _Cand | None:
    quoted = c.kind == "rel" and ctx.in_quote(c.start)
    in_body = not ctx.in_footnote(c.start)
    for b in reversed(done):
        if c.start - b.end > _Context.WINDOW:
            return None
        q = b.points[-1] if b.mode == "range" else b.points[0]
        if q.d is None or q.y is None or b.kind == "rel" and (c.kind == "rel" or b.quoted):
            continue
        if in_body and not quoted and ctx.in_footnote(b.start):
            continue  # a note printed before this line belongs to an earlier note mark, not to this day
        if b.citation and not quoted:
            continue
        day = dt.date(q.y, q.m, q.d)
        if c.kind == "rel":
            day += dt.timedelta(days=c.rel)
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
