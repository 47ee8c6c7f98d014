"""Teams are drawn in their own colours, apart from the meters', on screen and in the report.

A three-team workshop (Rood, Blauw, Groen) plays through a WorkshopMatch and its journal; its
debrief is opened headless and its pages are drawn. The charts must show each team in the
colour of its name (Team Rood red, not a meter's green), no meter colour on a page of team
lines, each colour at least 3:1 on the chart's background, the end labels without a line from
the last point to a moved label, and triangles that fill their panels. The report's triangle
uses the same team colours.
"""

from __future__ import annotations

import re

import pytest
# uihelpers first: it points SDL at its dummy drivers before pygame loads
import uihelpers

import pygame
from conftest import DEFAULT_DECK, ROOT, load
from game.reports.chart_colours import (BACKGROUNDS, LEAST_CONTRAST, METER_COLOURS,
                                        TEAM_COLOURS, contrast)
from game.reports.content import report_for_match
from game.reports.files import render_html
from game.ui.look.theme import Palette, hex_colour

pytestmark = pytest.mark.usefixtures("pygame_display")

NAMES = ["Team Rood", "Team Blauw", "Team Groen"]


@pytest.fixture(scope="module")
def deck():
    return load(DEFAULT_DECK)


def workshop(deck, journal, teams: int = 3, alike: bool = False):
    from game.table.workshop_match import WorkshopMatch

    match = WorkshopMatch.start(deck, str(deck.folder), "nl", NAMES[:teams], journal, seed=11)
    while not match.workshop.is_over:
        card, round_no = match.workshop.current_card, match.workshop.round
        for team in match.workshop.waiting:
            pick = round_no if alike and team < 2 else team + round_no
            match.choose(team, card.options[pick % len(card.options)].id, None)
        match.advance()
    return match


def debrief(tmp_path, deck, size, teams: int = 3, alike: bool = False):
    from game.ui.debrief.scene import DebriefScene

    app = uihelpers.make_app(tmp_path, size, deck=None, scenarios_dir=ROOT / "scenarios",
                             out_dir=tmp_path / "out")
    match = workshop(deck, app.journal, teams, alike)
    scene = DebriefScene(app, match)
    app.push(scene)
    app.render()
    return app, scene


def pixels(surface: pygame.Surface, colour) -> int:
    """How many pixels of ``surface`` are exactly ``colour``."""
    return pygame.mask.from_threshold(surface, (*colour, 255), (1, 1, 1, 255)).count()


def test_every_team_and_meter_colour_stands_out_from_the_chart_background():
    for colour in TEAM_COLOURS + METER_COLOURS:
        for background in BACKGROUNDS:
            assert contrast(colour, background) >= LEAST_CONTRAST, (colour, background)
    # The old yellow and orange did not.
    assert contrast("#E3B505", "#FFFFFF") < LEAST_CONTRAST
    assert contrast("#E8710A", "#F1F4F8") < LEAST_CONTRAST
    assert not set(TEAM_COLOURS) & set(METER_COLOURS)
    palette = Palette()
    assert palette.surface_alt == hex_colour(BACKGROUNDS[1])
    assert [palette.team(i) for i in range(6)] == [hex_colour(h) for h in TEAM_COLOURS]
    # Team Rood is red, Team Blauw blue, Team Groen green: the strongest channel says so.
    for index, channel in enumerate((0, 2, 1)):
        colour = palette.team(index)
        assert max(range(3), key=lambda c: colour[c]) == channel, colour


def test_the_debrief_draws_teams_in_their_colours_and_no_meter_colour(tmp_path, deck):
    app, scene = debrief(tmp_path, deck, (1920, 1080))
    palette = app.theme.palette
    scene.go(0)
    app.render()
    for team in range(3):
        assert pixels(app.surface, palette.team(team)) > 500, NAMES[team]
    for meter in range(len(deck.meters)):
        assert pixels(app.surface, palette.chart_meter(meter)) == 0, f"meter {meter}'s colour"
    # The triangles, too.
    scene.go(1)
    app.render()
    for team in range(3):
        assert pixels(app.surface, palette.team(team)) > 500, NAMES[team]


def test_no_line_leads_from_a_last_point_to_its_moved_label(tmp_path, deck):
    # Rood and Blauw choose alike, so their lines end on the same value and one of the two
    # labels has to move away from its point.
    app, scene = debrief(tmp_path, deck, (1920, 1080), alike=True)
    palette, m = app.theme.palette, app.metrics
    scene.go(0)
    app.render()
    rects = scene.text_rects()
    last = next(r for t, r in rects if t == str(deck.term))
    ends = [r for t, r in rects if re.fullmatch(r"\d+", t) and last.right < r.x < last.right + 60]
    assert len(ends) >= 2, ends
    label_x = min(r.x for r in ends)
    # Between the last point's marker and the labels, neither team's colour shows: the only
    # thing that could be there is a line from a point to a label moved up or down.
    plot_top, plot_bottom = min(r.top for r in ends) - 60, max(r.bottom for r in ends) + 60
    gap = pygame.Rect(last.centerx + m.px(10), plot_top, label_x - m.px(5) - last.centerx
                      - m.px(10), plot_bottom - plot_top)
    assert gap.width > 0
    area = app.surface.subsurface(gap)
    for team in (0, 1):
        assert pixels(area, palette.team(team)) == 0, f"a line leads to {NAMES[team]}'s label"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_triangles_fill_their_panels(tmp_path, deck, size):
    app, scene = debrief(tmp_path, deck, size)
    scene.go(1)
    app.render()
    height = size[1]
    numbers = [r for t, r in scene.text_rects() if re.fullmatch(r"\d+", t)]
    assert len(numbers) == 9, "three corners for each of three teams"
    top = min(r.top for r in numbers)
    bottom = max(r.bottom for r in numbers)
    assert bottom - top >= 0.4 * height, f"the triangles take {bottom - top} of {height} px"


def test_the_report_draws_the_teams_in_their_colours(tmp_path, deck):
    from game.table.journal import Journal

    journal = Journal.open(tmp_path / "data")
    try:
        match = workshop(deck, journal)
        html = render_html(report_for_match(match, "nl"))
    finally:
        journal.close()
    radar = html[html.index('<svg class="chart radar"'):]
    radar = radar[:radar.index("</svg>")]
    strokes = re.findall(r'<polygon points="[^"]+" fill="(#[0-9A-Fa-f]{6})"', radar)
    assert strokes == list(TEAM_COLOURS[:3])
    line_colours = set(re.findall(r'<path d="M[^"]+" fill="none" stroke="(#[0-9A-Fa-f]{6})"',
                                  html))
    assert line_colours == set(METER_COLOURS[:len(deck.meters)])
