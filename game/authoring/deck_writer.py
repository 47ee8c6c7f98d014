"""Writing deck files as a person would: block style, lists indented under their key, one
text on one line, a blank line between the parts of the deck file and between cards.

Only plain data is written (mappings, lists, texts, numbers, yes/no), so the files read back
through :mod:`game.authoring.yaml_reader` with nothing refused: a text YAML would read as
something else (``Yes``, ``12``, ``4a: ...``) is quoted.
"""

from __future__ import annotations

import textwrap
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key (``meters:`` then ``  - id: ...``), as the guide writes."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data: Any) -> str:
    """``data`` as block-style YAML, keys in the order given, texts on one line each."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1_000_000)


def comment(text: str, width: int = 96) -> str:
    """``text`` as YAML comment lines of at most about ``width`` characters."""
    lines = [wrapped for line in text.splitlines()
             for wrapped in textwrap.wrap(line, width - 2, break_long_words=False) or [""]]
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


def deck_file(data: dict[str, Any], header: str = "") -> str:
    """A deck file: its parts separated by blank lines, its cards (if any) one by one."""
    parts: list[str] = []
    head: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            if head:
                parts.append(dump(head))
                head = {}
            parts.append(_list(key, value))
        else:
            head[key] = value
    if head:
        parts.append(dump(head))
    return comment(header) + "\n".join(parts)


def card_file(cards: list[dict[str, Any]], header: str = "") -> str:
    """A card file: ``cards:`` and each card, with a blank line between cards."""
    return comment(header) + _list("cards", cards)


def _list(key: str, items: list[Any]) -> str:
    """``key:`` and its items, with a blank line between items that are mappings."""
    if not all(isinstance(item, dict) for item in items):
        return dump({key: items})
    bodies = [dump({key: [item]}).split("\n", 1)[1] for item in items]
    return f"{key}:\n" + "\n".join(bodies)
