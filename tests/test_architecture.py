"""The shape of the package: what ships with it, and which layer may import which."""

from __future__ import annotations

import ast
import fnmatch

import pytest

from conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11 and newer

GAME = ROOT / "game"


def _package_data() -> dict[str, list[str]]:
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
                    and isinstance(node.value, ast.Name) and node.value.id in imported):
                taken.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert taken == []


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")
