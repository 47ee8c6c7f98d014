"""``main.py validate PATH...``: check decks and show every problem where it is.

Each problem starts with a line ``FILE:LINE:COL: error[CODE]: message``, the form editors and CI
logs turn into links. In the text output the offending source line follows, with a caret under
the column, and the hints on their own lines, the way a compiler shows them::

    deck.yaml:12:5: error[E102]: onbekend veld 'charcter' bij deze kaart (bedoel je 'character'?)
       12 |     charcter: wethouder
          |     ^
       = hint: bedoel je 'character'?

``--format json`` prints one JSON document instead (the problems and a summary). A path may be a
deck folder, a folder of decks, or one YAML file: a file inside a deck is checked as part of that
deck (so references resolve) and only its own problems are shown; a file outside any deck is
checked on its own as a card file.

A deck without errors is also given to the caller's ``deck_check``, if any: it gets the loaded
deck, the files as read (a list of :class:`~game.authoring.yaml_reader.YamlFile`, deck file
first, each with the position of every value) and the language to word its problems in, and
returns more diagnostics. The command line passes the table's text-overflow check (W201,
:func:`game.ui.layout.fit.overflow_diagnostics`); this module imports nothing of the table.

Exit status: 0 without errors, 1 with errors (or, with ``--strict``, with warnings), 2 when a
path does not exist.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Literal, TextIO

from game.format.deck import Deck
from game.authoring.diagnostics import Diagnostic, summary_counts
from game.authoring.loader import DECK_FILE, LoadResult, discover_decks, load_card_file, load_deck
from game.authoring.messages import say
from game.authoring.yaml_reader import YamlFile, is_utf16
from game.language.catalog import load_catalog

Format = Literal["text", "json"]
#: A check run on a deck that loaded without errors, given the files as read and the language
#: to word its problems in: the table's text-overflow measurement.
DeckCheck = Callable[[Deck, list[YamlFile], str], Iterable[Diagnostic]]
#: What checking a deck or a file gave: its problems, and the files as read.
Checked = tuple[list[Diagnostic], list[YamlFile]]

#: Source lines longer than this are shown as an excerpt around the column.
EXCERPT = 100
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


@dataclass
class Report:
    """Everything one run found: the problems and the text of the files they are in."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: The bytes of each file read, by its path as the diagnostics name it.
    sources: dict[str, bytes] = field(default_factory=dict)
    decks: int = 0
    files: int = 0

    def add(self, diagnostics: list[Diagnostic], files: list[YamlFile]) -> None:
        self.diagnostics += diagnostics
        for doc in files:
            if doc.source:
                self.sources[str(doc.file)] = doc.source


def run(paths: list[str], out: TextIO, lang: str = "nl", err: TextIO | None = None, *,
        strict: bool = False, output: Format = "text", deck_check: DeckCheck | None = None) -> int:
    """Check every path, print the problems and a summary to ``out``; the exit status.

    ``deck_check`` also checks each deck that loads without errors (see the module's text).
    """
    err = err if err is not None else sys.stderr
    report = Report()
    checked: dict[Path, Checked] = {}

    def check_deck(folder: Path) -> Checked:
        """A deck's problems and files; a deck named by several paths is loaded once."""
        if folder not in checked:
            result = load_deck(folder, lang)
            checked[folder] = _with_deck_check(result, deck_check, lang), result.files
        return checked[folder]

    missing = False
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            print(say(WORDS, "no_such_path", lang, path=raw), file=err)
            missing = True
        elif path.is_dir():
            folders = [path] if (path / DECK_FILE).is_file() else discover_decks(path) or [path]
            for folder in folders:
                report.add(*check_deck(folder))
                report.decks += 1
        else:
            report.add(*_check_file(path, lang, check_deck))
            report.files += 1
    here = Path.cwd()
    if output == "json":
        out.write(json.dumps(as_json(report, here, lang), indent=2, ensure_ascii=False) + "\n")
    else:
        shown = "".join(explain(d, report.sources, here) for d in report.diagnostics)
        out.write(shown if shown.endswith("\n\n") or not shown else shown + "\n")
        if report.decks or report.files:
            print(summary(report.diagnostics, report.decks, report.files, lang), file=out)
    if missing:
        return 2
    n_errors, n_warnings = summary_counts(report.diagnostics)
    return 1 if n_errors or (strict and n_warnings) else 0


def _with_deck_check(result: LoadResult, deck_check: DeckCheck | None,
                     lang: str) -> list[Diagnostic]:
    """The load's problems, and those of ``deck_check`` when the deck loaded without errors."""
    if deck_check is None or result.deck is None:
        return result.diagnostics
    found = list(result.diagnostics) + list(deck_check(result.deck, result.files, lang))
    return sorted(found, key=Diagnostic.sort_key)


def _check_file(file: Path, lang: str, check_deck: Callable[[Path], Checked]) -> Checked:
    """The problems of one YAML file, judged within its deck when it has one."""
    for folder in (file.parent, file.parent.parent):
        if (folder / DECK_FILE).is_file():
            target = file.resolve()
            diagnostics, files = check_deck(folder)
            return [d for d in diagnostics
                    if d.file is not None and d.file.resolve() == target], files
    result = load_card_file(file, lang)
    return result.diagnostics, result.files


# -- text -------------------------------------------------------------------------------------


def explain(diagnostic: Diagnostic, sources: dict[str, bytes], relative_to: Path | None) -> str:
    """One problem as a compiler shows it: its line, the source with a caret, the hints."""
    lines = [diagnostic.format(relative_to)]  # complete on its own line, hint included
    width = max(5, len(str(diagnostic.line)))
    source = _source_line(sources.get(str(diagnostic.file)), diagnostic.line)
    if source is not None:
        text, col = _excerpt(source, max(diagnostic.col, 1))
        lines.append(f"{diagnostic.line:>{width}} | {text}".rstrip())
        # copy the tabs before the column so the caret lands under it in any terminal
        lead = "".join("\t" if c == "\t" else " " for c in text[: col - 1])
        lines.append(f"{'':>{width}} | {lead}^")
    for hint in diagnostic.hints:
        if hint != diagnostic.hint:  # that one already ends the first line
            lines.append(f"{'':>{width - 2}}= hint: {hint}")
    return "\n".join(lines) + "\n\n" if len(lines) > 1 else lines[0] + "\n"


def _source_line(source: bytes | None, line: int) -> str | None:
    """Line ``line`` (1-based) of a file's bytes as shown text (None: nothing to show)."""
    if not source or line < 1:
        return None
    lines = _lines(source)
    if line > len(lines):
        return None
    return "".join(c if c.isprintable() or c == "\t" else "\ufffd" for c in lines[line - 1])


@lru_cache(maxsize=4)
def _lines(source: bytes) -> tuple[str, ...]:
    """A file's lines, decoded once however many problems it has (up to MAX_PER_FILE)."""
    codec = "utf-16" if is_utf16(source) else "utf-8"
    text = source.decode(codec, errors="replace").removeprefix("\ufeff")
    return tuple(_LINE_BREAK.split(text))


def _excerpt(text: str, col: int) -> tuple[str, int]:
    """A long line cut to the part around ``col``, and the column within that part."""
    if len(text) <= EXCERPT:
        return text, col
    start = max(0, min(col - 1 - EXCERPT // 2, len(text) - EXCERPT))
    end = start + EXCERPT
    shown = ("..." if start else "") + text[start:end] + ("..." if end < len(text) else "")
    return shown, col - start + (3 if start else 0)


def summary(diagnostics: list[Diagnostic], decks: int, files: int, lang: str = "nl") -> str:
    """``2 errors, 1 warning in 1 deck`` (or in Dutch: ``2 fouten, 1 waarschuwing in 1 deck``)."""
    n_errors, n_warnings = summary_counts(diagnostics)

    def count(n: int, word: str) -> str:
        return load_catalog(lang).count(f"{WORDS}.{word}s", n)

    places = [count(decks, "deck")] if decks or not files else []
    if files:
        places.append(count(files, "file"))
    where = say(WORDS, "and", lang).join(places)
    return f"{count(n_errors, 'error')}, {count(n_warnings, 'warning')} " \
           f"{say(WORDS, 'in', lang)} {where}"


# -- JSON -------------------------------------------------------------------------------------


def as_json(report: Report, relative_to: Path | None, lang: str = "nl") -> dict:
    """The report as plain data: every problem, and the counts."""
    n_errors, n_warnings = summary_counts(report.diagnostics)
    return {
        "diagnostics": [_diagnostic_json(d, relative_to) for d in report.diagnostics],
        "summary": {
            "errors": n_errors,
            "warnings": n_warnings,
            "decks": report.decks,
            "files": report.files,
            "text": summary(report.diagnostics, report.decks, report.files, lang),
        },
    }


def _diagnostic_json(diagnostic: Diagnostic, relative_to: Path | None) -> dict:
    file = diagnostic.relative_file(relative_to)
    return {
        "file": file.as_posix() if file is not None else None,
        "line": diagnostic.line or None,
        "col": (diagnostic.col or 1) if diagnostic.line else None,
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "hint": "; ".join(diagnostic.hints),
    }


#: The catalog section of this command's words (``locale/<lang>/command.yaml``).
WORDS = "command.validate"
