"""A short message over the game that goes away by itself ("Deck opnieuw geladen").

It is drawn on top of whatever scene shows and takes no input. The table's loop wakes at least
twice a second, so the message disappears within half a second of its time.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from game.ui.look.textcache import TextBlock, TextCache
from game.ui.look.theme import Metrics, Palette

#: How long a confirmation stays, and a message the players should read.
SHORT = 2.5
LONG = 7.0


class Toast:
    def __init__(self, text: str, seconds: float = SHORT, over: Rect | None = None):
        self.text = text
        #: Seconds left on screen.
        self.left = seconds
        #: Where to show it instead of the middle of the band (a workshop's band carries
        #: the round and the countdown; its row of buttons is the place there).
        self.over = over

    @property
    def expired(self) -> bool:
        return self.left <= 0

    def update(self, dt: float) -> None:
        self.left -= max(0.0, dt)

    def _block(self, m: Metrics, text: TextCache, colour) -> TextBlock:
        """The message, on one line when the window allows, else wrapped."""
        limit = min(m.width - 2 * m.px(200), m.px(1200))
        width = min(text.measure(self.text, "semibold", m.body)[0], limit)
        return text.render(self.text, "semibold", m.body, colour, width)

    def rect(self, m: Metrics, text: TextCache) -> Rect:
        """On the meter band, in the middle: where it covers no text the players are reading
        (the band's meters do not change on their own)."""
        block = self._block(m, text, (0, 0, 0))
        box = Rect(0, 0, block.width + round(m.body * 1.2) + m.px(16) + 2 * m.px(32),
                   block.height + 2 * m.px(14))
        if self.over is not None:
            box.center = self.over.center
            box.bottom = min(box.bottom, m.height - m.px(8))
            return box
        box.center = (m.width // 2, m.px(m.base.band_height) // 2)
        box.top = max(box.top, m.px(8))  # a long message grows down into the screen
        return box

    def draw(self, surface: pygame.Surface, m: Metrics, palette: Palette,
             text: TextCache) -> None:
        box = self.rect(m, text)
        block = self._block(m, text, palette.ink)
        radius = box.height // 2 if len(block.lines) == 1 else m.radius
        # a margin in the band's colour, so no half-covered meter text peeks out beside it
        halo = box.inflate(m.px(28), m.px(12))
        pygame.draw.rect(surface, palette.page if self.over is not None else palette.band, halo, border_radius=halo.height // 2
                         if len(block.lines) == 1 else m.radius)
        pygame.draw.rect(surface, palette.surface, box, border_radius=radius)
        pygame.draw.rect(surface, palette.positive, box, width=m.line * 2, border_radius=radius)
        size = round(m.body * 1.2)
        mark = Rect(box.x + m.px(32), box.centery - size // 2, size, size)
        pygame.draw.ellipse(surface, palette.positive, mark)
        tick = [(mark.x + size * 0.26, mark.y + size * 0.52),
                (mark.x + size * 0.43, mark.y + size * 0.70),
                (mark.x + size * 0.76, mark.y + size * 0.33)]
        pygame.draw.lines(surface, palette.on_accent, False, tick, max(2, m.px(5)))
        surface.blit(block.surface, (mark.right + m.px(16), box.centery - block.height // 2))
