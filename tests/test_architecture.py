"""The shape of the package: what ships with it, and which layer may import which."""

from __future__ import annotations

import ast
import fnmatch
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GAME = ROOT / "game"


def _package_data() -> dict[str, list[str]]:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and newer
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["package-data"]


def test_every_data_file_in_the_package_ships_with_it():
    globs = _package_data()
    data_files = [path for path in GAME.rglob("*")
                  if path.is_file() and path.suffix not in {".py", ".pyc"}
                  and "__pycache__" not in path.parts]
    assert len(data_files) >= 5  # the two catalogs, the deck template, the report template
    unshipped = []
    for path in data_files:
        shipped = False
        for package, patterns in globs.items():
            folder = GAME.parent.joinpath(*package.split("."))
            if folder in path.parents:
                relative = path.relative_to(folder).as_posix()
                shipped = shipped or any(fnmatch.fnmatchcase(relative, p) for p in patterns)
        if not shipped:
            unshipped.append(path.relative_to(ROOT).as_posix())
    assert unshipped == []


#: Names of the standard library that are public despite their underscore (documented).
DOCUMENTED = {"os._exit"}


def test_no_module_takes_private_names_from_another():
    """No ``from x import _name`` and no ``imported._name``: what another module needs is
    public where it belongs."""
    taken = []
    for path in sorted(GAME.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    imported.add((alias.asname or alias.name).split(".")[0])
                    if isinstance(node, ast.ImportFrom) and _private(alias.name):
                        taken.append(f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}")
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and _private(node.attr)
                    and isinstance(node.value, ast.Name) and node.value.id in imported
                    and ast.unparse(node) not in DOCUMENTED):
                taken.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert taken == []


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


# ---------------------------------------------------------------------- the import graph
#: The layers, and the layers each may import (besides itself), as docs/architecture.md says:
#: data flows one way, from the deck format up to the command line; the screen (ui) sits
#: beside reports and balance and is started by the command line alone.
ALLOWED = {
    "game.language": set(),
    "game.format": {"game.language"},
    "game.authoring": {"game.format", "game.language"},
    "game.rules": {"game.format", "game.language"},
    "game.table": {"game.rules", "game.format", "game.language"},
    "game.reports": {"game.table", "game.rules", "game.format", "game.language"},
    "game.balance": {"game.authoring", "game.rules", "game.format", "game.language"},
    "game.phones": {"game.table", "game.rules", "game.format", "game.language"},
    "game.ui": {"game.phones", "game.reports", "game.table", "game.rules", "game.authoring",
                "game.format", "game.language"},
    "game.cli": {"game.ui", "game.phones", "game.balance", "game.reports", "game.table",
                 "game.rules", "game.authoring", "game.format", "game.language"},
}
LAYERS = list(ALLOWED)
#: Scene base classes that other scenes build on; every other scene module is a leaf.
SCENE_BASES = {"game.ui.scene", "game.ui.workshop.screen"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in GAME.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str) -> list[tuple[str, list[str], int]]:
    """Every import in module ``name``, wherever it stands (inside functions and ``if``
    blocks too): (module imported, names taken from it, line)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            names = [alias.name for alias in node.names]
            found.append((base, names, node.lineno))
            # ``from package import module`` imports the module too
            found += [(f"{base}.{n}", [], node.lineno) for n in names if f"{base}.{n}" in MODULES]
    return found


def _graph() -> dict[str, set[str]]:
    return {name: {target for target, _, _ in _imports(name)
                   if target in MODULES and target != name}
            for name in MODULES}


def _layer(name: str) -> str | None:
    return next((layer for layer in LAYERS if name == layer or name.startswith(layer + ".")),
                None)


def test_the_graph_is_read_from_the_source():
    graph = _graph()
    assert "game.rules.session" in graph["game.table.match"]
    assert "game.ui.router" in graph["game.ui.stack"]


def test_there_is_no_import_circle_anywhere():
    graph = _graph()
    circles = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                circles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_a_layer_imports_only_layers_below_it():
    wrong = []
    for name in MODULES:
        own = _layer(name)
        for target, _, line in _imports(name):
            other = _layer(target)
            if other is None or other == own or own is None:
                continue
            if other not in ALLOWED[own]:
                wrong.append(f"{name}:{line} imports {target}")
    assert wrong == []


def test_at_most_six_modules_lie_flat_in_the_package():
    flat = [p.name for p in GAME.glob("*.py")]
    assert len(flat) <= 6, flat
    assert set(_layer(name) for name in MODULES if name != "game") <= set(LAYERS)


def test_scenes_do_not_import_each_other():
    scenes = {target for target, _, _ in _imports("game.ui.router")
              if target.startswith("game.ui.") and target in MODULES} - SCENE_BASES \
        - {"game.ui.routes"}
    assert len(scenes) >= 12
    graph = _graph()
    wrong = {name: sorted(graph[name] & scenes) for name in scenes if graph[name] & scenes}
    assert wrong == {}
    # only the router (and the table it serves) reach the scenes
    users = {name for name in MODULES if graph[name] & scenes} - {"game.ui.router"}
    assert users == set()


def test_only_the_command_line_imports_the_screen():
    graph = _graph()
    wrong = {name: sorted(t for t in graph[name] if t.startswith("game.ui"))
             for name in MODULES if not name.startswith(("game.ui", "game.cli"))}
    assert {k: v for k, v in wrong.items() if v} == {}


def test_everything_below_the_screen_imports_without_pygame():
    below = sorted(name for name in MODULES if not name.startswith(("game.ui", "game.cli")))
    code = ("import sys\nsys.modules['pygame'] = None\n"
            + "".join(f"import {name}\n" for name in below)
            + "print(len(sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
