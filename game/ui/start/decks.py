"""The decks the title and set-up screens offer: every deck folder found, by its summary.

The list is drawn from each deck's summary (:mod:`game.authoring.deck_summary`), kept between
runs; a deck is loaded in full only when a screen asks for its :attr:`DeckEntry.result`, which
the title does when the deck is chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from game.authoring.deck_summary import DeckSummary, SummaryCache
from game.authoring.deck_folders import discover_decks


class DeckEntry:
    """A deck folder, its summary, and its full load once asked for."""

    def __init__(self, folder: Path, result: Any = None, summary: DeckSummary | None = None,
                 load: Callable[[Path], Any] | None = None):
        self.folder = Path(folder)
        self._result = result
        self._load = load
        self.summary = summary

    @property
    def result(self) -> Any:
        """What loading the deck gave (loaded on first use)."""
        if self._result is None:
            if self._load is None:
                raise ValueError(f"no way to load {self.folder}")
            self._result = self._load(self.folder)
        return self._result

    @property
    def loaded(self) -> bool:
        return self._result is not None

    @property
    def ok(self) -> bool:
        """Whether the deck plays: as its full load says, else as its summary does."""
        if self._result is not None:
            return self._result.deck is not None
        return self.summary is not None and self.summary.ok

    @property
    def error_count(self) -> int:
        if self._result is not None:
            return self._result.error_count
        return self.summary.errors if self.summary is not None else 0

    def title(self, lang: str) -> str:
        if self.summary is not None:
            return self.summary.title_in(lang)
        return self.folder.name

    def description(self, lang: str) -> str:
        return self.summary.description_in(lang) if self.summary is not None else ""


def find_decks(app) -> list[DeckEntry]:
    """Every deck under the scenarios folder and the user's deck folder, by its summary."""
    options = app.options
    roots = [Path(options.scenarios_dir)]
    if options.user_decks_dir is not None:
        try:
            Path(options.user_decks_dir).mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        roots.append(Path(options.user_decks_dir))
    cache = SummaryCache(options.data_dir)
    entries = []
    for folder in discover_decks(*roots):
        summary, result = cache.summary(folder, app.load)
        entries.append(DeckEntry(folder, result, summary, app.load))
    cache.save()
    return entries
