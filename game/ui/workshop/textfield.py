"""A one-line text field's editing: typed text in, Enter to finish, Esc to cancel.

Text comes from TEXTINPUT events, so accents and dead keys work as the keyboard types them.
Where a platform gives only KEYDOWN events, their characters are taken instead; when both
arrive for one key press, the character is taken once. The key that opened the field (N for a
note) does not end up in it.
"""

from __future__ import annotations

from typing import Literal

import pygame
from pygame import Rect

from game.ui.look.textcache import ellipsize

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


def draw_field(surface: pygame.Surface, rect: Rect, text: str, editing: bool, app,
               placeholder: str = "") -> None:
    """A text field: its frame, the end of its text if long, and a caret while editing."""
    m, p = app.metrics, app.theme.palette
    pygame.draw.rect(surface, p.surface, rect, border_radius=m.radius // 2)
    pygame.draw.rect(surface, p.accent if editing else p.border, rect,
                     width=m.focus if editing else m.line, border_radius=m.radius // 2)
    inner = rect.inflate(-2 * m.px(18), 0)
    size = m.body if rect.height >= round(m.body * 1.6) else m.small
    font = app.fonts.get("regular", size)
    shown = text
    if editing:  # the end of the text, where the caret is
        while shown and font.size(shown + "|")[0] > inner.width:
            shown = shown[1:]
        if shown != text:
            shown = "…" + shown[1:]
    elif font.size(text)[0] > inner.width:
        while shown and font.size(shown + "…")[0] > inner.width:
            shown = shown[:-1]
        shown = shown.rstrip() + "…"
    if not text and placeholder and not editing:
        block = app.text.render(ellipsize(placeholder, font, inner.width), "regular", size,
                                p.ink_muted)
    else:
        block = app.text.render(shown, "regular", size, p.ink)
    y = rect.centery - block.line_height // 2
    if text or not editing:
        surface.blit(block.surface, (inner.x, y))
    if editing:
        x = inner.x + (font.size(shown)[0] if text else 0) + m.px(2)
        pygame.draw.line(surface, p.ink, (x, y + m.px(4)), (x, y + block.line_height - m.px(4)),
                         max(2, m.px(3)))
