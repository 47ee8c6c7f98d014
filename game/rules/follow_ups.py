"""Follow-up cards on a game's schedule: which are due, and which lapse when a card is dealt.

A follow-up is scheduled by a decision and comes up in the round it is due, or the first round
after that in which it may come up (:func:`may_come_up`). Shared by
:class:`~game.rules.session.Session` and :func:`~game.rules.playthrough.play_through`.
"""

from __future__ import annotations

from typing import Collection, Iterable, Mapping, Sequence

from game.format.deck import Deck
from game.format.models import Card
from game.rules.state import ScheduledFollowUp


def scheduled_by(follow_up: Iterable[tuple[str, int]], round_no: int,
                 card_id: str) -> list[ScheduledFollowUp]:
    """The schedule's new entries for a decision on ``card_id`` in ``round_no`` whose option
    brings back each (card id, rounds later) of ``follow_up``."""
    return [{"card": card, "due": round_no + after, "from": card_id} for card, after in follow_up]


def may_come_up(card: Card | None, round_no: int, used: Collection[str],
                meters: Mapping[str, int], flags: Collection[str]) -> bool:
    """Whether ``card`` may come up in ``round_no``: it is not used up and its conditions hold."""
    if card is None:
        return False
    if card.id in used and not card.repeatable:
        return False
    return card.when.holds(round_no, meters, frozenset(flags))


def due(deck: Deck, scheduled: Sequence[ScheduledFollowUp], round_no: int,
        used: Collection[str], meters: Mapping[str, int], flags: Collection[str]) -> list[str]:
    """The follow-ups due in ``round_no`` that may come up, most urgent first."""
    cards = (scheduled[i]["card"] for i in _waiting(scheduled, round_no))
    return [c for c in cards if may_come_up(deck.card(c), round_no, used, meters, flags)]


def after_dealing(deck: Deck, scheduled: list[ScheduledFollowUp], card_id: str, round_no: int,
                  used: Collection[str], meters: Mapping[str, int],
                  flags: Collection[str]) -> list[ScheduledFollowUp]:
    """The schedule once ``card_id`` is dealt in ``round_no`` (before it counts as used): its
    own follow-up taken off, and those due before it that can no longer come up. The same
    list when nothing is taken off."""
    dropped = set()
    for i in _waiting(scheduled, round_no):
        item = scheduled[i]
        if item["card"] == card_id:
            dropped.add(i)
            break
        if not may_come_up(deck.card(item["card"]), round_no, used, meters, flags):
            dropped.add(i)
    if not dropped:
        return scheduled
    return [x for i, x in enumerate(scheduled) if i not in dropped]


def _waiting(scheduled: Sequence[ScheduledFollowUp], round_no: int) -> list[int]:
    """The places on the schedule of the follow-ups due by ``round_no``, most urgent first (the
    earliest due, then the first scheduled)."""
    waiting = [i for i, x in enumerate(scheduled) if x["due"] <= round_no]
    if len(waiting) > 1:
        waiting.sort(key=lambda i: (scheduled[i]["due"], i))
    return waiting
