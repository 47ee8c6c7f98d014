"""The headless autoplayer: a seeded random policy that plays the real scenes.

It does not call the rules directly. After each drawn frame it looks at the scene on top and
posts the pygame events a player would cause (the option's number key, then Enter; Enter on an
outcome), so the normal event handling path is what plays. The policy for a round is
``random.Random(f"{seed}:policy:{round}")``, with the session's own seed, choosing uniformly
among the card's options, so a resumed run makes the same choices. Each screen shown can be
saved as a numbered PNG; at the end the session is written to ``session.json``.

In a workshop (``--mode workshop``) it plays the facilitator: Next past the discussion, then
for each team the number of votes per option typed with the digit keys (↓ to the next option),
``random.Random(f"{seed}:votes:{round}:{team}")`` drawing 0 to 5 votes per option; the
majority decides, and a tie is given to the first tied option by its number key. At the end
the workshop writes its reports (to ``--out``) and the run exits.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pygame

from game.reports.session_record import write_session_json
from game.table.places import DEFAULT_DECK

#: Idle waits without progress before the driver gives up (the loop waits 0.5 s each).
STALL_LIMIT = 20


def policy_choice(seed: int, round_no: int, option_count: int) -> int:
    """The option index the policy picks in ``round_no``."""
    return random.Random(f"{seed}:policy:{round_no}").randrange(option_count)


def key_event(key: int, text: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text, scancode=0)


def vote_counts(seed: int, round_no: int, team: int, option_count: int) -> list[int]:
    """The votes per option the facilitator enters for ``team`` in ``round_no``."""
    rng = random.Random(f"{seed}:votes:{round_no}:{team}")
    return [rng.randint(0, 5) for _ in range(option_count)]


def vote_keys(seed: int, round_no: int, team: int, option_count: int) -> list:
    """The key presses that enter :func:`vote_counts`: each count's digits, ↓ between."""
    keys = []
    for i, count in enumerate(vote_counts(seed, round_no, team, option_count)):
        if i:
            keys.append(key_event(pygame.K_DOWN))
        keys += [key_event(pygame.K_0 + int(d), d) for d in str(count)]
    return keys


class AutoplayDriver:
    def __init__(self, app, step_delay: float = 0.0,
                 screenshots: Path | None = None, out_dir: Path | None = None,
                 exit_at_end: bool = True):
        self.app = app
        self.step_delay = step_delay
        self.screenshots = screenshots
        self.out_dir = out_dir
        self.exit_at_end = exit_at_end
        self.shots = 0
        self._seen = None
        self._stalls = 0
        if screenshots is not None:
            screenshots.mkdir(parents=True, exist_ok=True)

    @classmethod
    def for_app(cls, app) -> "AutoplayDriver":
        options = app.options
        return cls(app, options.step_delay,
                   options.screenshots_dir, options.out_dir, exit_at_end=options.headless)

    def after_frame(self) -> None:
        """Called after every drawn frame: act once on each new screen (or new step of one)."""
        from game.ui.single.card import CardScene
        from game.ui.start.deck_errors import DeckErrorsScene
        from game.ui.single.end import EndScene
        from game.ui.single.outcome import OutcomeScene
        from game.ui.start.title import TitleScene

        scene = self.app.scene
        seen = (scene, getattr(scene, "autoplay_state", None))
        if seen == self._seen or scene.animating:
            return
        self._seen = seen
        self._stalls = 0
        self._screenshot(scene.shot_name)
        from game.ui.workshop.setup import WorkshopSetupScene

        if self.app.table is not None:
            self._facilitate(scene)
        elif isinstance(scene, WorkshopSetupScene):
            self._pause()
            pygame.event.post(key_event(pygame.K_RETURN, "\r"))  # on "Workshop starten"
        elif isinstance(scene, TitleScene):
            self._pause()
            self._start()
        elif isinstance(scene, CardScene):
            self._pause()
            index = policy_choice(scene.session.seed, scene.session.round, len(scene.options))
            pygame.event.post(key_event(pygame.K_1 + index, str(index + 1)))
            pygame.event.post(key_event(pygame.K_RETURN, "\r"))
        elif isinstance(scene, OutcomeScene):
            self._pause()
            pygame.event.post(key_event(pygame.K_RETURN, "\r"))
        elif isinstance(scene, EndScene):
            if self.out_dir is not None:
                write_session_json(scene.session, Path(self.out_dir))
            if self.exit_at_end:
                self.app.quit(0)
        elif isinstance(scene, DeckErrorsScene):
            for problem in scene.problems:
                print(problem.format(), file=sys.stderr)
            if self.exit_at_end:
                self.app.quit(1)

    def _facilitate(self, scene) -> None:
        """One step of a workshop, as the facilitator's keys."""
        from game.ui.workshop.card import WorkshopCardScene
        from game.ui.workshop.outcome import WorkshopOutcomeScene
        from game.ui.workshop.overlays import ChooseScene

        table = self.app.table
        if table.workshop.is_over:
            if self.exit_at_end:
                self.app.quit(0)
            return
        self._pause()
        if isinstance(scene, WorkshopCardScene) and scene.step == "vote":
            for key in vote_keys(table.workshop.seed, table.workshop.round, scene.team,
                                 len(scene.options)):
                pygame.event.post(key)
            pygame.event.post(key_event(pygame.K_PAGEDOWN))
        elif isinstance(scene, (WorkshopCardScene, WorkshopOutcomeScene)):
            pygame.event.post(key_event(pygame.K_PAGEDOWN))
        elif isinstance(scene, ChooseScene):
            first = scene.choices[0][0] + 1
            pygame.event.post(key_event(pygame.K_0 + first, str(first)))

    def idle(self) -> None:
        """The loop woke without events: a stuck autoplay must not hang forever."""
        self._stalls += 1
        if self._stalls >= STALL_LIMIT and self.exit_at_end:
            print("error: autoplay made no progress", file=sys.stderr)
            self.app.quit(1)

    def _start(self) -> None:
        app = self.app
        if app.options.resume:
            saved = app.latest_unfinished()
            if saved is not None and app.resume(saved):
                return
        if app.options.mode == "workshop":
            from game.ui.workshop.table import open_setup, start_from_options

            if app.options.teams:
                start_from_options(app)
            else:
                open_setup(app)
            return
        folder = app.options.deck or Path(app.options.scenarios_dir) / DEFAULT_DECK
        if not (Path(folder) / "deck.yaml").is_file():
            print(f"error: no deck at {folder}", file=sys.stderr)
            app.quit(2)
            return
        app.start_deck(Path(folder))

    def _pause(self) -> None:
        if self.step_delay > 0:
            time.sleep(self.step_delay)

    def _screenshot(self, name: str) -> None:
        if self.screenshots is None:
            return
        self.shots += 1
        pygame.image.save(self.app.surface, str(self.screenshots / f"{self.shots:03d}-{name}.png"))
