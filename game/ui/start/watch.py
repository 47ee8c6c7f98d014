"""Watching a session that another window plays: where it is, read from the journal.

The title offers this when the latest unfinished session is open in another window. The
screen says plainly that it only watches; it follows the session's row in the journal
(:class:`~game.table.following.SessionFollower`, about once a second) and shows the deck, the
round, the card on the table and every team's meters. No key or click here changes the game:
the only way out is back to the title, which offers the session to resume once its window is
closed.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pygame

from game.table.following import Followed, SessionFollower
from game.ui import routes
from game.ui.layout import watch as layout
from game.ui.look.widgets import Button, meter_bar, panel
from game.ui.scene import ACTIVATE_KEYS, Prompt, Scene


class WatchScene(Scene):
    def __init__(self, app, session_id: int):
        super().__init__(app)
        self.session_id = session_id
        self.follower = SessionFollower(app.journal, session_id) if app.journal else None
        self.view: Followed | None = self.follower.last if self.follower else None
        self.deck = self._load_deck(self.view)
        self._static: pygame.Surface | None = None
        self.layout_changed()
        self.focus_on("back")

    @property
    def shot_name(self) -> str:
        return "watch"

    def prompt(self) -> Prompt:
        return Prompt("close")

    def _load_deck(self, view: Followed | None) -> Any:
        """The deck the session plays, for its card and meter names (None: shown by id)."""
        if view is None or not view.deck_path or not Path(view.deck_path).is_dir():
            return None
        result = self.app.load(Path(view.deck_path))
        return result.deck if result.deck is not None and result.deck.id == view.deck_id \
            else None

    # ------------------------------------------------------------------ life cycle
    def layout_changed(self) -> None:
        self.layout = layout.watch(self.app.metrics)
        self.buttons = [Button("back", self.layout.back, self.app.t("watch.back"),
                               style="primary")]
        self._static = None

    def update(self, dt: float) -> None:
        if self.follower is None:
            return
        changed = self.follower.advance(dt)
        if changed is not None:
            self.view = changed
            self._static = None
            self.app.invalidate()

    # ------------------------------------------------------------------ input
    def activate(self, button_id: str) -> None:
        if button_id == "back":
            self.app.go(routes.Title())

    def on_key(self, key: int, mod: int) -> None:
        if key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.app.go(routes.Title())
        elif key in ACTIVATE_KEYS:
            self.activate("back")
        else:
            super().on_key(key, mod)

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        if self._static is None or self._static.get_size() != surface.get_size():
            self._static = self._draw_static()
        surface.blit(self._static, (0, 0))
        self.draw_buttons(surface)

    def lines(self) -> list[str]:
        """What the screen says about the session, top to bottom (the card panel's lines,
        then the status line)."""
        app, view = self.app, self.view
        if view is None:
            return [app.t("watch.gone")]
        deck = self.deck
        title = app.local(deck.spec.title) if deck is not None else view.deck_id
        if view.workshop:
            title = f"{title} · " + app.t("watch.workshop", teams=app.catalog.count(
                "title.teams", len(view.teams)))
        term = view.term or (deck.term if deck is not None else None)
        where = app.t("watch.round", round=view.round, term=term) if term else \
            app.t("watch.round_only", round=view.round)
        lines = [title, f"{where} · {app.catalog.count('title.decisions', view.decisions)}"]
        card = deck.cards.get(view.card) if deck is not None and view.card else None
        if view.over:
            lines.append(app.t("watch.over"))
        elif card is not None:
            lines += [app.local(card.title), app.local(card.text)]
        elif view.card:
            lines.append(app.t("watch.unknown_card", card=view.card))
        else:
            lines.append(app.t("watch.between"))
        return lines

    def status(self) -> str:
        app, view = self.app, self.view
        if view is None:
            return ""
        if not view.over and not view.owner_present:
            return app.t("watch.owner_gone")
        return app.t("watch.updated", when=_clock(view.updated))

    def _draw_static(self) -> pygame.Surface:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        s = self.page_layer(L.frame.band)
        self.text_in(s, L.heading, app.t("watch.band"), "bold", m.title, p.band_ink,
                     valign="bottom")
        self.text_in(s, L.label, app.t("watch.label", session=self.session_id), "regular",
                     m.small, p.band_muted)
        panel(s, L.card, m, p)
        inner = L.card.inflate(-2 * m.px(32), -2 * m.px(28))
        y = inner.y
        lines = self.lines()
        styles = [("semibold", m.heading, p.ink), ("regular", m.small, p.ink_muted),
                  ("semibold", m.body, p.ink), ("regular", m.body, p.ink)]
        for text, (weight, size, colour) in zip(lines, styles):
            if y >= inner.bottom:
                break
            block = self.text_in(s, pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
                                 text, weight, size, colour)
            y += block.height + m.px(14)
        if self.view is not None:
            self._draw_meters(s, L.meters)
        self.text_in(s, L.status, self.status(), "regular", m.small, p.ink_muted,
                     valign="center")
        return s

    def _draw_meters(self, s: pygame.Surface, area: pygame.Rect) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        panel(s, area, m, p)
        inner = area.inflate(-2 * m.px(28), -2 * m.px(24))
        labels, ranges = {}, {}
        if self.deck is not None:
            for meter in self.deck.meters:
                labels[meter.id] = app.local(meter.label)
                ranges[meter.id] = (meter.min, meter.max)
        line_h = round(m.label * 1.35)
        bar_h = m.px(14)
        y = inner.y
        for team in self.view.teams:
            if team.name:
                block = self.text_in(s, pygame.Rect(inner.x, y, inner.width, line_h), team.name,
                                     "semibold", m.label, p.ink, shrink=False)
                y += block.height
            for index, (meter_id, value) in enumerate(team.meters.items()):
                if y + line_h + bar_h > inner.bottom:
                    return
                row = pygame.Rect(inner.x, y, inner.width, line_h)
                self.text_in(s, row, labels.get(meter_id, meter_id), "regular", m.label, p.ink,
                             shrink=False)
                self.text_in(s, row, str(value), "semibold", m.label, p.ink, align="right",
                             shrink=False)
                low, high = ranges.get(meter_id, (0, 100))
                fraction = (value - low) / (high - low) if high > low else 0.0
                meter_bar(s, pygame.Rect(inner.x, row.bottom, inner.width, bar_h), fraction,
                          p.chart_meter(index), p.surface_alt, m)
                y = row.bottom + bar_h + m.px(12)
            y += m.px(10)


def _clock(stamp: str) -> str:
    """The time of day of a journal time (in UTC, ISO 8601), on the local clock."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return stamp
