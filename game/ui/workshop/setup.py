"""Setting a workshop up: the deck, the teams and their names, the term, the countdown, the
aspects to play and what an option shows of its effect before the vote.

Everything starts filled in (from the command line, else the deck's own values and the colour
names "Team Rood", "Team Blauw", ...), so Enter on "Workshop starten" is enough. Keyboard: Tab
or ↑/↓ go from control to control, ←/→ (or + and −) change a number or a choice, Enter or
Space press a button or toggle an aspect; on a team's name, typing renames it (Enter keeps the
name, Esc leaves it as it was). Mouse and touch press the same controls.
"""

from __future__ import annotations

from pathlib import Path

import pygame
from pygame import Rect

from game.language.texts import KNOWN_LANGUAGES
from game.rules.workshop import MAX_TEAMS
from game.ui.scene import Prompt, Scene, key_event
from game.ui.deck_facts import deck_facts
from game.ui.look.textcache import ellipsize
from game.ui.look.widgets import (Button, focus_ring, label_box, panel, sign_button,
                                  warning_line)
from game.ui.layout import workshop as layout
from game.ui.workshop.table import PREVIEWS, WorkshopSettings, default_names, start
from game.ui.start.decks import DeckEntry, find_decks
from game.ui.workshop.textfield import TextField, draw_field
from game.ui.workshop.timer import minutes_text

TIMER_STEPS: tuple[float | None, ...] = (None, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30)
MAX_ROUNDS = 60
STEPPERS = ("teams", "rounds", "timer")


class WorkshopSetupScene(Scene):
    def __init__(self, app, entries=None, selected: int | None = None):
        super().__init__(app)
        options = app.options
        self.entries = [e for e in (entries if entries is not None else find_decks(app)) if e.ok]
        if options.deck is not None and (Path(options.deck) / "deck.yaml").is_file():
            wanted = Path(options.deck).resolve()
            found = [i for i, e in enumerate(self.entries) if e.folder.resolve() == wanted]
            if not found:
                result = app.load(Path(options.deck))
                if result.deck is not None:
                    self.entries.insert(0, DeckEntry(Path(options.deck), result))
                    found = [0]
            if found:
                selected = found[0]
        if selected is not None and entries is not None:
            chosen = entries[selected]
            selected = next((i for i, e in enumerate(self.entries) if e is chosen), 0)
        self.index = min(selected or 0, max(0, len(self.entries) - 1))
        count = options.teams or len(options.team_names) or 2
        self.count = max(1, min(MAX_TEAMS, count))
        #: Names typed by the facilitator; None keeps the default name (which follows the
        #: language).
        self.names: list[str | None] = [None] * MAX_TEAMS
        for i, name in enumerate(options.team_names[:MAX_TEAMS]):
            self.names[i] = name
        steps = list(TIMER_STEPS)
        if options.timer and options.timer not in steps:
            steps.append(options.timer)
            steps = [None] + sorted(s for s in steps if s)
        self.timer_steps = steps
        self.timer = options.timer
        #: The room votes with phones (a QR code and a join address on the screen).
        self.phones = options.phones
        self._deck_defaults(first=True)
        #: The name field being typed in, and its editor.
        self.editing: int | None = None
        self.field: TextField | None = None
        self.layout_changed()
        self.focus_on("start")

    @property
    def shot_name(self) -> str:
        return "ws-setup"

    @property
    def takes_letters(self) -> bool:
        """A letter types a team's name while one is edited or has the focus."""
        focused = self.focused_button()
        return self.editing is not None or (focused is not None
                                            and focused.id.startswith("name-"))

    def prompt(self) -> Prompt:
        return Prompt("setup")

    def answer(self, value=None) -> list[pygame.event.Event]:
        """Enter, on "Workshop starten"."""
        return [key_event(pygame.K_RETURN, "\r")]

    @property
    def deck(self):
        return self.entries[self.index].result.deck if self.entries else None

    def _deck_defaults(self, first: bool = False) -> None:
        """Term, preview and aspects as the command line says (first time) or the deck."""
        options, deck = self.app.options, self.deck
        if deck is None:
            self.rounds, self.preview, self.aspects = 12, "direction", set()
            return
        self.rounds = options.rounds if first and options.rounds else deck.term
        self.preview = options.preview if first and options.preview else deck.spec.preview
        every = [a.id for a in deck.aspects]
        wanted = [a for a in options.aspects if a in every] if first else []
        self.aspects = set(wanted or every)

    # ------------------------------------------------------------------ values
    def name(self, index: int) -> str:
        return self.names[index] or default_names(self.app, MAX_TEAMS)[index]

    def settings(self) -> WorkshopSettings:
        every = [a.id for a in self.deck.aspects]
        chosen = [a for a in every if a in self.aspects]
        return WorkshopSettings(
            names=[self.name(i) for i in range(self.count)],
            term=self.rounds, timer=self.timer,
            aspects=chosen if len(chosen) < len(every) else [], preview=self.preview,
            phones=self.phones)

    def card_count(self) -> tuple[int, int]:
        """Cards that can be drawn with the aspects chosen, and in the whole deck."""
        deck = self.deck
        every = [c for c in deck.cards.values() if not c.follow_up_only]
        if self.aspects >= {a.id for a in deck.aspects}:
            return len(every), len(every)
        kept = deck.restricted(self.aspects)
        return len([c for c in kept.cards.values() if not c.follow_up_only]), len(every)

    @property
    def can_start(self) -> bool:
        return self.deck is not None and (bool(self.aspects) or not self.deck.aspects)

    # ------------------------------------------------------------------ layout
    def layout_changed(self) -> None:
        focused = self.focused_button()
        m = self.app.metrics
        rows = 2
        for rows in (2, 3, 4):
            self.layout = self._setup_layout(rows)
            self.chips = self._flow_chips(self.layout.aspects)
            if self.chips is not None:
                break
        if self.chips is None:
            self.chips = self._flow_chips(self.layout.aspects, short=True) or []
        self._make_buttons()
        if focused is not None:
            self.focus_on(focused.id)

    def _chip_labels(self, short: bool) -> list[tuple[str, str]]:
        app = self.app
        labels = [("aspect-all", app.t("workshop.setup.aspects_all"))]
        for aspect in (self.deck.aspects if self.deck else []):
            text = aspect.id if short else f"{aspect.id} · {app.local(aspect.label)}"
            labels.append((f"aspect-{aspect.id}", text))
        return labels

    def _flow_chips(self, area: Rect, short: bool = False) -> list[tuple[str, Rect, str]] | None:
        """The aspect chips flowed into ``area``, or None when they need more rows."""
        app, m = self.app, self.app.metrics
        size = m.small
        row_h = round(size * 1.5) + m.px(6)
        gap = m.px(10)
        x, y = area.x, area.y
        chips = []
        for chip_id, text in self._chip_labels(short):
            width = app.text.measure("✓ " + text, "semibold", size)[0] + m.px(32)
            if x + width > area.right and x > area.x:
                x, y = area.x, y + row_h + gap
            if y + row_h > area.bottom + 1 or width > area.width:
                return None
            chips.append((chip_id, Rect(x, y, width, row_h), text))
            x += width + gap
        return chips

    def _make_buttons(self) -> None:
        app, L = self.app, self.layout
        buttons = [Button(f"lang-{code}", rect, code.upper())
                   for code, rect in zip(KNOWN_LANGUAGES, L.languages)]
        several = len(self.entries) > 1
        buttons += [Button("deck-prev", L.deck_prev, "◀", enabled=several),
                    Button("deck-next", L.deck_next, "▶", enabled=several)]
        buttons += [Button("teams-minus", L.teams[0], "−", enabled=self.count > 1),
                    Button("teams-plus", L.teams[2], "+", enabled=self.count < MAX_TEAMS)]
        buttons += [Button(f"name-{i}", L.names[i], self.name(i)) for i in range(self.count)]
        buttons += [Button("rounds-minus", L.rounds[0], "−", enabled=self.rounds > 1),
                    Button("rounds-plus", L.rounds[2], "+", enabled=self.rounds < MAX_ROUNDS)]
        at = self.timer_steps.index(self.timer) if self.timer in self.timer_steps else 0
        buttons += [Button("timer-minus", L.timer[0], "−", enabled=at > 0),
                    Button("timer-plus", L.timer[2], "+",
                           enabled=at < len(self.timer_steps) - 1)]
        buttons.append(Button("phones", self._phones_rect(),
                              ("✓ " if self.phones else "") + app.t("workshop.setup.phones")))
        labels = [("✓ " if mode == self.preview else "") + app.t(f"workshop.setup.preview_{mode}")
                  for mode in PREVIEWS]
        buttons += [Button(f"preview-{mode}", rect, label)
                    for mode, rect, label in zip(PREVIEWS, self._preview_rects(), labels)]
        buttons += [Button(chip_id, rect, text, style="chip") for chip_id, rect, text in self.chips]
        buttons += [Button("back", L.back, app.t("workshop.setup.back"), number="◀"),
                    Button("start", L.start, app.t("workshop.setup.start"), style="primary",
                           enabled=self.can_start)]
        self.buttons = buttons

    def _setup_layout(self, aspect_rows: int):
        """The set-up laid out with the room the phones' toggle and the preview choices need
        for their words: in a narrow window they wrap to two lines, where the right column has
        the room (else they keep one line's height)."""
        app, m = self.app, self.app.metrics
        plain = layout.setup(m, aspect_rows)

        def height(text: str, width: int) -> int:
            label = Rect(0, 0, width, plain.timer[0].height)
            box = label_box(Button("probe", label, text), m, app.text, app.theme.palette.ink,
                            selected=True)
            block = app.text.render(text, box.weight, box.sizes[-1], app.theme.palette.ink,
                                    box.rect.width)
            return block.height + plain.timer[0].height - box.rect.height

        phones_h = height("✓ " + app.t("workshop.setup.phones"), plain.phones.width)
        preview_h = 0
        if self._preview_widths(plain) is None:  # equal thirds, where a label may wrap
            preview_h = max(height("✓ " + app.t(f"workshop.setup.preview_{mode}"), rect.width)
                            for mode, rect in zip(PREVIEWS, plain.previews))
        placed = layout.setup(m, aspect_rows, phones_h, preview_h)
        return placed if placed.previews[0].bottom <= placed.aspects_label.top else plain

    def _phones_rect(self) -> Rect:
        """Voting by phone, on or off: beside the countdown's stepper."""
        return self.layout.phones

    def _preview_rects(self) -> list[Rect]:
        """The three preview choices side by side, each as wide as its words need."""
        L = self.layout
        row = L.previews[0].unionall(L.previews[1:])
        widths = self._preview_widths(L)
        if widths is None:  # too narrow for all: equal thirds, text may wrap
            return list(L.previews)
        rects, x = [], row.x
        for width in widths:
            rects.append(Rect(x, row.y, width, row.height))
            x += width + self.app.metrics.px(10)
        return rects

    def _preview_widths(self, placed) -> list[int] | None:
        """The preview choices' widths when each gets what its words need (and a share of
        what is left) in ``placed``'s row; None when the row is too narrow for that."""
        app, m = self.app, self.app.metrics
        row = placed.previews[0].unionall(placed.previews[1:])
        gap = m.px(10)
        needs = [app.text.measure("✓ " + app.t(f"workshop.setup.preview_{mode}"), "semibold",
                                  m.button)[0] + m.px(48) for mode in PREVIEWS]
        spare = max(0, row.width - gap * (len(needs) - 1) - sum(needs)) // len(needs)
        if sum(needs) + spare * len(needs) + gap * (len(needs) - 1) > row.width:
            return None
        return [need + spare for need in needs]

    # ------------------------------------------------------------------ changing values
    def step(self, what: str, amount: int) -> None:
        if what == "teams":
            self.count = max(1, min(MAX_TEAMS, self.count + amount))
        elif what == "rounds":
            self.rounds = max(1, min(MAX_ROUNDS, self.rounds + amount))
        elif what == "timer":
            at = self.timer_steps.index(self.timer) if self.timer in self.timer_steps else 0
            at = max(0, min(len(self.timer_steps) - 1, at + amount))
            self.timer = self.timer_steps[at]
        elif what == "deck" and len(self.entries) > 1:
            self.index = (self.index + amount) % len(self.entries)
            self._deck_defaults()
            self.layout_changed()
            return
        elif what == "preview":
            at = (PREVIEWS.index(self.preview) + amount) % len(PREVIEWS)
            self.preview = PREVIEWS[at]
            self.focus_on(f"preview-{self.preview}")
        self._make_buttons()

    def toggle_aspect(self, chip_id: str) -> None:
        every = {a.id for a in self.deck.aspects}
        if chip_id == "aspect-all":
            self.aspects = set(every)
        else:
            self.aspects ^= {chip_id[7:]}
        self._make_buttons()

    def begin_editing(self, index: int, fresh: bool) -> None:
        self.editing = index
        self.field = TextField("" if fresh or self.names[index] is None else self.names[index],
                               limit=40)
        self.focus_on(f"name-{index}")

    def end_editing(self, keep: bool) -> None:
        if self.editing is not None and keep and self.field is not None:
            text = " ".join(self.field.text.split())
            self.names[self.editing] = text or None
        self.editing, self.field = None, None
        self._make_buttons()

    def go(self) -> None:
        if self.editing is not None:
            self.end_editing(True)
        if not self.can_start:
            return
        entry = self.entries[self.index]
        start(self.app, entry.folder, self.deck, self.settings())

    def leave(self) -> None:
        if len(self.app.stack) > 1:
            self.app.pop(None)
        else:
            self.app.to_title()

    # ------------------------------------------------------------------ input
    def activate(self, button_id: str) -> None:
        app = self.app
        if button_id.startswith("lang-"):
            app.set_language(button_id[5:])
        elif button_id in ("deck-prev", "deck-next"):
            self.step("deck", -1 if button_id == "deck-prev" else 1)
        elif button_id.endswith(("-minus", "-plus")):
            what, _, sign = button_id.partition("-")
            self.step(what, -1 if sign == "minus" else 1)
        elif button_id.startswith("name-"):
            self.begin_editing(int(button_id[5:]), fresh=False)
        elif button_id.startswith("preview-"):
            self.preview = button_id[8:]
            self._make_buttons()
        elif button_id == "phones":
            self.phones = not self.phones
            self._make_buttons()
        elif button_id.startswith("aspect-"):
            self.toggle_aspect(button_id)
        elif button_id == "back":
            self.leave()
        elif button_id == "start":
            self.go()
        app.invalidate()

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.editing is not None and event.type in (pygame.KEYDOWN, pygame.TEXTINPUT):
            outcome = self.field.handle(event)
            if outcome in ("done", "cancel"):
                self.end_editing(outcome == "done")
            elif event.type == pygame.KEYDOWN and event.key in (pygame.K_TAB, pygame.K_DOWN,
                                                                pygame.K_UP):
                self.end_editing(True)
                super().handle_event(event)
            self.app.invalidate()
            return
        if event.type == pygame.TEXTINPUT:
            return
        if event.type in (pygame.MOUSEBUTTONUP, pygame.FINGERUP) and self.editing is not None:
            self.end_editing(True)
        if event.type == pygame.KEYDOWN:
            focused = self.focused_button()
            char = getattr(event, "unicode", "") or ""
            plain = not getattr(event, "mod", 0) & (pygame.KMOD_CTRL | pygame.KMOD_ALT
                                                    | pygame.KMOD_META)
            if focused is not None and focused.id.startswith("name-") and plain \
                    and len(char) == 1 and char.isprintable() and char != " ":
                self.begin_editing(int(focused.id[5:]), fresh=True)
                self.field.handle(event)
                self.app.invalidate()
                return
        super().handle_event(event)

    def on_key(self, key: int, mod: int) -> None:
        focused = self.focused_button()
        fid = focused.id if focused is not None else ""
        group = fid.partition("-")[0]
        if key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PLUS, pygame.K_KP_PLUS,
                   pygame.K_EQUALS, pygame.K_MINUS, pygame.K_KP_MINUS) \
                and group in STEPPERS + ("deck", "preview"):
            down = key in (pygame.K_LEFT, pygame.K_MINUS, pygame.K_KP_MINUS)
            self.keyboard = True
            self.step(group, -1 if down else 1)
            if group in STEPPERS:
                self.focus_on(f"{group}-{'minus' if down else 'plus'}")
                if not self.focused_button().enabled:
                    self.focus_on(f"{group}-{'plus' if down else 'minus'}")
            self.app.invalidate()
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.move_focus(-1 if key == pygame.K_LEFT else 1)
        elif key == pygame.K_ESCAPE:
            self.leave()
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER) and focused is None:
            self.go()
        else:
            super().on_key(key, mod)

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        surface.fill(p.page)
        pygame.draw.rect(surface, p.band, L.frame.band)
        self.text_in(surface, L.heading, app.t("workshop.setup.heading"), "bold", m.title,
                     p.band_ink, valign="center")
        self.text_in(surface, L.subtitle, app.t("workshop.setup.subtitle"), "regular", m.small,
                     p.band_muted, valign="center")
        def label(rect: Rect, key: str) -> None:
            self.text_in(surface, rect, app.t(key), "semibold", m.label, p.ink, valign="center")

        label(L.deck_label, "workshop.setup.deck")
        self._draw_deck(surface)
        label(L.teams_label, "workshop.setup.teams")
        self._value(surface, L.teams[1], str(self.count))
        label(L.names_label, "workshop.setup.names")
        label(L.rounds_label, "workshop.setup.rounds")
        self._value(surface, L.rounds[1], str(self.rounds))
        if self.deck is not None:
            note = app.t("workshop.setup.rounds_deck", n=self.deck.term)
            x = L.rounds[2].right + m.px(20)
            self.text_in(surface, Rect(x, L.rounds[2].y, L.rounds_label.right - x,
                                       L.rounds[2].height), note, "regular", m.small,
                         p.ink_muted, valign="center")
        label(L.timer_label, "workshop.setup.timer")
        self._value(surface, L.timer[1], minutes_text(self.timer,
                                                     app.t("workshop.setup.timer_off"),
                                                     app.t("workshop.setup.minutes")))
        label(L.preview_label, "workshop.setup.preview")
        label(L.aspects_label, "workshop.setup.aspects")
        if self.deck is not None:
            kept, total = self.card_count()
            key = "workshop.setup.cards" if self.aspects else "workshop.setup.no_aspects"
            self.text_in(surface, L.aspects_label, app.t(key, n=kept, total=total), "regular",
                         m.small, p.ink_muted if self.aspects else p.negative, align="right",
                         valign="center")
        hint = app.t("workshop.setup.editing" if self.editing is not None
                     else "workshop.setup.hint")
        self.text_in(surface, L.hint, hint, "regular", m.small, p.ink_muted, valign="center")
        selected = {f"lang-{app.lang}", f"preview-{self.preview}"} | (
            {"phones"} if self.phones else set())
        focused = self.focused_button()
        for button in self.buttons:
            ring = self.keyboard and button is focused
            if button.id.startswith("name-"):
                self._draw_name(surface, button, ring)
            elif button.label in ("−", "+"):
                sign_button(surface, button.rect, button.label == "+", m, p,
                            hover=button.id == self.hover and button.enabled,
                            enabled=button.enabled)
                if ring:
                    focus_ring(surface, button.rect, m, p)
            elif button.style == "chip":
                self._draw_chip(surface, button, ring)
            else:
                app.painter.draw(surface, button, m, selected=button.id in selected,
                                 hover=button.id == self.hover and button.enabled,
                                 focused=ring)
        if app.warning:
            warning_line(surface, L.frame.warning, app.warning, app.text, m, p)

    def _value(self, surface: pygame.Surface, rect: Rect, text: str) -> None:
        m, p = self.app.metrics, self.app.theme.palette
        panel(surface, rect, m, p, drop_shadow=False, outline=True)
        self.text_in(surface, rect, text, "bold", m.heading, p.ink, align="center",
                     valign="center")

    def _draw_deck(self, surface: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        rect = L.deck
        panel(surface, rect, m, p, drop_shadow=False, outline=True)
        inner = rect.inflate(-2 * m.px(20), 0)
        if not self.entries:
            self.text_in(surface, inner, app.t("title.no_playable"), "regular", m.body,
                         p.ink_muted, valign="center")
            return
        entry = self.entries[self.index]
        title = entry.title(app.lang)
        facts = deck_facts(app, self.deck)
        if len(self.entries) > 1:
            facts = f"{self.index + 1}/{len(self.entries)} · {facts}"
        facts_w = app.text.measure(facts, "regular", m.small)[0]
        title = ellipsize(title, app.fonts.get("semibold", m.body),
                          inner.width - facts_w - m.px(24))
        self.text_in(surface, inner, title, "semibold", m.body, p.ink, valign="center")
        self.text_in(surface, inner, facts, "regular", m.small, p.ink_muted, align="right",
                     valign="center")

    def _draw_name(self, surface: pygame.Surface, button: Button, ring: bool) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        index = int(button.id[5:])
        rect = button.rect
        swatch_w = m.px(16)
        swatch = Rect(rect.x, rect.y, swatch_w, rect.height)
        pygame.draw.rect(surface, p.team(index), swatch, border_top_left_radius=m.radius // 2,
                         border_bottom_left_radius=m.radius // 2)
        field = Rect(swatch.right, rect.y, rect.width - swatch_w, rect.height)
        editing = self.editing == index
        text = self.field.text if editing else self.name(index)
        placeholder = default_names(app, MAX_TEAMS)[index]
        draw_field(surface, field, text, editing, app, placeholder)
        if ring and not editing:
            focus_ring(surface, rect, m, p)

    def _draw_chip(self, surface: pygame.Surface, button: Button, ring: bool) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        rect = button.rect
        every = {a.id for a in self.deck.aspects} if self.deck else set()
        on = self.aspects >= every if button.id == "aspect-all" else button.id[7:] in self.aspects
        hover = button.id == self.hover
        fill = p.accent if on else (p.accent_soft if hover else p.surface)
        ink = p.on_accent if on else p.ink
        pygame.draw.rect(surface, fill, rect, border_radius=rect.height // 2)
        pygame.draw.rect(surface, p.accent if on else p.border, rect, width=m.line,
                         border_radius=rect.height // 2)
        text = ("✓ " if on else "") + button.label
        block = app.text.render(text, "semibold", m.small, ink)
        surface.blit(block.surface, (rect.x + m.px(16), rect.centery - block.line_height // 2))
        if ring:
            focus_ring(surface, rect, m, p)

