"""Counts over simulated games, from which the simulator's summary is made.

The simulator plays thousands of games a second, so a :class:`Tally` counts them a batch at a
time (:meth:`Tally.add_games`) with the counting done by ``Counter`` and ``map`` rather than a
loop per decision and meter: a batch's meters are counted per (round, value), and the sums are
made from those counts; how often a card came up follows from its options' picks. Every sum is
of whole numbers, kept as Python ints, so it is exact and does not depend on the order in which
games and batches from several processes are added up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, Mapping, NamedTuple, Sequence

_CARD = itemgetter(0)
_KEY = itemgetter("card", "option")
_ROUND = itemgetter("round")
_AFTER = itemgetter("meters_after")


class FinishedGame(NamedTuple):
    """What the tally counts of one game: only what it needs, so that a batch of games waiting
    to be counted holds a few lists per game rather than every decision's record (which the
    garbage collector would have to walk again and again)."""

    #: Why it ended, and the id of its ending ("-": no ending fits).
    end_reason: str | None
    ending: str
    #: The meter that collapsed, if one did.
    collapsed: str | None
    #: The meters at the end, by meter id.
    final: Mapping[str, int]
    #: The (card, option) of every decision, in order.
    picks: list[tuple[str, str]]
    #: The round of every decision, and the meters before the first and after every one.
    rounds: list[int]
    meters: list[Mapping[str, int]]

    @classmethod
    def of(cls, end_reason: str | None, ending: str, collapsed: str | None,
           final: Mapping[str, int], decisions: Sequence[Mapping[str, Any]]) -> "FinishedGame":
        """A game from its decisions, as :meth:`~game.rules.session.Session.choose` returns
        them."""
        meters = [decisions[0]["meters_before"]] if decisions else []
        meters += map(_AFTER, decisions)
        return cls(end_reason, ending, collapsed, final, list(map(_KEY, decisions)),
                   list(map(_ROUND, decisions)), meters)


@dataclass
class Tally:
    """Counts over a batch of games; batches from several processes add up."""

    games: int = 0
    endings: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    collapses: Counter = field(default_factory=Counter)
    rounds_played: Counter = field(default_factory=Counter)
    #: Per round (0 = start) and meter: [games, sum, sum of squares].
    meter_sums: dict[int, dict[str, list[int]]] = field(default_factory=dict)
    #: Times each (card, option) was picked.
    picks: Counter = field(default_factory=Counter)
    #: Per card, the times it came up again in a game in which it had come up already (a
    #: repeatable card's).
    repeats: Counter = field(default_factory=Counter)
    #: Per (card, option): sums of the final meters of the games it was picked in.
    pick_final: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    final_sums: dict[str, int] = field(default_factory=dict)

    def add_games(self, games: Sequence[FinishedGame]) -> None:
        """Count a batch of finished games."""
        if not games:
            return
        self.games += len(games)
        self.reasons.update(game.end_reason for game in games)
        self.endings.update(game.ending for game in games)
        self.collapses.update(game.collapsed for game in games if game.collapsed)
        played = [game.picks for game in games]
        self.rounds_played.update(map(len, played))
        finals = [game.final for game in games]
        meter_ids = list(finals[0])
        for meter in meter_ids:
            self.final_sums[meter] = self.final_sums.get(meter, 0) + sum(
                map(itemgetter(meter), finals))
        keys = list(chain.from_iterable(played))
        if not keys:
            return
        # the game (its place in the batch) each decision belongs to
        game_of = list(chain.from_iterable(map(repeat, range(len(games)), map(len, played))))
        self.picks.update(keys)
        for picks in played:
            if len(picks) > 1 and len(set(map(_CARD, picks))) < len(picks):
                cards = list(map(_CARD, picks))
                self.repeats.update(card for i, card in enumerate(cards) if card in cards[:i])
        # round 0 (the start) and the rounds of the decisions, as the meters list them
        rounds = chain.from_iterable([0, *game.rounds] if game.rounds else ()
                                     for game in games)
        self._add_meters(meter_ids, list(rounds),
                         list(chain.from_iterable(game.meters for game in games)))
        self._add_pick_finals(meter_ids, keys, game_of, finals)

    def _add_meters(self, meter_ids: list[str], rounds: list[int],
                    meters: list[Mapping[str, int]]) -> None:
        """Add each ``meters[i]`` to the sums of round ``rounds[i]``."""
        for round_no, games in Counter(rounds).items():
            row = self.meter_sums.setdefault(round_no, {})
            for meter in meter_ids:
                row.setdefault(meter, [0, 0, 0])[0] += games
        for meter in meter_ids:
            for (round_no, value), times in Counter(zip(rounds, map(itemgetter(meter), meters))
                                                    ).items():
                cell = self.meter_sums[round_no][meter]
                cell[1] += value * times
                cell[2] += value * value * times

    def _add_pick_finals(self, meter_ids: list[str], keys: list[tuple[str, str]],
                         game_of: list[int], finals: list[Mapping[str, int]]) -> None:
        """Add the final meters of the game of every decision to the sums of its pick."""
        games_of: dict[tuple[str, str], list[int]] = {}
        for key, game in zip(keys, game_of):
            found = games_of.get(key)
            if found is None:
                games_of[key] = [game]
            else:
                found.append(game)
        columns = {meter: list(map(itemgetter(meter), finals)) for meter in meter_ids}
        for key, games in games_of.items():
            sums = self.pick_final.setdefault(key, dict.fromkeys(meter_ids, 0))
            for meter in meter_ids:
                sums[meter] += sum(map(columns[meter].__getitem__, games))

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
