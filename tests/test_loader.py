"""Loading decks: every folder under tests/decks/invalid and tests/decks/hostile must give
exactly its expected.txt.

An ``expected.txt`` lists one ``FILE:LINE:COL: CODE`` per line (FILE relative to the case
folder); lines starting with # are comments. Indented lines under one, ``  nl: WORDS`` or
``  en: WORDS``, give wording that problem's message or hints must hold in that language. A deck that loads is also measured on the table
(W201, text that does not fit the screen), as ``validate`` does. Cases that cannot live in the
repository (a file over 1 MiB, links leading out of the deck, a pipe) are built in a temporary
folder below.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from game.authoring.diagnostics import CODES
from game.authoring.loader import check_card_file, discover_decks, load_deck
from game.authoring.yaml_reader import MAX_BYTES, YamlDate, parse_yaml, read_yaml

DECKS = Path(__file__).parent / "decks"
#: Mistakes an author makes (invalid) and decks built to break the game (hostile).
INVALID = sorted(p for kind in ("invalid", "hostile") for p in (DECKS / kind).iterdir()
                 if p.is_dir())
MINIMAL = DECKS / "valid" / "minimal"

BASE_DECK = """\
format: 1
id: test
title: Test
meters:
  - {id: strategie, label: Strategie}
endings:
  - {id: einde, trigger: term, title: Einde, text: De termijn is om.}
cards:
  - id: een
    title: Een
    text: Een kaart.
    options:
      - {label: Ja}
      - {label: Nee}
"""


def located(result, folder: Path, measured: bool = False) -> list[str]:
    diagnostics = list(result.diagnostics)
    if measured and result.deck is not None:
        from game.ui.layout.fit import overflow_diagnostics

        diagnostics += overflow_diagnostics(result.deck, result.files)
    return sorted(
        f"{d.file.relative_to(folder).as_posix()}:{d.line}:{d.col}: {d.code}"
        for d in diagnostics
    )


def expected(folder: Path) -> list[str]:
    lines = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    return sorted(line.strip() for line in lines
                  if line.strip() and not line.startswith(("#", " ")))


def expected_wording(folder: Path, lang: str) -> dict[str, list[str]]:
    """``FILE:LINE:COL: CODE`` -> the wording its message or hints must hold in ``lang``."""
    wording: dict[str, list[str]] = {}
    problem = ""
    for line in (folder / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(" ") and line.strip():
            which, _, words = line.strip().partition(": ")
            if which == lang:
                wording.setdefault(problem, []).append(words)
        elif line.strip() and not line.startswith("#"):
            problem = line.strip()
    return wording


def write_deck(folder: Path, deck: str = BASE_DECK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deck.yaml").write_text(deck, encoding="utf-8")
    return folder


# -- the data-driven cases --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_case_reports_exactly_what_is_expected(case: Path, lang: str) -> None:
    result = load_deck(case, lang=lang)
    assert located(result, case, measured=True) == expected(case)
    for problem, words in expected_wording(case, lang).items():
        said = next(" | ".join([d.message, *d.hints]) for d in result.diagnostics
                    if located(types.SimpleNamespace(diagnostics=[d], deck=None), case)
                    == [problem])
        for part in words:
            assert part in said, f"{problem}: {part!r} not in {said!r}"
    has_errors = any(line.split(": ")[-1].startswith("E") for line in expected(case))
    assert (result.deck is None) == has_errors
    assert result.diagnostics == sorted(result.diagnostics, key=lambda d: d.sort_key())


def test_every_code_has_a_case() -> None:
    covered = {line.split(": ")[-1] for case in INVALID for line in expected(case)}
    elsewhere = {"E001"}  # a file over 1 MiB is built below
    assert set(CODES) - covered - elsewhere == set()
    assert covered <= set(CODES)


def test_play_warnings_wait_until_the_deck_has_no_errors(tmp_path: Path) -> None:
    deck = tmp_path / "deck"
    shutil.copytree(DECKS / "invalid" / "w106_no_outcome", deck)
    text = (deck / "deck.yaml").read_text()
    (deck / "deck.yaml").write_text(text.replace("id: test", "id: Test"))
    assert located(load_deck(deck), deck) == ["deck.yaml:2:5: E104"]


def test_the_files_read_are_kept_with_the_result() -> None:
    result = load_deck(MINIMAL)
    assert [doc.file.name for doc in result.files] == ["deck.yaml", "vervolg.yaml"]
    assert result.files[0].source == (MINIMAL / "deck.yaml").read_bytes()


def test_minimal_deck_loads_without_diagnostics() -> None:
    result = load_deck(MINIMAL, lang="en")
    assert result.diagnostics == []
    assert result.ok and result.error_count == 0
    deck = result.deck
    assert list(deck.cards) == ["scanauto", "krant"]  # deck file first, then card files
    assert [o.id for o in deck.card("scanauto").options] == ["a", "b"]
    assert deck.character("wethouder").portrait == "portraits/wethouder.png"
    assert deck.asset("portraits/wethouder.png").is_file()
    assert len(deck.content_hash) == 64


def test_content_hash_follows_the_files_not_the_folder(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(MINIMAL, copy)
    original = load_deck(MINIMAL).deck.content_hash
    assert load_deck(copy).deck.content_hash == original
    portrait = copy / "portraits" / "wethouder.png"
    portrait.write_bytes(portrait.read_bytes() + b"\0")
    assert load_deck(copy).deck.content_hash != original


# -- cases built in a temporary folder --------------------------------------------------------


def test_file_over_one_mebibyte_is_refused_unread(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "deck")
    (deck / "cards").mkdir()
    (deck / "cards" / "groot.yaml").write_bytes(b"cards: []\n" + b"#" * MAX_BYTES)
    result = load_deck(deck, lang="en")
    assert located(result, deck) == ["cards/groot.yaml:1:1: E001"]
    assert result.deck is None


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    file = tmp_path / "kaarten.yaml"
    body = b"cards: []\n"
    file.write_bytes(body + b"#" * (MAX_BYTES - len(body) - 1) + b"\n")
    assert file.stat().st_size == MAX_BYTES
    assert read_yaml(file).diagnostics == []
    file.write_bytes(file.read_bytes() + b"\n")
    assert [d.code for d in read_yaml(file).diagnostics] == ["E001"]


def test_links_leading_out_of_the_deck_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (outside / "cards.yaml").write_text("cards: []\n")
    deck = write_deck(tmp_path / "deck", BASE_DECK.replace(
        "endings:",
        "characters:\n"
        "  - {id: a, name: A, role: A, portrait: weg.png}\n"
        "  - {id: b, name: B, role: B, portrait: binnen.png}\n"
        "endings:"))
    (deck / "weg.png").symlink_to(outside / "secret.png")
    # the start of a 16x16 JPEG: enough for its size to be read from the header
    (deck / "echt.png").write_bytes(b"\xff\xd8\xff\xc0\x00\x0b\x08\x00\x10\x00\x10\x01\x01\x11\x00")
    (deck / "binnen.png").symlink_to(deck / "echt.png")
    (deck / "cards").mkdir()
    (deck / "cards" / "geleend.yaml").symlink_to(outside / "cards.yaml")
    result = load_deck(deck, lang="en")
    assert located(result, deck) == ["cards/geleend.yaml:1:1: E301", "deck.yaml:7:41: E301"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_not_read(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "deck")
    (deck / "cards").mkdir()
    os.mkfifo(deck / "cards" / "pijp.yaml")
    result = load_deck(deck, lang="en")
    assert located(result, deck) == ["cards/pijp.yaml:1:1: E008"]


def test_past_a_hundred_problems_a_file_says_so_once(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "deck")
    (deck / "cards").mkdir()
    (deck / "cards" / "veel.yaml").write_text(
        "cards:\n" + "".join(f"  - {{id: k{i}, title: T, text: T}}\n" for i in range(150)))
    codes = [d.code for d in load_deck(deck).diagnostics]
    assert codes == ["E101"] * 100 + ["E010"]


def test_missing_folder_is_a_missing_deck_file(tmp_path: Path) -> None:
    result = load_deck(tmp_path / "nowhere")
    assert [d.code for d in result.diagnostics] == ["E105"]
    assert result.deck is None and not result.ok


# -- reading YAML -----------------------------------------------------------------------------


def test_plain_scalars_resolve_like_yaml_1_1_and_keys_stay_text() -> None:
    doc = parse_yaml(
        "a: 0x1F\nb: +5\nc: 1_000\nd: 1.5\ne: NO\nf: on\ng: ~\nh: 2024-05-17\n"
        "i: 'NO'\nj: \"5\"\n1: one\nyes: two\nk:\n",
        Path("x.yaml"),
    )
    assert doc.diagnostics == []
    assert doc.data == {
        "a": 31, "b": 5, "c": 1000, "d": 1.5, "e": False, "f": True, "g": None,
        "h": YamlDate("2024-05-17"), "i": "NO", "j": "5", "1": "one", "yes": "two", "k": None,
    }
    info = doc.scalar(("e",))
    assert (info.raw, info.plain, info.kind) == ("NO", True, "bool")
    assert doc.scalar(("i",)).plain is False


def test_positions_of_values_and_keys() -> None:
    doc = parse_yaml("cards:\n  - id: een\n    options: [{label: Ja}]\n", Path("x.yaml"))
    assert doc.position(("cards", 0, "id")) == (2, 9)
    assert doc.key_position(("cards", 0, "options")) == (3, 5)
    assert doc.position(("cards", 0, "options", 0, "label")) == (3, 23)
    assert doc.position(("cards", 0, "missing")) == (2, 5)  # nearest known parent


def test_tags_never_construct_anything(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    doc = parse_yaml(f'x: !!python/object/apply:os.system ["touch {marker}"]\n', Path("x.yaml"))
    assert [d.code for d in doc.diagnostics] == ["E007"]
    assert not marker.exists()


def test_bad_utf8_is_located(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes("a: é\nb: caf".encode() + b"\xe9\n")
    (diagnostic,) = read_yaml(file).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("E009", 2, 7)


def test_duplicate_key_names_the_first_line() -> None:
    doc = parse_yaml("a: 1\nb: 2\na: 3\n", Path("x.yaml"), lang="en")
    (diagnostic,) = doc.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("E005", 3, 1)
    assert "line 1" in diagnostic.message


# -- messages ---------------------------------------------------------------------------------


def test_unquoted_yes_no_value_is_explained() -> None:
    result = load_deck(DECKS / "invalid" / "e006_unquoted_text", lang="en")
    first = result.diagnostics[0]
    assert first.message == (
        '`NO` is read by YAML as a yes/no value, not as text; put it in quotes: "NO"'
    )


def test_hints_name_the_nearest_id() -> None:
    result = load_deck(DECKS / "invalid" / "e201_unknown_character", lang="en")
    assert result.diagnostics[0].hint == "did you mean 'wethouder'?"
    result = load_deck(DECKS / "invalid" / "e102_unknown_field", lang="nl")
    assert "bedoel je 'text'?" in [d.hint for d in result.diagnostics]


def test_messages_speak_plainly() -> None:
    jargon = ("Input should", "dictionary", "pydantic", "model_type", "list_type")
    assert len(INVALID) >= 30, "the invalid decks are where they should be"
    for case in INVALID:
        for lang in ("en", "nl"):
            diagnostics = load_deck(case, lang=lang).diagnostics
            # W201 (text overflow) is measured on the table, not by the loader
            assert diagnostics or case.name == "w201_text_overflow", f"{case.name}: no message"
            for diagnostic in diagnostics:
                assert diagnostic.message.strip(), diagnostic
                assert not any(word in diagnostic.message for word in jargon), diagnostic


# -- other entry points -----------------------------------------------------------------------


def test_discover_decks(tmp_path: Path) -> None:
    write_deck(tmp_path / "b")
    write_deck(tmp_path / "a")
    (tmp_path / "no-deck").mkdir()
    (tmp_path / "file.yaml").write_text("x: 1\n")
    assert discover_decks(tmp_path, tmp_path / "missing") == [tmp_path / "a", tmp_path / "b"]
    assert discover_decks(tmp_path / "missing") == []


def test_a_card_file_on_its_own(tmp_path: Path) -> None:
    file = tmp_path / "kaarten.yaml"
    file.write_text("cards:\n  - {id: een, title: Een, text: x, options: [{label: a}]}\n"
                    "  - {id: een, title: Twee, text: y, options: [{label: a}, {label: b}]}\n")
    codes = [(d.code, d.line) for d in check_card_file(file)]
    assert codes == [("E104", 2), ("E204", 3)]


def test_loading_does_not_import_pygame() -> None:
    code = ("import sys, game.authoring.loader, game.authoring.validate, game.authoring.yaml_reader; "
            "sys.exit('pygame' in sys.modules)")
    root = Path(__file__).parent.parent
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0
