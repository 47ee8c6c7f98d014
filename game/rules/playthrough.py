"""A whole game played in one go, for the simulator: the rules of a session, without its records.

A :class:`~game.rules.session.Session` plays a game a decision at a time and keeps a full
record of every decision, as the table, the journal and the reports need. The simulator plays
thousands of games a second and needs only what it counts: the picks and the meters after each.
:func:`play_through` plays a whole game with its values in local variables, through the same
rule functions a session uses (the draw, the follow-ups, the effects, the collapse and the
endings), so it plays exactly the game a session would; ``tests/test_playthrough.py`` proves
that on every bundled deck and on generated decks with follow-ups, flags, conditions, dynamics,
repeatable cards and collapses.
"""

from __future__ import annotations

from typing import Callable, Mapping, NamedTuple, Sequence

from game.format.deck import Deck, OptionRule
from game.rules import follow_ups
from game.rules.draws import draw_card, draw_points
from game.rules.effects import apply_changes, collapse_of, flags_after, term_ending
from game.rules.session import RuleError, Session
from game.rules.state import EndReason

#: How a player decides: given the options of the card on the table (as the engine applies
#: them), the meters, the flags set (sorted) and the round, the position of the option taken.
#: It reads the meters and flags and must not change them: they are the game's own.
Chooser = Callable[[Sequence[OptionRule], Mapping[str, int], Sequence[str], int], int]


class Playthrough(NamedTuple):
    """How one game went: what the simulator counts of it."""

    #: Why it ended, its ending's id (None: no ending fits) and the meter that collapsed, if
    #: one did.
    end_reason: EndReason
    ending: str | None
    collapsed: str | None
    #: The (card id, option id) of every decision, in order; the decision at position ``i``
    #: was made in round ``i + 1``.
    picks: list[tuple[str, str]]
    #: The meters in deck order (the order of ``deck.meters``, which ``deck.start_meters()``
    #: keeps) at the start and after every decision.
    trail: list[tuple[int, ...]]

    @property
    def final(self) -> tuple[int, ...]:
        """The meters at the end, in deck order."""
        return self.trail[-1]


def play_through(deck: Deck, seed: int, choose: Chooser) -> Playthrough:
    """Play a game of ``deck`` with ``seed`` from its first card to its end, as
    ``Session.new(deck, seed)`` followed by ``choose`` and ``advance`` for every card plays it."""
    meters = deck.start_meters()
    flags: list[str] = []
    scheduled: list = []
    used: set[str] = set()  # only asked what it holds: the draw's weight spent is kept apart
    points = draw_points(seed)
    draws, spent = 0, 0.0
    single_use = deck.single_use_weight
    options_of = deck.option_lists
    dynamics = deck.dynamics_index.holding if deck.dynamics else None
    term = deck.term
    picks: list[tuple[str, str]] = []
    trail = [tuple(meters.values())]
    round_no = 0
    while True:
        if round_no >= term:
            return Playthrough("term", term_ending(deck, meters), None, picks, trail)
        round_no += 1
        due = follow_ups.due(deck, scheduled, round_no, used, meters, flags) if scheduled \
            else None
        if due:
            card = deck.cards[due[0]]
        else:
            card, draws = draw_card(deck, round_no, used, meters, flags, spent, points, draws)
            if card is None:
                return Playthrough("exhausted", term_ending(deck, meters), None, picks, trail)
        card_id = card.id
        if scheduled:
            scheduled = follow_ups.after_dealing(deck, scheduled, card_id, round_no, used,
                                                 meters, flags)
        if card_id not in used:
            used.add(card_id)
            spent += single_use.get(card_id, 0.0)

        options = options_of[card_id]
        _, option_id, changes, set_flags, clear_flags, follow_up = \
            options[choose(options, meters, flags, round_no)]
        apply_changes(meters, changes)
        if set_flags or clear_flags:
            flags = flags_after(flags, set_flags, clear_flags)
        if follow_up:
            scheduled += follow_ups.scheduled_by(follow_up, round_no, card_id)
        if dynamics is not None:
            for rule in dynamics(round_no, meters, flags):
                apply_changes(meters, rule.changes)
        picks.append((card_id, option_id))
        trail.append(tuple(meters.values()))
        collapse = collapse_of(deck, meters)
        if collapse is not None:
            meter, ending = collapse
            return Playthrough("collapse", ending, meter, picks, trail)


def session_playthrough(session: Session) -> Playthrough:
    """How a finished session's game went, read from its history: the same record
    :func:`play_through` makes, for a game that had to be played as a session."""
    if session.end_reason is None:
        raise RuleError("the game is not over")
    order = [meter.id for meter in session.deck.meters]
    history = session.history
    start = history[0]["meters_before"] if history else session.meters
    trail = [tuple(start[m] for m in order)]
    trail += [tuple(record["meters_after"][m] for m in order) for record in history]
    ending = session.ending
    return Playthrough(session.end_reason, ending.id if ending else None, session.collapsed_meter,
                       [(record["card"], record["option"]) for record in history], trail)
