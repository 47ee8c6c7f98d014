"""The title screen: the decks to choose from, resuming a saved game, and the language.

Every deck found in the bundled scenarios folder and in the user's own deck folder is listed by
title. A deck with errors stays in the list, greyed and with its error count; choosing it shows
its errors. The other decks still play.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pygame

from game.language.texts import KNOWN_LANGUAGES
from game.ui import routes
from game.ui.layout import screens as layout
from game.ui.scene import Prompt, Scene
from game.ui.look.textcache import ellipsize
from game.ui.start.decks import find_decks
from game.ui.look.widgets import Button, panel, warning_line


def format_time(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return stamp


class TitleScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.entries = find_decks(app)
        self.saved = app.latest_unfinished()
        #: The latest unfinished session when another window plays it: offered to watch.
        self.watchable = app.watchable() if self.saved is None else None
        self.selected = next((i for i, e in enumerate(self.entries) if e.ok), None)
        self.page = 0
        self._static: pygame.Surface | None = None
        self.layout_changed()
        self.focus_on("start" if self.selected is not None else "lang-nl")

    @property
    def shot_name(self) -> str:
        return "title"

    # ------------------------------------------------------------------ layout
    def layout_changed(self) -> None:
        self.layout = layout.title(self.app.metrics, self.shown_session is not None)
        self._static = None
        focused = self.focused_button()
        self._make_buttons()
        if focused is not None:
            self.focus_on(focused.id)

    @property
    def shown_session(self):
        """The session in the side panel: to resume, or to watch when another window plays it."""
        return self.saved if self.saved is not None else self.watchable

    @property
    def per_page(self) -> int:
        return len(self.layout.decks)

    def _make_buttons(self) -> None:
        app, L = self.app, self.layout
        buttons = [Button(f"lang-{code}", rect, code.upper())
                   for code, rect in zip(KNOWN_LANGUAGES, L.languages)]
        first = self.page * self.per_page
        for rect, index in zip(L.decks, range(first, len(self.entries))):
            entry = self.entries[index]
            if entry.ok:
                detail = ellipsize(entry.description(app.lang) or entry.folder.name,
                                   app.fonts.get("regular", app.metrics.small),
                                   rect.width - app.metrics.px(48))
                alert = False
            else:
                detail = "⚠ " + app.catalog.count("title.errors", entry.error_count)
                alert = True
            buttons.append(Button(f"deck-{index}", rect, entry.title(app.lang), style="deck",
                                  detail=detail, detail_alert=alert, muted=not entry.ok))
        if self.saved is not None:
            buttons.append(Button("resume", L.resume, app.t("title.resume"), style="primary"))
        elif self.watchable is not None:
            buttons.append(Button("watch", L.resume, app.t("title.watch")))
        buttons.append(Button("start", L.start, app.t("title.start"),
                              style="primary" if self.saved is None else "secondary",
                              enabled=self.selected is not None))
        buttons.append(Button("workshop", L.workshop, app.t("title.workshop"), number="W",
                              enabled=self.selected is not None))
        if L.onboarding is not None:
            buttons.append(Button("onboarding", L.onboarding, app.t("onboarding.title_button"),
                                  number="I"))
        self.buttons = buttons

    def prompt(self) -> Prompt:
        return Prompt("start")

    # ------------------------------------------------------------------ input
    def activate(self, button_id: str) -> None:
        app = self.app
        if button_id.startswith("lang-"):
            app.set_language(button_id[5:])
        elif button_id.startswith("deck-"):
            index = int(button_id[5:])
            entry = self.entries[index]
            if not entry.ok:
                app.go(routes.DeckErrors(entry.folder, entry.result))
            elif self.selected == index and not self.keyboard:
                app.start_deck(entry.folder, entry.result)
            else:
                self.selected = index
                self._static = None
                self._make_buttons()
                self.focus_on("start" if self.keyboard else button_id)
        elif button_id == "start" and self.selected is not None:
            entry = self.entries[self.selected]
            app.start_deck(entry.folder, entry.result)
        elif button_id == "resume" and self.saved is not None:
            app.resume(self.saved)
        elif button_id == "watch" and self.watchable is not None:
            app.go(routes.Watch(self.watchable.id))
        elif button_id == "workshop" and self.selected is not None:
            entry = self.entries[self.selected]
            if entry.result.deck is None:  # a check only the full load makes
                app.go(routes.DeckErrors(entry.folder, entry.result))
            else:
                app.go(routes.WorkshopSetup(self.entries, self.selected))
        elif button_id == "onboarding":
            app.start_onboarding()
        app.invalidate()

    def on_key(self, key: int, mod: int) -> None:
        if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.on_wheel(-1 if key == pygame.K_PAGEDOWN else 1)
        elif key == pygame.K_ESCAPE:
            self.app.quit()
        elif key == pygame.K_w and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.activate("workshop")
        elif key == pygame.K_i and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.activate("onboarding")
        else:
            super().on_key(key, mod)

    def on_wheel(self, amount: int) -> None:
        pages = max(1, -(-len(self.entries) // self.per_page))
        page = min(pages - 1, max(0, self.page - amount))
        if page != self.page:
            self.page = page
            self._static = None
            self._make_buttons()
            self.app.invalidate()

    def on_result(self, result: Any) -> None:
        self.layout_changed()

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        if self._static is None or self._static.get_size() != surface.get_size():
            self._static = self._draw_static()
        surface.blit(self._static, (0, 0))
        selected = {f"lang-{self.app.lang}"}
        if self.selected is not None:
            selected.add(f"deck-{self.selected}")
        self.draw_buttons(surface, selected)

    def _draw_static(self) -> pygame.Surface:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        s = self.page_layer(L.frame.band)
        self.text_in(s, L.name, app.t("app.name"), "bold", m.display, p.band_ink)
        self.text_in(s, L.subtitle, app.t("app.tagline"), "regular", m.heading, p.band_muted)
        self.text_in(s, L.list_heading, app.t("title.choose_deck"), "semibold", m.heading, p.ink)
        if not self.entries:
            self.text_in(s, L.decks[0], app.t("title.no_decks"), "regular", m.body, p.ink_muted)
        pages = max(1, -(-len(self.entries) // self.per_page))
        if pages > 1:
            first = self.page * self.per_page + 1
            last = min(len(self.entries), first + self.per_page - 1)
            self.text_in(s, L.pager, app.t("title.pager", first=first, last=last,
                                            total=len(self.entries)), "regular", m.small,
                         p.ink_muted)
        if L.resume_panel is not None and self.shown_session is not None:
            panel(s, L.resume_panel, m, p)
            self._resume_text(s)
        panel(s, L.details_panel, m, p)
        self._details_text(s)
        folder = str(app.options.user_decks_dir) if app.options.user_decks_dir else "—"
        self.text_in(s, L.folder, app.t("title.own_decks", path=folder), "regular", m.small,
                     p.ink_muted, shrink=False)
        notice = app.warning or (app.notices[0] if app.notices else None)
        if notice:
            warning_line(s, L.frame.warning, notice, app.text, m, p)
        return s

    def _resume_text(self, s: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        saved = self.shown_session
        rect = L.resume_text
        y = rect.y
        head = self.text_in(s, pygame.Rect(rect.x, y, rect.width, round(m.heading * 1.3)),
                            app.t("title.resume_heading" if self.saved is not None
                                  else "title.watch_heading"), "semibold", m.heading, p.ink)
        y += head.height + app.metrics.px(6)
        title = saved.deck_id
        term = None
        for entry in self.entries:
            if entry.ok and entry.summary is not None and entry.summary.id == saved.deck_id:
                title = entry.title(app.lang)
                term = entry.summary.rounds
        round_no = saved.state.get("round", 0)
        if saved.is_workshop:
            teams = saved.state.get("teams") or [{}]
            term = teams[0].get("term", term)
            title = ellipsize(app.t("title.resume_workshop", deck=title,
                                    teams=app.catalog.count("title.teams", len(teams))),
                              app.fonts.get("semibold", m.body), rect.width)
        where = app.t("title.resume_round", round=round_no, term=term) if term else \
            app.t("title.resume_round_only", round=round_no)
        lines = [(title, "semibold", p.ink),
                 (f"{where} · {app.catalog.count('title.decisions', saved.decisions)}", "regular", p.ink_muted),
                 (app.t("title.resume_when", when=format_time(saved.updated)), "regular", p.ink_muted)]
        for text, weight, colour in lines:
            block = self.text_in(s, pygame.Rect(rect.x, y, rect.width, round(m.body * 1.3)),
                                 text, weight, m.body, colour)
            y += block.height

    def _details_text(self, s: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        rect = L.details_text
        if self.selected is None:
            self.text_in(s, rect, app.t("title.no_playable"), "regular", m.body, p.ink_muted)
            return
        entry = self.entries[self.selected]
        deck = entry.summary
        y = rect.y
        head = self.text_in(s, pygame.Rect(rect.x, y, rect.width, round(m.heading * 1.3) * 2),
                            entry.title(app.lang), "semibold", m.heading, p.ink)
        y += head.height + m.px(10)
        facts = app.t("title.facts", rounds=deck.rounds, meters=len(deck.meters),
                      cards=deck.cards)
        block = self.text_in(s, pygame.Rect(rect.x, y, rect.width, round(m.small * 1.3)), facts,
                             "semibold", m.small, p.ink_muted)
        y += block.height + m.px(14)
        if self.saved is not None:
            # Less room beside the resume panel: say what starting anew means, not the blurb.
            note = app.text.render(app.t("title.new_keeps_saved"), "regular", m.small,
                                   p.ink_muted, rect.width)
            if y + note.height <= rect.bottom:
                s.blit(note.surface, (rect.x, y))
            return
        line_h = round(m.label * 1.35)
        meters_h = line_h * len(deck.meters)
        room = rect.bottom - y - m.px(20) - meters_h
        if room >= line_h:
            described = self.text_in(s, pygame.Rect(rect.x, y, rect.width, room),
                                     entry.description(app.lang), "regular", m.body, p.ink)
            y += min(described.height, room) + m.px(20)
        if y + meters_h > rect.bottom:
            return
        for i, meter in enumerate(deck.meters):
            dot = pygame.Rect(rect.x, y + line_h // 2 - m.px(7), m.px(14), m.px(14))
            pygame.draw.rect(s, p.band_meter(i), dot, border_radius=m.px(3))
            pygame.draw.rect(s, p.band, dot, width=max(1, m.px(2)), border_radius=m.px(3))
            self.text_in(s, pygame.Rect(dot.right + m.px(14), y, rect.width - m.px(28), line_h),
                         app.local(meter.label), "semibold", m.label, p.ink, shrink=False)
            y += line_h
