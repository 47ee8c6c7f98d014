"""The simulator's workers play the deck they are handed when they start: a run spread over
processes gives the same figures as one process, and no worker reads the deck from disk again
(here its folder is gone before the run)."""

from __future__ import annotations

import shutil

from uihelpers import DEMO
from game.authoring.loader import load_deck
from game.balance.simulate import PARALLEL_FROM, simulate, summary


def test_workers_play_the_deck_they_are_handed(tmp_path):
    folder = tmp_path / "deck"
    shutil.copytree(DEMO, folder)
    deck = load_deck(folder).deck
    assert deck is not None
    games = PARALLEL_FROM
    alone = summary(deck, simulate(deck, games, 5, workers=1), "random", 5)
    shutil.rmtree(folder)
    spread = summary(deck, simulate(deck, games, 5, workers=2), "random", 5)
    assert spread == alone
