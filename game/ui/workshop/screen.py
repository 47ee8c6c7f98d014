"""What every workshop playing screen has in common: the band, the teams' meters, the buttons
at the foot, and the facilitator's keys.

Keys (a presenter clicker sends the first two):

- PageDown, Right, Space (and Enter): next step.
- PageUp, Left: back one step on the card; before the first step, or once a team has decided,
  take back the last decision after a question (Enter = yes, Esc = no).
- B or . : black screen (any key brings the game back). P: pause the countdown.
- N: a note on the card. G: the glossary. E (on the card): the essay. Esc: the menu.
  F11 (the table's): fullscreen.

The countdown runs only while its screen is on top: a dialog or the menu over it holds it.

Each screen says what next and back mean for it (:meth:`go_next`, :meth:`go_back`) and draws
its main area; this class draws the rest.
"""

from __future__ import annotations

from typing import Any, Hashable

import pygame
from pygame import Rect

from game.ui import routes
from game.ui.overlays.glossary_terms import has_glossary
from game.ui.scene import Scene
from game.ui.look.textcache import ellipsize
from game.ui.overlays.toast import LONG, SHORT
from game.ui.look.widgets import Button, warning_line
from game.ui.layout import workshop as layout
from game.ui.debrief import exporting
from game.ui.workshop.table import WorkshopTable, restart
from game.ui.workshop.teams import TeamRow, draw_teams

NEXT_KEYS = (pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE)
ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)
BACK_KEYS = (pygame.K_PAGEUP, pygame.K_LEFT)
BLACK_KEYS = (pygame.K_b, pygame.K_PERIOD, pygame.K_KP_PERIOD)
#: The menu of a workshop, in order (its number keys follow it).
#: Layers kept per screen: enough to go back and forth between a few vote counts.
LAYERS_KEPT = 8
#: How often a screen looks for votes from phones, in seconds.
PHONES_LOOK_S = 0.25

MENU = ("resume", "undo", "debrief", "export", "restart", "quit", "motion")
_MODIFIERS = pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META


class WorkshopScreen(Scene):
    def __init__(self, app, table: WorkshopTable):
        super().__init__(app)
        self.table = table
        self.match = table.match
        self.workshop = table.workshop
        #: The overlay pushed on top, whose answer :meth:`on_result` is waiting for.
        self._asking: str | None = None
        #: The character of the key being handled (N opens the note, and types no "n").
        self._key_text = ""
        #: The screen without its countdown, buttons and warning, by what it shows.
        self._layers: dict[Hashable, pygame.Surface] = {}
        #: Where the band says how many phones voted (set when the band is drawn).
        self._phones_area: Rect | None = None

    # ------------------------------------------------------------------ for subclasses
    def step_title(self) -> str:
        """The step on the card, for the band ("Bespreken")."""
        raise NotImplementedError

    def step_detail(self) -> str:
        """A second line on the band: who the step is for."""
        return ""

    def next_label(self) -> str:
        raise NotImplementedError

    def go_next(self) -> None:
        raise NotImplementedError

    def go_back(self) -> None:
        self.ask_undo()

    def team_rows(self) -> list[TeamRow]:
        raise NotImplementedError

    def draw_main(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    def plan(self) -> None:
        """Lay out the main area (after the frame is known)."""

    def extra_buttons(self) -> list[Button]:
        return []

    def screen_text(self) -> str:
        """Everything the screen says, for the glossary's "on this card"."""
        return ""

    @property
    def shows_timer(self) -> bool:
        return False

    @property
    def animating(self) -> bool:
        """While the countdown's end flashes, every frame is drawn."""
        timer = self.table.timer if self.shows_timer else None
        return bool(timer is not None and timer.flashing)

    def update(self, dt: float) -> None:
        """Let the countdown run while this screen is on top (a dialog or the menu over it
        holds it): a new second redraws the countdown's own area, its end the whole frame."""
        if self.table.phones_changed():
            self.phones_changed()
        timer = self.table.timer if self.shows_timer else None
        if timer is None:
            return
        before = (timer.expired, timer.flashing, timer.paused)
        if self.table.tick(dt):
            area = self.frame.timer
            if area is None or (timer.expired, timer.flashing, timer.paused) != before:
                self.app.invalidate()
            else:
                self.app.invalidate_area(area)

    def next_change(self) -> float | None:
        change = self.table.next_change() if self.shows_timer else None
        if self.table.phones is not None:  # votes from phones come in on their own
            change = PHONES_LOOK_S if change is None else min(change, PHONES_LOOK_S)
        return change

    @property
    def shows_phones(self) -> bool:
        """Whether this screen says in its band how many phones voted."""
        return False

    def phones_changed(self) -> None:
        """Votes came in from phones (or the phones' vote opened or closed): the band's line
        about them is drawn again, that area alone."""
        if self.shows_phones and self._phones_area is not None:
            self.app.invalidate_area(self._phones_area)
        elif self.shows_phones:
            self.app.invalidate()

    def phones_line(self) -> str:
        """How many phones voted, per team the card applies to (never on what)."""
        table, app = self.table, self.app
        if table.phones is None:
            return ""
        voters = table.phones_voters()
        teams = ", ".join(f"{table.team_name(t)} {voters.get(t, 0)}"
                          for t in self.workshop.applies)
        key = "workshop.phones.open" if table.phones_open else "workshop.phones.closed"
        return app.t(key, n=sum(voters.values()), teams=teams)

    def draw_phones(self, surface: pygame.Surface) -> None:
        """The phones' line at the right of the band's second line (over the kept layer, so a
        vote coming in redraws that area alone)."""
        area = self._phones_area
        if not self.shows_phones or area is None:
            return
        _, _, muted = self.band_colours()
        self.text_in(surface, area, self.phones_line(), "semibold", self.app.metrics.label,
                     muted, align="right")

    # ------------------------------------------------------------------ layout
    def tools(self) -> list[str]:
        tools = ["back", "black"]
        if self.shows_timer:
            tools.append("pause")
        if self.table.phones is not None:
            tools.append("phones")
        return tools + ["note", "menu"]

    @property
    def note(self) -> str:
        card = self.workshop.current_card
        return self.workshop.notes.get(card.id, "") if card is not None else ""

    def layout_changed(self) -> None:
        self._layers = {}
        focused = self.focused_button()
        self.frame = layout.table(self.app.metrics, self.tools(),
                                  self.timer_width() if self.shows_timer else 0,
                                  note=bool(self.note))
        self.plan()
        self.make_buttons()
        if focused is not None:
            self.focus_on(focused.id)

    def make_buttons(self) -> None:
        app, F = self.app, self.frame
        timer = self.table.timer if self.shows_timer else None
        labels = {
            "back": ("◀", app.t("workshop.tool.back")),
            "black": ("B", app.t("workshop.tool.black")),
            "pause": ("P", app.t("workshop.tool.resume" if timer and timer.paused
                                 else "workshop.tool.pause")),
            "note": ("N", app.t("workshop.tool.note")),
            "essay": ("E", app.t("workshop.tool.essay")),
            "phones": ("Q", app.t("workshop.tool.phones")),
            "menu": ("", app.t("workshop.tool.menu")),
        }
        buttons = self.extra_buttons()
        for tool in self.tools():
            badge, label = labels[tool]
            buttons.append(Button(tool, F.tools[tool], label, number=badge,
                                  enabled=tool != "pause" or not (timer and timer.expired)))
        buttons.append(Button("next", F.tools["next"], self.next_label(), number="▶",
                              style="primary"))
        self.buttons = buttons

    # ------------------------------------------------------------------ input
    def on_key(self, key: int, mod: int) -> None:
        plain = not mod & _MODIFIERS
        if key in NEXT_KEYS:
            self.keyboard = False
            self.go_next()
        elif key in ENTER_KEYS:
            focused = self.focused_button() if self.keyboard else None
            if focused is not None and focused.enabled and focused.id != "next":
                self.activate(focused.id)
            else:
                self.go_next()
        elif key in BACK_KEYS:
            self.keyboard = False
            self.go_back()
        elif key in BLACK_KEYS and plain:
            self.blackout()
        elif key == pygame.K_p and plain:
            self.toggle_pause()
        elif key == pygame.K_n and plain:
            self.open_note(self._key_text or "n")
        elif key == pygame.K_g and plain:
            self.open_glossary()
        elif key == pygame.K_q and plain and self.table.phones is not None:
            self.show_phones()
        elif key == pygame.K_ESCAPE:
            self.open_menu()
        elif key == pygame.K_TAB:
            self.move_focus(-1 if mod & pygame.KMOD_SHIFT else 1)

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self._key_text = getattr(event, "unicode", "") or ""
        super().handle_event(event)

    def activate(self, button_id: str) -> None:
        if button_id == "next":
            self.go_next()
        elif button_id == "back":
            self.go_back()
        elif button_id == "black":
            self.blackout()
        elif button_id == "pause":
            self.toggle_pause()
        elif button_id == "note":
            self.open_note()
        elif button_id == "menu":
            self.open_menu()
        elif button_id == "phones":
            self.show_phones()

    # ------------------------------------------------------------------ what the keys do
    def say(self, text: str, seconds: float = SHORT) -> None:
        """A short message on the status line at the foot of the window; it ends with this
        screen."""
        self.app.say(text, seconds)

    def ask(self, what: str, route) -> None:
        """Open ``route`` over this screen; its answer comes back to :meth:`on_result`."""
        self._asking = what
        self.app.go(route)

    def blackout(self) -> None:
        self.ask("black", routes.Black())

    def toggle_pause(self) -> None:
        timer = self.table.timer if self.shows_timer else None
        if timer is not None:
            timer.toggle_pause()
            self.table.keep_countdown()
            self.make_buttons()
            self.app.invalidate()

    def open_note(self, swallow: str = "") -> None:
        if self.workshop.current_card is None:
            return
        self.ask("note", routes.Note(self.app.t("workshop.note.heading"), self.note, swallow))

    def save_note(self, text: str) -> None:
        self.match.note(text)
        self.say(self.app.t("workshop.note.saved" if text.strip() else "workshop.note.removed"))
        self.layout_changed()

    def open_glossary(self) -> None:
        if has_glossary(self.table.deck):
            self.ask("glossary", routes.Glossary(self.table.deck, self.screen_text(),
                                                 "glossary.back_card"))

    def show_phones(self) -> None:
        """The QR code and the join address, large (Q)."""
        self.ask("phones", routes.PhoneJoin())

    def open_menu(self) -> None:
        self.ask("menu", routes.Menu(self.match, actions=MENU))

    def ask_undo(self) -> None:
        """Take back the last decision, once the facilitator says yes."""
        app = self.app
        last = self.workshop.votes[-1] if self.workshop.can_undo and self.workshop.votes \
            else None
        if last is None:
            self.say(app.t("workshop.undo.nothing"))
            return
        card = self.table.deck.card(last["card"])
        option = card.option(last["option"]) if card else None
        number = card.options.index(option) + 1 if option else 0
        team = self.table.team_name(last["team"])
        current = self.workshop.current_card
        if self.workshop.phase == "card" and current is not None \
                and (last["round"], last["card"]) == (self.workshop.round, current.id):
            # other teams are still to vote on this card: the option stays unsaid
            detail = app.t("workshop.undo.detail_unsaid", team=team)
        else:
            detail = app.t("workshop.undo.detail", team=team, n=number,
                           option=app.local(option.label) if option else last["option"])
        self.ask("undo", routes.Confirm(app.t("workshop.undo.question"), detail,
                                        app.t("workshop.undo.accept"),
                                        app.t("workshop.undo.decline"),
                                        hint=app.t("workshop.undo.hint")))

    def undo(self) -> None:
        votes = self.workshop.votes
        team = votes[-1]["team"] if votes else None
        if self.table.undo():
            app = self.app
            app.go(routes.Current(step="vote"))
            app.say(app.t("workshop.undo.done", team=self.table.team_name(team))
                    if team is not None else app.t("undo.done_plain"))

    def on_result(self, result: Any) -> None:
        asking, self._asking = self._asking, None
        app = self.app
        if asking == "menu":
            self.menu_action(result)
        elif asking == "undo" and result:
            self.undo()
        elif asking == "restart" and result:
            restart(app)
        elif asking == "note" and result is not None:
            self.save_note(result)
        elif asking == "tie":
            self.on_choice(result)
        app.invalidate()

    def on_choice(self, result: Any) -> None:
        """The answer to a question only a subclass asks."""

    def menu_action(self, action: Any) -> None:
        app = self.app
        if action == "undo":
            self.undo()
        elif action == "debrief":
            self.ask("debrief", routes.Debrief(self.match))
        elif action == "export":
            done = exporting.export(app, self.match)
            self.table.reports, self.table.reports_message = done.folder, done.message
            self.say(done.message, LONG)
        elif action == "restart":
            self.ask("restart", routes.Confirm(app.t("workshop.restart.question"),
                                               app.t("workshop.restart.detail"),
                                               app.t("workshop.restart.accept"),
                                               app.t("workshop.undo.decline"),
                                               hint=app.t("workshop.undo.hint")))
        elif action == "quit":
            app.quit()

    # ------------------------------------------------------------------ drawing
    def layer_state(self) -> Hashable | None:
        """What the main area shows beyond the card and step this scene is for, such as the
        votes entered; None while it changes every frame (then nothing is kept)."""
        return None

    @property
    def teams_moving(self) -> bool:
        """Whether the teams' meters move from frame to frame (an outcome easing them from
        before to after): the rest of the screen then comes from a layer without them."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """The screen: the page, the band, the main area, the teams and the note come from a
        layer kept for as long as what they show stays the same (see :meth:`_layer_key`); on
        it go the countdown, the buttons and the warning, which change on their own."""
        timer = self.table.timer if self.shows_timer else None
        pause = self.button("pause")
        if timer is not None and pause is not None and pause.enabled == timer.expired:
            self.make_buttons()  # the time ran out: nothing left to pause
        F = self.frame
        rows = self.team_rows()
        moving = self.teams_moving
        key = self._layer_key(surface, [] if moving else rows)
        if key is None:
            self._draw_static(surface, rows)
        else:
            surface.blit(self._kept_layer(key, surface.get_size(), None if moving else rows),
                         (0, 0))
            if moving:
                draw_teams(surface, F.side, rows, self.table.deck.meters, self.app)
        if self.shows_timer and F.timer is not None and self.table.timer is not None:
            self.draw_timer(surface, F.timer)
        self.draw_phones(surface)
        self.draw_buttons(surface, self.selected_buttons())
        self.draw_warning(surface)

    def _kept_layer(self, key: Hashable, size: tuple[int, int],
                    rows: list[TeamRow] | None) -> pygame.Surface:
        """The layer for ``key``, drawn (with the teams' ``rows``, unless None) when new."""
        layer = self._layers.get(key)
        if layer is None:
            if len(self._layers) >= LAYERS_KEPT:
                self._layers.clear()
            layer = self._layers[key] = self.app.new_layer(size)
            self._draw_static(layer, rows)
        return layer

    def _layer_key(self, surface: pygame.Surface, rows: list[TeamRow]) -> Hashable | None:
        """Everything the kept layer shows that may change while the scene is up (None: draw
        it afresh): the window's size, the band's colours, the note, the teams, and the
        scene's own :meth:`layer_state`."""
        state = self.layer_state()
        if state is None:
            return None
        teams = tuple((row.index, row.name, tuple(sorted(row.values.items())),
                       tuple(sorted(row.changes.items())), row.status, row.status_short,
                       row.current, row.muted) for row in rows)
        return (surface.get_size(), self.band_colours(), self.note, teams, state)

    def _draw_static(self, surface: pygame.Surface, rows: list[TeamRow] | None) -> None:
        """All but the countdown, the buttons and the warning (and the teams when ``rows`` is
        None)."""
        app, p, F = self.app, self.app.theme.palette, self.frame
        surface.fill(p.page)
        self.draw_band(surface, countdown=False)
        self.draw_main(surface)
        if rows is not None:
            draw_teams(surface, F.side, rows, self.table.deck.meters, app)
        if F.note is not None:
            self.draw_note(surface, F.note)

    def selected_buttons(self) -> set[str]:
        return set()

    def draw_warning(self, surface: pygame.Surface) -> None:
        app = self.app
        notice = app.warning or (" ".join(app.notices) if app.notices else None)
        if notice:
            warning_line(surface, self.frame.frame.warning, notice, app.text, app.metrics,
                         app.theme.palette)

    def band_colours(self):
        """Fill, text and secondary text of the band: it flashes when the time runs out."""
        p = self.app.theme.palette
        timer = self.table.timer if self.shows_timer else None
        if timer is not None and timer.flashing:
            if timer.flash_on:
                return p.alarm_flash, p.on_alarm_flash, p.on_alarm_flash
            return p.alarm, p.on_alarm, p.on_alarm
        return p.band, p.band_ink, p.band_muted

    def draw_band(self, surface: pygame.Surface, countdown: bool = True) -> None:
        """The band: the round and the step, and (``countdown``) the countdown in it."""
        app, m, F = self.app, self.app.metrics, self.frame
        fill, ink, muted = self.band_colours()
        pygame.draw.rect(surface, fill, F.frame.band)
        head = F.heading
        first = app.t("workshop.round", round=self.workshop.round, term=self.workshop.term)
        line1 = f"{first} · {self.step_title()}"
        top_h = round(m.heading * 1.3)
        detail = self.step_detail()
        total = top_h + (round(m.label * 1.35) if detail else 0)
        y = head.y + (head.height - total) // 2
        self.text_in(surface, Rect(head.x, y, head.width, top_h), line1, "bold", m.heading, ink)
        line2 = Rect(head.x, y + top_h, head.width, round(m.label * 1.35))
        used = 0
        if detail:
            self.text_in(surface, line2, detail, "semibold", m.label, muted)
            used = min(line2.width, app.text.measure(detail, "semibold", m.label)[0]) + m.px(40)
        self._phones_area = Rect(line2.x + used, line2.y, max(0, line2.width - used),
                                 line2.height) if self.shows_phones else None
        if countdown and self.shows_timer and F.timer is not None and \
                self.table.timer is not None:
            self.draw_timer(surface, F.timer)

    # ------------------------------------------------------------------ the countdown
    def _timer_parts(self):
        """The countdown's digit size and the captions it may show, two lines each."""
        app, m = self.app, self.app.metrics
        height = layout.timer_box_height(m)
        digits = max(m.heading, int((height - m.px(8)) / 1.2))
        captions = [(app.t("workshop.timer.label"), app.t("workshop.timer.pause_hint")),
                    (app.t("workshop.timer.paused"), app.t("workshop.timer.resume_hint")),
                    (app.t("workshop.timer.over"), "")]
        return digits, captions

    def timer_width(self) -> int:
        app, m = self.app, self.app.metrics
        digits, captions = self._timer_parts()
        caption_w = max(app.text.measure(line, "semibold", m.small)[0]
                        for pair in captions for line in pair)
        big = max(app.text.measure(t, "bold", digits)[0]
                  for t in ("00:00", app.t("workshop.timer.time_up")))
        return 3 * m.px(22) + caption_w + big + round(digits * 0.6)

    def draw_timer(self, surface: pygame.Surface, rect: Rect) -> None:
        """The countdown: what it is (and its key) on the left, the time large on the right;
        when the time is up, "Tijd!" on a strong colour that flashes at first."""
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        timer = self.table.timer
        digits, captions = self._timer_parts()
        pad = m.px(22)
        if timer.expired:
            bright = timer.flash_on
            fill = p.alarm_flash if bright else p.alarm
            ink = muted = p.on_alarm_flash if bright else p.on_alarm
            pygame.draw.rect(surface, fill, rect, border_radius=m.radius)
            pygame.draw.rect(surface, ink, rect, width=max(2, m.line * 2),
                             border_radius=m.radius)
            caption, big = captions[2], app.t("workshop.timer.time_up")
        else:
            pygame.draw.rect(surface, p.track, rect, border_radius=m.radius)
            ink, muted = p.band_ink, p.band_muted
            caption = captions[1] if timer.paused else captions[0]
            big = timer.text
        line_h = round(m.small * 1.3)
        lines = [line for line in caption if line]
        top = rect.centery - line_h * len(lines) // 2
        for i, line in enumerate(lines):
            block = app.text.render(line, "semibold", m.small, ink if i == 0 else muted)
            surface.blit(block.surface, (rect.x + pad, top + i * line_h))
        block = app.text.render(big, "bold", digits, muted if timer.paused else ink)
        x = rect.right - pad - block.width
        y = rect.centery - block.line_height // 2
        surface.blit(block.surface, (x, y))
        if timer.paused:
            bar_h = round(digits * 0.55)
            bar_w = max(3, round(digits * 0.13))
            left = x - m.px(16) - 3 * bar_w
            for dx in (0, 2 * bar_w):
                pygame.draw.rect(surface, ink, Rect(left + dx, rect.centery - bar_h // 2,
                                                    bar_w, bar_h),
                                 border_radius=max(1, bar_w // 3))

    def draw_note(self, surface: pygame.Surface, rect: Rect) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        pygame.draw.rect(surface, p.surface_alt, rect, border_radius=m.radius // 2)
        pygame.draw.rect(surface, p.border, rect, width=max(1, m.line // 2),
                         border_radius=m.radius // 2)
        lead = app.text.render(app.t("workshop.note.lead"), "bold", m.small, p.ink)
        x = rect.x + m.px(18)
        surface.blit(lead.surface, (x, rect.centery - lead.line_height // 2))
        room = rect.right - m.px(18) - (x + lead.width + m.px(10))
        text = ellipsize(self.note, app.fonts.get("regular", m.small), room)
        block = app.text.render(text, "regular", m.small, p.ink)
        surface.blit(block.surface, (x + lead.width + m.px(10),
                                     rect.centery - block.line_height // 2))

    # ------------------------------------------------------------------ the teams
    def base_rows(self) -> list[TeamRow]:
        """Every team with its meters now and whether it plays the card on the table."""
        app, workshop = self.app, self.workshop
        applies = set(workshop.applies)
        rows = []
        for i, team in enumerate(workshop.teams):
            row = TeamRow(i, self.table.team_name(i), dict(team.meters))
            if team.is_over:
                row.status, row.status_short, row.muted = (app.t("workshop.status.finished"),
                                                           app.t("workshop.status.finished"),
                                                           True)
            elif workshop.current_card is not None and i not in applies:
                row.status = app.t("workshop.status.sits_out")
                row.status_short = app.t("workshop.status.sits_out_short")
                row.muted = True
            rows.append(row)
        return rows
