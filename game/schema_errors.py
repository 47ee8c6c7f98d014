"""Checking a file against the deck format, with pydantic's errors put in plain words.

pydantic reports several errors for one mistake (one per union alternative, and one for each
enclosing value). They are grouped per YAML value, an error is dropped when a more precise one
sits inside the same value, and each group becomes one message placed on the line it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import deck_format as fmt
from .format_types import is_model, members, types_at
from .issues import MAX_PER_FILE, Issue, Issues
from .messages import NOUNS, SCHEMA_MESSAGES, did_you_mean, say, visible
from .safe_yaml import YamlDate, YamlFile, YamlPath, plain_kind

_TYPE_ERRORS = {"string_type", "text_type", "int_type", "float_type", "bool_type", "list_type",
                "dict_type", "model_type"}
_TEXT_ERRORS = {"string_type", "text_type"}
_PATTERNS = {
    "^[a-z0-9][a-z0-9_-]*$": "bad_id",
    fmt.SECTION: "bad_section",
    "^#[0-9a-fA-F]{6}$": "bad_colour",
    fmt.LANGUAGE_CODE.pattern: "bad_language",
}
_BOUNDS = {"greater_than_equal": "at_least", "less_than_equal": "at_most",
           "greater_than": "above", "less_than": "below"}


def check_schema(issues: Issues, doc: YamlFile, model: type[BaseModel]) -> BaseModel | None:
    """Validate a file against ``model``; the model when valid, else None (issues added)."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        # explaining is the slow part; past twice what is shown, the rest would be cut anyway
        for issue in explain(doc, model, exc, issues.lang, limit=2 * MAX_PER_FILE):
            path = issue.path
            # what was refused while reading is reported once, by the reader
            if not doc.is_flagged(path) and not (path and doc.holds_flagged(path)):
                issues.located.append(issue)
        return None


@dataclass
class _Raw:
    err: dict
    path: YamlPath
    logical: YamlPath


def explain(doc: YamlFile, model: type[BaseModel], exc: ValidationError, lang: str,
            limit: int) -> list[Issue]:
    """pydantic's errors as located issues, one per value, at most ``limit`` of them."""
    raws: list[_Raw] = []
    for err in exc.errors(include_url=False):
        if err["type"] == "duplicate_option":
            continue  # reported precisely by the id check
        path = _data_path(doc.data, err["loc"])
        key = (err.get("ctx") or {}).get("key")
        value = doc.value_at(path)
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
    return [words.explain(group) for group in list(groups.values())[:limit]]


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


class _Words:
    """Turns the pydantic errors about one value into one located message."""

    def __init__(self, doc: YamlFile, model: type[BaseModel], lang: str) -> None:
        self.doc, self.model, self.lang = doc, model, lang

    def say(self, key: str, **params: Any) -> str:
        return say(SCHEMA_MESSAGES, key, self.lang, **params)

    def explain(self, group: list[_Raw]) -> Issue:
        first = group[0]
        err, path = first.err, first.path
        kind = err["type"]
        where = self.doc.position(path)
        hint = ""
        if all(r.err["type"] in _TYPE_ERRORS for r in group):
            code, message, hint = self._wrong_type(group)
        elif kind == "missing":
            code, message = "E101", self.say(
                "missing", field=err["loc"][-1], this=self._noun(err["loc"][:-1]))
        elif kind == "extra_forbidden":
            name = str(err["loc"][-1])
            allowed = [f for m in types_at(self.model, err["loc"][:-1]) if is_model(m)
                       for f in m.model_fields]
            hint = did_you_mean(name, allowed, self.lang) or self.say(
                "allowed", fields=", ".join(allowed))
            where, code, message = self.doc.key_position(path), "E102", self.say(
                "unknown_field", field=name, this=self._noun(err["loc"][:-1]))
        elif kind == "text_language":
            where, code, message = self.doc.key_position(path), "E104", self.say(
                "bad_language", value=_short(path[-1] if path else ""))
        elif kind == "ending_meter":
            code, message = "E101", self.say("ending_meter")
        else:
            code, message = "E104", self._invalid(err, path)
        return Issue(self.doc, first.logical, where, code, message, hint)

    def _noun(self, loc: tuple) -> str:
        """"this card", "this option", ...: the part of the format at ``loc``."""
        for m in types_at(self.model, loc):
            if is_model(m) and m.__name__ in NOUNS:
                return self._noun_of(m, 0)
        return self.say("this_part")

    def _noun_of(self, model: type[BaseModel], which: int) -> str:
        """The model's name: ``which`` is 0 for "this card", 1 for "a card", 2 for "cards"."""
        names = NOUNS.get(model.__name__)
        return names[1 if self.lang == "nl" else 0][which] if names else model.__name__

    def _list_item(self, loc: tuple) -> type[BaseModel] | None:
        """The model of the items of a list at ``loc`` (None for a list of plain values)."""
        for m in types_at(self.model, loc):
            if get_origin(m) is list:
                item = members(get_args(m)[0])[0]
                if is_model(item):
                    return item
        return None

    def _wrong_type(self, group: list[_Raw]) -> tuple[str, str, str]:
        path = group[0].path
        value = self.doc.value_at(path)
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
            if plain_kind(value) in ("int", "float", "bool") and any(
                    r.err["type"] in ("int_type", "float_type", "bool_type") for r in group):
                hint = self.say("remove_quotes")
        message = self.say("wrong_type", what=self.say("or").join(expects), got=self._got(value))
        return "E103", message, hint

    def _expected(self, err: dict) -> str:
        kind, loc = err["type"], err["loc"]
        if kind == "model_type":
            for m in types_at(self.model, loc):
                if is_model(m):
                    return self.say("a_model", a=self._noun_of(m, 1), fields=_fields(m))
        if kind == "list_type":
            item = self._list_item(loc)
            if item is None:
                return self.say("a_list")
            return self.say("list_of", items=self._noun_of(item, 2))
        if kind == "dict_type":
            for m in types_at(self.model, loc):
                if get_origin(m) is dict:
                    value_type = members(get_args(m)[1])[0]
                    if value_type is int:
                        return self.say("effects_mapping")
                    if value_type is fmt.Range:
                        return self.say("ranges_mapping")
            return self.say("a_mapping")
        return self.say({"string_type": "text", "text_type": "text_or_languages",
                         "int_type": "whole_number", "float_type": "number",
                         "bool_type": "true_false"}.get(kind, "a_mapping"))

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
            choices = [f"'{c}'" for m in types_at(self.model, err["loc"])
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
            item = self._list_item(err["loc"])
            items = self.say("items") if item is None else self._noun_of(item, 2)
            key = "too_few" if kind == "too_short" else "too_many"
            return self.say(key, n=ctx.get("min_length", ctx.get("max_length")),
                            items=items, actual=ctx.get("actual_length"))
        if kind in _BOUNDS:
            return self.say(_BOUNDS[kind], limit=_number(next(iter(ctx.values()), "")))
        if kind in ("range_order", "meter_range", "meter_start"):
            return self.say(kind, **ctx)
        return err.get("msg", "")


def _fields(model: type[BaseModel]) -> str:
    """The first few field names of ``model``, required ones first."""
    required = [n for n, f in model.model_fields.items() if f.is_required()]
    optional = [n for n, f in model.model_fields.items() if not f.is_required()]
    names = (required + optional)[:4]
    return ", ".join(names) + (", ..." if len(model.model_fields) > 4 else "")


def _short(value: Any) -> str:
    return visible(str(value) if not isinstance(value, (dict, list)) else "...", 40)


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
