"""Whether every text of a deck fits its place on the table: ``validate``'s W201 check.

Every card is laid out the way the table lays it out in a 1280x720 window, the smallest a
workshop uses, by the layout functions the scenes draw with (:mod:`game.ui.layout.card`,
:mod:`game.ui.layout.outcome`, :mod:`game.ui.layout.workshop_card`); the boxes they fit the
deck's texts into are measured with the table's own text fitting at every size it would try.
The card title and text, each option's label (on its button and in "Jullie kozen: ..."), each
outcome and the essay's section, context and question are measured. The workshop's card screen
is measured too, in both its steps (Bespreken and Stemmen): its card area is narrower, beside
the teams' meters (a column as wide for one team as for six), so a card that fits the
single-player table may still be cut off there. A text that does not fit at the smallest size
would be cut off on screen: it is reported at its place in the YAML file, with about how much
too long it is (once per text, for the first screen found too small). A text the deck writes
in one language is measured in each language the deck is written in, since the table's own
words around it differ.

Only the cards' texts and the deck's languages, meters and settings are needed: no game is
played and no scene is made. Nothing is drawn and no window opens; pygame's fonts are started
if they are not running yet, and stopped again afterwards.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Iterator

import pygame
from pygame import Rect

from game.authoring.diagnostics import Diagnostic
from game.authoring.messages import MESSAGES, say
from game.authoring.yaml_reader import YamlFile, YamlPath
from game.format.deck import Deck
from game.format.models import Card
from game.language.catalog import load_catalog
from game.language.texts import DEFAULT_LANGUAGE, KNOWN_LANGUAGES, localize
from game.ui.layout.card import CardWords, card_boxes, card_screen
from game.ui.layout.fit_memory import Finding, FitMemory
from game.ui.layout import screens
from game.ui.layout.outcome import Local, OutcomeWords, Words, meter_label_box, outcome_screen
from game.ui.layout.typeset import Typeset
from game.ui.layout.workshop import table
from game.ui.layout.workshop_card import STEPS, workshop_card
from game.ui.look.textcache import TextBox
from game.ui.look.widgets import signed

#: The window the texts must fit.
SIZE = (1280, 720)

#: Measured wraps kept while checking a deck: every size and width a card's texts are tried at
#: on every screen, for the few hundred cards before it (each a few short strings, no pixels),
#: so memory stays bounded however large the deck is.
WRAPS_KEPT = 60_000
#: Cards whose boxes are kept, and box verdicts: a deck that repeats its texts (a card copied
#: under a new id) is laid out and measured once per text, in bounded memory.
LAYOUTS_KEPT = 500
VERDICTS_KEPT = 50_000

#: A text box of a card, the message naming its screen and the path of its text in the card.
Placed = tuple[str, YamlPath, TextBox]

#: The catalog section of how much too long a text is (``locale/<lang>/check.yaml``).
AMOUNTS = "check.fit"

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


def overflow_diagnostics(deck: Deck, deck_files: list[YamlFile], lang: str = "nl",
                         memory: FitMemory | None = None) -> list[Diagnostic]:
    """A W201 warning, worded in ``lang``, for every deck text that does not fit on screen.

    With a ``memory``, a card laid out in an earlier run (the same texts, deck settings and
    layout) is not laid out again: its findings are read from it, and new ones are kept in it.
    """
    places = _card_places(deck_files)
    found: dict[tuple[str, YamlPath], Diagnostic] = {}
    size = f"{SIZE[0]}x{SIZE[1]}"
    with _fonts():
        ts = Typeset.for_window(SIZE, wrap_limit=WRAPS_KEPT)
        judge = _Judge(ts, deck, memory)
        for table_lang in _languages(deck):
            words = load_catalog(table_lang).t
            local = partial(localize, lang=table_lang)
            room = longest_dynamics_line(deck, words, local)
            hint = words("workshop.vote.hint")
            for card in deck.cards.values():
                place = places.get(card.id)
                if place is None:
                    continue
                doc, card_path = place
                said = OutcomeWords.of_card(words, local, deck, card, room)
                for message, part_path, over in judge.findings(card, CardWords.of(card, local),
                                                               said, hint):
                    key_path = _text_node(doc, card_path + part_path, table_lang)
                    key = (str(doc.file), key_path)
                    if key not in found:
                        found[key] = Diagnostic(
                            "W201", say(MESSAGES, message, lang, size=size), doc.file,
                            *doc.position(key_path), hint=_amount(over, lang))
            for doc, path, box in _meter_boxes(ts, deck, deck_files, local):
                key_path = _text_node(doc, path, table_lang)
                key = (str(doc.file), key_path)
                over = None if key in found else measure(ts, box)
                if over is not None:
                    found[key] = Diagnostic(
                        "W201", say(MESSAGES, "meter_label_overflow", lang, size=size),
                        doc.file, *doc.position(key_path), hint=_amount(over, lang))
    if memory is not None:
        memory.close()
    return sorted(found.values(), key=Diagnostic.sort_key)


class _Judge:
    """Each card's texts that do not fit, laid out and measured once per distinct card.

    A card that reads like one laid out before (the same texts in the same language: a card
    copied under a new id, or one kept in ``memory`` from an earlier run) is not laid out
    again; a box measured before (the same text, sizes and room) is not measured again.
    Both are kept in bounded memory however large the deck is.
    """

    def __init__(self, ts: Typeset, deck: Deck, memory: FitMemory | None):
        self.ts = ts
        self.deck = deck
        self.memory = memory
        #: What of the deck, besides a card's texts, changes how its screens are laid out.
        self.settings = (len(deck.meters), bool(deck.spec.glossary),
                         deck.spec.preview != "none")
        self._laid: OrderedDict[tuple, list[Finding]] = OrderedDict()
        self._verdicts: dict[tuple, Overflow | None] = {}

    def findings(self, card: Card, card_words: CardWords, said: list[OutcomeWords],
                 hint: str) -> list[tuple[str, YamlPath, Overflow]]:
        """The card's texts that do not fit: the message naming the screen, the text's path
        inside the card and how much too long it is, in the order the screens are checked."""
        key = (card_words, bool(card.aspects), tuple(said),
               tuple(bool(option.outcome) for option in card.options), hint)
        kept = self._laid.get(key)
        if kept is None:
            stored = self.memory.key((self.settings, key)) if self.memory else b""
            kept = self.memory.get(stored) if self.memory else None
            if kept is None:
                kept = self._measured(card, card_words, said, hint)
                if self.memory:
                    self.memory.put(stored, kept)
            self._laid[key] = kept
            if len(self._laid) > LAYOUTS_KEPT:
                self._laid.popitem(last=False)
        return [(message, path, Overflow(chars, lines, word))
                for message, path, chars, lines, word in kept]

    def _measured(self, card: Card, card_words: CardWords, said: list[OutcomeWords],
                  hint: str) -> list[Finding]:
        found = []
        for message, part_path, box in _laid_out(self.ts, self.deck, card, card_words, said,
                                                 hint):
            box_key = (box.text, box.weight, box.sizes, box.rect.size)
            if box_key not in self._verdicts:
                if len(self._verdicts) >= VERDICTS_KEPT:
                    self._verdicts.clear()
                self._verdicts[box_key] = measure(self.ts, box)
            over = self._verdicts[box_key]
            if over is not None:
                found.append((message, part_path, over.chars, over.lines, over.word))
        return found


def longest_dynamics_line(deck: Deck, words: Words, local: Local) -> str:
    """The longest line the outcome screen may add under an outcome for the deck's dynamics
    (a rule's text and its changes), or "" for a deck without them. The screen adds a line per
    rule that fired; an outcome is measured with room for one."""
    lines = []
    for rule in deck.spec.dynamics:
        changes = ", ".join(
            words("dynamics.change", meter=local(meter.label).split(" (")[0],
                  delta=signed(rule.effects[meter.id]))
            for meter in deck.meters if rule.effects.get(meter.id))
        text = local(rule.text)
        lines.append(words("dynamics.line", text=text, changes=changes) if changes else text)
    return max(lines, key=len, default="")


def _meter_boxes(ts: Typeset, deck: Deck, deck_files: list[YamlFile], local: Local
                 ) -> Iterator[tuple[YamlFile, YamlPath, TextBox]]:
    """Each meter label where it must fit: on the band above its bar (on one line, without
    its part in brackets if need be, as the band shows it) and in its chip under an outcome."""
    doc = next((d for d in deck_files if isinstance(d.data, dict)
                and isinstance(d.data.get("meters"), list)), None)
    if doc is None:
        return
    m = ts.metrics
    count = len(deck.meters)
    changes = screens.outcome(m, count).changes
    slot = screens.card(m, count, 2).meters[0]
    band_room = slot.area.width - ts.text.measure("100", "bold", m.meter_value)[0] - m.px(24)
    line = round(m.label * 1.35)
    for index, meter in enumerate(deck.meters):
        label = local(meter.label)
        path: YamlPath = ("meters", index, "label")
        yield doc, path, TextBox(label.split(" (")[0], Rect(0, 0, band_room, line), "semibold",
                                 tuple(m.shrunk(m.label)))
        yield doc, path, meter_label_box(ts, label, changes)


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


def _amount(over: Overflow, lang: str) -> str:
    if over.word:
        return say(AMOUNTS, "wide_word", lang, word=over.word)
    if over.lines <= 0 or over.chars <= 0:
        return say(AMOUNTS, "no_room", lang, chars=max(over.chars, 1))
    return load_catalog(lang).count(f"{AMOUNTS}.chars_lines", over.lines, chars=over.chars)


def _card_boxes(ts: Typeset, words: Words, local: Local, deck: Deck, card: Card
                ) -> Iterator[Placed]:
    """Every text box of ``card`` on the card screen, on each option's outcome and on the
    workshop's card screen, with the message saying which screen and the path of its text
    inside the card. ``words`` are the table's own words, ``local`` puts deck texts in its
    language."""
    said = OutcomeWords.of_card(words, local, deck, card)
    return _laid_out(ts, deck, card, CardWords.of(card, local), said,
                     words("workshop.vote.hint"))


def _laid_out(ts: Typeset, deck: Deck, card: Card, card_words: CardWords,
              said: list[OutcomeWords], hint: str) -> Iterator[Placed]:
    """:func:`_card_boxes`, given the card's words, its options' outcome screens' words and
    the key hints under the options while voting."""
    meters, glossary = len(deck.meters), bool(deck.spec.glossary)
    layout = card_screen(ts, card_words, meters, tags=bool(card.aspects), glossary=glossary)
    for part, box in card_boxes(ts, layout, card_words).items():
        yield "text_overflow", _part_path(part), box
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
            yield f"text_overflow_{step}", _part_path(part), box


def _part_path(part: str) -> YamlPath:
    """The path inside the card of a card screen's part ("title", "text", "option-N")."""
    if part.startswith("option-"):
        return ("options", int(part[7:]), "label")
    return (part,)


def _card_places(deck_files: list[YamlFile]) -> dict[str, tuple[YamlFile, YamlPath]]:
    """Where each card is written: its file and its path there, by card id (first one wins)."""
    places: dict[str, tuple[YamlFile, YamlPath]] = {}
    for doc in deck_files:
        cards = doc.data.get("cards") if isinstance(doc.data, dict) else None
        if not isinstance(cards, list):
            continue
        for index, card in enumerate(cards):
            if isinstance(card, dict) and isinstance(card.get("id"), str):
                places.setdefault(card["id"], (doc, ("cards", index)))
    return places


def _text_node(doc: YamlFile, path: YamlPath, lang: str) -> YamlPath:
    """The node of a text in ``lang``: the language's own line in a translated text, else the
    text's own node (or the nearest one written in the file)."""
    while path and doc.value_at(path) is None:
        path = path[:-1]
    value = doc.value_at(path)
    if isinstance(value, dict):
        for key in (lang, DEFAULT_LANGUAGE, *value):
            if key in value:
                return path + (key,)
    return path


def _languages(deck: Deck) -> list[str]:
    """The languages the table can show this deck in."""
    return [lang for lang in deck.spec.languages if lang in KNOWN_LANGUAGES] or [DEFAULT_LANGUAGE]


@contextmanager
def _fonts() -> Iterator[None]:
    """pygame's fonts, started only if not running yet (measuring text needs no display)."""
    start = not pygame.font.get_init()
    if start:
        pygame.font.init()
    try:
        yield
    finally:
        if start:
            pygame.font.quit()
