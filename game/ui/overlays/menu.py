"""The pause menu (Esc): play on, take back the last decision, start over, less motion, or stop.

The menu is pushed over the game and dismissed with the chosen action as its result; the scene
below carries it out through the table (``App.menu_chosen``). Stopping never loses anything: every
confirmed decision is already in the journal and the session can be resumed.
"""

from __future__ import annotations


import pygame

from game.ui.layout import screens as layout
from game.ui.scene import NUMBER_KEYS, Prompt, Scene, key_event
from game.ui.look.widgets import Button, panel

ACTIONS = ("resume", "undo", "restart", "title", "quit", "motion")
#: A number key per item (a workshop's menu has seven).
MENU_KEYS = {**NUMBER_KEYS, pygame.K_7: 7, pygame.K_KP7: 7, pygame.K_8: 8, pygame.K_KP8: 8}


class MenuScene(Scene):
    overlay = True

    def __init__(self, app, match, actions: tuple[str, ...] = ACTIONS):
        super().__init__(app)
        self.match = match
        #: The menu's items, in order; a workshop has its own.
        self.actions = actions
        self.layout_changed()
        self.focus = 0
        self.keyboard = True

    @property
    def shot_name(self) -> str:
        return "menu"

    def layout_changed(self) -> None:
        app = self.app
        self.layout = layout.dialog(app.metrics, len(self.actions))
        can_undo = self.match is not None and self.match.can_undo
        self.buttons = [
            Button(action, rect, self._label(action), number=str(i + 1),
                   enabled=action != "undo" or can_undo)
            for i, (action, rect) in enumerate(zip(self.actions, self.layout.buttons))
        ]
        self._dim = None

    def _label(self, action: str) -> str:
        if action == "motion":
            return self.app.t("menu.motion_restore" if self.app.still else "menu.motion_reduce")
        return self.app.t(f"menu.{action}")

    def prompt(self) -> Prompt:
        return Prompt("menu", count=len(self.actions))

    def answer(self, value=None) -> list[pygame.event.Event]:
        """The number key of the ``value``-th action (Esc, back to the game, without one)."""
        if value is None:
            return [key_event(pygame.K_ESCAPE)]
        return [key_event(pygame.K_1 + value, str(value + 1))]

    def activate(self, button_id: str) -> None:
        if button_id == "motion":  # a setting: changed here, the menu stays open
            self.app.toggle_motion()
            self.layout_changed()
            self.focus_on("motion")
            return
        self.app.pop(button_id)

    def on_key(self, key: int, mod: int) -> None:
        if key == pygame.K_ESCAPE:
            self.app.pop("resume")
        elif key in MENU_KEYS:
            index = MENU_KEYS[key] - 1
            if 0 <= index < len(self.buttons) and self.buttons[index].enabled:
                self.activate(self.buttons[index].id)
        else:
            super().on_key(key, mod)

    def draw(self, surface: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        self.dim_below(surface)
        panel(surface, L.panel, m, p)
        self.text_in(surface, L.heading, app.t("menu.heading"), "bold", m.title, p.ink,
                     valign="center")
        hint = app.text.render(app.t("menu.hint"), "regular", m.small, p.ink_muted)
        surface.blit(hint.surface, (L.heading.right - hint.width,
                                    L.heading.centery - hint.line_height // 2))
        self.draw_buttons(surface)

