"""A meter in danger: near the end of its range where the game collapses, or at that end.

The state never rests on colour alone: a meter in danger gets a warning triangle with "!" and
diagonal stripes over its bar; a collapsed meter gets a stop sign with a cross and its number
on the alarm colour. Which end counts is the meter's own ``collapse`` setting, so a meter that
collapses at its top warns near its top.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from game.format.models import Meter
from game.ui.look.theme import Colour

#: The share of a meter's range near a collapsing end that counts as danger.
DANGER_SHARE = 0.2

DANGER = "danger"
COLLAPSED = "collapsed"


def meter_state(meter: Meter, value: float) -> str | None:
    """:data:`COLLAPSED` at a collapsing end, :data:`DANGER` near one, else None."""
    low = meter.collapse in ("min", "both")
    high = meter.collapse in ("max", "both")
    if (low and value <= meter.min) or (high and value >= meter.max):
        return COLLAPSED
    margin = (meter.max - meter.min) * DANGER_SHARE
    if (low and value <= meter.min + margin) or (high and value >= meter.max - margin):
        return DANGER
    return None


def hatch(surface: pygame.Surface, rect: Rect, colour: Colour, width: int) -> None:
    """Diagonal stripes across ``rect`` (the filled part of a bar in danger)."""
    if rect.width <= 0 or rect.height <= 0:
        return
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    step = max(4, width * 3)
    for x in range(rect.x - rect.height, rect.right + step, step):
        pygame.draw.line(surface, colour, (x, rect.bottom), (x + rect.height, rect.y), width)
    surface.set_clip(clip)


def draw_warning(surface: pygame.Surface, rect: Rect, fill: Colour, ink: Colour) -> None:
    """A warning triangle with an exclamation mark, filling ``rect``."""
    points = [(rect.centerx, rect.top), (rect.right, rect.bottom), (rect.left, rect.bottom)]
    pygame.draw.polygon(surface, fill, points)
    stroke = max(2, rect.width // 8)
    top, bottom = rect.top + rect.height * 0.36, rect.top + rect.height * 0.70
    pygame.draw.line(surface, ink, (rect.centerx, round(top)), (rect.centerx, round(bottom)),
                     stroke)
    dot = max(1, stroke * 2 // 3)
    pygame.draw.circle(surface, ink, (rect.centerx, round(rect.top + rect.height * 0.83)), dot)


def draw_stop(surface: pygame.Surface, rect: Rect, fill: Colour, ink: Colour) -> None:
    """A stop sign (a filled octagon) with a cross, filling ``rect``."""
    cx, cy, r = rect.centerx, rect.centery, min(rect.width, rect.height) / 2
    k = r * 0.414
    points = [(cx - k, cy - r), (cx + k, cy - r), (cx + r, cy - k), (cx + r, cy + k),
              (cx + k, cy + r), (cx - k, cy + r), (cx - r, cy + k), (cx - r, cy - k)]
    pygame.draw.polygon(surface, fill, [(round(x), round(y)) for x, y in points])
    arm, stroke = r * 0.45, max(2, round(r / 4))
    pygame.draw.line(surface, ink, (round(cx - arm), round(cy - arm)),
                     (round(cx + arm), round(cy + arm)), stroke)
    pygame.draw.line(surface, ink, (round(cx - arm), round(cy + arm)),
                     (round(cx + arm), round(cy - arm)), stroke)


def draw_sign(surface: pygame.Surface, rect: Rect, state: str | None, warning: Colour,
              warning_ink: Colour, alarm: Colour, alarm_ink: Colour) -> None:
    """The sign of ``state`` in ``rect``: a warning triangle, a stop sign, or nothing."""
    if state == DANGER:
        draw_warning(surface, rect, warning, warning_ink)
    elif state == COLLAPSED:
        draw_stop(surface, rect, alarm, alarm_ink)
