"""What a decision does to the meters, and how the meters end a game.

Shared by :class:`~game.rules.session.Session`, which plays a game a decision at a time, and
:func:`~game.rules.playthrough.play_through`, which plays a whole game in one go for the
simulator, so both change the meters and end a game by the same rules.
"""

from __future__ import annotations

from typing import Any, Collection, Iterable, Mapping

from game.format.deck import Deck, OptionRule


def apply_changes(meters: dict[str, int], changes: Iterable[tuple[str, int, int, int]]) -> None:
    """Add each (meter id, change, lowest, highest) to ``meters`` in place, clamped to the
    meter's range: an option's effects, or a dynamics rule's."""
    for meter, delta, low, high in changes:
        value = meters[meter] + delta
        meters[meter] = low if value < low else high if value > high else value


def apply_dynamics(deck: Deck, round_no: int, meters: dict[str, int],
                   flags: Any) -> list[dict[str, Any]]:
    """Apply every dynamics rule of the deck whose conditions hold on ``meters`` (the meters
    after a decision's effects), once each, in deck order, clamped to the meters' ranges;
    ``meters`` is changed in place. Every rule is checked against the meters as the option
    left them, so the order of the rules does not change which fire.

    Returns what fired: ``{"id": rule id, "changes": {meter: change}}`` per rule, the changes
    as they turned out after clamping (a rule that changed nothing is still listed).
    """
    fired = []
    for rule in deck.dynamics_index.holding(round_no, meters, flags):
        before = {meter: meters[meter] for meter, *_ in rule.changes}
        apply_changes(meters, rule.changes)
        fired.append({"id": rule.id,
                      "changes": {meter: meters[meter] - now for meter, now in before.items()}})
    return fired


def effects_of(option: OptionRule, meters: Mapping[str, int]) -> dict[str, int]:
    """The meter changes ``option`` makes to ``meters``, after clamping to the ranges."""
    after = dict(meters)
    apply_changes(after, option.changes)
    return {meter: after[meter] - meters[meter] for meter, *_ in option.changes}


def meters_after(deck: Deck, option: OptionRule, meters: Mapping[str, int],
                 flags: Collection[str], round_no: int
                 ) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """The meters ``option`` would leave when chosen in ``round_no`` with ``flags`` set, its
    effects and the deck's dynamics applied, and the dynamics rules that would fire (as
    :func:`apply_dynamics` lists them)."""
    after = dict(meters)
    apply_changes(after, option.changes)
    if not deck.dynamics:
        return after, []
    if option.set_flags or option.clear_flags:
        flags = flags_after(flags, option.set_flags, option.clear_flags)
    return after, apply_dynamics(deck, round_no, after, flags)


def flags_after(flags: Iterable[str], set_flags: Iterable[str],
                clear_flags: Iterable[str]) -> list[str]:
    """The flags set once a decision set ``set_flags`` and cleared ``clear_flags``, sorted
    (clearing wins where an option does both)."""
    return sorted(set(flags).union(set_flags).difference(clear_flags))


def collapse_of(deck: Deck, meters: dict[str, int]) -> tuple[str, str | None] | None:
    """The meter that collapsed and the deck's ending for it (None: no fitting ending), the
    first in deck order; None while every meter holds."""
    for meter, floor, ceiling, at_floor, at_ceiling in deck.collapse_checks:
        value = meters[meter]
        if value <= floor:
            return meter, at_floor
        if value >= ceiling:
            return meter, at_ceiling
    return None


def term_ending(deck: Deck, meters: dict[str, int]) -> str | None:
    """The first of the deck's endings for a completed term whose meter ranges hold (None:
    none does)."""
    for ending, ranges in deck.term_endings:
        for meter, low, high in ranges:
            if not low <= meters.get(meter, 0) <= high:
                break
        else:
            return ending
    return None
