"""What the text-fit check (W201) measured is kept between runs, and never changes a verdict.

The second ``validate`` of an unchanged deck lays out no card; a changed card is laid out again,
and so is every card when the layout changes. The kept verdicts give exactly the diagnostics a
fresh layout gives. A damaged, unusable or refused cache file makes ``validate`` lay the cards
out as if it were empty, with the same output and no traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import DECKS, ROOT

from game.authoring.loader import load_deck
from game.ui.layout import fit, fit_layout
from game.ui.layout.fit_memory import FitMemory

OVERFLOWING = DECKS / "invalid" / "w201_text_overflow"


def _check(monkeypatch, folder, memory):
    """The W201 diagnostics of ``folder`` and how many cards were laid out for them."""
    result = load_deck(folder)
    laid_out = []
    real = fit_layout.laid_out
    monkeypatch.setattr(fit_layout, "laid_out",
                        lambda ts, deck, card, *rest: laid_out.append(card.id) or
                        real(ts, deck, card, *rest))
    found = fit.overflow_diagnostics(result.deck, result.files, "nl", memory)
    monkeypatch.undo()
    return found, laid_out


@pytest.fixture
def deck(tmp_path):
    folder = tmp_path / "deck"
    shutil.copytree(OVERFLOWING, folder)
    return folder


def test_a_second_run_lays_out_no_card_and_finds_the_same(monkeypatch, tmp_path, deck):
    fresh, laid_out = _check(monkeypatch, deck, None)
    assert len(fresh) == 7 and sorted(set(laid_out)) == ["kort", "lang", "workshop"]
    first, laid_first = _check(monkeypatch, deck, FitMemory(tmp_path / "fit.sqlite3", "a"))
    again, laid_again = _check(monkeypatch, deck, FitMemory(tmp_path / "fit.sqlite3", "a"))
    assert first == fresh and laid_first == laid_out
    assert again == fresh and laid_again == []


def test_a_changed_card_alone_is_laid_out_again(monkeypatch, tmp_path, deck):
    _check(monkeypatch, deck, FitMemory(tmp_path / "fit.sqlite3", "a"))
    file = deck / "deck.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace(
        "text: Deze kaart past.", "text: Deze kaart past ook na een wijziging."),
        encoding="utf-8")
    found, laid_out = _check(monkeypatch, deck, FitMemory(tmp_path / "fit.sqlite3", "a"))
    assert laid_out == ["kort"]
    assert found == _check(monkeypatch, deck, None)[0]


def test_a_changed_text_that_no_longer_fits_is_found(monkeypatch, tmp_path, deck):
    _check(monkeypatch, deck, FitMemory(tmp_path / "fit.sqlite3", "a"))
    file = deck / "deck.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace(
        "text: Deze kaart past.", "text: " + "Deze kaart past niet meer. " * 60),
        encoding="utf-8")
    found, _ = _check(monkeypatch, deck, FitMemory(tmp_path / "fit.sqlite3", "a"))
    assert len(found) == 8 and found == _check(monkeypatch, deck, None)[0]


def test_another_layout_lays_out_every_card_again(monkeypatch, tmp_path, deck):
    _check(monkeypatch, deck, FitMemory(tmp_path / "fit.sqlite3", "a"))
    found, laid_out = _check(monkeypatch, deck, FitMemory(tmp_path / "fit.sqlite3", "b"))
    assert sorted(set(laid_out)) == ["kort", "lang", "workshop"] and len(found) == 7


def _validate(folder, cache_home, *options):
    return subprocess.run(
        [sys.executable, "main.py", "validate", str(folder), *options], cwd=ROOT,
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "XDG_CACHE_HOME": str(cache_home)})


def test_the_command_keeps_its_verdicts_in_the_users_cache_folder(tmp_path, deck):
    first = _validate(deck, tmp_path / "data")
    assert (tmp_path / "data" / "dilemmaspel" / "fit.sqlite3").is_file()
    again = _validate(deck, tmp_path / "data")
    assert first.returncode == again.returncode == 0
    assert again.stdout == first.stdout and first.stdout.count("W201") == 7
    none = _validate(deck, tmp_path / "other", "--no-cache")
    assert none.stdout == first.stdout and not (tmp_path / "other").exists()


@pytest.mark.parametrize("damage", ["garbage", "a folder", "a file in the way"])
def test_an_unusable_cache_changes_nothing(tmp_path, deck, damage):
    expected = _validate(deck, tmp_path / "clean", "--no-cache")
    cache = tmp_path / "data" / "dilemmaspel"
    if damage == "garbage":
        cache.mkdir(parents=True)
        (cache / "fit.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    elif damage == "a folder":
        (cache / "fit.sqlite3").mkdir(parents=True)
    else:
        (tmp_path / "data").mkdir()
        cache.write_text("not a folder")
    for _ in range(2):
        run = _validate(deck, tmp_path / "data")
        assert (run.returncode, run.stdout) == (expected.returncode, expected.stdout)
        assert "Traceback" not in run.stderr and run.stderr == expected.stderr


PROBE = """
import sys
from game.cli.commands import main

status = main(["validate", sys.argv[1]])
print(status, "pygame" in sys.modules, "game.ui.layout.fit_layout" in sys.modules,
      file=sys.stderr)
"""


def test_checking_unchanged_cards_again_needs_no_layout_and_no_pygame(tmp_path, deck):
    def probe() -> str:
        done = subprocess.run([sys.executable, "-c", PROBE, str(deck)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
        return done.stderr.strip().splitlines()[-1]

    assert probe() == "0 True True", "the first run lays the cards out"
    assert probe() == "0 False False", "the second finds every card kept"
