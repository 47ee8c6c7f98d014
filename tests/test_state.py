"""The typed state of a game and of a workshop, and its one saved form."""

from __future__ import annotations

import json

from game.rules.session import Session
from game.rules.state import (SESSION_SAVE_VERSION, WORKSHOP_SAVE_VERSION, SessionState,
                              WorkshopState)
from game.rules.workshop import Workshop


def played(deck, seed: int = 3) -> Session:
    session = Session.new(deck, seed)
    for round_no in range(3):
        card = session.current_card
        session.note(f"Notitie {round_no}")
        session.choose(card.options[-1].id, votes={card.options[-1].id: round_no + 1})
        if session.is_over:
            break
        session.advance()
    return session


def test_the_saved_form_is_plain_json_and_reads_back_the_same(engine_deck):
    session = played(engine_deck)
    data = session.to_dict()
    assert data["version"] == SESSION_SAVE_VERSION
    assert json.loads(json.dumps(data)) == data
    assert SessionState.from_dict(data).to_dict() == data
    again, notices = Session.from_dict(engine_deck, data)
    assert notices == [] and again.to_dict() == data
    workshop = Workshop.new(engine_deck, 4, ["A", "B"])
    data = workshop.to_dict()
    assert data["version"] == WORKSHOP_SAVE_VERSION
    assert WorkshopState.from_dict(data).to_dict() == {k: v for k, v in data.items()
                                                        if k != "teams"}
    assert Workshop.from_dict(engine_deck, data)[0].to_dict() == data


def test_the_saved_form_shares_nothing_with_the_game(engine_deck):
    session = played(engine_deck)
    data = session.to_dict()
    data["meters"].clear()
    data["votes"].clear()
    data["notes"].clear()
    data["history"][0]["meters_after"].clear()
    assert session.meters and session.votes and session.notes
    assert session.history[0]["meters_after"]


def test_a_single_game_keeps_votes_and_notes_and_undo_takes_the_vote_back(engine_deck):
    session = Session.new(engine_deck, 5)
    card = session.current_card
    session.note("  Lang besproken.  ")
    session.choose(card.options[0].id, votes={card.options[0].id: 4})
    assert session.votes == [{"round": 1, "card": card.id, "option": card.options[0].id,
                              "votes": {card.options[0].id: 4}}]
    assert session.notes == {card.id: "Lang besproken."}
    assert session.undo()
    assert session.votes == [] and session.notes == {card.id: "Lang besproken."}
    session.choose(card.options[1].id)  # no votes counted: no vote split kept
    assert session.votes == []
    session.name_team(" Noord ")
    assert session.team == "Noord" and session.to_dict()["team"] == "Noord"
