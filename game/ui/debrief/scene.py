"""The debrief: seven pages to look back on the session together, and the report to take home.

Pushed over the game at the end of a workshop or from the menu at any time; Esc or "Terug"
dismisses it and the game below is as it was. The pages move like slides, so a presenter
clicker drives them: PageDown, Right, Space or Enter go on, PageUp and Left go back (a long
page is shown in steps, and the clicker walks through them first), Home and End go to the first
and the last page, the numbers 1 to 7 jump to a page. The mouse and touch use the arrows and
numbered page buttons on the band and the buttons below the page; Up, Down and Tab move the
keyboard focus over the buttons. X (or "Exporteer verslag") writes the report and says where.

Everything is drawn from the report data of the live match (:func:`game.reports.content.report_for_match`),
so what the room sees is what the report file says. A page is drawn once into a layer and then
only blitted, until the page, the step, the window or the language changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
from pygame import Rect

from game.reports.content import report_for_match
from game.ui.layout import debrief as debrief_layout
from game.ui.debrief.canvas import Canvas
from game.ui.debrief.pages import MetersPage, Page, QuestionsPage, TrianglePage
from game.ui.debrief.tables import AspectsPage, DecisionsPage
from game.ui.debrief.why import AdvicePage, TracePage
from game.ui.debrief.exporting import ExportError, export_reports
from game.ui.scene import NUMBER_KEYS, Prompt, Scene, key_event
from game.ui.look.widgets import Button, panel

PAGES: tuple[type[Page], ...] = (MetersPage, TrianglePage, DecisionsPage, AspectsPage,
                                 QuestionsPage, TracePage, AdvicePage)
#: The number keys that jump to a page (the scene's own go up to 6).
PAGE_KEYS = {**NUMBER_KEYS, pygame.K_7: 7, pygame.K_KP7: 7}
NEXT = (pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE)
BACK = (pygame.K_PAGEUP, pygame.K_LEFT)


class DebriefScene(Scene):
    def __init__(self, app, match: Any):
        super().__init__(app)
        self.match = match
        #: The page shown (0-based) and the step within it.
        self.page = 0
        self.step = 0
        #: The folder the report was last written to, or None.
        self.exported: Path | None = None
        #: Why the last export failed, in plain words, or None.
        self.export_error: str | None = None
        self.canvas = Canvas(app)
        self.report: dict[str, Any] = {}
        self._report_lang: str | None = None
        self._layer: pygame.Surface | None = None
        self._layer_key: Any = None
        self.layout_changed()

    @property
    def shot_name(self) -> str:
        return f"debrief-{self.page + 1}"

    # ------------------------------------------------------------------ building
    def layout_changed(self) -> None:
        app = self.app
        if self._report_lang != app.lang:
            self.report = report_for_match(self.match, app.lang)
            self._report_lang = app.lang
        self.layout = debrief_layout.debrief(app.metrics, len(PAGES))
        self.pages: list[Page] = [page(self.canvas, self.report) for page in PAGES]
        for page in self.pages:
            page.layout(self.layout.body)
        self.step = min(self.step, self.pages[self.page].steps - 1)
        L = self.layout
        self.buttons = [Button("previous", L.previous, app.t("debrief.previous"))]
        self.buttons += [Button(f"page-{i + 1}", rect, str(i + 1))
                         for i, rect in enumerate(L.dots)]
        self.buttons += [
            Button("next", L.next, app.t("debrief.next")),
            Button("back", L.back, app.t("debrief.back")),
            Button("export", L.export, app.t("debrief.export_button"), style="primary"),
        ]
        self._update_buttons()
        self._layer = None

    def _update_buttons(self) -> None:
        first = self.page == 0 and self.step == 0
        last = self.page == len(self.pages) - 1 and self.step >= self.pages[-1].steps - 1
        self.button("previous").enabled = not first
        self.button("next").enabled = not last
        focused = self.focused_button()
        if focused is not None and not focused.enabled:
            self.focus = None

    # ------------------------------------------------------------------ reading
    @property
    def current(self) -> Page:
        return self.pages[self.page]

    @property
    def title(self) -> str:
        return self.current.title()

    @property
    def texts(self) -> list[str]:
        """Every text on the screen now: the page's, the band's and the buttons'."""
        return [text for text, _ in self.canvas.drawn] + [b.label for b in self.buttons]

    def text_rects(self) -> list[tuple[str, Rect]]:
        """Where each text of the page was drawn (after a frame)."""
        return list(self.canvas.drawn)

    # ------------------------------------------------------------------ moving
    def go(self, page: int, step: int = 0) -> None:
        page = max(0, min(len(self.pages) - 1, page))
        step = max(0, min(self.pages[page].steps - 1, step))
        if (page, step) != (self.page, self.step):
            self.page, self.step = page, step
            self._update_buttons()
            self.app.invalidate()

    def next(self) -> None:
        if self.step + 1 < self.current.steps:
            self.go(self.page, self.step + 1)
        elif self.page + 1 < len(self.pages):
            self.go(self.page + 1, 0)

    def back(self) -> None:
        if self.step > 0:
            self.go(self.page, self.step - 1)
        elif self.page > 0:
            self.go(self.page - 1, self.pages[self.page - 1].steps - 1)

    def export(self) -> None:
        try:
            self.exported = export_reports(self.app, self.match)
            self.export_error = None
        except ExportError as exc:
            self.export_error = str(exc)
        self.app.invalidate()

    # ------------------------------------------------------------------ input
    def prompt(self) -> Prompt:
        return Prompt("close")

    def answer(self, value=None) -> list[pygame.event.Event]:
        return [key_event(pygame.K_ESCAPE)]

    def on_key(self, key: int, mod: int) -> None:
        if key == pygame.K_ESCAPE:
            self.app.pop(None)
        elif key in NEXT:
            self.next()
        elif key in BACK:
            self.back()
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            button = self.focused_button() if self.keyboard else None
            if button is not None and button.enabled:
                self.activate(button.id)
            else:
                self.next()
        elif key == pygame.K_HOME:
            self.go(0)
        elif key == pygame.K_END:
            self.go(len(self.pages) - 1)
        elif key in PAGE_KEYS and PAGE_KEYS[key] <= len(self.pages):
            self.go(PAGE_KEYS[key] - 1)
        elif key == pygame.K_x:
            self.export()
        elif key in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
            step = -1 if key == pygame.K_UP or (key == pygame.K_TAB and mod & pygame.KMOD_SHIFT) \
                else 1
            self.move_focus(step)

    def on_wheel(self, amount: int) -> None:
        """The wheel walks the steps of the page it is on."""
        self.go(self.page, self.step - amount)

    def activate(self, button_id: str) -> None:
        if button_id.startswith("page-"):
            self.go(int(button_id[5:]) - 1)
        elif button_id == "back":
            self.app.pop(None)
        elif button_id == "previous":
            self.back()
        elif button_id == "next":
            self.next()
        elif button_id == "export":
            self.export()

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        key = (surface.get_size(), self.app.lang, self.page, self.step, self.exported,
               self.export_error)
        if self._layer is None or self._layer_key != key:
            self._layer = self._draw_layer()
            self._layer_key = key
        surface.blit(self._layer, (0, 0))
        self.draw_buttons(surface, selected={f"page-{self.page + 1}"})
        self.app.draw_warning(surface, self.layout.frame.warning)

    def _draw_layer(self) -> pygame.Surface:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        c = self.canvas
        c.clear()
        s = self.page_layer(L.frame.band)
        deck = self.report["deck"]["title"]
        caption = app.t("debrief.caption", deck=deck)
        if c.width(caption, "semibold", m.small) > L.caption.width:
            caption = app.t("debrief.caption_short")  # a narrow band: the deck's title gives way
        sizes = m.shrunk(m.title)
        if app.text.measure(self.title, "bold", sizes[-1])[0] <= L.title.width:
            c.line(s, caption, "semibold", m.small, p.band_muted, L.caption.topleft,
                   L.caption.width)
            c.fit(s, L.title, self.title, "bold", sizes, p.band_ink)
        else:  # a long title in a narrow band takes the caption's line too, on two lines
            c.fit(s, L.caption.union(L.title), self.title, "bold", sizes, p.band_ink,
                  valign="center")
        panel(s, L.panel, m, p)
        self.current.draw(s, self.step)
        self._draw_status(s)
        return s

    def _draw_status(self, s: pygame.Surface) -> None:
        """Under the page: what the export did, or else the keys that move the pages."""
        c, L, m, p = self.canvas, self.layout, self.app.metrics, self.app.theme.palette
        rect = L.status
        if rect.width < m.px(120):
            return
        if self.export_error:
            pygame.draw.rect(s, p.warning_surface, rect, border_radius=m.radius)
            pygame.draw.rect(s, p.warning_ink, rect, width=max(1, m.px(2)),
                             border_radius=m.radius)
            c.fit(s, rect.inflate(-2 * m.px(14), -2 * m.px(6)), self.export_error, "semibold",
                  m.shrunk(m.small), p.warning_ink, valign="center")
        elif self.exported is not None:
            c.fit(s, rect.inflate(-2 * m.px(4), 0),
                  "✓ " + self.app.t("debrief.export.done", path=str(self.exported)), "semibold",
                  m.shrunk(m.small), p.ink, valign="center")
        else:
            c.fit(s, rect, self.app.t("debrief.hint"), "regular", [m.small], p.ink_muted,
                  valign="center")
