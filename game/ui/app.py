"""The table: one window, a stack of scenes, and the loop that feeds them events.

:func:`run` is what the command line calls. :class:`App` can also be built in-process around a
plain surface (tests and benchmarks do), driven with :meth:`App.handle`, :meth:`App.update` and
:meth:`App.render`. The loop redraws only when something changed and otherwise blocks in
``pygame.event.wait``, so an untouched card costs next to no CPU.

The :class:`~game.table.match.Match` is the only way the table changes a game; every confirmed
decision is in the journal before the screen moves on, so closing the window, a terminate
signal or Ctrl+C never loses one.

For authors: ``play DECK --card ID`` opens a preview straight at that card (not journalled, so
never offered for resume), and F5 while playing reads the deck again from disk and plays on
with it from the same moment; a deck that now has errors shows them over the game, which goes
on with the version that loaded last.
"""

from __future__ import annotations

import os
import secrets
import signal
import sqlite3
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path
from typing import Any

import pygame

from game.format.deck import Deck
from game.rules.session import IncompatibleSave, Notice, Session
from game.language.catalog import Catalog, load_catalog
from game.table.journal import Journal, JournalError, SavedSession
from game.table.match import Match
from game.ui.play_options import PlayOptions
from game.language.texts import KNOWN_LANGUAGES, localize
from game.table.workshop_match import WorkshopMatch
from game.ui.look.portrait import Portraits
from game.ui.scene import Scene
from game.ui.look.textcache import Fonts, TextCache
from game.ui.look.theme import Metrics, Theme
from game.ui.overlays.toast import LONG, Toast
from game.ui.look.widgets import ButtonPainter, warning_line
from game.ui.workshop import table as workshop_table
from game.ui.workshop.table import WorkshopTable

#: How long the loop waits when nothing happens (ms); an event wakes it within one slice.
IDLE_WAIT_MS = 500
#: Frame interval while something animates (ms).
FRAME_MS = 16
#: How long the idle loop sleeps between two looks at the event queue: briefly while people are
#: using the table, longer once it has been left alone (every wake-up costs CPU on a laptop).
ACTIVE_SLICE_S = 0.016
RESTING_SLICE_S = 0.05
#: Seconds after the last input during which the table counts as in use.
ACTIVE_FOR_S = 3.0
MIN_SIZE = (640, 360)


class App:
    """The table's state: window surface, theme, language, journal, match and scene stack."""

    def __init__(self, options: PlayOptions, surface: pygame.Surface | None = None,
                 first_scene: bool = True):
        self.options = options
        self.theme = Theme()
        self.lang = options.lang if options.lang in KNOWN_LANGUAGES else "nl"
        self.catalog: Catalog = load_catalog(self.lang)
        if not pygame.font.get_init():
            pygame.font.init()
        self._own_display = surface is None
        self.fullscreen = False
        self._windowed_size = tuple(options.size)
        if surface is None:
            surface = self._open_window(options)
        self.surface = surface
        self.metrics: Metrics = self.theme.metrics(surface.get_size())
        self.fonts = Fonts(self.theme.fonts)
        self.text = TextCache(self.fonts, self.theme.leading)
        self.painter = ButtonPainter(self.text, self.theme.palette)
        self.portraits = Portraits(self.theme.palette, self.fonts)
        #: The match on the table (a game, or a workshop's), or None on the title screen.
        self.match: Match | WorkshopMatch | None = None
        #: What a workshop's screens share (its match, countdown, votes), or None.
        self.table: WorkshopTable | None = None
        #: Messages for the player after resuming against a changed deck.
        self.notices: list[str] = []
        #: The card an author asked to preview (``--card``) while its preview is on the table.
        self.preview: str | None = None
        #: A short message over the game that goes away by itself, or None.
        self.toast: Toast | None = None
        self.stack: list[Scene] = []
        self.dirty = True
        self.running = True
        self.exit_code = 0
        #: Skip animations (autoplay).
        self.instant = options.autoplay
        #: Seed for matches; autoplay without a seed uses 0 so its runs repeat.
        self.seed = options.seed if options.seed is not None else (0 if options.autoplay else None)
        #: Catalog key (under warning.) of a journal problem found at start-up, or None.
        self.journal_problem: str | None = None
        self._reported: str | None = None
        self.journal, self.journal_problem = self._open_journal(options.data_dir)
        if first_scene:
            self._open_first_scene()

    @classmethod
    def offscreen(cls, lang: str, size: tuple[int, int]) -> "App":
        """A table without a window, journal or first scene, to lay scenes out and measure them
        (validate's text-overflow check)."""
        return cls(PlayOptions(lang=lang, size=size), pygame.Surface(size), first_scene=False)

    # ------------------------------------------------------------------ set-up
    def _open_window(self, options: PlayOptions) -> pygame.Surface:
        if not pygame.display.get_init():
            pygame.display.init()
        pygame.display.set_caption(self.catalog.t("app.window_title"))
        pygame.key.set_repeat(0)
        if options.fullscreen:
            try:
                self.fullscreen = True
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error:
                self.fullscreen = False
        return pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)

    def _open_journal(self, folder: Path | None) -> tuple[Journal | None, str | None]:
        if folder is None:
            return None, "no_journal"
        try:
            return Journal.open(folder), None
        except JournalError as exc:
            print(f"warning: {exc}", file=sys.stderr)
            return None, "journal_failed"

    def _open_first_scene(self) -> None:
        """The title screen, or straight into a game (resumed, or the deck asked for)."""
        from game.ui.start.title import TitleScene

        options = self.options
        if not options.autoplay:  # autoplay starts the game once the title has been drawn
            saved = self.latest_unfinished() if options.resume else None
            if saved is not None and self.resume(saved, quiet=True):
                return
            if options.mode == "workshop":
                if options.teams:
                    workshop_table.start_from_options(self)
                else:
                    workshop_table.open_setup(self)
                return
            if options.deck is not None:
                result = self.load(Path(options.deck))
                if result.deck is not None and options.card is not None:
                    self.start_preview(Path(options.deck), result.deck)
                    return
                if result.deck is not None:
                    self.start_deck(Path(options.deck), result)
                    return
                self.stack = [TitleScene(self)]
                self.start_deck(Path(options.deck), result)  # shows its errors over the title
                return
        self.stack = [TitleScene(self)]

    # ------------------------------------------------------------------ the stack
    @property
    def scene(self) -> Scene:
        """The scene on top: the one that gets input."""
        return self.stack[-1]

    def push(self, scene: Scene) -> None:
        self.stack.append(scene)
        self.invalidate()

    def pop(self, result: Any = None) -> None:
        """Dismiss the top scene; the one below receives ``result``."""
        if len(self.stack) > 1:
            self.stack.pop()
            self.invalidate()
            self.scene.on_result(result)

    def replace(self, scene: Scene) -> None:
        self.stack[-1] = scene
        self.invalidate()

    def reset(self, scene: Scene) -> None:
        self.stack = [scene]
        self.invalidate()

    def invalidate(self) -> None:
        """Something visible changed: draw a new frame."""
        self.dirty = True

    # ------------------------------------------------------------------ input, time, drawing
    def handle(self, event: pygame.event.Event) -> None:
        kind = event.type
        if kind == pygame.QUIT:
            self.quit()
        elif kind == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
        elif kind == pygame.WINDOWSIZECHANGED:
            self.resize((event.x, event.y))
        elif kind in (pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE, pygame.WINDOWRESTORED):
            self.invalidate()
        elif kind == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif kind == pygame.KEYDOWN and event.key == pygame.K_F5 and isinstance(self.match, Match):
            self.reload()
        else:
            self.scene.handle_event(event)
            if kind in (pygame.KEYDOWN, pygame.MOUSEBUTTONUP, pygame.FINGERUP, pygame.MOUSEWHEEL):
                self.invalidate()

    def update(self, dt: float) -> None:
        if self.table is not None and self.table.tick(dt):
            self.invalidate()  # the countdown shows a new second (also under the menu)
        self.scene.update(dt)
        if self.scene.animating:
            self.invalidate()
        if self.toast is not None:
            self.toast.update(dt)
            if self.toast.expired:
                self.toast = None
                self.invalidate()

    @property
    def animating(self) -> bool:
        return self.scene.animating

    def idle_wait_ms(self) -> int:
        """How long the loop may sleep: until the countdown shows its next second, at most
        :data:`IDLE_WAIT_MS`, so the clock steps evenly without drawing in between."""
        change = self.table.next_change() if self.table is not None else None
        if change is None:
            return IDLE_WAIT_MS
        return max(FRAME_MS, min(IDLE_WAIT_MS, round(change * 1000) + 5))

    def render(self) -> pygame.Surface:
        """Draw the whole stack (from the last opaque scene up) and return the surface."""
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].overlay:
            first -= 1
        for scene in self.stack[first:]:
            scene.draw(self.surface)
        if self.toast is not None:
            self.toast.draw(self.surface, self.metrics, self.theme.palette, self.text)
        self.dirty = False
        return self.surface

    def new_layer(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        """An opaque surface in the window's pixel format, for pre-rendered backgrounds."""
        return pygame.Surface(size or self.surface.get_size(), 0, self.surface)

    # ------------------------------------------------------------------ window
    def resize(self, size: tuple[int, int]) -> None:
        size = (max(MIN_SIZE[0], int(size[0])), max(MIN_SIZE[1], int(size[1])))
        if size == self.surface.get_size() == (self.metrics.width, self.metrics.height):
            return  # VIDEORESIZE and WINDOWSIZECHANGED both report one resize
        if self._own_display:
            current = pygame.display.get_surface()
            if current is None or current.get_size() != size:
                flags = pygame.FULLSCREEN if self.fullscreen else pygame.RESIZABLE
                try:
                    current = pygame.display.set_mode(size, flags)
                except pygame.error:
                    current = pygame.display.get_surface()
            self.surface = current
            if not self.fullscreen:
                self._windowed_size = self.surface.get_size()
        elif self.surface.get_size() != size:
            self.surface = pygame.Surface(size, 0, self.surface)
        self._relayout()

    def toggle_fullscreen(self) -> None:
        if not self._own_display:
            return
        try:
            if self.fullscreen:
                surface = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
            else:
                self._windowed_size = self.surface.get_size()
                surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        except pygame.error:
            return
        self.fullscreen = not self.fullscreen
        self.surface = surface
        self._relayout()

    def _relayout(self) -> None:
        self.metrics = self.theme.metrics(self.surface.get_size())
        for scene in self.stack:
            scene.layout_changed()
        self.invalidate()

    def set_language(self, lang: str) -> None:
        if lang not in KNOWN_LANGUAGES or lang == self.lang:
            return
        self.lang = lang
        self.catalog = load_catalog(lang)
        if self._own_display:
            pygame.display.set_caption(self.catalog.t("app.window_title"))
        self._relayout()

    # ------------------------------------------------------------------ texts
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
            if self.match.warning != self._reported:
                self._reported = self.match.warning
                print(f"warning: {self.match.warning}", file=sys.stderr)
            return self.t("warning.journal_write")
        return self.t(f"warning.{self.journal_problem}") if self.journal_problem else None

    def draw_warning(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        warning = self.warning
        if warning:
            warning_line(surface, rect, warning, self.text, self.metrics, self.theme.palette)

    # ------------------------------------------------------------------ games
    def latest_unfinished(self) -> SavedSession | None:
        if self.journal is None:
            return None
        try:
            return self.journal.latest_unfinished()
        except (sqlite3.Error, ValueError) as exc:
            print(f"warning: the journal cannot be read: {exc}", file=sys.stderr)
            self.journal_problem = "journal_unreadable"
            return None

    def load(self, folder: Path):
        from game.authoring.loader import load_deck

        return load_deck(folder, lang=self.lang)

    def start_deck(self, folder: Path, result=None) -> bool:
        """Start a new game of the deck in ``folder``; show its errors if it cannot be loaded."""
        from game.ui.start.deck_errors import DeckErrorsScene

        result = result if result is not None else self.load(folder)
        if result.deck is None:
            self.push(DeckErrorsScene(self, folder, result))
            return False
        self.preview = None
        match = Match.start(result.deck, str(Path(folder).resolve()), self.lang, self.journal,
                            seed=self.seed)
        self.begin(match)
        return True

    def resume(self, saved: SavedSession, quiet: bool = False) -> bool:
        """Continue a saved session; its deck is loaded again from where it was played.

        With ``quiet`` (at start-up, before any screen) a deck that cannot be loaded is only
        noted, so the title screen can open instead.
        """
        from game.ui.start.deck_errors import DeckErrorsScene

        folder = Path(saved.deck_path)
        if not (folder / "deck.yaml").is_file():
            self.notices = [self.t("notice.deck_missing", path=str(folder))]
            self.invalidate()
            return False
        result = self.load(folder)
        if result.deck is None:
            if quiet:
                self.notices = [self.t("notice.deck_broken", path=str(folder))]
            else:
                self.push(DeckErrorsScene(self, folder, result))
            return False
        if saved.is_workshop:  # in the language it was played in, like a game
            if saved.lang in KNOWN_LANGUAGES and saved.lang != self.lang:
                self.set_language(saved.lang)
            return workshop_table.resume(self, saved, result.deck)
        try:
            match, notices = Match.resume(result.deck, saved, self.journal)
        except IncompatibleSave:
            self.notices = [self.t("notice.incompatible")]
            self.invalidate()
            return False
        if saved.lang in KNOWN_LANGUAGES and saved.lang != self.lang:
            self.set_language(saved.lang)
        self.preview = None
        self.begin(match, notices)
        return True

    def begin(self, match: Match, notices: list[Notice] | tuple = ()) -> None:
        """Put ``match`` on the table, at the screen its state is in."""
        self.match = match
        self.table = None
        self.notices = [self.notice_text(n) for n in notices]
        self.show_current()

    def show_current(self) -> None:
        from game.ui.single.card import CardScene
        from game.ui.single.end import EndScene
        from game.ui.single.outcome import OutcomeScene

        if self.table is not None:
            workshop_table.show(self)
            return
        session = self.match.session
        if session.is_over:
            self.reset(EndScene(self, self.match))
        elif session.phase == "card":
            self.reset(CardScene(self, self.match))
        else:
            self.reset(OutcomeScene(self, self.match))

    def start_preview(self, folder: Path, deck: Deck) -> None:
        """Open ``deck`` straight at the card the author asked for (``--card``), from the
        deck's start state with the flags and meters given; the game then plays on normally.

        A preview is not journalled, so it is never offered for resume. A card or meter the
        deck does not have is named on the card's notice line (the command line checks them
        before the window opens, so this is for other ways in).
        """
        from game.authoring.preview import check_preview

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
        from game.ui.single.card import CardScene
        from game.ui.start.deck_errors import ReloadErrorsScene

        match = self.match
        if match is None:
            return
        folder = Path(match.deck_path)
        result = self.load(folder)
        if result.deck is None:
            errors = ReloadErrorsScene(self, folder, result)
            if isinstance(self.scene, ReloadErrorsScene):
                self.replace(errors)
            else:
                self.push(errors)
            return
        previous = self.stack[0]
        notices = [self.notice_text(n) for n in match.reload(result.deck)
                   if n.code != "deck-changed"]  # the author knows: they just changed it
        self.notices = notices
        self.show_current()
        self.scene.carry_over(previous)
        if notices and not isinstance(self.scene, CardScene):  # a card shows them itself
            self.toast = Toast(" ".join([self.t("reload.done") + "."] + notices), LONG)
        else:
            self.toast = Toast(self.t("reload.done"))
        self.invalidate()

    def restart(self) -> None:
        """Give up the match on the table and start the same deck afresh (a preview: from its
        card again)."""
        match = self.match
        if match is None:
            return
        if self.table is not None:
            workshop_table.restart(self)
            return
        if self.preview is not None:
            self.start_preview(Path(match.deck_path), match.deck)
            return
        if not match.session.is_over:
            match.abandon()
        fresh = Match.start(match.deck, match.deck_path, self.lang, self.journal, seed=self.seed)
        self.begin(fresh)

    def to_title(self) -> None:
        from game.ui.start.title import TitleScene

        self.match = None
        self.table = None
        self.preview = None
        self.notices = []
        self.reset(TitleScene(self))

    def notice_text(self, notice: Notice) -> str:
        """What to tell the players about a notice from loading a game against a changed deck."""
        key = {"card-gone": "notice.card_gone", "follow-up-gone": "notice.follow_up_gone",
               "deck-changed": "notice.deck_changed"}[notice.code]
        return self.t(key, card=notice.card_id)

    def quit(self, code: int = 0) -> None:
        self.running = False
        self.exit_code = code

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()
            self.journal = None

    # ------------------------------------------------------------------ the loop
    def loop(self) -> int:
        from game.ui.autoplay import AutoplayDriver

        driver = AutoplayDriver.for_app(self) if self.options.autoplay else None
        last = last_input = time.perf_counter()
        while self.running:
            if self.dirty:
                self.render()
                if self._own_display:
                    pygame.display.flip()
                if self.options.exit_after_first_frame:
                    break
                if driver is not None:
                    driver.after_frame()
                    if not self.running:
                        break
            if self.dirty:
                events = pygame.event.get()  # a frame is due: do not block
            else:
                resting = time.perf_counter() - last_input > ACTIVE_FOR_S
                events = wait_for_events(FRAME_MS if self.animating else self.idle_wait_ms(),
                                         RESTING_SLICE_S if resting else ACTIVE_SLICE_S)
            if events:
                last_input = time.perf_counter()
            for item in events:
                self.handle(item)
            if not events and not self.dirty and driver is not None:
                driver.idle()
            now = time.perf_counter()
            self.update(now - last)
            last = now
        return self.exit_code


def wait_for_events(timeout_ms: int, slice_s: float) -> list[pygame.event.Event]:
    """Block until events arrive or ``timeout_ms`` passes, looking every ``slice_s`` seconds.

    ``pygame.event.wait(timeout)`` polls SDL every millisecond, which costs about 2% of a core
    while a card sits untouched; sleeping in slices costs a fraction of that and still answers
    a key within one slice.
    """
    deadline = time.perf_counter() + timeout_ms / 1000
    while True:
        events = pygame.event.get()
        if events:
            return events
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return []
        time.sleep(min(slice_s, remaining))


def run(options: PlayOptions) -> int:
    """Open the table and play until the players quit. Returns the exit status."""
    if options.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    app: App | None = None
    code = 0
    previous = _on_terminate(lambda: app.quit(0) if app is not None else None)
    try:
        pygame.display.init()
        if not options.headless and _no_screen():
            print("error: no screen was found to open the game's window on; to play without "
                  "one, add --headless (with --autoplay for a whole game)", file=sys.stderr)
            return 1
        pygame.font.init()
        app = App(options)
        code = app.loop()
    except KeyboardInterrupt:
        code = 0
    except pygame.error as exc:
        print(f"error: the window could not be opened: {exc}", file=sys.stderr)
        code = 1
    except Exception:  # the last line of defence: report, log, never show a traceback
        log = _write_crash_log(options.data_dir)
        where = f" (details in {log})" if log else ""
        print(f"error: the game stopped unexpectedly{where}; every confirmed decision is saved "
              "and can be resumed.", file=sys.stderr)
        code = 1
    finally:
        if app is not None:
            try:
                app.close()
            except Exception:  # closing after a crash must not raise a second traceback
                pass
        pygame.quit()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return code


def _no_screen() -> bool:
    """SDL fell back to a driver without a window although nobody asked for one."""
    asked = os.environ.get("SDL_VIDEODRIVER")
    return not asked and pygame.display.get_driver() in ("offscreen", "dummy")


def _on_terminate(stop) -> Any:
    """SIGTERM ends the game like closing the window (SDL does not always turn it into QUIT).

    The handler runs between two steps of the loop, which wakes at least twice a second.
    """
    def handler(signum, frame) -> None:
        stop()
        if pygame.display.get_init():
            pygame.event.post(pygame.event.Event(pygame.QUIT))

    try:
        return signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError):  # not the main thread: leave signals alone
        return None


def _write_crash_log(folder: Path | None) -> Path | None:
    if folder is None:
        return None
    path = Path(folder) / f"crash-{datetime.now().strftime('%Y%m%d-%H%M%S')}.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(traceback.format_exc(), encoding="utf-8")
    except OSError:
        return None
    return path
