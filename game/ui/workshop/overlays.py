"""Small screens over the workshop: a question, a choice on a tie, the note field, a black
screen, and a plain message.

Each is pushed over the game and dismissed with its answer as the result, which the screen
below acts on; none of them changes the workshop itself.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from game.ui.scene import NUMBER_KEYS, Closable, Prompt, Scene, key_event
from game.ui.look.widgets import Button, panel
from game.ui.layout import workshop as layout
from game.ui.workshop.textfield import TextField, draw_field

#: Keys that say yes outright: the letter of the word (ja, yes), never Enter or a clicker's key.
YES_KEYS = (pygame.K_j, pygame.K_y)
NO_KEYS = (pygame.K_ESCAPE, pygame.K_n, pygame.K_BACKSPACE)


class _Dialog(Scene):
    """A panel over the dimmed game; by default with a ``heading``, a ``text`` and buttons.

    A dialog that keeps its backdrop (:attr:`keeps_backdrop`) holds, once drawn, the dimmed
    frame below with its panel and texts as one layer, so a later frame is that layer and the
    buttons: nothing below moves while a dialog is open (the countdown waits for it).
    """

    heading = text = ""
    keeps_backdrop = False
    #: The frame below, dimmed, with the panel and its texts (None: not drawn yet).
    _backdrop: pygame.Surface | None = None

    @property
    def overlay(self) -> bool:
        """Draw the scene below first, unless the backdrop already holds it."""
        backdrop = self._backdrop
        return backdrop is None or backdrop.get_size() != self.app.surface.get_size()

    def draw_panel(self, surface: pygame.Surface) -> None:
        """The game dimmed and the dialog's empty panel over it."""
        self.dim_below(surface)
        panel(surface, self.layout.panel, self.app.metrics, self.app.theme.palette)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.overlay:
            surface.blit(self._backdrop, (0, 0))
        else:
            self.draw_panel(surface)
            self.draw_still(surface)
            if self.keeps_backdrop and surface.get_clip() == surface.get_rect():
                self._backdrop = surface.copy()
        self.draw_buttons(surface)

    def draw_still(self, surface: pygame.Surface) -> None:
        """What the panel shows besides its buttons."""
        L, m, p = self.layout, self.app.metrics, self.app.theme.palette
        self.text_in(surface, L.heading, self.heading, "bold", m.title, p.ink, valign="center")
        self.text_in(surface, L.text, self.text, "regular", m.body, p.ink)

    def on_click(self, pos: tuple[int, int]) -> None:
        if not self.layout.panel.collidepoint(pos):
            self.app.pop(self.dismissed)
            return
        super().on_click(pos)

    #: The result when the dialog is closed without an answer.
    dismissed = None


class ConfirmScene(_Dialog):
    """A yes/no question before something that cannot be taken back (undo, restart, quit).

    The focus starts on no, so an extra Enter or a presenter clicker's next never says yes:
    yes is J or Y, a click on it, or Enter once the focus was moved to it (arrows, PageUp,
    PageDown, Tab). Esc, N and Backspace say no.
    """

    def __init__(self, app, question: str, detail: str, yes: str, no: str, hint: str = ""):
        super().__init__(app)
        self.question, self.detail, self.yes, self.no = question, detail, yes, no
        #: The keys that answer, on a line of their own ("Enter = ja, Esc = nee").
        self.hint = hint
        self.dismissed = False
        self.layout_changed()
        self.focus_on("no")
        self.keyboard = True

    def prompt(self) -> Prompt:
        return Prompt("confirm")

    def answer(self, value=None) -> list[pygame.event.Event]:
        """J for yes, Esc for no."""
        return [key_event(pygame.K_j, "j") if value else key_event(pygame.K_ESCAPE)]

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
            self.app.pop(True)
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

    keeps_backdrop = True

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
        # the choices take the place of the base's row of buttons
        panel_rect = Rect(0, 0, base.panel.width, base.panel.height + grow - button_h)
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
        self._dim = self._backdrop = None

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

    takes_letters = True

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
    any key, click or tap brings the game back (and does nothing else). The room goes on
    talking, so the countdown of the screen below goes on too."""

    def __init__(self, app):
        super().__init__(app)
        #: The screen blacked out, whose countdown keeps running.
        self.below = app.scene if app.stack else None

    def update(self, dt: float) -> None:
        if self.below is not None:
            self.below.update(dt)

    def next_change(self) -> float | None:
        return self.below.next_change() if self.below is not None else None

    takes_letters = True

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


class _Closable(Closable, _Dialog):
    """A dialog to read and close (see :class:`~game.ui.scene.Closable`)."""

    keeps_backdrop = True


class MessageScene(_Closable):
    """A plain message with a button to close it."""

    def __init__(self, app, heading: str, text: str):
        super().__init__(app)
        self.heading, self.text = heading, text
        self.layout_changed()
        self.focus, self.keyboard = 0, True

    @property
    def shot_name(self) -> str:
        return "message"

    def layout_changed(self) -> None:
        self.layout = layout.dialog(self.app.metrics, 1, text_lines=4)
        self.buttons = [Button("close", self.layout.buttons[0], self.app.t("workshop.close"),
                               style="primary")]
        self._dim = self._backdrop = None


class EssayScene(_Closable):
    """A card's place in the essay, to read over the card while the teams discuss or vote:
    the section, the paraphrase and the question to discuss, as large as the window allows.
    E, Esc, Enter, the clicker or a click beside the panel closes it."""

    #: E again, Backspace, and every key that closes a message.
    close_keys = _Closable.close_keys + (pygame.K_e, pygame.K_BACKSPACE)

    def __init__(self, app, heading: str, section: str, context: str, question: str):
        super().__init__(app)
        self.heading = heading
        self.section, self.context, self.question = section, context, question
        self.layout_changed()
        self.focus, self.keyboard = 0, True

    @property
    def shot_name(self) -> str:
        return "essay"

    def _parts(self, size: int) -> list[tuple[str, str, int, tuple]]:
        """(text, weight, size, colour) from top to bottom, at body size ``size``."""
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        parts = [(self.section, "semibold", size, p.ink_muted), (self.context, "regular", size, p.ink)]
        if self.question:
            parts += [(app.t("outcome.discuss"), "semibold", m.small, p.ink_muted),
                      (self.question, "bold", round(size * 1.1), p.ink)]
        return [part for part in parts if part[0]]

    def layout_changed(self) -> None:
        """The panel as tall as its texts at the largest size that fits the window."""
        app, m = self.app, self.app.metrics
        pad, gap = m.px(44), m.px(18)
        panel_w = min(m.width - 2 * m.gap, m.px(1500))
        width = panel_w - 2 * pad
        heading_h = round(m.title * 1.35)
        button_h = max(m.px(84), round(m.button * 2.2))
        room = m.height - 2 * m.gap - 2 * pad - heading_h - m.px(12) - m.px(28) - button_h
        placed: list[tuple[str, str, int, tuple, int]] = []
        for size in [round(m.body * 1.25), round(m.body * 1.1), m.body] + m.shrunk(m.body):
            placed, y = [], 0
            for text, weight, text_size, colour in self._parts(size):
                placed.append((text, weight, text_size, colour, y))
                y += app.text.render(text, weight, text_size, colour, width).height + gap
            if y - gap <= room:
                break
        text_h = max(0, min(room, y - gap))
        height = 2 * pad + heading_h + m.px(12) + text_h + m.px(28) + button_h
        panel_rect = Rect(0, 0, panel_w, height)
        panel_rect.center = (m.width // 2, m.height // 2)
        inner = panel_rect.inflate(-2 * pad, -2 * pad)
        heading = Rect(inner.x, inner.y, inner.width, heading_h)
        text = Rect(inner.x, heading.bottom + m.px(12), inner.width, text_h)
        close = Rect(inner.right - min(inner.width, m.px(360)), inner.bottom - button_h,
                     min(inner.width, m.px(360)), button_h)
        self.layout = layout.DialogLayout(panel_rect, heading, text, [close])
        self.placed = placed
        self.buttons = [Button("close", close, app.t("workshop.close"), style="primary")]
        self._dim = self._backdrop = None

    def draw_still(self, surface: pygame.Surface) -> None:
        app, L, m, p = self.app, self.layout, self.app.metrics, self.app.theme.palette
        self.text_in(surface, L.heading, self.heading, "bold", m.title, p.ink, valign="center")
        clip = surface.get_clip()
        surface.set_clip(L.text.clip(clip))
        for text, weight, size, colour, y in self.placed:
            block = app.text.render(text, weight, size, colour, L.text.width)
            surface.blit(block.surface, (L.text.x, L.text.y + y))
        surface.set_clip(clip)
