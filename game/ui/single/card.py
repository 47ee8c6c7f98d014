"""The card on the table: who brings it, the situation, and the options to choose from.

Choosing is two steps so a stray key never decides a card: selecting an option (click, tap, key
1-4, arrow keys) highlights it and previews which meters it touches, as the deck allows;
confirming (Enter, Space, the selected button again, or the confirm button) decides it through
the match, which journals it, and only then does the outcome show. A double click on an option
selects it and no more: the second click of a double click is not a click "again".

G (or the "Begrippen" button at the foot of the card) opens the deck's glossary over the card;
closing it comes back to the same card with the same option selected.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame import Rect

from game.ui import routes
from game.ui.layout.card import card_boxes, card_screen, option_button
from game.ui.layout.words import CardWords
from game.ui.overlays.glossary_terms import card_text, has_glossary
from game.ui.look.meters import draw_meters
from game.ui.look.theme import hex_colour
from game.ui.scene import (
    ACTIVATE_KEYS,
    NEXT_KEYS,
    NUMBER_KEYS,
    PREVIOUS_KEYS,
    Prompt,
    Scene,
    key_event,
)
from game.ui.look.textcache import TextBox
from game.ui.look.widgets import DOWN, UP, Button, flow_labels, panel


class CardScene(Scene):
    shows_notices = True

    def __init__(self, app, match):
        super().__init__(app)
        self.match = match
        self.session = match.session
        self.card = self.session.current_card
        self.character = match.deck.character(self.card.character)
        #: Index of the selected option, or None.
        self.selected: int | None = None
        self._layers: dict[Any, pygame.Surface] = {}
        self.layout_changed()

    @property
    def shot_name(self) -> str:
        return f"card-r{self.session.round:02d}"

    @property
    def options(self):
        return self.card.options

    # ------------------------------------------------------------------ layout
    def layout_changed(self) -> None:
        footer = dict(tags=bool(self.tags()), glossary=has_glossary(self.match.deck))
        self.words = CardWords.of(self.card, self.app.local)
        self.layout = card_screen(self.typeset, self.words, len(self.match.deck.meters),
                                  bool(self.app.notices), **footer)
        self._layers = {}
        self._make_buttons()

    def _make_buttons(self) -> None:
        app = self.app
        buttons = [option_button(i, label, rect)
                   for i, (label, rect) in enumerate(zip(self.words.labels, self.layout.options))]
        label = app.t("card.confirm_n", n=self.selected + 1) if self.selected is not None \
            else app.t("card.confirm")
        buttons.append(Button("confirm", self.layout.confirm, label, style="primary",
                              enabled=self.selected is not None))
        if self.layout.glossary is not None:
            buttons.append(Button("glossary", self.layout.glossary, app.t("card.glossary"),
                                  number="G"))
        self.buttons = buttons

    def carry_over(self, old) -> None:
        if isinstance(old, CardScene) and old.card.id == self.card.id \
                and old.selected is not None and old.selected < len(self.options):
            self.select(old.selected)
            self.keyboard = old.keyboard

    def tags(self) -> list[tuple[str, str]]:
        """The card's aspects as (id, label in the table's language); the id alone if unknown."""
        deck = self.match.deck
        out = []
        for aspect_id in self.card.aspects:
            aspect = deck.aspect(aspect_id)
            out.append((aspect_id, self.app.local(aspect.label) if aspect else ""))
        return out

    def screen_text(self) -> str:
        """Everything the card says, for finding the glossary terms it uses."""
        return card_text(self.app.local, self.card, self.options, self.character)

    def open_glossary(self) -> bool:
        if not has_glossary(self.match.deck):
            return False
        self.app.go(routes.Glossary(self.match.deck, self.screen_text(), "glossary.back_card"))
        return True

    def text_boxes(self) -> dict[str, TextBox]:
        """The card's own texts and the boxes they are fitted into, by part: "title", "text"
        and "option-N" (see :func:`~game.ui.layout.card.card_boxes`)."""
        return card_boxes(self.typeset, self.layout, self.words)

    def option_rect(self, index: int) -> Rect:
        """Where option ``index`` is on screen (for tests and pointer input)."""
        return self.layout.options[index]

    def callout(self, target: str) -> Rect | None:
        """Where an element of this screen is, for the guided first game's callouts: "meters",
        "card", "options", "preview", "glossary", "confirm" or "round" (None: not shown)."""
        L = self.layout
        if target == "meters":
            return L.meters[0].area.unionall([s.area for s in L.meters]) if L.meters else None
        if target == "options":
            return L.options[0].unionall(L.options) if L.options else None
        rects = {"card": L.panel, "preview": L.preview, "glossary": L.glossary,
                 "confirm": L.confirm, "round": L.round}
        rect = rects.get(target)
        return Rect(rect) if rect is not None else None

    # ------------------------------------------------------------------ choosing
    def select(self, index: int) -> None:
        if not 0 <= index < len(self.options):
            return
        if self.selected != index:
            self.selected = index
            self._make_buttons()
        self.focus = index
        self.app.invalidate()

    def prompt(self) -> Prompt:
        return Prompt("pick", count=len(self.options), step=(self.session.round,))

    def answer(self, value=None) -> list[pygame.event.Event]:
        """The option's number key, then Enter."""
        return [key_event(pygame.K_1 + value, str(value + 1)), key_event(pygame.K_RETURN, "\r")]

    def confirm(self) -> None:
        """Decide the card with the selected option; the journal has it before we move on."""
        if self.selected is None or self.session.phase != "card":
            return
        option = self.options[self.selected]
        self.match.choose(option.id)
        self.app.cue("confirm")
        self.app.notices = []
        self.app.go(routes.Current())

    def activate(self, button_id: str) -> None:
        if button_id == "glossary":
            self.open_glossary()
        elif button_id == "confirm":
            self.confirm()
        elif button_id.startswith("option-"):
            index = int(button_id[7:])
            if index == self.selected and not self.keyboard and not self.repeated:
                self.confirm()  # a deliberate second click; a double click only selects
            else:
                self.select(index)

    def on_key(self, key: int, mod: int) -> None:
        if key in NUMBER_KEYS:
            self.keyboard = True
            self.select(NUMBER_KEYS[key] - 1)
        elif key in PREVIOUS_KEYS or key in NEXT_KEYS:
            self.keyboard = True
            step = -1 if key in PREVIOUS_KEYS else 1
            start = self.selected if self.selected is not None else (-1 if step > 0 else 0)
            self.select((start + step) % len(self.options))
        elif key == pygame.K_g and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.open_glossary()
        elif key in ACTIVATE_KEYS:
            # The glossary button answers Enter only while the focus ring shows on it; after a
            # click on it, Enter confirms the card as everywhere else.
            ringed = self.keyboard
            self.keyboard = True
            focused = self.focused_button()
            if ringed and focused is not None and focused.id == "glossary":
                self.open_glossary()
            elif self.selected is not None:
                self.confirm()
            elif focused is not None and focused.id.startswith("option-"):
                self.select(int(focused.id[7:]))
        elif key == pygame.K_TAB:
            super().on_key(key, mod)
            focused = self.focused_button()
            if focused is not None and focused.id.startswith("option-"):
                self.select(int(focused.id[7:]))
        elif key == pygame.K_ESCAPE:
            self.open_menu()

    def open_menu(self) -> None:
        self.app.go(routes.Menu(self.match))

    def on_result(self, result: Any) -> None:
        self.app.menu_chosen(result)

    # ------------------------------------------------------------------ preview
    def preview(self) -> dict[str, int]:
        """The meter changes the selected option would make now (empty if none selected)."""
        if self.selected is None:
            return {}
        return self.session.effects_of(self.options[self.selected])

    def _marks(self) -> dict[str, tuple[str, int]]:
        mode = self.match.deck.spec.preview
        if mode == "none":
            return {}
        kind = "direction" if mode == "direction" else "which"
        return {meter: (kind, delta) for meter, delta in self.preview().items()}

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        key = (surface.get_size(), self.selected)
        layer = self._layers.get(key)
        if layer is None:
            layer = self._draw_layer()
            self._layers[key] = layer
        surface.blit(layer, (0, 0))
        self.draw_buttons(surface, {f"option-{self.selected}"} if self.selected is not None else set())
        self.app.draw_warning(surface, self.layout.frame.warning)

    def _draw_layer(self) -> pygame.Surface:
        """Everything but the buttons; one layer per selection, so a frame is a few blits."""
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        s = self.page_layer(L.frame.band)
        draw_meters(s, L.meters, self.match.deck.meters, self.session.meters, app.lang, app.text,
                    m, p, self._marks(), app.t("meters.affected"))
        self.text_in(s, L.round, app.t("card.round", round=self.session.round,
                                       term=self.match.deck.term),
                     "semibold", m.heading, p.band_ink, align="right", valign="center")
        if L.notice is not None and app.notices:
            pygame.draw.rect(s, p.warning_surface, L.notice, border_radius=m.radius)
            self.text_in(s, L.notice.inflate(-m.px(32), 0), " ".join(app.notices), "semibold",
                         m.small, p.warning_ink, valign="center")
        self._draw_card(s)
        self._draw_side(s)
        return s

    def _draw_card(self, s: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        panel(s, L.panel, m, p)
        stripe = Rect(L.panel.x, L.panel.y, L.panel.width, m.px(10))
        colour = self._character_colour()
        pygame.draw.rect(s, colour, stripe, border_top_left_radius=m.radius,
                         border_top_right_radius=m.radius)
        portrait = app.portraits.get(self.character, L.portrait.width, self.match.deck.folder,
                                     app.lang)
        s.blit(portrait, L.portrait.topleft)
        if self.character is not None:
            self.text_in(s, L.name, app.local(self.character.name), "semibold", m.heading, p.ink)
            self.text_in(s, L.role, app.local(self.character.role), "regular", m.label,
                         p.ink_muted)
        else:
            self.text_in(s, L.name, app.t("card.no_character"), "semibold", m.heading, p.ink)
        boxes = self.text_boxes()
        self.draw_box(s, boxes["title"], p.ink)
        self.draw_box(s, boxes["text"], p.ink)
        if L.tags is not None:
            self._draw_tags(s, L.tags)

    def _draw_tags(self, s: pygame.Surface, area: Rect) -> None:
        """The card's aspects as small labels: "Thema's: Privacy en veiligheid (4a) ..."."""
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        tags = self.tags()
        lead = app.catalog.count("card.themes", len(tags))
        full = [app.t("card.theme", code=code, label=label) if label else code
                for code, label in tags]
        names = [label or code for code, label in tags]
        codes = [code for code, _ in tags]
        # Shorter forms for a narrow window: the names without their section (the outcome's
        # essay panel names it), then without the lead, then the sections alone.
        for head, labels in ((lead, full), (lead, names), ("", full), (lead, codes)):
            if flow_labels(None, area, head, labels, app.text, m, p, m.small):
                flow_labels(s, area, head, labels, app.text, m, p, m.small)
                return

    def _character_colour(self):
        if self.character is not None and self.character.colour:
            return hex_colour(self.character.colour)
        return self.app.theme.palette.accent

    def _draw_side(self, s: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        n = len(self.options)
        self.text_in(s, L.caption, app.t("card.choose", last=n), "semibold", m.small,
                     p.ink_muted, valign="center")
        pygame.draw.rect(s, p.surface_alt, L.preview, border_radius=m.radius)
        pygame.draw.rect(s, p.border, L.preview, width=max(1, m.line // 2), border_radius=m.radius)
        inner = L.preview.inflate(-m.px(40), -m.px(16))
        mode = self.match.deck.spec.preview
        if self.selected is None:
            self.text_in(s, inner, app.t("card.select_first"), "regular", m.small, p.ink_muted,
                         valign="center")
            return
        effects = self.preview()
        if mode == "none":
            self.text_in(s, inner, app.t("card.confirm_hint"), "regular", m.small, p.ink_muted,
                         valign="center")
            return
        if not effects:
            self.text_in(s, inner, app.t("card.no_effect"), "regular", m.small, p.ink,
                         valign="center")
            return
        self._draw_chips(s, inner, effects, mode == "direction")

    def _draw_chips(self, s: pygame.Surface, area: Rect, effects: dict[str, int],
                    direction: bool) -> None:
        """'Raakt:' and one chip per affected meter, flowing over at most two lines."""
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        size = m.small
        lead = app.text.render(app.t("card.affects"), "semibold", size, p.ink)
        line_h = lead.line_height + m.px(12)
        start_x = area.x + lead.width + m.px(12)
        full = [app.local(mt.label) for mt in self.match.deck.meters if effects.get(mt.id)]
        need = sum(app.text.measure(f"▲ {name}", "semibold", size)[0] + m.px(34) for name in full)
        fits_full = start_x + need <= area.right
        rows = 1 if fits_full else 2
        if not fits_full:
            short = [name.split(" (")[0] for name in full]
            need = sum(app.text.measure(f"▲ {name}", "semibold", size)[0] + m.px(34) for name in short)
            rows = 1 if start_x + need <= area.right else 2
        top = area.y + max(0, (area.height - rows * line_h) // 2)
        s.blit(lead.surface, (area.x, top + (line_h - m.px(6) - lead.line_height) // 2))
        x, y = start_x, top
        for meter in self.match.deck.meters:
            delta = effects.get(meter.id)
            if not delta:
                continue
            name = app.local(meter.label)
            if not fits_full:
                name = name.split(" (")[0]
            if direction:
                text, ink = f"{UP if delta > 0 else DOWN} {name}", p.positive if delta > 0 else p.negative
            else:
                text, ink = name, p.ink
            chip = app.text.render(text, "semibold", size, ink)
            width = chip.width + m.px(24)
            if x + width > area.right and x > area.x + lead.width + m.px(12):
                x, y = area.x + lead.width + m.px(12), y + line_h
            rect = Rect(x, y, width, line_h - m.px(6))
            pygame.draw.rect(s, p.surface, rect, border_radius=rect.height // 2)
            pygame.draw.rect(s, ink, rect, width=max(1, m.line // 2 + 1), border_radius=rect.height // 2)
            s.blit(chip.surface, (x + m.px(12), rect.centery - chip.line_height // 2))
            x += width + m.px(10)
