"""A one-line text field's editing: typed text in, Enter to finish, Esc to cancel.

Text comes from TEXTINPUT events, so accents and dead keys work as the keyboard types them.
Where a platform gives only KEYDOWN events, their characters are taken instead; when both
arrive for one key press, the character is taken once. The key that opened the field (N for a
note) does not end up in it.
"""

from __future__ import annotations

from typing import Literal

import pygame

Outcome = Literal["done", "cancel", "changed"] | None
_MODIFIERS = pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META


class TextField:
    def __init__(self, text: str = "", limit: int = 80, swallow: str = ""):
        self.text = text[:limit]
        self.limit = limit
        self._swallow = swallow.casefold()
        #: The character a KEYDOWN just typed, which its TEXTINPUT would repeat.
        self._typed: str | None = None
        #: Whether this platform sends TEXTINPUT events (then KEYDOWN types nothing).
        self._text_events = False

    def handle(self, event: pygame.event.Event) -> Outcome:
        if event.type == pygame.TEXTINPUT:
            return self._text(event.text)
        if event.type != pygame.KEYDOWN:
            return None
        key, mod = event.key, getattr(event, "mod", 0)
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return "done"
        if key == pygame.K_ESCAPE:
            return "cancel"
        if key == pygame.K_BACKSPACE:
            self.text = "" if mod & pygame.KMOD_CTRL else self.text[:-1]
            self._swallow = ""
            return "changed"
        if key == pygame.K_DELETE:
            self.text = ""
            return "changed"
        char = getattr(event, "unicode", "") or ""
        if self._text_events or mod & _MODIFIERS or len(char) != 1 or not char.isprintable():
            return None
        self._swallow = ""
        self._typed = char
        return self._insert(char)

    def _text(self, text: str) -> Outcome:
        if self._swallow:
            swallow, self._swallow = self._swallow, ""
            if text.casefold() == swallow:
                return None
        self._text_events = True
        if self._typed is not None and text == self._typed:
            self._typed = None
            return None
        self._typed = None
        return self._insert(text)

    def _insert(self, text: str) -> Outcome:
        text = "".join(c for c in text if c.isprintable())
        if not text:
            return None
        self.text = (self.text + text)[:self.limit]
        return "changed"
