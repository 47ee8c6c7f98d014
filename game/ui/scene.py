"""The scene base: one screen's input routing, keyboard focus, text drawing, and what it asks.

A scene is one screen: it handles events, advances its animations and draws itself. It lives
on the stack (:mod:`game.ui.stack`); a scene opened on top (the menu) is dismissed with a
result, which the scene below receives in :meth:`Scene.on_result`, so no screen reaches into
another's state. A scene never builds another: it asks for a route (:mod:`game.ui.routes`).
:meth:`Scene.prompt` and :meth:`Scene.answer` say what a screen asks of the players and which
events answer it; autoplay and the tests play through them.

Pointer input arrives normalised: a mouse click, or a tap converted from touch coordinates to
pixels, both become :meth:`Scene.on_click`; mouse events that SDL synthesises from touch are
ignored so one tap never counts twice. A second click on the same button within
:data:`DOUBLE_CLICK_S` of the one before is part of a double click: :attr:`Scene.repeated` says
so, and a screen where a second click confirms treats it as the first click again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from game.ui.layout.typeset import Typeset, text_sizes
from game.ui.look.textcache import TextBox
from game.ui.look.widgets import Button

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
NUMBER_KEYS = {
    pygame.K_1: 1, pygame.K_2: 2, pygame.K_3: 3, pygame.K_4: 4, pygame.K_5: 5, pygame.K_6: 6,
    pygame.K_KP1: 1, pygame.K_KP2: 2, pygame.K_KP3: 3, pygame.K_KP4: 4, pygame.K_KP5: 5,
    pygame.K_KP6: 6,
}
PREVIOUS_KEYS = (pygame.K_UP, pygame.K_LEFT, pygame.K_PAGEUP)
NEXT_KEYS = (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_PAGEDOWN)
#: Seconds within which a second click (or tap) on the same button counts as a double click.
DOUBLE_CLICK_S = 0.5


def key_event(key: int, text: str = "") -> pygame.event.Event:
    """The KEYDOWN event a player's key press makes."""
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text, scancode=0)


@dataclass(frozen=True)
class Prompt:
    """What a screen asks of the people at the table now: the one view of a scene that
    autoplay and the tests use, so neither needs to know which scene class is on top.

    ``kind`` is one of "start" (the title: choose a deck), "setup" (a workshop's set-up),
    "pick" (one of ``count`` options), "next" (go on), "votes" (the votes of team ``team`` on
    ``count`` options), "end" (the game is over), "errors" (a deck that cannot be played, with
    its problems in ``lines``), and, over a game, "menu" (one of ``count`` actions), "confirm"
    (yes or no), "text" (a line of text) and "close" (a screen to read and close). ``step``
    tells two moments of one screen apart.
    """

    kind: str
    count: int = 0
    team: int | None = None
    lines: tuple[str, ...] = ()
    step: tuple = ()


class Scene:
    """One screen. Subclasses draw and react; the base routes input and tracks focus."""

    #: Draw the scene below first (menus and dialogs over the game).
    overlay = False
    #: Shows the table's notices itself (a card does), so a reload need not repeat them.
    shows_notices = False
    #: Letter keys belong to this screen (typed text, or any key closes it), not to the table's
    #: own keys such as M for sound.
    takes_letters = False

    def __init__(self, app):
        self.app = app
        self.buttons: list[Button] = []
        #: Index into :attr:`buttons` of the keyboard focus, or None.
        self.focus: int | None = None
        #: Id of the button under the mouse.
        self.hover: str | None = None
        #: The focus ring shows once the keyboard is used, and hides on mouse use.
        self.keyboard = False
        #: The overlay colour at the window's size, for :meth:`dim_below`.
        self._dim: pygame.Surface | None = None
        #: Whether the click being handled repeats the one before on the same button, within
        #: :data:`DOUBLE_CLICK_S` (a double click).
        self.repeated = False
        #: The button and the time (``app.clock()``) of the last click.
        self._last_click: tuple[str | None, float] = (None, float("-inf"))

    # ------------------------------------------------------------------ naming
    @property
    def shot_name(self) -> str:
        """Name of this screen in screenshot files."""
        return type(self).__name__.removesuffix("Scene").lower()

    # ------------------------------------------------------------------ what it asks
    def prompt(self) -> Prompt | None:
        """What this screen asks now, or None when it asks nothing of the players."""
        return None

    def answer(self, value: Any = None) -> list[pygame.event.Event]:
        """The events a player makes to give ``value`` as the answer to :meth:`prompt`: an
        option's index for "pick", the votes per option for "votes", nothing otherwise."""
        return []

    # ------------------------------------------------------------------ life cycle
    def layout_changed(self) -> None:
        """The window size or the language changed: recompute layout, drop cached drawings."""

    def on_result(self, result: Any) -> None:
        """A scene pushed on top of this one was dismissed with ``result``."""

    def carry_over(self, old: "Scene") -> None:
        """This scene replaces ``old`` showing the same moment (the deck was reloaded): take
        over what the players had done on it, such as the option they selected."""

    @property
    def animating(self) -> bool:
        return False

    def update(self, dt: float) -> None:
        """Advance animations (and, on a workshop's screen, its countdown) by ``dt`` seconds;
        only the scene on top is updated, so time stands still under a dialog."""

    def next_change(self) -> float | None:
        """Seconds until this scene shows something new by itself (a countdown's next
        second), or None when only an event or an animation changes it."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ input
    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self.on_key(event.key, getattr(event, "mod", 0))
        elif event.type == pygame.MOUSEBUTTONUP:
            if getattr(event, "touch", False) or getattr(event, "button", 1) != 1:
                return
            self.keyboard = False
            self.pointer(event.pos)
        elif event.type == pygame.FINGERUP:
            width, height = self.app.surface.get_size()
            self.keyboard = False
            self.pointer((int(event.x * width), int(event.y * height)))
        elif event.type == pygame.MOUSEMOTION:
            if not getattr(event, "touch", False):
                self.on_hover(event.pos)
        elif event.type == pygame.MOUSEWHEEL:
            if not getattr(event, "touch", False):
                self.on_wheel(event.y)

    def pointer(self, pos: tuple[int, int]) -> None:
        """A click or tap at ``pos``: note whether it repeats the last one, then handle it."""
        now = self.app.clock()
        hit = next((b.id for b in self.buttons if b.hit(pos)), None)
        last, at = self._last_click
        self.repeated = hit is not None and hit == last and now - at < DOUBLE_CLICK_S
        self._last_click = (hit, now)
        self.on_click(pos)

    def on_key(self, key: int, mod: int) -> None:
        if key == pygame.K_TAB:
            self.move_focus(-1 if mod & pygame.KMOD_SHIFT else 1)
        elif key in PREVIOUS_KEYS:
            self.move_focus(-1)
        elif key in NEXT_KEYS:
            self.move_focus(1)
        elif key in ACTIVATE_KEYS:
            button = self.focused_button()
            if button is not None and button.enabled:
                self.activate(button.id)
        elif key == pygame.K_ESCAPE:
            self.on_escape()

    def on_click(self, pos: tuple[int, int]) -> None:
        for button in self.buttons:
            if button.hit(pos):
                self.focus = self.buttons.index(button)
                self.activate(button.id)
                self.app.invalidate()
                return

    def on_hover(self, pos: tuple[int, int]) -> None:
        over = next((b.id for b in self.buttons if b.hit(pos)), None)
        if over != self.hover or self.keyboard:
            self.hover = over
            self.keyboard = False
            self.app.invalidate()

    def on_wheel(self, amount: int) -> None:
        """Scroll (positive: up)."""

    def on_escape(self) -> None:
        """Esc: the default does nothing."""

    def activate(self, button_id: str) -> None:
        """A button was chosen by click, tap or keyboard."""

    # ------------------------------------------------------------------ focus
    def focused_button(self) -> Button | None:
        if self.focus is None or not 0 <= self.focus < len(self.buttons):
            return None
        return self.buttons[self.focus]

    def move_focus(self, step: int) -> None:
        enabled = [i for i, b in enumerate(self.buttons) if b.enabled]
        if not enabled:
            return
        self.keyboard = True
        if self.focus not in enabled:
            self.focus = enabled[0] if step > 0 else enabled[-1]
        else:
            position = enabled.index(self.focus)
            self.focus = enabled[(position + step) % len(enabled)]
        self.app.invalidate()

    def focus_on(self, button_id: str) -> None:
        for i, button in enumerate(self.buttons):
            if button.id == button_id:
                self.focus = i
                return

    def button(self, button_id: str) -> Button | None:
        return next((b for b in self.buttons if b.id == button_id), None)

    def draw_buttons(self, surface: pygame.Surface, selected: set[str] | None = None) -> None:
        selected = selected or set()
        focused = self.focused_button()
        for button in self.buttons:
            self.app.painter.draw(surface, button, self.app.metrics,
                                  selected=button.id in selected,
                                  hover=button.id == self.hover and button.enabled,
                                  focused=self.keyboard and button is focused)

    # ------------------------------------------------------------------ backgrounds
    def page_layer(self, band: pygame.Rect) -> pygame.Surface:
        """A new full-window layer in the page colour with the top ``band`` filled in."""
        p = self.app.theme.palette
        s = self.app.new_layer()
        s.fill(p.page)
        pygame.draw.rect(s, p.band, band)
        return s

    def dim_below(self, surface: pygame.Surface) -> None:
        """Darken what is drawn below an overlay with the theme's overlay colour (the
        translucent layer is made once per window size)."""
        if self._dim is None or self._dim.get_size() != surface.get_size():
            self._dim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._dim.fill(self.app.theme.palette.overlay)
        surface.blit(self._dim, (0, 0))

    # ------------------------------------------------------------------ text
    @property
    def typeset(self) -> Typeset:
        """The window's metrics and the table's fonts, for the layout functions."""
        app = self.app
        return Typeset(app.metrics, app.text, app.theme.palette.ink)

    def text_sizes(self, size: int, shrink: bool = True, grow: float = 1.0) -> tuple[int, ...]:
        """The sizes a text of ``size`` is tried at, from large to small (see
        :func:`~game.ui.layout.typeset.text_sizes`)."""
        return text_sizes(self.app.metrics, size, shrink, grow)

    def text_in(self, surface: pygame.Surface, rect: pygame.Rect, text: str, weight: str,
                size: int, colour, align: str = "left", valign: str = "top",
                shrink: bool = True, grow: float = 1.0):
        """Wrap ``text`` into ``rect`` at the largest size that fits, and draw it there."""
        box = TextBox(text, rect, weight, self.text_sizes(size, shrink, grow))
        return self.draw_box(surface, box, colour, align, valign)

    def draw_box(self, surface: pygame.Surface, box: TextBox, colour, align: str = "left",
                 valign: str = "top"):
        """Draw ``box``'s text at the largest of its sizes that fits; what does not fit is cut."""
        rect = box.rect
        block = self.app.text.fit(box.text, box.weight, list(box.sizes), colour, rect.width,
                                  rect.height, align)
        y = rect.y
        if valign == "center":
            y = rect.y + max(0, (rect.height - block.height) // 2)
        elif valign == "bottom":
            y = rect.bottom - block.height
        visible = pygame.Rect(0, 0, rect.width, rect.bottom - y)
        surface.blit(block.surface, (rect.x, y), visible)
        return block


class Closable(Scene):
    """A screen to read and close: Enter, Esc, the clicker (and :attr:`close_keys`) or its
    button close it; it asks nothing else."""

    close_keys = (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE,
                  pygame.K_PAGEDOWN, pygame.K_PAGEUP)

    def prompt(self) -> Prompt:
        return Prompt("close")

    def answer(self, value=None) -> list[pygame.event.Event]:
        return [key_event(pygame.K_RETURN, "\r")]

    def activate(self, button_id: str) -> None:
        self.app.pop(None)

    def on_key(self, key: int, mod: int) -> None:
        if key in self.close_keys:
            self.app.pop(None)
        else:
            super().on_key(key, mod)
