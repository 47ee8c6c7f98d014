"""What the title screen shows of a deck before it is chosen: its summary, kept between runs.

Loading a deck reads and checks every file (format, references, quality); the title screen only
shows each deck's title, description and counts. So a deck is summarised once, after a full
load, and the summary is kept in a small JSON file beside the journal, keyed by the name, size
and modification time of every file in the deck folder. The next start reads that file and the
folders' file listings and loads nothing; a deck whose files changed is loaded and summarised
again. A deck is loaded in full only when it is chosen, so a deck that fails a check its summary
did not know of still shows its errors then.

The summary holds plain values only (texts per language, counts, paths), so a screen can draw
it without the deck format.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from game.language.texts import KNOWN_LANGUAGES, localize

if TYPE_CHECKING:
    from game.authoring.loader import LoadResult

#: The file, in the data folder, that keeps the summaries.
CACHE_FILE = "deck-summaries.json"
#: Raised whenever what a summary holds changes, so older files are read as empty.
CACHE_VERSION = 1
#: A deck folder with more files than this is summarised afresh each time (never kept).
MAX_FILES = 5000
#: The deck's cover picture, when the folder has one (the first found), for the title screen.
COVER_NAMES = ("cover.png", "cover.jpg", "cover.jpeg")

#: A text in every language the table speaks: {"nl": "...", "en": "..."}.
Texts = dict[str, str]


@dataclass(frozen=True)
class MeterSummary:
    """A meter as the title screen names it; its colour is the theme's for its place."""

    id: str
    label: Texts
    #: Its place among the deck's meters (0 first): the theme's colour for a meter.
    index: int
    #: What the meter stands for, in every language (the title introduces it by this).
    description: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class DeckSummary:
    """A deck as the title screen lists it."""

    folder: Path
    #: The deck's id (the folder's name for a deck that does not load).
    id: str
    title: Texts
    description: Texts
    #: The languages the deck is written in.
    languages: tuple[str, ...]
    cards: int
    #: Rounds in a term.
    rounds: int
    meters: tuple[MeterSummary, ...]
    #: The deck's cover picture (a PNG or JPEG within the size limit), or None.
    cover: Path | None
    #: Errors the last full load found: a deck with errors is listed but does not play.
    errors: int
    #: Of the cards, those that only come back after a choice (follow-up cards).
    follow_ups: int = 0

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def title_in(self, lang: str) -> str:
        return localize(self.title, lang) or self.folder.name

    def description_in(self, lang: str) -> str:
        return localize(self.description, lang)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "description": self.description,
                "languages": list(self.languages), "cards": self.cards, "rounds": self.rounds,
                "meters": [{"id": m.id, "label": m.label, "description": m.description}
                           for m in self.meters],
                "cover": self.cover.name if self.cover is not None else None,
                "errors": self.errors, "follow_ups": self.follow_ups}

    @classmethod
    def from_dict(cls, folder: Path, data: dict[str, Any]) -> "DeckSummary":
        """The summary kept in the cache (a KeyError, TypeError or ValueError if damaged)."""
        cover = data["cover"]
        return cls(folder=folder, id=str(data["id"]), title=_texts(data["title"]),
                   description=_texts(data["description"]),
                   languages=tuple(str(x) for x in data["languages"]), cards=int(data["cards"]),
                   rounds=int(data["rounds"]),
                   meters=tuple(MeterSummary(str(m["id"]), _texts(m["label"]), i,
                                             _texts(m["description"]))
                                for i, m in enumerate(data["meters"])),
                   cover=folder / cover if isinstance(cover, str) else None,
                   errors=int(data["errors"]), follow_ups=int(data["follow_ups"]))


def summarize(folder: Path, result: LoadResult) -> DeckSummary:
    """The summary of a deck from its full load."""
    folder = Path(folder)
    deck = result.deck
    if deck is None:
        name = {lang: folder.name for lang in KNOWN_LANGUAGES}
        return DeckSummary(folder, folder.name, name, {lang: "" for lang in KNOWN_LANGUAGES},
                           (), 0, 0, (), None, max(1, result.error_count))
    spec = deck.spec

    def texts(text: Any) -> Texts:
        return {lang: localize(text, lang) for lang in KNOWN_LANGUAGES}

    return DeckSummary(
        folder=folder, id=deck.id, title=texts(spec.title), description=texts(spec.description),
        languages=tuple(spec.languages), cards=len(deck.cards), rounds=deck.term,
        meters=tuple(MeterSummary(m.id, texts(m.label), i, texts(m.description))
                     for i, m in enumerate(deck.meters)),
        cover=_cover(folder), errors=result.error_count,
        follow_ups=sum(1 for card in deck.cards.values() if card.follow_up_only))


class SummaryCache:
    """The kept summaries (the file ``CACHE_FILE`` in ``folder``; None keeps nothing)."""

    def __init__(self, folder: Path | None):
        self.path = Path(folder) / CACHE_FILE if folder is not None else None
        self._entries: dict[str, Any] = self._read()
        self._changed = False

    def summary(self, folder: Path, load: Callable[[Path], LoadResult]
                ) -> tuple[DeckSummary, LoadResult | None]:
        """The summary of the deck in ``folder``, and its load result when it had to be loaded
        (None when the kept summary still holds)."""
        folder = Path(folder)
        key = str(folder.resolve())
        stamp = folder_stamp(folder)
        kept = self._entries.get(key)
        if stamp is not None and isinstance(kept, dict) and kept.get("stamp") == stamp:
            try:
                return DeckSummary.from_dict(folder, kept["summary"]), None
            except (KeyError, TypeError, ValueError):
                pass  # a damaged entry: summarise the deck again
        result = load(folder)
        made = summarize(folder, result)
        if stamp is not None:
            self._entries[key] = {"stamp": stamp, "summary": made.to_dict()}
            self._changed = True
        return made, result

    def save(self) -> None:
        """Write the summaries back if any changed; a folder that cannot be written keeps none."""
        if self.path is None or not self._changed:
            return
        data = json.dumps({"version": CACHE_VERSION, "decks": self._entries},
                          ensure_ascii=False, sort_keys=True)
        part = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            part.write_text(data, encoding="utf-8")
            os.replace(part, self.path)
            self._changed = False
        except OSError:
            try:
                part.unlink(missing_ok=True)
            except OSError:  # the folder itself is not there to hold one (a file in its place)
                pass

    def _read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        decks = data.get("decks")
        return decks if isinstance(decks, dict) else {}


def folder_stamp(folder: Path) -> list[list[Any]] | None:
    """Every file in ``folder`` (its subfolders too) with its size and modification time, in
    name order; None when the folder cannot be listed or holds too many files to keep."""
    found: list[list[Any]] = []
    try:
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                info = os.stat(path)
                found.append([os.path.relpath(path, folder), info.st_size, info.st_mtime_ns])
                if len(found) > MAX_FILES:
                    return None
    except OSError:
        return None
    return found


def _cover(folder: Path) -> Path | None:
    """The deck's cover picture: a PNG or JPEG inside the folder, within the size limit."""
    # Only a deck just loaded is summarised, so the checks' module is imported by then.
    from game.authoring.assets import MAX_IMAGE_SIDE, image_size, is_inside

    for name in COVER_NAMES:
        path = folder / name
        if not path.is_file() or not is_inside(path, folder):
            continue
        try:
            with open(path, "rb") as handle:
                size = image_size(handle)
        except OSError:
            continue
        if size is not None and max(size) <= MAX_IMAGE_SIDE:
            return path
    return None


def _texts(value: Any) -> Texts:
    if not isinstance(value, dict):
        raise TypeError("a text per language")
    return {str(k): str(v) for k, v in value.items()}
