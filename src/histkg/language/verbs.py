"""Turkish verb forms: which predicate of `frames.json` a word is, and in which
form (finite, converb, participle, verbal noun), active or passive.

Turkish stacks suffixes on the stem in a fixed order: voice (passive `-Il`,
`-In`, causative `-DIr`, `-t`), ability (`-yAbil`), negation (`-mA`), then tense and person
(`geldi`, `gelmişti`, `geliyordu`), or a converb (`gelip`, `gelerek`,
`gelince`, `geldikten sonra`), a participle (`gelen`, `geldiği`) or a
verbal noun (`gelişi`, `gelmesi`). The tables below write those suffixes
with vowel classes (`H` = ı i u ü, `A` = a e) so one pattern serves every
vowel harmony; the stems come from the lexicon, never from a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from histkg.language.lexicon import load_lexicon, turkish_lower

H, A = "[ıiuüî]", "[aeâ]"
VOICE = rf"(?:d{H}r|t{H}r|t|{H}l|l|{H}n|n|{H}ş)*?"  # lazy: `ettiler` is past + plural, not causative + passive
PASSIVE = re.compile(rf"(?:{H}l|l|{H}n|n)$")
NOUN_POSSESSIVE = re.compile(rf"{H}?ş{H}n$")  # `gidişinden`: -Iş (a verbal noun) and -I(n), no passive -In
CAUSATIVE = re.compile(rf"[dt]{H}r")
FUTURE = re.compile(rf"{A}c{A}[kğ]")
PLURAL = re.compile(rf"l{A}r(?:d{H}|m{H}ş)?$")
# `indik`, `gidiyorduk`, `gelmiştik`, `çıktığımızda`: we did it (the narrator and the group he went with)
FIRST_PLURAL = re.compile(rf"(?:[dt]{H}k(?:t{H})?|{H}m{H}zd{A}|m{H}ş{H}z|yor{H}z|yord{H}k|m{H}şt{H}k)$")
NEGATION = rf"(m{A}(?=[^k]|$))?"
# person endings and copulas after the tense; `ys{A}` is `-DIysA` (`gittiyse de`: though he went, he did)
PERSON = rf"(?:{H}?m|{H}?n|{H}?z|k|l{A}r|d{H}r|t{H}r|d{H}|t{H}|m{H}ş|y{H}|s{A}|ys{A}|{H}[nm]{H}z)*"
POSSESSIVE_CASE = rf"(?:l{A}r)?(?:{H}m|{H}n|s?{H}n?|{H}m{H}z|l{A}r{H})?(?:n?[dt]{A}n|n?[dt]{A}|y?{A}|n?{H}|y?l{A}|ki)?"
FORMS = (  # (form, pattern of what follows the voice and negation), tried in this order
    # `-DIğIndA`, `-DIğImIzdA`, `-DIklArIndA` (`döndüğünde`: when he returned) tell when, as a converb does
    ("converb", rf"(?:y?{H}p|y?{A}r{A}k|y?{H}nc{A}|y?k{A}n|(?:{A}|{H})rk{A}n|[dt]{H}kt{A}n|(?<=m[aeâ])d{A}n|ks{H}z{H}n|y{H}p"
                rf"|[dt]{H}(?:ğ{H}|kl{A}r{H})(?:m{H}z|n)?d{A})"),
    ("finite", rf"[dt]{H}k(?:t{H})?"),  # `indik`, `döndükti`: we went; a bare `-DIk` ends no noun phrase here
    ("object participle", rf"[dt]{H}[ğk]" + POSSESSIVE_CASE),  # `imzaladığı antlaşma`: the noun is the object
    ("participle", rf"(?:y?{A}n(?:l{A}r)?|y?{A}c{A}[ğk])" + POSSESSIVE_CASE),  # `gelen heyet`: the noun is the subject
    ("finite", rf"(?:[dt]{H}|m{H}ş|{H}?yor|y?{A}c{A}[kğ]|{A}r|{H}r|z|m{A}kt{A}|m{A}l{H})" + PERSON),
    ("verbal noun", rf"(?:m{A}|y?{H}ş|m{A}k)" + POSSESSIVE_CASE),
)
# `ulaşabildi`, `gidebilmişti`: he could reach it, and did; not `gidebilir` (he may go)
ABILITY = rf"(?:y?{A}bil(?!{H}r))?"
FORM_RES = tuple((form, re.compile(f"^({VOICE}){ABILITY}{NEGATION}{pattern}$")) for form, pattern in FORMS)
# The light verb `et-` (`hareket etti`) also takes the forms `ed-` (`hareket edildi`) and, in the old
# orthography, `eyle-` (`muvasalat eyledi`) and the honorific `buyur-` (`hareket buyurmuştur`).
INFINITIVE = re.compile(rf"m{A}k$")
ABOUT_TO = ("idi", "iken", "idiler")  # `-mAk üzere idi`: about to go, not gone
LIGHT_VERB_FORMS = {"et": ("et", "ed", "eyle", "buyur")}
PARTICIPLE_AUXILIARIES = ("olan", "olanlar")
LIGHT_VERBS = ("et", "ed", "eyle", "buyur", "ol", "yap", "kıl")
EVENT_NOUN_SUFFIX = re.compile(rf"^(?:l{A}r)?(?:s?{H}|{H}m{H}z)?(?:n?[dt]{A}n?|n?{A}|n?{H}|n{H}n|yl{A}|ndaki|ndeki)?$")


@dataclass(frozen=True)
class VerbForm:
    lemma: str  # the predicate as frames.json names it: `git`, `hareket et`
    frame: str  # motion, visit, return, reception, sending, posting, signing
    form: str  # finite | converb | participle | object participle | verbal noun | event noun
    passive: bool
    words: int  # how many words the predicate takes (`imza altına aldı`: 3)
    negative: bool = False  # `gitmedi`: it did not happen
    future: bool = False  # `gidecekti`, `imzalanacak`: to happen, not happened
    plural: bool = False  # `vardılar`: its dropped subject is a group, not the one person before
    causative: bool = False  # `ulaştırıldı`: the subject makes something else move (or sign)
    first_plural: bool = False  # `Mudanya'ya indik`: its dropped subject is `we`, no one the text names


@cache
def frames() -> dict:
    return load_lexicon("frames.json")


@cache
def stem_table() -> dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]:
    """(the stem's words, lemma, frame) for every stem of every predicate,
    longest first, by the first letter of the stem's last word (a word is
    compared only with the stems it could start with)."""
    table = []
    for lemma, entry in frames()["predicates"].items():
        for stem in [lemma, *entry.get("stems", [])]:
            *noun, verb = stem.split()
            for form in LIGHT_VERB_FORMS.get(verb, (verb,)) if noun else (verb,):
                table.append(((*noun, form), lemma, entry["frame"]))
    table.sort(key=lambda row: (-len(row[0]), -len(row[0][-1])))
    by_letter: dict[str, list] = {}
    for row in table:
        by_letter.setdefault(row[0][-1][0], []).append(row)
    return {letter: tuple(rows) for letter, rows in by_letter.items()}


@cache
def stem_starts() -> dict[str, tuple[str, ...]]:
    """By first letter, the last words of the stems that start with it: one
    C call rules out every stem for most words (this runs on every word)."""
    return {letter: tuple(stem[-1] for stem, _, _ in rows) for letter, rows in stem_table().items()}


def analyse(words: list[str], i: int) -> VerbForm | None:
    """The predicate that ends at word `i` of `words`, if any. A capitalised
    word is a name, not a verb (`Atatürk` is no form of `ata-`)."""
    word = words[i]
    if not word[:1].islower() or not word.startswith(stem_starts().get(word[0], ())):
        return None
    for stem, lemma, frame in stem_table().get(word[0], ()):
        if not word.startswith(stem[-1]):
            continue
        before = stem[:-1]
        if before and (i < len(before) or tuple(turkish_lower(w) for w in words[i - len(before):i]) != before):
            continue
        found = suffix_form(word[len(stem[-1]):])
        if found:
            form, voice, negative = found
            rest = word[len(stem[-1]):]
            if form == "finite" and i + 1 < len(words) and words[i + 1] in PARTICIPLE_AUXILIARIES:
                form = "participle"  # `gitmekte olan elçi`, `gelmiş olan heyet`: the noun after `olan` is the subject
            if form in frames()["predicates"][lemma].get("not_as", ()):
                continue  # `Kahire görüşmelerinden`: the talks, a noun of its own, no clause of `görüş-`
            if form == "verbal noun" and i + 1 < len(words) and opens_compound(word, turkish_lower(words[i + 1])):
                return None  # `bir görüşme yaptı`: the noun of the compound `görüşme yap-`, not a clause of its own
            purpose = form == "verbal noun" and INFINITIVE.search(rest) and words[i + 1:i + 2] == ["üzere"]
            if purpose:  # `Londra'ya dönmek üzere trenine bindi`: he set out to go there, the subject the main verb's
                form = "converb"
            passive = bool(PASSIVE.search(voice)) and not NOUN_POSSESSIVE.search(voice)
            about_to = bool(purpose) and i + 2 < len(words) and words[i + 2] in ABOUT_TO  # `gitmek üzere idi`: not yet
            return VerbForm(lemma, frame, form, passive, len(stem), negative,
                            bool(FUTURE.search(rest)) or about_to, form == "finite" and bool(PLURAL.search(rest)),
                            bool(CAUSATIVE.search(voice)), bool(FIRST_PLURAL.search(rest)))
    return None


def event_noun(words: list[str], i: int) -> VerbForm | None:
    """`ziyareti`, `seyahatine`: a noun that tells an event, unless a light verb follows (`ziyaret etti`)."""
    word = words[i]
    if not word[:1].islower() or not word.startswith(event_noun_starts()):
        return None  # most words: no event noun starts them (this runs on every word)
    following = turkish_lower(words[i + 1]) if i + 1 < len(words) else ""
    if following.startswith(LIGHT_VERBS):
        return None
    for noun, frame in frames()["event_nouns"].items():
        if not noun.startswith("_") and word.startswith(noun) and EVENT_NOUN_SUFFIX.match(word[len(noun):]) \
                and not opens_compound(noun, following):
            # `anlaşmanın imzası`: what was signed; `tümeninin Kütahya'dan hareketi`: a clause's verbal noun
            form = "verbal noun" if noun in frames()["clause_nouns"] else "event noun"
            return VerbForm(noun, frame, form, frame == "signing", 1)
    return None


@cache
def event_noun_starts() -> tuple[str, ...]:
    return tuple(noun for noun in frames()["event_nouns"] if not noun.startswith("_"))


def opens_compound(noun: str, following: str) -> bool:
    """`imza koydular`, `imza altına aldı`: the noun is the first word of a compound predicate."""
    return any(predicate.startswith(noun + " ") and following.startswith(predicate.split()[1])
               for predicate in frames()["predicates"])


def suffix_form(rest: str) -> tuple[str, str, bool] | None:
    """(form, voice suffixes, negated?) that the suffixes `rest` give a verb
    stem, or None when they make no verb."""
    for form, pattern in FORM_RES:
        match = pattern.match(rest)
        if match:
            return form, match.group(1), bool(match.group(2))
    return None
