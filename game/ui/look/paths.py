"""Folder paths in running text, breakable where a window is too narrow for them.

Text wraps between words only, and a path is one long word: in a narrow window it would run
out of its box. :func:`breakable` splits such a word after its separators (``/`` or ``\\``)
into pieces that each fit, one per line, so the whole path shows.
"""

from __future__ import annotations

import re

import pygame

#: A path's pieces: everything up to and including a separator, and the rest.
_PIECES = re.compile(r"[^/\\]*[/\\]|[^/\\]+")


def breakable(text: str, font: pygame.font.Font, width: int) -> str:
    """``text`` with every word wider than ``width`` (in ``font``) broken after its separators
    onto lines of their own that fit; a piece without a separator that is still too wide is
    broken between its characters. Words that fit are left as they are."""
    lines = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            if word and font.size(word)[0] > width:
                word = "\n".join(_split(word, font, width))
            words.append(word)
        lines.append(" ".join(words))
    return "\n".join(lines)


def _split(word: str, font: pygame.font.Font, width: int) -> list[str]:
    """``word`` in consecutive parts that each fit ``width``, broken after separators."""
    parts: list[str] = []
    current = ""
    for piece in _PIECES.findall(word):
        if font.size(current + piece)[0] <= width:
            current += piece
            continue
        if current:
            parts.append(current)
        current = ""
        for char in piece:  # a piece too wide by itself: between its characters
            if current and font.size(current + char)[0] > width:
                parts.append(current)
                current = ""
            current += char
    if current:
        parts.append(current)
    return parts
