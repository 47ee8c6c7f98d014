"""What a card's screens say, in the table's language: the texts that decide their layout.

The card screen (:mod:`game.ui.layout.card`) and the outcome screen
(:mod:`game.ui.layout.outcome`) are laid out around these words, and ``validate``'s text-fit
check (:mod:`game.ui.layout.fit`) knows a card it measured before by them. They need neither
pygame nor a font: checking a deck whose cards were all measured before imports no layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Mapping

from game.ui.look.numbers import signed

if TYPE_CHECKING:  # named in annotations only: the title screen comes without the format
    from game.format.deck import Deck
    from game.format.models import Card, EssayContext, Option

#: The interface's words: a catalog key and its values -> the text.
Words = Callable[..., str]
#: A deck text in the table's language.
Local = Callable[[object], str]


def essay_lines(t: Words, local: Local, deck: Deck, essay: EssayContext | None
                ) -> tuple[str, str, str]:
    """A card's essay context as shown: the section line ("§ 4b · Transparantie en
    verantwoording"), the paraphrase and the question to discuss (empty without an essay)."""
    if essay is None:
        return "", "", ""
    aspect = deck.aspect(essay.section)
    if aspect is not None:
        section = t("outcome.section", section=essay.section, label=local(aspect.label))
    else:
        section = t("outcome.section_only", section=essay.section)
    return section, local(essay.context), local(essay.question)


def dynamics_line(t: Words, local: Local, deck: Deck, text: object,
                  changes: Mapping[str, int]) -> str:
    """What the outcome screen says a dynamics rule did: its ``text`` and the meters it
    changed, "De raad trekt geld uit voor het datateam. (Capaciteit +6)"."""
    moved = [t("dynamics.change", meter=local(meter.label).split(" (")[0],
               delta=signed(changes[meter.id]))
             for meter in deck.meters if changes.get(meter.id)]
    said = local(text)
    return t("dynamics.line", text=said, changes=", ".join(moved)) if moved else said


@dataclass(frozen=True)
class OutcomeWords:
    """What the outcome screen says that decides its layout, in the table's language."""

    #: "Jullie kozen: ..." with the option's label.
    choice: str
    #: The option's outcome, or the table's words for an option without one.
    outcome: str
    #: The essay's section line, paraphrase and question; None for a card without essay.
    essay: tuple[str, str, str] | None
    #: The question a council member would ask (an onboarding game's; "": none shown).
    council: str = ""
    #: The deck's meter labels, each of which may stand in a chip under the outcome.
    meters: tuple[str, ...] = ()
    #: The line over the choice that names the card ("Gevolg · ..."; "": none).
    caption: str = ""

    @classmethod
    def of(cls, t: Words, local: Local, deck: Deck, card: Card | None,
           option: Option | None) -> "OutcomeWords":
        """The words for ``option`` of ``card`` (both None before any decision)."""
        choice = t("outcome.chosen", label=local(option.label) if option else "")
        outcome = (local(option.outcome) if option else "") or t("outcome.no_text")
        essay = card.essay if card is not None else None
        return cls(choice, outcome,
                   essay_lines(t, local, deck, essay) if essay is not None else None,
                   meters=tuple(local(meter.label) for meter in deck.meters),
                   caption=t("outcome.caption", title=local(card.title) if card else ""))

    @classmethod
    def of_card(cls, t: Words, local: Local, deck: Deck, card: Card,
                under: str = "") -> list["OutcomeWords"]:
        """The words for each option of ``card``, as :meth:`of` gives them one by one (what
        the options share is worked out once), with ``under`` added under each outcome after
        an empty line, as the outcome screen adds a dynamics line."""
        essay = essay_lines(t, local, deck, card.essay) if card.essay is not None else None
        meters = tuple(local(meter.label) for meter in deck.meters)
        caption = t("outcome.caption", title=local(card.title))
        no_text = t("outcome.no_text")
        said = []
        for option in card.options:
            outcome = local(option.outcome) or no_text
            said.append(cls(t("outcome.chosen", label=local(option.label)),
                            "\n\n".join([outcome, under]) if under else outcome, essay,
                            meters=meters, caption=caption))
        return said


@dataclass(frozen=True)
class CardWords:
    """A card's own texts in the table's language: its title, its text, its options' labels."""

    title: str
    text: str
    labels: tuple[str, ...]

    @classmethod
    def of(cls, card: Card, local: Callable[[object], str]) -> "CardWords":
        """``card``'s texts, each put in the table's language by ``local``."""
        return cls(local(card.title), local(card.text),
                   tuple(local(option.label) for option in card.options))
