"""The ballot box between the game and the phones in the room.

The game opens a card for voting and closes it; phones (through the server's thread) join a
team and cast a vote, which they may change until the vote closes. Every vote is kept in the
journal (a :class:`~game.table.phone_votes.VoteLedger`) before it counts, so an acknowledged
vote survives a killed laptop. One vote per device per card: a device is the random token its
browser keeps.

Thread-safe: the game's thread and the server's threads meet here, under one lock. Listeners
(the server's push channel) are told when a card opens or the vote closes, outside the
lock; the screen reads the tallies and :attr:`Ballot.version` when it draws.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

from game.table.journal import JournalError
from game.table.phone_votes import PhoneVote, VoteLedger

#: A vote, a join or a state request names its device with a token of this many characters
#: (URL-safe base64 of 16 random bytes or more, made by the page).
TOKEN_LENGTHS = range(16, 65)
#: How many devices one room takes in: a hall of several hundred, and a bound on memory.
MAX_DEVICES = 2000


@dataclass(frozen=True)
class OpenCard:
    """The card the room votes on: what a phone shows, already in the game's language."""

    round: int
    card: str
    title: str
    #: The situation on the card, as the screen shows it.
    text: str
    #: (option id, the option's text), in the order the screen shows them.
    options: tuple[tuple[str, str], ...]
    #: The teams' names; a team's id is its position.
    teams: tuple[str, ...]
    lang: str

    def has_option(self, option: str) -> bool:
        return any(option == own for own, _ in self.options)


class Refusal(Enum):
    """Why a vote was not counted; the server answers each with its own status."""

    CLOSED = "closed"           # no card is open, or another card than the phone saw
    NO_SUCH_TEAM = "no_such_team"
    NO_SUCH_OPTION = "no_such_option"
    FULL = "full"               # the room has taken in MAX_DEVICES devices
    NOT_SAVED = "not_saved"     # the journal could not keep it


@dataclass
class Ballot:
    """One workshop's ballot box; ``room`` is the code in the join address."""

    room: str
    ledger: VoteLedger | None = None
    #: The workshop's teams (a team's id is its position): phones may join one while no card
    #: is open, between cards and while the join screen is up.
    teams: tuple[str, ...] = ()
    _card: OpenCard | None = None
    _votes: dict[str, PhoneVote] = field(default_factory=dict)
    _team_of: dict[str, int] = field(default_factory=dict)
    _version: int = 0
    _opened: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _listeners: list[Callable[[], None]] = field(default_factory=list)

    # ------------------------------------------------------------------ the game's side
    def open(self, card: OpenCard) -> None:
        """Open ``card`` for voting; votes the journal already holds for it count again (a
        resumed workshop)."""
        kept = self.ledger.votes(card.round, card.card) if self.ledger else []
        with self._lock:
            self._card = card
            self._votes = {v.device: v for v in kept
                           if card.has_option(v.option) and 0 <= v.team < len(card.teams)}
            for vote in self._votes.values():
                self._team_of.setdefault(vote.device, vote.team)
            self._version += 1
            self._opened += 1
        self._tell()

    def close(self) -> dict[int, dict[str, int]]:
        """Close the vote: no phone can vote or change its vote any more. The tallies."""
        with self._lock:
            tallies = self._tallies()
            self._card = None
            self._votes = {}
            self._version += 1
            self._opened += 1
        self._tell()
        return tallies

    def tallies(self) -> dict[int, dict[str, int]]:
        """Per team, how many phones chose each option (teams without a vote left out)."""
        with self._lock:
            return self._tallies()

    def voters(self) -> dict[int, int]:
        """Per team, how many phones have voted on the open card."""
        with self._lock:
            counts: dict[int, int] = {}
            for vote in self._votes.values():
                counts[vote.team] = counts.get(vote.team, 0) + 1
            return counts

    @property
    def card(self) -> OpenCard | None:
        return self._card

    @property
    def version(self) -> int:
        """Goes up with every change the screen should see (a vote, an opening, a closing)."""
        return self._version

    @property
    def opened(self) -> int:
        """Goes up when a card opens or the vote closes: what the phones are told of."""
        return self._opened

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    # ---------------------------------------------------------------- the phones' side
    def join(self, device: str, team: int | None) -> int | Refusal:
        """The device's team: the one it asks for, else the one it had, else the team with the
        fewest devices (spreading the room); why not, when the team does not exist or the room
        is full."""
        with self._lock:
            teams = len(self.teams)
            if team is not None:
                if not 0 <= team < teams:
                    return Refusal.NO_SUCH_TEAM
            elif device in self._team_of and self._team_of[device] < teams:
                return self._team_of[device]
            elif teams:
                sizes = [0] * teams
                for own in self._team_of.values():
                    if own < teams:
                        sizes[own] += 1
                team = sizes.index(min(sizes))
            else:
                return Refusal.NO_SUCH_TEAM
            if device not in self._team_of and len(self._team_of) >= MAX_DEVICES:
                return Refusal.FULL
            self._team_of[device] = team
            return team

    def vote(self, device: str, team: int, option: str, card: str | None = None
             ) -> Refusal | None:
        """Count the device's vote (replacing its earlier one on this card); None when it
        counts, else why not. ``card`` is the card the phone saw, when it says."""
        with self._lock:
            open_card = self._card
            if open_card is None or (card is not None and card != open_card.card):
                return Refusal.CLOSED
            if not 0 <= team < len(open_card.teams):
                return Refusal.NO_SUCH_TEAM
            if not open_card.has_option(option):
                return Refusal.NO_SUCH_OPTION
            if device not in self._team_of and len(self._team_of) >= MAX_DEVICES:
                return Refusal.FULL
            vote = PhoneVote(device, team, option)
            if self.ledger is not None:
                try:
                    self.ledger.record(open_card.round, open_card.card, vote)
                except JournalError:
                    return Refusal.NOT_SAVED
            self._votes[device] = vote
            self._team_of[device] = team
            self._version += 1
        return None

    def mine(self, device: str) -> tuple[int | None, str | None]:
        """The device's team and its vote on the open card (None where there is none)."""
        with self._lock:
            vote = self._votes.get(device)
            return self._team_of.get(device), (vote.option if vote else None)

    # ------------------------------------------------------------------------ inside
    def _tallies(self) -> dict[int, dict[str, int]]:
        tallies: dict[int, dict[str, int]] = {}
        for vote in self._votes.values():
            team = tallies.setdefault(vote.team, {})
            team[vote.option] = team.get(vote.option, 0) + 1
        return tallies

    def _tell(self) -> None:
        for listener in list(self._listeners):
            listener()


def is_token(text: object) -> bool:
    """Whether ``text`` is a device token as the page makes them."""
    return (isinstance(text, str) and len(text) in TOKEN_LENGTHS
            and all(c.isascii() and (c.isalnum() or c in "-_") for c in text))
