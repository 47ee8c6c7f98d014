"""A deck's emblem on the title screen: its meters as overlapping circles on the band's colour.

Drawn from nothing but the deck's meters, so every deck has art of its own without an image:
three meters make the essay's triangle of willen, kunnen and mogen, where the middle, the place
all circles share, is the balance the game asks for.
"""

from __future__ import annotations

import math

import pygame
from pygame import Rect

from game.ui.look.theme import Colour, Palette


def draw_emblem(surface: pygame.Surface, rect: Rect, colours: list[Colour],
                palette: Palette) -> None:
    """The emblem for meters of ``colours`` (in order), filling the square ``rect``."""
    side = min(rect.width, rect.height)
    square = Rect(0, 0, side, side)
    square.center = rect.center
    pygame.draw.rect(surface, palette.band, square, border_radius=max(4, side // 10))
    layer = pygame.Surface(square.size, pygame.SRCALPHA)
    centre = (side / 2, side / 2 + side * 0.03)
    for ring in (0.44, 0.34, 0.24):  # faint rings behind, like a target
        pygame.draw.circle(layer, (*palette.track, 255), centre, side * ring,
                           max(1, side // 90))
    count = max(1, len(colours))
    radius = side * (0.22 if count > 3 else 0.25)
    spread = 0 if count == 1 else side * (0.15 if count <= 3 else 0.19)
    for i, colour in enumerate(colours):
        angle = -math.pi / 2 + 2 * math.pi * i / count
        at = (centre[0] + spread * math.cos(angle), centre[1] + spread * math.sin(angle))
        disc = pygame.Surface(square.size, pygame.SRCALPHA)
        pygame.draw.circle(disc, (*colour, 150), at, radius)
        pygame.draw.circle(disc, (*colour, 255), at, radius, max(2, side // 70))
        layer.blit(disc, (0, 0))
    pygame.draw.circle(layer, (*palette.band_ink, 255), centre, max(3, side // 26))
    surface.blit(layer, square.topleft)
