"""The workshop at the table, driven headless with real pygame events: set-up, votes, ties,
overrides, notes, undo, the black screen, the countdown, teams that sit a card out, autoplay,
a killed process resumed, and a journal that stops taking writes.

Checks are on state and layout (what is where), not on pixels.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
# uihelpers first: it points SDL at its dummy drivers before pygame loads
import uihelpers
from uihelpers import DEMO, ROOT, UI_DECKS, click, events, key, tap

import pygame
from game.table.journal import Journal
from game.ui.autoplay import vote_counts
from game.ui.play_options import PlayOptions
from journalpoll import decisions_in_journal, wait_for_decisions

ENGINE = ROOT / "tests" / "decks" / "engine"
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
pytestmark = pytest.mark.usefixtures("pygame_display")


def make_app(tmp_path, size=(1280, 720), **overrides):
    """The demo deck as a two-team workshop, reports written to ``tmp_path``."""
    values = dict(mode="workshop", teams=2, out_dir=tmp_path / "reports")
    values.update(overrides)
    return uihelpers.make_app(tmp_path, size, **values)


def typed(app, text):
    """Text as a keyboard with text input sends it: a KEYDOWN, then its TEXTINPUT."""
    for char in text:
        app.handle(pygame.event.Event(pygame.KEYDOWN, key=ord(char.lower()) if char.isalpha()
                                      else pygame.K_SPACE if char == " " else 0, mod=0,
                                      unicode=char, scancode=0))
        app.handle(pygame.event.Event(pygame.TEXTINPUT, text=char))
    app.render()


def digit(app, n):
    for char in str(n):
        key(app, pygame.K_0 + int(char), char)


def enter_votes(app, counts):
    """Type ``counts`` (one per option) from the first row down."""
    scene = app.scene
    scene.sheet.set_active(0)
    for i, count in enumerate(counts):
        if i:
            key(app, pygame.K_DOWN)
        digit(app, count)


def same_pixels(a, b):
    return pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")


def scene_name(app):
    return type(app.scene).__name__


# ---------------------------------------------------------------------- set-up
def test_title_to_a_two_team_workshop_by_keys_and_clicks(tmp_path):
    from game.ui.start.title import TitleScene
    from game.ui.workshop.card import WorkshopCardScene
    from game.ui.workshop.setup import WorkshopSetupScene

    app = make_app(tmp_path, deck=None, mode="single", teams=None)
    assert isinstance(app.scene, TitleScene)
    demo = next(i for i, e in enumerate(app.scene.entries) if e.folder.name == "demo")
    if app.scene.selected != demo:
        click(app, app.scene.button(f"deck-{demo}").rect.center)
    click(app, app.scene.button("workshop").rect.center)
    setup = app.scene
    assert isinstance(setup, WorkshopSetupScene) and setup.deck.id == "ui-demo"
    # three teams by click, back to two by keyboard (Tab to the stepper, Left)
    click(app, setup.button("teams-plus").rect.center)
    assert setup.count == 3
    setup.focus_on("teams-plus")
    setup.keyboard = True
    key(app, pygame.K_LEFT)
    assert setup.count == 2
    # rename the first team by typing on its field
    setup.focus_on("name-0")
    typed(app, "Directie")
    key(app, pygame.K_RETURN)
    assert setup.name(0) == "Directie" and setup.name(1) == "Team Blauw"
    # a 3-minute countdown, three rounds, one aspect left out, no preview
    for _ in range(3):
        click(app, setup.button("timer-plus").rect.center)
    assert setup.timer == 3
    setup.focus_on("rounds-minus")
    key(app, pygame.K_LEFT)
    key(app, pygame.K_LEFT)
    assert setup.rounds == 3
    chips = [b.id for b in setup.buttons if b.id.startswith("aspect-") and b.id != "aspect-all"]
    if chips:
        tap(app, setup.button(chips[0]).rect.center)
        assert chips[0][7:] not in setup.aspects
    click(app, setup.button("preview-none").rect.center)
    click(app, setup.button("start").rect.center)
    assert isinstance(app.scene, WorkshopCardScene)
    workshop = app.table.workshop
    assert workshop.names == ["Directie", "Team Blauw"] and workshop.term == 3
    assert app.table.minutes == 3 and app.table.preview == "none"
    assert app.journal.latest_unfinished().is_workshop
    app.close()


def test_the_command_line_without_teams_opens_the_set_up_prefilled(tmp_path):
    from game.ui.workshop.setup import WorkshopSetupScene

    app = make_app(tmp_path, teams=None, team_names=(), rounds=4, timer=2.5)
    setup = app.scene
    assert isinstance(setup, WorkshopSetupScene)
    assert setup.rounds == 4 and setup.timer == 2.5 and setup.count == 2
    key(app, pygame.K_RETURN)  # the focus starts on "Workshop starten"
    assert app.table is not None and app.table.workshop.term == 4
    app.close()


def test_the_setup_fits_at_projector_sizes(tmp_path):
    from game.ui.layout import workshop as layout

    for size in ((1280, 720), (1920, 1080), (1024, 768)):
        app = make_app(tmp_path, size=size, teams=None)
        window = pygame.Rect(0, 0, *size)
        for rect in app.scene.layout.rects():
            assert window.contains(rect), (size, rect)
        plan = layout.table(app.metrics, ["back", "black", "pause", "note", "menu"], 300, True)
        for rect in plan.rects():
            assert window.contains(rect), (size, rect)
        assert not plan.main.colliderect(plan.side)
        app.close()


# ---------------------------------------------------------------------- votes
def test_votes_by_keys_decide_by_majority_and_the_split_is_journalled(tmp_path):
    from game.ui.workshop.card import WorkshopCardScene

    app = make_app(tmp_path)
    scene = app.scene
    assert isinstance(scene, WorkshopCardScene) and scene.step == "discuss"
    card = scene.card
    key(app, pygame.K_PAGEDOWN)
    assert scene.step == "vote" and scene.team == 0
    counts = [1, 4] + [0] * (len(card.options) - 2)
    enter_votes(app, counts)
    assert scene.sheet.counts == counts and scene.sheet.decision == 1
    key(app, pygame.K_SPACE)
    decided = events(app, "decide")
    assert decided[-1]["team"] == 0 and decided[-1]["option"] == card.options[1].id
    assert decided[-1]["votes"] == {o.id: c for o, c in zip(card.options, counts)}
    assert app.table.workshop.votes[-1]["votes"][card.options[1].id] == 4
    assert scene.team == 1, "the next team's votes are entered on the same card"
    app.close()


def test_plus_minus_and_typing_edit_the_count(tmp_path):
    app = make_app(tmp_path)
    key(app, pygame.K_PAGEDOWN)
    scene = app.scene
    digit(app, 12)
    assert scene.sheet.counts[0] == 12
    key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_PLUS, "+")
    assert scene.sheet.counts[0] == 2
    click(app, scene.button("plus-1").rect.center)
    click(app, scene.button("plus-1").rect.center)
    click(app, scene.button("minus-1").rect.center)
    assert scene.sheet.counts[1] == 1 and scene.sheet.active == 1
    key(app, pygame.K_MINUS, "-")
    assert scene.sheet.counts[1] == 0
    app.close()


def test_a_tie_asks_which_option_counts(tmp_path):
    from game.ui.workshop.overlays import ChooseScene

    app = make_app(tmp_path)
    key(app, pygame.K_PAGEDOWN)
    card = app.scene.card
    enter_votes(app, [3, 3] + [0] * (len(card.options) - 2))
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ChooseScene)
    assert [i for i, _ in app.scene.choices] == [0, 1]
    assert not events(app, "decide"), "nothing is decided while the question is open"
    key(app, pygame.K_2, "2")
    decided = events(app, "decide")
    assert decided[-1]["option"] == card.options[1].id
    assert decided[-1]["votes"][card.options[0].id] == 3
    app.close()


def test_no_votes_at_all_asks_too_and_esc_goes_back_to_counting(tmp_path):
    from game.ui.workshop.card import WorkshopCardScene
    from game.ui.workshop.overlays import ChooseScene

    app = make_app(tmp_path)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    assert isinstance(app.scene, ChooseScene)
    assert len(app.scene.choices) == len(app.stack[0].card.options)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, WorkshopCardScene) and not events(app, "decide")
    app.close()


def test_an_override_wins_over_the_majority(tmp_path):
    app = make_app(tmp_path)
    key(app, pygame.K_PAGEDOWN)
    scene = app.scene
    card = scene.card
    enter_votes(app, [5, 1] + [0] * (len(card.options) - 2))
    key(app, pygame.K_o, "o")  # the active row (the second) is chosen over the count
    assert scene.sheet.reason == "override" and scene.sheet.decision == 1
    key(app, pygame.K_PAGEDOWN)
    assert events(app, "decide")[-1]["option"] == card.options[1].id
    # by mouse: a click on the option's text chooses it
    row = scene.rows[0]
    click(app, (row.label.x + 5, row.rect.centery))
    assert scene.sheet.override == 0
    app.close()


def test_every_team_decides_then_the_outcome_shows_each_teams_meters(tmp_path):
    from game.ui.workshop.outcome import WorkshopOutcomeScene

    app = make_app(tmp_path, teams=3)
    key(app, pygame.K_PAGEDOWN)
    for team in range(3):
        assert app.scene.team == team
        enter_votes(app, [2, 0] if team != 1 else [0, 2])
        key(app, pygame.K_PAGEDOWN)
    scene = app.scene
    assert isinstance(scene, WorkshopOutcomeScene)
    app.update(1.0)
    rows = scene.team_rows()
    assert [r.name for r in rows] == ["Team Rood", "Team Blauw", "Team Groen"]
    record = app.table.workshop.teams[0].history[-1]
    changed = {k: v - record["meters_before"][k] for k, v in record["meters_after"].items()
               if v != record["meters_before"][k]}
    assert rows[0].changes == changed
    assert {g.index for g in scene.groups()} == {0, 1}
    app.close()


# ---------------------------------------------------------------------- notes, undo, black
def test_a_note_typed_with_keys_and_text_input_is_journalled(tmp_path):
    from game.ui.workshop.overlays import NoteScene

    app = make_app(tmp_path)
    card = app.scene.card
    app.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_n, mod=0, unicode="n",
                                  scancode=0))
    app.handle(pygame.event.Event(pygame.TEXTINPUT, text="n"))  # the N that opened it
    app.render()
    assert isinstance(app.scene, NoteScene)
    typed(app, "Raad eerst")
    app.handle(pygame.event.Event(pygame.TEXTINPUT, text="!"))
    key(app, pygame.K_BACKSPACE)
    typed(app, " horen")
    key(app, pygame.K_RETURN)
    assert app.table.workshop.notes == {card.id: "Raad eerst horen"}
    assert events(app, "note")[-1] == {"card": card.id, "text": "Raad eerst horen"}
    assert app.scene.frame.note is not None, "the note shows under the card"
    key(app, pygame.K_n, "n")
    typed(app, "weg")
    key(app, pygame.K_ESCAPE)
    assert app.table.workshop.notes == {card.id: "Raad eerst horen"}, "Esc keeps the old note"
    app.close()


def test_page_up_asks_and_then_undoes_the_last_decision(tmp_path):
    from game.ui.workshop.card import WorkshopCardScene
    from game.ui.workshop.overlays import ConfirmScene

    app = make_app(tmp_path)
    key(app, pygame.K_PAGEDOWN)
    card = app.scene.card
    key(app, pygame.K_PAGEUP)
    assert app.scene.step == "discuss", "before any decision, back is the previous step"
    key(app, pygame.K_RIGHT)
    enter_votes(app, [0, 3])
    key(app, pygame.K_PAGEDOWN)
    assert app.scene.team == 1
    key(app, pygame.K_PAGEUP)
    assert isinstance(app.scene, ConfirmScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, WorkshopCardScene) and app.table.workshop.waiting == [1]
    key(app, pygame.K_PAGEUP)
    key(app, pygame.K_RETURN)  # the focus starts on "Nee": an extra Enter undoes nothing
    assert isinstance(app.scene, WorkshopCardScene) and events(app)[-1] == "decide"
    key(app, pygame.K_PAGEUP)
    key(app, pygame.K_PAGEDOWN)  # a clicker's next only moves the focus
    assert isinstance(app.scene, ConfirmScene) and app.scene.focused_button().id == "yes"
    key(app, pygame.K_RETURN)  # Enter on the focused "Ja": an explicit choice
    assert events(app)[-1] == "undo"
    assert app.toast is not None and "Team Rood" in app.toast.text, "undo says what it did"
    scene = app.scene
    assert isinstance(scene, WorkshopCardScene) and scene.card.id == card.id
    assert scene.step == "vote" and scene.team == 0
    assert scene.sheet.counts[:2] == [0, 3], "the undone votes are there to change"
    app.close()


def test_b_toggles_the_black_screen_and_any_key_returns(tmp_path):
    from game.ui.workshop.card import WorkshopCardScene
    from game.ui.workshop.overlays import BlackScene

    app = make_app(tmp_path)
    key(app, pygame.K_b, "b")
    assert isinstance(app.scene, BlackScene)
    surface = app.render()
    assert surface.get_at((10, 10))[:3] == (0, 0, 0)
    assert surface.get_at((640, 360))[:3] == (0, 0, 0)
    key(app, pygame.K_PAGEDOWN)
    assert isinstance(app.scene, WorkshopCardScene)
    assert app.scene.step == "discuss", "the key that ends the black screen does nothing else"
    key(app, pygame.K_PERIOD, ".")
    assert isinstance(app.scene, BlackScene)
    key(app, pygame.K_b, "b")
    assert isinstance(app.scene, WorkshopCardScene)
    app.close()


def test_the_countdown_runs_pauses_and_signals_at_zero(tmp_path):
    from game.ui.app import IDLE_WAIT_MS as IDLE

    app = make_app(tmp_path, timer=1.0)
    scene = app.scene
    timer = app.table.timer
    assert timer.text == "1:00" and scene.frame.timer is not None
    app.render()
    app.update(0.3)
    assert not app.dirty, "no new frame until the clock shows a new second"
    assert app.idle_wait_ms() == IDLE
    app.update(0.45)
    assert not app.dirty and 200 <= app.idle_wait_ms() <= 300, "it wakes for the next second"
    before = app.surface.copy()
    app.update(0.3)
    assert timer.text == "0:59"
    assert not app.dirty and app.areas == [scene.frame.timer], "a new second: its area alone"
    assert app.render_areas() == [scene.frame.timer] and not app.areas
    after = app.surface.copy()
    assert not same_pixels(before.subsurface(scene.frame.timer),
                           after.subsurface(scene.frame.timer)), "the clock shows 0:59"
    for image in (before, after):
        image.fill((0, 0, 0), scene.frame.timer)
    assert same_pixels(before, after), "nothing outside the countdown was drawn"
    area_drawn = app.surface.copy()
    assert same_pixels(area_drawn, app.render()), "the area drawn alone is the whole frame's"
    key(app, pygame.K_p, "p")
    assert timer.paused
    app.update(30)
    assert timer.text == "0:59"
    key(app, pygame.K_p, "p")
    app.update(58.5)
    assert timer.text == "0:01" and not timer.expired
    app.update(1.0)
    assert timer.expired and timer.flashing
    assert app.animating, "the flash draws every frame while it lasts"
    surface = app.render()
    band_colour = surface.get_at((5, 5))[:3]
    palette = app.theme.palette
    assert band_colour in (palette.alarm, palette.alarm_flash), "the band flashes"
    app.update(5)
    assert not timer.flashing
    surface = app.render()
    assert surface.get_at(scene.frame.timer.center)[:3] in (palette.alarm, palette.on_alarm)
    assert not scene.button("pause").enabled
    app.close()


def test_the_countdown_keeps_running_under_the_black_screen(tmp_path):
    app = make_app(tmp_path, timer=0.5)
    key(app, pygame.K_b, "b")
    app.update(10)
    assert app.table.timer.text == "0:20"
    app.close()


def test_a_resumed_workshop_goes_on_with_the_countdown_where_it_was(tmp_path):
    """Regression: the countdown started again from the full time after a resume."""
    app = make_app(tmp_path, timer=1.0)
    assert app.table.timer.text == "1:00"
    for _ in range(6):
        app.update(4.0)
    assert app.table.timer.text == "0:36"
    kept = events(app, "countdown")
    assert [k["left"] for k in kept] == [48.0, 36.0], "journalled every ten seconds, not per tick"
    app.update(3.0)
    assert len(events(app, "countdown")) == 2
    app.close()  # the lid closes mid-discussion

    again = make_app(tmp_path, resume=True, teams=None)
    timer = again.table.timer
    assert timer.text == "0:36" and not timer.paused, "the kept time, not the full minute"
    again.update(1.0)
    assert timer.text == "0:35"
    key(again, pygame.K_p, "p")  # paused and stepped to the vote: kept at once
    key(again, pygame.K_PAGEDOWN)
    assert again.scene.step == "vote"
    assert [k["left"] for k in events(again, "countdown")][-2:] == [35.0, 35.0]
    again.close()

    third = make_app(tmp_path, resume=True, teams=None)
    assert third.table.timer.text == "0:35" and third.table.timer.paused
    third.close()


def test_teams_the_card_does_not_apply_to_are_skipped(tmp_path):
    """In the engine deck a choice on "start" plans "vervolg" two rounds later, for the team
    that made it only; team 2 plays the card's other option and sits that round out."""
    from game.ui.workshop.card import WorkshopCardScene
    from game.ui.workshop.outcome import WorkshopOutcomeScene

    app = make_app(tmp_path, deck=ENGINE, scenarios_dir=ENGINE.parent, seed=10)
    sat_out = False
    for _ in range(40):
        workshop = app.table.workshop
        if workshop.is_over:
            break
        scene = app.scene
        if isinstance(scene, WorkshopOutcomeScene):
            key(app, pygame.K_PAGEDOWN)
            continue
        assert isinstance(scene, WorkshopCardScene)
        if scene.step == "discuss":
            if workshop.applies != list(range(len(workshop.teams))):
                sat_out = True
                rows = scene.team_rows()
                out = [r for r in rows if r.index not in workshop.applies]
                assert out and all(r.muted and r.status == "sluit deze ronde niet aan"
                                   for r in out)
                key(app, pygame.K_PAGEDOWN)
                assert scene.team == workshop.applies[0]
                for team in workshop.applies:
                    assert scene.team == team
                    enter_votes(app, [1] + [0] * (len(scene.options) - 1))
                    key(app, pygame.K_PAGEDOWN)
                assert isinstance(app.scene, WorkshopOutcomeScene)
                assert set(app.scene.records) == set(workshop.applies)
                continue
            key(app, pygame.K_PAGEDOWN)
        team = scene.team
        options = len(scene.options)
        counts = [0] * options
        counts[0 if team == 0 else options - 1] = 1
        enter_votes(app, counts)
        key(app, pygame.K_PAGEDOWN)
    assert sat_out, "a card came up that one team sat out"
    app.close()


# ---------------------------------------------------------------------- menu, end, resume
def test_the_menu_offers_the_debriefing_and_the_reports(tmp_path):
    from game.ui.overlays.menu import MenuScene
    from game.ui.workshop.card import WorkshopCardScene

    app = make_app(tmp_path)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, MenuScene)
    assert [b.id for b in app.scene.buttons] == ["resume", "undo", "debrief", "export",
                                                 "restart", "quit", "motion"]
    assert not app.scene.button("undo").enabled
    key(app, pygame.K_3, "3")  # the debriefing (or a plain message where there is none)
    assert not isinstance(app.scene, (MenuScene, WorkshopCardScene))
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, WorkshopCardScene)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_4, "4")
    assert isinstance(app.scene, WorkshopCardScene)
    assert app.table.reports_message and app.toast is not None
    assert app.table.reports is not None and app.table.reports.is_dir()
    app.close()


def play_through(app, limit=200):
    from game.ui.workshop.card import WorkshopCardScene
    from game.ui.workshop.overlays import ChooseScene

    for _ in range(limit):
        if app.table.workshop.is_over:
            return
        scene = app.scene
        if isinstance(scene, ChooseScene):
            key(app, pygame.K_1 + scene.choices[0][0], "1")
        elif isinstance(scene, WorkshopCardScene) and scene.step == "vote":
            enter_votes(app, [2] + [0] * (len(scene.options) - 1))
            key(app, pygame.K_PAGEDOWN)
        else:
            key(app, pygame.K_PAGEDOWN)
    raise AssertionError("the workshop did not end")


def test_the_end_writes_the_reports_and_opens_the_debriefing(tmp_path):
    from game.ui.workshop.end import WorkshopEndScene

    app = make_app(tmp_path, rounds=2)
    play_through(app)
    assert isinstance(app.stack[0], WorkshopEndScene)
    assert len(app.stack) == 2, "the debriefing (or its message) opens over the end"
    assert app.table.reports_message
    assert events(app)[-1] == "end" and app.journal.latest_unfinished() is None
    assert (app.table.reports / "report.html").is_file()
    assert str(app.table.reports) in app.table.reports_message
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, WorkshopEndScene)
    app.close()


def test_resume_comes_back_at_the_same_card_with_votes_and_notes(tmp_path):
    from game.ui.start.title import TitleScene
    from game.ui.workshop.card import WorkshopCardScene

    app = make_app(tmp_path, teams=3)
    card = app.scene.card
    key(app, pygame.K_n, "n")
    typed(app, "Goed gesprek")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_PAGEDOWN)
    enter_votes(app, [0, 2])
    key(app, pygame.K_PAGEDOWN)
    app.close()  # the lid closes mid-card

    title = make_app(tmp_path, deck=None, mode="single", teams=None)
    assert isinstance(title.scene, TitleScene) and title.scene.saved.is_workshop
    click(title, title.scene.button("resume").rect.center)
    scene = title.scene
    assert isinstance(scene, WorkshopCardScene) and scene.card.id == card.id
    assert scene.step == "vote" and scene.team == 1
    workshop = title.table.workshop
    assert workshop.notes == {card.id: "Goed gesprek"}
    assert workshop.votes[0]["votes"][card.options[1].id] == 2
    title.close()

    again = make_app(tmp_path, resume=True, teams=None)
    assert isinstance(again.scene, WorkshopCardScene) and again.scene.team == 1
    again.close()


def test_a_full_journal_shows_a_warning_and_the_workshop_goes_on(tmp_path):
    from game.ui.workshop.outcome import WorkshopOutcomeScene

    app = make_app(tmp_path)
    key(app, pygame.K_PAGEDOWN)
    enter_votes(app, [3, 1])
    key(app, pygame.K_PAGEDOWN)
    assert app.warning is None
    db = app.journal._db  # the disk fills up: no page may be added any more
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    enter_votes(app, [1, 4])
    key(app, pygame.K_PAGEDOWN)
    assert app.match.warning and "full" in app.match.warning
    assert app.warning == app.t("warning.journal_write")
    assert isinstance(app.scene, WorkshopOutcomeScene), "play goes on"
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    assert app.table.workshop.round == 2
    session = app.match.session_id
    app.close()
    journal = Journal.open(tmp_path / "data")
    try:
        kept = [p for k, p in journal.events(session) if k == "decide"]
        assert [p["team"] for p in kept] == [0], "what was saved before is still there"
        assert kept[0]["votes"] and journal.session(session).status == "active"
    finally:
        journal.close()


# ---------------------------------------------------------------------- real processes
def workshop_autoplay(data, out, *extra, seed=5):
    return [sys.executable, "main.py", "play", "--mode", "workshop", "--teams", "2",
            "--rounds", "4", "--headless", "--autoplay", "--seed", str(seed),
            "--data-dir", str(data), "--out", str(out), *extra]


def test_autoplay_of_two_teams_writes_the_reports(tmp_path):
    result = subprocess.run(workshop_autoplay(tmp_path / "data", tmp_path / "out"), cwd=ROOT,
                            env=ENV, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name in ("report.html", "report.json", "decisions.csv"):
        assert (tmp_path / "out" / name).is_file(), name
    journal = Journal.open(tmp_path / "data")
    try:
        (saved,) = journal.sessions()
        assert saved.is_workshop and saved.status == "finished"
        votes = saved.state["votes"]
        assert [(v["round"], v["team"]) for v in votes] == [(r, t) for r in (1, 2, 3, 4)
                                                             for t in (0, 1)]
        for v in votes:
            # the counts autoplay typed for this team and round reached the journal, option by
            # option, and the option with the most votes (the first of a tie) was decided
            typed = vote_counts(5, v["round"], v["team"], len(v["votes"]))
            assert list(v["votes"].values()) == typed, v
            assert v["option"] == list(v["votes"])[typed.index(max(typed))], v
        assert sum(sum(v["votes"].values()) for v in votes) > 0
    finally:
        journal.close()


def final_state(data):
    journal = Journal.open(data)
    try:
        sessions = sorted(journal.sessions(), key=lambda s: s.id)
        return [(s.status, s.state) for s in sessions]
    finally:
        journal.close()


@pytest.mark.skipif(sys.platform == "win32", reason="needs kill -9")
def test_kill_9_at_random_moments_then_resume_gives_the_uninterrupted_workshop(tmp_path):
    straight = tmp_path / "straight"
    subprocess.run(workshop_autoplay(straight / "data", straight / "out"), cwd=ROOT, env=ENV,
                   check=True, timeout=120, capture_output=True)
    expected = final_state(straight / "data")
    assert len(expected) == 1 and expected[0][0] == "finished"

    killed = tmp_path / "killed"
    moments = random.Random(8)
    kills, first = 0, True
    while kills < 4:
        extra = ["--step-delay", "0.15"] + ([] if first else ["--resume"])
        # Killed once one or two more team decisions are journalled, at a random moment after
        # them; never after a set time, which on a busy machine can pass before the first vote.
        seen = decisions_in_journal(killed / "data") + moments.randint(1, 2)
        process = subprocess.Popen(workshop_autoplay(killed / "data", killed / "out", *extra),
                                   cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        if not wait_for_decisions(killed / "data", seen, process):
            break  # the workshop ended before this kill
        time.sleep(moments.uniform(0.0, 0.3))
        if process.poll() is not None:
            break
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        kills += 1
        first = False
        assert len(final_state(killed / "data")) <= 1, "a kill never starts a second session"
        assert decisions_in_journal(killed / "data") >= seen, "a journalled decision was lost"
    assert kills >= 2, "the workshop must have been killed at least twice"
    if not final_state(killed / "data") or final_state(killed / "data")[0][0] != "finished":
        subprocess.run(workshop_autoplay(killed / "data", killed / "out", "--resume"),
                       cwd=ROOT, env=ENV, check=True, timeout=120, capture_output=True)
    after = final_state(killed / "data")
    assert after == expected, "one session, resumed after every kill, as if never killed"
    (status, state), = after
    assert all(team["history"] for team in state["teams"]), "every team decided"
    assert [v["votes"] for v in state["votes"]] == [v["votes"] for v in expected[0][1]["votes"]]


def test_autoplay_in_process_goes_through_the_set_up_and_every_screen(tmp_path):
    from game.ui.app import run

    shots = tmp_path / "shots"
    code = run(PlayOptions(deck=DEMO, scenarios_dir=UI_DECKS, data_dir=tmp_path / "data",
                           headless=True, autoplay=True, seed=2, mode="workshop", rounds=2,
                           out_dir=tmp_path / "out", screenshots_dir=shots))
    assert code == 0
    names = [p.name for p in sorted(shots.glob("*.png"))]
    assert names[0] == "001-title.png" and names[1] == "002-ws-setup.png"
    assert any("-ws-card-r01-discuss" in n for n in names)
    assert any("-ws-card-r02-vote-t2" in n for n in names)
    assert any("-ws-outcome-r02" in n for n in names)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160), (1024, 768)])
def test_the_workshop_screens_fit_any_window(tmp_path, size):
    """Six teams, a countdown, and the card with the most to say (four long options)."""
    app = make_app(tmp_path, teams=6, timer=5)
    workshop = app.table.workshop
    longest = max(workshop.deck.cards.values(),
                  key=lambda c: len(c.options) * 1000 + sum(len(app.local(o.label))
                                                            for o in c.options))
    workshop._state.current = longest.id  # put the card on the table to look at it
    for team in workshop.teams:
        team._state.current = longest.id
    app.show_current()
    app.handle(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
    app.render()
    window = pygame.Rect(0, 0, *size)
    for step in ("discuss", "vote"):
        scene = app.scene
        scene.set_step(step)
        app.render()
        for rect in scene.frame.rects() + [scene.card_rect, scene.options_rect]:
            assert window.contains(rect), (step, rect)
        assert scene.options_rect.bottom <= scene.frame.main.bottom
        for row in scene.rows:
            assert scene.options_rect.contains(row.rect), (step, row.rect)
            assert row.label.width > app.metrics.px(200), "room for the option's text"
        assert not scene.card_rect.colliderect(scene.options_rect)
    app.close()


def test_the_facilitator_screens_are_answered_through_what_they_ask(tmp_path):
    """The note, the menu, the black screen, the tie and the undo question each say what they
    ask; answering with the events they name does what the keys do."""
    app = make_app(tmp_path)
    card = app.scene.card
    key(app, pygame.K_n, "n")
    assert app.scene.prompt().kind == "text"
    uihelpers.answer(app, "Eerst de OR")
    assert app.table.workshop.notes == {card.id: "Eerst de OR"}
    key(app, pygame.K_b, "b")
    assert app.scene.prompt().kind == "close"
    uihelpers.answer(app)
    assert app.scene.prompt().kind == "next", "back at the card"
    key(app, pygame.K_ESCAPE)
    prompt = app.scene.prompt()
    assert prompt.kind == "menu" and prompt.count == len(app.scene.actions)
    uihelpers.answer(app, None)
    assert app.scene.prompt().kind == "next", "Esc closed the menu"
    uihelpers.answer(app)  # to the vote
    assert app.scene.prompt().kind == "votes"
    uihelpers.answer(app, [1, 1])  # a tie asks which option counts
    prompt = app.scene.prompt()
    assert prompt.kind == "pick" and prompt.count == 2
    uihelpers.answer(app, 1)
    decided = app.table.workshop.votes[-1]
    assert decided["option"] == card.options[1].id and decided["votes"] == {
        card.options[0].id: 1, card.options[1].id: 1}
    key(app, pygame.K_PAGEUP)  # undo asks first
    assert app.scene.prompt().kind == "confirm"
    uihelpers.answer(app, False)
    assert app.table.workshop.votes[-1] == decided, "no: nothing undone"
    key(app, pygame.K_PAGEUP)
    uihelpers.answer(app, True)
    assert decided not in app.table.workshop.votes
    app.close()
