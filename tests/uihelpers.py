"""Driving the table headless in tests: an App around a plain surface, and real pygame events.

Importing this module points SDL at its dummy drivers, so nothing opens a window or plays a
sound; the ``pygame_display`` fixture (conftest.py) starts and stops pygame around each test.
Every helper renders a frame after its event, as the game loop would.
"""

import os
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.ui.play_options import PlayOptions

ROOT = Path(__file__).resolve().parent.parent
UI_DECKS = ROOT / "tests" / "decks" / "ui"
DEMO = UI_DECKS / "demo"


def make_app(tmp_path: Path, size=(1280, 720), instant: bool = False, **overrides):
    """The App on the demo deck (unless ``overrides`` say otherwise), with its journal and
    decks in ``tmp_path``, after its first frame. ``instant`` skips the animations."""
    from game.ui.app import App

    values = dict(deck=DEMO, scenarios_dir=UI_DECKS, user_decks_dir=tmp_path / "decks",
                  data_dir=tmp_path / "data", size=size, seed=7)
    values.update(overrides)
    app = App(PlayOptions(**values), surface=pygame.Surface(size))
    if instant:
        app.instant = True
    app.render()
    return app


def key(app, k, text="", mod=0):
    app.handle(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text, scancode=0))
    app.render()


def click(app, pos, touch=False):
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=touch))
    app.render()


def tap(app, pos):
    """A finger lifted at ``pos`` (in pixels; SDL sends it as a fraction of the window)."""
    w, h = app.surface.get_size()
    app.handle(pygame.event.Event(pygame.FINGERUP, x=pos[0] / w, y=pos[1] / h, dx=0, dy=0,
                                  touch_id=1, finger_id=1, pressure=0))
    app.render()


def events(app, kind=None):
    """The journal's event kinds for the session on the table, or the payloads of one kind."""
    found = app.journal.events(app.match.session_id)
    if kind is None:
        return [k for k, _ in found]
    return [payload for k, payload in found if k == kind]


def assert_notice_shown(app, notices: list[str]) -> None:
    """The card on the table shows ``notices`` on its notice line: a band between the meters and
    the card, drawn in the warning colour (checked left of the text, inside the band)."""
    layout = app.scene.layout
    assert app.notices == notices, app.notices
    assert layout.notice is not None, "the card made no room for its notice"
    assert app.surface.get_rect().contains(layout.notice), layout.notice
    assert layout.frame.content.top <= layout.notice.top, (layout.frame.content, layout.notice)
    assert layout.notice.bottom <= layout.panel.top, "the notice sits above the card"
    inside = (layout.notice.x + app.metrics.px(8), layout.notice.centery)
    drawn = tuple(app.surface.get_at(inside))[:3]
    assert drawn == tuple(app.theme.palette.warning_surface)[:3], f"notice band not drawn: {drawn}"


def answer(app, value=None):
    """Answer what the screen on top asks (its ``prompt()``) with the events it names, each
    handled as the loop would, then let the animations finish and draw a frame."""
    for event in app.scene.answer(value):
        app.handle(event)
    app.update(5.0)
    app.render()
