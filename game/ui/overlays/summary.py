"""The take-home summary on screen, over the end of an onboarding game.

When an onboarding game ends its ``summary.html`` is written (see
:mod:`game.reports.summary`); this panel says where, and shows what the page holds at a glance:
the raad's instruments used, the council questions to take into the raad and the essay's four
recommendations. Enter, Esc or the button closes it, back to the game's end.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
from pygame import Rect

from game.ui.look.paths import breakable
from game.ui.look.widgets import Button, panel
from game.ui.scene import ACTIVATE_KEYS, Prompt, Scene, key_event

#: How many council questions the panel shows (the page has them all).
SHOWN_QUESTIONS = 3


class SummaryScene(Scene):
    """The summary's highlights and where the page was written."""

    overlay = True

    def __init__(self, app, summary: dict[str, Any], path: Path):
        super().__init__(app)
        self.summary = summary
        self.path = path
        self.layout_changed()
        self.focus = 0

    @property
    def shot_name(self) -> str:
        return "summary"

    def layout_changed(self) -> None:
        m = self.app.metrics
        width, height = self.app.surface.get_size()
        self.panel = Rect(0, 0, min(width - 2 * m.px(40), m.px(1560)),
                          height - 2 * m.px(40))
        self.panel.center = (width // 2, height // 2)
        inner = self.panel.inflate(-2 * m.px(44), -2 * m.px(36))
        button_h = m.px(80)
        self.heading = Rect(inner.x, inner.y, inner.width, round(m.title * 1.25))
        # where the page was written, its path broken after its separators where it is wider
        # than the panel, in as many lines as that takes
        font = self.app.fonts.get("semibold", m.small)
        self.written = breakable(self.app.t("onboarding.summary_written", path=str(self.path)),
                                 font, inner.width)
        lines = self.app.text.render(self.written, "semibold", m.small,
                                     self.app.theme.palette.ink_muted, inner.width)
        self.where = Rect(inner.x, self.heading.bottom + m.px(4), inner.width,
                          max(round(m.small * 2.8), lines.height + m.px(4)))
        body_top = self.where.bottom + m.px(16)
        body_bottom = inner.bottom - button_h - m.px(20)
        half = (inner.width - m.gap) // 2
        self.left = Rect(inner.x, body_top, half, body_bottom - body_top)
        self.right = Rect(inner.x + half + m.gap, body_top, inner.width - half - m.gap,
                          body_bottom - body_top)
        back = Rect(inner.right - min(m.px(460), inner.width), inner.bottom - button_h,
                    min(m.px(460), inner.width), button_h)
        self.buttons = [Button("back", back, self.app.t("onboarding.summary_back"),
                               style="primary")]
        self._dim = None

    def prompt(self) -> Prompt:
        return Prompt("next", step=("summary",))

    def answer(self, value: Any = None) -> list[pygame.event.Event]:
        return [key_event(pygame.K_RETURN, "\r")]

    def activate(self, button_id: str) -> None:
        self.app.pop()

    def on_key(self, key: int, mod: int) -> None:
        if key in ACTIVATE_KEYS or key == pygame.K_ESCAPE:
            self.app.pop()

    def on_click(self, pos: tuple[int, int]) -> None:
        if not self.panel.collidepoint(pos):
            self.app.pop()
            return
        super().on_click(pos)

    def _section(self, surface: pygame.Surface, area: Rect, heading: str,
                 lines: list[str]) -> Rect:
        """A heading and its lines at the top of ``area``; returns the area left below."""
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        head = Rect(area.x, area.y, area.width, round(m.heading * 1.3))
        self.text_in(surface, head, heading, "bold", m.heading, p.ink, valign="center")
        y = head.bottom + m.px(6)
        for line in lines:
            block = app.text.render(line, "regular", m.body, p.ink, area.width)
            if y + block.height > area.bottom:
                break
            surface.blit(block.surface, (area.x, y))
            y += block.height + m.px(8)
        return Rect(area.x, y + m.px(14), area.width, max(0, area.bottom - y - m.px(14)))

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p, s = self.app, self.app.metrics, self.app.theme.palette, self.summary
        self.dim_below(surface)
        panel(surface, self.panel, m, p)
        self.text_in(surface, self.heading, app.t("onboarding.summary_heading"), "bold",
                     m.title, p.ink, valign="center")
        self.text_in(surface, self.where, self.written, "semibold", m.small, p.ink_muted,
                     shrink=False)
        used = [i["name"] for i in s["instruments"]]
        rest = self._section(surface, self.left, app.t("onboarding.summary_instruments"),
                             [", ".join(used)] if used else [app.t("onboarding.summary_none")])
        self._section(surface, rest, app.t("onboarding.summary_recommendations"),
                      [f"{n}. {r['heading']}" for n, r in enumerate(s["recommendations"], 1)])
        questions = [f"• {q['question']}" for q in s["questions"][:SHOWN_QUESTIONS]]
        self._section(surface, self.right, app.t("onboarding.summary_questions"),
                      questions or [app.t("onboarding.summary_none")])
        self.draw_buttons(surface)
