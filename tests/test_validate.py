"""``main.py validate``: one line per problem, a summary, and exit codes 0, 1 and 2."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from game.validate import run

DECKS = Path(__file__).parent / "decks"
MINIMAL = DECKS / "valid" / "minimal"
INVALID = DECKS / "invalid"
LINE = re.compile(r"^[^:]+:\d+:\d+: (error|warning)\[[EW]\d{3}\]: \S.*$")


def validate(paths: list, lang: str = "en") -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    status = run([str(p) for p in paths], out, lang=lang, err=err)
    return status, out.getvalue().splitlines(), err.getvalue()


def test_a_valid_deck_exits_0() -> None:
    status, lines, err = validate([MINIMAL])
    assert (status, lines, err) == (0, ["0 errors, 0 warnings in 1 deck"], "")
    assert validate([MINIMAL], lang="nl")[1] == ["0 fouten, 0 waarschuwingen in 1 deck"]


def test_errors_exit_1_with_one_line_each_and_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    status, lines, _ = validate([INVALID / "e201_unknown_character"])
    assert status == 1
    assert lines == [
        "e201_unknown_character/deck.yaml:12:16: error[E201]: "
        "there is no character 'wethoudr' in this deck (did you mean 'wethouder'?)",
        "1 error, 0 warnings in 1 deck",
    ]


def test_every_problem_line_has_the_editor_format() -> None:
    status, lines, _ = validate([INVALID / "many_errors"])
    assert status == 1
    *problems, summary = lines
    assert len(problems) == 11 and all(LINE.match(line) for line in problems)
    assert summary == "11 errors, 0 warnings in 1 deck"


def test_summary_in_dutch(tmp_path: Path) -> None:
    deck = tmp_path / "deck"
    shutil.copytree(INVALID / "w002_no_term_ending", deck)
    text = (deck / "deck.yaml").read_text()
    (deck / "deck.yaml").write_text(text.replace("id: test", "id: Test").replace(
        "title: Een", "title: NO"))
    status, lines, _ = validate([deck], lang="nl")
    assert status == 1
    assert lines[-1] == "2 fouten, 1 waarschuwing in 1 deck"
    assert "warning[W002]" in lines[1]


def test_warnings_alone_exit_0() -> None:
    status, lines, _ = validate([INVALID / "w003_no_cards"])
    assert status == 0
    assert lines[-1] == "0 errors, 1 warning in 1 deck"


def test_a_path_that_does_not_exist_exits_2(tmp_path: Path) -> None:
    status, lines, err = validate([tmp_path / "nope", MINIMAL])
    assert status == 2
    assert "nope" in err and "does not exist" in err
    assert lines == ["0 errors, 0 warnings in 1 deck"]
    assert validate([tmp_path / "nope"])[:2] == (2, [])


def test_a_folder_of_decks_checks_each(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "a")
    shutil.copytree(INVALID / "w003_no_cards", tmp_path / "b")
    status, lines, _ = validate([tmp_path])
    assert status == 0
    assert lines[-1] == "0 errors, 1 warning in 2 decks"


def test_one_file_of_a_deck_is_judged_within_its_deck() -> None:
    case = INVALID / "many_errors"
    status, lines, _ = validate([case / "cards" / "kaarten.yaml"])
    assert status == 1
    assert all("kaarten.yaml" in line for line in lines[:-1]) and len(lines) == 5
    assert lines[-1] == "4 errors, 0 warnings in 1 file"
    # the deck file itself, whose follow-ups may point into other files
    status, lines, _ = validate([MINIMAL / "deck.yaml"])
    assert (status, lines) == (0, ["0 errors, 0 warnings in 1 file"])


def test_a_file_outside_any_deck_is_checked_as_a_card_file(tmp_path: Path) -> None:
    file = tmp_path / "los.yaml"
    file.write_text("cards:\n  - id: een\n    title: Een\n    text: x\n"
                    "    options: [{label: a}, {label: b}]\n    character: niemand\n")
    status, lines, _ = validate([file], lang="nl")
    assert (status, lines) == (0, ["0 fouten, 0 waarschuwingen in 1 bestand"])
    file.write_text("cards: {}\n")
    status, lines, _ = validate([file])
    assert status == 1 and "error[E103]" in lines[0]


def test_decks_and_files_together() -> None:
    status, lines, _ = validate([MINIMAL, MINIMAL / "cards" / "vervolg.yaml"], lang="nl")
    assert (status, lines[-1]) == (0, "0 fouten, 0 waarschuwingen in 1 deck en 1 bestand")
