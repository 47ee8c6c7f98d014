"""The geometry of the charts, shared by the report (drawn as SVG) and the table (drawn with pygame).

Everything here is plain numbers: scales from values to positions, axis ticks, the points of each
line, where the value at the end of each line goes (moved apart so labels never overlap), marker
shapes, and the corners, rings and labels of the triangle (a radar of the meters). Nothing here
draws or writes markup: :mod:`game.reports.svg_charts` turns these shapes into SVG for the report,
and the table's chart code (``game.ui.look.chart``, ``game.ui.debrief.charts``) turns them into
pygame draw calls.

Each series (a meter, or a team) has its own marker shape as well as its own colour and line
pattern, so colour is never the only signal. The shapes come from one list, :data:`MARKERS`.

Each drawing keeps the order of arithmetic it always had (a value measured down from the top of
the plot in the report, up from its bottom on screen), so neither output moves by a rounding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Sequence, Union

Point = tuple[float, float]

# --------------------------------------------------------------------------- markers
#: The marker shape of each series, in order: the ``i``-th series has ``MARKERS[i % 6]``.
MARKERS = ("circle", "square", "triangle", "diamond", "triangle-down", "cross")

#: Marker outlines as corners in multiples of the marker's size, around its centre (y down).
#: The report draws thin outlines on paper; the table draws filled shapes with a halo, a little
#: wider, and its cross as two strokes (an ×) rather than an outlined plus.
REPORT_OUTLINES: dict[str, tuple[Point, ...]] = {
    "square": ((-1, -1), (1, -1), (1, 1), (-1, 1)),
    "triangle": ((0, -1.25), (1.15, 0.9), (-1.15, 0.9)),
    "triangle-down": ((0, 1.25), (1.15, -0.9), (-1.15, -0.9)),
    "diamond": ((0, -1.35), (1.2, 0), (0, 1.35), (-1.2, 0)),
    "cross": ((-0.4, -1.2), (0.4, -1.2), (0.4, -0.4), (1.2, -0.4), (1.2, 0.4), (0.4, 0.4),
              (0.4, 1.2), (-0.4, 1.2), (-0.4, 0.4), (-1.2, 0.4), (-1.2, -0.4), (-0.4, -0.4)),
}
SCREEN_OUTLINES: dict[str, tuple[Point, ...]] = {
    "square": ((-1, -1), (1, -1), (1, 1), (-1, 1)),
    "triangle": ((0, -1.25), (1.2, 0.9), (-1.2, 0.9)),
    "triangle-down": ((0, 1.25), (1.2, -0.9), (-1.2, -0.9)),
    "diamond": ((0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)),
}
#: The table's cross: two strokes corner to corner.
SCREEN_STROKES: dict[str, tuple[tuple[Point, Point], ...]] = {
    "cross": (((-1, -1), (1, 1)), ((-1, 1), (1, -1))),
}


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float


@dataclass(frozen=True)
class Polygon:
    points: tuple[Point, ...]
    size: float


@dataclass(frozen=True)
class Strokes:
    segments: tuple[tuple[Point, Point], ...]
    size: float


Marker = Union[Circle, Polygon, Strokes]


def marker_kind(index: int) -> str:
    """The marker shape of the ``index``-th series (meter or team)."""
    return MARKERS[index % len(MARKERS)]


def marker(kind: str, x: float, y: float, size: float, *, screen: bool = False) -> Marker:
    """One marker of ``kind`` centred on (x, y): a circle of radius ``size``, or a polygon (or,
    on screen, strokes) reaching about ``size`` from its centre. Unknown kinds are squares."""
    if kind == "circle":
        return Circle(x, y, size)
    if screen and kind in SCREEN_STROKES:
        return Strokes(tuple(((x + ax * size, y + ay * size), (x + bx * size, y + by * size))
                             for (ax, ay), (bx, by) in SCREEN_STROKES[kind]), size)
    outlines = SCREEN_OUTLINES if screen else REPORT_OUTLINES
    corners = outlines.get(kind, outlines["square"])
    return Polygon(tuple((x + dx * size, y + dy * size) for dx, dy in corners), size)


# --------------------------------------------------------------------------- scales
@dataclass(frozen=True)
class Plot:
    """The plot area of a line chart and its scales: rounds 0..``x_max`` left to right, values
    ``y_min``..``y_max`` bottom to top.

    ``from_top`` only chooses the order of the arithmetic (the report measures a value down
    from the top edge, the table up from the bottom edge); both give the same line.
    """

    left: float
    top: float
    width: float
    height: float
    x_max: int
    y_min: int
    y_max: int
    from_top: bool = False

    @classmethod
    def of(cls, left: float, top: float, width: float, height: float, *, x_max: int,
           y_min: int, y_max: int, from_top: bool = False) -> "Plot":
        return cls(left, top, width, height, max(1, x_max), y_min, y_max, from_top)

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def span(self) -> int:
        return max(1, self.y_max - self.y_min)

    def x(self, value: float) -> float:
        return self.left + self.width * value / self.x_max

    def y(self, value: float) -> float:
        if self.from_top:
            return self.top + self.height * (1 - (value - self.y_min) / self.span)
        return self.bottom - self.height * (value - self.y_min) / self.span

    def point(self, x: float, y: float) -> Point:
        return self.x(x), self.y(y)


# --------------------------------------------------------------------------- ticks
def nice_step(span: float, ticks: int = 5) -> int:
    """A round step (1, 2, 2.5, 5 times a power of ten, at least 1) giving about ``ticks``
    steps over ``span``."""
    raw = max(span / ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return max(1, int(factor * magnitude))
    return int(10 * magnitude)


def nice_value_ticks(plot: Plot) -> list[tuple[int, float]]:
    """Values at a round step within the value range, with their height."""
    step = nice_step(plot.span)
    first = math.ceil(plot.y_min / step) * step
    return [(value, plot.y(value)) for value in range(first, plot.y_max + 1, step)]


def quarter_value_ticks(plot: Plot) -> list[tuple[float, float]]:
    """The bottom, the top and every quarter between, with their height (the first is the
    axis itself)."""
    return [(value, plot.y(value))
            for value in (plot.y_min + plot.span * q / 4 for q in range(5))]


def round_step(x_max: int) -> int:
    """Every round up to 16 rounds, else a round step giving about 12 ticks."""
    return 1 if x_max <= 16 else nice_step(x_max, 12)


def fitting_step(plot_width: float, x_max: int, needed: float,
                 steps: Sequence[int] = (1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50)) -> int:
    """The smallest of ``steps`` whose ticks stand at least ``needed`` apart (else ``x_max``)."""
    return next((k for k in steps if plot_width * k / x_max >= needed), x_max)


def label_every(count: int, label_width: float, plot_width: float) -> int:
    """Label every how-many-th of ``count`` ticks so labels of ``label_width`` keep room
    (more than twice their width each)."""
    return max(1, math.ceil(count * label_width * 2.2 / max(1, plot_width)))


def round_ticks(plot: Plot, step: int) -> list[tuple[int, float]]:
    """Rounds 0, step, 2·step, ... up to the end, with their x."""
    return [(x, plot.x(x)) for x in range(0, plot.x_max + 1, step)]


# --------------------------------------------------------------------------- lines
@dataclass(frozen=True)
class Line:
    """One series in the plot: the (x, value) pairs it has, their points and markers."""

    index: int
    values: list[tuple[Any, Any]]
    points: list[Point]
    markers: list[Marker] = field(default_factory=list)


def line(plot: Plot, index: int, values: Sequence[tuple[Any, Any]],
         marker_size: float | None = None, *, screen: bool = False) -> Line:
    """The points of one series (pairs whose value is None are left out), with a marker of the
    series' shape on each when ``marker_size`` is given."""
    kept = [(x, y) for x, y in values if y is not None]
    points = [plot.point(x, y) for x, y in kept]
    markers = [] if marker_size is None else [
        marker(marker_kind(index), px, py, marker_size, screen=screen) for px, py in points]
    return Line(index, kept, points, markers)


# --------------------------------------------------------------------------- end labels
def spread(targets: Sequence[float], gap: float, low: float, high: float) -> list[float]:
    """Positions as close to ``targets`` as possible, at least ``gap`` apart, within
    [low, high] where there is room (in the order of the targets).

    Crowded at the top, labels are pushed down; then the last one is pulled back to ``high``
    and the others up with it, so ``gap`` is kept unless there is no room at all.
    """
    order = sorted(range(len(targets)), key=lambda i: targets[i])
    placed = [max(low, targets[i]) for i in order]
    for j in range(1, len(placed)):
        placed[j] = max(placed[j], placed[j - 1] + gap)
    if placed and placed[-1] > high:
        placed[-1] = high
        for j in range(len(placed) - 2, -1, -1):
            placed[j] = min(placed[j], placed[j + 1] - gap)
    out = [0.0] * len(targets)
    for j, i in enumerate(order):
        out[i] = placed[j]
    return out


@dataclass(frozen=True)
class EndLabel:
    """The text at the end of line ``index``: its left edge and vertical centre, and the
    line's last point it belongs to."""

    index: int
    anchor: Point
    x: float
    y: float


def end_labels(ends: Sequence[tuple[int, Point, float, float]], gap: float, low: float,
               high: float) -> list[EndLabel]:
    """Place the labels at the ends of lines: ``ends`` are (index, last point, left edge,
    width). Labels whose columns overlap are moved apart vertically together (by
    :func:`spread`), so lines that end a round apart do not write over each other.

    Returned left to right, each group of labels together.
    """
    info = {i: (anchor, width) for i, anchor, _, width in ends}
    columns: list[list[tuple[float, int]]] = []
    reach = 0
    for x0, i in sorted((x0, i) for i, _, x0, _ in ends):
        if columns and x0 < reach:
            columns[-1].append((x0, i))
        else:
            columns.append([(x0, i)])
        reach = max(reach if len(columns[-1]) > 1 else 0, x0 + info[i][1])
    out = []
    for members in columns:
        placed = spread([info[i][0][1] for _, i in members], gap, low, high)
        out.extend(EndLabel(i, info[i][0], x0, y) for (x0, i), y in zip(members, placed))
    return out


# --------------------------------------------------------------------------- the report's line chart
@dataclass(frozen=True)
class LineChart:
    """A whole line chart: its plot, ticks, lines, end labels and axis title positions."""

    width: int
    height: int
    plot: Plot
    x_ticks: list[tuple[int, float]]
    y_ticks: list[tuple[int, float]]
    lines: list[Line]
    end_labels: list[EndLabel]
    x_title: Point
    y_title: Point


#: The report's margins around the plot: left, right (room for end labels), top, bottom.
REPORT_MARGINS = (52, 178, 18, 46)


def report_line_chart(series: Sequence[Sequence[tuple[Any, Any]]], *, x_max: int, y_min: int,
                      y_max: int, width: int = 720, height: int = 320,
                      marker_size: float = 4.5, label_gap: float = 15,
                      label_offset: float = 10) -> LineChart:
    """The report's line chart of ``series`` ((round, value) pairs, value possibly None) in a
    ``width`` × ``height`` drawing. Every line ends in a label; labels closer than
    ``label_gap`` are pushed apart (all at once: they share the column right of the plot)."""
    left, right, top, bottom = REPORT_MARGINS
    plot = Plot.of(left, top, width - left - right, height - top - bottom, x_max=x_max,
                   y_min=y_min, y_max=y_max, from_top=True)
    lines = [line(plot, i, values, marker_size) for i, values in enumerate(series)]
    ended = [item for item in lines if item.points]
    # Pushed apart first, then kept below the top: the bottom edge as a float, as it always was.
    placed = spread([item.points[-1][1] for item in ended], label_gap, -math.inf,
                    float(plot.bottom))
    labels = [EndLabel(item.index, item.points[-1], item.points[-1][0] + label_offset,
                       max(y, top + 6))
              for item, y in zip(ended, placed)]
    return LineChart(width, height, plot, round_ticks(plot, round_step(plot.x_max)),
                     nice_value_ticks(plot), lines, labels,
                     (left + plot.width / 2, height - 8), (14, top + plot.height / 2))


# --------------------------------------------------------------------------- the triangle
def angles(n: int) -> list[float]:
    """The directions of a radar's ``n`` axes, the first pointing up, clockwise (y down)."""
    return [-math.pi / 2 + 2 * math.pi * k / n for k in range(n)]


def corners(n: int, centre: Point, radius: float,
            fractions: Sequence[float] | None = None) -> list[Point]:
    """The corners of a radar with ``n`` axes, each ``fractions[k]`` (default 1) of the way
    out along its axis."""
    cx, cy = centre
    out = []
    for k, angle in enumerate(angles(n)):
        f = 1.0 if fractions is None else fractions[k]
        out.append((cx + radius * f * math.cos(angle), cy + radius * f * math.sin(angle)))
    return out


def fraction(value: Any, low: float, high: float) -> float:
    """How far ``value`` is from ``low`` to ``high`` (0..1; no number counts as 0)."""
    if not isinstance(value, (int, float)) or high <= low:
        return 0.0
    return min(1.0, max(0.0, (value - low) / (high - low)))


def shape(centre: Point, radius: float, ranges: Sequence[tuple[float, float]],
          values: Sequence[Any]) -> list[Point]:
    """The corners of ``values``, each scaled to its axis's (low, high) range."""
    return corners(len(ranges), centre, radius,
                   [fraction(v, low, high) for v, (low, high) in zip(values, ranges)])


#: The rings drawn inside a radar, as fractions of its radius (the last is its outer edge).
RINGS = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class RadarLabel:
    x: float
    y: float
    anchor: str  # "start", "middle" or "end": which end of the text stands at x


@dataclass(frozen=True)
class Radar:
    """The report's radar around (0, 0), with the box that holds it and its labels."""

    rings: list[tuple[float, list[Point]]]
    spokes: list[tuple[Point, Point]]
    labels: list[RadarLabel]
    polygons: list[list[Point]]
    markers: list[list[Marker]]
    reference: list[Point] | None
    box: tuple[float, float, float, float]  # left, top, width, height


def report_radar(ranges: Sequence[tuple[float, float]], label_lengths: Sequence[int],
                 polygons: Sequence[Sequence[Any]], reference: Sequence[Any] | None = None, *,
                 size: int = 460, char_width: float = 9.0, pad: float = 8,
                 marker_size: float = 5) -> Radar | None:
    """The report's radar (for three meters: the triangle): ``ranges`` per axis, each axis
    labelled with a text of ``label_lengths`` characters (its width estimated at
    ``char_width`` each), ``polygons`` as one value per axis. None for fewer than three axes,
    where a radar has no area."""
    n = len(ranges)
    if n < 3:
        return None
    radius = size / 2 - 40
    centre = (0.0, 0.0)
    cx, cy = centre
    rings = [(f, corners(n, centre, radius * f)) for f in RINGS]
    # The drawing's extent, grown by every label.
    outer = corners(n, centre, radius)
    left, right = min(x for x, _ in outer), max(x for x, _ in outer)
    top, bottom = min(y for _, y in outer), max(y for _, y in outer)
    spokes, labels = [], []
    beyond = corners(n, centre, radius, [1.0 + 18 / radius] * n)
    for (x, y), (lx, ly), length in zip(outer, beyond, label_lengths):
        spokes.append(((cx, cy), (x, y)))
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        ly += 12 if ly > cy + 8 else (-4 if ly < cy - 8 else 4)
        span = char_width * length
        x0 = lx - span / 2 if anchor == "middle" else (lx if anchor == "start" else lx - span)
        left, right = min(left, x0), max(right, x0 + span)
        top, bottom = min(top, ly - 14), max(bottom, ly + 4)
        labels.append(RadarLabel(lx, ly, anchor))
    drawn = [shape(centre, radius, ranges, values) for values in polygons]
    markers = [[marker(marker_kind(i), x, y, marker_size) for x, y in points]
               for i, points in enumerate(drawn)]
    ref = None if reference is None else shape(centre, radius, ranges, reference)
    box = (left - pad, top - pad, right - left + 2 * pad, bottom - top + 2 * pad)
    return Radar(rings, spokes, labels, drawn, markers, ref, box)


@dataclass(frozen=True)
class TriangleFit:
    """Where a triangle's corner labels go (``beside`` their corners, or below the lower ones)
    and how large the triangle can be."""

    beside: bool
    radius: float


def triangle_fit(width: float, height: float, label_widths: Sequence[float], row_h: float,
                 pad: float, inset: float, smallest: float,
                 beside: bool | None = None) -> TriangleFit:
    """How large a radar of ``len(label_widths)`` axes can be in a ``width`` × ``height`` area,
    with the lower corners' labels (one row of ``row_h``) below them or beside them
    (``beside`` None: whichever gives the larger radar); never smaller than ``smallest``."""
    n = len(label_widths)
    directions = angles(n)
    lowest = max(math.sin(a) for a in directions)
    half_w = max(abs(math.cos(a)) for a in directions)
    lower = [w for a, w in zip(directions, label_widths)
             if math.sin(a) > 0.1 and abs(math.cos(a)) >= 0.2]
    widest = max(lower, default=0)
    # Below: a label row under the lowest corners, reaching outward by less than its width.
    below = min((height - 2 * row_h - 2 * pad) / (1 + lowest),
                (width / 2 - pad - max(0, widest - inset)) / half_w)
    # Beside: every label level with its corner, the top one to the right of the top corner.
    side = min((height - row_h) / (1 + lowest),
               (width / 2 - 2 * pad - widest) / half_w,
               width / 2 - 2 * pad - label_widths[0]) if lower else below
    if beside is None:
        beside = side > below
    return TriangleFit(beside, max(smallest, side if beside else below))


@dataclass(frozen=True)
class TriangleFrame:
    """Where a fitted radar stands: its centre and radius, and the box its outline takes."""

    centre: Point
    radius: float
    box: tuple[float, float, float, float]  # left, top, width, height (before rounding)


def triangle_frame(x: float, y: float, width: float, height: float, n: int, fit: TriangleFit,
                   row_h: float, pad: float) -> TriangleFrame:
    """A radar of ``n`` axes as ``fit`` says, centred across the area at (x, y), and in it
    vertically together with its label rows."""
    directions = angles(n)
    lowest = max(math.sin(a) for a in directions)
    half_w = max(abs(math.cos(a)) for a in directions)
    radius = fit.radius
    head = row_h / 2 if fit.beside else row_h + pad
    foot = row_h / 2 if fit.beside else row_h + pad
    total = head + radius * (1 + lowest) + foot
    cy = y + (height - total) / 2 + head + radius
    cx = x + width // 2
    return TriangleFrame((cx, cy), radius, (cx - radius * half_w, cy - radius,
                                            2 * radius * half_w, radius * (1 + lowest)))


def corner_label(angle: float, corner: Point, width: float, row_h: float, pad: float,
                 inset: float, beside: bool, low: float, high: float) -> Point:
    """The top-left of a corner's label of ``width``: above the top corner (or right of it,
    ``beside``), below or beside a lower one, level with a side one; kept within
    [low, high] across."""
    x, y = corner
    cos, sin = math.cos(angle), math.sin(angle)
    if sin < -0.5 and beside:
        left, top = x + 2 * pad, y - row_h / 2
    elif sin < -0.5:
        left, top = x - width / 2, y - pad - row_h
    elif sin > 0.1 and abs(cos) < 0.2:
        left, top = x - width / 2, y + pad
    elif sin > 0.1 and not beside:
        left = x - inset if cos > 0 else x + inset - width
        top = y + pad
    else:
        top = y - row_h / 2
        left = x + 2 * pad if cos > 0 else x - 2 * pad - width
    return max(low, min(high - width, left)), top
