"""The stack of scenes on the table, and the one way to go from one screen to the next.

Scenes are pushed on a stack; a scene pushed on top (the menu) is dismissed with a result,
which the scene below receives in ``on_result``. A scene says where to go next with a route
(:mod:`game.ui.routes`) and :meth:`SceneStack.go` has the router build the next scene.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import router
from game.ui.look.theme import MIN_WINDOW
from game.ui.look.too_small import draw_too_small
from game.ui.scene import Scene


class SceneStack:
    """The table's scenes, drawn from the last opaque one up; the top one gets input."""

    stack: list[Scene]
    dirty: bool

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
        self.stack = [scene]
        self.invalidate()

    def invalidate(self) -> None:
        """Something visible changed: draw a new frame."""
        self.dirty = True

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
            self.dirty = False
            return self.surface
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        for scene in self.stack[first:]:
            scene.draw(self.surface)
        if self.toast is not None:
            self.toast.draw(self.surface, self.metrics, self.theme.palette, self.text)
        self.dirty = False
        return self.surface

    @property
    def too_small(self) -> bool:
        """Whether the window is smaller than every screen is laid out for."""
        return not self.theme.fits(self.surface.get_size())

    def new_layer(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        """An opaque surface in the window's pixel format, for pre-rendered backgrounds."""
        return pygame.Surface(size or self.surface.get_size(), 0, self.surface)
