"""The decks the title and set-up screens offer: every deck folder found, loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.authoring.loader import discover_decks
from game.language.texts import localize


@dataclass
class DeckEntry:
    """A deck folder and what loading it gave."""

    folder: Path
    result: Any

    @property
    def ok(self) -> bool:
        return self.result.deck is not None

    def title(self, lang: str) -> str:
        if self.result.deck is not None:
            return localize(self.result.deck.spec.title, lang)
        return self.folder.name

    def description(self, lang: str) -> str:
        if self.result.deck is not None:
            return localize(self.result.deck.spec.description, lang)
        return ""


def find_decks(app) -> list[DeckEntry]:
    """Every deck under the scenarios folder and the user's deck folder, loaded."""
    options = app.options
    roots = [Path(options.scenarios_dir)]
    if options.user_decks_dir is not None:
        try:
            Path(options.user_decks_dir).mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        roots.append(Path(options.user_decks_dir))
    return [DeckEntry(folder, app.load(folder)) for folder in discover_decks(*roots)]
