"""The session journal: a real sqlite file, as the game writes it."""

from __future__ import annotations

import sqlite3

import pytest

from game.table.journal import FILE_NAME, SCHEMA_VERSION, Journal, JournalError
from game.table.match import Match


def test_journal_settings(tmp_path):
    journal = Journal.open(tmp_path)
    journal.close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_synchronous_full_on_the_game_connection(tmp_path):
    journal = Journal.open(tmp_path)
    assert journal._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    journal.close()


def test_every_decision_is_on_disk_when_choose_returns(engine_deck, tmp_path):
    journal = Journal.open(tmp_path)
    match = Match.start(engine_deck, "deck", "nl", journal, seed=4)
    card = match.session.current_card
    match.choose(card.options[1].id, votes=[2, 5])
    # A second, independent connection sees the decision: it was committed, not buffered.
    other = sqlite3.connect(tmp_path / FILE_NAME)
    kind, payload = other.execute(
        "SELECT kind, payload FROM events ORDER BY id DESC LIMIT 1").fetchone()
    assert kind == "decide"
    assert card.id in payload and card.options[1].id in payload and "[2, 5]" in payload
    journal.close()


def test_undo_is_journalled_and_resume_continues_at_the_same_card(engine_deck, tmp_path):
    journal = Journal.open(tmp_path)
    match = Match.start(engine_deck, "deck", "nl", journal, seed=9)
    match.choose(match.session.current_card.options[0].id)
    match.advance()
    second = match.session.current_card.id
    match.choose(match.session.current_card.options[0].id)
    match.undo()
    journal.close()
    match.release()  # the process is gone: the operating system lets go of its session

    journal = Journal.open(tmp_path)
    saved = journal.latest_unfinished()
    resumed, notices = Match.resume(engine_deck, saved, journal)
    assert notices == []
    assert resumed.session.current_card.id == second
    assert resumed.session.decisions == 1
    assert [kind for kind, _ in journal.events(saved.id)] == ["start", "decide", "decide", "undo"]
    journal.close()


def test_starting_anew_never_overwrites_an_unfinished_session(engine_deck, tmp_path):
    journal = Journal.open(tmp_path)
    old = Match.start(engine_deck, "deck", "nl", journal, seed=1)
    old.choose(old.session.current_card.options[0].id)
    Match.start(engine_deck, "deck", "nl", journal, seed=2)
    sessions = journal.sessions()
    assert len(sessions) == 2
    kept = journal.session(old.session_id)
    assert kept.status == "active" and kept.decisions == 1
    old.abandon()
    assert journal.session(old.session_id).status == "abandoned"
    journal.close()


def test_a_journal_from_a_newer_version_is_refused(tmp_path):
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(JournalError):
        Journal.open(tmp_path)


def test_an_unusable_data_folder_is_a_journal_error(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(JournalError):
        Journal.open(blocker)


def test_the_game_plays_on_when_the_journal_breaks(engine_deck, tmp_path):
    journal = Journal.open(tmp_path)
    match = Match.start(engine_deck, "deck", "nl", journal, seed=1)
    journal.close()  # every later write fails
    match.choose(match.session.current_card.options[0].id)
    assert match.warning
    assert match.session.decisions == 1
