"""An entity: the mentions of one person, place, organization or treaty."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from histkg.language.spelling import slugify
from histkg.mentions.extract import Mention

KIND_OF_LABEL = {"PERSON": "Person", "PLACE": "Place", "ORG": "Organization", "TREATY": "Treaty", "DATE": "TimeSpan"}


@dataclass
class Entity:
    kind: str  # Person | Place | Venue | Organization | Treaty | TimeSpan
    key: str
    mentions: list[Mention] = field(default_factory=list)
    label: str = ""
    alt_labels: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    slug: str = ""


def finish(entity: Entity, display=lambda text: text, prefer_long: bool = False, label: str | None = None,
           name_words=None) -> Entity:
    """prefLabel: `label` when an authority gives one, else the fullest form
    (for persons: the most words of the name itself, `name_words`) or the
    most frequent one not in capitals; altLabels: every other distinct surface form."""
    counts = Counter(m.text for m in entity.mentions)
    if entity.kind == "TimeSpan":
        entity.label = entity.key
        entity.alt_labels = tuple(sorted(counts))
        return entity
    def fullness(form: str) -> int:
        """Words of the name, an initial (`S.İ.`) counting for nothing."""
        words = name_words(form) if name_words else display(form).split()
        return sum(1 for word in words if "." not in word) if prefer_long else 0

    def title_words(form: str) -> int:
        """A lone given name reads better with its honorific (`Enver Paşa`)."""
        return len(display(form).split()) if prefer_long and fullness(form) <= 1 else 0

    forms = sorted(counts, key=lambda f: (-fullness(f), -title_words(f), heading_case(f), -counts[f], f))
    entity.label = label or display(forms[0])
    entity.alt_labels = tuple(sorted(set(counts) - {entity.label}))
    return entity


def heading_case(form: str) -> bool:
    """`SOFYA ANTLAŞMASI`: a form in capitals is a heading's typography, which
    another form names better; not an acronym (`ABD`, `TBMM`)."""
    return form.isupper() and len(form) > 5


def assign_slugs(entities: list[Entity]) -> None:
    """Deterministic, unique slugs: the label's, numbered when two collide."""
    seen: Counter = Counter()
    for entity in sorted(entities, key=lambda e: (e.kind, slugify(e.label), e.key)):
        base = slugify(entity.label)
        seen[(entity.kind, base)] += 1
        n = seen[(entity.kind, base)]
        entity.slug = base if n == 1 else f"{base}-{n}"


