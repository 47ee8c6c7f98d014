"""Loading a deck folder: every file read safely, every problem located, one message per mistake.

A deck is a folder with ``deck.yaml`` and optionally ``cards/*.yaml``. Loading runs in passes:

1. each file is read by :mod:`game.safe_yaml` (size, encoding, syntax, anchors, tags, keys);
2. each file is checked against the format (:mod:`game.deck_format`); pydantic's errors are
   turned into plain words and placed on the YAML line they are about;
3. references between the parts are checked (characters, follow-up cards, meters, aspects,
   languages, ids used twice), and portrait images are checked to be safe and real images.

Every problem becomes a :class:`~game.diagnostics.Diagnostic`; the :class:`~game.deck.Deck` is
built only when there are no errors. One mistake gives one message: an error is dropped when a
more precise one sits inside the same value, and each value gets at most one.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
import types
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Iterator, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from . import deck_format as fmt
from .deck import Deck
from .diagnostics import Diagnostic, summary_counts
from .safe_yaml import YamlDate, YamlFile, YamlPath, read_yaml, say, visible

DECK_FILE = "deck.yaml"
CARDS_DIR = "cards"
CARD_SUFFIXES = (".yaml", ".yml")
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_OPTION_LETTERS = "abcd"
#: Problems shown per file; past this an author is better served by fixing the first ones.
MAX_PER_FILE = 100


@dataclass
class LoadResult:
    """What loading one deck folder gave: the deck (when it has no errors) and all problems."""

    folder: Path
    deck: Deck | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.deck is not None and self.error_count == 0

    @property
    def error_count(self) -> int:
        return summary_counts(self.diagnostics)[0]

    @property
    def warning_count(self) -> int:
        return summary_counts(self.diagnostics)[1]


def discover_decks(*roots: Path) -> list[Path]:
    """The sub-folders of ``roots`` that hold a deck file, sorted by name within each root."""
    found: list[Path] = []
    for root in roots:
        root = Path(root)
        if not root.is_dir():
            continue
        for child in sorted(root.iterdir(), key=lambda p: p.name):
            if child.is_dir() and (child / DECK_FILE).is_file() and child not in found:
                found.append(child)
    return found


def load_deck(folder: Path, lang: str = "nl") -> LoadResult:
    """Read, check and build the deck in ``folder``; messages are worded in ``lang``."""
    return _DeckLoader(Path(folder), lang).load()


def check_card_file(file: Path, lang: str = "nl") -> list[Diagnostic]:
    """Check one card file on its own: its YAML, its format and its own ids."""
    file = Path(file)
    issues = _Issues(lang)
    doc = read_yaml(file, lang)
    issues.read(doc)
    if doc.readable:
        issues.schema(doc, fmt.CardFile)
        cards = [(doc, ("cards", i), c) for i, c in _dicts(_get(doc.data, ("cards",)))]
        _CrossCheck(issues, file.parent, {}, cards, cards_complete=False).ids_only()
    return issues.result()


# -- collecting issues ----------------------------------------------------------------------


@dataclass
class _Issue:
    doc: YamlFile
    #: The value the issue is about (for an unknown or missing field: the field's own path).
    path: YamlPath
    where: tuple[int, int]
    code: str
    message: str
    hint: str = ""


class _Issues:
    """All issues of one load, reduced to one per value at the end."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.reading: list[Diagnostic] = []
        self.located: list[_Issue] = []

    def read(self, doc: YamlFile) -> None:
        self.reading.extend(doc.diagnostics)

    def add(self, doc: YamlFile, at: YamlPath, code: str, message_key: str, /, *,
            at_key: bool = False, hint: str = "", **params: Any) -> None:
        """An issue about the value (or, with ``at_key``, the key) at path ``at``."""
        if doc.is_flagged(at):
            return
        where = doc.key_position(at) if at_key else doc.position(at)
        message = say(MESSAGES, message_key, self.lang, **params)
        self.located.append(_Issue(doc, at, where, code, message, hint))

    def file_issue(self, file: Path, code: str, message_key: str, /, **params: Any) -> None:
        message = say(MESSAGES, message_key, self.lang, **params)
        self.reading.append(Diagnostic(code, message, file, 1, 1))

    def schema(self, doc: YamlFile, model: type[BaseModel]) -> BaseModel | None:
        """Validate a file against ``model``; the model when valid, else None (issues added)."""
        try:
            return model.model_validate(doc.data)
        except ValidationError as exc:
            for path, where, code, message, hint in _explain_errors(doc, model, exc, self.lang):
                # what was refused while reading is reported once, by the reader
                if not doc.is_flagged(path) and not (path and doc.holds_flagged(path)):
                    self.located.append(_Issue(doc, path, where, code, message, hint))
            return None

    def result(self) -> list[Diagnostic]:
        seen: set[tuple[str, YamlPath]] = set()
        found = list(self.reading)
        for issue in self.located:  # schema issues come first, so they win over later ones
            key = (str(issue.doc.file), issue.path)
            if key in seen:
                continue
            seen.add(key)
            found.append(Diagnostic(issue.code, issue.message, issue.doc.file, *issue.where,
                                    hint=issue.hint))
        out: list[Diagnostic] = []
        per_file: dict[str, int] = {}
        for diagnostic in sorted(found, key=Diagnostic.sort_key):
            name = str(diagnostic.file)
            per_file[name] = per_file.get(name, 0) + 1
            if per_file[name] <= MAX_PER_FILE:
                out.append(diagnostic)
            elif per_file[name] == MAX_PER_FILE + 1:
                out.append(Diagnostic(
                    "E010", say(MESSAGES, "too_many", self.lang, limit=MAX_PER_FILE),
                    diagnostic.file, diagnostic.line, diagnostic.col))
        return out


# -- one deck -------------------------------------------------------------------------------


class _DeckLoader:
    def __init__(self, folder: Path, lang: str) -> None:
        self.folder = folder
        self.lang = lang
        self.issues = _Issues(lang)
        self.docs: list[YamlFile] = []

    def load(self) -> LoadResult:
        result = LoadResult(self.folder)
        deck_path = self.folder / DECK_FILE
        deck_doc = None
        if deck_path.is_file():
            deck_doc = self._read(deck_path)
        else:
            self.issues.file_issue(deck_path, "E105", "no_deck_file")
        usable = deck_doc is not None and deck_doc.readable
        if usable and not self._format_ok(deck_doc):
            result.diagnostics = self.issues.result()
            return result  # a deck in another format is not judged by this one's rules

        spec = self.issues.schema(deck_doc, fmt.DeckFile) if usable else None
        card_docs, complete = self._card_files()
        card_models: list[fmt.CardFile | None] = [
            self.issues.schema(doc, fmt.CardFile) for doc in card_docs
        ]
        complete = complete and all(
            isinstance(_get(d.data, ("cards",)) or [], list) for d in [deck_doc, *card_docs] if d)
        cards: list[_CardRef] = []
        images: list[Path] = []
        for doc in ([deck_doc] if usable else []) + card_docs:
            cards += [(doc, ("cards", i), c) for i, c in _dicts(_get(doc.data, ("cards",)))]
        if usable:
            images = _CrossCheck(self.issues, self.folder, deck_doc.data, cards, complete,
                                 deck_doc).run()
        else:
            _CrossCheck(self.issues, self.folder, {}, cards, False).ids_only()

        result.diagnostics = self.issues.result()
        if result.error_count == 0 and spec is not None and None not in card_models:
            all_cards = list(spec.cards) + [c for m in card_models for c in m.cards]
            result.deck = Deck(
                spec=spec,
                cards={c.id: c for c in all_cards},
                folder=self.folder.resolve(),
                content_hash=self._hash(images),
            )
        return result

    def _format_ok(self, doc: YamlFile) -> bool:
        """Report a format other than 1 (a missing one is reported by the format check)."""
        if not isinstance(doc.data, dict) or "format" not in doc.data:
            return True
        version = doc.data["format"]
        if type(version) is int and version == fmt.FORMAT_VERSION:
            return True
        self.issues.add(doc, ("format",), "E106", "format", value=_show(version))
        return False

    def _read(self, file: Path) -> YamlFile | None:
        if not _inside(file, self.folder):
            self.issues.file_issue(file, "E301", "file_outside")
            return None
        doc = read_yaml(file, self.lang)
        self.issues.read(doc)
        self.docs.append(doc)
        return doc

    def _card_files(self) -> tuple[list[YamlFile], bool]:
        """The readable card files in name order, and whether every card file could be read."""
        folder = self.folder / CARDS_DIR
        if not folder.is_dir():
            return [], True
        files = sorted((p for p in folder.iterdir() if p.suffix in CARD_SUFFIXES),
                       key=lambda p: p.name)
        docs = [self._read(f) for f in files]
        readable = [d for d in docs if d is not None and d.readable]
        return readable, len(readable) == len(files)

    def _hash(self, images: list[Path]) -> str:
        digest = hashlib.sha256()
        entries = [(self._relative(d.file), d.source, None) for d in self.docs]
        entries += [(self._relative(p), None, p) for p in images]
        for name, data, path in sorted(entries, key=lambda e: e[0]):
            digest.update(name.encode("utf-8") + b"\0")
            if data is not None:
                digest.update(data)
            else:
                with open(path, "rb") as handle:
                    for block in iter(lambda: handle.read(65536), b""):
                        digest.update(block)
            digest.update(b"\0")
        return digest.hexdigest()

    def _relative(self, file: Path) -> str:
        return PurePosixPath(*file.relative_to(self.folder).parts).as_posix()


# -- the format's errors in plain words -------------------------------------------------------


_TYPE_ERRORS = {"string_type", "text_type", "int_type", "float_type", "bool_type", "list_type",
                "dict_type", "model_type"}
_TEXT_ERRORS = {"string_type", "text_type"}


def _members(tp: Any) -> list[Any]:
    """The alternatives a type allows (None left out); a player text counts as one."""
    if _is_text(tp):
        return [tp]
    if get_origin(tp) is Annotated:
        return _members(get_args(tp)[0])
    if get_origin(tp) in (Union, types.UnionType):
        return [m for arg in get_args(tp) if arg is not type(None) for m in _members(arg)]
    return [tp]


def _is_text(tp: Any) -> bool:
    return tp == fmt.Text


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _child_types(tp: Any, part: Any) -> list[Any]:
    """The types a value inside ``tp`` at key or index ``part`` may have."""
    out: list[Any] = []
    for member in _members(tp):
        if _is_model(member) and part in member.model_fields:
            out.append(member.model_fields[part].rebuild_annotation())
        elif get_origin(member) is list and isinstance(part, int):
            out.append(get_args(member)[0])
        elif get_origin(member) is dict and part != "[key]":
            out.append(get_args(member)[1])
    return out


def _tag(tp: Any) -> str:
    """The name pydantic gives a union alternative in an error location."""
    if _is_model(tp):
        return tp.__name__
    if get_origin(tp) is list:
        return f"list[{_tag(_members(get_args(tp)[0])[0])}]"
    return str(tp)


def _types_at(root: Any, loc: tuple) -> list[Any]:
    """The alternatives the format allows at a pydantic error location."""
    return list(_types_at_cached(root, tuple(0 if type(p) is int else p for p in loc)))


@functools.lru_cache(maxsize=1024)
def _types_at_cached(root: Any, loc: tuple) -> tuple[Any, ...]:
    current = _members(root)
    for part in loc:
        tagged = [m for m in current if isinstance(part, str) and _tag(m) == part]
        if tagged:
            current = tagged
            continue
        following = [m for t in current for m in _members_of(_child_types(t, part))]
        if following:
            current = following
    return tuple(current)


def _members_of(tps: list[Any]) -> list[Any]:
    return [m for tp in tps for m in _members(tp)]


def _data_path(data: Any, loc: tuple) -> YamlPath:
    """The part of a pydantic location that exists in the data (union tags are left out)."""
    path: list[Any] = []
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str) and part in data:
            data = data[part]
        elif isinstance(data, list) and type(part) is int and 0 <= part < len(data):
            data = data[part]
        else:
            continue
        path.append(part)
    return tuple(path)


@dataclass
class _Raw:
    err: dict
    path: YamlPath
    logical: YamlPath


def _explain_errors(doc: YamlFile, model: type[BaseModel], exc: ValidationError,
                   lang: str) -> list[tuple[YamlPath, tuple[int, int], str, str, str]]:
    """pydantic's errors as (path, (line, col), code, message, hint), one per value."""
    raws: list[_Raw] = []
    for err in exc.errors(include_url=False):
        if err["type"] == "duplicate_option":
            continue  # reported precisely by the id check
        path = _data_path(doc.data, err["loc"])
        key = (err.get("ctx") or {}).get("key")
        value = _get(doc.data, path)
        if err["type"] in ("text_type", "text_language") and isinstance(value, dict) \
                and key in value:
            path += (key,)
        logical = path + (err["loc"][-1],) if err["type"] == "missing" else path
        raws.append(_Raw(err, path, logical))
    # an error is dropped when a more precise one sits inside the same value
    inner = {r.logical[:k] for r in raws for k in range(len(r.logical))}
    raws = [r for r in raws if r.logical not in inner]
    groups: dict[YamlPath, list[_Raw]] = {}
    for raw in raws:
        groups.setdefault(raw.logical, []).append(raw)
    words = _Words(doc, model, lang)
    # explaining is the slow part; past twice what is shown, the rest would be cut anyway
    return [words.explain(group) for group in list(groups.values())[: 2 * MAX_PER_FILE]]


class _Words:
    """Turns the pydantic errors about one value into one located message."""

    def __init__(self, doc: YamlFile, model: type[BaseModel], lang: str) -> None:
        self.doc, self.model, self.lang = doc, model, lang

    def say(self, key: str, **params: Any) -> str:
        return say(SCHEMA_MESSAGES, key, self.lang, **params)

    def explain(self, group: list[_Raw]) -> tuple[YamlPath, tuple[int, int], str, str, str]:
        first = group[0]
        err, path = first.err, first.path
        kind = err["type"]
        where = self.doc.position(path)
        if all(r.err["type"] in _TYPE_ERRORS for r in group):
            code, message, hint = self._wrong_type(group)
            return first.logical, where, code, message, hint
        if kind == "missing":
            noun = self._noun(err["loc"][:-1], 0)
            return first.logical, where, "E101", self.say(
                "missing", field=err["loc"][-1], this=noun), ""
        if kind == "extra_forbidden":
            name = str(err["loc"][-1])
            allowed = [f for m in _types_at(self.model, err["loc"][:-1]) if _is_model(m)
                       for f in m.model_fields]
            hint = did_you_mean(name, allowed, self.lang) or self.say(
                "allowed", fields=", ".join(allowed))
            return first.logical, self.doc.key_position(path), "E102", self.say(
                "unknown_field", field=name, this=self._noun(err["loc"][:-1], 0)), hint
        if kind == "text_language":
            return first.logical, self.doc.key_position(path), "E104", self.say(
                "not_language", value=_short(path[-1] if path else "")), ""
        if kind == "ending_meter":
            return first.logical, where, "E101", self.say("ending_meter"), ""
        return first.logical, where, "E104", self._invalid(err, path), ""

    def _noun(self, loc: tuple, which: int) -> str:
        for m in _types_at(self.model, loc):
            if _is_model(m) and m.__name__ in NOUNS:
                return NOUNS[m.__name__][1 if self.lang == "nl" else 0][which]
        return self.say("this_part") if which == 0 else self.say("items")

    def _wrong_type(self, group: list[_Raw]) -> tuple[str, str, str]:
        path = group[0].path
        value = _get(self.doc.data, path)
        info = self.doc.scalar(path)
        if any(r.err["type"] in _TEXT_ERRORS for r in group) and not isinstance(value, str) \
                and info is not None and info.plain and info.raw:
            return "E006", self.say("unquoted", raw=info.raw, kind=self.say("is_" + info.kind)), ""
        expects: list[str] = []
        for raw in group:
            what = self._expected(raw.err)
            if what not in expects:
                expects.append(what)
        hint = ""
        if isinstance(value, str) and info is not None and not info.plain:
            plain_kind = _plain_kind(value)
            if plain_kind in ("int", "float", "bool") and any(
                    r.err["type"] in ("int_type", "float_type", "bool_type") for r in group):
                hint = self.say("remove_quotes")
        message = self.say("wrong_type", what=self.say("or").join(expects), got=self._got(value))
        return "E103", message, hint

    def _expected(self, err: dict) -> str:
        kind, loc = err["type"], err["loc"]
        if kind == "model_type":
            for m in _types_at(self.model, loc):
                if _is_model(m):
                    return self.say("a_model", a=self._noun_of(m, 1), fields=_fields(m))
        if kind == "list_type":
            for m in _types_at(self.model, loc):
                if get_origin(m) is list:
                    item = _members(get_args(m)[0])[0]
                    if _is_model(item):
                        return self.say("list_of", items=self._noun_of(item, 2))
            return self.say("a_list")
        if kind == "dict_type":
            for m in _types_at(self.model, loc):
                if get_origin(m) is dict:
                    value_type = _members(get_args(m)[1])[0]
                    if value_type is int:
                        return self.say("effects_mapping")
                    if value_type is fmt.Range:
                        return self.say("ranges_mapping")
            return self.say("a_mapping")
        return self.say({"string_type": "text", "text_type": "text_or_languages",
                         "int_type": "whole_number", "float_type": "number",
                         "bool_type": "true_false"}.get(kind, "a_mapping"))

    def _noun_of(self, model: type[BaseModel], which: int) -> str:
        names = NOUNS.get(model.__name__)
        return names[1 if self.lang == "nl" else 0][which] if names else model.__name__

    def _got(self, value: Any) -> str:
        if isinstance(value, bool):
            return self.say("is_bool")
        if isinstance(value, (int, float)):
            return self.say("is_int")
        if isinstance(value, str):
            return self.say("is_str")
        if isinstance(value, list):
            return self.say("a_list_found")
        if isinstance(value, dict):
            return self.say("a_mapping")
        if isinstance(value, YamlDate):
            return self.say("is_timestamp")
        return self.say("nothing")

    def _invalid(self, err: dict, path: YamlPath) -> str:
        kind, ctx = err["type"], err.get("ctx") or {}
        info = self.doc.scalar(path)
        value = _short(info.raw if info is not None else err.get("input"))
        if kind == "literal_error":
            choices = [f"'{c}'" for m in _types_at(self.model, err["loc"])
                       if get_origin(m) is Literal for c in get_args(m)]
            listed = ", ".join(choices[:-1]) + self.say("or") + choices[-1] \
                if len(choices) > 1 else ctx.get("expected", "")
            return self.say("one_of", value=value, choices=listed)
        if kind == "string_pattern_mismatch":
            key = _PATTERNS.get(ctx.get("pattern", ""), "pattern")
            return self.say(key, value=value)
        if kind == "string_too_long":
            return self.say("too_long_text", max=ctx.get("max_length"))
        if kind in ("too_short", "too_long"):
            items = self._items(err["loc"])
            key = "too_few" if kind == "too_short" else "too_many"
            return self.say(key, n=ctx.get("min_length", ctx.get("max_length")),
                            items=items, actual=ctx.get("actual_length"))
        if kind in _BOUNDS:
            return self.say(_BOUNDS[kind], limit=_number(next(iter(ctx.values()), "")))
        if kind in ("range_order", "meter_range", "meter_start"):
            return self.say(kind, **ctx)
        return err.get("msg", "")

    def _items(self, loc: tuple) -> str:
        for m in _types_at(self.model, loc):
            if get_origin(m) is list:
                item = _members(get_args(m)[0])[0]
                if _is_model(item):
                    return self._noun_of(item, 2)
        return self.say("items")


_PATTERNS = {
    "^[a-z0-9][a-z0-9_-]*$": "bad_id",
    fmt.SECTION: "bad_section",
    "^#[0-9a-fA-F]{6}$": "bad_colour",
    fmt.LANGUAGE_CODE.pattern: "bad_language",
}
_BOUNDS = {"greater_than_equal": "at_least", "less_than_equal": "at_most",
           "greater_than": "above", "less_than": "below"}


def _fields(model: type[BaseModel]) -> str:
    required = [n for n, f in model.model_fields.items() if f.is_required()]
    optional = [n for n, f in model.model_fields.items() if not f.is_required()]
    names = (required + optional)[:4]
    return ", ".join(names) + (", ..." if len(model.model_fields) > 4 else "")


def _plain_kind(raw: str) -> str:
    """What YAML would read ``raw`` as if it were written without quotes."""
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, raw, (True, False))
    return tag.rsplit(":", 1)[-1]


def _short(value: Any) -> str:
    return visible(_show(value) if not isinstance(value, (dict, list)) else "...", 40)


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


#: Names of the format's parts: model -> ((English: this, a, plural), (Dutch: this, a, plural)).
NOUNS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "DeckFile": (("this deck file", "a deck file", "deck files"),
                 ("dit deckbestand", "een deckbestand", "deckbestanden")),
    "CardFile": (("this card file", "a card file", "card files"),
                 ("dit kaartbestand", "een kaartbestand", "kaartbestanden")),
    "Card": (("this card", "a card", "cards"), ("deze kaart", "een kaart", "kaarten")),
    "Option": (("this option", "an option", "options"), ("deze optie", "een optie", "opties")),
    "FollowUp": (("this follow-up", "a follow-up", "follow-ups"),
                 ("dit vervolg", "een vervolg", "vervolgen")),
    "Conditions": (("these conditions", "conditions", "conditions"),
                   ("deze voorwaarden", "voorwaarden", "voorwaarden")),
    "Range": (("this range", "a range", "ranges"), ("dit bereik", "een bereik", "bereiken")),
    "EssayContext": (("this essay context", "an essay context", "essay contexts"),
                     ("deze essaycontext", "een essaycontext", "essaycontexten")),
    "Meter": (("this meter", "a meter", "meters"), ("deze meter", "een meter", "meters")),
    "Ending": (("this ending", "an ending", "endings"), ("dit einde", "een einde", "eindes")),
    "Character": (("this character", "a character", "characters"),
                  ("dit personage", "een personage", "personages")),
    "Aspect": (("this aspect", "an aspect", "aspects"),
               ("dit aspect", "een aspect", "aspecten")),
    "GlossaryEntry": (("this glossary entry", "a glossary entry", "glossary entries"),
                      ("dit begrip", "een begrip", "begrippen")),
}

#: Messages about the format: key -> (English, Dutch).
SCHEMA_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("{this} has no '{field}'", "'{field}' ontbreekt bij {this}"),
    "unknown_field": ("unknown field '{field}' in {this}", "onbekend veld '{field}' bij {this}"),
    "allowed": ("allowed here: {fields}", "hier kan: {fields}"),
    "this_part": ("this part", "dit onderdeel"),
    "items": ("items", "items"),
    "wrong_type": ("expected {what}, found {got}", "hier hoort {what}, maar er staat {got}"),
    "or": (" or ", " of "),
    "unquoted": (
        "`{raw}` is read by YAML as {kind}, not as text; put it in quotes: \"{raw}\"",
        "YAML leest `{raw}` als {kind}, niet als tekst; zet het tussen aanhalingstekens: "
        "\"{raw}\"",
    ),
    "remove_quotes": ("remove the quotes", "haal de aanhalingstekens weg"),
    "is_bool": ("a yes/no value", "een ja/nee-waarde"),
    "is_int": ("a number", "een getal"),
    "is_float": ("a number", "een getal"),
    "is_null": ("an empty value", "een lege waarde"),
    "is_timestamp": ("a date", "een datum"),
    "is_str": ("text", "tekst"),
    "nothing": ("nothing", "niets"),
    "text": ("text", "tekst"),
    "text_or_languages": ("text, or one text per language (nl: ..., en: ...)",
                          "tekst, of één tekst per taal (nl: ..., en: ...)"),
    "whole_number": ("a whole number", "een geheel getal"),
    "number": ("a number", "een getal"),
    "true_false": ("true or false", "true of false"),
    "a_model": ("{a} (with {fields})", "{a} (met {fields})"),
    "list_of": ("a list of {items}", "een lijst met {items}"),
    "a_list": ("a list such as [a, b]", "een lijst zoals [a, b]"),
    "a_list_found": ("a list", "een lijst"),
    "a_mapping": ("a mapping ('name: value' lines)", "een mapping ('naam: waarde'-regels)"),
    "effects_mapping": ("meter changes such as 'legitimacy: -10'",
                        "meterwijzigingen zoals 'legitimiteit: -10'"),
    "ranges_mapping": ("meter ranges such as 'legitimacy: {{max: 40}}'",
                       "meterbereiken zoals 'legitimiteit: {{max: 40}}'"),
    "one_of": ("'{value}' is not allowed here; choose one of {choices}",
               "'{value}' kan hier niet; kies uit {choices}"),
    "bad_id": ("'{value}' cannot be an id: use only lower-case letters, digits, - and _",
               "'{value}' kan geen id zijn: gebruik alleen kleine letters, cijfers, - en _"),
    "bad_section": ("'{value}' is not an essay section such as 4b or 6d",
                    "'{value}' is geen essayparagraaf zoals 4b of 6d"),
    "bad_colour": ("'{value}' is not a colour written as #rrggbb",
                   "'{value}' is geen kleur in de vorm #rrggbb"),
    "bad_language": ("'{value}' is not a language code such as nl or en",
                     "'{value}' is geen taalcode zoals nl of en"),
    "not_language": ("'{value}' is not a language code such as nl or en",
                     "'{value}' is geen taalcode zoals nl of en"),
    "pattern": ("'{value}' is not written in the expected form",
                "'{value}' staat niet in de verwachte vorm"),
    "too_long_text": ("this is too long: at most {max} characters",
                      "dit is te lang: hooguit {max} tekens"),
    "too_few": ("needs at least {n} {items}; there are {actual}",
                "moet minstens {n} {items} hebben; er zijn er {actual}"),
    "too_many": ("may have at most {n} {items}; there are {actual}",
                 "mag hooguit {n} {items} hebben; er zijn er {actual}"),
    "at_least": ("must be at least {limit}", "moet minstens {limit} zijn"),
    "at_most": ("must be at most {limit}", "mag hooguit {limit} zijn"),
    "above": ("must be above {limit}", "moet boven {limit} liggen"),
    "below": ("must be below {limit}", "moet onder {limit} liggen"),
    "range_order": ("min ({lo}) is above max ({hi})", "min ({lo}) ligt boven max ({hi})"),
    "meter_range": ("min must be below max", "min moet onder max liggen"),
    "meter_start": ("start ({start}) is outside {lo}..{hi}",
                    "start ({start}) ligt buiten {lo}..{hi}"),
    "ending_meter": ("a collapse ending needs 'meter': the meter that collapses",
                     "een collapse-einde heeft 'meter' nodig: de meter die instort"),
}


# -- references between the parts -----------------------------------------------------------


_CardRef = tuple[YamlFile, YamlPath, dict]


class _CrossCheck:
    """Checks that need the whole deck: ids, references, languages, images, warnings."""

    def __init__(self, issues: _Issues, folder: Path, deck: Any, cards: list[_CardRef],
                 cards_complete: bool, deck_doc: YamlFile | None = None) -> None:
        self.issues = issues
        self.folder = folder
        self.deck = deck if isinstance(deck, dict) else {}
        self.deck_doc = deck_doc
        self.cards = cards
        self.cards_complete = cards_complete
        self.first_seen: dict[tuple[str, str], tuple[YamlFile, YamlPath]] = {}

    def ids_only(self) -> None:
        self._card_ids()

    def run(self) -> list[Path]:
        """Run every check; the portrait images that are fine (for the content hash)."""
        doc = self.deck_doc
        declared = {}
        for section, kind in (("meters", "meter"), ("characters", "character"),
                              ("endings", "ending"), ("aspects", "aspect")):
            declared[section] = self._section_ids(section, kind)
        card_ids = self._card_ids()
        self._characters(declared["characters"])
        self._follow_ups(card_ids if self.cards_complete else None)
        self._meters(declared["meters"])
        self._aspects(declared["aspects"])
        self._languages()
        images = self._portraits()
        endings = self.deck.get("endings", [])
        if isinstance(endings, list) and not any(
            isinstance(e, dict) and e.get("trigger") == "term" for e in endings
        ):
            self.issues.add(doc, ("endings",), "W002", "no_term_ending", at_key=True)
        if self.cards_complete and not self.cards:
            self.issues.add(doc, ("cards",), "W003", "no_cards", at_key=True)
        return images

    def _duplicate(self, kind: str, value: Any, doc: YamlFile, path: YamlPath,
                   scope: str = "") -> None:
        if not isinstance(value, str):
            return
        first_doc, first_path = self.first_seen.setdefault((kind + scope, value), (doc, path))
        if first_doc is not doc or first_path != path:
            line = first_doc.position(first_path)[0]
            where = f"{self._name(first_doc)}:{line}"
            self.issues.add(doc, path, "E204", "duplicate_id",
                            kind=say(KINDS, kind, self.issues.lang), id=visible(value),
                            where=where)

    def _name(self, doc: YamlFile) -> str:
        try:
            return PurePosixPath(*doc.file.relative_to(self.folder).parts).as_posix()
        except ValueError:
            return doc.file.name

    def _section_ids(self, section: str, kind: str) -> set[str] | None:
        """The ids a deck section declares (None when the section is not a list)."""
        items = self.deck.get(section, [])
        if not isinstance(items, list):
            return None
        ids: set[str] = set()
        for i, item in _dicts(items):
            value = item.get("id")
            self._duplicate(kind, value, self.deck_doc, (section, i, "id"))
            if isinstance(value, str):
                ids.add(value)
        return ids

    def _card_ids(self) -> set[str]:
        ids: set[str] = set()
        for doc, path, card in self.cards:
            self._duplicate("card", card.get("id"), doc, path + ("id",))
            if isinstance(card.get("id"), str):
                ids.add(card["id"])
            for i, option in _dicts(card.get("options")):
                if option.get("id") is not None:
                    self._duplicate("option", option["id"], doc, path + ("options", i, "id"),
                                    scope=f"{doc.file}{path}")
                elif i < len(_OPTION_LETTERS):
                    self._duplicate("option", _OPTION_LETTERS[i], doc, path + ("options", i),
                                    scope=f"{doc.file}{path}")
        return ids

    def _unknown(self, doc: YamlFile, path: YamlPath, value: Any, known: set[str] | None,
                 code: str, key: str, *, at_key: bool = False) -> None:
        if known is None or not isinstance(value, str) or value in known:
            return
        self.issues.add(doc, path, code, key, at_key=at_key, id=visible(value),
                        hint=did_you_mean(value, known, self.issues.lang))

    def _characters(self, known: set[str] | None) -> None:
        for doc, path, card in self.cards:
            if card.get("character") is not None:
                self._unknown(doc, path + ("character",), card["character"], known,
                              "E201", "unknown_character")

    def _follow_ups(self, known: set[str] | None) -> None:
        for doc, path, card in self.cards:
            for i, option in _dicts(card.get("options")):
                base = path + ("options", i, "follow_up")
                follow = option.get("follow_up")
                refs = [(base, follow)] if isinstance(follow, dict) else [
                    (base + (j,), f) for j, f in _dicts(follow)]
                for ref_path, ref in refs:
                    self._unknown(doc, ref_path + ("card",), ref.get("card"), known,
                                  "E202", "unknown_card")

    def _meters(self, known: set[str] | None) -> None:
        def keys_of(doc: YamlFile, path: YamlPath, mapping: Any) -> None:
            if isinstance(mapping, dict):
                for name in mapping:
                    self._unknown(doc, path + (name,), name, known, "E203", "unknown_meter",
                                  at_key=True)

        for doc, path, card in self.cards:
            for i, option in _dicts(card.get("options")):
                keys_of(doc, path + ("options", i, "effects"), option.get("effects"))
            when = card.get("when")
            if isinstance(when, dict):
                keys_of(doc, path + ("when", "meters"), when.get("meters"))
        for i, ending in _dicts(self.deck.get("endings")):
            if ending.get("meter") is not None:
                self._unknown(self.deck_doc, ("endings", i, "meter"), ending["meter"], known,
                              "E203", "unknown_meter")
            keys_of(self.deck_doc, ("endings", i, "meters"), ending.get("meters"))

    def _aspects(self, known: set[str] | None) -> None:
        if not known:
            return
        for doc, path, card in self.cards:
            tags = card.get("aspects")
            for i, tag in enumerate(tags if isinstance(tags, list) else []):
                self._unknown(doc, path + ("aspects", i), tag, known, "E104", "unknown_aspect")

    def _languages(self) -> None:
        declared = self.deck.get("languages", ["nl"])
        if not isinstance(declared, list) or not all(isinstance(x, str) for x in declared):
            return
        declared = declared or ["nl"]
        docs = [(self.deck_doc, (), self.deck, fmt.DeckFile)]
        docs += [(doc, path, card, fmt.Card) for doc, path, card in self.cards
                 if doc is not self.deck_doc]
        for doc, base, data, model in docs:
            for path, text in _texts(data, model, base):
                self._text_languages(doc, path, text, declared)

    def _text_languages(self, doc: YamlFile, path: YamlPath, text: Any,
                        declared: list[str]) -> None:
        lang = self.issues.lang
        if isinstance(text, dict):
            for code in text:
                if fmt.LANGUAGE_CODE.match(code) and code not in declared:
                    self.issues.add(doc, path + (code,), "E205", "unknown_language", at_key=True,
                                    code=code, languages=", ".join(declared),
                                    hint=did_you_mean(code, set(declared), lang))
            present = set(text)
        elif isinstance(text, str) and text:
            present = {declared[0]}
        else:
            return
        missing = [code for code in declared if code not in present]
        if missing and path[-1] not in _PROPER_NAMES:
            self.issues.add(doc, path, "W001", "missing_translation", codes=", ".join(missing))

    def _portraits(self) -> list[Path]:
        images: list[Path] = []
        for i, character in _dicts(self.deck.get("characters")):
            value = character.get("portrait")
            if isinstance(value, str):
                image = self._image(("characters", i, "portrait"), value)
                if image is not None and image not in images:
                    images.append(image)
        return images

    def _image(self, path: YamlPath, value: str) -> Path | None:
        doc, lang = self.deck_doc, self.issues.lang
        reason = unsafe_reason(value)
        target = self.folder / value
        if reason is None and not _inside(target, self.folder):
            reason = "outside"
        shown = visible(value)
        if reason is not None:
            self.issues.add(doc, path, "E301", "unsafe_path", path=shown,
                            why=say(MESSAGES, "why_" + reason, lang))
            return None
        try:
            if not target.is_file():
                self.issues.add(doc, path, "E302", "missing_image", path=shown)
                return None
            with open(target, "rb") as handle:
                head = handle.read(8)
        except OSError as exc:
            self.issues.add(doc, path, "E008", "image_unreadable", path=shown,
                            reason=exc.strerror or str(exc))
            return None
        if not (head.startswith(_PNG) or head.startswith(_JPEG)):
            self.issues.add(doc, path, "E303", "not_an_image", path=shown)
            return None
        return target


# -- helpers ----------------------------------------------------------------------------------


_DRIVE = re.compile(r"^[A-Za-z]:")
#: Text fields that hold a proper name, written once for every language (a character's name).
_PROPER_NAMES = {"name"}


def unsafe_reason(value: str) -> str | None:
    """Why an image path written in a deck is refused before touching the disk (None: fine)."""
    if not value.strip():
        return "empty"
    if "\0" in value:
        return "nul"
    if "\\" in value:
        return "backslash"
    if value.startswith("//"):
        return "unc"
    if _DRIVE.match(value):
        return "drive"
    if value.startswith("/") or value.startswith("~"):
        return "absolute"
    if ".." in PurePosixPath(value).parts:
        return "parent"
    return None


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link followed, stays inside ``folder``."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def did_you_mean(value: str, known: set[str] | list[str], lang: str) -> str:
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return say(MESSAGES, "did_you_mean", lang, name=close[0]) if close else ""


def _dicts(value: Any) -> list[tuple[int, dict]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] \
        if isinstance(value, list) else []


def _get(data: Any, path: YamlPath) -> Any:
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _show(value: Any) -> str:
    return value.raw if isinstance(value, YamlDate) else str(value)


def _texts(data: Any, model: type[BaseModel], base: YamlPath) -> Iterator[tuple[YamlPath, Any]]:
    """Every value in ``data`` that the format reads as a player text, with its path."""
    stack: list[tuple[Any, Any, YamlPath]] = [(data, model, base)]
    while stack:
        value, tp, path = stack.pop()
        if _is_text(tp):
            yield path, value
            continue
        for member in _members(tp):
            if _is_model(member) and isinstance(value, dict):
                stack += [(v, _child_types(member, k)[0], path + (k,))
                          for k, v in value.items() if k in member.model_fields]
            elif isinstance(value, list) and get_origin(member) is list:
                stack += [(v, _child_types(member, i)[0], path + (i,))
                          for i, v in enumerate(value)]
            elif isinstance(value, dict) and get_origin(member) is dict:
                stack += [(v, _child_types(member, k)[0], path + (k,)) for k, v in value.items()]
            else:
                continue
            break


#: Kinds of ids, for "the card id 'x' is used twice".
KINDS: dict[str, tuple[str, str]] = {
    "card": ("card", "kaart"),
    "option": ("option", "optie"),
    "meter": ("meter", "meter"),
    "character": ("character", "personage"),
    "ending": ("ending", "einde"),
    "aspect": ("aspect", "aspect"),
}

#: Messages of this module: key -> (English, Dutch).
MESSAGES: dict[str, tuple[str, str]] = {
    "no_deck_file": (
        "this folder has no deck.yaml, so it is not a deck",
        "deze map heeft geen deck.yaml en is dus geen deck",
    ),
    "format": (
        "this deck is written in format {value}; this game reads format 1",
        "dit deck is geschreven in formaat {value}; dit spel leest formaat 1",
    ),
    "file_outside": (
        "this file lies outside the deck folder (through a link), so it is not read",
        "dit bestand ligt (via een koppeling) buiten de deckmap en wordt niet gelezen",
    ),
    "duplicate_id": (
        "the {kind} id '{id}' is used twice; it is already used at {where}",
        "de {kind}-id '{id}' komt twee keer voor; hij staat al in {where}",
    ),
    "unknown_character": (
        "there is no character '{id}' in this deck",
        "er is geen personage '{id}' in dit deck",
    ),
    "unknown_card": (
        "there is no card '{id}' in this deck",
        "er is geen kaart '{id}' in dit deck",
    ),
    "unknown_meter": (
        "there is no meter '{id}' in this deck",
        "er is geen meter '{id}' in dit deck",
    ),
    "unknown_aspect": (
        "'{id}' is not one of the aspects this deck declares",
        "'{id}' is geen van de aspecten die dit deck noemt",
    ),
    "unknown_language": (
        "'{code}' is not one of this deck's languages ({languages})",
        "'{code}' is geen taal van dit deck ({languages})",
    ),
    "missing_translation": (
        "this text has no translation in: {codes}",
        "deze tekst heeft geen vertaling in: {codes}",
    ),
    "no_term_ending": (
        "no ending has 'trigger: term', so nothing is shown when the term is over",
        "geen einde heeft 'trigger: term', dus er is niets te tonen als de termijn om is",
    ),
    "no_cards": ("this deck has no cards", "dit deck heeft geen kaarten"),
    "unsafe_path": (
        "the image path '{path}' is not allowed: {why}",
        "het afbeeldingspad '{path}' is niet toegestaan: {why}",
    ),
    "why_empty": ("it is empty", "het is leeg"),
    "why_nul": ("it contains a NUL character", "het bevat een NUL-teken"),
    "why_backslash": ("use / instead of \\", "gebruik / in plaats van \\"),
    "why_unc": ("it names a network location", "het wijst naar een netwerklocatie"),
    "why_drive": ("it names a drive; use a path inside the deck folder",
                  "het noemt een schijf; gebruik een pad binnen de deckmap"),
    "why_absolute": ("use a path relative to the deck folder",
                     "gebruik een pad ten opzichte van de deckmap"),
    "why_parent": ("'..' may not be used; keep images inside the deck folder",
                   "'..' mag niet; houd afbeeldingen binnen de deckmap"),
    "why_outside": ("it leads outside the deck folder", "het leidt buiten de deckmap"),
    "missing_image": (
        "the image '{path}' is not in the deck folder",
        "de afbeelding '{path}' staat niet in de deckmap",
    ),
    "image_unreadable": (
        "cannot read the image '{path}': {reason}",
        "kan de afbeelding '{path}' niet lezen: {reason}",
    ),
    "not_an_image": (
        "'{path}' is not a PNG or JPEG image",
        "'{path}' is geen PNG- of JPEG-afbeelding",
    ),
    "did_you_mean": ("did you mean '{name}'?", "bedoel je '{name}'?"),
    "too_many": (
        "this file has more than {limit} problems; the rest are not shown, fix these first",
        "dit bestand heeft meer dan {limit} problemen; de rest wordt niet getoond, "
        "los eerst deze op",
    ),
}
