"""Every screen of the table lays out at every window size without cutting or overlapping text.

The texts checked are the ones a real draw put on the window (:mod:`textboxes` records them
as the scenes blit them), on every screen :mod:`scenetour` reaches, at window sizes from the
smallest the table lays out (``MIN_WINDOW``, 800x600) to 4K, landscape and portrait. Below the
smallest (1900x500 is too short), the table says on screen that the window is too small.
"""

from __future__ import annotations

import pytest

import uihelpers  # noqa: F401  (points SDL at its dummy drivers first)
from uihelpers import key

import pygame
import scenetour
import textboxes

pytestmark = pytest.mark.usefixtures("pygame_display")

#: From the smallest window to 4K, portrait and ultra-wide; 1900x500 is below the smallest
#: (too short), where the table says so.
SIZES = [(800, 600), (1280, 720), (1920, 1080), (3840, 2160), (1900, 500), (1080, 1920),
         (1024, 768), (2560, 1080)]
#: Texts that end in an ellipsis of their own (not shortened by the table).
OWN_ELLIPSES = frozenset({"opgeslagen…", "saved…"})
#: Every screen the tour reaches, in its order.
SCREENS = ["title", "workshop-setup", "deck-errors", "card", "card-selected", "glossary", "menu",
           "outcome", "end", "end-why", "end-advice", "debrief-1", "debrief-2", "debrief-3",
           "debrief-4", "debrief-5", "debrief-6", "debrief-7", "tutorial-0", "tutorial-3",
           "tutorial-7", "summary", "workshop-discuss", "note", "confirm", "workshop-vote",
           "tie-break", "workshop-outcome", "workshop-end"]
#: Screens that still cut or overlap a text at some size (each test fails until fixed, and
#: then must leave this list).
STILL_CUT: dict[str, str] = {}



@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """The problems of every screen at every size, by screen, from one walk past them all."""
    pygame.display.init()
    pygame.font.init()
    problems: dict[str, list[str]] = {}
    try:
        with textboxes.recording():
            for name, app in scenetour.tour(tmp_path_factory.mktemp("tour")):
                for size in SIZES:
                    app.resize(size)
                    app.surface.lines = []
                    app.render()
                    found = textboxes.problems(app.surface, OWN_ELLIPSES)
                    shown = " ".join(line.text for line in app.surface.lines)
                    if not app.theme.fits(size) and app.t("app.too_small_heading") not in shown:
                        found.append("the window is too small, and the screen does not say so")
                    problems.setdefault(name, []).extend(f"{size[0]}x{size[1]}: {problem}"
                                                         for problem in found)
    finally:
        pygame.quit()
    return problems


def test_the_tour_reaches_every_screen(found):
    assert list(found) == SCREENS


@pytest.mark.parametrize("screen", [
    pytest.param(name, marks=pytest.mark.xfail(reason=STILL_CUT[name], strict=True))
    if name in STILL_CUT else name for name in SCREENS])
def test_the_screen_fits_its_texts_at_every_size(found, screen):
    problems = found.get(screen)
    assert problems is not None, f"the tour did not reach {screen}"
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems)


def test_a_window_too_small_says_so_and_takes_no_input(tmp_path):
    """Below the smallest window the screens are laid out for, the table shows one plain
    message in its language instead of a cut layout, and a key does nothing behind it."""
    from game.ui.look.theme import MIN_WINDOW

    with textboxes.recording():
        app = uihelpers.make_app(tmp_path, size=(640, 360))
        app.surface.lines = []
        app.render()
        shown = " ".join(line.text for line in app.surface.lines)
        assert "te klein" in shown and f"{MIN_WINDOW[0]} bij {MIN_WINDOW[1]}" in shown
        assert textboxes.problems(app.surface) == []
        card = app.scene
        key(app, pygame.K_1, "1")
        assert card.selected is None, "a key behind the message chose an option"
        app.resize(MIN_WINDOW)
        key(app, pygame.K_1, "1")
        assert card.selected == 0
        app.surface.lines = []
        app.render()
        assert "te klein" not in " ".join(line.text for line in app.surface.lines)
        app.close()


def validate(folder) -> str:
    import io

    from game.authoring import validate as check
    from game.ui.layout.fit import overflow_diagnostics

    out = io.StringIO()
    check.run([str(folder)], out, "en", io.StringIO(), deck_check=overflow_diagnostics)
    return out.getvalue()


def test_w201_holds_meter_labels_to_about_25_characters(tmp_path):
    """A label of about 25 characters fits above its bar and in its chip under an outcome at
    1280x720 (the number the authoring guide gives); a much longer one is reported at its
    line in deck.yaml."""
    import shutil

    from uihelpers import DEMO

    deck = tmp_path / "deck"
    shutil.copytree(DEMO, deck)
    yaml = deck / "deck.yaml"
    original = yaml.read_text(encoding="utf-8")
    about_25 = original.replace("{nl: Capaciteit (kunnen), en: Capacity (can we?)}",
                                "{nl: Dienstverlening (kunnen), en: Public service (can we?)}")
    yaml.write_text(about_25, encoding="utf-8")
    assert "meter label" not in validate(deck)
    too_long = original.replace(
        "{nl: Capaciteit (kunnen), en: Capacity (can we?)}",
        "{nl: Capaciteit van de ambtelijke organisatie om het uit te voeren (kunnen), "
        "en: Capacity (can we?)}")
    yaml.write_text(too_long, encoding="utf-8")
    report = validate(deck)
    line = 1 + too_long[:too_long.index("Capaciteit van")].count("\n")
    assert "W201" in report and f"deck.yaml:{line}:" in report, report
    assert "meter label" in report


def test_w201_leaves_room_under_an_outcome_for_a_dynamics_line(tmp_path):
    """The outcome screen adds a line under the outcome for each dynamics rule that fired, so
    W201 measures every outcome with the deck's longest such line under it."""
    import shutil

    from uihelpers import DEMO

    deck = tmp_path / "deck"
    shutil.copytree(DEMO, deck)
    outcomes = "cards.yaml:30:" in validate(deck)  # the scan car's first outcome
    assert not outcomes, "the outcome fits without a dynamics line"
    rule = ("Omdat de koers helder is en de raad vertrouwen heeft, trekt het college bij de "
            "kadernota extra geld uit voor mensen, middelen en werkwijzen. ") * 8
    with (deck / "deck.yaml").open("a", encoding="utf-8") as out:
        out.write("dynamics:\n  - id: kadernota\n    when: {meters: {strategie: {min: 40}}}\n"
                  f"    effects: {{capaciteit: 6}}\n    text: {{nl: \"{rule.strip()}\", "
                  "en: The budget framework adds money.}\n")
    report = validate(deck)
    assert "cards.yaml:30:" in report, report
