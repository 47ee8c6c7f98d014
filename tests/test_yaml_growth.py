"""Reading a deck file costs a few calls per value, and positions are recorded only when asked.

Speed itself is measured by ``benchmarks/bench.py``, never by a timed test; here the work is
counted. Reading builds the data in one pass over the parser's events: a bounded number of
calls of the game's own code per value, however long the file. Where each value stands and how
each scalar was written are needed only to word a problem, so they are recorded by reading the
text once more on the first question, and never for a deck without problems.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import yaml

from conftest import DEFAULT_DECK, ROOT
from counting import Counted

from game.authoring import yaml_reader
from game.authoring.loader import load_deck
from game.authoring.yaml_reader import parse_yaml, read_yaml

GAME = str(ROOT / "game")
#: Calls of the game's code per value read: one pass over the events, a call or two for each.
CALLS_PER_VALUE = 5


def _values(text: str) -> int:
    """The values (scalars, mappings and sequences) of a YAML text."""
    return sum(isinstance(e, (yaml.ScalarEvent, yaml.CollectionStartEvent))
               for e in yaml.parse(text))


def _game_calls(function) -> int:
    """How many calls of functions in the game's own code running ``function`` makes."""
    count = 0

    def profile(frame, event, arg) -> None:
        nonlocal count
        if event == "call" and frame.f_code.co_filename.startswith(GAME):
            count += 1

    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(None)
    return count


def _cards_text(copies: int) -> str:
    """The bundled deck's first card file with its cards repeated ``copies`` times."""
    file = sorted((DEFAULT_DECK / "cards").glob("*.yaml"))[0]
    cards = yaml.safe_load(file.read_text(encoding="utf-8"))["cards"]
    copied = [copy.deepcopy(card) for _ in range(copies) for card in cards]  # no aliases
    return yaml.safe_dump({"cards": copied}, allow_unicode=True, sort_keys=False)


def test_reading_makes_a_bounded_number_of_calls_per_value() -> None:
    for copies in (1, 8):
        text = _cards_text(copies)
        calls = _game_calls(lambda: parse_yaml(text, Path("kaarten.yaml")))
        assert calls <= CALLS_PER_VALUE * _values(text), copies


def test_positions_are_recorded_once_and_only_when_asked(monkeypatch) -> None:
    parses = Counted(yaml_reader._parse_into)
    monkeypatch.setattr(yaml_reader, "_parse_into", parses)
    doc = read_yaml(sorted((DEFAULT_DECK / "cards").glob("*.yaml"))[0])
    assert parses.calls == 1 and doc.diagnostics == []
    first = doc.position(("cards", 0, "title"))
    assert parses.calls == 2 and first > (1, 1)
    assert doc.key_position(("cards", 0, "title")) < first
    assert doc.scalar(("cards", 0, "id")).plain
    assert doc.position(("cards", 1)) > first
    assert parses.calls == 2


def test_a_deck_without_problems_reads_each_file_once(monkeypatch) -> None:
    parses = Counted(yaml_reader._parse_into)
    monkeypatch.setattr(yaml_reader, "_parse_into", parses)
    result = load_deck(DEFAULT_DECK)
    assert result.ok and result.diagnostics == []
    assert parses.calls == len(result.files)
