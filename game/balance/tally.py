"""Counts over simulated games, from which the simulator's summary is made.

A :class:`Tally` takes one finished game at a time, thousands a second, so it keeps its sums
as lists in the order of the deck's meters and adds a whole decision's meters at once
(``map`` over the list) rather than one meter at a time. Every value it adds is a whole
number, so its float sums are exact and do not depend on the order in which games and batches
from several processes are added up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import add, mul
from typing import Any, Mapping, Sequence


@dataclass
class Tally:
    """Counts over a batch of games; batches from several processes add up (:meth:`merge`)."""

    games: int = 0
    endings: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    collapses: Counter = field(default_factory=Counter)
    rounds_played: Counter = field(default_factory=Counter)
    #: The meters' ids, in the order every list of sums below keeps them (from the first game).
    meter_ids: tuple[str, ...] = ()
    #: Per round (0 = start): games that reached it, and the sum and the sum of squares of
    #: each meter there.
    round_games: Counter = field(default_factory=Counter)
    round_sums: dict[int, list[float]] = field(default_factory=dict)
    round_squares: dict[int, list[float]] = field(default_factory=dict)
    #: Games in which a card came up.
    card_games: Counter = field(default_factory=Counter)
    #: Times a card came up, and times each (card, option) was picked.
    card_shown: Counter = field(default_factory=Counter)
    picks: Counter = field(default_factory=Counter)
    #: Per (card, option): sums of the final meters of the games it was picked in.
    pick_final: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    #: Sums of the final meters of all games.
    final_sums: list[float] = field(default_factory=list)

    def add_game(self, end_reason: str | None, ending: str, collapsed: str | None,
                 final: Mapping[str, int], decisions: Sequence[Mapping[str, Any]]) -> None:
        """Count one finished game: how it ended (``ending`` "-" when no ending fits), its
        final meters and its decisions (records as :meth:`Session.choose` returns them)."""
        self.games += 1
        self.reasons[end_reason] += 1
        self.endings[ending] += 1
        if collapsed:
            self.collapses[collapsed] += 1
        self.rounds_played[len(decisions)] += 1
        if not self.meter_ids:
            self._start(tuple(final))
        last = list(final.values())
        self.final_sums[:] = map(add, self.final_sums, last)
        if not decisions:
            return
        self._add_meters(0, decisions[0]["meters_before"].values())
        for record in decisions:
            self._add_meters(record["round"], record["meters_after"].values())
        keys = [(record["card"], record["option"]) for record in decisions]
        self.picks.update(keys)
        cards = [card for card, _ in keys]
        self.card_shown.update(cards)
        self.card_games.update(set(cards))
        pick_final, zeros = self.pick_final, [0.0] * len(last)
        for key in keys:
            sums = pick_final.get(key)
            if sums is None:
                sums = pick_final[key] = zeros[:]
            sums[:] = map(add, sums, last)

    def _start(self, meter_ids: tuple[str, ...]) -> None:
        self.meter_ids = meter_ids
        self.final_sums = [0.0] * len(meter_ids)

    def _add_meters(self, round_no: int, values: Any) -> None:
        values = list(values)
        sums = self.round_sums.get(round_no)
        if sums is None:
            sums = self.round_sums[round_no] = [0.0] * len(values)
            self.round_squares[round_no] = [0.0] * len(values)
        self.round_games[round_no] += 1
        sums[:] = map(add, sums, values)
        squares = self.round_squares[round_no]
        squares[:] = map(add, squares, map(mul, values, values))

    def meter_cell(self, round_no: int, meter: str) -> tuple[int, float, float]:
        """Games that reached ``round_no``, and the sum and sum of squares of ``meter`` there."""
        if round_no not in self.round_sums or meter not in self.meter_ids:
            return 0, 0.0, 0.0
        i = self.meter_ids.index(meter)
        return (self.round_games[round_no], self.round_sums[round_no][i],
                self.round_squares[round_no][i])

    def final_sum(self, meter: str) -> float:
        """The sum of ``meter``'s final values over all games."""
        return self.final_sums[self.meter_ids.index(meter)] if meter in self.meter_ids else 0.0

    def pick_final_sums(self, card: str, option: str) -> dict[str, float]:
        """The sums of the final meters of the games in which ``option`` of ``card`` was picked
        (empty: never picked)."""
        return dict(zip(self.meter_ids, self.pick_final.get((card, option), ())))

    def merge(self, other: "Tally") -> None:
        """Add the counts of another batch of the same deck."""
        if not other.games:
            return
        if not self.meter_ids:
            self._start(other.meter_ids)
        self.games += other.games
        for name in ("endings", "reasons", "collapses", "rounds_played", "round_games",
                     "card_games", "card_shown", "picks"):
            getattr(self, name).update(getattr(other, name))
        for mine, theirs in ((self.round_sums, other.round_sums),
                             (self.round_squares, other.round_squares),
                             (self.pick_final, other.pick_final)):
            for key, values in theirs.items():
                into = mine.setdefault(key, [0.0] * len(values))
                into[:] = map(add, into, values)
        self.final_sums[:] = map(add, self.final_sums, other.final_sums)
