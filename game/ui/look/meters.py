"""The meter band: every meter's label, number and bar, on every playing screen.

Values may be fractional while an outcome animates. A mark beside a meter says what an option or
an outcome does to it: a signed number with an arrow (▲ +8), an arrow alone, or the word for
"affected", so the meaning never rests on colour alone.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from game.format.models import Meter
from game.language.texts import localize
from game.ui.layout.screens import MeterSlot
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
                affected_word: str = "") -> None:
    """The meters into their slots on the band (the band itself is drawn by the caller)."""
    marks = marks or {}
    for i, (slot, meter) in enumerate(zip(slots, meters)):
        value = values.get(meter.id, meter.start)
        shown = round(value)
        number = text.render(str(shown), "bold", m.meter_value, palette.band_ink)
        surface.blit(number.surface, (slot.value.right - number.width,
                                      slot.value.y - m.px(4)))
        mark = marks.get(meter.id)
        mark_w = 0
        if mark is not None:
            mark_w = _draw_mark(surface, slot, mark, number.width, text, m, palette, affected_word)
        label_w = slot.area.width - number.width - mark_w - m.px(24)
        label = text.fit(localize(meter.label, lang), "semibold", m.shrunk(m.label),
                         palette.band_muted, label_w, round(m.label * 1.35))
        surface.blit(label.surface, (slot.label.x, slot.label.y), Rect(0, 0, label_w, label.line_height))
        span = meter.max - meter.min
        meter_bar(surface, slot.bar, (value - meter.min) / span if span else 0,
                  palette.band_meter(i), palette.track, m)


def _draw_mark(surface: pygame.Surface, slot: MeterSlot, mark: Mark, number_w: int,
               text: TextCache, m: Metrics, palette: Palette, affected_word: str) -> int:
    kind, delta = mark
    colour = palette.band_positive if delta > 0 else palette.band_negative if delta < 0 \
        else palette.band_ink
    if kind == "which":
        label = affected_word
    elif kind == "direction":
        label = UP if delta > 0 else DOWN
    else:
        label = delta_label(delta)
    right = slot.value.right - number_w - m.px(14)
    if kind != "which" and not text.has_glyphs("bold", m.label, UP + DOWN):
        size = m.px(18)
        arrow = Rect(right - size, slot.value.y + m.px(10), size, size)
        draw_arrow(surface, arrow, delta > 0, colour)
        rest = label[2:] if kind == "delta" else ""
        if rest:
            block = text.render(rest, "bold", m.label, colour)
            surface.blit(block.surface, (arrow.left - m.px(6) - block.width, slot.value.y))
            return size + block.width + m.px(20)
        return size + m.px(14)
    block = text.render(label, "bold", m.label, colour)
    chip = Rect(0, 0, block.width + m.px(16), block.line_height)
    chip.topright = (right, slot.value.y + m.px(2))
    pygame.draw.rect(surface, palette.track, chip, border_radius=chip.height // 2)
    surface.blit(block.surface, (chip.x + m.px(8), chip.y))
    return chip.width + m.px(14)
