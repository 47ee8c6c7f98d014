"""The shape of the package: what ships with it, and which layer may import which."""

from __future__ import annotations

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
