"""The deck's glossary terms and how a screen's text is matched against them, without pygame.

:class:`GlossaryIndex` holds the terms and the matching, so the glossary screen, the card and
the outcome share one definition of which terms a card uses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from game.language.texts import localize

#: Characters a search may hold besides letters and digits (terms such as "I&A", "Data-hygiëne").
SEARCH_EXTRA = " -&'()."
SEARCH_MAX = 40
#: An abbreviation (AVG, OR, I&A) matches a card text only with this exact case, so the English
#: word "or" is not taken for the works council.
ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")


def fold(text: str) -> str:
    """``text`` for comparing: case and accents ignored (hygiëne finds hygiene and back)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def names_of(term: str) -> list[str]:
    """How a term may appear in a text: whole, the part before a parenthesis, and inside it.

    "AVG (GDPR)" gives "AVG (GDPR)", "AVG" and "GDPR".
    """
    term = term.strip()
    names = [term]
    found = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", term)
    if found:
        names += [part.strip() for part in found.groups() if part.strip()]
    return list(dict.fromkeys(names))


def _pattern(name: str) -> re.Pattern[str]:
    """A regular expression that finds ``name`` as a word (or a word's start) in a text."""
    if ABBREVIATION.match(name):
        return re.compile(rf"(?<![\w&]){re.escape(name)}(?![\w&])")
    # Longer words may carry an ending (algoritme, algoritmen); short ones must stand alone
    # (Woo is not the start of "woonwijk").
    tail = "" if len(name) >= 6 else r"(?!\w)"
    return re.compile(rf"(?<!\w){re.escape(fold(name))}{tail}")


@dataclass(frozen=True)
class Term:
    """One glossary entry in one language."""

    term: str
    definition: str

    @property
    def key(self) -> str:
        """Sort key: alphabetical, ignoring case, accents and leading punctuation."""
        return fold(self.term).lstrip(" '\"“‘(")

    def occurs_in(self, text: str, folded: str | None = None) -> bool:
        """Whether the term (or its abbreviation) is named in ``text``."""
        folded = fold(text) if folded is None else folded
        for name in names_of(self.term):
            pattern = _pattern(name)
            haystack = text if ABBREVIATION.match(name) else folded
            if pattern.search(haystack):
                return True
        return False


@dataclass(frozen=True)
class Row:
    """One line of the list: a section heading, a term with its definition, or a message."""

    kind: str  # "heading", "entry" or "message"
    text: str
    definition: str = ""


class GlossaryIndex:
    """The deck's glossary in one language, and what to list for a screen and a search."""

    def __init__(self, entries: list[Any], lang: str):
        terms = [Term(localize(e.term, lang).strip(), localize(e.definition, lang).strip())
                 for e in entries]
        self.terms = sorted((t for t in terms if t.term), key=lambda t: (t.key, t.term))

    def on_screen(self, text: str) -> list[Term]:
        """The terms named in ``text`` (a card's title, text and options), alphabetically."""
        folded = fold(text)
        return [t for t in self.terms if t.occurs_in(text, folded)]

    def search(self, query: str) -> tuple[list[Term], list[Term]]:
        """Terms whose name matches ``query`` (starts first), and terms whose definition does."""
        q = fold(query).strip()
        if not q:
            return list(self.terms), []
        starts, inside, explained = [], [], []
        for term in self.terms:
            names = [fold(n) for n in names_of(term.term)]
            if any(n.startswith(q) for n in names):
                starts.append(term)
            elif any(q in n for n in names):
                inside.append(term)
            elif re.search(rf"(?<!\w){re.escape(q)}", fold(term.definition)):
                explained.append(term)  # a word of the definition starts with the search
        return starts + inside, explained

    def rows(self, query: str, context: str, t) -> list[Row]:
        """What the list shows: ``t`` turns catalog keys into the table's language."""
        if query.strip():
            named, explained = self.search(query)
            rows = [Row("entry", x.term, x.definition) for x in named]
            if explained:
                rows.append(Row("heading", t("glossary.in_definitions")))
                rows += [Row("entry", x.term, x.definition) for x in explained]
            if not rows:
                rows = [Row("message", t("glossary.none", query=query.strip()))]
            return rows
        here = self.on_screen(context) if context else []
        everything = [Row("entry", x.term, x.definition) for x in self.terms]
        if not here:
            return everything
        return ([Row("heading", t("glossary.on_card"))]
                + [Row("entry", x.term, x.definition) for x in here]
                + [Row("heading", t("glossary.all"))] + everything)


def card_text(local, card, options, character) -> str:
    """Everything a card screen says (title, text, options and the character's role), for
    finding the glossary terms it uses; ``local`` picks the table's language."""
    parts = [local(card.title), local(card.text)]
    parts += [local(o.label) for o in options]
    if character is not None:
        parts.append(local(character.role))
    return "\n".join(parts)


def has_glossary(deck) -> bool:
    return bool(deck is not None and deck.spec.glossary)
