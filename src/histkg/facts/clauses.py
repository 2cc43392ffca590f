"""Clauses: a sentence cut at its predicates, with the role each name takes
from the case Turkish marks on it.

A clause ends at a finite verb, a converb (`-ip`, `-arak`, `-ınca`,
`-dıktan sonra`, `-ken`), a participle or a verbal noun, and at a semicolon or
colon; `ve` after a predicate starts the next clause. A participle that
modifies a noun (`Ankara'ya gelen heyet`, `Lozan'da imzalanan antlaşma`) ends
a clause whose `heads` are that noun and the names joined to it. Names joined by `ve`, `ile` or a comma
share the case of the last of them (`Molotof, Litvinof ve Kalinin
tarafından`); `X ile birlikte` is a companion. Predicates and the frames they
open come from `ontology/lexicon/frames.json` (language.verbs).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import takewhile

from histkg.facts.journey import same_name
from histkg.facts.sentences import Sentence, case_after, ending_case, honorifics_longest_first, starts_with_any
from histkg.facts.treaties import generic_treaty_phrases
from histkg.language.gazetteer import Gazetteer, is_city
from histkg.language.lexicon import event_lexicon, load_lexicon, turkish_lower
from histkg.language.verbs import VerbForm, analyse, event_noun, frames
from histkg.mentions.tokens import GLUED_NOTE_MARK, is_suffix, lowered_texts, token_texts
from histkg.mentions.treaties import head_form

CLAUSE_PUNCTUATION = {";", ":"}
JOINERS = {",", "ve", "ile", "ila"}
COMPANION_WORDS = {"birlikte", "beraber"}
# A word that ends like a finite verb or a converb, before punctuation or `ve`:
# it ends a clause even when no frame knows its verb (`görüştü`, `katıldı`).
ANY_PREDICATE = re.compile(r"(?:[dt][ıiuü](?:m|n|k|l[ae]r|n[ıiuü]z)?|m[ıiuü]ş(?:t[ıiuü]r?|l[ae]r)?|yor(?:du|lar|dı)?"
                           r"|[ıiuü]p|[ae]r[ae]k|(?:ecek|acak)(?:t[ıi]r?)?|[dt][ıiuü]r(?:l[ae]r)?)$")


@dataclass(frozen=True)
class Argument:
    start: int  # tokens of the doc
    end: int
    label: str  # PERSON, PLACE, ORG, TREATY, DATE; GROUP (`heyet`); TREATY_PHRASE (`bir dostluk antlaşması`)
    case: str  # nominative, dative, ablative, locative, accusative, genitive, instrumental, companion,
    #            between, agent, via, other
    mention: object = None  # the Mention, where the words are one
    drawn: str | None = None  # how the argument was drawn from the context (a title standing for a person)


@dataclass
class Clause:
    sentence: Sentence
    start: int  # its words are doc[start:end], the predicate last
    end: int
    verb: VerbForm | None = None  # None: a clause whose predicate no frame knows
    heads: list[Argument] = field(default_factory=list)  # the noun a participle modifies, and those joined to it
    arguments: list[Argument] = field(default_factory=list)

    @property
    def predicate(self):
        return self.sentence.doc[self.end - (self.verb.words if self.verb else 1):self.end]


def clauses(sentence: Sentence, epithets: Epithets | None = None) -> list[Clause]:
    """The clauses of a sentence in text order, each with its arguments. An
    event noun (`İsmet Paşa'nın Moskova ziyareti`) is a clause of its own made
    of the names right before it, inside the clause around it, which does
    not count those names among its own. A title the text has given a person
    (`Hariciye Vekili`) is that person where it stands alone (`epithets`)."""
    doc = sentence.doc
    arguments = sorted(sentence_arguments(sentence) + (epithets.arguments(sentence) if epithets else []),
                       key=lambda a: (a.start, a.end))
    first = sentence.span.start
    # word i of the doc is words[i - first]
    words = [GLUED_NOTE_MARK.sub("", text) for text in token_texts(doc)[first:sentence.span.end]]
    found, nominal, start = [], [], first
    inside = {i for a in arguments for i in range(a.start, a.end)}  # a name or group word ends no clause
    for token in sentence.span:
        i = token.i
        if i in inside or not words[i - first].isalpha():
            verb = None
        else:
            verb = analyse(words, i - first)
            noun = None if verb else event_noun(words, i - first)
            if noun is not None and noun.form == "verbal noun":
                verb, noun = noun, None
            if noun is not None:
                owned = modifiers_before(doc, arguments, i, start)
                nominal.append(Clause(sentence, owned[0].start if owned else i, i + 1, noun, arguments=owned))
                continue
        if verb is None and (i in inside or not ends_clause(sentence, i)):
            continue
        if verb is None and i == start:
            start = i + 1
            continue
        end = i + 1 if verb is not None or token.is_alpha else i
        found.append(verb_clause(sentence, arguments, nominal, start, end, verb, found[-1] if found else None))
        start = i + 1
    if start < sentence.span.end:
        found.append(verb_clause(sentence, arguments, nominal, start, sentence.span.end, None))
    return sorted(found + nominal, key=lambda c: (c.end, c.start))


class Epithets:
    """The titles a document gives persons right before their names
    (`Hariciye Vekili Tevfik Rüştü Bey`, `Yunan Başvekili Çaldaris`): where the
    title stands alone (`Paris'e giden Hariciye Vekili`), it is the person the
    text last named with it. A title with a nationality word before it keeps
    it (`yunan başvekili` is not `başvekil`). An honorific alone (`Paşa'yı`,
    `Bey`) is the subject the text last named with it (`Ali Fuat Paşa, …`,
    not `Mustafa Kemal Paşa'nın` in the same sentence). A newspaper's `our
    city` (`şehrimize`, `limanımıza`) is the city of its dateline."""

    def __init__(self, all_sentences: list[Sentence]) -> None:
        self.home = dateline_city(all_sentences[0]) if all_sentences else None
        names = load_lexicon("names.json")
        stems = self.stems = tuple(names["title_stems"])
        sovereigns = tuple(names["sovereign_titles"])
        self.named: dict[str, list[tuple[int, object]]] = defaultdict(list)  # title -> (sentence index, person)
        for sentence in all_sentences:
            for span, mention in sentence.of("PERSON"):
                start = title_start(sentence, span.start, stems)
                if start is not None:
                    self.named[title_key(sentence.doc[start:span.start])].append((sentence.index, mention))
                    for sovereign in sovereign_titles(sentence, start, span.start, sovereigns):
                        self.named[sovereign].append((sentence.index, mention))
                last = turkish_lower(sentence.doc[span.end - 1].text)
                if last in ANAPHORIC_HONORIFICS and case_of(sentence, span.end) == "nominative":
                    self.named[last].append((sentence.index, mention))  # a subject: whom the story follows

    def learn_appointments(self, sentence: Sentence, sentence_clauses: list[Clause], topic) -> None:
        """`4 Mart 1925'te … Hariciye Vekili oldu`, `Hariciye Vekilliğine
        getirildi`: the title an appointment gives its subject (the clause's
        first nominative person, else `topic`, the person the story follows)
        stands for him from then on."""
        doc = sentence.doc
        for clause in sentence_clauses:
            title = appointed_title(doc, clause.start, clause.end, self.stems)
            if title is None:
                continue
            subjects = [a.mention for a in clause.arguments if a.case == "nominative" and a.label == "PERSON"]
            person = subjects[0] if subjects else topic
            if person is not None:
                self.named[title].append((sentence.index, person))

    def person(self, key: str, index: int):
        """The person the text named with the title last, else the one it names with it later, if only one
        (`Kral, Kirte köyünden geçerken …`, then `Kral Edvard`: a newspaper names him in its headline)."""
        named = self.named.get(key, ())
        before = [mention for at, mention in named if at <= index]
        if before:
            return before[-1]
        return named[0][1] if named and all(same_name(m, named[0][1]) for _, m in named) else None

    def arguments(self, sentence: Sentence) -> list[Argument]:
        return sorted(self.titles(sentence) + self.our_city(sentence), key=lambda a: a.start)

    def our_city(self, sentence: Sentence) -> list[Argument]:
        """`limanımıza muvasalat etmiş`: the dateline's city, in the case its ending marks."""
        if self.home is None:
            return []
        key, name = self.home
        found = []
        for token in sentence.span:
            lower = turkish_lower(token.text)
            word = next((w for w in event_lexicon()["our_city_words"] if lower.startswith(w)), None)
            if word is None or not token.is_alpha:
                continue
            case = ending_case(lower[len(word):]) if lower != word else "nominative"
            mention = replace(sentence.make(token.idx, token.idx + len(token.text), "PLACE"), data=key)
            why = f"`{token.text}`: the city of the newspaper's dateline ({name})"
            found.append(Argument(token.i, token.i + 1, "PLACE", case or "other", mention, drawn=why))
        return found

    def titles(self, sentence: Sentence) -> list[Argument]:
        doc, found = sentence.doc, []
        named = {i for span, _ in sentence.of("PERSON") for i in range(span.start, span.end)}
        held = {i for span, m in sentence.items if m.label != "PERSON" for i in range(span.start, span.end)}
        first = sentence.span.start
        lower = lowered_texts(doc)[first:sentence.span.end]  # the doc's, made once: not joined at each of three lengths
        openers = {key.split(" ", 1)[0] for key in self.named}  # most words open no title the text has given
        i = first
        while i < sentence.span.end:
            if lower[i - first] not in openers and " " not in lower[i - first]:
                i += 1
                continue
            for end in range(min(i + MAX_TITLE_WORDS, sentence.span.end), i, -1):
                key = " ".join(lower[i - first:end - first])  # title_key(doc[i:end])
                if key not in self.named:
                    continue  # most words open no title: self.person would find no one
                # a name right after the title is its own person, and so is a capitalised word no mention
                # holds (`Kral Faysal`), but not a date or a place (`Kral ertesi gün Burgaz'a gitti`); a
                # capitalised word before makes another title
                unnamed_after = end < len(doc) and doc[end].text[:1].isupper() and end not in held \
                    and not doc[end].text.startswith(honorifics_longest_first())  # `Kral Hazretleri`
                person = None if named & set(range(i, end + 1)) or unnamed_after else self.person(key, sentence.index)
                if person is not None and (i == 0 or not doc[i - 1].text[:1].isupper()):
                    why = f"`{doc[i:end].text}`: the person the text names with that title"
                    found.append(Argument(i, end, "PERSON", case_of(sentence, end), person, drawn=why))
                    i = end - 1
                    break
            i += 1
        return found


def dateline_city(first: Sentence) -> tuple[str, str] | None:
    """(gazetteer key, name) of the city a newspaper's first line opens with,
    a date after it (`İSTANBUL — PAZAR 2 TEŞRİNİSANİ 1930`, `Dersaadet, 2
    Teşrinisani 1314`), if any."""
    words = [t.text for t in first.span[:2] if t.is_alpha]
    name = words[0][:1] + turkish_lower(words[0][1:]) if words else ""  # `İSTANBUL` is `İstanbul`
    dated = [s for s, _ in first.of("DATE") if s.start - first.span.start <= 6]
    if not dated or not is_city(name):
        return None
    return Gazetteer.load().lookup(name), name


MAX_TITLE_WORDS = 3
ANAPHORIC_HONORIFICS = {"paşa", "bey", "efendi", "hanım"}  # honorifics a text uses alone for the man it named


def sovereign_titles(sentence: Sentence, start: int, name_start: int, sovereigns: tuple[str, ...]) -> list[str]:
    """`imparator` and `kral` of `Almanya İmparatoru ve Prusya Kralı X`: the
    bare sovereign's titles of the title before a name, and of a state's
    title joined to it by `ve`, which stand alone for him later (`İmparator
    Hazretleri`); `Kral ve Kraliçe Hazretleri` are two."""
    doc, words = sentence.doc, list(sentence.doc[start:name_start])
    if start - 1 > sentence.span.start and turkish_lower(doc[start - 1].text) == "ve":
        joined = title_start(sentence, start - 1, sovereigns)
        words += list(doc[joined:start - 1]) if joined is not None and start - 1 - joined >= 2 else []
    lowered = [turkish_lower(t.text) for t in words]
    return [stem for word in lowered for stem in sovereigns if word.startswith(stem) and len(word) - len(stem) <= 2]


def title_start(sentence: Sentence, name_start: int, stems: tuple[str, ...]) -> int | None:
    """Where the capitalised title right before a name begins (`Yunan Hariciye
    Nazırı` before `Maksimos`), when its last word is an office (`title_stems`)."""
    doc, start = sentence.doc, name_start
    while start > sentence.span.start and name_start - start < MAX_TITLE_WORDS \
            and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper():
        start -= 1
    if start == name_start or not turkish_lower(doc[name_start - 1].text).startswith(stems):
        return None
    return start


APPOINTING_VERBS = ("getiril", "seçil", "tayin edil", "atan")  # `Hariciye Vekilliğine getirildi`
OFFICE_DATIVE = re.compile(r"(?:lığ[ıi]na|liğine|luğuna|lüğüne)$")  # `Vekilliğine`: the office, in the dative


def appointed_title(doc, start: int, end: int, stems: tuple[str, ...]) -> str | None:
    """The title key a clause gives its subject: capitalised words ending in
    a title, then `oldu` (`Hariciye Vekili oldu`), or the office in the dative
    before a verb of appointment (`Hariciye Vekilliğine getirildi`, read as
    `hariciye vekili`). A name before the title is none of it."""
    texts, lowered = token_texts(doc), lowered_texts(doc)
    for i in range(start + 1, end):
        lower, before = lowered[i], texts[i - 1]
        if lower in ("oldu", "olmuştu", "olmuş", "olmuştur"):
            office = before
        elif OFFICE_DATIVE.search(before) and turkish_lower(doc[i:i + 2].text).startswith(APPOINTING_VERBS):
            office = OFFICE_DATIVE.sub("", before) + OFFICE_DATIVE.search(before).group()[1]  # `Vekil` + `i`
        else:
            continue
        if not office[:1].isupper() or not turkish_lower(office).startswith(stems) or doc[i - 1].ent_type_:
            continue
        first = i - 1
        while first > start and i - first < MAX_TITLE_WORDS and doc[first - 1].is_alpha \
                and doc[first - 1].text[:1].isupper() and not doc[first - 1].ent_type_:
            first -= 1
        return " ".join([turkish_lower(t.text) for t in doc[first:i - 1]] + [turkish_lower(office)])
    return None


def title_key(words) -> str:
    return " ".join(turkish_lower(t.text) for t in words)


def verb_clause(sentence: Sentence, arguments: list[Argument], nominal: list[Clause], start: int, end: int,
                verb: VerbForm | None, before: Clause | None = None) -> Clause:
    owned = {id(a) for c in nominal for a in c.arguments}
    if verb is not None and verb.form == "participle" and before is not None:
        # `Bu masada imzalanan mütarekename, … Mondros'ta imzalanan Mondros Mütarekesi`: the noun the participle
        # before modifies is no argument of this one, whose own subject is the noun after it
        owned |= {id(a) for a in before.heads}
    clause = Clause(sentence, start, end, verb,
                    arguments=[a for a in arguments if start <= a.start and a.end <= end and id(a) not in owned])
    if verb is not None and verb.form.endswith("participle"):
        clause.heads = participle_heads(sentence, arguments, end)
    return clause


def modifiers_before(doc, arguments: list[Argument], i: int, floor: int) -> list[Argument]:
    """The names that modify the noun at `i`: a chain of nominative or
    genitive names right before it (`Venizelos'un Türkiye ziyareti`), joined
    by `ile`, `ve` or commas, titles allowed before a joined name (`Kral
    Aleksandr ile Kraliçe Mariya'nın ziyareti`)."""
    owned, position = [], i
    for argument in reversed([a for a in arguments if floor <= a.start and a.end <= i]):
        between = [t.text for t in doc[argument.end:position] if not is_suffix(t)]
        joined = all(w in JOINERS or w in {"(", ")"} or owned and w[:1].isupper() and w.isalpha() for w in between)
        cases = ("nominative", "genitive", "instrumental") if owned else ("nominative", "genitive")
        if argument.case not in cases or not joined:  # `X ile Y'nin ziyareti`: X is joined by `ile`
            break
        owned.insert(0, argument)
        position = argument.start
    return owned


def ends_clause(sentence: Sentence, i: int) -> bool:
    texts = token_texts(sentence.doc)
    word = texts[i]
    if word in CLAUSE_PUNCTUATION:
        return True
    if not word.islower() or not sentence.doc[i].is_alpha:
        return False
    after = texts[i + 1] if i + 1 < sentence.span.end else "."
    return (after in {".", ",", ";", ":", "ve", "!", "?"} or word.endswith(("ken", "dıktan", "dikten"))) \
        and bool(ANY_PREDICATE.search(word))


def participle_heads(sentence: Sentence, arguments: list[Argument], after: int) -> list[Argument]:
    """The nouns a participle modifies: the first name or group word right
    after it, titles allowed in between (`gelen Mösyö Henry Franklin-Bouillon`),
    and the names of its kind joined to it (`imza koyanlar Âli Paşa ile Cemil Bey`)."""
    later = [a for a in arguments if a.start >= after]
    if len(later) > 1 and later[0].label in ("PLACE", "ORG") and later[1].label == "PERSON" \
            and all(t.is_alpha and t.text[:1].isupper() for t in sentence.doc[later[0].end:later[1].start]):
        later.pop(0)  # `dolaşan ABD Dışişleri Bakanı John Foster Dulles`: the state opens the person's title
    if after < sentence.span.end and sentence.doc[after].text == "," and later and later[0].case == "between":
        # `imzaladığı, Türkiye ile Fransa arasındaki ittifak`: a comma and a second modifier of the same noun
        while later and later[0].case == "between":
            after = later.pop(0).end
        after += 1  # `arasındaki`
    if not later or later[0].start - after > 4 \
            or not all(t.is_alpha and not is_suffix(t) for t in sentence.doc[after:later[0].start]):
        return []
    heads = later[:1]
    for argument in later[1:]:
        between = [t.text for t in sentence.doc[heads[-1].end:argument.start] if not is_suffix(t)]
        if kind_of(argument.label) != kind_of(heads[0].label) or not between or between[0] not in JOINERS \
                or not all(w in JOINERS or w[:1].isupper() and w.isalpha() for w in between[1:]):  # `ile Sefir X`
            break
        heads.append(argument)
    return heads


def sentence_arguments(sentence: Sentence) -> list[Argument]:
    """Names, group words and treaty phrases of a sentence with their cases,
    joined names sharing the case of the last."""
    doc = sentence.doc
    found = [name_argument(sentence, span, mention) for span, mention in sentence.items]
    named = {i for a in found for i in range(a.start, a.end)}
    found += [Argument(start, end, "TREATY_PHRASE", glued_case(doc[end - 1].text) or case_of(sentence, end))
              for start, end, _ in generic_treaty_phrases(sentence) if start not in named]
    # a group word in the nominative may stand before a postposition (`murahhas tarafından`)
    texts = token_texts(doc)
    # … but not one that says in what capacity (`birinci murahhas sıfatıyla`, `murahhas olarak`)
    lowered = lowered_texts(doc)
    found += [Argument(i, i + 1, "GROUP", case_of(sentence, i + 1) if case == "nominative" else case)
              for i in range(sentence.span.start, sentence.span.end) if i not in named and (case := group_case(texts[i]))
              and not (i + 1 < sentence.span.end and lowered[i + 1] in CAPACITY_WORDS)]
    found += nationality_sides(sentence, named)
    found += meeting_places(sentence, named)
    found.sort(key=lambda a: (a.start, a.end))
    return share_cases(doc, found)


CAPACITY_WORDS = {"sıfatıyla", "sıfatı", "olarak"}  # `murahhas sıfatıyla`: as a delegate, no group of its own


def meeting_places(sentence: Sentence, named: set[int]) -> list[Argument]:
    """`Londra Konferansı'na giden heyet`: a meeting no mention names, after
    the city it met in, takes whoever goes to it there (the city, in the
    case of the meeting's word)."""
    found = []
    texts, lowered = token_texts(sentence.doc), lowered_texts(sentence.doc)
    for i in range(sentence.span.start, sentence.span.end):
        if i == sentence.span.start or i in named or i - 1 in named \
                or not texts[i][:1].isupper() or not texts[i - 1][:1].isupper() \
                or not starts_with_any(lowered[i], event_lexicon()["conference_words"]):
            continue
        place = place_of_meeting(sentence, i - 1, i + 1, case_of(sentence, i + 1))
        if place is not None:
            found.append(place)
    return found


def place_of_meeting(sentence: Sentence, start: int, end: int, case: str) -> Argument | None:
    """The place a conference's or an embassy's name (its words from `start`
    to `end`) opens with (`Londra` of `Londra Konferansı`, of `Londra
    Büyükelçiliği`): going to the conference, or taking up the post, is going
    there, the case of the name's."""
    words = sentence.doc[start:end]
    lex = event_lexicon()
    if len(words) < 2 or not turkish_lower(words[-1].text).startswith(
            tuple(lex["conference_words"] + lex["envoy_words"])):
        return None
    place = words[:-1]
    key = Gazetteer.load().lookup(place.text)
    if key is None:
        return None
    mention = replace(sentence.make(place.start_char, place.end_char, "PLACE"), data=key)
    return Argument(place.start, place.end, "PLACE", case, mention)


def name_argument(sentence: Sentence, span, mention) -> Argument:
    """A name with its case; a delegation named by its nation (`Yunan
    heyetinin`, `Türk Heyeti`) is a group of travellers, not a state."""
    case = case_of(sentence, span.end)
    if mention.label == "ORG" and (glued := group_case(sentence.doc[span.end - 1].text)) is not None:
        return Argument(span.start, span.end, "GROUP", case if glued == "nominative" else glued, mention)
    return Argument(span.start, span.end, mention.label, case, mention)


SIDE_WORDS = {"tarafından", "adına", "namına"}


def nationality_sides(sentence: Sentence, named: set[int]) -> list[Argument]:
    """`Türk tarafından Yusuf Kemal …; Sovyet tarafından Çiçerin`: a
    nationality word right before `tarafından` or `adına` is the side of the
    state it names (events.json demonyms), the persons after it acting for
    it. The argument's mention stands for the state: its data is the
    state's gazetteer key, else the state's name (resolve.treaties.state_entity)."""
    demonyms, found = event_lexicon()["demonyms"], []
    texts, lowered = token_texts(sentence.doc), lowered_texts(sentence.doc)
    for i in range(sentence.span.start, sentence.span.end - 1):
        if i in named or texts[i] not in demonyms or lowered[i + 1] not in SIDE_WORDS:
            continue
        token = sentence.doc[i]
        state = demonyms[token.text]
        key = Gazetteer.load().lookup(state)
        mention = replace(sentence.make(token.idx, token.idx + len(token.text), "PLACE"),
                          data=key if key and key.startswith("geonames:") else state)
        found.append(Argument(token.i, token.i + 1, "PLACE", "behalf", mention))
    return found


def case_of(sentence: Sentence, end: int) -> str:
    """The case the words before `end` take, a postposition after them included;
    `post` for a place an envoy's office word names (`Varşova Sefiri`,
    `Budapeşte Elçiliğine`), whether the word follows or ends the name."""
    doc, case = sentence.doc, case_after(sentence.doc, end)
    lowered = lowered_texts(doc)
    after = end + (1 if end < len(doc) and is_suffix(doc[end]) else 0)
    word = lowered[after] if after < len(doc) else ""
    if case == "nominative" and (is_office(word) or end and is_office(lowered[end - 1])):
        return "post"
    if case == "instrumental":
        following = lowered[after + 1] if after + 1 < len(doc) else ""
        return "companion" if following in COMPANION_WORDS else case
    for role, words in frames()["postpositions"].items():
        if word in words and case in ("nominative", "genitive", "other"):
            return role
    for role, words_after in frames()["case_postpositions"]["roles"].items():
        if word in words_after.get(case, ()):
            return role  # `Bakü'den sonra`: passed before the destination
    return case


def glued_case(noun: str) -> str | None:
    """`muahedeyi`, `antlaşmasını`, `ittifakına`: the case ending a lower-case
    treaty noun carries glued on (None where it carries none)."""
    lower = turkish_lower(noun)
    rest = lower[len(head_form(lower)):]
    return ending_case(rest) if rest else None


def is_office(word: str) -> bool:
    return starts_with_any(word, event_lexicon()["envoy_words"])


@lru_cache(maxsize=1 << 16)  # asked of every word of every sentence
def group_case(word: str) -> str | None:
    """`heyet`, `heyeti`, `misafirler`: a group noun as a subject (None if the word is none)."""
    lower = turkish_lower(word)
    for noun in frames()["group_nouns"]:
        if lower.startswith(noun):
            rest = lower[len(noun):]
            if rest in ("", "i", "ı", "imiz", "ler", "lar", "leri", "ları"):
                return "nominative"
            if rest in ("e", "a", "ye", "ya", "ine", "ına"):
                return "dative"
            if rest in ("in", "ın", "inin", "ının", "lerin", "ların"):
                return "genitive"
            if rest in ("la", "le", "yla", "yle", "iyle", "ıyla", "larla", "lerle"):
                return "instrumental"  # `tekrar gelen Fransız murahhasla`: the participle's noun
    if lower in frames()["pronouns"] and word.islower():
        return "nominative"
    return None


def kind_of(label: str) -> str:
    """Names of one kind coordinate: persons (and groups) with persons, states and places with each other."""
    return {"GROUP": "PERSON", "ORG": "PLACE"}.get(label, label)


def share_cases(doc, arguments: list[Argument]) -> list[Argument]:
    """`X, Y ve Z tarafından`: names joined by `,`, `ve` or `ile` take the
    case of the last; the title of a joined person may stand between (`X ile
    Romen Hariciye Nazırı Y … geldiler`), and the state he acts for (`X ile Y,
    Yunanistan namına Başvekil Z … tarafından imzalandı`)."""
    result = list(arguments)
    for i in range(len(result) - 2, -1, -1):
        a, b = result[i], result[i + 1]
        if b.case == "behalf" and i + 2 < len(result):
            # `X ile Y, Yunanistan namına Z … tarafından`: the state a signer acts for opens his part of the list
            skipped, b = b, result[i + 2]
            between = [t.text for t in doc[a.end:skipped.start] if not is_suffix(t)]
            between += [t.text for t in doc[skipped.end + 1:b.start] if not is_suffix(t)]
        else:
            between = [t.text for t in doc[a.end:b.start] if not is_suffix(t)]
        joiners = list(takewhile(lambda w: w in JOINERS, between))
        title = between[len(joiners):]
        titled = b.label == "PERSON" and all(w[:1].isupper() and w.isalpha() for w in title)
        if a.case in ("nominative", "instrumental") and joiners and (not title or titled) \
                and kind_of(a.label) == kind_of(b.label):
            result[i] = Argument(a.start, a.end, a.label, b.case, a.mention)
    return result
