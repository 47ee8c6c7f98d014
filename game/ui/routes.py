"""Where a scene asks the table to go next, as plain values.

A scene never builds another scene: it says where to go with one of these routes
(``app.go(Menu(match))``), and the router (:mod:`game.ui.router`) turns the route into the
next scene and puts it on the stack. So scenes import this module, never each other, and one
place decides which screen shows what. Routes that open *over* the current scene (menus,
questions, the glossary) dismiss with a result that the scene below receives in
``on_result``, as before.

Each route is a named tuple: a value that cannot change, made at start-up for a fraction of
what a frozen dataclass costs there (the title screen is drawn before most routes are ever
used). The router tells routes apart by their type, never by comparing them or asking for
their truth: as tuples, two routes with equal fields compare equal even when their kinds
differ, and a route without fields is false.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple


class Title(NamedTuple):
    """The title screen, alone on the stack."""


class Current(NamedTuple):
    """The screen the match on the table is at: a card, its outcome or the end; in a workshop
    a card at ``step`` ("discuss" or "vote"; None: where the table left it), the outcome or
    the end."""

    step: str | None = None


class Menu(NamedTuple):
    """The in-game menu over the current scene; dismissed with the action chosen."""

    match: Any
    #: The menu's items, in order; None for the single game's.
    actions: tuple[str, ...] | None = None


class Glossary(NamedTuple):
    """The deck's glossary over the current scene, opened at the terms ``context`` uses."""

    deck: Any
    context: str
    back_key: str = "glossary.back_card"


class DeckErrors(NamedTuple):
    """The errors of a deck that could not be loaded, over the current scene."""

    folder: Path
    result: Any


class ReloadErrors(NamedTuple):
    """The errors of a deck that no longer loads after F5, over the game (replacing an older
    such screen)."""

    folder: Path
    result: Any


class WorkshopSetup(NamedTuple):
    """The workshop's set-up screen over the title screen."""

    entries: Any = None
    selected: int | None = None


class Debrief(NamedTuple):
    """The debriefing pages of ``match`` over the current scene."""

    match: Any


class Confirm(NamedTuple):
    """A yes/no question; dismissed with True or False."""

    question: str
    detail: str
    yes: str
    no: str
    hint: str = ""


class Choose(NamedTuple):
    """Which of ``choices`` ((option index, label), in the card's order) counts; dismissed
    with the index, or None."""

    heading: str
    text: str
    choices: tuple[tuple[int, str], ...]
    cancel: str


class Note(NamedTuple):
    """A one-line text field starting with ``text``; dismissed with the text, or None.
    ``swallow`` is the key's character that opened it, not to be typed in."""

    heading: str
    text: str = ""
    swallow: str = ""


class Black(NamedTuple):
    """A black screen; any key returns."""


class PhoneJoin(NamedTuple):
    """How the room joins by phone: the QR code, the address and the room code."""


class Message(NamedTuple):
    """A plain message with a button to close it."""

    heading: str
    text: str


class Essay(NamedTuple):
    """A card's place in the essay over the card: ``heading``, the section line, the
    paraphrase and the question to discuss; closed with E, Esc or Enter."""

    heading: str
    section: str
    context: str
    question: str


class Watch(NamedTuple):
    """Watching session ``session_id``, which another window plays: a read-only view that
    follows its journal; the way back is the title screen."""

    session_id: int
