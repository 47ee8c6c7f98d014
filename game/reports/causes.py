"""Why a meter moved: the decisions that moved it most, and what set up a follow-up.

A causal trace answers the question a debrief starts with ("why did capaciteit fall?"): for
each meter, the decisions of one game that changed it most, largest change first; and for a
decision on a follow-up card, the earlier decision that scheduled that card ("R3 your choice
→ R6 the complaint to the AP"). It reads only a game's decision history, as the rules keep it
and the journal stores it, so a report made later from the journal says the same.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

#: How many decisions per meter a trace names.
MOST = 5


def scheduled_by(history: Sequence[Mapping[str, Any]], index: int) -> dict[str, Any] | None:
    """The earlier decision that scheduled the card decided at ``index``, or None.

    A card may be scheduled more than once; the latest decision before it whose follow-ups name
    the card, for a round up to this one, is the one that brought it to the table.
    """
    decision = history[index]
    for earlier in reversed(history[:index]):
        for item in earlier.get("scheduled") or ():
            if item.get("card") == decision["card"] and item.get("due", 0) <= decision["round"]:
                return {"round": earlier["round"], "card": earlier["card"],
                        "option": earlier["option"]}
    return None


def causes(history: Sequence[Mapping[str, Any]], meters: Iterable[str],
           most: int = MOST) -> dict[str, list[dict[str, Any]]]:
    """Per meter id, the decisions that moved it most (largest change first, then earliest):
    each ``{round, card, option, delta, scheduled_by}``. A meter no decision moved has an
    empty list."""
    meters = list(meters)
    moved: dict[str, list[dict[str, Any]]] = {meter: [] for meter in meters}
    for index, decision in enumerate(history):
        before = decision.get("meters_before") or {}
        after = decision.get("meters_after") or {}
        origin = None
        for meter in meters:
            delta = after.get(meter, 0) - before.get(meter, 0)
            if not delta:
                continue
            if origin is None:
                origin = scheduled_by(history, index) or {}
            moved[meter].append({"round": decision["round"], "card": decision["card"],
                                 "option": decision["option"], "delta": delta,
                                 "scheduled_by": origin or None})
    for meter in meters:
        moved[meter].sort(key=lambda c: (-abs(c["delta"]), c["round"]))
        del moved[meter][most:]
    return moved
