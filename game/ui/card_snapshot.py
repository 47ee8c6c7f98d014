"""A picture of one card for its author: ``play DECK --card ID --headless --screenshots DIR``.

The table opens the author's preview of the card as usual. Once the card is on screen, still,
this driver saves it as ``card-ID.png``; with ``--option N`` it then chooses option N the way a
player does (the scene's own answer events) and saves the outcome as ``card-ID-option-N.png``.
Then the run ends. A deck with errors prints them and ends with status 1, like autoplay.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pygame

#: Idle waits without a new screen before the driver gives up (the loop waits 0.5 s each).
STALL_LIMIT = 20


class CardSnapshot:
    """Saves the previewed card (and the outcome of one option) and ends the run."""

    def __init__(self, app) -> None:
        self.app = app
        options = app.options
        self.folder = Path(options.screenshots_dir)
        self.card = options.card
        self.option = options.option
        self.chosen = False
        self.written: list[Path] = []
        self._stalls = 0
        self.folder.mkdir(parents=True, exist_ok=True)

    def after_frame(self) -> None:
        scene = self.app.scene
        prompt = scene.prompt()
        if prompt is None or scene.animating:
            return
        self._stalls = 0
        if prompt.kind == "errors":
            for line in prompt.lines:
                print(line, file=sys.stderr)
            self.app.quit(1)
        elif prompt.kind == "pick" and not self.chosen:
            self._save(f"card-{self.card}.png")
            if self.option is None:
                self._finish()
                return
            self.chosen = True
            for event in scene.answer(self.option - 1):
                pygame.event.post(event)
        elif self.chosen and prompt.kind in ("next", "end"):
            self._save(f"card-{self.card}-option-{self.option}.png")
            self._finish()

    def idle(self) -> None:
        """The loop woke without events: a preview that never shows its card must not hang."""
        self._stalls += 1
        if self._stalls >= STALL_LIMIT:
            print("error: the card did not appear on screen", file=sys.stderr)
            self.app.quit(1)

    def _save(self, name: str) -> None:
        path = self.folder / name
        pygame.image.save(self.app.surface, str(path))
        self.written.append(path)

    def _finish(self) -> None:
        for path in self.written:
            print(path)
        self.app.quit(0)
