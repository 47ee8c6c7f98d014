"""The simulator plays the engine's own games and counts exactly what they hold.

Its quick paths are checked against slow, plain ones on both bundled decks: the indexed
conditions of the draw and of the dynamics against each card's and rule's own ``when``, the
tally's batched counts against counting the full sessions' public history one decision at a
time, and its cheap draw of an option against ``random.randrange``.
"""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from conftest import DEFAULT_DECK, ROOT, load
from game.balance.simulate import Planner, below, game_seed, play_games, play_planned
from game.format.condition_index import ConditionIndex
from game.rules.draws import eligible_rules
from game.rules.session import Session

DECKS = [DEFAULT_DECK, ROOT / "scenarios" / "raadsleden"]
GAMES = 200


@pytest.fixture(scope="module", params=DECKS, ids=lambda folder: folder.name)
def deck(request):
    return load(request.param)


def full_games(deck, run_seed: int, games: int):
    """The games :func:`play_games` plays with the random policy, played by undoable sessions
    (the table's kind)."""
    for game in range(games):
        seed = game_seed(run_seed, game)
        rng = random.Random(seed)
        session = Session.new(deck, seed)
        while not session.is_over:
            options = session.current_card.options
            session.choose(options[below(rng, len(options))].id)
            session.advance()
        yield session


def test_the_tally_counts_what_the_full_sessions_hold(deck):
    tally = play_games(deck, 3, 0, GAMES, "random")
    endings, reasons, collapses, rounds = Counter(), Counter(), Counter(), Counter()
    shown, in_games, picks = Counter(), Counter(), Counter()
    meter_sums: dict = {}
    pick_final: dict = {}
    final_sums: Counter = Counter()
    for session in full_games(deck, 3, GAMES):
        history = session.history
        endings[session.ending.id if session.ending else "-"] += 1
        reasons[session.end_reason] += 1
        if session.collapsed_meter:
            collapses[session.collapsed_meter] += 1
        rounds[len(history)] += 1
        final_sums.update(session.meters)
        rows = [(0, history[0]["meters_before"])] if history else []
        rows += [(record["round"], record["meters_after"]) for record in history]
        for round_no, meters in rows:
            for meter, value in meters.items():
                cell = meter_sums.setdefault(round_no, {}).setdefault(meter, [0, 0, 0])
                cell[0] += 1
                cell[1] += value
                cell[2] += value * value
        for record in history:
            key = (record["card"], record["option"])
            shown[record["card"]] += 1
            picks[key] += 1
            pick_final.setdefault(key, Counter()).update(session.meters)
        in_games.update({record["card"] for record in history})
    assert tally.games == GAMES
    assert (tally.endings, tally.reasons, tally.collapses) == (endings, reasons, collapses)
    assert tally.rounds_played == rounds
    assert tally.meter_sums == meter_sums
    assert +tally.card_shown == shown and +tally.card_games == in_games
    assert tally.picks == picks
    assert {key: Counter(sums) for key, sums in tally.pick_final.items()} == pick_final
    assert Counter(tally.final_sums) == final_sums


def test_a_planned_game_plays_the_same_whether_it_can_be_undone_or_not(deck):
    """The simulator's lookahead sessions keep no undo; every decision and draw is the same
    (tests/test_playthrough.py proves the same of the other policies' playthroughs)."""
    planner = Planner(deck)
    for game in range(30):
        seed = game_seed(5, game)
        full = play_planned(Session.new(deck, seed), planner, random.Random(seed))
        lean = play_planned(Session.new(deck, seed, undoable=False), planner,
                            random.Random(seed))
        assert lean.history == full.history  # what undo keeps aside
        assert {**lean.to_dict(), "history": None} == {**full.to_dict(), "history": None}


def test_the_lookahead_tally_counts_what_its_sessions_hold(deck):
    tally = play_games(deck, 6, 0, 20, "lookahead")
    planner = Planner(deck)
    picks = Counter()
    for game in range(20):
        seed = game_seed(6, game)
        session = play_planned(Session.new(deck, seed), planner, random.Random(seed))
        picks.update((record["card"], record["option"]) for record in session.history)
    assert tally.games == 20 and tally.picks == picks


def test_the_indexed_conditions_are_the_cards_and_rules_own(deck):
    """At every draw and decision of many games, the index finds exactly the conditional
    cards (not yet used) and dynamics rules whose conditions hold as written."""
    checked = 0
    for session in full_games(deck, 7, GAMES):
        for record in session.history:
            round_no, meters = record["round"], record["meters_after"]
            flags = record["flags_after"]
            used = []
            for earlier in session.history:
                if earlier["round"] <= round_no:
                    used.append(earlier["card"])
            for when_round in (round_no, round_no + 1):
                expected = [rule.card.id for rule in deck.conditional
                            if rule.card.when.holds(when_round, meters, set(flags))
                            and (rule.card.repeatable or rule.card.id not in used)]
                found = eligible_rules(deck, when_round, used, meters, flags)
                assert [rule.card.id for rule in found] == expected
                rules = [rule.id for rule in deck.spec.dynamics
                         if rule.when.holds(when_round, meters, set(flags))]
                assert [rule.id for rule in deck.dynamics_index.holding(
                    when_round, meters, flags)] == rules
                checked += 1
    assert checked > GAMES * 5


FLAGS = ["a", "b", "c"]
METERS = ["x", "y"]
bounds = st.one_of(st.just(None), st.integers(-5, 105))


@st.composite
def condition(draw):
    def ends():
        low, high = draw(bounds), draw(bounds)
        if low is not None and high is not None and low > high:
            low, high = high, low
        return (-math.inf if low is None else low), (math.inf if high is None else high)

    need = tuple(draw(st.lists(st.sampled_from(FLAGS), max_size=2, unique=True)))
    forbid = tuple(f for f in draw(st.lists(st.sampled_from(FLAGS), max_size=2, unique=True))
                   if f not in need)
    ranges = tuple((meter, *ends()) for meter in METERS if draw(st.booleans()))
    return (need, forbid, *ends(), ranges)


@settings(max_examples=300, deadline=None)
@given(conditions=st.lists(condition(), max_size=8), round_no=st.integers(-2, 110),
       values=st.dictionaries(st.sampled_from(METERS), st.integers(-20, 130)),
       flags=st.lists(st.sampled_from(FLAGS), unique=True))
def test_an_index_finds_what_a_scan_finds(conditions, round_no, values, flags):
    """Also outside the meters' ranges and the usual rounds (no table: a binary search), and
    with a meter missing (it counts as 0)."""
    index = ConditionIndex(conditions, range(len(conditions)), {"x": (0, 100), "y": (0, 50)},
                           (0, 13))
    expected = [i for i, (need, forbid, first, last, ranges) in enumerate(conditions)
                if first <= round_no <= last and set(need) <= set(flags)
                and not set(forbid) & set(flags)
                and all(low <= values.get(meter, 0) <= high for meter, low, high in ranges)]
    assert list(index.holding(round_no, values, flags)) == expected


def test_an_option_is_drawn_as_randrange_draws_it():
    for seed in range(300):
        ours, theirs = random.Random(seed), random.Random(seed)
        for n in (1, 2, 3, 4, 5, 7, 12):
            assert [below(ours, n) for _ in range(5)] == [theirs.randrange(n) for _ in range(5)]
