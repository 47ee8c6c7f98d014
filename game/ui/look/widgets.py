"""Things drawn on more than one screen: panels, buttons, focus rings, meter bars, deltas.

Buttons are rendered once per (label, size, state) and reused; a frame only blits them. Every
state is shown by more than colour: the chosen option gets a filled badge and a check mark, the
keyboard focus a thick ring around the button, a disabled button a dashed outline.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import pygame
from pygame import Rect

from game.ui.look.textcache import TextBox, TextCache, ellipsize
from game.ui.look.numbers import signed
from game.ui.look.theme import Colour, Metrics, Palette

UP, DOWN = "▲", "▼"


@dataclass
class Button:
    """A clickable rectangle with a label; ``id`` is what the scene acts on."""

    id: str
    rect: Rect
    label: str
    #: Shown in a badge on the left (option numbers, menu keys).
    number: str = ""
    #: option (white, numbered), primary (accent fill), secondary (outlined), deck (two lines).
    style: str = "secondary"
    enabled: bool = True
    #: A second, smaller line (deck descriptions, error counts).
    detail: str = ""
    #: Detail in the negative colour (error counts); shown with a symbol, not colour alone.
    detail_alert: bool = False
    #: Greyed (a deck that cannot be played) but still choosable, to explain why.
    muted: bool = False

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.enabled and self.rect.collidepoint(pos)


def delta_label(delta: int) -> str:
    """▲ +8 or ▼ −5."""
    return f"{UP if delta > 0 else DOWN} {signed(delta)}" if delta else "0"


def draw_arrow(surface: pygame.Surface, rect: Rect, up: bool, colour: Colour) -> None:
    """A filled triangle, for fonts without ▲ and ▼."""
    if up:
        points = [(rect.centerx, rect.top), (rect.right, rect.bottom), (rect.left, rect.bottom)]
    else:
        points = [(rect.left, rect.top), (rect.right, rect.top), (rect.centerx, rect.bottom)]
    pygame.draw.polygon(surface, colour, points)


def shadow(surface: pygame.Surface, rect: Rect, m: Metrics, palette: Palette) -> None:
    offset = m.px(4)
    layer = _shadow_layer(rect.size, offset, m.radius, tuple(palette.shadow))
    surface.blit(layer, (rect.x - offset * 2, rect.y - offset))


@lru_cache(maxsize=64)
def _shadow_layer(size: tuple[int, int], offset: int, radius: int,
                  colour: tuple[int, ...]) -> pygame.Surface:
    """The translucent shadow behind a panel of ``size``: made once, since screens without a
    cached layer (the workshop's, the overlays) draw their panels on every frame. Callers
    only blit it."""
    width, height = size
    layer = pygame.Surface((width + offset * 4, height + offset * 4), pygame.SRCALPHA)
    pygame.draw.rect(layer, colour, Rect(offset, offset * 2, width + offset * 2, height + offset),
                     border_radius=radius + offset)
    return layer


def panel(surface: pygame.Surface, rect: Rect, m: Metrics, palette: Palette,
          fill: Colour | None = None, outline: bool = False, drop_shadow: bool = True) -> None:
    """A rounded panel, optionally with a soft shadow and an outline."""
    if drop_shadow:
        shadow(surface, rect, m, palette)
    pygame.draw.rect(surface, fill or palette.surface, rect, border_radius=m.radius)
    if outline:
        pygame.draw.rect(surface, palette.border, rect, width=m.line, border_radius=m.radius)


def focus_ring(surface: pygame.Surface, rect: Rect, m: Metrics, palette: Palette) -> None:
    """A thick ring just outside ``rect``: where the keyboard is."""
    width = m.focus
    ring = rect.inflate(width * 2 + m.px(6), width * 2 + m.px(6))
    pygame.draw.rect(surface, palette.focus, ring, width=width, border_radius=m.radius + width)


def dashed_rect(surface: pygame.Surface, rect: Rect, colour: Colour, width: int, dash: int) -> None:
    for x in range(rect.left, rect.right, dash * 2):
        end = min(x + dash, rect.right)
        pygame.draw.line(surface, colour, (x, rect.top), (end, rect.top), width)
        pygame.draw.line(surface, colour, (x, rect.bottom - 1), (end, rect.bottom - 1), width)
    for y in range(rect.top, rect.bottom, dash * 2):
        end = min(y + dash, rect.bottom)
        pygame.draw.line(surface, colour, (rect.left, y), (rect.left, end), width)
        pygame.draw.line(surface, colour, (rect.right - 1, y), (rect.right - 1, end), width)


def badge_rect(button: Button, m: Metrics) -> Rect:
    """The round number badge at the left of a button, in the button's own coordinates."""
    height = button.rect.height
    d = min(m.px(56), height - m.px(16))
    return Rect(m.px(22), (height - d) // 2, d, d)


def label_box(button: Button, m: Metrics, text: TextCache, ink: Colour,
              selected: bool = False) -> TextBox:
    """Where ``button``'s label is fitted, in the button's own coordinates, and at what sizes.

    A ``selected`` option has less room (its check mark, measured with ``text``, takes some)
    and is set in semibold. The painter draws labels here, and the card screen's layout gives
    ``validate`` the same boxes.
    """
    rect = Rect(0, 0, *button.rect.size)
    pad = m.px(22)
    x = badge_rect(button, m).right + m.px(20) if shows_badge(button, m, text) else pad
    right = rect.width - pad
    if selected and button.style == "option":
        right -= text.render("✓", "bold", m.option, ink).width + m.px(8)
    size = m.option if button.style in ("option", "deck") else m.button
    weight = "semibold" if button.style in ("primary", "deck") or selected else "regular"
    box = Rect(x, m.px(8), right - x, rect.height - m.px(16))
    return TextBox(button.label, box, weight, tuple(m.shrunk(size)))


def shows_badge(button: Button, m: Metrics, text: TextCache) -> bool:
    """Whether ``button`` shows its key on a badge: an option always does (its number is how
    it is chosen); a command button's key gives way when its label's longest word would not
    fit beside the badge at the smallest size, so the word is never cut."""
    if not button.number:
        return False
    if button.style == "option":
        return True
    room = button.rect.width - badge_rect(button, m).right - m.px(20) - m.px(22)
    size = m.shrunk(m.option if button.style == "deck" else m.button)[-1]
    weight = "semibold" if button.style in ("primary", "deck") else "regular"
    return all(text.measure(word, weight, size)[0] <= room for word in button.label.split())


class ButtonPainter:
    """Renders buttons into small surfaces, cached by everything that changes their look."""

    def __init__(self, text: TextCache, palette: Palette, limit: int = 200):
        self.text = text
        self.palette = palette
        self.limit = limit
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()

    def draw(self, surface: pygame.Surface, button: Button, m: Metrics, *, selected: bool = False,
             hover: bool = False, focused: bool = False) -> None:
        key = (button.label, button.number, button.style, button.enabled, button.detail,
               button.detail_alert, button.muted, button.rect.size, selected, hover, m.scale)
        image = self._cache.get(key)
        if image is None:
            image = self._render(button, m, selected, hover)
            self._cache[key] = image
            if len(self._cache) > self.limit:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        surface.blit(image, button.rect.topleft)
        if focused:
            focus_ring(surface, button.rect, m, self.palette)

    def _render(self, button: Button, m: Metrics, selected: bool, hover: bool) -> pygame.Surface:
        p = self.palette
        rect = Rect(0, 0, *button.rect.size)
        image = pygame.Surface(rect.size, pygame.SRCALPHA)
        greyed = not button.enabled or button.muted
        filled = (button.style == "primary" or selected) and not greyed
        if greyed:
            fill, ink, edge = p.disabled_surface, p.disabled_ink, None
        elif filled:
            fill, ink, edge = p.accent, p.on_accent, p.accent
        else:
            fill, ink, edge = (p.accent_soft if hover else p.surface), p.ink, p.border
        pygame.draw.rect(image, fill, rect, border_radius=m.radius)
        if greyed:
            dashed_rect(image, rect.inflate(-m.px(2), -m.px(2)), p.border, m.line, m.px(10))
        elif edge is not None:
            width = m.line * 2 if hover and not filled else m.line
            pygame.draw.rect(image, edge, rect, width=width, border_radius=m.radius)
        badged = shows_badge(button, m, self.text)
        if badged:
            badge = badge_rect(button, m)
            badge_fill, badge_ink = (p.on_accent, p.accent) if filled else (p.accent, p.on_accent)
            if greyed:
                badge_fill, badge_ink = p.disabled_ink, p.disabled_surface
            pygame.draw.ellipse(image, badge_fill, badge)
            num = self.text.render(button.number, "bold", m.text(m.base.option * 0.95), badge_ink)
            image.blit(num.surface, num.surface.get_rect(center=badge.center))
        box = label_box(button, m, self.text, p.ink, selected)
        if selected and button.style == "option":
            mark = self.text.render("✓", "bold", m.option, ink)
            image.blit(mark.surface, (box.rect.right + m.px(8), (rect.height - mark.height) // 2))
        if button.style == "deck":
            self._two_lines(image, button, m, box.rect.x, box.rect.width, ink, filled)
            return image
        left = badged or button.style == "option"
        block = self.text.fit(box.text, box.weight, list(box.sizes), ink, box.rect.width,
                              box.rect.height, align="left" if left else "center")
        y = (rect.height - block.height) // 2
        if left:
            image.blit(block.surface, (box.rect.x, y))
        else:
            image.blit(block.surface, ((rect.width - block.width) // 2, y))
        return image

    def _two_lines(self, image: pygame.Surface, button: Button, m: Metrics, x: int, width: int,
                   ink: Colour, filled: bool) -> None:
        p = self.palette
        head = self.text.fit(button.label, "semibold", m.shrunk(m.option), ink, width,
                             round(m.option * 1.35))
        if button.detail_alert:
            detail_ink = p.negative
        elif filled:
            detail_ink = ink
        else:
            detail_ink = p.disabled_ink if (button.muted or not button.enabled) else p.ink_muted
        detail = self.text.fit(button.detail, "regular", [m.small], detail_ink, width,
                               round(m.small * 1.35)) if button.detail else None
        total = head.line_height + (detail.line_height if detail else 0)
        y = (image.get_height() - total) // 2
        area = image.get_rect()
        image.blit(head.surface, (x, y), Rect(0, 0, width, head.line_height))
        if detail:
            image.blit(detail.surface, (x, y + head.line_height),
                       Rect(0, 0, min(width, area.width - x), detail.line_height))


def meter_bar(surface: pygame.Surface, rect: Rect, fraction: float, fill: Colour, track: Colour,
              m: Metrics) -> None:
    """A horizontal bar, ``fraction`` (0..1) full."""
    radius = rect.height // 2
    pygame.draw.rect(surface, track, rect, border_radius=radius)
    fraction = max(0.0, min(1.0, fraction))
    if fraction > 0:
        width = max(rect.height, round(rect.width * fraction))
        pygame.draw.rect(surface, fill, Rect(rect.x, rect.y, width, rect.height),
                         border_radius=radius)


def sign_button(surface: pygame.Surface, rect: Rect, plus: bool, m: Metrics, palette: Palette,
                hover: bool = False, enabled: bool = True) -> None:
    """A square − or + button, its sign drawn as thick bars so it reads at any size (a
    disabled one has a dashed outline, like every disabled button)."""
    p = palette
    fill = p.disabled_surface if not enabled else p.accent_soft if hover else p.surface
    ink = p.disabled_ink if not enabled else p.ink
    pygame.draw.rect(surface, fill, rect, border_radius=m.radius // 2)
    if enabled:
        pygame.draw.rect(surface, p.border, rect, width=m.line * (2 if hover else 1),
                         border_radius=m.radius // 2)
    else:
        dashed_rect(surface, rect.inflate(-m.px(2), -m.px(2)), p.border, m.line, m.px(8))
    arm = max(4, round(min(rect.width, rect.height) * 0.22))
    width = max(3, m.px(6))
    cx, cy = rect.center
    pygame.draw.rect(surface, ink, Rect(cx - arm, cy - width // 2, 2 * arm, width))
    if plus:
        pygame.draw.rect(surface, ink, Rect(cx - width // 2, cy - arm, width, 2 * arm))


def warning_line(surface: pygame.Surface, rect: Rect, message: str, text: TextCache,
                 m: Metrics, palette: Palette) -> None:
    """A slim strip at the bottom: visible, but out of the way of the game."""
    pygame.draw.rect(surface, palette.warning_surface, rect)
    pygame.draw.line(surface, palette.warning_ink, rect.topleft, rect.topright, max(1, m.px(2)))
    icon_h = round(m.small * 0.9)
    icon = Rect(rect.x + m.px(24), rect.centery - icon_h // 2, icon_h, icon_h)
    pygame.draw.polygon(surface, palette.warning_ink,
                        [(icon.centerx, icon.top), (icon.right, icon.bottom), (icon.left, icon.bottom)])
    mark = text.render("!", "bold", max(10, round(icon_h * 0.7)), palette.warning_surface)
    surface.blit(mark.surface, mark.surface.get_rect(midbottom=(icon.centerx, icon.bottom + m.px(3))))
    width = rect.width - (icon.right + m.px(16)) - m.px(24)
    message = ellipsize(message, text.fonts.get("semibold", m.small), width)
    block = text.render(message, "semibold", m.small, palette.warning_ink)
    surface.blit(block.surface, (icon.right + m.px(16), rect.centery - block.line_height // 2))


def flow_labels(surface: pygame.Surface | None, area: Rect, lead: str, labels: list[str],
                text: TextCache, m: Metrics, palette: Palette, size: int) -> bool:
    """``lead`` and one rounded label per item, flowing over as many rows as ``area`` holds.

    Returns whether everything fitted; with ``surface`` None it only measures, so a caller can
    try a shorter form of the labels first.
    """
    p = palette
    head = text.render(lead, "semibold", size, p.ink_muted) if lead else None
    row_h = round(size * 1.5)
    gap = m.px(10)
    rows = max(1, (area.height + gap) // (row_h + gap))
    start = area.x + (head.width + m.px(12) if head else 0)
    placed: list[tuple[Rect, object]] = []
    x, row = start, 0
    for label in labels:
        block = text.render(label, "semibold", size, p.ink)
        width = block.width + m.px(20)
        if x + width > area.right and x > start:
            x, row = start, row + 1
        if row >= rows or x + width > area.right:
            return False
        placed.append((Rect(x, row * (row_h + gap), width, row_h), block))
        x += width + gap
    if surface is None:
        return True
    used = (row + 1) * row_h + row * gap
    top = area.y + max(0, (area.height - used) // 2)
    if head is not None:
        surface.blit(head.surface, (area.x, top + (row_h - head.line_height) // 2))
    for rect, block in placed:
        chip = rect.move(0, top)
        pygame.draw.rect(surface, p.surface_alt, chip, border_radius=chip.height // 2)
        pygame.draw.rect(surface, p.border, chip, width=max(1, m.line // 2),
                         border_radius=chip.height // 2)
        surface.blit(block.surface, (chip.x + m.px(10), chip.y + (row_h - block.line_height) // 2))
    return True
