"""What the tests of the bundled decks read off a deck: its player texts and its options' gaps."""

from __future__ import annotations

from typing import Any, Iterator

from game.format.models import Card


def deck_texts(deck) -> Iterator[tuple[str, Any]]:
    """(where, text) of every text a player reads: the deck's own, its meters, aspects,
    characters, endings and glossary, and every card's texts, essay block and options."""
    spec = deck.spec
    yield "deck title", spec.title
    yield "deck description", spec.description
    for item in [*spec.meters, *spec.aspects]:
        yield item.id, item.label
    for item in spec.meters:
        yield item.id, item.description
    for item in spec.aspects:
        yield item.id, item.question
    for character in spec.characters:
        yield character.id, character.role
    for ending in spec.endings:
        yield ending.id, ending.title
        yield ending.id, ending.text
    for entry in spec.glossary:
        yield "glossary", entry.term
        yield "glossary", entry.definition
    for card in deck.cards.values():
        yield card.id, card.title
        yield card.id, card.text
        yield card.id, card.essay.context
        yield card.id, card.essay.question
        for option in card.options:
            yield f"{card.id}/{option.id}", option.label
            yield f"{card.id}/{option.id}", option.outcome


def effect_gap(card: Card) -> int:
    """How far the best option leads the runner-up on the sum of its effects."""
    sums = sorted((sum(option.effects.values()) for option in card.options), reverse=True)
    return sums[0] - sums[1]
