"""``main.py sheet import FILE.xlsx DIR``: a workbook made by ``sheet export`` (and edited in a
spreadsheet) written back as a deck folder, then checked as ``validate`` checks it.

Reading a sheet never judges the deck: every filled cell becomes a value in the deck files as
written (a number where a number belongs, a text where a text does), and the deck's own check
finds what is wrong. Each of its problems is then placed on the cell the value came from, as
``FILE.xlsx:Kaarten!C12: error[E103]: ...``, with the same codes ``validate`` gives; a missing
value is placed on the empty cell it belongs in. Only what is not a deck value at all (a
column no sheet has, an option above every card) is reported by the reading itself.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from game.authoring import deck_writer
from game.authoring.assets import is_inside
from game.authoring.diagnostics import Diagnostic
from game.authoring.loader import CARDS_DIR, DECK_FILE, LoadResult, load_deck
from game.authoring.messages import closest, say
from game.authoring.sheet_layout import (ADVICE, CARDS, DECK, DECK_FILE_NAME,
                                         DEFAULT_CARD_FILE, OPTION_MODEL, PROBLEMS, SHEETS,
                                         Header, SheetSpec, column_label, read_header, required,
                                         sheet_name)
from game.authoring.yaml_reader import YamlFile, YamlPath
from game.format.models import Card

#: The largest workbook read, in bytes: a deck's workbook is well under a megabyte.
MAX_BYTES = 10 * 1_048_576
#: The most rows read from one sheet.
MAX_ROWS = 5_000
#: A check run on the deck once it loads without errors (the table's text fit, W201).
DeckCheck = Callable[[Any, list[YamlFile], str], Iterable[Diagnostic]]
_YES = {"ja", "yes", "j", "y", "waar", "true", "x", "1"}
_NO = {"nee", "no", "n", "onwaar", "false", "0"}
_WHOLE = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_RANGE = re.compile(r"^\s*([+-]?\d+)?\s*\.\.\s*([+-]?\d+)?\s*$")
_FOLLOW_UP = re.compile(r"^\s*([^\s:]+)\s*(?::\s*(\S+))?\s*$")
_SPLIT = re.compile(r"[,;\n]")
_CARD_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.ya?ml$")


@dataclass(frozen=True)
class SheetDiagnostic(Diagnostic):
    """A problem placed on a cell of a workbook: ``FILE.xlsx:Kaarten!C12``."""

    #: The sheet and cell, such as ``Kaarten!C12`` ("" for the workbook as a whole).
    cell: str = ""

    def location(self, relative_to: Path | None = None) -> str:
        file = self.relative_file(relative_to)
        return f"{file}:{self.cell}" if self.cell else str(file)

    def sort_key(self, sheets: dict[str, int] | None = None) -> tuple:
        """By sheet (in ``sheets``' order, else by name), row, column and code."""
        sheet, _, cell = self.cell.partition("!")
        letters = cell.rstrip("0123456789")
        row = int(cell[len(letters):] or 0)
        order = (sheets or {}).get(sheet, len(sheets or {}))
        return (str(self.file or ""), order, sheet, row, len(letters), letters, self.code)


@dataclass
class ImportResult:
    """What importing a workbook gave."""

    #: Every problem: those of reading the workbook and those of checking the deck written,
    #: placed on their cells where they have one.
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: The deck folder's files written, relative to it.
    written: list[str] = field(default_factory=list)
    #: Sheets of the workbook that are not part of a deck.
    skipped: list[str] = field(default_factory=list)
    #: The check of the deck written (None when nothing could be written).
    load: LoadResult | None = None

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


class SheetUnreadable(Exception):
    """The workbook cannot be read at all; the message says why, in the reader's language."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def import_sheet(workbook: Path, folder: Path, lang: str = "nl",
                 deck_check: DeckCheck | None = None) -> ImportResult:
    """Write the deck in ``workbook`` into ``folder`` (which must be empty) and check it.

    Raises :class:`SheetUnreadable` when the workbook cannot be read, and OSError when the
    folder cannot be written.
    """
    workbook = Path(workbook)
    reading = _Reading(workbook, lang)
    book = _open(workbook, lang)
    try:
        reading.read(book)
    finally:
        book.close()
    result = ImportResult(skipped=reading.skipped)
    result.written = _write(reading, folder, lang)
    loaded = load_deck(folder, lang)
    found = list(loaded.diagnostics)
    if deck_check is not None and loaded.deck is not None:
        found += list(deck_check(loaded.deck, loaded.files, lang))
    places = _Places(reading, loaded.files, folder)
    placed = [places.place(d) for d in sorted(found, key=Diagnostic.sort_key)]
    on_cells = [d for d in reading.problems + placed if isinstance(d, SheetDiagnostic)]
    order = {name: index for index, name in enumerate(reading.order)}
    result.diagnostics = sorted(on_cells, key=lambda d: d.sort_key(order)) + \
        [d for d in placed if not isinstance(d, SheetDiagnostic)]
    result.load = loaded
    return result


def _open(workbook: Path, lang: str):
    def unreadable(key: str, **params: Any) -> SheetUnreadable:
        return SheetUnreadable(SheetDiagnostic(
            "E001" if key == "too_large" else "E008", say(PROBLEMS, key, lang, **params),
            workbook))

    try:
        size = workbook.stat().st_size
    except OSError:
        raise unreadable("missing", file=workbook.name) from None
    if size > MAX_BYTES:
        raise unreadable("too_large", limit=MAX_BYTES // 1_048_576)
    try:
        return load_workbook(workbook, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise unreadable("unreadable", file=workbook.name) from None


# -- reading the sheets -----------------------------------------------------------------------

#: A place in the deck files: the file (relative to the deck folder) and the path in it.
Place = tuple[str, YamlPath]


class _Reading:
    """The deck's data read from a workbook, and the cell of every value."""

    def __init__(self, workbook: Path, lang: str) -> None:
        self.workbook = workbook
        self.lang = lang
        self.problems: list[Diagnostic] = []
        self.skipped: list[str] = []
        #: The deck file's data, and each card file's cards by file name.
        self.deck: dict[str, Any] = {}
        self.card_files: dict[str, list[dict]] = {}
        #: The cell of every value written (and of every list and mapping, its first cell).
        self.cells: dict[Place, str] = {}
        #: The empty cells of each mapping written, left to right: (field path inside it, cell,
        #: whether the format requires the field).
        self.blanks: dict[Place, list[tuple[tuple[str, ...], str, bool]]] = {}
        #: The kind of the value in each cell whose kind has a form to explain (a range, ...).
        self.column_advice: dict[str, str] = {}
        #: The header of each column, by ``Sheet!C``.
        self.titles: dict[str, str] = {}
        #: The sheets read, in the workbook's order.
        self.order: list[str] = []

    def problem(self, code: str, key: str, cell: str, hint: str = "", **params: Any) -> None:
        """A problem of the workbook itself (``sheet.problem.<key>``) on ``cell``."""
        self.problems.append(SheetDiagnostic(code, say(PROBLEMS, key, self.lang, **params),
                                             self.workbook, hint=hint, cell=cell))

    def read(self, book) -> None:
        names = {name.strip().lower(): name for name in book.sheetnames}
        used: set[str] = set()
        specs: dict[str, tuple[SheetSpec, str]] = {}
        for spec in SHEETS:
            for lang in ("nl", "en"):
                name = names.get(sheet_name(spec, lang).lower())
                if name is not None and name not in used:
                    specs[spec.key] = spec, name
                    used.add(name)
                    break
        self.skipped = [name for name in book.sheetnames if name not in used]
        if CARDS.key not in specs:
            self.problem("E105", "no_cards_sheet", "", nl=sheet_name(CARDS, "nl"),
                         en=sheet_name(CARDS, "en"))
        for spec in SHEETS:
            if spec.key in specs:
                self._sheet(spec, specs[spec.key][1], book[specs[spec.key][1]])

    def _sheet(self, spec: SheetSpec, name: str, sheet) -> None:
        self.order.append(name)
        rows = sheet.iter_rows(values_only=True)
        head = next(rows, None) or ()
        columns: dict[int, Header] = {}
        seen: set[tuple] = set()
        for index, title in enumerate(head):
            if _empty(title):
                continue
            cell = _cell(name, 1, index)
            header = read_header(spec, str(title))
            if header is None:
                known = [column_label(c, self.lang) for c in spec.columns]
                near = closest(" ".join(str(title).split()).split(" (")[0], known)
                self.problem("E102", "unknown_column", cell, header=str(title), sheet=name,
                             hint=say("check.deck", "did_you_mean", self.lang, name=near)
                             if near else "")
            elif (header.column, header.lang, header.meter) in seen:
                self.problem("E005", "duplicate_column", cell, header=str(title), sheet=name)
            else:
                seen.add((header.column, header.lang, header.meter))
                columns[index] = header
                self.titles[cell.rstrip("0123456789")] = " ".join(str(title).split())
        if not columns:
            self.problem("E102", "no_header", _cell(name, 1, 0), sheet=name,
                         hint=say(ADVICE, "column", self.lang, names=", ".join(
                             column_label(c, self.lang) for c in spec.columns)))
            return
        rows_read: list[tuple[int, tuple]] = []
        for number, values in enumerate(rows, start=2):
            if all(_empty(v) for i, v in enumerate(values) if i in columns):
                continue  # empty rows cost nothing, wherever they are
            if number > MAX_ROWS + 1:
                self.problem("E011", "too_many_rows", _cell(name, number, 0), sheet=name,
                             limit=MAX_ROWS)
                break
            rows_read.append((number, values))
        if spec is CARDS:
            self._cards(name, columns, rows_read)
        elif spec is DECK:
            if rows_read:
                number, values = rows_read[0]
                self._item(self.deck, (DECK_FILE_NAME, ()), spec.model,
                           self._row(name, number, values, columns, "row"))
            for number, _ in rows_read[1:]:
                self.problem("E104", "second_deck_row", _cell(name, number, 0), sheet=name)
        else:
            items: list[dict] = []
            for number, values in rows_read:
                item: dict[str, Any] = {}
                self._item(item, (DECK_FILE_NAME, (spec.key, len(items))), spec.model,
                           self._row(name, number, values, columns, "row"))
                items.append(item)
            if items:
                self.deck[spec.key] = items

    def _row(self, sheet: str, number: int, values: tuple, columns: dict[int, Header],
             level: str) -> list[tuple[Header, Any, str]]:
        """(column, value, cell) of the row's columns of ``level``, left to right."""
        return [(header, values[index] if index < len(values) else None,
                 _cell(sheet, number, index))
                for index, header in sorted(columns.items()) if header.column.level == level]

    def _cards(self, sheet: str, columns: dict[int, Header], rows: list[tuple[int, tuple]]) -> None:
        card: dict[str, Any] | None = None
        place: Place | None = None
        file = DEFAULT_CARD_FILE
        for number, values in rows:
            own = self._row(sheet, number, values, columns, "card")
            option = self._row(sheet, number, values, columns, "option")
            starts = any(not _empty(v) for h, v, _ in own if h.column.key != "file")
            if starts or card is None and any(not _empty(v) for _, v, _ in own):
                file = self._file_name(own, file)
                cards = self.card_files.setdefault(file, [])
                card, place = {}, (file, ("cards", len(cards)))
                cards.append(card)
                self._item(card, place, Card,
                           [(h, v, c) for h, v, c in own if h.column.key != "file"])
                first_option = next((c for h, _, c in option if h.column.key == "option_label"),
                                    None)
                if first_option:
                    self.cells.setdefault((file, place[1] + ("options",)), first_option)
                    self.blanks[(file, place[1])].append((("options",), first_option, True))
            if not any(not _empty(v) for _, v, _ in option):
                continue
            if card is None or place is None:
                self.problem("E101", "option_without_card", option[0][2])
                continue
            options = card.setdefault("options", [])
            item: dict[str, Any] = {}
            self._item(item, (place[0], place[1] + ("options", len(options))), OPTION_MODEL,
                       option)
            options.append(item)

    def _file_name(self, own: list[tuple[Header, Any, str]], current: str) -> str:
        """The card file a card goes to: its file cell, else the file of the card above."""
        for header, value, cell in own:
            if header.column.key != "file" or _empty(value):
                continue
            name = str(value).strip().replace("\\", "/").removeprefix(CARDS_DIR + "/")
            if name == DECK_FILE_NAME or _CARD_FILE.match(name):
                return name
            self.problem("E301", "bad_file_name", cell, name=name)
        return current

    def _item(self, item: dict[str, Any], place: Place, model,
              cells: list[tuple[Header, Any, str]]) -> None:
        """Put a row's cells into ``item`` (a mapping at ``place``), noting every cell."""
        file, path = place
        if cells:
            self.cells.setdefault(place, cells[0][2])
        blanks = self.blanks.setdefault(place, [])
        plain_text: dict[tuple[str, ...], str] = {}
        for header, raw, cell in cells:
            column = header.column
            target = path + header.path
            if _empty(raw):
                continue
            if column.kind == "text" and not header.lang:
                plain_text[column.field] = header.title(self.lang)
            elif column.kind == "text" and column.field in plain_text:
                self.problem("E104", "both_forms", cell, plain=plain_text[column.field])
                continue
            value = _value(column.kind, raw)
            if column.kind == "text" and header.lang:
                _put(item, header.path, value, text_lang=header.lang)
                self.cells.setdefault((file, target), cell)
                target += (header.lang,)
            else:
                _put(item, header.path, value)
            self._note(file, target, value, cell)
            if column.kind in ("range", "follow_ups", "bool", "int", "float"):
                self.column_advice[cell] = column.kind
        for header, _, cell in cells:
            if _get(item, header.path[:len(header.column.field)]) is None:
                owner = path + header.column.field[:-1]
                self.blanks.setdefault((file, owner), []).append(
                    (header.column.field[-1:], cell, required(model, header.column.field)))
                if owner != path:
                    self.cells.setdefault((file, owner), cell)
            for k in range(1, len(header.path)):
                self.cells.setdefault((file, path + header.path[:k]), cell)

    def _note(self, file: str, path: YamlPath, value: Any, cell: str) -> None:
        """Note the cell of a value and of everything inside it."""
        self.cells.setdefault((file, path), cell)
        if isinstance(value, dict):
            for key, inner in value.items():
                self._note(file, path + (key,), inner, cell)
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                self._note(file, path + (index,), inner, cell)


def _cell(sheet: str, row: int, index: int) -> str:
    return f"{sheet}!{get_column_letter(index + 1)}{row}"


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _get(item: dict, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(item, dict) or part not in item:
            return None
        item = item[part]
    return item


def _put(item: dict, path: tuple[str, ...], value: Any, text_lang: str = "") -> None:
    for part in path[:-1]:
        item = item.setdefault(part, {})
    if text_lang:
        item.setdefault(path[-1], {})[text_lang] = value
    else:
        item[path[-1]] = value


def _value(kind: str, raw: Any) -> Any:
    """A cell's value as the deck file holds it: converted where the cell reads as its kind,
    else as written (the deck's check then says what is wrong with it)."""
    text = _as_text(raw)
    if kind in ("text", "verbatim", "word"):
        return text.strip() if kind == "word" else text
    if kind == "int":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return int(raw) if float(raw).is_integer() else raw
        cleaned = text.strip().replace("\u2212", "-")
        return int(cleaned) if _WHOLE.match(cleaned) else text.strip()
    if kind == "float":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return raw
        cleaned = text.strip()
        return float(cleaned.replace(",", ".")) if _NUMBER.match(cleaned) else cleaned
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        word = text.strip().lower()
        return True if word in _YES else False if word in _NO else text.strip()
    if kind == "list":
        return [part.strip() for part in _SPLIT.split(text) if part.strip()]
    if kind == "range":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
            return {"min": int(raw), "max": int(raw)}
        match = _RANGE.match(text.replace("\u2212", "-"))
        if match is None or match.group(1) is None and match.group(2) is None:
            return text.strip()
        low, high = match.groups()
        return {**({"min": int(low)} if low else {}), **({"max": int(high)} if high else {})}
    if kind == "follow_ups":
        out: list[Any] = []
        for part in (p for p in _SPLIT.split(text) if p.strip()):
            match = _FOLLOW_UP.match(part)
            if match is None:
                out.append(part.strip())
                continue
            card, after = match.groups()
            if after is None:
                out.append({"card": card})
            else:
                out.append({"card": card, "after": int(after) if _WHOLE.match(after) else after})
        return out
    return text


def _as_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return raw if isinstance(raw, str) else str(raw)


# -- writing the deck folder ------------------------------------------------------------------

#: The order of the deck file's parts, as the guide writes them.
_DECK_ORDER = ("format", "id", "title", "description", "languages", "term", "preview", "meters",
               "aspects", "characters", "endings", "glossary", "dynamics", "cards")


def _write(reading: _Reading, folder: Path, lang: str) -> list[str]:
    """Write the deck files; the files written, relative to the folder."""
    header = say("sheet.import", "comment", lang, file=reading.workbook.name)
    deck = {"format": 1, **reading.deck}
    if DECK_FILE_NAME in reading.card_files:
        deck["cards"] = reading.card_files[DECK_FILE_NAME]
    deck = {key: deck[key] for key in _DECK_ORDER if key in deck}
    texts = {DECK_FILE: deck_writer.deck_file(deck, header)}
    for name, cards in sorted(reading.card_files.items()):
        if name != DECK_FILE_NAME:
            texts[f"{CARDS_DIR}/{name}"] = deck_writer.card_file(cards, header)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return list(texts) + _copy_portraits(reading, folder)


def _copy_portraits(reading: _Reading, folder: Path) -> list[str]:
    """Copy each portrait the characters name from beside the workbook, where it is there."""
    copied = []
    source = reading.workbook.resolve().parent
    for character in reading.deck.get("characters", []):
        name = character.get("portrait")
        if not isinstance(name, str) or not name.strip():
            continue
        origin, target = source / name, folder / name
        if origin.is_file() and is_inside(origin, source) and not target.exists() \
                and is_inside(target, folder):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(origin, target)
            copied.append(name)
    return copied


# -- placing the deck's problems on cells -----------------------------------------------------


class _Places:
    """Finds the cell a problem in the written deck files is about."""

    def __init__(self, reading: _Reading, files: list[YamlFile], folder: Path) -> None:
        self.reading = reading
        self.folder = folder.resolve()
        #: For each file: (line, col) -> the paths of the values and keys there.
        self.at: dict[str, dict[tuple[int, int], list[YamlPath]]] = {}
        self.lines: dict[str, dict[int, list[YamlPath]]] = {}
        for doc in files:
            name = self._name(doc.file)
            at = self.at.setdefault(name, {})
            lines = self.lines.setdefault(name, {})
            for path, where in doc.places():
                at.setdefault(where, []).append(path)
                lines.setdefault(where[0], []).append(path)

    def _name(self, file: Path | None) -> str:
        if file is None:
            return ""
        try:
            name = file.resolve().relative_to(self.folder).as_posix()
        except ValueError:
            return ""
        return name.removeprefix(CARDS_DIR + "/") if name != DECK_FILE else name

    def place(self, diagnostic: Diagnostic) -> Diagnostic:
        """The problem on its cell, or as it is when no cell holds what it is about."""
        name = self._name(diagnostic.file)
        paths = self.at.get(name, {}).get((diagnostic.line, diagnostic.col)) or \
            self.lines.get(name, {}).get(diagnostic.line, [])
        cell = (self._missing(name, paths, diagnostic) if diagnostic.code == "E101" else None) \
            or self._holding(name, paths)
        if cell is None:
            return diagnostic
        hint, advice = diagnostic.hint, diagnostic.advice
        kind = self.reading.column_advice.get(cell)
        lang = self.reading.lang
        if diagnostic.code == "E101":
            # the format's advice shows the YAML to add; here a column is filled in
            column = self.reading.titles.get(cell.rstrip("0123456789"))
            advice = say(ADVICE, "fill_in", lang, column=column) if column else ""
        elif kind and diagnostic.code in ("E103", "E104"):
            advice = say(ADVICE, "number" if kind in ("int", "float") else kind, lang)
        return SheetDiagnostic(diagnostic.code, diagnostic.message, self.reading.workbook,
                               hint=hint, advice=advice, cell=cell)

    def _holding(self, name: str, paths: list[YamlPath]) -> str | None:
        """The cell of the most precise of these values, or of the nearest value holding it."""
        for path in sorted(set(paths), key=len, reverse=True):
            for k in range(len(path), -1, -1):
                cell = self.reading.cells.get((name, path[:k]))
                if cell:
                    return cell
        return None

    def _missing(self, name: str, paths: list[YamlPath], diagnostic: Diagnostic) -> str | None:
        """The empty cell a missing value belongs in: of the mapping the problem is placed on,
        the empty required column the message names, else its first empty required one."""
        for path in sorted(set(paths), key=len):
            blanks = [b for b in self.reading.blanks.get((name, path), []) if b[2]]
            if not blanks:
                continue
            for field_path, cell, _ in blanks:
                if f"'{field_path[-1]}'" in diagnostic.message:
                    return cell
            return blanks[0][1]
        return None
