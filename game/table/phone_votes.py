"""Votes from phones, on disk before a phone hears they were counted.

The phone server runs in its own thread, so it writes through its own connection to the same
journal file (WAL mode lets the game's connection and this one write in turn). One row per
device per card: a phone that changes its vote replaces its row, so a resumed workshop finds
each device's last acknowledged vote and nothing else.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from game.table.journal import JournalError, now

_SCHEMA = """
CREATE TABLE IF NOT EXISTS phone_votes (
    session_id INTEGER NOT NULL,
    round INTEGER NOT NULL,
    card TEXT NOT NULL,
    device TEXT NOT NULL,
    team INTEGER NOT NULL,
    option TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (session_id, round, card, device)
);
"""


@dataclass(frozen=True)
class PhoneVote:
    device: str
    team: int
    option: str


class VoteLedger:
    """The phone votes of one workshop session, in the journal file at ``path``."""

    def __init__(self, path: Path, session_id: int):
        self.session_id = session_id
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(path, isolation_level=None, timeout=5,
                                       check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise JournalError(f"cannot keep phone votes in {path}: {exc}") from exc

    def record(self, round_: int, card: str, vote: PhoneVote) -> None:
        """Keep ``vote`` as this device's vote on the card; JournalError when it cannot be
        written (the phone is then told its vote was not counted)."""
        with self._lock:
            try:
                self._db.execute(
                    "INSERT OR REPLACE INTO phone_votes"
                    " (session_id, round, card, device, team, option, at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (self.session_id, round_, card, vote.device, vote.team, vote.option, now()))
            except sqlite3.Error as exc:
                raise JournalError(str(exc)) from exc

    def votes(self, round_: int, card: str) -> list[PhoneVote]:
        """Every device's last vote on this card, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT device, team, option FROM phone_votes"
                " WHERE session_id = ? AND round = ? AND card = ? ORDER BY at, rowid",
                (self.session_id, round_, card)).fetchall()
        return [PhoneVote(str(d), int(t), str(o)) for d, t, o in rows]

    def devices(self) -> int:
        """How many devices voted in this session at all."""
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(DISTINCT device) FROM phone_votes WHERE session_id = ?",
                (self.session_id,)).fetchone()
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()
