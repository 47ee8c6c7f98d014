"""``main.py schema``: checked with the independent jsonschema package (Draft 2020-12).

Every bundled deck file validates against the schema, schema-level mistakes in the invalid test
decks fail it, and every field carries a description an editor can show.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DECKS, ROOT
from game.authoring.loader import discover_decks

jsonschema = pytest.importorskip("jsonschema")

BUNDLED = discover_decks(ROOT / "scenarios")
FOLDERS = BUNDLED + [DECKS / "valid" / "minimal", ROOT / "game" / "authoring" / "deck_template"]
DECK_FILES = [f for folder in FOLDERS
              for f in [folder / "deck.yaml", *sorted((folder / "cards").glob("*.yaml"))]]


@pytest.fixture(scope="module")
def validator():
    done = subprocess.run([sys.executable, "main.py", "schema"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    schema = json.loads(done.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def read(file: Path):
    return yaml.safe_load(file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("file", DECK_FILES, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_deck_files_validate(validator, file: Path) -> None:
    errors = [e.message for e in validator.iter_errors(read(file))]
    assert errors == []


@pytest.mark.parametrize("file", [
    "e101_missing_field/deck.yaml",  # a meter without label
    "e102_unknown_field/deck.yaml",  # tekst, efects
    "e103_wrong_type/deck.yaml",  # term: twelve
    "many_errors/cards/kaarten.yaml",  # a card without title, optons
])
def test_schema_mistakes_fail(validator, file: str) -> None:
    assert not validator.is_valid(read(DECKS / "invalid" / file))


def _properties(schema: dict):
    """(where, name, property schema) of every object property in the schema."""
    for name, definition in schema["$defs"].items():
        for prop, sub in definition.get("properties", {}).items():
            yield name, prop, sub


def test_every_field_has_a_description(validator) -> None:
    schema = validator.schema
    missing = [f"{where}.{prop}" for where, prop, sub in _properties(schema)
               if not sub.get("description", "").strip()]
    assert missing == []
    assert all(d.get("description") for d in schema["$defs"].values())
