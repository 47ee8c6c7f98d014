"""The charts' geometry, shared by the report's SVG and the table's pygame charts: known series
give known points, ticks, labels that keep apart, markers and triangles."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from conftest import ROOT
from game.reports import chart_geometry as g
from game.reports import svg_charts


def flat(points):
    """Points as one list of numbers, for pytest.approx (which does not compare nested lists)."""
    return [v for point in points for v in point]


# --------------------------------------------------------------------------- scales
def test_a_known_series_gives_known_points():
    plot = g.Plot.of(52, 18, 490, 256, x_max=10, y_min=0, y_max=100)
    line = g.line(plot, 0, [(0, 50), (5, 100), (8, None), (10, 0)])
    assert line.values == [(0, 50), (5, 100), (10, 0)]  # a missing value is left out
    assert line.points == [(52.0, 146.0), (297.0, 18.0), (542.0, 274.0)]


def test_the_report_and_the_screen_scale_put_values_in_the_same_place():
    kwargs = dict(x_max=12, y_min=-10, y_max=90)
    down = g.Plot.of(40, 20, 600, 300, from_top=True, **kwargs)
    up = g.Plot.of(40, 20, 600, 300, **kwargs)
    for x, value in [(0, -10), (3, 17), (7, 33), (12, 90)]:
        assert down.point(x, value) == pytest.approx(up.point(x, value))
    assert up.y(-10) == up.bottom == 320 and up.y(90) == up.top == 20


def test_a_plot_twice_as_large_puts_every_point_twice_as_far():
    small = g.Plot.of(0, 0, 300, 150, x_max=6, y_min=0, y_max=100)
    large = g.Plot.of(0, 0, 600, 300, x_max=6, y_min=0, y_max=100)
    values = [(0, 50), (1, 62), (2, 40), (6, 100)]
    for (xs, ys), (xl, yl) in zip(g.line(small, 0, values).points, g.line(large, 0, values).points):
        assert (xl, yl) == pytest.approx((2 * xs, 2 * ys))


def test_the_report_chart_at_two_sizes_keeps_its_margins_and_scales_its_plot():
    series = [[(0, 50), (10, 75)]]
    for width, height in [(720, 320), (1440, 640)]:
        chart = g.report_line_chart(series, x_max=10, y_min=0, y_max=100, width=width,
                                    height=height)
        plot_w, plot_h = width - 52 - 178, height - 18 - 46
        assert (chart.plot.left, chart.plot.top) == (52, 18)
        assert (chart.plot.width, chart.plot.height) == (plot_w, plot_h)
        assert flat(chart.lines[0].points) == pytest.approx(
            flat([(52, 18 + plot_h / 2), (52 + plot_w, 18 + plot_h / 4)]))
        assert chart.x_title == (52 + plot_w / 2, height - 8)


# --------------------------------------------------------------------------- ticks
def test_value_ticks_at_a_round_step_or_every_quarter():
    plot = g.Plot.of(52, 18, 490, 256, x_max=10, y_min=0, y_max=100)
    ticks = g.nice_value_ticks(plot)
    assert [v for v, _ in ticks] == [0, 20, 40, 60, 80, 100]
    assert [y for _, y in ticks] == pytest.approx([274, 222.8, 171.6, 120.4, 69.2, 18])
    assert g.quarter_value_ticks(plot) == [(0.0, 274.0), (25.0, 210.0), (50.0, 146.0),
                                           (75.0, 82.0), (100.0, 18.0)]
    odd = g.Plot.of(0, 0, 100, 100, x_max=1, y_min=-15, y_max=40)
    assert [v for v, _ in g.nice_value_ticks(odd)] == [0, 20, 40]  # a step of 20 over 55


def test_round_ticks_every_round_for_a_short_term_else_at_a_round_step():
    assert [g.round_step(n) for n in (1, 12, 16, 17, 30, 80)] == [1, 1, 1, 2, 2, 10]
    plot = g.Plot.of(100, 0, 400, 100, x_max=8, y_min=0, y_max=10)
    assert g.round_ticks(plot, 2) == [(0, 100.0), (2, 200.0), (4, 300.0), (6, 400.0),
                                      (8, 500.0)]
    # Ticks 50 wide apart need every other round here (a round is 50 across).
    assert g.fitting_step(400, 8, 60) == 2 and g.fitting_step(400, 8, 40) == 1
    assert g.fitting_step(5, 8, 60) == 8  # nothing fits: only the start
    assert g.label_every(13, 20, 600) == 1 and g.label_every(13, 20, 200) == 3


# --------------------------------------------------------------------------- end labels
def test_spread_moves_overlapping_labels_apart_by_at_least_the_gap():
    assert g.spread([100, 102, 104], 15, 0, 500) == [100, 115, 130]
    # In the order given, not the order of their heights.
    assert g.spread([104, 100, 102], 15, 0, 500) == [130, 100, 115]
    # Crowded at the bottom edge: pulled back up, still the gap apart.
    assert g.spread([270, 272, 273], 15, 0, 274) == [244, 259, 274]
    # Below the top edge: moved down to it first.
    assert g.spread([0, 1], 15, 24, 274) == [24, 39]
    # Apart already: left where they are.
    assert g.spread([50, 10], 15, 0, 500) == [50, 10]


def test_end_labels_in_one_column_keep_apart_and_labels_in_other_columns_stay_put():
    gap = 20
    ends = [(0, (300.0, 100.0), 320, 60),   # two lines ending at the same point
            (1, (300.0, 100.0), 320, 60),
            (2, (300.0, 104.0), 420, 60),   # a column further right: no overlap
            (3, (250.0, 110.0), 270, 60)]   # reaching into the first column
    labels = g.end_labels(ends, gap, 0, 400)
    by_index = {label.index: label for label in labels}
    assert [label.index for label in labels] == [3, 0, 1, 2]
    assert by_index[2].y == 104.0 and by_index[2].x == 420
    column = sorted(by_index[i].y for i in (0, 1, 3))
    assert all(b - a >= gap for a, b in zip(column, column[1:]))
    assert column == [100.0, 120.0, 140.0]
    assert by_index[0].anchor == (300.0, 100.0)


def test_report_end_labels_are_spread_by_at_least_the_label_height():
    series = [[(0, 50), (10, 60)], [(0, 50), (10, 61)], [(0, 50), (10, 60)], [(0, 0), (5, 10)]]
    chart = g.report_line_chart(series, x_max=10, y_min=0, y_max=100)
    ys = sorted(label.y for label in chart.end_labels)
    assert len(ys) == 4
    assert all(b - a >= 15 - 1e-9 for a, b in zip(ys, ys[1:]))
    last = {label.index: label for label in chart.end_labels}
    assert last[3].x == pytest.approx(chart.lines[3].points[-1][0] + 10)
    # A line that never reached the top keeps its label at its end.
    assert last[3].y == pytest.approx(chart.plot.y(10))


def test_report_end_labels_at_the_top_stay_below_the_top_edge():
    chart = g.report_line_chart([[(0, 100)], [(0, 100)]], x_max=4, y_min=0, y_max=100)
    assert [label.y for label in chart.end_labels] == [24, 33.0]


# --------------------------------------------------------------------------- markers
def test_every_series_has_its_own_marker_shape_in_one_order():
    assert [g.marker_kind(i) for i in range(8)] == [
        "circle", "square", "triangle", "diamond", "triangle-down", "cross", "circle", "square"]
    assert [svg_charts.style(i).marker for i in range(8)] == [g.marker_kind(i) for i in range(8)]


def test_marker_shapes_in_plain_numbers():
    assert g.marker("circle", 10, 20, 4) == g.Circle(10, 20, 4)
    assert g.marker("square", 10, 20, 2).points == ((8, 18), (12, 18), (12, 22), (8, 22))
    assert g.marker("nonsense", 10, 20, 2) == g.marker("square", 10, 20, 2)
    assert g.marker("triangle", 0, 0, 2).points == ((0, -2.5), (2.3, 1.8), (-2.3, 1.8))
    screen = g.marker("triangle", 0, 0, 2, screen=True)
    assert screen.points == ((0, -2.5), (2.4, 1.8), (-2.4, 1.8)) and screen.size == 2
    # On screen the cross is two strokes; in the report an outlined plus.
    assert g.marker("cross", 10, 10, 1, screen=True) == g.Strokes(
        (((9, 9), (11, 11)), ((9, 11), (11, 9))), 1)
    assert len(g.marker("cross", 10, 10, 1).points) == 12
    for kind in g.MARKERS[1:]:
        for screen in (False, True):
            shape = g.marker(kind, 100, 50, 6, screen=screen)
            corners = shape.points if isinstance(shape, g.Polygon) else \
                [p for segment in shape.segments for p in segment]
            assert all(abs(x - 100) <= 6 * 1.4 and abs(y - 50) <= 6 * 1.4 for x, y in corners)


# --------------------------------------------------------------------------- the triangle
def test_triangle_corners_and_values():
    top, right, left = g.corners(3, (0, 0), 100)
    assert top == pytest.approx((0, -100))
    assert right == pytest.approx((50 * math.sqrt(3), 50))
    assert left == pytest.approx((-50 * math.sqrt(3), 50))
    assert [g.fraction(v, 0, 100) for v in (50, None, 150, -5, "x")] == [0.5, 0, 1, 0, 0]
    assert g.fraction(5, 10, 10) == 0.0
    shape = g.shape((10, 10), 100, [(0, 100), (0, 50), (0, 10)], [50, 50, 0])
    assert flat(shape) == pytest.approx(flat([(10, -40), (10 + 50 * math.sqrt(3), 60), (10, 10)]))


def test_the_report_triangle_has_its_labels_around_it_and_a_box_that_holds_everything():
    radar = g.report_radar([(0, 100)] * 3, [6, 10, 4], [[100, 50, 0]], [50, 50, 50])
    assert radar is not None and g.report_radar([(0, 100)] * 2, [1, 1], []) is None
    radius = 460 / 2 - 40
    assert [f for f, _ in radar.rings] == [0.25, 0.5, 0.75, 1.0]
    assert flat(radar.rings[-1][1]) == pytest.approx(flat(g.corners(3, (0, 0), radius)))
    assert [label.anchor for label in radar.labels] == ["middle", "start", "end"]
    assert radar.labels[0].y == pytest.approx(-(radius + 18) - 4)
    assert flat(radar.polygons[0]) == pytest.approx(
        flat([(0, -radius), (radius / 2 * math.cos(math.pi / 6), radius / 4), (0, 0)]))
    assert flat(radar.reference) == pytest.approx(flat(g.corners(3, (0, 0), radius / 2)))
    assert [type(m) for m in radar.markers[0]] == [g.Circle] * 3
    left, top, width, height = radar.box
    for label, length in zip(radar.labels, [6, 10, 4]):
        assert left < label.x - (9 * length if label.anchor == "end" else 0)
        assert label.x + (9 * length if label.anchor == "start" else 0) < left + width
        assert top < label.y - 14 and label.y + 4 < top + height


def test_a_triangle_fits_its_area_with_labels_below_or_beside():
    widths = [50, 50, 50]
    below = g.triangle_fit(400, 300, widths, 20, 10, 28, 24, beside=False)
    beside = g.triangle_fit(400, 300, widths, 20, 10, 28, 24, beside=True)
    assert not below.beside and below.radius == pytest.approx(160)
    assert beside.beside and beside.radius == pytest.approx(130)
    assert g.triangle_fit(400, 300, widths, 20, 10, 28, 24) == below  # the larger one
    assert g.triangle_fit(40, 30, widths, 20, 10, 28, 24).radius == 24  # never below smallest
    frame = g.triangle_frame(0, 0, 400, 300, 3, below, 20, 10)
    assert frame.centre == pytest.approx((200, 190)) and frame.radius == below.radius
    assert frame.box == pytest.approx((200 - 80 * math.sqrt(3), 30, 160 * math.sqrt(3), 240))
    # Beside: half a label row above and below, the rest for the triangle itself.
    assert g.triangle_frame(0, 0, 400, 300, 3, beside, 20, 10).centre == pytest.approx(
        (200, (300 - (10 + 130 * 1.5 + 10)) / 2 + 10 + 130))


def test_corner_labels_go_above_beside_and_below_and_stay_in_the_area():
    up, right, left = g.angles(3)
    assert g.corner_label(up, (200, 30), 50, 20, 10, 28, False, 0, 400) == (175, 0)
    assert g.corner_label(up, (200, 30), 50, 20, 10, 28, True, 0, 400) == (220, 20)
    assert g.corner_label(right, (338, 270), 50, 20, 10, 28, False, 0, 400) == (310, 280)
    assert g.corner_label(left, (62, 270), 50, 20, 10, 28, True, 0, 400) == (0, 260)


def test_the_geometry_needs_neither_pygame_nor_svg():
    code = ("import sys, game.reports.chart_geometry; "
            "sys.exit('pygame' in sys.modules or 'jinja2' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
    source = (ROOT / "game" / "reports" / "chart_geometry.py").read_text(encoding="utf-8")
    assert "<" + "svg" not in source and "import pygame" not in source
