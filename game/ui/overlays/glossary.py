"""The glossary over the game: the deck's terms, alphabetically, with their definitions.

It opens with G (or the "Begrippen" button) from a card or an outcome and closes with Esc or G,
back to the same screen with nothing changed. Terms that occur on the screen it was opened from
come first, under "Op deze kaart". Typing letters filters the list (the field shows what was
typed, Backspace edits), so a facilitator finds "AVG" in two key presses; once a search has
begun, G is a letter like any other and Esc closes. The list scrolls by entry with the up and
down arrows, the wheel and a touch drag, and by page with PgUp/PgDn and left/right (a
presenter clicker), or the buttons below it.

:class:`~game.ui.overlays.glossary_terms.GlossaryIndex` holds the terms and the matching,
without pygame, so it is easy to test.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame import Rect

from game.ui.layout import screens as layout
from game.ui.overlays.glossary_terms import SEARCH_EXTRA, SEARCH_MAX, GlossaryIndex, Row
from game.ui.scene import ACTIVATE_KEYS, Prompt, Scene, key_event
from game.ui.look.textcache import ellipsize
from game.ui.look.widgets import Button, panel

class GlossaryScene(Scene):
    overlay = True
    takes_letters = True

    def __init__(self, app, deck, context: str = "", back_key: str = "glossary.back_card"):
        super().__init__(app)
        self.deck = deck
        self.context = context
        self.back_key = back_key
        #: What has been typed into the search field.
        self.query = ""
        #: Index of the first row shown.
        self.top = 0
        self._drag: float | None = None
        self._dragged = False
        self._layer: pygame.Surface | None = None
        self._layer_key: Any = None
        self._page: list[tuple[int, Rect]] = []
        self.layout_changed()
        self.focus = None

    @property
    def shot_name(self) -> str:
        return "glossary"

    # ------------------------------------------------------------------ content
    def layout_changed(self) -> None:
        app = self.app
        self.index = GlossaryIndex(self.deck.spec.glossary, app.lang)
        self.layout = layout.glossary(app.metrics)
        L = self.layout
        self.buttons = [
            Button("previous", L.previous, app.t("glossary.previous")),
            Button("next", L.next, app.t("glossary.next")),
            Button("close", L.close, app.t(self.back_key), style="primary"),
        ]
        self._rebuild(keep_top=True)

    def _rebuild(self, keep_top: bool = False) -> None:
        self.rows = self.index.rows(self.query, self.context, self.app.t)
        self._heights: dict[int, int] = {}
        self.top = min(self.top, self.max_top) if keep_top else 0
        self._paginate()

    @property
    def terms(self) -> list[str]:
        """The terms listed now, in order (a term on the card is listed twice)."""
        return [r.text for r in self.rows if r.kind == "entry"]

    @property
    def visible_terms(self) -> list[str]:
        return [self.rows[i].text for i, _ in self._page if self.rows[i].kind == "entry"]

    # ------------------------------------------------------------------ measuring
    def _blocks(self, row: Row):
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        pad = m.px(16)
        if row.kind == "heading":
            return (app.text.fit(row.text, "semibold", m.shrunk(m.heading), p.ink, L.list.width,
                                 round(m.heading * 1.4)),)
        if row.kind == "message":
            return (app.text.render(row.text, "regular", m.body, p.ink, L.list.width - 2 * pad),)
        term = app.text.fit(row.text, "bold", m.shrunk(m.body), p.ink,
                            L.term_width - pad - m.px(28), round(m.body * 1.3) * 3)
        definition = app.text.render(row.definition, "regular", m.body, p.ink,
                                     self._definition_width())
        return term, definition

    def _definition_width(self) -> int:
        L, m = self.layout, self.app.metrics
        return L.list.width - L.term_width - m.px(16) - self._bar_room()

    def _bar_room(self) -> int:
        return self.app.metrics.px(28)

    def _height(self, index: int) -> int:
        known = self._heights.get(index)
        if known is None:
            m = self.app.metrics
            row = self.rows[index]
            blocks = self._blocks(row)
            if row.kind == "heading":
                known = blocks[0].height + (m.px(18) if index > 0 else 0) + m.px(8)
            else:
                known = max(b.height for b in blocks) + 2 * m.px(12)
            self._heights[index] = known
        return known

    def _fits_from(self, start: int) -> int:
        """The index after the last row that fits when the list starts at ``start``."""
        space = self.layout.list.height
        used = 0
        end = start
        while end < len(self.rows):
            height = self._height(end)
            if used + height > space and end > start:
                break
            used += height
            end += 1
        # A heading never ends a page: it goes to the next one with its first entry.
        if end - start > 1 and end < len(self.rows) and self.rows[end - 1].kind == "heading":
            end -= 1
        return end

    @property
    def max_top(self) -> int:
        """The first row of the last page: scrolling further would show empty space."""
        space = self.layout.list.height
        used, first = 0, len(self.rows)
        while first > 0 and used + self._height(first - 1) <= space:
            used += self._height(first - 1)
            first -= 1
        return min(first, max(0, len(self.rows) - 1))

    def _paginate(self) -> None:
        L = self.layout
        end = self._fits_from(self.top)
        y = L.list.y
        page = []
        for index in range(self.top, end):
            height = self._height(index)
            page.append((index, Rect(L.list.x, y, L.list.width - self._bar_room(), height)))
            y += height
        self._page = page
        self.end = end
        for button in self.buttons:
            if button.id == "previous":
                button.enabled = self.top > 0
            elif button.id == "next":
                button.enabled = self.end < len(self.rows)

    # ------------------------------------------------------------------ scrolling
    def scroll_to(self, top: int) -> None:
        top = max(0, min(self.max_top, top))
        if top != self.top:
            self.top = top
            self._paginate()
            self.app.invalidate()

    def page_down(self) -> None:
        if self.end < len(self.rows):
            self.scroll_to(self.end)

    def page_up(self) -> None:
        space, used, first = self.layout.list.height, 0, self.top
        while first > 0 and used + self._height(first - 1) <= space:
            used += self._height(first - 1)
            first -= 1
        self.scroll_to(min(first, self.top - 1) if self.top > 0 else 0)

    # ------------------------------------------------------------------ input
    def type_text(self, text: str) -> None:
        """Add ``text`` to the search; the list shows what matches, from the top."""
        text = "".join(c for c in text if c.isalnum() or c in SEARCH_EXTRA)
        if not text or (not self.query and text.isspace()):
            return
        self.query = (self.query + text)[:SEARCH_MAX]
        self._rebuild()
        self.app.invalidate()

    def erase(self, everything: bool = False) -> None:
        if self.query:
            self.query = "" if everything else self.query[:-1]
            self._rebuild()
            self.app.invalidate()

    def close(self) -> None:
        self.app.pop(None)

    def prompt(self) -> Prompt:
        return Prompt("close")

    def answer(self, value=None) -> list[pygame.event.Event]:
        return [key_event(pygame.K_ESCAPE)]

    def on_key(self, key: int, mod: int, text: str = "") -> None:
        if key == pygame.K_ESCAPE:
            self.close()
        elif key == pygame.K_g and not self.query and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.close()
        elif key == pygame.K_BACKSPACE:
            self.erase(everything=bool(mod & pygame.KMOD_CTRL))
        elif key == pygame.K_DELETE:
            self.erase(everything=True)
        elif key in (pygame.K_PAGEDOWN, pygame.K_RIGHT):
            self.page_down()
        elif key in (pygame.K_PAGEUP, pygame.K_LEFT):
            self.page_up()
        elif key == pygame.K_DOWN:
            self.scroll_to(self.top + 1)
        elif key == pygame.K_UP:
            self.scroll_to(self.top - 1)
        elif key == pygame.K_HOME:
            self.scroll_to(0)
        elif key == pygame.K_END:
            self.scroll_to(self.max_top)
        elif key == pygame.K_TAB:
            self.move_focus(-1 if mod & pygame.KMOD_SHIFT else 1)
        elif key == pygame.K_SPACE and self.query:
            self.type_text(" ")
        elif key in ACTIVATE_KEYS and self.keyboard and self.focused_button() is not None:
            button = self.focused_button()
            if button.enabled:
                self.activate(button.id)
        elif key == pygame.K_SPACE:
            self.page_down()
        elif text and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            self.type_text(text)

    def handle_event(self, event: pygame.event.Event) -> None:
        kind = event.type
        if kind == pygame.KEYDOWN:
            text = getattr(event, "unicode", "") or ""
            if not text and pygame.K_a <= event.key <= pygame.K_z:
                text = chr(event.key)  # no text input: the key names the letter
            if text and not text.isprintable():
                text = ""
            self.on_key(event.key, getattr(event, "mod", 0), text)
        elif kind == pygame.FINGERDOWN:
            self._drag, self._dragged = event.y * self.app.surface.get_height(), False
        elif kind == pygame.FINGERMOTION and self._drag is not None:
            y = event.y * self.app.surface.get_height()
            step = max(1, self.app.metrics.px(90))
            moved = int((self._drag - y) / step)
            if moved:
                self._dragged = True
                self._drag -= moved * step
                self.scroll_to(self.top + moved)
        elif kind == pygame.FINGERUP and self._dragged:
            self._drag, self._dragged = None, False  # the end of a drag is not a tap
        else:
            if kind == pygame.FINGERUP:
                self._drag = None
            super().handle_event(event)

    def on_wheel(self, amount: int) -> None:
        self.scroll_to(self.top - amount)

    def on_click(self, pos: tuple[int, int]) -> None:
        if not self.layout.panel.collidepoint(pos):
            self.close()  # a tap beside the glossary closes it, as on a phone
            return
        super().on_click(pos)

    def activate(self, button_id: str) -> None:
        if button_id == "close":
            self.close()
        elif button_id == "previous":
            self.page_up()
        elif button_id == "next":
            self.page_down()

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        key = (surface.get_size(), app.lang, self.query, self.top)
        if self._layer is None or self._layer_key != key:
            self._layer = self._draw_panel()
            self._layer_key = key
        self.dim_below(surface)
        panel(surface, L.panel, m, p)
        surface.blit(self._layer, self._content_rect().topleft)
        self.draw_buttons(surface)

    def _content_rect(self) -> Rect:
        """The panel inside its rounded corners: the part the content layer covers."""
        m = self.app.metrics
        return self.layout.panel.inflate(-2 * m.radius, -2 * m.radius)

    def _draw_panel(self) -> pygame.Surface:
        """The panel's content, drawn once per search and scroll position."""
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        area = self._content_rect()
        s = app.new_layer(area.size)
        s.fill(p.surface)
        offset = (-area.x, -area.y)

        def at(rect: Rect) -> Rect:
            return rect.move(offset)

        self.text_in(s, at(L.heading), app.t("glossary.heading"), "bold", m.title, p.ink,
                     valign="center")
        self._draw_search(s, at(L.search))
        hint = app.t("glossary.hint_query" if self.query else "glossary.hint")
        hint = ellipsize(hint, app.fonts.get("regular", m.small), L.hint.width)
        self.text_in(s, at(L.hint), hint, "regular", m.small, p.ink_muted)
        shade = 0
        for index, rect in self._page:
            row = self.rows[index]
            rect = at(rect)
            if row.kind == "heading":
                shade = 0
                block = self._blocks(row)[0]
                y = rect.bottom - m.px(8) - block.height
                s.blit(block.surface, (rect.x, y))
                pygame.draw.line(s, p.border, (rect.x, rect.bottom - m.px(3)),
                                 (rect.right, rect.bottom - m.px(3)), max(1, m.line // 2))
                continue
            if row.kind == "message":
                self.text_in(s, rect.inflate(-2 * m.px(16), 0), row.text, "regular", m.body,
                             p.ink, valign="center")
                continue
            if shade % 2 == 0:
                pygame.draw.rect(s, p.surface_alt, rect, border_radius=m.radius // 2)
            shade += 1
            term, definition = self._blocks(row)
            pad = m.px(16)
            clip = Rect(0, 0, rect.width, rect.height - m.px(12))
            s.blit(term.surface, (rect.x + pad, rect.y + m.px(12)), clip)
            s.blit(definition.surface, (rect.x + L.term_width, rect.y + m.px(12)), clip)
        self._draw_bar(s, at(L.list))
        count = len(self.index.terms)
        if self.query:
            pager = app.catalog.count("glossary.found", len(self.terms))
        else:
            pager = app.catalog.count("glossary.count", count)
        self.text_in(s, at(L.pager), pager, "regular", m.small, p.ink_muted, valign="center")
        return s

    def _draw_search(self, s: pygame.Surface, rect: Rect) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        pygame.draw.rect(s, p.surface_alt, rect, border_radius=m.radius)
        edge = p.accent if self.query else p.border
        pygame.draw.rect(s, edge, rect, width=m.line * (2 if self.query else 1),
                         border_radius=m.radius)
        # A magnifying glass, drawn, so no font has to have it.
        r = round(m.body * 0.32)
        centre = (rect.x + m.px(24) + r, rect.centery - m.px(3))
        pygame.draw.circle(s, p.ink_muted, centre, r, max(2, m.line))
        pygame.draw.line(s, p.ink_muted, (centre[0] + r * 0.7, centre[1] + r * 0.7),
                         (centre[0] + r * 1.6, centre[1] + r * 1.6), max(2, m.line + 1))
        x = centre[0] + r * 2 + m.px(16)
        area = Rect(x, rect.y, rect.right - m.px(20) - x, rect.height)
        if not self.query:
            self.text_in(s, area, app.t("glossary.search"), "regular", m.body, p.ink_muted,
                         valign="center")
            return
        font = app.fonts.get("semibold", m.body)
        shown = self.query
        while len(shown) > 1 and font.size(shown)[0] > area.width - m.px(12):
            shown = shown[1:]  # keep the end of a long search in view, where the typing is
        block = app.text.render(shown, "semibold", m.body, p.ink)
        y = area.centery - block.line_height // 2
        s.blit(block.surface, (area.x, y))
        caret = Rect(area.x + block.width + m.px(4), y + m.px(4), max(2, m.line),
                     block.line_height - m.px(8))
        pygame.draw.rect(s, p.ink, caret)

    def _draw_bar(self, s: pygame.Surface, area: Rect) -> None:
        """Where the page is in the whole list: a thumb on a track, beside the rows."""
        if self.top == 0 and self.end >= len(self.rows):
            return
        m, p = self.app.metrics, self.app.theme.palette
        width = m.px(10)
        track = Rect(area.right - width, area.y, width, area.height)
        pygame.draw.rect(s, p.surface_alt, track, border_radius=width // 2)
        total = max(1, len(self.rows))
        top = track.y + track.height * self.top // total
        height = max(m.px(40), track.height * (self.end - self.top) // total)
        thumb = Rect(track.x, min(top, track.bottom - height), width, height)
        pygame.draw.rect(s, p.border, thumb, border_radius=width // 2)
