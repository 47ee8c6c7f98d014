"""YAML mistakes are explained in the author's language, at the line of the mistake.

The invalid-deck folders (tests/decks/invalid/e002_*) pin one case each with its line and
wording. Here every line of a real deck is broken in the ways authors break them, and no message
may carry the YAML reader's own words, in Dutch or in English.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.authoring.yaml_reader import parse_yaml

MINIMAL = Path(__file__).parent / "decks" / "valid" / "minimal" / "deck.yaml"

#: Words of the YAML reader's messages ("mapping values are not allowed in this context",
#: "while scanning a quoted scalar", "did not find expected key", ...).
PARSER_WORDS = re.compile(
    r"mapping|scalar|token|while (parsing|scanning)|expected|found|not allowed|indicator|"
    r"stream|block|simple key|context", re.IGNORECASE)

#: Ways a text value gets broken: (what replaces the value, what comes after it).
BREAKS = [
    "Let op: dit is lastig.",
    "\u201cLet op: dit is lastig.\u201d",
    "'s Nachts verdacht verkeer",
    '"Niet gesloten',
    '"Ja" zei hij',
    '"C:\\data"',
    "@gemeente",
    "* punt",
    "[1] is een bron",
    "{naam} zegt",
    "| een",
    "% meer",
]


def broken_files() -> list[tuple[str, int]]:
    """The minimal deck with one value broken: (text, line of the broken value)."""
    lines = MINIMAL.read_text(encoding="utf-8").split("\n")
    out = []
    for number, line in enumerate(lines, start=1):
        found = re.match(r"^(\s*(?:- )?[a-z_]+: )\S", line)
        if not found or "{" in line:
            continue
        for value in BREAKS:
            copy = list(lines)
            copy[number - 1] = found.group(1) + value
            out.append(("\n".join(copy), number))
    return out


CASES = broken_files()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_message_carries_the_readers_words(lang: str) -> None:
    assert len(CASES) > 100
    reported = 0
    for text, number in CASES:
        result = parse_yaml(text, Path("deck.yaml"), lang)
        for d in result.diagnostics:
            said = " ".join([d.message, *d.hints])
            assert not PARSER_WORDS.search(said.replace("'- '", "")), (number, said)
        if result.diagnostics:
            reported += 1
            # the mistake is reported at its own line, never lines later
            assert min(d.line for d in result.diagnostics) <= number, (number, text)
    assert reported > len(CASES) // 2


def test_a_text_starting_with_an_apostrophe_is_reported_where_it_starts() -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("title: {nl: Minimaal deck, en: Minimal deck}", "title: 's Avonds")
    result = parse_yaml(text, Path("deck.yaml"), "nl")
    [problem] = result.diagnostics
    assert (problem.code, problem.line, problem.col) == ("E002", 4, 8)
    assert "title: \"'s Avonds\"" in problem.advice


def test_a_backslash_in_double_quotes_is_shown_in_single_quotes() -> None:
    result = parse_yaml('title: "C:\\data"\n', Path("deck.yaml"), "en")
    [problem] = result.diagnostics
    assert problem.code == "E002" and "backslash" in problem.message
    assert problem.advice == "write it like this: title: 'C:\\data'"


def test_a_missing_colon_is_shown_with_the_colon() -> None:
    result = parse_yaml("id: een\ntitle Een\ntext: x\n", Path("deck.yaml"), "nl")
    [problem] = result.diagnostics
    assert (problem.line, problem.col) == (2, 1)
    assert problem.advice == "schrijf het zo: title: Een"
