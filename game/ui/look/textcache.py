"""Fonts and rendered text, made once and reused.

Rendering text is the costly part of a frame, so every wrapped text block is rendered once and
kept by (text, weight, size, colour, width, align) until it falls out of a bounded LRU cache.
Measuring comes before rendering and is kept apart: how a text wraps is kept by (text, weight,
size) and the span of widths the same lines hold for, in its own bounded LRU, so the screens that lay out the same text (the card,
its outcome, the workshop's card in both steps) and the blocks drawn in another colour share one
measurement, and ``validate`` measures each text of a deck once.
Wrapping breaks between words only; a word wider than its box stays whole and the block is
marked as overflowing, so :meth:`TextCache.fit` tries a smaller size instead.

A block knows its lines and size as soon as it is wrapped, but draws its pixels only when a
scene first asks for its surface: fitting a text tries several sizes and keeps one, and
measuring a layout (``validate`` checking that every text fits) draws nothing at all.
"""

from __future__ import annotations

from collections import OrderedDict
from io import BytesIO
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.ui.look.theme import Colour


class Fonts:
    """Fonts by (weight, size), opened once.

    Each font file is read once, and every size of it opened from those bytes: opened from
    its path, each size read the file again in thousands of small reads (the title screen
    alone opens a dozen sizes).
    """

    def __init__(self, paths: dict[str, Path]):
        self._paths = paths
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}
        self._files: dict[Path, bytes] = {}

    def get(self, weight: str, size: int) -> pygame.font.Font:
        key = (weight, size)
        font = self._cache.get(key)
        if font is None:
            path = self._paths.get(weight) or self._paths["regular"]
            try:
                font = pygame.font.Font(BytesIO(self._file(path)), size)
            except (OSError, pygame.error):
                font = pygame.font.Font(None, size)
            self._cache[key] = font
        return font

    def _file(self, path: Path) -> bytes:
        data = self._files.get(path)
        if data is None:
            data = self._files[path] = Path(path).read_bytes()
        return data


@dataclass(frozen=True)
class TextBox:
    """A text and the box it is drawn in, with the sizes to try from large to small.

    Scenes draw their deck texts through these, and ``validate`` measures the same boxes
    (:mod:`game.ui.layout.fit`), so what the check reports is what the table shows.
    """

    text: str
    rect: pygame.Rect
    weight: str
    sizes: tuple[int, ...]


class TextBlock:
    """A wrapped text: lines and size known at once, rendered on first use of :attr:`surface`."""

    __slots__ = ("lines", "size", "line_height", "overflow", "width", "height", "_font",
                 "_widths", "_colour", "_align", "_surface")

    def __init__(self, font: pygame.font.Font, lines: list[str], widths: list[int], size: int,
                 line_height: int, overflow: bool, colour: Colour, box_width: int | None,
                 align: str):
        self.lines: tuple[str, ...] = tuple(lines)
        self.size = size
        self.line_height = line_height
        #: True when a single word is wider than the box (the caller may shrink the text).
        self.overflow = overflow
        if box_width is None or overflow:
            box_width = max(widths, default=1)
        self.width = max(1, box_width)
        self.height = max(1, line_height * len(lines))
        self._font = font
        self._widths = widths
        self._colour = colour
        self._align = align
        self._surface: pygame.Surface | None = None

    @property
    def surface(self) -> pygame.Surface:
        if self._surface is None:
            self._surface = self._render()
        return self._surface

    def placed_lines(self) -> list[tuple[str, pygame.Rect]]:
        """Each line with something to draw, and its glyph box in the block's own pixels:
        aligned in the block's width and centred in its line slot, so extra leading is shared
        above and below."""
        font = self._font
        pad = (self.line_height - font.get_height()) // 2
        placed = []
        for i, (line, width) in enumerate(zip(self.lines, self._widths)):
            if not line or width <= 0:  # nothing to draw: SDL refuses text of zero width
                continue
            if self._align == "center":
                x = (self.width - width) // 2
            elif self._align == "right":
                x = self.width - width
            else:
                x = 0
            placed.append((line, pygame.Rect(x, i * self.line_height + pad, width,
                                             font.get_height())))
        return placed

    def _render(self) -> pygame.Surface:
        surface = pygame.Surface((self.width, self.height), pygame.SRCALPHA)
        for line, rect in self.placed_lines():
            surface.blit(self._font.render(line, True, self._colour), rect.topleft)
        return surface


def wrap(text: str, font: pygame.font.Font, width: int | None) -> tuple[list[str], bool]:
    """Lines of ``text`` that fit ``width`` (breaking between words only), and overflow."""
    lines, widths = _wrap(text, font, width)
    return lines, width is not None and any(w > width for w in widths)


def _wrap(text: str, font: pygame.font.Font, width: int | None) -> tuple[list[str], list[int]]:
    """The lines of ``text`` within ``width`` and the width of each."""
    lines, widths, _ = _wrap_span(text, font, width)
    return lines, widths


#: No upper bound: a wrap whose every line ends its paragraph holds at any larger width.
_UNBOUNDED = 1 << 30


def _wrap_span(text: str, font: pygame.font.Font, width: int | None
               ) -> tuple[list[str], list[int], tuple[int, int]]:
    """The lines of ``text`` within ``width``, the width of each, and the widths the same lines
    hold for: from ``low`` up to (not including) ``high``.

    Each line takes as many words as fit. The search starts from the previous line's word count
    and steps up or down from there, so a line is usually measured two or three times instead
    of once per word; the width of a line only grows with every word added, so the lines are
    the same as adding words one by one. So the same lines come out for any width at least as
    wide as every line of more than one word (a single word always stays on its line) and
    narrower than every line with the next word added, which the search measured anyway.
    """
    lines: list[str] = []
    widths: list[int] = []
    low, high = 0, _UNBOUNDED
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if width is None or not words:
            line = " ".join(words)
            lines.append(line)
            widths.append(font.size(line)[0] if line else 0)
            continue
        start, guess = 0, 8
        while start < len(words):
            end = min(len(words), start + max(1, guess))
            line = " ".join(words[start:end])
            line_width = font.size(line)[0]
            if line_width <= width:
                while end < len(words):  # one more word, while it fits
                    longer = f"{line} {words[end]}"
                    longer_width = font.size(longer)[0]
                    if longer_width > width:
                        high = min(high, longer_width)
                        break
                    end, line, line_width = end + 1, longer, longer_width
            else:
                high = min(high, line_width)  # this line, or one word more, is too wide
                while end > start + 1:  # one word fewer, until it fits (one word always stays)
                    end -= 1
                    shorter = " ".join(words[start:end])
                    shorter_width = font.size(shorter)[0]
                    if shorter_width > width:
                        high = min(high, shorter_width)
                    line, line_width = shorter, shorter_width
                    if line_width <= width:
                        break
            if end - start > 1:
                low = max(low, line_width)
            lines.append(line)
            widths.append(line_width)
            guess = end - start
            start = end
    if width is None:
        low, high = -1, -1  # held for no width at all, and for no width only
    return lines, widths, (low, high)


#: A private-use character no font draws: whatever a font renders for it is its "missing" box.
_NO_GLYPH = "\U000F0001"


def has_glyphs(font: pygame.font.Font, text: str) -> bool:
    """Whether the font draws every character of ``text`` itself (not as a missing-glyph box)."""
    try:
        missing = pygame.image.tobytes(font.render(_NO_GLYPH, True, (0, 0, 0)), "RGBA")
        return all(pygame.image.tobytes(font.render(ch, True, (0, 0, 0)), "RGBA") != missing
                   for ch in set(text) if not ch.isspace())
    except pygame.error:
        return False


class TextCache:
    """Rendered text blocks, bounded so resizing many times cannot grow memory without end."""

    def __init__(self, fonts: Fonts, leading: float = 1.3, limit: int = 800,
                 wrap_limit: int = 4000):
        self.fonts = fonts
        self.leading = leading
        self.limit = limit
        #: How many measured wraps are kept (each is a few short strings, no pixels).
        self.wrap_limit = wrap_limit
        self._blocks: OrderedDict[tuple, TextBlock] = OrderedDict()
        #: By (text, weight, size): the wraps measured, each with the widths it holds for.
        self._wraps: OrderedDict[tuple, list[tuple[int, int, list[str], list[int]]]] = \
            OrderedDict()
        self.hits = 0
        self.misses = 0
        #: Texts wrapped by measuring them with a font (not found among the kept wraps).
        self.measured = 0
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
        key = (weight, size, chars)
        known = self._glyphs.get(key)
        if known is None:
            known = self._glyphs[key] = has_glyphs(self.fonts.get(weight, size), chars)
        return known

    def wrapped(self, text: str, weight: str, size: int, width: int | None
                ) -> tuple[list[str], list[int]]:
        """The lines of ``text`` within ``width`` and their widths, measured once per (text,
        weight, size) and span of widths the lines hold for, while they stay among the kept
        wraps (callers do not change them)."""
        key = (text, weight, size)
        spans = self._wraps.get(key)
        if spans is not None:
            self._wraps.move_to_end(key)
            for low, high, lines, widths in spans:
                if (low <= width < high) if width is not None else high < 0:
                    return lines, widths
        else:
            spans = self._wraps[key] = []
            if len(self._wraps) > self.wrap_limit:
                self._wraps.popitem(last=False)
        self.measured += 1
        lines, widths, (low, high) = _wrap_span(text, self.fonts.get(weight, size), width)
        spans.append((low, high, lines, widths))
        return lines, widths

    def measure(self, text: str, weight: str, size: int) -> tuple[int, int]:
        return self.fonts.get(weight, size).size(text)

    def _make(self, text: str, weight: str, size: int, colour: Colour, width: int | None,
              align: str) -> TextBlock:
        font = self.fonts.get(weight, size)
        lines, widths = self.wrapped(text, weight, size, width)
        overflow = width is not None and any(w > width for w in widths)
        line_height = max(font.get_linesize(), round(size * self.leading))
        return TextBlock(font, lines, widths, size, line_height, overflow, colour, width, align)


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
