"""A walk past every screen of the table, single play, onboarding and workshop.

:func:`tour` yields ``(name, app)`` with the screen ``name`` on top of ``app``'s stack, reached
as a player reaches it: real events, real decks, the real journal. The layout test lays each
of them out at many window sizes; ``python3 -m tests.scenetour DIR WxH ...`` writes each one
as a PNG per size, to look at.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import uihelpers
from uihelpers import DEMO, ROOT, UI_DECKS, answer, key

import pygame

RAADSLEDEN = ROOT / "scenarios" / "raadsleden"
DEFAULT = ROOT / "scenarios" / "digitaal-leiderschap"


def tour(tmp_path: Path) -> Iterator[tuple[str, object]]:
    yield from single(tmp_path / "single")
    yield from onboarding(tmp_path / "onboarding")
    yield from workshop(tmp_path / "workshop")


def single(tmp_path: Path):
    from game.ui import routes

    title = uihelpers.make_app(tmp_path / "title", deck=None, instant=True)
    yield "title", title
    title.go(routes.WorkshopSetup())
    yield "workshop-setup", title
    broken = UI_DECKS / "broken"
    if broken.is_dir():
        from game.authoring.loader import load_deck

        title.pop()
        title.go(routes.DeckErrors(broken, load_deck(broken)))
        yield "deck-errors", title
    title.close()

    app = uihelpers.make_app(tmp_path, deck=DEFAULT, instant=True)
    yield "card", app
    key(app, pygame.K_1)
    yield "card-selected", app
    app.go(routes.Glossary(app.match.deck, "card"))
    yield "glossary", app
    app.pop()
    app.go(routes.Menu(app.match))
    yield "menu", app
    app.pop()
    answer(app, 0)
    yield "outcome", app
    scene = app.scene
    if getattr(scene, "essay", None) is not None and not scene.essay_open:
        scene.toggle_essay()
        app.render()
        yield "outcome-essay", app
    while app.scene.prompt().kind != "end":
        answer(app, 0)
    end = app.scene
    yield "end", app
    for view in ("why", "advice"):
        end.show(view)
        app.render()
        yield f"end-{view}", app
    app.go(routes.Debrief(app.match))
    debrief = app.scene
    for page in range(len(debrief.pages)):
        debrief.go(page, debrief.pages[page].steps - 1)
        app.render()
        yield f"debrief-{page + 1}", app
    app.close()


def onboarding(tmp_path: Path):
    app = uihelpers.make_app(tmp_path, deck=RAADSLEDEN, mode="onboarding", instant=True)
    seen = set()
    while app.scene.prompt().kind != "end" or type(app.scene).__name__ != "SummaryScene":
        name = type(app.scene).__name__
        if name == "TutorialScene" and app.scene.step not in seen:
            seen.add(app.scene.step)
            if app.scene.step in (0, 3, 7):
                yield f"tutorial-{app.scene.step}", app
        if name == "SummaryScene":
            break
        answer(app, 0)
        if app.scene.prompt() is None:
            break
    if type(app.scene).__name__ == "SummaryScene":
        yield "summary", app
    app.close()


def workshop(tmp_path: Path):
    from game.ui import routes

    app = uihelpers.make_app(tmp_path, mode="workshop", teams=3, timer=3,
                             out_dir=tmp_path / "reports", instant=True)
    yield "workshop-discuss", app
    app.go(routes.Note(app.t("workshop.note.heading")))
    yield "note", app
    app.pop()
    app.go(routes.Confirm(app.t("workshop.restart.question"), app.t("workshop.restart.detail"),
                          app.t("workshop.restart.accept"), app.t("workshop.undo.decline"),
                          hint=app.t("workshop.undo.hint")))
    yield "confirm", app
    app.pop()
    answer(app)  # to the vote
    yield "workshop-vote", app
    answer(app, [1, 1])  # the first team splits evenly: which option counts?
    if type(app.scene).__name__ == "ChooseScene":
        yield "tie-break", app
        answer(app, 0)
    while type(app.scene).__name__ == "WorkshopCardScene":
        answer(app, [2, 0])
    yield "workshop-outcome", app
    while app.scene.prompt().kind != "end":
        answer(app, [2, 1])
    yield "workshop-end", app
    app.close()


def main(argv: list[str]) -> int:
    """Write every screen as DIR/<size>/<name>.png for each WxH given."""
    import tempfile

    out = Path(argv[0])
    sizes = [tuple(int(v) for v in s.split("x")) for s in argv[1:]] or [(1920, 1080)]
    pygame.init()
    with tempfile.TemporaryDirectory() as tmp:
        for name, app in tour(Path(tmp)):
            for size in sizes:
                app.resize(size)
                folder = out / f"{size[0]}x{size[1]}"
                folder.mkdir(parents=True, exist_ok=True)
                pygame.image.save(app.render(), str(folder / f"{name}.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
