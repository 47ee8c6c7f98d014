"""What the teams' decisions led to, and then the essay's question to discuss.

*Gevolgen*: per option that a team chose, the teams that chose it with their vote split, and
its outcome text; beside it every team's meters easing from before to after, the changes
written as ▲ +n / ▼ −n. *Uit het essay* (the next step, or E): the card's essay section, the
paraphrase and the question for the room. Next then deals the next card, or ends the workshop.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import Hashable

import pygame
from pygame import Rect

from game.ui import routes
from game.ui.deck_texts import dynamics_lines, essay_texts
from game.ui.look.motion import DURATION, MeterMotion, between
from game.ui.look.textcache import ellipsize
from game.ui.look.widgets import panel
from game.ui.scene import Prompt, key_event
from game.ui.workshop.screen import WorkshopScreen
from game.ui.workshop.teams import TeamRow


@dataclass
class Group:
    """One option that at least one team chose, and who chose it."""

    index: int
    label: str
    outcome: str
    #: "Team Rood (5 van 8 stemmen)" per team that chose it.
    teams: list[str]


class WorkshopOutcomeScene(MeterMotion, WorkshopScreen):
    def __init__(self, app, table, step: str = "outcome"):
        super().__init__(app, table)
        workshop = self.workshop
        self.card = workshop.current_card
        self.essay = self.card.essay if self.card is not None else None
        self.step = "reflect" if step == "reflect" and self.essay is not None else "outcome"
        #: Each team's decision on this card (team index -> history record).
        self.records = {}
        for i, team in enumerate(workshop.teams):
            history = team.history
            if history and history[-1]["round"] == workshop.round \
                    and history[-1]["card"] == (self.card.id if self.card else None):
                self.records[i] = history[-1]
        self.elapsed = DURATION if app.still else 0.0
        self.layout_changed()

    @property
    def shot_name(self) -> str:
        name = "reflect" if self.step == "reflect" else "outcome"
        return f"ws-{name}-r{self.workshop.round:02d}"

    def prompt(self) -> Prompt:
        return Prompt("next", step=(self.workshop.round, self.step))

    def answer(self, value=None) -> list[pygame.event.Event]:
        return [key_event(pygame.K_PAGEDOWN)]

    # ------------------------------------------------------------------ texts
    def step_title(self) -> str:
        return self.app.t("workshop.step.reflect" if self.step == "reflect"
                          else "workshop.step.outcome")

    def step_detail(self) -> str:
        return self.app.local(self.card.title) if self.card else ""

    @property
    def ends_next(self) -> bool:
        """Whether Next ends the workshop rather than dealing another card."""
        workshop = self.workshop
        return workshop.round >= workshop.term or all(
            t.is_over or t.end_reason == "collapse" for t in workshop.teams)

    def cue_name(self) -> str | None:
        """A team whose meter collapsed on this card sounds the collapse; else the teams'
        changes together say up or down."""
        teams = self.workshop.teams
        if any(teams[i].end_reason == "collapse" for i in self.records if i < len(teams)):
            return "collapse"
        total = sum(after - record["meters_before"].get(meter, after)
                    for record in self.records.values()
                    for meter, after in record.get("meters_after", {}).items())
        return "meter_up" if total > 0 else "meter_down" if total < 0 else None

    def next_label(self) -> str:
        if self.step == "outcome" and self.essay is not None:
            return self.app.t("workshop.tool.to_essay")
        return self.app.t("workshop.tool.to_end" if self.ends_next
                          else "workshop.tool.next_card")

    def screen_text(self) -> str:
        local = self.app.local
        parts = [g.outcome for g in self.groups()] + [g.label for g in self.groups()]
        if self.card is not None:
            parts += [local(self.card.title), local(self.card.text)]
        parts += [t for t in essay_texts(self.app, self.table.deck, self.essay) if t]
        return "\n".join(parts)

    def groups(self) -> list[Group]:
        app, workshop = self.app, self.workshop
        if self.card is None:
            return []
        votes = {v["team"]: v["votes"] for v in workshop.votes
                 if v["round"] == workshop.round and v["card"] == self.card.id}
        groups = []
        for index, option in enumerate(self.card.options):
            teams = [i for i, r in self.records.items() if r["option"] == option.id]
            if not teams:
                continue
            lines = [self._team_line(i, option.id, votes.get(i) or {}) for i in sorted(teams)]
            text = app.local(option.outcome) or app.t("outcome.no_text")
            text = self._with_dynamics(text, sorted(teams))
            groups.append(Group(index, app.local(option.label), text, lines))
        return groups

    def _with_dynamics(self, text: str, teams: list[int]) -> str:
        """An option's outcome with what the deck's dynamics then did for the teams that chose
        it: one line per rule, or per team when their meters made different rules fire."""
        app, deck = self.app, self.table.deck
        per_team = [(i, dynamics_lines(app, deck, self.records[i].get("dynamics")))
                    for i in teams]
        if not any(lines for _, lines in per_team):
            return text
        if all(lines == per_team[0][1] for _, lines in per_team):
            return "\n\n".join([text, "\n".join(per_team[0][1])])
        said = [app.t("dynamics.team", team=self.table.team_name(i), line=line)
                for i, lines in per_team for line in lines]
        return "\n\n".join([text, "\n".join(said)])

    def _team_line(self, team: int, option: str, votes: dict[str, int]) -> str:
        """The team and its split, worded for its numbers: "de enige stem", "alle 6
        stemmen", "5 van de 8 stemmen", and whether the facilitator chose."""
        app = self.app
        name = self.table.team_name(team)
        total = sum(votes.values())
        if total == 0:
            return app.t("workshop.outcome.no_votes", team=name)
        top = max(votes.values())
        mine = votes.get(option, 0)
        if mine < top or list(votes.values()).count(top) > 1:
            key = "chosen_by_facilitator" if mine else \
                "chosen_other" if total == 1 else "chosen_none"
        else:
            key = "votes_only" if total == 1 else "votes_all" if mine == total else "votes"
        return app.t(f"workshop.outcome.{key}", team=name, votes=mine, total=total)

    # ------------------------------------------------------------------ layout
    def plan(self) -> None:
        """The largest text size at which every chosen option and its outcome fit."""
        m = self.app.metrics
        main = self.frame.main
        pad = m.px(36)
        inner = main.inflate(-2 * pad, -2 * pad)
        self.inner = inner
        caption_h = round(m.small * 1.5)
        room = inner.height - caption_h - m.px(16)
        if self.step == "reflect":
            self.sizes = self._essay_size(inner.width, room)
            return
        groups = self.groups()
        sizes = [(round(m.body * 1.2), m.heading), (round(m.body * 1.1), m.heading),
                 (m.body, m.label)] + [(s, max(s, m.small)) for s in m.shrunk(m.body)[1:]]
        self.sizes = sizes[-1]
        for body, head in sizes:
            if self._groups_height(groups, inner.width, body, head) <= room:
                self.sizes = (body, head)
                break

    def _group_parts(self, group: Group, width: int, body: int, head: int):
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        d = round(head * 1.3)
        label = app.text.render(group.label, "semibold", head, p.ink, width - d - m.px(16))
        teams = app.text.render(" · ".join(group.teams), "semibold", m.small, p.ink_muted,
                                width - d - m.px(16))
        text = app.text.render(group.outcome, "regular", body, p.ink, width - d - m.px(16))
        return d, label, teams, text

    def _groups_height(self, groups: list[Group], width: int, body: int, head: int) -> int:
        m = self.app.metrics
        total = 0
        for group in groups:
            _, label, teams, text = self._group_parts(group, width, body, head)
            total += label.height + m.px(4) + teams.height + m.px(10) + text.height
        return total + max(0, len(groups) - 1) * m.px(30)

    def _essay_size(self, width: int, height: int) -> tuple[int, int]:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        section, context, question = essay_texts(app, self.table.deck, self.essay)
        for size in [round(m.body * 1.25), round(m.body * 1.1)] + m.shrunk(m.body):
            q = round(size * 1.15)
            need = (app.text.render(section, "semibold", size, p.ink, width).height + m.px(20)
                    + app.text.render(context, "regular", size, p.ink, width).height
                    + m.px(36) + round(m.small * 1.5)
                    + app.text.render(question, "bold", q, p.ink, width).height)
            if need <= height:
                return size, q
        smallest = m.shrunk(m.body)[-1]
        return smallest, smallest

    # ------------------------------------------------------------------ steps
    def go_next(self) -> None:
        if self.step == "outcome" and self.essay is not None:
            self.set_step("reflect")
            return
        if self.workshop.phase != "outcome":
            return
        self.match.advance()
        self.app.go(routes.Current())

    def go_back(self) -> None:
        if self.step == "reflect":
            self.set_step("outcome")
        else:
            self.ask_undo()

    def set_step(self, step: str) -> None:
        if step != self.step:
            self.app.begin_transition()
            self.step = step
            self.layout_changed()
            self.app.invalidate()

    def on_key(self, key: int, mod: int) -> None:
        if key == pygame.K_e and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            if self.essay is not None:
                self.set_step("outcome" if self.step == "reflect" else "reflect")
        else:
            super().on_key(key, mod)

    # ------------------------------------------------------------------ the teams
    def team_rows(self) -> list[TeamRow]:
        app = self.app
        rows = self.base_rows()
        k = self.progress
        ids = [o.id for o in self.card.options] if self.card else []
        for row in rows:
            record = self.records.get(row.index)
            if record is None:
                continue
            before, after = record["meters_before"], record["meters_after"]
            row.values = between(before, after, k)
            row.changes = {mid: v - before.get(mid, v) for mid, v in after.items()
                           if v != before.get(mid, v)}
            number = ids.index(record["option"]) + 1 if record["option"] in ids else 0
            row.status = row.status_short = app.t("workshop.status.decided", n=number)
            row.muted = False
        return rows

    # ------------------------------------------------------------------ drawing
    def layer_state(self) -> Hashable | None:
        """The step (outcome or reflection)."""
        return (self.step,)

    @property
    def teams_moving(self) -> bool:
        return self.animating

    def draw_main(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        main, inner = self.frame.main, self.inner
        panel(surface, main, m, p, fill=p.surface_alt if self.step == "reflect" else None)
        if self.step == "reflect":
            stripe = Rect(main.x, main.y + m.radius, m.px(10), main.height - 2 * m.radius)
            pygame.draw.rect(surface, p.accent, stripe)
        caption_h = round(m.small * 1.5)
        key = "workshop.reflect_caption" if self.step == "reflect" else \
            "workshop.outcome.caption"
        title = app.local(self.card.title) if self.card else ""
        caption = ellipsize(app.t(key, title=title), app.fonts.get("semibold", m.small),
                            inner.width)
        self.text_in(surface, Rect(inner.x, inner.y, inner.width, caption_h), caption,
                     "semibold", m.small, p.ink_muted, valign="center")
        top = inner.y + caption_h + m.px(16)
        area = Rect(inner.x, top, inner.width, inner.bottom - top)
        clip = surface.get_clip()
        surface.set_clip(area)
        if self.step == "reflect":
            self._draw_essay(surface, area)
        else:
            self._draw_groups(surface, area)
        surface.set_clip(clip)

    def _draw_groups(self, s: pygame.Surface, area: Rect) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        body, head = self.sizes
        y = area.y
        groups = self.groups()
        for n, group in enumerate(groups):
            d, label, teams, text = self._group_parts(group, area.width, body, head)
            badge = Rect(area.x, y + (label.line_height - d) // 2, d, d)
            pygame.draw.ellipse(s, p.accent, badge)
            number = app.text.render(str(group.index + 1), "bold", max(m.small, head - 4),
                                     p.on_accent)
            s.blit(number.surface, number.surface.get_rect(center=badge.center))
            x = badge.right + m.px(16)
            s.blit(label.surface, (x, y))
            y += label.height + m.px(4)
            s.blit(teams.surface, (x, y))
            y += teams.height + m.px(10)
            s.blit(text.surface, (x, y))
            y += text.height + m.px(30)
            if n < len(groups) - 1:
                pygame.draw.line(s, p.surface_alt, (area.x, y - m.px(16)),
                                 (area.right, y - m.px(16)), m.px(3))

    def _draw_essay(self, s: pygame.Surface, area: Rect) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        size, question_size = self.sizes
        section, context, question = essay_texts(app, self.table.deck, self.essay)
        y = area.y
        block = app.text.render(section, "semibold", size, p.ink, area.width)
        s.blit(block.surface, (area.x, y))
        y += block.height + m.px(20)
        block = app.text.render(context, "regular", size, p.ink, area.width)
        s.blit(block.surface, (area.x, y))
        y += block.height + m.px(36)
        self.text_in(s, Rect(area.x, y, area.width, round(m.small * 1.5)),
                     app.t("outcome.discuss"), "semibold", m.small, p.ink_muted, valign="center")
        y += round(m.small * 1.5)
        block = app.text.render(question, "bold", question_size, p.ink, area.width)
        s.blit(block.surface, (area.x, y))
