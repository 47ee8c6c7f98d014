"""A deck in one line, as the title screen and the workshop's set-up show it.

Apart from :mod:`game.ui.deck_texts` because the title screen draws this line from a deck's
kept summary and needs none of the card and outcome layouts those sentences come with.
"""

from __future__ import annotations


def deck_facts(app, deck) -> str:
    """A deck in one line: its rounds, meters and cards, the cards counted as the workshop's
    set-up counts them (those that can be drawn), with the follow-up cards that only come back
    after a choice named apart: "12 rondes · 3 meters · 56 kaarten + 12 vervolgkaarten"."""
    follow_ups = sum(1 for card in deck.cards.values() if card.follow_up_only)
    return facts_line(app, deck.term, len(deck.meters), len(deck.cards), follow_ups)


def summary_facts(app, summary) -> str:
    """:func:`deck_facts` of a deck from its summary (the title screen's, without loading)."""
    return facts_line(app, summary.rounds, len(summary.meters), summary.cards,
                      summary.follow_ups)


def facts_line(app, rounds: int, meters: int, cards: int, follow_ups: int) -> str:
    counted = app.catalog.count("title.cards", cards - follow_ups)
    if follow_ups:
        counted += " + " + app.catalog.count("title.follow_ups", follow_ups)
    return app.t("title.facts", rounds=rounds, meters=meters, cards=counted)
