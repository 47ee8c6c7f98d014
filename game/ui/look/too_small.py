"""What the table shows in a window smaller than every screen is laid out for.

Below :data:`~game.ui.look.theme.MIN_WINDOW` a screen would cut or overlap its texts, so the
table draws this plain message instead, in the window's language, until the window is larger.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from game.ui.look.textcache import TextCache
from game.ui.look.theme import MIN_TEXT_PX, Palette


def draw_too_small(surface: pygame.Surface, heading: str, message: str, text: TextCache,
                   palette: Palette) -> None:
    """``heading`` and ``message`` centred on the page colour, wrapped to the window."""
    surface.fill(palette.page)
    width, height = surface.get_size()
    margin = max(12, width // 20)
    column = width - 2 * margin
    size = MIN_TEXT_PX
    head = text.render(heading, "bold", round(size * 1.2), palette.ink, column, "center")
    body = text.render(message, "regular", size, palette.ink, column, "center")
    gap = size // 2
    top = max(margin // 2, (height - head.height - gap - body.height) // 2)
    surface.blit(head.surface, Rect(margin, top, column, head.height))
    surface.blit(body.surface, Rect(margin, top + head.height + gap, column, body.height))
