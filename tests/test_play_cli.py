"""play from the command line, exactly as facilitators and players type it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

#: The command line in an English locale: it answers in English.
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
       "LANG": "en_US.UTF-8"}


def test_teams_imply_a_workshop_and_autoplay_writes_the_three_reports(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "main.py", "play", "--headless", "--autoplay",
                           "--teams", "3", "--seed", "8", "--out", str(out),
                           "--data-dir", str(tmp_path / "data")],
                          cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert {p.name for p in out.iterdir()} == {"report.html", "report.json", "decisions.csv"}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["teams"]) == 3
    rows = (out / "decisions.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) - 1 == sum(len(team["decisions"]) for team in report["teams"])


def test_workshop_options_are_checked_before_a_window_opens(tmp_path):
    def play(*args):
        return subprocess.run([sys.executable, "main.py", "play", *args], cwd=ROOT, env=ENV,
                              capture_output=True, text=True, timeout=60)

    assert play("--teams", "7").returncode == 2
    wrong = play("--teams", "2", "--team-names", "Rood,Blauw,Groen")
    assert wrong.returncode == 2 and "2 teams but 3 names" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_without_a_screen_the_game_says_so_instead_of_running_unseen(tmp_path):
    import pytest

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER", "SDL_AUDIODRIVER")}
    try:
        done = subprocess.run([sys.executable, "main.py", "play", "--data-dir",
                               str(tmp_path / "data")], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.skip("this machine has a screen SDL can open a window on")
    assert done.returncode == 1
    assert "--headless" in done.stderr and "Traceback" not in done.stderr


def test_autoplay_of_a_preview_starts_at_the_card_asked_for(tmp_path):
    """``play DECK --card ID --headless --autoplay`` plays on from that card, as a window does."""
    deck = ROOT / "scenarios" / "digitaal-leiderschap"
    done = subprocess.run([sys.executable, "main.py", "play", str(deck), "--card", "citrix-lek",
                           "--headless", "--autoplay", "--seed", "2", "--data-dir",
                           str(tmp_path / "data"), "--out", str(tmp_path / "out")],
                          cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "out" / "session.json").read_text(encoding="utf-8"))
    assert record["rounds"][0]["card"] == "citrix-lek"
    assert len(record["rounds"]) >= 2, "and the game goes on after it"
