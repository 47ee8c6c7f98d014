"""``main.py validate PATH...``: check decks and print every problem, one per line.

Each line reads ``FILE:LINE:COL: error[CODE]: message``, the form editors and CI logs turn into
links. A path may be a deck folder, a folder of decks, or one YAML file: a file inside a deck is
checked as part of that deck (so references resolve) and only its own problems are shown; a file
outside any deck is checked on its own as a card file.

Exit status: 0 without errors, 1 with errors, 2 when a path does not exist.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from .diagnostics import Diagnostic, summary_counts
from .loader import DECK_FILE, check_card_file, discover_decks, load_deck
from .messages import say


def run(paths: list[str], out: TextIO, lang: str = "nl", err: TextIO | None = None) -> int:
    """Check every path, print the problems and a summary to ``out``; the exit status."""
    err = err if err is not None else sys.stderr
    diagnostics: list[Diagnostic] = []
    decks = files = 0
    missing = False
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            print(say(MESSAGES, "no_such_path", lang, path=raw), file=err)
            missing = True
        elif path.is_dir():
            folders = [path] if (path / DECK_FILE).is_file() else discover_decks(path) or [path]
            for folder in folders:
                diagnostics += load_deck(folder, lang).diagnostics
                decks += 1
        else:
            diagnostics += _check_file(path, lang)
            files += 1
    here = Path.cwd()
    for diagnostic in diagnostics:
        print(diagnostic.format(relative_to=here), file=out)
    if decks or files:
        print(summary(diagnostics, decks, files, lang), file=out)
    if missing:
        return 2
    return 1 if summary_counts(diagnostics)[0] else 0


def _check_file(file: Path, lang: str) -> list[Diagnostic]:
    """The problems of one YAML file, judged within its deck when it has one."""
    for folder in (file.parent, file.parent.parent):
        if (folder / DECK_FILE).is_file():
            target = file.resolve()
            return [d for d in load_deck(folder, lang).diagnostics
                    if d.file is not None and d.file.resolve() == target]
    return check_card_file(file, lang)


def summary(diagnostics: list[Diagnostic], decks: int, files: int, lang: str = "nl") -> str:
    """``2 errors, 1 warning in 1 deck`` (or in Dutch: ``2 fouten, 1 waarschuwing in 1 deck``)."""
    n_errors, n_warnings = summary_counts(diagnostics)

    def count(n: int, word: str) -> str:
        return f"{n} {say(WORDS, word + ('_one' if n == 1 else '_many'), lang)}"

    places = [count(decks, "deck")] if decks or not files else []
    if files:
        places.append(count(files, "file"))
    where = say(WORDS, "and", lang).join(places)
    return f"{count(n_errors, 'error')}, {count(n_warnings, 'warning')} " \
           f"{say(WORDS, 'in', lang)} {where}"


#: Words of the summary line: key -> (English, Dutch).
WORDS: dict[str, tuple[str, str]] = {
    "error_one": ("error", "fout"),
    "error_many": ("errors", "fouten"),
    "warning_one": ("warning", "waarschuwing"),
    "warning_many": ("warnings", "waarschuwingen"),
    "deck_one": ("deck", "deck"),
    "deck_many": ("decks", "decks"),
    "file_one": ("file", "bestand"),
    "file_many": ("files", "bestanden"),
    "and": (" and ", " en "),
    "in": ("in", "in"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    "no_such_path": ("validate: '{path}' does not exist", "validate: '{path}' bestaat niet"),
}
