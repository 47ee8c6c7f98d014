"""The table for deck authors: a preview straight at a card, F5 to reload the deck while
playing, and validate's check that every text fits the screen. Headless, with real pygame events.

Tests that edit a deck work on a copy in a temporary folder.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
# uihelpers first: it points SDL at its dummy drivers before pygame loads
from uihelpers import DEMO, ROOT, assert_notice_shown, key, make_app

import pygame
from conftest import DEFAULT_DECK

OVERFLOW = ROOT / "tests" / "decks" / "invalid" / "w201_text_overflow"


def copy_demo(tmp_path) -> Path:
    deck = tmp_path / "deck"
    shutil.copytree(DEMO, deck)
    return deck


def cards_file(deck: Path) -> Path:
    return deck / "cards" / "cards.yaml"


def edit(deck: Path, old: str, new: str) -> None:
    file = cards_file(deck)
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def remove_card(deck: Path, card_id: str) -> None:
    file = cards_file(deck)
    lines = file.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  - id: {card_id}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id: ")),
               len(lines))
    file.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")


# -- preview ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("pygame_display")
def test_preview_opens_at_the_card_with_flags_and_meters_and_is_not_journalled(tmp_path):
    from game.ui.single.card import CardScene
    from game.ui.single.outcome import OutcomeScene

    app = make_app(tmp_path, card="robot", flags=("scanauto",),
                   meters=(("legitimiteit", 30), ("strategie", 70)))
    scene = app.scene
    assert isinstance(scene, CardScene) and scene.card.id == "robot"
    session = app.match.session
    assert session.round == 1 and session.flags == {"scanauto"}
    assert session.meters == {"legitimiteit": 30, "capaciteit": 50, "strategie": 70}
    assert app.match.journal is None and app.match.session_id is None
    assert "robot" in app.warning and "F5" in app.warning
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, OutcomeScene)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, CardScene) and app.match.session.round == 2, "plays on"
    assert app.journal.sessions() == [], "a preview is never offered for resume"
    app.close()


@pytest.mark.usefixtures("pygame_display")
def test_starting_over_a_preview_starts_at_its_card_again(tmp_path):
    app = make_app(tmp_path, card="krant", meters=(("capaciteit", 20),))
    key(app, pygame.K_2, "2")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_3, "3")  # menu: start over
    session = app.match.session
    assert app.scene.card.id == "krant" and session.decisions == 0
    assert session.meters["capaciteit"] == 20 and app.match.journal is None
    app.close()


@pytest.mark.usefixtures("pygame_display")
def test_a_preview_of_a_card_the_deck_lacks_says_so_on_screen(tmp_path):
    app = make_app(tmp_path, card="robott")
    assert_notice_shown(app, ["dit deck heeft geen kaart 'robott' (bedoel je 'robot'?)"])
    assert app.match.journal is None
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert app.notices == [] and app.scene.layout.notice is None, "said once, on the first card"
    app.close()


def _play(*args, data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "play", str(DEMO), "--headless",
                           "--exit-after-first-frame", "--data-dir", str(data), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_the_command_line_refuses_an_unknown_card_or_meter_with_the_nearest_id(tmp_path):
    done = _play("--card", "robott", data=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "robott" in done.stderr and "bedoel je 'robot'?" in done.stderr
    done = _play("--card", "robot", "--meters", "legitimitijd=30", "--lang", "en", data=tmp_path)
    assert done.returncode == 2
    assert "no meter 'legitimitijd'" in done.stderr
    assert "did you mean 'legitimiteit'?" in done.stderr
    assert not tmp_path.exists() or not any(tmp_path.iterdir()), "stopped before the table"


def test_the_command_line_opens_a_preview_and_notes_odd_flags(tmp_path):
    done = _play("--card", "robot", "--flags", "scanatuo", "--meters", "legitimiteit=300",
                 data=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "scanatuo" in done.stderr and "bedoel je 'scanauto'?" in done.stderr
    assert "legitimiteit=300" in done.stderr and "100" in done.stderr
    from game.table.journal import Journal

    journal = Journal.open(tmp_path)
    assert journal.sessions() == [], "a preview is not journalled"
    journal.close()


def test_check_preview_without_a_window():
    from game.authoring.loader import load_deck
    from game.authoring.preview import check_preview

    deck = load_deck(DEMO).deck
    assert check_preview(deck, "robot", ("scanauto",), (("strategie", 40),)).errors == []
    found = check_preview(deck, "zzz", (), (("zzz", 1),), lang="en")
    assert found.errors[0].startswith("this deck has no card 'zzz'; its cards: lang, robot")
    assert found.errors[1].startswith("this deck has no meter 'zzz'; its meters: legitimiteit")


WAITING_DECK = """\
format: 1
id: test
title: Test
meters:
  - {id: strategie, label: Strategie}
  - {id: capaciteit, label: Capaciteit}
endings:
  - {id: einde, trigger: term, title: Einde, text: De termijn is om.}
cards:
  - id: een
    title: Een
    text: Komt alleen met de vlag.
    when: {flags: [klaar]}
    options:
      - {label: Ja, outcome: Goed., effects: {strategie: 5, capaciteit: -5}}
      - {label: Nee, outcome: Jammer., effects: {strategie: -5, capaciteit: 5}}
"""


def test_a_card_that_waits_for_a_flag_is_previewed_and_measured(tmp_path):
    """Regression: with no card to draw at the start, the preview session had already ended."""
    from game.rules.session import Session
    from game.authoring.loader import load_deck
    from game.ui.layout.fit import overflow_diagnostics

    (tmp_path / "deck.yaml").write_text(WAITING_DECK, encoding="utf-8")
    result = load_deck(tmp_path)
    session = Session.at_card(result.deck, "een")
    assert (session.phase, session.round, session.is_over) == ("card", 1, False)
    session.choose("a")
    assert overflow_diagnostics(result.deck, result.files) == []


# -- F5: reload -------------------------------------------------------------------------------


@pytest.mark.usefixtures("pygame_display")
def test_f5_shows_an_edited_title_and_keeps_the_session(tmp_path):
    from game.ui.single.card import CardScene

    deck = copy_demo(tmp_path)
    app = make_app(tmp_path, deck=deck)
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)  # on to round 2
    session = app.match.session
    card = app.scene.card
    round_no, meters, decisions = session.round, session.meters, session.decisions
    old_title = card.title["nl"]
    edit(deck, f"nl: {old_title}", "nl: Een nieuwe titel die net is geschreven")
    key(app, pygame.K_2, "2")  # an option selected before the reload stays selected
    key(app, pygame.K_F5)
    scene = app.scene
    assert isinstance(scene, CardScene) and scene.card.id == card.id
    assert scene.text_boxes()["title"].text == "Een nieuwe titel die net is geschreven"
    session = app.match.session
    assert (session.round, session.meters, session.decisions) == (round_no, meters, decisions)
    assert scene.selected == 1
    assert app.toast is not None and app.toast.text == "Deck opnieuw geladen"
    kinds = [kind for kind, _ in app.journal.events(app.match.session_id)]
    assert kinds[-1] == "reload"
    app.update(3.0)
    assert app.toast is None and app.dirty, "the confirmation goes by itself"
    key(app, pygame.K_RETURN)
    assert app.match.session.decisions == decisions + 1
    app.close()


@pytest.mark.usefixtures("pygame_display")
def test_f5_with_errors_shows_them_over_the_game_and_the_old_card_plays_on(tmp_path):
    from game.ui.single.card import CardScene
    from game.ui.start.deck_errors import ReloadErrorsScene

    deck = copy_demo(tmp_path)
    app = make_app(tmp_path, deck=deck, card="robot")
    old_deck = app.match.deck
    edit(deck, "    title: {nl: Een robot bij de ingang", "    titel: {nl: Een robot bij de ingang")
    edit(deck, "character: journalist", "character: jurnalist")
    key(app, pygame.K_F5)
    overlay = app.scene
    assert isinstance(overlay, ReloadErrorsScene) and app.stack[0].card.id == "robot"
    places = [where for where, _, _ in overlay.lines()]
    assert places and all(p.startswith("cards/cards.yaml:") for p in places)
    assert len(overlay.problems) >= 2
    assert any("'journalist'" in hint for _, _, hint in overlay.lines())
    assert app.match.deck is old_deck
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, CardScene) and app.scene.card.id == "robot"
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN)
    assert app.match.session.last_decision["card"] == "robot", "the old card stays playable"
    # fixed, F5 from the overlay takes the new version
    key(app, pygame.K_F5)
    assert isinstance(app.scene, ReloadErrorsScene)
    edit(deck, "    titel: {nl: Een robot", "    title: {nl: Een robot")
    edit(deck, "character: jurnalist", "character: journalist")
    key(app, pygame.K_F5)
    assert len(app.stack) == 1 and app.match.deck is not old_deck
    app.close()


@pytest.mark.usefixtures("pygame_display")
def test_f5_when_the_card_was_deleted_draws_a_new_one_and_says_so(tmp_path):
    from game.ui.single.card import CardScene

    deck = copy_demo(tmp_path)
    app = make_app(tmp_path, deck=deck, card="robot")
    remove_card(deck, "robot")
    key(app, pygame.K_F5)
    scene = app.scene
    assert isinstance(scene, CardScene) and scene.card.id != "robot"
    assert app.match.session.round == 1
    assert_notice_shown(app, ["De kaart 'robot' bestaat niet meer in het deck; "
                              "er is een nieuwe kaart getrokken."])
    app.close()


@pytest.mark.usefixtures("pygame_display")
def test_f5_on_the_outcome_and_the_end(tmp_path):
    from game.ui.single.end import EndScene
    from game.ui.single.outcome import OutcomeScene

    deck = copy_demo(tmp_path)
    app = make_app(tmp_path, deck=deck, card="robot")
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN)
    edit(deck, "nl: De portiers leren de robot bedienen.", "nl: De portiers zijn blij.")
    app.update(0.3)
    key(app, pygame.K_F5)
    assert isinstance(app.scene, OutcomeScene)
    assert app.scene.text_boxes()["outcome"].text == "De portiers zijn blij."
    for _ in range(40):
        if isinstance(app.scene, EndScene):
            break
        key(app, pygame.K_1, "1")
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, EndScene)
    ending, decisions = app.match.session.ending, app.match.session.decisions
    key(app, pygame.K_F5)
    assert isinstance(app.scene, EndScene) and app.toast.text == "Deck opnieuw geladen"
    session = app.match.session
    assert session.is_over and (session.ending, session.decisions) == (ending, decisions)
    app.close()


@pytest.mark.usefixtures("pygame_display")
def test_f5_on_the_title_does_nothing(tmp_path):
    from game.ui.start.title import TitleScene

    app = make_app(tmp_path, deck=None)
    key(app, pygame.K_F5)
    assert isinstance(app.scene, TitleScene) and app.toast is None
    app.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768), (3840, 2160)])
def test_the_reload_errors_panel_fits_the_window(size):
    from game.ui.layout import screens as layout
    from game.ui.look.theme import Theme

    plan = layout.reload_errors(Theme().metrics(size))
    window = pygame.Rect(0, 0, *size)
    assert all(window.contains(rect) for rect in plan.rects())
    assert all(plan.panel.contains(rect) for rect in plan.rects()[1:])
    assert plan.list.bottom <= plan.back.top and not plan.hint.colliderect(plan.back)


def test_match_reload_journals_and_resolves_cards_by_id(tmp_path):
    from game.table.journal import Journal
    from game.authoring.loader import load_deck
    from game.table.match import Match

    deck = copy_demo(tmp_path)
    journal = Journal.open(tmp_path / "data")
    match = Match.start(load_deck(deck).deck, str(deck), "nl", journal, seed=7)
    gone = match.session.current_card.id
    remove_card(deck, gone)
    notices = match.reload(load_deck(deck).deck)
    assert [(n.code, n.card_id) for n in notices] == [("deck-changed", ""), ("card-gone", gone)]
    kind, payload = journal.events(match.session_id)[-1]
    assert kind == "reload" and ["card-gone", gone] in payload["notices"]
    assert journal.latest_unfinished().state["current"] != gone
    journal.close()


# -- validate: does every text fit? -----------------------------------------------------------


def test_the_default_deck_fits_the_smallest_screen():
    from game.authoring.loader import load_deck
    from game.ui.layout.fit import overflow_diagnostics

    result = load_deck(DEFAULT_DECK)
    assert overflow_diagnostics(result.deck, result.files) == []


def test_overflow_is_located_worded_and_measured():
    from game.authoring.loader import load_deck
    from game.ui.layout.fit import overflow_diagnostics

    result = load_deck(OVERFLOW, lang="en")
    found = {(d.line, d.col): d for d in overflow_diagnostics(result.deck, result.files, "en")}
    title = found[(23, 11)]  # the nl line of a translated title
    assert title.message == "this text does not fit on the screen at 1280x720; shorten it"
    assert title.hint.startswith("about ") and "characters too long, 1 line too many" in title.hint
    assert "'Gegevensbeschermingseffectbeoordelingsrapportagesamenvattingsoverzicht'" \
        in found[(29, 16)].hint
    workshop = found[(38, 11)]  # fits the single-player table, not the workshop's
    assert workshop.message == ("this text does not fit on the workshop's Discuss screen at "
                                "1280x720 (six teams); shorten it")
    dutch = overflow_diagnostics(result.deck, result.files, "nl")
    assert dutch[0].message == "deze tekst past niet op het scherm bij 1280x720; maak hem korter"
    assert dutch[-1].message.startswith("deze tekst past niet op het workshopscherm Bespreken")


def test_the_check_measures_what_the_table_draws(pygame_display, tmp_path):
    """The card text reported too long is cut off on the card screen by what is reported."""
    from game.authoring.loader import load_deck
    from game.ui.single.card import CardScene
    from game.ui.layout.fit_layout import measure

    app = make_app(tmp_path, deck=OVERFLOW, card="lang")
    scene = app.scene
    assert isinstance(scene, CardScene)
    box = scene.text_boxes()["text"]
    block = app.text.fit(box.text, box.weight, list(box.sizes), (0, 0, 0), box.rect.width,
                         box.rect.height)
    assert block.height > box.rect.height and block.size == min(box.sizes)
    over = measure(scene.typeset, box)
    kept = box.text[:len(box.text) - over.chars]
    fitted = app.text.render(kept, box.weight, block.size, (0, 0, 0), box.rect.width)
    assert fitted.height <= box.rect.height
    assert load_deck(OVERFLOW).deck.card("kort") is not None
    app.close()


def test_the_check_leaves_pygame_as_it_found_it():
    from game.authoring.loader import load_deck
    from game.ui.layout.fit import overflow_diagnostics

    pygame.quit()
    result = load_deck(DEMO)
    found = overflow_diagnostics(result.deck, result.files)
    # the demo's longest card fits the single-player table, not the narrower workshop screen
    assert found and all("workshopscherm" in d.message for d in found)
    assert not pygame.display.get_init() and not pygame.font.get_init()
    assert pygame.display.get_surface() is None
