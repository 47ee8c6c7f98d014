"""Which of many compiled conditions hold, found with a few binary searches instead of a scan.

The engine checks a deck's cards with conditions at every draw and its dynamics rules after
every decision; the simulator does that thousands of times a second. A :class:`ConditionIndex`
gives each condition a bit. Per meter, the values between two consecutive bounds of the
conditions on that meter all satisfy the same conditions, so one binary search finds a bitmask
of those; the rounds work the same way. A condition that needs flags counts only when the
first flag it needs is set. Only the conditions left after these masks are checked in full
(their flags), so the index is a quicker way to exactly the answer a scan would give.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Collection, Mapping, Sequence

from game.format.models import CompiledConditions


class ConditionIndex:
    """The compiled conditions of a list of cards or rules, indexed by meter, round and flag."""

    __slots__ = ("_rounds", "_meters", "_flagless", "_by_flag", "_flag_checks")

    def __init__(self, conditions: Sequence[CompiledConditions]) -> None:
        everything = (1 << len(conditions)) - 1
        self._rounds = _masks([(first, last) for _, _, first, last, _ in conditions],
                              everything)
        by_meter: dict[str, list[tuple[float, float] | None]] = {}
        for i, (_, _, _, _, ranges) in enumerate(conditions):
            for meter, low, high in ranges:
                by_meter.setdefault(meter, [None] * len(conditions))[i] = (low, high)
        #: (meter id, bounds, masks) for every meter some condition names.
        self._meters = tuple((meter, *_masks(ranges, everything))
                             for meter, ranges in by_meter.items())
        self._flagless = sum(1 << i for i, c in enumerate(conditions) if not c[0])
        self._by_flag: dict[str, int] = {}
        for i, (need, *_) in enumerate(conditions):
            if need:
                self._by_flag[need[0]] = self._by_flag.get(need[0], 0) | 1 << i
        #: Per condition: the flags it needs and forbids, or None when it names no flag.
        self._flag_checks = tuple((need, forbid) if need or forbid else None
                                  for need, forbid, *_ in conditions)

    def holding(self, round_no: int, meters: Mapping[str, int],
                flags: Collection[str]) -> list[int]:
        """The positions of the conditions that hold in ``round_no`` on ``meters`` (a meter
        missing counts as 0) and ``flags``, in order."""
        points, masks = self._rounds
        mask = masks[bisect_right(points, round_no)]
        for meter, points, masks in self._meters:
            mask &= masks[bisect_right(points, meters.get(meter, 0))]
        if not mask:
            return []
        allowed = self._flagless
        if flags:
            by_flag = self._by_flag
            for flag in flags:
                allowed |= by_flag.get(flag, 0)
        mask &= allowed
        found = []
        checks = self._flag_checks
        while mask:
            bit = mask & -mask
            mask ^= bit
            i = bit.bit_length() - 1
            check = checks[i]
            if check is None or (all(flag in flags for flag in check[0])
                                 and not any(flag in flags for flag in check[1])):
                found.append(i)
        return found


def _masks(ranges: Sequence[tuple[float, float] | None],
           everything: int) -> tuple[tuple[float, ...], tuple[int, ...]]:
    """For inclusive ranges of whole numbers (None: no range, any value), the bounds where
    which ranges hold changes, and per stretch between them (bisect_right's answer) the
    bitmask of the ranges that hold there."""
    bounds = sorted({bound for r in ranges if r is not None
                     for bound in (r[0], r[1] + 1) if abs(bound) != float("inf")})
    samples = [bounds[0] - 1 if bounds else 0, *bounds]
    masks = []
    for value in samples:
        mask = everything
        for i, r in enumerate(ranges):
            if r is not None and not r[0] <= value <= r[1]:
                mask &= ~(1 << i)
        masks.append(mask)
    return tuple(bounds), tuple(masks)
