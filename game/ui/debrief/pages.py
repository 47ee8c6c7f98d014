"""The debrief's pages, each drawn from the report data (:func:`game.reports.content.build_report`).

A page is told the area it may use (:meth:`Page.layout`), says how many steps it needs to show
everything (a long list of decisions takes several), and draws one step at a time. The clicker
walks through the steps of a page before it moves to the next page.

1. the meters over time: per meter a chart with a line per team (one team: one chart);
2. the triangle: per team its final values and how its term ended;
3. every decision: per card, each team's choice, the vote split and the facilitator's note;
4. the aspects: per aspect how each team's choices on its cards moved the meters;
5. questions for the discussion: the essay's questions where teams lost most;
6. why the meters moved: per meter the decisions that moved it most;
7. the essay's four recommendations held against the decisions.

The tables of pages 3 and 4 live in :mod:`game.ui.debrief.tables`, pages 6 and 7 in
:mod:`game.ui.debrief.why`.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame import Rect

from game.ui.debrief.canvas import Canvas, Look, look, sample, team_look
from game.ui.debrief.charts import Axis, Series, line_chart, triangle, triangle_fit
from game.ui.layout.screens import row
from game.ui.look.widgets import delta_label


def fill_steps(heights: list[int], room: int, gap: int, most: int | None = None
               ) -> list[list[int]]:
    """The indices of items of ``heights``, in order, grouped into the steps of a page: each
    step takes as many as fit in ``room`` with ``gap`` between them (at most ``most``), and
    at least one."""
    steps: list[list[int]] = []
    step: list[int] = []
    used = 0
    for i, h in enumerate(heights):
        space = gap if step else 0
        if step and (len(step) == most or used + space + h > room):
            steps.append(step)
            step, used, space = [], 0, 0
        step.append(i)
        used += space + h
    steps.append(step)
    return steps


class Page:
    """One page of the debrief; subclasses lay out and draw their own content."""

    #: Catalog key of the page's title.
    title_key = ""

    def __init__(self, c: Canvas, report: dict[str, Any]):
        self.c = c
        self.report = report
        self.teams: list[dict[str, Any]] = report["teams"]
        self.meters: list[dict[str, Any]] = report["meters"]
        # Teams in their own colours; a single game's one series in the first chart colour.
        self.looks: list[Look] = ([team_look(c.palette, i) for i in range(len(self.teams))]
                                  if len(self.teams) > 1 else [look(c.palette, 0)])
        self.area = Rect(0, 0, 0, 0)
        self.steps = 1

    @property
    def t(self):
        return self.c.app.t

    @property
    def single(self) -> bool:
        """One team (a single game): no team names, no comparison."""
        return len(self.teams) == 1

    def title(self) -> str:
        return self.t(self.title_key)

    def layout(self, area: Rect) -> None:
        """Measure the page for ``area`` and work out how many steps it takes."""
        self.area = Rect(area)
        self.steps = 1

    def pager(self, step: int) -> str:
        """Where this step is in the page ("Kaart 1–3 van 12"), or "" for a one-step page."""
        return ""

    def draw(self, s: pygame.Surface, step: int) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ shared pieces
    def range_text(self, shown: list[int], total: int, one_key: str, range_key: str) -> str:
        """Which of ``total`` items a step shows ("Kaart 4 van 12", "Kaart 1–3 van 12")."""
        if len(shown) == 1:
            return self.t(one_key, n=shown[0] + 1, total=total)
        return self.t(range_key, first=shown[0] + 1, last=shown[-1] + 1, total=total)

    def draw_empty(self, s: pygame.Surface, rect: Rect, key: str) -> None:
        """The sentence that stands in for the page's content when there is none."""
        c, m = self.c, self.c.m
        c.fit(s, rect, self.t(key), "regular", [m.heading], c.palette.ink, align="center",
              valign="center")

    def pager_rect(self) -> Rect:
        """The line at the bottom of the page for the pager or a note."""
        m = self.c.m
        h = self.c.line_height("regular", m.label)
        return Rect(self.area.x, self.area.bottom - h, self.area.width, h)

    def draw_pager(self, s: pygame.Surface, text: str, note: str = "") -> None:
        c, m, p = self.c, self.c.m, self.c.palette
        rect = self.pager_rect()
        if note:
            c.line(s, note, "regular", m.label, p.ink_muted, rect.topleft,
                   rect.width - (c.width(text, "semibold", m.label) + m.gap if text else 0))
        if text:
            c.line(s, text, "semibold", m.label, p.ink_muted, rect.topleft, rect.width, "right")

    def legend_rows(self, entries: list[tuple[str, Look]], width: int, size: int
                    ) -> list[list[tuple[str, Look, int]]]:
        """Legend entries (sample and name) flowing over rows of ``width``."""
        m = self.c.m
        rows: list[list[tuple[str, Look, int]]] = [[]]
        x = 0
        for name, item in entries:
            w = m.px(64) + m.px(12) + self.c.width(name, "semibold", size)
            if rows[-1] and x + w > width:
                rows.append([])
                x = 0
            rows[-1].append((name, item, w))
            x += w + m.px(40)
        return rows

    def draw_legend(self, s: pygame.Surface, area: Rect, entries: list[tuple[str, Look]],
                    size: int, background) -> int:
        """The legend at the top of ``area``; returns the height it took."""
        c, m, p = self.c, self.c.m, self.c.palette
        row_h = max(c.line_height("semibold", size), m.px(30))
        y = area.y
        for line in self.legend_rows(entries, area.width, size):
            x = area.x
            for name, item, w in line:
                sample(s, Rect(x, y, m.px(64), row_h), item, m, background)
                c.line(s, name, "semibold", size, p.ink, (x + m.px(76), y),
                       area.right - x - m.px(76))
                x += w + m.px(40)
            y += row_h + m.px(6)
        return y - area.y

    def inset(self, s: pygame.Surface, rect: Rect) -> None:
        """A quiet inset panel behind a chart or a team."""
        m, p = self.c.m, self.c.palette
        pygame.draw.rect(s, p.surface_alt, rect, border_radius=m.radius)


# --------------------------------------------------------------------------- 1. meters
class MetersPage(Page):
    """The meters after every round: one chart per meter with a line per team; a single game
    gets one chart with a line per meter."""

    title_key = "debrief.pages.meters"

    def x_max(self) -> int:
        return max([t["term"] for t in self.teams] + [t["rounds_played"] for t in self.teams]
                   + [1])

    def draw(self, s: pygame.Surface, step: int) -> None:
        c, m, p = self.c, self.c.m, self.c.palette
        area = self.area
        y_min = min((mt["min"] for mt in self.meters), default=0)
        y_max = max((mt["max"] for mt in self.meters), default=100)
        axes = dict(x_max=self.x_max(), y_min=y_min, y_max=y_max,
                    x_label=self.t("debrief.round_axis"), y_label=self.t("debrief.value_axis"),
                    start_label=self.t("debrief.start"), background=p.surface_alt)
        if self.single:
            team = self.teams[0]
            entries = [(mt["label"], look(p, i)) for i, mt in enumerate(self.meters)]
            top = self.draw_legend(s, area, entries, m.body, p.surface)
            cell = Rect(area.x, area.y + top + m.px(8), area.width,
                        area.height - top - m.px(8))
            self.inset(s, cell)
            series = [Series(self._points(team, mt["id"]), look(p, i),
                             f"{mt['short']} {self._last(team, mt['id'])}")
                      for i, mt in enumerate(self.meters)]
            line_chart(c, s, cell.inflate(-2 * m.px(24), -2 * m.px(20)), series, **axes)
            return
        entries = [(t["name"], self.looks[i]) for i, t in enumerate(self.teams)]
        top = self.draw_legend(s, area, entries, m.body, p.surface)
        grid = Rect(area.x, area.y + top + m.px(8), area.width, area.height - top - m.px(8))
        for cell, (i, meter) in zip(row(grid, len(self.meters), m.gap),
                                    enumerate(self.meters)):
            self.inset(s, cell)
            inner = cell.inflate(-2 * m.px(20), -2 * m.px(16))
            head = c.fit(s, Rect(inner.x, inner.y, inner.width, c.line_height("bold", m.heading)),
                         meter["label"], "bold", m.shrunk(m.heading), p.ink)
            chart = Rect(inner.x, inner.y + head.height + m.px(12), inner.width,
                         inner.height - head.height - m.px(12))
            series = [Series(self._points(team, meter["id"]), self.looks[k],
                             str(self._last(team, meter["id"])))
                      for k, team in enumerate(self.teams)]
            line_chart(c, s, chart, series, **axes)

    @staticmethod
    def _points(team: dict[str, Any], meter_id: str) -> list[tuple[int, int]]:
        return [(point["round"], point["meters"].get(meter_id))
                for point in team["meters_over_time"]
                if isinstance(point["meters"].get(meter_id), int)]

    @staticmethod
    def _last(team: dict[str, Any], meter_id: str) -> Any:
        value = team["final_meters"].get(meter_id)
        return value if value is not None else "—"


# --------------------------------------------------------------------------- 2. triangle
class TrianglePage(Page):
    """Each team's final values as a triangle (meters as axes, 0 in the middle), with the
    title of how its term ended; several teams side by side, one team large with its text."""

    title_key = "debrief.pages.triangle"

    def layout(self, area: Rect) -> None:
        super().layout(area)
        # Triangles side by side in three columns or more rows carry only their numbers, and
        # the note under them names the corners: the names would take the triangles' room.
        columns, rows = self.grid()
        self.keyed = len(self.meters) == 3 and (rows > 1 or columns >= 3)

    def grid(self) -> tuple[int, int]:
        n = len(self.teams)
        columns = n if n <= 3 else (2 if n == 4 else 3)
        return columns, -(-n // columns)

    def draw(self, s: pygame.Surface, step: int) -> None:
        c, m, p = self.c, self.c.m, self.c.palette
        note = self.pager_rect()
        area = Rect(self.area.x, self.area.y, self.area.width,
                    note.top - m.px(12) - self.area.y)
        axes = [Axis(mt["short"], mt["min"], mt["max"]) for mt in self.meters]
        text = self.t("debrief.triangle_note")
        if self.keyed:
            text = self.t("debrief.corners", top=axes[0].label, right=axes[1].label,
                          left=axes[2].label) + " " + text
        self.draw_pager(s, "", text)
        if len(axes) < 3:
            self._bars(s, area)
            return
        if self.single:
            self._one(s, area, axes)
            return
        columns, rows = self.grid()
        gap = m.gap
        cell_w = (area.width - gap * (columns - 1)) // columns
        cell_h = (area.height - gap * (rows - 1)) // rows
        cells = [Rect(area.x + (i % columns) * (cell_w + gap),
                      area.y + (i // columns) * (cell_h + gap), cell_w, cell_h)
                 for i in range(len(self.teams))]
        value_size = m.heading
        line_h = c.line_height("semibold", m.body)
        ending_h = line_h
        if rows == 1:  # large cells: the ending may take up to three lines, the same for all
            width = cells[0].width - 2 * m.px(20)
            ending_h = max(c.text.fit(self._ending(t), "semibold", m.shrunk(m.body), p.ink,
                                      width, line_h * 3).height for t in self.teams)
            ending_h = min(ending_h, line_h * 3)
        charts = [self._chart_area(cell, ending_h) for cell in cells]
        finals = [[t["final_meters"].get(mt["id"]) for mt in self.meters] for t in self.teams]
        # One size and one placement of the labels for every team, so the triangles compare.
        fits = [[triangle_fit(c, chart, axes, values, value_size, beside, not self.keyed)
                 for chart, values in zip(charts, finals)] for beside in (False, True)]
        best = max(fits, key=lambda found: min(f.radius for f in found))
        fit = min(best, key=lambda f: f.radius)
        for i, (team, cell, chart) in enumerate(zip(self.teams, cells, charts)):
            self.inset(s, cell)
            inner = cell.inflate(-2 * m.px(20), -2 * m.px(14))
            name_h = max(c.line_height("bold", m.heading), m.px(34))
            sample(s, Rect(inner.x, inner.y, m.px(64), name_h), self.looks[i], m, p.surface_alt)
            c.fit(s, Rect(inner.x + m.px(76), inner.y, inner.width - m.px(76), name_h),
                  team["name"], "bold", m.shrunk(m.heading), p.ink)
            ending_y = inner.y + name_h + m.px(4)
            if rows > 1:  # small cells: the ending on one line, the triangle as large as can be
                c.line(s, self._ending(team), "semibold", m.body, p.ink, (inner.x, ending_y),
                       inner.width)
            else:
                c.fit(s, Rect(inner.x, ending_y, inner.width, ending_h),
                      self._ending(team), "semibold", m.shrunk(m.body), p.ink)
            triangle(c, s, chart, axes, finals[i], self.looks[i],
                     [team["start_meters"].get(mt["id"]) for mt in self.meters], p.surface_alt,
                     value_size=value_size, fit=fit, names=not self.keyed)

    def _chart_area(self, cell: Rect, ending_h: int) -> Rect:
        """The part of a team's cell under its name and ending."""
        c, m = self.c, self.c.m
        inner = cell.inflate(-2 * m.px(20), -2 * m.px(14))
        name_h = max(c.line_height("bold", m.heading), m.px(34))
        top = inner.y + name_h + m.px(4) + ending_h + m.px(8)
        return Rect(inner.x, top, inner.width, inner.bottom - top)

    def _ending(self, team: dict[str, Any]) -> str:
        if not team["finished"]:
            return self.t("debrief.no_ending")
        return team["end_title"]

    def _one(self, s: pygame.Surface, area: Rect, axes: list[Axis]) -> None:
        """A single game: the triangle large on the left, the ending and the values beside."""
        c, m, p = self.c, self.c.m, self.c.palette
        team = self.teams[0]
        # The triangle gives up width where the ending's text would not fit beside it.
        for share in (0.48, 0.42, 0.36, 0.3):
            if self._text_fits(area, share, team):
                break
        left = Rect(area.x, area.y, round(area.width * share), area.height)
        self.inset(s, left)
        triangle(c, s, left.inflate(-2 * m.px(24), -2 * m.px(20)), axes,
                 [team["final_meters"].get(mt["id"]) for mt in self.meters], self.looks[0],
                 [team["start_meters"].get(mt["id"]) for mt in self.meters], p.surface_alt)
        x = left.right + m.gap * 2
        text = Rect(x, area.y, area.right - x, area.height)
        finals_h = self._finals_height()
        title = c.fit(s, Rect(text.x, text.y, text.width, c.line_height("bold", m.title) * 2),
                      self._ending(team), "bold", m.shrunk(m.title), p.ink)
        y = text.y + title.height + m.px(10)
        reason = c.fit(s, Rect(text.x, y, text.width, c.line_height("semibold", m.body) * 2),
                       team["end_reason_text"], "semibold", m.shrunk(m.body), p.ink_muted)
        y += reason.height + m.px(16)
        body = (team["ending"] or {}).get("text", "")
        if body:
            c.fit(s, Rect(text.x, y, text.width, text.bottom - finals_h - m.px(24) - y), body,
                  "regular", m.shrunk(m.body), p.ink)
        self._finals(s, Rect(text.x, text.bottom - finals_h, text.width, finals_h), team)

    def _text_fits(self, area: Rect, share: float, team: dict[str, Any]) -> bool:
        """Whether the ending's title, reason and text fit beside a triangle taking ``share``
        of the width."""
        c, m, p = self.c, self.c.m, self.c.palette
        width = area.right - (area.x + round(area.width * share) + m.gap * 2)
        title = c.text.fit(self._ending(team), "bold", m.shrunk(m.title), p.ink, width,
                           c.line_height("bold", m.title) * 2)
        reason = c.text.fit(team["end_reason_text"], "semibold", m.shrunk(m.body), p.ink_muted,
                            width, c.line_height("semibold", m.body) * 2)
        room = (area.height - self._finals_height() - m.px(24) - title.height - m.px(10)
                - reason.height - m.px(16))
        body = (team["ending"] or {}).get("text", "")
        if not body:
            return True
        return c.text.fit(body, "regular", m.shrunk(m.body), p.ink, width, room).height <= room

    def _finals_height(self) -> int:
        return len(self.meters) * round(self.c.line_height("semibold", self.c.m.body) * 1.1)

    def _finals(self, s: pygame.Surface, rect: Rect, team: dict[str, Any]) -> None:
        """Per meter its final value and how far it moved from the start."""
        c, m, p = self.c, self.c.m, self.c.palette
        line_h = round(c.line_height("semibold", m.body) * 1.1)
        pygame.draw.line(s, p.surface_alt, (rect.x, rect.y - m.px(12)),
                         (rect.right, rect.y - m.px(12)), m.px(3))
        delta_w = c.width("▼ −100", "semibold", m.body)
        number_w = c.width("100", "bold", m.body)
        for i, meter in enumerate(self.meters):
            y = rect.y + i * line_h
            value = team["final_meters"].get(meter["id"])
            change = team["meter_changes"].get(meter["id"]) or 0
            c.line(s, meter["label"], "semibold", m.body, p.ink, (rect.x, y),
                   rect.width - delta_w - number_w - m.px(48))
            c.line(s, str(value), "bold", m.body, p.ink,
                   (rect.right - delta_w - m.px(24) - number_w, y), number_w, "right")
            ink = p.positive if change > 0 else p.negative if change < 0 else p.ink_muted
            c.line(s, delta_label(change) if change else "=", "semibold", m.body, ink,
                   (rect.right - delta_w, y), delta_w, "right")

    def _bars(self, s: pygame.Surface, area: Rect) -> None:
        """A deck with fewer than three meters has no triangle: its final values as bars."""
        c, m, p = self.c, self.c.m, self.c.palette
        line_h = c.line_height("semibold", m.body)
        y = area.y
        for i, team in enumerate(self.teams):
            c.line(s, team["name"], "bold", m.heading, p.ink, (area.x, y), area.width)
            y += c.line_height("bold", m.heading)
            for meter in self.meters:
                value = team["final_meters"].get(meter["id"]) or meter["min"]
                c.line(s, f"{meter['short']} {value}", "semibold", m.body, p.ink, (area.x, y),
                       area.width // 3)
                bar = Rect(area.x + area.width // 3, y + line_h // 4, area.width * 2 // 3,
                           line_h // 2)
                pygame.draw.rect(s, p.surface_alt, bar, border_radius=bar.height // 2)
                span = max(1, meter["max"] - meter["min"])
                fill = Rect(bar.x, bar.y, round(bar.width * (value - meter["min"]) / span),
                            bar.height)
                pygame.draw.rect(s, self.looks[i].colour, fill, border_radius=bar.height // 2)
                y += line_h
            y += m.gap


# --------------------------------------------------------------------------- 5. questions
class QuestionsPage(Page):
    """The essay's questions for the aspects where teams lost most, one or two at a time."""

    title_key = "debrief.pages.questions"

    def layout(self, area: Rect) -> None:
        super().layout(area)
        self.entries = list(self.report["discussion"])
        self.pages: list[list[int]] = []
        if not self.entries:
            self.steps = 1
            return
        heights = [self._height(i) for i in range(len(self.entries))]
        self.pages = fill_steps(heights, self._room().height, self.c.m.px(56), most=2)
        self.steps = len(self.pages)

    def _room(self) -> Rect:
        m = self.c.m
        bottom = self.pager_rect().top - m.px(12)
        return Rect(self.area.x, self.area.y, self.area.width, bottom - self.area.y)

    def _question_width(self) -> int:
        return min(self._room().width - self.c.m.px(48), self.c.m.px(1500))

    def _blocks(self, i: int):
        """The question in the largest size it reads well at: title, else heading size."""
        c, m, p = self.c, self.c.m, self.c.palette
        entry = self.entries[i]
        width = self._question_width()
        room = self._room().height
        label_h = c.line_height("bold", m.heading)
        teams_h = c.line_height("semibold", m.body) * (1 if self.single else 2)
        for size in (m.title, round((m.title + m.heading) / 2), m.heading, m.body):
            block = c.text.render(entry["question"], "regular", size, p.ink, width)
            if block.height + label_h + teams_h + m.px(40) <= room:
                return block
        return block

    def _height(self, i: int) -> int:
        c, m = self.c, self.c.m
        question = self._blocks(i)
        teams_h = self._teams_height(i)
        return c.line_height("bold", m.heading) + m.px(12) + question.height + m.px(20) + teams_h

    def _teams_height(self, i: int) -> int:
        c, m = self.c, self.c.m
        line_h = c.line_height("semibold", m.body)
        if self.single:
            return line_h
        return line_h * len(self._team_rows(i))

    def _team_rows(self, i: int) -> list[list[tuple[int, str]]]:
        """The teams that lost most on an aspect, flowing over lines after the lead text."""
        c, m = self.c, self.c.m
        width = self._question_width()
        lead = c.width(self.t("debrief.lost_by") + " ", "semibold", m.body)
        rows: list[list[tuple[int, str]]] = [[]]
        x = lead
        for team in self.entries[i]["teams"]:
            text = f"{team['team']} ({_signed(team['total'])})"
            w = m.px(64) + m.px(10) + c.width(text, "semibold", m.body) + m.px(32)
            if rows[-1] and x + w > width:
                rows.append([])
                x = lead
            rows[-1].append((team["team_index"], text))
            x += w
        return rows

    def pager(self, step: int) -> str:
        if not self.entries:
            return ""
        return self.range_text(self.pages[step], len(self.entries), "debrief.question_one",
                               "debrief.questions_range")

    def draw(self, s: pygame.Surface, step: int) -> None:
        c, m, p = self.c, self.c.m, self.c.palette
        room = self._room()
        if not self.report["aspects"]:
            self.draw_empty(s, room, "debrief.no_aspects")
            return
        if not self.entries:
            c.fit(s, Rect(room.x + room.width // 8, room.y, room.width * 3 // 4, room.height),
                  self.t("debrief.no_questions"), "regular", [m.title, m.heading], p.ink,
                  valign="center", align="center")
            return
        shown = self.pages[step]
        heights = [self._height(i) for i in shown]
        total = sum(heights) + m.px(56) * (len(shown) - 1)
        y = room.y + max(0, (room.height - total) // 2)
        width = self._question_width()
        x = room.x + (room.width - width) // 2
        for n, i in enumerate(shown):
            entry = self.entries[i]
            if n:
                pygame.draw.line(s, p.surface_alt, (x, y - m.px(28)), (x + width, y - m.px(28)),
                                 m.px(3))
            c.line(s, entry["label"], "bold", m.heading, p.accent, (x, y), width)
            y += c.line_height("bold", m.heading) + m.px(12)
            question = self._blocks(i)
            bar = Rect(x - m.px(28), y + m.px(6), m.px(8), question.height - m.px(12))
            pygame.draw.rect(s, p.accent, bar, border_radius=bar.width // 2)
            s.blit(question.surface, (x, y))
            c.drawn.append((entry["question"], Rect(x, y, question.width, question.height)))
            y += question.height + m.px(20)
            y = self._draw_teams(s, i, x, y, width)
            y += m.px(56)
        self.draw_pager(s, self.pager(step))

    def _draw_teams(self, s: pygame.Surface, i: int, x: int, y: int, width: int) -> int:
        c, m, p = self.c, self.c.m, self.c.palette
        line_h = c.line_height("semibold", m.body)
        if self.single:
            total = self.entries[i]["teams"][0]["total"]
            c.line(s, self.t("debrief.lost_single", total=_signed(total)), "semibold", m.body,
                   p.ink_muted, (x, y), width)
            return y + line_h
        lead = self.t("debrief.lost_by") + " "
        c.put(s, lead, "semibold", m.body, p.ink_muted, (x, y))
        start = x + c.width(lead, "semibold", m.body)
        for line in self._team_rows(i):
            tx = start
            for index, text in line:
                sample(s, Rect(tx, y, m.px(64), line_h), self.looks[index], m, p.surface)
                rect = c.put(s, text, "semibold", m.body, p.ink, (tx + m.px(74), y))
                tx = rect.right + m.px(32)
            y += line_h
        return y


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"\u2212{-value}" if value < 0 else "0"
