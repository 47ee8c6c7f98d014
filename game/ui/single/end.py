"""The end of the game: how it ended, the meters over time, and every decision made.

The deck's ending is shown when it has one; otherwise a built-in text says whether the term
ran out or which meter collapsed. The decision list pages with PageUp/PageDown or the wheel.

Three tabs over the right side switch what it shows: the course of the game (the chart and the
decisions), "Waarom?" (per meter the decisions that moved it most, and what brought a
follow-up card to the table) and the essay's four recommendations held against the decisions.
The last two are the debrief's own pages (:mod:`game.ui.debrief.why`), drawn from the same
report data, so the screen and the report say the same. W goes to the next tab.
"""

from __future__ import annotations

from typing import Iterable

import pygame
from pygame import Rect

from game.reports.content import report_for_match
from game.ui import routes
from game.ui.debrief.canvas import Canvas
from game.ui.debrief.why import AdvicePage, TracePage
from game.ui.deck_texts import end_reason
from game.ui.layout import screens as layout
from game.ui.look.chart import draw_chart
from game.ui.look.danger import draw_stop
from game.ui.scene import Prompt, Scene
from game.ui.look.textcache import ellipsize
from game.ui.look.widgets import Button, delta_label, panel

ACTIONS = ("new", "title", "quit")
#: The views of the right side, each with its tab, and the catalog key of the tab's label.
VIEWS = {"summary": "trace.tab_summary", "why": "trace.tab_why", "advice": "trace.tab_advice"}


class EndScene(Scene):
    def __init__(self, app, match):
        super().__init__(app)
        self.match = match
        self.session = match.session
        self.history = self.session.history
        self.scroll = 0
        #: What the right side shows: one of :data:`VIEWS`.
        self.view = "summary"
        self.canvas = Canvas(app)
        #: What the question over this screen is about ("title"), or None.
        self.asking: str | None = None
        self.report: dict | None = None
        self._report_lang: str | None = None
        self._static: pygame.Surface | None = None
        #: Each decision's row height by its place in the history, for the layout in use.
        self._heights: dict[int, int] = {}
        self.layout_changed()
        # The focus starts on the tab already shown: an extra Enter after the last decision
        # changes nothing, where on "Nieuw spel" it would put the result away.
        self.focus_on("view-summary")

    @property
    def shot_name(self) -> str:
        return "end"

    def layout_changed(self) -> None:
        m = self.app.metrics
        needs = [self.app.text.measure(self.app.t(key), "regular", m.button)[0] + 2 * m.px(22)
                 + m.px(4) for key in VIEWS.values()]
        for share in (0.40, 0.44, 0.48):  # wider where the ending's text needs it
            self.layout = layout.end(m, len(self.match.deck.meters), len(ACTIONS), len(VIEWS),
                                     needs, share)
            if self._left_text_height() <= self.layout.text.height:
                break
        styles = {"new": "primary"}
        self.buttons = [Button(a, r, self.app.t(f"end.{a}"), style=styles.get(a, "secondary"))
                        for a, r in zip(ACTIONS, self.layout.buttons)]
        self.buttons += [Button(f"view-{v}", r, self.app.t(key))
                         for (v, key), r in zip(VIEWS.items(), self.layout.tabs)]
        self._heights = {}
        self.scroll = min(self.scroll, self.max_scroll)
        self._static = None

    def _left_text_height(self) -> int:
        """The height the reason and the ending's text take in the left side's text box."""
        app, m, width = self.app, self.app.metrics, self.layout.text.width
        reason = app.text.render(self.reason(), "semibold", m.body, app.theme.palette.ink, width)
        body = app.text.render(self.body(), "regular", self.text_sizes(m.body)[-1],
                               app.theme.palette.ink, width)
        return reason.height + m.px(14) + body.height

    def carry_over(self, old) -> None:
        if isinstance(old, EndScene):
            self._scroll_to(old.scroll)
            self.show(old.view)

    # ------------------------------------------------------------------ the views
    def show(self, view: str) -> None:
        """Show ``view`` (one of :data:`VIEWS`) on the right side."""
        if view in VIEWS and view != self.view:
            self.view = view
            self._static = None
            self.app.invalidate()

    def game_report(self) -> dict:
        """The report data of this game in the table's language (made once per language)."""
        if self.report is None or self._report_lang != self.app.lang:
            self.report = report_for_match(self.match, self.app.lang)
            self._report_lang = self.app.lang
        return self.report

    def view_page(self):
        """The debrief page the right side shows now (None: the course of the game), laid out
        in its panel."""
        kind = {"why": TracePage, "advice": AdvicePage}.get(self.view)
        if kind is None:
            return None
        page = kind(self.canvas, self.game_report())
        pad = self.app.metrics.px(24)
        page.layout(self.layout.view.inflate(-2 * pad, -2 * pad))
        return page

    @property
    def texts(self) -> list[str]:
        """The texts the why or advice view drew last (empty for the course of the game)."""
        return [text for text, _ in self.canvas.drawn]

    @property
    def per_page(self) -> int:
        """How many decisions the list shows from the first one shown."""
        return len(self._fitting(range(self.scroll, len(self.history))))

    @property
    def max_scroll(self) -> int:
        """The first decision shown when the list is scrolled to its end."""
        return max(0, len(self.history) - len(self._fitting(range(len(self.history) - 1, -1, -1))))

    def _line_height(self) -> int:
        return round(self.app.metrics.small * 1.3)

    def _row_words(self, record) -> tuple[str, str]:
        """A decision's card title and its choice (with the arrow), in the table's language."""
        app = self.app
        card = self.match.deck.card(record["card"])
        option = card.option(record["option"]) if card else None
        title = app.local(card.title) if card else record["card"]
        return title, "→ " + (app.local(option.label) if option else record["option"])

    def _changes(self, record) -> list[tuple[str, tuple]]:
        """What a decision did to each meter it moved, as "Strategie ▲ +12" with its ink."""
        app, p = self.app, self.app.theme.palette
        changes = []
        for meter in self.match.deck.meters:
            change = record["meters_after"].get(meter.id, 0) \
                - record["meters_before"].get(meter.id, 0)
            if change:
                changes.append((f"{app.local(meter.label).split(' (')[0]} {delta_label(change)}",
                                p.positive if change > 0 else p.negative))
        return changes

    def _changes_width(self, record) -> int:
        app, m = self.app, self.app.metrics
        widths = [app.text.measure(text, "semibold", m.small)[0] for text, _ in
                  self._changes(record)]
        return sum(widths) + m.px(24) * max(0, len(widths) - 1)

    def _changes_beside(self, record) -> bool:
        """Whether the changes stand on the title's line, at its right (else on a line of their
        own under the choice): where the title and the changes both fit it."""
        app, m = self.app, self.app.metrics
        title, _ = self._row_words(record)
        title_w = app.text.measure(title, "semibold", m.small)[0]
        return title_w + m.px(32) + self._changes_width(record) <= self._text_width()

    def _text_width(self) -> int:
        app, m = self.app, self.app.metrics
        num_w = app.text.measure(app.t("end.round_short", round=88), "bold", m.small)[0] + m.px(16)
        return self.layout.decisions.width - num_w

    def _row_height(self, index: int) -> int:
        """Decision ``index``'s row: its title (with the changes beside it where they fit), its
        choice in one or two lines, and the changes under it where they do not fit beside the
        title. Measured once per layout: the list asks for it at every scroll and redraw."""
        found = self._heights.get(index)
        if found is None:
            found = self._heights[index] = self._measure_row(self.history[index])
        return found

    def _measure_row(self, record) -> int:
        app, m = self.app, self.app.metrics
        _, label = self._row_words(record)
        choice = app.text.render(label, "regular", m.small, app.theme.palette.ink_muted,
                                 self._text_width())
        lines = 1 + min(2, len(choice.lines)) + (0 if self._changes_beside(record) else 1)
        return self._line_height() * lines + m.px(14)

    def _fitting(self, indices: Iterable[int]) -> list[int]:
        """The heights of the first of the decisions at ``indices`` that fit the list, one
        after another (at least one)."""
        room, gap = self.layout.decisions.height, self.app.metrics.px(6)
        heights, used = [], 0
        for index in indices:
            height = self._row_height(index)
            if heights and used + height > room:
                break
            heights.append(height)
            used += height + gap
        return heights

    # ------------------------------------------------------------------ texts
    def heading(self) -> str:
        ending = self.session.ending
        if ending is not None:
            return self.app.local(ending.title)
        return self.app.t("end.generic_title_collapse" if self.session.end_reason == "collapse"
                          else "end.generic_title_term")

    @property
    def collapsed(self) -> bool:
        """Whether a meter collapsed: the game stopped before its term (the screen says so in
        its band's colour, a stop sign and its caption)."""
        return self.session.end_reason == "collapse"

    def reason(self) -> str:
        deck = self.match.deck
        return end_reason(self.app, deck, self.session, deck.term)

    def body(self) -> str:
        ending = self.session.ending
        if ending is not None:
            return self.app.local(ending.text)
        return self.app.t("end.generic_text_collapse" if self.session.end_reason == "collapse"
                          else "end.generic_text_term")

    # ------------------------------------------------------------------ input
    def activate(self, button_id: str) -> None:
        if button_id.startswith("view-"):
            self.show(button_id[5:])
        elif button_id == "new":
            self.app.restart()
        elif button_id == "title":
            self.app.to_title()
        elif button_id == "quit":
            self.app.quit()

    def prompt(self) -> Prompt:
        return Prompt("end")

    def on_key(self, key: int, mod: int) -> None:
        if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            step = self.per_page if key == pygame.K_PAGEDOWN else -self.per_page
            self._scroll_to(self.scroll + step)
        elif key == pygame.K_ESCAPE:
            self.ask_leave()
        elif key == pygame.K_w:
            views = list(VIEWS)
            self.show(views[(views.index(self.view) + 1) % len(views)])
        else:
            super().on_key(key, mod)

    def ask_leave(self) -> None:
        """Esc asks before the result leaves the screen; the focus is on staying."""
        app = self.app
        self.asking = "title"
        app.go(routes.Confirm(app.t("end.leave.question"), app.t("end.leave.detail"),
                              app.t("end.leave.accept"), app.t("end.leave.decline"),
                              hint=app.t("workshop.undo.hint")))

    def on_result(self, result) -> None:
        asking, self.asking = self.asking, None
        if asking == "title" and result is True:
            self.app.to_title()

    def on_wheel(self, amount: int) -> None:
        self._scroll_to(self.scroll - amount)

    def _scroll_to(self, value: int) -> None:
        value = max(0, min(self.max_scroll, value))
        if value != self.scroll:
            self.scroll = value
            self._static = None
            self.app.invalidate()

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        if self._static is None or self._static.get_size() != surface.get_size():
            self._static = self._draw_static()
        surface.blit(self._static, (0, 0))
        self.draw_buttons(surface, selected={f"view-{self.view}"})
        self.app.draw_warning(surface, self.layout.frame.warning)

    def _draw_static(self) -> pygame.Surface:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        s = self.page_layer(L.frame.band)
        heading = Rect(L.heading)
        caption = app.t("end.caption", deck=app.local(self.match.deck.spec.title))
        if self.collapsed:
            pygame.draw.rect(s, p.collapse_band, L.frame.band)
            sign = min(heading.height - m.px(8), m.px(84))
            draw_stop(s, Rect(heading.x, heading.centery - sign // 2, sign, sign), p.alarm,
                      p.on_alarm)
            heading = Rect(heading.x + sign + m.px(24), heading.y,
                           heading.width - sign - m.px(24), heading.height)
            caption = app.t("end.caption_collapse", deck=app.local(self.match.deck.spec.title))
        cap_h = round(m.small * 1.35)
        title = app.text.fit(self.heading(), "bold", m.shrunk(m.title), p.band_ink,
                             heading.width, heading.height - cap_h)
        top = heading.y + (heading.height - cap_h - title.height) // 2
        self.text_in(s, Rect(heading.x, top, heading.width, cap_h), caption,
                     "semibold", m.small, p.band_muted)
        s.blit(title.surface, (heading.x, top + cap_h))
        panel(s, L.left, m, p)
        ink = p.negative if self.collapsed else p.ink
        reason = app.text.render(self.reason(), "semibold", m.body, ink, L.text.width)
        s.blit(reason.surface, L.text.topleft)
        body = Rect(L.text.x, L.text.y + reason.height + m.px(14), L.text.width,
                    L.text.height - reason.height - m.px(14))
        # a short ending is drawn larger where the panel has room, to read from the back
        self.text_in(s, body, self.body(), "regular", m.body, p.ink, grow=1.25)
        self._draw_finals(s)
        self.canvas.clear()
        page = self.view_page()
        if page is not None:
            panel(s, L.view, m, p)
            page.draw(s, 0)
            return s
        panel(s, L.chart, m, p, fill=p.surface_alt)
        series = [self.history[0]["meters_before"]] + [h["meters_after"] for h in self.history] \
            if self.history else [self.session.meters]
        labels = [app.t("end.start_short")] + [str(h["round"]) for h in self.history]
        draw_chart(s, L.chart.inflate(-m.px(48), -m.px(36)), self.match.deck.meters, series,
                   labels, app.text, m, p, app.local)
        panel(s, L.history, m, p)
        self._draw_history(s)
        return s

    def _draw_finals(self, s: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        pygame.draw.line(s, p.surface_alt, (L.finals.x, L.finals.y - m.px(12)),
                         (L.finals.right, L.finals.y - m.px(12)), m.px(3))
        line_h = round(m.label * 1.4)
        start = self.match.deck.start_meters()
        for i, meter in enumerate(self.match.deck.meters):
            y = L.finals.y + i * line_h
            value = self.session.meters.get(meter.id, meter.start)
            x = L.finals.x
            if self.collapsed and meter.id == self.session.collapsed_meter:
                row = Rect(L.finals.x - m.px(8), y, L.finals.width + m.px(16), line_h - m.px(2))
                pygame.draw.rect(s, p.warning_surface, row, border_radius=m.px(6))
                sign = round(m.label * 0.95)
                draw_stop(s, Rect(x, y + (line_h - sign) // 2, sign, sign), p.alarm, p.on_alarm)
                x += sign + m.px(10)
            name = app.text.render(app.local(meter.label), "semibold", m.label, p.ink)
            s.blit(name.surface, (x, y))
            number = app.text.render(str(value), "bold", m.label, p.ink)
            change = value - start.get(meter.id, value)
            delta = app.text.render(delta_label(change) if change else "=", "semibold", m.label,
                                    p.positive if change > 0 else p.negative if change < 0 else p.ink_muted)
            right = L.finals.right
            s.blit(delta.surface, (right - delta.width, y))
            s.blit(number.surface, (right - delta.width - m.px(24) - number.width, y))

    def _draw_history(self, s: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        if not self.history:
            self.text_in(s, L.rows[0], app.t("end.no_decisions"), "regular", m.small, p.ink_muted)
        heights = self._fitting(range(self.scroll, len(self.history)))
        visible = self.history[self.scroll:self.scroll + len(heights)]
        rects, top = [], L.decisions.y
        for height in heights:
            rects.append(Rect(L.decisions.x, top, L.decisions.width, height))
            top += height + m.px(6)
        for index, (rect, record) in enumerate(zip(rects, visible)):
            if index % 2 == 0:
                pygame.draw.rect(s, p.surface_alt, rect.inflate(m.px(12), m.px(4)),
                                 border_radius=m.radius // 2)
            line_h = self._line_height()
            number = app.text.render(app.t("end.round_short", round=record["round"]), "bold",
                                     m.small, p.ink)
            num_w = app.text.measure(app.t("end.round_short", round=88), "bold", m.small)[0] + m.px(16)
            s.blit(number.surface, (rect.x, rect.y + m.px(7)))
            x = rect.x + num_w
            # the title keeps one line and the choice wraps to two (the row is as tall as
            # that needs); only what does not fit those is shortened
            title, label = self._row_words(record)
            head = app.text.render(title, "semibold", m.small, p.ink, rect.right - x)
            if len(head.lines) > 1:
                title = ellipsize(title, app.fonts.get("semibold", m.small), rect.right - x)
                head = app.text.render(title, "semibold", m.small, p.ink)
            s.blit(head.surface, (x, rect.y + m.px(7)), Rect(0, 0, rect.right - x, line_h))
            y = rect.y + m.px(7) + line_h
            choice = app.text.render(label, "regular", m.small, p.ink_muted, rect.right - x)
            if len(choice.lines) > 2:
                kept = " ".join(choice.lines[:2])
                lines = app.text.render(kept, "regular", m.small, p.ink_muted,
                                        rect.right - x).lines
                last = ellipsize(" ".join(choice.lines[len(lines[:1]):]),
                                 app.fonts.get("regular", m.small), rect.right - x)
                choice = app.text.render("\n".join([lines[0], last]), "regular", m.small,
                                         p.ink_muted, rect.right - x)
            s.blit(choice.surface, (x, y))
            y += max(line_h, choice.height)
            changes = self._changes(record)
            if self._changes_beside(record):
                cx, y = rect.right - self._changes_width(record), rect.y + m.px(7)
            else:
                cx = x
            for text, ink in changes:
                block = app.text.render(text, "semibold", m.small, ink)
                if cx + block.width > rect.right:
                    break
                s.blit(block.surface, (cx, y))
                cx += block.width + m.px(24)
        total = len(self.history)
        if total > len(visible):
            first, last = self.scroll + 1, self.scroll + len(visible)
            self.text_in(s, L.pager, app.t("end.pager", first=first, last=last, total=total),
                         "regular", m.small, p.ink_muted, align="right", valign="center")
        else:
            self.text_in(s, L.pager, app.catalog.count("end.decisions", total), "regular", m.small,
                         p.ink_muted, align="right", valign="center")
