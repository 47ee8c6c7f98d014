"""Loading a deck folder: every file read safely, every problem located, one message per mistake.

A deck is a folder with ``deck.yaml`` and optionally ``cards/*.yaml``. Loading runs in passes:

1. each file is read by :mod:`game.authoring.yaml_reader` (size, encoding, syntax, anchors, tags, keys);
2. each file is checked against the format (:mod:`game.authoring.schema_check`);
3. references between the parts are checked (:mod:`game.authoring.references`), and portrait images are
   checked to be safe and real images (:mod:`game.authoring.assets`);
4. a deck without errors is checked for how well it will play (:mod:`game.authoring.quality`): these
   give warnings only.

Every problem becomes a :class:`~game.authoring.diagnostics.Diagnostic`; the :class:`~game.format.deck.Deck` is
built only when there are no errors. One mistake gives one message (see :mod:`game.authoring.problems`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from game.format import models as fmt
from game.format.deck import Deck
from game.authoring.diagnostics import Diagnostic, summary_counts
from game.authoring.messages import MESSAGES, say
from game.authoring.assets import is_inside, relative_name
from game.authoring.deck_folders import DECK_FILE, discover_decks
from game.authoring.problems import Issues
from game.authoring.quality import check_quality
from game.authoring.references import CardRef, CrossCheck, card_refs
from game.authoring.yaml_reader import YamlFile, read_yaml
from game.authoring.schema_check import check_schema

__all__ = ["CARDS_DIR", "CARD_SUFFIXES", "DECK_FILE", "LoadResult", "check_card_file",
           "discover_decks", "load_card_file", "load_deck"]

CARDS_DIR = "cards"
CARD_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadResult:
    """What loading one deck folder gave: the deck (when it has no errors) and all problems."""

    folder: Path
    deck: Deck | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Every file read, deck file first: its bytes, data and the position of every value.
    files: list[YamlFile] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.deck is not None and self.error_count == 0

    @property
    def error_count(self) -> int:
        return summary_counts(self.diagnostics)[0]


def load_deck(folder: Path, lang: str = "nl") -> LoadResult:
    """Read, check and build the deck in ``folder``; messages are worded in ``lang``."""
    return _DeckLoader(Path(folder), lang).load()


def check_card_file(file: Path, lang: str = "nl") -> list[Diagnostic]:
    """Check one card file on its own: its YAML, its format and its own ids."""
    return load_card_file(file, lang).diagnostics


def load_card_file(file: Path, lang: str = "nl") -> LoadResult:
    """:func:`check_card_file`, with the file as read (there is no deck to build)."""
    file = Path(file)
    issues = Issues(lang)
    doc = read_yaml(file, lang)
    issues.read(doc)
    if doc.readable:
        check_schema(issues, doc, fmt.CardFile)
        CrossCheck(issues, file.parent, {}, card_refs(doc), cards_complete=False).ids_only()
    return LoadResult(file.parent, diagnostics=issues.result(), files=[doc])


def _warn_bidi(issues: Issues, doc: YamlFile) -> None:
    """Warn about every text holding a bidirectional control character.

    Such a character (U+202A-U+202E, U+2066-U+2069) is invisible and can make a text read in
    another order than it is stored, so a shared deck could say something its check did not see.
    """
    source = doc.source.decode("utf-8", errors="replace")
    if "\\" not in source and not fmt.BIDI_CONTROL.search(source):
        return  # none written, and none escaped in a quoted text: no text to walk for one
    for path, text in doc.texts():
        found = fmt.BIDI_CONTROL.search(text)
        if found is not None:
            issues.add(doc, path, "W004", "bidi_control", char=f"U+{ord(found.group()):04X}",
                       advice=say(MESSAGES, "bidi_control_advice", issues.lang))


def _is_empty(doc: YamlFile) -> bool:
    """Whether a file that was read holds nothing but, at most, comments and blank lines."""
    return doc.data is None and not doc.diagnostics


class _DeckLoader:
    """One load of one deck folder."""

    def __init__(self, folder: Path, lang: str) -> None:
        self.folder = folder
        self.lang = lang
        self.issues = Issues(lang)
        #: Every file read, for the content hash.
        self.docs: list[YamlFile] = []
        #: The records of given fields that the deck's models share (see check_schema).
        self.shared_fields: dict = {}

    def load(self) -> LoadResult:
        result = LoadResult(self.folder)
        deck_path = self.folder / DECK_FILE
        deck_doc = None
        if deck_path.is_file():
            deck_doc = self._read(deck_path)
        else:
            self.issues.file_issue(deck_path, "E105", "no_deck_file")
        usable = deck_doc is not None and deck_doc.readable
        if deck_doc is not None and (not usable or _is_empty(deck_doc)):
            # Without a deck file nothing else can be judged: every card would only repeat it.
            if usable:
                self.issues.file_issue(deck_path, "E101", "empty_deck_file")
            result.diagnostics = self.issues.result()
            result.files = list(self.docs)
            return result
        if usable and not self._format_ok(deck_doc):
            result.diagnostics = self.issues.result()
            result.files = list(self.docs)
            return result  # a deck in another format is not judged by this one's rules

        spec = check_schema(self.issues, deck_doc, fmt.DeckFile, self.shared_fields) \
            if usable else None
        card_docs, complete = self._card_files()
        card_models = [check_schema(self.issues, doc, fmt.CardFile, self.shared_fields)
                       for doc in card_docs]
        complete = complete and all(
            isinstance(d.value_at(("cards",)) or [], list) for d in [deck_doc, *card_docs] if d)
        cards: list[CardRef] = []
        images: list[Path] = []
        for doc in ([deck_doc] if usable else []) + card_docs:
            cards += card_refs(doc)
        if usable:
            images = CrossCheck(self.issues, self.folder, deck_doc.data, cards, complete,
                                deck_doc).run()
        else:
            CrossCheck(self.issues, self.folder, {}, cards, False).ids_only()
        for doc in ([deck_doc] if usable else []) + card_docs:
            _warn_bidi(self.issues, doc)

        result.diagnostics = self.issues.result()
        if result.error_count == 0 and spec is not None and None not in card_models:
            all_cards = list(spec.cards) + [c for m in card_models for c in m.cards]
            result.deck = Deck(
                spec=spec,
                cards={c.id: c for c in all_cards},
                folder=self.folder.resolve(),
                content_hash=self._hash(images),
            )
            check_quality(self.issues, result.deck, cards, deck_doc)
            result.diagnostics = self.issues.result()
        result.files = list(self.docs)
        return result

    def _format_ok(self, doc: YamlFile) -> bool:
        """Report a format other than 1 (a missing one is reported by the format check)."""
        if not isinstance(doc.data, dict) or "format" not in doc.data:
            return True
        version = doc.data["format"]
        if type(version) is int and version == fmt.FORMAT_VERSION:
            return True
        self.issues.add(doc, ("format",), "E106", "format", value=str(version))
        return False

    def _read(self, file: Path) -> YamlFile | None:
        if not is_inside(file, self.folder):
            self.issues.file_issue(file, "E301", "file_outside")
            return None
        doc = read_yaml(file, self.lang)
        self.issues.read(doc)
        self.docs.append(doc)
        return doc

    def _card_files(self) -> tuple[list[YamlFile], bool]:
        """The readable card files in name order, and whether every card file could be read."""
        folder = self.folder / CARDS_DIR
        if not folder.is_dir():
            return [], True
        files = sorted((p for p in folder.iterdir() if p.suffix in CARD_SUFFIXES),
                       key=lambda p: p.name)
        docs = [self._read(f) for f in files]
        readable = [d for d in docs if d is not None and d.readable]
        return readable, len(readable) == len(files)

    def _hash(self, images: list[Path]) -> str:
        """A hash of every file read and every portrait, by name inside the deck folder."""
        digest = hashlib.sha256()
        entries = [(relative_name(d.file, self.folder), d.source, None) for d in self.docs]
        entries += [(relative_name(p, self.folder), None, p) for p in images]
        for name, data, path in sorted(entries, key=lambda e: e[0]):
            digest.update(name.encode("utf-8") + b"\0")
            if data is not None:
                digest.update(data)
            else:
                with open(path, "rb") as handle:
                    for block in iter(lambda: handle.read(65536), b""):
                        digest.update(block)
            digest.update(b"\0")
        return digest.hexdigest()
