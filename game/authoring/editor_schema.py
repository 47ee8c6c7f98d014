"""The JSON Schemas an editor checks deck files against while the author types.

There are two, because a deck file and a card file hold different things: ``deck.schema.json``
for ``deck.yaml`` and ``cards.schema.json`` for the files in ``cards/``. Both are built from the
format's models (:mod:`game.format.models`), with every part named and explained in the
author's language and an example per field (``locale/<lang>/schema.yaml``), so an editor's
messages and completions never show the models' internal names.

Built for one deck, they also know that deck's ids: the meters under ``effects:`` and in
conditions, the characters, themes, cards and flags, so an editor completes them and marks a
misspelled one where it is. A text the YAML reader would take for yes/no or a number (``Yes``,
``2024``) is not a text to the schema either.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.format import models as fmt
from game.language.catalog import load_catalog
from game.language.texts import localize

DECK_SCHEMA = "deck.schema.json"
CARDS_SCHEMA = "cards.schema.json"
#: The catalog area of the schemas' words (``locale/<lang>/schema.yaml``).
WORDS = "schema"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


@dataclass
class DeckIds:
    """The ids one deck defines, each with its name in the schema's language."""

    meters: dict[str, str] = field(default_factory=dict)
    characters: dict[str, str] = field(default_factory=dict)
    aspects: dict[str, str] = field(default_factory=dict)
    cards: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def deck_ids(files: list[Any], lang: str) -> DeckIds:
    """The ids in a deck's files as read (:class:`~game.authoring.yaml_reader.YamlFile`, deck
    file first); what cannot be an id is left out, so a deck with errors still gets a schema."""
    ids = DeckIds()
    if not files:
        return ids
    deck = files[0].data if isinstance(files[0].data, dict) else {}

    def named(items: Any, name_key: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and _is_id(item.get("id")):
                out[item["id"]] = str(localize(_text(item.get(name_key)), lang) or item["id"])
        return out

    ids.meters = named(deck.get("meters"), "label")
    ids.characters = named(deck.get("characters"), "name")
    ids.aspects = named(deck.get("aspects"), "label")
    flags: list[str] = []
    for doc in files:
        for card in _items(doc.data, "cards"):
            if _is_id(card.get("id")) and card["id"] not in ids.cards:
                ids.cards.append(card["id"])
            for option in _items(card, "options"):
                for key in ("set_flags", "clear_flags"):
                    values = option.get(key)
                    flags += [f for f in values if _is_id(f)] if isinstance(values, list) else []
    ids.flags = sorted(set(flags))
    return ids


def editor_schemas(ids: DeckIds | None = None, lang: str = "nl") -> dict[str, dict[str, Any]]:
    """File name -> schema: one for the deck file, one for card files."""
    words = _Words(lang)
    return {
        DECK_SCHEMA: _file_schema(fmt.DeckFile, "deck_file", ids, words),
        CARDS_SCHEMA: _file_schema(fmt.CardFile, "card_file", ids, words),
    }


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


class _Words:
    def __init__(self, lang: str) -> None:
        self.catalog = load_catalog(lang)

    def __call__(self, key: str, /, **values: Any) -> str:
        return self.catalog.t(f"{WORDS}.{key}", **values)

    def has(self, key: str) -> bool:
        return f"{WORDS}.{key}" in self.catalog


def _file_schema(model: type[fmt.Model], which: str, ids: DeckIds | None,
                 words: _Words) -> dict[str, Any]:
    raw = model.model_json_schema(ref_template="#/$defs/{model}")
    defs = raw.pop("$defs", {})
    for name, definition in defs.items():
        definition["title"] = words(f"model.{name}.title")
        definition["description"] = words(f"model.{name}.description")
        _explain_fields(name, definition, words)
    _explain_fields(model.__name__, raw, words)
    if ids is not None:
        _know_the_deck(defs, ids, words)
        for definition in [raw, *defs.values()]:
            for prop, sub in definition.get("properties", {}).items():
                sub["examples"] = [_with_deck_ids(e, prop, ids) for e in sub["examples"]]
    return {
        "$schema": _DRAFT,
        "title": words(f"{which}.title"),
        "description": words(f"{which}.description"),
        **{k: v for k, v in raw.items() if k not in ("title", "description")},
        "$defs": defs,
    }


def _explain_fields(model_name: str, definition: dict[str, Any], words: _Words) -> None:
    for prop, sub in definition.get("properties", {}).items():
        key = f"field.{model_name}.{prop}"
        for nested in _nested(sub):
            nested.pop("title", None)
            nested.pop("description", None)
        sub["title"] = words(f"{key}.title")
        sub["description"] = words(f"{key}.description")
        sub["examples"] = [yaml.safe_load(words(f"{key}.example"))]
        if _is_text_schema(sub):
            # on each form too: an editor may report the form that came closest
            for branch in [sub, *sub["anyOf"]]:
                branch["errorMessage"] = words("text.error")
                if isinstance(branch.get("additionalProperties"), dict):
                    branch["additionalProperties"]["errorMessage"] = words("text.error")
        elif _holds_id(sub):
            sub["errorMessage"] = words("id.error")


def _nested(schema: Any):
    """Every schema inside ``schema`` (not itself)."""
    stack = [schema]
    while stack:
        node = stack.pop()
        children: list[Any] = []
        if isinstance(node, dict):
            children = [v for k, v in node.items() if k not in ("examples", "default", "const",
                                                                 "enum")]
        elif isinstance(node, list):
            children = list(node)
        for child in children:
            if isinstance(child, dict):
                yield child
            if isinstance(child, (dict, list)):
                stack.append(child)


def _is_text_schema(sub: dict[str, Any]) -> bool:
    return any(isinstance(b, dict) and "propertyNames" in b for b in sub.get("anyOf", []))


def _holds_id(sub: dict[str, Any]) -> bool:
    return any(isinstance(b, dict) and b.get("pattern") == fmt.ID_PATTERN
               for b in [sub, *sub.get("anyOf", []), sub.get("items")])


def _know_the_deck(defs: dict[str, Any], ids: DeckIds, words: _Words) -> None:
    """Put the deck's own ids where the format asks for one."""
    def props(model: str) -> dict[str, Any]:
        return defs.get(model, {}).get("properties", {})

    if ids.meters:
        for model in ("Option", "DynamicRule"):
            if "effects" in props(model):
                _by_meter(props(model)["effects"], ids, words, "meter_effect")
        for model in ("Conditions", "Ending"):
            if "meters" in props(model):
                _by_meter(props(model)["meters"], ids, words, "meter_range")
        if "meter" in props("Ending"):
            _only(props("Ending")["meter"], ids.meters)
    if ids.characters and "character" in props("Card"):
        _only(props("Card")["character"], ids.characters)
    if ids.aspects and "aspects" in props("Card"):
        props("Card")["aspects"]["items"] = _enum(ids.aspects)
    if ids.cards and "card" in props("FollowUp"):
        _only(props("FollowUp")["card"], dict.fromkeys(ids.cards, ""))
    if ids.flags:
        for key in ("flags", "not_flags"):
            if key in props("Conditions"):
                props("Conditions")[key]["items"] = _enum(dict.fromkeys(ids.flags, ""))
        for key in ("set_flags", "clear_flags"):
            if key in props("Option"):
                props("Option")[key]["items"]["examples"] = list(ids.flags)


#: The ids the catalog's examples use, by the kind of id they are.
_EXAMPLE_IDS = {"meter": ("legitimiteit", "capaciteit", "strategie"), "character": ("wethouder",),
                "card": ("krant", "citrix-lek"), "flag": ("scanauto_afval", "datalek"),
                "aspect": ("4a",)}
#: Which kind of id a field holds (as a value, or as the keys of its mapping).
_ID_FIELDS = {"meter": "meter", "character": "character", "card": "card", "aspects": "aspect",
              "flags": "flag", "not_flags": "flag", "set_flags": "flag", "clear_flags": "flag"}
_METER_MAPS = ("effects", "meters")


def _with_deck_ids(example: Any, key: str, ids: DeckIds) -> Any:
    """``example`` with the catalog's example ids replaced by ids of this deck."""
    own = {"meter": list(ids.meters), "character": list(ids.characters), "card": ids.cards,
           "flag": ids.flags, "aspect": list(ids.aspects)}

    def swap(value: Any, kind: str) -> Any:
        known = _EXAMPLE_IDS[kind]
        if not own[kind] or value not in known:
            return value
        return own[kind][known.index(value) % len(own[kind])]

    if isinstance(example, dict):
        if key in _METER_MAPS:
            return {swap(k, "meter"): _with_deck_ids(v, "", ids) for k, v in example.items()}
        return {k: _with_deck_ids(v, k, ids) for k, v in example.items()}
    if isinstance(example, list):
        return [_with_deck_ids(v, key, ids) for v in example]
    if isinstance(example, str) and key in _ID_FIELDS:
        return swap(example, _ID_FIELDS[key])
    return example


def _by_meter(sub: dict[str, Any], ids: DeckIds, words: _Words, explain: str) -> None:
    """A mapping by meter id: one named property per meter of the deck, and no other."""
    value = sub.pop("additionalProperties", {})
    sub["properties"] = {
        meter: {**copy.deepcopy(value), "title": label, "description": words(explain, label=label)}
        for meter, label in ids.meters.items()}
    sub["additionalProperties"] = False
    sub["errorMessage"] = words("unknown_key", ids=", ".join(ids.meters))
    example = sub.get("examples", [None])[0]
    first = next(iter(ids.meters))
    if isinstance(example, dict) and example:
        sub["examples"] = [{first: next(iter(example.values()))}]


def _only(sub: dict[str, Any], allowed: dict[str, str]) -> None:
    """The string branch of ``sub`` (or ``sub`` itself) accepts only the ids in ``allowed``."""
    branches = sub.get("anyOf")
    targets = [b for b in branches if b.get("type") == "string"] if branches else [sub]
    for target in targets:
        for key in ("type", "pattern", "maxLength"):
            target.pop(key, None)
        target.update(_enum(allowed))
    sub.pop("errorMessage", None)
    sub["examples"] = [next(iter(allowed))]


def _enum(allowed: dict[str, str]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "enum": list(allowed)}
    if any(allowed.values()):
        schema["enumDescriptions"] = [name for name in allowed.values()]
    return schema


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(fmt.ID_PATTERN, value) is not None \
        and len(value) <= fmt.ID_MAX_LENGTH


def _items(data: Any, key: str) -> list[dict]:
    """The mappings in the list ``data[key]`` (none where the file says something else)."""
    values = data.get(key) if isinstance(data, dict) else None
    return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []


def _text(value: Any) -> Any:
    return value if isinstance(value, (str, dict)) else None


def write_schemas(folder: Path, ids: DeckIds | None, lang: str) -> list[Path]:
    """Write both schemas into ``folder``; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in editor_schemas(ids, lang).items():
        path = folder / name
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written
