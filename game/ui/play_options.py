"""What the player asked for on the command line, passed to the table as one value."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.language.catalog import load_catalog


@dataclass(frozen=True)
class PlayOptions:
    #: A deck folder to play straight away; None shows the title screen.
    deck: Path | None = None
    #: Folders searched for decks on the title screen: the bundled ones, then the user's own.
    scenarios_dir: Path = Path("scenarios")
    user_decks_dir: Path | None = None
    #: Where the journal lives.
    data_dir: Path | None = None
    lang: str = "nl"
    size: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    #: Run on SDL's dummy driver, without a window.
    headless: bool = False
    #: Let a seeded random policy pick the options (with headless: a whole game, then exit).
    autoplay: bool = False
    seed: int | None = None
    #: Resume the latest unfinished session.
    resume: bool = False
    #: Where session.json is written after an autoplayed game.
    out_dir: Path | None = None
    #: One PNG per screen shown is written here.
    screenshots_dir: Path | None = None
    #: Seconds to wait between autoplay steps (for durability tests).
    step_delay: float = 0.0
    #: Open straight at this card (an author's preview), with these flags set and meters.
    card: str | None = None
    flags: tuple[str, ...] = ()
    meters: tuple[tuple[str, int], ...] = ()
    #: With a headless preview: also show the outcome of this option (1 is the first).
    option: int | None = None
    #: "single" (one player or group), "workshop" (a facilitator with 1 to 6 teams) or
    #: "onboarding" (a council member's introduction: a guided first game, the council's
    #: questions after each outcome and a take-home summary at the end).
    mode: str = "single"
    #: Workshop set-up given on the command line (the title screen asks for what is missing).
    teams: int | None = None
    team_names: tuple[str, ...] = ()
    rounds: int | None = None
    #: Discussion time per card in minutes; None: no timer.
    timer: float | None = None
    aspects: tuple[str, ...] = ()
    #: Override of the deck's meter preview: "none", "which" or "direction".
    preview: str | None = None
    #: No transitions or moving meters for this run (the saved preference may also ask for it).
    reduced_motion: bool = False
    #: No sound cues for this run.
    mute: bool = False
    #: Participants vote with their phones (docs/phones.md); the server listens on ``bind``
    #: (None: this machine's address on the local network) and ``port`` (0 or None: a free
    #: one, or the one a resumed workshop had).
    phones: bool = False
    bind: str | None = None
    port: int | None = None
    #: Exit as soon as the first frame is on screen (used by the start-up benchmark).
    exit_after_first_frame: bool = False
    #: The language of the lines the game prints on the terminal: the command line's run's
    #: (its --lang, else the locale's), which the window's language need not be.
    messages: str = "en"

    def tell(self, kind: str, key: str, **values: Any) -> None:
        """One line on standard error in :attr:`messages`: the text of ``key`` after the word
        of ``kind`` ("error", "warning" or "note"; "" for the text alone)."""
        words = load_catalog(self.messages)
        text = words.t(key, **values)
        print(words.t(f"command.{kind}", message=text) if kind else text, file=sys.stderr)

    @property
    def snapshot(self) -> bool:
        """Whether this run only takes pictures of the previewed card and then ends."""
        return (self.headless and self.card is not None and self.screenshots_dir is not None
                and not self.autoplay)
