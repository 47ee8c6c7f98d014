"""Motion on the table: meters moving after a decision, and the fade from one screen to the next.

Both are cut short when the players ask for reduced motion (or autoplay and screenshots run):
the meters then show their new values at once and screens change without a fade.
"""

from __future__ import annotations

import pygame

#: Seconds the meters take to move.
DURATION = 0.8
#: Seconds into the move when its sound cue plays (after the confirm cue has died away).
CUE_AT = 0.15


def ease(t: float) -> float:
    """Cubic ease-in-out on 0..1."""
    t = max(0.0, min(1.0, t))
    return 4 * t * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def between(before: dict[str, int], after: dict[str, int], k: float) -> dict[str, float]:
    """The meters ``k`` (0..1) of the way from ``before`` to ``after``."""
    return {m: before.get(m, v) + (v - before.get(m, v)) * k for m, v in after.items()}


class MeterMotion:
    """For an outcome scene: the meters move from before the decision to after it over
    :data:`DURATION` seconds, counted in ``elapsed`` (set to DURATION to show them at rest)."""

    elapsed: float
    #: Whether the cue of this change has played (once per outcome).
    cued: bool = False

    @property
    def animating(self) -> bool:
        return self.elapsed < DURATION

    def update(self, dt: float) -> None:
        if self.animating:
            self.elapsed = min(DURATION, self.elapsed + max(0.0, dt))
            self.app.invalidate()
        if not self.cued and (self.elapsed >= CUE_AT or not self.animating):
            self.cued = True
            cue = self.cue_name()
            if cue is not None:
                self.app.cue(cue)

    def cue_name(self) -> str | None:
        """The sound of this change: "collapse", "meter_up", "meter_down" or None."""
        return None

    @property
    def progress(self) -> float:
        """How far the meters have moved, eased (0..1)."""
        return ease(self.elapsed / DURATION)


#: Seconds a change of screen takes (card, outcome, essay): short enough never to feel slow.
TRANSITION = 0.2


class Transition:
    """The last frame of the screen that was left, fading out over the new one.

    The new screen is on the table from the first moment, so it takes every key and click at
    once; only the picture of the old one lingers for :data:`TRANSITION` seconds.
    """

    def __init__(self, frame: pygame.Surface, duration: float = TRANSITION):
        self.frame = frame
        self.duration = duration
        self.elapsed = 0.0

    @property
    def done(self) -> bool:
        return self.elapsed >= self.duration

    def update(self, dt: float) -> None:
        self.elapsed = min(self.duration, self.elapsed + max(0.0, dt))

    def draw(self, surface: pygame.Surface) -> None:
        """The old frame over ``surface``, fading (eased) as the transition runs."""
        if self.done or self.frame.get_size() != surface.get_size():
            return
        self.frame.set_alpha(round(255 * (1 - ease(self.elapsed / self.duration))))
        surface.blit(self.frame, (0, 0))
