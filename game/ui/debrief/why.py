"""Two pages that answer "why": the decisions that moved each meter, and the essay's four
recommendations held against the decisions.

:class:`TracePage` shows, per meter, the few decisions that moved it most (from the report's
``causes``), with the earlier decision that brought a follow-up card to the table
("← R2: card: option"); :class:`AdvicePage` shows the four recommendations of the essay's
closing section, each with its one-line verdict and the decisions that show it. A workshop gets
one step per team; a single game one step. Both are drawn from the report data only, so the
room sees what the report file says, and the single game's end screen draws the same pages
into its own panel.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame import Rect

from game.reports.files import signed
from game.ui.debrief.canvas import sample
from game.ui.debrief.pages import Page
from game.ui.layout.screens import row, stack

#: How many decisions per meter the trace shows at most (the report keeps a few more).
SHOWN = 3


class _PerTeam(Page):
    """A page with one step per team, its name at the top when there are several."""

    def layout(self, area: Rect) -> None:
        super().layout(area)
        self.steps = max(1, len(self.teams))

    def decision_lines(self, s: pygame.Surface, inner: Rect, items: list[dict[str, Any]],
                       y: int, ink, gap: int) -> None:
        """Decisions as "R3 · card → option" with their change at the right, from ``y`` down,
        as many as fit whole (the rest wait for a larger window)."""
        c, m, p = self.c, self.c.m, self.c.palette
        for item in items:
            card, option = self.labels(item["card"], item["option"])
            delta = signed(item["delta"])
            delta_w = c.width(delta, "bold", m.body)
            text = f"{self.t('trace.round', round=item['round'])} · {card} → {option}"
            block = c.text.render(text, "regular", m.body, ink, inner.width - delta_w - m.px(12))
            if y + block.height > inner.bottom:
                break
            s.blit(block.surface, (inner.x, y))
            c.drawn.append((text, Rect(inner.x, y, block.width, block.height)))
            c.line(s, delta, "bold", m.body, _ink(p, item["delta"]), (inner.right - delta_w, y),
                   delta_w)
            y += block.height + gap

    def pager(self, step: int) -> str:
        if self.single:
            return ""
        return self.t("trace.team_of", n=step + 1, total=len(self.teams))

    def room(self, s: pygame.Surface | None, step: int) -> Rect:
        """The part of the page under the team's name and above the pager (drawing the name
        when ``s`` is given)."""
        c, m, p = self.c, self.c.m, self.c.palette
        bottom = self.pager_rect().top - m.px(12) if not self.single else self.area.bottom
        top = self.area.y
        if not self.single:
            name_h = max(c.line_height("bold", m.heading), m.px(34))
            if s is not None:
                team = self.teams[step]
                sample(s, Rect(self.area.x, top, m.px(64), name_h), self.looks[step], m,
                       p.surface)
                c.line(s, team["name"], "bold", m.heading, p.ink,
                       (self.area.x + m.px(76), top), self.area.width - m.px(76))
            top += name_h + m.px(12)
        return Rect(self.area.x, top, self.area.width, bottom - top)

    def labels(self, card: str, option: str) -> tuple[str, str]:
        """A card's title and an option's label, by id, as the report names them."""
        labels = self.report.get("labels", {})
        return (labels.get("cards", {}).get(card, card),
                labels.get("options", {}).get(card, {}).get(option, option))

    def finish(self, s: pygame.Surface, step: int) -> None:
        if not self.single:
            self.draw_pager(s, self.pager(step))


class TracePage(_PerTeam):
    """Per meter the decisions that moved it most, largest first, with where a follow-up came
    from."""

    title_key = "trace.title"

    def draw(self, s: pygame.Surface, step: int) -> None:
        m = self.c.m
        team = self.teams[step]
        room = self.room(s, step)
        # Side by side where each meter's column is wide enough to read, else one above the
        # other (the end screen's panel in a small window).
        wide = room.width >= len(self.meters) * m.px(300)
        cells = (row if wide else stack)(room, len(self.meters), m.gap)
        inners = [cell.inflate(-2 * m.px(20), -2 * m.px(16)) for cell in cells]
        # Where one meter's decisions fit only as single lines, all are shown so, to compare.
        short = min(self._sizes())
        lines = any(found and not self._place(found, inner.width,
                                              inner.bottom - self._top(inner), short)
                    for inner, found in ((inner, team.get("causes", {}).get(mt["id"], []))
                                         for inner, mt in zip(inners, self.meters)))
        for cell, inner, meter in zip(cells, inners, self.meters):
            self.inset(s, cell)
            self._meter(s, inner, meter, team, lines)
        self.finish(s, step)

    def _sizes(self) -> list[int]:
        m = self.c.m
        return [m.body] + [size for size in m.shrunk(m.body) if size < m.body]

    def _top(self, inner: Rect) -> int:
        """Where a meter's decisions start, under its name and rule."""
        m = self.c.m
        return inner.y + self.c.line_height("bold", m.heading) + m.px(6) + m.px(12)

    def _meter(self, s: pygame.Surface, inner: Rect, meter: dict[str, Any],
               team: dict[str, Any], lines: bool) -> None:
        c, m, p = self.c, self.c.m, self.c.palette
        head_h = c.line_height("bold", m.heading)
        change = team["meter_changes"].get(meter["id"]) or 0
        total = signed(change)
        total_w = c.width(total, "bold", m.heading)
        c.line(s, meter["short"], "bold", m.heading, p.ink, inner.topleft,
               inner.width - total_w - m.px(16))
        c.line(s, total, "bold", m.heading, _ink(p, change), (inner.right - total_w, inner.y),
               total_w)
        y = inner.y + head_h + m.px(6)
        pygame.draw.line(s, p.ink_muted, (inner.x, y), (inner.right, y), max(1, m.px(2)))
        y += m.px(12)
        found = team.get("causes", {}).get(meter["id"], [])
        if not found:
            c.fit(s, Rect(inner.x, y, inner.width, inner.bottom - y), self.t("trace.none"),
                  "regular", m.shrunk(m.body), p.ink_muted)
            return
        if lines:  # low cells: each decision on one wrapped line, as on the advice page
            self._lines(s, inner, found, y)
            return
        # The largest size at which the two largest decisions fit whole, follow-ups included;
        # else each as its card alone (and the card a follow-up came from), without the options.
        wanted = min(2, len(found))
        for compact in (False, True):
            for size in self._sizes():
                placed = self._place(found, inner.width, inner.bottom - y, size, compact)
                if len(placed) >= wanted:
                    break
            if len(placed) >= wanted:
                break
        if not placed:
            self._lines(s, inner, found, y)
            return
        for cause, blocks, height in placed:
            self._cause(s, Rect(inner.x, y, inner.width, height), cause, blocks, size)
            y += height + m.px(18)

    def _lines(self, s: pygame.Surface, inner: Rect, found: list[dict[str, Any]], y: int
               ) -> None:
        """The decisions as "R3 · card → option" with their change, as many as fit whole."""
        self.decision_lines(s, inner, found[:SHOWN], y, self.c.palette.ink, self.c.m.px(6))

    def _place(self, found: list[dict[str, Any]], width: int, room: int, size: int,
               compact: bool = False) -> list:
        """The decisions that fit whole in ``room`` at ``size``, largest first, with their
        wrapped texts and heights; stops at the first that does not fit. ``compact``: the
        cards alone, without the options chosen."""
        c, m = self.c, self.c.m
        placed = []
        used = 0
        for cause in found[:SHOWN]:
            blocks = self._blocks(cause, width, size)
            if compact:
                blocks = [blocks[0]] + blocks[2:3]
            height = c.line_height("bold", size) + sum(b.height for _, b in blocks)
            if used + height > room and len(blocks) > 3:
                # Short of room, a follow-up names the card it came from, not the option.
                height -= blocks[-1][1].height
                blocks = blocks[:-1]
            if used + height > room:
                break
            placed.append((cause, blocks, height))
            used += height + m.px(18)
        return placed

    def _blocks(self, cause: dict[str, Any], width: int, size: int) -> list:
        """The texts under a decision's round, each wrapped to ``width`` as ``(text, block)``:
        the card's title and the option chosen; for a follow-up also the card it came from and
        the option chosen there, set in a little."""
        c, m, p = self.c, self.c.m, self.c.palette
        title, option = self.labels(cause["card"], cause["option"])
        texts = [(title, "semibold", p.ink, width), ("→ " + option, "regular", p.ink_muted, width)]
        origin = cause.get("scheduled_by")
        if origin:
            card, chosen = self.labels(origin["card"], origin["option"])
            inset = width - m.px(16)
            texts += [(self.t("trace.from_card", round=origin["round"], card=card), "semibold",
                       p.ink, inset), (chosen, "regular", p.ink, inset)]
        return [(text, c.text.render(text, weight, size, ink, w))
                for text, weight, ink, w in texts]

    def _cause(self, s: pygame.Surface, rect: Rect, cause: dict[str, Any], blocks: list,
               size: int) -> None:
        """Round and change, the card, the option chosen, and for a follow-up the earlier
        decision that scheduled it ("← R3: card" over its option), each wrapped."""
        c, m, p = self.c, self.c.m, self.c.palette
        line_h = c.line_height("bold", size)
        delta = signed(cause["delta"])
        delta_w = c.width(delta, "bold", size)
        c.line(s, self.t("trace.round", round=cause["round"]), "bold", size, p.ink,
               rect.topleft, rect.width - delta_w - m.px(12))
        c.line(s, delta, "bold", size, _ink(p, cause["delta"]),
               (rect.right - delta_w, rect.y), delta_w)
        y = rect.y + line_h
        for text, block in blocks[:2]:
            self._blit(s, block, text, (rect.x, y))
            y += block.height
        if len(blocks) > 2:
            origin = blocks[2:]
            height = sum(block.height for _, block in origin)
            bar = Rect(rect.x, y + m.px(4), m.px(6), height - m.px(8))
            pygame.draw.rect(s, p.accent, bar, border_radius=bar.width // 2)
            for text, block in origin:
                self._blit(s, block, text, (rect.x + m.px(16), y))
                y += block.height

    def _blit(self, s: pygame.Surface, block, text: str, pos: tuple[int, int]) -> None:
        s.blit(block.surface, pos)
        self.c.drawn.append((text, Rect(pos[0], pos[1], block.width, block.height)))


class AdvicePage(_PerTeam):
    """The essay's four recommendations, each with its verdict and the decisions that show
    it, two by two."""

    title_key = "advice.title"

    def draw(self, s: pygame.Surface, step: int) -> None:
        m = self.c.m
        team = self.teams[step]
        room = self.room(s, step)
        found = team.get("recommendations", [])
        # Two by two where a column is wide enough to read, else one under the other.
        columns = 2 if len(found) > 1 and room.width >= 2 * m.px(420) else 1
        rows = -(-len(found) // columns) or 1
        cells = [cell for line in stack(room, rows, m.gap) for cell in row(line, columns, m.gap)]
        for cell, rec in zip(cells, found):
            self.inset(s, cell)
            self._recommendation(s, cell.inflate(-2 * m.px(20), -2 * m.px(14)), rec)
        self.finish(s, step)

    def _recommendation(self, s: pygame.Surface, inner: Rect, rec: dict[str, Any]) -> None:
        """The essay's heading, the verdict in its colour, what the decisions did, and as many
        of the decisions that show it as there is room for."""
        c, m, p = self.c, self.c.m, self.c.palette
        line_h = c.line_height("semibold", m.body)
        title = c.text.render(rec["title"], "bold", m.body, p.accent, inner.width)
        reason = c.text.render(rec["reason"], "regular", m.body, p.ink, inner.width)
        ink = {"followed": p.positive, "short": p.negative}.get(rec["verdict"], p.ink)
        wanted = min(len(rec.get("shown", [])), 2) * line_h
        compact = bool(rec.get("summary")) and (
            title.height + line_h + reason.height + m.px(12) + wanted > inner.height)
        if compact:  # a narrow panel: the verdict and the net change on one line, no sentence
            reason = c.text.render(rec["summary"], "regular", m.body, p.ink, inner.width)
        # A low panel: the net change beside the verdict, where the line holds both.
        beside = [(rec["verdict_label"], "bold", ink), ("  " + rec.get("summary", ""), "regular",
                                                        p.ink)]
        if compact and title.height + line_h + reason.height + m.px(12) > inner.height \
                and c.runs_width(beside, m.body) <= inner.width:
            c.drawn.append((rec["title"], Rect(inner.x, inner.y, title.width, title.height)))
            s.blit(title.surface, inner.topleft)
            y = inner.y + title.height + m.px(8)
            verdict = c.put(s, rec["verdict_label"], "bold", m.body, ink, (inner.x, y))
            c.put(s, rec["summary"], "regular", m.body, p.ink,
                  (verdict.right + c.width("  ", "regular", m.body), y))
            self._decisions(s, inner, rec, y + line_h + m.px(4))
            return
        if title.height + line_h + reason.height + m.px(12) > inner.height:
            title = c.text.fit(rec["title"], "bold", m.shrunk(m.body), p.accent, inner.width,
                               line_h * 2)
            reason = c.text.fit(rec["summary"] if compact else rec["reason"], "regular",
                                m.shrunk(m.body), p.ink, inner.width,
                                max(line_h, inner.height - title.height - line_h - m.px(12)))
        y = inner.y
        for block, text in ((title, rec["title"]), (None, rec["verdict_label"]),
                            (reason, rec["summary"] if compact else rec["reason"])):
            if block is None:
                c.line(s, text, "bold", m.body, ink, (inner.x, y), inner.width)
                y += line_h
                continue
            if block is reason and y + block.height > inner.bottom:
                break  # no room for the sentence whole: the verdict stands alone
            height = min(block.height, inner.bottom - y)
            s.blit(block.surface, (inner.x, y), Rect(0, 0, block.width, height))
            c.drawn.append((text, Rect(inner.x, y, block.width, height)))
            y += height + (m.px(8) if block is title else m.px(4))
        self._decisions(s, inner, rec, y)

    def _decisions(self, s: pygame.Surface, inner: Rect, rec: dict[str, Any], y: int) -> None:
        """The decisions that show a recommendation, from ``y`` down, as many as fit whole."""
        self.decision_lines(s, inner, rec.get("shown", []), y, self.c.palette.ink_muted,
                            self.c.m.px(4))

def _ink(p, value: int):
    return p.positive if value > 0 else p.negative if value < 0 else p.ink_muted
