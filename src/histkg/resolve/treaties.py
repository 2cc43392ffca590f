"""Treaty events: the facts told of one treaty joined into an event whose slots
are entities. A treaty described, not named (`Türk-Rus dostluk antlaşması`),
joins the one named treaty whose kind and parties agree (`Known`); `Paris Paktı
olarak da bilinen Briand-Kellog Paktı` is one treaty (`merge_aliases`); a treaty
told only by a phrase and a date becomes an entity of its own (`new_treaty`)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from histkg.facts.treaties import TreatyFact, says_enough
from histkg.language.gazetteer import Gazetteer, is_state
from histkg.language.lexicon import event_lexicon, load_lexicon, turkish_lower
from histkg.language.spelling import ascii_fold
from histkg.mentions.treaties import head_form
from histkg.resolve.entities import place_entity, resolve_places, treaty_key, without_case_ending
from histkg.resolve.entity import Entity, finish
from histkg.resolve.model import Event


def merge_aliases(facts, entities: list, entity_of: dict) -> None:
    """`Paris Paktı olarak da bilinen Briand-Kellog Paktı`: one treaty."""
    for fact in facts:
        if fact.alias_of is None:
            continue
        alias, target = entity_of.get(fact.phrase), entity_of.get(fact.alias_of)
        if alias is None or target is None or alias is target:
            continue
        absorb(target, alias, entities, entity_of)
        finish(target)


def absorb(target, other, entities: list, entity_of: dict) -> None:
    """`other` is `target` told by another name: its mentions join `target`, and it goes."""
    target.mentions.extend(other.mentions)
    for mention in other.mentions:
        entity_of[mention] = target
    entities.remove(other)


def merge_short_names(facts, entities: list, entity_of: dict) -> None:
    """`Türk-Sovyet Antlaşması` signed the day `Türk-Sovyet Dostluk ve
    Tarafsızlık Antlaşması` was: a name made of the first words of a longer
    one of the same kind, with a signing day the longer one's facts share, is
    a short form of that one treaty (another day, another treaty). The longer
    name may be any of the other treaty's names (`Türk-İngiliz-Fransız
    Karşılıklı Yardım Antlaşması`, which joined `Karşılıklı Yardım Antlaşması`)."""
    days: dict[int, set] = defaultdict(set)
    for fact in facts:
        entity = entity_of.get(fact.phrase)
        if entity is not None and fact.named:
            days[id(entity)] |= {s.mention.data.earliest for s in fact.signed_on
                                 if s.mention.data.earliest == s.mention.data.latest}
    treaties = [e for e in entities if e.kind == "Treaty" and days.get(id(e))]
    names = {id(e): names_of(e) for e in treaties}  # read once: each treaty is compared with every other
    for short in sorted(treaties, key=lambda e: len(e.key)):
        words, family = short.key.split("|")
        longer = [e for e in treaties if e is not short and words and e.key.endswith("|" + family)
                  and days[id(e)] & days[id(short)] and e in entities
                  and any(name.startswith(words + " ") for name in names[id(e)])]
        if len(longer) == 1:
            absorb(longer[0], short, entities, entity_of)
            names[id(longer[0])] |= names[id(short)]
            finish(longer[0], display=without_case_ending, prefer_long=True)  # the full name names it


def names_of(treaty) -> set[str]:
    """The words (no head noun) of every name a treaty's mentions give it."""
    return {treaty.key.split("|")[0]} | {treaty_key(m).split("|")[0] for m in treaty.mentions}


def merge_subject_titles(entities: list, entity_of: dict) -> None:
    """`Boğazlar Rejimine Dair Sözleşme` (the convention on the regime of the
    Straits) titles a treaty by its subject: it is the one treaty of its
    family that the same document names with the subject's first word
    (`Montrö Boğazlar Sözleşmesi`); with none, or two, it stays a treaty of its own."""
    treaties = [e for e in entities if e.kind == "Treaty"]
    for title in treaties:
        words, family = title.key.split("|")
        if "dair" not in words.split():
            continue
        documents = {m.doc_id for m in title.mentions}
        named = [e for e in treaties if e is not title and e in entities and e.key.endswith("|" + family)
                 and words.split()[0] in e.key.split("|")[0].split() and "dair" not in e.key.split("|")[0].split()
                 and documents & {m.doc_id for m in e.mentions}]
        if len(named) == 1:
            absorb(named[0], title, entities, entity_of)
            finish(named[0], display=without_case_ending, prefer_long=True)


def treaty_events(facts, entities: list, entity_of: dict) -> list[Event]:
    for fact in facts:
        for slot in fact.parties + fact.implied_parties:
            if slot.mention not in entity_of:
                state_entity(slot.mention, entities, entity_of)
        for mention in [slot.mention for slot in fact.signed_at] + [fact.name_place]:
            if mention is not None and mention not in entity_of:
                place_entity(mention, entities, entity_of)  # a city named inside a treaty's or a conference's name
    named = Named([f for f in facts if f.named and entity_of.get(f.phrase) is not None], entity_of)
    groups = told_together(facts)
    treaty_of = {id(group[0]): group_treaty(group, named, entity_of) for group in groups}
    known = Known.of(groups, treaty_of, entities, entity_of)
    by_entity: dict[int, Event] = {}
    for group in groups:
        told, treaty, why = merged(group), treaty_of[id(group[0])], None
        if treaty is None and not told.named:
            treaty, why = known.described(told, entities, entity_of)
        if treaty is None:
            if not says_enough(told):
                continue  # `anlaşma imzalamaları`: too little to tell which treaty
            treaty = new_treaty(told, entity_of)
            entities.append(treaty)
        event = by_entity.setdefault(id(treaty), Event("Treaty", treaty.label, entity=treaty))
        for fact in group:
            reasons = [r for r in (referred(fact, treaty), why) if r]
            add_claims(event, fact, entities, entity_of, "; ".join(reasons) or None)
    return list(by_entity.values())


class Known:
    """What the texts say of each named treaty (`Moskova Antlaşması`, not
    `Dostluk Andlaşması`) before described ones join: its kind words
    (`Moskova’daki dostluk anlaşması`), its parties and its dates."""

    def __init__(self) -> None:
        self.kinds: dict[int, set[str]] = {}
        self.parties: dict[int, set[int]] = {}
        self.dates: dict[int, list] = {}
        self.treaties: dict[int, object] = {}

    @classmethod
    def of(cls, groups, treaty_of: dict, entities: list, entity_of: dict) -> Known:
        known = cls()
        for treaty in entities:
            if treaty.kind == "Treaty" and proper_name(treaty.label):
                known.treaties[id(treaty)] = treaty
                known.kinds[id(treaty)] = {k for m in treaty.mentions for k in kind_words(m.text)}
                known.parties[id(treaty)], known.dates[id(treaty)] = set(), []
        for group in groups:
            treaty = treaty_of[id(group[0])]
            if treaty is not None and id(treaty) in known.treaties:
                told = merged(group)
                known.kinds[id(treaty)] |= {k for f in group for k in kind_words(f.phrase.text)}
                known.parties[id(treaty)] |= party_ids(told, entities, entity_of)
                known.dates[id(treaty)] += [s.mention.data for s in told.signed_on]
        return known

    def described(self, told: TreatyFact, entities: list, entity_of: dict):
        """`Türk-Rus dostluk antlaşması`: the one named treaty of the same
        kind whose known parties (one at least: a treaty the texts say
        nothing of could be any) are all among the description's and whose
        dates (if any) do not contradict its; (None, None) when none or
        several fit."""
        kinds, sides = set(kind_words(told.phrase.text)), party_ids(told, entities, entity_of)
        if not kinds:
            return None, None
        fitting = [t for key, t in self.treaties.items() if t.key.endswith("|" + told.family)
                   and kinds <= self.kinds[key] and self.parties[key] and self.parties[key] <= sides
                   and agreeing_dates([s.mention.data for s in told.signed_on], self.dates[key])]
        if len(fitting) != 1:
            return None, None
        return fitting[0], (f"'{told.phrase.text}' describes a treaty without naming it: the one named treaty whose kind "
                            f"({', '.join(sorted(kinds))}) and parties agree is {fitting[0].label}")


def proper_name(label: str) -> bool:
    """`Moskova Antlaşması`, `Türk-Sovyet Paktı` have a name; `Dostluk Andlaşması` only says what it is."""
    words = label.split()[:-1]
    return any(w[:1].isupper() and not kind_words(w) for w in words)


def kind_words(text: str) -> list[str]:
    """What kind of treaty a name or phrase says it is: `dostluk`, `ticaret`…"""
    lower = turkish_lower(text)
    return [k for k in load_lexicon("treaties.json")["kind_words"] if re.search(r"(?<![^\W\d_])" + re.escape(k), lower)]


def party_ids(told: TreatyFact, entities: list, entity_of: dict) -> set[int]:
    found = [entity_of.get(s.mention) for s in told.parties] + [named_party(n, told.doc_id, entities)
                                                                for n in told.party_names]
    return {id(e) for e in found if e is not None}


def agreeing_dates(dates: list, others: list) -> bool:
    """No date of one list falls outside every date of the other (either may be empty)."""
    return not dates or not others or any(a.earliest <= b.latest and b.earliest <= a.latest for a in dates for b in others)


def told_together(facts) -> list[list[TreatyFact]]:
    """Each treaty mention with the facts that refer back to it (`Bu antlaşma`), in text order."""
    groups: dict[object, list[TreatyFact]] = {}
    for fact in facts:
        groups.setdefault(fact.antecedent or fact.phrase, []).append(fact)
    return list(groups.values())


def merged(group: list[TreatyFact]) -> TreatyFact:
    """One fact with the slots of a mention and of those that refer back to it."""
    first = group[0]
    return replace(first, **{slot: sum((getattr(f, slot) for f in group), ()) for slot in
                             ("signed_on", "signed_at", "parties", "signatories", "party_names")},
                   name_place=next((f.name_place for f in group if f.name_place is not None), None))


def group_treaty(group: list[TreatyFact], named: Named, entity_of: dict):
    first = group[0]
    return entity_of.get(first.phrase) if first.named else link_generic(merged(group), named, entity_of)


def referred(fact: TreatyFact, treaty) -> str | None:
    """Why a fact that points back (`Bu anlaşma`) speaks of `treaty`: its values are the text's, the link is drawn."""
    if not fact.refers_back:
        return None
    return f"'{fact.refers_back} {fact.phrase.text}' refers to the treaty mentioned just before: {treaty.label}"


def add_claims(event: Event, fact: TreatyFact, entities: list, entity_of: dict, why: str | None) -> None:
    """The values one fact gives its treaty, each claimed by the fact's source
    (with the fact's own words as evidence too when the link was drawn)."""
    event.evidence.append(fact.phrase)
    pointing = (fact.phrase,) if why else ()
    for slot in fact.signed_on:
        event.add("signedOn", slot.mention, slot.evidence + pointing, slot.problem, joined(why, slot.inference))
    for predicate, slots in (("signedAt", fact.signed_at), ("party", fact.parties), ("signatory", fact.signatories)):
        for slot in slots:
            event.add(predicate, entity_of.get(slot.mention), slot.evidence + pointing, inference=joined(why, slot.inference))
    for name in fact.party_names:
        event.add("party", named_party(name, fact.doc_id, entities), (fact.phrase,), inference=why)
    if fact.name_place is not None:
        named_after = f"a treaty is named after the city where it was signed: {fact.phrase.text}"
        event.add("signedAt", entity_of.get(fact.name_place), (fact.phrase,), inference=joined(why, named_after))
    for slot in fact.implied_parties:
        state = entity_of.get(slot.mention)
        left_out = f"the side the sentence leaves out: the state the document is about ({state.label if state else ''})"
        event.add("party", state, slot.evidence, inference="; ".join(r for r in (why, left_out) if r))


def joined(*reasons: str | None) -> str | None:
    return "; ".join(r for r in reasons if r) or None


def named_party(name: str, doc_id: str, entities: list):
    """The state a nationality word of a treaty's name stands for (`Sovyet` of
    `Alman-Sovyet Paktı`, read as `Sovyet Rusya`): that state where the
    document names it, else the one state the document names by a name that
    opens with the same word (`Sovyetler Birliği`), else that state anywhere."""
    state = state_named(name, entities)
    if state is not None and any(m.doc_id == doc_id for m in state.mentions):
        return state
    stem = name.split()[0]
    here = [e for e in entities if e.kind in ("Place", "Organization") and e.label.split()[0].startswith(stem)
            and is_state(e.label) and any(m.doc_id == doc_id for m in e.mentions)]
    return here[0] if len(here) == 1 else state


def state_named(name: str, entities: list):
    """The place or organization entity a state's name denotes, if the texts
    name it: the first in `entities` with the name's gazetteer key or with it
    among its labels."""
    index = StateIndex.of(entities)
    found = [i for i in (index.by_key.get(Gazetteer.load().lookup(name)), index.by_name.get(ascii_fold(name).lower()))
             if i is not None]
    return entities[min(found)] if found else None


class StateIndex:
    """The place and organization entities of one list by gazetteer key and
    by folded label (position of the first of each), so that naming a state
    does not read every entity of the corpus. Entities are only appended while
    events are resolved: the index reads the new ones as the list grows, and
    is made anew for another list or one that changed otherwise."""

    last: StateIndex | None = None

    def __init__(self, entities: list) -> None:
        self.entities = entities
        self.count = 0  # entities indexed so far
        self.last_read = None  # the last of them: gone from its place, the list changed otherwise
        self.by_key: dict[str, int] = {}
        self.by_name: dict[str, int] = {}

    @classmethod
    def of(cls, entities: list) -> StateIndex:
        index = cls.last
        if index is None or not index.grew(entities):
            index = cls.last = cls(entities)
        index.extend()
        return index

    def grew(self, entities: list) -> bool:
        return self.entities is entities and len(entities) >= self.count \
            and (self.count == 0 or entities[self.count - 1] is self.last_read)

    def extend(self) -> None:
        for position in range(self.count, len(self.entities)):
            entity = self.entities[position]
            if entity.kind == "Place":
                self.by_key.setdefault(entity.key, position)
            if entity.kind in ("Place", "Organization"):
                for label in (entity.label, *entity.alt_labels):
                    self.by_name.setdefault(ascii_fold(label).lower(), position)
        self.count = len(self.entities)
        self.last_read = self.entities[-1] if self.entities else None


def demonym_state(word: str, doc_id: str, entities: list):
    """The state a nationality word names (`Yunan` -> Yunanistan): the entity
    of the state's name, else the one state the document names whose name
    opens with the word (`Sovyet` -> `Sovyet Sosyalist Cumhuriyetler Birliği`,
    not `Sovyet Cumhuriyetleri` nor `Sovyet Hükümeti`)."""
    state = state_named(event_lexicon()["demonyms"].get(word, word), entities)
    if state is not None:
        return state
    found = [e for e in entities if e.kind in ("Organization", "Place") and e.label.split()[0] == word
             and is_state(e.label) and any(m.doc_id == doc_id for m in e.mentions)]
    return found[0] if len(found) == 1 else None


def state_entity(mention, entities: list, entity_of: dict):
    """The place of a state a treaty rule found (`state_parties`): the entity
    with its gazetteer key, else a new one labelled as the gazetteer names it."""

    key = mention.data
    if not isinstance(key, str):
        return None
    if not key.startswith("geonames:"):  # a nationality word standing for a state the gazetteer lacks
        entity = named_party(key, mention.doc_id, entities)
        if entity is not None:
            entity_of[mention] = entity
        return entity
    entity = next((e for e in entities if e.kind == "Place" and e.key == key), None)
    if entity is None:
        entity = finish(resolve_places([mention])[0], label=Gazetteer.load().info(key).label)
        entities.append(entity)
    entity_of[mention] = entity
    return entity


class Named:
    """The facts that name a treaty, indexed the ways `link_generic` looks for
    one: by document, by date, by the place they name, so that a
    generic phrase is linked without searching every named treaty of the corpus."""

    def __init__(self, facts: list[TreatyFact], entity_of: dict) -> None:
        self.facts = facts
        self.in_document: dict[str, list[TreatyFact]] = defaultdict(list)  # doc_id -> facts
        self.first_on: dict[str, int] = {}  # a date (EDTF) -> the first fact that dates its treaty so
        self.naming_place: dict[int, list[int]] = defaultdict(list)  # id(place) -> facts whose name holds it
        self.years: dict[int, set[int]] = defaultdict(set)  # id(treaty) -> years its facts give
        for index, fact in enumerate(facts):
            self.in_document[fact.doc_id].append(fact)
            for slot in fact.signed_on:
                self.first_on.setdefault(slot.mention.data.edtf, index)
                self.years[id(entity_of[fact.phrase])].add(slot.mention.data.earliest.year)
            place = entity_of.get(fact.name_place)
            if place is not None:
                self.naming_place[id(place)].append(index)


def link_generic(fact, named: Named, entity_of: dict):
    """The treaty a phrase such as `bir dostluk antlaşması` speaks of: the one
    just named (`bu pakt`), the one named after the place where it was signed
    (`Kars'ta`), the one signed the same day, or the one of the year that
    names it (`1925 antlaşması`)."""
    if fact.refers_back:
        before = [f for f in named.in_document[fact.doc_id]
                  if f.family == fact.family and 0 < fact.phrase.start - f.phrase.start < 3000]
        return entity_of[before[-1].phrase] if before else None
    days = {s.mention.data.edtf for s in fact.signed_on if s.mention.data.precision == "day"}
    same_day = [named.first_on[day] for day in days if day in named.first_on]
    if same_day:
        return entity_of[named.facts[min(same_day)].phrase]
    years = {s.mention.data.earliest.year for s in fact.signed_on}
    if fact.signed_on and all(s.mention.data.precision == "year" for s in fact.signed_on):
        # `1925 antlaşması`: the one treaty its document names that was signed that year (`Türk-Sovyet Paktı`)
        that_year = {id(entity_of[f.phrase]): entity_of[f.phrase] for f in named.in_document[fact.doc_id]
                     if named.years[id(entity_of[f.phrase])] == years}
        if len(that_year) == 1:
            return next(iter(that_year.values()))
    places = {id(entity_of.get(s.mention)) for s in fact.signed_at} - {id(None)}
    for index in sorted({index for place in places for index in named.naming_place[place]}):
        other = named.facts[index]
        if same_years(other, named, entity_of, years):
            return entity_of[other.phrase]
    return None


def same_years(treaty_fact, named: Named, entity_of: dict, years: set) -> bool:
    """No date any source gives the named treaty is of another year."""
    known = named.years[id(entity_of[treaty_fact.phrase])]
    return not years or not known or bool(years & known)


def new_treaty(fact, entity_of: dict):
    """A treaty the text names only by what it is and when it was signed."""
    words = [w for w in fact.phrase.text.split() if w not in ("bir", "yeni")]
    words[-1] = head_form(words[-1], compound=len(words) > 1)
    if words[0][:1].isupper():  # `Gürcü-Azeri müdafaa ittifakı` names itself
        label = " ".join(words)
    else:
        sides = [entity_of[s.mention].label for s in fact.signed_at + fact.parties + fact.signatories
                 if s.mention in entity_of]
        when = [fact.signed_on[0].mention.data.edtf] if fact.signed_on else []
        label = f"{' '.join(words)} ({', '.join(dict.fromkeys(sides + when))})"
    return finish(Entity("Treaty", f"phrase:{fact.doc_id}:{fact.phrase.start}", [fact.phrase]), label=label)


