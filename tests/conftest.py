"""Shared test set-up: no display, no sound, and decks loaded through the real loader.

``--regenerate-golden`` (with ``-n 0``, in one process, so the diff is printed) rewrites the
checked-in expected outputs (tests/golden/ and the engine transcripts in tests/transcripts/)
from what the code does now, and prints a unified diff of every change at the end of the run:
review it before committing. Without the flag, a test whose
output differs from its file fails with that diff.
"""

import difflib
import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# The command line speaks the locale's language when no --lang is given: the tests run in a
# Dutch locale (the game's first language) wherever they run, so their expectations hold.
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "nl_NL.UTF-8"

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DECKS = TESTS / "decks"
DEFAULT_DECK = ROOT / "scenarios" / "digitaal-leiderschap"
REGENERATE = "--regenerate-golden"

#: (file, diff) of every golden file rewritten in this run, printed in the summary.
_regenerated: list[tuple[str, str]] = []


def pytest_addoption(parser):
    parser.addoption(
        REGENERATE, action="store_true", default=False,
        help="rewrite the golden files (tests/golden/) and the engine transcripts "
             "(tests/transcripts/) from the current code and print a unified diff of what "
             "changed; without it, a mismatch fails the test with that diff")


def pytest_terminal_summary(terminalreporter):
    if not terminalreporter.config.getoption(REGENERATE):
        return
    terminalreporter.section("regenerated golden files")
    if not _regenerated:
        terminalreporter.write_line("nothing changed")
    for name, diff in _regenerated:
        terminalreporter.write_line(f"{name}: rewritten")
        terminalreporter.write(diff)


def diff(expected: str, actual: str, name: str) -> str:
    return "".join(difflib.unified_diff(expected.splitlines(keepends=True),
                                        actual.splitlines(keepends=True),
                                        f"{name} (checked in)", f"{name} (now)"))


@pytest.fixture
def golden(request):
    """``golden(path, text)``: compare ``text`` with the checked-in file at ``path``. With
    --regenerate-golden the file is rewritten instead and the diff is kept for the summary."""
    regenerate = request.config.getoption(REGENERATE)

    def check(path: Path, text: str) -> None:
        name = path.relative_to(ROOT).as_posix()
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if old == text:
            return
        change = diff(old, text, name)
        if regenerate:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            _regenerated.append((name, change))
            return
        pytest.fail(f"{name} differs from what the code gives now; if the change is intended, "
                    f"rerun with {REGENERATE} and review the diff:\n{change}", pytrace=False)

    return check


def load(folder: Path):
    """A deck through the real loader; fails the test with every diagnostic if it has errors."""
    from game.authoring.loader import load_deck

    result = load_deck(folder)
    assert result.deck is not None, "\n".join(d.format() for d in result.diagnostics)
    return result.deck


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory):
    """What ``validate`` keeps between runs goes to a folder of the test run's own (every
    command the tests start inherits it), never to the user's cache folder."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def engine_deck():
    return load(DECKS / "engine")


@pytest.fixture
def pygame_display():
    """pygame's display and fonts on the dummy driver, shut down after the test."""
    import pygame

    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()


@pytest.fixture(scope="session")
def browser():
    """The system Chromium, driven by Playwright (tests/browser.py), shared by every test that
    opens a page; a machine without it fails those tests with how to install it."""
    from browser import start

    opened = start()
    yield opened
    opened.close()
