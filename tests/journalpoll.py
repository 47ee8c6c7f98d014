"""Waiting for a running game to journal its decisions, for the kill -9 tests.

A kill is tied to what the journal holds, never to the clock: on a busy machine a game can take
many seconds to reach its first decision. The journal is read through a read-only connection
(the game keeps it in WAL mode, so reading never blocks its writes).
"""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from game.table.journal import FILE_NAME

#: How long a game may take to journal the decision a test waits for.
TIMEOUT = 60.0


def decisions_in_journal(data: Path) -> int:
    """The decisions (``decide`` events, of every session) in the journal under ``data``; 0 while
    there is no journal yet."""
    path = Path(data) / FILE_NAME
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return 0
    try:
        return db.execute("SELECT count(*) FROM events WHERE kind = 'decide'").fetchone()[0]
    except sqlite3.Error:  # created but no tables yet, or busy for a moment
        return 0
    finally:
        db.close()


def wait_for_decisions(data: Path, count: int, process: subprocess.Popen,
                       timeout: float = TIMEOUT) -> bool:
    """Wait until the journal holds at least ``count`` decisions. False when ``process`` ended
    first (the game was over); fails the test, after killing the process, when neither happens
    within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if decisions_in_journal(data) >= count:
            return True
        if process.poll() is not None:
            return False
        if time.monotonic() > deadline:
            process.kill()
            process.wait(timeout=10)
            pytest.fail(f"the game journalled {decisions_in_journal(data)} decisions, not "
                        f"{count}, within {timeout:g} s (a machine this busy cannot run the "
                        "kill test)")
        time.sleep(0.02)
