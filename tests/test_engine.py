"""The rules engine: transcripts under fixed seeds, and each rule on its own.

Every session test runs twice: straight, and through the journal (closed, reopened and resumed
after every decision). Both must give the same game.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DECKS, REGENERATE, ROOT, load
from game.rules.session import IncompatibleSave, RuleError, Session
from sessionplay import MODES, first, last, play, scripted, transcript

TRANSCRIPTS = sorted((Path(__file__).parent / "transcripts").glob("*.yaml"))
CHOOSERS = {"first": first, "last": last}


def transcript_text(path: Path, session: Session) -> str:
    """The transcript file ``path`` as ``session`` would write it: its comment and set-up lines
    as they are, then the rounds and the end."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[:next(i for i, line in enumerate(lines) if line.startswith("rounds:")) + 1]
    rounds = [f"  - [{r}, {card}, {option}, {{{', '.join(f'{m}: {v}' for m, v in after.items())}}}]"
              for r, card, option, after in transcript(session)]
    ending = session.ending.id if session.ending else "null"
    return "\n".join(head + rounds + [f"end: {{reason: {session.end_reason}, ending: {ending}}}"]) \
        + "\n"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", TRANSCRIPTS, ids=[p.stem for p in TRANSCRIPTS])
def test_transcript(path, mode, tmp_path, golden, request):
    """Regenerate with --regenerate-golden (see conftest.py), which prints the diff."""
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    deck = load(DECKS / plan["deck"])
    choose = plan["choose"]
    chooser = CHOOSERS[choose] if isinstance(choose, str) else scripted(choose)
    session = play(deck, plan["seed"], chooser, mode, tmp_path)
    text = transcript_text(path, session)
    written = yaml.safe_load(text)
    ending = session.ending.id if session.ending else None
    assert written["rounds"] == transcript(session), "an id YAML reads as something else"
    assert written["end"] == {"reason": session.end_reason, "ending": ending}
    if mode != "straight" and request.config.getoption(REGENERATE):
        # the straight game writes the file; this one must give the same game
        straight = play(deck, plan["seed"], chooser, "straight", tmp_path / "straight")
        assert text == transcript_text(path, straight)
    else:
        golden(path, text)


@pytest.mark.parametrize("mode", MODES)
def test_same_seed_same_game_and_seeds_differ(engine_deck, mode, tmp_path):
    games = [transcript(play(engine_deck, seed, first, mode, tmp_path / str(i)))
             for i, seed in enumerate((7, 7, 8))]
    assert games[0] == games[1]
    assert games[0] != games[2]


def test_follow_up_takes_priority_when_due(engine_deck):
    session = Session.at_card(engine_deck, "start")
    session.choose("plan")
    due = session.history[-1]["scheduled"][0]
    assert due == {"card": "vervolg", "due": session.round + 2}
    session.advance()
    session.choose(session.current_card.options[0].id)
    session.advance()
    assert session.round == due["due"]
    assert session.current_card.id == "vervolg"


def test_conditions_flags_rounds_meters(engine_deck):
    for seed in range(40):
        session = Session.new(engine_deck, seed)
        while not session.is_over:
            card = session.current_card
            if card.id == "met-plan":
                assert "plan" in session.flags
            if card.id == "zonder-plan":
                assert "plan" not in session.flags
            if card.id == "laat":
                assert session.round >= 4
            if card.id == "zwak":
                assert session.meters["legitimiteit"] <= 30
            assert card.id != "nooit", "a card with weight 0 is never drawn"
            session.choose(card.options[seed % 2].id)
            session.advance()


def test_cards_are_used_once_unless_repeatable(engine_deck):
    for seed in range(40):
        session = play(engine_deck, seed, last, "straight", Path("."))
        cards = [h["card"] for h in session.history if h["card"] != "herhaal"]
        assert len(cards) == len(set(cards))


def test_meters_clamp_to_their_range(engine_deck):
    session = Session.at_card(engine_deck, "laat")
    session.choose("a")  # strategie +10 from 20: stays inside 0..40
    assert session.meters["strategie"] == 30
    option = session.deck.card("laat").options[0]
    assert session.effects_of(option) == {"strategie": 10, "legitimiteit": -10}


def test_collapse_at_max_where_the_deck_says_so(engine_deck):
    session = Session.at_card(engine_deck, "laat", meters={"strategie": 35})  # top is 40
    session.choose("a")
    assert session.meters["strategie"] == 40
    assert session.collapsed_meter == "strategie"
    session.advance()
    assert session.is_over and session.end_reason == "collapse"
    assert session.ending.id == "te-veel-strategie"


def test_term_ends_after_the_last_round(engine_deck):
    session = play(engine_deck, 0, first, "straight", Path("."))
    assert session.end_reason == "term" and session.round == engine_deck.term
    assert session.current_card is None
    assert session.advance() is None


def test_running_out_of_cards_ends_the_term_cleanly(tmp_path):
    deck = load(DECKS / "engine")
    only = {k: v for k, v in deck.cards.items() if k in ("start", "vervolg")}
    small = type(deck)(spec=deck.spec, cards=only, folder=deck.folder, content_hash="small")
    session = Session.new(small, 1)
    session.choose("wacht")
    session.advance()
    assert session.is_over and session.end_reason == "exhausted"
    assert session.ending.id == "gewoon"


def test_undo_restores_the_state_exactly(engine_deck):
    session = Session.new(engine_deck, 3)
    before = session.to_dict()
    session.choose(session.current_card.options[0].id)
    session.advance()
    assert session.undo()
    assert session.to_dict() == before
    assert not session.undo()


def test_rules_refuse_moves_out_of_turn(engine_deck):
    session = Session.new(engine_deck, 3)
    with pytest.raises(RuleError):
        session.advance()
    with pytest.raises(RuleError):
        session.choose("no-such-option")
    session.choose(session.current_card.options[0].id)
    with pytest.raises(RuleError):
        session.choose(session.current_card.options[0].id)


def test_saved_state_is_json_and_continues_identically(engine_deck):
    straight = Session.new(engine_deck, 11)
    for _ in range(3):
        straight.choose(straight.current_card.options[1].id)
        straight.advance()
    saved = json.loads(json.dumps(straight.to_dict()))
    loaded, notices = Session.from_dict(engine_deck, saved)
    assert notices == []
    for session in (straight, loaded):
        while not session.is_over:
            session.choose(session.current_card.options[0].id)
            session.advance()
    assert transcript(loaded) == transcript(straight)


def test_a_card_gone_from_the_deck_is_named_and_replaced(engine_deck):
    session = Session.new(engine_deck, 5)
    gone = session.current_card.id
    cards = {k: v for k, v in engine_deck.cards.items() if k != gone}
    changed = type(engine_deck)(spec=engine_deck.spec, cards=cards, folder=engine_deck.folder,
                                content_hash="changed")
    loaded, notices = Session.from_dict(changed, session.to_dict())
    codes = {(n.code, n.card_id) for n in notices}
    assert ("card-gone", gone) in codes and ("deck-changed", "") in codes
    assert loaded.current_card is not None and loaded.current_card.id != gone
    assert loaded.round == 1


def test_preview_starts_at_a_card_with_flags_and_meters(engine_deck):
    session = Session.at_card(engine_deck, "met-plan", flags=("plan",),
                              meters={"legitimiteit": 20, "strategie": 99})
    assert session.current_card.id == "met-plan" and session.round == 1
    assert session.flags == {"plan"}
    assert session.meters == {"legitimiteit": 20, "capaciteit": 50, "strategie": 40}
    session.choose("a")
    assert "plan" not in session.flags
    with pytest.raises(RuleError):
        Session.at_card(engine_deck, "no-such-card")


def test_a_newer_save_is_refused(engine_deck):
    state = Session.new(engine_deck, 1).to_dict()
    state["version"] = 99
    with pytest.raises(IncompatibleSave):
        Session.from_dict(engine_deck, state)


def test_importing_the_engine_does_not_import_pygame():
    code = ("import sys; import game.rules.session, game.table.match, game.table.journal, game.authoring.loader, "
            "game.reports.session_record, game.cli.commands; print('pygame' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_session_without_undo_plays_the_same_game(engine_deck):
    games = []
    for undoable in (True, False):
        session = Session.new(engine_deck, 6, undoable=undoable)
        while not session.is_over:
            session.choose(session.current_card.options[-1].id)
            session.advance()
        games.append(transcript(session))
    assert games[0] == games[1]
    assert not session.undo()
