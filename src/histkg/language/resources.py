"""Where histkg finds its data folders: the ontology and the SHACL shapes.

Both folders live at the repository root (`ontology/`, `shapes/`), next to `src/`,
because they are knowledge that scholars read and edit, not code. An editable
install (`pip install -e .`, what the Makefile does) finds them through `ROOT`;
anything else (a wheel, a test that wants other shapes) points at them with
the environment variables `HISTKG_ONTOLOGY` and `HISTKG_SHAPES`.
"""

from __future__ import annotations

import os
from pathlib import Path

# src/histkg/language/resources.py -> parents[1] is src/histkg, [2] is src, [3] the repository.
ROOT = Path(__file__).resolve().parents[3]

ONTOLOGY_ENV = "HISTKG_ONTOLOGY"
SHAPES_ENV = "HISTKG_SHAPES"


def _dir_from_env(variable: str, default: Path) -> Path:
    value = os.environ.get(variable)
    return Path(value).expanduser().resolve() if value else default


def ontology_dir() -> Path:
    """The folder holding histkg.ttl and the authority files (`$HISTKG_ONTOLOGY` if set)."""
    return _dir_from_env(ONTOLOGY_ENV, ROOT / "ontology")


def shapes_dir() -> Path:
    """The folder holding the SHACL shapes (`$HISTKG_SHAPES` if set)."""
    return _dir_from_env(SHAPES_ENV, ROOT / "shapes")


def ontology_file(name: str) -> Path:
    """A file of the ontology folder, e.g. `ontology_file("histkg.ttl")`.

    Raises FileNotFoundError naming the folder searched, so a user who moved
    the data sees where histkg looked (and which variable to set).
    """
    path = ontology_dir() / name
    if not path.is_file():
        raise FileNotFoundError(f"{name} not found in {path.parent} (set {ONTOLOGY_ENV} to the ontology folder)")
    return path


def shapes_file(name: str = "histkg-shapes.ttl") -> Path:
    """A file of the shapes folder; raises FileNotFoundError as `ontology_file` does."""
    path = shapes_dir() / name
    if not path.is_file():
        raise FileNotFoundError(f"{name} not found in {path.parent} (set {SHAPES_ENV} to the shapes folder)")
    return path
