"""The one place that turns a route into a scene on the stack.

Scenes say where to go with a value from :mod:`game.ui.routes`; :func:`go` builds the scene
for it and puts it on the table's stack: a new base screen (title, card, outcome, end), or a
screen over the current one (menu, glossary, questions, debriefing) that dismisses back to it
with a result. This module imports every scene, and no scene imports another.

Each scene's module is imported where its scene is first made, not with this module: the
title screen is drawn without the modules of the game, the workshop and the debrief (and the
deck format, the phone server and the reports they bring along).
"""

from __future__ import annotations

from game.ui import routes
from game.ui.scene import Scene


def go(app, route) -> None:
    """Show what ``route`` asks for on ``app``'s stack."""
    kind = type(route)
    if kind is routes.Title:
        from game.ui.start.title import TitleScene

        app.reset(TitleScene(app))
    elif kind is routes.Watch:
        from game.ui.start.watch import WatchScene

        app.reset(WatchScene(app, route.session_id))
    elif kind is routes.Current:
        _current(app, route.step)
    elif kind is routes.WorkshopSetup:
        from game.ui.start.title import TitleScene
        from game.ui.workshop.setup import WorkshopSetupScene

        if not app.stack:
            app.reset(TitleScene(app))
        app.push(WorkshopSetupScene(app, route.entries, route.selected))
    elif kind is routes.ReloadErrors:
        from game.ui.start.deck_errors import ReloadErrorsScene

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
        from game.ui.overlays.menu import ACTIONS, MenuScene

        return MenuScene(app, route.match, actions=route.actions or ACTIONS)
    if kind is routes.Glossary:
        from game.ui.overlays.glossary import GlossaryScene

        return GlossaryScene(app, route.deck, route.context, route.back_key)
    if kind is routes.DeckErrors:
        from game.ui.start.deck_errors import DeckErrorsScene

        return DeckErrorsScene(app, route.folder, route.result)
    if kind is routes.Debrief:
        from game.ui.debrief.scene import DebriefScene

        return DebriefScene(app, route.match)
    if kind is routes.Confirm:
        from game.ui.workshop.overlays import ConfirmScene

        return ConfirmScene(app, route.question, route.detail, route.yes, route.no,
                            hint=route.hint)
    if kind is routes.Choose:
        from game.ui.workshop.overlays import ChooseScene

        return ChooseScene(app, route.heading, route.text, list(route.choices), route.cancel)
    if kind is routes.Note:
        from game.ui.workshop.overlays import NoteScene

        return NoteScene(app, route.heading, route.text, route.swallow)
    if kind is routes.Black:
        from game.ui.workshop.overlays import BlackScene

        return BlackScene(app)
    if kind is routes.PhoneJoin:
        from game.ui.workshop.phones import PhoneJoinScene

        return PhoneJoinScene(app)
    if kind is routes.Message:
        from game.ui.workshop.overlays import MessageScene

        return MessageScene(app, route.heading, route.text)
    if kind is routes.Essay:
        from game.ui.workshop.overlays import EssayScene

        return EssayScene(app, route.heading, route.section, route.context, route.question)
    raise TypeError(f"no scene for the route {route!r}")


def _current(app, step: str | None) -> None:
    """The screen the match on the table is at."""
    table = app.table
    if table is not None:
        workshop = table.workshop
        if workshop.is_over:
            from game.ui.workshop.end import WorkshopEndScene

            app.toast = None  # the last decision's message would cover the debriefing
            end = WorkshopEndScene(app, table)
            app.reset(end)
            end.finish()
        elif workshop.phase == "card":
            from game.ui.workshop.card import WorkshopCardScene

            app.reset(WorkshopCardScene(app, table, step))
        else:
            from game.ui.workshop.outcome import WorkshopOutcomeScene

            app.reset(WorkshopOutcomeScene(app, table))
        return
    session = app.match.session
    if session.is_over:
        from game.ui.overlays.summary import SummaryScene
        from game.ui.single.end import EndScene

        app.reset(EndScene(app, app.match))
        written = app.onboarding_ended()
        if written is not None:  # an onboarding game's summary, over its end
            app.push(SummaryScene(app, *written))
        return
    from game.ui.overlays.tutorial import TutorialScene, step_for
    from game.ui.single.card import CardScene
    from game.ui.single.outcome import OutcomeScene

    screen = "card" if session.phase == "card" else "outcome"
    app.reset(CardScene(app, app.match) if screen == "card" else OutcomeScene(app, app.match))
    step = step_for(session.onboarding, screen)
    if step is not None:  # the guided first game of an onboarding game, over this screen
        app.push(TutorialScene(app, app.match, step))
