"""A playthrough plays exactly the game a session plays.

The simulator plays its games with :func:`~game.rules.playthrough.play_through`, one function
with the game in local variables; the table plays them with a
:class:`~game.rules.session.Session`, a decision at a time. Both are driven here by the same
chooser and seed, and must agree on every pick, the meters after every decision, how the game
ended and which meter collapsed: on both bundled decks with every policy, and on generated decks
that use every rule the engine has (follow-ups and their delays, flags set and cleared,
conditions on flags, rounds and meters, dynamics, repeatable and follow-up-only cards, weights
of nought, collapses at either end, and terms longer than the deck, so the draw runs dry).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import DEFAULT_DECK, ROOT, load
from game.balance.simulate import chooser, game_seed, policy_names
from game.format.deck import Deck
from game.format.models import DeckFile
from game.rules.playthrough import play_through, session_playthrough
from game.rules.session import RuleError, Session

DECKS = [DEFAULT_DECK, ROOT / "scenarios" / "raadsleden"]


def session_game(deck: Deck, seed: int, policy: str, undoable: bool = True):
    """The game ``play_through`` plays, played by a session the way the table plays it."""
    choose = chooser(policy, deck, random.Random(seed))
    session = Session.new(deck, seed, undoable=undoable)
    while not session.is_over:
        options = deck.option_lists[session.current_card.id]
        picked = choose(options, session.meters, sorted(session.flags), session.round)
        session.choose(options[picked].id)
        session.advance()
    return session_playthrough(session)


def fast_game(deck: Deck, seed: int, policy: str):
    return play_through(deck, seed, chooser(policy, deck, random.Random(seed)))


@pytest.fixture(scope="module", params=DECKS, ids=lambda folder: folder.name)
def deck(request):
    return load(request.param)


def test_every_policy_plays_the_sessions_games_on_the_bundled_decks(deck):
    ends = set()
    for policy in policy_names(deck):
        if policy == "lookahead":  # played as sessions by the simulator itself
            continue
        for game in range(150 if policy == "random" else 40):
            seed = game_seed(11, game)
            fast = fast_game(deck, seed, policy)
            assert fast == session_game(deck, seed, policy), (policy, seed)
            ends.add(fast.end_reason)
    assert ends >= {"term", "collapse"}


def test_a_session_that_cannot_undo_plays_the_same_game(deck):
    for game in range(60):
        seed = game_seed(12, game)
        assert session_game(deck, seed, "random", undoable=False) == \
            session_game(deck, seed, "random")


def test_the_trail_starts_at_the_start_and_ends_at_the_final_meters(deck):
    seed = game_seed(13, 0)
    game = fast_game(deck, seed, "greedy")
    assert game.trail[0] == tuple(m.start for m in deck.meters)
    assert len(game.trail) == len(game.picks) + 1
    assert game.final == game.trail[-1]


def test_an_unfinished_session_has_no_playthrough(deck):
    with pytest.raises(RuleError):
        session_playthrough(Session.new(deck, 1))


def test_a_deck_whose_weights_do_not_add_up_exactly_runs_out_of_cards_cleanly():
    """1 + 0.1 + 3.3 in deck order is 4.4, in the order 3.3, 1, 0.1 a hair less: when every
    card is used, the draw must see that none is left rather than pick from nothing."""
    cards = [{"id": f"k{n}", "title": "Kaart", "text": "Tekst.", "weight": weight,
              "options": [{"id": "a", "label": "A", "effects": {"a": 1}},
                          {"id": "b", "label": "B", "effects": {"a": -1}}]}
             for n, weight in enumerate([1, 0.1, 3.3])]
    deck = as_deck({"format": 1, "id": "afronding", "title": "Afronding", "term": 5,
                    "meters": [{"id": "a", "label": "A", "start": 50}], "cards": cards,
                    "endings": [{"id": "klaar", "trigger": "term", "title": "Klaar",
                                 "text": "Om."}]})
    orders = set()
    for seed in range(60):
        game = fast_game(deck, seed, "random")
        assert game == session_game(deck, seed, "random")
        assert game.end_reason == "exhausted" and game.ending == "klaar"
        orders.add(tuple(card for card, _ in game.picks))
    assert ("k2", "k0", "k1") in orders


# ------------------------------------------------------------------ generated decks
METERS = ["a", "b", "c"]
FLAGS = ["f", "g", "h"]
names = st.sampled_from(FLAGS)


@st.composite
def conditions(draw) -> dict:
    when: dict = {}
    if draw(st.booleans()):
        when["flags"] = draw(st.lists(names, max_size=2, unique=True))
    if draw(st.booleans()):
        when["not_flags"] = [f for f in draw(st.lists(names, max_size=2, unique=True))
                             if f not in when.get("flags", [])]
    if draw(st.booleans()):
        low = draw(st.integers(1, 8))
        when["rounds"] = {"min": low, "max": low + draw(st.integers(0, 8))}
    if draw(st.booleans()):
        meter = draw(st.sampled_from(METERS))
        bound = draw(st.integers(0, 20))
        when["meters"] = {meter: {"min": bound} if draw(st.booleans()) else {"max": bound}}
    return {k: v for k, v in when.items() if v}


@st.composite
def generated_decks(draw) -> dict:
    meters = [{"id": m, "label": m.upper(), "min": 0, "max": 20,
               "start": draw(st.integers(3, 17)),
               "collapse": draw(st.sampled_from(["min", "max", "both", "none"]))}
              for m in METERS]
    count = draw(st.integers(2, 7))
    ids = [f"k{n}" for n in range(count)]
    cards = []
    for card_id in ids:
        options = []
        for n in range(draw(st.integers(2, 3))):
            option = {"id": f"o{n}", "label": f"Optie {n}",
                      "effects": {m: draw(st.integers(-6, 6)) for m in METERS
                                  if draw(st.booleans())}}
            if draw(st.integers(0, 3)) == 0:
                option["set_flags"] = draw(st.lists(names, min_size=1, max_size=2, unique=True))
            if draw(st.integers(0, 3)) == 0:
                option["clear_flags"] = draw(st.lists(names, min_size=1, max_size=2,
                                                      unique=True))
            if draw(st.integers(0, 2)) == 0:
                option["follow_up"] = {"card": draw(st.sampled_from(ids)),
                                       "after": draw(st.integers(1, 3))}
            options.append(option)
        card = {"id": card_id, "title": card_id, "text": "Tekst.", "options": options,
                "weight": draw(st.sampled_from([0, 0.1, 0.5, 1, 1, 2, 3.3])),
                "repeatable": draw(st.booleans()),
                "follow_up_only": draw(st.integers(0, 5)) == 0}
        when = draw(conditions()) if draw(st.booleans()) else {}
        if when:
            card["when"] = when
        cards.append(card)
    dynamics = []
    for n in range(draw(st.integers(0, 3))):
        rule = {"id": f"r{n}", "text": "Iets gebeurt.",
                "effects": {m: draw(st.integers(-4, 4)) for m in METERS if draw(st.booleans())}}
        when = draw(conditions())
        if when:
            rule["when"] = when
        dynamics.append(rule)
    endings = [{"id": f"val-{m}-{side}", "trigger": "collapse", "meter": m, "at": side,
                "title": "Val", "text": "Einde."}
               for m in METERS for side in ("min", "max") if draw(st.booleans())]
    endings += [{"id": "sterk", "trigger": "term", "meters": {"a": {"min": 10}},
                 "title": "Sterk", "text": "Goed."},
                {"id": "klaar", "trigger": "term", "title": "Klaar", "text": "Om."}]
    return {"format": 1, "id": "gegenereerd", "title": "Gegenereerd",
            "term": draw(st.integers(1, 16)), "meters": meters, "endings": endings,
            "dynamics": dynamics, "cards": cards}


def as_deck(data: dict) -> Deck:
    spec = DeckFile.model_validate(data)
    return Deck(spec=spec, cards={c.id: c for c in spec.cards}, folder=Path("."),
                content_hash="gegenereerd")


@settings(max_examples=250, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(data=generated_decks(), seeds=st.lists(st.integers(0, 2 ** 48), min_size=1,
                                              max_size=4),
       policy=st.sampled_from(["random", "cautious", "greedy", "only:b"]))
def test_generated_decks_play_the_same_both_ways(data, seeds, policy):
    deck = as_deck(data)
    for seed in seeds:
        assert fast_game(deck, seed, policy) == session_game(deck, seed, policy)
