"""A deck that cannot be played: its first errors in plain words, and the way back.

Each problem shows where it is (file, line, column), its message as a sentence, and the
loader's hint below it when there is one ("Bedoel je 'options'?"). A deck chosen to play shows
them on a screen of their own; a deck reloaded with F5 during a game shows them over the game,
which goes on with the version that loaded last.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.ui.layout import screens as layout
from game.ui.scene import ACTIVATE_KEYS, Prompt, Scene
from game.ui.look.widgets import Button, panel


def sentence(text: str) -> str:
    """``text`` with a capital first letter, as a message on screen starts.

    A text that starts with a quoted name ('role' ...) is left alone: the name is what the
    author has to type, in its own case.
    """
    text = text.strip()
    if text[:1].isalpha() and text[:1].islower():
        return text[0].upper() + text[1:]
    return text


def problem_lines(problems: list[Any], folder: Path) -> list[tuple[str, str, str]]:
    """(place, message, hint) of each problem, as shown on screen."""
    return [(problem.location(folder), sentence(problem.message),
             sentence(problem.hint) if problem.hint else "")
            for problem in problems]


def _render_problem(app, where: str, message: str, hint: str, place_w: int, text_w: int):
    """One problem's place, message and hint (None without one) as text blocks."""
    m, p = app.metrics, app.theme.palette
    place = app.text.render(where, "semibold", m.small, p.ink_muted, place_w)
    body = app.text.render(message, "regular", m.body, p.ink, text_w)
    tip = app.text.render(f"→ {hint}", "regular", m.body, p.ink_muted, text_w) if hint else None
    return place, body, tip


def _draw_more(scene: Scene, s: pygame.Surface, area: pygame.Rect, more_h: int,
               rest: int) -> None:
    """The line "... and N more" on the last ``more_h`` pixels of ``area``, when ``rest``
    problems did not fit."""
    if rest > 0:
        app, m = scene.app, scene.app.metrics
        scene.text_in(s, pygame.Rect(area.x, area.bottom - more_h, area.width, more_h),
                      app.catalog.count("errors.more", rest), "regular", m.small,
                      app.theme.palette.ink_muted)


def draw_problems(scene: Scene, s: pygame.Surface, area: pygame.Rect,
                  lines: list[tuple[str, str, str]], limit: int | None = None) -> int:
    """The problems, one under the other, as many as ``area`` holds (at most ``limit``), and
    "... and N more" at its foot for the rest. Returns how many were shown."""
    app, m = scene.app, scene.app.metrics
    more_h = round(m.small * 1.4)
    y = area.y
    shown = 0
    for where, message, hint in lines[:limit]:
        place, body, tip = _render_problem(app, where, message, hint, area.width, area.width)
        need = place.height + body.height + (tip.height if tip else 0) + m.px(18)
        if y + need > area.bottom - more_h:
            break
        s.blit(place.surface, (area.x, y))
        s.blit(body.surface, (area.x, y + place.height))
        if tip is not None:
            s.blit(tip.surface, (area.x, y + place.height + body.height))
        y += need
        shown += 1
    _draw_more(scene, s, area, more_h, len(lines) - shown)
    return shown


def draw_problem_rows(scene: Scene, s: pygame.Surface, area: pygame.Rect,
                      lines: list[tuple[str, str, str]], limit: int) -> int:
    """The problems as rows, the place in a column on the left and the message with its hint
    beside it, at most ``limit`` and as many as ``area`` holds; "... and N more" below them.
    Returns how many were shown."""
    app, m = scene.app, scene.app.metrics
    gap = m.px(28)
    place_w = min(round(area.width * 0.38),
                  max((app.text.measure(where, "semibold", m.small)[0] for where, _, _ in lines),
                      default=0))
    text_x = area.x + place_w + gap
    text_w = area.right - text_x
    more_h = round(m.small * 1.4)
    y = area.y
    shown = 0
    for where, message, hint in lines[:limit]:
        place, body, tip = _render_problem(app, where, message, hint, place_w, text_w)
        height = max(place.height, body.height + (tip.height if tip else 0))
        if y + height > area.bottom - more_h:
            break
        # the place's smaller type sits on the message's first line
        s.blit(place.surface, (area.x, y + (body.line_height - place.line_height) // 2))
        s.blit(body.surface, (text_x, y))
        if tip is not None:
            s.blit(tip.surface, (text_x, y + body.height))
        y += height + m.px(12)
        shown += 1
    _draw_more(scene, s, area, more_h, len(lines) - shown)
    return shown


class _ProblemsScene(Scene):
    """A deck's problems on screen; Esc, Backspace or Enter goes back."""

    folder: Path
    problems: list[Any]

    def lines(self) -> list[tuple[str, str, str]]:
        """(place, message, hint) of each problem, as shown on screen."""
        return problem_lines(self.problems, self.folder)

    def prompt(self) -> Prompt:
        return Prompt("errors", lines=tuple(problem.format() for problem in self.problems))

    def activate(self, button_id: str) -> None:
        self.app.pop()

    def on_key(self, key: int, mod: int) -> None:
        if key in (pygame.K_ESCAPE, pygame.K_BACKSPACE, *ACTIVATE_KEYS):
            self.app.pop()


class DeckErrorsScene(_ProblemsScene):
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

    def draw(self, surface: pygame.Surface) -> None:
        if self._static is None or self._static.get_size() != surface.get_size():
            self._static = self._draw_static()
        surface.blit(self._static, (0, 0))
        self.draw_buttons(surface)

    def _draw_static(self) -> pygame.Surface:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        s = self.page_layer(L.frame.band)
        head = L.heading
        self.text_in(s, pygame.Rect(head.x, head.y, head.width, head.height // 2),
                     app.t("errors.heading", deck=self.folder.name), "bold", m.heading,
                     p.band_ink, valign="bottom")
        self.text_in(s, pygame.Rect(head.x, head.centery + m.px(4), head.width, head.height // 2),
                     app.catalog.count("errors.summary", self.error_count), "regular", m.small,
                     p.band_muted)
        panel(s, L.list, m, p)
        inner = L.list.inflate(-2 * m.px(32), -2 * m.px(28))
        draw_problems(self, s, inner, self.lines())
        hint_rect = pygame.Rect(L.list.x, L.back.y, L.back.left - m.gap - L.list.x, L.back.height)
        self.text_in(s, hint_rect, app.t("errors.hint"), "regular", m.small, p.ink_muted,
                     valign="center")
        return s


class ReloadErrorsScene(_ProblemsScene):
    """The deck was reloaded (F5) but now has errors: they show over the game, which goes on
    with the last version that loaded. Esc or Enter closes this; F5 tries again."""

    overlay = True
    #: At most this many problems are listed; the count says how many there are.
    LIMIT = 8

    def __init__(self, app, folder: Path, result: Any):
        super().__init__(app)
        self.folder = Path(folder)
        self.problems = [d for d in result.diagnostics if d.is_error]
        self.layout_changed()
        self.focus = 0
        self.keyboard = True

    @property
    def shot_name(self) -> str:
        return "reload-errors"

    def layout_changed(self) -> None:
        self.layout = layout.reload_errors(self.app.metrics)
        self.buttons = [Button("back", self.layout.back, self.app.t("reload.back"),
                               style="primary")]

    def draw(self, surface: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        self.dim_below(surface)
        panel(surface, L.panel, m, p)
        stripe = pygame.Rect(L.panel.x, L.panel.y, L.panel.width, m.px(10))
        pygame.draw.rect(surface, p.negative, stripe, border_top_left_radius=m.radius,
                         border_top_right_radius=m.radius)
        self.text_in(surface, L.heading, app.t("reload.heading"), "bold", m.title, p.ink,
                     valign="center")
        self.text_in(surface, L.heading, app.t("reload.escape"), "regular", m.small,
                     p.ink_muted, align="right", valign="center")
        self.text_in(surface, L.summary, app.catalog.count("reload.summary", len(self.problems)),
                     "regular", m.body, p.ink)
        pygame.draw.line(surface, p.surface_alt, (L.list.x, L.list.y - m.px(10)),
                         (L.list.right, L.list.y - m.px(10)), m.px(3))
        draw_problem_rows(self, surface, L.list, self.lines(), self.LIMIT)
        self.text_in(surface, L.hint, app.t("reload.hint"), "regular", m.small, p.ink_muted,
                     valign="center")
        self.draw_buttons(surface)
