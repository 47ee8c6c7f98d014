"""The card screen laid out around its texts, and the boxes the deck's texts are fitted into.

:func:`~game.ui.layout.screens.card` places the panels; this module decides what depends on
the texts (one title line or two) and says where each of the card's texts goes
(:func:`card_boxes`). The card scene draws through these boxes and ``validate`` measures them
(:mod:`game.ui.layout.fit`), so what the check reports is what the table shows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pygame import Rect

from game.ui.layout import screens
from game.ui.layout.typeset import Typeset, text_sizes
from game.ui.layout.words import CardWords
from game.ui.look.textcache import TextBox
from game.ui.look.widgets import Button, label_box


#: The portrait's size at 1080p on a card whose text needs the room.
PORTRAIT_FOR_LONG_TEXT = 150


def card_screen(ts: Typeset, words: CardWords, meter_count: int, notice: bool = False,
                tags: bool = False, glossary: bool = False) -> screens.CardLayout:
    """The card screen: the title gets one line when it fits on one at any of its sizes, so
    the text gets the room. ``notice``, ``tags`` and ``glossary`` as in
    :func:`~game.ui.layout.screens.card`."""
    m = ts.metrics
    count = len(words.labels)
    probe = screens.card(m, meter_count, count, 2, notice, tags=tags, glossary=glossary)
    one_line = any(len(ts.wrap(words.title, "bold", size, probe.title.width).lines) == 1
                   for size in m.shrunk(m.title))
    lines = 1 if one_line else 2
    layout = screens.card(m, meter_count, count, lines, notice, tags=tags, glossary=glossary)
    box = layout.text
    block = ts.fit(words.text, "regular", text_sizes(m, m.body, grow=1.2), box.width, box.height)
    if block.height > box.height:  # a long text: a smaller portrait leaves it more room
        layout = screens.card(m, meter_count, count, lines, notice, tags=tags,
                              glossary=glossary, portrait=PORTRAIT_FOR_LONG_TEXT)
    return layout


def option_button(index: int, label: str, rect: Rect) -> Button:
    """Option ``index``'s button: its number on a badge, its label beside it."""
    return Button(f"option-{index}", rect, label, number=str(index + 1), style="option")


def card_boxes(ts: Typeset, layout: screens.CardLayout, words: CardWords) -> dict[str, TextBox]:
    """The card's texts and their boxes, by part: "title", "text" and "option-N" (in the
    window's coordinates, as an option looks when selected: its check mark takes room)."""
    m = ts.metrics
    boxes = {
        "title": TextBox(words.title, layout.title, "bold", text_sizes(m, m.title)),
        "text": TextBox(words.text, layout.text, "regular", text_sizes(m, m.body, grow=1.2)),
    }
    for index, (label, rect) in enumerate(zip(words.labels, layout.options)):
        box = label_box(option_button(index, label, rect), m, ts.text, ts.ink, selected=True)
        boxes[f"option-{index}"] = replace(box, rect=box.rect.move(rect.topleft))
    return boxes
