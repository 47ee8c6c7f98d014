"""``main.py validate``: each problem located and explained, a summary, exit codes 0, 1 and 2."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
import types
from pathlib import Path

import pytest

from game.authoring.diagnostics import Diagnostic
from game.authoring.validate import run

DECKS = Path(__file__).parent / "decks"
MINIMAL = DECKS / "valid" / "minimal"
INVALID = DECKS / "invalid"
LINE = re.compile(r"^[^:]+:\d+:\d+: (error|warning)\[[EW]\d{3}\]: \S.*$")


def validate(paths: list, lang: str = "en", **options) -> tuple[int, list[str], str]:
    """The exit status, the problem lines and the summary (without source excerpts), stderr."""
    status, text, err = validate_text(paths, lang, **options)
    lines = [line for line in text.splitlines() if line and not line.startswith(" ")]
    return status, lines, err


def validate_text(paths: list, lang: str = "en", **options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run([str(p) for p in paths], out, lang=lang, err=err, **options)
    return status, out.getvalue(), err.getvalue()


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
    assert all(LINE.match(line) for line in lines[:-1])
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


# -- explained like a compiler ----------------------------------------------------------------


def test_a_problem_shows_its_source_line_a_caret_and_its_hint(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    status, text, _ = validate_text([INVALID / "e201_unknown_character"], lang="nl")
    assert status == 1
    assert text == (
        "e201_unknown_character/deck.yaml:12:16: error[E201]: "
        "er is geen personage 'wethoudr' in dit deck (bedoel je 'wethouder'?)\n"
        "   12 |     character: wethoudr\n"
        "      |                ^\n"
        "\n"
        "1 fout, 0 waarschuwingen in 1 deck\n"
    )


@pytest.mark.parametrize("case, lang, first, hint", [
    ("e104_invalid_value", "en", "deck.yaml:7:49: error[E104]",
     "allowed: min, max, both, none"),
    ("e103_wrong_type", "en", "deck.yaml:4:7: error[E103]", "for example: term: 12"),
    ("e103_wrong_type", "nl", "deck.yaml:16:32: error[E103]", "bijvoorbeeld: set_flags: [klaar]"),
    ("e101_missing_field", "en", "deck.yaml:9:5: error[E101]", "add for example: title: ..."),
    ("one_mistake_one_message", "en", "deck.yaml:20:32: error[E103]",
     "for example: follow_up: {card: een}"),
    ("w102_unreachable_card", "en", "deck.yaml:52:21: warning[W102]",
     "add 'follow_up: {card: vergeten}' to an option, or remove 'follow_up_only: true'"),
])
def test_hints_say_what_to_write(monkeypatch: pytest.MonkeyPatch, case: str, lang: str,
                                 first: str, hint: str) -> None:
    monkeypatch.chdir(INVALID / case)
    _, text, _ = validate_text(["."], lang=lang)
    block = next(b for b in text.split("\n\n") if b.startswith(first))
    assert f"   = hint: {hint}" in block.splitlines()


def test_a_hint_on_the_first_line_is_not_repeated_below(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID / "e102_unknown_field")
    _, text, _ = validate_text(["."], lang="nl")
    block = next(b for b in text.split("\n\n") if b.startswith("deck.yaml:12:5: error[E102]"))
    assert block.splitlines()[0].endswith("(bedoel je 'text'?)")
    assert "= hint: bedoel je 'text'?" not in block


def test_the_caret_stands_under_the_column(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    _, text, _ = validate_text(["many_errors"])
    lines = text.splitlines()
    checked = 0
    for i, line in enumerate(lines):
        if LINE.match(line) and i + 2 < len(lines) and lines[i + 2].lstrip().startswith("|"):
            col = int(line.split(":")[2])
            source, caret = lines[i + 1], lines[i + 2]
            assert caret.index("^") - caret.index("|") == col + 1, line
            assert source.index("|") == caret.index("|")
            checked += 1
    # many_errors/expected.txt lists 11 problems, each shown with its source line
    assert checked == 11, text


def test_a_tab_before_the_column_is_kept_under_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID / "e002_yaml_syntax")
    _, text, _ = validate_text(["."])
    assert "    3 | \ttitle: Twee\n      | ^\n" in text


def test_a_long_line_is_cut_around_the_column(tmp_path: Path) -> None:
    deck = tmp_path / "deck"
    shutil.copytree(INVALID / "e201_unknown_character", deck)
    text = (deck / "deck.yaml").read_text()
    padding = "x" * 150
    (deck / "deck.yaml").write_text(text.replace(
        "    title: Een\n", f"    title: Een {padding}\n    text2: {padding}\n", 1))
    _, out, _ = validate_text([deck])
    block = next(b for b in out.split("\n\n") if "[E102]" in b)
    source, caret = block.splitlines()[1:3]
    assert len(source) < 120 and source.endswith("...")
    assert source[caret.index("^"):].startswith("text2")


def test_json_output_is_one_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    status, text, _ = validate_text(["e201_unknown_character", "w003_no_cards"], lang="nl",
                                    output="json")
    assert status == 1
    report = json.loads(text)
    assert report["diagnostics"] == [
        {"file": "e201_unknown_character/deck.yaml", "line": 12, "col": 16, "code": "E201",
         "name": "unknown-character", "severity": "error",
         "message": "er is geen personage 'wethoudr' in dit deck",
         "hint": "bedoel je 'wethouder'?"},
        {"file": "w003_no_cards/deck.yaml", "line": 1, "col": 1, "code": "W003",
         "name": "no-cards", "severity": "warning", "message": "dit deck heeft geen kaarten",
         "hint": ""},
    ]
    assert report["summary"] == {"errors": 1, "warnings": 1, "decks": 2, "files": 0,
                                 "text": "1 fout, 1 waarschuwing in 2 decks"}


def test_json_output_with_a_missing_path_keeps_stdout_clean(tmp_path: Path) -> None:
    status, text, err = validate_text([tmp_path / "nope", MINIMAL], output="json")
    assert status == 2 and "nope" in err
    assert json.loads(text)["summary"]["errors"] == 0


def test_strict_makes_warnings_fail() -> None:
    assert validate([INVALID / "w003_no_cards"])[0] == 0
    assert validate([INVALID / "w003_no_cards"], strict=True)[0] == 1
    assert validate([MINIMAL], strict=True)[0] == 0
    assert validate([INVALID / "e201_unknown_character"], strict=True)[0] == 1


def test_the_command_line_prints_json_and_nothing_else(tmp_path: Path) -> None:
    import subprocess

    root = Path(__file__).parent.parent
    done = subprocess.run([sys.executable, "main.py", "validate", "--format", "json", "--strict",
                           str(INVALID / "w101_dominated_option")], cwd=root,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert {d["code"] for d in report["diagnostics"]} == {"W101"}


# -- the deck check the command line passes: the table's text-overflow check ------------------


def _fake_fit(calls: list):
    def overflow_diagnostics(deck, deck_files, lang="nl", memory=None):
        calls.append((deck.id, [doc.file.name for doc in deck_files], lang))
        doc = deck_files[0]
        return [Diagnostic("W201", "too long", doc.file, *doc.position(("title",)))]

    return overflow_diagnostics


def test_the_deck_check_is_asked_about_a_deck_without_errors() -> None:
    calls: list = []
    check = _fake_fit(calls)
    status, lines, _ = validate([MINIMAL], deck_check=check)
    assert calls == [("minimaal", ["deck.yaml", "vervolg.yaml"], "en")]
    assert status == 0 and "warning[W201]: too long" in lines[0]
    assert lines[-1] == "0 errors, 1 warning in 1 deck"
    validate([INVALID / "e201_unknown_character"], deck_check=check)
    assert len(calls) == 1, "a deck with errors is not measured"
    status, lines, _ = validate([MINIMAL / "cards" / "vervolg.yaml"], deck_check=check)
    assert lines == ["0 errors, 0 warnings in 1 file"], "only the file's own problems"


def test_without_a_deck_check_there_is_no_text_overflow_check() -> None:
    assert validate([INVALID / "w201_text_overflow"], strict=True)[1] == \
        ["0 errors, 0 warnings in 1 deck"]


def test_the_command_line_passes_the_tables_fit_check(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from game.cli.commands import main

    calls: list = []
    module = types.ModuleType("game.ui.layout.fit")
    module.overflow_diagnostics = _fake_fit(calls)
    monkeypatch.setitem(sys.modules, "game.ui.layout.fit", module)
    assert main(["validate", "--lang", "en", str(MINIMAL)]) == 0
    assert calls == [("minimaal", ["deck.yaml", "vervolg.yaml"], "en")]
    assert "warning[W201]: too long" in capsys.readouterr().out


def test_without_the_table_the_command_line_checks_without_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from game.cli.commands import main

    monkeypatch.setitem(sys.modules, "game.ui.layout.fit", None)  # importing it fails
    assert main(["validate", "--lang", "en", str(MINIMAL)]) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings in 1 deck\n"
