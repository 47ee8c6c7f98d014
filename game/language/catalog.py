"""Interface texts in every language the table speaks, read from ``game/language/locale/<lang>.yaml``.

A catalog is a nested YAML mapping; keys are addressed with dots (``card.round``). Texts may hold
``{name}`` placeholders filled by :meth:`Catalog.t`. Counted texts have ``one`` and ``other``
forms, picked by :meth:`Catalog.count`. A key missing in one language falls back to Dutch, and
a key missing everywhere shows as the key itself, so a gap is visible but never a crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from game.language.texts import DEFAULT_LANGUAGE, KNOWN_LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Catalog:
    """The interface texts of one language."""

    def __init__(self, lang: str, entries: dict[str, str], fallback: "Catalog | None" = None):
        self.lang = lang
        self._entries = entries
        self._fallback = fallback

    def raw(self, key: str) -> str:
        if key in self._entries:
            return self._entries[key]
        if self._fallback is not None:
            return self._fallback.raw(key)
        return key

    def t(self, key: str, **values: Any) -> str:
        """The text for ``key`` with its placeholders filled in."""
        text = self.raw(key)
        if not values:
            return text
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text

    def count(self, key: str, n: int, **values: Any) -> str:
        """A counted text: ``key.one`` for one, ``key.other`` otherwise; ``{n}`` is the count."""
        form = "one" if n == 1 else "other"
        return self.t(f"{key}.{form}", n=n, **values)


def _flatten(tree: Any, prefix: str, out: dict[str, str]) -> None:
    if isinstance(tree, dict):
        for key, value in tree.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), out)
    elif tree is not None:
        out[prefix] = str(tree)


def read_entries(lang: str, folder: Path = LOCALE_DIR) -> dict[str, str]:
    """Every text of one catalog file, by dotted key."""
    with open(folder / f"{lang}.yaml", encoding="utf-8") as handle:
        tree = yaml.load(handle, Loader=_Loader)
    out: dict[str, str] = {}
    _flatten(tree or {}, "", out)
    return out


def load_catalog(lang: str, folder: Path = LOCALE_DIR) -> Catalog:
    """The catalog for ``lang`` (Dutch when the language is unknown), backed by Dutch."""
    if lang not in KNOWN_LANGUAGES:
        lang = DEFAULT_LANGUAGE
    dutch = Catalog(DEFAULT_LANGUAGE, read_entries(DEFAULT_LANGUAGE, folder))
    if lang == DEFAULT_LANGUAGE:
        return dutch
    return Catalog(lang, read_entries(lang, folder), fallback=dutch)
