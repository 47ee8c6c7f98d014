"""The authoring guide (docs/authoring.md, docs/authoring.en.md) and its example deck.

The guide quotes the example deck in docs/voorbeeld-deck/: every ```yaml block that starts with a
comment line ``# docs/voorbeeld-deck/<file>`` must be a slice of that file, so quotes and deck
never drift apart. The deck itself must validate without a single warning, play to the end, and
meet the balance aims the guide sets for every deck.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from game.authoring.editor_schema import deck_ids, editor_schemas
from game.authoring.diagnostics import CODES
from game.authoring.loader import load_deck

DOCS = ROOT / "docs"
DECK = DOCS / "voorbeeld-deck"
GUIDES = {"nl": DOCS / "authoring.md", "en": DOCS / "authoring.en.md"}
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
QUOTE = re.compile(r"^# (docs/voorbeeld-deck/\S+)$")
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[\w-]*)\s*$")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def main_py(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=timeout)


def code_blocks(path: Path) -> list[tuple[str, int, str]]:
    """(language, line number, text) of every fenced code block, fence indentation removed."""
    blocks, lines = [], path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        start = FENCE.match(lines[i])
        if start is None:
            i += 1
            continue
        indent, body, j = len(start["indent"]), [], i + 1
        while j < len(lines) and lines[j].strip() != "```":
            body.append(lines[j][indent:] if lines[j][:indent].strip() == "" else lines[j])
            j += 1
        assert j < len(lines), f"{path.name}:{i + 1}: a code block is never closed"
        blocks.append((start["lang"], i + 1, "\n".join(body)))
        i = j + 1
    return blocks


def yaml_blocks(path: Path) -> list[tuple[int, str]]:
    return [(line, text) for lang, line, text in code_blocks(path) if lang == "yaml"]


def quotes(path: Path) -> list[tuple[int, str, str]]:
    """(line, quoted file, quoted text) of every yaml block marked as a quote of the deck."""
    found = []
    for line, text in yaml_blocks(path):
        first, _, rest = text.partition("\n")
        marker = QUOTE.match(first)
        if marker:
            found.append((line, marker[1], rest))
    return found


def headings(path: Path) -> list[tuple[int, str]]:
    """(level, title) of every markdown heading outside code blocks."""
    found, fenced = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line) or line.strip() == "```":
            fenced = not fenced
            continue
        match = re.match(r"^(#{1,6}) (.+)$", line)
        if match and not fenced:
            found.append((len(match[1]), match[2].strip()))
    return found


def slug(title: str) -> str:
    """The anchor GitHub gives a heading."""
    text = unicodedata.normalize("NFC", title).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return LINK.findall(text)


# -- the example deck --------------------------------------------------------------------------


def test_the_example_deck_validates_strictly_without_a_warning() -> None:
    done = main_py("validate", "docs/voorbeeld-deck", "--strict")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 fouten, 0 waarschuwingen in 1 deck" in done.stdout


def test_the_example_deck_autoplays_to_the_end(tmp_path: Path) -> None:
    out, data = tmp_path / "out", tmp_path / "data"
    done = main_py("play", "docs/voorbeeld-deck", "--headless", "--autoplay", "--seed", "1",
                   "--out", str(out), "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    record = json.loads((out / "session.json").read_text(encoding="utf-8"))
    assert record["finished"] is True
    assert record["deck"]["id"] == "altijd-bereikbaar"
    assert record["end_reason"] in ("term", "collapse")
    assert [r["round"] for r in record["rounds"]] == list(range(1, len(record["rounds"]) + 1))


def test_the_example_deck_shows_every_part_of_the_format() -> None:
    result = load_deck(DECK)
    assert result.diagnostics == [], "\n".join(d.format() for d in result.diagnostics)
    deck = result.deck
    cards = list(deck.cards.values())
    assert deck.languages == ["nl", "en"]
    assert len(deck.meters) == 3
    assert 2 <= len(deck.spec.characters) <= 3
    assert any(c.portrait for c in deck.spec.characters)
    assert any(not c.portrait for c in deck.spec.characters)
    assert 5 <= len(cards) <= 6
    assert {e.trigger for e in deck.endings} == {"collapse", "term"}
    assert deck.endings[-1].trigger == "term" and not deck.endings[-1].meters
    assert deck.spec.glossary and deck.aspects
    # A follow-up card that needs a flag, scheduled by an option that sets that flag.
    follow_ups = [c for c in cards if c.follow_up_only and c.when.flags]
    assert follow_ups
    for card in follow_ups:
        assert any(f.card == card.id and set(card.when.flags) <= set(o.set_flags)
                   for c in cards for o in c.options for f in o.follow_up)
    # Conditions of every kind, and the drawing fields.
    assert any(c.when.not_flags for c in cards)
    assert any(c.when.meters for c in cards)
    assert any(c.when.rounds for c in cards)
    assert any(o.clear_flags for c in cards for o in c.options)
    assert any(c.repeatable for c in cards) and any(c.weight != 1 for c in cards)
    assert all(c.essay is not None and c.aspects for c in cards)


def test_the_example_deck_meets_the_balance_aims_of_the_guide() -> None:
    from game.balance.simulate import simulate, summary

    deck = load_deck(DECK).deck
    found = summary(deck, simulate(deck, 500, 1, "random", workers=1), "random", 1)
    assert 50 <= found["term_completed_pct"] <= 85
    assert found["exhausted_pct"] == 0
    assert all(pct <= 25 for pct in found["collapse_by_meter_pct"].values())
    assert all(card["games_pct"] >= 1 for card in found["cards"])
    assert found["options_never_worth_picking"] == []
    # The guide shows this very run: its figures must be the deck's.
    figure = f"{found['term_completed_pct']:.1f}%"
    for lang, words in (("nl", "termijn volgemaakt"), ("en", "term completed")):
        shown = [line for line in GUIDES[lang].read_text(encoding="utf-8").splitlines()
                 if line.strip().startswith(words) and line.strip().endswith("%")]
        assert shown and all(line.strip().endswith(figure) for line in shown), (lang, shown)


def test_the_schemas_beside_the_example_deck_are_current() -> None:
    wanted = editor_schemas(deck_ids(load_deck(DECK).files, "nl"), "nl")
    for name, schema in wanted.items():
        written = json.loads((DECK / name).read_text(encoding="utf-8"))
        assert written == schema, "refresh them: python3 main.py schema docs/voorbeeld-deck"


# -- the guides --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", GUIDES)
def test_every_yaml_block_in_the_guide_parses(lang: str) -> None:
    blocks = yaml_blocks(GUIDES[lang])
    assert len(blocks) >= 20
    for line, text in blocks:
        try:
            yaml.safe_load(text)
        except yaml.YAMLError as exc:
            pytest.fail(f"{GUIDES[lang].name}:{line}: this yaml block does not parse: {exc}")


@pytest.mark.parametrize("lang", GUIDES)
def test_quoted_blocks_match_the_example_deck(lang: str) -> None:
    found = quotes(GUIDES[lang])
    assert len(found) >= 10
    for line, name, text in found:
        file = (ROOT / name).resolve()
        assert file.is_relative_to(DECK.resolve()) and file.is_file(), \
            f"{GUIDES[lang].name}:{line}: {name} is not a file of the example deck"
        wanted = text.splitlines()
        have = file.read_text(encoding="utf-8").splitlines()
        assert wanted, f"{GUIDES[lang].name}:{line}: the quote of {name} is empty"
        assert any(have[i:i + len(wanted)] == wanted for i in range(len(have))), \
            f"{GUIDES[lang].name}:{line}: this quote is not (or no longer) in {name}"


def test_both_guides_quote_the_same_parts_of_the_deck() -> None:
    nl, en = ([(name, text) for _, name, text in quotes(GUIDES[lang])] for lang in ("nl", "en"))
    assert nl == en


def test_both_guides_have_the_same_section_structure() -> None:
    nl, en = (headings(GUIDES[lang]) for lang in ("nl", "en"))
    assert sum(1 for level, _ in nl if level == 2) == sum(1 for level, _ in en if level == 2)
    assert [level for level, _ in nl] == [level for level, _ in en]
    numbered = [title.split(".")[0] for level, title in nl if level == 2]
    assert numbered == [str(n) for n in range(1, len(numbered) + 1)]


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guide_links_to_the_error_codes(lang: str) -> None:
    path = GUIDES[lang]
    targets = links(path)
    assert any(t == "errors.md" or t.startswith("errors.md#") for t in targets)
    anchors = {slug(title) for _, title in headings(DOCS / "errors.md")}
    linked = {t.partition("#")[2] for t in targets if t.startswith("errors.md#")}
    assert linked <= anchors, f"no such heading in errors.md: {sorted(linked - anchors)}"
    for code, name in CODES.items():
        assert f"errors.md#{code.lower()}-{name}" in targets, f"{path.name}: {code} is not listed"


@pytest.mark.parametrize("lang", GUIDES)
def test_links_inside_the_guide_resolve(lang: str) -> None:
    path = GUIDES[lang]
    anchors = {slug(title) for _, title in headings(path)}
    inside, files = 0, 0
    for target in links(path):
        if target.startswith("#"):
            assert target[1:] in anchors, f"{path.name}: no heading for {target}"
            inside += 1
        elif not re.match(r"^[a-z]+://", target):
            local = (path.parent / target.partition("#")[0]).resolve()
            assert local.exists(), f"{path.name}: {target} does not exist"
            files += 1
    # the table of contents links to every numbered section; errors.md, the example deck and
    # the other language are files next to the guide
    numbered = sum(1 for level, _ in headings(path) if level == 2)
    assert inside >= numbered > 0, f"{path.name}: {inside} links inside the guide"
    assert files >= 3, f"{path.name}: {files} links to files"
