"""Every deck shipped in scenarios/ loads without problems and plays a whole game headless."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from game.authoring.loader import discover_decks, load_deck

BUNDLED = discover_decks(ROOT / "scenarios")
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def test_there_are_bundled_decks():
    assert any(folder.name == "digitaal-leiderschap" for folder in BUNDLED)


@pytest.mark.parametrize("folder", BUNDLED, ids=[f.name for f in BUNDLED])
def test_bundled_deck_has_no_errors_or_warnings(folder):
    result = load_deck(folder)
    assert result.diagnostics == [], "\n".join(d.format() for d in result.diagnostics)


@pytest.mark.parametrize("folder", BUNDLED, ids=[f.name for f in BUNDLED])
def test_bundled_deck_autoplays_a_whole_game(folder, tmp_path):
    shots = tmp_path / "shots"
    subprocess.run([sys.executable, "main.py", "play", str(folder), "--headless", "--autoplay",
                    "--seed", "4", "--out", str(tmp_path), "--screenshots", str(shots),
                    "--data-dir", str(tmp_path / "data")], cwd=ROOT, env=ENV, check=True,
                   timeout=120)
    record = json.loads((tmp_path / "session.json").read_text(encoding="utf-8"))
    deck = load_deck(folder).deck
    assert record["deck"] == {"id": deck.id, "hash": deck.content_hash}
    assert record["finished"] and record["end_reason"] in ("term", "collapse", "exhausted")
    assert [r["round"] for r in record["rounds"]] == list(range(1, len(record["rounds"]) + 1))
    for before, after in zip(record["rounds"], record["rounds"][1:]):
        assert after["meters_before"] == before["meters_after"]
    names = sorted(p.name for p in shots.iterdir())
    assert names[0] == "001-title.png" and names[-1].endswith("-end.png")
    assert len(names) == 2 + 2 * len(record["rounds"])
