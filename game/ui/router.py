"""The one place that turns a route into a scene on the stack.

Scenes say where to go with a value from :mod:`game.ui.routes`; :func:`go` builds the scene
for it and puts it on the table's stack: a new base screen (title, card, outcome, end), or a
screen over the current one (menu, glossary, questions, debriefing) that dismisses back to it
with a result. This module imports every scene, and no scene imports another.
"""

from __future__ import annotations

from game.ui import routes
from game.ui.debrief.scene import DebriefScene
from game.ui.overlays.glossary import GlossaryScene
from game.ui.overlays.menu import ACTIONS, MenuScene
from game.ui.overlays.summary import SummaryScene
from game.ui.overlays.tutorial import TutorialScene, step_for
from game.ui.scene import Scene
from game.ui.single.card import CardScene
from game.ui.single.end import EndScene
from game.ui.single.outcome import OutcomeScene
from game.ui.start.deck_errors import DeckErrorsScene, ReloadErrorsScene
from game.ui.start.title import TitleScene
from game.ui.start.watch import WatchScene
from game.ui.workshop.card import WorkshopCardScene
from game.ui.workshop.end import WorkshopEndScene
from game.ui.workshop.outcome import WorkshopOutcomeScene
from game.ui.workshop.overlays import (
    BlackScene,
    ChooseScene,
    ConfirmScene,
    EssayScene,
    MessageScene,
    NoteScene,
)
from game.ui.workshop.phones import PhoneJoinScene
from game.ui.workshop.setup import WorkshopSetupScene


def go(app, route) -> None:
    """Show what ``route`` asks for on ``app``'s stack."""
    kind = type(route)
    if kind is routes.Title:
        app.reset(TitleScene(app))
    elif kind is routes.Watch:
        app.reset(WatchScene(app, route.session_id))
    elif kind is routes.Current:
        _current(app, route.step)
    elif kind is routes.WorkshopSetup:
        if not app.stack:
            app.reset(TitleScene(app))
        app.push(WorkshopSetupScene(app, route.entries, route.selected))
    elif kind is routes.ReloadErrors:
        errors = ReloadErrorsScene(app, route.folder, route.result)
        if isinstance(app.scene, ReloadErrorsScene):
            app.replace(errors)
        else:
            app.push(errors)
    else:
        app.push(_overlay(app, route))


def _overlay(app, route) -> Scene:
    """The scene that opens over the current one for ``route``."""
    kind = type(route)
    if kind is routes.Menu:
        return MenuScene(app, route.match, actions=route.actions or ACTIONS)
    if kind is routes.Glossary:
        return GlossaryScene(app, route.deck, route.context, route.back_key)
    if kind is routes.DeckErrors:
        return DeckErrorsScene(app, route.folder, route.result)
    if kind is routes.Debrief:
        return DebriefScene(app, route.match)
    if kind is routes.Confirm:
        return ConfirmScene(app, route.question, route.detail, route.yes, route.no,
                            hint=route.hint)
    if kind is routes.Choose:
        return ChooseScene(app, route.heading, route.text, list(route.choices), route.cancel)
    if kind is routes.Note:
        return NoteScene(app, route.heading, route.text, route.swallow)
    if kind is routes.Black:
        return BlackScene(app)
    if kind is routes.PhoneJoin:
        return PhoneJoinScene(app)
    if kind is routes.Message:
        return MessageScene(app, route.heading, route.text)
    if kind is routes.Essay:
        return EssayScene(app, route.heading, route.section, route.context, route.question)
    raise TypeError(f"no scene for the route {route!r}")


def _current(app, step: str | None) -> None:
    """The screen the match on the table is at."""
    table = app.table
    if table is not None:
        workshop = table.workshop
        if workshop.is_over:
            app.toast = None  # the last decision's message would cover the debriefing
            end = WorkshopEndScene(app, table)
            app.reset(end)
            end.finish()
        elif workshop.phase == "card":
            app.reset(WorkshopCardScene(app, table, step))
        else:
            app.reset(WorkshopOutcomeScene(app, table))
        return
    session = app.match.session
    if session.is_over:
        app.reset(EndScene(app, app.match))
        written = app.onboarding_ended()
        if written is not None:  # an onboarding game's summary, over its end
            app.push(SummaryScene(app, *written))
        return
    screen = "card" if session.phase == "card" else "outcome"
    app.reset(CardScene(app, app.match) if screen == "card" else OutcomeScene(app, app.match))
    step = step_for(session.onboarding, screen)
    if step is not None:  # the guided first game of an onboarding game, over this screen
        app.push(TutorialScene(app, app.match, step))
