"""Watching a session that another process plays: a read-only view that follows the journal.

The main test runs a real game in another process and a window in this one on the same
journal: the title offers to watch the session (not to resume it), the watching screen follows
the game as it goes, says when its owner is gone, and nothing pressed there writes to the
journal.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from conftest import ROOT
from journalpoll import wait_for_decisions
from uihelpers import click, key, make_app
from game.table.following import SessionFollower
from game.table.journal import FILE_NAME, Journal

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
DECK = ROOT / "scenarios" / "digitaal-leiderschap"


def journal_rows(data: Path) -> list[tuple]:
    """Every event and session row of the journal under ``data``, in order."""
    db = sqlite3.connect(f"{(data / FILE_NAME).as_uri()}?mode=ro", uri=True)
    try:
        return (db.execute("SELECT * FROM events ORDER BY id").fetchall()
                + db.execute("SELECT * FROM sessions ORDER BY id").fetchall())
    finally:
        db.close()


@pytest.mark.skipif(sys.platform == "win32", reason="needs kill -9")
def test_a_second_window_watches_a_game_another_process_plays(tmp_path):
    data = tmp_path / "data"
    owner = subprocess.Popen(
        [sys.executable, "main.py", "play", str(DECK), "--headless", "--autoplay", "--seed", "3",
         "--step-delay", "0.4", "--data-dir", str(data), "--out", str(tmp_path / "out")],
        cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for_decisions(data, 1, owner), "the slow game ended before it was watched"
        app = make_app(tmp_path, deck=None)
        title = app.scene
        assert title.prompt().kind == "start"
        assert title.button("resume") is None, "a session played elsewhere is not resumed"
        watch = title.button("watch")
        assert watch is not None, "the title offers to watch it"
        assert title.button("start") is not None, "or to start a new game"
        click(app, watch.rect.center)
        assert app.scene.shot_name == "watch" and app.match is None
        first = app.scene.view
        assert first is not None and first.owner_present and not first.over
        assert first.decisions >= 1 and first.round >= 1
        assert app.scene.lines()[0].startswith("Digitaal leiderschap"), "the deck, by its title"

        assert wait_for_decisions(data, first.decisions + 2, owner), "the game ended too soon"
        app.update(1.0)  # the next read of the journal
        app.render()
        later = app.scene.view
        assert later.decisions >= first.decisions + 2, "the view follows the game"
        assert later.round > first.round
        assert later.teams[0].meters.keys() == first.teams[0].meters.keys()
    finally:
        owner.send_signal(signal.SIGKILL)
        owner.wait(timeout=10)

    app.update(1.0)
    app.render()
    assert not app.scene.view.owner_present
    assert app.scene.status() == app.t("watch.owner_gone")
    before = journal_rows(data)
    for k, text in ((pygame.K_1, "1"), (pygame.K_RETURN, "\r"), (pygame.K_u, "u"),
                    (pygame.K_SPACE, " ")):
        key(app, k, text)
        if app.scene.shot_name != "watch":
            break
    app.update(2.0)
    assert journal_rows(data) == before, "watching never writes to the journal"
    assert app.scene.shot_name == "title", "the only way out is back to the title"
    assert app.scene.button("resume") is not None, "the owner is gone: now it can be resumed"
    app.close()


def test_the_journal_is_read_about_once_a_second(tmp_path):
    journal = Journal.open(tmp_path)
    try:
        session = journal.start({"deck_id": "d", "deck_hash": "h", "seed": 1, "round": 2, "meters": {"a": 5},
                                 "phase": "card", "current": "c1", "history": []},
                                "deck", "nl")
        follower = SessionFollower(journal, session)
        assert follower.reads == 1 and follower.last.card == "c1"
        for _ in range(9):
            assert follower.advance(0.1) is None
        assert follower.reads == 1, "no read before a second has passed"
        assert follower.advance(0.2) is None, "read, and nothing changed"
        assert follower.reads == 2
        journal.record(session, "decide", {"card": "c1"},
                       {"deck_id": "d", "deck_hash": "h", "seed": 1, "round": 3, "meters": {"a": 9}, "phase": "card",
                        "current": "c2", "history": [{}]})
        seen = follower.advance(1.0)
        assert seen is not None and seen.round == 3 and seen.card == "c2"
        assert seen.teams[0].meters == {"a": 9} and seen.decisions == 1
    finally:
        journal.close()
