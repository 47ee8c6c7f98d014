"""Checking a file against the deck format, with pydantic's errors put in plain words.

pydantic reports several errors for one mistake (one per union alternative, and one for each
enclosing value). They are grouped per YAML value, an error is dropped when a more precise one
sits inside the same value, and each group becomes one message placed on the line it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from game.format import models as fmt
from game.authoring.format_places import is_model, members, types_at
from game.authoring.problems import MAX_PER_FILE, Issue, Issues
from game.authoring.messages import SCHEMA_MESSAGES, did_you_mean, noun, say, visible
from game.authoring.yaml_reader import YamlDate, YamlFile, YamlPath, plain_kind

_TYPE_ERRORS = {"string_type", "text_type", "int_type", "float_type", "bool_type", "list_type",
                "dict_type", "model_type"}
_TEXT_ERRORS = {"string_type", "text_type"}
_PATTERNS = {
    fmt.ID_PATTERN: "bad_id",
    fmt.SECTION_PATTERN: "bad_section",
    fmt.COLOUR_PATTERN: "bad_colour",
    fmt.LANGUAGE_CODE.pattern: "bad_language",
}
_BOUNDS = {"greater_than_equal": "at_least", "less_than_equal": "at_most",
           "greater_than": "above", "less_than": "below"}


def check_schema(issues: Issues, doc: YamlFile, model: type[BaseModel],
                 shared: dict | None = None) -> BaseModel | None:
    """Validate a file against ``model``; the model when valid, else None (issues added).

    The models of every file checked with the same ``shared`` dict share their records of the
    fields given (see :class:`game.format.models.Model`).
    """
    try:
        return model.model_validate(
            doc.data, context=None if shared is None else {fmt.SHARED_FIELDS: shared})
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
        if err["type"] in ("text_type", "text_language", "control_char") and isinstance(value, dict) \
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
        hint = advice = ""
        if all(r.err["type"] in _TYPE_ERRORS for r in group):
            code, message, hint = self._wrong_type(group)
            if code == "E103":
                advice = self._for_example(path, self._example(group))
        elif kind == "missing":
            code, message = "E101", self.say(
                "missing", field=err["loc"][-1], this=self._noun(err["loc"][:-1]))
            field = str(err["loc"][-1])
            fields = [m.model_fields[field] for m in types_at(self.model, err["loc"][:-1])
                      if is_model(m) and field in m.model_fields]
            if fields:
                sample = _sample(fields[0].rebuild_annotation(), None, fields[0])[0]
                advice = self.say("add_for_example", example=f"{field}: {sample}")
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
        elif kind == "control_char":
            code, message = "E104", self.say("control_char", char=err["ctx"]["char"])
            advice = self.say("control_char_advice")
        elif kind == "ending_meter":
            code, message = "E101", self.say("ending_meter")
        else:
            code, message = "E104", self._invalid(err, path)
            advice = self._invalid_advice(err, path)
        return Issue(self.doc, first.logical, where, code, message, hint, advice)

    def _for_example(self, path: YamlPath, sample: str) -> str:
        """"for example: `term: 12`" for the value at ``path`` written as ``sample``."""
        if not sample:
            return ""
        name = path[-1] if path else ""
        written = f"- {sample}" if isinstance(name, int) else f"{name}: {sample}" if name \
            else sample
        return self.say("for_example", example=visible(written, 80))

    def _example(self, group: list[_Raw]) -> str:
        """The value at the group's place written in a form the format accepts."""
        path = group[0].path
        value = self.doc.value_at(path)
        info = self.doc.scalar(path)
        raw = info.raw if info is not None else None
        forms: list[Any] = []
        for r in group:
            for m in types_at(self.model, r.err["loc"]):
                if m not in forms:
                    forms.append(m)
        field = _field_at(self.model, group[0].err["loc"])
        samples = [_sample(form, value if raw is None else raw, field) for form in forms]
        # a form that keeps what the author wrote is the best example
        kept = [sample for sample, keeps in samples if keeps and sample]
        return kept[0] if kept else next((sample for sample, _ in samples if sample), "")

    def _invalid_advice(self, err: dict, path: YamlPath) -> str:
        """Help for a value of the wrong form: the allowed values, or the right form."""
        kind, ctx = err["type"], err.get("ctx") or {}
        info = self.doc.scalar(path)
        value = info.raw if info is not None else str(err.get("input", ""))
        if kind == "literal_error":
            choices = self._choices(err["loc"])
            allowed = self.say("allowed_values", choices=", ".join(choices))
            near = did_you_mean(value, choices, self.lang)
            return f"{near} {allowed}" if near else allowed
        if kind == "string_pattern_mismatch":
            example = {"bad_id": fmt.make_id(value, "een-id"), "bad_section": '"4b"',
                       "bad_colour": '"#1f6feb"', "bad_language": "nl",
                       }.get(_PATTERNS.get(ctx.get("pattern", ""), ""))
            return self._for_example(path, example) if example else ""
        return ""

    def _choices(self, loc: tuple) -> list[str]:
        """The values the format allows at ``loc`` where it lists them (a Literal)."""
        return [str(c) for m in types_at(self.model, loc)
                if get_origin(m) is Literal for c in get_args(m)]

    def _noun(self, loc: tuple) -> str:
        """"this card", "this option", ...: the part of the format at ``loc``."""
        for m in types_at(self.model, loc):
            if is_model(m) and noun(m.__name__, "this", self.lang) is not None:
                return self._noun_of(m, 0)
        return self.say("this_part")

    def _noun_of(self, model: type[BaseModel], which: int) -> str:
        """The model's name: ``which`` is 0 for "this card", 1 for "a card", 2 for "cards"."""
        name = noun(model.__name__, ("this", "a", "many")[which], self.lang)
        return model.__name__ if name is None else name

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
            choices = [f"'{c}'" for c in self._choices(err["loc"])]
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
        if kind == "finite_number":
            return self.say("finite")
        if kind in ("range_order", "meter_range", "meter_start"):
            return self.say(kind, **ctx)
        return err.get("msg", "")


def _field_at(model: type[BaseModel], loc: tuple) -> Any:
    """The model field a pydantic location ends in (None for a list item or mapping value)."""
    if not loc or not isinstance(loc[-1], str):
        return None
    for m in types_at(model, loc[:-1]):
        if is_model(m) and loc[-1] in m.model_fields:
            return m.model_fields[loc[-1]]
    return None


def _sample(tp: Any, value: Any, field: Any = None) -> tuple[str, bool]:
    """A value of type ``tp`` written as YAML on one line, for "for example: ..." advice.

    Where the author's own ``value`` fits the form (``klaar`` as ``[klaar]``, ``"2"`` as ``2``)
    it is used; the second item says whether it was.
    """
    tp = members(tp)[0]
    text = value if isinstance(value, str) else None
    if tp is fmt.Text or tp is str:
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
            return _quoted(value[0]), True
        return "...", False
    if get_origin(tp) is Literal:
        return str(get_args(tp)[0]), False
    if tp is bool:
        word = (text or "").lower()
        if word in ("yes", "ja", "true", "on", "no", "nee", "false", "off"):
            return ("true" if word in ("yes", "ja", "true", "on") else "false"), True
        return "true", False
    if tp in (int, float):
        if text is not None and re.fullmatch(r"-?\d+", text.strip()):
            return text.strip(), True
        default = getattr(field, "default", None)
        if isinstance(default, (int, float)) and not isinstance(default, bool):
            return (str(int(default)) if float(default).is_integer() else str(default)), False
        return "10", False
    if get_origin(tp) is list:
        item = members(get_args(tp)[0])[0]
        if is_model(item):
            one = _model_sample(item, None)[0]
            return (f"[{one}, {one}]" if _min_items(field) >= 2 else f"[{one}]"), False
        if text is not None:
            return f"[{text}]", True
        return "[een, twee]", False
    if get_origin(tp) is dict:
        inner = "{max: 40}" if members(get_args(tp)[1])[0] is fmt.Range else "-10"
        names = [v for v in value if isinstance(v, str)] if isinstance(value, list) else \
            [text] if text is not None else []
        shown = names or ["legitimiteit"]
        return "{" + ", ".join(f"{n}: {inner}" for n in shown) + "}", bool(names)
    if is_model(tp):
        return _model_sample(tp, text)
    return "", False


def _model_sample(model: type[BaseModel], text: str | None) -> tuple[str, bool]:
    """``{card: krant}`` for a model with one required field and a name written as text."""
    required = [n for n, f in model.model_fields.items() if f.is_required()]
    if text is not None and len(required) == 1:
        return f"{{{required[0]}: {text}}}", True
    names = required or list(model.model_fields)[:2]
    return "{" + ", ".join(f"{n}: ..." for n in names) + "}", False


def _min_items(field: Any) -> int:
    for item in getattr(field, "metadata", []) or []:
        if getattr(item, "min_length", None):
            return item.min_length
    return 0


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


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
