"""The end of a workshop: how each team's term ended, where the reports are, the debriefing.

When the last card is done the reports (report.html, report.json, decisions.csv) are written
at once and the debriefing opens over this screen; closing the debriefing comes back here,
where the folder of the reports stays in view and the debriefing can be opened again (D).
"""

from __future__ import annotations

import pygame
from pygame import Rect

from game.ui import routes
from game.ui.deck_texts import end_reason
from game.ui.layout.frame import frame
from game.ui.scene import Prompt, Scene
from game.ui.overlays.toast import LONG, Toast
from game.ui.look.danger import draw_stop
from game.ui.look.paths import breakable
from game.ui.look.widgets import Button, panel, warning_line
from game.ui.debrief import exporting
from game.ui.workshop.table import WorkshopTable
from game.ui.workshop.teams import TeamRow, draw_teams

ACTIONS = ("debrief", "export", "title", "quit")
KEYS = {pygame.K_d: "debrief", pygame.K_r: "export"}


class WorkshopEndScene(Scene):
    def __init__(self, app, table: WorkshopTable):
        super().__init__(app)
        self.table = table
        self.match = table.match
        self.workshop = table.workshop
        self.layout_changed()
        self.focus = 0

    @property
    def shot_name(self) -> str:
        return "ws-end"

    def prompt(self) -> Prompt:
        return Prompt("end")

    def finish(self) -> None:
        """The workshop has just ended: write the reports and open the debriefing."""
        if self.table.reports_message is None:
            self.export()
        self.open_debrief()

    def export(self) -> None:
        done = exporting.export(self.app, self.match)
        self.table.reports, self.table.reports_message = done.folder, done.message
        self.app.invalidate()

    def open_debrief(self) -> None:
        self.app.go(routes.Debrief(self.match))

    # ------------------------------------------------------------------ layout
    def layout_changed(self) -> None:
        m = self.app.metrics
        f = frame(m, band_height=m.base.band_height * 1.15)
        self.band = f
        content = f.content
        side_w = min(round(content.width * 0.42), max(round(content.width * 0.34), m.px(560)))
        self.side = Rect(content.right - side_w, content.y, side_w, content.height)
        self.main = Rect(content.x, content.y, self.side.left - m.gap - content.x,
                         content.height)
        pad = m.px(36)
        inner = self.main.inflate(-2 * pad, -2 * pad)
        button_h = max(m.px(80), round(m.button * 2.1))
        gap = m.px(14)
        rows = [Rect(inner.x, inner.bottom - 2 * button_h - gap, inner.width, button_h),
                Rect(inner.x, inner.bottom - button_h, inner.width, button_h)]
        half = (inner.width - gap) // 2
        rects = [Rect(r.x + c * (half + gap), r.y, half, r.height) for r in rows for c in (0, 1)]
        self.text_area = Rect(inner.x, inner.y, inner.width, rows[0].top - m.px(24) - inner.y)
        labels = {"debrief": ("D", "workshop.end.debrief"), "export": ("R", "workshop.end.export"),
                  "title": ("", "workshop.end.title"), "quit": ("", "workshop.end.quit")}
        self.buttons = [Button(a, r, self.app.t(labels[a][1]), number=labels[a][0],
                               style="primary" if a == "debrief" else "secondary")
                        for a, r in zip(ACTIONS, rects)]

    # ------------------------------------------------------------------ input
    def activate(self, button_id: str) -> None:
        app = self.app
        if button_id == "debrief":
            self.open_debrief()
        elif button_id == "export":
            self.export()
            app.say(self.table.reports_message, LONG)
        elif button_id == "title":
            app.to_title()
        elif button_id == "quit":
            app.quit()

    def on_key(self, key: int, mod: int) -> None:
        if key in KEYS and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.activate(KEYS[key])
        elif key == pygame.K_ESCAPE:
            self.app.to_title()
        else:
            super().on_key(key, mod)

    # ------------------------------------------------------------------ texts
    def team_result(self, index: int) -> str:
        """How the team's term ended: the deck's ending, and why."""
        app, team = self.app, self.workshop.teams[index]
        reason = end_reason(app, self.table.deck, team, self.workshop.term)
        if team.ending is not None:
            return f"{app.local(team.ending.title)}. {reason}"
        return reason

    def team_rows(self) -> list[TeamRow]:
        start = self.table.deck.start_meters()
        rows = []
        for i, team in enumerate(self.workshop.teams):
            values = dict(team.meters)
            changes = {k: v - start.get(k, v) for k, v in values.items() if v != start.get(k, v)}
            rows.append(TeamRow(i, self.table.team_name(i), values, changes))
        return rows

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        surface.fill(p.page)
        band = self.band.band
        pygame.draw.rect(surface, p.band, band)
        head = band.inflate(-2 * self.band.margin, -m.px(24))
        cap_h = round(m.small * 1.4)
        title_h = round(m.title * 1.3)
        top = head.y + (head.height - cap_h - title_h) // 2
        self.text_in(surface, Rect(head.x, top, head.width, cap_h),
                     app.t("end.caption", deck=app.local(self.table.deck.spec.title)),
                     "semibold", m.small, p.band_muted)
        self.text_in(surface, Rect(head.x, top + cap_h, head.width, title_h),
                     app.t("workshop.end.heading"), "bold", m.title, p.band_ink)
        panel(surface, self.main, m, p)
        self._draw_results(surface)
        draw_teams(surface, self.side, self.team_rows(), self.table.deck.meters, app)
        self.draw_buttons(surface)
        notice = app.warning
        if notice:
            warning_line(surface, self.band.warning, notice, app.text, m, p)

    def _draw_results(self, s: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        area = self.text_area
        y = area.y
        line_h = round(m.body * 1.35)
        for i, team in enumerate(self.workshop.teams):
            swatch = Rect(area.x, y + (line_h - m.px(20)) // 2, m.px(20), m.px(20))
            pygame.draw.rect(s, p.team(i), swatch, border_radius=m.px(4))
            name = app.text.render(self.table.team_name(i), "semibold", m.body, p.ink)
            s.blit(name.surface, (swatch.right + m.px(12), y))
            x = swatch.right + m.px(12) + name.width + m.px(14)
            ink = p.ink_muted
            if team.end_reason == "collapse":  # this team's term stopped early
                sign = round(m.body * 0.9)
                draw_stop(s, Rect(x, y + (line_h - sign) // 2, sign, sign), p.alarm, p.on_alarm)
                x += sign + m.px(10)
                ink = p.negative
            result = self.text_in(s, Rect(x, y, area.right - x, line_h * 2),
                                  self.team_result(i), "semibold" if ink == p.negative
                                  else "regular", m.body, ink)
            y += max(line_h, result.height) + m.px(8)
        y += m.px(20)
        message = self.table.reports_message or app.t("workshop.reports.pending")
        heading = app.text.render(app.t("workshop.reports.heading"), "semibold", m.small,
                                  p.ink_muted)
        s.blit(heading.surface, (area.x, y))
        y += heading.height + m.px(6)
        message = breakable(message, app.fonts.get("semibold", m.body), area.width)
        self.text_in(s, Rect(area.x, y, area.width, area.bottom - y), message, "semibold",
                     m.body, p.ink)
