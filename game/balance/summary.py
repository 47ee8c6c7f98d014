"""The simulator's findings as text for a terminal, in Dutch or English."""

from __future__ import annotations

from typing import Any

from game.format.deck import Deck
from game.language.catalog import load_catalog
from game.language.texts import localize


def render(deck: Deck, found: dict[str, Any], lang: str = "nl") -> str:
    w = load_catalog(lang).section("balance")
    meters = {m.id: localize(m.label, lang) for m in deck.meters}
    out = [w["head"].format(**found), ""]

    rows = [(w["term"], found["term_completed_pct"]), (w["collapse"], found["collapse_pct"])]
    rows += [("  " + w["by_meter"].format(meter=meters[m]), pct)
             for m, pct in found["collapse_by_meter_pct"].items()]
    rows.append((w["exhausted"], found["exhausted_pct"]))
    best = deck.best_ending
    if best is not None and found.get("best_ending_pct") is not None:
        rows.append((w["best_ending"].format(title=localize(best.title, lang)),
                     found["best_ending_pct"]))
    width = max(len(label) for label, _ in rows)
    out.append(w["ends"])
    out.extend(f"  {label:<{width}}  {pct:6.1f}%" for label, pct in rows)
    out.append("")

    titles = {e.id: localize(e.title, lang) for e in deck.endings}
    out.append(w["endings"])
    for ending, pct in found["endings_pct"].items():
        out.append(f"  {pct:6.1f}%  {titles.get(ending, ending)}")
    out.append("")

    out.append(w["per_round"])
    ids = list(meters)
    out.append(f"  {w['round']:>6}  " + "  ".join(f"{meters[m][:18]:>18}" for m in ids))
    for row in found["meters_per_round"]:
        label = w["start"] if row["round"] == 0 else str(row["round"])
        cells = "  ".join(f"{row[m]['mean']:>10.1f} ± {row[m]['sd']:<5.1f}" for m in ids)
        out.append(f"  {label:>6}  {cells}")
    out.append("")

    out.append(w["cards"])
    for card in sorted(found["cards"], key=lambda c: c["games_pct"]):
        out.append(f"  {card['games_pct']:6.1f}%  {card['card']}")
    out.append("")

    out.append(w["options"])
    shown = [o for o in found["options"] if o["pick_pct"] is not None]
    width = max((len(o["card"]) + len(o["option"]) + 1 for o in shown), default=0)
    for option in shown:
        name = f"{option['card']}/{option['option']}"
        effect = "  ".join(f"{m[:4]} {v:+6.1f}" for m, v in option["final_meters_vs_mean"].items())
        out.append(f"  {option['pick_pct']:5.1f}%  {name:<{width}}  {effect}")
    out.append("")

    for key, items in (("never_seen", found["cards_never_seen"]),
                       ("never_picked", found["options_never_picked"])):
        out.append(f"{w[key]}: {', '.join(items) if items else w['none']}")
    dominated = [f"{d['card']}/{d['option']} (≤ {d['at_least_as_good']})"
                 for d in found["options_never_worth_picking"]]
    out.append(f"{w['dominated']}: {', '.join(dominated) if dominated else w['none']}")
    return "\n".join(out) + "\n"
