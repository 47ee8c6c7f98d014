"""A session has one owner at a time: a second process (another window) never plays it along.

The owner holds an operating-system lock (game/table/ownership.py), so a killed owner lets go
of it at once. The main test runs real processes against one journal: a slow game, a second
``--resume`` while it runs, and a third ``--resume`` after the first was killed with kill -9.
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
from game.language.catalog import load_catalog
from game.table.journal import FILE_NAME, Journal
from game.table.ownership import SessionLock

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
DECK = ROOT / "scenarios" / "digitaal-leiderschap"


def play(data: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "main.py", "play", "--headless", "--autoplay", "--data-dir",
            str(data), "--out", str(out), *extra]


def journal_events(data: Path) -> list[tuple[int, str, str | None]]:
    """(session, kind, card) of every event in the journal, in order."""
    db = sqlite3.connect(f"{(data / FILE_NAME).as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("SELECT session_id, kind, json_extract(payload, '$.card') "
                          "FROM events ORDER BY id").fetchall()
    finally:
        db.close()


@pytest.mark.skipif(sys.platform == "win32", reason="needs kill -9")
def test_a_second_process_leaves_a_running_session_alone_until_its_owner_dies(tmp_path):
    data = tmp_path / "data"
    first = subprocess.Popen(play(data, tmp_path / "first", str(DECK), "--step-delay", "0.5",
                                  "--seed", "3"),
                             cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        assert wait_for_decisions(data, 1, first), "the slow game ended before a second came"
        second = subprocess.run(play(data, tmp_path / "second", "--resume"), cwd=ROOT, env=ENV,
                                capture_output=True, text=True, timeout=60)
        assert first.poll() is None, "the first game must still run while the second tries"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    catalog = load_catalog("nl")
    assert second.returncode == 1
    assert catalog.t("notice.open_elsewhere") in second.stderr, second.stderr
    assert "Traceback" not in second.stderr
    before = journal_events(data)
    assert {s for s, _, _ in before} == {1}, "the second process started no session either"
    cards = [c for _, kind, c in before if kind == "decide"]
    assert len(cards) == len(set(cards)), f"a card decided twice: {cards}"
    assert not any(kind == "end" for _, kind, _ in before)

    # The kill took the lock with it: a third process resumes the session and finishes it.
    third = subprocess.run(play(data, tmp_path / "third", "--resume"), cwd=ROOT, env=ENV,
                           capture_output=True, text=True, timeout=120)
    assert third.returncode == 0, third.stderr
    after = journal_events(data)
    assert after[:len(before)] == before
    assert {s for s, _, _ in after} == {1}, "the third process resumed, it did not start anew"
    cards = [c for _, kind, c in after if kind == "decide"]
    assert len(cards) == len(set(cards)), f"a card decided twice: {cards}"
    assert [kind for _, kind, _ in after].count("end") == 1
    journal = Journal.open(data)
    try:
        saved = journal.session(1)
        assert saved.status == "finished" and saved.decisions == len(cards)
    finally:
        journal.close()
    assert not (data / "locks" / "session-1.lock").exists(), "a finished session's lock is gone"


def test_the_lock_is_taken_once_and_given_back(tmp_path):
    mine, theirs = SessionLock(tmp_path, 4), SessionLock(tmp_path, 4)
    assert mine.acquire() and mine.held
    assert not theirs.acquire() and theirs.held_elsewhere()
    assert not mine.held_elsewhere(), "its own holder does not see it as held elsewhere"
    assert SessionLock(tmp_path, 5).acquire(), "another session has its own lock"
    mine.release()
    assert not theirs.held_elsewhere() and theirs.acquire()
    theirs.release(finished=True)
    assert not theirs.path.exists()


def unfinished_session(tmp_path) -> int:
    """Play one decision of the demo deck in a window, close it; the session's id."""
    app = make_app(tmp_path)
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    session = app.match.session_id
    app.close()
    return session


def test_a_window_does_not_resume_a_session_open_in_another(tmp_path):
    from game.ui.start.title import TitleScene

    session = unfinished_session(tmp_path)
    other = SessionLock(tmp_path / "data", session)  # another window plays it
    assert other.acquire()
    try:
        app = make_app(tmp_path, deck=None, resume=True)
        assert isinstance(app.scene, TitleScene) and app.match is None
        assert app.notices == [app.t("notice.open_elsewhere")]
        assert app.scene.saved is None and app.scene.button("resume") is None
        assert app.scene.button("start") is not None, "a new game can start here"
        app.close()
    finally:
        other.release()
    app = make_app(tmp_path, deck=None)  # the other window closed: now it is offered
    assert app.scene.saved is not None and app.scene.saved.id == session
    assert other.acquire(), "another window resumes it first"
    try:
        click(app, app.scene.button("resume").rect.center)
        assert isinstance(app.scene, TitleScene) and app.match is None
        assert app.notices == [app.t("notice.open_elsewhere")]
        assert app.scene.button("resume") is None, "the title no longer offers it"
    finally:
        other.release()
    app.close()


def test_a_window_lets_go_of_its_session_when_it_leaves_the_table(tmp_path):
    app = make_app(tmp_path)
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    lock = SessionLock(tmp_path / "data", app.match.session_id)
    assert lock.held_elsewhere(), "the window owns the session it plays"
    app.to_title()
    assert not lock.held_elsewhere()
    app.close()


def test_the_message_reads_in_both_languages():
    nl, en = load_catalog("nl").t("notice.open_elsewhere"), load_catalog("en").t("notice.open_elsewhere")
    assert "ander venster" in nl and "nieuw spel" in nl
    assert "another window" in en and "new game" in en


def test_a_workshop_has_one_owner_too(tmp_path):
    from game.authoring.loader import load_deck
    from game.table.ownership import SessionHeldElsewhere
    from game.table.workshop_match import WorkshopMatch
    from uihelpers import DEMO

    deck = load_deck(DEMO).deck
    journal = Journal.open(tmp_path)
    try:
        playing = WorkshopMatch.start(deck, str(DEMO), "nl", ["Noord", "Zuid"], journal, seed=3)
        saved = journal.session(playing.session_id)
        with pytest.raises(SessionHeldElsewhere):
            WorkshopMatch.resume(deck, saved, journal)
        playing.release()
        resumed, _ = WorkshopMatch.resume(deck, saved, journal)
        assert resumed.lock is not None and resumed.lock.held
        resumed.release()
    finally:
        journal.close()
