"""The report's charts as plain data for the HTML template to draw as SVG.

The geometry (scales, points, ticks, end labels, markers, the triangle) comes from
:mod:`game.reports.chart_geometry`, shared with the table's charts; this module rounds it for
SVG and adds the report's colours and dash patterns. Nothing here writes markup: the template
turns these numbers and labels into SVG elements, so every text (a meter's label, a team's
name) goes through the template's escaping. Each series gets a colour, a dash pattern and a
marker shape, so the charts also read in black and white and for colour-blind readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from game.reports import chart_geometry as geometry
from game.reports.chart_colours import METER_COLOURS, team_colour

#: The meters' colours, as on the table: none is a team's colour, each at least 4.5:1 on white.
COLOURS = METER_COLOURS
DASHES = ("", "9 5", "2 4", "12 4 2 4", "5 3", "1 3", "14 4", "6 2 2 2")


@dataclass(frozen=True)
class Style:
    colour: str
    dash: str
    marker: str


def style(index: int) -> Style:
    """The look of the ``index``-th series (meter or team)."""
    return Style(COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)],
                 geometry.marker_kind(index))


def team_style(index: int) -> Style:
    """The look of the ``index``-th team: the colour of its name, never a meter's colour."""
    return Style(team_colour(index), DASHES[index % len(DASHES)], geometry.marker_kind(index))


def marker(kind: str, x: float, y: float, size: float = 4.5) -> dict[str, Any]:
    """One marker: a circle, or a polygon given by its points."""
    return _marker(geometry.marker(kind, x, y, size))


def _marker(shape: geometry.Marker) -> dict[str, Any]:
    if isinstance(shape, geometry.Circle):
        return {"kind": "circle", "cx": _r(shape.cx), "cy": _r(shape.cy), "r": _r(shape.r)}
    return {"kind": "polygon", "points": _points(shape.points)}


def _r(value: float) -> float:
    return round(value, 1)


def line_chart(series: Sequence[dict[str, Any]], *, x_max: int, y_min: int, y_max: int,
               x_label: str, y_label: str, width: int = 720, height: int = 320
               ) -> dict[str, Any]:
    """A line chart: one line per series, ``points`` as (x, y) pairs with y possibly None.

    Each line ends in a label with its last value (and the series' ``short`` name, when it has
    one, else its label); labels that would overlap are pushed apart.
    """
    # Labels at least a printed line apart (the print style sets the chart's text at 15).
    chart = geometry.report_line_chart([item["points"] for item in series], x_max=x_max,
                                       y_min=y_min, y_max=y_max, width=width, height=height,
                                       label_gap=17)
    plot = chart.plot
    lines = []
    for item, drawn in zip(series, chart.lines):
        look = style(drawn.index)
        path = " ".join(f"{'M' if j == 0 else 'L'}{_r(cx)},{_r(cy)}"
                        for j, (cx, cy) in enumerate(drawn.points))
        lines.append({"label": item["label"], "path": path, "colour": look.colour,
                      "dash": look.dash, "markers": [_marker(m) for m in drawn.markers]})
    ends = [{"index": end.index, "x": _r(end.x), "y": _r(end.y),
             "text": f"{_short(series[end.index].get('short') or series[end.index]['label'])} "
                     f"{chart.lines[end.index].values[-1][1]}",
             "colour": style(end.index).colour}
            for end in chart.end_labels]
    return {
        "width": chart.width, "height": chart.height,
        "plot": {"left": plot.left, "top": plot.top, "right": _r(plot.right),
                 "bottom": _r(plot.bottom), "width": plot.width, "height": plot.height},
        "x_ticks": [{"x": _r(x), "label": str(value)} for value, x in chart.x_ticks],
        "y_ticks": [{"y": _r(y), "label": str(value)} for value, y in chart.y_ticks],
        "x_label": x_label, "y_label": y_label,
        "x_label_pos": {"x": _r(chart.x_title[0]), "y": chart.x_title[1]},
        "y_label_pos": {"x": chart.y_title[0], "y": _r(chart.y_title[1])},
        "lines": lines, "end_labels": ends,
        "legend": legend([item["label"] for item in series]),
    }


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def legend(labels: Sequence[str], teams: bool = False) -> list[dict[str, Any]]:
    """One legend entry per series (meters, or ``teams``): its label, and a short line with
    its marker."""
    entries = []
    for i, label in enumerate(labels):
        look = team_style(i) if teams else style(i)
        entries.append({"label": label, "colour": look.colour, "dash": look.dash,
                        "marker": marker(look.marker, 14, 8, 4)})
    return entries


def radar(axes: Sequence[dict[str, Any]], polygons: Sequence[dict[str, Any]],
          reference: dict[str, Any] | None = None, *, size: int = 460) -> dict[str, Any] | None:
    """A radar (for three meters: the triangle) of values scaled to each axis's range.

    ``axes`` have a label, min and max; ``polygons`` (one per team, in the teams' colours) a
    label and one value per axis (None counts as the minimum). ``reference`` (such as the start values) is drawn dotted and grey.
    Returns None for fewer than three axes, where a radar has no area.
    """
    found = geometry.report_radar(
        [(axis["min"], axis["max"]) for axis in axes], [len(axis["label"]) for axis in axes],
        [item["values"] for item in polygons],
        None if reference is None else reference["values"], size=size)
    if found is None:
        return None
    rings = [{"fraction": f, "points": _points(points)} for f, points in found.rings]
    spokes = [{"x1": _r(x1), "y1": _r(y1), "x2": _r(x2), "y2": _r(y2)}
              for (x1, y1), (x2, y2) in found.spokes]
    labels = [{"x": _r(label.x), "y": _r(label.y), "anchor": label.anchor, "text": axis["label"],
               "range": f"{axis['min']}–{axis['max']}"}
              for label, axis in zip(found.labels, axes)]
    drawn = []
    for i, (item, corners, markers) in enumerate(zip(polygons, found.polygons, found.markers)):
        look = team_style(i)
        drawn.append({"label": item["label"], "points": _points(corners), "colour": look.colour,
                      "dash": look.dash, "markers": [_marker(m) for m in markers]})
    ref = None
    if reference is not None:
        ref = {"label": reference["label"], "points": _points(found.reference)}
    box = tuple(_r(v) for v in found.box)
    return {"view_box": " ".join(str(v) for v in box), "width": box[2], "height": box[3],
            "rings": rings, "spokes": spokes, "labels": labels, "polygons": drawn,
            "reference": ref, "legend": legend([p["label"] for p in polygons], teams=True)}


def _points(corners: Any) -> str:
    return " ".join(f"{_r(x)},{_r(y)}" for x, y in corners)
