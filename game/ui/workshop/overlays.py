"""Small screens over the workshop: a question, a choice on a tie, the note field, a black
screen, and a plain message.

Each is pushed over the game and dismissed with its answer as the result, which the screen
below acts on; none of them changes the workshop itself.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from game.ui.scene import NUMBER_KEYS, Prompt, Scene, key_event
from game.ui.look.widgets import Button, panel
from game.ui.layout import workshop as layout
from game.ui.workshop.textfield import TextField, draw_field

YES_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_j, pygame.K_y, pygame.K_PAGEDOWN,
            pygame.K_RIGHT)
NO_KEYS = (pygame.K_ESCAPE, pygame.K_n, pygame.K_PAGEUP, pygame.K_LEFT, pygame.K_BACKSPACE)


class _Dialog(Scene):
    """A panel over the dimmed game; by default with a ``heading``, a ``text`` and buttons."""

    overlay = True
    heading = text = ""

    def draw_panel(self, surface: pygame.Surface) -> None:
        """The game dimmed and the dialog's empty panel over it."""
        self.dim_below(surface)
        panel(surface, self.layout.panel, self.app.metrics, self.app.theme.palette)

    def draw(self, surface: pygame.Surface) -> None:
        L, m, p = self.layout, self.app.metrics, self.app.theme.palette
        self.draw_panel(surface)
        self.text_in(surface, L.heading, self.heading, "bold", m.title, p.ink, valign="center")
        self.text_in(surface, L.text, self.text, "regular", m.body, p.ink)
        self.draw_buttons(surface)

    def on_click(self, pos: tuple[int, int]) -> None:
        if not self.layout.panel.collidepoint(pos):
            self.app.pop(self.dismissed)
            return
        super().on_click(pos)

    #: The result when the dialog is closed without an answer.
    dismissed = None


class ConfirmScene(_Dialog):
    """A yes/no question: Enter (or the clicker's next) is yes, Esc (or back) is no."""

    def __init__(self, app, question: str, detail: str, yes: str, no: str, hint: str = ""):
        super().__init__(app)
        self.question, self.detail, self.yes, self.no = question, detail, yes, no
        #: The keys that answer, on a line of their own ("Enter = ja, Esc = nee").
        self.hint = hint
        self.dismissed = False
        self.layout_changed()
        self.focus, self.keyboard = 0, True

    def prompt(self) -> Prompt:
        return Prompt("confirm")

    def answer(self, value=None) -> list[pygame.event.Event]:
        """Enter for yes, Esc for no."""
        return [key_event(pygame.K_RETURN, "\r") if value else key_event(pygame.K_ESCAPE)]

    @property
    def shot_name(self) -> str:
        return "confirm"

    def layout_changed(self) -> None:
        self.layout = layout.dialog(self.app.metrics, 2, text_lines=4)
        self.buttons = [Button("yes", self.layout.buttons[0], self.yes, style="primary"),
                        Button("no", self.layout.buttons[1], self.no)]
        self._dim = None

    def activate(self, button_id: str) -> None:
        self.app.pop(button_id == "yes")

    def on_key(self, key: int, mod: int) -> None:
        if key in YES_KEYS:
            focused = self.focused_button()
            self.app.pop(not (key in (pygame.K_RETURN, pygame.K_KP_ENTER)
                              and focused is not None and focused.id == "no"))
        elif key in NO_KEYS:
            self.app.pop(False)
        else:
            super().on_key(key, mod)

    def draw(self, surface: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        self.draw_panel(surface)
        self.text_in(surface, L.heading, self.question, "bold", m.title, p.ink, valign="center")
        hint_h = round(m.body * 1.35) if self.hint else 0
        detail = self.text_in(surface, Rect(L.text.x, L.text.y, L.text.width,
                                            L.text.height - hint_h),
                              self.detail, "regular", m.body, p.ink)
        if self.hint:
            self.text_in(surface, Rect(L.text.x, L.text.y + detail.height + app.metrics.px(8),
                                       L.text.width, hint_h), self.hint, "bold", m.body, p.ink)
        self.draw_buttons(surface)


class ChooseScene(_Dialog):
    """Which option counts, when the votes do not say it: the option's number or a click."""

    def __init__(self, app, heading: str, text: str, choices: list[tuple[int, str]],
                 cancel: str):
        super().__init__(app)
        self.heading, self.text = heading, text
        #: (option index, label) of the options to choose from, in the card's order.
        self.choices = choices
        self.cancel = cancel
        self.layout_changed()
        self.focus, self.keyboard = 0, True

    def prompt(self) -> Prompt:
        return Prompt("pick", count=len(self.choices))

    def answer(self, value=None) -> list[pygame.event.Event]:
        """The number key of the ``value``-th option offered."""
        number = self.choices[value][0] + 1
        return [key_event(pygame.K_0 + number, str(number))]

    @property
    def shot_name(self) -> str:
        return "choose"

    def layout_changed(self) -> None:
        m = self.app.metrics
        base = layout.dialog(m, 0, text_lines=2, width=1300)
        button_h = max(m.px(84), round(m.button * 2.2))
        count = len(self.choices) + 1
        grow = count * button_h + (count - 1) * m.px(14)
        panel_rect = Rect(0, 0, base.panel.width, base.panel.height + grow)
        panel_rect.center = (m.width // 2, m.height // 2)
        shift = panel_rect.y - base.panel.y
        heading, text = base.heading.move(0, shift), base.text.move(0, shift)
        top = text.bottom + m.px(24)
        rects = [Rect(text.x, top + i * (button_h + m.px(14)), text.width, button_h)
                 for i in range(count)]
        self.layout = layout.DialogLayout(panel_rect, heading, text, rects)
        self.buttons = [Button(f"option-{index}", rect, label, number=str(index + 1),
                               style="option")
                        for (index, label), rect in zip(self.choices, rects)]
        self.buttons.append(Button("cancel", rects[-1], self.cancel))
        self._dim = None

    def activate(self, button_id: str) -> None:
        self.app.pop(None if button_id == "cancel" else int(button_id[7:]))

    def on_key(self, key: int, mod: int) -> None:
        if key in NUMBER_KEYS:
            index = NUMBER_KEYS[key] - 1
            if any(index == i for i, _ in self.choices):
                self.app.pop(index)
        elif key in (pygame.K_ESCAPE, pygame.K_PAGEUP, pygame.K_LEFT):
            self.app.pop(None)
        else:
            super().on_key(key, mod)


class NoteScene(_Dialog):
    """The facilitator's one-line note on the card: Enter keeps it, Esc leaves it as it was."""

    LIMIT = 200

    def __init__(self, app, heading: str, text: str = "", swallow: str = ""):
        super().__init__(app)
        self.heading = heading
        self.field = TextField(text, self.LIMIT, swallow)
        self.layout_changed()

    def prompt(self) -> Prompt:
        return Prompt("text")

    def answer(self, value=None) -> list[pygame.event.Event]:
        """The text typed (as the keyboard sends it), then Enter; Esc without a text."""
        if value is None:
            return [key_event(pygame.K_ESCAPE)]
        typed = [pygame.event.Event(pygame.TEXTINPUT, text=char) for char in str(value)]
        return typed + [key_event(pygame.K_RETURN, "\r")]

    @property
    def shot_name(self) -> str:
        return "note"

    def layout_changed(self) -> None:
        m = self.app.metrics
        self.layout = layout.dialog(m, 2, text_lines=2, width=1500, hint_lines=1)
        save, cancel = self.layout.buttons
        self.buttons = [Button("save", save, self.app.t("workshop.note.save"), style="primary"),
                        Button("cancel", cancel, self.app.t("workshop.note.cancel"))]
        self._dim = None

    def activate(self, button_id: str) -> None:
        self.app.pop(self.field.text if button_id == "save" else None)

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.TEXTINPUT):
            outcome = self.field.handle(event)
            if outcome == "done":
                self.app.pop(self.field.text)
            elif outcome == "cancel":
                self.app.pop(None)
            elif outcome == "changed":
                self.app.invalidate()
            return
        super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        self.draw_panel(surface)
        self.text_in(surface, L.heading, self.heading, "bold", m.title, p.ink, valign="center")
        self.text_in(surface, L.hint, app.t("workshop.note.hint"), "regular", m.small,
                     p.ink_muted, valign="center")
        draw_field(surface, L.text, self.field.text, True, app)
        self.draw_buttons(surface)


class BlackScene(Scene):
    """A black screen for when the room should look at each other, not at the projector;
    any key, click or tap brings the game back (and does nothing else)."""

    def prompt(self) -> Prompt:
        return Prompt("close")

    def answer(self, value=None) -> list[pygame.event.Event]:
        return [key_event(pygame.K_SPACE, " ")]

    @property
    def shot_name(self) -> str:
        return "black"

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN or (event.type == pygame.MOUSEBUTTONUP
                                            and not getattr(event, "touch", False)) \
                or event.type == pygame.FINGERUP:
            self.app.pop(None)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((0, 0, 0))


class MessageScene(_Dialog):
    """A plain message with a button to close it."""

    def __init__(self, app, heading: str, text: str):
        super().__init__(app)
        self.heading, self.text = heading, text
        self.layout_changed()
        self.focus, self.keyboard = 0, True

    def prompt(self) -> Prompt:
        return Prompt("close")

    def answer(self, value=None) -> list[pygame.event.Event]:
        return [key_event(pygame.K_RETURN, "\r")]

    @property
    def shot_name(self) -> str:
        return "message"

    def layout_changed(self) -> None:
        self.layout = layout.dialog(self.app.metrics, 1, text_lines=4)
        self.buttons = [Button("close", self.layout.buttons[0], self.app.t("workshop.close"),
                               style="primary")]
        self._dim = None

    def activate(self, button_id: str) -> None:
        self.app.pop(None)

    def on_key(self, key: int, mod: int) -> None:
        if key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE,
                   pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.app.pop(None)
        else:
            super().on_key(key, mod)
