"""What laying out text needs: the window's sizes and the table's fonts, nothing to draw on.

The layout of a screen whose texts decide its shape (the card screens, the outcome) is computed
by functions that take a :class:`Typeset`: the theme's :class:`~game.ui.look.theme.Metrics` for
the window, and the text cache to measure how a text wraps at a size. Measuring needs
``pygame.font`` only, not a display, so ``validate`` lays the screens out exactly as the table
does (:mod:`game.ui.layout.fit`) without a window; the scenes pass their own cache, so what they
measured for the layout is already wrapped when they draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from game.ui.look.textcache import Fonts, TextBlock, TextCache
from game.ui.look.theme import Colour, Metrics, Theme


@dataclass(frozen=True)
class Typeset:
    """The window's metrics and the fonts to measure texts with (in the table's ink)."""

    metrics: Metrics
    text: TextCache
    #: The colour texts are measured in: the body ink, so the blocks are the ones drawn.
    ink: Colour

    @classmethod
    def for_window(cls, size: tuple[int, int], theme: Theme | None = None, *,
                   wrap_limit: int = 4000) -> "Typeset":
        """The theme's metrics and fonts for a window of ``size`` (needs ``pygame.font`` only);
        ``wrap_limit``: how many measured wraps to keep (see
        :class:`~game.ui.look.textcache.TextCache`)."""
        theme = theme or Theme()
        return cls(theme.metrics(size),
                   TextCache(Fonts(theme.fonts), theme.leading, wrap_limit=wrap_limit),
                   theme.palette.ink)

    def wrap(self, text: str, weight: str, size: int, width: int | None = None) -> TextBlock:
        """``text`` wrapped to ``width`` at ``size``."""
        return self.text.render(text, weight, size, self.ink, width)

    def fit(self, text: str, weight: str, sizes: Iterable[int], width: int,
            height: int) -> TextBlock:
        """``text`` at the largest of ``sizes`` that fits the box (else the smallest)."""
        return self.text.fit(text, weight, list(sizes), self.ink, width, height)


def text_sizes(m: Metrics, size: int, shrink: bool = True, grow: float = 1.0) -> tuple[int, ...]:
    """The sizes a text of ``size`` is tried at, from large to small.

    A text too long for its box is drawn a step or two smaller; with ``grow`` above 1, a short
    text is drawn up to that much larger, so it reads from further away.
    """
    sizes = m.shrunk(size) if shrink else [size]
    if grow > 1:
        sizes = [round(size * grow), round(size * (1 + (grow - 1) / 2))] + sizes
    return tuple(sizes)
