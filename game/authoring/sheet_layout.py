"""The workbook a deck becomes: its sheets, their columns and how a cell holds a value.

This is the one place that says which columns a sheet has; :mod:`game.authoring.sheet_export`
writes a workbook by it and :mod:`game.authoring.sheet_import` reads one back by it. Every
sheet holds one row per item of a list of the deck (meters, characters, ...); the card sheet
holds one row per *option*, with the card's own fields on the card's first row only (a row
whose card columns are empty adds an option to the card above it).

A column is named in the workbook's language (``Titel``, ``Title``). A text a player reads has
one column per deck language (``Titel (nl)``, ``Titel (en)``), and one without a language
(``Naam``) where the deck writes it as one plain string; a meter value has one column per meter
(``Effect legitimiteit``). Lists are written with commas, ranges as ``3..5``, ``..40`` or
``60..``, follow-up cards as ``kaart-id:2``; an empty cell is the format's default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from game.format import models as fmt
from game.language.catalog import load_catalog

#: The catalog sections of the sheet's words (``locale/<lang>/sheet.yaml``).
NAMES = "sheet.name"
COLUMNS = "sheet.column"
ADVICE = "sheet.advice"
PROBLEMS = "sheet.problem"

#: How a cell holds its value: a text a player reads (a column per language), a word such as an
#: id (spaces around it dropped), a passage kept exactly as written, a whole number, a number,
#: yes or no, a list with commas, a range (3..5) or follow-up cards (kaart-id:2).
Kind = Literal["text", "word", "verbatim", "int", "float", "bool", "list", "range", "follow_ups"]
#: What a row of a sheet stands for; on the card sheet a column belongs to the card or the option.
Level = Literal["row", "card", "option"]
#: The deck file's name, as the card sheet's file column names it.
DECK_FILE_NAME = "deck.yaml"
#: The card file a card goes to when the file column leaves it open.
DEFAULT_CARD_FILE = "kaarten.yaml"


@dataclass(frozen=True)
class Column:
    """One column, or for a text one per language, or for ``per_meter`` one per meter."""

    #: Its name's key in the catalog section ``sheet.column``.
    key: str
    #: Where the value sits inside the row's item: ("essay", "context").
    field: tuple[str, ...]
    kind: Kind
    #: Width in characters.
    width: int
    level: Level = "row"
    #: One column per meter of the deck: the value sits at field + (meter id,).
    per_meter: bool = False
    #: Leave the cell empty when the value is the format's default (1.0 for a weight, ...).
    skip_default: bool = False
    #: The values the cell may hold, offered as a list in the spreadsheet.
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class SheetSpec:
    """One sheet: what its rows are and its columns, left to right."""

    #: Its name's key in ``sheet.name``; also the deck file's list it holds ("meters", ...).
    key: str
    #: The model of a row's item (the card sheet: of a card; its option columns: Option).
    model: type[BaseModel]
    columns: tuple[Column, ...]
    #: Columns kept in view while scrolling to the right.
    frozen_columns: int = 1


def _c(key: str, field: str, kind: Kind, width: int, level: Level = "row", **extra: Any) -> Column:
    return Column(key, tuple(field.split(".")), kind, width, level, **extra)


_CONDITIONS = (
    _c("flags", "when.flags", "list", 16, "card"),
    _c("not_flags", "when.not_flags", "list", 16, "card"),
    _c("rounds", "when.rounds", "range", 10, "card"),
    _c("condition", "when.meters", "range", 14, "card", per_meter=True),
)

CARDS = SheetSpec("cards", fmt.Card, (
    _c("card_id", "id", "word", 22, "card"),
    _c("character", "character", "word", 18, "card"),
    _c("title", "title", "text", 28, "card"),
    _c("text", "text", "text", 60, "card"),
    _c("option_id", "id", "word", 20, "option"),
    _c("option_label", "label", "text", 36, "option"),
    _c("outcome", "outcome", "text", 60, "option", skip_default=True),
    _c("effect", "effects", "int", 10, "option", per_meter=True),
    _c("set_flags", "set_flags", "list", 16, "option"),
    _c("clear_flags", "clear_flags", "list", 16, "option"),
    _c("follow_up", "follow_up", "follow_ups", 22, "option"),
    _c("aspects", "aspects", "list", 12, "card"),
    _c("weight", "weight", "float", 10, "card", skip_default=True),
    _c("repeatable", "repeatable", "bool", 12, "card", skip_default=True),
    _c("follow_up_only", "follow_up_only", "bool", 12, "card", skip_default=True),
    *_CONDITIONS,
    _c("section", "essay.section", "word", 10, "card"),
    _c("context", "essay.context", "text", 50, "card"),
    _c("quote", "essay.quote", "verbatim", 50, "card"),
    _c("question", "essay.question", "text", 40, "card"),
    _c("council_question", "council_question", "text", 40, "card"),
    _c("file", "file", "word", 30, "card"),
))

CHARACTERS = SheetSpec("characters", fmt.Character, (
    _c("id", "id", "word", 20),
    _c("name", "name", "text", 24),
    _c("role", "role", "text", 36),
    _c("portrait", "portrait", "word", 24),
    _c("colour", "colour", "word", 10),
    _c("hair", "features.hair", "word", 10, choices=fmt.HAIR_STYLES),
    _c("hair_colour", "features.hair_colour", "word", 12, choices=fmt.HAIR_COLOURS),
    _c("skin", "features.skin", "int", 8),
    _c("glasses", "features.glasses", "bool", 8),
    _c("age", "features.age", "word", 10, choices=fmt.AGES),
    _c("clothing", "features.clothing", "word", 10, choices=fmt.CLOTHES),
))

METERS = SheetSpec("meters", fmt.Meter, (
    _c("id", "id", "word", 16),
    _c("name", "label", "text", 26),
    _c("description", "description", "text", 60, skip_default=True),
    _c("start", "start", "int", 8),
    _c("min", "min", "int", 9),
    _c("max", "max", "int", 9),
    _c("collapse", "collapse", "word", 12, choices=("min", "max", "both", "none")),
))

ENDINGS = SheetSpec("endings", fmt.Ending, (
    _c("id", "id", "word", 22),
    _c("trigger", "trigger", "word", 12, choices=("collapse", "term")),
    _c("ending_meter", "meter", "word", 14),
    _c("at", "at", "word", 8, skip_default=True, choices=("min", "max")),
    _c("condition", "meters", "range", 14, per_meter=True),
    _c("best", "best", "bool", 10, skip_default=True),
    _c("title", "title", "text", 28),
    _c("text", "text", "text", 60),
))

DYNAMICS = SheetSpec("dynamics", fmt.DynamicRule, (
    _c("id", "id", "word", 24),
    _c("text", "text", "text", 50),
    _c("effect", "effects", "int", 10, per_meter=True),
    _c("flags", "when.flags", "list", 16),
    _c("not_flags", "when.not_flags", "list", 16),
    _c("rounds", "when.rounds", "range", 10),
    _c("condition", "when.meters", "range", 14, per_meter=True),
))

ASPECTS = SheetSpec("aspects", fmt.Aspect, (
    _c("id", "id", "word", 8),
    _c("name", "label", "text", 30),
    _c("aspect_question", "question", "text", 60, skip_default=True),
))

GLOSSARY = SheetSpec("glossary", fmt.GlossaryEntry, (
    _c("term", "term", "text", 22),
    _c("definition", "definition", "text", 60),
), frozen_columns=0)

DECK = SheetSpec("deck", fmt.DeckFile, (
    _c("id", "id", "word", 24),
    _c("title", "title", "text", 36),
    _c("description", "description", "text", 60, skip_default=True),
    _c("languages", "languages", "list", 10),
    _c("term_rounds", "term", "int", 10),
    _c("preview", "preview", "word", 14, choices=("none", "which", "direction")),
))

#: Every sheet, in the workbook's order: what a facilitator edits most comes first.
SHEETS: tuple[SheetSpec, ...] = (CARDS, CHARACTERS, METERS, ENDINGS, DYNAMICS, ASPECTS,
                                 GLOSSARY, DECK)
#: The model of the option columns of the card sheet.
OPTION_MODEL = fmt.Option


def sheet_name(spec: SheetSpec, lang: str) -> str:
    """The sheet's name in ``lang`` (``Kaarten``, ``Cards``)."""
    return load_catalog(lang).t(f"{NAMES}.{spec.key}")


def column_label(column: Column, lang: str) -> str:
    """The column's name in ``lang`` without a language or meter (``Titel``)."""
    return load_catalog(lang).t(f"{COLUMNS}.{column.key}")


@dataclass(frozen=True)
class Header:
    """One column of a sheet as written: a column, and its language or meter."""

    column: Column
    #: The language of a text's column ("" for the one without a language).
    lang: str = ""
    #: The meter of a per-meter column.
    meter: str = ""

    def title(self, lang: str) -> str:
        label = column_label(self.column, lang)
        if self.column.per_meter:
            return f"{label} {self.meter}"
        return f"{label} ({self.lang})" if self.lang else label

    @property
    def path(self) -> tuple[str, ...]:
        """Where the value sits inside the row's item."""
        return self.column.field + ((self.meter,) if self.meter else ())


_WITH_LANGUAGE = re.compile(r"^(.+) \(([a-z]{2,3})\)$")
_WITH_METER = re.compile(r"^(.+) (\S+)$")


def read_header(spec: SheetSpec, title: str) -> Header | None:
    """The column a header names, in Dutch or English (None: no column of this sheet)."""
    title = " ".join(title.split())
    for lang in ("nl", "en"):
        labels = {column_label(c, lang).lower(): c for c in spec.columns}
        found = labels.get(title.lower())
        if found is not None and not found.per_meter:
            return Header(found)
        match = _WITH_LANGUAGE.match(title)
        if match and (found := labels.get(match.group(1).lower())) and found.kind == "text":
            return Header(found, lang=match.group(2))
        match = _WITH_METER.match(title)
        if match and (found := labels.get(match.group(1).lower())) and found.per_meter:
            return Header(found, meter=match.group(2))
    return None


def headers(spec: SheetSpec, languages: list[str], meters: list[str],
            plain_texts: set[tuple[str, ...]] = frozenset(),
            language_texts: set[tuple[str, ...]] = frozenset()) -> list[Header]:
    """A sheet's columns for a deck with these languages and meters, left to right.

    ``plain_texts`` names the text fields (level and path) the deck writes somewhere as one
    plain string: they get a column without a language, and columns per language only when
    the deck also writes them per language somewhere (``language_texts``).
    """
    out: list[Header] = []
    for column in spec.columns:
        if column.per_meter:
            out += [Header(column, meter=m) for m in meters]
        elif column.kind == "text":
            key = (column.level,) + column.field
            if key in plain_texts:
                out.append(Header(column))
            if key not in plain_texts or key in language_texts:
                out += [Header(column, lang=lang) for lang in languages]
        else:
            out.append(Header(column))
    return out


#: The models of the parts inside an item, by (model, field).
_INNER: dict[tuple[type[BaseModel], str], type[BaseModel]] = {
    (fmt.Card, "essay"): fmt.EssayContext,
    (fmt.Card, "when"): fmt.Conditions,
    (fmt.DynamicRule, "when"): fmt.Conditions,
}


def model_at(model: type[BaseModel], path: tuple[str, ...]) -> type[BaseModel] | None:
    """The model of the part at ``path`` inside an item of ``model`` (None: not a model)."""
    for part in path:
        found = _INNER.get((model, part))
        if found is None:
            return None
        model = found
    return model


def default_of(model: type[BaseModel], path: tuple[str, ...]) -> Any:
    """The format's default of the field at ``path`` (None when it has none)."""
    owner = model_at(model, path[:-1])
    info = owner.model_fields.get(path[-1]) if owner is not None else None
    if info is None or info.is_required():
        return None
    return info.get_default(call_default_factory=True)


def required(model: type[BaseModel], path: tuple[str, ...]) -> bool:
    """Whether the field at ``path`` inside an item of ``model`` must be filled in."""
    owner = model_at(model, path[:-1])
    info = owner.model_fields.get(path[-1]) if owner is not None else None
    return info is not None and info.is_required()
