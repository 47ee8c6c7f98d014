"""Every text of the program itself, in every language it speaks: one mechanism for the screen,
the command line, deck checking, the reports and the simulator's summary.

The texts live in ``game/language/locale/<lang>/<area>.yaml``, one folder per language and one
file per area: ``interface`` (the screen), ``check`` (deck checking), ``command`` (the
commands' own words), ``report`` (the debrief report) and ``balance`` (the simulator's summary).
A file is a nested YAML mapping; keys are addressed with dots (``card.round``). A key whose first
part names an area file (``check.deck.no_cards``) is read from that file, which holds only that
part; every other key is in ``interface.yaml``.

The one fallback rule: a key missing in the asked language is taken from Dutch (the game's first
language), and a key missing in Dutch too shows as the key itself, so a gap is visible but never
a crash. A language without a catalog is read as Dutch.

The one placeholder rule: :meth:`Catalog.t` fills ``{name}`` placeholders with
:meth:`str.format` (``{{`` and ``}}`` stand for a brace); a text whose placeholders cannot be
filled is shown as written. Counted texts have ``one`` and ``other`` forms, picked by
:meth:`Catalog.count`.

Loading: a file is read once per language, the first time one of its keys is asked for (so a
command reads only the areas it uses), through a cache of mappings that cannot be changed, keyed
by folder, language and area; Dutch is read for a gap only. :func:`load_catalog` gives the same catalog for the same language every time,
and a catalog keeps its screen texts at hand, so a lookup on the screen is one dictionary lookup.
Between runs a file's texts are kept beside it (:mod:`game.language.kept_catalog`), so a start
reads them without the YAML parser while the file is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from game.language.kept_catalog import area_texts
from game.language.texts import DEFAULT_LANGUAGE, KNOWN_LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The area file of every key whose first part names no other area.
INTERFACE = "interface"


@dataclass(frozen=True)
class Catalog:
    """The texts of one language, backed by Dutch."""

    lang: str
    folder: Path = LOCALE_DIR

    @cached_property
    def _interface(self) -> Mapping[str, str]:
        return _read_area(self.folder, self.lang, INTERFACE)

    @cached_property
    def _areas(self) -> frozenset[str]:
        return _area_names(self.folder)

    def _own(self, key: str) -> Mapping[str, str]:
        """This language's texts of the area that holds ``key``."""
        area = key.partition(".")[0]
        return _read_area(self.folder, self.lang, area) if area in self._areas else self._interface

    def _fallback(self, key: str) -> str:
        """The text for a key this language lacks: Dutch, else the key itself."""
        if self.lang == DEFAULT_LANGUAGE:
            return key
        return load_catalog(DEFAULT_LANGUAGE, self.folder).raw(key)

    def raw(self, key: str) -> str:
        """The text for ``key`` as written, by the fallback rule."""
        text = self._own(key).get(key)
        return self._fallback(key) if text is None else text

    def __contains__(self, key: str) -> bool:
        """Whether ``key`` has a text in this language or in Dutch."""
        return key in self._own(key) or (
            self.lang != DEFAULT_LANGUAGE and key in load_catalog(DEFAULT_LANGUAGE, self.folder))

    def t(self, key: str, /, **values: Any) -> str:
        """The text for ``key`` with its placeholders filled in."""
        text = self._own(key).get(key)
        if text is None:
            text = self._fallback(key)
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
        dutch = load_catalog(DEFAULT_LANGUAGE, self.folder)
        found = {} if self.lang == DEFAULT_LANGUAGE else dutch.section(prefix)
        found.update((key[len(start):], text) for key, text in self._own(start).items()
                     if key.startswith(start))
        return found


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
def _read_area(folder: Path, lang: str, area: str) -> Mapping[str, str]:
    """Every text of one area file, by dotted key (empty when the file is not there)."""
    path = folder / lang / f"{area}.yaml"
    if not path.is_file():
        return MappingProxyType({})
    return MappingProxyType(area_texts(path))
