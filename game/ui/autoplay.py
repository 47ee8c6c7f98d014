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
from game.ui.workshop.table import open_setup, start_from_options

#: Idle waits without progress before the driver gives up (the loop waits 0.5 s each).
STALL_LIMIT = 20


def policy_choice(seed: int, round_no: int, option_count: int) -> int:
    """The option index the policy picks in ``round_no``."""
    return random.Random(f"{seed}:policy:{round_no}").randrange(option_count)


def vote_counts(seed: int, round_no: int, team: int, option_count: int) -> list[int]:
    """The votes per option the facilitator enters for ``team`` in ``round_no``."""
    rng = random.Random(f"{seed}:votes:{round_no}:{team}")
    return [rng.randint(0, 5) for _ in range(option_count)]


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
        """Called after every drawn frame: act once on each new screen (or new step of one).

        The driver reads what the screen asks (:meth:`~game.ui.scene.Scene.prompt`) and posts
        the events the screen says answer it, so it never needs to know the scene's class.
        """
        scene = self.app.scene
        prompt = scene.prompt()
        seen = (scene, prompt)
        if seen == self._seen or scene.animating:
            return
        self._seen = seen
        self._stalls = 0
        self._screenshot(scene.shot_name)
        if self.app.table is not None:
            self._facilitate(scene, prompt)
        elif prompt is None:
            return
        elif prompt.kind == "setup":
            self._pause()
            self._post(scene.answer())
        elif prompt.kind == "start":
            self._pause()
            self._start()
        elif prompt.kind == "pick":
            self._pause()
            session = self.app.match.session
            self._post(scene.answer(policy_choice(session.seed, session.round, prompt.count)))
        elif prompt.kind == "next":
            self._pause()
            self._post(scene.answer())
        elif prompt.kind == "end":
            if self.out_dir is not None:
                write_session_json(self.app.match.session, Path(self.out_dir))
            if self.exit_at_end:
                self.app.quit(0)
        elif prompt.kind == "errors":
            for line in prompt.lines:
                print(line, file=sys.stderr)
            if self.exit_at_end:
                self.app.quit(1)

    def _facilitate(self, scene, prompt) -> None:
        """One step of a workshop, as the facilitator's keys: Next past the discussion and
        the outcome, the votes of each team, and the first option on a tie."""
        table = self.app.table
        if table.workshop.is_over:
            if self.exit_at_end:
                self.app.quit(0)
            return
        self._pause()
        if prompt is None:
            return
        if prompt.kind == "votes":
            self._post(scene.answer(vote_counts(table.workshop.seed, table.workshop.round,
                                                prompt.team, prompt.count)))
        elif prompt.kind in ("next", "close"):
            self._post(scene.answer())
        elif prompt.kind == "pick":
            self._post(scene.answer(0))

    @staticmethod
    def _post(events: list[pygame.event.Event]) -> None:
        for event in events:
            pygame.event.post(event)

    def idle(self) -> None:
        """The loop woke without events: a stuck autoplay must not hang forever."""
        self._stalls += 1
        if self._stalls >= STALL_LIMIT and self.exit_at_end:
            self.app.options.tell("error", "command.play.no_progress")
            self.app.quit(1)

    def _start(self) -> None:
        app = self.app
        if app.options.resume:
            saved = app.nothing_to_resume()
            if saved is not None and app.resume(saved):
                return
            if saved is not None and app.held_elsewhere(saved):
                app.quit(1)  # the line on stderr says why; a new game is not what was asked
                return
        if app.options.mode == "workshop":
            if app.options.teams:
                start_from_options(app)
            else:
                open_setup(app)
            return
        if app.options.mode == "onboarding":
            folder = app.onboarding_deck()
            if not (folder / "deck.yaml").is_file():
                app.options.tell("error", "command.play.no_deck", folder=folder)
                app.quit(2)
                return
            app.start_onboarding()
            return
        folder = app.options.deck or Path(app.options.scenarios_dir) / DEFAULT_DECK
        if not (Path(folder) / "deck.yaml").is_file():
            app.options.tell("error", "command.play.no_deck", folder=folder)
            app.quit(2)
            return
        if app.options.card is not None:  # an author's preview: from that card on
            result = app.load(Path(folder))
            if result.deck is not None:
                app.start_preview(Path(folder), result.deck)
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
