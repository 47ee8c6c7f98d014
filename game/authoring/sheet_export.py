"""``main.py sheet export DECK FILE.xlsx``: a checked deck as a workbook to edit in a spreadsheet.

The sheets and columns are those of :mod:`game.authoring.sheet_layout`, named in the language
asked for. Every sheet has a frozen header row, its columns sized to what they hold and its
texts wrapped; on the card sheet each card starts below a line, and the cells that take one of
a few values (yes/no, a character, how a meter collapses) offer them as a list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from game.format.deck import Deck
from game.format.models import Card, FollowUp, Range
from game.authoring.assets import relative_name
from game.authoring.loader import CARDS_DIR, LoadResult
from game.authoring.sheet_layout import (ADVICE, CARDS, CHARACTERS, DECK, DECK_FILE_NAME,
                                         OPTION_MODEL, SHEETS, Column, Header, SheetSpec,
                                         default_of, headers, sheet_name)
from game.language.catalog import load_catalog

#: How many rows the lists offered in a column reach below the last row written.
_SPARE_ROWS = 500
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F0")
_HEADER_FONT = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CARD_START = Border(top=Side(style="thin", color="7F8FA6"))
#: The note on a column's header that says how its cells are written, by column key or kind.
_ADVICE = {"card_id": "card_id", "file": "file", "range": "range", "follow_ups": "follow_ups",
           "bool": "bool", "int": "number", "list": "list"}
#: The height of one line of text in a cell, in points, and the most lines a row shows.
_LINE_HEIGHT = 15
_MAX_LINES = 8


def export_workbook(result: LoadResult, lang: str) -> Workbook:
    """The workbook of a deck that loaded without errors, its sheets named in ``lang``."""
    deck = result.deck
    assert deck is not None, "only a deck without errors is exported"
    book = Workbook()
    book.remove(book.active)
    files = _card_files(result)
    for spec in SHEETS:
        sheet = book.create_sheet(sheet_name(spec, lang))
        if spec is CARDS:
            _BookWriter(deck, lang).cards(sheet, [(c, files.get(c.id, "")) for c in
                                                  deck.cards.values()])
        else:
            items = [deck.spec] if spec is DECK else list(getattr(deck.spec, spec.key))
            _BookWriter(deck, lang).items(sheet, spec, items)
    return book


def write_workbook(result: LoadResult, file: Path, lang: str) -> None:
    """Write the deck's workbook to ``file`` (OSError when it cannot be written)."""
    export_workbook(result, lang).save(file)


def _card_files(result: LoadResult) -> dict[str, str]:
    """The file each card is written in, as the card sheet names it (``deck.yaml``,
    ``4a-privacy.yaml`` for ``cards/4a-privacy.yaml``)."""
    found: dict[str, str] = {}
    for doc in result.files:
        name = relative_name(doc.file, result.folder)
        if name.startswith(CARDS_DIR + "/"):
            name = name[len(CARDS_DIR) + 1:]
        elif name != DECK_FILE_NAME:
            continue
        cards = doc.data.get("cards") if isinstance(doc.data, dict) else None
        for card in cards if isinstance(cards, list) else []:
            if isinstance(card, dict) and isinstance(card.get("id"), str):
                found.setdefault(card["id"], name)
    return found


def _text_forms(spec: SheetSpec, items: list[BaseModel],
                options: list[BaseModel]) -> tuple[set, set]:
    """The text fields (level + path) some item writes as one plain string, and those some
    item writes per language."""
    plain, per_language = set(), set()
    for column in spec.columns:
        if column.kind != "text":
            continue
        owners = options if column.level == "option" else items
        values = [_value(owner, column.field) for owner in owners]
        if any(isinstance(v, str) for v in values):
            plain.add((column.level,) + column.field)
        if any(isinstance(v, dict) for v in values):
            per_language.add((column.level,) + column.field)
    return plain, per_language


def _value(item: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if item is None:
            return None
        item = item.get(part) if isinstance(item, dict) else getattr(item, part, None)
    return item


class _BookWriter:
    """Writes the sheets of one deck."""

    def __init__(self, deck: Deck, lang: str) -> None:
        self.deck = deck
        self.lang = lang
        self.words = load_catalog(lang)
        self.meters = [m.id for m in deck.meters]

    def items(self, sheet: Worksheet, spec: SheetSpec, items: list[BaseModel]) -> None:
        columns = headers(spec, self.deck.languages, self.meters, *_text_forms(spec, items, []))
        self._head(sheet, spec, columns)
        for row, item in enumerate(items, start=2):
            for index, header in enumerate(columns, start=1):
                self._put(sheet, row, index, header, spec.model, item)
        self._finish(sheet, spec, columns, len(items) + 1)

    def cards(self, sheet: Worksheet, cards: list[tuple[Card, str]]) -> None:
        options = [o for card, _ in cards for o in card.options]
        columns = headers(CARDS, self.deck.languages, self.meters,
                          *_text_forms(CARDS, [c for c, _ in cards], options))
        self._head(sheet, CARDS, columns)
        row = 2
        for card, file in cards:
            for number, option in enumerate(card.options):
                for index, header in enumerate(columns, start=1):
                    column = header.column
                    if column.level == "option":
                        self._put(sheet, row, index, header, OPTION_MODEL, option)
                    elif number == 0 and column.key == "file":
                        self._cell(sheet, row, index, file)
                    elif number == 0:
                        self._put(sheet, row, index, header, Card, card)
                    if number == 0 and row > 2:
                        sheet.cell(row, index).border = _CARD_START
                row += 1
        self._finish(sheet, CARDS, columns, row - 1)

    def _head(self, sheet: Worksheet, spec: SheetSpec, columns: list[Header]) -> None:
        for index, header in enumerate(columns, start=1):
            cell = self._cell(sheet, 1, index, header.title(self.lang))
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            advice = _ADVICE.get(header.column.key) or _ADVICE.get(header.column.kind)
            if advice:
                cell.comment = Comment(self.words.t(f"{ADVICE}.{advice}"), "dilemmaspel",
                                       height=90, width=260)
            width = max(header.column.width, len(header.title(self.lang)) + 2)
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = sheet.cell(2, spec.frozen_columns + 1)

    def _put(self, sheet: Worksheet, row: int, index: int, header: Header,
             model: type[BaseModel], item: BaseModel) -> None:
        column = header.column
        value = _value(item, header.path)
        if column.skip_default and not column.per_meter and value == default_of(model,
                                                                                column.field):
            return
        self._cell(sheet, row, index, self._shown(header, value))

    def _shown(self, header: Header, value: Any) -> Any:
        """A value as its cell shows it (None: an empty cell)."""
        kind = header.column.kind
        if value is None:
            return None
        if kind == "text":
            if isinstance(value, str):
                return None if header.lang else value
            return value.get(header.lang) if header.lang else None
        if kind == "bool":
            return self.words.t("sheet.word.yes") if value else self.words.t("sheet.word.no")
        if kind == "float":
            return int(value) if float(value).is_integer() else value
        if kind == "list":
            return ", ".join(value) or None
        if kind == "range":
            return _range(value)
        if kind == "follow_ups":
            return ", ".join(_follow_up(f) for f in value) or None
        return value

    @staticmethod
    def _cell(sheet: Worksheet, row: int, index: int, value: Any):
        cell = sheet.cell(row, index)
        if value is None or value == "":
            cell.alignment = _WRAP
            return cell
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # a text, never a formula
        cell.alignment = _WRAP
        return cell

    def _finish(self, sheet: Worksheet, spec: SheetSpec, columns: list[Header], last: int) -> None:
        """Rows as high as their wrapped texts, and lists of the values a column takes, down
        to some rows below the last."""
        for row in range(1, last + 1):
            lines = max(_lines(sheet.cell(row, index).value, header.column.width)
                        for index, header in enumerate(columns, start=1))
            sheet.row_dimensions[row].height = _LINE_HEIGHT * min(lines, _MAX_LINES) + 3
        bottom = last + _SPARE_ROWS
        yes_no = f'"{self.words.t("sheet.word.yes")},{self.words.t("sheet.word.no")}"'
        characters = quote_sheetname(sheet_name(CHARACTERS, self.lang))
        for index, header in enumerate(columns, start=1):
            column: Column = header.column
            if column.choices:
                formula = '"' + ",".join(column.choices) + '"'
            elif column.kind == "bool":
                formula = yes_no
            elif spec is CARDS and column.key == "character":
                formula = f"{characters}!$A$2:$A${len(self.deck.spec.characters) + 1}"
            else:
                continue
            letter = get_column_letter(index)
            offer = DataValidation(type="list", formula1=formula, allow_blank=True,
                                   showErrorMessage=False)
            offer.add(f"{letter}2:{letter}{bottom}")
            sheet.add_data_validation(offer)


def _lines(value: Any, width: int) -> int:
    """About how many lines a value takes when wrapped in a column ``width`` characters wide
    (spreadsheets do not size the rows of a workbook they open)."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(1, int(width * 1.1) - 2)
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


def _range(value: Range) -> str:
    low = "" if value.min is None else str(value.min)
    high = "" if value.max is None else str(value.max)
    return f"{low}..{high}"


def _follow_up(value: FollowUp) -> str:
    return f"{value.card}:{value.after}"
