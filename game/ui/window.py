"""The window: its size, fullscreen, the layout metrics that follow it, and the language.

A table built around a plain surface (tests, benchmarks) has no display of its own; resizing
it makes a new surface of the asked size.
"""

from __future__ import annotations

import pygame

from game.language.catalog import load_catalog
from game.language.texts import KNOWN_LANGUAGES
from game.ui.play_options import PlayOptions

MIN_SIZE = (640, 360)


class Window:
    """The surface the table draws on, and what depends on its size and language."""

    def open_window(self, options: PlayOptions) -> pygame.Surface:
        if not pygame.display.get_init():
            pygame.display.init()
        pygame.display.set_caption(self.catalog.t("app.window_title"))
        pygame.key.set_repeat(0)
        if options.fullscreen:
            try:
                self.fullscreen = True
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error:
                self.fullscreen = False
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def resize(self, size: tuple[int, int]) -> None:
        """The window has a new size (SDL says so after the user or the system changed it).

        A window of its own is never set up again here: SDL already resized its surface, and
        setting a mode in answer to a resize makes a new resize event; without a window manager
        to settle them that was an endless loop (a black screen after F11).
        """
        if self.own_display:
            current = pygame.display.get_surface()
            if current is None:
                return
            self.surface = current
            if not self.fullscreen:
                self.windowed_size = current.get_size()
            if current.get_size() == (self.metrics.width, self.metrics.height):
                return  # VIDEORESIZE and WINDOWSIZECHANGED both report one resize
        else:
            size = (max(MIN_SIZE[0], int(size[0])), max(MIN_SIZE[1], int(size[1])))
            if size == self.surface.get_size() == (self.metrics.width, self.metrics.height):
                return
            if self.surface.get_size() != size:
                self.surface = pygame.Surface(size, 0, self.surface)
        self.relayout()

    def toggle_fullscreen(self) -> None:
        """F11: fullscreen on or off. SDL switches the window in place where it can
        (``pygame.display.toggle_fullscreen``); only where it cannot (a driver without
        fullscreen, such as the dummy one) is the display mode set, once, and the resize events
        that follow are taken as they come (see :meth:`resize`)."""
        if not self.own_display:
            return
        going_full = not self.fullscreen
        if going_full:
            self.windowed_size = self.surface.get_size()
        try:
            switched = bool(pygame.display.toggle_fullscreen())
        except pygame.error:
            switched = False
        if not switched:
            try:
                if going_full:
                    pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
                else:
                    pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            except pygame.error:
                return
        self.fullscreen = going_full
        current = pygame.display.get_surface()
        if current is not None:
            self.surface = current
        self.relayout()

    def relayout(self) -> None:
        self.metrics = self.theme.metrics(self.surface.get_size())
        for scene in self.stack:
            scene.layout_changed()
        self.invalidate()

    def set_language(self, lang: str) -> None:
        if lang not in KNOWN_LANGUAGES or lang == self.lang:
            return
        self.lang = lang
        self.catalog = load_catalog(lang)
        if self.own_display:
            pygame.display.set_caption(self.catalog.t("app.window_title"))
        self.relayout()
