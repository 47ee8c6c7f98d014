"""What the deck format allows where: the types at a place in a file, and its player texts.

The pydantic models of :mod:`game.format.models` are the one definition of the format; these
functions walk their annotations, so that an error can name what belongs at its place and the
language check can find every text a player reads.
"""

from __future__ import annotations

import functools
import types
from typing import Annotated, Any, Iterator, Union, get_args, get_origin

from pydantic import BaseModel

from game.format import models as fmt
from game.authoring.yaml_reader import YamlPath


def is_text(tp: Any) -> bool:
    """Whether ``tp`` is a player text (:data:`game.format.models.Text`)."""
    return tp == fmt.Text


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def members(tp: Any) -> list[Any]:
    """The alternatives a type allows (None left out); a player text counts as one."""
    if is_text(tp):
        return [tp]
    if get_origin(tp) is Annotated:
        return members(get_args(tp)[0])
    if get_origin(tp) in (Union, types.UnionType):
        return [m for arg in get_args(tp) if arg is not type(None) for m in members(arg)]
    return [tp]


def child_types(tp: Any, part: Any) -> list[Any]:
    """The types a value inside ``tp`` at key or index ``part`` may have."""
    out: list[Any] = []
    for member in members(tp):
        if is_model(member) and part in member.model_fields:
            out.append(member.model_fields[part].rebuild_annotation())
        elif get_origin(member) is list and isinstance(part, int):
            out.append(get_args(member)[0])
        elif get_origin(member) is dict and part != "[key]":
            out.append(get_args(member)[1])
    return out


def types_at(root: Any, loc: tuple) -> list[Any]:
    """The alternatives the format allows at a pydantic error location."""
    return list(_types_at(root, tuple(0 if type(p) is int else p for p in loc)))


@functools.lru_cache(maxsize=1024)
def _types_at(root: Any, loc: tuple) -> tuple[Any, ...]:
    current = members(root)
    for part in loc:
        tagged = [m for m in current if isinstance(part, str) and _tag(m) == part]
        if tagged:
            current = tagged
            continue
        following = [m for t in current for c in child_types(t, part) for m in members(c)]
        if following:
            current = following
    return tuple(current)


def _tag(tp: Any) -> str:
    """The name pydantic gives a union alternative in an error location."""
    if is_model(tp):
        return tp.__name__
    if get_origin(tp) is list:
        return f"list[{_tag(members(get_args(tp)[0])[0])}]"
    return str(tp)


def texts(data: Any, model: type[BaseModel], base: YamlPath) -> Iterator[tuple[YamlPath, Any]]:
    """Every value in ``data`` that the format reads as a player text, with its path."""
    stack: list[tuple[Any, _Shape, YamlPath]] = [(data, _shape(model), base)]
    while stack:
        value, shape, path = stack.pop()
        if shape.text:
            yield path, value
            continue
        for alternative in shape.alternatives:
            kind = alternative.kind
            if kind == "model" and isinstance(value, dict):
                fields = alternative.member.model_fields
                stack += [(v, inner, path + (k,)) for k, v in value.items()
                          if k in fields and (inner := alternative.field(k)) is not None]
            elif kind == "list" and isinstance(value, list):
                inner = alternative.item()
                if inner is not None:
                    stack += [(v, inner, path + (i,)) for i, v in enumerate(value)]
            elif kind == "dict" and isinstance(value, dict):
                inner = alternative.item()
                if inner is not None:
                    stack += [(v, inner, path + (k,)) for k, v in value.items()]
            else:
                continue
            break


class _Shape:
    """How the text walk treats the values of one type: as a player text, or by the first of
    its alternatives that fits the value."""

    __slots__ = ("text", "alternatives", "_holds")

    def __init__(self, tp: Any) -> None:
        shapes = _shapes(tp)
        self.text = shapes is None
        self.alternatives = tuple(_Alternative(kind, member) for kind, member in shapes or ())
        self._holds: bool | None = None

    def holds_text(self) -> bool:
        """Whether a value of this type can hold a player text anywhere inside it."""
        if self._holds is None:
            self._holds = True  # while it is worked out (a type inside itself holds what it holds)
            self._holds = self.text or any(a.holds_text() for a in self.alternatives)
        return self._holds


class _Alternative:
    """One alternative of a type, with the shapes of what it holds, worked out on first use."""

    __slots__ = ("kind", "member", "_fields", "_item")

    def __init__(self, kind: str, member: Any) -> None:
        self.kind = kind
        self.member = member
        self._fields: dict[str, _Shape | None] = {}
        self._item: tuple[_Shape | None] | None = None

    def field(self, name: str) -> _Shape | None:
        """The shape of a model's field, or None when it can hold no player text."""
        if name not in self._fields:
            inner = _shape(_field_type(self.member, name))
            self._fields[name] = inner if inner.holds_text() else None
        return self._fields[name]

    def item(self) -> _Shape | None:
        """The shape of a list's items or a dict's values, or None when they hold no text."""
        if self._item is None:
            inner = _shape(_item_type(self.member))
            self._item = (inner if inner.holds_text() else None,)
        return self._item[0]

    def holds_text(self) -> bool:
        if self.kind == "model":
            return any(self.field(name) is not None for name in self.member.model_fields)
        if self.kind in ("list", "dict"):
            return self.item() is not None
        return False


@functools.lru_cache(maxsize=256)
def _shape(tp: Any) -> _Shape:
    """The one shape of ``tp`` (the walk asks it of the same few types for every card)."""
    return _Shape(tp)


# The walk above asks the same few questions of the same few types for every card; the
# answers depend on the format's types alone, so each is worked out once.

@functools.lru_cache(maxsize=256)
def _shapes(tp: Any) -> tuple[tuple[str, Any], ...] | None:
    """None for a player text; else each alternative of ``tp`` as ("model" | "list" | "dict" |
    "other", the alternative)."""
    if is_text(tp):
        return None
    out = []
    for member in members(tp):
        if is_model(member):
            out.append(("model", member))
        elif get_origin(member) is list:
            out.append(("list", member))
        elif get_origin(member) is dict:
            out.append(("dict", member))
        else:
            out.append(("other", member))
    return tuple(out)


@functools.lru_cache(maxsize=1024)
def _field_type(model: Any, name: str) -> Any:
    return child_types(model, name)[0]


@functools.lru_cache(maxsize=256)
def _item_type(container: Any) -> Any:
    """The type of the items of a list, or of the values of a dict."""
    return get_args(container)[-1]
