"""What every screen shares: the band at the top, the content area and the warning line at the
foot, and the two lines of text and the language buttons a band holds.

Apart from :mod:`game.ui.layout.screens` so that a screen laid out on its own (the title, the
watching screen, the workshop's and the debrief's) needs none of the other screens' layouts.
"""

from __future__ import annotations

from dataclasses import dataclass

from pygame import Rect

from game.ui.look.theme import Metrics


@dataclass
class Frame:
    """What every screen shares: the top band, the content area and the warning line."""

    band: Rect
    content: Rect
    warning: Rect
    margin: int


def frame(m: Metrics, band_height: float | None = None) -> Frame:
    margin = m.px(m.base.gap * 1.5)
    band = Rect(0, 0, m.width, m.px(band_height or m.base.band_height))
    warning_h = max(m.px(m.base.warning_height), round(m.small * 1.8))
    warning = Rect(0, m.height - warning_h, m.width, warning_h)
    content = Rect(margin, band.bottom + margin, m.width - 2 * margin,
                   warning.top - band.bottom - margin - m.px(8))
    return Frame(band, content, warning, margin)


def band_languages(m: Metrics, f: Frame) -> list[Rect]:
    """The two language buttons side by side at the right end of the band."""
    lang_w, lang_h = m.px(100), m.px(64)
    return [Rect(f.band.right - f.margin - 2 * lang_w - m.px(12) + i * (lang_w + m.px(12)),
                 f.band.centery - lang_h // 2, lang_w, lang_h) for i in range(2)]


def band_lines(m: Metrics, f: Frame, right: int, first_h: int, second_h: int
               ) -> tuple[Rect, Rect]:
    """Two lines of text, one above the other, centred in the band's height; they run from
    the margin to a little short of ``right`` (where the band's controls begin)."""
    text_w = right - m.px(40) - f.margin
    top = f.band.centery - (first_h + second_h) // 2
    first = Rect(f.margin, top, text_w, first_h)
    return first, Rect(f.margin, first.bottom, text_w, second_h)
