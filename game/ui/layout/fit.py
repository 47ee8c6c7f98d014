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

from collections import OrderedDict
from functools import partial
from typing import TYPE_CHECKING

from game.authoring.diagnostics import Diagnostic
from game.authoring.messages import MESSAGES, say
from game.authoring.yaml_reader import YamlFile, YamlPath
from game.format.deck import Deck
from game.format.models import Card
from game.language.catalog import load_catalog
from game.language.texts import DEFAULT_LANGUAGE, KNOWN_LANGUAGES, localize
from game.ui.layout.fit_memory import Finding, FitMemory
from game.ui.layout.words import CardWords, Local, OutcomeWords, Words, dynamics_line

if TYPE_CHECKING:
    from game.ui.layout.fit_layout import Measurer

#: The window the texts must fit.
SIZE = (1280, 720)

#: Cards whose findings are kept while checking a deck: a deck that repeats its texts (a card
#: copied under a new id) is laid out once per text, in bounded memory.
LAYOUTS_KEPT = 500

#: The catalog section of how much too long a text is (``locale/<lang>/check.yaml``).
AMOUNTS = "check.fit"


def overflow_diagnostics(deck: Deck, deck_files: list[YamlFile], lang: str = "nl",
                         memory: FitMemory | None = None) -> list[Diagnostic]:
    """A W201 warning, worded in ``lang``, for every deck text that does not fit on screen.

    With a ``memory``, a card laid out in an earlier run (the same texts, deck settings and
    layout) is not laid out again: its findings are read from it, and new ones are kept in it;
    when every card's are, nothing is laid out and pygame is not even imported.
    """
    places = _card_places(deck_files)
    found: dict[tuple[str, YamlPath], Diagnostic] = {}
    size = f"{SIZE[0]}x{SIZE[1]}"
    judge = _Judge(deck, memory)
    meters_doc = next((d for d in deck_files if isinstance(d.data, dict)
                       and isinstance(d.data.get("meters"), list)), None)
    try:
        for table_lang in _languages(deck):
            words = load_catalog(table_lang).t
            local = partial(localize, lang=table_lang)
            room = longest_dynamics_line(deck, words, local)
            hint = words("workshop.vote.hint")
            located = [(place, judge.card(card, CardWords.of(card, local),
                                          OutcomeWords.of_card(words, local, deck, card, room),
                                          hint))
                       for card in deck.cards.values()
                       if (place := places.get(card.id)) is not None]
            if meters_doc is not None:
                located.append(((meters_doc, ()), judge.meters(local)))
            for (doc, base), findings in located:
                for message, part_path, chars, lines, word in findings:
                    key_path = _text_node(doc, base + part_path, table_lang)
                    key = (str(doc.file), key_path)
                    if key not in found:
                        found[key] = Diagnostic(
                            "W201", say(MESSAGES, message, lang, size=size), doc.file,
                            *doc.position(key_path), hint=_amount(chars, lines, word, lang))
    finally:
        judge.close()
    return sorted(found.values(), key=Diagnostic.sort_key)


class _Judge:
    """Each card's texts that do not fit, laid out and measured once per distinct card.

    A card that reads like one laid out before (the same texts in the same language: a card
    copied under a new id, or one kept in ``memory`` from an earlier run) is not laid out
    again, and neither are the meter labels. The table's layout and fonts are opened only when
    something must be laid out.
    """

    def __init__(self, deck: Deck, memory: FitMemory | None):
        self.deck = deck
        self.memory = memory
        #: What of the deck, besides a card's texts, changes how its screens are laid out.
        self.settings = (len(deck.meters), bool(deck.spec.glossary),
                         deck.spec.preview != "none")
        self._laid: OrderedDict[tuple, list[Finding]] = OrderedDict()
        self._measurer: Measurer | None = None

    def card(self, card: Card, card_words: CardWords, said: list[OutcomeWords],
             hint: str) -> list[Finding]:
        """The card's texts that do not fit: the message naming the screen, the text's path
        inside the card and how much too long it is, in the order the screens are checked."""
        key = (card_words, bool(card.aspects), tuple(said),
               tuple(bool(option.outcome) for option in card.options), hint)
        kept = self._laid.get(key)
        if kept is None:
            kept = self._remembered(key, lambda: self.measurer.card(card, card_words, said,
                                                                    hint))
            self._laid[key] = kept
            if len(self._laid) > LAYOUTS_KEPT:
                self._laid.popitem(last=False)
        return kept

    def meters(self, local: Local) -> list[Finding]:
        """The meter labels that do not fit, on the band or in their chips."""
        labels = tuple(local(meter.label) for meter in self.deck.meters)
        return self._remembered(("meters", labels), lambda: self.measurer.meters(local))

    @property
    def measurer(self) -> Measurer:
        if self._measurer is None:
            from game.ui.layout.fit_layout import Measurer

            self._measurer = Measurer(SIZE, self.deck)
        return self._measurer

    def close(self) -> None:
        if self._measurer is not None:
            self._measurer.close()
        if self.memory is not None:
            self.memory.close()

    def _remembered(self, key: tuple, measured) -> list[Finding]:
        """The findings kept in ``memory`` under ``key``, else ``measured()`` (then kept)."""
        if self.memory is None:
            return measured()
        stored = self.memory.key((self.settings, key))
        kept = self.memory.get(stored)
        if kept is None:
            kept = measured()
            self.memory.put(stored, kept)
        return kept


def longest_dynamics_line(deck: Deck, words: Words, local: Local) -> str:
    """The longest line the outcome screen may add under an outcome for the deck's dynamics
    (a rule's text and its changes), or "" for a deck without them. The screen adds a line per
    rule that fired; an outcome is measured with room for one."""
    lines = [dynamics_line(words, local, deck, rule.text, rule.effects)
             for rule in deck.spec.dynamics]
    return max(lines, key=len, default="")


def _amount(chars: int, lines: int, word: str, lang: str) -> str:
    """How much too long a text is: a word too wide, else the characters and lines too many."""
    if word:
        return say(AMOUNTS, "wide_word", lang, word=word)
    if lines <= 0 or chars <= 0:
        return say(AMOUNTS, "no_room", lang, chars=max(chars, 1))
    return load_catalog(lang).count(f"{AMOUNTS}.chars_lines", lines, chars=chars)


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


