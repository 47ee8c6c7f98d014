"""Play a session in a test, either straight or through the journal.

Through the journal, the journal is closed and opened again after every decision and the game is
resumed from it, as after a restart. Both ways must give the same game (ink runs its whole suite
twice, once straight and once through save and reload, for the same reason).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from game.format.deck import Deck
from game.format.models import Card
from game.rules.session import Session
from game.table.journal import Journal
from game.table.match import Match

MODES = ("straight", "journal")
Chooser = Callable[[Session, Card], str]


def first(session: Session, card: Card) -> str:
    return card.options[0].id


def last(session: Session, card: Card) -> str:
    return card.options[-1].id


def scripted(option_ids: list[str]) -> Chooser:
    def choose(session: Session, card: Card) -> str:
        return option_ids[session.decisions]
    return choose


def play(deck: Deck, seed: int, chooser: Chooser, mode: str, data: Path) -> Session:
    """A whole game; returns the final session."""
    journal = Journal.open(data) if mode == "journal" else None
    match = Match.start(deck, str(deck.folder), "nl", journal, seed=seed)
    while not match.session.is_over:
        match.choose(chooser(match.session, match.session.current_card))
        if journal is None:
            match.advance()
            continue
        journal.close()
        match.release()  # as after a restart: the operating system let go of the session
        journal = Journal.open(data)
        saved = journal.session(match.session_id)
        match, notices = Match.resume(deck, saved, journal)
        assert notices == []
    if journal is not None:
        assert journal.session(match.session_id).status == "finished"
        journal.close()
    return match.session


def transcript(session: Session) -> list[list]:
    return [[h["round"], h["card"], h["option"], h["meters_after"]] for h in session.history]
