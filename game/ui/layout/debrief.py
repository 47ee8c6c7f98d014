"""Where the debrief's parts go: the band with the page title and the page numbers, the page
panel, and the row of buttons under it.

Like :mod:`game.ui.layout.screens`, every length comes from the window's
:class:`~game.ui.look.theme.Metrics`, so the debrief reads the same from 1280x720 to 3840x2160.
"""

from __future__ import annotations

from dataclasses import dataclass

from pygame import Rect

from game.ui.layout.frame import Frame, band_lines, frame
from game.ui.look.theme import Metrics


@dataclass
class DebriefLayout:
    frame: Frame
    #: "Nabespreking · deck" above the page title, on the band.
    caption: Rect
    title: Rect
    #: One numbered button per page, at the right of the band, between previous and next.
    dots: list[Rect]
    #: The page itself: a panel, and the area inside its padding that a page draws into.
    panel: Rect
    body: Rect
    back: Rect
    #: Between the back and the export button: key hints, or what the export did.
    status: Rect
    previous: Rect
    next: Rect
    export: Rect

    def rects(self) -> list[Rect]:
        return [self.frame.band, self.caption, self.title, *self.dots, self.panel, self.body,
                self.back, self.status, self.previous, self.next, self.export]

    def buttons(self) -> list[Rect]:
        return [*self.dots, self.back, self.previous, self.next, self.export]


def debrief(m: Metrics, pages: int) -> DebriefLayout:
    """The band holds the title and, at its right, previous, the page numbers and next; the
    row under the page holds the way back, the status line and the export button."""
    f = frame(m, band_height=m.base.band_height * 1.05)
    gap = m.gap
    dot = m.px(68)
    dot_gap = m.px(12)
    arrow = m.px(84)
    nav_w = pages * dot + (pages - 1) * dot_gap + 2 * (arrow + m.px(20))
    x = f.band.right - f.margin - nav_w
    y = f.band.centery - dot // 2
    previous = Rect(x, y, arrow, dot)
    x = previous.right + m.px(20)
    dots = [Rect(x + i * (dot + dot_gap), y, dot, dot) for i in range(pages)]
    next_rect = Rect(dots[-1].right + m.px(20), y, arrow, dot)
    caption, title = band_lines(m, f, previous.left, round(m.small * 1.35),
                                round(m.title * 1.25))

    content = f.content
    # The row is as tall as a button, or as two lines of the key hint where that is taller
    # (a narrow window wraps the hint between the buttons).
    button_h = max(m.px(76), round(m.small * 2.7))
    row_y = content.bottom - button_h
    back = Rect(content.x, row_y, m.px(250), button_h)
    export = Rect(content.right - m.px(400), row_y, m.px(400), button_h)
    status = Rect(back.right + gap, row_y, max(0, export.left - gap - back.right - gap),
                  button_h)
    panel = Rect(content.x, content.y, content.width, row_y - gap - content.y)
    pad = m.px(32)
    body = panel.inflate(-2 * pad, -2 * pad)
    return DebriefLayout(f, caption, title, dots, panel, body, back, status, previous,
                         next_rect, export)
