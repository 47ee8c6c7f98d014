"""What a game and a workshop hold while they are played, and their one saved form.

:class:`SessionState` is every value of one game that changes while it is played;
:class:`WorkshopState` is what a workshop holds beside its teams' games. Each has one JSON form,
made by ``to_dict`` and read by ``from_dict``, with a save version and the oldest version this
code still loads (as ink's ``StoryState`` does): the journal keeps that form, and a game
resumed from it goes on exactly where it stopped.

Only :class:`~game.rules.session.Session` and :class:`~game.rules.workshop.Workshop` change
these values; everyone else reads them through those classes. The records inside (a decision,
a follow-up, a vote split) stay plain dicts, described by the TypedDicts below, as they are
what the journal, the reports and the simulator read.

Saved versions:

* session 1: the first form; 2 adds ``votes``, ``notes`` and ``team``, so a single game keeps
  its vote splits and notes in its state as a workshop does (version 1 loads with none).
  Version 2 may also hold ``onboarding`` (a council onboarding game: how far its guided
  first game got); it is written only when set, so a game without it saves as before, and a
  save without it loads as an ordinary game.
  A decision of a deck with dynamics rules also holds ``dynamics`` (the rules that fired);
  that adds a key without changing any, so the version stays 2 and older saves load as they are.
* workshop 0: the form before it had a version (no ``version`` key); 1 adds the version and
  always writes ``aspects`` and ``table``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Mapping, TypedDict

#: What an onboarding game's ``tutorial`` value is once its guided first game was finished or
#: skipped (before that: the step reached).
TUTORIAL_DONE = "done"
#: Version of a session's saved state, and the oldest version this code can still load.
SESSION_SAVE_VERSION = 2
SESSION_MIN_COMPATIBLE_VERSION = 1
#: Version of a workshop's saved state, and the oldest it can still load (0: no version key).
WORKSHOP_SAVE_VERSION = 1
WORKSHOP_MIN_COMPATIBLE_VERSION = 0

Phase = Literal["card", "outcome", "ended"]
EndReason = Literal["term", "collapse", "exhausted"]


class IncompatibleSave(Exception):
    """A saved state written by a newer, incompatible version of the game."""


#: A follow-up on the schedule: ``card`` comes up in round ``due`` (or the first round after it
#: in which it may), scheduled by a decision on card ``from``.
ScheduledFollowUp = TypedDict("ScheduledFollowUp", {"card": str, "due": int, "from": str})


class Decision(TypedDict, total=False):
    """One decision in a game's history (every key but ``dynamics`` and ``before`` is always
    there).

    ``round``, ``card`` and ``option``: what was decided when; ``meters_before`` and
    ``meters_after``: the meters around it; ``flags_set``, ``flags_cleared`` and
    ``flags_after``: the flags it changed and all flags after it; ``scheduled``: the
    follow-ups it scheduled (``card`` and ``due``); ``dynamics``: the deck's dynamics rules
    that fired after it, ``{id, changes}`` each, their changes already in ``meters_after``
    (only in games of a deck with dynamics: read it with ``.get``); ``before``: the round fields just before
    it (see :data:`ROUND_FIELDS`), which undo puts back, absent when the game cannot undo.
    """

    round: int
    card: str
    option: str
    meters_before: dict[str, int]
    meters_after: dict[str, int]
    flags_set: list[str]
    flags_cleared: list[str]
    flags_after: list[str]
    scheduled: list[dict[str, Any]]
    dynamics: list[dict[str, Any]]
    before: dict[str, Any]


class Vote(TypedDict, total=False):
    """How the players split on one decision: in ``round`` on ``card``, ``option`` was chosen and
    ``votes`` says how many chose each option (option id -> count). A workshop's also say
    which ``team`` (its index) decided, and ``phones``, when the counts came from the
    participants' phones, how many phone votes they held."""

    round: int
    team: int
    card: str
    option: str
    votes: dict[str, int]
    phones: int


#: The fields of a :class:`SessionState` that undo puts back (everything but the history, the
#: votes, the notes and what never changes), in the order a decision's ``before`` holds them.
ROUND_FIELDS = ("round", "meters", "flags", "scheduled", "used", "draws", "current", "phase",
                "ending", "end_reason", "collapsed")


@dataclass(slots=True)
class SessionState:
    """Every value of one game that changes while it is played."""

    #: The deck's id, and the content hash of the deck version the game was last played with.
    deck_id: str
    deck_hash: str
    #: The seed every random draw of the game derives from.
    seed: int
    #: Rounds in this game's term; None: the deck's term (saves from before terms could be set).
    term: int | None
    #: The round of the card on the table (1-based; 0 before the first card).
    round: int = 0
    #: Every meter's value, by meter id.
    meters: dict[str, int] = field(default_factory=dict)
    #: The flags set now, sorted.
    flags: list[str] = field(default_factory=list)
    #: Follow-ups waiting to come up, in the order they were scheduled.
    scheduled: list[ScheduledFollowUp] = field(default_factory=list)
    #: Ids of the cards that came up, in order (a repeatable card only once).
    used: list[str] = field(default_factory=list)
    #: How many random numbers the game has drawn (the next draw's number).
    draws: int = 0
    #: The id of the card on the table; None between rounds, when sitting out, or at the end.
    current: str | None = None
    #: "card": a card waits for a decision; "outcome": it was decided (or sat out) and the
    #: next round is still to be dealt; "ended": the game is over.
    phase: Phase = "outcome"
    #: The ending's id once known (a collapse knows it at once; None: no fitting ending).
    ending: str | None = None
    #: Why the game ended ("collapse" as soon as a meter collapses); None while it goes on.
    end_reason: EndReason | None = None
    #: The meter that collapsed, if one did.
    collapsed: str | None = None
    #: Every decision so far, oldest first.
    history: list[Decision] = field(default_factory=list)
    #: The vote split of every decision the table counted votes for, oldest first.
    votes: list[Vote] = field(default_factory=list)
    #: The table's note per card id (a workshop keeps its notes in its own state).
    notes: dict[str, str] = field(default_factory=dict)
    #: The name the table gave the team playing ("": none; a report numbers the team).
    team: str = ""
    #: A council onboarding game's own values (empty: an ordinary game): ``tutorial``, the
    #: step of the guided first game reached, or "done" once it was finished or skipped. The
    #: rules never read it; it is kept here so a resumed game lands where it stopped.
    onboarding: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The saved form: JSON-ready plain data, sharing nothing with this state."""
        data: dict[str, Any] = {"version": SESSION_SAVE_VERSION, "deck_id": self.deck_id,
                                "deck_hash": self.deck_hash, "seed": self.seed}
        if self.term is not None:
            data["term"] = self.term
        data.update({
            "round": self.round, "meters": dict(self.meters), "flags": list(self.flags),
            "scheduled": copy_plain(self.scheduled), "used": list(self.used),
            "draws": self.draws, "current": self.current, "phase": self.phase,
            "ending": self.ending, "end_reason": self.end_reason, "collapsed": self.collapsed,
            "history": copy_plain(self.history), "votes": copy_plain(self.votes),
            "notes": dict(self.notes), "team": self.team,
        })
        if self.onboarding:
            data["onboarding"] = copy_plain(self.onboarding)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "SessionState":
        """The state a saved form holds (any version from the oldest compatible one on).

        Raises :class:`IncompatibleSave` for a version this code cannot load.
        """
        _check_version(data.get("version", 0), SESSION_MIN_COMPATIBLE_VERSION,
                       SESSION_SAVE_VERSION)
        data = copy_plain(dict(data))
        return cls(
            deck_id=data["deck_id"], deck_hash=data["deck_hash"], seed=data["seed"],
            term=data.get("term"), round=data["round"], meters=data["meters"],
            flags=data["flags"], scheduled=data["scheduled"], used=data["used"],
            draws=data["draws"], current=data["current"], phase=data["phase"],
            ending=data["ending"], end_reason=data["end_reason"], collapsed=data["collapsed"],
            history=data["history"], votes=data.get("votes", []),
            notes=data.get("notes", {}), team=data.get("team", ""),
            onboarding=data.get("onboarding") or {},
        )

    def round_fields(self) -> dict[str, Any]:
        """The values undo puts back (:data:`ROUND_FIELDS`), copied."""
        return {
            "round": self.round, "meters": dict(self.meters), "flags": list(self.flags),
            "scheduled": [dict(x) for x in self.scheduled], "used": list(self.used),
            "draws": self.draws, "current": self.current, "phase": self.phase,
            "ending": self.ending, "end_reason": self.end_reason, "collapsed": self.collapsed,
        }

    def put_back(self, fields: Mapping[str, Any]) -> None:
        """Set the round fields to copies of those in ``fields`` (from :meth:`round_fields`)."""
        for name in ROUND_FIELDS:
            if name in fields:
                setattr(self, name, copy_plain(fields[name]))


#: The fields of a :class:`WorkshopState` that undo puts back.
WORKSHOP_ROUND_FIELDS = ("round", "draws", "used", "current", "applies", "decided", "phase")


class WorkshopUndo(TypedDict):
    """What a workshop needs to take back one decision: its round fields before it
    (``fields``), how many vote splits there were (``votes``), and per team its round fields
    and number of decisions (``teams``)."""

    fields: dict[str, Any]
    votes: int
    teams: list[list[Any]]


@dataclass(slots=True)
class WorkshopState:
    """What a workshop holds beside its teams' games (each a :class:`SessionState`)."""

    #: The deck's id and the content hash of the deck version last played with.
    deck_id: str
    deck_hash: str
    #: The seed the workshop's draws derive from (every team's game has it too).
    seed: int
    #: The teams' names, in team order.
    names: list[str]
    #: The round of the card on the table (1-based; 0 before the first card).
    round: int = 0
    #: How many random numbers the workshop has drawn.
    draws: int = 0
    #: Ids of the cards dealt so far, in order (a repeatable card only once).
    used: list[str] = field(default_factory=list)
    #: The id of the card on the table; None between rounds and at the end.
    current: str | None = None
    #: The teams (by index) the card on the table was dealt to.
    applies: list[int] = field(default_factory=list)
    #: The teams that decided the card on the table, in the order they did.
    decided: list[int] = field(default_factory=list)
    #: "card": teams still have to decide; "outcome": all did; "ended": the workshop is over.
    phase: Phase = "outcome"
    #: Every decision's vote split (with its team), oldest first.
    votes: list[Vote] = field(default_factory=list)
    #: The facilitator's note per card id.
    notes: dict[str, str] = field(default_factory=dict)
    #: What undo needs for each decision, oldest first.
    undo: list[WorkshopUndo] = field(default_factory=list)
    #: The aspects the cards were chosen from (empty: all of them).
    aspects: list[str] = field(default_factory=list)
    #: How the facilitator's screen shows the cards (timer, preview, countdown left); the
    #: rules never read it.
    table: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The saved form without the teams (the workshop adds them), sharing nothing."""
        return {
            "version": WORKSHOP_SAVE_VERSION, "kind": "workshop", "deck_id": self.deck_id,
            "deck_hash": self.deck_hash, "seed": self.seed, "names": list(self.names),
            "round": self.round, "draws": self.draws, "used": list(self.used),
            "current": self.current, "applies": list(self.applies),
            "decided": list(self.decided), "phase": self.phase,
            "votes": copy_plain(self.votes), "notes": dict(self.notes),
            "undo": copy_plain(self.undo), "aspects": list(self.aspects),
            "table": copy_plain(self.table),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "WorkshopState":
        """The state a saved form holds (its ``teams`` are left for the workshop to read).

        Raises :class:`IncompatibleSave` for a version this code cannot load.
        """
        _check_version(data.get("version", 0), WORKSHOP_MIN_COMPATIBLE_VERSION,
                       WORKSHOP_SAVE_VERSION)
        data = copy_plain({k: v for k, v in data.items() if k != "teams"})
        return cls(
            deck_id=data["deck_id"], deck_hash=data["deck_hash"], seed=data["seed"],
            names=data["names"], round=data["round"], draws=data["draws"], used=data["used"],
            current=data["current"], applies=data["applies"], decided=data["decided"],
            phase=data["phase"], votes=data["votes"], notes=data["notes"], undo=data["undo"],
            aspects=data.get("aspects") or [], table=data.get("table") or {},
        )

    def round_fields(self) -> dict[str, Any]:
        """The values undo puts back (:data:`WORKSHOP_ROUND_FIELDS`), copied."""
        return {name: copy_plain(getattr(self, name)) for name in WORKSHOP_ROUND_FIELDS}

    def put_back(self, fields: Mapping[str, Any]) -> None:
        """Set the round fields to copies of those in ``fields``."""
        for name in WORKSHOP_ROUND_FIELDS:
            if name in fields:
                setattr(self, name, copy_plain(fields[name]))


def is_workshop(data: Mapping[str, Any]) -> bool:
    """Whether a saved form is a workshop's (else it is a single game's)."""
    return data.get("kind") == "workshop"


def copy_plain(value: Any) -> Any:
    """A deep copy of plain JSON-like data (much faster than copy.deepcopy)."""
    if isinstance(value, dict):
        return {k: copy_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_plain(v) for v in value]
    return value


def _check_version(version: Any, oldest: int, newest: int) -> None:
    if not isinstance(version, int) or isinstance(version, bool) or not oldest <= version <= newest:
        raise IncompatibleSave(f"saved state version {version!r} is not supported")
