"""The default deck's structure and balance (not its wording)."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import DEFAULT_DECK, load
from deckfacts import deck_texts, effect_gap
from game.format.models import Card
from game.format.dominance import direction, dominated_options
from game.balance.simulate import simulate, summary
from game.language.texts import languages_of

ASPECTS = ("4a", "4b", "4c", "5a", "5b", "6a", "6b", "6c", "6d")
NAMED_DILEMMAS = ("scanauto-huisvuil", "boa-trackingapp", "robot-bodes")


@pytest.fixture(scope="module")
def deck():
    return load(DEFAULT_DECK)


@pytest.fixture(scope="module")
def balance(deck):
    return summary(deck, simulate(deck, 1000, seed=1, workers=1), "random", 1)


def test_enough_cards_for_every_aspect(deck):
    assert len(deck.cards) >= 36
    counts = Counter(aspect for card in deck.cards.values() for aspect in card.aspects)
    assert {a.id for a in deck.aspects} == set(ASPECTS)
    for aspect in ASPECTS:
        assert counts[aspect] >= 4, f"aspect {aspect} has {counts[aspect]} cards"


def test_every_card_carries_its_essay_context(deck):
    for card in deck.cards.values():
        assert card.essay is not None, card.id
        assert card.essay.section and card.essay.context and card.essay.question, card.id
        assert card.aspects, card.id


def test_every_text_is_in_dutch_and_english(deck):
    assert deck.languages == ["nl", "en"]
    for where, text in deck_texts(deck):
        assert languages_of(text) == {"nl", "en"}, where


def test_characters_and_glossary(deck):
    assert len(deck.spec.characters) >= 10
    assert len(deck.spec.glossary) >= 20
    for term in ("AVG", "BOA", "FG", "SyRI"):
        assert any(term in entry.term["nl"] for entry in deck.spec.glossary), term


def test_endings_for_every_collapse_and_for_the_term(deck):
    collapse = {(e.meter, e.at) for e in deck.endings if e.trigger == "collapse"}
    assert collapse == {(m.id, "min") for m in deck.meters}
    term = [e for e in deck.endings if e.trigger == "term"]
    assert len(term) >= 3 and not term[-1].meters, "term endings by balance, with a fallback"


def _follow_ups(deck, card: Card, depth: int = 3) -> set[str]:
    found = set()
    for option in card.options:
        for follow in option.follow_up:
            found.add(follow.card)
            if depth > 1:
                found |= _follow_ups(deck, deck.card(follow.card), depth - 1)
    return found


@pytest.mark.parametrize("card_id", NAMED_DILEMMAS)
def test_named_dilemmas_have_delayed_follow_ups_that_depend_on_the_choice(deck, card_id):
    card = deck.card(card_id)
    assert card is not None
    follow_ups = _follow_ups(deck, card)
    assert len(follow_ups) >= 2
    assert all(deck.card(f).follow_up_only for f in follow_ups)
    assert all(f.after >= 1 for o in card.options for f in o.follow_up)
    per_option = [frozenset(f.card for f in o.follow_up) for o in card.options]
    assert len(set(per_option)) > 1, "different choices bring different consequences"


@pytest.mark.parametrize("card_id", NAMED_DILEMMAS)
def test_named_dilemmas_and_their_follow_ups_come_up_in_play(deck, balance, card_id):
    shown = {c["card"]: c["games_pct"] for c in balance["cards"]}
    for card in {card_id} | _follow_ups(deck, deck.card(card_id)):
        assert shown[card] > 0, card


def test_no_option_is_at_least_as_good_as_another_on_every_meter(deck):
    meters = {m.id: direction(m) for m in deck.meters}
    dominated = {card.id: dominated_options(card, meters, meters) for card in deck.cards.values()}
    assert {k: v for k, v in dominated.items() if v} == {}


def test_balance_with_random_choices(balance):
    for meter, pct in balance["collapse_by_meter_pct"].items():
        assert pct <= 25, f"{meter} collapses in {pct}% of games"
    assert balance["collapse_pct"] >= 5
    assert 50 <= balance["term_completed_pct"] <= 85
    rare = {c["card"]: c["games_pct"] for c in balance["cards"] if c["games_pct"] < 1}
    assert rare == {}


def test_every_option_costs_something(deck):
    free = [f"{card.id}/{option.id}" for card in deck.cards.values() for option in card.options
            if not any(change < 0 for change in option.effects.values())]
    assert free == []


def test_no_card_has_an_obvious_answer(deck):
    """A real dilemma: the options weigh about the same, each costing something different."""
    gaps = {card.id: effect_gap(card) for card in deck.cards.values()}
    close = [card for card, gap in gaps.items() if gap <= 4]
    assert len(close) >= 0.75 * len(gaps), f"only {len(close)} of {len(gaps)} cards within 4"
    assert {card: gap for card, gap in gaps.items() if gap > 10} == {}
