"""The card on the table in a workshop: read and discuss it, then enter each team's votes.

Two steps per card. *Bespreken*: the card and its options, large, with the countdown running
in the band. *Stemmen*: the teams the card applies to, one after the other (the team's name
in a coloured banner), each with a count per option.

Entering votes, with the keyboard: ↑/↓ choose the option row; digits type its count (the
first digit after moving replaces it, the next appends); + and − add or take one; Backspace
removes a digit; O makes the row the team's decision over the count, and O again goes back
to the count. With the mouse or a finger: the − and + beside each option, the count to make
its row the active one, the option's text to choose it over the count. The majority decides;
a tie, or no votes at all, asks which option counts. Next records the decision with its split
and goes on to the next team, or to the consequences when every team has decided.

Fair votes: until every team has voted, a team that has voted shows only that it did, with its
meters as the card found them, and the discussion's countdown is out of sight. E opens the
card's place in the essay over the card in both steps.
"""

from __future__ import annotations

from typing import Hashable

import pygame
from pygame import Rect

from game.ui import routes
from game.ui.deck_texts import essay_texts
from game.ui.layout.words import CardWords
from game.ui.layout.workshop_card import STEPS, OptionRow, workshop_card
from game.ui.overlays.glossary_terms import card_text
from game.ui.look.textcache import TextBox, ellipsize
from game.ui.look.theme import hex_colour
from game.ui.look.widgets import DOWN, UP, Button, focus_ring, panel, sign_button
from game.ui.scene import Prompt, key_event
from game.ui.workshop.screen import WorkshopScreen
from game.ui.workshop.teams import TeamRow

DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(10)}
DIGITS.update({getattr(pygame, f"K_KP{n}"): n for n in range(10)})
PLUS_KEYS = (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS)
MINUS_KEYS = (pygame.K_MINUS, pygame.K_KP_MINUS)


class WorkshopCardScene(WorkshopScreen):
    def __init__(self, app, table, step: str | None = None):
        super().__init__(app, table)
        workshop = self.workshop
        self.card = workshop.current_card
        self.character = table.deck.character(self.card.character)
        decided = [t for t in workshop.applies if t not in workshop.waiting]
        self.step = step if step in STEPS else ("vote" if decided else "discuss")
        self.layout_changed()

    @property
    def shot_name(self) -> str:
        if self.step == "vote":
            return f"ws-card-r{self.workshop.round:02d}-vote-t{self.team + 1}"
        return f"ws-card-r{self.workshop.round:02d}-discuss"

    def prompt(self) -> Prompt:
        step = (self.workshop.round, self.step, tuple(self.workshop.waiting))
        if self.step == "vote":
            return Prompt("votes", count=len(self.options), team=self.team, step=step)
        return Prompt("next", step=step)

    def answer(self, value=None) -> list[pygame.event.Event]:
        """While voting: each option's count as digits, ↓ between them, then Next; before:
        Next."""
        keys = []
        if self.step == "vote":
            table, key = self.table, (self.workshop.round, self.team)
            if table.phones_open and table.phones.ballot.tallies():
                keys.append(key_event(pygame.K_PAGEDOWN))  # close: the phones' counts come in
                if self.team in table.phones.ballot.tallies():
                    return keys + [key_event(pygame.K_PAGEDOWN)]
            elif key in table.from_phones:
                return [key_event(pygame.K_PAGEDOWN)]
            for i, count in enumerate(value):
                if i:
                    keys.append(key_event(pygame.K_DOWN))
                keys += [key_event(pygame.K_0 + int(d), d) for d in str(count)]
        return keys + [key_event(pygame.K_PAGEDOWN)]

    @property
    def options(self):
        return self.card.options

    @property
    def team(self) -> int:
        """The team whose votes are being entered (the first still to decide)."""
        waiting = self.workshop.waiting
        return waiting[0] if waiting else -1

    @property
    def sheet(self):
        return self.table.sheet(self.team)

    @property
    def shows_timer(self) -> bool:
        """The countdown is the discussion's: it stands, out of sight, while votes are entered
        (a "Tijd!" left over from the discussion would hurry the vote)."""
        return bool(self.table.minutes) and self.step == "discuss"

    # ------------------------------------------------------------------ texts
    def step_title(self) -> str:
        return self.app.t("workshop.step.vote" if self.step == "vote" else "workshop.step.discuss")

    @property
    def shows_phones(self) -> bool:
        return self.table.phones is not None

    def step_detail(self) -> str:
        app, workshop = self.app, self.workshop
        if self.step == "vote":
            applies = workshop.applies
            return app.t("workshop.vote.position", team=self.table.team_name(self.team),
                         n=applies.index(self.team) + 1, total=len(applies))
        playing = [i for i, t in enumerate(workshop.teams) if not t.is_over]
        if len(workshop.teams) > 1 and set(workshop.applies) == set(playing):
            return app.t("workshop.for_all")
        if len(workshop.teams) == 1:
            return self.table.team_name(0)
        names = ", ".join(self.table.team_name(i) for i in workshop.applies)
        return app.t("workshop.for_teams", teams=names)

    def next_label(self) -> str:
        return self.app.t("workshop.tool.to_vote" if self.step == "discuss"
                          else "workshop.tool.decide")

    def screen_text(self) -> str:
        return card_text(self.app.local, self.card, self.options, self.character)

    def preview_text(self, index: int) -> tuple[str, list[tuple[str, int]]]:
        """The lead ("Raakt:") and (meter name, direction) of what option ``index`` touches."""
        mode = self.table.preview
        if mode == "none":
            return "", []
        option = self.options[index]
        marks = [(self.app.local(m.label).split(" (")[0], option.effects.get(m.id, 0))
                 for m in self.table.deck.meters if option.effects.get(m.id, 0)]
        if not marks:
            return self.app.t("workshop.preview.nothing"), []
        return self.app.t("workshop.preview.lead"), marks

    # ------------------------------------------------------------------ layout
    def plan(self) -> None:
        """Fit the card and its options in the main area (see
        :func:`~game.ui.layout.workshop_card.workshop_card`)."""
        self.layout = workshop_card(self.typeset, CardWords.of(self.card, self.app.local),
                                    self.frame.main, self.step, self.table.preview != "none",
                                    self.app.t("workshop.vote.hint"))

    @property
    def card_rect(self) -> Rect:
        return self.layout.card

    @property
    def options_rect(self) -> Rect:
        return self.layout.options

    @property
    def rows(self) -> list[OptionRow]:
        return self.layout.rows

    def text_boxes(self) -> dict[str, TextBox]:
        """The card's own texts and the boxes they are drawn in, by part: "title", "text"
        (when the card's text shows) and "option-N" (as it looks when the team decides for it).

        The screen draws through these; ``validate`` measures the same layout's
        (:mod:`game.ui.layout.fit`).
        """
        return self.layout.boxes()

    def tools(self) -> list[str]:
        """The shared tools, and the essay (E) before the menu when the card has one."""
        tools = super().tools()
        if self.card.essay is not None:
            tools.insert(tools.index("menu"), "essay")
        return tools

    def extra_buttons(self) -> list[Button]:
        if self.step != "vote":
            return []
        buttons = []
        for i, row in enumerate(self.rows):
            buttons.append(Button(f"minus-{i}", row.minus, "−"))
            buttons.append(Button(f"plus-{i}", row.plus, "+"))
        return buttons

    # ------------------------------------------------------------------ steps
    def set_step(self, step: str) -> None:
        if step != self.step:
            self.step = step
            self.table.keep_countdown()
            self.layout_changed()
            self.app.invalidate()

    def go_next(self) -> None:
        if self.step == "discuss":
            self.set_step("vote")
        else:
            self.decide()

    def go_back(self) -> None:
        decided_here = [t for t in self.workshop.applies if t not in self.workshop.waiting]
        if self.step == "vote" and not decided_here:
            self.set_step("discuss")
        else:
            self.ask_undo()

    def decide(self) -> None:
        """Record the team's decision; a tie (or no votes) first asks which option counts.
        While phones can still vote, the first press closes their vote and fills in each
        team's counts, to be looked at before they are recorded."""
        if self.table.phones_open:
            counted = self.table.close_phones()
            if counted:
                self.say(self.app.t("workshop.phones.counted", n=sum(counted.values())))
                self.layout_changed()
                self.app.invalidate()
                return
        sheet = self.sheet
        if sheet.decision is None:
            app = self.app
            name = self.table.team_name(self.team)
            choices = [(i, app.local(self.options[i].label)) for i in sheet.leaders]
            if sheet.reason == "none":
                heading = app.t("workshop.tie.none", team=name)
            else:
                heading = app.t("workshop.tie.heading", team=name)
            self.ask("tie", routes.Choose(heading, app.t("workshop.tie.hint"), tuple(choices),
                                          app.t("workshop.tie.cancel")))
            return
        self._record()

    def on_choice(self, result) -> None:
        if isinstance(result, int):
            self.sheet.override = result
            self._record()

    def _record(self) -> None:
        app, team, sheet = self.app, self.team, self.sheet
        self.table.decide(team, sheet)
        app.cue("confirm")
        # which option it was stays unsaid until every team has voted (the outcome says it)
        self.say(app.t("workshop.vote.recorded", team=self.table.team_name(team)))
        if self.workshop.phase != "card":
            app.go(routes.Current())
        else:
            self.layout_changed()
            self.focus = None
        app.invalidate()

    def open_essay(self) -> None:
        """The card's place in the essay over the card (E), while discussing or voting."""
        app = self.app
        if self.card.essay is None:
            self.say(app.t("workshop.essay_none"))
            return
        section, context, question = essay_texts(app, self.table.deck, self.card.essay)
        self.ask("essay", routes.Essay(app.t("workshop.reflect_caption",
                                             title=app.local(self.card.title)),
                                       section, context, question))

    # ------------------------------------------------------------------ input
    def on_key(self, key: int, mod: int) -> None:
        plain = not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META)
        if key == pygame.K_e and plain:
            self.open_essay()
            return
        voting_key = (key in DIGITS or key in PLUS_KEYS or key in MINUS_KEYS
                      or key in (pygame.K_UP, pygame.K_DOWN, pygame.K_BACKSPACE)
                      or (key == pygame.K_o and plain))
        if not voting_key:
            super().on_key(key, mod)
            return
        if self.step != "vote":
            self.set_step("vote")
            if key in (pygame.K_UP, pygame.K_DOWN):
                return
        sheet = self.sheet
        if key in DIGITS:
            sheet.type_digit(DIGITS[key])
        elif key in PLUS_KEYS:
            sheet.add(1)
        elif key in MINUS_KEYS:
            sheet.add(-1)
        elif key == pygame.K_BACKSPACE:
            sheet.erase()
        elif key == pygame.K_UP:
            sheet.move(-1)
        elif key == pygame.K_DOWN:
            sheet.move(1)
        elif key == pygame.K_o:
            sheet.toggle_override(sheet.active)
        self.app.invalidate()

    def activate(self, button_id: str) -> None:
        if button_id == "essay":
            self.open_essay()
        elif button_id.startswith(("minus-", "plus-")):
            kind, _, index = button_id.partition("-")
            self.sheet.add(1 if kind == "plus" else -1, int(index))
            self.sheet.set_active(int(index))
            self.app.invalidate()
        else:
            super().activate(button_id)

    def on_click(self, pos: tuple[int, int]) -> None:
        if self.step == "vote":
            for i, row in enumerate(self.rows):
                if row.count is not None and row.count.collidepoint(pos):
                    self.sheet.set_active(i)
                    self.app.invalidate()
                    return
                if row.rect.collidepoint(pos) and pos[0] < row.minus.left - self.app.metrics.px(8):
                    self.sheet.toggle_override(i)
                    self.sheet.set_active(i)
                    self.app.invalidate()
                    return
        elif any(row.rect.collidepoint(pos) for row in self.rows):
            self.set_step("vote")
            return
        super().on_click(pos)

    # ------------------------------------------------------------------ the teams
    def team_rows(self) -> list[TeamRow]:
        """Every team as the card found it: a team that has voted shows its meters from
        before its decision and only that it voted, so no team's result steers the teams
        still to vote; the outcome shows them all at once."""
        app, workshop = self.app, self.workshop
        rows = self.base_rows()
        waiting = workshop.waiting
        for row in rows:
            if row.index in workshop.applies and row.index not in waiting:
                row.values = self._meters_before(row.index)
                row.status = row.status_short = app.t("workshop.status.voted")
                row.muted = False
            elif self.step == "vote" and row.index == self.team:
                row.current = True
                row.status = row.status_short = app.t("workshop.status.voting")
            elif row.index in waiting and self.step == "vote":
                row.status = row.status_short = app.t("workshop.status.waiting")
        return rows

    def _meters_before(self, team: int) -> dict[str, float]:
        """``team``'s meters before it decided the card on the table."""
        session = self.workshop.teams[team]
        last = session.last_decision
        if last is not None and last["round"] == self.workshop.round \
                and last["card"] == self.card.id:
            return dict(last["meters_before"])
        return dict(session.meters)

    # ------------------------------------------------------------------ drawing
    def layer_state(self) -> Hashable:
        """The step and, voting, the team and its sheet: all the card and its options show."""
        if self.step != "vote":
            return (self.step,)
        return (self.step, self.team, self.sheet.shown())

    def draw_main(self, surface: pygame.Surface) -> None:
        self._draw_card(surface)
        self._draw_options(surface)

    def _draw_card(self, s: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        rect = self.card_rect
        panel(s, rect, m, p)
        colour = self._character_colour()
        pygame.draw.rect(s, colour, Rect(rect.x, rect.y, rect.width, m.px(10)),
                         border_top_left_radius=m.radius, border_top_right_radius=m.radius)
        pad, size = self.layout.pads
        inner = rect.inflate(-2 * pad, -2 * pad)
        inner.y += m.px(10)
        portrait = app.portraits.get(self.character, size, self.table.deck.folder, app.lang)
        s.blit(portrait, inner.topleft)
        x = inner.x + size + m.px(24)
        width = inner.right - x
        who = app.local(self.character.name) if self.character else app.t("card.no_character")
        if self.character is not None and app.local(self.character.role):
            who = f"{who} · {app.local(self.character.role)}"
        who = ellipsize(who, app.fonts.get("semibold", m.small), width)
        line_h = round(m.small * 1.4)
        self.text_in(s, Rect(x, inner.y, width, line_h), who, "semibold", m.small, p.ink_muted)
        self.draw_box(s, self.layout.title_box(), p.ink)
        text = self.layout.text_box()
        if text is None:
            return
        box, text_size = text.rect, self.layout.text_size
        block = app.text.render(text.text, "regular", text_size, p.ink, box.width)
        room = box.height // block.line_height
        if room >= len(block.lines):
            s.blit(block.surface, box.topleft)
        elif room > 0:  # cut at a whole line, and said so
            font = app.fonts.get("regular", text_size)
            lines = list(block.lines[:room])
            lines[-1] = ellipsize(lines[-1] + " …", font, box.width) if \
                font.size(lines[-1] + " …")[0] > box.width else lines[-1] + " …"
            cut = app.text.render("\n".join(lines), "regular", text_size, p.ink,
                                  box.width)
            s.blit(cut.surface, box.topleft)

    def _character_colour(self):
        if self.character is not None and self.character.colour:
            return hex_colour(self.character.colour)
        return self.app.theme.palette.accent

    def _draw_options(self, s: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        rect = self.options_rect
        panel(s, rect, m, p)
        inner = rect.inflate(-2 * m.px(30), -2 * m.px(24))
        head = Rect(inner.x, inner.y, inner.width, self.layout.head_height)
        if self.step == "vote":
            self._draw_team_banner(s, head)
        for i, row in enumerate(self.rows):
            self._draw_row(s, i, row)
        if self.step == "vote" and self.layout.hint:
            height = self.layout.hint_height - m.px(8)
            hint = Rect(inner.x, inner.bottom - height, inner.width, height)
            self.text_in(s, hint, app.t("workshop.vote.hint"), "regular", m.small, p.ink_muted,
                         valign="center", shrink=False)

    def _draw_team_banner(self, s: pygame.Surface, head: Rect) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        banner = head.inflate(m.px(30), m.px(8))
        pygame.draw.rect(s, p.accent_soft, banner, border_radius=m.radius // 2)
        stripe = Rect(banner.x, banner.y, m.px(14), banner.height)
        pygame.draw.rect(s, p.team(self.team), stripe, border_top_left_radius=m.radius // 2,
                         border_bottom_left_radius=m.radius // 2)
        status = self._decision_text()
        status_block = app.text.render(status, "semibold", m.label, p.ink)
        name_room = head.width - status_block.width - m.px(60)
        title = ellipsize(app.t("workshop.vote.heading", team=self.table.team_name(self.team)),
                          app.fonts.get("bold", m.heading), name_room)
        block = app.text.render(title, "bold", m.heading, p.ink)
        s.blit(block.surface, (head.x + m.px(8), head.centery - block.line_height // 2))
        s.blit(status_block.surface, (head.right - status_block.width,
                                      head.centery - status_block.line_height // 2))

    def _decision_text(self) -> str:
        app, sheet = self.app, self.sheet
        reason = sheet.reason
        if reason == "majority":
            return app.t("workshop.vote.majority", n=sheet.decision + 1)
        if reason == "override":
            return app.t("workshop.vote.override", n=sheet.decision + 1)
        if reason == "tie":
            tied = " = ".join(str(i + 1) for i in sheet.leaders)
            return app.t("workshop.vote.tie", options=tied)
        return app.t("workshop.vote.none")

    def _draw_row(self, s: pygame.Surface, index: int, row: OptionRow) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        voting = self.step == "vote"
        sheet = self.sheet if voting else None
        chosen = voting and sheet.decision == index
        active = voting and sheet.active == index
        fill = p.accent_soft if chosen else p.surface
        pygame.draw.rect(s, fill, row.rect, border_radius=m.radius)
        pygame.draw.rect(s, p.accent if chosen else p.border, row.rect,
                         width=m.line * 2 if chosen else m.line, border_radius=m.radius)
        if active:
            ring = row.rect.inflate(m.focus * 2, m.focus * 2)
            pygame.draw.rect(s, p.focus, ring, width=m.focus, border_radius=m.radius + m.focus)
        pygame.draw.ellipse(s, p.accent, row.badge)
        number = app.text.render(str(index + 1), "bold", m.text(m.base.option * 0.95),
                                 p.on_accent)
        s.blit(number.surface, number.surface.get_rect(center=row.badge.center))
        box = self.layout.label_box(index, marked=chosen)
        label = app.text.fit(box.text, box.weight, list(box.sizes), p.ink, box.rect.width,
                             box.rect.height)
        text_h = label.height + (row.preview.height if row.preview else 0)
        top = row.rect.centery - text_h // 2
        s.blit(label.surface, (row.label.x, top), Rect(0, 0, row.label.width, row.label.height))
        if row.preview is not None:
            line = Rect(row.preview.x, top + label.height, row.preview.width, row.preview.height)
            if chosen:
                mark = app.text.render("✓ " + app.t("workshop.vote.chosen"), "bold", m.small,
                                       p.accent)
                s.blit(mark.surface, (line.x, line.y))
                line = Rect(line.x + mark.width + m.px(18), line.y,
                            line.width - mark.width - m.px(18), line.height)
            self._draw_preview(s, index, line)
        if voting:
            self._draw_count(s, index, row, active, chosen)

    def draw_buttons(self, surface: pygame.Surface, selected: set[str] | None = None) -> None:
        """The − and + of the counts as large glyphs drawn as lines; the rest as buttons."""
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        focused = self.focused_button()
        for button in self.buttons:
            if not button.id.startswith(("minus-", "plus-")):
                app.painter.draw(surface, button, m, selected=False,
                                 hover=button.id == self.hover and button.enabled,
                                 focused=self.keyboard and button is focused)
                continue
            sign_button(surface, button.rect, button.id.startswith("plus-"), m, p,
                        hover=button.id == self.hover)
            if self.keyboard and button is focused:
                focus_ring(surface, button.rect, m, p)

    def _draw_preview(self, s: pygame.Surface, index: int, area: Rect) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        lead, marks = self.preview_text(index)
        x = area.x
        block = app.text.render(lead, "semibold", m.small, p.ink_muted)
        if x + block.width > area.right:
            return
        s.blit(block.surface, (x, area.y))
        x += block.width + m.px(10)
        direction = self.table.preview == "direction"
        for name, delta in marks:
            if direction:
                text, ink = f"{UP if delta > 0 else DOWN} {name}", \
                    p.positive if delta > 0 else p.negative
            else:
                text, ink = name, p.ink
            block = app.text.render(text, "semibold", m.small, ink)
            if x + block.width > area.right:
                break
            s.blit(block.surface, (x, area.y))
            x += block.width + m.px(18)

    def _draw_count(self, s: pygame.Surface, index: int, row: OptionRow, active: bool,
                    chosen: bool) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        box = row.count
        pygame.draw.rect(s, p.surface, box, border_radius=m.radius // 2)
        pygame.draw.rect(s, p.focus if active else p.border, box,
                         width=m.focus if active else m.line, border_radius=m.radius // 2)
        count = app.text.render(str(self.sheet.counts[index]), "bold", m.title, p.ink)
        s.blit(count.surface, count.surface.get_rect(center=box.center))
