"""A short message over the game that goes away by itself ("Deck opnieuw geladen").

It is drawn on top of whatever scene shows and takes no input. It sits on the status line at
the foot of the window, which every screen keeps free (:func:`~game.ui.layout.frame.frame`),
so it hides no button and no text the players are reading; a message too long for one line
grows upwards from there. It belongs to the screen it was said on (``owner``) and ends with it:
the table drops it as soon as another screen takes the table (see
:meth:`game.ui.stack.SceneStack.say`). The table's loop wakes at least twice a second, so the
message disappears within half a second of its time.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame import Rect

from game.ui.layout.frame import frame
from game.ui.look.textcache import TextBlock, TextCache
from game.ui.look.theme import Metrics, Palette

#: How long a confirmation stays, and a message the players should read.
SHORT = 2.5
LONG = 7.0


class Toast:
    def __init__(self, text: str, seconds: float = SHORT, owner: Any = None):
        self.text = text
        #: Seconds left on screen.
        self.left = seconds
        #: The screen it was said on (the bottom scene of the stack then); None: any screen.
        self.owner = owner

    @property
    def expired(self) -> bool:
        return self.left <= 0

    def update(self, dt: float) -> None:
        self.left -= max(0.0, dt)

    def _block(self, m: Metrics, text: TextCache, colour) -> TextBlock:
        """The message, on one line when the window allows, else wrapped."""
        limit = m.width - 2 * m.px(120)
        width = min(text.measure(self.text, "semibold", m.small)[0], limit)
        return text.render(self.text, "semibold", m.small, colour, width)

    def rect(self, m: Metrics, text: TextCache) -> Rect:
        """On the status line at the foot of the window, in the middle; a message of several
        lines grows upwards from it."""
        line = frame(m).warning
        block = self._block(m, text, (0, 0, 0))
        mark = round(m.small * 1.1)
        height = max(block.height + 2 * m.px(6), mark + 2 * m.px(6))
        box = Rect(0, 0, block.width + mark + m.px(12) + 2 * m.px(24), min(line.height, height))
        if height > line.height:
            box.height = height
        box.centerx = m.width // 2
        box.bottom = line.bottom - max(0, (line.height - box.height) // 2)
        return box

    def draw(self, surface: pygame.Surface, m: Metrics, palette: Palette,
             text: TextCache) -> None:
        box = self.rect(m, text)
        block = self._block(m, text, palette.ink)
        radius = box.height // 2 if len(block.lines) == 1 else m.radius
        pygame.draw.rect(surface, palette.surface, box, border_radius=radius)
        pygame.draw.rect(surface, palette.positive, box, width=max(1, m.line * 2),
                         border_radius=radius)
        size = round(m.small * 1.1)
        mark = Rect(box.x + m.px(24), box.centery - size // 2, size, size)
        pygame.draw.ellipse(surface, palette.positive, mark)
        tick = [(mark.x + size * 0.26, mark.y + size * 0.52),
                (mark.x + size * 0.43, mark.y + size * 0.70),
                (mark.x + size * 0.76, mark.y + size * 0.33)]
        pygame.draw.lines(surface, palette.on_accent, False, tick, max(2, m.px(4)))
        surface.blit(block.surface, (mark.right + m.px(12), box.centery - block.height // 2))
