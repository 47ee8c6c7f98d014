"""The rules of the game, free of any screen.

A :class:`Session` holds every value that changes during a game as plain data (round, meters,
flags, scheduled follow-ups, history, the random draw counter) and is the only way to change
it: :meth:`Session.choose`, :meth:`Session.undo` and :meth:`Session.advance`. The table, the
autoplayer and the simulator are all just consumers of this class.

Randomness is derived from the seed and a draw counter kept in the state (:func:`draw_point`),
so a session saved after any decision and loaded again draws exactly the same cards as one that
never stopped.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterator, Literal, Mapping

from game.format.deck import Deck
from game.format.models import Card, Ending, Option

#: Version of the saved state, and the oldest version this code can still load.
SAVE_VERSION = 1
MIN_COMPATIBLE_VERSION = 1

Phase = Literal["card", "outcome", "ended"]
EndReason = Literal["term", "collapse", "exhausted"]


class RuleError(Exception):
    """A move the rules do not allow right now (a programming error in a front end)."""


class IncompatibleSave(Exception):
    """A saved state written by a newer, incompatible version of the game."""


@dataclass(frozen=True)
class Notice:
    """Something a player should be told after a session was loaded against a changed deck."""

    code: Literal["card-gone", "follow-up-gone", "deck-changed"]
    card_id: str = ""


class Session:
    """One game of one deck, from the first card to an ending."""

    def __init__(self, deck: Deck, state: dict[str, Any], undoable: bool = True):
        self.deck = deck
        self._s = state
        #: Whether decisions keep what undo needs; the simulator, which never undoes, skips it.
        self.undoable = undoable

    # ----------------------------------------------------------------- creating and saving
    @classmethod
    def new(cls, deck: Deck, seed: int, deal: bool = True, term: int | None = None,
            undoable: bool = True) -> "Session":
        """A fresh session with the first card drawn (unless a workshop deals the cards).

        ``term`` shortens or lengthens the deck's term for this game.
        """
        session = cls(deck, {
            "version": SAVE_VERSION,
            "deck_id": deck.id,
            "deck_hash": deck.content_hash,
            "seed": int(seed),
            "term": int(term) if term else deck.term,
            "round": 0,
            "meters": deck.start_meters(),
            "flags": [],
            "scheduled": [],
            "used": [],
            "draws": 0,
            "current": None,
            "phase": "outcome",
            "ending": None,
            "end_reason": None,
            "collapsed": None,
            "history": [],
        }, undoable)
        if deal:
            session.advance()
        return session

    @classmethod
    def at_card(cls, deck: Deck, card_id: str, seed: int = 0, flags: tuple[str, ...] = (),
                meters: dict[str, int] | None = None) -> "Session":
        """A session in round 1 with ``card_id`` on the table, for an author's preview.

        Starts from the deck's start state, with the given flags set and meters overridden
        (clamped to their ranges); the game then goes on normally from there.
        """
        if deck.card(card_id) is None:
            raise RuleError(f"the deck has no card {card_id!r}")
        session = cls.new(deck, seed)
        s = session._s
        for meter, low, high in deck.meter_ranges:
            if meters and meter in meters:
                s["meters"][meter] = _clamp(meters[meter], low, high)
        s["flags"] = sorted(set(flags))
        s["current"] = card_id
        s["used"] = [card_id]
        # the start may have found no card to draw (say, every card waits for a flag)
        s["round"], s["phase"] = max(1, s["round"]), "card"
        s["ending"] = s["end_reason"] = s["collapsed"] = None
        return session

    def to_dict(self) -> dict[str, Any]:
        """The whole state as JSON-ready plain data (a deep copy)."""
        return _copy(self._s)

    @classmethod
    def from_dict(cls, deck: Deck, data: dict[str, Any], redeal: bool = True
                  ) -> tuple["Session", list[Notice]]:
        """Load a saved state against ``deck``, resolving cards by id.

        Returns the session and what changed because the deck did: a current card that is gone
        is replaced by a new draw in the same round; follow-ups to cards that are gone are
        dropped. Meters the deck no longer has are dropped, new meters start at their start value.
        """
        version = data.get("version", 0)
        if not isinstance(version, int) or version < MIN_COMPATIBLE_VERSION or version > SAVE_VERSION:
            raise IncompatibleSave(f"saved state version {version!r} is not supported")
        state = _copy(data)
        notices: list[Notice] = []
        if state.get("deck_hash") != deck.content_hash:
            notices.append(Notice("deck-changed"))
            state["deck_hash"] = deck.content_hash
        start = deck.start_meters()
        state["meters"] = {m: state["meters"].get(m, v) for m, v in start.items()}
        kept = []
        for item in state["scheduled"]:
            if deck.card(item["card"]) is None:
                notices.append(Notice("follow-up-gone", item["card"]))
            else:
                kept.append(item)
        state["scheduled"] = kept
        session = cls(deck, state)
        current = state.get("current")
        if redeal and state["phase"] == "card" and deck.card(current) is None:
            notices.append(Notice("card-gone", current or ""))
            state["round"] -= 1
            state["phase"] = "outcome"
            state["current"] = None
            session.advance()
        return session, notices

    # ------------------------------------------------------------------------ reading
    @property
    def seed(self) -> int:
        return self._s["seed"]

    @property
    def term(self) -> int:
        """Rounds in this game's term."""
        return self._s.get("term", self.deck.term)

    @property
    def round(self) -> int:
        """The round of the card on the table (1-based)."""
        return self._s["round"]

    @property
    def phase(self) -> Phase:
        return self._s["phase"]

    @property
    def meters(self) -> dict[str, int]:
        return dict(self._s["meters"])

    @property
    def flags(self) -> frozenset[str]:
        return frozenset(self._s["flags"])

    @property
    def history(self) -> list[dict[str, Any]]:
        """Every decision so far, oldest first (copies)."""
        return [_public(h) for h in self._s["history"]]

    def history_view(self) -> Iterator[Mapping[str, Any]]:
        """The decisions as read-only views, without copying (for the simulator's fast walks)."""
        return (MappingProxyType(record) for record in self._s["history"])

    @property
    def decisions(self) -> int:
        return len(self._s["history"])

    @property
    def current_card(self) -> Card | None:
        return self.deck.card(self._s["current"]) if self._s["current"] else None

    @property
    def last_decision(self) -> dict[str, Any] | None:
        history = self._s["history"]
        return _public(history[-1]) if history else None

    @property
    def is_over(self) -> bool:
        return self._s["phase"] == "ended"

    @property
    def end_reason(self) -> EndReason | None:
        return self._s["end_reason"]

    @property
    def ending(self) -> Ending | None:
        """The deck's ending for how the game ended (None: the deck has no fitting ending)."""
        ending_id = self._s["ending"]
        return next((e for e in self.deck.endings if e.id == ending_id), None)

    @property
    def collapsed_meter(self) -> str | None:
        return self._s["collapsed"]

    def effects_of(self, option: Option) -> dict[str, int]:
        """The meter changes an option would make now, after clamping to the ranges."""
        changes = {}
        for meter in self.deck.meters:
            delta = option.effects.get(meter.id, 0)
            if delta:
                now = self._s["meters"][meter.id]
                changes[meter.id] = _clamp(now + delta, meter.min, meter.max) - now
        return changes

    # ------------------------------------------------------------------------ changing
    def choose(self, option_id: str) -> dict[str, Any]:
        """Decide the card on the table with one of its options.

        Returns the decision record, which shares its values with the history: read it, do not
        change it (:attr:`history` hands out copies).
        """
        card = self._require_card()
        option = card.option(option_id)
        if option is None:
            raise RuleError(f"card {card.id} has no option {option_id!r}")
        s = self._s
        before = self.snapshot() if self.undoable else None
        meters_before = dict(s["meters"])
        meters = s["meters"]
        effects = option.effects
        for meter, low, high in self.deck.meter_ranges:
            delta = effects.get(meter)
            if delta:
                meters[meter] = max(low, min(high, meters[meter] + delta))
        if option.set_flags or option.clear_flags:
            flags = set(s["flags"]).union(option.set_flags).difference(option.clear_flags)
            s["flags"] = sorted(flags)
        scheduled = [{"card": f.card, "due": s["round"] + f.after, "from": card.id}
                     for f in option.follow_up]
        s["scheduled"].extend(scheduled)
        s["phase"] = "outcome"
        self._check_collapse()
        record = {
            "round": s["round"],
            "card": card.id,
            "option": option.id,
            "meters_before": meters_before,
            "meters_after": dict(s["meters"]),
            "flags_set": list(option.set_flags),
            "flags_cleared": list(option.clear_flags),
            "flags_after": list(s["flags"]),
            "scheduled": [{"card": x["card"], "due": x["due"]} for x in scheduled],
        }
        s["history"].append({**record, "before": before} if before else record)
        return record

    def undo(self) -> bool:
        """Take back the last decision: the state returns to just before it was made."""
        if not self._s["history"] or not self.undoable:
            return False
        record = self._s["history"].pop()
        self._s.update(_copy(record["before"]))
        return True

    def advance(self) -> Card | None:
        """After an outcome: draw the next card, or end the game. Returns the new card."""
        s = self._s
        if s["phase"] == "card":
            raise RuleError("the card on the table has not been decided")
        if self.end_if_over():
            return None
        round_no = s["round"] + 1
        due = self.due_follow_ups(round_no)
        card = self.deck.card(due[0]) if due else self._draw_random(round_no)
        if card is None:
            self.end_exhausted()
            return None
        self.deal(card.id)
        return card

    # ------------------------------------------------- dealing (shared with workshops)
    def sit_out(self) -> None:
        """Leave the card on the table undecided: this game skips it (a workshop's choice)."""
        if self._s["phase"] == "card":
            self._s["current"], self._s["phase"] = None, "outcome"

    def snapshot(self) -> dict[str, Any]:
        """Everything but the history, copied: what undo and :meth:`restore` put back."""
        s = self._s
        return {
            "round": s["round"], "meters": dict(s["meters"]), "flags": list(s["flags"]),
            "scheduled": [dict(x) for x in s["scheduled"]], "used": list(s["used"]),
            "draws": s["draws"], "current": s["current"], "phase": s["phase"],
            "ending": s["ending"], "end_reason": s["end_reason"], "collapsed": s["collapsed"],
        }

    def restore(self, snapshot: dict[str, Any], decisions: int) -> None:
        """Return to a snapshot taken when the history held ``decisions`` decisions."""
        self._s.update(_copy(snapshot))
        del self._s["history"][decisions:]

    def end_if_over(self) -> bool:
        """Before a new round: end the game if a meter collapsed or the term is over."""
        s = self._s
        if s["phase"] == "ended":
            return True
        if s["ending"] is not None or s["end_reason"] == "collapse":
            self._end("collapse", s["ending"])
        elif s["round"] >= self.term:
            self._end("term", self._term_ending())
        return s["phase"] == "ended"

    def end_exhausted(self) -> None:
        """No card can come up any more: the term ends here."""
        self._end("exhausted", self._term_ending())

    def due_follow_ups(self, round_no: int) -> list[str]:
        """The follow-ups due in ``round_no`` that may come up, most urgent first."""
        s = self._s
        if not s["scheduled"]:
            return []
        due = sorted((i for i, x in enumerate(s["scheduled"]) if x["due"] <= round_no),
                     key=lambda i: (s["scheduled"][i]["due"], i))
        cards = (s["scheduled"][i]["card"] for i in due)
        return [c for c in cards if self._eligible(self.deck.card(c), round_no)]

    def can_play(self, card: Card) -> bool:
        """Whether ``card`` may come up for this game in the next round."""
        return self._eligible(card, self._s["round"] + 1)

    def deal(self, card_id: str | None) -> None:
        """Start the next round with ``card_id`` on the table (None: this game sits it out).

        A follow-up for the card is taken off the schedule, and so are follow-ups due before it
        that can no longer come up.
        """
        s = self._s
        if s["phase"] == "card":
            raise RuleError("the card on the table has not been decided")
        s["round"] += 1
        if card_id is None:
            s["current"], s["phase"] = None, "outcome"
            return
        card = self.deck.card(card_id)
        if card is None:
            raise RuleError(f"the deck has no card {card_id!r}")
        order = sorted(range(len(s["scheduled"])), key=lambda i: (s["scheduled"][i]["due"], i)) \
            if s["scheduled"] else ()
        dropped = set()
        for i in order:
            item = s["scheduled"][i]
            if item["due"] > s["round"]:
                break
            if item["card"] == card_id:
                dropped.add(i)
                break
            if not self._eligible(self.deck.card(item["card"]), s["round"]):
                dropped.add(i)
        if dropped:
            s["scheduled"] = [x for i, x in enumerate(s["scheduled"]) if i not in dropped]
        s["current"], s["phase"] = card_id, "card"
        if not card.repeatable or card_id not in s["used"]:
            s["used"].append(card_id)

    # ------------------------------------------------------------------------ internals
    def _require_card(self) -> Card:
        card = self.current_card
        if self._s["phase"] != "card" or card is None:
            raise RuleError("there is no card to decide")
        return card

    def _eligible(self, card: Card | None, round_no: int) -> bool:
        s = self._s
        if card is None:
            return False
        if card.id in s["used"] and not card.repeatable:
            return False
        return card.when.holds(round_no, s["meters"], frozenset(s["flags"]))

    def _draw_random(self, round_no: int) -> Card | None:
        """A weighted draw among the cards that may come up in ``round_no``: their conditions
        hold and they are still unused.

        Cards without conditions are found by a binary search over their cumulative weights; a
        used one is rejected and drawn again, which keeps every eligible card's chance exactly
        proportional to its weight. Late in a long deck, when most are used, a plain scan over
        the eligible cards takes over, so rejections stay rare.
        """
        s, deck = self._s, self.deck
        used, meters = s["used"], s["meters"]
        flags = frozenset(s["flags"])
        extra, extra_total = [], 0.0
        for card, card_id, once, weight, need, forbid, first, last, ranges in deck.conditional:
            if (not first <= round_no <= last or (once and card_id in used)
                    or not flags.issuperset(need) or not flags.isdisjoint(forbid)):
                continue
            for meter, low, high in ranges:
                if not low <= meters.get(meter, 0) <= high:
                    break
            else:
                extra.append(card)
                extra_total += weight
        cumulative = deck.unconditional_cumulative
        total = cumulative[-1] if cumulative else 0.0
        single_use = deck.single_use_weight
        spent = 0.0
        for card_id in used:
            spent += single_use.get(card_id, 0.0)
        if total - spent + extra_total <= 0:
            return None
        if spent > total / 2:
            pool = [c for c in deck.unconditional if c.repeatable or c.id not in used] + extra
            return _weighted(pool, self._next_point() * (total - spent + extra_total))
        while True:
            point = self._next_point() * (total + extra_total)
            if point >= total:
                return _weighted(extra, point - total)
            card = deck.unconditional[bisect.bisect_right(cumulative, point)]
            if card.repeatable or card.id not in used:
                return card

    def _next_point(self) -> float:
        s = self._s
        point = draw_point(s["seed"], s["draws"])
        s["draws"] += 1
        return point

    def _check_collapse(self) -> None:
        s = self._s
        meters = s["meters"]
        for meter, low, high, at_min, at_max in self.deck.collapse_rules:
            value = meters[meter]
            side = "min" if at_min and value <= low else "max" if at_max and value >= high else None
            if side:
                ending = next((e for e in self.deck.endings if e.trigger == "collapse"
                               and e.meter == meter and e.at == side), None)
                s["ending"] = ending.id if ending else None
                s["end_reason"] = "collapse"
                s["collapsed"] = meter
                return

    def _term_ending(self) -> str | None:
        meters = self._s["meters"]
        for ending in self.deck.endings:
            if ending.trigger == "term" and all(
                r.holds(meters.get(m, 0)) for m, r in ending.meters.items()
            ):
                return ending.id
        return None

    def _end(self, reason: EndReason, ending_id: str | None) -> None:
        s = self._s
        s["phase"] = "ended"
        s["current"] = None
        s["end_reason"] = reason
        s["ending"] = ending_id


def _weighted(cards: list[Card], point: float) -> Card:
    """The card that ``point`` (between 0 and the cards' total weight) falls on."""
    for card in cards:
        point -= card.weight
        if point < 0:
            return card
    return cards[-1]


def draw_point(seed: int, draw: int) -> float:
    """A number in [0, 1) that depends only on the seed and the draw's number.

    Derived with BLAKE2b rather than a seeded generator: the same on every platform and Python
    version, and cheap enough for the simulator's thousands of games a second.
    """
    digest = hashlib.blake2b(f"{seed}:{draw}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _public(record: dict[str, Any]) -> dict[str, Any]:
    """A copy of a history record without what undo keeps in it."""
    return {k: _copy(v) for k, v in record.items() if k != "before"}


def _copy(value: Any) -> Any:
    """A deep copy of plain JSON-like data (much faster than copy.deepcopy)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
