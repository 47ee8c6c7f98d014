"""One team's votes on one card, as the facilitator enters them: counts per option and the
decision they lead to.

The majority decides; the facilitator may overrule it by choosing another option explicitly;
a tie (or no votes at all) leaves the decision to the facilitator. Kept free of pygame so the
counting rules are easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: The most votes one option can get (four digits: a hall voting by phone).
MAX_VOTES = 9999

Reason = Literal["override", "majority", "tie", "none"]


@dataclass
class VoteSheet:
    """Counts for ``options`` options, the row being edited and an explicit choice, if any."""

    options: int
    counts: list[int] = field(default_factory=list)
    #: The option row that typing and +/− change.
    active: int = 0
    #: The option the facilitator chose over the count, or None.
    override: int | None = None
    #: Whether the next digit typed starts the count afresh (after moving to a row).
    fresh: bool = True

    def __post_init__(self) -> None:
        self.counts = (list(self.counts) + [0] * self.options)[:self.options]

    @classmethod
    def from_votes(cls, option_ids: list[str], votes: dict[str, int] | None,
                   chosen: str | None = None) -> "VoteSheet":
        """A sheet filled in again from a recorded split (after an undo)."""
        votes = votes or {}
        sheet = cls(len(option_ids), [max(0, min(MAX_VOTES, int(votes.get(o, 0))))
                                      for o in option_ids])
        if chosen in option_ids:
            index = option_ids.index(chosen)
            if sheet.reason != "majority" or sheet.leaders[0] != index:
                sheet.override = index
            sheet.active = index
        return sheet

    # ------------------------------------------------------------------ editing
    def move(self, step: int) -> None:
        self.set_active((self.active + step) % self.options)

    def set_active(self, index: int) -> None:
        if 0 <= index < self.options:
            self.active = index
            self.fresh = True

    def type_digit(self, digit: int) -> None:
        """A digit typed: the first after moving replaces the count, the next one appends."""
        current = self.counts[self.active]
        value = digit if self.fresh else current * 10 + digit
        self.counts[self.active] = value if value <= MAX_VOTES else digit
        self.fresh = False

    def add(self, step: int, index: int | None = None) -> None:
        row = self.active if index is None else index
        self.counts[row] = max(0, min(MAX_VOTES, self.counts[row] + step))
        self.fresh = True

    def erase(self) -> None:
        """Backspace: the last digit of the active count."""
        self.counts[self.active] //= 10
        self.fresh = False

    def toggle_override(self, index: int) -> None:
        """Choose ``index`` over the count, or (chosen already) go back to the count."""
        if 0 <= index < self.options:
            self.override = None if self.override == index else index

    # ------------------------------------------------------------------ reading
    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def leaders(self) -> list[int]:
        """The options with the most votes (every option when nobody voted)."""
        top = max(self.counts, default=0)
        return [i for i, c in enumerate(self.counts) if c == top]

    @property
    def reason(self) -> Reason:
        if self.override is not None:
            return "override"
        if self.total == 0:
            return "none"
        return "majority" if len(self.leaders) == 1 else "tie"

    @property
    def decision(self) -> int | None:
        """The option the team decides for now, or None while the facilitator must choose."""
        if self.override is not None:
            return self.override
        return self.leaders[0] if self.reason == "majority" else None

    def shown(self) -> tuple:
        """Everything the vote screen shows of the sheet, as one value: the screen keeps its
        drawing for as long as this stays the same, however the counts were entered."""
        return (tuple(self.counts), self.active, self.override, self.decision, self.reason,
                tuple(self.leaders))

    def votes(self, option_ids: list[str]) -> dict[str, int]:
        """The split by option id, every option included."""
        return {option: count for option, count in zip(option_ids, self.counts)}
