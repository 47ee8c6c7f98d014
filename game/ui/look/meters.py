"""The meter band: every meter's label, number and bar, on every playing screen.

Values may be fractional while an outcome animates. A mark beside a meter says what an option or
an outcome does to it: a signed number with an arrow (▲ +8), an arrow alone, or the word for
"affected", so the meaning never rests on colour alone. A meter near its collapse shows a warning
triangle and a striped bar, a collapsed one a stop sign and its number on the alarm colour
(:mod:`game.ui.look.danger`). On the outcome screen a tick on each bar stays where the meter
stood before the decision, so the old and the new value are both in sight.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from game.format.models import Meter
from game.language.texts import localize
from game.ui.layout.screens import MeterSlot
from game.ui.look.danger import COLLAPSED, draw_sign, hatch, meter_state
from game.ui.look.textcache import TextCache
from game.ui.look.theme import Metrics, Palette
from game.ui.look.widgets import DOWN, UP, delta_label, draw_arrow, meter_bar

#: What a mark shows: ("delta", n) a signed change, ("direction", n) an arrow, ("which", 0) a word.
Mark = tuple[str, int]


def draw_band(surface: pygame.Surface, band: Rect, palette: Palette) -> None:
    pygame.draw.rect(surface, palette.band, band)


def draw_meters(surface: pygame.Surface, slots: list[MeterSlot], meters: list[Meter],
                values: dict[str, float], lang: str, text: TextCache, m: Metrics,
                palette: Palette, marks: dict[str, Mark] | None = None,
                affected_word: str = "", before: dict[str, int] | None = None) -> None:
    """The meters into their slots on the band (the band itself is drawn by the caller);
    ``before``: the values before the decision, marked on the bars."""
    marks = marks or {}
    for i, (slot, meter) in enumerate(zip(slots, meters)):
        value = values.get(meter.id, meter.start)
        shown = round(value)
        state = meter_state(meter, shown)
        ink = palette.on_alarm if state == COLLAPSED else palette.band_ink
        number = text.render(str(shown), "bold", m.meter_value, ink)
        at = (slot.value.right - number.width, slot.value.y - m.px(4))
        if state == COLLAPSED:
            pill = Rect(at[0] - m.px(8), slot.value.y - m.px(2), number.width + m.px(16),
                        number.line_height - m.px(2))
            pygame.draw.rect(surface, palette.alarm, pill, border_radius=m.px(8))
            number_w = number.width + m.px(8)
        else:
            number_w = number.width
        surface.blit(number.surface, at)
        sign_w = 0
        if state is not None:
            size = m.px(30)
            sign = Rect(slot.value.right - number_w - m.px(10) - size,
                        slot.value.y + (number.line_height - size) // 2 - m.px(2), size, size)
            draw_sign(surface, sign, state, palette.alarm_flash, palette.on_alarm_flash,
                      palette.alarm, palette.on_alarm)
            sign_w = size + m.px(10)
        room = slot.area.width - number_w - sign_w - m.px(24)
        label = _label(localize(meter.label, lang), room, text, m, palette)
        mark = marks.get(meter.id)
        bar = slot.bar
        if mark is not None:
            mark_w = _mark_width(mark, text, m, affected_word)
            if label.width + mark_w <= room:
                _draw_mark(surface, slot.value.right - number_w - sign_w - m.px(14),
                           slot.value.y, mark, text, m, palette, affected_word)
            else:  # no room beside the label: the mark goes to the end of the bar's line
                _draw_mark(surface, slot.bar.right, slot.bar.centery - text_height(m) // 2,
                           mark, text, m, palette, affected_word)
                bar = Rect(slot.bar.x, slot.bar.y, slot.bar.width - mark_w, slot.bar.height)
        surface.blit(label.surface, (slot.label.x, slot.label.y),
                     Rect(0, 0, room, label.line_height))
        span = meter.max - meter.min
        fraction = (value - meter.min) / span if span else 0
        fill = palette.band_negative if state is not None else palette.band_meter(i)
        meter_bar(surface, bar, fraction, fill, palette.track, m)
        if state is not None:
            filled = Rect(bar.x, bar.y, max(bar.height, round(bar.width * max(0.0, fraction))),
                          bar.height)
            hatch(surface, filled, palette.band, max(2, m.px(3)))
        if state == COLLAPSED:
            pygame.draw.rect(surface, palette.alarm, bar.inflate(m.px(6), m.px(6)),
                             width=max(2, m.px(3)), border_radius=bar.height)
        old = before.get(meter.id) if before else None
        if old is not None and span:
            _draw_before(surface, bar, (old - meter.min) / span, m, palette)


def _draw_before(surface: pygame.Surface, bar: Rect, fraction: float, m: Metrics,
                 palette: Palette) -> None:
    """A tick across the bar where the meter stood before the decision."""
    x = bar.x + round(bar.width * max(0.0, min(1.0, fraction)))
    tick = Rect(0, 0, max(2, m.px(4)), bar.height + m.px(12))
    tick.center = (x, bar.centery)
    pygame.draw.rect(surface, palette.band, tick.inflate(m.px(4), 0))
    pygame.draw.rect(surface, palette.band_ink, tick)


def text_height(m: Metrics) -> int:
    return round(m.label * 1.3)


def _label(words: str, room: int, text: TextCache, m: Metrics, palette: Palette):
    """A meter's label on one line in ``room``: whole at the largest size that fits, else
    without its part in brackets ("Legitimiteit (mogen)" becomes "Legitimiteit")."""
    short = words.split(" (")[0]
    for candidate in (words, short):
        for size in m.shrunk(m.label):
            block = text.render(candidate, "semibold", size, palette.band_muted)
            if len(block.lines) == 1 and block.width <= room:
                return block
    return text.render(short, "semibold", m.shrunk(m.label)[-1], palette.band_muted)


def _mark_width(mark: Mark, text: TextCache, m: Metrics, affected_word: str) -> int:
    kind, delta = mark
    if kind != "which" and not text.has_glyphs("bold", m.label, UP + DOWN):
        rest = delta_label(delta)[2:] if kind == "delta" else ""
        size = m.px(18)
        return size + (text.measure(rest, "bold", m.label)[0] + m.px(20) if rest else m.px(14))
    label = affected_word if kind == "which" else (UP if delta > 0 else DOWN) \
        if kind == "direction" else delta_label(delta)
    return text.measure(label, "bold", m.label)[0] + m.px(16) + m.px(14)


def _draw_mark(surface: pygame.Surface, right: int, top: int, mark: Mark, text: TextCache,
               m: Metrics, palette: Palette, affected_word: str) -> None:
    """The mark with its right edge at ``right`` and its top at ``top``."""
    kind, delta = mark
    colour = palette.band_positive if delta > 0 else palette.band_negative if delta < 0 \
        else palette.band_ink
    if kind == "which":
        label = affected_word
    elif kind == "direction":
        label = UP if delta > 0 else DOWN
    else:
        label = delta_label(delta)
    if kind != "which" and not text.has_glyphs("bold", m.label, UP + DOWN):
        size = m.px(18)
        arrow = Rect(right - size, top + m.px(10), size, size)
        draw_arrow(surface, arrow, delta > 0, colour)
        rest = label[2:] if kind == "delta" else ""
        if rest:
            block = text.render(rest, "bold", m.label, colour)
            surface.blit(block.surface, (arrow.left - m.px(6) - block.width, top))
        return
    block = text.render(label, "bold", m.label, colour)
    chip = Rect(0, 0, block.width + m.px(16), block.line_height)
    chip.topright = (right, top + m.px(2))
    pygame.draw.rect(surface, palette.track, chip, border_radius=chip.height // 2)
    surface.blit(block.surface, (chip.x + m.px(8), chip.y))
