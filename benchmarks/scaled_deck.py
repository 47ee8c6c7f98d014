"""A deck of any size made from a real one, for measuring how checking grows with a deck.

    python3 benchmarks/scaled_deck.py SOURCE_DECK TARGET_FOLDER COUNT [--distinct]

The source deck's cards are copied, round after round, until there are COUNT of them: each copy
gets a new id (``<id>-<round>``), and its follow-ups name the copies of the same round (or the
originals, in a last round cut short), so the scaled deck checks without errors. With ``--distinct`` every copied text also ends in
its round number, so no two cards read alike (what a deck of new cards costs, with nothing
shared between cards). The deck file is copied as it is; cards go fifty to a file.
"""

from __future__ import annotations

import argparse
import copy
import shutil
from pathlib import Path

import yaml

CARDS_PER_FILE = 50


def _renamed(card: dict, round_no: int, distinct: bool, copied: set[str]) -> dict:
    """``card`` as copied in round ``round_no``, in which the cards ``copied`` are copied."""
    card = copy.deepcopy(card)
    if not round_no:
        return card
    card["id"] = f"{card['id']}-{round_no}"
    for option in card.get("options", []):
        follow = option.get("follow_up")
        for ref in ([follow] if isinstance(follow, dict) else follow or []):
            if ref["card"] in copied:  # else the original (the last round may be partial)
                ref["card"] = f"{ref['card']}-{round_no}"
    if distinct:
        def mark(text: object) -> object:
            if isinstance(text, dict):
                return {lang: f"{value} {round_no}" for lang, value in text.items()}
            return f"{text} {round_no}" if isinstance(text, str) else text

        card["title"], card["text"] = mark(card["title"]), mark(card["text"])
        for option in card.get("options", []):
            for field in ("label", "outcome"):
                if field in option:
                    option[field] = mark(option[field])
    return card


def scaled_deck(source: Path, target: Path, count: int, distinct: bool = False) -> Path:
    """Write a deck of ``count`` cards copied from ``source`` into ``target`` (made anew)."""
    source, target = Path(source), Path(target)
    shutil.rmtree(target, ignore_errors=True)
    (target / "cards").mkdir(parents=True)
    shutil.copy(source / "deck.yaml", target / "deck.yaml")
    originals: list[dict] = []
    for file in sorted((source / "cards").glob("*.yaml")):
        originals += yaml.safe_load(file.read_text(encoding="utf-8"))["cards"]
    cards: list[dict] = []
    round_no = 0
    while len(cards) < count:
        taken = originals[:count - len(cards)]
        copied = {card["id"] for card in taken}
        cards += [_renamed(card, round_no, distinct, copied) for card in taken]
        round_no += 1
    for start in range(0, len(cards), CARDS_PER_FILE):
        part = {"cards": cards[start:start + CARDS_PER_FILE]}
        (target / "cards" / f"cards-{start // CARDS_PER_FILE:04d}.yaml").write_text(
            yaml.safe_dump(part, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--distinct", action="store_true",
                        help="end every copied text in its round number")
    args = parser.parse_args()
    scaled_deck(args.source, args.target, args.count, args.distinct)


if __name__ == "__main__":
    main()
