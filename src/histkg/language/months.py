"""The date grammar: month names (Turkish, Ottoman, Rumi, mixed), their regular expressions and the patterns of a date."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from histkg.language.lexicon import turkish_lower
from histkg.language.resources import ontology_file

LEXICON = "months.json"


def lexicon_path() -> Path:
    """The lexicon: ``ontology/months.json`` (the folder can be moved with $HISTKG_ONTOLOGY)."""
    return ontology_file(LEXICON)


@functools.cache
def _lexicon() -> dict[str, Any]:
    return json.loads(lexicon_path().read_text(encoding="utf-8"))


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
    weekday_before: re.Pattern[str]
    rel_before: re.Pattern[str]
    month_scan: re.Pattern[str]
    abbreviations: frozenset[str]
    calendar_before: re.Pattern[str]
    calendar_words: dict[str, str]
    glued: re.Pattern[str]


def _month_names(lex: dict[str, Any]) -> list[tuple[int, str, str]]:
    """(month, language, name) for every month name; Hicri months have the language "hicri"."""
    out = [(e["month"], lang, n) for e in lex["months"] for lang, ns in e["names"].items() for n in ns]
    return out + [(e["month"], "hicri", n) for e in lex["hicri_months"] for n in e["names"]]


def _month_table(lex: dict[str, Any]) -> dict[str, tuple[int, frozenset[str]]]:
    table: dict[str, tuple[int, set[str]]] = {}
    for month, lang, name in _month_names(lex):
        table.setdefault(_key(name), (month, set()))[1].add(lang)
    return {k: (m, frozenset(ls)) for k, (m, ls) in table.items()}


def _month_regex(lex: dict[str, Any]) -> str:
    """One month name, or two joined by a slash (a gloss) or a dash (a range). Turkish and Ottoman
    names may carry a case suffix glued on in the old orthography ("Haziranında"), left outside."""
    local = set(lex["bare_month_languages"])
    spaced = [n for _, lang, n in _month_names(lex) if lang in local]
    plain = [n for _, lang, n in _month_names(lex) if lang not in local]
    glued = "|".join(sorted(lex["glued_suffixes"], key=len, reverse=True))
    one = rf"(?:{_alternation(spaced, True)}(?=(?:{glued})?(?!{_LETTER}))|{_alternation(plain)}(?!{_LETTER}))"
    return rf"(?P<mon>{one}(?:\s*[/{_DASH}]\s*{one})?)"


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
    oyear1 = r"(?:1[2389]|20)(?<![\w.,/:]..)\d\d"  # ... or a Rumi or Hicri one (checked in Python)
    sene = _words(lex["rumi"]["year_words"])
    marks = _words(lex["rumi"]["markers"])
    yearp = rf"(?P<y>{year})(?!\d)(?:\s*\(\s*(?P<yg>{byear})\s*\)|(?<=1[23]\d\d)\s*(?P<mark>{marks}))?"
    clock = lex["clock"]
    hours = _words(list(clock["hour_words"]))
    hsuf = "|".join(sorted(clock["hour_word_suffixes"], key=len, reverse=True))
    rel = lex["relative"]
    suffix_ahead = rf"(?= ?{_APOS}[{_LOW}])"
    pats = {
        "dmy": rf"{days}\s*{mon}(?:,?\s+{yearp})?",
        "mdy": rf"{mon}\s+(?P<d>{day})(?:st|nd|rd|th)?,\s+(?P<y>{year})(?!\d)",
        "my": rf"{mon},?\s+{yearp}",
        "ym": rf"(?P<y>{oyear1})\s+(?:{_words(lex['year_linkers'])}\s+)?{mon}(?!\s*\d)",
        "num": rf"(?P<d>{day1})(?P<sep>[./-])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<y>{byear})(?!\d)(?![.,]\d)",
        "iso": rf"(?P<y>{byear1})-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?!\d)",
        "rumi": (
            rf"(?P<y>1[23](?<![\w.,/:]..)\d\d)\s*"
            rf"(?:\(\s*(?P<yg>{byear})\s*\)|(?P<mark>{marks})|(?P<sene>{sene})(?!{_LETTER}))"
        ),
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
        # `Salı günü`, `Cuma sabahı`: a weekday alone, the first such day from the day told last
        "wday": (
            rf"(?P<wd>{_words(list(lex['weekdays']))})\s+"
            rf"(?P<what>{_words(rel['ordinal_day_words'] + list(clock['parts_of_day']))})(?!{_LETTER})"
        ),
        # `Ertesi yıl`, `aynı yılın`, `Aynı ayın sonunda`, `ertesi senesinde`: the period, its possessive and case
        # `Aynı yaz`, `ertesi kışın`: a season of the year last told (not `aynı yazı`, the same writing)
        "relp": (
            rf"(?P<pw>{_words(list(rel['period_words']))})\s+(?:(?P<per>{_words(list(rel['periods']))})"
            rf"(?:s?[ıi])?(?:n(?:d[ae])?)?|(?P<sea>{_words(list(rel['season_periods']))})"
            rf"(?:[ıiuü]?nd[ae]|[ıiuü]n|d[ae])?)(?!{_LETTER})"
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
        weekday_before=re.compile(rf"(?<!{_LETTER})(?P<w>{_words(list(lex['weekdays']))})\s+$"),
        rel_before=re.compile(rf"{_words(lex['relative']['prefix_words'])}\s+$"),
        calendar_before=re.compile(rf"(?<!{_LETTER})(?P<w>{_words(_calendar_names(lex))})\s+$"),
        calendar_words={_key(w): cal for cal, ws in lex["calendar_words"].items() for w in ws},
        glued=re.compile(rf"(?P<w>{'|'.join(sorted(lex['glued_suffixes'], key=len, reverse=True))})(?!{_LETTER})"),
    )


def _calendar_names(lex: dict[str, Any]) -> list[str]:
    return [w for ws in lex["calendar_words"].values() for w in ws]


