"""Counts over simulated games, from which the simulator's summary is made.

The simulator plays thousands of games a second, so a :class:`Tally` counts them a batch at a
time (:meth:`Tally.add_games`) with the counting done by ``Counter``, ``zip`` and ``map``
rather than a loop per decision and meter: the meters of a batch's games are laid side by side
per round and each round's column is summed at once; how often a card came up follows from its
options' picks. Every sum is of whole numbers, kept as Python ints, so it is exact and does not
depend on the order in which games and batches from several processes are added up.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain, zip_longest
from operator import itemgetter, mul
from typing import Sequence

from game.rules.playthrough import Playthrough

_CARD = itemgetter(0)
#: What the tally lists for a game that reached no ending.
NO_ENDING = "-"


@dataclass
class Tally:
    """Counts over a batch of games; batches from several processes add up."""

    #: The deck's meters, in the order a game's meters list them.
    meter_ids: list[str]
    games: int = 0
    endings: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    collapses: Counter = field(default_factory=Counter)
    rounds_played: Counter = field(default_factory=Counter)
    #: Per round (0 = start, counted for the games with a decision) and meter:
    #: [games, sum, sum of squares].
    meter_sums: dict[int, dict[str, list[int]]] = field(default_factory=dict)
    #: Times each (card, option) was picked.
    picks: Counter = field(default_factory=Counter)
    #: Per card, the times it came up again in a game in which it had come up already (a
    #: repeatable card's).
    repeats: Counter = field(default_factory=Counter)
    #: Per (card, option): sums of the final meters of the games it was picked in.
    pick_final: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    final_sums: dict[str, int] = field(default_factory=dict)

    def add_games(self, games: Sequence[Playthrough]) -> None:
        """Count a batch of finished games."""
        if not games:
            return
        self.games += len(games)
        self.reasons.update(game.end_reason for game in games)
        self.endings.update(NO_ENDING if game.ending is None else game.ending for game in games)
        self.collapses.update(game.collapsed for game in games if game.collapsed)
        played = [game.picks for game in games]
        self.rounds_played.update(map(len, played))
        finals = [game.trail[-1] for game in games]
        for i, meter in enumerate(self.meter_ids):
            self.final_sums[meter] = self.final_sums.get(meter, 0) + sum(
                map(itemgetter(i), finals))
        keys = list(chain.from_iterable(played))
        if not keys:
            return
        self.picks.update(keys)
        for picks in played:
            if len(picks) > 1 and len(set(map(_CARD, picks))) < len(picks):
                cards = list(map(_CARD, picks))
                self.repeats.update(card for i, card in enumerate(cards) if card in cards[:i])
        self._add_meters([game.trail for game in games if game.picks])
        self._add_pick_finals(played, finals)

    def _add_meters(self, trails: list[list[tuple[int, ...]]]) -> None:
        """Add the meters of every game's trail to the sums of their rounds: position ``r`` of
        a trail is round ``r``."""
        for round_no, row in enumerate(zip_longest(*trails)):
            # the games that reached this round (a game's meters are never an empty tuple)
            values = list(filter(None, row))
            cells = self.meter_sums.setdefault(round_no, {})
            for i, meter in enumerate(self.meter_ids):
                column = list(map(itemgetter(i), values))
                cell = cells.setdefault(meter, [0, 0, 0])
                cell[0] += len(column)
                cell[1] += sum(column)
                cell[2] += sum(map(mul, column, column))

    def _add_pick_finals(self, played: list[list[tuple[str, str]]],
                         finals: list[tuple[int, ...]]) -> None:
        """Add the final meters of the game of every decision to the sums of its pick."""
        games_of: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
        for game, picks in enumerate(played):
            for key in picks:
                games_of[key].append(game)
        columns = [list(map(itemgetter(i), finals)) for i in range(len(self.meter_ids))]
        for key, games in games_of.items():
            sums = self.pick_final.setdefault(key, dict.fromkeys(self.meter_ids, 0))
            for meter, column in zip(self.meter_ids, columns):
                sums[meter] += sum(map(column.__getitem__, games))

    @property
    def card_shown(self) -> Counter:
        """Times each card came up (its options' picks added up)."""
        shown: Counter = Counter()
        for (card, _), times in self.picks.items():
            shown[card] += times
        return shown

    @property
    def card_games(self) -> Counter:
        """Games in which each card came up."""
        games = self.card_shown
        games.subtract(self.repeats)
        return games

    def merge(self, other: "Tally") -> None:
        self.games += other.games
        for name in ("endings", "reasons", "collapses", "rounds_played", "picks", "repeats"):
            getattr(self, name).update(getattr(other, name))
        for round_no, row in other.meter_sums.items():
            mine = self.meter_sums.setdefault(round_no, {})
            for meter, cell in row.items():
                into = mine.setdefault(meter, [0, 0, 0])
                for i in range(3):
                    into[i] += cell[i]
        for key, sums in other.pick_final.items():
            mine = self.pick_final.setdefault(key, {})
            for meter, value in sums.items():
                mine[meter] = mine.get(meter, 0) + value
        for meter, value in other.final_sums.items():
            self.final_sums[meter] = self.final_sums.get(meter, 0) + value
