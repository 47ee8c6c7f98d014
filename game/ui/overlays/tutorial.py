"""The guided first game of a council member's introduction: callouts on the real screen.

An onboarding game (``--mode onboarding``) starts with about three minutes of learning by doing
on its first two cards. Each step is a callout over the card or the outcome below: the element
it is about is outlined and left undimmed, and a panel beside it says what it is, with Next and
Skip. Enter, Space or → go to the next step, Esc skips the rest; a click on the buttons does the
same. Where the step asks the player to do something (choose an option, open the glossary,
confirm), that key or a click on the outlined element goes through to the screen below, so the
player learns by doing it.

The step reached is kept in the game's state through the match (journalled), so a game stopped
in the middle of the guided game resumes at the same step, and a finished or skipped guided game
never shows again in that game. The scene below tells where its elements are
(``callout(target)``, a Rect or None); this scene never imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame
from pygame import Rect

from game.rules.state import TUTORIAL_DONE
from game.ui.look.widgets import Button, panel
from game.ui.scene import NUMBER_KEYS, Prompt, Scene, key_event



@dataclass(frozen=True)
class Step:
    """One callout: on which screen ("card" or "outcome"), its words (``tutorial.<key>.*``),
    the element it points at (None: a panel in the middle) and what the player may do on the
    screen below meanwhile ("select", "glossary", "confirm" or nothing)."""

    screen: str
    key: str
    target: str | None
    does: str = ""


#: The guided game, in order: the first card, its outcome, then the second card.
STEPS: tuple[Step, ...] = (
    Step("card", "welcome", None),
    Step("card", "meters", "meters"),
    Step("card", "card", "card"),
    Step("card", "options", "options", "select"),
    Step("card", "preview", "preview"),
    Step("card", "glossary", "glossary", "glossary"),
    Step("card", "confirm", "confirm", "confirm"),
    Step("outcome", "outcome", "changes"),
    Step("outcome", "council", "council"),
    Step("outcome", "later", "next"),
    Step("card", "progress", "round"),
)


def step_for(onboarding: dict[str, Any], screen: str) -> int | None:
    """The step of the guided game to show over ``screen`` in a game with these onboarding
    values, or None (not an onboarding game, done, or a step for another screen)."""
    step = onboarding.get("tutorial")
    if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step < len(STEPS):
        return None
    return step if STEPS[step].screen == screen else None


class TutorialScene(Scene):
    """One step of the guided game over the card or outcome below it."""

    overlay = True

    def __init__(self, app, match, step: int):
        super().__init__(app)
        self.match = match
        #: The screen the callouts point into (the scene on top when this one was built).
        self.below = app.scene
        self.step = step
        self._dim: pygame.Surface | None = None
        self.layout_changed()
        self.focus, self.keyboard = 0, False

    @property
    def shot_name(self) -> str:
        return f"tutorial-{self.step + 1:02d}"

    @property
    def current(self) -> Step:
        return STEPS[self.step]

    # ------------------------------------------------------------------ layout
    def target(self) -> Rect | None:
        """Where the element of this step is on the screen below, or None."""
        name = self.current.target
        if name is None:
            return None
        callout = getattr(self.below, "callout", None)
        return callout(name) if callout is not None else None

    def layout_changed(self) -> None:
        """Place the panel beside the outlined element: below it, above it, right or left of
        it, whichever has room; in the middle when nothing is outlined."""
        app, m = self.app, self.app.metrics
        width, height = app.surface.get_size()
        margin = m.px(24)
        pad = m.px(32)
        panel_w = min(m.px(820), width - 2 * margin)
        inner_w = panel_w - 2 * pad
        heading_h = self._height(self.heading, "bold", m.heading, inner_w)
        text_h = self._height(self.text, "regular", m.body, inner_w)
        counter_h = round(m.small * 1.5)
        button_h = m.px(76)
        panel_h = pad + counter_h + m.px(8) + heading_h + m.px(16) + text_h + m.px(24) \
            + button_h + pad
        panel_h = min(panel_h, height - 2 * margin)
        box = Rect(0, 0, panel_w, panel_h)
        target = self.target()
        self.outline = target.inflate(m.px(16), m.px(16)) if target is not None else None
        box.center = (width // 2, height // 2)
        if self.outline is not None:
            o, gap = self.outline, m.px(20)
            places = [(o.centerx - panel_w // 2, o.bottom + gap),
                      (o.centerx - panel_w // 2, o.top - gap - panel_h),
                      (o.right + gap, o.centery - panel_h // 2),
                      (o.left - gap - panel_w, o.centery - panel_h // 2)]
            screen = Rect(0, 0, width, height).inflate(-2 * margin, -2 * margin)
            for x, y in places:
                candidate = Rect(x, y, panel_w, panel_h).clamp(screen)
                if not candidate.colliderect(o):
                    box = candidate
                    break
            else:  # nothing beside it: at the foot of the screen, over part of the element
                box.midbottom = (width // 2, height - margin)
        self.panel = box
        inner = box.inflate(-2 * pad, -2 * pad)
        self.counter = Rect(inner.x, inner.y, inner.width, counter_h)
        self.heading_rect = Rect(inner.x, self.counter.bottom + m.px(8), inner.width, heading_h)
        buttons_y = inner.bottom - button_h
        self.text_rect = Rect(inner.x, self.heading_rect.bottom + m.px(16), inner.width,
                              max(0, buttons_y - m.px(24) - self.heading_rect.bottom - m.px(16)))
        next_w = round(inner.width * 0.5)
        last = self.step == len(STEPS) - 1
        self.buttons = [
            Button("next", Rect(inner.right - next_w, buttons_y, next_w, button_h),
                   self.app.t("tutorial.finish" if last else "tutorial.next"), style="primary"),
        ]
        if not last:
            self.buttons.append(Button("skip", Rect(inner.x, buttons_y,
                                                    inner.width - next_w - m.px(16), button_h),
                                       self.app.t("tutorial.skip")))
        self._dim = None

    def _height(self, text: str, weight: str, size: int, width: int) -> int:
        block = self.app.text.fit(text, weight, list(self.text_sizes(size)), self.app.theme.palette.ink,
                                  width, 10_000)
        return block.height

    @property
    def heading(self) -> str:
        return self.app.t(f"tutorial.{self.current.key}.heading")

    @property
    def text(self) -> str:
        """The step's text; the meters' step names the deck's own meters."""
        meters = ", ".join(self.app.local(m.label) for m in self.match.deck.meters)
        return self.app.t(f"tutorial.{self.current.key}.text", meters=meters)

    # ------------------------------------------------------------------ what it asks
    def prompt(self) -> Prompt:
        return Prompt("next", step=("tutorial", self.step))

    def answer(self, value: Any = None) -> list[pygame.event.Event]:
        """Enter: the next step (autoplay and the tests go through the whole guided game)."""
        return [key_event(pygame.K_RETURN, "\r")]

    # ------------------------------------------------------------------ moving on
    def advance(self) -> None:
        """To the next step: on this screen, or closed until the screen it belongs to shows."""
        nxt = self.step + 1
        if nxt >= len(STEPS):
            self.skip()
            return
        self.match.onboarding("tutorial", nxt)
        if STEPS[nxt].screen == self.current.screen and self.current.does != "confirm":
            self.step = nxt
            self.layout_changed()
            self.app.invalidate()
        else:
            self.app.pop()

    def skip(self) -> None:
        """Skip the rest (or finish): the game remembers, and this game shows it no more."""
        self.match.onboarding("tutorial", TUTORIAL_DONE)
        self.app.pop()

    def activate(self, button_id: str) -> None:
        if button_id == "next":
            self.next_or_do()
        elif button_id == "skip":
            self.skip()

    def next_or_do(self) -> None:
        """Next; on the confirm step with an option chosen, confirming the card is the next."""
        if self.current.does == "confirm" and getattr(self.below, "selected", None) is not None:
            self.advance()
            self._pass(key_event(pygame.K_RETURN, "\r"))
            return
        self.advance()

    def _pass(self, event: pygame.event.Event) -> None:
        """Let the screen below handle what the player did on it."""
        self.below.handle_event(event)
        self.app.invalidate()

    def on_key(self, key: int, mod: int) -> None:
        does = self.current.does
        plain = not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT)
        if does == "select" and key in NUMBER_KEYS:
            self._pass(key_event(key))
            self.advance()
        elif does == "glossary" and key == pygame.K_g and plain:
            self._pass(key_event(key, "g"))
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_RIGHT,
                     pygame.K_PAGEDOWN):
            focused = self.focused_button() if self.keyboard else None
            if focused is not None and focused.id == "skip" and key != pygame.K_RIGHT:
                self.skip()
            else:
                self.next_or_do()
        elif key == pygame.K_ESCAPE:
            self.skip()
        elif key == pygame.K_TAB:
            self.move_focus(-1 if mod & pygame.KMOD_SHIFT else 1)

    def on_click(self, pos: tuple[int, int]) -> None:
        for button in self.buttons:
            if button.hit(pos):
                self.activate(button.id)
                self.app.invalidate()
                return
        does = self.current.does
        if does and self.outline is not None and self.outline.collidepoint(pos):
            click = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)
            if does == "select":
                self._pass(click)
                if getattr(self.below, "selected", None) is not None:
                    self.advance()
            elif does == "glossary":
                self._pass(click)
            elif does == "confirm":
                self.next_or_do()

    def on_result(self, result: Any) -> None:
        """The glossary opened from a step was closed: back at the same step."""
        self.app.invalidate()

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.theme.palette
        if self.outline is not None:
            keep = surface.subsurface(self.outline.clip(surface.get_rect())).copy()
            self.dim_below(surface)
            surface.blit(keep, self.outline.clip(surface.get_rect()).topleft)
            pygame.draw.rect(surface, p.focus, self.outline, width=max(4, m.px(6)),
                             border_radius=m.radius)
        else:
            self.dim_below(surface)
        panel(surface, self.panel, m, p)
        stripe = Rect(self.panel.x, self.panel.y, self.panel.width, m.px(10))
        pygame.draw.rect(surface, p.focus, stripe, border_top_left_radius=m.radius,
                         border_top_right_radius=m.radius)
        self.text_in(surface, self.counter, app.t("tutorial.counter", n=self.step + 1,
                                                   total=len(STEPS)),
                     "semibold", m.small, p.ink_muted, valign="center")
        self.text_in(surface, self.heading_rect, self.heading, "bold", m.heading, p.ink)
        self.text_in(surface, self.text_rect, self.text, "regular", m.body, p.ink)
        self.draw_buttons(surface)
