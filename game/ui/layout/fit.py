"""Whether every text of a deck fits its place on the table: ``validate``'s W201 check.

Every card is laid out headless the way the table lays it out in a 1280x720 window, the
smallest a workshop uses: the real card and outcome scenes build their real layouts, and the
boxes they draw the deck's texts into (``text_boxes()``) are measured with the table's own text
fitting at every size it would try. The card title and text, each option's label (on its button
and in "Jullie kozen: ..."), each outcome and the essay's section, context and question are
measured. The workshop's card screen is measured too, in both its steps (Bespreken and
Stemmen) with six teams: its card area is narrower, beside the teams' meters, so a card that
fits the single-player table may still be cut off there. A text that does not fit at the
smallest size would be cut off on screen: it is reported at its place in the YAML file, with
about how much too long it is (once per text, for the first screen found too small). A text
the deck writes in one language is measured in each language the deck is written in, since the
table's own words around it differ.

Nothing is drawn and no window opens; pygame's display and fonts are started on SDL's dummy
driver only if they are not running yet, and stopped again afterwards.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import pygame

from game.format.deck import Deck
from game.format.models import Card
from game.authoring.diagnostics import Diagnostic
from game.rules.session import Session
from game.table.match import Match
from game.authoring.messages import MESSAGES, say
from game.authoring.yaml_reader import YamlFile, YamlPath
from game.language.catalog import load_catalog
from game.language.texts import DEFAULT_LANGUAGE, KNOWN_LANGUAGES
from game.rules.workshop import MAX_TEAMS, Workshop
from game.table.workshop_match import WorkshopMatch
from game.ui.app import App
from game.ui.single.card import CardScene
from game.ui.single.outcome import OutcomeScene
from game.ui.look.textcache import TextBox
from game.ui.workshop.card import WorkshopCardScene
from game.ui.workshop.table import WorkshopTable, default_names

#: The window the texts must fit.
SIZE = (1280, 720)

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


def overflow_diagnostics(deck: Deck, deck_files: list[YamlFile],
                         lang: str = "nl") -> list[Diagnostic]:
    """A W201 warning, worded in ``lang``, for every deck text that does not fit on screen."""
    places = _card_places(deck_files)
    found: dict[tuple[str, YamlPath], Diagnostic] = {}
    size = f"{SIZE[0]}x{SIZE[1]}"
    with _headless():
        for table_lang in _languages(deck):
            app = App.offscreen(table_lang, SIZE)
            for card in deck.cards.values():
                place = places.get(card.id)
                if place is None:
                    continue
                doc, card_path = place
                for message, part_path, box in _card_boxes(app, deck, card):
                    key_path = _text_node(doc, card_path + part_path, table_lang)
                    key = (str(doc.file), key_path)
                    if key in found:
                        continue
                    over = measure(app, box)
                    if over is not None:
                        found[key] = Diagnostic(
                            "W201", say(MESSAGES, message, lang, size=size), doc.file,
                            *doc.position(key_path), hint=_amount(over, lang))
    return sorted(found.values(), key=Diagnostic.sort_key)


def measure(app: App, box: TextBox) -> Overflow | None:
    """None when ``box``'s text fits at one of its sizes, else how it does not at the smallest."""
    text, rect, ink = box.text, box.rect, app.theme.palette.ink
    block = app.text.fit(text, box.weight, list(box.sizes), ink, rect.width, rect.height)
    if block.height <= rect.height and not block.overflow:
        return None
    font = app.fonts.get(box.weight, block.size)
    wide = next((w for w in text.split() if font.size(w)[0] > rect.width), "")
    room = rect.height // block.line_height
    ends = [match.end() for match in _WORD.finditer(text)]

    def fits(words: int) -> bool:
        if words == 0:
            return True
        part = app.text.render(text[:ends[words - 1]], box.weight, block.size, ink, rect.width)
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


def _card_boxes(app: App, deck: Deck, card: Card
                ) -> Iterator[tuple[str, YamlPath, TextBox]]:
    """Every text box of ``card`` on the card screen, on each option's outcome and on the
    workshop's card screen, with the message saying which screen and the path of its text
    inside the card."""
    folder = str(deck.folder)
    scene = CardScene(app, Match(Session.at_card(deck, card.id), folder, app.lang))
    for part, box in scene.text_boxes().items():
        yield "text_overflow", _part_path(part), box
    for index, option in enumerate(card.options):
        session = Session.at_card(deck, card.id)
        session.choose(option.id)
        outcome = OutcomeScene(app, Match(session, folder, app.lang))
        boxes = outcome.text_boxes()
        if outcome.essay is not None and not outcome.essay_beside:
            outcome.toggle_essay()  # shown in place of the outcome, as E does
            boxes.update(outcome.essay_boxes())
        for part, box in boxes.items():
            if part == "choice":
                yield "text_overflow", ("options", index, "label"), box
            elif part == "outcome":
                if option.outcome:  # without one the table says so in its own words
                    yield "text_overflow", ("options", index, "outcome"), box
            else:
                yield "text_overflow", ("essay", part.split(".")[1]), box
    # the workshop's teams panel is as wide for one team as for six; six is the hardest case
    names = default_names(app, MAX_TEAMS)
    workshop = Workshop.at_card(deck, card.id, names)
    table = WorkshopTable(WorkshopMatch(workshop, folder, app.lang), None, deck.spec.preview)
    for step in ("discuss", "vote"):
        screen = WorkshopCardScene(app, table, step)
        for part, box in screen.text_boxes().items():
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
def _headless() -> Iterator[None]:
    """pygame's display (on SDL's dummy driver) and fonts, started only if not running yet."""
    start_display = not pygame.display.get_init()
    start_font = not pygame.font.get_init()
    if start_display:
        driver = os.environ.get("SDL_VIDEODRIVER")
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        try:
            pygame.display.init()
        finally:
            if driver is None:
                os.environ.pop("SDL_VIDEODRIVER", None)
            else:
                os.environ["SDL_VIDEODRIVER"] = driver
    if start_font:
        pygame.font.init()
    try:
        yield
    finally:
        if start_font:
            pygame.font.quit()
        if start_display:
            pygame.display.quit()
