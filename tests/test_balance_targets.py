"""The default deck teaches the essay: wise play reaches the balanced ending, careless play does not.

Measured on 300 games per policy with a fixed seed, through the real simulator (the figures in
the README's balance section come from ``main.py simulate --policy P --json``):

* lookahead (plans over the card on the table and the cards that could come next, without knowing
  the draw) reaches the deck's best ending in at least 35% of games;
* random play reaches it in at most 5%, and collapses in 10 to 35%;
* cautious play (always protect the weakest meter, blind to the dynamics) in at most 20%;
* greedy play (the largest total gain) in at most 15%;
* playing for one meter only (``only:METER``) collapses in at least half of the games.
"""

from __future__ import annotations

import pytest

from conftest import DEFAULT_DECK, load
from game.balance.simulate import simulate, summary

GAMES = 300
SEED = 7


@pytest.fixture(scope="module")
def deck():
    return load(DEFAULT_DECK)


def figures(deck, policy: str) -> dict:
    return summary(deck, simulate(deck, GAMES, SEED, policy, workers=1), policy, SEED)


def test_the_default_deck_marks_its_best_ending(deck):
    assert deck.best_ending is not None and deck.best_ending.id == "evenwichtig-digitaal-leiderschap"
    assert len(deck.spec.dynamics) >= 3


def test_lookahead_reaches_the_best_ending(deck):
    found = figures(deck, "lookahead")
    assert found["best_ending_pct"] >= 35, found["best_ending_pct"]


def test_random_play_rarely_reaches_it_and_sometimes_collapses(deck):
    found = figures(deck, "random")
    assert found["best_ending_pct"] <= 5, found["best_ending_pct"]
    assert 10 <= found["collapse_pct"] <= 35, found["collapse_pct"]


@pytest.mark.parametrize("policy, most", [("cautious", 20), ("greedy", 15)])
def test_myopic_play_seldom_reaches_it(deck, policy, most):
    found = figures(deck, policy)
    assert found["best_ending_pct"] <= most, found["best_ending_pct"]


@pytest.mark.parametrize("meter", ["legitimiteit", "capaciteit", "strategie"])
def test_playing_for_one_meter_only_collapses(deck, meter):
    found = figures(deck, f"only:{meter}")
    assert found["collapse_pct"] >= 50, found["collapse_pct"]
