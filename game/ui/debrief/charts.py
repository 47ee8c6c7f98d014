"""The debrief's two charts: meters over the rounds as lines, and the final values as a triangle.

Both are drawn for reading from the back of a room: thick lines with a pattern and a marker
per series, labelled axes, and the numbers written where the eye ends up (at the end of each
line, at each corner of the triangle). Labels that would overlap are moved apart, with a thin
leader back to the point they belong to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import pygame
from pygame import Rect

from game.ui.look.chart import marker
from game.ui.debrief.canvas import Canvas, Look, pattern_line


@dataclass(frozen=True)
class Series:
    """One line: (round, value) points, its look, and the text at its end."""

    points: list[tuple[int, int]]
    look: Look
    end: str


def spread(targets: list[float], gap: float, low: float, high: float) -> list[float]:
    """Positions as close to ``targets`` as possible, at least ``gap`` apart, within
    [low, high] where there is room (in the order of the targets)."""
    order = sorted(range(len(targets)), key=lambda i: targets[i])
    placed = [max(low, targets[i]) for i in order]
    for j in range(1, len(placed)):
        placed[j] = max(placed[j], placed[j - 1] + gap)
    if placed and placed[-1] > high:
        placed[-1] = high
        for j in range(len(placed) - 2, -1, -1):
            placed[j] = min(placed[j], placed[j + 1] - gap)
    out = [0.0] * len(targets)
    for j, i in enumerate(order):
        out[i] = placed[j]
    return out


def line_chart(c: Canvas, s: pygame.Surface, area: Rect, series: Sequence[Series], *,
               x_max: int, y_min: int, y_max: int, x_label: str, y_label: str,
               start_label: str, background) -> Rect:
    """Lines of ``series`` over rounds 0 (the start) to ``x_max``; returns the plot area."""
    m, p = c.m, c.palette
    tick = m.label
    tick_h = c.line_height("regular", tick)
    end_size = m.body
    end_h = c.line_height("bold", end_size)
    mark_r = m.px(7)
    y_title_w = c.turned_width("semibold", tick)
    tick_w = max(c.width(str(v), "regular", tick) for v in (y_min, y_max))
    left = area.x + y_title_w + m.px(10) + tick_w + m.px(12)
    end_w = max((c.width(item.end, "bold", end_size) for item in series), default=0)
    right = area.right - (end_w + mark_r + m.px(20))
    top = area.y + end_h // 2
    bottom = area.bottom - 2 * tick_h - m.px(10)
    plot = Rect(left, top, max(1, right - left), max(1, bottom - top))
    span = max(1, y_max - y_min)
    x_max = max(1, x_max)

    def px(x: float) -> float:
        return plot.x + plot.width * x / x_max

    def py(y: float) -> float:
        return plot.bottom - plot.height * (y - y_min) / span

    # Grid and value ticks every quarter of the range.
    for q in range(5):
        value = y_min + span * q / 4
        y = round(py(value))
        if q == 0:
            pygame.draw.line(s, p.border, (plot.x, y), (plot.right, y), max(1, m.px(2)))
        else:
            pattern_line(s, [(plot.x, y), (plot.right, y)], p.border, 1, (3.0, 5.0))
        c.put(s, f"{round(value)}", "regular", tick, p.ink_muted, (plot.x - m.px(12), y),
              "midright")
    if y_label:
        c.turned(s, y_label, "semibold", tick, p.ink_muted, (area.x + y_title_w // 2, plot.centery))
    # Round ticks, as many as fit side by side.
    widest = max(c.width(str(x_max), "regular", tick), c.width(start_label, "regular", tick))
    step = next((k for k in (1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50)
                 if plot.width * k / x_max >= widest + m.px(14)), x_max)
    for x in range(0, x_max + 1, step):
        label = start_label if x == 0 else str(x)
        cx = round(px(x))
        pygame.draw.line(s, p.border, (cx, plot.bottom), (cx, plot.bottom + m.px(6)),
                         max(1, m.px(2)))
        anchor = "midtop" if x else "topleft"
        c.put(s, label, "regular", tick, p.ink_muted,
              (cx if x else plot.x - m.px(4), plot.bottom + m.px(8)), anchor)
    c.put(s, x_label, "semibold", tick, p.ink_muted,
          (plot.centerx, plot.bottom + m.px(8) + tick_h), "midtop")

    width = max(2, m.px(5))
    coords = [[(px(x), py(y)) for x, y in item.points] for item in series]
    for item, points in zip(series, coords):
        pattern_line(s, points, item.look.colour, width, item.look.pattern)
    for item, points in zip(series, coords):
        for point in points:
            marker(s, item.look.marker, point, m.px(7), item.look.colour, background)

    # The value at the end of each line. Labels whose columns overlap are moved apart
    # together, so lines that end a round apart do not write over each other.
    labels = sorted((round(coords[i][-1][0]) + mark_r + m.px(10), i)
                    for i, item in enumerate(series) if item.points)
    clusters: list[list[tuple[int, int]]] = []
    reach = 0
    for x0, i in labels:
        if clusters and x0 < reach:
            clusters[-1].append((x0, i))
        else:
            clusters.append([(x0, i)])
        reach = max(reach if len(clusters[-1]) > 1 else 0,
                    x0 + c.width(series[i].end, "bold", end_size) + m.px(8))
    for members in clusters:
        placed = spread([coords[i][-1][1] for _, i in members], end_h * 0.92, plot.y,
                        plot.bottom)
        for (x0, i), y in zip(members, placed):
            item = series[i]
            point = coords[i][-1]
            if abs(y - point[1]) > m.px(4):
                pygame.draw.line(s, item.look.colour, (point[0] + mark_r, point[1]),
                                 (x0 - m.px(4), y), max(1, m.px(2)))
            # A halo of the chart's background keeps the number readable over other lines.
            halo = Rect(0, 0, c.width(item.end, "bold", end_size) + m.px(8), end_h)
            halo.midleft = (x0 - m.px(4), round(y))
            pygame.draw.rect(s, background, halo, border_radius=m.px(6))
            c.put(s, item.end, "bold", end_size, item.look.colour, (x0, round(y)), "midleft")
    return plot


def corners(n: int, centre: tuple[float, float], radius: float,
            fractions: Sequence[float] | None = None) -> list[tuple[float, float]]:
    """The corners of a radar with ``n`` axes, the first pointing up."""
    cx, cy = centre
    out = []
    for k in range(n):
        angle = -math.pi / 2 + 2 * math.pi * k / n
        f = 1.0 if fractions is None else fractions[k]
        out.append((cx + radius * f * math.cos(angle), cy + radius * f * math.sin(angle)))
    return out


def fraction(value, low: int, high: int) -> float:
    if not isinstance(value, (int, float)) or high <= low:
        return 0.0
    return min(1.0, max(0.0, (value - low) / (high - low)))


@dataclass(frozen=True)
class Axis:
    label: str
    low: int
    high: int


@dataclass(frozen=True)
class TriangleFit:
    """Where a triangle's corner labels go and how large the triangle can be."""

    beside: bool
    radius: float


def _labels(c: Canvas, axes: Sequence[Axis], values: Sequence, size: int, value_size: int,
            names: bool = True) -> tuple[list[tuple[str, str]], list[int]]:
    labels = [(a.label if names else "", str(v) if v is not None else "—")
              for a, v in zip(axes, values)]
    widths = [(c.width(name, "semibold", size) + c.width(" ", "semibold", size) if name else 0)
              + c.width(value, "bold", value_size) for name, value in labels]
    return labels, widths


def _row_height(c: Canvas, size: int, value_size: int) -> int:
    return max(c.line_height("semibold", size), c.line_height("bold", value_size))


def triangle_fit(c: Canvas, area: Rect, axes: Sequence[Axis], values: Sequence,
                 value_size: int | None = None, beside: bool | None = None,
                 names: bool = True) -> TriangleFit:
    """How large the triangle can be in ``area``, with the lower corners' labels below them or
    beside them (``beside`` None: whichever gives the larger triangle)."""
    m = c.m
    size, value_size = m.label, value_size or m.heading
    row_h = _row_height(c, size, value_size)
    _, widths = _labels(c, axes, values, size, value_size, names)
    pad, inset = m.px(10), m.px(28)
    n = len(axes)
    angles = [-math.pi / 2 + 2 * math.pi * k / n for k in range(n)]
    lowest = max(math.sin(a) for a in angles)
    half_w = max(abs(math.cos(a)) for a in angles)
    lower = [w for a, w in zip(angles, widths) if math.sin(a) > 0.1 and abs(math.cos(a)) >= 0.2]
    widest = max(lower, default=0)
    # Below: a label row under the lowest corners, reaching outward by less than its width.
    below = min((area.height - 2 * row_h - 2 * pad) / (1 + lowest),
                (area.width / 2 - pad - max(0, widest - inset)) / half_w)
    # Beside: every label level with its corner, the top one to the right of the top corner.
    side = min((area.height - row_h) / (1 + lowest),
               (area.width / 2 - 2 * pad - widest) / half_w,
               area.width / 2 - 2 * pad - widths[0]) if lower else below
    if beside is None:
        beside = side > below
    return TriangleFit(beside, max(m.px(24), side if beside else below))


def triangle(c: Canvas, s: pygame.Surface, area: Rect, axes: Sequence[Axis],
             values: Sequence, series: Look, start: Sequence | None, background,
             value_size: int | None = None, fit: TriangleFit | None = None,
             names: bool = True) -> Rect:
    """The final values as a filled triangle (a radar for other meter counts), each corner
    labelled with the meter's name (unless ``names`` is false: a key elsewhere names the
    corners) and its value; ``start`` is drawn dotted beneath.

    ``fit`` (from :func:`triangle_fit`) lets small multiples share one size and placement.
    Returns the rectangle the drawing took.
    """
    m, p = c.m, c.palette
    n = len(axes)
    size = m.label
    value_size = value_size or m.heading
    row_h = _row_height(c, size, value_size)
    labels, widths = _labels(c, axes, values, size, value_size, names)
    fit = fit or triangle_fit(c, area, axes, values, value_size, names=names)
    side, radius = fit.beside, fit.radius
    pad, inset = m.px(10), m.px(28)
    angles = [-math.pi / 2 + 2 * math.pi * k / n for k in range(n)]
    lowest = max(math.sin(a) for a in angles)
    half_w = max(abs(math.cos(a)) for a in angles)
    head = row_h / 2 if side else row_h + pad
    foot = row_h / 2 if side else row_h + pad
    height = head + radius * (1 + lowest) + foot
    cy = area.y + (area.height - height) / 2 + head + radius
    centre = (area.centerx, cy)

    for ring in (0.25, 0.5, 0.75, 1.0):
        points = corners(n, centre, radius * ring)
        pygame.draw.polygon(s, p.border if ring == 1.0 else p.page, points,
                            max(1, m.px(3 if ring == 1.0 else 2)))
    for point in corners(n, centre, radius):
        pygame.draw.line(s, p.page, centre, point, max(1, m.px(2)))
    if start is not None:
        shape = corners(n, centre, radius,
                        [fraction(v, a.low, a.high) for v, a in zip(start, axes)])
        pattern_line(s, shape + shape[:1], p.ink_muted, max(2, m.px(3)), (1.0, 1.8))
    shape = corners(n, centre, radius, [fraction(v, a.low, a.high) for v, a in zip(values, axes)])
    fill = pygame.Surface(area.size, pygame.SRCALPHA)
    pygame.draw.polygon(fill, (*series.colour, 56), [(x - area.x, y - area.y) for x, y in shape])
    s.blit(fill, area.topleft)
    pattern_line(s, shape + shape[:1], series.colour, max(2, m.px(5)), series.pattern)
    for point in shape:
        marker(s, series.marker, point, m.px(8), series.colour, background)

    used = Rect(round(centre[0] - radius * half_w), round(cy - radius),
                round(2 * radius * half_w), round(radius * (1 + lowest)))
    for angle, (x, y), label, width in zip(angles, corners(n, centre, radius), labels, widths):
        cos, sin = math.cos(angle), math.sin(angle)
        if sin < -0.5 and side:
            left, top = x + 2 * pad, y - row_h / 2
        elif sin < -0.5:
            left, top = x - width / 2, y - pad - row_h
        elif sin > 0.1 and abs(cos) < 0.2:
            left, top = x - width / 2, y + pad
        elif sin > 0.1 and not side:
            left = x - inset if cos > 0 else x + inset - width
            top = y + pad
        else:
            top = y - row_h / 2
            left = x + 2 * pad if cos > 0 else x - 2 * pad - width
        left = max(area.x, min(area.right - width, left))
        rect = _value_label(c, s, label, size, value_size, (round(left), round(top)), row_h)
        used.union_ip(rect)
    return used


def _value_label(c: Canvas, s: pygame.Surface, label: tuple[str, str], size: int,
                 value_size: int, pos: tuple[int, int], row_h: int) -> Rect:
    """A meter's name, and its value beside it in larger bold type."""
    p = c.palette
    name, value = label
    number = c.text.render(value, "bold", value_size, p.ink)
    x, y = pos
    lead = 0
    if name:
        head = c.text.render(name, "semibold", size, p.ink_muted)
        s.blit(head.surface,
               (x, y + (row_h - head.height) // 2 + (number.height - head.height) // 4))
        lead = head.width + c.width(" ", "semibold", size)
    s.blit(number.surface, (x + lead, y + (row_h - number.height) // 2))
    rect = Rect(x, y, lead + number.width, row_h)
    c.drawn.append((f"{name} {value}" if name else value, rect))
    return rect
