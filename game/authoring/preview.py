"""What an author asked to preview (``play DECK --card ID --flags a,b --meters id=n``), checked.

A card or meter the deck does not have is an error that names the nearest id in the deck, so a
typo is fixed at once. Flags no card or option uses, meter values outside their range and flags
that go against the card's own conditions are only noted: the preview still opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.format.deck import Deck
from game.authoring.messages import closest, say

#: The catalog section of the preview's messages (``locale/<lang>/command.yaml``).
MESSAGES = "command.preview"

#: At most this many ids are listed when none is close to what was typed.
LISTED = 8


@dataclass
class PreviewCheck:
    """Problems that stop the preview, and notes that do not."""

    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_preview(deck: Deck, card_id: str, flags: tuple[str, ...] = (),
                  meters: tuple[tuple[str, int], ...] = (), lang: str = "nl") -> PreviewCheck:
    """Whether ``deck`` can be previewed at ``card_id`` with these flags and meter values."""
    found = PreviewCheck()
    if deck.card(card_id) is None:
        found.errors.append(_unknown(say(MESSAGES, "unknown_card", lang, card=card_id),
                                     card_id, list(deck.cards), "cards", lang))
    known_meters = {m.id: m for m in deck.meters}
    for meter_id, value in meters:
        meter = known_meters.get(meter_id)
        if meter is None:
            found.errors.append(_unknown(say(MESSAGES, "unknown_meter", lang, meter=meter_id),
                                         meter_id, list(known_meters), "meters", lang))
        elif not meter.min <= value <= meter.max:
            used = max(meter.min, min(meter.max, value))
            found.notes.append(say(MESSAGES, "clamped", lang, meter=meter_id, value=value,
                                   low=meter.min, high=meter.max, used=used))
    used_flags = _flags_in(deck)
    for flag in flags:
        if flag not in used_flags:
            note = say(MESSAGES, "unused_flag", lang, flag=flag)
            near = closest(flag, used_flags)
            if near is not None:
                note += f" ({say(MESSAGES, 'did_you_mean', lang, name=near)})"
            found.notes.append(note)
    card = deck.card(card_id)
    if card is not None:
        for flag in card.when.flags:
            if flag not in flags:
                found.notes.append(say(MESSAGES, "needs_flag", lang, card=card_id, flag=flag))
        for flag in card.when.not_flags:
            if flag in flags:
                found.notes.append(say(MESSAGES, "excludes_flag", lang, card=card_id, flag=flag))
    return found


def _unknown(message: str, value: str, known: list[str], kind: str, lang: str) -> str:
    """``message`` with the nearest known id, or the first few ids when none is near."""
    near = closest(value, known)
    if near is not None:
        return f"{message} ({say(MESSAGES, 'did_you_mean', lang, name=near)})"
    names = ", ".join(known[:LISTED]) + (", ..." if len(known) > LISTED else "")
    return f"{message}; {say(MESSAGES, 'known', lang, kind=say(MESSAGES, kind, lang), names=names)}"


def _flags_in(deck: Deck) -> set[str]:
    """Every flag a card's conditions read or an option sets or clears."""
    flags: set[str] = set()
    for card in deck.cards.values():
        flags.update(card.when.flags, card.when.not_flags)
        for option in card.options:
            flags.update(option.set_flags, option.clear_flags)
    return flags
