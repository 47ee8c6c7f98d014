"""The facilitator's screens for a workshop: 1 to 6 teams play the same cards on one projector.

A session goes set-up (:mod:`.setup`), then per card: discuss (with an optional countdown),
enter each team's votes in turn (:mod:`.card`), see every team's consequences and the essay's
question (:mod:`.outcome`), and at the end the reports and the debriefing (:mod:`.end`). The
:class:`~.table.WorkshopTable` holds what these screens share: the match, the facilitator's
settings, the countdown and the votes being entered.
"""
