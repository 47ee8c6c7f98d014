"""Where the table keeps what it writes: the user's data folder (journal, own decks, crash logs)."""

from __future__ import annotations

import os
from pathlib import Path

from game import APP_NAME

#: The bundled deck played when none is named.
DEFAULT_DECK = "digitaal-leiderschap"
#: The bundled deck a council member's introduction (``--mode onboarding``) plays.
ONBOARDING_DECK = "raadsleden"


def data_dir() -> Path:
    """Where the journal and the user's own decks live (``DILEMMASPEL_DATA_DIR`` overrides)."""
    override = os.environ.get("DILEMMASPEL_DATA_DIR")
    if override:
        return Path(override)
    return platform_data_dir()


def platform_data_dir() -> Path:
    """The data folder the operating system names for the game, when none is chosen."""
    # platformdirs is imported here: a start with a chosen data folder never asks for it.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def is_chosen_data_dir(folder: Path) -> bool:
    """Whether ``folder`` is a data folder someone chose (``--data-dir`` or
    ``DILEMMASPEL_DATA_DIR``) rather than the operating system's: what the game writes then
    stays in it, reports included."""
    return Path(folder).expanduser().resolve() != platform_data_dir().resolve()
