"""The essay's four closing recommendations, held against one team's decisions.

The essay ends (§7) with four points for the secretary's attention: a course of action from
public value; a vision on and knowledge of digital developments; strengthening existing
qualities and choosing new accents; adapting the municipal organisation. This module says, per
recommendation, whether a team's decisions followed it or fell short of it, and which decisions
show that.

The mapping is the essay's own frame, so a facilitator can explain it in one sentence:

* each recommendation is read from the cards on the aspects it speaks of (a card counts for
  every recommendation one of its aspects belongs to);
* and from the meter those aspects feed in the public-value triangle: public value (4a-4c,
  privacy, transparency, inclusion: "steun behouden", the citizen's trust) from legitimacy;
  vision and knowledge (5a-5b, strategy from public value) from strategy; adapting the
  organisation (6a structure, 6b people and skills: new roles, retraining) from capacity;
  strengthening qualities and new accents (6c politics, 6d symbolism: political skill, setting
  the example, a shared perspective) from all meters together, as it asks to keep what is
  there while adding what is new.

A recommendation is *followed* when its decisions together raised its meter, *short* when
they lowered it, *even* when gains and losses cancelled out, and *untouched* when no card on
its aspects came to the table. A deck without a meter of that id reads the recommendation from
all meters together. The words live in the report catalog (``report.advice``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

#: How many decisions a verdict names.
SHOWN = 3


@dataclass(frozen=True)
class Recommendation:
    """One of the essay's four recommendations: its catalog id, the aspects whose cards show
    it, and the meter it is read from (None: all meters together)."""

    id: str
    aspects: tuple[str, ...]
    meter: str | None


RECOMMENDATIONS: tuple[Recommendation, ...] = (
    Recommendation("public_value", ("4a", "4b", "4c"), "legitimiteit"),
    Recommendation("vision", ("5a", "5b"), "strategie"),
    Recommendation("qualities", ("6c", "6d"), None),
    Recommendation("organisation", ("6a", "6b"), "capaciteit"),
)


def verdict_of(net: int, decisions: int) -> str:
    """The verdict for a recommendation whose decisions moved its meter by ``net``."""
    if not decisions:
        return "untouched"
    return "followed" if net > 0 else "short" if net < 0 else "even"


def recommendations(decisions: Sequence[Mapping[str, Any]], meters: Sequence[str],
                    shown: int = SHOWN) -> list[dict[str, Any]]:
    """Per recommendation, in the essay's order: ``{id, aspects, meter, decisions, net,
    verdict, shown}``.

    ``decisions`` are a team's decisions as the report holds them (``round``, ``card``,
    ``option``, ``aspects`` and ``changes`` per meter id). ``meter`` is the meter read (None:
    all together), ``decisions`` how many decisions were on its cards, ``net`` their summed
    change on that meter; ``shown`` the decisions that show the verdict, each ``{round, card,
    option, delta}``: for *followed* the ones that raised it most, for *short* the ones that
    lowered it most, for *even* the largest either way; earliest first among equals.
    """
    out = []
    for rec in RECOMMENDATIONS:
        meter = rec.meter if rec.meter in meters else None
        touched = [d for d in decisions if set(rec.aspects) & set(d.get("aspects") or ())]
        moves = [{"round": d["round"], "card": d["card"], "option": d["option"],
                  "delta": _delta(d, meter, meters)} for d in touched]
        net = sum(m["delta"] for m in moves)
        verdict = verdict_of(net, len(touched))
        if verdict == "followed":
            picked = [m for m in moves if m["delta"] > 0]
            picked.sort(key=lambda m: (-m["delta"], m["round"]))
        elif verdict == "short":
            picked = [m for m in moves if m["delta"] < 0]
            picked.sort(key=lambda m: (m["delta"], m["round"]))
        else:
            picked = [m for m in moves if m["delta"]]
            picked.sort(key=lambda m: (-abs(m["delta"]), m["round"]))
        out.append({"id": rec.id, "aspects": list(rec.aspects), "meter": meter,
                    "decisions": len(touched), "net": net, "verdict": verdict,
                    "shown": picked[:shown]})
    return out


def _delta(decision: Mapping[str, Any], meter: str | None, meters: Sequence[str]) -> int:
    changes = decision.get("changes") or {}
    if meter is not None:
        return int(changes.get(meter) or 0)
    return sum(int(changes.get(m) or 0) for m in meters)
