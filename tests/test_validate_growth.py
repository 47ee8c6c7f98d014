"""Checking a deck grows linearly with its cards, and a text is measured once.

Speed itself is measured by ``benchmarks/bench.py``, never by a timed test; here the work is
counted. The text-fit check (W201) lays out every card on every screen it is shown on and
measures its texts: for decks of 50 and 200 cards whose texts all differ, the number of texts
measured and of screens laid out must grow about four times, not sixteen. A deck of copied
cards (new ids, the same texts) is laid out and measured no more than its originals.
"""

from __future__ import annotations

import importlib.util

import pytest

from conftest import DEFAULT_DECK, ROOT
from counting import Counted

from game.authoring.loader import load_deck
from game.ui.layout import fit, fit_layout
from game.ui.look import textcache


def _scaled_deck():
    spec = importlib.util.spec_from_file_location("scaled_deck",
                                                  ROOT / "benchmarks" / "scaled_deck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.scaled_deck


def _work(monkeypatch, folder) -> tuple[int, int]:
    """Texts measured with a font, and screens laid out, by the W201 check of one deck."""
    result = load_deck(folder)
    assert result.deck is not None and result.error_count == 0
    measured = Counted(textcache._wrap_span)
    monkeypatch.setattr(textcache, "_wrap_span", measured)
    layouts = [Counted(getattr(fit_layout, name))
               for name in ("card_screen", "outcome_screen", "workshop_card")]
    for counted, name in zip(layouts, ("card_screen", "outcome_screen", "workshop_card")):
        monkeypatch.setattr(fit_layout, name, counted)
    fit.overflow_diagnostics(result.deck, result.files, "nl")
    monkeypatch.undo()
    return measured.calls, sum(counted.calls for counted in layouts)


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    scaled_deck = _scaled_deck()
    root = tmp_path_factory.mktemp("scaled")
    return {
        "distinct-50": scaled_deck(DEFAULT_DECK, root / "d50", 50, distinct=True),
        "distinct-200": scaled_deck(DEFAULT_DECK, root / "d200", 200, distinct=True),
        "copied-200": scaled_deck(DEFAULT_DECK, root / "c200", 200),
    }


def test_the_fit_check_grows_linearly_with_the_cards(monkeypatch, decks) -> None:
    small_measured, small_laid = _work(monkeypatch, decks["distinct-50"])
    large_measured, large_laid = _work(monkeypatch, decks["distinct-200"])
    assert small_measured > 0 and small_laid > 0
    # four times the cards: about four times the work (the cards differ in their options)
    assert 3 * small_laid <= large_laid <= 5 * small_laid
    assert 3 * small_measured <= large_measured <= 5 * small_measured


def test_a_copied_card_is_laid_out_and_measured_once(monkeypatch, decks) -> None:
    original_measured, original_laid = _work(monkeypatch, DEFAULT_DECK)
    copied_measured, copied_laid = _work(monkeypatch, decks["copied-200"])
    assert copied_laid == original_laid
    assert copied_measured == original_measured
