"""Character portraits: the deck's image when it has one, else a drawn bust.

A drawn bust is flat and simple so it reads at projector size: a tinted backdrop, clothes in the
character's colour, a face and hair. The deck may set each feature (``features:`` of a
character: hair style and colour, skin tone, glasses, age, clothing); what it leaves out follows
from the character's id, the same on every run, so two characters rarely look alike. The
initials sit in a small badge in the top corner, clear of the face and the shoulders. A bust is
drawn at twice the size and scaled down for smooth edges, and cached per size.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pygame
from pygame import Rect

from game.format.models import AGES, CLOTHES, HAIR_COLOURS, HAIR_STYLES, SKIN_TONES, Character
from game.language.texts import localize
from game.ui.look.theme import Colour, Palette, contrast_ratio, hex_colour

SKIN = [hex_colour(c) for c in ("#F6D7BE", "#EBBF9B", "#D39F76", "#B07A52", "#8A5A3A",
                                "#5E3B27")]
HAIR = {"black": "#1E1A1A", "dark-brown": "#3B2618", "brown": "#6B4226", "auburn": "#8E3B1F",
        "blond": "#D2AE63", "red": "#B5532C", "grey": "#8F9296", "white": "#D9DADC"}
HAIR_RGB = {name: hex_colour(value) for name, value in HAIR.items()}
DEFAULT_COLOUR = hex_colour("#3A6EA5")
assert len(SKIN) == SKIN_TONES and set(HAIR) == set(HAIR_COLOURS)


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    capitals = [w for w in words if w[0].isupper()] or words
    first, last = capitals[0], capitals[-1]
    return (first[0] + (last[0] if len(capitals) > 1 else "")).upper()


@dataclass(frozen=True)
class Looks:
    """Every feature of a drawn portrait, decided: the deck's where it set one, else the id's."""

    hair: str
    hair_colour: str
    skin: int
    glasses: bool
    age: str
    clothing: str


def looks_of(character: Character | None) -> Looks:
    """The features a drawn portrait of ``character`` shows."""
    ident = character.id if character else "onbekend"
    seed = hashlib.sha256(ident.encode("utf-8")).digest()
    asked = character.features if character is not None else None
    age = (asked and asked.age) or AGES[seed[4] % len(AGES)]
    if asked and asked.hair_colour:
        hair_colour = asked.hair_colour
    elif age == "older":
        hair_colour = ("grey", "white", "grey", "dark-brown")[seed[1] % 4]
    else:
        hair_colour = HAIR_COLOURS[seed[1] % 6]  # the colours before grey and white
    glasses = asked.glasses if asked and asked.glasses is not None else seed[3] % 3 == 0
    return Looks(hair=(asked and asked.hair) or HAIR_STYLES[seed[2] % len(HAIR_STYLES)],
                 hair_colour=hair_colour,
                 skin=(asked and asked.skin) or 1 + seed[0] % SKIN_TONES,
                 glasses=glasses, age=age,
                 clothing=(asked and asked.clothing) or CLOTHES[seed[5] % len(CLOTHES)])


class Portraits:
    """Portrait surfaces by character and size."""

    def __init__(self, palette: Palette, fonts):
        self.palette = palette
        self.fonts = fonts
        self._cache: dict[tuple, pygame.Surface] = {}

    def get(self, character: Character | None, size: int, folder: Path | None,
            lang: str = "nl") -> pygame.Surface:
        key = (character.id if character else None, character.features if character else None,
               character.colour if character else None, size, str(folder), lang)
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
        looks = looks_of(character)
        seed = hashlib.sha256((character.id if character else "onbekend").encode()).digest()
        colour = hex_colour(character.colour) if character and character.colour else \
            _mix(DEFAULT_COLOUR, HAIR_RGB[HAIR_COLOURS[seed[5] % 6]], 0.15)
        big = size * 2
        s = pygame.Surface((big, big), pygame.SRCALPHA)
        pygame.draw.rect(s, _mix(colour, (255, 255, 255), 0.78), Rect(0, 0, big, big),
                         border_radius=big // 8)
        Bust(s, big / 100, looks, colour).draw()
        image = pygame.transform.smoothscale(s, (size, size))
        if character is not None:
            self._badge(image, character, colour, size, lang)
        return image

    def _badge(self, image: pygame.Surface, character: Character, colour: Colour, size: int,
               lang: str) -> None:
        """The initials in a small circle in the top right corner, over the backdrop only."""
        d = max(16, round(size * 0.26))
        margin = max(2, size // 32)
        centre = (size - d // 2 - margin, d // 2 + margin)
        ink = (255, 255, 255) if contrast_ratio((255, 255, 255), colour) >= 4.5 else self.palette.ink
        pygame.draw.circle(image, self.palette.surface, centre, d // 2 + max(1, size // 60))
        pygame.draw.circle(image, colour, centre, d // 2)
        font = self.fonts.get("bold", max(9, round(d * 0.42)))
        text = initials(localize(character.name, lang))
        if font.size(text)[0] > 0:  # a name of only invisible characters has no initials
            label = font.render(text, True, ink)
            image.blit(label, label.get_rect(center=centre))


class Bust:
    """One drawn bust on a square surface measured in hundredths (``u`` pixels each)."""

    def __init__(self, surface: pygame.Surface, u: float, looks: Looks, colour: Colour):
        self.s, self.u, self.looks, self.colour = surface, u, looks, colour
        self.skin = SKIN[looks.skin - 1]
        self.hair = HAIR_RGB[looks.hair_colour]
        self.line = _mix(self.skin, (60, 30, 20), 0.45)

    def r(self, x: float, y: float, w: float, h: float) -> Rect:
        u = self.u
        return Rect(round(x * u), round(y * u), max(1, round(w * u)), max(1, round(h * u)))

    def p(self, x: float, y: float) -> tuple[int, int]:
        return round(x * self.u), round(y * self.u)

    def w(self, width: float) -> int:
        return max(1, round(width * self.u))

    def draw(self) -> None:
        self.hair_behind()
        self.clothes()
        self.face()
        self.hair_on_top()
        self.glasses()

    # ------------------------------------------------------------------ clothes
    def clothes(self) -> None:
        s, c, kind = self.s, self.colour, self.looks.clothing
        dark = _mix(c, (0, 0, 0), 0.35)
        light = _mix(c, (255, 255, 255), 0.85)
        neck = _mix(self.skin, (0, 0, 0), 0.12)
        pygame.draw.rect(s, neck, self.r(43, 56, 14, 18), border_radius=self.w(4))
        body = self.r(12, 71, 76, 52)
        if kind == "sweater":
            pygame.draw.ellipse(s, c, body)
            pygame.draw.ellipse(s, dark, self.r(39, 67, 22, 12))
            pygame.draw.ellipse(s, neck, self.r(42, 67, 16, 8))
            for x in (30, 70):  # a seam on each shoulder
                pygame.draw.line(s, dark, self.p(x, 77), self.p(x - (4 if x < 50 else -4), 100),
                                 self.w(1.2))
        elif kind == "blouse":
            pygame.draw.ellipse(s, light, body)
            pygame.draw.ellipse(s, c, self.r(16, 76, 68, 48))
            pygame.draw.polygon(s, light, [self.p(40, 72), self.p(60, 72), self.p(50, 84)])
            pygame.draw.arc(s, c, self.r(41, 66, 18, 14), 3.4, 6.0, self.w(1.6))
            for x in (47, 53):  # a string of beads
                pygame.draw.circle(s, light, self.p(x, 79), self.w(1.2))
        elif kind == "shirt":
            pygame.draw.ellipse(s, c, body)
            for side in (-1, 1):  # the open collar's two points
                pygame.draw.polygon(s, light, [self.p(50 + side * 3, 72), self.p(50 + side * 10, 70),
                                               self.p(50 + side * 8, 81)])
            pygame.draw.polygon(s, neck, [self.p(45, 72), self.p(55, 72), self.p(50, 80)])
            pygame.draw.line(s, dark, self.p(50, 82), self.p(50, 100), self.w(1))
            for y in (86, 93):
                pygame.draw.circle(s, light, self.p(50, y), self.w(1))
        else:  # suit and blazer: a jacket with lapels over a shirt or a top
            pygame.draw.ellipse(s, c, body)
            inner = (250, 250, 252) if kind == "suit" else _mix(c, (255, 255, 255), 0.6)
            pygame.draw.polygon(s, inner, [self.p(40, 71), self.p(60, 71), self.p(50, 96)])
            if kind == "suit":
                tie = _mix(c, (200, 40, 40), 0.6)
                pygame.draw.polygon(s, tie, [self.p(48, 74), self.p(52, 74), self.p(53.5, 90),
                                             self.p(50, 95), self.p(46.5, 90)])
            else:
                pygame.draw.arc(s, _mix(c, (255, 255, 255), 0.3), self.r(43, 68, 14, 10),
                                3.4, 6.0, self.w(1.4))
            for side in (-1, 1):
                pygame.draw.polygon(s, dark, [self.p(50 + side * 10, 71), self.p(50 + side * 3, 96),
                                              self.p(50 + side * 6, 80), self.p(50 + side * 14, 74)])

    # ------------------------------------------------------------------ face
    def face(self) -> None:
        s, age = self.s, self.looks.age
        wide = 38 if age == "young" else 36
        head = self.r(50 - wide / 2, 22, wide, 42 if age != "older" else 43)
        for x in (31.5, 64.5):
            pygame.draw.ellipse(s, _mix(self.skin, (0, 0, 0), 0.06), self.r(x - 2.5, 38, 6, 10))
        pygame.draw.ellipse(s, self.skin, head)
        brow = _mix(self.hair, (0, 0, 0), 0.25) if self.looks.hair_colour not in ("white", "grey") \
            else _mix(self.hair, (0, 0, 0), 0.4)
        for x in (43, 57):  # the white of the eye, so eyes read on every skin tone
            pygame.draw.ellipse(s, (248, 248, 250), self.r(x - 3.4, 41, 6.8, 4.2))
            pygame.draw.circle(s, (30, 30, 40), self.p(x, 43), self.w(1.9))
            pygame.draw.line(s, brow, self.p(x - 4, 37.5), self.p(x + 4, 37.5), self.w(1.6))
        pygame.draw.arc(s, self.line, self.r(47, 43, 6, 8), 3.9, 5.6, self.w(1.2))  # nose
        mouth = self.r(44, 48, 12, 8)
        pygame.draw.arc(s, _mix(self.skin, (120, 40, 40), 0.55), mouth, 3.5, 5.9, self.w(1.6))
        if age == "older":
            for y in (29, 32):  # lines on the forehead
                pygame.draw.arc(s, self.line, self.r(42, y, 16, 5), 0.4, 2.7, self.w(0.9))
            for x in (40, 56):  # smile lines
                pygame.draw.arc(s, self.line, self.r(x, 46, 4, 9), 3.6 if x < 50 else 4.8,
                                4.6 if x < 50 else 5.8, self.w(0.9))
        elif age == "young":
            blush = _mix(self.skin, (230, 110, 110), 0.25)
            for x in (39, 61):
                pygame.draw.circle(s, blush, self.p(x, 49), self.w(3))

    def glasses(self) -> None:
        if not self.looks.glasses:
            return
        frame = (40, 40, 50) if self.looks.skin < 5 else (15, 15, 20)
        for x in (43, 57):
            pygame.draw.circle(self.s, frame, self.p(x, 43), self.w(5.5), self.w(1.4))
        pygame.draw.line(self.s, frame, self.p(48.5, 43), self.p(51.5, 43), self.w(1.4))

    # ------------------------------------------------------------------ hair
    def hair_behind(self) -> None:
        s, hair, style = self.s, self.hair, self.looks.hair
        if style == "long":
            pygame.draw.rect(s, hair, self.r(27, 20, 46, 52), border_radius=self.w(16))
        elif style == "curly":
            for x, y, radius in ((30, 32, 9), (70, 32, 9), (32, 46, 8), (68, 46, 8),
                                 (34, 57, 6), (66, 57, 6)):
                pygame.draw.circle(s, hair, self.p(x, y), self.w(radius))
        elif style == "ponytail":
            pygame.draw.ellipse(s, hair, self.r(64, 26, 14, 34))

    def hair_on_top(self) -> None:
        s, hair, style = self.s, self.hair, self.looks.hair
        if style == "bald":
            for x in (31, 62):  # what is left above the ears
                pygame.draw.ellipse(s, hair, self.r(x, 33, 7, 12))
            return
        if style == "curly":
            for x, y in ((36, 22), (44, 18), (52, 17), (60, 19), (66, 25), (32, 28)):
                pygame.draw.circle(s, hair, self.p(x, y), self.w(7))
            return
        if style == "bun":
            pygame.draw.circle(s, hair, self.p(50, 15), self.w(8))
        pygame.draw.ellipse(s, hair, self.r(30, 18, 40, 20))
        pygame.draw.rect(s, self.skin, self.r(36, 32, 28, 10), border_radius=self.w(5))
        if style == "short":
            pygame.draw.ellipse(s, hair, self.r(31, 24, 7, 13))
            pygame.draw.ellipse(s, hair, self.r(62, 24, 7, 13))
        else:  # long, bun, ponytail: a parting and hair down past the ears
            pygame.draw.ellipse(s, hair, self.r(30, 24, 8, 20))
            pygame.draw.ellipse(s, hair, self.r(62, 24, 8, 20))
            pygame.draw.line(s, _mix(hair, (255, 255, 255), 0.2), self.p(44, 20),
                             self.p(41, 30), self.w(1))


def _rounded(image: pygame.Surface, radius: int) -> pygame.Surface:
    out = pygame.Surface(image.get_size(), pygame.SRCALPHA)
    mask = pygame.Surface(image.get_size(), pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=radius)
    out.blit(image, (0, 0))
    out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return out
