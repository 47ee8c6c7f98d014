"""The geometry of the report's charts, as plain data for the HTML template to draw as SVG.

Nothing here writes markup: the template turns these numbers and labels into SVG elements, so
every text (a meter's label, a team's name) goes through the template's escaping. Each series
gets a colour, a dash pattern and a marker shape, so the charts also read in black and white
and for colour-blind readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

#: Colours that stay apart for colour-blind readers and print well on white (Okabe and Ito).
COLOURS = ("#0b5f9e", "#c2410c", "#047857", "#a3367c", "#8a6d00", "#1f2937", "#3b82b6",
           "#9f1239")
DASHES = ("", "9 5", "2 4", "12 4 2 4", "5 3", "1 3", "14 4", "6 2 2 2")
MARKERS = ("circle", "square", "triangle", "diamond", "triangle-down", "cross", "circle",
           "square")


@dataclass(frozen=True)
class Style:
    colour: str
    dash: str
    marker: str


def style(index: int) -> Style:
    """The look of the ``index``-th series (meter or team)."""
    return Style(COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)],
                 MARKERS[index % len(MARKERS)])


def marker(kind: str, x: float, y: float, size: float = 4.5) -> dict[str, Any]:
    """One marker: a circle, or a polygon given by its points."""
    if kind == "circle":
        return {"kind": "circle", "cx": _r(x), "cy": _r(y), "r": _r(size)}
    shapes = {
        "square": [(-1, -1), (1, -1), (1, 1), (-1, 1)],
        "triangle": [(0, -1.25), (1.15, 0.9), (-1.15, 0.9)],
        "triangle-down": [(0, 1.25), (1.15, -0.9), (-1.15, -0.9)],
        "diamond": [(0, -1.35), (1.2, 0), (0, 1.35), (-1.2, 0)],
        "cross": [(-0.4, -1.2), (0.4, -1.2), (0.4, -0.4), (1.2, -0.4), (1.2, 0.4), (0.4, 0.4),
                  (0.4, 1.2), (-0.4, 1.2), (-0.4, 0.4), (-1.2, 0.4), (-1.2, -0.4),
                  (-0.4, -0.4)],
    }
    corners = shapes.get(kind, shapes["square"])
    return {"kind": "polygon",
            "points": " ".join(f"{_r(x + dx * size)},{_r(y + dy * size)}" for dx, dy in corners)}


def _r(value: float) -> float:
    return round(value, 1)


def _nice_step(span: float, ticks: int = 5) -> int:
    raw = max(span / ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return max(1, int(factor * magnitude))
    return int(10 * magnitude)


def line_chart(series: Sequence[dict[str, Any]], *, x_max: int, y_min: int, y_max: int,
               x_label: str, y_label: str, width: int = 720, height: int = 320
               ) -> dict[str, Any]:
    """A line chart: one line per series, ``points`` as (x, y) pairs with y possibly None.

    Each line ends in a label with its last value; labels that would overlap are pushed apart.
    """
    left, right, top, bottom = 52, 178, 18, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    x_max = max(1, x_max)
    span = max(1, y_max - y_min)

    def px(x: float) -> float:
        return left + plot_w * x / x_max

    def py(y: float) -> float:
        return top + plot_h * (1 - (y - y_min) / span)

    x_step = 1 if x_max <= 16 else _nice_step(x_max, 12)
    x_ticks = [{"x": _r(px(x)), "label": str(x)} for x in range(0, x_max + 1, x_step)]
    y_step = _nice_step(span)
    first = math.ceil(y_min / y_step) * y_step
    y_ticks = [{"y": _r(py(y)), "label": str(y)} for y in range(first, y_max + 1, y_step)]

    lines, ends = [], []
    for i, item in enumerate(series):
        look = style(i)
        points = [(x, y) for x, y in item["points"] if y is not None]
        coords = [(px(x), py(y)) for x, y in points]
        path = " ".join(f"{'M' if j == 0 else 'L'}{_r(cx)},{_r(cy)}"
                        for j, (cx, cy) in enumerate(coords))
        lines.append({"label": item["label"], "path": path, "colour": look.colour,
                      "dash": look.dash, "markers": [marker(look.marker, cx, cy)
                                                     for cx, cy in coords]})
        if coords:
            ends.append({"index": i, "x": coords[-1][0], "y": coords[-1][1],
                         "text": f"{_short(item['label'])} {points[-1][1]}",
                         "colour": look.colour})
    _spread(list(ends), gap=15, low=top + 6, high=top + plot_h)
    for end in ends:
        end["x"] = _r(end["x"] + 10)
        end["y"] = _r(end["y"])
    return {
        "width": width, "height": height,
        "plot": {"left": left, "top": top, "right": _r(left + plot_w),
                 "bottom": _r(top + plot_h), "width": plot_w, "height": plot_h},
        "x_ticks": x_ticks, "y_ticks": y_ticks,
        "x_label": x_label, "y_label": y_label,
        "x_label_pos": {"x": _r(left + plot_w / 2), "y": height - 8},
        "y_label_pos": {"x": 14, "y": _r(top + plot_h / 2)},
        "lines": lines, "end_labels": ends,
        "legend": legend([item["label"] for item in series]),
    }


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _spread(labels: list[dict[str, Any]], gap: float, low: float, high: float) -> None:
    """Move labels apart vertically so that no two are closer than ``gap``."""
    labels.sort(key=lambda e: e["y"])
    for j in range(1, len(labels)):
        labels[j]["y"] = max(labels[j]["y"], labels[j - 1]["y"] + gap)
    overflow = labels[-1]["y"] - high if labels else 0
    if overflow > 0:
        labels[-1]["y"] -= overflow
        for j in range(len(labels) - 2, -1, -1):
            labels[j]["y"] = min(labels[j]["y"], labels[j + 1]["y"] - gap)
    for item in labels:
        item["y"] = max(item["y"], low)


def legend(labels: Sequence[str]) -> list[dict[str, Any]]:
    """One legend entry per series: its label, and a short line with its marker."""
    entries = []
    for i, label in enumerate(labels):
        look = style(i)
        entries.append({"label": label, "colour": look.colour, "dash": look.dash,
                        "marker": marker(look.marker, 14, 8, 4)})
    return entries


def radar(axes: Sequence[dict[str, Any]], polygons: Sequence[dict[str, Any]],
          reference: dict[str, Any] | None = None, *, size: int = 460) -> dict[str, Any] | None:
    """A radar (for three meters: the triangle) of values scaled to each axis's range.

    ``axes`` have a label, min and max; ``polygons`` a label and one value per axis (None
    counts as the minimum). ``reference`` (such as the start values) is drawn dotted and grey.
    Returns None for fewer than three axes, where a radar has no area.
    """
    n = len(axes)
    if n < 3:
        return None
    radius = size / 2 - 40
    cx = cy = 0.0

    def point(k: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * k / n
        return cx + radius * fraction * math.cos(angle), cy + radius * fraction * math.sin(angle)

    def fraction(k: int, value: Any) -> float:
        low, high = axes[k]["min"], axes[k]["max"]
        if not isinstance(value, (int, float)) or high <= low:
            return 0.0
        return min(1.0, max(0.0, (value - low) / (high - low)))

    def shape(values: Sequence[Any]) -> list[tuple[float, float]]:
        return [point(k, fraction(k, values[k])) for k in range(n)]

    rings = [{"fraction": f, "points": _points(point(k, f) for k in range(n))}
             for f in (0.25, 0.5, 0.75, 1.0)]
    spokes, labels = [], []
    # The drawing's extent, grown by every label (its width estimated from its length).
    outer = [point(k, 1.0) for k in range(n)]
    left, right = min(x for x, _ in outer), max(x for x, _ in outer)
    top, bottom = min(y for _, y in outer), max(y for _, y in outer)
    for k, axis in enumerate(axes):
        x, y = point(k, 1.0)
        spokes.append({"x1": _r(cx), "y1": _r(cy), "x2": _r(x), "y2": _r(y)})
        lx, ly = point(k, 1.0 + 18 / radius)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        ly += 12 if ly > cy + 8 else (-4 if ly < cy - 8 else 4)
        text = axis["label"]
        span = 9.0 * len(text)
        x0 = lx - span / 2 if anchor == "middle" else (lx if anchor == "start" else lx - span)
        left, right = min(left, x0), max(right, x0 + span)
        top, bottom = min(top, ly - 14), max(bottom, ly + 4)
        labels.append({"x": _r(lx), "y": _r(ly), "anchor": anchor, "text": text,
                       "range": f"{axis['min']}–{axis['max']}"})
    drawn = []
    for i, item in enumerate(polygons):
        look = style(i)
        corners = shape(item["values"])
        drawn.append({"label": item["label"], "points": _points(corners), "colour": look.colour,
                      "dash": look.dash, "markers": [marker(look.marker, x, y, 5)
                                                     for x, y in corners]})
    ref = None
    if reference is not None:
        ref = {"label": reference["label"], "points": _points(shape(reference["values"]))}
    pad = 8
    box = (_r(left - pad), _r(top - pad), _r(right - left + 2 * pad), _r(bottom - top + 2 * pad))
    return {"view_box": " ".join(str(v) for v in box), "width": box[2], "height": box[3],
            "rings": rings, "spokes": spokes, "labels": labels, "polygons": drawn,
            "reference": ref, "legend": legend([p["label"] for p in polygons])}


def _points(corners: Any) -> str:
    return " ".join(f"{_r(x)},{_r(y)}" for x, y in corners)
