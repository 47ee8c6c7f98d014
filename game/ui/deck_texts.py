"""Sentences the table makes from a deck and a game's state, shared by single play and workshops."""

from __future__ import annotations

from game.ui.layout.words import dynamics_line, essay_lines


def end_reason(app, deck, state, term: int) -> str:
    """Why a term of ``term`` rounds ended, as a sentence: the meter that collapsed, the cards
    that ran out, or the full term. ``state`` is a session or a workshop team."""
    if state.end_reason == "collapse" and state.collapsed_meter:
        meter = deck.meter(state.collapsed_meter)
        name = app.local(meter.label) if meter else state.collapsed_meter
        return app.t("end.reason_collapse", meter=name,
                     value=state.meters.get(state.collapsed_meter, 0))
    if state.end_reason == "exhausted":
        return app.t("end.reason_exhausted", round=state.round)
    return app.t("end.reason_term", rounds=term)


def essay_texts(app, deck, essay) -> tuple[str, str, str]:
    """A card's essay context as shown in the table's language: the section line, the
    paraphrase and the question (see :func:`~game.ui.layout.outcome.essay_lines`)."""
    return essay_lines(app.t, app.local, deck, essay)


def dynamics_lines(app, deck, fired) -> list[str]:
    """What the deck's dynamics did after a decision, one sentence per rule that fired, with
    its meter changes: "De raad trekt geld uit voor het datateam. (Capaciteit +6)". ``fired``
    is a decision record's ``dynamics`` (absent or empty: no lines)."""
    rules = {rule.id: rule for rule in deck.spec.dynamics}
    return [dynamics_line(app.t, app.local, deck, rules[item["id"]].text,
                          item.get("changes", {}))
            for item in fired or ()
            if item.get("id") in rules]  # a rule gone since the game was saved says nothing
