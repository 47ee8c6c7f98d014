"""Fonts and rendered text, made once and reused.

Rendering text is the costly part of a frame, so every wrapped text block is rendered once and
kept by (text, weight, size, colour, width, align) until it falls out of a bounded LRU cache.
Wrapping breaks between words only; a word wider than its box stays whole and the block is
marked as overflowing, so :meth:`TextCache.fit` tries a smaller size instead.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pygame

from .theme import Colour


class Fonts:
    """Fonts by (weight, size), opened once."""

    def __init__(self, paths: dict[str, Path]):
        self._paths = paths
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}

    def get(self, weight: str, size: int) -> pygame.font.Font:
        key = (weight, size)
        font = self._cache.get(key)
        if font is None:
            path = self._paths.get(weight) or self._paths["regular"]
            try:
                font = pygame.font.Font(path, size)
            except (OSError, FileNotFoundError, pygame.error):
                font = pygame.font.Font(None, size)
            self._cache[key] = font
        return font


@dataclass(frozen=True)
class TextBlock:
    """A rendered, wrapped text."""

    surface: pygame.Surface
    lines: tuple[str, ...]
    size: int
    line_height: int
    #: True when a single word is wider than the box (the caller may shrink the text).
    overflow: bool

    @property
    def width(self) -> int:
        return self.surface.get_width()

    @property
    def height(self) -> int:
        return self.surface.get_height()


def wrap(text: str, font: pygame.font.Font, width: int | None) -> tuple[list[str], bool]:
    """Lines of ``text`` that fit ``width`` (breaking between words only), and overflow."""
    lines: list[str] = []
    overflow = False
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if width is None:
            lines.append(" ".join(words))
            continue
        if not words:
            lines.append("")
            continue
        current = words[0]
        for word in words[1:]:
            candidate = f"{current} {word}"
            if font.size(candidate)[0] <= width:
                current = candidate
            else:
                lines.append(current)
                current = word
        lines.append(current)
    if width is not None:
        overflow = any(font.size(line)[0] > width for line in lines)
    return lines, overflow


class TextCache:
    """Rendered text blocks, bounded so resizing many times cannot grow memory without end."""

    def __init__(self, fonts: Fonts, leading: float = 1.3, limit: int = 800):
        self.fonts = fonts
        self.leading = leading
        self.limit = limit
        self._blocks: OrderedDict[tuple, TextBlock] = OrderedDict()
        self.hits = 0
        self.misses = 0
        self._glyphs: dict[tuple[str, int, str], bool] = {}

    def render(self, text: str, weight: str, size: int, colour: Colour,
               width: int | None = None, align: str = "left") -> TextBlock:
        key = (text, weight, size, tuple(colour), width, align)
        block = self._blocks.get(key)
        if block is not None:
            self._blocks.move_to_end(key)
            self.hits += 1
            return block
        self.misses += 1
        block = self._make(text, weight, size, colour, width, align)
        self._blocks[key] = block
        if len(self._blocks) > self.limit:
            self._blocks.popitem(last=False)
        return block

    def fit(self, text: str, weight: str, sizes: list[int], colour: Colour, width: int,
            height: int, align: str = "left") -> TextBlock:
        """The largest of ``sizes`` whose wrapped text fits the box (else the smallest)."""
        block = None
        for size in sizes:
            block = self.render(text, weight, size, colour, width, align)
            if block.height <= height and not block.overflow:
                return block
        assert block is not None
        return block

    def has_glyphs(self, weight: str, size: int, chars: str) -> bool:
        """Whether the font draws ``chars`` itself (checked once per font)."""
        from .widgets import has_glyphs

        key = (weight, size, chars)
        known = self._glyphs.get(key)
        if known is None:
            known = self._glyphs[key] = has_glyphs(self.fonts.get(weight, size), chars)
        return known

    def measure(self, text: str, weight: str, size: int) -> tuple[int, int]:
        return self.fonts.get(weight, size).size(text)

    def _make(self, text: str, weight: str, size: int, colour: Colour, width: int | None,
              align: str) -> TextBlock:
        font = self.fonts.get(weight, size)
        lines, overflow = wrap(text, font, width)
        line_height = max(font.get_linesize(), round(size * self.leading))
        rendered = [font.render(line, True, colour) if line else None for line in lines]
        box_width = width if width is not None else max(
            (r.get_width() for r in rendered if r is not None), default=1)
        if overflow:
            box_width = max(r.get_width() for r in rendered if r is not None)
        surface = pygame.Surface((max(1, box_width), max(1, line_height * len(lines))),
                                 pygame.SRCALPHA)
        # Centre each line's glyph box in its line slot so extra leading is shared above/below.
        pad = (line_height - font.get_height()) // 2
        for i, line in enumerate(rendered):
            if line is None:
                continue
            if align == "center":
                x = (box_width - line.get_width()) // 2
            elif align == "right":
                x = box_width - line.get_width()
            else:
                x = 0
            surface.blit(line, (x, i * line_height + pad))
        return TextBlock(surface, tuple(lines), size, line_height, overflow)


def ellipsize(text: str, font: pygame.font.Font, width: int) -> str:
    """``text`` shortened at a word boundary with an ellipsis so it fits on one line."""
    if font.size(text)[0] <= width:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",.;:") + "…"
        if font.size(candidate)[0] <= width:
            return candidate
    return words[0] if words else ""
