"""All spaCy registrations of histkg in one place, with versioned names
(as spaCy's own `pipeline/factories.py`). spaCy forbids dots in factory names
(error E853), so a component is `histkg_dates_v1`; registry callbacks keep the
dotted `histkg.tokenizer_rules.v1`."""

from __future__ import annotations

from spacy.language import Language
from spacy.util import registry

from histkg.mentions.dates import DateTagger
from histkg.mentions.organizations import OrganizationDetector
from histkg.mentions.persons import PersonDetector
from histkg.mentions.places import PlaceGazetteer
from histkg.mentions.spans import SpanResolver, split_at_note_marks, tokenizer_rules
from histkg.mentions.treaties import TreatyDetector


@registry.callbacks("histkg.tokenizer_rules.v1")
def make_tokenizer_rules():
    return tokenizer_rules


Language.component("histkg_note_marks_v1", func=split_at_note_marks)


@Language.factory("histkg_dates_v1")
def make_dates(nlp: Language, name: str) -> DateTagger:
    return DateTagger(name)


@Language.factory("histkg_persons_v1", default_config={
    "lexicon": "names.json", "given_names": ["given-names.txt", "given-names-zemberek.txt"], "max_name_tokens": 3})
def make_persons(nlp: Language, name: str, lexicon: str, given_names: list[str], max_name_tokens: int) -> PersonDetector:
    return PersonDetector(name, lexicon=lexicon, given_names=given_names, max_name_tokens=max_name_tokens)


@Language.factory("histkg_places_v1", default_config={
    "lexicon": "places.json", "min_city_population": 15000, "max_tokens": 3})
def make_places(nlp: Language, name: str, lexicon: str, min_city_population: int, max_tokens: int) -> PlaceGazetteer:
    return PlaceGazetteer(name, lexicon=lexicon, min_city_population=min_city_population, max_tokens=max_tokens)


@Language.factory("histkg_treaties_v1", default_config={"lexicon": "treaties.json", "max_tokens": 8})
def make_treaties(nlp: Language, name: str, lexicon: str, max_tokens: int) -> TreatyDetector:
    return TreatyDetector(name, lexicon=lexicon, max_tokens=max_tokens)


@Language.factory("histkg_organizations_v1", default_config={"lexicon": "organizations.json", "max_tokens": 4})
def make_organizations(nlp: Language, name: str, lexicon: str, max_tokens: int) -> OrganizationDetector:
    return OrganizationDetector(name, lexicon=lexicon, max_tokens=max_tokens)


@Language.factory("histkg_resolve_spans_v1")
def make_resolver(nlp: Language, name: str) -> SpanResolver:
    return SpanResolver(name)
