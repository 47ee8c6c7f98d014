"""The meters over time as a line chart, readable without colour.

Each meter has its own colour, and also its own marker shape (circle, square, triangle,
diamond, ...) and dash pattern (solid, dashed, dotted), and the legend repeats all three next to
the meter's name.
"""

from __future__ import annotations

import math

import pygame
from pygame import Rect

from game.format.models import Meter
from game.reports import chart_geometry as geometry
from game.ui.look.textcache import TextCache
from game.ui.look.theme import Colour, Metrics, Palette

DASHES = ((1, 0), (3, 1.6), (0.8, 1.2))


def marker(surface: pygame.Surface, kind: str, centre: tuple[float, float], r: float,
           colour: Colour, edge: Colour) -> None:
    """A series' marker of ``kind`` (see :data:`chart_geometry.MARKERS`) with a halo of
    ``edge`` around it."""
    draw_marker(surface, geometry.marker(kind, centre[0], centre[1], r, screen=True), colour,
                edge)


def draw_marker(surface: pygame.Surface, shape: geometry.Marker, colour: Colour,
                edge: Colour) -> None:
    """A marker shape from the chart geometry, filled, on a halo of ``edge``."""
    if isinstance(shape, geometry.Circle):
        centre = (round(shape.cx), round(shape.cy))
        pygame.draw.circle(surface, edge, centre, round(shape.r + 2))
        pygame.draw.circle(surface, colour, centre, round(shape.r))
    elif isinstance(shape, geometry.Strokes):
        w = max(2, round(shape.size * 0.7))
        for start, end in shape.segments:
            pygame.draw.line(surface, colour, start, end, w)
    else:
        pygame.draw.polygon(surface, edge, shape.points, max(2, round(shape.size * 0.35)) + 2)
        pygame.draw.polygon(surface, colour, shape.points)


def dashed_polyline(surface: pygame.Surface, points: list[tuple[float, float]], colour: Colour,
                    width: int, dash: tuple[float, float]) -> None:
    """A polyline; ``dash`` is (on, off) in multiples of the line width, (1, 0) for solid."""
    on, off = dash[0] * width * 2.5, dash[1] * width * 2.5
    if off == 0:
        if len(points) > 1:
            pygame.draw.lines(surface, colour, False, points, width)
        return
    drawing, left = True, on
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        length = math.hypot(x2 - x1, y2 - y1)
        pos = 0.0
        while pos < length:
            step = min(left, length - pos)
            if drawing:
                a = pos / length
                b = (pos + step) / length
                pygame.draw.line(surface, colour, (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                                 (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), width)
            pos += step
            left -= step
            if left <= 0:
                drawing = not drawing
                left = on if drawing else off


def draw_chart(surface: pygame.Surface, area: Rect, meters: list[Meter],
               series: list[dict[str, int]], labels: list[str], text: TextCache, m: Metrics,
               palette: Palette, lang_label) -> None:
    """``series[i]`` holds the meters after step i (step 0: the start); one line per meter.

    The legend's entries flow onto a next row where the area is too narrow for them on one."""
    row_h = round(m.small * 1.6)
    names = [text.render(lang_label(meter.label), "semibold", m.small, palette.ink)
             for meter in meters]
    x, y = area.x, area.y
    for i, name in enumerate(names):
        entry_w = m.px(44) + m.px(8) + name.width
        if x > area.x and x + entry_w > area.right:
            x, y = area.x, y + row_h
        colour = palette.chart_meter(i)
        sample = Rect(x, y, m.px(44), row_h)
        dashed_polyline(surface, [(sample.x, sample.centery), (sample.right, sample.centery)],
                        colour, max(2, m.px(4)), DASHES[i % len(DASHES)])
        marker(surface, geometry.marker_kind(i), sample.center, m.px(7), colour, palette.surface_alt)
        surface.blit(name.surface, (sample.right + m.px(8), y + (row_h - name.line_height) // 2))
        x = sample.right + m.px(8) + name.width + m.px(28)
    legend_h = y + row_h - area.y
    legend = Rect(area.x, area.y, area.width, legend_h)
    axis_w = text.measure("100", "regular", m.small)[0] + m.px(12)
    box = Rect(area.x + axis_w, legend.bottom + m.px(16), area.width - axis_w - m.px(12),
               area.height - legend_h - m.px(16) - round(m.small * 1.5))
    plot = geometry.Plot.of(box.x, box.y, box.width, box.height,
                            x_max=max(1, len(series) - 1),
                            y_min=min(meter.min for meter in meters),
                            y_max=max(meter.max for meter in meters))
    labelled = None  # the height of the last value labelled: a low plot labels fewer
    for q, (value, y) in enumerate(geometry.quarter_value_ticks(plot)):
        pygame.draw.line(surface, palette.border if q == 0 else palette.page,
                         (plot.left, y), (plot.right, y), max(1, m.px(2)))
        tick = text.render(f"{round(value)}", "regular", m.small, palette.ink_muted)
        if labelled is not None and abs(y - labelled) < tick.line_height:
            continue
        surface.blit(tick.surface, (plot.left - m.px(10) - tick.width, y - tick.line_height // 2))
        labelled = y
    every = geometry.label_every(len(labels), text.measure("00", "regular", m.small)[0],
                                 plot.width)
    drawn_to = None  # the right edge of the last label drawn: the next keeps clear of it
    for step, label in enumerate(labels):
        if step % every and step != len(labels) - 1:
            continue
        tick = text.render(label, "regular", m.small, palette.ink_muted)
        # the first label starts at the axis, clear of the value labels left of it
        left = round(plot.x(step)) if step == 0 else round(plot.x(step) - tick.width / 2)
        if drawn_to is not None and left < drawn_to + m.px(8):
            continue
        surface.blit(tick.surface, (left, plot.bottom + m.px(4)))
        drawn_to = left + tick.width
    lines = [geometry.line(plot, i, [(step, values.get(meter.id, meter.start))
                                     for step, values in enumerate(series)], m.px(6), screen=True)
             for i, meter in enumerate(meters)]
    width = max(2, m.px(4))
    for drawn in lines:
        dashed_polyline(surface, drawn.points, palette.chart_meter(drawn.index), width,
                        DASHES[drawn.index % len(DASHES)])
    for drawn in lines:
        for shape in drawn.markers:
            draw_marker(surface, shape, palette.chart_meter(drawn.index), palette.surface_alt)
