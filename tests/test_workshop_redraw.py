"""What a redraw of a workshop screen does, counted (never timed): with nothing changed, no
text is rasterised and the window gets one full-size copy of a kept layer; a dialog over the
card keeps the frame below instead of drawing it again; the countdown's new second redraws its
own area; the outcome's moving meters leave the rest of the screen in its layer.

Speed itself is measured by benchmarks/bench.py.
"""

from __future__ import annotations

import pytest
# uihelpers first: it points SDL at its dummy drivers before pygame loads
import uihelpers
from uihelpers import DEMO, UI_DECKS, key

import pygame

pytestmark = pytest.mark.usefixtures("pygame_display")
SIZE = (1280, 720)


class CountingSurface(pygame.Surface):
    """The window's surface, counting what is copied onto it by size."""

    def __init__(self, size):
        super().__init__(size)
        self.sizes: list[tuple[int, int]] = []

    def blit(self, source, dest, area=None, special_flags=0):
        self.sizes.append(source.get_size())
        return super().blit(source, dest, area, special_flags)

    @property
    def full_copies(self) -> int:
        return sum(1 for size in self.sizes if size == self.get_size())


@pytest.fixture
def counted(monkeypatch):
    """Counts of texts rasterised and buttons painted anew."""
    from game.ui.look import textcache, widgets

    counts = {"text": 0, "button": 0}
    render_text, render_button = textcache.TextBlock._render, widgets.ButtonPainter._render

    def text(self, *args, **kwargs):
        counts["text"] += 1
        return render_text(self, *args, **kwargs)

    def button(self, *args, **kwargs):
        counts["button"] += 1
        return render_button(self, *args, **kwargs)

    monkeypatch.setattr(textcache.TextBlock, "_render", text)
    monkeypatch.setattr(widgets.ButtonPainter, "_render", button)
    return counts


def make_app(tmp_path, **overrides):
    from game.ui.app import App
    from game.ui.play_options import PlayOptions

    values = dict(deck=DEMO, scenarios_dir=UI_DECKS, user_decks_dir=tmp_path / "decks",
                  data_dir=tmp_path / "data", size=SIZE, seed=7, mode="workshop", teams=3,
                  timer=1.0, out_dir=tmp_path / "reports")
    values.update(overrides)
    app = App(PlayOptions(**values), surface=CountingSurface(SIZE))
    app.render()
    return app


def redraw(app, counted) -> CountingSurface:
    """A whole frame again with nothing changed; returns the window with its counts."""
    surface = app.surface
    surface.sizes.clear()
    counted.update(text=0, button=0)
    app.render()
    return surface


def assert_kept(app, counted):
    app.render()
    surface = redraw(app, counted)
    assert counted == {"text": 0, "button": 0}, "nothing rasterised on an unchanged frame"
    assert surface.full_copies == 1, "one kept layer copied to the window"


def test_an_unchanged_frame_copies_kept_layers_on_every_workshop_screen(tmp_path, counted):
    app = make_app(tmp_path)
    assert app.scene.step == "discuss"
    assert_kept(app, counted)
    key(app, pygame.K_PAGEDOWN)
    assert app.scene.step == "vote"
    assert_kept(app, counted)
    key(app, pygame.K_3, "3")
    assert_kept(app, counted)

    for counts in ([2, 0], [0, 2]):  # two teams decide
        app.scene.sheet.set_active(0)
        for i, n in enumerate(counts):
            if i:
                key(app, pygame.K_DOWN)
            key(app, pygame.K_0 + n, str(n))
        key(app, pygame.K_PAGEDOWN)
    app.toast = None
    key(app, pygame.K_PAGEDOWN)  # no votes from the third team: which option counts?
    assert app.scene.shot_name == "choose"
    assert_kept(app, counted)

    key(app, pygame.K_1, "1")
    assert app.scene.shot_name.startswith("ws-outcome")
    app.update(5)  # the meters come to rest
    app.toast = None
    assert_kept(app, counted)
    app.close()


def test_a_dialog_over_the_card_does_not_draw_the_card_again(tmp_path, counted, monkeypatch):
    from game.ui.workshop.card import WorkshopCardScene

    app = make_app(tmp_path)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)  # no votes: the question which option counts
    assert app.scene.shot_name == "choose"
    app.render()
    drawn = []
    real = WorkshopCardScene.draw
    monkeypatch.setattr(WorkshopCardScene, "draw",
                        lambda self, surface: (drawn.append(self), real(self, surface)))
    redraw(app, counted)
    redraw(app, counted)
    assert drawn == [], "the dialog's backdrop holds the card, dimmed"
    app.resize((1000, 700))
    app.render()
    assert len(drawn) == 1, "a new size draws the card below once more"
    app.close()


def test_a_new_second_redraws_the_countdown_alone(tmp_path, counted):
    app = make_app(tmp_path)
    scene = app.scene
    app.render()
    counted.update(text=0, button=0)
    app.update(1.0)
    assert not app.dirty and app.areas == [scene.frame.timer]
    app.surface.sizes.clear()
    assert app.render_areas() == [scene.frame.timer]
    assert counted == {"text": 1, "button": 0}, "the new time, and nothing else, rasterised"
    app.close()


def test_the_outcomes_moving_meters_leave_the_rest_in_its_layer(tmp_path, counted,
                                                                monkeypatch):
    from game.ui.workshop import screen

    app = make_app(tmp_path, teams=1, timer=None)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_2, "2")
    key(app, pygame.K_PAGEDOWN)
    scene = app.scene
    assert scene.shot_name.startswith("ws-outcome") and scene.animating
    kept, teams = [], []
    real_static, real_teams = scene._draw_static, screen.draw_teams
    monkeypatch.setattr(scene, "_draw_static", lambda *a: (kept.append(1), real_static(*a)))
    monkeypatch.setattr(screen, "draw_teams", lambda *a: (teams.append(1), real_teams(*a)))
    scene._layers = {}
    frames = 0
    while scene.animating:
        app.render()
        frames += 1
        app.update(0.05)
    assert frames > 5 and len(kept) == 1, "the screen around the meters is drawn once"
    assert len(teams) == frames, "the meters, every frame"
    app.render()
    assert len(kept) == 2, "at rest, one layer with the meters in it"
    app.close()
