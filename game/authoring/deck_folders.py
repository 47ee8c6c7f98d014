"""Where decks are: the folders under a root that hold a deck file.

Kept apart from the loader so that listing the decks (the title screen does it at every start)
needs neither the deck format nor the checks.
"""

from __future__ import annotations

from pathlib import Path

#: The file that makes a folder a deck.
DECK_FILE = "deck.yaml"


def discover_decks(*roots: Path) -> list[Path]:
    """The sub-folders of ``roots`` that hold a deck file, sorted by name within each root."""
    found: list[Path] = []
    for root in roots:
        root = Path(root)
        if not root.is_dir():
            continue
        for child in sorted(root.iterdir(), key=lambda p: p.name):
            if child.is_dir() and (child / DECK_FILE).is_file() and child not in found:
                found.append(child)
    return found
