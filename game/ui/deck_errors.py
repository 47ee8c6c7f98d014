"""A deck that cannot be played: its first errors in plain words, and the way back.

Each problem shows where it is (file, line, column), its message as a sentence, and the
loader's hint below it when there is one ("Bedoel je 'options'?").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from . import layout
from .scene import ACTIVATE_KEYS, Scene
from .widgets import Button, panel


def sentence(text: str) -> str:
    """``text`` with a capital first letter, as a message on screen starts.

    A text that starts with a quoted name ('role' ...) is left alone: the name is what the
    author has to type, in its own case.
    """
    text = text.strip()
    if text[:1].isalpha() and text[:1].islower():
        return text[0].upper() + text[1:]
    return text


class DeckErrorsScene(Scene):
    def __init__(self, app, folder: Path, result: Any):
        super().__init__(app)
        self.folder = Path(folder)
        self.problems = [d for d in result.diagnostics if d.is_error] or list(result.diagnostics)
        self.error_count = result.error_count
        self._static: pygame.Surface | None = None
        self.layout_changed()
        self.focus = 0

    @property
    def shot_name(self) -> str:
        return "deck-errors"

    def layout_changed(self) -> None:
        self.layout = layout.errors(self.app.metrics)
        self.buttons = [Button("back", self.layout.back, self.app.t("common.back"),
                               style="primary")]
        self._static = None

    def lines(self) -> list[tuple[str, str, str]]:
        """(place, message, hint) of each problem, as shown on screen."""
        return [(problem.location(self.folder), sentence(problem.message),
                 sentence(problem.hint) if problem.hint else "")
                for problem in self.problems]

    def activate(self, button_id: str) -> None:
        self.app.pop()

    def on_key(self, key: int, mod: int) -> None:
        if key in (pygame.K_ESCAPE, pygame.K_BACKSPACE, *ACTIVATE_KEYS):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        if self._static is None or self._static.get_size() != surface.get_size():
            self._static = self._draw_static()
        surface.blit(self._static, (0, 0))
        self.draw_buttons(surface)

    def _draw_static(self) -> pygame.Surface:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        s = app.new_layer()
        s.fill(p.page)
        pygame.draw.rect(s, p.band, L.frame.band)
        head = L.heading
        self.text_in(s, pygame.Rect(head.x, head.y, head.width, head.height // 2),
                     app.t("errors.heading", deck=self.folder.name), "bold", m.heading,
                     p.band_ink, valign="bottom")
        self.text_in(s, pygame.Rect(head.x, head.centery + m.px(4), head.width, head.height // 2),
                     app.catalog.count("errors.summary", self.error_count), "regular", m.small,
                     p.band_muted)
        panel(s, L.list, m, p)
        inner = L.list.inflate(-2 * m.px(32), -2 * m.px(28))
        y = inner.y
        shown = 0
        for where, message, hint in self.lines():
            place = app.text.render(where, "semibold", m.small, p.ink_muted, inner.width)
            body = app.text.render(message, "regular", m.body, p.ink, inner.width)
            tip = app.text.render(f"→ {hint}", "regular", m.body, p.ink_muted, inner.width) \
                if hint else None
            need = place.height + body.height + (tip.height if tip else 0) + m.px(18)
            if y + need > inner.bottom - round(m.small * 1.5):
                break
            s.blit(place.surface, (inner.x, y))
            s.blit(body.surface, (inner.x, y + place.height))
            if tip is not None:
                s.blit(tip.surface, (inner.x, y + place.height + body.height))
            y += need
            shown += 1
        rest = len(self.problems) - shown
        if rest > 0:
            self.text_in(s, pygame.Rect(inner.x, inner.bottom - round(m.small * 1.4), inner.width,
                                        round(m.small * 1.4)),
                         app.catalog.count("errors.more", rest), "regular", m.small, p.ink_muted)
        hint_rect = pygame.Rect(L.list.x, L.back.y, L.back.left - m.gap - L.list.x, L.back.height)
        self.text_in(s, hint_rect, app.t("errors.hint"), "regular", m.small, p.ink_muted,
                     valign="center")
        return s
