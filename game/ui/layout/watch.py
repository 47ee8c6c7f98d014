"""Where things go on the watching screen: who is watched in the band, the card on the left,
the teams' meters on the right, and the way back at the foot."""

from __future__ import annotations

from dataclasses import dataclass

from pygame import Rect

from game.ui.layout.frame import Frame, band_lines, frame
from game.ui.look.theme import Metrics


@dataclass
class WatchLayout:
    frame: Frame
    #: "Meekijken" and the line saying nothing here changes the game.
    heading: Rect
    label: Rect
    #: The deck, round and card.
    card: Rect
    #: One block of meters per team.
    meters: Rect
    #: When the journal was last read, and what became of the game.
    status: Rect
    back: Rect

    def rects(self) -> list[Rect]:
        return [self.heading, self.label, self.card, self.meters, self.status, self.back]


def watch(m: Metrics) -> WatchLayout:
    f = frame(m)
    heading, label = band_lines(m, f, f.band.right - f.margin, round(m.title * 1.3),
                                round(m.small * 1.4))
    back_h = m.px(84)
    back_w = min(m.px(420), f.content.width // 2)
    back = Rect(f.content.right - back_w, f.content.bottom - back_h, back_w, back_h)
    body = Rect(f.content.x, f.content.y, f.content.width, back.top - m.gap - f.content.y)
    card_w = round(body.width * 0.58)
    card = Rect(body.x, body.y, card_w, body.height)
    meters = Rect(card.right + m.gap, body.y, body.right - card.right - m.gap, body.height)
    status = Rect(f.content.x, back.y, back.left - m.gap - f.content.x, back_h)
    return WatchLayout(f, heading, label, card, meters, status, back)
