"""Options that are never worth picking: another option of the same card does at least as well.

An option is *dominated* when some other option of its card is at least as good on every meter.
Such a card asks no real question on the meters. Both the simulator's balance report and the
deck checks (:mod:`game.authoring.quality`) use this one definition. Free of pygame and of the engine.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from game.format.models import Card, Meter

#: Which way is better on a meter: +1 higher, -1 lower, 0 neither (any difference counts).
Direction = int


def direction(meter: Meter) -> Direction:
    """Which way is better on ``meter``: away from the end (or ends) where the game collapses."""
    return {"min": 1, "max": -1, "both": 0}.get(meter.collapse, 1)


def at_least_as_good(better: Mapping[str, int], worse: Mapping[str, int],
                     directions: Mapping[str, Direction]) -> bool:
    """Whether effects ``better`` do at least as well as ``worse`` on every meter."""
    for meter, way in directions.items():
        diff = better.get(meter, 0) - worse.get(meter, 0)
        if diff * way < 0 or (way == 0 and diff != 0):
            return False
    return True


def dominated_options(card: Card, meters: Iterable[str],
                      directions: Mapping[str, Direction] | None = None) -> list[tuple[str, str]]:
    """(option, better option) pairs where the better one is at least as good on every meter.

    ``directions`` says per meter which way is better (see :func:`direction`); without it,
    higher is better on every meter in ``meters``. Two options with the same effects are each
    listed as at least as good as the other.
    """
    ways = dict(directions) if directions is not None else {m: 1 for m in meters}
    found = []
    for a in card.options:
        for b in card.options:
            if a is not b and at_least_as_good(b.effects, a.effects, ways):
                found.append((a.id, b.id))
    return found
