"""Several teams playing the same cards in the same order, for a facilitated workshop.

Each team is a :class:`~game.rules.session.Session` with its own meters, flags and follow-ups. The
workshop deals one card per round to every team it applies to: a follow-up that is due for
some team comes first (it applies to the teams it is due for); otherwise a weighted draw among
the cards that at least one team may play (it applies to every team whose conditions hold).
Teams for whom a card does not apply sit that round out, so a team's own choices still bring
their own consequences while all teams see the same sequence and can be compared.

Like a session, a workshop keeps all its changing values in a
:class:`~game.rules.state.WorkshopState`, and :meth:`Workshop.choose`, :meth:`Workshop.note`,
:meth:`Workshop.undo` and :meth:`Workshop.advance` are the only ways to change them. The vote
split of every decision and a note per card are kept with it.
"""

from __future__ import annotations

from typing import Any, Mapping

from game.format.deck import Deck
from game.format.models import Card
from game.rules.draws import draw_point, weighted_pick
from game.rules.session import Notice, Phase, RuleError, Session
from game.rules.state import WorkshopState, copy_plain

MAX_TEAMS = 6


class Workshop:
    def __init__(self, deck: Deck, state: WorkshopState, teams: list[Session]):
        self.deck = deck
        self._state = state
        self.teams = teams

    # ----------------------------------------------------------------- creating and saving
    @classmethod
    def new(cls, deck: Deck, seed: int, names: list[str], term: int | None = None,
            aspects: list[str] | None = None,
            table: dict[str, Any] | None = None) -> "Workshop":
        """A workshop for teams ``names``; ``term`` overrides the deck's term and ``aspects``
        keeps only the cards on those aspects. ``table`` holds how the facilitator's screen
        shows the cards (discussion timer, meter preview), kept so a resumed workshop looks
        the same; the rules never read it."""
        if not 1 <= len(names) <= MAX_TEAMS:
            raise RuleError(f"a workshop has 1 to {MAX_TEAMS} teams")
        if aspects:
            deck = deck.restricted(aspects)
        teams = [Session.new(deck, seed, deal=False, term=term) for _ in names]
        workshop = cls(deck, WorkshopState(
            deck_id=deck.id, deck_hash=deck.content_hash, seed=int(seed), names=list(names),
            aspects=list(aspects or []), table=copy_plain(dict(table or {})),
        ), teams)
        workshop.advance()
        return workshop

    @classmethod
    def at_card(cls, deck: Deck, card_id: str, names: list[str]) -> "Workshop":
        """A workshop in round 1 with ``card_id`` on the table for every team, for measuring
        how the table shows a card (``validate``)."""
        workshop = cls.new(deck, 0, names)
        workshop.teams = [Session.at_card(deck, card_id) for _ in names]
        workshop._state.put_back({"round": 1, "draws": 0, "used": [card_id], "current": card_id,
                                  "applies": list(range(len(names))), "decided": [],
                                  "phase": "card"})
        return workshop

    def to_dict(self) -> dict[str, Any]:
        """The whole workshop in its saved form, every team's game included."""
        state = self._state.to_dict()
        state["teams"] = [team.to_dict() for team in self.teams]
        return state

    @classmethod
    def from_dict(cls, deck: Deck, data: Mapping[str, Any]) -> tuple["Workshop", list[Notice]]:
        """Load a saved workshop against ``deck`` (see :meth:`Session.from_dict`); the teams
        still waiting skip a card on the table that is gone from the deck."""
        state = WorkshopState.from_dict(data)
        if state.aspects:
            deck = deck.restricted(state.aspects)
        teams, notices = [], []
        for saved in data["teams"]:
            team, found = Session.from_dict(deck, saved, redeal=False)
            teams.append(team)
            notices.extend(n for n in found if n not in notices)
        workshop = cls(deck, state, teams)
        if state.phase == "card" and deck.card(state.current) is None:
            notices.append(Notice("card-gone", state.current or ""))
            workshop._skip_gone_card()
        return workshop, notices

    # ------------------------------------------------------------------------ reading
    @property
    def names(self) -> list[str]:
        return list(self._state.names)

    @property
    def seed(self) -> int:
        return self._state.seed

    @property
    def round(self) -> int:
        return self._state.round

    @property
    def term(self) -> int:
        return self.teams[0].term

    @property
    def phase(self) -> Phase:
        return self._state.phase

    @property
    def is_over(self) -> bool:
        return self._state.phase == "ended"

    @property
    def current_card(self) -> Card | None:
        current = self._state.current
        return self.deck.card(current) if current else None

    @property
    def applies(self) -> list[int]:
        """The teams the card on the table applies to."""
        return list(self._state.applies)

    @property
    def waiting(self) -> list[int]:
        """The teams that still have to decide the card on the table, in order."""
        decided = self._state.decided
        return [t for t in self._state.applies if t not in decided]

    @property
    def votes(self) -> list[dict[str, Any]]:
        """Every decision's vote split: round, team, card, option, votes per option."""
        return copy_plain(self._state.votes)

    @property
    def notes(self) -> dict[str, str]:
        return dict(self._state.notes)

    @property
    def aspects(self) -> list[str]:
        """The aspects the cards were chosen from (empty: all of them)."""
        return list(self._state.aspects)

    @property
    def table(self) -> dict[str, Any]:
        """The facilitator's screen settings the workshop was started with."""
        return copy_plain(self._state.table)

    @property
    def can_undo(self) -> bool:
        """Whether there is a decision to take back."""
        return bool(self._state.undo)

    # ------------------------------------------------------------------------ changing
    def choose(self, team: int, option_id: str, votes: dict[str, int] | None = None,
               phones: int | None = None) -> None:
        """Team ``team`` decides the card on the table; ``votes`` is how many chose each option,
        ``phones`` how many of those votes came from phones (None: counted by hand)."""
        s = self._state
        if s.phase != "card" or team not in self.waiting:
            raise RuleError(f"team {team} has nothing to decide now")
        snapshot = self._snapshot()
        self.teams[team].choose(option_id)
        s.undo.append(snapshot)
        s.decided.append(team)
        vote = {"round": s.round, "team": team, "card": s.current, "option": option_id,
                "votes": dict(votes or {})}
        if phones is not None:
            vote["phones"] = int(phones)
        s.votes.append(vote)
        if not self.waiting:
            s.phase = "outcome"

    def note(self, text: str) -> None:
        """The facilitator's one-line note on the card on the table (empty: no note)."""
        card = self._state.current
        if card is None:
            raise RuleError("there is no card to note on")
        if text.strip():
            self._state.notes[card] = text.strip()
        else:
            self._state.notes.pop(card, None)

    def set_table(self, key: str, value: Any) -> None:
        """Keep one of the facilitator's screen values (say, the countdown's time left) with
        the workshop; the rules never read it."""
        self._state.table[key] = copy_plain(value)

    def undo(self) -> bool:
        """Take back the last decision, also across a dealt round."""
        s = self._state
        if not s.undo:
            return False
        snapshot = s.undo.pop()
        for team, (fields, decisions) in zip(self.teams, snapshot["teams"]):
            team.restore(fields, decisions)
        s.put_back(snapshot["fields"])
        del s.votes[snapshot["votes"]:]
        return True

    def advance(self) -> Card | None:
        """After every team decided: deal the next card to the teams, or end the workshop."""
        s = self._state
        if s.phase == "card":
            raise RuleError("not every team has decided the card on the table")
        if s.phase == "ended":
            return None
        active = [i for i, team in enumerate(self.teams) if not team.end_if_over()]
        if not active:
            return self._end()
        card, applies = self._next_card(active)
        if card is None:
            for i in active:
                self.teams[i].end_exhausted()
            return self._end()
        s.round += 1
        for i in active:
            self.teams[i].deal(card.id if i in applies else None)
        s.current, s.applies, s.decided, s.phase = card.id, applies, [], "card"
        if not card.repeatable or card.id not in s.used:
            s.used.append(card.id)
        return card

    # ------------------------------------------------------------------------ internals
    def _next_card(self, active: list[int]) -> tuple[Card | None, list[int]]:
        s = self._state
        round_no = s.round + 1
        due_for = {i: self.teams[i].due_follow_ups(round_no) for i in active}
        due = [(rank, i, card_id) for i, cards in due_for.items()
               for rank, card_id in enumerate(cards)]
        if due:
            card = self.deck.card(min(due)[2])
            return card, [i for i in active if card.id in due_for[i]]
        pool = [card for card in self._drawable()
                if (card.repeatable or card.id not in s.used)
                and any(self.teams[i].can_play(card) for i in active)]
        if not pool:
            return None, []
        point = draw_point(s.seed, s.draws) * sum(c.weight for c in pool)
        s.draws += 1
        card = weighted_pick(pool, point)
        return card, [i for i in active if self.teams[i].can_play(card)]

    def _drawable(self) -> list[Card]:
        """Every card a random draw may pick, in deck order of the two groups."""
        deck = self.deck
        return list(deck.unconditional) + [rule.card for rule in deck.conditional]

    def _skip_gone_card(self) -> None:
        """The card on the table is gone from the deck: the teams still waiting skip it."""
        for i in self.waiting:
            self.teams[i].sit_out()
        self._state.phase = "outcome"
        self._state.applies = list(self._state.decided)

    def _snapshot(self) -> dict[str, Any]:
        """What undo needs: the workshop's round fields, the teams, and how many votes there were."""
        s = self._state
        return {"fields": s.round_fields(), "votes": len(s.votes),
                "teams": [[team.snapshot(), team.decisions] for team in self.teams]}

    def _end(self) -> None:
        s = self._state
        s.phase, s.current, s.applies, s.decided = "ended", None, [], []
        return None
