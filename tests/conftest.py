"""Shared test set-up: no display, no sound, and decks loaded through the real loader."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DECKS = TESTS / "decks"
DEFAULT_DECK = ROOT / "scenarios" / "digitaal-leiderschap"


def load(folder: Path):
    """A deck through the real loader; fails the test with every diagnostic if it has errors."""
    from game.authoring.loader import load_deck

    result = load_deck(folder)
    assert result.deck is not None, "\n".join(d.format() for d in result.diagnostics)
    return result.deck


@pytest.fixture(scope="session")
def engine_deck():
    return load(DECKS / "engine")


@pytest.fixture
def pygame_display():
    """pygame's display and fonts on the dummy driver, shut down after the test."""
    import pygame

    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()
