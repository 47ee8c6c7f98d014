"""The reviewed facts of law and role (tests/data/legal_facts.yaml) are still in the default deck."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import DEFAULT_DECK, load

FACTS = yaml.safe_load((Path(__file__).parent / "data" / "legal_facts.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def deck():
    return load(DEFAULT_DECK)


def _nl(text) -> str:
    return text.get("nl", "") if isinstance(text, dict) else str(text or "")


def card_text(card) -> str:
    parts = [card.title, card.text, card.essay.context, card.essay.question]
    for option in card.options:
        parts += [option.label, option.outcome]
    return "\n".join(_nl(p) for p in parts)


@pytest.mark.parametrize("key", sorted(FACTS["cards"]))
def test_card_still_states_the_reviewed_fact(deck, key):
    fact = FACTS["cards"][key]
    assert fact["claim"] and fact["source"], key
    card = deck.card(fact.get("card", key))
    assert card is not None, key
    text = card_text(card)
    for needed in fact.get("mentions", []):
        assert needed in text, f"{card.id} no longer says {needed!r} ({fact['source']})"
    for banned in fact.get("not_in_context", []):
        assert banned not in _nl(card.essay.context) + _nl(card.essay.question), (card.id, banned)
    for banned in fact.get("no_option_mentions", []):
        for option in card.options:
            said = (_nl(option.label) + _nl(option.outcome)).lower()
            assert banned.lower() not in said, (card.id, option.id, banned)
    for needed in fact.get("every_option_mentions", []):
        for option in card.options:
            assert needed in _nl(option.label) + _nl(option.outcome), (card.id, option.id, needed)
    if "section" in fact:
        assert card.essay.section == fact["section"], card.id
    if "character" in fact:
        assert card.character == fact["character"], card.id


@pytest.mark.parametrize("term", sorted(FACTS["glossary"]))
def test_glossary_still_states_the_reviewed_fact(deck, term):
    fact = FACTS["glossary"][term]
    entries = [e for e in deck.spec.glossary if _nl(e.term).startswith(term)]
    assert entries, term
    definition = _nl(entries[0].definition)
    for needed in fact.get("mentions", []):
        assert needed in definition, f"glossary {term} no longer says {needed!r} ({fact['source']})"
