"""session.json: the record of one game, as written after a headless autoplay run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.reports.atomic_file import write_atomic
from game.rules.session import Session
from game.table.journal import now


def session_record(session: Session) -> dict[str, Any]:
    """Deck id and content hash, seed, and every round with meters before and after and flags."""
    ending = session.ending
    return {
        "deck": {"id": session.deck.id, "hash": session.deck.content_hash},
        "seed": session.seed,
        "written": now(),
        "rounds": [
            {
                "round": h["round"],
                "card": h["card"],
                "option": h["option"],
                "meters_before": h["meters_before"],
                "meters_after": h["meters_after"],
                "flags_set": h["flags_set"],
                "flags_cleared": h["flags_cleared"],
                "flags": h["flags_after"],
                "scheduled": h["scheduled"],
            }
            for h in session.history
        ],
        "final_meters": session.meters,
        "finished": session.is_over,
        "end_reason": session.end_reason,
        "ending": ending.id if ending else None,
    }


def write_session_json(session: Session, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(session_record(session), indent=2, ensure_ascii=False) + "\n"
    return write_atomic(folder / "session.json", text.encode("utf-8"))
