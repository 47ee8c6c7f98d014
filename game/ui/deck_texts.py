"""Sentences the table makes from a deck and a game's state, shared by single play and workshops."""

from __future__ import annotations


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
    """A card's essay context as shown: the section line ("§ 4b · Transparantie en
    verantwoording"), the paraphrase and the question to discuss (empty without an essay)."""
    if essay is None:
        return "", "", ""
    aspect = deck.aspect(essay.section)
    if aspect is not None:
        section = app.t("outcome.section", section=essay.section, label=app.local(aspect.label))
    else:
        section = app.t("outcome.section_only", section=essay.section)
    return section, app.local(essay.context), app.local(essay.question)
