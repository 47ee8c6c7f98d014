"""A catalog's area file read as YAML: its nested mapping flattened to texts by dotted key.

Only :mod:`game.language.kept_catalog` reads an area file this way, when it has no texts kept
from an earlier run that still hold, so most starts of the game do not import the YAML parser.
"""

from __future__ import annotations

from pathlib import Path

import yaml

#: Reads the node tree only: no value is converted, so every text stays as written.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def read_texts(path: Path) -> dict[str, str]:
    """Every text of the area file ``path``, by dotted key."""
    with open(path, encoding="utf-8") as handle:
        loader = _Loader(handle)
        try:
            node = loader.get_single_node()  # no values built: about twice as fast
        finally:
            loader.dispose()
    out: dict[str, str] = {}
    if node is not None:
        _flatten(node, "", out)
    return out


def _flatten(node: yaml.Node, prefix: str, out: dict[str, str]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _flatten(value, f"{prefix}.{key.value}" if prefix else str(key.value), out)
    elif isinstance(node, yaml.ScalarNode) and not _is_null(node):
        out[prefix] = node.value
    elif isinstance(node, yaml.SequenceNode):
        raise ValueError(f"{prefix}: a catalog holds texts, not lists")


def _is_null(node: yaml.ScalarNode) -> bool:
    """An empty value (``key:`` or ``~``): no text, so the fallback rule applies."""
    return node.style is None and node.value in ("", "~", "null", "Null", "NULL")
