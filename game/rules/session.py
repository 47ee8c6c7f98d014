"""The rules of the game, free of any screen.

A :class:`Session` holds every value that changes during a game in a
:class:`~game.rules.state.SessionState` (round, meters, flags, scheduled follow-ups, history,
the random draw counter, the table's vote splits and notes) and is the only way to change it:
:meth:`Session.choose`, :meth:`Session.note`, :meth:`Session.undo` and :meth:`Session.advance`.
The table, the autoplayer and the simulator's lookahead are all just consumers of this class;
the simulator's other games run the same round steps through
:func:`~game.rules.playthrough.play_through`, which keeps no state of its own after the game.

Randomness is derived from the seed and a draw counter kept in the state
(:func:`~game.rules.draws.draw_point`), so a session saved after any decision and loaded again
draws exactly the same cards as one that never stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Mapping

from game.format.deck import Deck, OptionRule
from game.format.models import Card, Ending, Option
from game.rules import follow_ups
from game.rules.draws import draw_card, draw_points, eligible_rules, spent_weight
from game.rules.effects import (
    apply_changes, apply_dynamics, collapse_of, effects_of, flags_after, meters_after,
    term_ending,
)
from game.rules.state import (
    SESSION_MIN_COMPATIBLE_VERSION as MIN_COMPATIBLE_VERSION,
    SESSION_SAVE_VERSION as SAVE_VERSION,
    Decision,
    EndReason,
    IncompatibleSave,
    Phase,
    SessionState,
    copy_plain,
)

__all__ = ["EndReason", "IncompatibleSave", "MIN_COMPATIBLE_VERSION", "Notice", "Phase",
           "RuleError", "SAVE_VERSION", "Session", "apply_dynamics"]


class RuleError(Exception):
    """A move the rules do not allow right now (a programming error in a front end)."""


@dataclass(frozen=True)
class Notice:
    """Something a player should be told after a session was loaded against a changed deck."""

    code: Literal["card-gone", "follow-up-gone", "deck-changed"]
    card_id: str = ""


class Session:
    """One game of one deck, from the first card to an ending."""

    def __init__(self, deck: Deck, state: SessionState, undoable: bool = True):
        self.deck = deck
        self._state = state
        #: Whether decisions keep what undo needs; the simulator, which never undoes, skips it.
        self.undoable = undoable
        self._points = draw_points(state.seed)

    # ----------------------------------------------------------------- creating and saving
    @classmethod
    def new(cls, deck: Deck, seed: int, deal: bool = True, term: int | None = None,
            undoable: bool = True) -> "Session":
        """A fresh session with the first card drawn (unless a workshop deals the cards).

        ``term`` shortens or lengthens the deck's term for this game.
        """
        session = cls(deck, SessionState(
            deck_id=deck.id, deck_hash=deck.content_hash, seed=int(seed),
            term=int(term) if term else deck.term, meters=deck.start_meters(),
        ), undoable)
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
        s = session._state
        for meter in deck.meter_ranges:
            if meters and meter.id in meters:
                s.meters[meter.id] = _clamp(meters[meter.id], meter.min, meter.max)
        s.flags = sorted(set(flags))
        s.current = card_id
        s.used = [card_id]
        # the start may have found no card to draw (say, every card waits for a flag)
        s.round, s.phase = max(1, s.round), "card"
        s.ending = s.end_reason = s.collapsed = None
        return session

    def to_dict(self) -> dict[str, Any]:
        """The whole state in its saved form (JSON-ready plain data, a deep copy)."""
        return self._state.to_dict()

    @classmethod
    def from_dict(cls, deck: Deck, data: Mapping[str, Any], redeal: bool = True
                  ) -> tuple["Session", list[Notice]]:
        """Load a saved state against ``deck``, resolving cards by id.

        Returns the session and what changed because the deck did: a current card that is gone
        is replaced by a new draw in the same round; follow-ups to cards that are gone are
        dropped. Meters the deck no longer has are dropped, new meters start at their start value.
        Raises :class:`IncompatibleSave` for a saved form this version cannot load.
        """
        state = SessionState.from_dict(data)
        notices: list[Notice] = []
        if state.deck_hash != deck.content_hash:
            notices.append(Notice("deck-changed"))
            state.deck_hash = deck.content_hash
        start = deck.start_meters()
        state.meters = {m: state.meters.get(m, v) for m, v in start.items()}
        kept = []
        for item in state.scheduled:
            if deck.card(item["card"]) is None:
                notices.append(Notice("follow-up-gone", item["card"]))
            else:
                kept.append(item)
        state.scheduled = kept
        session = cls(deck, state)
        current = state.current
        if redeal and state.phase == "card" and deck.card(current) is None:
            notices.append(Notice("card-gone", current or ""))
            state.round -= 1
            state.phase = "outcome"
            state.current = None
            session.advance()
        return session, notices

    # ------------------------------------------------------------------------ reading
    @property
    def seed(self) -> int:
        return self._state.seed

    @property
    def term(self) -> int:
        """Rounds in this game's term."""
        term = self._state.term
        return self.deck.term if term is None else term

    @property
    def round(self) -> int:
        """The round of the card on the table (1-based)."""
        return self._state.round

    @property
    def phase(self) -> Phase:
        return self._state.phase

    @property
    def meters(self) -> dict[str, int]:
        return dict(self._state.meters)

    @property
    def flags(self) -> frozenset[str]:
        return frozenset(self._state.flags)

    @property
    def history(self) -> list[dict[str, Any]]:
        """Every decision so far, oldest first (copies)."""
        return [_public(h) for h in self._state.history]

    @property
    def decisions(self) -> int:
        return len(self._state.history)

    @property
    def current_card(self) -> Card | None:
        current = self._state.current
        return self.deck.card(current) if current else None

    @property
    def last_decision(self) -> dict[str, Any] | None:
        history = self._state.history
        return _public(history[-1]) if history else None

    @property
    def is_over(self) -> bool:
        return self._state.phase == "ended"

    @property
    def end_reason(self) -> EndReason | None:
        return self._state.end_reason

    @property
    def ending(self) -> Ending | None:
        """The deck's ending for how the game ended (None: the deck has no fitting ending)."""
        return self.deck.ending(self._state.ending)

    @property
    def collapsed_meter(self) -> str | None:
        return self._state.collapsed

    @property
    def votes(self) -> list[dict[str, Any]]:
        """The vote split of every decision the table counted votes for: round, card, option,
        votes per option (copies)."""
        return copy_plain(self._state.votes)

    @property
    def notes(self) -> dict[str, str]:
        """The table's note per card id."""
        return dict(self._state.notes)

    @property
    def team(self) -> str:
        """The name the table gave the team playing ("": none)."""
        return self._state.team

    def meters_after(self, option: Option) -> tuple[dict[str, int], list[dict[str, Any]]]:
        """The meters an option would leave, its effects and the deck's dynamics applied, and
        the dynamics rules that would fire: what :meth:`choose` would do, without doing it."""
        s = self._state
        return meters_after(self.deck, self._rule_of(option), s.meters, s.flags, s.round)

    def next_card_odds(self, option: Option, meters: Mapping[str, int],
                       flags: Any) -> list[tuple[Card, float]]:
        """The cards that could come up in the next round if ``option`` were chosen now and
        left ``meters`` and ``flags``, each with its draw weight: what a player who knows the
        deck (but not the draw) can expect. A follow-up due then comes up for certain.
        """
        s, deck = self._state, self.deck
        round_no = s.round + 1
        flags = frozenset(flags)
        used = set(s.used)
        scheduled = s.scheduled + follow_ups.scheduled_by(self._rule_of(option).follow_up,
                                                          s.round, s.current or "")
        due = follow_ups.due(deck, scheduled, round_no, used, meters, flags)
        if due:
            return [(deck.cards[due[0]], 1.0)]
        odds = [(c, c.weight) for c in deck.unconditional if c.repeatable or c.id not in used]
        odds += [(rule.card, rule.weight)
                 for rule in eligible_rules(deck, round_no, used, meters, flags)]
        return odds

    def effects_of(self, option: Option) -> dict[str, int]:
        """The meter changes an option would make now, after clamping to the ranges."""
        return effects_of(self._rule_of(option), self._state.meters)

    # ------------------------------------------------------------------------ changing
    def choose(self, option_id: str, votes: Mapping[str, int] | None = None) -> dict[str, Any]:
        """Decide the card on the table with one of its options; ``votes``, when the table
        counted them, is how many players chose each option.

        Returns the decision record, which shares its values with the history: read it, do not
        change it (:attr:`history` hands out copies).
        """
        deck, s = self.deck, self._state
        card_id = s.current
        options = deck.option_rules.get(card_id) if s.phase == "card" and card_id else None
        if options is None:
            raise RuleError("there is no card to decide")
        option = options.get(option_id)
        if option is None:
            raise RuleError(f"card {card_id} has no option {option_id!r}")
        before = s.round_fields() if self.undoable else None
        meters = s.meters
        meters_before = dict(meters)
        apply_changes(meters, option.changes)
        _, option_id, _, set_flags, clear_flags, follow_up = option
        if set_flags or clear_flags:
            s.flags = flags_after(s.flags, set_flags, clear_flags)
        round_no = s.round
        added = follow_ups.scheduled_by(follow_up, round_no, card_id)
        s.scheduled += added
        scheduled = [{"card": item["card"], "due": item["due"]} for item in added]
        s.phase = "outcome"
        fired = apply_dynamics(deck, round_no, meters, s.flags) if deck.dynamics else None
        collapse = collapse_of(deck, meters)
        if collapse is not None:
            s.collapsed, s.ending = collapse
            s.end_reason = "collapse"
        record: Decision = {
            "round": round_no,
            "card": card_id,
            "option": option_id,
            "meters_before": meters_before,
            "meters_after": dict(meters),
            "flags_set": list(set_flags),
            "flags_cleared": list(clear_flags),
            "flags_after": list(s.flags),
            "scheduled": scheduled,
        }
        if fired is not None:
            record["dynamics"] = fired
        s.history.append({**record, "before": before} if before else record)
        if votes is not None:
            s.votes.append({"round": round_no, "card": card_id, "option": option_id,
                            "votes": dict(votes)})
        return record

    def note(self, text: str) -> None:
        """The table's one-line note on the card on the table (empty: no note)."""
        card = self._state.current
        if card is None:
            raise RuleError("there is no card to note on")
        if text.strip():
            self._state.notes[card] = text.strip()
        else:
            self._state.notes.pop(card, None)

    @property
    def onboarding(self) -> dict[str, Any]:
        """A council onboarding game's own values (empty: an ordinary game), as a copy."""
        return dict(self._state.onboarding)

    def set_onboarding(self, key: str, value: Any) -> None:
        """Keep one of an onboarding game's values (the guided first game's step); the rules
        never read them, undo leaves them as they are."""
        self._state.onboarding[key] = value

    def name_team(self, name: str) -> None:
        """Give the team playing a name, for the report ("": none)."""
        self._state.team = name.strip()

    def undo(self) -> bool:
        """Take back the last decision: the state returns to just before it was made (its vote
        split goes with it; notes stay)."""
        s = self._state
        if not s.history or not self.undoable:
            return False
        record = s.history.pop()
        s.put_back(record["before"])
        if s.votes:
            s.votes = [v for v in s.votes if v["round"] < record["round"]]
        return True

    def advance(self) -> Card | None:
        """After an outcome: draw the next card, or end the game. Returns the new card."""
        s = self._state
        if s.phase == "card":
            raise RuleError("the card on the table has not been decided")
        if self.end_if_over():
            return None
        round_no = s.round + 1
        due = self.due_follow_ups(round_no)
        card = self.deck.cards.get(due[0]) if due else self._draw_random(round_no)
        if card is None:
            self.end_exhausted()
            return None
        self.deal(card.id)
        return card

    # ------------------------------------------------- dealing (shared with workshops)
    def sit_out(self) -> None:
        """Leave the card on the table undecided: this game skips it (a workshop's choice)."""
        if self._state.phase == "card":
            self._state.current, self._state.phase = None, "outcome"

    def snapshot(self) -> dict[str, Any]:
        """Everything but the history, votes and notes, copied: what undo and :meth:`restore`
        put back."""
        return self._state.round_fields()

    def restore(self, snapshot: Mapping[str, Any], decisions: int) -> None:
        """Return to a snapshot taken when the history held ``decisions`` decisions."""
        self._state.put_back(snapshot)
        del self._state.history[decisions:]

    def end_if_over(self) -> bool:
        """Before a new round: end the game if a meter collapsed or the term is over."""
        s = self._state
        if s.phase == "ended":
            return True
        if s.ending is not None or s.end_reason == "collapse":
            self._end("collapse", s.ending)
        elif s.round >= self.term:
            self._end("term", term_ending(self.deck, s.meters))
        return s.phase == "ended"

    def end_exhausted(self) -> None:
        """No card can come up any more: the term ends here."""
        self._end("exhausted", term_ending(self.deck, self._state.meters))

    def due_follow_ups(self, round_no: int) -> list[str]:
        """The follow-ups due in ``round_no`` that may come up, most urgent first."""
        s = self._state
        return follow_ups.due(self.deck, s.scheduled, round_no, s.used, s.meters, s.flags)

    def can_play(self, card: Card) -> bool:
        """Whether ``card`` may come up for this game in the next round."""
        s = self._state
        return follow_ups.may_come_up(card, s.round + 1, s.used, s.meters, s.flags)

    def deal(self, card_id: str | None) -> None:
        """Start the next round with ``card_id`` on the table (None: this game sits it out).

        A follow-up for the card is taken off the schedule, and so are follow-ups due before it
        that can no longer come up.
        """
        s = self._state
        if s.phase == "card":
            raise RuleError("the card on the table has not been decided")
        s.round += 1
        if card_id is None:
            s.current, s.phase = None, "outcome"
            return
        card = self.deck.cards.get(card_id)
        if card is None:
            raise RuleError(f"the deck has no card {card_id!r}")
        if s.scheduled:
            s.scheduled = follow_ups.after_dealing(self.deck, s.scheduled, card_id, s.round,
                                                   s.used, s.meters, s.flags)
        s.current, s.phase = card_id, "card"
        if not card.repeatable or card_id not in s.used:
            s.used.append(card_id)

    # ------------------------------------------------------------------------ internals
    def _rule_of(self, option: Option) -> OptionRule:
        """How the engine applies ``option``, an option of the card on the table (or, for a
        planner looking ahead, of any card)."""
        current = self.deck.option_rules.get(self._state.current or "", {}).get(option.id)
        if current is not None and current.option is option:
            return current
        return self.deck.option_rule(option)

    def _draw_random(self, round_no: int) -> Card | None:
        """A weighted draw among the cards that may come up in ``round_no``
        (:func:`~game.rules.draws.draw_card`)."""
        s, deck = self._state, self.deck
        card, s.draws = draw_card(deck, round_no, s.used, s.meters, s.flags,
                                  spent_weight(deck, s.used), self._points, s.draws)
        return card

    def _end(self, reason: EndReason, ending_id: str | None) -> None:
        s = self._state
        s.phase = "ended"
        s.current = None
        s.end_reason = reason
        s.ending = ending_id


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _public(record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a history record without what undo keeps in it."""
    return {k: copy_plain(v) for k, v in record.items() if k != "before"}
