"""The table: one window, a stack of scenes, and the loop that feeds them events.

:class:`App` puts three parts together: the window (:mod:`game.ui.window`), the scene stack
and its router (:mod:`game.ui.stack`) and the session host, which holds the journal and the
match (:mod:`game.ui.host`); this module adds the input, the clock and the loop.

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
import signal
import time
import traceback
from dataclasses import replace
from functools import cached_property
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.language.catalog import Catalog, load_catalog
from game.language.texts import KNOWN_LANGUAGES
from game.ui.host import SessionHost
from game.ui.look.textcache import Fonts, TextCache
from game.ui.look.theme import Metrics, Theme
from game.ui.look.widgets import ButtonPainter
from game.ui.overlays.toast import Toast
from game.ui import preferences
from game.ui.look.motion import Transition
from game.ui.sound import Cues
from game.ui.play_options import PlayOptions
from game.ui.scene import Scene
from game.ui.stack import SceneStack
from game.ui.window import Window

if TYPE_CHECKING:
    from game.table.match import Match
    from game.table.workshop_match import WorkshopMatch
    from game.ui.autoplay import AutoplayDriver
    from game.ui.card_snapshot import CardSnapshot
    from game.ui.look.portrait import Portraits
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
#: The longest step an animation takes in one frame (s): after a slow frame (a decision being
#: written to a busy disk) the meters still move visibly instead of jumping to the end.
ANIMATION_STEP_S = 0.05


class App(Window, SceneStack, SessionHost):
    """The table's state: window surface, theme, language, journal, match and scene stack."""

    def __init__(self, options: PlayOptions, surface: pygame.Surface | None = None,
                 first_scene: bool = True):
        self.options = options
        self.theme = Theme()
        self.lang = options.lang if options.lang in KNOWN_LANGUAGES else "nl"
        self.catalog: Catalog = load_catalog(self.lang)
        if not pygame.font.get_init():
            pygame.font.init()
        #: Whether the table opened its own window (False around a plain surface, as in tests).
        self.own_display = surface is None
        self.fullscreen = False
        #: The window's size to go back to when fullscreen is left.
        self.windowed_size = tuple(options.size)
        if surface is None:
            surface = self.open_window(options)
        self.surface = surface
        self.metrics: Metrics = self.theme.metrics(surface.get_size())
        self.fonts = Fonts(self.theme.fonts)
        self.text = TextCache(self.fonts, self.theme.leading)
        self.painter = ButtonPainter(self.text, self.theme.palette)
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
        self.areas: list[pygame.Rect] = []
        self.running = True
        self.exit_code = 0
        #: The clock input is timed by (double clicks); tests may set their own.
        self.clock = time.monotonic
        #: Skip animations (autoplay, screenshots and pictures of a card: every run draws the
        #: same frames).
        self.instant = (options.autoplay or options.snapshot
                        or options.screenshots_dir is not None)
        #: The player's saved preferences; the command line's choices hold for this run only.
        self.preferences = preferences.load(options.data_dir)
        self._motion_flag = options.reduced_motion
        self._mute_flag = options.mute
        #: The sound cues (heard while sound is on for the mode on the table).
        self.cues = Cues()
        #: The fade from the screen that was left, while it runs (see :meth:`begin_transition`).
        self.transition: Transition | None = None
        #: Whether a frame has been put on screen yet.
        self.shown = False
        #: Seed for matches; autoplay without a seed uses 0 so its runs repeat.
        self.seed = options.seed if options.seed is not None else (0 if options.autoplay else None)
        #: Catalog key (under warning.) of a journal problem found at start-up, or None.
        self.journal_problem: str | None = None
        #: The journal warning last printed to the terminal, so it is printed once.
        self.reported_warning: str | None = None
        #: The onboarding game whose summary was written (so it is written once).
        self.summary_of = None
        self.journal, self.journal_problem = self.open_journal(options.data_dir)
        if first_scene:
            self.open_first_scene()

    @cached_property
    def portraits(self) -> "Portraits":
        """The characters' portraits, made when the first card shows one (the title has none,
        and the portraits' module brings the deck format along)."""
        from game.ui.look.portrait import Portraits

        return Portraits(self.theme.palette, self.fonts)

    @classmethod
    def offscreen(cls, lang: str, size: tuple[int, int]) -> "App":
        """A table without a window, journal or first scene, to lay scenes out and measure them
        (the tests hold them against validate's text-fit check, which needs no table)."""
        return cls(PlayOptions(lang=lang, size=size), pygame.Surface(size), first_scene=False)

    # ------------------------------------------------------------------ motion and sound
    @property
    def still(self) -> bool:
        """Whether motion is off: reduced motion asked for, or autoplay and screenshots."""
        return self.instant or self._motion_flag or self.preferences.reduced_motion

    @property
    def sound_on(self) -> bool:
        """Whether the cues are heard: by default in single play, not in a workshop."""
        return not self._mute_flag and self.preferences.sound(self.table is not None)

    def cue(self, name: str) -> None:
        """Play the sound cue ``name`` (from :data:`game.ui.sound.CUES`) if sound is on."""
        self.cues.on = self.sound_on
        self.cues.play(name)

    def toggle_sound(self) -> None:
        """M: sound on or off for this mode (single play or workshop), kept for next time."""
        on = not self.sound_on
        self._mute_flag = False
        self.preferences = self.preferences.with_sound(self.table is not None, on)
        preferences.save(self.options.data_dir, self.preferences)
        self.toast = Toast(self.t("sound.on" if on else "sound.off"))
        self.invalidate()

    def toggle_motion(self) -> None:
        """Reduced motion on or off, kept for next time."""
        still = not (self._motion_flag or self.preferences.reduced_motion)
        self._motion_flag = False
        self.preferences = replace(self.preferences, reduced_motion=still)
        preferences.save(self.options.data_dir, self.preferences)
        self.transition = None
        self.toast = Toast(self.t("motion.off" if still else "motion.on"))
        self.invalidate()

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
        elif kind == pygame.KEYDOWN and event.key == pygame.K_F5 and self.plays_single_game:
            self.reload()
        elif self.too_small and not self.options.autoplay:
            return  # the screen under the message is not shown, so it takes no input
        elif kind == pygame.KEYDOWN and event.key == pygame.K_m and not self.scene.takes_letters \
                and not getattr(event, "mod", 0) & (pygame.KMOD_CTRL | pygame.KMOD_ALT
                                                    | pygame.KMOD_META):
            self.toggle_sound()
        else:
            self.scene.handle_event(event)
            if kind in (pygame.KEYDOWN, pygame.MOUSEBUTTONUP, pygame.FINGERUP, pygame.MOUSEWHEEL):
                self.invalidate()

    def update(self, dt: float, frame: bool = False) -> None:
        """Let ``dt`` seconds pass. A workshop's countdown runs in its screen (so it waits under
        a menu) and keeps real time; in the loop (``frame``) an animation moves at most
        :data:`ANIMATION_STEP_S` per frame."""
        table = self.table
        times_up = table.times_up if table is not None else 0
        moving = self.scene.animating or self.transition is not None
        step = min(dt, ANIMATION_STEP_S) if frame and moving else dt
        self.scene.update(step)
        if table is not None and table.times_up != times_up:
            self.cue("time_up")
        if self.scene.animating:
            self.invalidate()
        if self.transition is not None:
            self.transition.update(step)
            if self.transition.done:
                self.transition = None
            self.invalidate()
        if self.toast is not None:
            self.toast.update(dt)
            if self.toast.expired:
                self.toast = None
                self.invalidate()

    @property
    def animating(self) -> bool:
        return self.scene.animating or self.transition is not None

    def present(self) -> pygame.Surface:
        """Draw a frame for the screen: the scenes, then the fade from the screen left."""
        self.render()
        if self.transition is not None:
            self.transition.draw(self.surface)
        self.shown = True
        return self.surface

    def idle_wait_ms(self) -> int:
        """How long the loop may sleep: until the countdown shows its next second, at most
        :data:`IDLE_WAIT_MS`, so the clock steps evenly without drawing in between."""
        change = self.scene.next_change()
        if change is None:
            return IDLE_WAIT_MS
        return max(FRAME_MS, min(IDLE_WAIT_MS, round(change * 1000) + 5))

    def quit(self, code: int = 0) -> None:
        self.running = False
        self.exit_code = code

    # ------------------------------------------------------------------ the loop
    def loop(self) -> int:
        driver: AutoplayDriver | CardSnapshot | None = None
        if self.options.autoplay:
            from game.ui.autoplay import AutoplayDriver

            driver = AutoplayDriver.for_app(self)
        elif self.options.snapshot:
            from game.ui.card_snapshot import CardSnapshot

            driver = CardSnapshot(self)
        last = last_input = time.perf_counter()
        while self.running:
            if self.dirty:
                self.present()
                if self.own_display:
                    pygame.display.flip()
                if self.options.exit_after_first_frame:
                    break
                if driver is not None:
                    driver.after_frame()
                    if not self.running:
                        break
            elif self.areas:  # a countdown's new second: that area alone
                redrawn = self.render_areas()
                if self.own_display:
                    pygame.display.update(redrawn)
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
            self.update(now - last, frame=True)
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
            options.tell("error", "command.play.no_screen")
            return 1
        pygame.font.init()
        app = App(options)
        code = app.loop()
    except KeyboardInterrupt:
        code = 0
    except pygame.error as exc:
        options.tell("error", "command.play.no_window", reason=exc)
        code = 1
    except Exception:  # the last line of defence: report, log, never show a traceback
        log = _write_crash_log(options.data_dir)
        options.tell("error", "command.play.stopped_logged" if log else "command.play.stopped",
                     log=log)
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
