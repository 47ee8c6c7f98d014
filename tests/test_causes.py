"""The causal trace: which decisions moved each meter most, and what scheduled a follow-up."""

from __future__ import annotations

from conftest import DECKS, load
from game.reports.causes import causes, scheduled_by
from game.rules.session import Session


def decision(round_no, card, option, before, after, scheduled=()):
    return {"round": round_no, "card": card, "option": option, "meters_before": before,
            "meters_after": after, "scheduled": [dict(s) for s in scheduled]}


HISTORY = [
    decision(1, "scanauto", "ja", {"m": 50, "k": 50}, {"m": 40, "k": 53},
             [{"card": "krant", "due": 3}]),
    decision(2, "robot", "nee", {"m": 40, "k": 53}, {"m": 42, "k": 45}),
    decision(3, "krant", "zwijg", {"m": 42, "k": 45}, {"m": 30, "k": 45}),
    decision(4, "raad", "uitleg", {"m": 30, "k": 45}, {"m": 30, "k": 45}),
]


def test_the_largest_changes_come_first_and_unmoved_meters_are_empty():
    trace = causes(HISTORY, ["m", "k", "s"])
    assert [(c["card"], c["delta"]) for c in trace["m"]] == [
        ("krant", -12), ("scanauto", -10), ("robot", 2)]
    assert [(c["card"], c["delta"]) for c in trace["k"]] == [("robot", -8), ("scanauto", 3)]
    assert trace["s"] == []


def test_a_follow_up_names_the_decision_that_scheduled_it():
    trace = causes(HISTORY, ["m"])
    krant = trace["m"][0]
    assert krant["scheduled_by"] == {"round": 1, "card": "scanauto", "option": "ja"}
    assert [c["scheduled_by"] for c in trace["m"][1:]] == [None, None]
    # a card scheduled for a later round than the one it came up in was not scheduled by it
    early = [decision(1, "a", "x", {}, {}, [{"card": "b", "due": 5}]),
             decision(2, "b", "y", {"m": 1}, {"m": 2})]
    assert scheduled_by(early, 1) is None


def test_ties_keep_the_earlier_round_and_the_list_is_cut():
    history = [decision(r, f"c{r}", "o", {"m": 0}, {"m": 4}) for r in range(1, 9)]
    trace = causes(history, ["m"], most=3)["m"]
    assert [c["round"] for c in trace] == [1, 2, 3]


def test_a_real_game_traces_its_follow_up_back():
    deck = load(DECKS / "engine")
    session = Session.at_card(deck, "start", seed=4)
    session.choose("plan")
    while not session.is_over:
        session.advance()
        if session.is_over or session.phase != "card":
            continue
        card = session.current_card
        session.choose(card.options[0].id)
    history = session.to_dict()["history"]
    assert "vervolg" in [d["card"] for d in history]
    trace = causes(history, [m.id for m in deck.spec.meters])
    traced = [c for cs in trace.values() for c in cs if c["card"] == "vervolg"]
    assert traced and all(c["scheduled_by"] == {"round": 1, "card": "start", "option": "plan"}
                          for c in traced)
