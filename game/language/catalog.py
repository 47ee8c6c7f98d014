"""Every text of the program itself, in every language it speaks: one mechanism for the screen,
the command line, deck checking, the reports and the simulator's summary.

The texts live in ``game/language/locale/<lang>/<area>.yaml``, one folder per language and one
file per area: ``interface`` (the screen), ``check`` (deck checking), ``command`` (the
commands' own words), ``report`` (the debrief report) and ``balance`` (the simulator's summary).
A file is a nested YAML mapping; keys are addressed with dots (``card.round``). A key whose first
part names an area file (``check.deck.no_cards``) is read from that file, which holds only that
part; every other key is in ``interface.yaml``. A file is read the first time one of its keys is
asked for, once per language, so a command reads only the areas it uses.

The one fallback rule: a key missing in the asked language is taken from Dutch (the game's first
language), and a key missing in Dutch too shows as the key itself, so a gap is visible but never
a crash. A language without a catalog is read as Dutch.

The one placeholder rule: :meth:`Catalog.t` fills ``{name}`` placeholders with
:meth:`str.format` (``{{`` and ``}}`` stand for a brace); a text whose placeholders cannot be
filled is shown as written. Counted texts have ``one`` and ``other`` forms, picked by
:meth:`Catalog.count`.

Loading: each language's files are read once, through caches of mappings that cannot be changed
(keyed by folder, language and area); :func:`load_catalog` gives the same catalog for the same
language every time, and a catalog keeps the screen's texts at hand, as its own immutable
mapping, so a lookup on the screen is one dictionary lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from game.language.texts import DEFAULT_LANGUAGE, KNOWN_LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The area file of every key whose first part names no other area.
INTERFACE = "interface"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Catalog:
    """The texts of one language, backed by Dutch."""

    lang: str
    folder: Path = LOCALE_DIR

    @cached_property
    def _interface(self) -> Mapping[str, str]:
        return _texts(self.folder, self.lang, INTERFACE)

    @cached_property
    def _areas(self) -> frozenset[str]:
        return _area_names(self.folder)

    def _entries(self, key: str) -> Mapping[str, str]:
        """The texts of the area that holds ``key``, with Dutch filling the gaps."""
        area = key.partition(".")[0]
        return _texts(self.folder, self.lang, area) if area in self._areas else self._interface

    def raw(self, key: str) -> str:
        """The text for ``key`` as written, by the fallback rule."""
        return self._entries(key).get(key, key)

    def __contains__(self, key: str) -> bool:
        """Whether ``key`` has a text in this language or in Dutch."""
        return key in self._entries(key)

    def t(self, key: str, /, **values: Any) -> str:
        """The text for ``key`` with its placeholders filled in."""
        text = self._entries(key).get(key, key)
        if not values and "{" not in text and "}" not in text:
            return text  # what formatting would give, without its cost
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError, AttributeError):
            return text

    def count(self, key: str, n: int, /, **values: Any) -> str:
        """A counted text: ``key.one`` for one, ``key.other`` otherwise; ``{n}`` is the count."""
        form = "one" if n == 1 else "other"
        return self.t(f"{key}.{form}", n=n, **values)

    def section(self, prefix: str) -> dict[str, str]:
        """Every text under ``prefix``, by the rest of its key, as written (Dutch for a gap)."""
        start = prefix + "."
        return {key[len(start):]: text for key, text in self._entries(start).items()
                if key.startswith(start)}


@lru_cache(maxsize=None)
def load_catalog(lang: str, folder: Path = LOCALE_DIR) -> Catalog:
    """The catalog for ``lang`` (Dutch when the language has no catalog)."""
    return Catalog(lang if lang in KNOWN_LANGUAGES else DEFAULT_LANGUAGE, folder)


def read_entries(lang: str, folder: Path = LOCALE_DIR) -> dict[str, str]:
    """Every text of one language as written in its files, by dotted key (no fallback)."""
    out: dict[str, str] = {}
    for area in sorted(_area_names(folder)):
        out.update(_read_area(folder, lang, area))
    return out


@lru_cache(maxsize=None)
def _area_names(folder: Path) -> frozenset[str]:
    """The areas, named by the files of the default language."""
    return frozenset(path.stem for path in (folder / DEFAULT_LANGUAGE).glob("*.yaml"))


@lru_cache(maxsize=None)
def _texts(folder: Path, lang: str, area: str) -> Mapping[str, str]:
    """The texts of one area in ``lang``, with Dutch where ``lang`` has none."""
    own = _read_area(folder, lang, area)
    if lang == DEFAULT_LANGUAGE:
        return own
    return MappingProxyType({**_read_area(folder, DEFAULT_LANGUAGE, area), **own})


@lru_cache(maxsize=None)
def _read_area(folder: Path, lang: str, area: str) -> Mapping[str, str]:
    """Every text of one area file, by dotted key (empty when the file is not there)."""
    path = folder / lang / f"{area}.yaml"
    if not path.is_file():
        return MappingProxyType({})
    with open(path, encoding="utf-8") as handle:
        tree = yaml.load(handle, Loader=_Loader)
    out: dict[str, str] = {}
    _flatten(tree or {}, "", out)
    return MappingProxyType(out)


def _flatten(tree: Any, prefix: str, out: dict[str, str]) -> None:
    if isinstance(tree, dict):
        for key, value in tree.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), out)
    elif tree is not None:
        out[prefix] = str(tree)
