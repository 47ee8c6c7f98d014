"""What the choice led to: the outcome text, and the meters moving from before to after.

The meters ease from their old to their new values in about 0.8 s; each change is also written
as a signed number with an arrow (▲ +8, ▼ −5), on the band and under the text, so nothing rests
on colour. Next draws the next card, or the ending when the game is over.

A card with essay context gets a panel "Uit het essay" beside the outcome: the essay section
and its aspect, the paraphrase and the question to discuss. E hides and shows it. When the
window is too small for both panels, the outcome shows alone with an "Uit het essay" button, and
E swaps the outcome text for the essay. G opens the glossary, as on the card.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame
from pygame import Rect

from game.ui.layout import screens as layout
from game.ui import routes
from game.ui.deck_texts import dynamics_lines, essay_texts
from game.ui.layout.outcome import change_rows, chip_width, outcome_screen
from game.ui.layout.words import OutcomeWords
from game.ui.look.motion import DURATION, MeterMotion, between
from game.ui.overlays.glossary_terms import has_glossary
from game.ui.look.meters import draw_meters
from game.ui.scene import ACTIVATE_KEYS, Prompt, Scene, key_event
from game.ui.look.textcache import TextBox
from game.ui.look.widgets import Button, delta_label, panel

class OutcomeScene(MeterMotion, Scene):
    def __init__(self, app, match):
        super().__init__(app)
        self.match = match
        self.session = match.session
        self.record = self.session.last_decision
        self.card = match.deck.card(self.record["card"]) if self.record else None
        self.option = self.card.option(self.record["option"]) if self.card else None
        self.before = dict(self.record["meters_before"]) if self.record else self.session.meters
        self.after = dict(self.record["meters_after"]) if self.record else self.session.meters
        self.essay = self.card.essay if self.card is not None else None
        #: Whether the players asked for the essay (E); None: shown when it fits beside.
        self._essay_choice: bool | None = None
        self.elapsed = DURATION if app.still else 0.0
        self._static: pygame.Surface | None = None
        self.layout_changed()
        self.focus = 0

    @property
    def shot_name(self) -> str:
        return f"outcome-r{(self.record or {}).get('round', self.session.round):02d}"

    @property
    def changes(self) -> dict[str, int]:
        return {m: self.after[m] - self.before.get(m, self.after[m]) for m in self.after
                if self.after[m] != self.before.get(m, self.after[m])}

    def cue_name(self) -> str | None:
        if self.session.end_reason == "collapse":
            return "collapse"
        total = sum(self.changes.values())
        return "meter_up" if total > 0 else "meter_down" if total < 0 else None

    @property
    def ends_next(self) -> bool:
        """Whether Next leads to the ending rather than another card."""
        return self.session.end_reason == "collapse" or self.session.round >= self.match.deck.term

    # ------------------------------------------------------------------ layout
    def layout_changed(self) -> None:
        app = self.app
        focused = self.focused_button()
        words = self._with_dynamics(
            OutcomeWords.of(app.t, app.local, self.match.deck, self.card, self.option))
        if self.council_question():
            words = replace(words, council=self.council_question())
        self.screen = outcome_screen(self.typeset, words, len(self.match.deck.meters),
                                     has_glossary(self.match.deck), self._essay_choice)
        label = app.t("outcome.to_end" if self.ends_next else "outcome.next")
        self.buttons = [Button("next", self.layout.next, label, style="primary")]
        for tool, rect in zip(self.screen.tools, self.layout.tools):
            if tool == "glossary":
                text, badge = app.t("outcome.glossary"), "G"
            else:
                text = app.t("outcome.essay_back" if self.essay_swapped else "outcome.essay_show")
                badge = "E"
            self.buttons.append(Button(tool, rect, self._fitting(text, rect), number=badge))
        if focused is not None:
            self.focus_on(focused.id)
        self._static = None

    def _with_dynamics(self, words: OutcomeWords) -> OutcomeWords:
        """The outcome text with a line per dynamics rule that fired after the decision (what
        the meters did to each other), so it is measured, fitted and drawn with the outcome;
        the meter chips and the animation already include their changes."""
        lines = dynamics_lines(self.app, self.match.deck, (self.record or {}).get("dynamics"))
        if not lines:
            return words
        return replace(words, outcome="\n\n".join([words.outcome, "\n".join(lines)]))

    @property
    def layout(self) -> layout.OutcomeLayout:
        return self.screen.layout

    @property
    def essay_layout(self) -> layout.EssayLayout | None:
        """Where the essay's parts are, when it is shown."""
        return self.screen.essay

    @property
    def essay_size(self) -> int | None:
        """The essay's text size when it is shown (or would fit beside), else None."""
        return self.screen.essay_size

    def carry_over(self, old) -> None:
        if isinstance(old, OutcomeScene):
            self.elapsed = old.elapsed
            self.cued = old.cued
            if old._essay_choice is not None:
                self._essay_choice = old._essay_choice
                self.layout_changed()

    def _fitting(self, label: str, rect: Rect) -> str:
        """``label`` if it fits a badged button in ``rect`` on one line, else only the badge."""
        m = self.app.metrics
        room = rect.width - 2 * m.px(22) - min(m.px(56), rect.height - m.px(16)) - m.px(20)
        smallest = m.shrunk(m.button)[-1]
        return label if self.app.text.measure(label, "regular", smallest)[0] <= room else ""

    # ------------------------------------------------------------------ the essay
    @property
    def essay_open(self) -> bool:
        """Whether the essay is shown, beside the outcome or in its place."""
        return self.screen.essay_open

    @property
    def essay_beside(self) -> bool:
        """Whether the essay panel stands beside the outcome now."""
        return self.screen.beside

    @property
    def essay_swapped(self) -> bool:
        """Whether the essay is shown in place of the outcome text (a window too small for both)."""
        return self.screen.swapped

    def essay_texts(self) -> tuple[str, str, str]:
        """The section line ("§ 4b · Transparantie en verantwoording"), context and question."""
        return essay_texts(self.app, self.match.deck, self.essay)

    def toggle_essay(self) -> None:
        if self.essay is None:
            return
        self._essay_choice = not self.essay_open
        self.app.begin_transition()
        self.layout_changed()
        self.app.invalidate()

    def screen_text(self) -> str:
        """Everything this screen says, for finding the glossary terms it uses."""
        local = self.app.local
        parts = [self.outcome_text()]
        if self.card is not None:
            parts += [local(self.card.title), local(self.card.text)]
        if self.option is not None:
            parts.append(local(self.option.label))
        parts += [t for t in self.essay_texts() if t]
        return "\n".join(parts)

    def open_glossary(self) -> bool:
        if not has_glossary(self.match.deck):
            return False
        self.app.go(routes.Glossary(self.match.deck, self.screen_text(),
                                    "glossary.back_outcome"))
        return True

    def outcome_text(self) -> str:
        return self.screen.words.outcome

    # ------------------------------------------------------------------ the council's question
    def council_question(self) -> str:
        """In an onboarding game, the question a council member would ask about this card
        ("Wat zou de raad hier vragen?"); empty otherwise or when the card has none."""
        if not self.session.onboarding or self.card is None or not self.card.council_question:
            return ""
        return self.app.local(self.card.council_question)

    def question_label(self) -> str:
        """The label over the essay's question: "Om te bespreken", or in an onboarding game
        on a card without a council question of its own (the council deck's cards, whose
        essay question is the raad's) "Wat zou de raad hier vragen?"."""
        if self.session.onboarding and self.card is not None and not self.card.council_question:
            return self.app.t("onboarding.council_heading")
        return self.app.t("outcome.discuss")

    def council_rect(self) -> Rect | None:
        """Where the council's question is, below the panels; None when there is none."""
        return self.screen.council if self.council_question() else None

    def _draw_council_question(self, s: pygame.Surface) -> None:
        """"Wat zou de raad hier vragen?" and the card's council question, beside the essay's."""
        rect = self.council_rect()
        if rect is None:
            return
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        panel(s, rect, m, p)
        pygame.draw.rect(s, p.accent, Rect(rect.x, rect.y + m.radius, m.px(8),
                                           rect.height - 2 * m.radius))
        inner = Rect(rect.x + m.px(32), rect.y + m.px(12), rect.width - m.px(48),
                     rect.height - m.px(24))
        label = Rect(inner.x, inner.y, inner.width, round(m.small * 1.5))
        self.text_in(s, label, app.t("onboarding.council_heading"), "semibold", m.small,
                     p.ink_muted, valign="center")
        self.text_in(s, Rect(inner.x, label.bottom, inner.width, inner.bottom - label.bottom),
                     self.council_question(), "semibold", m.body, p.ink)

    def callout(self, target: str) -> Rect | None:
        """Where an element of this screen is, for the guided first game's callouts:
        "changes", "council" (the council's question, else the essay), "next"."""
        L = self.layout
        if target == "changes":
            return Rect(L.changes)
        if target == "council":
            rect = self.council_rect()
            E = self.essay_layout
            if rect is None and E is not None and self.essay_open:
                rect = E.label.union(self.essay_boxes()["essay.question"].rect)
            return Rect(rect) if rect is not None else None
        if target == "next":
            return Rect(L.next)
        return None

    # ------------------------------------------------------------------ time
    def values(self) -> dict[str, float]:
        """The meters as shown now: part-way from before to after while animating."""
        return between(self.before, self.after, self.progress)

    # ------------------------------------------------------------------ input
    def prompt(self) -> Prompt:
        return Prompt("next", step=(self.session.round,))

    def answer(self, value=None) -> list[pygame.event.Event]:
        return [key_event(pygame.K_RETURN, "\r")]

    def next(self) -> None:
        if self.session.phase != "outcome":
            return
        self.match.advance()
        self.app.go(routes.Current())

    def activate(self, button_id: str) -> None:
        if button_id == "next":
            self.next()
        elif button_id == "glossary":
            self.open_glossary()
        elif button_id == "essay":
            self.toggle_essay()

    def on_key(self, key: int, mod: int) -> None:
        plain = not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT)
        if key in ACTIVATE_KEYS:
            # Enter means Next unless the focus ring shows on another button.
            focused = self.focused_button() if self.keyboard else None
            self.keyboard = True
            self.activate(focused.id if focused is not None else "next")
        elif key in (pygame.K_RIGHT, pygame.K_PAGEDOWN, pygame.K_DOWN):
            self.keyboard = key == pygame.K_DOWN
            self.next()
        elif key == pygame.K_g and plain:
            self.open_glossary()
        elif key == pygame.K_e and plain:
            self.toggle_essay()
        elif key == pygame.K_ESCAPE:
            self.app.go(routes.Menu(self.match))
        elif key == pygame.K_TAB:
            self.move_focus(-1 if mod & pygame.KMOD_SHIFT else 1)

    def on_result(self, result: Any) -> None:
        self.app.menu_chosen(result)

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        if self._static is None or self._static.get_size() != surface.get_size():
            self._static = self._draw_static()
        surface.blit(self._static, (0, 0))
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        marks = {meter: ("delta", delta) for meter, delta in self.changes.items()}
        before = {meter: self.before.get(meter, 0) for meter in self.changes}
        draw_meters(surface, L.meters, self.match.deck.meters, self.values(), app.lang, app.text,
                    m, p, marks, before=before)
        self.draw_buttons(surface)
        app.draw_warning(surface, L.frame.warning)

    def _draw_static(self) -> pygame.Surface:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        s = self.page_layer(L.frame.band)
        self.text_in(s, L.round, app.t("card.round", round=(self.record or {}).get("round", 0),
                                       term=self.match.deck.term),
                     "semibold", m.heading, p.band_ink, align="right", valign="center")
        panel(s, L.panel, m, p)
        character = self.match.deck.character(self.card.character) if self.card else None
        s.blit(app.portraits.get(character, L.portrait.width, self.match.deck.folder, app.lang),
               L.portrait.topleft)
        self.text_in(s, L.caption, self.screen.words.caption, "semibold", m.small, p.ink_muted,
                     shrink=False)
        boxes = self.text_boxes()
        self.draw_box(s, boxes["choice"], p.ink)
        pygame.draw.line(s, p.surface_alt, (L.text.x, L.text.y - m.px(24)),
                         (L.text.right, L.text.y - m.px(24)), m.px(3))
        if self.essay_swapped:
            self._draw_essay(s, hint=False)
        else:
            self.draw_box(s, boxes["outcome"], p.ink)
        self._draw_changes(s)
        if self.essay_beside:
            panel(s, L.essay, m, p, fill=p.surface_alt)
            stripe = Rect(L.essay.x, L.essay.y + m.radius, m.px(8), L.essay.height - 2 * m.radius)
            pygame.draw.rect(s, p.accent, stripe)
            self._draw_essay(s, hint=True)
        self._draw_council_question(s)
        return s

    def essay_boxes(self) -> dict[str, TextBox]:
        """The essay's texts in the boxes they are shown in now (empty when not shown); see
        :meth:`~game.ui.layout.outcome.OutcomeScreen.essay_boxes`."""
        return self.screen.essay_boxes()

    def text_boxes(self) -> dict[str, TextBox]:
        """The deck's texts on this screen and their boxes, by part: "choice" (which holds the
        option's label), "outcome" (unless the essay stands in its place) and the essay's."""
        return self.screen.boxes()

    def _draw_essay(self, s: pygame.Surface, hint: bool) -> None:
        """Section, context and the question to discuss, into :attr:`essay_layout`."""
        app, E, m, p = self.app, self.essay_layout, self.app.metrics, self.app.theme.palette
        if E is None or self.essay_size is None:
            return
        self.text_in(s, E.heading, app.t("outcome.essay_heading"), "semibold", m.small,
                     p.ink_muted, valign="center")
        if hint:
            self.text_in(s, E.heading, app.t("outcome.essay_hide"), "regular", m.small,
                         p.ink_muted, align="right", valign="center")
        clip = s.get_clip()
        s.set_clip(self.screen.essay_area())
        for part, box in self.essay_boxes().items():
            if box.rect.height > 0 and not (part == "essay.context"
                                            and self.screen.essay_short):
                block = app.text.render(box.text, box.weight, box.sizes[0], p.ink, box.rect.width)
                s.blit(block.surface, box.rect.topleft, Rect(0, 0, box.rect.width, box.rect.height))
        self.text_in(s, E.label, self.question_label(), "semibold", m.small, p.ink_muted,
                     valign="center")
        s.set_clip(clip)

    def _draw_changes(self, s: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        changes = self.changes
        area = L.changes
        if not changes:
            self.text_in(s, area, app.t("outcome.no_change"), "regular", m.body, p.ink_muted,
                         valign="center")
            return
        ts = self.typeset
        names = {mt.id: app.local(mt.label) for mt in self.match.deck.meters}
        shown = [(k, changes[k]) for k in names if changes.get(k)]
        row_h, row_gap = m.px(64), m.px(12)
        rows_room = max(1, (area.height + row_gap) // (row_h + row_gap))
        labels = [names[k] for k, _ in shown]
        rows = change_rows(ts, labels, area.width)
        if len(rows) > rows_room:  # the meters' names without their gloss, "(kunnen)"
            labels = [label.split(" (")[0] for label in labels]
            rows = change_rows(ts, labels, area.width)
        top = area.y + max(0, (area.height - len(rows) * (row_h + row_gap) + row_gap) // 2)
        chip_h = round(m.label * 1.9)
        for r, indices in enumerate(rows):
            x = area.x
            y_row = top + r * (row_h + row_gap) + (row_h - chip_h) // 2
            for i in indices:
                delta = shown[i][1]
                ink = p.positive if delta > 0 else p.negative
                name = app.text.render(labels[i], "semibold", m.label, p.ink)
                value = app.text.render(delta_label(delta), "bold", m.label, ink)
                chip = Rect(x, y_row, name.width + value.width + m.px(44), chip_h)
                pygame.draw.rect(s, p.surface_alt, chip, border_radius=chip.height // 2)
                pygame.draw.rect(s, ink, chip, width=m.line, border_radius=chip.height // 2)
                y = chip.centery - name.line_height // 2
                s.blit(name.surface, (chip.x + m.px(18), y))
                s.blit(value.surface, (chip.x + m.px(26) + name.width, y))
                x += chip_width(ts, labels[i]) + m.px(16)
