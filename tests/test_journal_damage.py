"""A journal that survives damage: a bad value, a damaged file, a lost write-ahead log.

Every test damages a real sqlite journal the way a disk, a copy or an editor could, and then
drives the journal and the command line as a facilitator would.
"""

from __future__ import annotations

import shutil
import sqlite3
import os
import subprocess
import sys

from conftest import ROOT
from game.table.journal import FILE_NAME, Journal, JournalError
from game.table.match import Match


def play_to_end(deck, journal, seed=3) -> int:
    match = Match.start(deck, "deck", "nl", journal, seed=seed)
    while not match.session.is_over:
        match.choose(match.session.current_card.options[0].id)
        match.advance()
    return match.session_id


def run_cli(*args: str):
    """The command line in an English locale, so it answers in English."""
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "LANG": "en_US.UTF-8"})


def test_one_damaged_value_leaves_the_other_sessions_usable(engine_deck, tmp_path):
    journal = Journal.open(tmp_path)
    first = play_to_end(engine_deck, journal, seed=1)
    second = Match.start(engine_deck, "deck", "nl", journal, seed=2).session_id
    third = Match.start(engine_deck, "deck", "nl", journal, seed=3).session_id
    journal.close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute("UPDATE sessions SET state = '{\"phase\": ' WHERE id = ?", (third,))
    db.execute("UPDATE events SET payload = 'nul' WHERE session_id = ?", (first,))
    db.commit()
    db.close()

    journal = Journal.open(tmp_path)
    listed = {s.id: s.damaged for s in journal.sessions()}
    assert listed == {first: False, second: False, third: True}
    # the newest unfinished session is damaged: the one before it is offered instead
    assert journal.latest_unfinished().id == second
    try:
        journal.events(first)
    except JournalError as exc:
        assert f"session {first} is damaged" in str(exc)
    else:
        raise AssertionError("a damaged event must be said")
    journal.close()

    done = run_cli("sessions", "--data-dir", str(tmp_path))
    assert done.returncode == 0 and "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert any(line.split()[0] == str(third) and "damaged" in line for line in lines[2:])
    assert any(line.split()[0] == str(second) and "active" in line for line in lines[2:])
    done = run_cli("report", str(third), "--out", str(tmp_path / "r"), "--data-dir",
                   str(tmp_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"session {third} is damaged" in done.stderr


def test_a_damaged_file_is_put_aside_and_a_fresh_journal_started(engine_deck, tmp_path):
    journal = Journal.open(tmp_path)
    play_to_end(engine_deck, journal)
    journal.close()
    path = tmp_path / FILE_NAME
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xde\xad\xbe\xef" * 1024  # a page of rubbish in the middle
    path.write_bytes(bytes(data))

    journal = Journal.open(tmp_path)
    assert journal.recovered is not None and journal.recovered.is_file()
    assert journal.recovered.read_bytes() == bytes(data)  # the damaged copy, untouched
    assert journal.sessions() == []
    assert play_to_end(engine_deck, journal) == 1  # the fresh journal works
    journal.close()


def test_a_file_that_is_no_database_at_all_is_put_aside_from_the_command_line(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"this is not a journal\n" * 200)
    done = run_cli("sessions", "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "was damaged" in done.stderr and "journal.damaged-" in done.stderr
    assert "no sessions" in done.stdout
    assert len(list(tmp_path.glob("journal.damaged-*.sqlite3"))) == 1


def test_a_finished_game_survives_the_loss_of_the_write_ahead_log(engine_deck, tmp_path):
    journal = Journal.open(tmp_path)
    finished = play_to_end(engine_deck, journal)
    # the process is killed here: no close; only the main file is copied, the -wal is lost
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(tmp_path / FILE_NAME, copy / FILE_NAME)
    journal.close()
    again = Journal.open(copy)
    saved = again.session(finished)
    assert saved is not None and saved.status == "finished" and not saved.damaged
    again.close()


def test_closing_checkpoints_an_unfinished_game(engine_deck, tmp_path):
    journal = Journal.open(tmp_path)
    match = Match.start(engine_deck, "deck", "nl", journal, seed=5)
    match.choose(match.session.current_card.options[0].id)
    journal.close()
    wal = tmp_path / (FILE_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_resume_says_plainly_when_there_is_nothing_to_resume(tmp_path):
    done = run_cli("play", "--headless", "--autoplay", "--resume", "--seed", "1",
                   "--data-dir", str(tmp_path / "data"), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "There is no unfinished session to resume." in done.stderr \
        or "Er is geen onderbroken sessie om te hervatten." in done.stderr


def test_command_line_ids_are_ascii_digits_in_range_and_paths_are_not_empty(tmp_path):
    Journal.open(tmp_path).close()
    for bad in ("99999999999999999999999999", "\u0661", "0", "-1", "1e3"):
        done = run_cli("report", bad, "--out", str(tmp_path / "r"), "--data-dir", str(tmp_path))
        assert done.returncode == 2, (bad, done.stderr)
        assert "Traceback" not in done.stderr and "usage:" in done.stderr
    done = run_cli("report", "1", "--out", "", "--data-dir", str(tmp_path))
    assert done.returncode == 2 and "empty path" in done.stderr
    done = run_cli("schema", "--out", "")
    assert done.returncode == 2 and "empty path" in done.stderr
