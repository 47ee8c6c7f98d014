"""``main.py schema [DECK]``: the editor schemas, checked with the independent jsonschema package
(Draft 2020-12).

Every bundled deck's files validate against the schemas built for that deck (deck.yaml against
the deck schema, each card file against the card schema); the mistakes an editor should mark
fail at their own place; every field is named, explained and shown by example in the author's
language, never by the format's internal names.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DECKS, ROOT
from game.authoring.editor_schema import CARDS_SCHEMA, DECK_SCHEMA, deck_ids, editor_schemas
from game.authoring.loader import discover_decks, load_deck
from game.format import models as fmt
from game.language.catalog import load_catalog

jsonschema = pytest.importorskip("jsonschema")

FOLDERS = discover_decks(ROOT / "scenarios") + [
    DECKS / "valid" / "minimal", ROOT / "game" / "authoring" / "deck_template",
    ROOT / "docs" / "voorbeeld-deck"]
MINIMAL = DECKS / "valid" / "minimal"


def read(file: Path):
    return yaml.safe_load(file.read_text(encoding="utf-8"))


def validators(folder: Path | None, lang: str = "nl") -> dict[str, object]:
    ids = None if folder is None else deck_ids(load_deck(folder).files, lang)
    out = {}
    for name, schema in editor_schemas(ids, lang).items():
        jsonschema.Draft202012Validator.check_schema(schema)
        out[name] = jsonschema.Draft202012Validator(schema)
    return out


def messages(validator, data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_every_file_of_a_bundled_deck_validates_clean(folder: Path) -> None:
    for schemas in (validators(folder), validators(None, "en")):
        assert messages(schemas[DECK_SCHEMA], read(folder / "deck.yaml")) == []
        for file in sorted((folder / "cards").glob("*.yaml")):
            assert messages(schemas[CARDS_SCHEMA], read(file)) == [], file.name


def card_file(effects: str, extra: str = "") -> dict:
    return yaml.safe_load(f"""\
cards:
  - id: een
    character: wethouder
    title: Een
    text: Een kaart.
    options:
      - label: Ja
        effects: {effects}{extra}
      - label: Nee
        effects: {{capaciteit: 5}}
""")


def test_a_misspelled_meter_id_fails_at_its_place() -> None:
    cards = validators(MINIMAL)[CARDS_SCHEMA]
    assert messages(cards, card_file("{legitimiteit: -5}")) == []
    [error] = cards.iter_errors(card_file("{legitimitiet: -5}"))
    assert list(error.absolute_path) == ["cards", 0, "options", 0, "effects"]
    assert "legitimitiet" in error.message
    # the generic schema cannot know the deck's meters; a deck's schema can
    assert messages(validators(None)[CARDS_SCHEMA], card_file("{legitimitiet: -5}")) == []


def test_a_card_file_is_not_asked_for_deck_fields() -> None:
    cards = validators(MINIMAL)[CARDS_SCHEMA]
    errors = list(cards.iter_errors(card_file("{legitimitiet: -5}")))
    assert all(list(e.absolute_path) for e in errors), "nothing is missing at the top"
    assert validators(MINIMAL)[DECK_SCHEMA].is_valid(read(MINIMAL / "deck.yaml"))
    assert not cards.is_valid(read(MINIMAL / "deck.yaml")), "a deck file is not a card file"


@pytest.mark.parametrize("extra, where", [
    ("\n        outcome: Yes", ["cards", 0, "options", 0, "outcome"]),  # read as yes/no
    ("\n        outcome: 2024", ["cards", 0, "options", 0, "outcome"]),  # read as a number
    ("\n        outcome: {nl: Ja, en: No}", ["cards", 0, "options", 0, "outcome"]),
])
def test_yaml_pitfalls_in_texts_fail_at_their_place(extra: str, where: list) -> None:
    cards = validators(MINIMAL)[CARDS_SCHEMA]
    errors = list(cards.iter_errors(card_file("{legitimiteit: -5}", extra)))
    assert errors and all(list(e.absolute_path)[:len(where)] == where for e in errors)
    text = next(e for e in errors if list(e.absolute_path) == where).schema
    assert "aanhalingstekens" in text["errorMessage"]


def test_the_deck_ids_are_known() -> None:
    schema = editor_schemas(deck_ids(load_deck(MINIMAL).files, "nl"), "nl")[CARDS_SCHEMA]
    card = schema["$defs"]["Card"]["properties"]
    assert card["character"]["anyOf"][0]["enum"] == ["wethouder"]
    assert card["aspects"]["items"]["enum"] == ["4a"]
    assert schema["$defs"]["FollowUp"]["properties"]["card"]["enum"] == ["scanauto", "krant"]
    effects = schema["$defs"]["Option"]["properties"]["effects"]
    assert effects["properties"]["capaciteit"]["title"] == "Capaciteit"
    assert effects["additionalProperties"] is False
    flags = schema["$defs"]["Conditions"]["properties"]["flags"]["items"]["enum"]
    assert flags == ["scanauto_afval"]


#: Names that are Dutch words as well as names in code.
DUTCH_TOO = {"Id", "Meter", "Meters", "Context"}


def _internal_names() -> set[str]:
    """The names the format's models and fields have in code ("Effects", "FollowUp", ...)."""
    models = [m for m in vars(fmt).values()
              if isinstance(m, type) and issubclass(m, fmt.Model) and m is not fmt.Model]
    names = {m.__name__ for m in models}
    names |= {f.replace("_", " ").title() for m in models for f in m.model_fields}
    return names


def _titles(schema) -> list[str]:
    found, stack = [], [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("title"), str):
                found.append(node["title"])
            stack += [v for k, v in node.items() if k not in ("examples", "enum", "default")]
        elif isinstance(node, list):
            stack += node
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_field_is_named_explained_and_shown_in_the_authors_language(lang: str) -> None:
    words = load_catalog(lang)
    allowed = {text for key, text in words.section("schema").items() if key.endswith("title")}
    for name, schema in editor_schemas(deck_ids(load_deck(MINIMAL).files, lang), lang).items():
        for model, definition in [("", schema), *schema["$defs"].items()]:
            assert definition["description"].strip(), (name, model)
            for prop, sub in definition.get("properties", {}).items():
                assert sub["description"].strip() and sub["examples"], (model, prop)
                # each example is a right value for its field
                check = {"$defs": schema["$defs"], **{k: v for k, v in sub.items()
                                                      if k != "examples"}}
                for example in sub["examples"]:
                    assert jsonschema.Draft202012Validator(check).is_valid(example), \
                        (model, prop, example)
        meter_labels = {"Legitimiteit", "Capaciteit", "Legitimacy", "Capacity"}
        titles = set(_titles(schema))
        assert titles <= allowed | meter_labels, titles - allowed - meter_labels
        if lang == "nl":
            assert not titles & (_internal_names() - DUTCH_TOO), \
                titles & _internal_names()


def test_the_command_writes_both_schemas(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "main.py", "schema", str(MINIMAL), "--out",
                           str(tmp_path), "--lang", "en"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(tmp_path / DECK_SCHEMA), str(tmp_path / CARDS_SCHEMA)]
    deck = json.loads((tmp_path / DECK_SCHEMA).read_text(encoding="utf-8"))
    assert deck["title"] == "Deck file (deck.yaml)"
    assert deck == editor_schemas(deck_ids(load_deck(MINIMAL).files, "en"), "en")[DECK_SCHEMA]
    done = subprocess.run([sys.executable, "main.py", "schema", str(tmp_path / "nope")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "is geen deckmap" in done.stderr  # the locale's language
