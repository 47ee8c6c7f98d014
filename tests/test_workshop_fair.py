"""Fair votes at the workshop table, driven headless with real pygame events.

No team sees another team's result (its meters, the option it chose) before every team has
voted; the discussion's countdown leaves with the discussion, waits under every dialog and
redraws only its own area; E opens the card's essay while discussing and voting; vote splits
and pagers read as Dutch does. Checks are on state and on the texts the screen draws.
"""

from __future__ import annotations

import pytest
# uihelpers first: it points SDL at its dummy drivers before pygame loads
import uihelpers
from uihelpers import ROOT, click, key

import pygame

DEFAULT = ROOT / "scenarios" / "digitaal-leiderschap"
pytestmark = pytest.mark.usefixtures("pygame_display")


def make_app(tmp_path, size=(1280, 720), **overrides):
    """The demo deck as a workshop of three teams."""
    values = dict(mode="workshop", teams=3, out_dir=tmp_path / "reports")
    values.update(overrides)
    return uihelpers.make_app(tmp_path, size, **values)


def default_deck_app(tmp_path, **overrides):
    """The bundled deck (its cards carry the essay's context) as a workshop."""
    return make_app(tmp_path, deck=DEFAULT, scenarios_dir=ROOT / "scenarios", **overrides)


def drawn_texts(app) -> list[str]:
    """Every text drawn in a whole new frame of the screen on the table."""
    seen = []
    text = app.text
    real_render, real_fit = text.render, text.fit

    def render(value, *args, **kwargs):
        seen.append(value)
        return real_render(value, *args, **kwargs)

    def fit(value, *args, **kwargs):
        seen.append(value)
        return real_fit(value, *args, **kwargs)

    text.render, text.fit = render, fit
    try:
        for scene in app.stack:  # what the screens keep drawn is drawn afresh
            if hasattr(scene, "_layers"):
                scene._layers = {}
            if getattr(scene, "_backdrop", None) is not None:
                scene._backdrop = None
        app.painter = type(app.painter)(text, app.theme.palette)
        app.render()
    finally:
        del text.render, text.fit
    return seen


def vote(app, counts):
    """Type ``counts`` (one per option, the rest zero) for the team voting, then Next."""
    scene = app.scene
    scene.sheet.set_active(0)
    counts = list(counts) + [0] * (len(scene.options) - len(counts))
    for i, count in enumerate(counts):
        if i:
            key(app, pygame.K_DOWN)
        for char in str(count):
            key(app, pygame.K_0 + int(char), char)
    key(app, pygame.K_PAGEDOWN)


# ---------------------------------------------------------------------- no result too early
def test_no_team_sees_another_teams_result_before_every_team_has_voted(tmp_path):
    """Regression: the vote screen showed a team's new meters and "✓ koos 2" while the next
    team was still to vote, and the message after a decision named the option."""
    from game.ui.workshop.outcome import WorkshopOutcomeScene

    app = make_app(tmp_path)
    workshop = app.table.workshop
    start = dict(workshop.teams[0].meters)
    card = app.scene.card
    key(app, pygame.K_PAGEDOWN)
    vote(app, [0, 4])
    chosen = card.options[1]
    assert workshop.teams[0].meters != start, "the decision did move team 1's meters"
    scene = app.scene
    assert scene.team == 1
    rows = scene.team_rows()
    assert rows[0].values == start and not rows[0].changes
    assert rows[0].status == app.t("workshop.status.voted") == "✓ gestemd"
    texts = drawn_texts(app)
    assert "✓ gestemd" in texts
    assert not any("koos" in text for text in texts)
    shown_numbers = {text for text in texts if text.isdigit()}
    moved = {str(value) for meter, value in workshop.teams[0].meters.items()
             if value != start[meter]}
    assert not moved & shown_numbers - {str(v) for v in start.values()}, \
        "no new meter value of team 1 is on the screen"
    assert app.toast is not None and app.local(chosen.label) not in app.toast.text
    assert "Team Rood" in app.toast.text

    key(app, pygame.K_PAGEUP)  # take it back? The question names the team, not the option
    question = app.scene
    assert question.prompt().kind == "confirm" and "Team Rood" in question.detail
    assert app.local(chosen.label) not in question.detail and "koos" not in question.detail
    key(app, pygame.K_ESCAPE)
    assert app.scene is scene

    vote(app, [2])
    assert not any("koos" in text for text in drawn_texts(app))
    vote(app, [1])
    outcome = app.scene
    assert isinstance(outcome, WorkshopOutcomeScene)
    app.update(5)
    rows = outcome.team_rows()
    assert rows[0].values == workshop.teams[0].meters, "every result shows at once"
    assert rows[0].status == "✓ koos 2"
    app.close()


def test_the_expired_countdown_leaves_with_the_discussion(tmp_path):
    """Regression: the red "Tijd!" stayed in the band while the votes were entered."""
    app = make_app(tmp_path, timer=0.5)
    scene = app.scene
    app.update(20)
    app.update(15)
    timer = app.table.timer
    assert timer.expired and app.t("workshop.timer.time_up") in drawn_texts(app)
    key(app, pygame.K_PAGEDOWN)
    assert scene.step == "vote"
    assert scene.frame.timer is None and scene.button("pause") is None
    texts = drawn_texts(app)
    assert app.t("workshop.timer.time_up") not in texts
    assert app.t("workshop.timer.label") not in texts
    app.close()


def test_the_countdown_stands_while_the_votes_are_entered(tmp_path):
    app = make_app(tmp_path, timer=1.0)
    scene = app.scene
    app.update(10.2)
    assert app.table.timer.text == "0:50"
    key(app, pygame.K_PAGEDOWN)
    app.update(30)
    assert app.table.timer.text == "0:50" and scene.next_change() is None
    key(app, pygame.K_PAGEUP)  # back to the discussion: the time goes on from there
    assert scene.step == "discuss" and scene.frame.timer is not None
    app.update(1)
    assert app.table.timer.text == "0:49"
    app.close()


# ---------------------------------------------------------------------- dialogs hold the time
@pytest.mark.parametrize("opener", ["menu", "note", "essay"])
def test_the_countdown_waits_under_every_dialog(tmp_path, opener):
    """Regression: the countdown ran on under the menu."""
    from game.ui.app import IDLE_WAIT_MS
    from game.ui.workshop.card import WorkshopCardScene

    app = default_deck_app(tmp_path, timer=1.0)
    app.update(5.5)
    timer = app.table.timer
    assert timer.text == "0:55"
    keys = {"menu": (pygame.K_ESCAPE, ""), "note": (pygame.K_n, "n"), "essay": (pygame.K_e, "e")}
    key(app, *keys[opener])
    assert not isinstance(app.scene, WorkshopCardScene)
    assert app.idle_wait_ms() == IDLE_WAIT_MS, "nothing to wake for while the time stands"
    app.update(20)
    assert timer.text == "0:55"
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, WorkshopCardScene)
    app.update(1)
    assert timer.text == "0:54", "closed: the time goes on"
    app.close()


# ---------------------------------------------------------------------- the essay, E
def test_e_opens_the_essay_over_the_card_while_discussing_and_voting(tmp_path):
    """Regression: E did nothing while voting, though the README says it opens the essay."""
    from game.ui.workshop.card import WorkshopCardScene

    app = default_deck_app(tmp_path)
    scene = app.scene
    essay = scene.card.essay
    assert essay is not None
    key(app, pygame.K_e, "e")
    assert app.scene.shot_name == "essay" and app.scene.prompt().kind == "close"
    texts = drawn_texts(app)
    assert app.local(essay.question) in texts and app.local(essay.context) in texts
    key(app, pygame.K_e, "e")
    assert app.scene is scene and scene.step == "discuss", "E again closes it, nothing else"

    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_3, "3")
    key(app, pygame.K_e, "e")
    assert app.scene.shot_name == "essay"
    uihelpers.answer(app)
    assert app.scene is scene and scene.step == "vote" and scene.sheet.counts[0] == 3
    click(app, scene.button("essay").rect.center)
    assert app.scene.shot_name == "essay", "the Essay button opens it too"
    click(app, (2, 2))
    assert isinstance(app.scene, WorkshopCardScene)
    app.close()


def test_e_on_a_card_without_essay_says_so(tmp_path):
    app = make_app(tmp_path)
    scene = app.scene
    assert scene.card.essay is None and scene.button("essay") is None
    key(app, pygame.K_e, "e")
    assert app.scene is scene and app.toast.text == app.t("workshop.essay_none")
    app.close()


# ---------------------------------------------------------------------- words
def test_vote_splits_read_as_dutch_does(tmp_path):
    """Regression: "1 van 1 stemmen"."""
    app = make_app(tmp_path)
    key(app, pygame.K_PAGEDOWN)
    vote(app, [1])           # Team Rood: the only vote
    vote(app, [3])           # Team Blauw: all three
    vote(app, [2, 1])        # Team Groen: two of three
    lines = [line for group in app.scene.groups() for line in group.teams]
    assert "Team Rood (de enige stem)" in lines
    assert "Team Blauw (alle 3 stemmen)" in lines
    assert "Team Groen (2 van de 3 stemmen)" in lines
    assert not any("1 van 1" in line or "van 1 stemmen" in line for line in lines)
    app.close()


def test_a_facilitators_choice_against_the_votes_is_worded(tmp_path):
    app = make_app(tmp_path, teams=2)
    key(app, pygame.K_PAGEDOWN)
    scene = app.scene
    scene.sheet.set_active(1)
    key(app, pygame.K_2, "2")  # two votes for option 2 ...
    scene.sheet.set_active(0)
    key(app, pygame.K_o, "o")  # ... and the facilitator chooses option 1
    key(app, pygame.K_PAGEDOWN)
    vote(app, [0, 1])          # one vote, for option 2 ...
    lines = [line for group in app.scene.groups() for line in group.teams]
    assert "Team Rood (gekozen door de facilitator; geen van de 2 stemmen)" in lines
    assert "Team Blauw (de enige stem)" in lines
    app.close()


def test_the_debrief_pager_names_one_team_as_one(tmp_path):
    """Regression: "Teams 3–3 van 3" when the last group of the aspects page held one team."""
    from game.ui.debrief.scene import DebriefScene
    from game.ui.debrief.tables import AspectsPage

    app = default_deck_app(tmp_path, size=(800, 600), teams=3)
    scene = DebriefScene(app, app.match)
    app.push(scene)
    app.render()
    page = next(i for i, p in enumerate(scene.pages) if isinstance(p, AspectsPage))
    aspects = scene.pages[page]
    assert any(len(group) == 1 for group in aspects.team_groups), "a group of one team"
    pagers = [aspects.pager(step) for step in range(aspects.steps)]
    assert any("Team 3 van 3" in text for text in pagers)
    assert not any("3–3" in text for text in pagers)
    app.close()
