"""A session at the table: the rules engine and the journal, moved together.

Front ends (the Pygame table, the autoplayer) change a game only through a :class:`Match`, so
every confirmed decision reaches the journal before the screen moves on. When the journal
cannot be written the game plays on and :attr:`Match.warning` says why, so the table can show it.
"""

from __future__ import annotations

import secrets
import sqlite3
from typing import Any, Mapping, Sequence

from game.format.deck import Deck
from game.format.models import Card
from game.rules.session import Notice, Session
from game.table import old_events
from game.table.journal import Journal, JournalError, SavedSession
from game.table.ownership import SessionHeldElsewhere, SessionLock


class JournalLink:
    """What every game at the table shares: its journal, its row there, and journal problems.

    A subclass says what its state is (:meth:`state`); :meth:`_record` writes an event with that
    state in one transaction. A failing journal never stops the game: :attr:`warning` says why.
    """

    def __init__(self, deck_path: str, lang: str, journal: Journal | None,
                 session_id: int | None):
        self.deck_path = deck_path
        self.lang = lang
        self.journal = journal
        self.session_id = session_id
        #: The last problem writing the journal, for the screen to show; None when all is well.
        self.warning: str | None = None
        #: This process's hold on the session, so no other window plays it at the same time.
        self.lock: SessionLock | None = None

    @staticmethod
    def claim(journal: Journal | None, session_id: int) -> SessionLock | None:
        """Take ownership of a saved session before resuming it; raises
        :class:`SessionHeldElsewhere` when another process plays it now."""
        if journal is None:
            return None
        lock = SessionLock(journal.path.parent, session_id)
        if not lock.acquire():
            raise SessionHeldElsewhere(session_id)
        return lock

    def release(self, finished: bool = False) -> None:
        """Let go of the session (it leaves the table, ends or is given up), so another
        window may resume it."""
        if self.lock is not None:
            self.lock.release(finished)
            self.lock = None

    def state(self) -> dict[str, Any]:
        raise NotImplementedError

    def saved(self) -> SavedSession | None:
        """This game's row in the journal (when it started, when it last changed, its status),
        or None: no journal, or it cannot be read now."""
        if self.journal is None or self.session_id is None:
            return None
        try:
            return self.journal.session(self.session_id)
        except (JournalError, sqlite3.Error, ValueError):
            return None

    def abandon(self) -> None:
        """Give this session up (the players restart); it is no longer offered for resume."""
        if self.journal is not None and self.session_id is not None:
            try:
                self.journal.abandon(self.session_id)
            except JournalError as exc:
                self.warning = str(exc)
        self.release(finished=True)

    def _start_journal(self) -> None:
        if self.journal is not None:
            try:
                self.session_id = self.journal.start(self.state(), self.deck_path, self.lang)
            except JournalError as exc:
                self.warning = str(exc)
                return
            try:
                self.lock = self.claim(self.journal, self.session_id)
            except SessionHeldElsewhere:
                pass  # a new id nobody can know yet; held only by a journal put aside since

    def _record(self, kind: str, payload: dict[str, Any]) -> None:
        if self.journal is None or self.session_id is None:
            return
        try:
            self.journal.record(self.session_id, kind, payload, self.state())
            self.warning = None
        except JournalError as exc:
            self.warning = str(exc)


class Match(JournalLink):
    """A single game at the table: its :class:`Session` and its journal."""

    def __init__(self, session: Session, deck_path: str, lang: str,
                 journal: Journal | None = None, session_id: int | None = None):
        super().__init__(deck_path, lang, journal, session_id)
        self.session = session

    def state(self) -> dict[str, Any]:
        return self.session.to_dict()

    @property
    def deck(self) -> Deck:
        return self.session.deck

    @property
    def can_undo(self) -> bool:
        """Whether there is a decision to take back."""
        return self.session.decisions > 0

    @classmethod
    def start(cls, deck: Deck, deck_path: str, lang: str, journal: Journal | None = None,
              seed: int | None = None) -> "Match":
        session = Session.new(deck, secrets.randbelow(2**31) if seed is None else seed)
        match = cls(session, deck_path, lang, journal)
        match._start_journal()
        return match

    @classmethod
    def resume(cls, deck: Deck, saved: SavedSession, journal: Journal | None
               ) -> tuple["Match", list[Notice]]:
        """Continue ``saved``, owned by this process from now on; raises
        :class:`SessionHeldElsewhere` when another process plays it."""
        state = saved.state
        if journal is not None and old_events.kept_in_events(state):
            try:
                state = old_events.upgrade(state, journal.events(saved.id), deck.card)
            except (JournalError, sqlite3.Error, ValueError):
                pass  # plays on without the old votes and notes; the journal still has them
        session, notices = Session.from_dict(deck, state)
        lock = cls.claim(journal, saved.id)
        match = cls(session, saved.deck_path, saved.lang, journal, saved.id)
        match.lock = lock
        if session.phase == "outcome":
            match.advance()
        return match, notices

    def reload(self, deck: Deck) -> list[Notice]:
        """Play on with a new version of the deck (its author edited it): the same state, with
        the cards looked up by id in ``deck``. Returns what the players should be told: a card
        that is gone (a new one is drawn in its place) or a follow-up that no longer comes."""
        self.session, notices = Session.from_dict(deck, self.session.to_dict())
        self._record("reload", {"deck_hash": deck.content_hash,
                                "notices": [[n.code, n.card_id] for n in notices]})
        return notices

    def choose(self, option_id: str, votes: Mapping[str, int] | Sequence[int] | None = None,
               team: str | None = None, **details: Any) -> dict[str, Any]:
        """Decide the card on the table; journalled before this returns.

        ``votes`` is how many players chose each option (by option id, or counts in option
        order); ``team`` names the team playing. Both are kept in the game's state; any other
        ``details`` only in the journal's event.
        """
        card = self.session.current_card
        if isinstance(votes, Sequence) and card is not None:
            split = {o.id: n for o, n in zip(card.options, votes)}
        else:
            split = votes
        record = self.session.choose(option_id, split)
        if isinstance(team, str) and team.strip():
            self.session.name_team(team)
        if votes is not None:
            details["votes"] = votes
        if team is not None:
            details["team"] = team
        self._record("decide", {"card": record["card"], "option": option_id, **details})
        return record

    def note(self, text: str) -> None:
        """The table's one-line note on the card on the table (empty: no note); journalled
        before this returns."""
        card = self.session.current_card
        self.session.note(text)
        self._record("note", {"card": card.id, "text": text.strip()})

    def onboarding(self, key: str, value: Any) -> None:
        """Keep an onboarding game's value (how far its guided first game got); journalled
        before this returns, so a resumed game lands at the same step."""
        self.session.set_onboarding(key, value)
        self._record("onboarding", {key: value})

    def undo(self) -> bool:
        if not self.session.undo():
            return False
        self._record("undo", {})
        return True

    def advance(self) -> Card | None:
        card = self.session.advance()
        if self.session.is_over:
            self._record("end", {"reason": self.session.end_reason,
                                 "ending": self.session.ending.id if self.session.ending else None})
            self.release(finished=True)
        return card
