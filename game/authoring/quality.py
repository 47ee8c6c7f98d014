"""Warnings about a deck that loads but plays badly.

A deck without errors can still disappoint a table: a card whose options are not a real
dilemma, a card that never comes up, a meter nothing moves, a flag that is set and never used,
an option that tells the players nothing about what their choice did. The loader runs these
checks after the cross-references, and only on a deck without errors, so every reference here
resolves. Each warning is placed on the node an author has to change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.format.deck import Deck
from game.format.models import Card, Option
from game.format.dominance import at_least_as_good, direction
from game.authoring.problems import Issues
from game.authoring.messages import MESSAGES, closest, did_you_mean, say, visible
from game.authoring.references import CardRef
from game.authoring.yaml_reader import YamlFile, YamlPath
from game.language.texts import localize

#: One place in the deck files: the file and the path of a value in it.
Place = tuple[YamlFile, YamlPath]


@dataclass
class _Flags:
    """Where each flag is set, required, excluded and cleared, in deck order."""

    set_at: dict[str, list[Place]] = field(default_factory=dict)
    required_at: dict[str, list[Place]] = field(default_factory=dict)
    excluded_at: dict[str, list[Place]] = field(default_factory=dict)
    cleared_at: dict[str, list[Place]] = field(default_factory=dict)


def check_quality(issues: Issues, deck: Deck, cards: list[CardRef], deck_doc: YamlFile) -> None:
    """Add the quality warnings about ``deck``, read from the files in ``cards``."""
    QualityCheck(issues, deck, cards, deck_doc).run()


def _changes_nothing(option: Option) -> bool:
    return not (any(option.effects.values()) or option.set_flags or option.clear_flags
                or option.follow_up)


class QualityCheck:
    """The quality checks of one deck."""

    def __init__(self, issues: Issues, deck: Deck, cards: list[CardRef],
                 deck_doc: YamlFile) -> None:
        self.issues = issues
        self.deck = deck
        self.deck_doc = deck_doc
        #: Each card with the place it was written, in deck order.
        self.cards: list[tuple[Card, YamlFile, YamlPath]] = [
            (deck.cards[data["id"]], doc, path) for doc, path, data in cards]
        self.flags = self._collect_flags()
        #: Cards some option schedules as a follow-up.
        self.scheduled = {f.card for card, _, _ in self.cards
                          for option in card.options for f in option.follow_up}

    def run(self) -> None:
        if not self.cards:
            return  # W003 says so; every other warning would follow from it
        self._no_consequence()
        self._dominated()
        self._unreachable()
        self._meters()
        self._endings()
        self._flags_unused()
        self._outcomes()

    def say(self, key: str, **params: object) -> str:
        return say(MESSAGES, key, self.issues.lang, **params)

    def _option_name(self, option: Option) -> str:
        label = localize(option.label, self.issues.lang, fallback=self.deck.languages[0])
        return f"'{visible(label, 40)}'"

    # -- options ------------------------------------------------------------------------------

    def _dominated(self) -> None:
        """An option that another option of its card matches or beats on every meter."""
        ways = {m.id: direction(m) for m in self.deck.meters}
        for card, doc, path in self.cards:
            options = card.options
            for i, option in enumerate(options):
                if _changes_nothing(option):
                    continue  # W108 says so
                for j, other in enumerate(options):
                    if i == j or not at_least_as_good(other.effects, option.effects, ways):
                        continue
                    same = at_least_as_good(option.effects, other.effects, ways)
                    if same and j > i:
                        continue  # two options alike: one message, on the second
                    self.issues.add(
                        doc, path + ("options", i, "effects"), "W101",
                        "same_effects" if same else "dominated",
                        option=self._option_name(option), other=self._option_name(other),
                        advice=self.say("dominated_advice"))
                    break

    def _no_consequence(self) -> None:
        """An option that moves no meter, sets or clears no flag and schedules no card."""
        for card, doc, path in self.cards:
            for i, option in enumerate(card.options):
                if _changes_nothing(option):
                    example = self.deck.meters[0].id if self.deck.meters else "meter"
                    self.issues.add(doc, path + ("options", i), "W108", "changes_nothing",
                                    option=self._option_name(option),
                                    advice=self.say("changes_nothing_advice", meter=example))

    def _outcomes(self) -> None:
        for card, doc, path in self.cards:
            for i, option in enumerate(card.options):
                text = option.outcome
                if not (text.strip() if isinstance(text, str)
                        else any(t.strip() for t in text.values())):
                    self.issues.add(doc, path + ("options", i, "outcome"), "W106", "no_outcome",
                                    advice=self.say("no_outcome_advice"))

    # -- cards that never come up -------------------------------------------------------------

    def _unreachable(self) -> None:
        term = self.deck.term
        set_flags = set(self.flags.set_at)
        for card, doc, path in self.cards:
            when = card.when
            for k, flag in enumerate(when.flags):
                if flag not in set_flags:
                    hint = did_you_mean(flag, set_flags, self.issues.lang)
                    self.issues.add(doc, path + ("when", "flags", k), "W102",
                                    "flag_required_never_set", flag=flag, hint=hint,
                                    advice="" if hint else self.say("flag_set_advice", flag=flag))
            for k, flag in enumerate(when.not_flags):
                if flag in when.flags:
                    self.issues.add(doc, path + ("when", "not_flags", k), "W102",
                                    "flag_required_and_excluded", flag=flag,
                                    advice=self.say("flag_required_and_excluded_advice"))
            for meter_id, allowed in when.meters.items():
                meter = self.deck.meter(meter_id)
                if (allowed.min is not None and allowed.min > meter.max) or \
                        (allowed.max is not None and allowed.max < meter.min):
                    self.issues.add(
                        doc, path + ("when", "meters", meter_id), "W102", "meter_range_never",
                        meter=meter_id, lo=meter.min, hi=meter.max,
                        advice=self.say("meter_range_advice", lo=meter.min, hi=meter.max,
                                        example=(meter.min + meter.max) // 2))
            rounds = when.rounds
            if rounds is not None and ((rounds.min is not None and rounds.min > term)
                                       or (rounds.max is not None and rounds.max < 1)):
                self.issues.add(doc, path + ("when", "rounds"), "W102", "rounds_never",
                                term=term, advice=self.say("rounds_advice", term=term,
                                                           example=(term + 1) // 2))
            if card.id not in self.scheduled:
                if card.follow_up_only:
                    self.issues.add(doc, path + ("follow_up_only",), "W102", "never_scheduled",
                                    advice=self.say("never_scheduled_advice", card=card.id))
                elif card.weight == 0:
                    self.issues.add(doc, path + ("weight",), "W102", "weight_zero",
                                    advice=self.say("weight_zero_advice"))
            for i, option in enumerate(card.options):
                for k, follow in enumerate(option.follow_up):
                    if follow.after >= term:
                        at = path + ("options", i, "follow_up")
                        if isinstance(doc.value_at(at), list):
                            at += (k,)
                        self.issues.add(doc, at + ("after",), "W102", "follow_up_too_late",
                                        after=follow.after, term=term,
                                        advice=self.say("follow_up_too_late_advice", term=term))

    # -- meters -------------------------------------------------------------------------------

    def _meters(self) -> None:
        moved = {meter for card, _, _ in self.cards for option in card.options
                 for meter, change in option.effects.items() if change}
        for i, meter in enumerate(self.deck.meters):
            if meter.id not in moved:
                self.issues.add(self.deck_doc, ("meters", i, "id"), "W103", "meter_never_moves",
                                meter=meter.id, start=meter.start,
                                advice=self.say("meter_never_moves_advice", meter=meter.id))

    def _endings(self) -> None:
        """Term endings that all need certain meter values: some games get a general text."""
        endings = self.deck.endings
        term = [i for i, e in enumerate(endings) if e.trigger == "term"]
        if term and all(endings[i].meters for i in term):
            self.issues.add(self.deck_doc, ("endings", term[-1], "trigger"), "W107",
                            "no_fallback_ending", advice=self.say("no_fallback_ending_advice"))

    # -- flags --------------------------------------------------------------------------------

    def _collect_flags(self) -> _Flags:
        flags = _Flags()

        def note(table: dict[str, list[Place]], names: list[str], doc: YamlFile,
                 at: YamlPath) -> None:
            for k, name in enumerate(names):
                table.setdefault(name, []).append((doc, at + (k,)))

        for card, doc, path in self.cards:
            note(flags.required_at, card.when.flags, doc, path + ("when", "flags"))
            note(flags.excluded_at, card.when.not_flags, doc, path + ("when", "not_flags"))
            for i, option in enumerate(card.options):
                at = path + ("options", i)
                note(flags.set_at, option.set_flags, doc, at + ("set_flags",))
                note(flags.cleared_at, option.clear_flags, doc, at + ("clear_flags",))
        # A dynamics rule that reads a flag makes setting it worth something, too.
        for i, rule in enumerate(self.deck.spec.dynamics):
            at = ("dynamics", i, "when")
            note(flags.required_at, rule.when.flags, self.deck_doc, at + ("flags",))
            note(flags.excluded_at, rule.when.not_flags, self.deck_doc, at + ("not_flags",))
        return flags

    def _flags_unused(self) -> None:
        """Flags set and never read, and flags excluded or cleared that nothing sets.

        A flag required by a card but never set makes that card unreachable (W102, above). A
        misspelt flag is one mistake: when a flag that is set but never read is the near match
        of a flag that is read but never set, only the reading side is reported, its hint
        naming the flag that is set.
        """
        lang = self.issues.lang
        flags = self.flags
        set_flags = set(flags.set_at)
        read = set(flags.required_at) | set(flags.excluded_at)
        explained = set()
        for table, key in ((flags.required_at, ""), (flags.excluded_at, "flag_excluded_never_set"),
                           (flags.cleared_at, "flag_cleared_never_set")):
            for flag, places in table.items():
                if flag in set_flags:
                    continue
                near = closest(flag, set_flags - read)
                if near is not None:
                    explained.add(near)
                if not key:
                    continue  # reported as an unreachable card
                hint = did_you_mean(flag, set_flags, lang)
                for doc, at in places:
                    self.issues.add(doc, at, "W105", key, flag=flag, hint=hint,
                                    advice="" if hint else self.say("flag_set_advice", flag=flag))
        for flag, places in flags.set_at.items():
            if flag in read or flag in explained:
                continue
            doc, at = places[0]  # one message per flag, where it is first set
            self.issues.add(doc, at, "W104", "flag_never_read", flag=flag,
                            hint=did_you_mean(flag, read, lang),
                            advice=self.say("flag_never_read_advice"))
