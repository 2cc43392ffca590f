"""Shared fixtures: one build of the seeds per test session (it takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    from histkg.pipeline import build

    out = tmp_path_factory.mktemp("out")
    return build([SEEDS], out), out


@pytest.fixture(scope="session")
def nlp():
    from histkg.mentions.extract import build_nlp

    return build_nlp()


@pytest.fixture
def small_corpus(tmp_path):
    """Two short articles written for the tests: names no lexicon lists."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Tahsin Rıfat Paşa 12 Mart 1922 tarihinde Trabzon'dan Batum'a geçti. "
        "Orada Yoldaş Petrovski ile görüştü.\n\n"
        "Grigoriy Aleksandroviç Petrovski'nin raporu Karlofça Antlaşması'nı hatırlatıyordu.\n",
        encoding="utf-8")
    (folder / "b.txt").write_text(
        "Petrovski 1923 yılında Ankara'ya geldi ve Halk Fırkası ile temas kurdu.\n", encoding="utf-8")
    return folder
