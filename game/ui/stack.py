"""The stack of scenes on the table, and the one way to go from one screen to the next.

Scenes are pushed on a stack; a scene pushed on top (the menu) is dismissed with a result,
which the scene below receives in ``on_result``. A scene says where to go next with a route
(:mod:`game.ui.routes`) and :meth:`SceneStack.go` has the router build the next scene.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import router
from game.ui.overlays.toast import SHORT, Toast
from game.ui.look.motion import Transition
from game.ui.look.theme import MIN_WINDOW
from game.ui.look.too_small import draw_too_small
from game.ui.scene import Scene


class SceneStack:
    """The table's scenes, drawn from the last opaque one up; the top one gets input."""

    stack: list[Scene]
    dirty: bool
    toast: Toast | None
    #: Areas that show something new while the rest of the frame stands (a countdown's time).
    areas: list[pygame.Rect]
    #: The fade from the screen that was left, while it runs; None otherwise.
    transition: Transition | None
    #: Whether a frame has been put on screen (there is something to fade from).
    shown: bool
    #: Motion is reduced (or autoplay runs): screens change without a fade.
    still: bool

    @property
    def scene(self) -> Scene:
        """The scene on top: the one that gets input."""
        return self.stack[-1]

    def push(self, scene: Scene) -> None:
        self.stack.append(scene)
        self.invalidate()

    def pop(self, result: Any = None) -> None:
        """Dismiss the top scene; the one below receives ``result``."""
        if len(self.stack) > 1:
            self.stack.pop()
            self.invalidate()
            self.scene.on_result(result)

    def replace(self, scene: Scene) -> None:
        self.stack[-1] = scene
        self.invalidate()

    def reset(self, scene: Scene) -> None:
        self.begin_transition()
        self.stack = [scene]
        self.invalidate()

    def begin_transition(self) -> None:
        """The screen is about to change: let the frame shown now fade out over the next one
        (:class:`~game.ui.look.motion.Transition`), unless motion is reduced or no frame has
        been shown yet. The new screen takes input at once; only its picture is faded in."""
        if self.still or not self.stack or not self.shown:
            self.transition = None
        elif self.transition is None or self.transition.elapsed > 0:
            self.transition = Transition(self.surface.copy())

    def invalidate(self) -> None:
        """Something visible changed: draw a new frame."""
        self.dirty = True

    def say(self, text: str, seconds: float = SHORT) -> None:
        """A short message on the status line that goes away by itself, and with the screen
        it is said on: another screen taking the table ends it."""
        self.toast = Toast(text, seconds, owner=self.stack[0] if self.stack else None)
        self.invalidate()

    def drop_stale_toast(self) -> None:
        """End the message when the screen it was said on has left the table."""
        toast = self.toast
        if toast is not None and toast.owner is not None and (
                not self.stack or self.stack[0] is not toast.owner):
            self.toast = None
            self.invalidate()
    def invalidate_area(self, area: pygame.Rect) -> None:
        """Only ``area`` shows something new: redraw that area alone (:meth:`render_areas`),
        unless a whole frame is due anyway."""
        if not self.dirty:
            self.areas.append(pygame.Rect(area))

    def go(self, route) -> None:
        """Show the screen ``route`` (from :mod:`game.ui.routes`) asks for."""
        router.go(self, route)

    def render(self) -> pygame.Surface:
        """Draw the whole stack (from the last opaque scene up) and return the surface; in a
        window too small for the screens, a message saying so instead."""
        if self.too_small:
            draw_too_small(self.surface, self.t("app.too_small_heading"),
                           self.t("app.too_small", width=MIN_WINDOW[0], height=MIN_WINDOW[1]),
                           self.text, self.theme.palette)
        else:
            self._draw_stack()
        self.dirty = False
        self.areas = []
        return self.surface

    def render_areas(self) -> list[pygame.Rect]:
        """Draw only the areas asked for since the last frame, and return them (for the
        display to update). The stack draws as a whole frame does, clipped to each area, so
        its cached layers are copied there alone."""
        areas, self.areas = self.areas, []
        surface = self.surface
        for area in areas:
            surface.set_clip(area)
            self._draw_stack()
        surface.set_clip(None)
        return areas

    def _draw_stack(self) -> None:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        self.drop_stale_toast()
        for scene in self.stack[first:]:
            scene.draw(self.surface)
        if self.toast is not None:
            self.toast.draw(self.surface, self.metrics, self.theme.palette, self.text)

    @property
    def too_small(self) -> bool:
        """Whether the window is smaller than every screen is laid out for."""
        return not self.theme.fits(self.surface.get_size())

    def new_layer(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        """An opaque surface in the window's pixel format, for pre-rendered backgrounds."""
        return pygame.Surface(size or self.surface.get_size(), 0, self.surface)
