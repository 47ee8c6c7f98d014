"""Mutation fuzzing of the bundled decks: every damaged file is refused with a place, or plays.

Each case takes one file of a bundled deck and damages it the way editing, copying and pasting
do: a line deleted, duplicated or re-indented, a control character, direction character or
quote put in, or the file cut off. The deck is then loaded as ``validate`` loads it. Either
every error is located (a file and a line), or the deck has no errors and is played to its end
by the rules engine. An exception is a failure.

To keep each load small, a case loads the deck file with one card file of its deck (each card
file of the bundled decks plays on its own with its deck file), so a few hundred cases run in
seconds by default; set ``FUZZ_CASES`` to run more (``FUZZ_SEED`` picks another series).
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from game.authoring.loader import load_deck
from game.rules.session import Session

DECKS = [ROOT / "scenarios" / "digitaal-leiderschap", ROOT / "scenarios" / "raadsleden",
         ROOT / "docs" / "voorbeeld-deck"]
CASES = int(os.environ.get("FUZZ_CASES", "240"))
SEED = int(os.environ.get("FUZZ_SEED", "20261207"))
#: What may be put into a line: C0 and C1 controls, direction controls, quotes, YAML marks.
INSERTS = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u202e", "\u2066", "\ufeff", "'", '"',
           ":", "- ", "#", "{", "[", "&a ", "*a", "!!str ", "\t", "\\"]


def mutate(text: str, rng: random.Random) -> tuple[str, str]:
    """``text`` damaged once, and what was done (for the failure message)."""
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    kind = rng.choice(["delete", "duplicate", "indent", "dedent", "insert", "insert",
                       "truncate"])
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "indent":
        lines[at] = " " * rng.choice([1, 2, 4]) + lines[at]
    elif kind == "dedent":
        lines[at] = lines[at][rng.choice([1, 2]):]
    elif kind == "insert":
        line = lines[at]
        col = rng.randrange(len(line) + 1)
        lines[at] = line[:col] + rng.choice(INSERTS) + line[col:]
    else:
        return text[:rng.randrange(len(text))], f"truncate at {len(text)}"
    return "\n".join(lines), f"{kind} line {at + 1}"


def play(deck, seed: int) -> None:
    session = Session.new(deck, seed)
    for _ in range(1000):
        if session.is_over:
            return
        session.choose(session.current_card.options[seed % len(session.current_card.options)].id)
        session.advance()
    raise AssertionError("the game did not end")


@pytest.fixture(scope="module")
def units(tmp_path_factory) -> list[Path]:
    """One small deck per card file of every bundled deck: its deck file and that card file."""
    base = tmp_path_factory.mktemp("fuzz")
    out = []
    for deck in DECKS:
        for card_file in sorted((deck / "cards").glob("*.yaml")):
            unit = base / f"{deck.name}-{card_file.stem}"
            shutil.copytree(deck, unit, ignore=lambda folder, names: [
                n for n in names if n.endswith((".yaml", ".yml")) and n != "deck.yaml"])
            shutil.copy(card_file, unit / "cards" / card_file.name)
            out.append(unit)
    return out


def test_every_mutation_is_refused_with_a_place_or_plays(units: list[Path]) -> None:
    rng = random.Random(SEED)
    files = [(folder, f) for folder in units for f in sorted(folder.rglob("*.yaml"))]
    outcomes = {"refused": 0, "played": 0}
    for case in range(CASES):
        folder, file = rng.choice(files)
        original = file.read_bytes()
        text, what = mutate(original.decode("utf-8"), rng)
        file.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        where = f"case {case}: {file.relative_to(folder.parent)}: {what}"
        try:
            result = load_deck(folder, lang=rng.choice(["nl", "en"]))
            for problem in result.diagnostics:
                assert problem.file is not None and problem.line >= 1, \
                    f"{where}: {problem.format()}"
            if result.deck is None:
                assert result.error_count > 0, where
                outcomes["refused"] += 1
            else:
                play(result.deck, case)
                outcomes["played"] += 1
        except AssertionError:
            raise
        except Exception as exc:  # the point of the test: no exception may escape
            raise AssertionError(f"{where}: {type(exc).__name__}: {exc}") from exc
        finally:
            file.write_bytes(original)
    assert sum(outcomes.values()) == CASES
    # both ends are exercised: most damage is refused, some is harmless (a comment, a blank)
    assert outcomes["refused"] and outcomes["played"], outcomes
