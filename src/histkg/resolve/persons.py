"""Persons across documents: spelling variants, short names and authority links."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from typing import NamedTuple

from histkg.language.lexicon import load_lexicon, load_word_list
from histkg.language.resources import ontology_file
from histkg.language.spelling import edit_distance, similar_spelling, sound_key, spelling_key
from histkg.mentions.extract import CREDITS, Extraction, Mention
from histkg.resolve.entity import Entity, finish


class PersonNames:
    """Turns a person mention into the words of its name."""

    def __init__(self) -> None:
        lex = load_lexicon("names.json")
        kept = set(lex["title_is_part_of_name"])
        self.drop = (set(lex["honorifics_after"]) | set(lex["titles_before"]) | set(lex["citation_roles"])) - kept
        self.honorifics = set(lex["honorifics_after_given_name"])
        self.given = {spelling_key(name) for name in load_word_list("given-names.txt")}
        self.rank_of = dict(lex["ranks"])

    def ranks(self, text: str) -> set[str]:
        """Ranks and forms of address in a mention: `Dr.Miralay İbrahim Tali`
        -> {doctor, colonel}."""
        return {self.rank_of[w] for w in text.replace(".", ". ").split() if w in self.rank_of}

    def core(self, text: str) -> tuple[str, ...]:
        words = re.findall(r"[^\s().,]+(?:\.(?=[^\s]))?", text.replace(".", ". "))
        return tuple(w for i, w in enumerate(words) if self.initial_of(words, i)
                     or (w not in self.drop and w.rstrip(".") + "." not in self.drop))

    def initial_of(self, words: list[str], i: int) -> bool:
        """`M. Kemal`: one letter before a given name is his first given name's
        initial, not `M.` for Monsieur (`M. Poincaré`)."""
        return len(words[i]) == 1 and words[i].isupper() and i + 1 < len(words) \
            and spelling_key(words[i + 1]) in self.given

    def display(self, text: str) -> str:
        """The name without titles before it: `Dr. Rıza Nur` -> `Rıza Nur`; a
        lone given name keeps its title (`Albay Halil` is not `Halil Paşa`)."""
        words = text.replace("Dr.", "Dr. ").split()
        while words and (words[0] in self.drop and words[0] not in {"Paşa", "Bey"}):
            words.pop(0)
        return " ".join(words) if len(words) > 1 else text


class Name(NamedTuple):
    """What a person mention is grouped by: the spelling keys of its words,
    and for a lone given name its rank (`Albay Halil` and `Halil Paşa` are two
    groups; `Mustafa Kemal` needs no rank)."""

    words: tuple[str, ...]
    rank: str = ""


def alias_pairs(extractions: list[Extraction]) -> list[tuple[Mention, Mention]]:
    """`Azmi'yi Bulat Paşa takma adıyla`: a person and the alias the text
    gives him right after (`takma adıyla`, `namıyla`, `lakabıyla`); `Seyfı
    (General Seyfı Düzgören)`: a name and his full name in parentheses."""
    alias = re.compile(r"\s+(?:" + "|".join(load_lexicon("names.json")["alias_words"]) + ")")
    suffix = re.compile(r"^[\'’][a-zçğıöşü]+\s+$")
    pairs = []
    for extraction in extractions:
        text = extraction.document.text
        persons = sorted((m for m in extraction.mentions if m.label == "PERSON"), key=lambda m: m.start)
        for first, second in zip(persons, persons[1:]):
            between = text[first.end:second.start]
            if suffix.match(between) and alias.match(text, second.end) or full_name_in_parentheses(first, second, between, text):
                pairs.append((first, second))
    return pairs


def full_name_in_parentheses(first: Mention, second: Mention, between: str, text: str) -> bool:
    """`Seyfı (General Seyfı Düzgören)`: the parentheses repeat the name, in full."""
    return between.strip() == "(" and text[second.end:second.end + 2].lstrip().startswith(")") \
        and first.text.split()[0] in second.text.split()


def resolve_persons(mentions: list[Mention], aliases: list[tuple[Mention, Mention]] = ()) -> list[Entity]:
    names = PersonNames()
    groups: dict[Name, list[Mention]] = defaultdict(list)
    for mention in mentions:
        core = names.core(mention.text) or (mention.text,)
        words = tuple(spelling_key(w) for w in core)
        rank = min(names.ranks(mention.text), default="") if words[0] in names.given and len(words) == 1 else ""
        groups[Name(words, rank)].append(mention)
    groups = join_bare_given_names(groups)
    ranks = {key: {r for m in ms for r in names.ranks(m.text)} for key, ms in groups.items()}
    merged = merge_short_names(groups, roles(groups), ranks, given_name_keys(groups, names))
    merged = join_short_names_by_document(merged, names.given, roles(merged))
    merged = merge_spellings(merged, given_name_keys(merged, names), roles(merged))
    return link_authorities(join_aliases(merged, aliases), names)


def join_short_names_by_document(groups: dict[Name, list[Mention]], given: set[str],
                                 role_of: dict[Name, set[str]]) -> dict[Name, list[Mention]]:
    """A one-word name that several people's names start with (`Gazi`:
    `Gazi Mustafa Kemal`, `Gazi Osman Paşa`) is, in each document it is written
    in, the one of them that document names; it joins him when every one of its
    documents names the same man, and stays apart otherwise. A given name is
    left to `merge_short_names`, which weighs ranks and roles."""
    docs_of = {key: {m.doc_id for m in ms} for key, ms in groups.items()}
    joined = dict(groups)
    for short in [k for k in groups if len(k.words) == 1 and not k.rank and k.words[0] not in given]:
        longer = {k for k in groups if len(k.words) > 1 and k.words[0] == short.words[0] and "actor" in role_of[k]}
        per_document = [{k for k in longer if doc in docs_of[k]} for doc in docs_of[short]]
        if longer and all(len(found) == 1 for found in per_document) and len(set().union(*per_document)) == 1:
            target = next(iter(per_document[0]))
            if target in joined and short in joined:
                joined[target] = joined[target] + joined.pop(short)
    return joined


def join_aliases(groups: dict[Name, list[Mention]], aliases) -> dict[Name, list[Mention]]:
    """One group for a person and his alias (the alias's group joins). Each
    mention's group is looked up, not searched for: a corpus has an alias
    or two per document, and a search would grow with the square of its size."""
    group_of = {m: key for key, ms in groups.items() for m in ms}
    for first, second in aliases:
        home, other = group_of.get(first), group_of.get(second)
        if home is not None and other is not None and home != other:
            moved = groups.pop(other)
            groups[home].extend(moved)
            group_of.update((m, home) for m in moved)
    return groups


def join_bare_given_names(groups: dict[Name, list[Mention]]) -> dict[Name, list[Mention]]:
    """A given name written without a rank (`Enver'e`) is the man the text
    names with one when it names only one (`Enver Paşa`); with two ranks
    (`Albay Halil`, `Halil Paşa`) it joins neither."""
    joined: dict[Name, list[Mention]] = defaultdict(list)
    for key, ms in groups.items():
        ranked = [k for k in groups if k.words == key.words and k.rank] if not key.rank else []
        joined[ranked[0] if len(ranked) == 1 else key].extend(ms)
    return joined


def link_authorities(groups: dict[Name, list[Mention]], names: "PersonNames") -> list[Entity]:
    """Groups whose names an authority record knows join that record, take its
    label and its Wikidata IRI (`Mustafa Kemal` and `Atatürk` are one man)."""
    records = load_authority("persons.json")
    by_record: dict[int, list[Name]] = defaultdict(list)
    unlinked = []
    for key, ms in groups.items():
        found = {records.index_of(names.core(m.text)) for m in ms} - {None}
        if len(found) == 1:
            by_record[found.pop()].append(key)
        else:
            unlinked.append(key)
    entities = []
    for index, keys in by_record.items():
        record = records.records[index]
        entity = Entity("Person", "authority:" + record["wikidata"], [m for k in keys for m in groups[k]])
        finish(entity, display=names.display, prefer_long=True, name_words=names.core, label=record["label"])
        entity.same_as = (wikidata_iri(record["wikidata"]),)
        entities.append(entity)
    for key in unlinked:
        label = " ".join(key.words) + (f" ({key.rank})" if key.rank else "")
        entities.append(finish(Entity("Person", label, groups[key]), display=names.display, prefer_long=True, name_words=names.core))
    return sorted(entities, key=lambda e: e.key)


def wikidata_iri(qid: str) -> str:
    return f"http://www.wikidata.org/entity/{qid}"


class Authority:
    """Records of an authority file, found by the sound of their names."""

    def __init__(self, records: list[dict]) -> None:
        self.records = records
        self.index = {self.key(name.split()): i for i, record in enumerate(records) for name in record["names"]}

    @staticmethod
    def key(words) -> tuple[str, ...]:
        return tuple(sound_key(w.rstrip(".")) for w in words if w.rstrip("."))

    def index_of(self, core: tuple[str, ...]) -> int | None:
        return self.index.get(self.key(core))


@cache
def load_authority(name: str) -> Authority:
    return Authority(json.loads(ontology_file(f"authorities/{name}").read_text(encoding="utf-8"))["records"])


def given_name_keys(groups: dict[Name, list[Mention]], names: "PersonNames") -> set[Name]:
    """One word with `Paşa` or `Bey` after it is a given name (`Kâzım Bey`,
    `Enver Paşa`), not a surname to compare with other surnames (`yoldaş`
    follows surnames: `Voroşilof yoldaş`)."""
    return {key for key, ms in groups.items()
            if len(key.words) == 1 and any(m.text.split()[-1] in names.honorifics for m in ms)}


def roles(groups: dict[Name, list[Mention]]) -> dict[Name, set[str]]:
    """`cited` for a name credited in a reference (author, translator,
    editor), `actor` for a name the text uses otherwise."""
    return {key: {"cited" if m.data in CREDITS else "actor" for m in ms} for key, ms in groups.items()}


def rank_fit(short: set[str], long: set[str]) -> int:
    """How well the ranks of a short name fit a longer name's: 2 a shared
    rank (`Dr. İbrahim`, `Dr. Miralay İbrahim Tali`), 1 no rank on either
    side, 0 different ranks (`Albay Halil`, `Halil Kut Paşa`)."""
    if short and long:
        return 2 if short & long else 0
    return 1


def merge_short_names(groups: dict[Name, list[Mention]], role_of: dict[Name, set[str]],
                      ranks: dict[Name, set[str]], given_only: set[Name]) -> dict[Name, list[Mention]]:
    """A name whose words all stand, in order, at the end or start of exactly
    one longer name is that person (`Voroşilov`, `Mustafa Kemal`). A lone
    given name joins only the start of a name that acts in the history (`Enver
    Paşa` is not Enver Ziya Karal, an author of the footnotes; `Kâzım Bey` is
    not the author Ömer Kâzım) and whose ranks fit its own: a shared rank
    first (`Dr. İbrahim` -> `Dr. Miralay İbrahim Tali`), then a name with no
    rank (`Kâzım Bey` -> `Kâzım Özalp`, not `Kâzım Karabekir Paşa`)."""
    keys = sorted(groups, key=lambda k: (-len(k.words), k))
    target: dict[Name, Name] = {}
    for short in keys:
        size = len(short.words)
        given = size == 1 and (short in given_only or bool(short.rank))
        longer = [k for k in keys if len(k.words) > size
                  and (k.words[-size:] == short.words or k.words[:size] == short.words)
                  and (size > 1 or "actor" in role_of[k] or (k.words[-size:] == short.words and not given))]
        fits = {k: rank_fit(ranks[short], ranks[k]) for k in longer}
        for wanted in (2, 1):
            roots = {target.get(k, k) for k in longer if fits[k] == wanted}
            if len(roots) == 1:
                target[short] = roots.pop()
                break
            if roots:
                break  # two people fit as well: the short name joins neither
    merged: dict[Name, list[Mention]] = defaultdict(list)
    for key, ms in groups.items():
        merged[target.get(key, key)].extend(ms)
    return merged


def merge_spellings(groups: dict[Name, list[Mention]], given_only: set[Name],
                    role_of: dict[Name, set[str]]) -> dict[Name, list[Mention]]:
    """Join spellings of one name (`Voroşilof` / `Varoşilov` / `Vorolişoff`,
    `S.M. Budiyenni` / `Simeon Budenny`) when the surnames sound alike and the
    given names agree; a surname alone that fits two different people (`Mdivani`)
    joins neither. Names one or two letters apart join only when they play the
    same part: an author of the footnotes (`Ali Naci Karacan`) is not the
    diplomat of the narrative (`Karahan`)."""
    keys = sorted(groups, key=lambda k: (-len(k.words), k))
    parent = {k: k for k in keys}

    def root(k):
        while parent[k] != k:
            k = parent[k]
        return k

    def alike(a: Name, b: Name) -> bool:
        return same_person(a.words, b.words, fuzzy=bool(role_of[a] & role_of[b]))

    for short in sorted(keys, key=lambda k: (len(k.words), k)):
        if short in given_only:
            continue
        similar = [k for k in keys if k != short and k not in given_only and alike(short, k)]
        # Prefer the fuller names; only when there is none, join equal ones.
        longer = {root(k) for k in similar if len(k.words) > len(short.words)} - {root(short)}
        equal = {root(k) for k in similar if len(k.words) == len(short.words)} - {root(short)}
        if len(longer) == 1:
            parent[root(short)] = longer.pop()
        elif not longer and equal:
            for other in equal:
                parent[other] = root(short)
    merged: dict[Name, list[Mention]] = defaultdict(list)
    for key, ms in groups.items():
        merged[root(key)].extend(ms)
    return merged


def given_names(key: tuple[str, ...]) -> tuple[str, ...]:
    return key[:-1]


def same_person(a: tuple[str, ...], b: tuple[str, ...], fuzzy: bool = True) -> bool:
    """Surnames alike (the same sound, or with `fuzzy` one or two letters
    apart) and every given name (or initial) of the shorter name matches one
    of the longer's."""
    if not similar_spelling(a[-1], b[-1], fuzzy):
        return False
    short, long = sorted((given_names(a), given_names(b)), key=len)
    return all(any(given_match(g, h) for h in long) for g in short)


def given_match(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a[0] == b[0] and edit_distance(sound_key(a), sound_key(b)) <= 2


