"""The room joins by phone: a QR code, the short address and the room code, large enough to
scan and type from the back of the room, and how many phones have voted so far.

Shown over the first card when a workshop with phones starts, and with Q (or the Telefoons
button) at any time; Enter, Esc, Q, the clicker or a click closes it.
"""

from __future__ import annotations

import pygame
from pygame import Rect

from game.ui.look.qr import draw_qr
from game.ui.look.widgets import Button, panel
from game.ui.scene import Closable

class PhoneJoinScene(Closable):
    overlay = True
    close_keys = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_q,
                  pygame.K_SPACE, pygame.K_PAGEDOWN, pygame.K_RIGHT)

    def __init__(self, app):
        super().__init__(app)
        self.table = app.table
        self._voted = -1
        self.layout_changed()
        self.focus, self.keyboard = 0, True

    @property
    def shot_name(self) -> str:
        return "phones"

    @property
    def room(self):
        return self.table.phones if self.table is not None else None

    def voted(self) -> int:
        room = self.room
        return sum(room.ballot.voters().values()) if room is not None else 0

    def update(self, dt: float) -> None:
        if self.table is not None and self.table.phones_changed():
            self.app.invalidate()

    def next_change(self) -> float | None:
        return 0.25 if self.room is not None else None

    def layout_changed(self) -> None:
        m = self.app.metrics
        outer = Rect(0, 0, m.width, m.height).inflate(-2 * m.gap, -2 * m.gap)
        pad = m.px(40)
        inner = outer.inflate(-2 * pad, -2 * pad)
        button_h = max(m.px(84), round(m.button * 2.2))
        side = min(inner.height, inner.width * 45 // 100)
        self.panel_rect = outer
        self.qr_rect = Rect(inner.x, inner.y + (inner.height - side) // 2, side, side)
        text = Rect(self.qr_rect.right + pad, inner.y, inner.right - self.qr_rect.right - pad,
                    inner.height - button_h - m.px(16))
        heading_h = round(m.title * 1.5)
        self.heading_rect = Rect(text.x, text.y, text.width, heading_h)
        rest = Rect(text.x, self.heading_rect.bottom + m.px(12), text.width,
                    text.bottom - self.heading_rect.bottom - m.px(12))
        self.steps_rect = Rect(rest.x, rest.y, rest.width, rest.height * 45 // 100)
        self.address_rect = Rect(rest.x, self.steps_rect.bottom + m.px(8), rest.width,
                                 rest.height * 30 // 100)
        self.count_rect = Rect(rest.x, self.address_rect.bottom + m.px(8), rest.width,
                               rest.bottom - self.address_rect.bottom - m.px(8))
        close_w = min(text.width, m.px(360))
        close = Rect(inner.right - close_w, inner.bottom - button_h, close_w, button_h)
        self.buttons = [Button("close", close, self.app.t("workshop.close"), style="primary")]

    def on_click(self, pos: tuple[int, int]) -> None:
        if not self.panel_rect.collidepoint(pos) or self.buttons[0].hit(pos):
            self.app.pop(None)

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        self.dim_below(surface)
        panel(surface, self.panel_rect, m, p)
        room = self.room
        if room is None:
            self.text_in(surface, self.heading_rect, app.t("join.off"), "bold", m.title, p.ink)
            self.draw_buttons(surface)
            return
        draw_qr(surface, room.cells, self.qr_rect)
        self.text_in(surface, self.heading_rect, app.t("join.heading"), "bold", m.title, p.ink,
                     valign="center")
        self.text_in(surface, self.steps_rect, app.t("join.steps"), "regular", m.body, p.ink)
        address = room.url.removeprefix("http://")
        self.text_in(surface, self.address_rect,
                     app.t("join.address", address=address, room=room.ballot.room),
                     "bold", round(m.body * 1.2), p.ink)
        voted = self.voted()
        if room.ballot.card is None:
            count = app.t("join.closed")
        else:
            count = app.t("join.voted_one" if voted == 1 else "join.voted_other", n=voted)
        if not room.saved:
            count += " " + app.t("join.not_saved")
        self.text_in(surface, self.count_rect, count, "semibold", m.body, p.ink_muted)
        self.draw_buttons(surface)
