"""A QR code on the screen: the cells from :mod:`game.phones.qr`, drawn crisp at whole pixels.

Drawn once per (code, size) into a surface and reused; dark cells on white with the code's quiet
zone, so a phone camera reads it from the back of a room on a projector.
"""

from __future__ import annotations

from functools import lru_cache

import pygame


@lru_cache(maxsize=8)
def qr_surface(cells: tuple[tuple[bool, ...], ...], side: int) -> pygame.Surface:
    """The code drawn within a square of ``side`` pixels, each cell a whole number of pixels
    (so the picture is never blurred); the surface is as large as that allows."""
    count = len(cells)
    cell = max(1, side // count)
    surface = pygame.Surface((cell * count, cell * count))
    surface.fill((255, 255, 255))
    for y, row in enumerate(cells):
        for x, dark in enumerate(row):
            if dark:
                surface.fill((0, 0, 0), (x * cell, y * cell, cell, cell))
    return surface


def draw_qr(surface: pygame.Surface, cells: list[list[bool]], rect: pygame.Rect) -> pygame.Rect:
    """Draw the code centred in ``rect``; the rectangle it took."""
    picture = qr_surface(tuple(tuple(row) for row in cells), min(rect.width, rect.height))
    placed = picture.get_rect(center=rect.center)
    surface.blit(picture, placed)
    return placed
