"""The session host: the journal, the decks loaded from disk and the match on the table.

Starting, resuming, previewing, reloading (F5) and restarting a game all happen here; what
shows next is asked of the router with a route, so no screen is built here. The
:class:`~game.table.match.Match` is the only way the table changes a game; every confirmed
decision is in the journal before the screen moves on.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.language.texts import KNOWN_LANGUAGES, localize
from game.table.journal import Journal, JournalError, SavedSession
from game.table.ownership import SessionHeldElsewhere, SessionLock
from game.table.places import ONBOARDING_DECK
from game.table.places import data_dir as user_data_dir
from game.ui import routes
from game.ui.look.widgets import warning_line
from game.ui.overlays.toast import LONG

if TYPE_CHECKING:
    from game.format.deck import Deck
    from game.rules.session import Notice
    from game.table.match import Match


class SessionHost:
    """What the table plays: journal, match, workshop table, notices and an author's preview."""

    def open_journal(self, folder: Path | None) -> tuple[Journal | None, str | None]:
        if folder is None:
            return None, "no_journal"
        try:
            journal = Journal.open(folder)
        except JournalError as exc:
            print(f"warning: {exc}", file=sys.stderr)
            return None, "journal_failed"
        if journal.recovered is not None:
            print(f"warning: {self.t('warning.journal_recovered')} ({journal.recovered})",
                  file=sys.stderr)
            return journal, "journal_recovered"
        return journal, None

    def open_first_scene(self) -> None:
        """The title screen, or straight into a game (resumed, or the deck asked for)."""
        options = self.options
        if not options.autoplay:  # autoplay starts the game once the title has been drawn
            saved = self.nothing_to_resume() if options.resume else None
            if saved is not None and self.resume(saved, quiet=True):
                return
            if saved is not None and self.held_elsewhere(saved):
                self.go(routes.Title())  # where a new game can start; the notice says why
                return
            if options.mode == "workshop":
                from game.ui.workshop import table as workshop_table

                if options.teams:
                    workshop_table.start_from_options(self)
                else:
                    workshop_table.open_setup(self)
                return
            if options.mode == "onboarding" and options.card is None:
                self.go(routes.Title())
                self.start_onboarding()
                return
            if options.deck is not None:
                result = self.load(Path(options.deck))
                if result.deck is not None and options.card is not None:
                    self.start_preview(Path(options.deck), result.deck)
                    return
                if result.deck is not None:
                    self.start_deck(Path(options.deck), result)
                    return
                self.go(routes.Title())
                self.start_deck(Path(options.deck), result)  # shows its errors over the title
                return
        self.go(routes.Title())

    @property
    def plays_single_game(self) -> bool:
        """Whether a single game (not a workshop's match) is on the table."""
        if self.match is None:
            return False
        from game.table.match import Match

        return isinstance(self.match, Match)

    def t(self, key: str, **values: Any) -> str:
        return self.catalog.t(key, **values)

    def local(self, text: Any) -> str:
        """A deck text in the table's language."""
        return localize(text, self.lang)

    @property
    def warning(self) -> str | None:
        """What the warning line says, in plain words: a journal problem, if any.

        The technical reason goes to the terminal (stderr) for whoever runs the workshop. A
        preview says that it is one, and how to see a change to the deck.
        """
        if self.preview is not None and self.match is not None:
            return self.t("preview.warning", card=self.preview)
        if self.match is not None and self.match.warning:
            if self.match.warning != self.reported_warning:
                self.reported_warning = self.match.warning
                print(f"warning: {self.match.warning}", file=sys.stderr)
            return self.t("warning.journal_write")
        return self.t(f"warning.{self.journal_problem}") if self.journal_problem else None

    def draw_warning(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        warning = self.warning
        if warning:
            warning_line(surface, rect, warning, self.text, self.metrics, self.theme.palette)

    def latest_unfinished(self) -> SavedSession | None:
        """The unfinished session the title screen offers to resume: the latest one, unless
        another window plays it now (then none: that window is where it goes on)."""
        saved = self._latest_saved()
        if saved is not None and self.held_elsewhere(saved):
            return None
        return saved

    def _latest_saved(self) -> SavedSession | None:
        if self.journal is None:
            return None
        try:
            return self.journal.latest_unfinished()
        except (sqlite3.Error, ValueError) as exc:
            print(f"warning: the journal cannot be read: {exc}", file=sys.stderr)
            self.journal_problem = "journal_unreadable"
            return None

    def held_elsewhere(self, saved: SavedSession) -> bool:
        """Whether another process (another window) plays ``saved`` now."""
        if self.journal is None:
            return False
        if self.match is not None and self.match.session_id == saved.id \
                and self.match.journal is self.journal:
            return False  # this window plays it
        return SessionLock(self.journal.path.parent, saved.id).held_elsewhere()

    def watchable(self) -> SavedSession | None:
        """The latest unfinished session when another process (another window) plays it: the
        title offers to watch it."""
        saved = self._latest_saved()
        if saved is not None and self.held_elsewhere(saved):
            return saved
        return None

    def nothing_to_resume(self) -> SavedSession | None:
        """The session ``--resume`` asks for; when there is none, that is said plainly."""
        saved = self._latest_saved()
        if saved is None:
            self.options.tell("", "notice.nothing_to_resume")
            self.notices = [self.t("notice.nothing_to_resume")]
        return saved

    def load(self, folder: Path):
        from game.authoring.loader import load_deck

        return load_deck(folder, lang=self.lang)

    def start_deck(self, folder: Path, result=None, onboarding: bool = False) -> bool:
        """Start a new game of the deck in ``folder``; show its errors if it cannot be loaded.

        With ``onboarding`` the game is a council member's introduction: it starts with the
        guided first game, and its state says so, so a resumed game is one too.
        """
        from game.rules.state import TUTORIAL_DONE
        from game.table.match import Match

        result = result if result is not None else self.load(folder)
        if result.deck is None:
            self.go(routes.DeckErrors(folder, result))
            return False
        self.preview = None
        match = Match.start(result.deck, str(Path(folder).resolve()), self.lang, self.journal,
                            seed=self.seed)
        if onboarding:  # the guided first game, unless an earlier introduction went through it
            match.onboarding("tutorial", TUTORIAL_DONE if self.tutorial_seen() else 0)
        self.begin(match)
        return True

    def tutorial_seen(self) -> bool:
        """Whether an earlier onboarding game in this journal finished or skipped the guided
        first game, so a council member who comes back is not walked through it again."""
        from game.rules.state import TUTORIAL_DONE

        if self.journal is None:
            return False
        try:
            saved = self.journal.sessions()
        except (sqlite3.Error, ValueError):
            return False
        return any(not s.damaged and isinstance(s.state.get("onboarding"), dict)
                   and s.state["onboarding"].get("tutorial") == TUTORIAL_DONE for s in saved)

    def onboarding_deck(self) -> Path:
        """The deck a council member's introduction plays: the one named on the command line,
        else the bundled council deck."""
        return Path(self.options.deck or Path(self.options.scenarios_dir) / ONBOARDING_DECK)

    def start_onboarding(self) -> bool:
        """Start a council member's introduction (``--mode onboarding``, or the title screen's
        "Introductie voor raadsleden")."""
        folder = self.onboarding_deck()
        if not (folder / "deck.yaml").is_file():
            self.notices = [self.t("notice.deck_missing", path=str(folder))]
            self.invalidate()
            return False
        return self.start_deck(folder, onboarding=True)

    def resume(self, saved: SavedSession, quiet: bool = False) -> bool:
        """Continue a saved session; its deck is loaded again from where it was played.

        With ``quiet`` (at start-up, before any screen) a deck that cannot be loaded is only
        noted, so the title screen can open instead.
        """
        folder = Path(saved.deck_path)
        if not (folder / "deck.yaml").is_file():
            self.notices = [self.t("notice.deck_missing", path=str(folder))]
            self.invalidate()
            return False
        from game.rules.session import IncompatibleSave
        from game.table.match import Match
        from game.ui.workshop import table as workshop_table

        result = self.load(folder)
        if result.deck is None:
            if quiet:
                self.notices = [self.t("notice.deck_broken", path=str(folder))]
            else:
                self.go(routes.DeckErrors(folder, result))
            return False
        try:
            if saved.is_workshop:  # in the language it was played in, like a game
                if self.held_elsewhere(saved):
                    raise SessionHeldElsewhere(saved.id)
                if saved.lang in KNOWN_LANGUAGES and saved.lang != self.lang:
                    self.set_language(saved.lang)
                return workshop_table.resume(self, saved, result.deck)
            match, notices = Match.resume(result.deck, saved, self.journal)
        except IncompatibleSave:
            self.notices = [self.t("notice.incompatible")]
            self.invalidate()
            return False
        except SessionHeldElsewhere:
            self.open_elsewhere()
            if not quiet:  # the title screen asked: it shows again, without the offer
                self.go(routes.Title())
            return False
        if saved.lang in KNOWN_LANGUAGES and saved.lang != self.lang:
            self.set_language(saved.lang)
        self.preview = None
        self.begin(match, notices)
        return True

    def open_elsewhere(self) -> None:
        """Say that the session asked for is played in another window, so it is left alone:
        one line on the terminal, and a notice on the screen that stays (the title screen)."""
        self.options.tell("", "notice.open_elsewhere")
        self.notices = [self.t("notice.open_elsewhere")]
        self.invalidate()

    def put_down(self, keep: Any = None) -> None:
        """The game on the table leaves it (unless it is ``keep``): its session is let go,
        so another window may resume it."""
        if self.match is not None and self.match is not keep:
            self.match.release()
            if self.table is not None:
                self.table.stop_phones()  # the room's phones vote no more

    def begin(self, match: Match, notices: list[Notice] | tuple = ()) -> None:
        """Put ``match`` on the table, at the screen its state is in."""
        self.put_down(keep=match)
        self.match = match
        self.table = None
        self.notices = [self.notice_text(n) for n in notices]
        self.show_current()

    def show_current(self) -> None:
        """Show the screen the match on the table is at."""
        self.go(routes.Current())

    def start_preview(self, folder: Path, deck: Deck) -> None:
        """Open ``deck`` straight at the card the author asked for (``--card``), from the
        deck's start state with the flags and meters given; the game then plays on normally.

        A preview is not journalled, so it is never offered for resume. A card or meter the
        deck does not have is named on the card's notice line (the command line checks them
        before the window opens, so this is for other ways in).
        """
        import secrets

        from game.authoring.preview import check_preview
        from game.rules.session import Session
        from game.table.match import Match

        options = self.options
        check = check_preview(deck, options.card, options.flags, options.meters, self.lang)
        seed = self.seed if self.seed is not None else secrets.randbelow(2**31)
        if deck.card(options.card) is not None:
            session = Session.at_card(deck, options.card, seed, options.flags,
                                      dict(options.meters))
        else:
            session = Session.new(deck, seed)
        self.preview = options.card
        self.table = None
        self.put_down()
        self.match = Match(session, str(Path(folder).resolve()), self.lang)
        self.notices = list(check.errors)
        self.show_current()

    def reload(self) -> None:
        """F5: read the deck on the table again from disk and play on with it.

        The session stays as it is (round, meters, flags, decisions), its cards looked up by
        id in the new version; the screen shows the new texts at once. A deck that now has
        errors is not taken: its errors show over the game, which goes on with the version
        that loaded last.
        """
        match = self.match
        if match is None:
            return
        folder = Path(match.deck_path)
        result = self.load(folder)
        if result.deck is None:
            self.go(routes.ReloadErrors(folder, result))
            return
        previous = self.stack[0]
        notices = [self.notice_text(n) for n in match.reload(result.deck)
                   if n.code != "deck-changed"]  # the author knows: they just changed it
        self.notices = notices
        self.show_current()
        self.scene.carry_over(previous)
        if notices and not self.scene.shows_notices:
            self.say(" ".join([self.t("reload.done") + "."] + notices), LONG)
        else:
            self.say(self.t("reload.done"))
        self.invalidate()

    def restart(self) -> None:
        """Give up the match on the table and start the same deck afresh (a preview: from its
        card again)."""
        match = self.match
        if match is None:
            return
        if self.table is not None:
            from game.ui.workshop import table as workshop_table

            workshop_table.restart(self)
            return
        if self.preview is not None:
            self.start_preview(Path(match.deck_path), match.deck)
            return
        from game.table.match import Match

        if not match.session.is_over:
            match.abandon()
        fresh = Match.start(match.deck, match.deck_path, self.lang, self.journal, seed=self.seed)
        self.begin(fresh)

    def onboarding_ended(self) -> tuple[dict[str, Any], Path] | None:
        """An onboarding game reached its end: write its take-home summary (once) to
        ``--out``, or else to a folder in the user's data folder. Returns the summary and
        where it was written, for the screen to show; None when there is nothing to show
        (not an onboarding game, already written, or it could not be written: a toast says so).
        """
        match = self.match
        if match is None or not match.session.onboarding or self.summary_of is match:
            return None
        self.summary_of = match
        if self.options.out_dir is not None:
            folder = Path(self.options.out_dir)
        else:
            base = Path(self.options.data_dir) if self.options.data_dir else user_data_dir()
            name = f"sessie-{match.session_id}" if match.session_id else \
                datetime.now().strftime("sessie-%Y%m%d-%H%M%S")
            folder = base / "samenvattingen" / name
        # The summary's templates are read only when an onboarding game ends (not at start-up).
        from game.reports.summary import build_summary, write_summary

        summary = build_summary(match.deck, match.session.to_dict(), self.lang)
        try:
            path = write_summary(summary, folder)
        except OSError as exc:
            print(f"warning: the summary cannot be written to {folder}: {exc}", file=sys.stderr)
            self.say(self.t("onboarding.summary_failed"), LONG)
            return None
        self.options.tell("", "command.play.summary", path=path)
        return summary, path

    def to_title(self) -> None:
        self.put_down()
        self.match = None
        self.table = None
        self.preview = None
        self.notices = []
        self.go(routes.Title())

    def notice_text(self, notice: Notice) -> str:
        """What to tell the players about a notice from loading a game against a changed deck."""
        key = {"card-gone": "notice.card_gone", "follow-up-gone": "notice.follow_up_gone",
               "deck-changed": "notice.deck_changed"}[notice.code]
        return self.t(key, card=notice.card_id)

    def menu_chosen(self, result: Any) -> None:
        """Carry out what was chosen in the single game's menu."""
        match = self.match
        if result == "undo" and match is not None:
            last = match.session.last_decision
            if match.undo():
                self.go(routes.Current())
                self.say(self.undone_text(match.deck, last))
        elif result == "restart":
            self.restart()
        elif result == "title":
            self.to_title()
        elif result == "quit":
            self.quit()
        self.invalidate()

    def undone_text(self, deck: Deck, last: dict[str, Any] | None) -> str:
        """What the players are told after taking back ``last``, the decision undone."""
        if last is None:
            return self.t("undo.done_plain")
        card = deck.card(last["card"])
        title = self.local(card.title) if card is not None else last["card"]
        return self.t("undo.done", round=last["round"], card=title)

    def close(self) -> None:
        self.put_down()
        if self.journal is not None:
            self.journal.close()
            self.journal = None
