"""Resolution: mentions from every document -> entities, one per real thing.

Names are merged on a key that ignores honorifics, titles, diacritics and the
spellings of Russian endings (`Voroşilof` = `Voroşilov`); a short name joins the
one longer name that contains it (`Voroşilov` -> `Kliment Yefromoviç Voroşilov`)
and stays apart when several do (`Kâzım` with Karabekir or Özalp).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .extract import Extraction, Mention
from .gazetteer import Gazetteer
from .lexicon import load_lexicon

KIND_OF_LABEL = {"PERSON": "Person", "PLACE": "Place", "ORG": "Organization", "TREATY": "Treaty", "DATE": "TimeSpan"}
TURKISH_ASCII = str.maketrans({"ı": "i", "İ": "I", "ş": "s", "Ş": "S", "ğ": "g", "Ğ": "G", "ç": "c", "Ç": "C",
                               "ö": "o", "Ö": "O", "ü": "u", "Ü": "U", "’": "'"})


@dataclass
class Entity:
    kind: str  # Person | Place | Organization | Treaty | TimeSpan
    key: str
    mentions: list[Mention] = field(default_factory=list)
    label: str = ""
    alt_labels: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    slug: str = ""


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(TURKISH_ASCII))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-") or "x"


def spelling_key(word: str) -> str:
    """One key for the spellings of one name: `Voroşilof`, `Voroşilov`,
    `Vorošilow`, `Molotoff` -> `vorosilov`, `molotov`."""
    word = ascii_fold(word).lower().replace("w", "v").replace("ff", "f")
    word = re.sub(r"(?:of|ow)$", "ov", word)
    word = re.sub(r"(?:evich|evitch|evic|evicz)$", "evic", word)
    word = re.sub(r"(?:ovich|ovitch|ovic|ovicz)$", "ovic", word)
    return re.sub(r"(.)\1", r"\1", word)


class PersonNames:
    """Turns a person mention into the words of its name."""

    def __init__(self) -> None:
        lex = load_lexicon("names.json")
        kept = set(lex["title_is_part_of_name"])
        self.drop = (set(lex["honorifics_after"]) | set(lex["titles_before"]) | set(lex["citation_roles"])) - kept

    def core(self, text: str) -> tuple[str, ...]:
        words = re.findall(r"[^\s().,]+(?:\.(?=[^\s]))?", text.replace(".", ". "))
        return tuple(w for w in words if w not in self.drop and w.rstrip(".") + "." not in self.drop)

    def display(self, text: str) -> str:
        """The name without titles before it: `Dr. Rıza Nur` -> `Rıza Nur`."""
        words = text.replace("Dr.", "Dr. ").split()
        while words and (words[0] in self.drop and words[0] not in {"Paşa", "Bey"}):
            words.pop(0)
        return " ".join(words) or text


def resolve(extractions: list[Extraction]) -> list[Entity]:
    mentions = [m for extraction in extractions for m in extraction.mentions]
    by_kind: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_kind[KIND_OF_LABEL[mention.label]].append(mention)
    entities = (resolve_persons(by_kind["Person"]) + resolve_places(by_kind["Place"])
                + resolve_by_key(by_kind["Organization"], "Organization", lambda m: ascii_fold(m.text).lower())
                + resolve_by_key(by_kind["Treaty"], "Treaty", treaty_key)
                + resolve_by_key(by_kind["TimeSpan"], "TimeSpan", lambda m: m.data.edtf))
    assign_slugs(entities)
    return entities


def resolve_by_key(mentions: list[Mention], kind: str, key) -> list[Entity]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[key(mention)].append(mention)
    return [finish(Entity(kind, k, ms)) for k, ms in sorted(groups.items())]


def treaty_key(mention: Mention) -> str:
    families = load_lexicon("treaties.json")["head_family"]
    words = mention.text.replace("–", "-").split()
    family = families.get(words[-1], words[-1].lower())
    return " ".join(spelling_key(w) for w in words[:-1]) + "|" + family


def resolve_persons(mentions: list[Mention]) -> list[Entity]:
    names = PersonNames()
    groups: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for mention in mentions:
        core = names.core(mention.text) or (mention.text,)
        groups[tuple(spelling_key(w) for w in core)].append(mention)
    merged = merge_short_names(groups)
    entities = []
    for key, ms in sorted(merged.items()):
        entity = Entity("Person", " ".join(key), ms)
        finish(entity, display=names.display, prefer_long=True)
        entities.append(entity)
    return entities


def merge_short_names(groups: dict[tuple[str, ...], list[Mention]]) -> dict[tuple[str, ...], list[Mention]]:
    """A name whose words all stand, in order, at the end or start of exactly
    one longer name is that person (`Voroşilov`, `Mustafa Kemal`)."""
    keys = sorted(groups, key=len, reverse=True)
    target: dict[tuple[str, ...], tuple[str, ...]] = {}
    for short in keys:
        longer = [k for k in keys if len(k) > len(short) and (k[-len(short):] == short or k[:len(short)] == short)]
        roots = {target.get(k, k) for k in longer}
        if len(roots) == 1:
            target[short] = roots.pop()
    merged: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for key, ms in groups.items():
        merged[target.get(key, key)].extend(ms)
    return merged


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


def finish(entity: Entity, display=lambda text: text, prefer_long: bool = False) -> Entity:
    """prefLabel: the fullest form (for persons) or the most frequent one;
    altLabels: every other distinct surface form."""
    counts = Counter(m.text for m in entity.mentions)
    if entity.kind == "TimeSpan":
        entity.label = entity.key
        entity.alt_labels = tuple(sorted(counts))
        return entity
    forms = sorted(counts, key=lambda f: (-(len(display(f).split()) if prefer_long else 0), -counts[f], f))
    entity.label = display(forms[0])
    entity.alt_labels = tuple(sorted(set(counts) - {entity.label}))
    return entity


def assign_slugs(entities: list[Entity]) -> None:
    """Deterministic, unique slugs: the label's, numbered when two collide."""
    seen: Counter = Counter()
    for entity in sorted(entities, key=lambda e: (e.kind, slugify(e.label), e.key)):
        base = slugify(entity.label)
        seen[(entity.kind, base)] += 1
        n = seen[(entity.kind, base)]
        entity.slug = base if n == 1 else f"{base}-{n}"
