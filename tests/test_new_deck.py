"""``main.py new DIR``: a commented example deck that validates without warnings and plays."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from game.format.models import (
    Aspect,
    Card,
    Character,
    Conditions,
    Ending,
    Meter,
    Option,
)
from game.authoring.editor_schema import deck_ids, editor_schemas
from game.authoring.loader import load_deck

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def main_py(*args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def new_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("decks") / "Ons Deck"
    done = main_py("new", str(folder))
    assert done.returncode == 0, done.stderr
    assert "validate" in done.stdout
    return folder


def test_it_writes_a_deck_a_card_file_and_their_schemas(new_deck: Path) -> None:
    names = sorted(p.relative_to(new_deck).as_posix() for p in new_deck.rglob("*") if p.is_file())
    assert names == ["cards.schema.json", "cards/kaarten.yaml", "deck.schema.json", "deck.yaml"]
    # the schemas know this deck: the same as 'schema DECK' writes
    wanted = editor_schemas(deck_ids(load_deck(new_deck).files, "nl"), "nl")
    for name, schema in wanted.items():
        assert json.loads((new_deck / name).read_text(encoding="utf-8")) == schema
    assert list(wanted["cards.schema.json"]["$defs"]["Option"]["properties"]["effects"]
                ["properties"]) == [m.id for m in load_deck(new_deck).deck.meters]
    first = {name: (new_deck / name).read_text().splitlines()[0]
             for name in ("deck.yaml", "cards/kaarten.yaml")}
    assert first == {"deck.yaml": "# yaml-language-server: $schema=deck.schema.json",
                     "cards/kaarten.yaml": "# yaml-language-server: $schema=../cards.schema.json"}


def test_schema_deck_refreshes_the_schemas_after_a_new_meter(new_deck: Path,
                                                             tmp_path: Path) -> None:
    import shutil

    deck = tmp_path / "deck"
    shutil.copytree(new_deck, deck)
    text = (deck / "deck.yaml").read_text(encoding="utf-8")
    text = text.replace("\nmeters:\n", "\nmeters:\n  - {id: vertrouwen, label: Vertrouwen}\n", 1)
    (deck / "deck.yaml").write_text(text, encoding="utf-8")
    done = main_py("schema", str(deck), "--out", str(deck))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(deck / "deck.schema.json"), str(deck / "cards.schema.json")]
    cards = json.loads((deck / "cards.schema.json").read_text(encoding="utf-8"))
    assert "vertrouwen" in cards["$defs"]["Option"]["properties"]["effects"]["properties"]


def test_the_deck_is_small_complete_and_in_two_languages(new_deck: Path) -> None:
    result = load_deck(new_deck)
    assert result.diagnostics == []
    deck = result.deck
    assert deck.id == "ons-deck"
    assert deck.languages == ["nl", "en"]
    cards = list(deck.cards.values())
    drawn = [c for c in cards if not c.follow_up_only]
    assert len(drawn) == 3 and all(2 <= len(c.options) <= 3 for c in cards)
    assert any(f for c in cards for o in c.options for f in o.follow_up)
    assert any(o.set_flags for c in cards for o in c.options)
    assert any(c.when.flags for c in cards)
    triggers = {e.trigger for e in deck.endings}
    assert triggers == {"collapse", "term"}


def test_every_field_is_explained_in_dutch(new_deck: Path) -> None:
    deck_lines = (new_deck / "deck.yaml").read_text().splitlines()
    for i, line in enumerate(deck_lines):
        if line[:1].isalpha():  # a top-level field: a comment right above it
            assert deck_lines[i - 1].startswith("#"), line
    explained = set()
    for file in ("deck.yaml", "cards/kaarten.yaml"):
        for line in (new_deck / file).read_text().splitlines():
            words = line.lstrip().split()[1:]
            if line.lstrip().startswith("#"):
                # "#   name  what it is" or "#   min, max  what they are"
                while words:
                    explained.add(words[0].strip(",:"))
                    if not words.pop(0).endswith(","):
                        break
    for model in (Meter, Aspect, Character, Ending, Card, Option, Conditions):
        missing = [f for f in model.model_fields if f not in explained]
        assert missing == [], model.__name__
    comments = "\n".join(deck_lines)
    assert "validate" in comments and "docs/errors.md" in comments


def test_it_validates_strictly(new_deck: Path) -> None:
    done = main_py("validate", "--strict", str(new_deck))
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip() == "0 fouten, 0 waarschuwingen in 1 deck"


def test_it_plays_a_whole_game_headless(new_deck: Path, tmp_path: Path) -> None:
    done = main_py("play", str(new_deck), "--headless", "--autoplay", "--seed", "1",
                   "--out", str(tmp_path / "out"), "--data-dir", str(tmp_path / "data"),
                   timeout=120)
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "out" / "session.json").read_text(encoding="utf-8"))
    assert record["finished"] and record["end_reason"] in ("term", "collapse")


def test_it_refuses_a_folder_that_is_in_use(tmp_path: Path) -> None:
    used = tmp_path / "bezet"
    used.mkdir()
    (used / "notities.txt").write_text("van iemand anders")
    done = main_py("new", str(used), "--lang", "en")
    assert done.returncode == 2
    assert "already exists" in done.stderr and "nothing was written" in done.stderr
    assert sorted(p.name for p in used.iterdir()) == ["notities.txt"]
    a_file = tmp_path / "bestand"
    a_file.write_text("x")
    assert main_py("new", str(a_file)).returncode == 2


def test_an_empty_folder_is_fine(tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert main_py("new", str(empty)).returncode == 0
    assert load_deck(empty).ok
