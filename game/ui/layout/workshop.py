"""Where everything goes on the workshop screens, as rectangles from the window size.

Every playing screen shares one frame (:func:`table`): a band with the round, the step and the
countdown; the main area (the card, the votes, the consequences, the essay); the teams' meters
in a column on the right; and a row of buttons at the foot for mouse and touch (back, black
screen, pause, note, menu, next). Sizes come from the :class:`~game.ui.look.theme.Metrics`, so the
proportions hold from 1280x720 to 4K.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pygame import Rect

from game.ui.layout.frame import Frame, band_languages, band_lines, frame
from game.ui.layout.screens import row
from game.ui.look.theme import Metrics

#: Height of the band on a 1080p screen: room for a countdown read from the back of a room.
BAND_HEIGHT = 124


@dataclass
class TableLayout:
    frame: Frame
    heading: Rect
    timer: Rect | None
    main: Rect
    side: Rect
    #: A line under the main area with the facilitator's note on the card, when there is one.
    note: Rect | None
    tools: dict[str, Rect]

    def rects(self) -> list[Rect]:
        items = [self.frame.band, self.heading, self.main, self.side, *self.tools.values()]
        items += [r for r in (self.timer, self.note) if r is not None]
        return items


def timer_box_height(m: Metrics) -> int:
    return m.px(BAND_HEIGHT) - 2 * m.px(10)


def table(m: Metrics, tools: list[str], timer_width: int = 0,
          note: bool = False) -> TableLayout:
    """The playing frame; ``tools`` are the button ids at the foot, left to right, and "next"
    (always there) goes at the right end. A countdown ``timer_width`` wide sits at the right
    of the band."""
    f = frame(m, band_height=BAND_HEIGHT)
    gap = m.gap
    timer_rect = None
    right = f.band.right - f.margin
    if timer_width:
        width = min(timer_width, f.band.width // 2)
        timer_rect = Rect(right - width, f.band.y + m.px(10), width, timer_box_height(m))
        right = timer_rect.left - gap
    heading = Rect(f.margin, f.band.y + m.px(8), right - f.margin, f.band.height - m.px(16))
    content = f.content
    bar_h = max(m.px(80), round(m.button * 2.1))
    bar = Rect(content.x, content.bottom - bar_h, content.width, bar_h)
    area = Rect(content.x, content.y, content.width, bar.top - gap - content.y)
    side_w = min(round(area.width * 0.4), max(round(area.width * 0.3), m.px(500)))
    main = Rect(area.x, area.y, area.width - side_w - gap, area.height)
    side = Rect(main.right + gap, area.y, side_w, area.height)
    note_rect = None
    if note:
        note_h = round(m.small * 1.9)
        note_rect = Rect(main.x, main.bottom - note_h, main.width, note_h)
        main = Rect(main.x, main.y, main.width, note_rect.top - m.px(12) - main.y)
    small_gap = m.px(14)
    next_w = min(m.px(440), round(bar.width * 0.26))
    rects = {"next": Rect(bar.right - next_w, bar.y, next_w, bar_h)}
    if tools:
        room = rects["next"].left - gap - bar.x
        width = min(m.px(270), (room - small_gap * (len(tools) - 1)) // len(tools))
        for i, tool in enumerate(tools):
            rects[tool] = Rect(bar.x + i * (width + small_gap), bar.y, width, bar_h)
    return TableLayout(f, heading, timer_rect, main, side, note_rect, rects)


@dataclass
class SetupLayout:
    frame: Frame
    heading: Rect
    subtitle: Rect
    languages: list[Rect]
    deck_label: Rect
    deck: Rect
    deck_prev: Rect
    deck_next: Rect
    teams_label: Rect
    teams: tuple[Rect, Rect, Rect]
    names_label: Rect
    names: list[Rect]
    rounds_label: Rect
    rounds: tuple[Rect, Rect, Rect]
    timer_label: Rect
    timer: tuple[Rect, Rect, Rect]
    #: Voting by phone, on or off: beside the countdown's stepper.
    phones: Rect
    preview_label: Rect
    previews: list[Rect]
    aspects_label: Rect
    aspects: Rect
    hint: Rect
    back: Rect
    start: Rect

    def rects(self) -> list[Rect]:
        return [self.frame.band, self.heading, self.subtitle, *self.languages, self.deck_label,
                self.deck, self.deck_prev, self.deck_next, self.teams_label, *self.teams,
                self.names_label, *self.names, self.rounds_label, *self.rounds,
                self.timer_label, *self.timer, self.phones, self.preview_label, *self.previews,
                self.aspects_label, self.aspects, self.hint, self.back, self.start]


def stepper(m: Metrics, x: int, y: int, height: int, value_w: int) -> tuple[Rect, Rect, Rect]:
    """A − button, the value between, and a + button."""
    minus = Rect(x, y, height, height)
    value = Rect(minus.right + m.px(8), y, value_w, height)
    plus = Rect(value.right + m.px(8), y, height, height)
    return minus, value, plus


def setup(m: Metrics, aspect_rows: int = 2, phones_h: int = 0,
          preview_h: int = 0) -> SetupLayout:
    """The workshop's set-up: deck, teams and their names on the left; rounds, countdown and
    preview on the right; the aspects across; back and start at the foot.

    ``phones_h`` and ``preview_h``: the heights the phones' toggle and the preview choices need
    for their words (two lines in a narrow window); no less than a control's height. What the
    right column has to spare goes between its rows."""
    f = frame(m, band_height=m.base.band_height * 1.1)
    languages = band_languages(m, f)
    heading, subtitle = band_lines(m, f, languages[0].left, round(m.title * 1.2),
                                   round(m.small * 1.4))
    content = f.content
    gap = m.gap
    label_h = round(m.label * 1.4)
    control_h = max(m.px(70), round(m.button * 2.0))
    button_h = max(m.px(80), round(m.button * 2.1))
    foot = Rect(content.x, content.bottom - button_h, content.width, button_h)
    start_w = min(m.px(460), content.width // 3)
    start = Rect(foot.right - start_w, foot.y, start_w, button_h)
    back_w = min(m.px(260), content.width // 5)
    back = Rect(foot.x, foot.y, back_w, button_h)
    # the key hints between the buttons, with half the gap above and below them for a second
    # line in a narrow window
    hint = Rect(back.right + gap, foot.y - gap // 2, start.left - gap - back.right - gap,
                button_h + gap)
    # the deck across the top
    y = content.y
    deck_label = Rect(content.x, y, content.width, label_h)
    y = deck_label.bottom
    arrow_w = control_h + m.px(12)  # the arrow's glyph clear of the button's padding
    deck_prev = Rect(content.x, y, arrow_w, control_h)
    deck_next = Rect(content.right - arrow_w, y, arrow_w, control_h)
    deck = Rect(deck_prev.right + m.px(8), y, deck_next.left - m.px(16) - deck_prev.right,
                control_h)
    y = deck.bottom + gap
    # the aspects above the foot
    chip_h = round(m.small * 1.5) + m.px(6)
    aspects_h = aspect_rows * chip_h + (aspect_rows - 1) * m.px(10)
    aspects = Rect(content.x, foot.top - gap - aspects_h, content.width, aspects_h)
    aspects_label = Rect(content.x, aspects.top - m.px(6) - label_h, content.width, label_h)
    columns_bottom = aspects_label.top - gap
    half = (content.width - 2 * gap) // 2
    left = Rect(content.x, y, half, columns_bottom - y)
    right = Rect(left.right + 2 * gap, y, content.width - half - 2 * gap, left.height)
    # left: the number of teams and their names
    teams_label = Rect(left.x, left.y, left.width, label_h)
    value_w = m.px(110)
    teams = stepper(m, left.x, teams_label.bottom, control_h, value_w)
    names_label = Rect(left.x, teams[0].bottom + m.px(12), left.width, label_h)
    names_area = Rect(left.x, names_label.bottom, left.width, left.bottom - names_label.bottom)
    field_h = min(control_h, (names_area.height - 2 * m.px(10)) // 3)
    name_w = (left.width - m.px(14)) // 2
    names = []
    for i in range(6):
        column, line = i % 2, i // 2
        names.append(Rect(left.x + column * (name_w + m.px(14)),
                          names_area.y + line * (field_h + m.px(10)), name_w, field_h))
    # right: rounds, countdown, preview
    phones_h, preview_h = max(control_h, phones_h), max(control_h, preview_h)
    heights = [label_h + control_h, label_h + phones_h, label_h + preview_h]
    step = max(m.px(12), (right.height - sum(heights)) // 2)
    tops = [right.y, right.y + heights[0] + step, right.y + heights[0] + heights[1] + 2 * step]
    rounds_label = Rect(right.x, tops[0], right.width, label_h)
    rounds = stepper(m, right.x, rounds_label.bottom, control_h, value_w)
    timer_label = Rect(right.x, tops[1], right.width, label_h)
    timer = stepper(m, right.x, timer_label.bottom + (phones_h - control_h) // 2, control_h,
                    round(value_w * 1.4))
    phones_x = timer[2].right + m.px(24)
    phones = Rect(phones_x, timer_label.bottom, max(m.px(120), right.right - phones_x),
                  phones_h)
    preview_label = Rect(right.x, tops[2], right.width, label_h)
    previews = [Rect(r.x, preview_label.bottom, r.width, preview_h)
                for r in row(Rect(right.x, 0, right.width, 0), 3, m.px(10))]
    return SetupLayout(f, heading, subtitle, languages, deck_label, deck, deck_prev, deck_next,
                       teams_label, teams, names_label, names, rounds_label, rounds,
                       timer_label, timer, phones, preview_label, previews, aspects_label,
                       aspects, hint, back, start)


@dataclass
class DialogLayout:
    """A panel over the game with a heading, a text, and buttons side by side."""

    panel: Rect
    heading: Rect
    text: Rect
    buttons: list[Rect]
    #: A line of small text under the heading (keys to press), when asked for; else empty.
    hint: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))


def dialog(m: Metrics, buttons: int, text_lines: int = 2, width: int = 1100,
           hint_lines: int = 0) -> DialogLayout:
    """A dialog in the middle of the window; ``hint_lines`` lines of small text under the
    heading get their own room, so the heading is never pressed under them."""
    panel_w = min(m.width - 2 * m.gap, m.px(width))
    pad = m.px(44)
    heading_h = round(m.title * 1.35) * (2 if panel_w < m.px(900) else 1)
    hint_h = round(m.small * 1.35) * hint_lines * (2 if panel_w < m.px(900) else 1)
    text_h = round(m.body * 1.35) * text_lines
    button_h = max(m.px(84), round(m.button * 2.2))
    height = 2 * pad + heading_h + hint_h + m.px(12) + text_h + m.px(28) + button_h
    panel = Rect(0, 0, panel_w, height)
    panel.center = (m.width // 2, m.height // 2)
    inner = panel.inflate(-2 * pad, -2 * pad)
    heading = Rect(inner.x, inner.y, inner.width, heading_h)
    hint = Rect(inner.x, heading.bottom, inner.width, hint_h)
    text = Rect(inner.x, hint.bottom + m.px(12), inner.width, text_h)
    foot = Rect(inner.x, inner.bottom - button_h, inner.width, button_h)
    return DialogLayout(panel, heading, text, row(foot, buttons, m.px(16)) if buttons else [],
                        hint)
