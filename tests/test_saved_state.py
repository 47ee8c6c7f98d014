"""Journals written before the state had types still resume and still make the same reports.

``fixtures/journal_v1.json`` holds the rows of a real journal written by the game when a
session's state was version 1 and a workshop's state had no version: a single game (votes, a
team name and notes only in the journal's events, an undo, a note on an undecided card) and a
workshop of three teams (votes, notes, an undo across a dealt round). With it: how each game
played on after resuming, and the report made from each, all as that code made them.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import TESTS
from game.reports.content import build_report, teams_from_journal
from game.table.journal import FILE_NAME, Journal
from game.table.match import Match
from game.table.workshop_match import WorkshopMatch

FIXTURE = json.loads((TESTS / "fixtures" / "journal_v1.json").read_text(encoding="utf-8"))
META = {"generated": "2026-01-01T00:00:00+00:00"}
#: What a version 1 session state held; later versions only add to it.
V1_SESSION_KEYS = set(FIXTURE["single_final"]) - {"version"}


def pick(card, round_no: int, k: int = 0) -> str:
    """The policy the fixture's games played on with."""
    return card.options[(round_no + k) % len(card.options)].id


@pytest.fixture
def old_journal(tmp_path, engine_deck):
    """The fixture's rows in a journal file, exactly as the old code left them."""
    assert engine_deck.content_hash == FIXTURE["deck_hash"], "the engine test deck changed"
    Journal.open(tmp_path).close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    rows = FIXTURE["journal"]
    db.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["sessions"])
    db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", rows["events"])
    db.commit()
    db.close()
    journal = Journal.open(tmp_path)
    yield journal
    journal.close()


def v1_view(state: dict) -> dict:
    """A session state as version 1 held it."""
    return {k: v for k, v in state.items() if k in V1_SESSION_KEYS}


def test_an_old_single_game_resumes_and_plays_on_identically(engine_deck, old_journal):
    saved = old_journal.session(FIXTURE["single_id"])
    match, notices = Match.resume(engine_deck, saved, None)
    assert notices == []
    assert v1_view(match.session.to_dict()) == v1_view(saved.state)
    steps = []
    while not match.session.is_over:
        card = match.session.current_card
        record = match.choose(pick(card, match.session.round))
        steps.append([record["round"], record["card"], record["option"], record["meters_after"]])
        match.advance()
    assert steps == FIXTURE["single_play_on"]
    assert v1_view(match.session.to_dict()) == v1_view(FIXTURE["single_final"])


def test_an_old_workshop_resumes_and_plays_on_identically(engine_deck, old_journal):
    saved = old_journal.session(FIXTURE["workshop_id"])
    match, notices = WorkshopMatch.resume(engine_deck, saved, None)
    assert notices == []
    workshop = match.workshop
    steps = []
    while not workshop.is_over:
        card = workshop.current_card
        for team in workshop.waiting:
            option = pick(card, workshop.round, team)
            match.choose(team, option, {option: 2 + team})
        steps.append([workshop.round, card.id, [t.meters for t in workshop.teams]])
        match.advance()
    assert steps == FIXTURE["workshop_play_on"]
    final, expected = workshop.to_dict(), FIXTURE["workshop_final"]
    assert [v1_view(t) for t in final.pop("teams")] == [v1_view(t) for t in expected.pop("teams")]
    assert {k: v for k, v in final.items() if k in expected} == expected


def test_every_old_state_loads_and_saves_unchanged(engine_deck):
    from game.rules.session import Session
    from game.rules.workshop import Workshop

    for row in FIXTURE["journal"]["events"]:
        state = json.loads(row[5])
        if state.get("kind") == "workshop":
            workshop, _ = Workshop.from_dict(engine_deck, state)
            saved = workshop.to_dict()
            assert [v1_view(t) for t in saved.pop("teams")] == \
                [v1_view(t) for t in state.pop("teams")]
            assert {k: v for k, v in saved.items() if k in state} == state
        else:
            session, _ = Session.from_dict(engine_deck, state, redeal=False)
            assert v1_view(session.to_dict()) == v1_view(state)


#: What reports gained after the fixture was written: the causal trace and the essay's
#: recommendations per team, the labels they are shown with, and the language the deck's
#: texts are shown in.
NEWER_REPORT_KEYS = ("labels",)
NEWER_TEAM_KEYS = ("causes", "recommendations")
NEWER_DECK_KEYS = ("lang",)


def as_of_fixture(report: dict) -> dict:
    """The report without what was added after the fixture was written (which the tests of
    those parts check), so what the fixture holds must still match exactly."""
    older = {k: v for k, v in report.items() if k not in NEWER_REPORT_KEYS}
    older["deck"] = {k: v for k, v in report["deck"].items() if k not in NEWER_DECK_KEYS}
    older["teams"] = [{k: v for k, v in team.items() if k not in NEWER_TEAM_KEYS}
                      for team in report["teams"]]
    return older


@pytest.mark.parametrize("which", ["single_id", "workshop_id"])
def test_reports_from_an_old_journal_are_unchanged(engine_deck, old_journal, which):
    session_id = FIXTURE[which]
    report = build_report(engine_deck, teams_from_journal(old_journal, [session_id]), lang="nl",
                          meta=META)
    assert as_of_fixture(report) == FIXTURE["reports"][str(session_id)]
    # an old journal's history is enough to trace why the meters moved
    for team in report["teams"]:
        assert any(team["causes"].values()) and len(team["recommendations"]) == 4


def test_an_old_single_game_resumed_keeps_its_votes_and_notes_in_its_state(engine_deck,
                                                                            old_journal):
    """Resuming moves what the old journal's events say into the game's state: the live
    debrief then tells what the report over the old journal tells."""
    from game.reports.content import report_for_match

    saved = old_journal.session(FIXTURE["single_id"])
    match, _ = Match.resume(engine_deck, saved, old_journal)
    session = match.session
    assert session.team == "Noord"
    assert [v["round"] for v in session.votes] == [1, 2, 3]
    assert session.notes["zonder-plan"] == "Voor het besluit.\nToch twijfel."
    assert session.notes[session.current_card.id] == "Nog niet besloten."
    live = report_for_match(match, "nl", meta=META)
    assert as_of_fixture(live) == FIXTURE["reports"][str(FIXTURE["single_id"])]
    old = build_report(engine_deck, teams_from_journal(old_journal, [FIXTURE["single_id"]]),
                       lang="nl", meta=META)
    assert live["teams"][0]["causes"] == old["teams"][0]["causes"]


def test_a_newer_saved_state_is_refused(engine_deck):
    from game.rules.session import IncompatibleSave, Session
    from game.rules.workshop import Workshop

    single = json.loads(FIXTURE["journal"]["events"][0][5])
    with pytest.raises(IncompatibleSave):
        Session.from_dict(engine_deck, {**single, "version": 3})
    workshop = next(json.loads(row[5]) for row in FIXTURE["journal"]["events"]
                    if json.loads(row[5]).get("kind") == "workshop")
    assert "version" not in workshop  # the form before workshops had a version loads
    Workshop.from_dict(engine_deck, workshop)
    with pytest.raises(IncompatibleSave):
        Workshop.from_dict(engine_deck, {**workshop, "version": 2})
