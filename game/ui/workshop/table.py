"""What the workshop screens share, and how the table starts, resumes and shows a workshop.

:class:`WorkshopTable` holds the :class:`~game.table.workshop_match.WorkshopMatch` (the only way the
screens change the workshop), the facilitator's settings (countdown, meter preview), the
countdown of the card on the table and the votes being entered, so a screen that is replaced
by the next one (or by itself after an undo) hands nothing over by hand.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from game.format.deck import Deck
from game.rules.session import IncompatibleSave
from game.table.journal import SavedSession
from game.rules.workshop import MAX_TEAMS
from game.table.workshop_match import WorkshopMatch
from game.authoring.loader import load_deck
from game.table.places import DEFAULT_DECK
from game.ui import routes
from game.phones.room import PhoneRoom
from game.phones.server import PhoneServerError
from game.ui.workshop.timer import DiscussionTimer
from game.ui.workshop.votes import VoteSheet

PREVIEWS = ("none", "which", "direction")
#: How often a running countdown's time left is journalled (s), so a resume loses at most that.
KEEP_EVERY = 10.0


@dataclass
class WorkshopSettings:
    """How the facilitator set the workshop up."""

    names: list[str]
    #: Rounds in the term; None: the deck's own.
    term: int | None = None
    #: Discussion time per card in minutes; None: no countdown.
    timer: float | None = None
    #: Only cards on these aspects (empty: all).
    aspects: list[str] = field(default_factory=list)
    #: What the options show of their effect on the meters: none, which, direction.
    preview: str = "direction"
    #: Participants vote with their phones (the room's code and port are kept under "phones").
    phones: bool = False

    def table(self) -> dict:
        """The screen settings kept with the workshop, so a resumed one looks the same (and
        serves phones again, on the same join address)."""
        kept = {"timer": self.timer, "preview": self.preview}
        if self.phones:
            kept["phones"] = {}
        return kept


def default_names(app, count: int) -> list[str]:
    return [app.t(f"workshop.colour.{i + 1}") for i in range(count)]


def settings_from_options(app, deck: Deck) -> WorkshopSettings:
    """The settings the command line gave, the rest as the deck (or the table) says."""
    options = app.options
    count = max(1, min(MAX_TEAMS, options.teams or len(options.team_names) or 2))
    names = list(options.team_names[:count])
    names += default_names(app, count)[len(names):]
    known = {a.id for a in deck.aspects}
    aspects = [a for a in options.aspects if a in known]
    for unknown in (a for a in options.aspects if a not in known):
        print(f"warning: the deck has no aspect '{unknown}'; it is left out", file=sys.stderr)
    return WorkshopSettings(names=names, term=options.rounds, timer=options.timer,
                            aspects=aspects if len(aspects) < len(known) else [],
                            preview=options.preview or deck.spec.preview, phones=options.phones)


class WorkshopTable:
    def __init__(self, match: WorkshopMatch, timer: float | None, preview: str):
        self.match = match
        #: Minutes of discussion per card, or None.
        self.minutes = timer
        self.preview = preview if preview in PREVIEWS else "direction"
        self._timer: DiscussionTimer | None = None
        self._timer_for: tuple[int, str] | None = None
        #: The time left when the countdown was last journalled.
        self._kept_left = 0.0
        #: How often a countdown has run out at this table (the table sounds a cue each time).
        self.times_up = 0
        #: Votes entered but not yet decided, by (round, team), kept while paging back.
        self.sheets: dict[tuple[int, int], VoteSheet] = {}
        #: Where the reports were written, and what the screen says about it.
        self.reports: Path | None = None
        self.reports_message: str | None = None
        #: The room's phones, while they vote (None: counted by hand).
        self.phones: PhoneRoom | None = None
        self._phones_seen = -1
        #: The (round, card) the phones' vote was last opened for (None: no card on the table).
        self._phones_for: tuple[int, str] | None = None
        #: The sheets filled in from phones, by (round, team); per team, how many phones voted
        #: on the card on the table when the vote closed.
        self.from_phones: set[tuple[int, int]] = set()
        self.phones_counted: dict[int, int] = {}

    @property
    def workshop(self):
        return self.match.workshop

    @property
    def deck(self) -> Deck:
        return self.match.deck

    def team_name(self, team: int) -> str:
        names = self.workshop.names
        return names[team] if team < len(names) else str(team + 1)

    # ------------------------------------------------------------------ countdown
    @property
    def timer(self) -> DiscussionTimer | None:
        """The countdown of the card on the table (a new card starts a new one; a resumed
        workshop goes on from the time it kept for its card)."""
        if not self.minutes:
            return None
        card = self.workshop.current_card
        key = (self.workshop.round, card.id if card else "")
        if self._timer is None or self._timer_for != key:
            self._timer = DiscussionTimer(self.minutes * 60)
            self._timer_for = key
            kept = self.workshop.table.get("countdown")
            if isinstance(kept, dict) and (kept.get("round"), kept.get("card")) == key \
                    and isinstance(kept.get("left"), (int, float)):
                self._timer.remaining = max(0.0, min(self._timer.total, float(kept["left"])))
                self._timer.paused = bool(kept.get("paused")) and not self._timer.expired
            self._kept_left = self._timer.remaining
        return self._timer

    def keep_countdown(self) -> None:
        """Journal the countdown's time left (after a pause, a step, or ten seconds)."""
        timer = self.timer if self.workshop.phase == "card" else None
        if timer is not None:
            self.match.keep_countdown(timer.remaining, timer.paused)
            self._kept_left = timer.remaining

    def tick(self, dt: float) -> bool:
        """Let time pass; returns whether the countdown shows something new."""
        if self._timer is None or not self.minutes or self.workshop.phase != "card":
            return False
        timer = self.timer
        was_up = timer.expired
        changed = timer.tick(dt)
        if timer.expired and not was_up:
            self.times_up += 1
        if self._kept_left - timer.remaining >= KEEP_EVERY or (timer.expired and self._kept_left):
            self.keep_countdown()
        return changed

    def next_change(self) -> float | None:
        """Seconds until the countdown shows a new second, or None when nothing will change."""
        if self._timer is None or not self.minutes or self.workshop.phase != "card":
            return None
        return self._timer.next_change

    # ------------------------------------------------------------------ phones
    @property
    def phones_open(self) -> bool:
        """Whether the phones can vote on the card on the table now."""
        return self.phones is not None and self.phones.ballot.card is not None

    def phones_changed(self) -> bool:
        """Open each new card on the table to the phones (and close the vote when no card is on
        it); whether what the screen shows of the phones' votes changed since it last asked.
        A vote closed by the facilitator stays closed while its card stays on the table; a
        resumed workshop opens the card on the table again, its kept votes counting."""
        if self.phones is None:
            return False
        if self.workshop.is_over:
            self.stop_phones()
            return True
        card = self.workshop.current_card
        on_table = (self.workshop.round, card.id) \
            if card is not None and self.workshop.phase == "card" else None
        if on_table != self._phones_for:
            self._phones_for = on_table
            if on_table is None:
                if self.phones.ballot.card is not None:
                    self.phones.close()
            else:
                self.phones_counted = {}
                self.phones.open_card()
        version = self.phones.ballot.version
        changed, self._phones_seen = version != self._phones_seen, version
        return changed

    def close_phones(self) -> dict[int, int]:
        """Close the phones' vote and put each team's count per option on its sheet (a team
        without phone votes keeps what was typed). Per team, how many phones voted."""
        if not self.phones_open:
            return {}
        tallies = self.phones.close()
        card = self.workshop.current_card
        ids = [o.id for o in card.options]
        for team, counts in tallies.items():
            if team in self.workshop.waiting:
                self.sheets[(self.workshop.round, team)] = VoteSheet.from_votes(ids, counts)
                self.from_phones.add((self.workshop.round, team))
        self.match.keep_phones_closed(self.workshop.round, card.id,
                                      self.phones.ballot.ledger.devices()
                                      if self.phones.ballot.ledger else None)
        self.phones_counted = {team: sum(counts.values()) for team, counts in tallies.items()}
        return self.phones_counted

    def phones_voters(self) -> dict[int, int]:
        """Per team, how many phones voted on the card on the table (so far, or when the vote
        closed); never which option they chose."""
        if self.phones_open:
            return self.phones.ballot.voters()
        return dict(self.phones_counted)

    def stop_phones(self) -> None:
        if self.phones is not None:
            self.phones.stop()
            self.phones = None

    # ------------------------------------------------------------------ votes
    def sheet(self, team: int) -> VoteSheet:
        """The votes being entered for ``team`` on the card on the table."""
        key = (self.workshop.round, team)
        sheet = self.sheets.get(key)
        if sheet is None:
            card = self.workshop.current_card
            sheet = self.sheets[key] = VoteSheet(len(card.options) if card else 0)
        return sheet

    def decide(self, team: int, sheet: VoteSheet) -> str:
        """Record ``team``'s decision (its option and the split); returns the option's id."""
        card = self.workshop.current_card
        ids = [o.id for o in card.options]
        option = ids[sheet.decision]
        key = (self.workshop.round, team)
        phones = self.phones_counted.get(team) if key in self.from_phones else None
        self.match.choose(team, option, sheet.votes(ids), phones)
        self.sheets.pop((self.workshop.round, team), None)
        return option

    def undo(self) -> bool:
        """Take back the last decision; its votes are entered again, ready to change."""
        votes = self.workshop.votes
        if not self.match.undo():
            return False
        if votes:
            last = votes[-1]
            card = self.workshop.current_card
            if card is not None and card.id == last["card"]:
                ids = [o.id for o in card.options]
                self.sheets[(self.workshop.round, last["team"])] = VoteSheet.from_votes(
                    ids, last["votes"], last["option"])
        return True


# ---------------------------------------------------------------------- the table's side
def start(app, folder: Path, deck: Deck, settings: WorkshopSettings) -> None:
    """A new workshop of ``deck`` on the table, journalled from the first card."""
    names = [n.strip() or d for n, d in zip(settings.names,
                                            default_names(app, len(settings.names)))]
    match = WorkshopMatch.start(deck, str(Path(folder).resolve()), app.lang, names,
                                app.journal, seed=app.seed, term=settings.term,
                                aspects=settings.aspects or None, table=settings.table())
    begin(app, WorkshopTable(match, settings.timer, settings.preview))


def start_from_options(app) -> None:
    """``play --mode workshop --teams N ...``: straight to the first card of the deck given (or
    the bundled one); a deck with errors shows them over the title screen."""
    options = app.options
    folder = Path(options.deck) if options.deck is not None \
        else Path(options.scenarios_dir) / DEFAULT_DECK
    result = app.load(folder)
    if result.deck is None:
        app.go(routes.Title())
        app.go(routes.DeckErrors(folder, result))
        return
    start(app, folder, result.deck, settings_from_options(app, result.deck))


def open_setup(app, entries=None, selected: int | None = None) -> None:
    """The set-up screen over the title screen (Esc goes back to it)."""
    app.go(routes.WorkshopSetup(entries, selected))


def resume(app, saved: SavedSession, deck: Deck) -> bool:
    """Continue a saved workshop at its card, with its votes and notes; False if it cannot."""
    try:
        match, notices = WorkshopMatch.resume(deck, saved, app.journal, advance=False)
    except IncompatibleSave:
        app.notices = [app.t("notice.incompatible")]
        app.invalidate()
        return False
    table = match.workshop.table
    timer = app.options.timer if app.options.timer else table.get("timer")
    preview = app.options.preview or table.get("preview") or deck.spec.preview
    begin(app, WorkshopTable(match, timer, preview), notices)
    return True


def restart(app) -> None:
    """Give up the workshop on the table and start it afresh with the same teams and settings."""
    old = app.table
    workshop = old.workshop
    if not workshop.is_over:
        old.match.abandon()
    settings = WorkshopSettings(names=workshop.names, term=workshop.term,
                                timer=old.minutes, aspects=workshop.aspects,
                                preview=old.preview, phones=old.phones is not None)
    result = load_deck(Path(old.match.deck_path), lang=app.lang)
    # a deck that no longer loads: the copy on the table (already narrowed to the aspects)
    deck = result.deck if result.deck is not None else old.deck
    start(app, Path(old.match.deck_path), deck, settings)


def begin(app, table: WorkshopTable, notices=()) -> None:
    app.preview = None
    app.put_down(keep=table.match)
    app.table = table
    app.match = table.match
    app.notices = [app.notice_text(n) for n in notices]
    if "phones" in table.workshop.table and not table.workshop.is_over:
        start_phones(app, table)
    app.go(routes.Current())
    if table.phones is not None and not table.workshop.votes:
        app.go(routes.PhoneJoin())  # the first card: the room joins before it starts


def start_phones(app, table: WorkshopTable) -> None:
    """Serve the room's phones; the join address is printed (and written to ``--out``'s
    join.txt). When it cannot listen, the workshop goes on counted by hand and says why."""
    options = app.options
    try:
        table.phones = PhoneRoom.start(table.match, options.bind, options.port)
    except PhoneServerError as exc:
        options.tell("warning", "command.play.phones_failed", reason=str(exc))
        app.notices.append(app.t("join.failed"))
        return
    print(table.phones.url, flush=True)
    if options.out_dir is not None:
        try:
            Path(options.out_dir).mkdir(parents=True, exist_ok=True)
            (Path(options.out_dir) / "join.txt").write_text(table.phones.url + "\n",
                                                          encoding="utf-8")
        except OSError as exc:
            options.tell("warning", "command.play.join_not_written", reason=str(exc))
