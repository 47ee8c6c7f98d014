"""Short, quiet sound cues: a decision confirmed, a meter up or down, a collapse, time up.

The cues are small WAV files in ``assets/sounds`` (synthesised by ``make_sounds.py`` there, CC0).
The mixer starts the first time a cue is to be heard, so a table that never plays one never
opens the audio device. Without a working mixer (no sound card, SDL's dummy driver refusing,
a missing file) the game plays on in silence: a cue is never worth an error.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pygame

from game.ui.look.theme import ASSETS

SOUNDS = ASSETS / "sounds"
#: The cues, by name; each is ``<name>.wav`` in :data:`SOUNDS`.
CUES = ("confirm", "meter_up", "meter_down", "collapse", "time_up")
#: Playback volume (0..1) on top of the files' own quiet level.
VOLUME = 0.6


class Cues:
    """Plays the cues while sound is on; remembers the last ones asked for (tests read them)."""

    def __init__(self, folder: Path = SOUNDS):
        self.folder = folder
        #: Whether cues are heard now (the table sets it from the preferences and the mode).
        self.on = False
        self._sounds: dict[str, pygame.mixer.Sound] | None = None
        #: The cues heard lately, newest last.
        self.heard: deque[str] = deque(maxlen=16)

    def play(self, name: str) -> None:
        if not self.on or name not in CUES:
            return
        sound = self._load().get(name)
        if sound is None:
            return
        try:
            sound.play()
        except pygame.error:
            return
        self.heard.append(name)

    def _load(self) -> dict[str, pygame.mixer.Sound]:
        if self._sounds is not None:
            return self._sounds
        self._sounds = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=512)
            for name in CUES:
                sound = pygame.mixer.Sound(str(self.folder / f"{name}.wav"))
                sound.set_volume(VOLUME)
                self._sounds[name] = sound
        except (pygame.error, OSError, FileNotFoundError):
            pass  # no mixer or a missing file: the cues that loaded play, the rest are silent
        return self._sounds
