"""Every team's meters in one compact panel, readable from the back of the room.

One row per team: its swatch and name, a word on where it stands this card ("stemt nu",
"sluit deze ronde niet aan"), and per meter its value and a bar, with the change of the last
decision as ▲ +n / ▼ −n. The meters are named once, above their columns. The panel picks the
largest arrangement that fits its box: the name above the values when there is height to
spare, beside them when six teams must share a 720p screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame
from pygame import Rect

from game.format.models import Meter
from game.ui.look.textcache import ellipsize
from game.ui.look.danger import COLLAPSED, hatch, meter_state
from game.ui.look.widgets import delta_label, meter_bar, panel


@dataclass
class TeamRow:
    """What the panel shows of one team."""

    index: int
    name: str
    values: dict[str, float]
    changes: dict[str, int] = field(default_factory=dict)
    #: A word on where the team stands (empty: nothing to say), and a shorter form of it.
    status: str = ""
    status_short: str = ""
    #: The team whose votes are being entered now.
    current: bool = False
    #: A team that sits this card out or has finished its term.
    muted: bool = False


@dataclass(frozen=True)
class _Plan:
    stacked: bool
    name_size: int
    value_size: int
    row_h: int
    head_h: int
    #: Space between the name and the values, the values and the bars; the bars' height.
    gap: int
    bar_h: int


def meter_heads(app, meters: list[Meter], width: int, size: int) -> list[str]:
    """The meters' names for column heads ``width`` wide: the name without its gloss
    ("Legitimiteit"), else the gloss ("mogen"), else the name's first letters."""
    font = app.fonts.get("semibold", size)
    full = [app.local(m.label) for m in meters]
    short = [label.split(" (")[0] for label in full]
    if all(font.size(s)[0] <= width for s in short):
        return short
    gloss = [label.split(" (")[1].rstrip(")").capitalize() if " (" in label else s
             for label, s in zip(full, short)]
    if all(font.size(g)[0] <= width for g in gloss):
        return gloss
    return [_abbreviate(s, font, width) for s in short]


def _abbreviate(word: str, font, width: int) -> str:
    """``word``, or as many of its first letters as fit with a full stop ("Legit.")."""
    if font.size(word)[0] <= width:
        return word
    for end in range(len(word) - 1, 0, -1):
        if font.size(word[:end] + ".")[0] <= width:
            return word[:end] + "."
    return word[:1]


def _plans(app, count: int) -> list[_Plan]:
    """Arrangements from roomy to compact: the name above its values first, then beside."""
    m = app.metrics
    plans = []
    head_h = round(m.small * 1.5)
    for name_size, value_size, gap, bar, pad in (
            (m.heading, m.meter_value, m.px(6), m.px(10), m.px(30)),
            (m.label, m.meter_value, m.px(4), m.px(10), m.px(22)),
            (m.label, m.label, m.px(2), m.px(8), m.px(14))):
        name_h, value_h, bar_h = round(name_size * 1.3), round(value_size * 1.25), max(bar, 5)
        plans.append(_Plan(True, name_size, value_size, name_h + gap + value_h + gap + bar_h
                           + pad, head_h, gap, bar_h))
    for name_size, value_size in ((m.label, m.label), (m.small, m.small)):
        name_h, value_h = round(name_size * 1.3), round(value_size * 1.25)
        row_h = max(name_h, value_h) + round(m.small * 1.3) + m.px(16)
        plans.append(_Plan(False, name_size, value_size, row_h, head_h, m.px(2), max(m.px(8), 5)))
    return plans


def draw_teams(surface: pygame.Surface, rect: Rect, rows: list[TeamRow], meters: list[Meter],
               app) -> None:
    """The panel in ``rect`` with one row per team."""
    m, p = app.metrics, app.theme.palette
    panel(surface, rect, m, p)
    pad = m.px(20)
    inner = rect.inflate(-2 * pad, -2 * pad)
    gap = m.px(10)
    plans = _plans(app, len(rows))
    plan = next((pl for pl in plans
                 if pl.head_h + len(rows) * (pl.row_h + gap) <= inner.height), plans[-1])
    name_w = 0 if plan.stacked else round(inner.width * 0.36)
    cells = inner.width - name_w
    cell_w = cells // max(1, len(meters))
    heads = meter_heads(app, meters, cell_w - m.px(12), m.small)
    for i, head in enumerate(heads):
        x = inner.x + name_w + i * cell_w
        block = app.text.render(head, "semibold", m.small, p.ink_muted)
        surface.blit(block.surface, (x, inner.y))
    if not plan.stacked:
        block = app.text.render(app.t("workshop.teams"), "semibold", m.small, p.ink_muted)
        surface.blit(block.surface, (inner.x, inner.y), Rect(0, 0, name_w - m.px(8),
                                                             block.height))
    y = inner.y + plan.head_h
    for row in rows:
        area = Rect(inner.x, y, inner.width, plan.row_h)
        _draw_row(surface, area, row, meters, plan, name_w, cell_w, app)
        y += plan.row_h + gap


def _draw_row(surface: pygame.Surface, area: Rect, row: TeamRow, meters: list[Meter],
              plan: _Plan, name_w: int, cell_w: int, app) -> None:
    m, p = app.metrics, app.theme.palette
    if row.current:
        pygame.draw.rect(surface, p.accent_soft, area.inflate(m.px(16), m.px(6)),
                         border_radius=m.radius // 2)
        pygame.draw.rect(surface, p.accent, area.inflate(m.px(16), m.px(6)),
                         width=max(2, m.line), border_radius=m.radius // 2)
    elif row.muted:
        pygame.draw.rect(surface, p.surface_alt, area.inflate(m.px(16), m.px(6)),
                         border_radius=m.radius // 2)
    ink = p.ink_muted if row.muted else p.ink
    top = area.y + (m.px(8) if plan.gap > m.px(2) else m.px(4))
    name_h = round(plan.name_size * 1.3)
    swatch = m.px(18) if plan.name_size < m.heading else m.px(24)
    box = Rect(area.x, top + (name_h - swatch) // 2, swatch, swatch)
    pygame.draw.rect(surface, p.team(row.index), box, border_radius=m.px(4))
    x = box.right + m.px(12)
    prefix = "▶ " if row.current else ""
    name_room = (area.right if plan.stacked else area.x + name_w - m.px(8)) - x
    status = _status(app, row, plan, name_room if not plan.stacked else None)
    status_w = 0
    font = app.fonts.get("bold" if row.current else "semibold", plan.name_size)
    if plan.stacked and status:
        # the name first: the status takes what it leaves, in its short form if need be
        room = name_room - font.size(prefix + row.name)[0]
        for form in (status, row.status_short, ""):
            status = form
            status_w = app.text.measure(form, "semibold", m.small)[0] + m.px(16) if form else 0
            if status_w <= room:
                break
        if status and status_w > room:
            status_w = min(status_w, name_room // 2)
            status = ellipsize(status, app.fonts.get("semibold", m.small), status_w - m.px(16))
    name = ellipsize(prefix + row.name, font, max(m.px(40), name_room - status_w))
    block = app.text.render(name, "bold" if row.current else "semibold", plan.name_size, ink)
    surface.blit(block.surface, (x, top))
    status_ink = p.accent if row.current else p.ink_muted
    if plan.stacked:
        if status:
            tag = app.text.render(status, "semibold", m.small, status_ink)
            surface.blit(tag.surface, (area.right - tag.width,
                                       top + (name_h - tag.line_height) // 2))
        values_y = top + name_h + plan.gap
    else:
        values_y = top
        if status:
            font = app.fonts.get("semibold", m.small)
            text = ellipsize(status, font, area.x + name_w - m.px(8) - area.x)
            tag = app.text.render(text, "semibold", m.small, status_ink)
            surface.blit(tag.surface, (area.x, top + max(name_h, round(plan.value_size * 1.25))
                                       + m.px(2)))
    value_h = round(plan.value_size * 1.25)
    for i, meter in enumerate(meters):
        cx = area.x + name_w + i * cell_w
        value = row.values.get(meter.id, meter.start)
        number = app.text.render(str(round(value)), "bold", plan.value_size, ink)
        surface.blit(number.surface, (cx, values_y + (value_h - number.line_height) // 2))
        change = row.changes.get(meter.id, 0)
        if change:
            _draw_change(surface, cx + number.width + m.px(8), values_y, value_h,
                         cx + cell_w - m.px(10), change, plan, app)
        bar = Rect(cx, values_y + value_h + plan.gap, cell_w - m.px(18), plan.bar_h)
        span = meter.max - meter.min
        fraction = (value - meter.min) / span if span else 0
        state = meter_state(meter, round(value))
        fill = p.border if row.muted else p.negative if state else p.chart_meter(i)
        meter_bar(surface, bar, fraction, fill, p.page, m)
        if state is not None:  # near or at its collapse: stripes, not only a colour
            hatch(surface, Rect(bar.x, bar.y, max(bar.height, round(bar.width * fraction)),
                                bar.height), p.surface, max(2, m.px(3)))
            if state == COLLAPSED:
                pygame.draw.rect(surface, p.alarm, bar.inflate(m.px(4), m.px(4)),
                                 width=max(2, m.px(2)), border_radius=bar.height)


def _status(app, row: TeamRow, plan: _Plan, width: int | None) -> str:
    if not row.status or width is None:
        return row.status
    if app.text.measure(row.status, "semibold", app.metrics.small)[0] <= width:
        return row.status
    return row.status_short or row.status


def _draw_change(surface: pygame.Surface, x: int, y: int, height: int, right: int,
                 change: int, plan: _Plan, app) -> None:
    """▲ +n / ▼ −n after a value, smaller (and without its space) when the cell is narrow."""
    m, p = app.metrics, app.theme.palette
    colour = p.positive if change > 0 else p.negative
    text = delta_label(change)
    for size in (min(plan.value_size, m.label), m.small):
        for label in (text, text.replace(" ", "")):
            if x + app.text.measure(label, "bold", size)[0] <= right:
                block = app.text.render(label, "bold", size, colour)
                surface.blit(block.surface, (x, y + (height - block.line_height) // 2))
                return
    block = app.text.render(text.replace(" ", ""), "bold", m.small, colour)
    surface.blit(block.surface, (x, y + (height - block.line_height) // 2))
