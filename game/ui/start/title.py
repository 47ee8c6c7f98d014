"""The title screen: the chosen deck as an invitation to play, the decks, resuming, the language.

The chosen deck fills the left: its emblem (:mod:`game.ui.look.emblem`), title, facts and
description, its meters introduced one line each, and the big choices: play alone, run a
workshop, and the introduction for council members. The right column offers a saved game to
resume and lists every deck found in the bundled scenarios folder and in the user's own deck
folder, whose place is written at the foot. A deck with errors stays in the list, greyed and
with its error count; choosing it shows its errors. The other decks still play.

The drawing reads only a deck's simple facts (title, description, meters with their labels and
descriptions, card count, rounds), never its cards.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pygame

from game.language.texts import KNOWN_LANGUAGES
from game.ui import routes
from game.ui.deck_facts import summary_facts
from game.ui.layout import title as layout
from game.ui.scene import Prompt, Scene
from game.ui.look.emblem import draw_emblem
from game.ui.look.textcache import ellipsize
from game.ui.start.decks import find_decks
from game.ui.look.widgets import Button, panel, warning_line


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (up to and with its full stop), or all of a short text."""
    text = " ".join(text.split())
    for end in (". ", "? ", "! "):
        cut = text.find(end)
        if cut > 0:
            return text[:cut + 1]
    return text


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
        #: What the question over this screen is about ("quit"), or None.
        self.asking: str | None = None
        self._static: pygame.Surface | None = None
        self.layout_changed()
        self.focus_on("start" if self.selected is not None else "lang-nl")

    @property
    def shot_name(self) -> str:
        return "title"

    # ------------------------------------------------------------------ layout
    def layout_changed(self) -> None:
        entry = self.entry
        meters = len(entry.summary.meters) if entry is not None and entry.summary else 0
        self.layout = layout.title(self.app.metrics, self.shown_session is not None, meters)
        self._static = None
        focused = self.focused_button()
        self._make_buttons()
        if focused is not None:
            self.focus_on(focused.id)

    @property
    def entry(self):
        """The chosen deck, or None when no deck can be played."""
        return self.entries[self.selected] if self.selected is not None else None

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
            room = rect.width - app.metrics.px(48)
            if entry.ok:  # the chosen deck's description stands beside the list, whole
                summary = entry.summary
                detail = app.t("title.list_facts", rounds=summary.rounds,
                               cards=summary.cards - summary.follow_ups)
                alert = False
            else:
                detail = "⚠ " + app.catalog.count("title.errors", entry.error_count)
                if app.text.measure(detail, "regular", app.metrics.small)[0] > room:
                    detail = "⚠ " + app.catalog.count("title.errors_short", entry.error_count)
                alert = True
            buttons.append(Button(f"deck-{index}", rect, entry.title(app.lang), style="deck",
                                  detail=detail, detail_alert=alert, muted=not entry.ok))
        if self.saved is not None:
            buttons.append(Button("resume", L.resume, app.t("title.resume"), style="primary"))
        elif self.watchable is not None:
            buttons.append(Button("watch", L.resume, app.t("title.watch")))
        buttons.append(Button("start", L.start, app.t("title.play_alone"),
                              style="primary" if self.saved is None else "secondary",
                              enabled=self.selected is not None))
        buttons.append(Button("workshop", L.workshop, app.t("title.run_workshop"), number="W",
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
                self.layout_changed()  # the new deck may have another number of meters
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
            self.ask_quit()
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

    def ask_quit(self) -> None:
        """Esc asks before the game closes: the focus is on staying (see ConfirmScene)."""
        app = self.app
        self.asking = "quit"
        app.go(routes.Confirm(app.t("title.quit.question"), app.t("title.quit.detail"),
                              app.t("title.quit.accept"), app.t("title.quit.decline"),
                              hint=app.t("workshop.undo.hint")))

    def on_result(self, result: Any) -> None:
        asking, self.asking = self.asking, None
        if asking == "quit" and result is True:
            self.app.quit()
            return
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
        panel(s, L.hero, m, p)
        self._hero(s)
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
        folder = str(app.options.user_decks_dir) if app.options.user_decks_dir else "—"
        self.text_in(s, L.folder, app.t("title.own_decks", path=folder), "regular", m.small,
                     p.ink_muted, shrink=False)
        notice = app.warning or (app.notices[0] if app.notices else None)
        if notice:
            warning_line(s, L.frame.warning, notice, app.text, m, p)
        return s

    def _hero(self, s: pygame.Surface) -> None:
        """The chosen deck: emblem, title, facts, description and its meters introduced."""
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        entry = self.entry
        if entry is None:
            self.text_in(s, L.deck_title, app.t("title.no_playable"), "regular", m.body,
                         p.ink_muted)
            return
        summary = entry.summary  # the title reads summaries; a deck loads when chosen
        meters = list(summary.meters)
        draw_emblem(s, L.art, [p.band_meter(i) for i in range(len(meters))], p)
        self.text_in(s, L.deck_title, entry.title(app.lang), "bold", m.title, p.ink)
        facts = summary_facts(app, summary)
        self.text_in(s, L.facts, facts, "semibold", m.small, p.ink_muted)
        about = L.description
        if self.saved is not None:
            # Starting anew leaves the saved game alone: say so under the description.
            note = app.text.render(app.t("title.new_keeps_saved"), "regular", m.small,
                                   p.ink_muted, about.width)
            if note.height < about.height:
                s.blit(note.surface, (about.x, about.bottom - note.height))
                about = pygame.Rect(about.x, about.y, about.width,
                                    about.height - note.height - m.px(10))
        if about.height >= round(m.body * 1.3):
            self.text_in(s, about, self.fitting(entry.description(app.lang), about), "regular",
                         m.body, p.ink)
        self.text_in(s, L.meters_heading, app.t("title.meters_heading"), "semibold", m.small,
                     p.ink_muted, valign="center")
        for i, (meter, row) in enumerate(zip(meters, L.meters)):
            self._meter_row(s, row, meter, i)

    def fitting(self, text: str, box: pygame.Rect) -> str:
        """As many whole sentences of ``text`` as fit ``box`` at the body size; when not even
        the first does, its words up to an ellipsis."""
        app, m = self.app, self.app.metrics

        def fits(part: str) -> bool:
            return app.text.render(part, "regular", m.body, (0, 0, 0), box.width).height \
                <= box.height

        if fits(text):
            return text
        words, shown = text.split(), ""
        sentences = []
        for word in words:
            shown = f"{shown} {word}".strip()
            if shown.endswith((".", "?", "!")):
                sentences.append(shown)
        best = next((s for s in reversed(sentences) if fits(s)), "")
        if best:
            return best
        shown = ""
        for word in words:
            if not fits(f"{shown} {word}…".strip()):
                break
            shown = f"{shown} {word}".strip()
        return f"{shown}…" if shown else ""

    def _meter_row(self, s: pygame.Surface, row: pygame.Rect, meter, index: int) -> None:
        """A meter introduced on one line: its swatch, its name and the first sentence of what
        it means (shortened with an ellipsis when the line is full)."""
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        dot = m.px(30)
        swatch = pygame.Rect(row.x, row.centery - dot // 2, dot, dot)
        pygame.draw.circle(s, p.band_meter(index), swatch.center, dot // 2)
        pygame.draw.circle(s, p.band, swatch.center, dot // 2, max(2, m.px(3)))
        x = swatch.right + m.px(16)
        name_font = app.fonts.get("semibold", m.label)
        name = ellipsize(app.local(meter.label), name_font, row.right - x)
        block = app.text.render(name, "semibold", m.label, p.ink)
        s.blit(block.surface, (x, row.centery - block.line_height // 2))
        x += block.width + m.px(18)
        line = first_sentence(app.local(meter.description))
        if line and row.right - x > m.px(120):
            shown = ellipsize(line, app.fonts.get("regular", m.label), row.right - x)
            block = app.text.render(shown, "regular", m.label, p.ink_muted)
            s.blit(block.surface, (x, row.centery - block.line_height // 2))

    def resume_lines(self) -> list[str]:
        """What the resume panel says of the saved game: the deck (a workshop's with its
        teams), the next card's round and the decisions made, and when it was last played."""
        app, saved = self.app, self.shown_session
        title = saved.deck_id
        term = None
        for entry in self.entries:
            if entry.ok and entry.summary is not None and entry.summary.id == saved.deck_id:
                title = entry.title(app.lang)
                term = entry.summary.rounds
        round_no = saved.state.get("round", 0)
        if saved.state.get("phase") != "card":  # decided: the next card is the next round's
            round_no += 1
        if saved.is_workshop:
            teams = saved.state.get("teams") or [{}]
            term = teams[0].get("term", term)
            title = app.t("title.resume_workshop", deck=title,
                          teams=app.catalog.count("title.teams", len(teams)))
        if term:
            where = app.t("title.resume_next", round=min(round_no, term), term=term)
        else:
            where = app.t("title.resume_next_only", round=round_no)
        return [title, f"{where} · {app.catalog.count('title.decisions', saved.decisions)}",
                app.t("title.resume_when", when=format_time(saved.updated))]

    def _resume_text(self, s: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        rect = L.resume_text
        y = rect.y
        head = self.text_in(s, pygame.Rect(rect.x, y, rect.width, round(m.heading * 1.3)),
                            app.t("title.resume_heading" if self.saved is not None
                                  else "title.watch_heading"), "semibold", m.heading, p.ink)
        y += head.height + app.metrics.px(6)
        title, where, when = self.resume_lines()
        if self.shown_session.is_workshop:
            title = ellipsize(title, app.fonts.get("semibold", m.body), rect.width)
        lines = [(title, "semibold", p.ink), (where, "regular", p.ink_muted),
                 (when, "regular", p.ink_muted)]
        for text, weight, colour in lines:
            block = self.text_in(s, pygame.Rect(rect.x, y, rect.width, round(m.body * 1.3)),
                                 text, weight, m.body, colour)
            y += block.height
