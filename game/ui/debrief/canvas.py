"""What the debrief's pages draw with: text that is measured, fitted and recorded, and the look
of each team's (or meter's) lines.

Every text a page draws goes through a :class:`Canvas`, which renders it through the table's
text cache and keeps a list of what was drawn where. Tests and the screenshot check read that
list ("what text is where") instead of comparing pixels.

A team is told apart by three things at once, so colour is never the only signal: its colour,
its line pattern (solid, dashed, dotted, dash-dot, ...) and its marker shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame
from pygame import Rect

from game.reports.chart_geometry import marker_kind
from game.ui.look.chart import marker
from game.ui.look.textcache import TextBlock, ellipsize
from game.ui.look.theme import Colour, Metrics, Palette

#: Line patterns as on/off lengths in multiples of the line width; () is a solid line.
PATTERNS: tuple[tuple[float, ...], ...] = (
    (),
    (4.5, 2.2),
    (1.0, 1.6),
    (4.5, 1.6, 1.0, 1.6),
    (9.0, 2.6),
    (2.2, 2.2),
)


@dataclass(frozen=True)
class Look:
    """How one series is drawn: colour, line pattern and marker shape."""

    colour: Colour
    pattern: tuple[float, ...]
    marker: str


def look(palette: Palette, index: int) -> Look:
    """The look of the ``index``-th meter (or of a single game's one series): the same on
    every page."""
    return Look(palette.chart_meter(index), PATTERNS[index % len(PATTERNS)],
                marker_kind(index))


def team_look(palette: Palette, index: int) -> Look:
    """The look of the ``index``-th team: the colour of its name (never a meter's colour),
    with its own pattern and marker."""
    return Look(palette.team(index), PATTERNS[index % len(PATTERNS)], marker_kind(index))


def pattern_line(surface: pygame.Surface, points: list[tuple[float, float]], colour: Colour,
                 width: int, pattern: tuple[float, ...]) -> None:
    """A polyline in ``pattern``; the pattern runs on across the corners."""
    if len(points) < 2:
        return
    if not pattern:
        pygame.draw.lines(surface, colour, False, points, width)
        return
    lengths = [part * width for part in pattern]
    index, left, drawing = 0, lengths[0], True
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        length = math.hypot(x2 - x1, y2 - y1)
        pos = 0.0
        while pos < length:
            step = min(left, length - pos)
            if drawing and step > 0:
                a, b = pos / length, (pos + step) / length
                pygame.draw.line(surface, colour, (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                                 (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), width)
            pos += step
            left -= step
            if left <= 1e-6:
                index = (index + 1) % len(lengths)
                left, drawing = lengths[index], index % 2 == 0


def sample(surface: pygame.Surface, rect: Rect, series: Look, m: Metrics, edge: Colour) -> None:
    """A short stretch of a series' line with its marker in the middle: its legend mark."""
    width = max(2, m.px(4))
    pattern_line(surface, [(rect.x, rect.centery), (rect.right, rect.centery)], series.colour,
                 width, series.pattern)
    marker(surface, series.marker, rect.center, m.px(8), series.colour, edge)


class Canvas:
    """The table's text cache, sizes and colours, with a record of every text drawn."""

    def __init__(self, app):
        self.app = app
        self.text = app.text
        self.palette: Palette = app.theme.palette
        #: Every text drawn since the last :meth:`clear`, with the rectangle it was drawn in.
        self.drawn: list[tuple[str, Rect]] = []
        self._turned: dict[tuple, pygame.Surface] = {}

    @property
    def m(self) -> Metrics:
        return self.app.metrics

    def clear(self) -> None:
        self.drawn = []

    def line_height(self, weight: str, size: int) -> int:
        return self.text.render("Hg", weight, size, self.palette.ink).line_height

    def width(self, text: str, weight: str, size: int) -> int:
        return self.text.measure(text, weight, size)[0]

    # ------------------------------------------------------------------ drawing text
    def put(self, surface: pygame.Surface, text: str, weight: str, size: int, colour: Colour,
            pos: tuple[int, int], anchor: str = "topleft") -> Rect:
        """One line of ``text`` placed by one of its corners or mid-points."""
        block = self.text.render(text, weight, size, colour)
        rect = Rect(0, 0, block.width, block.height)
        setattr(rect, anchor, pos)
        surface.blit(block.surface, rect)
        self.drawn.append((text, rect))
        return rect

    def line(self, surface: pygame.Surface, text: str, weight: str, size: int, colour: Colour,
             pos: tuple[int, int], width: int, align: str = "left") -> Rect:
        """One line of ``text`` within ``width``, shortened with an ellipsis when too long."""
        shown = ellipsize(text, self.text.fonts.get(weight, size), max(1, width))
        block = self.text.render(shown, weight, size, colour)
        x = pos[0]
        if align == "right":
            x = pos[0] + width - block.width
        elif align == "center":
            x = pos[0] + (width - block.width) // 2
        rect = Rect(x, pos[1], min(block.width, width), block.height)
        surface.blit(block.surface, rect.topleft, Rect(0, 0, rect.width, rect.height))
        self.drawn.append((shown, rect))
        return rect

    def fit(self, surface: pygame.Surface, rect: Rect, text: str, weight: str,
            sizes: list[int], colour: Colour, align: str = "left",
            valign: str = "top") -> TextBlock:
        """``text`` wrapped into ``rect`` at the largest of ``sizes`` that fits; what still
        does not fit is cut at the box's edge."""
        block = self.text.fit(text, weight, sizes, colour, rect.width, rect.height, align)
        y = rect.y
        if valign == "center":
            y += max(0, (rect.height - block.height) // 2)
        elif valign == "bottom":
            y = rect.bottom - block.height
        visible = Rect(0, 0, min(block.width, rect.width), max(0, rect.bottom - y))
        surface.blit(block.surface, (rect.x, y), visible)
        self.drawn.append((text, Rect(rect.x, y, visible.width, min(block.height,
                                                                     visible.height))))
        return block

    def runs(self, surface: pygame.Surface, parts: list[tuple[str, str, Colour]], size: int,
             pos: tuple[int, int], record: str | None = None) -> Rect:
        """Pieces of one line in their own weights and colours, side by side (such as a vote
        split with the chosen option in bold); recorded as one text."""
        x, y = pos
        height = 0
        for text, weight, colour in parts:
            lead, trail = self._spaces(text, weight, size)
            block = self.text.render(text.strip(), weight, size, colour)
            surface.blit(block.surface, (x + lead, y))
            x += lead + (block.width if text.strip() else 0) + trail
            height = max(height, block.height)
        rect = Rect(pos[0], y, x - pos[0], height)
        self.drawn.append((record if record is not None else "".join(p[0] for p in parts), rect))
        return rect

    def runs_width(self, parts: list[tuple[str, str, Colour]], size: int) -> int:
        total = 0
        for text, weight, _ in parts:
            lead, trail = self._spaces(text, weight, size)
            total += lead + (self.width(text.strip(), weight, size) if text.strip() else 0) + trail
        return total

    def _spaces(self, text: str, weight: str, size: int) -> tuple[int, int]:
        """The width of the spaces before and after ``text`` (a wrapped block drops them)."""
        space = self.width(" ", weight, size)
        core = text.strip()
        if not core:
            return space * len(text), 0
        return space * (len(text) - len(text.lstrip())), space * (len(text) - len(text.rstrip()))

    def turned(self, surface: pygame.Surface, text: str, weight: str, size: int,
               colour: Colour, center: tuple[int, int]) -> Rect:
        """``text`` turned a quarter to the left (a vertical axis title), centred on ``center``."""
        key = (text, weight, size, colour)
        image = self._turned.get(key)
        if image is None:
            image = pygame.transform.rotate(self.text.render(text, weight, size, colour).surface,
                                            90)
            self._turned[key] = image
        rect = image.get_rect(center=center)
        surface.blit(image, rect)
        self.drawn.append((text, rect))
        return rect

    def turned_width(self, weight: str, size: int) -> int:
        return self.line_height(weight, size)
