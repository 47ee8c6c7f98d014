"""The discussion countdown: minutes per card, pausable, with a signal at zero.

Driven by the table's clock (``tick(dt)``), so tests step it exactly. It tells the screen
only when what it shows changes (a new second, a flash phase), so a running countdown costs a
redraw a second, not sixty.
"""

from __future__ import annotations

import math

#: How long the screen flashes when the time is up (s), and one flash phase.
FLASH_SECONDS = 1.8
FLASH_PHASE = 0.3


class DiscussionTimer:
    def __init__(self, seconds: float):
        self.total = max(1.0, float(seconds))
        self.remaining = self.total
        self.paused = False
        #: Seconds of flashing left after the time ran out.
        self.flash = 0.0

    @property
    def expired(self) -> bool:
        return self.remaining <= 0

    @property
    def flashing(self) -> bool:
        return self.flash > 0

    @property
    def flash_on(self) -> bool:
        """Whether the flash is in its bright phase now."""
        return self.flashing and int((FLASH_SECONDS - self.flash) / FLASH_PHASE) % 2 == 0

    def _shown(self) -> tuple:
        return (math.ceil(self.remaining), self.paused, self.flash_on, self.flashing)

    def tick(self, dt: float) -> bool:
        """Let ``dt`` seconds pass; returns whether what the timer shows changed."""
        before = self._shown()
        dt = max(0.0, dt)
        if self.flashing:
            self.flash = max(0.0, self.flash - dt)
        if not self.paused and not self.expired:
            self.remaining = max(0.0, self.remaining - dt)
            if self.expired:
                self.flash = FLASH_SECONDS
        return self._shown() != before

    @property
    def next_change(self) -> float | None:
        """Seconds until the clock shows another second (None: it stands still)."""
        if self.paused or self.expired:
            return None
        return self.remaining - (math.ceil(self.remaining) - 1)

    def toggle_pause(self) -> None:
        if not self.expired:
            self.paused = not self.paused

    def restart(self) -> None:
        self.remaining, self.paused, self.flash = self.total, False, 0.0

    @property
    def text(self) -> str:
        """What the clock shows: 4:59, counting whole seconds up (0:01 is the last)."""
        seconds = math.ceil(self.remaining)
        return f"{seconds // 60}:{seconds % 60:02d}"


def minutes_text(minutes: float | None, off: str, unit: str) -> str:
    """How a timer setting reads: ``off``, or ``unit`` with the minutes (5, 2,5)."""
    if not minutes:
        return off
    number = f"{minutes:g}".replace(".", ",")
    return unit.format(n=number)
