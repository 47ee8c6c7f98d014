"""The player's preferences for the table, kept between runs in the data folder.

``preferences.json`` holds whether motion is reduced (no transitions, meters set at once) and
whether the sound cues play in single play and in workshops. A missing or unreadable file gives
the defaults: motion on, sound on (quiet) in single play, off in workshops, where a room of
teams should not hear a laptop chime unasked. Nothing here is needed to play, so a file that
cannot be written is passed over in silence.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

FILE_NAME = "preferences.json"


@dataclass(frozen=True)
class Preferences:
    reduced_motion: bool = False
    """No transitions between screens, and the meters take their new values at once."""
    sound_single: bool = True
    """Sound cues in single play (and onboarding)."""
    sound_workshop: bool = False
    """Sound cues in a workshop."""

    def sound(self, workshop: bool) -> bool:
        return self.sound_workshop if workshop else self.sound_single

    def with_sound(self, workshop: bool, on: bool) -> "Preferences":
        return replace(self, **{"sound_workshop" if workshop else "sound_single": on})


def load(folder: Path | None) -> Preferences:
    """The preferences saved in ``folder``; the defaults for anything missing or damaged."""
    if folder is None:
        return Preferences()
    try:
        data = json.loads((Path(folder) / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    known = {f.name for f in fields(Preferences)}
    return Preferences(**{k: v for k, v in data.items() if k in known and isinstance(v, bool)})


def save(folder: Path | None, preferences: Preferences) -> bool:
    """Write ``preferences`` to ``folder``; False when that is not possible."""
    if folder is None:
        return False
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / FILE_NAME).write_text(json.dumps(asdict(preferences), indent=2),
                                              encoding="utf-8")
    except OSError:
        return False
    return True
