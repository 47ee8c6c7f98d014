"""How a message of deck checking is put together, in the reader's language.

The words themselves are in the catalogs (:mod:`game.language.catalog`), in sections named by
the constants below and by those of :mod:`game.authoring.yaml_reader`,
:mod:`game.authoring.validate`, :mod:`game.authoring.preview` and
:mod:`game.authoring.scaffold`; :func:`say` reads one and fills in its ``{placeholders}``.
"""

from __future__ import annotations

import difflib
from typing import Any

from game.language.catalog import load_catalog

#: The catalog sections (``locale/<lang>/check.yaml``) of the messages of deck checking.
#: Messages about a deck as a whole, its references, its images and how it plays.
MESSAGES = "check.deck"
#: Kinds of ids, for "the card id 'x' is used twice".
KINDS = "check.kind"
#: Messages about the format.
SCHEMA_MESSAGES = "check.schema"
#: Names of the format's parts, by model: ``this``, ``a`` and ``many`` ("this card", "a card",
#: "cards").
NOUNS = "check.noun"


def say(section: str, message_key: str, lang: str, /, **params: Any) -> str:
    """The message ``message_key`` of the catalog ``section`` in ``lang``, filled in."""
    return load_catalog(lang).t(f"{section}.{message_key}", **params)


def noun(model_name: str, form: str, lang: str) -> str | None:
    """A name of a part of the format in ``form`` (this, a, many); None for an unnamed part."""
    key = f"{NOUNS}.{model_name}.{form}"
    catalog = load_catalog(lang)
    return catalog.raw(key) if key in catalog else None


def visible(text: str, limit: int = 60) -> str:
    """``text`` fit for a one-line message: control characters escaped, long text cut."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def closest(value: str, known: set[str] | list[str]) -> str | None:
    """The known name closest to ``value`` (None when none is close)."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(value: str, known: set[str] | list[str], lang: str) -> str:
    """A hint naming the known name closest to ``value`` ("" when none is close)."""
    name = closest(value, known)
    return say(MESSAGES, "did_you_mean", lang, name=name) if name is not None else ""
