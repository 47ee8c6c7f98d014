"""The debrief's two tables: every decision (page 3) and the aspects (page 4).

Both are paged rather than scrolled, so a clicker walks through them and every row stays
large enough to read from the back of the room.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame
from pygame import Rect

from game.ui.debrief.canvas import sample
from game.ui.debrief.pages import Page, fill_steps
from game.ui.look.textcache import TextBlock
from game.ui.look.widgets import delta_label

LETTERS = "ABCDEFGH"


def letter(position: int | None, option_id: str) -> str:
    """How an option is named in a vote split: A, B, C, D by its place on the card."""
    if position is not None and 1 <= position <= len(LETTERS):
        return LETTERS[position - 1]
    return option_id


@dataclass
class Block:
    """One card as the teams met it: its round, title, each team's decision and the note."""

    round: int
    card: str
    title: str
    #: The decision of each team, by team index; None when the card did not come to it.
    decisions: list[dict[str, Any] | None] = field(default_factory=list)
    note: str = ""


def blocks(teams: list[dict[str, Any]]) -> list[Block]:
    """The decisions of all teams grouped per card and round, in the order they were met."""
    found: dict[tuple[int, str], Block] = {}
    for index, team in enumerate(teams):
        for decision in team["decisions"]:
            key = (decision["round"], decision["card"])
            block = found.get(key)
            if block is None:
                block = found[key] = Block(decision["round"], decision["card"],
                                           decision["card_title"], [None] * len(teams))
            block.decisions[index] = decision
    ordered = sorted(found.values(), key=lambda b: b.round)
    for block in ordered:
        notes = [d["note"] for d in block.decisions if d is not None and d["note"]]
        block.note = "\n".join(dict.fromkeys(notes))
    return ordered


def vote_parts(decision: dict[str, Any], ink, muted) -> list[tuple[str, str, Any]]:
    """A vote split as text pieces: "A 4 · B 2 · C 0", the chosen option in bold ink."""
    if decision.get("votes") is None:
        return []
    parts: list[tuple[str, str, Any]] = []
    for option in decision["options"]:
        if option["votes"] is None:
            continue
        if parts:
            parts.append(("  ·  ", "regular", muted))
        name = letter(option["position"], option["id"])
        if option["chosen"]:
            parts.append((f"{name} {option['votes']}", "bold", ink))
        else:
            parts.append((f"{name} {option['votes']}", "regular", muted))
    return parts


def vote_text(decision: dict[str, Any]) -> str:
    """The vote split as plain text, "A 4 · B 2 · C 0" (what a reader sees, without the bold)."""
    return " ".join("".join(text for text, _, _ in vote_parts(decision, None, None)).split())


# --------------------------------------------------------------------------- 3. decisions
class DecisionsPage(Page):
    """Per card: the round and title, each team's choice with its vote split, and the note."""

    title_key = "debrief.pages.decisions"

    def layout(self, area: Rect) -> None:
        super().layout(area)
        c, m, p = self.c, self.c.m, self.c.palette
        self.blocks = blocks(self.teams)
        self.room = Rect(area.x, area.y, area.width,
                         self.pager_rect().top - m.px(12) - area.y)
        pad = m.px(20)
        inner_w = self.room.width - 2 * pad
        self.name_w = 0
        if not self.single:
            widest = max(c.width(t["name"], "semibold", m.body) for t in self.teams)
            self.name_w = min(widest, round(inner_w * 0.22)) + m.px(24)
        widest_votes = max((c.runs_width(vote_parts(d, p.ink, p.ink_muted), m.body)
                            for b in self.blocks for d in b.decisions if d is not None),
                           default=0)
        self.votes_w = min(widest_votes, round(inner_w * 0.34))
        self.badge = c.line_height("bold", m.body)
        self.label_x = self.name_w + self.badge + m.px(14)
        self.label_w = inner_w - self.label_x - (self.votes_w + m.px(24) if self.votes_w else 0)
        heights = [self.block_height(i) for i in range(len(self.blocks))]
        self.pages = fill_steps(heights, self.room.height, m.px(14))
        self.steps = len(self.pages)

    # ------------------------------------------------------------------ measuring
    def _label(self, decision: dict[str, Any]) -> TextBlock:
        c, m, p = self.c, self.c.m, self.c.palette
        two = c.line_height("regular", m.body) * 2
        return c.text.fit(decision["option_label"], "regular", m.shrunk(m.body), p.ink,
                          max(1, self.label_w), two)

    def _note(self, block: Block) -> TextBlock | None:
        if not block.note:
            return None
        c, m, p = self.c, self.c.m, self.c.palette
        text = f"{self.t('debrief.note')}: {block.note}"
        two = c.line_height("italic", m.body) * 2
        return c.text.fit(text, "italic", m.shrunk(m.body), p.ink,
                          self.room.width - 2 * m.px(20) - m.px(22), two)

    def _row_height(self, decision: dict[str, Any] | None) -> int:
        c, m = self.c, self.c.m
        line_h = c.line_height("regular", m.body)
        if decision is None:
            return line_h + m.px(8)
        return max(line_h, min(self._label(decision).height, line_h * 2)) + m.px(8)

    def block_height(self, i: int) -> int:
        c, m = self.c, self.c.m
        block = self.blocks[i]
        h = m.px(14) + c.line_height("bold", m.heading) + m.px(8)
        h += sum(self._row_height(d) for d in block.decisions)
        note = self._note(block)
        if note is not None:
            h += m.px(8) + min(note.height, c.line_height("italic", m.body) * 2)
        return h + m.px(14)

    def pager(self, step: int) -> str:
        if not self.blocks or self.steps == 1:
            return ""
        return self.range_text(self.pages[step], len(self.blocks), "debrief.cards_one",
                               "debrief.cards_range")

    # ------------------------------------------------------------------ drawing
    def draw(self, s: pygame.Surface, step: int) -> None:
        m = self.c.m
        if not self.blocks:
            self.draw_empty(s, self.room, "debrief.no_decisions")
            return
        y = self.room.y
        for i in self.pages[step]:
            h = self.block_height(i)
            self._draw_block(s, self.blocks[i], Rect(self.room.x, y, self.room.width, h))
            y += h + m.px(14)
        self.draw_pager(s, self.pager(step))

    def _draw_block(self, s: pygame.Surface, block: Block, rect: Rect) -> None:
        c, m, p = self.c, self.c.m, self.c.palette
        pygame.draw.rect(s, p.surface_alt, rect, border_radius=m.radius)
        pad = m.px(20)
        x, y = rect.x + pad, rect.y + m.px(14)
        width = rect.width - 2 * pad
        head = self.t("debrief.round", round=block.round)
        head_rect = c.put(s, head, "semibold", m.heading, p.ink_muted, (x, y))
        c.line(s, block.title, "bold", m.heading, p.ink, (head_rect.right + m.px(20), y),
               x + width - head_rect.right - m.px(20))
        y += c.line_height("bold", m.heading) + m.px(8)
        line_h = c.line_height("regular", m.body)
        for index, decision in enumerate(block.decisions):
            row_h = self._row_height(decision)
            if not self.single:
                c.line(s, self.teams[index]["name"], "semibold", m.body,
                       p.ink if decision is not None else p.ink_muted, (x, y),
                       self.name_w - m.px(24))
            if decision is None:
                c.line(s, "— " + self.t("debrief.sat_out"), "italic", m.body, p.ink_muted,
                       (x + self.name_w, y), width - self.name_w)
                y += row_h
                continue
            badge = Rect(x + self.name_w, y + (line_h - self.badge) // 2, self.badge, self.badge)
            pygame.draw.ellipse(s, p.accent, badge)
            name = letter(decision["option_position"], decision["option"])
            c.put(s, name, "bold", round(m.body * 0.8), p.on_accent, badge.center, "center")
            label = self._label(decision)
            label_x = x + self.label_x
            s.blit(label.surface, (label_x, y),
                   Rect(0, 0, self.label_w, min(label.height, line_h * 2)))
            c.drawn.append((decision["option_label"],
                            Rect(label_x, y, min(label.width, self.label_w),
                                 min(label.height, line_h * 2))))
            if self.votes_w:
                parts = vote_parts(decision, p.ink, p.ink_muted)
                if parts:
                    w = c.runs_width(parts, m.body)
                    c.runs(s, parts, m.body, (x + width - min(w, self.votes_w), y),
                           record=vote_text(decision))
                else:
                    c.line(s, self.t("debrief.no_votes"), "italic", m.body, p.ink_muted,
                           (x + width - self.votes_w, y), self.votes_w, "right")
            y += row_h
        note = self._note(block)
        if note is not None:
            y += m.px(8)
            shown = min(note.height, c.line_height("italic", m.body) * 2)
            pygame.draw.rect(s, p.accent, Rect(x, y + m.px(4), m.px(6), shown - m.px(8)),
                             border_radius=m.px(3))
            s.blit(note.surface, (x + m.px(22), y), Rect(0, 0, width - m.px(22), shown))
            c.drawn.append((f"{self.t('debrief.note')}: {block.note}",
                            Rect(x + m.px(22), y, min(note.width, width - m.px(22)), shown)))


# --------------------------------------------------------------------------- 4. aspects
class AspectsPage(Page):
    """Per aspect and team, the net change of each meter on the cards of that aspect; the
    aspect where a team lost most is framed. Many teams are shown a few at a time."""

    title_key = "debrief.pages.aspects"

    def title(self) -> str:
        if len(self.report["aspects"]) == 9:
            return self.t("debrief.pages.aspects_nine")
        return self.t(self.title_key)

    def layout(self, area: Rect) -> None:
        super().layout(area)
        self.aspects = self.report["aspects"]
        # The legend under the table takes a second line where the pager leaves it too little.
        self.legend_lines = 1
        self._arrange(area)
        if not all(self._legend_fits(step) for step in range(self.steps)):
            self.legend_lines = 2
            self._arrange(area)

    def _legend_rect(self) -> Rect:
        """The legend's lines (and the pager's) at the bottom of the page."""
        h = self.c.line_height("regular", self.c.m.label) * self.legend_lines
        return Rect(self.area.x, self.area.bottom - h, self.area.width, h)

    def _legend_room(self, step: int) -> int:
        """The width beside the legend's frame and the pager."""
        c, m = self.c, self.c.m
        room = self.area.width - m.px(44) - m.px(14)
        pager = self.pager(step)
        return room - (c.width(pager, "semibold", m.label) + m.gap if pager else 0)

    def _legend_text(self) -> str:
        return self.t("debrief.worst_legend_single" if self.single else "debrief.worst_legend")

    def _legend_fits(self, step: int) -> bool:
        c, m = self.c, self.c.m
        return c.width(self._legend_text(), "regular", m.label) <= self._legend_room(step)

    def _arrange(self, area: Rect) -> None:
        c, m = self.c, self.c.m
        legend = self._legend_rect()
        self.room = Rect(area.x, area.y, area.width, legend.top - m.px(12) - area.y)
        head_h = (0 if self.single else self._team_head_h()) + c.line_height("semibold", m.body)
        self.head_h = head_h + m.px(10)
        line_h = c.line_height("semibold", m.body)
        self.row_h = line_h + m.px(16)
        # As many teams side by side as leave every number and meter name readable.
        self.cell_w = max(max((c.width(mt["short"], "semibold", m.body)
                               for mt in self.meters), default=0),
                          c.width("▼ −88", "bold", m.body)) + m.px(24)
        self.group_gap = m.px(28)
        group_w = self.cell_w * len(self.meters)
        label_min = round(self.room.width * 0.26)
        fit = max(1, (self.room.width - label_min + self.group_gap) // (group_w + self.group_gap))
        count = len(self.teams)
        chunks = -(-count // fit)
        per = -(-count // chunks)
        self.team_groups = [list(range(i, min(count, i + per))) for i in range(0, count, per)]
        if not self.aspects:
            self.team_groups = [list(range(count))]
        # A row grows with its aspect's name, wrapped in the narrowest label column of any step.
        label_w = min(self._columns(teams)[2] for teams in self.team_groups) - m.px(14)
        self.row_hs = [max(line_h, c.text.render(a["label"], "semibold", m.body, c.palette.ink,
                                                 max(1, label_w)).height) + m.px(16)
                       for a in self.aspects]
        self.row_groups = (fill_steps(self.row_hs, self.room.height - self.head_h, 0)
                           if self.aspects else [[]])
        self.steps = len(self.team_groups) * len(self.row_groups)

    def _columns(self, teams: list[int]) -> tuple[int, int, int]:
        """The width of a meter's cell, of a team's group of cells and of the aspect names'
        column when ``teams`` are shown side by side."""
        m = self.c.m
        # Few teams: wider columns, so the numbers do not huddle at the right edge.
        room_w = self.room.width - m.px(12)
        cells = max(1, len(teams) * len(self.meters))
        spare = (room_w * 0.62 - (len(teams) - 1) * self.group_gap) / cells
        cell_w = max(self.cell_w, min(round(self.cell_w * 1.5), int(spare)))
        group_w = cell_w * len(self.meters)
        table_w = len(teams) * group_w + (len(teams) - 1) * self.group_gap
        return cell_w, group_w, room_w - table_w - self.group_gap

    def _team_head_h(self) -> int:
        return max(self.c.line_height("bold", self.c.m.body), self.c.m.px(30)) + self.c.m.px(4)

    def _parts(self, step: int) -> tuple[list[int], list[int]]:
        teams = self.team_groups[step % len(self.team_groups)]
        rows = self.row_groups[step // len(self.team_groups)]
        return teams, rows

    def pager(self, step: int) -> str:
        if self.steps == 1:
            return ""
        teams, rows = self._parts(step)
        parts = []
        if len(self.team_groups) > 1:
            parts.append(self.range_text(teams, len(self.teams), "debrief.team_one",
                                         "debrief.teams_range"))
        if len(self.row_groups) > 1:
            parts.append(self.range_text(rows, len(self.aspects), "debrief.aspect_one",
                                         "debrief.aspects_range"))
        return " · ".join(parts)

    def draw(self, s: pygame.Surface, step: int) -> None:
        c, m, p = self.c, self.c.m, self.c.palette
        if not self.aspects:
            self.draw_empty(s, self.room, "debrief.no_aspects")
            return
        teams, rows = self._parts(step)
        cell_w, group_w, label_w = self._columns(teams)
        x0 = self.room.x + label_w + self.group_gap
        y = self.room.y
        lefts = [x0 + k * (group_w + self.group_gap) for k in range(len(teams))]
        if not self.single:
            head_h = self._team_head_h()
            for left, team in zip(lefts, teams):
                sample(s, Rect(left, y, m.px(56), head_h - m.px(4)), self.looks[team], m,
                       p.surface)
                c.line(s, self.teams[team]["name"], "bold", m.body, p.ink, (left + m.px(66), y),
                       group_w - m.px(66))
            y += head_h
        for left in lefts:
            for k, meter in enumerate(self.meters):
                c.line(s, meter["short"], "semibold", m.body, p.ink_muted,
                       (left + k * cell_w, y), cell_w, "center")
        y = self.room.y + self.head_h
        pygame.draw.line(s, p.border, (self.room.x, y - m.px(5)), (self.room.right, y - m.px(5)),
                         max(1, m.px(2)))
        line_h = c.line_height("semibold", m.body)
        for n, a in enumerate(rows):
            aspect = self.aspects[a]
            row_h = self.row_hs[a]
            rect = Rect(self.room.x, y, self.room.width, row_h)
            if n % 2 == 0:
                pygame.draw.rect(s, p.surface_alt, rect, border_radius=m.radius // 2)
            ty = y + (row_h - line_h) // 2
            c.fit(s, Rect(rect.x + m.px(14), y + m.px(8), label_w - m.px(14), row_h - m.px(16)),
                  aspect["label"], "semibold", [m.body], p.ink, valign="center")
            for left, team in zip(lefts, teams):
                cell = aspect["teams"][team]
                if not cell["decisions"]:
                    c.line(s, self.t("debrief.untouched"), "italic", m.body, p.ink_muted,
                           (left, ty), group_w, "center")
                else:
                    for k, meter in enumerate(self.meters):
                        change = cell["changes"].get(meter["id"], 0)
                        ink = p.positive if change > 0 else p.negative if change < 0 \
                            else p.ink_muted
                        c.line(s, delta_label(change), "bold" if change else "regular", m.body,
                               ink, (left + k * cell_w, ty), cell_w, "center")
                worst = self.teams[team]["discussion"]
                if worst and worst[0] == aspect["id"]:
                    frame = Rect(left - m.px(10), y + m.px(2), group_w + m.px(20),
                                 row_h - m.px(4))
                    pygame.draw.rect(s, p.ink, frame, width=max(2, m.px(4)),
                                     border_radius=m.radius // 2)
            y += row_h
        self._draw_legend(s, step)

    def _draw_legend(self, s: pygame.Surface, step: int) -> None:
        c, m, p = self.c, self.c.m, self.c.palette
        rect = self._legend_rect()
        line_h = c.line_height("regular", m.label)
        box = Rect(rect.x, rect.y + m.px(4), m.px(44), line_h - m.px(8))
        pygame.draw.rect(s, p.ink, box, width=max(2, m.px(4)), border_radius=m.radius // 2)
        pager = self.pager(step)
        if pager:
            c.line(s, pager, "semibold", m.label, p.ink_muted, rect.topleft, rect.width, "right")
        c.fit(s, Rect(box.right + m.px(14), rect.y, self._legend_room(step), rect.height),
              self._legend_text(), "regular", [m.label], p.ink_muted)
