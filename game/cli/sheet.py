"""``main.py sheet export DECK FILE.xlsx`` and ``main.py sheet import FILE.xlsx DIR``: a deck
written in a spreadsheet (see :mod:`game.authoring.sheet_layout`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, TextIO

from game.language.texts import KNOWN_LANGUAGES


def add_command(commands, path_type: Callable[[str], Path]) -> None:
    """Add ``sheet`` and its two commands to the command line's commands."""
    sheet = commands.add_parser(
        "sheet", help="write a deck as a spreadsheet workbook (.xlsx), or a workbook as a deck",
        description="Cards written in Excel or LibreOffice: 'export' writes a deck as a "
        "workbook with a sheet for the cards (one row per option) and one for the characters, "
        "meters, endings, dynamics, aspects, glossary and the deck itself; 'import' writes "
        "such a workbook back as a deck folder and checks it, placing every problem on its "
        "cell (FILE.xlsx:Kaarten!C12).")
    steps = sheet.add_subparsers(dest="sheet_command", metavar="STEP", required=True)
    export = steps.add_parser("export", help="write DECK as FILE.xlsx",
                              description="Write DECK (a deck folder without errors) as a "
                              "workbook. Sheet and column names are in --lang; every text has "
                              "a column per deck language.")
    export.add_argument("deck", type=path_type, metavar="DECK", help="a deck folder")
    export.add_argument("file", type=path_type, metavar="FILE.xlsx", help="the workbook to write")
    export.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None,
                        help="language of the sheet and column names and the messages "
                        "(default: the deck's first language if it is nl or en, else nl)")
    imported = steps.add_parser("import", help="write FILE.xlsx as the deck folder DIR",
                                description="Write the workbook as a deck folder (deck.yaml and "
                                "cards/*.yaml) and check it as validate does. Portraits the "
                                "characters name are copied from beside the workbook. Exit "
                                "status: 0 no errors, 1 errors, 2 DIR is in use or the workbook "
                                "cannot be read.")
    imported.add_argument("file", type=path_type, metavar="FILE.xlsx", help="the workbook")
    imported.add_argument("folder", type=path_type, metavar="DIR",
                          help="the deck folder to write; it must not exist yet or be empty")
    imported.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None,
                          help="language of the messages (default: the run's language)")


def run(args: argparse.Namespace, deck_check=None, out: TextIO | None = None,
        err: TextIO | None = None) -> int:
    """Carry out ``sheet export`` or ``sheet import``; the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    if args.sheet_command == "export":
        return _export(args.deck, args.file, args.lang, out, err)
    return _import(args.file, args.folder, args.lang, deck_check, out, err)


def _export(deck: Path, file: Path, lang: str | None, out: TextIO, err: TextIO) -> int:
    from game.authoring.loader import DECK_FILE, load_deck
    from game.authoring.messages import say
    from game.authoring.sheet_export import write_workbook
    from game.authoring.sheet_layout import SHEETS, CARDS, sheet_name

    if not (deck / DECK_FILE).is_file():
        print(say("sheet.export", "not_a_deck", lang or "nl", deck=deck), file=err)
        return 2
    result = load_deck(deck, lang or "nl")
    if lang is None:
        first = result.deck.languages[0] if result.deck and result.deck.languages else "nl"
        lang = first if first in KNOWN_LANGUAGES else "nl"
    if result.deck is None:
        for problem in result.diagnostics:
            if problem.is_error:
                print(problem.format(), file=err)
        print(say("sheet.export", "has_errors", lang, deck=deck), file=err)
        return 1
    try:
        write_workbook(result, file, lang)
    except OSError as exc:
        print(say("sheet.export", "cannot_write", lang, file=file,
                  reason=exc.strerror or str(exc)), file=err)
        return 1
    sheets = ", ".join(sheet_name(s, lang) for s in SHEETS if s is not CARDS)
    print(say("sheet.export", "written", lang, file=file, cards=len(result.deck.cards),
              sheets=sheets), file=out)
    return 0


def _import(file: Path, folder: Path, lang: str, deck_check, out: TextIO, err: TextIO) -> int:
    from game.authoring.messages import say
    from game.authoring.sheet_import import SheetUnreadable, import_sheet
    from game.authoring.validate import explain, summary

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(say("sheet.import", "not_empty", lang, folder=folder), file=err)
        return 2
    try:
        result = import_sheet(file, folder, lang, deck_check)
    except SheetUnreadable as exc:
        print(exc.diagnostic.format(), file=err)
        return 2
    except OSError as exc:
        print(say("sheet.import", "cannot_write", lang, folder=folder,
                  reason=exc.strerror or str(exc)), file=err)
        return 1
    for name in result.skipped:
        print("note: " + say("sheet.problem", "skipped_sheet", lang, sheet=name), file=out)
    print(say("sheet.import", "written", lang, folder=folder, files=", ".join(result.written)),
          file=out)
    sources = {str(doc.file): doc.source for doc in (result.load.files if result.load else [])}
    shown = "".join(explain(d, sources, Path.cwd()) for d in result.diagnostics)
    if shown:
        out.write(shown if shown.endswith("\n\n") else shown + "\n")
    print(say("sheet.import", "checked", lang,
              summary=summary(result.diagnostics, 1, 0, lang)), file=out)
    return 0 if result.ok else 1
