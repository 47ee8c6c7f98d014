"""Which texts a real draw put where: a recorder for the layout test.

While :func:`recording` is active, every surface the table makes is a :class:`RecordingSurface`
and every text block's surface knows its block. A blit of a text block records each of its lines
where it landed (in the destination's pixels) and whether it was drawn whole; a blit of a layer
(a cached background, a button image) carries the lines it holds along, moved and clipped as the
blit moves and clips them. So after ``app.render()`` the window's surface knows every line of
text the player sees, from the scenes' own drawing code, with nothing re-derived.

A full-window translucent layer (an overlay dimming the scene below) starts a new level: texts
under it are no longer compared with the texts on top.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace

import pygame

from game.ui.look import textcache

#: Slack (px) for anti-aliased edges when a line's glyph box is compared with what was drawn.
SLACK = 2


@dataclass(frozen=True)
class Line:
    """One line of text as it ended up on a surface."""

    text: str
    #: The glyph box of the whole line where it was meant to be drawn.
    rect: pygame.Rect
    #: Whether every pixel of that box was drawn (not clipped by an area, a clip or an edge).
    whole: bool
    #: Whether a word of its block was wider than the width it was wrapped to.
    overflow: bool
    #: Which overlay level drew it (0: the base scene).
    level: int = 0


class RecordingSurface(pygame.Surface):
    """A surface that keeps the lines of text blitted onto it (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: list[Line] = []
        self.level = 0
        self.block = None

    def fill(self, colour, rect=None, special_flags=0):
        drawn = super().fill(colour, rect, special_flags)
        if rect is None or not hasattr(self, "lines"):
            self.lines = []
            self.level = 0
        else:
            covered = pygame.Rect(rect)
            self.lines = [line for line in self.lines if not covered.contains(line.rect)]
        return drawn

    def blit(self, source, dest, area=None, special_flags=0):
        drawn = super().blit(source, dest, area, special_flags)
        if not hasattr(self, "lines"):
            self.lines, self.level, self.block = [], 0, None
        self.record(source, dest, area)
        return drawn

    def blits(self, blit_sequence, doreturn=1):
        return [self.blit(*item) for item in blit_sequence] if doreturn else \
            [self.blit(*item) for item in blit_sequence] and None

    def record(self, source, dest, area) -> None:
        if not isinstance(source, RecordingSurface):
            return
        x, y = (dest[0], dest[1]) if not isinstance(dest, pygame.Rect) else dest.topleft
        shown = pygame.Rect(area) if area is not None else source.get_rect()
        shown = shown.clip(source.get_rect())
        offset = (x - shown.x, y - shown.y)
        block = getattr(source, "block", None)  # a copy() is made without __init__
        if block is not None:
            lines = block_lines(block)
        else:
            lines = getattr(source, "lines", [])
            if source.get_size() == self.get_size() and dest_is_origin(dest):
                if not source.get_flags() & pygame.SRCALPHA:
                    self.lines, self.level = [], 0  # an opaque layer hides everything below
                elif not lines:
                    self.level += 1  # a translucent layer dims what is drawn so far
                    return
        visible_dest = shown.move(offset).clip(self.get_clip()).clip(self.get_rect())
        for line in lines:
            moved = line.rect.move(offset)
            seen = moved.clip(visible_dest)
            whole = line.whole and seen.width >= moved.width - SLACK and \
                seen.height >= moved.height - SLACK
            if seen.width <= 0 or seen.height <= 0:
                if line.text.strip():
                    self.lines.append(replace(line, rect=moved, whole=False, level=self.level))
                continue
            self.lines.append(replace(line, rect=moved, whole=whole,
                                      level=max(line.level, self.level)))


def dest_is_origin(dest) -> bool:
    x, y = (dest[0], dest[1]) if not isinstance(dest, pygame.Rect) else dest.topleft
    return x == 0 and y == 0


def block_lines(block) -> list[Line]:
    """The glyph box of each non-empty line of a text block, in the block's own pixels."""
    return [Line(text, rect, True, block.overflow) for text, rect in block.placed_lines()]


@contextlib.contextmanager
def recording():
    """Make every new surface a recording one and tag every text block's surface."""
    original_surface = pygame.Surface
    original_property = textcache.TextBlock.surface

    def tagged(block):
        surface = original_property.fget(block)
        if isinstance(surface, RecordingSurface):
            surface.block = block
        return surface

    pygame.Surface = RecordingSurface
    textcache.TextBlock.surface = property(tagged)
    try:
        yield
    finally:
        pygame.Surface = original_surface
        textcache.TextBlock.surface = original_property


def problems(surface: RecordingSurface, known_ellipses: frozenset[str] = frozenset()
             ) -> list[str]:
    """What is wrong with the texts on ``surface``: cut lines, lines shortened with an
    ellipsis, and lines that overlap another line on the same level."""
    found = []
    lines = [line for line in surface.lines if line.text.strip()]
    top = max((line.level for line in lines), default=0)
    bounds = surface.get_rect()
    for line in lines:
        if not line.whole or not bounds.contains(line.rect.inflate(-SLACK, -SLACK)):
            found.append(f"cut: {line.text!r} at {tuple(line.rect)}")
        elif line.overflow:
            found.append(f"a word is wider than its box: {line.text!r} at {tuple(line.rect)}")
        if line.text.endswith("…") and not any(line.text.endswith(k) for k in known_ellipses):
            found.append(f"shortened: {line.text!r} at {tuple(line.rect)}")
    shown = [line for line in lines if line.level == top]
    for i, a in enumerate(shown):
        inner = a.rect.inflate(-2 * SLACK, -2 * SLACK)
        for b in shown[i + 1:]:
            if inner.colliderect(b.rect.inflate(-2 * SLACK, -2 * SLACK)):
                found.append(f"overlap: {a.text!r} at {tuple(a.rect)} and {b.text!r} at "
                             f"{tuple(b.rect)}")
    return found
