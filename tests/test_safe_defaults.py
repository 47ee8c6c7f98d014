"""Safe defaults at the table: the safe choice has the focus, a destructive action needs an
explicit choice, a double click selects and does not decide, messages hide nothing and end
with their screen, and the screens say what was undone and where a saved game goes on.

Each test drives the real table with real pygame events (issue 13, "easy to destroy work").
"""

from __future__ import annotations

import pygame
import pytest

import uihelpers
from uihelpers import ROOT, click, events, key, make_app

pytestmark = pytest.mark.usefixtures("pygame_display")


def play_to_the_end(app):
    from game.ui.single.end import EndScene

    for _ in range(60):
        if isinstance(app.scene, EndScene):
            return
        key(app, pygame.K_1, "1")
        key(app, pygame.K_RETURN)
        app.update(5.0)
    raise AssertionError("the game did not end")


def test_an_extra_enter_on_the_end_screen_keeps_the_result(tmp_path):
    from game.ui.single.end import EndScene

    app = make_app(tmp_path, instant=True)
    play_to_the_end(app)
    ended = app.match.session_id
    key(app, pygame.K_RETURN)
    key(app, pygame.K_SPACE)
    assert isinstance(app.scene, EndScene) and app.match.session_id == ended
    assert app.scene.focused_button().id == "view-summary"
    key(app, pygame.K_ESCAPE)  # Esc asks before the result leaves the screen
    assert app.scene.prompt().kind == "confirm" and app.scene.focused_button().id == "no"
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, EndScene) and app.match.session_id == ended
    while app.scene.focused_button().id != "new":  # "Nieuw spel" for whoever chooses it
        key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)
    assert app.match.session_id != ended
    app.close()


def test_esc_on_the_title_asks_and_the_focus_is_on_staying(tmp_path):
    from game.ui.start.title import TitleScene
    from game.ui.workshop.overlays import ConfirmScene

    app = make_app(tmp_path, deck=None)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene) and app.running
    assert app.scene.focused_button().id == "no"
    key(app, pygame.K_RETURN)  # Enter on the focused "Nee, blijven"
    assert isinstance(app.scene, TitleScene) and app.running
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_ESCAPE)  # Esc twice never quits
    assert isinstance(app.scene, TitleScene) and app.running
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_j, "j")
    assert not app.running and app.exit_code == 0
    app.close()


def test_the_quit_question_on_the_title_is_answered_yes_by_a_click(tmp_path):
    app = make_app(tmp_path, deck=None, lang="en")
    key(app, pygame.K_ESCAPE)
    assert app.scene.question == "Quit the game?"
    click(app, app.scene.button("yes").rect.center)
    assert not app.running
    app.close()


def test_a_double_click_on_an_option_selects_it_and_a_later_click_confirms(tmp_path):
    from game.ui.single.card import CardScene

    app = make_app(tmp_path)
    now = [100.0]
    app.clock = lambda: now[0]
    scene = app.scene
    option = scene.button("option-1").rect.center
    click(app, option)
    now[0] += 0.2
    click(app, option)  # the second click of a double click
    assert app.scene is scene and scene.selected == 1
    assert app.match.session.decisions == 0, "a double click never decides"
    now[0] += 0.2
    click(app, option)  # a third quick click is still part of the same burst
    assert app.match.session.decisions == 0
    now[0] += 1.0
    click(app, option)  # a deliberate click again, as the README says
    assert app.match.session.decisions == 1 and not isinstance(app.scene, CardScene)
    app.close()


def test_a_double_tap_selects_too(tmp_path):
    app = make_app(tmp_path)
    now = [5.0]
    app.clock = lambda: now[0]
    option = app.scene.button("option-0").rect.center
    uihelpers.tap(app, option)
    now[0] += 0.1
    uihelpers.tap(app, option)
    assert app.scene.selected == 0 and app.match.session.decisions == 0
    app.close()


def assert_hides_nothing(app):
    """The message lies inside the window and over none of the screen's buttons."""
    box = app.toast.rect(app.metrics, app.text)
    assert app.surface.get_rect().contains(box), box
    for button in app.scene.buttons:
        assert not box.colliderect(button.rect), (button.id, button.rect, box)
    layout = getattr(app.scene, "frame", None) or getattr(app.scene, "layout", None)
    rects = layout.rects() if hasattr(layout, "rects") else []
    for rect in rects:
        assert not box.colliderect(rect), (rect, box)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768)])
def test_a_workshop_message_hides_no_button_and_ends_with_its_screen(tmp_path, size):
    from game.ui.workshop.card import WorkshopCardScene

    app = make_app(tmp_path, size=size, mode="workshop", teams=2, instant=True)
    key(app, pygame.K_PAGEDOWN)  # to the vote: "Vastleggen" at the foot
    assert isinstance(app.scene, WorkshopCardScene) and app.scene.step == "vote"
    app.scene.say(app.t("workshop.note.saved"))
    app.render()
    assert_hides_nothing(app)
    for _ in range(2):  # both teams vote; the card's screen gives way to the outcome
        for event in app.scene.answer([1, 0]):
            app.handle(event)
        app.render()
    assert not isinstance(app.scene, WorkshopCardScene)
    assert app.toast is None, "the card's message ended with the card's screen"
    app.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_reload_message_hides_nothing_on_the_card_and_the_outcome(tmp_path, size):
    app = make_app(tmp_path, size=size, instant=True)
    key(app, pygame.K_F5)
    assert app.toast is not None
    assert_hides_nothing(app)
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN)
    assert app.toast is None, "the card's message does not follow to the outcome"
    key(app, pygame.K_F5)
    assert_hides_nothing(app)
    app.close()


def test_undo_in_a_single_game_says_what_was_taken_back(tmp_path):
    app = make_app(tmp_path, instant=True)
    card = app.scene.card
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_2, "2")  # menu: undo
    assert events(app)[-1] == "undo" and app.match.session.decisions == 0
    assert app.toast is not None
    assert app.toast.text == (f"Het besluit van ronde 1 is teruggedraaid: "
                              f"{card.title['nl']}. Kies opnieuw.")
    app.close()


def test_resume_names_the_round_of_the_next_card(tmp_path):
    app = make_app(tmp_path, instant=True)
    for _ in range(2):
        key(app, pygame.K_1, "1")
        key(app, pygame.K_RETURN)
        app.update(5.0)
        key(app, pygame.K_RETURN)  # on to the next card
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN)  # round 3 decided: the outcome shows, round 4 is next
    assert app.match.session.round == 3 and app.match.session.decisions == 3
    app.close()
    title = make_app(tmp_path, deck=None)
    lines = title.scene.resume_lines()
    assert lines[1] == "Volgende kaart: ronde 4 van 5 · 3 besluiten", lines
    title.close()
    again = make_app(tmp_path, deck=None, resume=True)
    key(again, pygame.K_RETURN)  # from the outcome of round 3 to the next card
    assert again.match.session.round == 4
    again.close()


def test_the_title_and_the_workshop_set_up_count_the_cards_alike(tmp_path):
    from game.ui.deck_facts import deck_facts
    from game.ui.workshop.setup import WorkshopSetupScene

    app = make_app(tmp_path, deck=None, scenarios_dir=ROOT / "scenarios")
    title = app.scene
    entry = title.entries[title.selected]
    deck = entry.result.deck
    follow_ups = sum(1 for c in deck.cards.values() if c.follow_up_only)
    assert follow_ups > 0
    key(app, pygame.K_w, "w")
    setup = app.scene
    assert isinstance(setup, WorkshopSetupScene)
    kept, total = setup.card_count()
    assert deck_facts(app, deck) == (f"{deck.term} rondes · {len(deck.meters)} meters · "
                                     f"{total} kaarten + {follow_ups} vervolgkaarten")
    assert total + follow_ups == len(deck.cards)
    app.close()


def test_a_chosen_data_folder_is_told_apart_from_the_systems(tmp_path, monkeypatch):
    from game.table.places import data_dir, is_chosen_data_dir, platform_data_dir

    assert is_chosen_data_dir(tmp_path)
    assert not is_chosen_data_dir(platform_data_dir())
    monkeypatch.setenv("DILEMMASPEL_DATA_DIR", str(tmp_path / "elders"))
    assert is_chosen_data_dir(data_dir())


def test_f11_twice_switches_in_place_and_settles_on_the_dummy_driver(tmp_path, monkeypatch):
    """F11 once made a new window whose resize events made a new window again, endlessly,
    where no window manager settled them. Now a resize is only taken, never answered with a
    new display mode, and F11 twice comes back to the window it started from."""
    from game.ui.app import App
    from game.ui.play_options import PlayOptions

    app = App(PlayOptions(deck=uihelpers.DEMO, scenarios_dir=uihelpers.UI_DECKS,
                          user_decks_dir=tmp_path / "decks", data_dir=tmp_path / "data",
                          size=(1280, 720), seed=7))
    assert app.own_display and not app.fullscreen
    modes = []
    real = pygame.display.set_mode

    def counted(*args, **kwargs):
        modes.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(pygame.display, "set_mode", counted)
    f11 = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0)
    pygame.event.post(f11)
    steps = 0
    while steps < 50:  # the loop's steps, as App.loop takes them
        batch = pygame.event.get()
        if not batch:
            break
        for event in batch:
            app.handle(event)
        app.render()
        steps += 1
    assert app.fullscreen and steps < 10, "the events after F11 settle"
    assert len(modes) <= 1, modes
    # a display without a window manager reports a size of its own: it is taken as it is
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1111, h=666, size=(1111, 666)))
    for event in pygame.event.get():
        app.handle(event)
    assert len(modes) <= 1, "a resize is never answered with a new window"
    assert app.surface is pygame.display.get_surface()
    pygame.event.post(f11)
    for _ in range(10):
        for event in pygame.event.get():
            app.handle(event)
        app.render()
    assert not app.fullscreen and app.surface.get_size() == (1280, 720)
    assert app.metrics.width == 1280 and len(modes) <= 2
    assert not pygame.event.get(), "nothing keeps coming"
    app.close()
