"""Resolution: mentions from every document -> entities, one per real thing.

Names are merged on a key that ignores honorifics, titles, diacritics and the
spellings of Russian endings (`Voroşilof` = `Voroşilov`); a short name joins the
one longer name that contains it (`Voroşilov` -> `Kliment Yefromoviç Voroşilov`)
and stays apart when several do (`Kâzım` with Karabekir or Özalp).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

from histkg.facts.treaties import treaty_family
from histkg.language.gazetteer import Gazetteer, is_venue
from histkg.language.lexicon import load_lexicon, turkish_lower
from histkg.language.resources import ontology_file
from histkg.language.spelling import ascii_fold, spelling_key
from histkg.mentions.extract import Extraction, Mention
from histkg.mentions.tokens import LOCATIVE_ADJECTIVE
from histkg.mentions.treaties import treaty_head
from histkg.resolve.entity import KIND_OF_LABEL, Entity, assign_slugs, finish
from histkg.resolve.persons import alias_pairs, resolve_persons, wikidata_iri


def resolve(extractions: list[Extraction]) -> list[Entity]:
    mentions = [m for extraction in extractions for m in extraction.mentions]
    by_kind: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_kind[KIND_OF_LABEL[mention.label]].append(mention)
    entities = (resolve_persons(by_kind["Person"], alias_pairs(extractions)) + resolve_places(by_kind["Place"])
                + resolve_organizations(by_kind["Organization"])
                + resolve_treaties(by_kind["Treaty"])
                + resolve_by_key(by_kind["TimeSpan"], "TimeSpan", lambda m: m.data.edtf))
    assign_slugs(entities)
    return entities


def resolve_by_key(mentions: list[Mention], kind: str, key) -> list[Entity]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[key(mention)].append(mention)
    return [finish(Entity(kind, k, ms)) for k, ms in sorted(groups.items())]


def organization_key(text: str) -> str:
    """`Sovyetler Birliği`, `SOVYETLER BİRLİĞİ` -> one key; an opening adverb
    (`Böylece Ankara Hükümeti`) and a case ending glued to the head
    (`Hariciye Nezaretinde`) are no part of the name."""
    return ascii_fold(turkish_lower(" ".join(organization_words(text)))).lower()


def organization_words(text: str) -> list[str]:
    lex = load_lexicon("organizations.json")
    words = text.split()
    while len(words) > 1 and words[0] in lex["not_name_start"]:
        words.pop(0)
    heads = set(lex["heads"]) | set(lex["lower_heads"])
    for ending in sorted(lex["head_case_endings"], key=len, reverse=True):
        if words[-1] not in heads and words[-1].endswith(ending) and words[-1][:-len(ending)] in heads:
            words[-1] = words[-1][:-len(ending)]
            break
    return words


def resolve_organizations(mentions: list[Mention]) -> list[Entity]:
    """One node per organization; names an authority record knows join
    that record, take its label and its Wikidata IRI (`SSCB` and `Sovyetler
    Birliği` are one state), as persons do. An abbreviation, a name without
    its leading state word, a government named after its assembly and a bare
    `Meclis` join the name they stand for (`join_organization_names`)."""
    records = json.loads(ontology_file("authorities/organizations.json").read_text(encoding="utf-8"))["records"]
    record_of = {organization_key(name): record for record in records for name in record["names"]}
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        record = record_of.get(organization_key(mention.text))
        groups["authority:" + record["wikidata"] if record else group_key(mention)].append(mention)
    root = join_organization_names(groups)
    joined: dict[str, list[Mention]] = defaultdict(list)
    for key, ms in groups.items():
        joined[root(key)].extend(ms)
    entities = []
    for key, ms in sorted(joined.items()):
        record = next((record_of[organization_key(m.text)] for m in ms if organization_key(m.text) in record_of), None)
        entity = finish(Entity("Organization", "authority:" + record["wikidata"] if record else key, ms),
                        display=lambda text: " ".join(organization_words(text)), prefer_long=True,
                        label=record["label"] if record else None)
        if record:
            entity.same_as = (wikidata_iri(record["wikidata"]),)
        entities.append(entity)
    return entities


def group_key(mention: Mention) -> str:
    """A bare `Meclis` or `Hükümet` is the one its document speaks of: a key per document."""
    words = organization_words(mention.text)
    bare = len(words) == 1 and words[0] in load_lexicon("organizations.json")["bare_institutions"]
    return organization_key(mention.text) + (f"@{mention.doc_id}" if bare else "")


def join_organization_names(groups: dict[str, list[Mention]]):
    """Union of the keys that name one organization; returns `root(key)`.
    `TBMM` and `BMM` spell the initials of `Türkiye Büyük Millet Meclisi`
    (`BMM` leaving out the state word), `BMM Hükümeti` is that assembly's
    government, `Meclis` alone is the one `... Meclisi` of its document.
    An abbreviation looks for its expansion in its own document first, then
    in every document, then among the authority's names."""
    lex = load_lexicon("organizations.json")
    parent = {key: key for key in groups}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    def join(key: str, other: str) -> None:
        if other in parent and root(key) != root(other):
            parent[root(key)] = root(other)

    docs_of = {key: {m.doc_id for m in ms} for key, ms in groups.items()}
    texts = {key: organization_words(ms[0].text) for key, ms in groups.items()}
    state_words = {turkish_lower(w) for w in lex["state_words"]}
    for key in groups:
        if (short := without_state_word(key, state_words)) in groups:
            join(short, key)  # `Büyük Millet Meclisi` -> `Türkiye Büyük Millet Meclisi`
    for key, words in texts.items():
        if is_acronym(words[0]):
            target = expansion(words[0], docs_of[key], texts, docs_of, lex)
            if target and len(words) == 1:
                join(key, target)
    for key, words in texts.items():
        if len(words) > 1 and words[-1] in lex["nesting_heads"]:
            body = organization_key(" ".join(words[:-1]))
            body = next((k for k in groups if k == body), None) or \
                (expansion(words[0], docs_of[key], texts, docs_of, lex) if len(words) == 2 and is_acronym(words[0]) else None)
            if body:
                join(key, body)  # `BMM Hükümeti` -> the assembly it is the government of
    for key, words in texts.items():
        if len(words) == 1 and words[0] in lex["bare_institutions"]:
            bare_in_document(key, words[0], groups, texts, join, root)
    return root


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def initials(words: list[str], skip) -> str:
    return "".join(turkish_upper_initial(w) for w in words if w not in skip and w[:1].isalpha())


def turkish_upper_initial(word: str) -> str:
    first = word[0]
    return "İ" if first == "i" else first.upper()


def without_state_word(key: str, state_words: set[str]) -> str | None:
    words = key.split()
    if len(words) > 2 and ascii_fold(words[0]).lower() in {ascii_fold(w).lower() for w in state_words}:
        return " ".join(words[1:])
    return None


def expansion(acronym: str, docs: set[str], texts: dict[str, list[str]], docs_of, lex) -> str | None:
    """The one name whose word initials (skipping `ve`) the abbreviation
    spells, with or without a leading state word: in its own documents first,
    then anywhere. Two candidates that are not one name: none."""
    skip = set(lex["acronym_skip"])
    state_words = set(lex["state_words"])

    def spells(words: list[str]) -> bool:
        if len(words) < 2:
            return False
        if initials(words, skip) == acronym:
            return True
        return words[0] in state_words and initials(words[1:], skip) == acronym

    found = [key for key, words in texts.items() if spells(words)]
    for pool in ([k for k in found if docs_of[k] & docs], found):
        longest = sorted(pool, key=lambda k: -len(k))
        if longest and all(k in longest[0] for k in longest):
            return longest[0]  # `Türkiye Büyük Millet Meclisi` holds `Büyük Millet Meclisi`
        if longest:
            return None
    return None


def bare_in_document(key: str, word: str, groups, texts, join, root) -> None:
    """`Meclis` alone joins the one `... Meclisi` of its document; without
    one, or with two, it stays a name of its own."""
    stem = ascii_fold(turkish_lower(word)).lower()
    doc_id = groups[key][0].doc_id
    names = [k for k, words in texts.items() if k != key and len(words) > 1
             and ascii_fold(turkish_lower(words[-1])).lower().startswith(stem)
             and any(m.doc_id == doc_id for m in groups[k])]
    if len({root(k) for k in names}) == 1:
        join(key, names[0])


def resolve_treaties(mentions: list[Mention]) -> list[Entity]:
    """One node per treaty; a name with extra words in front (`Türkiye Moskova
    Anlaşması`) joins the one treaty of that kind whose name it ends with."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[treaty_key(mention)].append(mention)
    for key in sorted(groups, key=len, reverse=True):
        words, family = key.split("|")
        shorter = [k for k in groups if k != key and k.endswith("|" + family)
                   and k.split("|")[0] and f" {words}".endswith(" " + k.split("|")[0])]
        if len(shorter) == 1:
            groups[shorter[0]].extend(groups.pop(key))
    return [finish(Entity("Treaty", k, ms), display=without_case_ending) for k, ms in sorted(groups.items())]


def without_case_ending(name: str) -> str:
    """`Sovyet-İngiliz antlaşmasının` -> `Sovyet-İngiliz antlaşması`."""
    words = name.split()
    head = treaty_head(words[-1]) if words else None
    return " ".join(words[:-1] + [words[-1][:len(head)]]) if head else name


def treaty_key(mention: Mention) -> str:
    words = mention.text.replace("–", "-").split()
    head = treaty_head(words[-1]) or words[-1]  # `Antlaşmasını` is `Antlaşması`
    family = treaty_family(head)  # `Sözleşme` of `… Dair Sözleşme` is of the family of `Sözleşmesi`
    made_at = re.match(r"(.+?)[\'’]?(?:" + "|".join(LOCATIVE_ADJECTIVE) + ")$", words[0])
    if made_at and len(words) > 1:  # `Moskova’daki dostluk anlaşması`: the treaty made at Moskova
        return spelling_key(made_at.group(1)) + "|" + family
    return " ".join(spelling_key(w) for w in words[:-1]) + "|" + family


def place_entity(mention: Mention, entities: list[Entity], entity_of: dict) -> Entity:
    """The entity of a city a fact names inside another name (`Kars` of `Kars
    Antlaşması`, `Lozan` of `Lozan Konferansı`), which is no mention of the
    place: the place the texts name elsewhere (its gazetteer key), else a new
    one whose only evidence is those words."""
    if mention not in entity_of:
        key = mention.data or Gazetteer.load().lookup(mention.text) or "name:" + spelling_key(mention.text)
        entity = next((e for e in entities if e.kind == "Place" and e.key == key), None)
        if entity is None:
            entity = resolve_places([mention])[0]
            gazetteer = Gazetteer.load()
            if key in gazetteer.places and gazetteer.lookup(mention.text) != key:
                entity.label = gazetteer.info(key).label  # `limanımıza`: words that stand for the place
            entities.append(entity)
        entity_of[mention] = entity
    return entity_of[mention]


def resolve_places(mentions: list[Mention]) -> list[Entity]:
    gazetteer = Gazetteer.load()
    entities = resolve_by_key(mentions, "Place", lambda m: m.data or gazetteer.lookup(m.text) or "name:" + spelling_key(m.text))
    for entity in entities:
        if entity.key in gazetteer.places:
            info = gazetteer.info(entity.key)
            if info.geonames_id:
                entity.same_as = (f"https://sws.geonames.org/{info.geonames_id}/",)
            entity.latitude, entity.longitude = info.latitude, info.longitude
            if info.kind == "venue":
                entity.kind = "Venue"  # `Dolmabahçe`: the palace the quarter is named after
        elif is_venue(entity.label):
            entity.kind = "Venue"
    return entities
