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

from histkg.language.gazetteer import Gazetteer
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
    """`Sovyetler Birliği`, `SOVYETLER BİRLİĞİ` -> one key."""
    return ascii_fold(turkish_lower(" ".join(text.split()))).lower()


def resolve_organizations(mentions: list[Mention]) -> list[Entity]:
    """One node per organization name; names an authority record knows join
    that record, take its label and its Wikidata IRI (`SSCB` and `Sovyetler
    Birliği` are one state), as persons do."""
    records = json.loads(ontology_file("authorities/organizations.json").read_text(encoding="utf-8"))["records"]
    record_of = {organization_key(name): record for record in records for name in record["names"]}
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        record = record_of.get(organization_key(mention.text))
        groups["authority:" + record["wikidata"] if record else organization_key(mention.text)].append(mention)
    entities = []
    for key, ms in sorted(groups.items()):
        record = record_of.get(organization_key(ms[0].text)) if key.startswith("authority:") else None
        entity = finish(Entity("Organization", key, ms), label=record["label"] if record else None)
        if record:
            entity.same_as = (wikidata_iri(record["wikidata"]),)
        entities.append(entity)
    return entities


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
    families = load_lexicon("treaties.json")["head_family"]
    words = mention.text.replace("–", "-").split()
    head = treaty_head(words[-1]) or words[-1]  # `Antlaşmasını` is `Antlaşması`
    family = families.get(head, head.lower())
    made_at = re.match(r"(.+?)[\'’]?(?:" + "|".join(LOCATIVE_ADJECTIVE) + ")$", words[0])
    if made_at and len(words) > 1:  # `Moskova’daki dostluk anlaşması`: the treaty made at Moskova
        return spelling_key(made_at.group(1)) + "|" + family
    return " ".join(spelling_key(w) for w in words[:-1]) + "|" + family


def resolve_places(mentions: list[Mention]) -> list[Entity]:
    gazetteer = Gazetteer.load()
    entities = resolve_by_key(mentions, "Place", lambda m: m.data or gazetteer.lookup(m.text) or "name:" + spelling_key(m.text))
    for entity in entities:
        if entity.key in gazetteer.places:
            info = gazetteer.info(entity.key)
            if info.geonames_id:
                entity.same_as = (f"https://sws.geonames.org/{info.geonames_id}/",)
            entity.latitude, entity.longitude = info.latitude, info.longitude
    return entities


