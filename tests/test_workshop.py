"""Workshops: several teams, the same cards in the same order, each team its own consequences.

Every play-through test runs twice: straight, and through a saved state (JSON) after every
decision, as after a restart.
"""

from __future__ import annotations

import json

import pytest

from game.rules.session import RuleError
from game.rules.workshop import Workshop

MODES = ("straight", "saved")


def _reload(workshop: Workshop, mode: str) -> Workshop:
    if mode == "straight":
        return workshop
    loaded, notices = Workshop.from_dict(workshop.deck, json.loads(json.dumps(workshop.to_dict())))
    assert notices == []
    return loaded


def play(deck, seed, mode, teams=("Rood", "Blauw")):
    """Team 0 always takes the first option, team 1 the last, team 2 the middle one."""
    workshop = Workshop.new(deck, seed, list(teams))
    dealt = []
    while not workshop.is_over:
        card = workshop.current_card
        dealt.append((workshop.round, card.id, workshop.applies))
        for team in workshop.waiting:
            options = card.options
            pick = [options[0], options[-1], options[len(options) // 2]][team]
            workshop.choose(team, pick.id, votes={pick.id: 3})
            workshop = _reload(workshop, mode)
        workshop.advance()
        workshop = _reload(workshop, mode)
    return workshop, dealt


@pytest.mark.parametrize("mode", MODES)
def test_every_team_gets_the_same_cards_in_the_same_order(engine_deck, mode):
    first, dealt = play(engine_deck, 10, mode)
    again, dealt_again = play(engine_deck, 10, "straight")
    assert dealt == dealt_again
    assert [t.history for t in first.teams] == [t.history for t in again.teams]
    for round_no, card, applies in dealt:
        for team in applies:
            assert any(h["round"] == round_no and h["card"] == card
                       for h in first.teams[team].history)


@pytest.mark.parametrize("mode", MODES)
def test_a_follow_up_comes_only_to_the_team_whose_choice_scheduled_it(engine_deck, mode):
    workshop, dealt = play(engine_deck, 10, mode)
    planned = [h for h in workshop.teams[0].history if h["card"] == "start"]
    assert planned and planned[0]["option"] == "plan"
    follow = [(r, applies) for r, card, applies in dealt if card == "vervolg"]
    assert follow == [(planned[0]["round"] + 2, [0])]
    assert all(h["card"] != "vervolg" for h in workshop.teams[1].history)


def test_votes_and_notes_are_kept_and_undo_takes_a_decision_back(engine_deck):
    workshop = Workshop.new(engine_deck, 3, ["A", "B"])
    before = workshop.to_dict()
    card = workshop.current_card
    workshop.note("  Lang gesprek over de raad.  ")
    workshop.choose(0, card.options[0].id, votes={card.options[0].id: 4, card.options[1].id: 2})
    assert workshop.waiting == [1]
    with pytest.raises(RuleError):
        workshop.advance()
    workshop.choose(1, card.options[1].id, votes={card.options[1].id: 5})
    workshop.advance()
    assert [v["votes"] for v in workshop.votes] == [{card.options[0].id: 4, card.options[1].id: 2},
                                                   {card.options[1].id: 5}]
    assert workshop.notes == {card.id: "Lang gesprek over de raad."}
    assert workshop.undo() and workshop.undo()  # back across the dealt round
    state = workshop.to_dict()
    assert state["notes"] == {card.id: "Lang gesprek over de raad."}
    state.pop("notes")
    before.pop("notes")
    assert state == before
    assert not workshop.undo()


def test_a_team_that_collapses_stops_while_the_others_play_on(engine_deck):
    for seed in range(40):
        workshop, dealt = play(engine_deck, seed, "straight", teams=("A", "B", "C"))
        reasons = [t.end_reason for t in workshop.teams]
        if "collapse" in reasons and "term" in reasons:
            fallen = reasons.index("collapse")
            last_round = workshop.teams[fallen].history[-1]["round"]
            assert all(fallen not in applies for r, _, applies in dealt if r > last_round)
            return
    pytest.fail("no seed where one team collapses and another completes the term")


def test_team_count_is_one_to_six(engine_deck):
    with pytest.raises(RuleError):
        Workshop.new(engine_deck, 1, [])
    with pytest.raises(RuleError):
        Workshop.new(engine_deck, 1, [str(i) for i in range(7)])
    assert len(Workshop.new(engine_deck, 1, [str(i) for i in range(6)]).teams) == 6


def test_a_card_gone_from_the_deck_is_skipped_by_the_teams_still_waiting(engine_deck):
    workshop = Workshop.new(engine_deck, 5, ["A", "B"])
    card = workshop.current_card
    workshop.choose(0, card.options[0].id)
    cards = {k: v for k, v in engine_deck.cards.items() if k != card.id}
    changed = type(engine_deck)(spec=engine_deck.spec, cards=cards, folder=engine_deck.folder,
                                content_hash="changed")
    loaded, notices = Workshop.from_dict(changed, workshop.to_dict())
    assert ("card-gone", card.id) in {(n.code, n.card_id) for n in notices}
    assert loaded.phase == "outcome" and loaded.waiting == []
    assert loaded.teams[0].decisions == 1 and loaded.teams[1].decisions == 0
    assert loaded.advance() is not None


def test_a_journalled_workshop_resumes_with_every_vote_and_note(engine_deck, tmp_path):
    from game.table.journal import Journal
    from game.table.workshop_match import WorkshopMatch

    journal = Journal.open(tmp_path)
    match = WorkshopMatch.start(engine_deck, "deck", "nl", ["Rood", "Blauw"], journal, seed=4)
    card = match.workshop.current_card
    match.note("Discussie over de raad")
    match.choose(0, card.options[0].id, votes={card.options[0].id: 6})
    journal.close()  # the laptop's lid closes mid-card
    match.release()  # the process is gone: the operating system lets go of its session

    journal = Journal.open(tmp_path)
    saved = journal.latest_unfinished()
    assert saved.is_workshop and saved.decisions == 1
    resumed, notices = WorkshopMatch.resume(engine_deck, saved, journal)
    assert notices == []
    assert resumed.workshop.current_card.id == card.id and resumed.workshop.waiting == [1]
    assert resumed.workshop.notes == {card.id: "Discussie over de raad"}
    assert resumed.workshop.votes[0]["votes"] == {card.options[0].id: 6}
    assert [kind for kind, _ in journal.events(saved.id)] == ["start", "note", "decide"]
    journal.close()


def test_term_and_aspects_chosen_for_the_workshop(tmp_path):
    from conftest import DEFAULT_DECK, load

    deck = load(DEFAULT_DECK)
    workshop = Workshop.new(deck, 2, ["A"], term=5, aspects=["4a", "4b"])
    while not workshop.is_over:
        card = workshop.current_card
        assert card.follow_up_only or {"4a", "4b"} & set(card.aspects)
        workshop.choose(0, card.options[0].id)
        workshop.advance()
    assert workshop.term == 5 and workshop.teams[0].decisions <= 5
    loaded, _ = Workshop.from_dict(deck, json.loads(json.dumps(workshop.to_dict())))
    assert set(loaded.deck.cards) == set(workshop.deck.cards) < set(deck.cards)
