"""The seeded draw shared by a session and a workshop.

A draw never uses a random generator: every number is derived from the game's seed and the
number of the draw (:func:`draw_point`), and the state keeps the count of draws made, so a game
saved at any moment and loaded again draws exactly what it would have drawn.
"""

from __future__ import annotations

import hashlib
from typing import Collection, Mapping, Sequence

from game.format.deck import Deck, DrawRule
from game.format.models import Card


class DrawPoints:
    """The draw points of one seed (:func:`draw_point`), the seed's part of the hash taken once.

    Hashing ``"{seed}:"`` and then the draw's number is hashing ``"{seed}:{draw}"``; starting
    from a copy of the hashed seed costs a third of a fresh hash, which the simulator's
    thousands of games a second notice.
    """

    __slots__ = ("_seed",)

    def __init__(self, seed: int) -> None:
        self._seed = hashlib.blake2b(f"{seed}:".encode(), digest_size=8)

    def __call__(self, draw: int) -> float:
        hashed = self._seed.copy()
        hashed.update(_NUMBERS[draw] if 0 <= draw < len(_NUMBERS) else str(draw).encode())
        return int.from_bytes(hashed.digest(), "big") / 2**64


#: The first draws' numbers as the hash reads them: a game draws a dozen times or so.
_NUMBERS = tuple(str(draw).encode() for draw in range(64))


def draw_point(seed: int, draw: int) -> float:
    """A number in [0, 1) that depends only on the seed and the draw's number.

    Derived with BLAKE2b rather than a seeded generator: the same on every platform and Python
    version, and cheap enough for the simulator's thousands of games a second.
    """
    return DrawPoints(seed)(draw)


def weighted_pick(cards: Sequence[Card], point: float) -> Card:
    """The card that ``point`` (between 0 and the cards' total weight) falls on."""
    for card in cards:
        point -= card.weight
        if point < 0:
            return card
    return cards[-1]


def eligible_rules(deck: Deck, round_no: int, used: Collection[str], meters: Mapping[str, int],
                   flags: Collection[str]) -> list[DrawRule]:
    """The deck's cards with conditions that may come up in ``round_no``, in deck order: their
    conditions hold on ``meters`` and ``flags`` and, unless repeatable, they are not ``used``."""
    return [rule for rule in deck.conditional_index.holding(round_no, meters, flags)
            if not (rule.once and rule.id in used)]
