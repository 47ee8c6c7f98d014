"""Play many games through the rules engine and report how a deck behaves.

For authors balancing a deck: how games end, how often the term is completed, each meter's
mean and spread per round, how often each card comes up, how often each option is picked and
how the games where it was picked ended, the cards never seen and the options never picked,
and how often the deck's best ending is reached.

The policies: ``random``; ``cautious`` (protect the weakest meter, looking at this card's
effects only); ``greedy`` (the largest sum of effects); ``lookahead`` (this card's effects and
the deck's dynamics, plus the expected best reply to every card that could come next, weighted by
its draw weight: what a team that knows the deck plans, without knowing the draw); and
``only:METER`` (always the best option for one meter).
Games are spread over the machine's cores when there are many; every game has its own seed
derived from the run's seed, so a run gives the same figures on any number of cores. They are
played by :func:`~game.rules.playthrough.play_through` (the session's rules without its
records), the lookahead's as sessions, as it reads what only a session knows.
"""

from __future__ import annotations

import hashlib
import math
import os
import random
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable, Mapping, Sequence

from game.balance.tally import Tally
from game.format.deck import Deck, OptionRule
from game.format.dominance import direction, dominated_options
from game.format.models import Option
from game.rules.effects import effects_of, meters_after
from game.rules.playthrough import Chooser, Playthrough, play_through, session_playthrough
from game.rules.session import Session

#: A policy's name: one of :data:`POLICIES`, or ``only:METER`` (always the option best for one
#: meter, such as ``only:capaciteit``).
Policy = str
POLICIES: tuple[str, ...] = ("random", "cautious", "greedy", "lookahead")
ONLY = "only:"
#: Below this many games one process is quicker than starting workers.
PARALLEL_FROM = 4000
CHUNK = 2000
#: Games counted at once by the tally (see :mod:`game.balance.tally`).
TALLY_BATCH = 256
#: Lookahead weighs the mean of the meters against the weakest one by this share.
LOOKAHEAD_MEAN_SHARE = 0.35


class UnknownPolicy(ValueError):
    """A policy the simulator does not know, or an ``only:`` policy naming no meter of the deck."""


def policy_names(deck: Deck) -> list[str]:
    """Every policy the simulator can play this deck with."""
    return [*POLICIES, *(ONLY + m.id for m in deck.meters)]


def check_policy(deck: Deck, policy: str) -> str:
    """``policy`` if the simulator can play ``deck`` with it; raises :class:`UnknownPolicy`."""
    if policy not in policy_names(deck):
        raise UnknownPolicy(policy)
    return policy


def game_seed(run_seed: int, game: int) -> int:
    digest = hashlib.blake2b(f"{run_seed}:game:{game}".encode(), digest_size=6).digest()
    return int.from_bytes(digest, "big")


def chooser(policy: Policy, deck: Deck, rng: random.Random) -> Chooser:
    """How a policy other than ``lookahead`` decides (see :func:`play_through`): at random, the
    most gain, protecting the weakest meter, or the best for one meter; ties are broken at
    random."""
    if policy == "random":
        return lambda options, meters, flags, round_no: below(rng, len(options))
    if policy == "greedy":
        def score(option: OptionRule, meters: Mapping[str, int], flags: Sequence[str],
                  round_no: int) -> float:
            return sum(effects_of(option, meters).values())
    elif policy == "cautious":
        def score(option: OptionRule, meters: Mapping[str, int], flags: Sequence[str],
                  round_no: int) -> float:
            changes = effects_of(option, meters)
            after = sorted(meters[m] + changes.get(m, 0) for m in meters)
            return after[0] + 0.01 * sum(after)
    elif policy.startswith(ONLY):
        meter = policy[len(ONLY):]

        def score(option: OptionRule, meters: Mapping[str, int], flags: Sequence[str],
                  round_no: int) -> float:
            return meters_after(deck, option, meters, flags, round_no)[0][meter]
    else:
        raise UnknownPolicy(policy)

    def choose(options: Sequence[OptionRule], meters: Mapping[str, int], flags: Sequence[str],
               round_no: int) -> int:
        return best_of([score(option, meters, flags, round_no) for option in options], rng)

    return choose


def best_of(scores: Sequence[float], rng: random.Random) -> int:
    """The position of the highest score, a tie broken at random."""
    best = max(scores)
    tied = [i for i, value in enumerate(scores) if value == best]
    return tied[below(rng, len(tied))]


def below(rng: random.Random, n: int) -> int:
    """``rng.randrange(n)`` for ``n`` > 0: the same number, drawn from ``getrandbits`` as
    CPython's ``randrange`` draws it, without its checks of the arguments (a third of the cost
    of a decision in a simulated game)."""
    k = n.bit_length()
    r = rng.getrandbits(k)
    while r >= n:
        r = rng.getrandbits(k)
    return r


def vals_map(order: list[str], vals: list[int]) -> dict[str, int]:
    """Meter values by id, from a list in deck order."""
    return dict(zip(order, vals))


class Planner:
    """The lookahead policy's arithmetic for one deck, on plain lists indexed by meter.

    Built once per batch of games: every card's options and the dynamics rules are turned into
    (meter index, change) tuples, so weighing an option against every card that could come
    next (thousands of positions per decision) stays quick.
    """

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        order = [m.id for m in deck.meters]
        self.order = order
        index = {m: i for i, m in enumerate(order)}
        self.lows = [m.min for m in deck.meters]
        self.highs = [m.max for m in deck.meters]
        #: (meter index, floor, ceiling) of every meter that can collapse (see
        #: ``Deck.collapse_checks``).
        self.collapse = [(index[meter], floor, ceiling)
                         for meter, floor, ceiling, *_ in deck.collapse_checks]
        self.mean_share = LOOKAHEAD_MEAN_SHARE / len(order)
        #: Per rule: its meter conditions, its changes, and whether it also reads the round
        #: or flags (then the rule itself, checked the slow way).
        self.rules = [(tuple((index[m], lo, hi) for m, lo, hi in r.meters),
                       tuple((index[m], d) for m, d in r.effects),
                       r if (r.need or r.forbid or r.first != -math.inf or r.last != math.inf)
                       else None) for r in deck.dynamics]
        self.rules_read_flags = any(r.need or r.forbid for r in deck.dynamics)
        self.options: dict[str, list[tuple]] = {
            card.id: [(tuple((index[m], d) for m, d in o.effects.items() if d and m in index),
                       o.set_flags, o.clear_flags) for o in card.options]
            for card in deck.cards.values()}

    def value(self, vals: list[int]) -> float:
        """How good a position is for a player who wants every meter strong: the weakest meter
        plus a share of the mean, and far below anything else when a meter collapsed."""
        for i, floor, ceiling in self.collapse:
            v = vals[i]
            if v <= floor or v >= ceiling:
                return -1000.0 + sum(vals) / len(vals)
        return min(vals) + self.mean_share * sum(vals)

    def after(self, vals: list[int], effects: tuple, round_no: int, flags: frozenset) -> list[int]:
        """The meters after an option's effects and the dynamics that then fire (a new list).

        Written for speed: the lookahead weighs thousands of positions per decision."""
        vals = vals[:]
        self._apply(vals, effects)
        fired = None
        for conds, changes, slow in self.rules:
            for i, lo, hi in conds:
                v = vals[i]
                if v < lo or v > hi:
                    break
            else:
                if slow is None or slow.holds(round_no, vals_map(self.order, vals), flags):
                    fired = changes if fired is None else fired + changes
        if fired:
            self._apply(vals, fired)
        return vals

    def _apply(self, vals: list[int], changes) -> None:
        """Add ``changes`` ((meter index, change) pairs) to ``vals`` in place, clamped."""
        lows, highs = self.lows, self.highs
        for i, d in changes:
            v = vals[i] + d
            if v < lows[i]:
                v = lows[i]
            elif v > highs[i]:
                v = highs[i]
            vals[i] = v

    def score(self, session: Session, option: Option) -> float:
        """The value of ``option``: the position it leaves (its effects and the deck's
        dynamics), plus the expected value of the best reply to each card that could come up
        next, weighted by its draw weight. It reads the deck and the state, never the seed's
        future draws."""
        meters, _ = session.meters_after(option)
        vals = [meters[m] for m in self.order]
        now = self.value(vals)
        if now < -500 or session.round >= session.term:
            return 2 * now
        flags = session.flags
        if option.set_flags or option.clear_flags:
            flags = flags.union(option.set_flags).difference(option.clear_flags)
        odds = session.next_card_odds(option, meters, flags)
        total = sum(weight for _, weight in odds)
        if not total:
            return 2 * now
        next_round = session.round + 1
        read_flags = self.rules_read_flags
        after, value, options = self.after, self.value, self.options
        expected = 0.0
        for card, weight in odds:
            best = -math.inf
            for effects, set_flags, clear_flags in options[card.id]:
                reply_flags = flags
                if read_flags and (set_flags or clear_flags):
                    reply_flags = flags.union(set_flags).difference(clear_flags)
                v = value(after(vals, effects, next_round, reply_flags))
                if v > best:
                    best = v
            expected += weight * best
        return now + expected / total


def play_games(deck: Deck, run_seed: int, first: int, count: int, policy: Policy) -> Tally:
    """Games ``first`` .. ``first + count - 1`` of a run, counted."""
    tally = Tally([m.id for m in deck.meters])
    rng = random.Random()
    if policy == "lookahead":
        planner = Planner(deck)

        def play(seed: int) -> Playthrough:
            session = Session.new(deck, seed, undoable=False)
            return session_playthrough(play_planned(session, planner, rng))
    else:
        choose = chooser(policy, deck, rng)

        def play(seed: int) -> Playthrough:
            return play_through(deck, seed, choose)
    batch: list[Playthrough] = []
    for game in range(first, first + count):
        seed = game_seed(run_seed, game)
        rng.seed(seed)  # as random.Random(seed), without making a new one
        batch.append(play(seed))
        if len(batch) == TALLY_BATCH:
            tally.add_games(batch)
            batch = []
    tally.add_games(batch)
    return tally


def play_planned(session: Session, planner: Planner, rng: random.Random) -> Session:
    """Play ``session`` to its end with the lookahead policy. It weighs the cards that could
    come next, which needs what a session knows (the cards used, the follow-ups waiting), so
    its games are played as sessions."""
    while not session.is_over:
        options = session.current_card.options
        picked = best_of([planner.score(session, option) for option in options], rng)
        session.choose(options[picked].id)
        session.advance()
    return session


#: The deck a worker process plays, set once by :func:`_take_deck` when the worker starts (a
#: worker's own copy; the parent process never sets it).
_WORKER_DECK: dict[str, Deck] = {}


def _take_deck(deck: Deck) -> None:
    """A worker's start: keep the deck it is handed, so no batch loads or copies it again."""
    _WORKER_DECK["deck"] = deck


def _play_chunk(run_seed: int, first: int, count: int, policy: Policy) -> Tally:
    return play_games(_WORKER_DECK["deck"], run_seed, first, count, policy)


def simulate(deck: Deck, games: int, seed: int, policy: Policy = "random",
             workers: int | None = None, progress: Callable[[int], None] | None = None) -> Tally:
    """Play ``games`` games; ``progress`` is told how many are done after each batch."""
    workers = workers or os.cpu_count() or 1
    chunks = [(first, min(CHUNK, games - first)) for first in range(0, games, CHUNK)]
    total = Tally([m.id for m in deck.meters])

    def add_up(parts: Iterable[Tally]) -> None:
        for part in parts:
            total.merge(part)
            if progress:
                progress(total.games)

    if games < PARALLEL_FROM or workers == 1:
        add_up(play_games(deck, seed, first, count, policy) for first, count in chunks)
    else:
        # Each worker is handed the checked deck once, when it starts (not a batch at a time,
        # and never read from disk again, so every game plays the very deck checked here).
        with ProcessPoolExecutor(max_workers=workers, initializer=_take_deck,
                                 initargs=(deck,)) as pool:
            jobs = [pool.submit(_play_chunk, seed, first, count, policy)
                    for first, count in chunks]
            add_up(job.result() for job in jobs)
    return total


def summary(deck: Deck, tally: Tally, policy: Policy, seed: int) -> dict[str, Any]:
    """Everything the run found, as plain data (the --json output)."""
    n = max(tally.games, 1)
    meter_ids = [m.id for m in deck.meters]
    per_round = []
    for round_no in sorted(tally.meter_sums):
        row = {"round": round_no}
        for meter in meter_ids:
            count, total, squares = tally.meter_sums[round_no].get(meter, (0, 0, 0))
            mean = total / count if count else 0.0
            spread = math.sqrt(max(0.0, squares / count - mean * mean)) if count else 0.0
            row[meter] = {"mean": round(mean, 2), "sd": round(spread, 2), "games": count}
        per_round.append(row)
    final_mean = {m: tally.final_sums.get(m, 0) / n for m in meter_ids}
    directions = {m.id: direction(m) for m in deck.meters}
    cards, options, never_seen, never_picked, dominated = [], [], [], [], []
    card_shown, card_games = tally.card_shown, tally.card_games
    for card in deck.cards.values():
        shown = card_shown[card.id]
        cards.append({"card": card.id, "games_pct": round(100 * card_games[card.id] / n, 2),
                      "shown": shown})
        if not shown:
            never_seen.append(card.id)
        for option in card.options:
            picked = tally.picks[card.id, option.id]
            sums = tally.pick_final.get((card.id, option.id), {})
            effect = {m: round(sums[m] / picked - final_mean[m], 2) for m in meter_ids
                      if picked and m in sums}
            options.append({"card": card.id, "option": option.id,
                            "pick_pct": round(100 * picked / shown, 1) if shown else None,
                            "final_meters_vs_mean": effect})
            if shown and not picked:
                never_picked.append(f"{card.id}/{option.id}")
        for worse, better in dominated_options(card, meter_ids, directions):
            dominated.append({"card": card.id, "option": worse, "at_least_as_good": better})
    best = deck.best_ending
    return {
        "deck": deck.id, "games": tally.games, "seed": seed, "policy": policy,
        "best_ending": best.id if best else None,
        "best_ending_pct": round(100 * tally.endings[best.id] / n, 2) if best else None,
        "term_completed_pct": round(100 * tally.reasons["term"] / n, 2),
        "collapse_pct": round(100 * tally.reasons["collapse"] / n, 2),
        "exhausted_pct": round(100 * tally.reasons["exhausted"] / n, 2),
        "collapse_by_meter_pct": {m: round(100 * tally.collapses[m] / n, 2) for m in meter_ids},
        "endings_pct": {k: round(100 * v / n, 2) for k, v in tally.endings.most_common()},
        "rounds_played": dict(sorted(tally.rounds_played.items())),
        "meters_per_round": per_round,
        "final_meters_mean": {m: round(v, 2) for m, v in final_mean.items()},
        "cards": cards, "options": options,
        "cards_never_seen": never_seen,
        "options_never_picked": never_picked,
        "options_never_worth_picking": dominated,
    }
