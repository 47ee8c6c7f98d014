"""What the choice led to: the outcome text, and the meters moving from before to after.

The meters ease from their old to their new values in about 0.8 s; each change is also written
as a signed number with an arrow (▲ +8, ▼ −5), on the band and under the text, so nothing rests
on colour. Next draws the next card, or the ending when the game is over.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame import Rect

from . import layout
from .meters import draw_meters
from .scene import ACTIVATE_KEYS, Scene
from .widgets import Button, delta_label, panel

DURATION = 0.8


def ease(t: float) -> float:
    """Cubic ease-in-out on 0..1."""
    t = max(0.0, min(1.0, t))
    return 4 * t * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


class OutcomeScene(Scene):
    def __init__(self, app, match):
        super().__init__(app)
        self.match = match
        self.session = match.session
        self.record = self.session.last_decision
        self.card = match.deck.card(self.record["card"]) if self.record else None
        self.option = self.card.option(self.record["option"]) if self.card else None
        self.before = dict(self.record["meters_before"]) if self.record else self.session.meters
        self.after = dict(self.record["meters_after"]) if self.record else self.session.meters
        self.elapsed = DURATION if app.instant else 0.0
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

    @property
    def ends_next(self) -> bool:
        """Whether Next leads to the ending rather than another card."""
        return self.session.end_reason == "collapse" or self.session.round >= self.match.deck.term

    # ------------------------------------------------------------------ layout
    def layout_changed(self) -> None:
        m, count = self.app.metrics, len(self.match.deck.meters)
        probe = layout.outcome(m, count)
        block = self._text_block(probe.text)
        self.layout = layout.outcome(m, count, block.height)
        label = self.app.t("outcome.to_end" if self.ends_next else "outcome.next")
        self.buttons = [Button("next", self.layout.next, label, style="primary")]
        self._static = None

    def outcome_text(self) -> str:
        text = self.app.local(self.option.outcome) if self.option else ""
        return text or self.app.t("outcome.no_text")

    def _text_block(self, rect: Rect):
        m = self.app.metrics
        size = m.body
        sizes = [round(size * 1.25), round(size * 1.125)] + m.shrunk(size)
        return self.app.text.fit(self.outcome_text(), "regular", sizes,
                                 self.app.theme.palette.ink, rect.width, rect.height)

    # ------------------------------------------------------------------ time
    @property
    def animating(self) -> bool:
        return self.elapsed < DURATION

    def update(self, dt: float) -> None:
        if self.animating:
            self.elapsed = min(DURATION, self.elapsed + max(0.0, dt))
            self.app.invalidate()

    def values(self) -> dict[str, float]:
        """The meters as shown now: part-way from before to after while animating."""
        k = ease(self.elapsed / DURATION)
        return {m: self.before.get(m, v) + (v - self.before.get(m, v)) * k
                for m, v in self.after.items()}

    # ------------------------------------------------------------------ input
    def next(self) -> None:
        if self.session.phase != "outcome":
            return
        self.match.advance()
        self.app.show_current()

    def activate(self, button_id: str) -> None:
        if button_id == "next":
            self.next()

    def on_key(self, key: int, mod: int) -> None:
        if key in ACTIVATE_KEYS or key in (pygame.K_RIGHT, pygame.K_PAGEDOWN, pygame.K_DOWN):
            self.keyboard = key not in (pygame.K_RIGHT, pygame.K_PAGEDOWN)
            self.next()
        elif key == pygame.K_ESCAPE:
            from .menu import MenuScene

            self.app.push(MenuScene(self.app, self.match))
        elif key == pygame.K_TAB:
            self.keyboard = True
            self.app.invalidate()

    def on_result(self, result: Any) -> None:
        from .menu import handle_menu_result

        handle_menu_result(self.app, result)

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        if self._static is None or self._static.get_size() != surface.get_size():
            self._static = self._draw_static()
        surface.blit(self._static, (0, 0))
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        marks = {meter: ("delta", delta) for meter, delta in self.changes.items()}
        draw_meters(surface, L.meters, self.match.deck.meters, self.values(), app.lang, app.text,
                    m, p, marks)
        self.draw_buttons(surface)
        app.draw_warning(surface, L.frame.warning)

    def _draw_static(self) -> pygame.Surface:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        s = app.new_layer()
        s.fill(p.page)
        pygame.draw.rect(s, p.band, L.frame.band)
        self.text_in(s, L.round, app.t("card.round", round=(self.record or {}).get("round", 0),
                                       term=self.match.deck.term),
                     "semibold", m.heading, p.band_ink, align="right", valign="center")
        panel(s, L.panel, m, p)
        character = self.match.deck.character(self.card.character) if self.card else None
        s.blit(app.portraits.get(character, L.portrait.width, self.match.deck.folder, app.lang),
               L.portrait.topleft)
        title = app.local(self.card.title) if self.card else ""
        self.text_in(s, L.caption, app.t("outcome.caption", title=title), "semibold", m.small,
                     p.ink_muted)
        label = app.local(self.option.label) if self.option else ""
        self.text_in(s, L.choice, app.t("outcome.chosen", label=label), "semibold", m.heading,
                     p.ink)
        pygame.draw.line(s, p.surface_alt, (L.text.x, L.text.y - m.px(24)),
                         (L.text.right, L.text.y - m.px(24)), m.px(3))
        self.text_in(s, L.text, self.outcome_text(), "regular", m.body, p.ink, grow=1.25)
        self._draw_changes(s)
        return s

    def _draw_changes(self, s: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        changes = self.changes
        area = L.changes
        if not changes:
            self.text_in(s, area, app.t("outcome.no_change"), "regular", m.body, p.ink_muted,
                         valign="center")
            return
        x = area.x
        for meter in self.match.deck.meters:
            delta = changes.get(meter.id)
            if not delta:
                continue
            ink = p.positive if delta > 0 else p.negative
            name = app.text.render(app.local(meter.label), "semibold", m.label, p.ink)
            value = app.text.render(delta_label(delta), "bold", m.label, ink)
            width = name.width + value.width + m.px(44)
            chip = Rect(x, area.y + (area.height - round(m.label * 1.9)) // 2, width,
                        round(m.label * 1.9))
            if chip.right > area.right:
                break
            pygame.draw.rect(s, p.surface_alt, chip, border_radius=chip.height // 2)
            pygame.draw.rect(s, ink, chip, width=m.line, border_radius=chip.height // 2)
            y = chip.centery - name.line_height // 2
            s.blit(name.surface, (chip.x + m.px(18), y))
            s.blit(value.surface, (chip.x + m.px(26) + name.width, y))
            x = chip.right + m.px(16)
