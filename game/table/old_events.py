"""Votes, notes and team names of single games journalled before their state kept them.

Up to session state version 1 a single game kept its vote splits, notes and team name only in
the journal's events (the payload of a ``decide`` and of a ``note``); since version 2 its state
keeps them, as a workshop's always did. :func:`replay` reads them back from such a game's
events, for its report; :func:`upgrade` puts them in the state of such a game that is resumed,
so it plays on with them in its state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from game.format.models import Card

#: The session state version from which a single game's state keeps its votes and notes.
KEPT_IN_STATE = 2


@dataclass(frozen=True)
class Replayed:
    """What a game's events add to the decisions of its saved history."""

    #: Per decision of the history, in order: its vote split as the table recorded it (option
    #: id -> count, or counts by option position), or None.
    votes: list[Any]
    #: Per decision of the history, in order: its notes, one a line ("": none).
    notes: list[str]
    #: Notes on cards that never got a decision, each with ``card`` and ``text``.
    loose_notes: list[dict[str, str]]
    #: The team name the last ``decide`` event carried ("": none).
    team: str


def kept_in_events(state: Mapping[str, Any]) -> bool:
    """Whether a single game's saved state is from before it kept its votes and notes."""
    version = state.get("version", 0)
    return not isinstance(version, int) or version < KEPT_IN_STATE


def replay(history: Sequence[Mapping[str, Any]],
           events: Sequence[tuple[str, Any]]) -> Replayed:
    """The vote splits, notes and team name of a game's events (oldest first), lined up with
    its saved ``history``.

    The events are replayed as a stack: each ``decide`` pushes its payload, each ``undo``
    pops one, so what is left lines up with the saved history. A ``note`` belongs to the latest
    decision on its card at the time, or, when that card was not decided yet, to the next
    decision on it; a note on a decision that is undone waits for the card's next decision.
    """
    stack: list[dict[str, Any]] = []
    pending: dict[str, list[str]] = {}
    team_names: list[str] = []
    for kind, payload in events:
        if not isinstance(payload, dict):
            continue
        if kind == "decide":
            card = str(payload.get("card", ""))
            stack.append({"card": card, "option": payload.get("option"),
                          "votes": payload.get("votes"), "notes": pending.pop(card, [])})
            team = payload.get("team")
            if isinstance(team, str) and team.strip():
                team_names.append(team.strip())
        elif kind == "undo" and stack:
            undone = stack.pop()
            if undone["notes"]:
                pending.setdefault(undone["card"], [])[:0] = undone["notes"]
        elif kind == "note":
            text = payload.get("text")
            card = str(payload.get("card", ""))
            if not isinstance(text, str) or not text.strip():
                continue
            target = next((d for d in reversed(stack) if d["card"] == card), None)
            if target is not None:
                target["notes"].append(text.strip())
            else:
                pending.setdefault(card, []).append(text.strip())
    votes, notes = [], []
    for i, record in enumerate(history):
        extra = stack[i] if i < len(stack) and stack[i]["card"] == record.get("card") else None
        votes.append(extra["votes"] if extra else None)
        notes.append("\n".join(extra["notes"]) if extra else "")
    loose = [{"card": card, "text": text} for card, texts in pending.items() for text in texts]
    return Replayed(votes=votes, notes=notes, loose_notes=loose,
                    team=team_names[-1] if team_names else "")


def upgrade(state: Mapping[str, Any], events: Sequence[tuple[str, Any]],
            card: Callable[[str], Card | None]) -> dict[str, Any]:
    """A single game's saved state from before version 2 with what its events say added in
    version 2's form: its vote splits (counts by position become counts by option, through
    ``card``), a note per card and its team name. The state's version stays, so loading it
    reads the rest as it always did."""
    history = state.get("history", [])
    found = replay(history, events)
    votes, notes = [], {}
    for record, split, note in zip(history, found.votes, found.notes):
        card_id = record["card"]
        if isinstance(split, (list, tuple)):
            known = card(card_id)
            split = {o.id: n for o, n in zip(known.options, split)} if known else None
        if isinstance(split, Mapping):
            votes.append({"round": record["round"], "card": card_id, "option": record["option"],
                          "votes": dict(split)})
        if note:
            notes[card_id] = note
    for loose in found.loose_notes:
        notes[loose["card"]] = "\n".join(filter(None, [notes.get(loose["card"]), loose["text"]]))
    return {**state, "votes": votes, "notes": notes, "team": found.team}
