"""A loaded, checked deck, indexed for the engine and the table.

The loader builds a :class:`Deck` only when a deck has no errors, so everything here may assume
that references resolve: every card's character exists, every follow-up card exists, every
meter id in an effect or condition is a meter of the deck.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple

from game.format.condition_index import ConditionIndex
from game.format.models import (Aspect, Card, Character, DeckFile, DynamicRule, Ending, Meter,
                                Option, range_ends)


class MeterRange(NamedTuple):
    """A meter's range, for the engine's clamping."""

    #: The meter's id.
    id: str
    #: Its lowest and highest value.
    min: int
    max: int


class DrawRule(NamedTuple):
    """A card with conditions, as the engine's draw checks it (its conditions compiled).

    A plain tuple, so the draw's tight loop unpacks it in one step."""

    #: The card, and its id.
    card: Card
    id: str
    #: Whether it leaves the draw once it came up (it is not repeatable).
    once: bool
    #: Its weight in a draw.
    weight: float
    #: Flags that must be set, and flags that must not be.
    need: tuple[str, ...]
    forbid: tuple[str, ...]
    #: The first and the last round it may come up in (-inf and inf when any).
    first: float
    last: float
    #: (meter id, low, high) for each meter that must lie in a range.
    meters: tuple[tuple[str, float, float], ...]


class OptionRule(NamedTuple):
    """An option as the engine applies it: the option's rules as plain tuples."""

    #: The option as written, and its id.
    option: Option
    id: str
    #: (meter id, change, lowest, highest) for each meter it changes, in deck order.
    changes: tuple[tuple[str, int, int, int], ...]
    #: The flags it sets and clears.
    set_flags: tuple[str, ...]
    clear_flags: tuple[str, ...]
    #: (card id, rounds later) for each follow-up it schedules.
    follow_up: tuple[tuple[str, int], ...]


class Dynamic(NamedTuple):
    """A dynamics rule as the engine checks it after every decision (its conditions compiled).

    A plain tuple, so the check after every decision unpacks it in one step."""

    #: The rule as written.
    rule: DynamicRule
    id: str
    #: Flags that must be set, and flags that must not be.
    need: tuple[str, ...]
    forbid: tuple[str, ...]
    #: The first and the last round it applies in (-inf and inf when any).
    first: float
    last: float
    #: (meter id, low, high) for each meter that must lie in a range.
    meters: tuple[tuple[str, float, float], ...]
    #: (meter id, change) for each meter it changes, in deck order.
    effects: tuple[tuple[str, int], ...]
    #: (meter id, change, lowest, highest) for each meter it changes: what clamping needs.
    changes: tuple[tuple[str, int, int, int], ...]

    def holds(self, round_no: int, meters: dict[str, int], flags) -> bool:
        """Whether the rule applies to these meters, flags and round: its ``when``, checked as
        a card's conditions are, from the compiled conditions (this runs for every rule after
        every decision, thousands of times a second in the simulator)."""
        if not self.first <= round_no <= self.last:
            return False
        for flag in self.need:
            if flag not in flags:
                return False
        for flag in self.forbid:
            if flag in flags:
                return False
        for meter, low, high in self.meters:
            if not low <= meters.get(meter, 0) <= high:
                return False
        return True


@dataclass(frozen=True)
class Deck:
    spec: DeckFile
    #: Every card by id, in the order the author wrote them (deck file, then card files by name).
    cards: dict[str, Card]
    folder: Path
    #: sha256 over every file of the deck, so a session knows whether its deck changed.
    content_hash: str
    _characters: dict[str, Character] = field(init=False, repr=False)
    _meters: dict[str, Meter] = field(init=False, repr=False)
    _aspects: dict[str, Aspect] = field(init=False, repr=False)
    _endings: dict[str, Ending] = field(init=False, repr=False)
    #: The range of every meter, in deck order.
    meter_ranges: tuple[MeterRange, ...] = field(init=False, repr=False)
    #: The meters that can collapse, in deck order, as (meter id, floor, ceiling, the deck's
    #: ending at the floor, at the ceiling): a meter collapses at or below its floor or at or
    #: above its ceiling (-inf and inf: never; an ending None: the deck has no fitting one).
    collapse_checks: tuple[tuple[str, float, float, str | None, str | None], ...] = field(
        init=False, repr=False)
    #: The cards a random draw can pick, in deck order: those without conditions (and their
    #: ids), with their cumulative weights (for a binary search), and those with conditions.
    unconditional: tuple[Card, ...] = field(init=False, repr=False)
    unconditional_ids: tuple[str, ...] = field(init=False, repr=False)
    unconditional_cumulative: tuple[float, ...] = field(init=False, repr=False)
    conditional: tuple[DrawRule, ...] = field(init=False, repr=False)
    #: The conditions of :attr:`conditional`, indexed for the draw.
    conditional_index: ConditionIndex[DrawRule] = field(init=False, repr=False)
    #: Weight of each unconditional card that leaves the draw once used.
    single_use_weight: dict[str, float] = field(init=False, repr=False)
    #: The dynamics rules, compiled, in deck order, and their conditions indexed.
    dynamics: tuple[Dynamic, ...] = field(init=False, repr=False)
    dynamics_index: ConditionIndex[Dynamic] = field(init=False, repr=False)
    #: The endings for a completed term in deck order, each as its id and (meter id, low,
    #: high) for every meter range it needs.
    term_endings: tuple[tuple[str, tuple[tuple[str, float, float], ...]], ...] = field(
        init=False, repr=False)
    #: The deck's best ending (None: it marks none).
    best_ending: Ending | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_characters", {c.id: c for c in self.spec.characters})
        object.__setattr__(self, "_meters", {m.id: m for m in self.spec.meters})
        object.__setattr__(self, "_aspects", {a.id: a for a in self.spec.aspects})
        # the first of two endings with one id, as a search through the list finds it
        object.__setattr__(self, "_endings", {e.id: e for e in reversed(self.spec.endings)})
        object.__setattr__(self, "meter_ranges",
                           tuple(MeterRange(m.id, m.min, m.max) for m in self.spec.meters))
        endings = self.spec.endings

        def collapse_ending(meter: str, side: str) -> str | None:
            return next((e.id for e in endings if e.trigger == "collapse" and e.meter == meter
                         and e.at == side), None)

        object.__setattr__(self, "collapse_checks", tuple(
            (m.id, m.min if m.collapse in ("min", "both") else -math.inf,
             m.max if m.collapse in ("max", "both") else math.inf,
             collapse_ending(m.id, "min"), collapse_ending(m.id, "max"))
            for m in self.spec.meters if m.collapse != "none"))
        object.__setattr__(self, "term_endings", tuple(
            (e.id, tuple((m, *range_ends(r)) for m, r in e.meters.items()))
            for e in endings if e.trigger == "term"))
        drawable = [c for c in self.cards.values() if not c.follow_up_only and c.weight > 0]
        free = tuple(c for c in drawable if c.when.empty)
        object.__setattr__(self, "unconditional", free)
        object.__setattr__(self, "unconditional_ids", tuple(c.id for c in free))
        object.__setattr__(self, "unconditional_cumulative",
                           tuple(itertools.accumulate(c.weight for c in free)))
        object.__setattr__(self, "single_use_weight",
                           {c.id: c.weight for c in free if not c.repeatable})
        with_conditions = [c for c in drawable if not c.when.empty]
        compiled = [c.when.compiled() for c in with_conditions]
        conditional = tuple(DrawRule(c, c.id, not c.repeatable, c.weight, *when)
                            for c, when in zip(with_conditions, compiled))
        object.__setattr__(self, "conditional", conditional)
        spans = {m.id: (m.min, m.max) for m in self.spec.meters}
        rounds = (0, self.spec.term + 1)
        object.__setattr__(self, "conditional_index",
                           ConditionIndex(compiled, conditional, spans, rounds))
        compiled = [r.when.compiled() for r in self.spec.dynamics]
        object.__setattr__(self, "dynamics", tuple(
            Dynamic(r, r.id, *when,
                    tuple((m.id, r.effects[m.id]) for m in self.spec.meters
                          if r.effects.get(m.id)),
                    self.meter_changes(r.effects))
            for r, when in zip(self.spec.dynamics, compiled)))
        object.__setattr__(self, "dynamics_index",
                           ConditionIndex(compiled, self.dynamics, spans, rounds))
        object.__setattr__(self, "best_ending",
                           next((e for e in self.spec.endings if e.best), None))

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def term(self) -> int:
        return self.spec.term

    @property
    def meters(self) -> list[Meter]:
        return self.spec.meters

    @property
    def endings(self) -> list[Ending]:
        return self.spec.endings

    @property
    def languages(self) -> list[str]:
        return self.spec.languages

    @property
    def aspects(self) -> list[Aspect]:
        return self.spec.aspects

    def card(self, card_id: str) -> Card | None:
        return self.cards.get(card_id)

    def character(self, character_id: str | None) -> Character | None:
        return self._characters.get(character_id) if character_id else None

    def meter(self, meter_id: str) -> Meter | None:
        return self._meters.get(meter_id)

    def aspect(self, aspect_id: str) -> Aspect | None:
        return self._aspects.get(aspect_id)

    def ending(self, ending_id: str | None) -> Ending | None:
        return self._endings.get(ending_id) if ending_id else None

    def restricted(self, aspects: Iterable[str]) -> "Deck":
        """The same deck with only the cards on these aspects (and every follow-up card)."""
        keep = set(aspects)
        cards = {k: c for k, c in self.cards.items()
                 if c.follow_up_only or not c.aspects or keep.intersection(c.aspects)}
        return Deck(spec=self.spec, cards=cards, folder=self.folder,
                    content_hash=self.content_hash)

    @functools.cached_property
    def option_rules(self) -> dict[str, dict[str, OptionRule]]:
        """Every card's options as the engine applies them, by option id, by card id: made
        when a game first needs them, as checking a deck never does."""
        return {card.id: {o.id: self.option_rule(o) for o in card.options}
                for card in self.cards.values()}

    @functools.cached_property
    def option_lists(self) -> dict[str, tuple[OptionRule, ...]]:
        """Every card's options as the engine applies them, in the card's order, by card id."""
        return {card_id: tuple(rules.values()) for card_id, rules in self.option_rules.items()}

    def option_rule(self, option: Option) -> OptionRule:
        """How the engine applies ``option`` (:attr:`option_rules` holds the deck's own)."""
        return OptionRule(option, option.id, self.meter_changes(option.effects),
                          tuple(option.set_flags), tuple(option.clear_flags),
                          tuple((f.card, f.after) for f in option.follow_up))

    def meter_changes(self, effects: Mapping[str, int]) -> tuple[tuple[str, int, int, int], ...]:
        """(meter id, change, lowest, highest) for each meter of the deck ``effects`` changes,
        in deck order: what the engine adds and clamps."""
        return tuple((meter, effects[meter], low, high) for meter, low, high in self.meter_ranges
                     if effects.get(meter))

    def start_meters(self) -> dict[str, int]:
        return {m.id: m.start for m in self.spec.meters}

    def asset(self, relative: str) -> Path:
        """The file a (checked) relative path in the deck names."""
        return self.folder / relative
