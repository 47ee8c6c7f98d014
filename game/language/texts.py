"""Text that may be given once or per language.

A deck author writes any text either as a plain string (Dutch, the default language) or as a
mapping per language: ``{nl: "Ja", en: "Yes"}``. :func:`localize` picks the right one.
"""

from __future__ import annotations

from typing import Union

DEFAULT_LANGUAGE = "nl"
#: Languages the interface has catalogs for. Decks may use these codes.
KNOWN_LANGUAGES = ("nl", "en")

Text = Union[str, dict[str, str]]


def localize(text: Text | None, lang: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The text in ``lang``, else in the fallback language, else in any language given."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for key in (lang, fallback):
        if key in text:
            return text[key]
    return next(iter(text.values()), "")


def shown_language(languages: list[str], lang: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The language the texts of a deck written in ``languages`` are shown in to a reader of
    ``lang``: that language where the deck is written in it, else the one :func:`localize`
    falls back to."""
    if lang in languages or not languages:
        return lang
    return fallback if fallback in languages else languages[0]


def languages_of(text: Text | None) -> set[str]:
    """Which languages a text is written in (a plain string counts as the default)."""
    if text is None or text == "":
        return set()
    if isinstance(text, str):
        return {DEFAULT_LANGUAGE}
    return set(text)
