"""The text-fit check (W201) is layout over font metrics, free of the table.

``validate`` measures the boxes that the layout functions in ``game.ui.layout`` give the deck's
texts; the scenes draw through the same functions. So the check builds no scene, plays no game
and opens no window, and the deck checks (``game.authoring``) import nothing of the table: the
command line hands them the fit check.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from conftest import DECKS, DEFAULT_DECK, ROOT

OVERFLOW = DECKS / "invalid" / "w201_text_overflow"
#: What validate must not load: the scenes and the table around them.
SCENES = ("game.ui.app", "game.ui.scene", "game.ui.single", "game.ui.workshop", "game.ui.start",
          "game.ui.debrief", "game.ui.overlays", "game.rules", "game.table")

PROBE = """
import json, sys
from game.cli.commands import main

status = main(["validate", "--format", "json", sys.argv[1]])
import pygame
print(json.dumps({"status": status, "modules": sorted(sys.modules),
                  "display": pygame.display.get_init(), "fonts": pygame.font.get_init()}),
      file=sys.stderr)
"""


def test_validate_imports_no_scene_and_opens_no_display() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, str(OVERFLOW)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    probe = json.loads(done.stderr.strip().splitlines()[-1])
    report = json.loads(done.stdout)
    assert probe["status"] == 0
    assert {d["code"] for d in report["diagnostics"]} == {"W201"}, "the fit check ran"
    loaded = [name for name in probe["modules"] if name.startswith(SCENES)]
    assert loaded == []
    assert "game.ui.layout.fit" in probe["modules"]
    assert not probe["display"] and not probe["fonts"], "pygame is left as it was found"


def _imports(folder) -> dict[str, set[str]]:
    """Every module each file of ``folder`` imports, at the top or inside a function."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[path.relative_to(ROOT).as_posix()] = names
    return found


def test_the_deck_checks_import_nothing_of_the_table() -> None:
    for path, names in _imports(ROOT / "game" / "authoring").items():
        assert not [n for n in names if n.startswith("game.ui")], path


def test_the_layout_imports_no_scene() -> None:
    for path, names in _imports(ROOT / "game" / "ui" / "layout").items():
        assert not [n for n in names if n.startswith(SCENES)], path


def _scene_boxes(app, deck, card):
    """What the check measured when it laid out the real scenes: the boxes they draw in."""
    from game.format.deck import Deck
    from game.rules.session import Session
    from game.rules.workshop import MAX_TEAMS, Workshop
    from game.table.match import Match
    from game.table.workshop_match import WorkshopMatch
    from game.ui.layout.fit_layout import part_path
    from game.ui.single.card import CardScene
    from game.ui.single.outcome import OutcomeScene
    from game.ui.workshop.card import WorkshopCardScene
    from game.ui.workshop.table import WorkshopTable, default_names

    folder = str(deck.folder)
    scene = CardScene(app, Match(Session.at_card(deck, card.id), folder, app.lang))
    for part, box in scene.text_boxes().items():
        yield "text_overflow", part_path(part), box
    # The check measures each option's own outcome text. The lines the deck's dynamics rules
    # add under it depend on the meters of the game being played, so the scenes are compared on
    # the same deck without its rules.
    plain = Deck(spec=deck.spec.model_copy(update={"dynamics": []}), cards=deck.cards,
                 folder=deck.folder, content_hash=deck.content_hash)
    for index, option in enumerate(card.options):
        session = Session.at_card(plain, card.id)
        session.choose(option.id)
        outcome = OutcomeScene(app, Match(session, folder, app.lang))
        boxes = outcome.text_boxes()
        if outcome.essay is not None and not outcome.essay_beside:
            outcome.toggle_essay()
            boxes.update(outcome.essay_boxes())
        for part, box in boxes.items():
            if part == "choice":
                yield "text_overflow", ("options", index, "label"), box
            elif part == "outcome":
                if option.outcome:
                    yield "text_overflow", ("options", index, "outcome"), box
            else:
                yield "text_overflow", ("essay", part.split(".")[1]), box
    workshop = Workshop.at_card(deck, card.id, default_names(app, MAX_TEAMS))
    table = WorkshopTable(WorkshopMatch(workshop, folder, app.lang), None, deck.spec.preview)
    for step in ("discuss", "vote"):
        for part, box in WorkshopCardScene(app, table, step).text_boxes().items():
            yield f"text_overflow_{step}", part_path(part), box


@pytest.mark.parametrize("folder", [DEFAULT_DECK, OVERFLOW], ids=["default", "overflow"])
def test_the_check_measures_the_boxes_the_scenes_draw_in(pygame_display, folder) -> None:
    """Every card, option and step, in each language: the essays of the default deck stand
    beside the outcome, those of the overflow deck in its place (without the paraphrase)."""
    from game.authoring.loader import load_deck
    from game.ui.app import App
    from game.ui.layout import fit, fit_layout
    from game.ui.layout.typeset import Typeset
    from game.ui.layout.words import CardWords, OutcomeWords

    deck = load_deck(folder).deck
    ts = Typeset.for_window(fit.SIZE)
    for lang in fit._languages(deck):
        app = App.offscreen(lang, fit.SIZE)
        for card in deck.cards.values():
            measured = list(fit_layout.laid_out(
                ts, deck, card, CardWords.of(card, app.local),
                OutcomeWords.of_card(app.t, app.local, deck, card), app.t("workshop.vote.hint")))
            assert measured == list(_scene_boxes(app, deck, card)), (lang, card.id)


@pytest.mark.parametrize("folder", [DEFAULT_DECK, ROOT / "scenarios" / "raadsleden"],
                         ids=["default", "raadsleden"])
def test_a_cards_outcome_words_are_those_of_its_options_one_by_one(folder) -> None:
    from game.authoring.loader import load_deck
    from game.language.catalog import load_catalog
    from game.language.texts import localize
    from game.ui.layout.words import OutcomeWords

    deck = load_deck(folder).deck
    for lang in ("nl", "en"):
        t = load_catalog(lang).t

        def local(text):
            return localize(text, lang=lang)

        for card in deck.cards.values():
            one_by_one = [OutcomeWords.of(t, local, deck, card, option)
                          for option in card.options]
            assert OutcomeWords.of_card(t, local, deck, card) == one_by_one
            under = OutcomeWords.of_card(t, local, deck, card, "Een regel eronder.")
            assert [said.outcome for said in under] == \
                [f"{said.outcome}\n\nEen regel eronder." for said in one_by_one]
