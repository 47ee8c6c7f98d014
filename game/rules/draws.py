"""The seeded draw shared by a session and a workshop.

A draw never uses a random generator: every number is derived from the game's seed and the
number of the draw (:func:`draw_point`), and the state keeps the count of draws made, so a game
saved at any moment and loaded again draws exactly what it would have drawn.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from functools import reduce
from itertools import repeat
from operator import add
from typing import Callable, Collection, Mapping, Sequence

from game.format.deck import Deck, DrawRule
from game.format.models import Card


#: The first draws' numbers as the hash reads them: a game draws a dozen times or so.
_NUMBERS = tuple(str(draw).encode() for draw in range(64))


#: The draw points of one seed: the point of a draw by its number (see :func:`draw_points`).
DrawPoints = Callable[[int], float]


def draw_points(seed: int) -> DrawPoints:
    """The draw points of one seed (:func:`draw_point`), the seed's part of the hash taken once.

    Hashing ``"{seed}:"`` and then the draw's number is hashing ``"{seed}:{draw}"``; starting
    from a copy of the hashed seed costs a third of a fresh hash, which the simulator's
    thousands of games a second notice (and a plain function is quicker to call than an
    object).
    """
    copy = hashlib.blake2b(f"{seed}:".encode(), digest_size=8).copy
    numbers, known, from_bytes = _NUMBERS, len(_NUMBERS), int.from_bytes

    def point(draw: int) -> float:
        hashed = copy()
        hashed.update(numbers[draw] if 0 <= draw < known else str(draw).encode())
        return from_bytes(hashed.digest(), "big") / 2**64

    return point


def draw_point(seed: int, draw: int) -> float:
    """A number in [0, 1) that depends only on the seed and the draw's number.

    Derived with BLAKE2b rather than a seeded generator: the same on every platform and Python
    version, and cheap enough for the simulator's thousands of games a second.
    """
    return draw_points(seed)(draw)


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


def spent_weight(deck: Deck, used: Sequence[str]) -> float:
    """The draw weight of the used cards that left the draw, added up one by one in the order
    they were used (so a running sum kept while a game is played is the very same number)."""
    return reduce(add, map(deck.single_use_weight.get, used, repeat(0.0)), 0.0)


def draw_card(deck: Deck, round_no: int, used: Collection[str], meters: Mapping[str, int],
              flags: Collection[str], spent: float, points: DrawPoints,
              draws: int) -> tuple[Card | None, int]:
    """A weighted draw among the cards that may come up in ``round_no``: their conditions hold
    and they are still unused. ``spent`` is :func:`spent_weight` of ``used``, ``draws`` the
    number of the game's next draw. Returns the card (None: none may come up) and the number
    of the draw after it.

    Cards without conditions are found by a binary search over their cumulative weights; a
    used one is rejected and drawn again, which keeps every eligible card's chance exactly
    proportional to its weight. Late in a long deck, when most are used, a plain scan over
    the eligible cards takes over, so rejections stay rare.
    """
    extra = eligible_rules(deck, round_no, used, meters, flags)
    extra_total = 0.0
    for rule in extra:  # added up in order, as every Python version adds them
        extra_total += rule.weight
    cumulative = deck.unconditional_cumulative
    total = cumulative[-1] if cumulative else 0.0
    if total - spent + extra_total <= 0:
        return None, draws
    if spent > total / 2:
        pool = [c for c in deck.unconditional if c.repeatable or c.id not in used]
        pool += [rule.card for rule in extra]
        if not pool:  # all used up: the weight left over was the rounding of the two sums
            return None, draws
        return weighted_pick(pool, points(draws) * (total - spent + extra_total)), draws + 1
    single_use = deck.single_use_weight
    while True:
        point = points(draws) * (total + extra_total)
        draws += 1
        if point >= total:
            return weighted_pick([rule.card for rule in extra], point - total), draws
        i = bisect_right(cumulative, point)
        card_id = deck.unconditional_ids[i]
        if card_id not in single_use or card_id not in used:
            return deck.unconditional[i], draws
