"""Where a scene asks the table to go next, as plain values.

A scene never builds another scene: it says where to go with one of these routes
(``app.go(Menu(match))``), and the router (:mod:`game.ui.router`) turns the route into the
next scene and puts it on the stack. So scenes import this module, never each other, and one
place decides which screen shows what. Routes that open *over* the current scene (menus,
questions, the glossary) dismiss with a result that the scene below receives in
``on_result``, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Title:
    """The title screen, alone on the stack."""


@dataclass(frozen=True)
class Current:
    """The screen the match on the table is at: a card, its outcome or the end; in a workshop
    a card at ``step`` ("discuss" or "vote"; None: where the table left it), the outcome or
    the end."""

    step: str | None = None


@dataclass(frozen=True)
class Menu:
    """The in-game menu over the current scene; dismissed with the action chosen."""

    match: Any
    #: The menu's items, in order; None for the single game's.
    actions: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Glossary:
    """The deck's glossary over the current scene, opened at the terms ``context`` uses."""

    deck: Any
    context: str
    back_key: str = "glossary.back_card"


@dataclass(frozen=True)
class DeckErrors:
    """The errors of a deck that could not be loaded, over the current scene."""

    folder: Path
    result: Any


@dataclass(frozen=True)
class ReloadErrors:
    """The errors of a deck that no longer loads after F5, over the game (replacing an older
    such screen)."""

    folder: Path
    result: Any


@dataclass(frozen=True)
class WorkshopSetup:
    """The workshop's set-up screen over the title screen."""

    entries: Any = None
    selected: int | None = None


@dataclass(frozen=True)
class Debrief:
    """The debriefing pages of ``match`` over the current scene."""

    match: Any


@dataclass(frozen=True)
class Confirm:
    """A yes/no question; dismissed with True or False."""

    question: str
    detail: str
    yes: str
    no: str
    hint: str = ""


@dataclass(frozen=True)
class Choose:
    """Which of ``choices`` ((option index, label), in the card's order) counts; dismissed
    with the index, or None."""

    heading: str
    text: str
    choices: tuple[tuple[int, str], ...]
    cancel: str


@dataclass(frozen=True)
class Note:
    """A one-line text field starting with ``text``; dismissed with the text, or None.
    ``swallow`` is the key's character that opened it, not to be typed in."""

    heading: str
    text: str = ""
    swallow: str = ""


@dataclass(frozen=True)
class Black:
    """A black screen; any key returns."""


@dataclass(frozen=True)
class PhoneJoin:
    """How the room joins by phone: the QR code, the address and the room code."""


@dataclass(frozen=True)
class Message:
    """A plain message with a button to close it."""

    heading: str
    text: str


@dataclass(frozen=True)
class Essay:
    """A card's place in the essay over the card: ``heading``, the section line, the
    paraphrase and the question to discuss; closed with E, Esc or Enter."""

    heading: str
    section: str
    context: str
    question: str


@dataclass(frozen=True)
class Watch:
    """Watching session ``session_id``, which another window plays: a read-only view that
    follows its journal; the way back is the title screen."""

    session_id: int
