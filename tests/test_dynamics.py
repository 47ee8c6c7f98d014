"""The deck's dynamics rules: how the meters act on each other after every decision.

Played through the real loader and the real engine on tests/decks/dynamics, a two-meter deck
whose rules reward a strong strategy with capacity, drain strategy when capacity runs out and
read a flag.
"""

from __future__ import annotations

import json

import pytest

from conftest import DECKS, load
from game.balance.simulate import policy_names, simulate, summary
from game.rules.session import Session

DECK = DECKS / "dynamics"


@pytest.fixture(scope="module")
def deck():
    return load(DECK)


def test_a_rule_fires_on_the_meters_the_option_left_and_is_recorded(deck):
    session = Session.new(deck, seed=1)
    record = session.choose("ambitie")  # strategie 50 -> 65, capaciteit 20 -> 15
    assert record["dynamics"] == [{"id": "begroting", "changes": {"capaciteit": 8}}]
    assert record["meters_after"] == {"strategie": 65, "capaciteit": 23}
    assert session.meters == record["meters_after"]
    assert session.history[-1]["dynamics"] == record["dynamics"]


def test_no_rule_fires_when_its_conditions_do_not_hold(deck):
    session = Session.new(deck, seed=1)
    record = session.choose("rust")
    assert record["dynamics"] == []
    assert record["meters_after"] == {"strategie": 45, "capaciteit": 25}


def test_rules_are_clamped_and_each_fires_once_per_decision(deck):
    session = Session.new(deck, seed=1)
    for _ in range(3):
        session.choose("ambitie")
        session.advance()
    # strategie 95 -> 100 (clamped), capaciteit 24 - 5 + 8 = 27 ... the meter's max is 30
    record = session.choose("ambitie")
    assert record["meters_after"]["strategie"] == 100
    assert [d["id"] for d in record["dynamics"]] == ["begroting"]
    assert record["meters_after"]["capaciteit"] <= 30
    changes = record["dynamics"][0]["changes"]["capaciteit"]
    assert record["meters_before"]["capaciteit"] - 5 + changes == record["meters_after"]["capaciteit"]
    assert changes < 8, "clamped at the meter's max, the recorded change is what it really was"


def test_every_rule_reads_the_meters_as_the_option_left_them(deck):
    # uitputten: strategie 50 -> 70 and capaciteit 20 -> 5; both the reward (strategie >= 60) and
    # the drain (capaciteit <= 10) hold on those meters, so both fire, whatever the other did.
    session = Session.new(deck, seed=1)
    record = session.choose("uitputten")
    assert [d["id"] for d in record["dynamics"]] == ["begroting", "uitgeput"]
    assert record["meters_after"] == {"strategie": 55, "capaciteit": 13}


def test_flags_and_rounds_in_a_rule(deck):
    session = Session.new(deck, seed=1)
    record = session.choose("pilot")  # round 1: the rule needs round 2 or later
    assert record["dynamics"] == []
    session.advance()
    record = session.choose("rust")
    assert record["dynamics"] == [{"id": "pilot-loopt", "changes": {"strategie": 1}}]


def test_a_collapse_caused_by_a_rule_ends_the_game(deck):
    session = Session.at_card(deck, "koers", meters={"strategie": 10, "capaciteit": 8})
    record = session.choose("pilot")  # strategie 9, capaciteit 8: uitgeput takes it to 0
    assert record["dynamics"] == [{"id": "uitgeput", "changes": {"strategie": -9}}]
    assert record["meters_after"]["strategie"] == 0
    session.advance()
    assert session.is_over and session.collapsed_meter == "strategie"
    assert session.ending.id == "stuurloos"


def test_undo_takes_the_rules_back_with_the_decision(deck):
    session = Session.new(deck, seed=1)
    before = session.to_dict()
    session.choose("ambitie")
    assert session.undo()
    assert session.to_dict() == before


def test_a_saved_game_keeps_what_fired_and_plays_on_identically(deck):
    session = Session.new(deck, seed=4)
    session.choose("ambitie")
    session.advance()
    saved = json.loads(json.dumps(session.to_dict()))
    loaded, notices = Session.from_dict(deck, saved)
    assert notices == []
    assert loaded.history[0]["dynamics"] == session.history[0]["dynamics"]
    for game in (session, loaded):
        game.choose("uitputten")
    assert loaded.to_dict() == session.to_dict()


def test_preview_of_an_option_matches_the_decision(deck):
    session = Session.new(deck, seed=1)
    option = session.current_card.option("uitputten")
    meters, fired = session.meters_after(option)
    record = session.choose("uitputten")
    assert meters == record["meters_after"] and fired == record["dynamics"]


def test_a_deck_without_rules_records_no_dynamics():
    deck = load(DECKS / "engine")
    session = Session.new(deck, seed=1)
    record = session.choose(session.current_card.options[0].id)
    assert "dynamics" not in record


def test_the_simulator_reports_the_best_ending_and_plays_every_policy(deck):
    assert policy_names(deck) == ["random", "cautious", "greedy", "lookahead",
                                  "only:strategie", "only:capaciteit"]
    for policy in policy_names(deck):
        found = summary(deck, simulate(deck, 40, seed=2, policy=policy, workers=1), policy, 2)
        assert found["best_ending"] == "goed"
        assert 0 <= found["best_ending_pct"] <= 100
        assert found["best_ending_pct"] == found["endings_pct"].get("goed", 0.0)
    only = summary(deck, simulate(deck, 40, seed=2, policy="only:capaciteit", workers=1),
                   "only:capaciteit", 2)
    assert only["endings_pct"].get("goed", 0.0) == 0.0, "resting forever never reaches 60"


def test_simulate_on_the_command_line_knows_the_policies_and_marks_the_best_ending():
    import subprocess
    import sys

    from conftest import ROOT

    def run(*args):
        return subprocess.run([sys.executable, "main.py", "simulate", str(DECK), "--games", "20",
                               *args], cwd=ROOT, capture_output=True, text=True, timeout=120)

    done = run("--policy", "only:capaciteit", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["policy"] == "only:capaciteit" and found["best_ending"] == "goed"
    done = run("--policy", "lookahead", "--lang", "en")
    assert done.returncode == 0 and "Best ending (Goed)" in done.stdout
    done = run("--policy", "only:kapaciteit")
    assert done.returncode == 2 and "only:kapaciteit" in done.stderr
    assert "only:capaciteit" in done.stderr and "Traceback" not in done.stderr
