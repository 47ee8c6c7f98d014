"""The debrief's two charts: meters over the rounds as lines, and the final values as a triangle.

Both are drawn for reading from the back of a room: thick lines with a pattern and a marker
per series, labelled axes, and the numbers written where the eye ends up (at the end of each
line, at each corner of the triangle). Labels that would overlap are moved apart; no line
joins a moved label to its point (such a line reads as a last, sudden change of the value),
and no marker stands beside a label (it would read as one more point): each label names its
series in words and in its colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pygame
from pygame import Rect

from game.reports import chart_geometry as geometry
from game.reports.chart_geometry import TriangleFit
from game.ui.look.chart import draw_marker, marker
from game.ui.debrief.canvas import Canvas, Look, pattern_line


@dataclass(frozen=True)
class Series:
    """One line: (round, value) points, its look, and the text at its end."""

    points: list[tuple[int, int]]
    look: Look
    end: str


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
    scale = geometry.Plot.of(plot.x, plot.y, plot.width, plot.height, x_max=x_max, y_min=y_min,
                             y_max=y_max)
    x_max = scale.x_max

    # Grid and value ticks every quarter of the range.
    for q, (value, at) in enumerate(geometry.quarter_value_ticks(scale)):
        y = round(at)
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
    step = geometry.fitting_step(plot.width, x_max, widest + m.px(14))
    for x, at in geometry.round_ticks(scale, step):
        label = start_label if x == 0 else str(x)
        cx = round(at)
        pygame.draw.line(s, p.border, (cx, plot.bottom), (cx, plot.bottom + m.px(6)),
                         max(1, m.px(2)))
        anchor = "midtop" if x else "topleft"
        c.put(s, label, "regular", tick, p.ink_muted,
              (cx if x else plot.x - m.px(4), plot.bottom + m.px(8)), anchor)
    c.put(s, x_label, "semibold", tick, p.ink_muted,
          (plot.centerx, plot.bottom + m.px(8) + tick_h), "midtop")

    width = max(2, m.px(5))
    lines = [geometry.line(scale, i, item.points, m.px(7), screen=True)
             for i, item in enumerate(series)]
    for item, drawn in zip(series, lines):
        pattern_line(s, drawn.points, item.look.colour, width, item.look.pattern)
    for item, drawn in zip(series, lines):
        for shape in drawn.markers:
            draw_marker(s, shape, item.look.colour, background)

    # The value at the end of each line, moved apart where labels would overlap.
    ends = [(i, drawn.points[-1], round(drawn.points[-1][0]) + mark_r + m.px(10),
             c.width(series[i].end, "bold", end_size) + m.px(8))
            for i, drawn in enumerate(lines) if drawn.points]
    # A label at the bottom stays above the round numbers under the plot.
    lowest = plot.bottom + m.px(6) - end_h / 2
    for label in geometry.end_labels(ends, end_h * 0.92, plot.y, lowest):
        item, x0, y = series[label.index], label.x, label.y
        text_w = c.width(item.end, "bold", end_size)
        # A halo of the chart's background keeps the number readable over other lines.
        halo = Rect(0, 0, text_w + m.px(8), end_h)
        halo.midleft = (x0 - m.px(4), round(y))
        pygame.draw.rect(s, background, halo, border_radius=m.px(6))
        c.put(s, item.end, "bold", end_size, item.look.colour, (x0, round(y)), "midleft")
    return plot


@dataclass(frozen=True)
class Axis:
    label: str
    low: int
    high: int


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
    return geometry.triangle_fit(area.width, area.height, widths, row_h, m.px(10), m.px(28),
                                 m.px(24), beside)


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
    pad, inset = m.px(10), m.px(28)
    frame = geometry.triangle_frame(area.x, area.y, area.width, area.height, n, fit, row_h, pad)
    centre, radius = frame.centre, frame.radius
    ranges = [(a.low, a.high) for a in axes]

    for ring in geometry.RINGS:
        points = geometry.corners(n, centre, radius * ring)
        pygame.draw.polygon(s, p.border if ring == 1.0 else p.page, points,
                            max(1, m.px(3 if ring == 1.0 else 2)))
    outer = geometry.corners(n, centre, radius)
    for point in outer:
        pygame.draw.line(s, p.page, centre, point, max(1, m.px(2)))
    if start is not None:
        shape = geometry.shape(centre, radius, ranges, start)
        pattern_line(s, shape + shape[:1], p.ink_muted, max(2, m.px(3)), (1.0, 1.8))
    shape = geometry.shape(centre, radius, ranges, values)
    fill = pygame.Surface(area.size, pygame.SRCALPHA)
    pygame.draw.polygon(fill, (*series.colour, 56), [(x - area.x, y - area.y) for x, y in shape])
    s.blit(fill, area.topleft)
    pattern_line(s, shape + shape[:1], series.colour, max(2, m.px(5)), series.pattern)
    for point in shape:
        marker(s, series.marker, point, m.px(8), series.colour, background)

    used = Rect(*(round(v) for v in frame.box))
    for angle, corner, label, width in zip(geometry.angles(n), outer, labels, widths):
        left, top = geometry.corner_label(angle, corner, width, row_h, pad, inset, fit.beside,
                                          area.x, area.right)
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
