"""Laying a card out on the table's screens and measuring its texts: the work behind
``validate``'s text-fit check (:mod:`game.ui.layout.fit`), imported only when a card or a meter
label must be measured (a deck whose cards were all measured before needs none of it).

Every card is laid out the way the table lays it out, by the layout functions the scenes draw
with (:mod:`game.ui.layout.card`, :mod:`game.ui.layout.outcome`,
:mod:`game.ui.layout.workshop_card`), and the boxes they fit the deck's texts into are measured
with the table's own text fitting at every size it would try.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

import pygame
from pygame import Rect

from game.authoring.yaml_reader import YamlPath
from game.format.deck import Deck
from game.format.models import Card
from game.ui.layout import screens
from game.ui.layout.card import card_boxes, card_screen
from game.ui.layout.fit_memory import Finding
from game.ui.layout.outcome import meter_label_box, outcome_screen
from game.ui.layout.typeset import Typeset
from game.ui.layout.words import CardWords, Local, OutcomeWords
from game.ui.layout.workshop import table
from game.ui.layout.workshop_card import STEPS, workshop_card
from game.ui.look.textcache import TextBox

#: Measured wraps kept while checking a deck: every size and width a card's texts are tried at
#: on every screen, for the few hundred cards before it (each a few short strings, no pixels),
#: so memory stays bounded however large the deck is.
WRAPS_KEPT = 60_000
#: Box verdicts kept: a deck that repeats its texts is measured once per text.
VERDICTS_KEPT = 50_000

#: A text box of a card, the message naming its screen and the path of its text in the card.
Placed = tuple[str, YamlPath, TextBox]

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Overflow:
    """How a text does not fit its box, at the smallest size tried."""

    #: Characters to cut (at the end) before it fits.
    chars: int
    #: Lines more than the box holds.
    lines: int
    #: A word wider than the box, if there is one.
    word: str = ""


class Measurer:
    """The table's fonts and layout for one check, at one window size: it lays cards and meter
    labels out and measures their texts, each box once. :meth:`close` stops pygame's fonts if
    it started them."""

    def __init__(self, size: tuple[int, int], deck: Deck):
        self.deck = deck
        self._started = not pygame.font.get_init()
        if self._started:  # measuring text needs pygame's fonts, not a display
            pygame.font.init()
        self.ts = Typeset.for_window(size, wrap_limit=WRAPS_KEPT)
        self._verdicts: dict[tuple, Overflow | None] = {}

    def card(self, card: Card, card_words: CardWords, said: list[OutcomeWords],
             hint: str) -> list[Finding]:
        """The card's texts that do not fit, in the order the screens are checked."""
        return self._findings(laid_out(self.ts, self.deck, card, card_words, said, hint))

    def meters(self, local: Local) -> list[Finding]:
        """Each meter label that does not fit, on the band or in its chip (path
        ``("meters", index, "label")``)."""
        return self._findings(("meter_label_overflow", path, box)
                              for path, box in meter_boxes(self.ts, self.deck, local))

    def close(self) -> None:
        if self._started:
            pygame.font.quit()
            self._started = False

    def _findings(self, placed: Iterable[Placed]) -> list[Finding]:
        """The placed boxes whose texts do not fit, each with how much too long it is."""
        found = []
        for message, path, box in placed:
            over = self._verdict(box)
            if over is not None:
                found.append((message, path, over.chars, over.lines, over.word))
        return found

    def _verdict(self, box: TextBox) -> Overflow | None:
        key = (box.text, box.weight, box.sizes, box.rect.size)
        if key not in self._verdicts:
            if len(self._verdicts) >= VERDICTS_KEPT:
                self._verdicts.clear()
            self._verdicts[key] = measure(self.ts, box)
        return self._verdicts[key]


def meter_boxes(ts: Typeset, deck: Deck, local: Local) -> Iterator[tuple[YamlPath, TextBox]]:
    """Each meter label where it must fit: on the band above its bar (on one line, without
    its part in brackets if need be, as the band shows it) and in its chip under an outcome."""
    m = ts.metrics
    count = len(deck.meters)
    changes = screens.outcome(m, count).changes
    slot = screens.card(m, count, 2).meters[0]
    band_room = slot.area.width - ts.text.measure("100", "bold", m.meter_value)[0] - m.px(24)
    line = round(m.label * 1.35)
    for index, meter in enumerate(deck.meters):
        label = local(meter.label)
        path: YamlPath = ("meters", index, "label")
        yield path, TextBox(label.split(" (")[0], Rect(0, 0, band_room, line), "semibold",
                            tuple(m.shrunk(m.label)))
        yield path, meter_label_box(ts, label, changes)


def measure(ts: Typeset, box: TextBox) -> Overflow | None:
    """None when ``box``'s text fits at one of its sizes, else how it does not at the smallest."""
    text, rect = box.text, box.rect
    block = ts.fit(text, box.weight, box.sizes, rect.width, rect.height)
    if block.height <= rect.height and not block.overflow:
        return None
    font = ts.text.fonts.get(box.weight, block.size)
    wide = next((w for w in text.split() if font.size(w)[0] > rect.width), "")
    room = rect.height // block.line_height
    ends = [match.end() for match in _WORD.finditer(text)]

    def fits(words: int) -> bool:
        if words == 0:
            return True
        part = ts.wrap(text[:ends[words - 1]], box.weight, block.size, rect.width)
        return part.height <= rect.height and not part.overflow

    low, high = 0, len(ends)  # the most words from the start that fit
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    kept = ends[low - 1] if low else 0
    return Overflow(len(text) - kept, max(0, len(block.lines) - room), wide)


def laid_out(ts: Typeset, deck: Deck, card: Card, card_words: CardWords,
              said: list[OutcomeWords], hint: str) -> Iterator[Placed]:
    """Every text box of ``card`` on the card screen, on each option's outcome and on the
    workshop's card screen, with the message saying which screen and the path of its text
    inside the card; given the card's words, its options' outcome screens' words and the key
    hint under the options while voting."""
    meters, glossary = len(deck.meters), bool(deck.spec.glossary)
    layout = card_screen(ts, card_words, meters, tags=bool(card.aspects), glossary=glossary)
    for part, box in card_boxes(ts, layout, card_words).items():
        yield "text_overflow", part_path(part), box
    for index, option in enumerate(card.options):
        screen = outcome_screen(ts, said[index], meters, glossary)
        boxes = screen.boxes()
        if said[index].essay is not None and not screen.beside:  # in the outcome's place (E)
            boxes.update(outcome_screen(ts, said[index], meters, glossary, essay_open=True)
                         .essay_boxes())
        for part, box in boxes.items():
            if part == "choice":
                yield "text_overflow", ("options", index, "label"), box
            elif part == "outcome":
                if option.outcome:  # without one the table says so in its own words
                    yield "text_overflow", ("options", index, "outcome"), box
            else:
                yield "text_overflow", ("essay", part.split(".")[1]), box
    # the main area of the workshop's frame (the same with any buttons at its foot and with
    # or without a countdown), without a note on the card (it has none yet)
    main = table(ts.metrics, []).main
    for step in STEPS:
        placed = workshop_card(ts, card_words, main, step, deck.spec.preview != "none", hint)
        for part, box in placed.boxes().items():
            yield f"text_overflow_{step}", part_path(part), box


def part_path(part: str) -> YamlPath:
    """The path inside the card of a card screen's part ("title", "text", "option-N")."""
    if part.startswith("option-"):
        return ("options", int(part[7:]), "label")
    return (part,)
