"""A loaded deck's models share what does not differ between them.

A deck of thousands of cards has tens of thousands of models; pydantic keeps with each one the
set of fields it was given, and a card without conditions would hold an empty set of them of its
own. Loading shares both, so memory grows with what the cards say, not with their number (peak
memory itself is measured by ``benchmarks/bench.py``).
"""

from __future__ import annotations

from pydantic import BaseModel

from conftest import DEFAULT_DECK

from game.authoring.loader import load_deck


def _models(value) -> list[BaseModel]:
    """Every model inside ``value`` (models, lists, mappings), each once."""
    found: dict[int, BaseModel] = {}
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            if id(item) not in found:
                found[id(item)] = item
                stack += [getattr(item, name) for name in type(item).model_fields]
        elif isinstance(item, (list, tuple)):
            stack += item
        elif isinstance(item, dict):
            stack += item.values()
    return list(found.values())


def test_models_given_the_same_fields_share_one_record_of_them() -> None:
    deck = load_deck(DEFAULT_DECK).deck
    models = _models([deck.spec, *deck.cards.values()])
    records = {id(m.model_fields_set): m.model_fields_set for m in models}
    assert len(models) > 300
    distinct = {frozenset(r) for r in records.values()}
    assert len(records) == len(distinct) < 40  # one record per combination of fields given


def test_a_shared_record_stays_as_it_was_when_a_model_is_copied() -> None:
    deck = load_deck(DEFAULT_DECK).deck
    option = next(iter(deck.cards.values())).options[0]
    given = set(option.model_fields_set)
    copied = option.model_copy(update={"set_flags": ["nieuw"]})
    assert "set_flags" in copied.model_fields_set
    assert option.model_fields_set == given


def test_cards_without_conditions_share_one_empty_set_of_them() -> None:
    cards = list(load_deck(DEFAULT_DECK).deck.cards.values())
    unconditioned = [c for c in cards if "when" not in c.model_fields_set]
    assert len(unconditioned) > 1
    assert len({id(c.when) for c in unconditioned}) == 1
