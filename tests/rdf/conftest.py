"""The SHACL engines every shape and validation test runs with."""

from __future__ import annotations

import pytest

from histkg.rdf import rudof
from histkg.rdf import validate as validate_module

# rudof as it validates a large graph: the rest of the graph in parts of a
# node or two each (rdf.rudof.rest_parts), so that every shape test shows the
# parts find what the whole graph has.
IN_PARTS = "rudof, in parts"


@pytest.fixture(params=[*sorted(validate_module.ENGINES), IN_PARTS])
def engine(request, monkeypatch):
    """Every test runs with each SHACL engine: they must find the same. The engine's name."""
    name = request.param
    if name == IN_PARTS:
        name = "rudof"
        monkeypatch.setattr(rudof, "PART_STATEMENTS", 1)
    monkeypatch.setattr(validate_module, "DEFAULT_ENGINE", name)
    return name
