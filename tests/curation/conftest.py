"""A corpus of two short articles written for the curation tests, built once
without a curation file, and a way to build it again with one."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from histkg.rdf.namespaces import DEFAULT_BASE

ARTICLE_A = """İsmet Paşa 1932 yılında Ankara'dan Moskova'ya gitti. İsmet Paşa Moskova'da Litvinov ile görüştü.

Türkiye ile Sovyet Rusya arasında 16 Mart 1921 tarihinde Moskova Antlaşması imzalandı. Antlaşmayı Yusuf Kemal Bey ve Çiçerin imzaladı.

Halil Paşa Erzurum'da kaldı. Halil Kut Paşa ise Bakü'ye gitti.
"""
ARTICLE_B = """İsmet İnönü 1933 yılında Ankara'da Voroşilov'u karşıladı. Kars Antlaşması 13 Ekim 1921 tarihinde Kars'ta Türkiye ile Gürcistan arasında imzalandı.

Ben o gün Ankara'daydım, diyordu Rıza Nur.
"""


def node(path: str) -> URIRef:
    return URIRef(DEFAULT_BASE + path)


@pytest.fixture(scope="session")
def curation_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("curation") / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def extraction_cache(tmp_path_factory) -> Path:
    """One cache for every build of the corpus: extraction runs once."""
    return tmp_path_factory.mktemp("curation-cache")


@pytest.fixture(scope="session")
def baseline(curation_corpus, extraction_cache) -> Dataset:
    from histkg.pipeline import build

    return build([curation_corpus], cache_dir=extraction_cache).dataset


@pytest.fixture
def build_with(curation_corpus, extraction_cache, tmp_path):
    """Build the corpus with a curation file of the given TOML; the BuildResult."""
    from histkg.pipeline import build

    def run(toml: str, out: Path | None = None):
        path = tmp_path / "curation.toml"
        path.write_text(toml, encoding="utf-8")
        return build([curation_corpus], out, cache_dir=extraction_cache, curation=path)

    return run
