"""Meters in motion after a decision: from their values before it to after it, eased."""

from __future__ import annotations

#: Seconds the meters take to move.
DURATION = 0.8


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

    @property
    def animating(self) -> bool:
        return self.elapsed < DURATION

    def update(self, dt: float) -> None:
        if self.animating:
            self.elapsed = min(DURATION, self.elapsed + max(0.0, dt))
            self.app.invalidate()

    @property
    def progress(self) -> float:
        """How far the meters have moved, eased (0..1)."""
        return ease(self.elapsed / DURATION)
