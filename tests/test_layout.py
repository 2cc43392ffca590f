"""The house: one subpackage per stage, each importing only from the stages
before it, no import circles (imports inside functions count), few modules at
the top. The checks read the source with `ast`; they import nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "histkg"
# The data flow, in order: a module may import from its own stage and the ones before it.
STAGES = ("language", "text", "mentions", "facts", "resolve", "rdf", "curation", "export", "query", "evaluate")
# The command line imports its commands' modules when a command runs, so that
# `histkg --version` does not load spaCy; these imports still count as edges.
LAZY_IMPORTS_ALLOWED = {"histkg.cli"}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path, modules: set[str]):
    """(imported module, line, at module level?) for every histkg import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    package = root.name
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}:{node.lineno}: relative import; write `from {package}.… import`")
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == package:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            targets = [name if name in modules else node.module for name in names]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names if alias.name.split(".")[0] == package]
        else:
            continue
        for target in targets:
            while target not in modules and "." in target:
                target = target.rsplit(".", 1)[0]
            yield target, node.lineno, id(node) in top_level


def import_graph(root: Path) -> tuple[nx.DiGraph, list[str]]:
    """Modules as nodes, imports as edges; and the imports found inside functions."""
    files = {module_name(p, root): p for p in root.rglob("*.py")}
    graph, hidden = nx.DiGraph(), []
    graph.add_nodes_from(files)
    for module, path in files.items():
        for target, line, at_top in imports(path, root, set(files)):
            if target != module and target != root.name:
                graph.add_edge(module, target)
            if not at_top and module not in LAZY_IMPORTS_ALLOWED:
                hidden.append(f"{module}:{line} imports {target} inside a function")
    return graph, hidden


def stage_of(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def test_no_import_circles_between_histkg_modules():
    graph, _ = import_graph(SRC)
    assert list(nx.simple_cycles(graph)) == []


def test_no_histkg_import_hides_inside_a_function():
    _, hidden = import_graph(SRC)
    assert hidden == []


def test_every_stage_imports_only_from_the_stages_before_it():
    graph, _ = import_graph(SRC)
    later = [f"{a} -> {b}" for a, b in graph.edges
             if stage_of(a) is not None and stage_of(b) is not None and stage_of(b) > stage_of(a)]
    assert later == []


def test_the_stages_import_nothing_from_the_top_level_modules():
    graph, _ = import_graph(SRC)
    upward = [f"{a} -> {b}" for a, b in graph.edges if stage_of(a) is not None and stage_of(b) is None]
    assert upward == []


def test_at_most_eight_modules_stay_at_the_top():
    assert len(list(SRC.glob("*.py"))) <= 8


def test_every_stage_is_a_subpackage_that_says_what_it_takes_and_gives():
    for stage in STAGES:
        init = SRC / stage / "__init__.py"
        assert init.is_file(), stage
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and "Public face" in docstring, stage


def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


@pytest.mark.parametrize("b_text", [
    "from pkg.one.a import f\n",
    "def g():\n    from pkg.one.a import f\n    return f\n",  # a circle dodged inside a function is still a circle
])
def test_the_check_finds_a_circle_written_either_way(tmp_path, b_text):
    package = write_package(tmp_path, {"__init__.py": "", "one/__init__.py": "", "one/a.py": "from pkg.two.b import g\n",
                                       "two/__init__.py": "", "two/b.py": b_text})
    graph, _ = import_graph(package)
    assert list(nx.simple_cycles(graph)) != []


def test_the_check_finds_an_import_inside_a_function(tmp_path):
    package = write_package(tmp_path, {"__init__.py": "", "a.py": "def f():\n    from pkg.b import g\n", "b.py": ""})
    assert import_graph(package)[1] == ["pkg.a:2 imports pkg.b inside a function"]
