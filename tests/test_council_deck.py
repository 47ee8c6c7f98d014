"""The council's seat: the second bundled deck (scenarios/raadsleden) and the council question on
every card of the default deck.

The council deck is played as a raadslid, with the raad's own instruments as options. This file
checks its shape (not its wording): it loads without a single warning, every text is in Dutch and
English, the options use at least eight different instruments and each instrument used is in the
glossary (with its article where the law has one), the cast has the roles an onboarding evening
needs, every card is a real dilemma, and a random team neither sails through nor collapses.
"""

from __future__ import annotations

import re

import pytest

from conftest import DEFAULT_DECK, ROOT, load
from game.authoring.loader import load_deck
from game.balance.simulate import simulate, summary
from game.format.dominance import direction, dominated_options
from game.language.texts import languages_of
from deckfacts import deck_texts, effect_gap

COUNCIL_DECK = ROOT / "scenarios" / "raadsleden"

#: The raad's instruments: how an option label (Dutch) names it, the glossary entry that explains
#: it, and the article that entry cites (None where the instrument has no article of its own).
INSTRUMENTS = {
    "schriftelijke vragen": (r"schriftelijke vragen", "Schriftelijke vragen", "art. 155"),
    "vragenuur": (r"vragenuur", "Vragenuur", "art. 155"),
    "interpellatie": (r"interpell", "Interpellatie", "art. 155"),
    "motie": (r"\bmotie\b", "Motie", None),
    "amendement": (r"\bamendement\b", "Amendement", "art. 147b"),
    "initiatiefvoorstel": (r"initiatiefvoorstel", "Initiatiefvoorstel", "art. 147a"),
    "rekenkamer": (r"rekenkamer", "Rekenkamer", "art. 81a"),
    "enquête": (r"enquête", "Enquêterecht", "art. 155a"),
    "accountant": (r"accountant", "Accountant", "art. 213"),
    "begroting": (r"begroting", "Begroting", "art. 190"),
    "zienswijze": (r"zienswijze", "Zienswijze", "art. 35"),
    "toestemming voor een GR": (r"toestemming", "Gemeenschappelijke regeling (GR)", "art. 1"),
    "wensen en bedenkingen": (r"wensen en bedenkingen", "Wensen en bedenkingen", "art. 169"),
    "technische briefing": (r"technische briefing", "Technische briefing", None),
    "hoorzitting": (r"hoorzitting", "Hoorzitting", "art. 150"),
    "raadsinformatiebrief": (r"raadsinformatiebrief", "Raadsinformatiebrief", None),
}

#: The roles an onboarding evening needs on the cards, found in the characters' Dutch roles.
ROLES = {
    "griffier": r"^Griffier",
    "coalition council member": r"^Raadslid van een coalitiepartij",
    "opposition council member": r"^Raadslid, .*oppositiepartij",
    "alderman": r"^Wethouder",
    "municipal secretary": r"^Gemeentesecretaris",
    "audit office": r"rekenkamer",
}


@pytest.fixture(scope="module")
def deck():
    return load(COUNCIL_DECK)


@pytest.fixture(scope="module")
def main_deck():
    return load(DEFAULT_DECK)


def test_loads_without_errors_or_warnings():
    result = load_deck(COUNCIL_DECK)
    assert result.diagnostics == [], "\n".join(d.format() for d in result.diagnostics)


def test_shape(deck):
    assert deck.id == "raadsleden"
    assert len(deck.cards) >= 24
    assert {m.id for m in deck.meters} == {"koers", "grip", "vertrouwen"}
    for card in deck.cards.values():
        assert card.essay is not None and card.essay.section and card.essay.quote, card.id
        assert card.essay.context and card.essay.question and card.aspects, card.id
        assert 2 <= len(card.options) <= 4, card.id


def test_every_text_is_in_dutch_and_english(deck):
    assert deck.languages == ["nl", "en"]
    for where, text in deck_texts(deck):
        assert languages_of(text) == {"nl", "en"}, where
        assert all(part.strip() for part in text.values()), where


def _instruments_used(deck) -> set[str]:
    labels = [option.label["nl"] for card in deck.cards.values() for option in card.options]
    return {name for name, (pattern, _, _) in INSTRUMENTS.items()
            if any(re.search(pattern, label, re.IGNORECASE) for label in labels)}


def test_the_options_use_at_least_eight_instruments(deck):
    used = _instruments_used(deck)
    assert len(used) >= 8, sorted(used)
    for needed in ("schriftelijke vragen", "interpellatie", "motie", "amendement", "rekenkamer",
                   "enquête", "accountant", "zienswijze", "toestemming voor een GR"):
        assert needed in used, needed


def test_every_instrument_used_is_in_the_glossary_with_its_article(deck):
    glossary = {entry.term["nl"]: entry.definition for entry in deck.spec.glossary}
    for name in _instruments_used(deck):
        _, term, article = INSTRUMENTS[name]
        assert term in glossary, f"{name}: no glossary entry {term!r}"
        if article:
            for language in ("nl", "en"):
                assert article in glossary[term][language], f"{term} ({language}) cites {article}"


def test_the_cast_an_onboarding_evening_needs(deck):
    characters = {c.id: c.role["nl"] for c in deck.spec.characters}
    presenting = {card.character for card in deck.cards.values()}
    for role, pattern in ROLES.items():
        ids = [cid for cid, text in characters.items() if re.search(pattern, text)]
        assert ids, f"no character is the {role}"
        assert presenting & set(ids), f"the {role} presents no card"


def test_endings_for_every_collapse_and_for_the_term(deck):
    collapse = {(e.meter, e.at) for e in deck.endings if e.trigger == "collapse"}
    assert collapse == {(m.id, "min") for m in deck.meters}
    term = [e for e in deck.endings if e.trigger == "term"]
    assert len(term) >= 3 and not term[-1].meters


def test_choices_come_back_rounds_later(deck):
    """Delayed consequences: a choice in round 2 can come back in round 5 or later."""
    delayed = [(card.id, option.id, follow.card) for card in deck.cards.values()
               for option in card.options for follow in option.follow_up if follow.after >= 3]
    assert len({card for card, _, _ in delayed}) >= 5, delayed
    for _, _, follow in delayed:
        assert deck.card(follow).follow_up_only, follow
    depends_on_choice = [card.id for card in deck.cards.values()
                         if len({frozenset(f.card for f in o.follow_up) for o in card.options}) > 1]
    assert len(depends_on_choice) >= 4, "different choices bring different consequences"


def test_every_card_is_a_real_dilemma(deck):
    meters = {m.id: direction(m) for m in deck.meters}
    dominated = {card.id: dominated_options(card, meters, meters) for card in deck.cards.values()}
    assert {k: v for k, v in dominated.items() if v} == {}
    one_sided = [f"{card.id}/{option.id}" for card in deck.cards.values() for option in card.options
                 if not (any(v < 0 for v in option.effects.values())
                         and any(v > 0 for v in option.effects.values()))]
    assert one_sided == [], "every option wins something and costs something"


def test_no_card_has_an_obvious_answer(deck):
    gaps = {card.id: effect_gap(card) for card in deck.cards.values()}
    close = [card for card, gap in gaps.items() if gap <= 4]
    assert len(close) >= 0.75 * len(gaps), f"only {len(close)} of {len(gaps)} cards within 4"
    assert {card: gap for card, gap in gaps.items() if gap > 10} == {}


def test_balance_with_random_choices(deck):
    balance = summary(deck, simulate(deck, 1000, seed=1, workers=1), "random", 1)
    assert 50 <= balance["term_completed_pct"] <= 85
    for meter, pct in balance["collapse_by_meter_pct"].items():
        assert pct <= 25, f"{meter} collapses in {pct}% of games"
    rare = {c["card"]: c["games_pct"] for c in balance["cards"] if c["games_pct"] < 1}
    assert rare == {}


def test_every_main_deck_card_has_a_council_question(main_deck):
    questions = {}
    for card in main_deck.cards.values():
        question = card.council_question
        assert question is not None, card.id
        assert languages_of(question) == {"nl", "en"}, card.id
        for language in ("nl", "en"):
            assert question[language].strip().endswith("?"), (card.id, language)
            assert len(question[language]) >= 40, (card.id, language)
        questions[card.id] = question["nl"]
    assert len(set(questions.values())) == len(questions), "every card asks its own question"
