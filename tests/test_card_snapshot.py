"""``play DECK --card ID --headless --screenshots DIR [--option N]``: a picture of one card (and
of one option's outcome) for its author, then the run ends; options that cannot work together
are refused before any window opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from uihelpers import DEMO, ROOT


def _play(*args: str, data: Path) -> subprocess.CompletedProcess:
    """``play DEMO ARGS`` in a run whose messages are English (the locale's language)."""
    return subprocess.run([sys.executable, "main.py", "play", str(DEMO), "--data-dir", str(data),
                           *args], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "",
                               "LC_MESSAGES": ""})


def test_a_card_and_its_outcome_are_saved_and_the_run_ends(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    done = _play("--card", "robot", "--headless", "--screenshots", str(shots), "--option", "2",
                 "--meters", "legitimiteit=30", "--size", "1920x1080", data=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    card, outcome = shots / "card-robot.png", shots / "card-robot-option-2.png"
    assert done.stdout.split() == [str(card), str(outcome)]
    pictures = [pygame.image.load(str(p)) for p in (card, outcome)]
    assert [p.get_size() for p in pictures] == [(1920, 1080)] * 2
    assert pygame.image.tobytes(pictures[0], "RGB") != pygame.image.tobytes(pictures[1], "RGB")


def test_without_an_option_only_the_card_is_saved(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    done = _play("--card", "lang", "--headless", "--screenshots", str(shots), data=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in shots.iterdir()) == ["card-lang.png"]


@pytest.mark.parametrize("args, says", [
    (["--option", "1", "--headless", "--screenshots", "x"], "--option goes with --card"),
    (["--card", "robot", "--option", "1", "--headless", "--autoplay"],
     "--option and --autoplay do not go together"),
    (["--card", "robot", "--option", "1"], "--option goes with --headless and --screenshots"),
    (["--card", "robot", "--headless"], "--card with --headless needs --screenshots DIR"),
    (["--screenshots", "x"], "--screenshots goes with --autoplay, or with --card and --headless"),
    (["--step-delay", "1"], "--step-delay goes with --autoplay"),
    (["--card", "robot", "--headless", "--screenshots", "x", "--option", "9"],
     "card 'robot' has 2 options; --option takes 1 to 2"),
])
def test_options_that_cannot_work_together_are_refused(tmp_path: Path, args: list[str],
                                                       says: str) -> None:
    done = _play(*[str(tmp_path / a) if a == "x" else a for a in args], data=tmp_path / "data")
    assert done.returncode == 2, done.stderr
    assert says in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x").exists() and not (tmp_path / "data").exists()


def test_autoplay_from_a_card_keeps_its_flags_and_meters(tmp_path: Path) -> None:
    import json

    deck = ROOT / "docs" / "voorbeeld-deck"
    done = subprocess.run([sys.executable, "main.py", "play", str(deck), "--card",
                           "storm-in-het-weekend", "--flags", "piket-afgesproken", "--meters",
                           "energie=30", "--headless", "--autoplay", "--seed", "3", "--out",
                           str(tmp_path / "out"), "--data-dir", str(tmp_path / "data")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    first = json.loads((tmp_path / "out" / "session.json").read_text())["rounds"][0]
    assert first["card"] == "storm-in-het-weekend"
    assert first["meters_before"]["energie"] == 30
    assert "piket-afgesproken" in first["flags"]
