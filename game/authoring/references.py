"""Checks that need the whole deck: ids used twice, and references between its parts.

Cards name characters, follow-up cards, meters and aspects that the deck file (or another card
file) declares; texts carry the deck's languages. These checks run on the data as read, so they
also find mistakes in files that failed the format check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.format import models as fmt
from game.authoring.format_places import texts
from game.authoring.assets import check_image, relative_name
from game.authoring.problems import Issues
from game.authoring.messages import KINDS, MESSAGES, did_you_mean, say, visible
from game.authoring.yaml_reader import YamlFile, YamlPath

#: A card where it was read: its file, its path in that file and its data.
CardRef = tuple[YamlFile, YamlPath, dict]

#: Text fields that hold a proper name, written once for every language (a character's name).
_PROPER_NAMES = {"name"}


def card_refs(doc: YamlFile) -> list[CardRef]:
    """The cards in the ``cards:`` list of a file (entries that are not mappings left out)."""
    return [(doc, ("cards", i), card) for i, card in _dicts(doc.value_at(("cards",)))]


class CrossCheck:
    """Checks that need the whole deck: ids, references, languages, images, warnings."""

    def __init__(self, issues: Issues, folder: Path, deck: Any, cards: list[CardRef],
                 cards_complete: bool, deck_doc: YamlFile | None = None) -> None:
        self.issues = issues
        self.folder = folder
        self.deck = deck if isinstance(deck, dict) else {}
        self.deck_doc = deck_doc
        self.cards = cards
        #: Whether every card of the deck was read (else an unknown card may just be unread).
        self.cards_complete = cards_complete
        self.first_seen: dict[tuple[str, str], tuple[YamlFile, YamlPath]] = {}

    def ids_only(self) -> None:
        """Only the ids of the cards and their options (when there is no usable deck file)."""
        self._card_ids()

    def run(self) -> list[Path]:
        """Run every check; the portrait images that are fine (for the content hash)."""
        doc = self.deck_doc
        declared = {}
        for section, kind in (("meters", "meter"), ("characters", "character"),
                              ("endings", "ending"), ("aspects", "aspect")):
            declared[section] = self._section_ids(section, kind)
        card_ids = self._card_ids()
        self._characters(declared["characters"])
        self._follow_ups(card_ids if self.cards_complete else None)
        self._meters(declared["meters"])
        self._aspects(declared["aspects"])
        self._best_ending()
        self._languages()
        images = self._portraits()
        endings = self.deck.get("endings", [])
        if isinstance(endings, list) and not any(
            isinstance(e, dict) and e.get("trigger") == "term" for e in endings
        ):
            self.issues.add(doc, ("endings",), "W002", "no_term_ending", at_key=True)
        if self.cards_complete and not self.cards:
            self.issues.add(doc, ("cards",), "W003", "no_cards", at_key=True)
        return images

    # -- ids ----------------------------------------------------------------------------------

    def _duplicate(self, kind: str, value: Any, doc: YamlFile, path: YamlPath,
                   scope: str = "") -> None:
        if not isinstance(value, str):
            return
        first_doc, first_path = self.first_seen.setdefault((kind + scope, value), (doc, path))
        if first_doc is not doc or first_path != path:
            line = first_doc.position(first_path)[0]
            where = f"{relative_name(first_doc.file, self.folder)}:{line}"
            self.issues.add(doc, path, "E204", "duplicate_id",
                            kind=say(KINDS, kind, self.issues.lang), id=visible(value),
                            where=where)

    def _section_ids(self, section: str, kind: str) -> set[str] | None:
        """The ids a deck section declares (None when the section is not a list)."""
        items = self.deck.get(section, [])
        if not isinstance(items, list):
            return None
        ids: set[str] = set()
        for i, item in _dicts(items):
            value = item.get("id")
            self._duplicate(kind, value, self.deck_doc, (section, i, "id"))
            if isinstance(value, str):
                ids.add(value)
        return ids

    def _card_ids(self) -> set[str]:
        ids: set[str] = set()
        for doc, path, card in self.cards:
            self._duplicate("card", card.get("id"), doc, path + ("id",))
            if isinstance(card.get("id"), str):
                ids.add(card["id"])
            for i, option in _dicts(card.get("options")):
                if option.get("id") is not None:
                    self._duplicate("option", option["id"], doc, path + ("options", i, "id"),
                                    scope=f"{doc.file}{path}")
                elif i < len(fmt.OPTION_LETTERS):
                    self._duplicate("option", fmt.OPTION_LETTERS[i], doc, path + ("options", i),
                                    scope=f"{doc.file}{path}")
        return ids

    # -- references ---------------------------------------------------------------------------

    def _unknown(self, doc: YamlFile, path: YamlPath, value: Any, known: set[str] | None,
                 code: str, key: str, *, at_key: bool = False) -> None:
        """Report ``value`` when it is not among ``known`` (None: nothing known to check)."""
        if known is None or not isinstance(value, str) or value in known:
            return
        hint = did_you_mean(value, known, self.issues.lang)
        self.issues.add(doc, path, code, key, at_key=at_key, id=visible(value), hint=hint,
                        advice="" if hint else known_names(known, self.issues.lang))

    def _characters(self, known: set[str] | None) -> None:
        for doc, path, card in self.cards:
            if card.get("character") is not None:
                self._unknown(doc, path + ("character",), card["character"], known,
                              "E201", "unknown_character")

    def _follow_ups(self, known: set[str] | None) -> None:
        for doc, path, card in self.cards:
            for i, option in _dicts(card.get("options")):
                base = path + ("options", i, "follow_up")
                follow = option.get("follow_up")
                refs = [(base, follow)] if isinstance(follow, dict) else [
                    (base + (j,), f) for j, f in _dicts(follow)]
                for ref_path, ref in refs:
                    self._unknown(doc, ref_path + ("card",), ref.get("card"), known,
                                  "E202", "unknown_card")

    def _meters(self, known: set[str] | None) -> None:
        def keys_of(doc: YamlFile, path: YamlPath, mapping: Any) -> None:
            if isinstance(mapping, dict):
                for name in mapping:
                    self._unknown(doc, path + (name,), name, known, "E203", "unknown_meter",
                                  at_key=True)

        for doc, path, card in self.cards:
            for i, option in _dicts(card.get("options")):
                keys_of(doc, path + ("options", i, "effects"), option.get("effects"))
            when = card.get("when")
            if isinstance(when, dict):
                keys_of(doc, path + ("when", "meters"), when.get("meters"))
        for i, ending in _dicts(self.deck.get("endings")):
            if ending.get("meter") is not None:
                self._unknown(self.deck_doc, ("endings", i, "meter"), ending["meter"], known,
                              "E203", "unknown_meter")
            keys_of(self.deck_doc, ("endings", i, "meters"), ending.get("meters"))
        for i, rule in _dicts(self.deck.get("dynamics")):
            keys_of(self.deck_doc, ("dynamics", i, "effects"), rule.get("effects"))
            when = rule.get("when")
            if isinstance(when, dict):
                keys_of(self.deck_doc, ("dynamics", i, "when", "meters"), when.get("meters"))

    def _best_ending(self) -> None:
        """At most one ending is the deck's best (the simulator measures how often it is
        reached, so two would make that figure meaningless)."""
        best = [i for i, ending in _dicts(self.deck.get("endings")) if ending.get("best") is True]
        if len(best) > 1:
            first = self.deck_doc.position(("endings", best[0], "best"))[0]
            for i in best[1:]:
                self.issues.add(self.deck_doc, ("endings", i, "best"), "E206", "two_best_endings",
                                at_key=True, where=f"{relative_name(self.deck_doc.file, self.folder)}:{first}")

    def _aspects(self, known: set[str] | None) -> None:
        if not known:
            return
        for doc, path, card in self.cards:
            tags = card.get("aspects")
            for i, tag in enumerate(tags if isinstance(tags, list) else []):
                self._unknown(doc, path + ("aspects", i), tag, known, "E104", "unknown_aspect")

    # -- languages ----------------------------------------------------------------------------

    def _languages(self) -> None:
        declared = self.deck.get("languages", ["nl"])
        if not isinstance(declared, list) or not all(isinstance(x, str) for x in declared):
            return
        declared = declared or ["nl"]
        docs = [(self.deck_doc, (), self.deck, fmt.DeckFile)]
        docs += [(doc, path, card, fmt.Card) for doc, path, card in self.cards
                 if doc is not self.deck_doc]
        for doc, base, data, model in docs:
            for path, text in texts(data, model, base):
                self._text_languages(doc, path, text, declared)

    def _text_languages(self, doc: YamlFile, path: YamlPath, text: Any,
                        declared: list[str]) -> None:
        lang = self.issues.lang
        if isinstance(text, dict):
            for code in text:
                if fmt.LANGUAGE_CODE.match(code) and code not in declared:
                    self.issues.add(doc, path + (code,), "E205", "unknown_language", at_key=True,
                                    code=code, languages=", ".join(declared),
                                    hint=did_you_mean(code, set(declared), lang))
            present = set(text)
        elif isinstance(text, str) and text:
            present = {declared[0]}
        else:
            return
        missing = [code for code in declared if code not in present]
        if missing and path[-1] not in _PROPER_NAMES:
            self.issues.add(doc, path, "W001", "missing_translation", codes=", ".join(missing))

    # -- images -------------------------------------------------------------------------------

    def _portraits(self) -> list[Path]:
        images: list[Path] = []
        for i, character in _dicts(self.deck.get("characters")):
            value = character.get("portrait")
            if isinstance(value, str):
                image = check_image(self.issues, self.deck_doc, self.folder,
                                    ("characters", i, "portrait"), value)
                if image is not None and image not in images:
                    images.append(image)
        return images


def known_names(known: set[str], lang: str, limit: int = 8) -> str:
    """"known in this deck: a, b, c" (the first ``limit`` names in order), or "" for none."""
    if not known:
        return ""
    names = sorted(known)
    shown = ", ".join(visible(n, 30) for n in names[:limit]) + (", ..." if len(names) > limit
                                                                else "")
    return say(MESSAGES, "known_ids", lang, names=shown)


def _dicts(value: Any) -> list[tuple[int, dict]]:
    """The mappings in a list, with their indices (nothing when ``value`` is not a list)."""
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] \
        if isinstance(value, list) else []
