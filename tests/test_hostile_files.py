"""Files made to exhaust the computer are refused quickly, in bounded memory.

A deck file can hold at most 1 MiB, but a MiB of ``[1,2,...]`` is half a million values; checked
one by one they cost minutes and gigabytes. Reading stops at the first value past
``MAX_NODES``. The case is built here rather than kept in tests/decks/hostile: it is a MiB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from game.authoring.loader import load_deck
from game.authoring.yaml_reader import MAX_BYTES, MAX_NODES, parse_yaml

BASE_DECK = (Path(__file__).parent / "decks" / "hostile" / "hostile_bidi_text" / "deck.yaml")

#: Runs in a fresh interpreter: loads the deck and prints what it cost.
MEASURE = """
import json, resource, sys, time
from game.authoring.loader import load_deck
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.process_time()
result = load_deck(sys.argv[1], lang="en")
print(json.dumps({"seconds": time.process_time() - start,
                  "grown_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before,
                  "codes": [d.code for d in result.diagnostics]}))
"""


def flood(folder: Path) -> Path:
    """A deck whose card file is one flow list of small numbers, just under 1 MiB."""
    folder.mkdir(parents=True)
    (folder / "deck.yaml").write_bytes(BASE_DECK.read_bytes())
    (folder / "cards").mkdir()
    numbers = ",".join("1" for _ in range((MAX_BYTES - 20) // 2))
    (folder / "cards" / "vloed.yaml").write_text(f"cards: [{numbers}]\n", encoding="utf-8")
    return folder


def test_a_file_of_half_a_million_values_is_refused_at_the_first_excess(tmp_path: Path) -> None:
    deck = flood(tmp_path / "deck")
    result = load_deck(deck, lang="en")
    assert [d.code for d in result.diagnostics if d.is_error] == ["E011"]
    problem = next(d for d in result.diagnostics if d.code == "E011")
    assert problem.file.name == "vloed.yaml" and problem.line == 1
    # the mapping, its key and the list come first: the first value past the limit is
    # number MAX_NODES - 2, at "cards: [" plus two characters a number
    assert problem.col == 9 + 2 * (MAX_NODES - 3)
    assert str(MAX_NODES) in problem.message


def test_the_refusal_costs_under_a_second_and_little_memory(tmp_path: Path) -> None:
    deck = flood(tmp_path / "deck")
    done = subprocess.run([sys.executable, "-c", MEASURE, str(deck)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    cost = json.loads(done.stdout)
    assert "E011" in cost["codes"]
    assert cost["seconds"] < 1.0, cost  # processor time: the busy machine does not count
    assert cost["grown_kib"] < 100 * 1024, cost


def test_a_file_at_the_limit_is_read() -> None:
    text = "cards: [" + ",".join("1" for _ in range(MAX_NODES - 3)) + "]\n"
    doc = parse_yaml(text, Path("kaarten.yaml"))
    assert doc.readable and doc.diagnostics == []
    too_many = parse_yaml(text.replace("[", "[1,"), Path("kaarten.yaml"))
    assert [d.code for d in too_many.diagnostics] == ["E011"] and not too_many.readable


def test_reports_isolate_a_text_with_direction_characters() -> None:
    from markupsafe import Markup

    from game.reports.files import environment

    page = environment().from_string('<p title="{{ a }}">{{ a }} en {{ b }} {{ c }}</p>')
    html = page.render(a="Budget \u202egnirednaw", b="gewoon", c=Markup("<i>al opgemaakt</i>"))
    isolated = "\u2068Budget \u202egnirednaw\u2069"
    assert html == f'<p title="{isolated}">{isolated} en gewoon <i>al opgemaakt</i></p>'
