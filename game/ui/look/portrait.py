"""Character portraits: the deck's image when it has one, else a friendly drawn bust.

A drawn bust is flat and simple so it reads at projector size: a tinted backdrop, shoulders in
the character's colour, a head, hair and a small smile, varied deterministically by the
character's id (skin tone, hair colour and style, glasses), with the initials in a badge. It is
drawn at twice the size and scaled down for smooth edges, and cached per size.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pygame
from pygame import Rect

from game.format.models import Character
from game.language.texts import localize
from game.ui.look.theme import Colour, Palette, contrast_ratio, hex_colour

SKIN = [hex_colour(c) for c in ("#F6D3B3", "#E8B48F", "#C98E66", "#9C6644", "#6F4630")]
HAIR = [hex_colour(c) for c in ("#2B1D14", "#5A3A22", "#8C5A2B", "#C9A25E", "#6B6B6B",
                                "#B5532C")]
DEFAULT_COLOUR = hex_colour("#3A6EA5")


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    capitals = [w for w in words if w[0].isupper()] or words
    first, last = capitals[0], capitals[-1]
    return (first[0] + (last[0] if len(capitals) > 1 else "")).upper()


class Portraits:
    """Portrait surfaces by character and size."""

    def __init__(self, palette: Palette, fonts):
        self.palette = palette
        self.fonts = fonts
        self._cache: dict[tuple, pygame.Surface] = {}

    def get(self, character: Character | None, size: int, folder: Path | None,
            lang: str = "nl") -> pygame.Surface:
        key = (character.id if character else None, size, str(folder), lang)
        image = self._cache.get(key)
        if image is None:
            image = None
            if character is not None and character.portrait and folder is not None:
                image = self._load(folder / character.portrait, size)
            if image is None:
                image = self.draw(character, size, lang)
            self._cache[key] = image
        return image

    def _load(self, path: Path, size: int) -> pygame.Surface | None:
        """The image, cropped to a square and smoothly scaled; None if it cannot be read."""
        try:
            picture = pygame.image.load(str(path))
        except (pygame.error, OSError):
            return None
        w, h = picture.get_size()
        if w == 0 or h == 0:
            return None
        side = min(w, h)
        square = pygame.Surface((side, side), pygame.SRCALPHA)
        square.blit(picture, (-(w - side) // 2, -(h - side) // 2))
        return _rounded(pygame.transform.smoothscale(square, (size, size)), size // 8)

    def draw(self, character: Character | None, size: int, lang: str = "nl") -> pygame.Surface:
        ident = character.id if character else "onbekend"
        seed = hashlib.sha256(ident.encode("utf-8")).digest()
        colour = hex_colour(character.colour) if character and character.colour else \
            _mix(DEFAULT_COLOUR, HAIR[seed[5] % len(HAIR)], 0.15)
        skin = SKIN[seed[0] % len(SKIN)]
        hair = HAIR[seed[1] % len(HAIR)]
        style = seed[2] % 4
        glasses = seed[3] % 3 == 0
        big = size * 2
        s = pygame.Surface((big, big), pygame.SRCALPHA)
        backdrop = _mix(colour, (255, 255, 255), 0.78)
        pygame.draw.rect(s, backdrop, Rect(0, 0, big, big), border_radius=big // 8)
        u = big / 100
        # Shoulders and clothes.
        body = Rect(round(14 * u), round(70 * u), round(72 * u), round(48 * u))
        pygame.draw.ellipse(s, colour, body)
        collar = _mix(colour, (255, 255, 255), 0.85)
        pygame.draw.polygon(s, collar, [(round(42 * u), round(71 * u)), (round(58 * u), round(71 * u)),
                                        (round(50 * u), round(84 * u))])
        neck = _mix(skin, (0, 0, 0), 0.12)
        pygame.draw.rect(s, neck, Rect(round(43 * u), round(56 * u), round(14 * u), round(17 * u)),
                         border_radius=round(4 * u))
        head = Rect(round(32 * u), round(22 * u), round(36 * u), round(42 * u))
        # Hair behind the head (long styles).
        if style == 1:
            pygame.draw.rect(s, hair, Rect(round(28 * u), round(20 * u), round(44 * u), round(46 * u)),
                             border_radius=round(16 * u))
        pygame.draw.ellipse(s, skin, head)
        # Hair on top.
        if style == 3:
            pygame.draw.circle(s, hair, (round(50 * u), round(17 * u)), round(9 * u))
        if style != 2 or seed[4] % 2:
            top = Rect(round(30 * u), round(18 * u), round(40 * u), round(20 * u))
            pygame.draw.ellipse(s, hair, top)
            pygame.draw.rect(s, skin, Rect(round(36 * u), round(32 * u), round(28 * u), round(10 * u)),
                             border_radius=round(5 * u))
            pygame.draw.ellipse(s, hair, Rect(round(30 * u), round(24 * u), round(9 * u), round(16 * u)))
            pygame.draw.ellipse(s, hair, Rect(round(61 * u), round(24 * u), round(9 * u), round(16 * u)))
        else:
            pygame.draw.ellipse(s, hair, Rect(round(31 * u), round(26 * u), round(7 * u), round(14 * u)))
            pygame.draw.ellipse(s, hair, Rect(round(62 * u), round(26 * u), round(7 * u), round(14 * u)))
        eye = _mix(hair, (0, 0, 0), 0.5)
        for x in (43, 57):
            pygame.draw.circle(s, (30, 30, 40), (round(x * u), round(43 * u)), max(2, round(2.2 * u)))
        if glasses:
            for x in (43, 57):
                pygame.draw.circle(s, eye, (round(x * u), round(43 * u)), round(5.5 * u),
                                   max(1, round(1.4 * u)))
            pygame.draw.line(s, eye, (round(48.5 * u), round(43 * u)), (round(51.5 * u), round(43 * u)),
                             max(1, round(1.4 * u)))
        mouth = Rect(round(44 * u), round(48 * u), round(12 * u), round(8 * u))
        pygame.draw.arc(s, _mix(skin, (120, 40, 40), 0.55), mouth, 3.5, 5.9, max(1, round(1.6 * u)))
        image = pygame.transform.smoothscale(s, (size, size))
        if character is not None:
            self._badge(image, character, colour, size, lang)
        return image

    def _badge(self, image: pygame.Surface, character: Character, colour: Colour, size: int,
               lang: str) -> None:
        d = max(18, round(size * 0.34))
        centre = (size - d // 2 - max(2, size // 40), size - d // 2 - max(2, size // 40))
        ink = (255, 255, 255) if contrast_ratio((255, 255, 255), colour) >= 4.5 else self.palette.ink
        pygame.draw.circle(image, self.palette.surface, centre, d // 2 + max(2, size // 50))
        pygame.draw.circle(image, colour, centre, d // 2)
        font = self.fonts.get("bold", max(10, round(d * 0.42)))
        text = initials(localize(character.name, lang))
        if font.size(text)[0] > 0:  # a name of only invisible characters has no initials
            label = font.render(text, True, ink)
            image.blit(label, label.get_rect(center=centre))


def _rounded(image: pygame.Surface, radius: int) -> pygame.Surface:
    out = pygame.Surface(image.get_size(), pygame.SRCALPHA)
    mask = pygame.Surface(image.get_size(), pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=radius)
    out.blit(image, (0, 0))
    out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return out
