"""The session journal: every confirmed decision, on disk before the screen moves on.

A stdlib sqlite3 database in the user's data folder, in WAL mode with ``synchronous=FULL``, one
transaction per decision. Each event row carries the whole session state after it, so resuming
never needs to replay anything, and a killed process loses at most a decision that was not yet
confirmed. The schema version lives in ``PRAGMA user_version``.

A journal must survive damage. On opening it is checked (``PRAGMA quick_check``); a damaged
file is moved aside, kept for whoever wants to look into it, and a fresh journal is started, so
the game still starts. A row whose state cannot be read is listed as damaged, and the other
sessions stay usable. At the end of every game and on closing, the write-ahead log is
checkpointed into the main file, so a lost ``-wal`` file loses nothing that was finished.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any


SCHEMA_VERSION = 1
FILE_NAME = "journal.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deck_id TEXT NOT NULL,
    deck_path TEXT NOT NULL,
    deck_hash TEXT NOT NULL,
    seed INTEGER NOT NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'finished', 'abandoned')),
    state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_session ON events(session_id, id);
"""
#: The columns of a sessions row, in the order of :class:`SavedSession`'s fields.
_SESSION_COLUMNS = "id, created, updated, deck_id, deck_path, deck_hash, seed, lang, status, state"


class JournalError(Exception):
    """The journal could not be written (disk full, read-only folder, damaged file)."""


@dataclass(frozen=True)
class SavedSession:
    id: int
    created: str
    updated: str
    deck_id: str
    deck_path: str
    deck_hash: str
    seed: int
    lang: str
    status: str
    state: dict[str, Any]
    #: The row's state could not be read (a damaged value): listed, never resumed or reported.
    damaged: bool = False

    @property
    def is_workshop(self) -> bool:
        # The rules' saved forms are imported when a saved session is first looked at, not
        # with the journal: the title screen opens the journal, often with nothing to resume.
        from game.rules.state import is_workshop

        return is_workshop(self.state)

    @property
    def decisions(self) -> int:
        """Decisions made: a game's own, or every team's in a workshop."""
        if self.is_workshop:
            return sum(len(team.get("history", [])) for team in self.state.get("teams", []))
        return len(self.state.get("history", []))


def now() -> str:
    """The time now in UTC, to the second, as ISO 8601: how the journal and the files written
    from it say when something happened."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Journal:
    """One journal file. Open it with :meth:`open`; close it when the game ends."""

    def __init__(self, connection: sqlite3.Connection, path: Path,
                 recovered: Path | None = None):
        self._db = connection
        self.path = path
        #: Where a damaged journal found on opening was put aside (None: it was sound).
        self.recovered = recovered

    @classmethod
    def open(cls, folder: Path) -> "Journal":
        """Open (or create) the journal in ``folder``; a damaged one is put aside, see above."""
        path = Path(folder) / FILE_NAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                return cls(_connect(path), path)
            except _Damaged:
                aside = _put_aside(path)
                return cls(_connect(path), path, recovered=aside)
        except _Damaged as exc:
            raise JournalError(f"cannot open the journal at {path}: {exc}") from exc
        except (sqlite3.Error, OSError) as exc:
            raise JournalError(f"cannot open the journal at {path}: {exc}") from exc

    def close(self) -> None:
        self.checkpoint()
        self._db.close()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the main file and empty it.

        Done at the end of every game and on closing: what is finished no longer depends on
        the ``-wal`` file beside the journal. A failure here loses nothing (the log stays).
        """
        try:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass

    # --------------------------------------------------------------------- writing
    def start(self, state: dict[str, Any], deck_path: str, lang: str) -> int:
        """A new session row (older unfinished sessions are left untouched)."""
        at, text = now(), json.dumps(state)
        with self._write():
            cursor = self._db.execute(
                "INSERT INTO sessions (created, updated, deck_id, deck_path, deck_hash, seed, lang,"
                " status, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?)",
                (at, at, state["deck_id"], deck_path, state["deck_hash"], state["seed"], lang,
                 text),
            )
            session_id = int(cursor.lastrowid)
            self._event(session_id, "start", {}, text, at)
        return session_id

    def record(self, session_id: int, kind: str, payload: dict[str, Any],
               state: dict[str, Any]) -> None:
        """One event (a decision, an undo, a note) and the state after it, in one transaction."""
        at, text = now(), json.dumps(state)
        status = "finished" if state.get("phase") == "ended" else "active"
        with self._write():
            self._event(session_id, kind, payload, text, at)
            self._db.execute(
                "UPDATE sessions SET updated = ?, state = ?, status = ?, deck_hash = ? WHERE id = ?",
                (at, text, status, state.get("deck_hash", ""), session_id),
            )
        if status == "finished":
            self.checkpoint()

    def abandon(self, session_id: int) -> None:
        """Mark a session as given up (restarted), so it is no longer offered for resume."""
        with self._write():
            self._db.execute("UPDATE sessions SET status = 'abandoned', updated = ? WHERE id = ?",
                             (now(), session_id))

    def _event(self, session_id: int, kind: str, payload: dict[str, Any], state: str,
               at: str) -> None:
        """One events row; ``state`` is the session state already as JSON."""
        self._db.execute(
            "INSERT INTO events (session_id, at, kind, payload, state) VALUES (?, ?, ?, ?, ?)",
            (session_id, at, kind, json.dumps(payload), state),
        )

    def _write(self):
        return _transaction(self._db)

    # --------------------------------------------------------------------- reading
    def sessions(self) -> list[SavedSession]:
        """Every session, newest first."""
        rows = self._db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY updated DESC, id DESC"
        ).fetchall()
        return [_saved(row) for row in rows]

    def session(self, session_id: int) -> SavedSession | None:
        row = self._db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        return _saved(row) if row else None

    def latest_unfinished(self) -> SavedSession | None:
        """The most recently updated active session that can be read (offered for resume)."""
        rows = self._db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE status = 'active'"
            " ORDER BY updated DESC, id DESC"
        )
        for row in rows:
            saved = _saved(row)
            if not saved.damaged:
                return saved
        return None

    def events(self, session_id: int) -> list[tuple[str, dict[str, Any]]]:
        """The events of a session in order; JournalError when one of them is damaged."""
        rows = self._db.execute(
            "SELECT kind, payload FROM events WHERE session_id = ? ORDER BY id", (session_id,)
        ).fetchall()
        out = []
        for kind, payload in rows:
            value = _json_object(payload)
            if value is None or not isinstance(kind, str):
                raise JournalError(f"session {session_id} is damaged in the journal: one of "
                                   "its events cannot be read")
            out.append((kind, value))
        return out


def _json_object(text: Any) -> dict[str, Any] | None:
    """``text`` read as a JSON object; None when it is not one (a damaged value)."""
    if not isinstance(text, (str, bytes)):
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


_FIELD_TYPES = (int, str, str, str, str, str, int, str, str)


def _saved(row: tuple) -> SavedSession:
    """A sessions row; a row with a value that cannot be read is marked damaged."""
    *fields, state = row
    value = _json_object(state)
    damaged = value is None or not all(
        isinstance(f, t) for f, t in zip(fields, _FIELD_TYPES))
    return SavedSession(*fields, state=value or {}, damaged=damaged)


class _Damaged(Exception):
    """The journal file is not a sound SQLite database."""


def _connect(path: Path) -> sqlite3.Connection:
    """A connection to a checked journal, its schema in place; _Damaged when it is damaged."""
    db = sqlite3.connect(path, isolation_level=None, timeout=5)
    try:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            found = db.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            if type(exc) is sqlite3.DatabaseError:  # not a database, malformed: damage
                raise _Damaged(str(exc)) from exc
            raise  # locked, read-only, no such folder: a problem to report, not damage
        if found != [("ok",)]:
            raise _Damaged("; ".join(str(r[0]) for r in found[:3]))
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise JournalError(f"journal {path} was written by a newer version (schema {version})")
        if version < SCHEMA_VERSION:
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.close()
        raise
    return db


def _put_aside(path: Path) -> Path:
    """Move a damaged journal (and its log) aside under a new name; the new name of the file."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.stem}.damaged-{stamp}-{number}{path.suffix}")
    os.replace(path, aside)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            if extra == "-wal":
                os.replace(side, aside.with_name(aside.name + extra))
            else:
                side.unlink()
    return aside


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error; sqlite errors become JournalError."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise JournalError(str(exc)) from exc

    def __exit__(self, kind, value, traceback) -> bool:
        try:
            if kind is None:
                self._db.execute("COMMIT")
                return False
            self._db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            if kind is None:
                try:
                    self._db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                raise JournalError(str(exc)) from exc
        if isinstance(value, sqlite3.Error):
            raise JournalError(str(value)) from value
        return False

