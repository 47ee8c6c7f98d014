"""Following a session that another process plays, read-only, from the journal.

When a session is open in another window, a second window may watch it: it reads the
session's row in the journal every so often and shows where the game is (round, card, meters)
without ever writing to it. The owner writes every event in its own transaction, so each read
sees a whole decision or none of it. The reads are few (:data:`POLL_SECONDS` apart) and cheap:
one row by its key.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.table.journal import Journal, JournalError, SavedSession
from game.table.ownership import SessionLock

#: How often the journal is read while watching (seconds).
POLL_SECONDS = 1.0


@dataclass(frozen=True)
class TeamMeters:
    """One team's meters (a single game has one team, without a name)."""

    name: str
    meters: dict[str, int]


@dataclass(frozen=True)
class Followed:
    """Where a watched session is, as its latest saved state says."""

    session_id: int
    deck_id: str
    deck_path: str
    #: "active" while it is played, "finished" or "abandoned" after.
    status: str
    #: The round of the card on the table (0 before the first).
    round: int
    #: Rounds in the term (None: the deck's own).
    term: int | None
    #: The card on the table (None between rounds and at the end).
    card: str | None
    #: "card", "outcome" or "ended".
    phase: str
    teams: tuple[TeamMeters, ...]
    decisions: int
    workshop: bool
    updated: str
    #: Whether the process that plays it still holds it (False: it was closed or ended).
    owner_present: bool

    @property
    def over(self) -> bool:
        return self.status != "active" or self.phase == "ended"


def followed(saved: SavedSession, owner_present: bool) -> Followed:
    """What a saved session shows a watcher."""
    state: dict[str, Any] = saved.state
    if saved.is_workshop:
        teams_state = [t for t in state.get("teams", []) if isinstance(t, dict)]
        names = state.get("names") or []
        teams = tuple(TeamMeters(str(names[i]) if i < len(names) else "", _meters(t))
                      for i, t in enumerate(teams_state))
        term = teams_state[0].get("term") if teams_state else None
    else:
        teams = (TeamMeters(str(state.get("team") or ""), _meters(state)),)
        term = state.get("term")
    return Followed(
        session_id=saved.id, deck_id=saved.deck_id, deck_path=saved.deck_path,
        status=saved.status, round=int(state.get("round") or 0),
        term=term if isinstance(term, int) else None,
        card=state.get("current") if isinstance(state.get("current"), str) else None,
        phase=str(state.get("phase") or "outcome"), teams=teams, decisions=saved.decisions,
        workshop=saved.is_workshop, updated=saved.updated, owner_present=owner_present)


def _meters(state: dict[str, Any]) -> dict[str, int]:
    meters = state.get("meters")
    if not isinstance(meters, dict):
        return {}
    return {str(k): v for k, v in meters.items() if isinstance(v, int)}


class SessionFollower:
    """Reads one session from ``journal`` every :data:`POLL_SECONDS` of the time passed in.

    It never writes: it reads the session's row and looks whether its owner's lock is still
    held. :meth:`advance` returns the new view when the session changed since the last read.
    """

    def __init__(self, journal: Journal, session_id: int, interval: float = POLL_SECONDS):
        self.journal = journal
        self.session_id = session_id
        self.interval = interval
        self.lock = SessionLock(Path(journal.path).parent, session_id)
        self.last: Followed | None = None
        #: How many times the journal was read (a test checks the pace).
        self.reads = 0
        self._waited = 0.0
        self.read()

    def read(self) -> Followed | None:
        """Read the session now; its view (None when it is gone or cannot be read)."""
        self.reads += 1
        self._waited = 0.0
        try:
            saved = self.journal.session(self.session_id)
        except (sqlite3.Error, JournalError, ValueError):
            return self.last
        if saved is None or saved.damaged:
            return self.last
        self.last = followed(saved, self.lock.held_elsewhere())
        return self.last

    def advance(self, seconds: float) -> Followed | None:
        """Let ``seconds`` pass; the new view when a read found the session changed."""
        self._waited += seconds
        if self._waited < self.interval:
            return None
        before = self.last
        now = self.read()
        return now if now != before else None
