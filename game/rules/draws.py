"""The seeded draw shared by a session and a workshop.

A draw never uses a random generator: every number is derived from the game's seed and the
number of the draw (:func:`draw_point`), and the state keeps the count of draws made, so a game
saved at any moment and loaded again draws exactly what it would have drawn.
"""

from __future__ import annotations

import hashlib
from typing import Sequence

from game.format.models import Card


def draw_point(seed: int, draw: int) -> float:
    """A number in [0, 1) that depends only on the seed and the draw's number.

    Derived with BLAKE2b rather than a seeded generator: the same on every platform and Python
    version, and cheap enough for the simulator's thousands of games a second.
    """
    digest = hashlib.blake2b(f"{seed}:{draw}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def weighted_pick(cards: Sequence[Card], point: float) -> Card:
    """The card that ``point`` (between 0 and the cards' total weight) falls on."""
    for card in cards:
        point -= card.weight
        if point < 0:
            return card
    return cards[-1]
