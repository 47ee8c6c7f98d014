"""Which of many compiled conditions hold, found with a few lookups instead of a scan.

The engine checks a deck's cards with conditions at every draw and its dynamics rules after
every decision; the simulator does that thousands of times a second. A :class:`ConditionIndex`
gives each condition a bit. Per meter, the values between two consecutive bounds of the
conditions on that meter all satisfy the same conditions, so a table by value (or, for a value
outside the meter's range, a binary search over the bounds) gives the bitmask of those; the
rounds work the same way. A condition that needs flags counts only when the first flag it
needs is set. Only the conditions left after these masks are checked in full (their flags),
so the index is a quicker way to exactly the answer a scan would give.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Collection, Generic, Mapping, Sequence, TypeVar

from game.format.models import CompiledConditions

Item = TypeVar("Item")

#: How many masks an index keeps the items of: a deck's games meet a few hundred at most, and
#: a deck with thousands of conditions stays within this much memory.
MAX_FOUND = 4096
#: A meter or round whose range spans more values than this gets no table (a binary search
#: finds its mask instead), so a deck with a meter from -100,000 to 100,000 stays small.
MAX_TABLE = 1024


class ConditionIndex(Generic[Item]):
    """The compiled conditions of a list of cards or rules (the items), indexed by meter, round
    and flag."""

    __slots__ = ("_items", "_rounds", "_round_table", "_meters", "_tables", "_flagless",
                 "_by_flag", "_flag_checks", "_checked", "_found")

    def __init__(self, conditions: Sequence[CompiledConditions], items: Sequence[Item],
                 spans: Mapping[str, tuple[int, int]], rounds: tuple[int, int]) -> None:
        """``items[i]`` is what the ``conditions[i]`` belong to; ``spans`` is every meter's
        range and ``rounds`` the rounds a game usually has, the values given a table."""
        self._items = tuple(items)
        everything = (1 << len(conditions)) - 1
        self._rounds = _masks([(first, last) for _, _, first, last, _ in conditions],
                              everything)
        self._round_table = _table(*self._rounds, rounds)
        by_meter: dict[str, list[tuple[float, float] | None]] = {}
        for i, (_, _, _, _, ranges) in enumerate(conditions):
            for meter, low, high in ranges:
                by_meter.setdefault(meter, [None] * len(conditions))[i] = (low, high)
        #: (meter id, bounds, masks) for every meter some condition names.
        self._meters = tuple((meter, *_masks(ranges, everything))
                             for meter, ranges in by_meter.items())
        #: (meter id, its masks by value in the meter's range) for the same meters.
        self._tables = tuple((meter, _table(bounds, masks, spans.get(meter, (0, -1))))
                             for meter, bounds, masks in self._meters)
        self._flagless = sum(1 << i for i, c in enumerate(conditions) if not c[0])
        self._by_flag: dict[str, int] = {}
        for i, (need, *_) in enumerate(conditions):
            if need:
                self._by_flag[need[0]] = self._by_flag.get(need[0], 0) | 1 << i
        #: Per condition: the flags it needs and forbids, or None when it names no flag; and
        #: the mask of those to check beyond their first needed flag.
        self._flag_checks = tuple((need, forbid) if need or forbid else None
                                  for need, forbid, *_ in conditions)
        self._checked = sum(1 << i for i, (need, forbid, *_) in enumerate(conditions)
                            if need[1:] or forbid)
        #: The positions and items of a mask, for the masks met so far.
        self._found: dict[int, tuple[tuple[int, ...], tuple[Item, ...]]] = {}

    def holding(self, round_no: int, meters: Mapping[str, int],
                flags: Collection[str]) -> tuple[Item, ...]:
        """The items whose conditions hold in ``round_no`` on ``meters`` (a meter missing
        counts as 0) and ``flags``, in order."""
        try:
            mask = self._round_table[round_no]
            for meter, table in self._tables:
                mask &= table[meters[meter]]
        except KeyError:  # a value outside the tables, or a meter missing
            mask = self._searched(round_no, meters)
        if not mask:
            return ()
        allowed = self._flagless
        if flags:
            by_flag = self._by_flag
            for flag in flags:
                allowed |= by_flag.get(flag, 0)
        mask &= allowed
        found = self._found.get(mask)
        if found is None:
            found = self._items_of(mask)
        if not mask & self._checked:
            return found[1]
        checks = self._flag_checks
        return tuple(item for i, item in zip(*found)
                     if checks[i] is None or (all(flag in flags for flag in checks[i][0])
                                              and not any(flag in flags for flag in checks[i][1])))

    def _items_of(self, mask: int) -> tuple[tuple[int, ...], tuple[Item, ...]]:
        """The positions and items whose bits are set in ``mask``, in order (kept for the
        masks met again, at most :data:`MAX_FOUND` of them)."""
        positions = []
        rest = mask
        while rest:
            bit = rest & -rest
            positions.append(bit.bit_length() - 1)
            rest ^= bit
        found = tuple(positions), tuple(self._items[i] for i in positions)
        if len(self._found) < MAX_FOUND:
            self._found[mask] = found
        return found

    def _searched(self, round_no: int, meters: Mapping[str, int]) -> int:
        """The mask of the round and meter conditions that hold, by binary search."""
        bounds, masks = self._rounds
        mask = masks[bisect_right(bounds, round_no)]
        for meter, bounds, masks in self._meters:
            mask &= masks[bisect_right(bounds, meters.get(meter, 0))]
        return mask


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


def _table(bounds: Sequence[float], masks: Sequence[int], span: tuple[int, int]
           ) -> dict[int, int]:
    """The mask for every whole number in ``span`` (none when it is too wide: every lookup
    then misses and falls back on the binary search)."""
    low, high = span
    if high - low >= MAX_TABLE:
        return {}
    return {value: masks[bisect_right(bounds, value)] for value in range(low, high + 1)}
