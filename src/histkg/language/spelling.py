"""Spelling: ASCII folding, slugs, and how alike two spellings of a name are."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

TURKISH_ASCII = str.maketrans({"ı": "i", "İ": "I", "ş": "s", "Ş": "S", "ğ": "g", "Ğ": "G", "ç": "c", "Ç": "C",
                               "ö": "o", "Ö": "O", "ü": "u", "Ü": "U", "’": "'"})


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(TURKISH_ASCII))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-") or "x"


# Western transliterations of Russian and Turkish sounds, as Turkish writes them:
# `Tschitscherin` -> `Çiçerin`, `Boubnov` -> `Bubnov`, `Schahumi` -> `Şahumi`.
TRANSLITERATIONS = (("tsch", "ç"), ("tch", "ç"), ("sch", "ş"), ("ch", "ç"), ("sh", "ş"), ("zh", "j"),
                    ("ou", "u"), ("w", "v"), ("x", "ks"), ("iy", "i"), ("yi", "i"), ("ye", "e"), ("y", "i"))


def spelling_key(word: str) -> str:
    """One key for the spellings of one name: `Voroşilof`, `Voroşilov`,
    `Vorošilow`, `Molotoff` -> `vorosilov`, `molotov`."""
    word = ascii_fold(word).lower().replace("w", "v").replace("ff", "f")
    word = re.sub(r"(?:of|ow)$", "ov", word)
    word = re.sub(r"(?:evich|evitch|evic|evicz)$", "evic", word)
    word = re.sub(r"(?:ovich|ovitch|ovic|ovicz)$", "ovic", word)
    return re.sub(r"(.)\1", r"\1", word)


@cache  # merge_spellings compares every pair of names
def sound_key(word: str) -> str:
    """A coarser key for comparing spellings across transliterations."""
    word = word.lower()
    for western, turkish in TRANSLITERATIONS:
        word = word.replace(western, turkish)
    word = spelling_key(word)
    return re.sub(r"d$", "t", word)  # `Said`/`Sait`, `Ferid`/`Ferit`


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def similar_spelling(a: str, b: str, fuzzy: bool = True) -> bool:
    """Same name in two spellings: equal sound keys, or (with `fuzzy`) one or
    two letters apart in a long name (`Varoşilov`, `Vorolişoff`; `Bubrov`, `Bubnov`)."""
    a, b = sound_key(a), sound_key(b)
    if a == b:
        return True
    if not fuzzy:
        return False
    shortest = min(len(a), len(b))
    return a[0] == b[0] and shortest >= 6 and edit_distance(a, b) <= (1 if shortest < 8 else 2)


