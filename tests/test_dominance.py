"""Options never worth picking: one definition for the simulator and the deck checks."""

from __future__ import annotations

from game.balance import simulate
from game.format.models import Card, Meter
from game.format.dominance import direction, dominated_options


def card(*effects: dict[str, int]) -> Card:
    return Card.model_validate({"id": "k", "title": "K", "text": "K",
                                "options": [{"label": str(i), "effects": e}
                                            for i, e in enumerate(effects)]})


def test_higher_is_better_unless_told_otherwise() -> None:
    assert simulate.dominated_options is dominated_options
    assert dominated_options(card({"s": 5}, {"s": -5}), ["s"]) == [("b", "a")]
    assert dominated_options(card({"s": 5, "c": -5}, {"s": -5, "c": 5}), ["s", "c"]) == []
    assert dominated_options(card({}, {}), ["s"]) == [("a", "b"), ("b", "a")]


def test_the_better_way_is_away_from_the_collapse() -> None:
    meters = {m.id: direction(m) for m in (
        Meter(id="s", label="S"), Meter(id="onrust", label="O", collapse="max"),
        Meter(id="c", label="C", collapse="both"), Meter(id="n", label="N", collapse="none"))}
    assert meters == {"s": 1, "onrust": -1, "c": 0, "n": 1}
    assert dominated_options(card({"onrust": 5}, {}), meters, meters) == [("a", "b")]
    assert dominated_options(card({"c": 5}, {}), meters, meters) == []
    assert dominated_options(card({"c": 5, "s": 1}, {"c": 5}), meters, meters) == [("b", "a")]
