"""A workshop at the table: the workshop rules and the journal, moved together.

The facilitator's screens change a workshop only through a :class:`WorkshopMatch`: every team
decision with its vote split, every note and every undo is in the journal before the screen
moves on, so a killed or crashed laptop resumes at the same card with nothing lost.
"""

from __future__ import annotations

import secrets
from typing import Any

from game.format.deck import Deck
from game.format.models import Card
from game.rules.session import Notice
from game.table.journal import Journal, SavedSession
from game.table.match import JournalLink
from game.rules.workshop import Workshop


class WorkshopMatch(JournalLink):
    def __init__(self, workshop: Workshop, deck_path: str, lang: str,
                 journal: Journal | None = None, session_id: int | None = None):
        super().__init__(deck_path, lang, journal, session_id)
        self.workshop = workshop

    def state(self) -> dict[str, Any]:
        return self.workshop.to_dict()

    @property
    def deck(self) -> Deck:
        return self.workshop.deck

    @property
    def can_undo(self) -> bool:
        """Whether there is a decision to take back."""
        return self.workshop.can_undo

    @classmethod
    def start(cls, deck: Deck, deck_path: str, lang: str, names: list[str],
              journal: Journal | None = None, seed: int | None = None, *,
              term: int | None = None, aspects: list[str] | None = None,
              table: dict[str, Any] | None = None) -> "WorkshopMatch":
        workshop = Workshop.new(deck, secrets.randbelow(2**31) if seed is None else seed, names,
                                term=term, aspects=aspects, table=table)
        match = cls(workshop, deck_path, lang, journal)
        match._start_journal()
        return match

    @classmethod
    def resume(cls, deck: Deck, saved: SavedSession, journal: Journal | None,
               advance: bool = True) -> tuple["WorkshopMatch", list[Notice]]:
        """The saved workshop, at its card; with ``advance`` False a card every team has
        decided stays on the table (the facilitator's screen shows its outcome again)."""
        workshop, notices = Workshop.from_dict(deck, saved.state)
        lock = cls.claim(journal, saved.id)  # SessionHeldElsewhere: another window plays it
        match = cls(workshop, saved.deck_path, saved.lang, journal, saved.id)
        match.lock = lock
        if workshop.phase == "outcome" and (advance or workshop.current_card is None):
            match.advance()
        return match, notices

    def choose(self, team: int, option_id: str, votes: dict[str, int] | None = None,
               phones: int | None = None) -> None:
        """Team ``team`` decides the card on the table with the split ``votes``; ``phones``:
        how many of those votes came from phones (None: the table counted by hand)."""
        card = self.workshop.current_card
        self.workshop.choose(team, option_id, votes, phones)
        decided = {"team": team, "card": card.id, "option": option_id, "votes": dict(votes or {})}
        if phones is not None:
            decided["phones"] = int(phones)
        self._record("decide", decided)

    def note(self, text: str) -> None:
        card = self.workshop.current_card
        self.workshop.note(text)
        self._record("note", {"card": card.id, "text": text.strip()})

    def keep_countdown(self, seconds_left: float, paused: bool) -> None:
        """Keep the time left to discuss the card on the table, so a resumed workshop goes
        on counting down from there."""
        card = self.workshop.current_card
        if card is None:
            return
        countdown = {"round": self.workshop.round, "card": card.id,
                     "left": round(max(0.0, seconds_left), 1), "paused": bool(paused)}
        self.workshop.set_table("countdown", countdown)
        self._record("countdown", countdown)

    def keep_phones(self, room: str, port: int) -> None:
        """Keep the phone room's code and port, so a resumed workshop serves the same join
        address and the phones in the room carry on."""
        phones = {"room": room, "port": int(port)}
        self.workshop.set_table("phones", phones)
        self._record("phones", phones)

    def keep_phones_closed(self, round_: int, card: str, devices: int | None) -> None:
        """The phones' vote on this card is closed; ``devices``: how many phones have voted in
        the workshop so far (the report counts them)."""
        phones = dict(self.workshop.table.get("phones") or {})
        if devices is not None:
            phones["devices"] = int(devices)
        self.workshop.set_table("phones", phones)
        self._record("phones_closed", {"round": round_, "card": card, "devices": devices})

    def undo(self) -> bool:
        if not self.workshop.undo():
            return False
        self._record("undo", {})
        return True

    def advance(self) -> Card | None:
        card = self.workshop.advance()
        if self.workshop.is_over:
            self._record("end", {"teams": [t.end_reason for t in self.workshop.teams]})
            self.release(finished=True)
        return card
