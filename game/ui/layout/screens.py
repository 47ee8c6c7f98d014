"""Where everything goes, as rectangles computed from the window size.

Each screen has one function that returns its rectangles; scenes draw into them and tests check
them (everything inside the window, nothing overlapping). All lengths come from
:class:`~game.ui.look.theme.Metrics`, so the same proportions hold from 1280x720 to 3840x2160.
"""

from __future__ import annotations

from dataclasses import dataclass

from pygame import Rect

from game.ui.layout.frame import Frame, frame
from game.ui.look.theme import Metrics


def stack(area: Rect, count: int, gap: int, max_height: int | None = None) -> list[Rect]:
    """``count`` equal rows from the top of ``area``, ``gap`` apart."""
    if count <= 0:
        return []
    height = (area.height - gap * (count - 1)) // count
    if max_height is not None:
        height = min(height, max_height)
    return [Rect(area.x, area.y + i * (height + gap), area.width, height) for i in range(count)]


def row(area: Rect, count: int, gap: int) -> list[Rect]:
    """``count`` equal columns across ``area``, ``gap`` apart."""
    width = (area.width - gap * (count - 1)) // count
    return [Rect(area.x + i * (width + gap), area.y, width, area.height) for i in range(count)]


@dataclass
class MeterSlot:
    """One meter on the band: its label line, its value and its bar."""

    area: Rect
    label: Rect
    value: Rect
    bar: Rect


def meter_band(m: Metrics, band: Rect, count: int, margin: int, right_reserve: int) -> list[MeterSlot]:
    """The meters side by side on the band, leaving ``right_reserve`` pixels for the round."""
    inner = Rect(margin, band.y + m.px(16), band.width - 2 * margin - right_reserve,
                 band.height - m.px(32))
    slots = []
    for area in row(inner, count, m.px(40)):
        value_w = m.px(90)
        label_h = round(m.label * 1.3)
        label = Rect(area.x, area.y, area.width - value_w, label_h)
        value = Rect(area.right - value_w, area.y, value_w, label_h + m.px(8))
        bar_h = m.px(18)
        bar = Rect(area.x, area.bottom - bar_h - m.px(6), area.width, bar_h)
        slots.append(MeterSlot(area, label, value, bar))
    return slots


@dataclass
class CardLayout:
    frame: Frame
    meters: list[MeterSlot]
    round: Rect
    panel: Rect
    portrait: Rect
    name: Rect
    role: Rect
    title: Rect
    text: Rect
    column: Rect
    caption: Rect
    options: list[Rect]
    preview: Rect
    confirm: Rect
    notice: Rect | None = None
    #: The card's aspect tags, at the foot of the card panel.
    tags: Rect | None = None
    #: The glossary button, at the foot of the card panel beside the tags.
    glossary: Rect | None = None

    def rects(self) -> list[Rect]:
        items = [self.frame.band, self.frame.content, self.round, self.panel, self.portrait,
                 self.name, self.role, self.title, self.text, self.column, self.caption,
                 self.preview, self.confirm, *self.options]
        items += [r for r in (self.notice, self.tags, self.glossary) if r is not None]
        items += [s.area for s in self.meters]
        return items


def card(m: Metrics, meter_count: int, option_count: int, title_lines: int = 2,
         notice: bool = False, tags: bool = False, glossary: bool = False,
         portrait: int = 212) -> CardLayout:
    """The card screen; ``tags`` and ``glossary`` reserve a footer in the card panel;
    ``portrait``: the portrait's size at 1080p (smaller for a card with a long text)."""
    f = frame(m)
    round_w = m.px(300)
    meters = meter_band(m, f.band, meter_count, f.margin, round_w + m.px(40))
    round_rect = Rect(f.band.right - f.margin - round_w, f.band.y, round_w, f.band.height)
    gap = m.gap
    content = f.content
    notice_rect = None
    if notice:
        notice_rect = Rect(content.x, content.y, content.width, round(m.small * 1.9))
        content = Rect(content.x, notice_rect.bottom + gap // 2, content.width,
                       content.height - notice_rect.height - gap // 2)
    panel_w = round(content.width * 0.55)
    panel = Rect(content.x, content.y, panel_w, content.height)
    pad = m.px(36)
    inner = panel.inflate(-2 * pad, -2 * pad)
    # Big enough to recognise from the back of a room, small enough to leave the text its room.
    portrait_size = min(m.px(portrait), inner.height // 3)
    portrait = Rect(inner.x, inner.y, portrait_size, portrait_size)
    text_x = portrait.right + m.px(32)
    name_h = round(m.heading * 1.3)
    # the role takes two lines, or three where the portrait beside it is as tall
    role_line = round(m.label * 1.3)
    role_h = role_line * max(2, min(3, (portrait_size - name_h) // role_line))
    block_top = portrait.centery - (name_h + role_h) // 2
    name = Rect(text_x, block_top, inner.right - text_x, name_h)
    role = Rect(text_x, name.bottom, inner.right - text_x, role_h)
    title_h = round(m.title * 1.3) * title_lines
    title = Rect(inner.x, portrait.bottom + m.px(24), inner.width, title_h)
    bottom = inner.bottom
    tags_rect = glossary_rect = None
    if tags or glossary:
        footer_h = max(m.px(64), round(m.small * 1.5) * 2 + m.px(10))  # two rows of tags
        footer = Rect(inner.x, inner.bottom - footer_h, inner.width, footer_h)
        left = footer.right
        if glossary:
            button_h = m.px(64)
            glossary_w = min(m.px(270), footer.width // 2)
            glossary_rect = Rect(footer.right - glossary_w, footer.centery - button_h // 2,
                                 glossary_w, button_h)
            left = glossary_rect.left - gap
        if tags:
            tags_rect = Rect(footer.x, footer.y, left - footer.x, footer.height)
        bottom = footer.top - m.px(16)
    text = Rect(inner.x, title.bottom + m.px(16), inner.width, bottom - title.bottom - m.px(16))

    column = Rect(panel.right + gap * 2, content.y, content.right - panel.right - gap * 2,
                  content.height)
    # The caption ("choose an option and confirm with Enter") takes two lines in a narrow column.
    caption_lines = 1 if column.width >= m.px(760) else 2
    caption = Rect(column.x, column.y, column.width, round(m.small * 1.35) * caption_lines)
    confirm_h = m.px(88)
    preview_h = (round(m.small * 1.3) + m.px(12)) * 2 + m.px(20)
    area = Rect(column.x, caption.bottom + gap // 2, column.width,
                column.bottom - confirm_h - preview_h - gap - gap // 2 - caption.bottom - gap // 2)
    options = stack(area, option_count, gap * 2 // 3, max_height=m.px(156))
    # The preview and the confirm button follow the last option, so the eye does not travel.
    preview = Rect(column.x, options[-1].bottom + gap, column.width, preview_h)
    confirm = Rect(column.x, preview.bottom + gap // 2, column.width, confirm_h)
    return CardLayout(f, meters, round_rect, panel, portrait, name, role, title, text, column,
                      caption, options, preview, confirm, notice_rect, tags_rect, glossary_rect)


@dataclass
class OutcomeLayout:
    frame: Frame
    meters: list[MeterSlot]
    round: Rect
    panel: Rect
    portrait: Rect
    caption: Rect
    choice: Rect
    text: Rect
    changes: Rect
    next: Rect
    #: Buttons left of Next on the bottom row (glossary, essay), in order.
    tools: list[Rect]
    #: The essay panel beside the outcome, or None.
    essay: Rect | None = None

    def rects(self) -> list[Rect]:
        items = [self.frame.band, self.round, self.panel, self.portrait, self.caption,
                 self.choice, self.text, self.changes, self.next, *self.tools,
                 *[s.area for s in self.meters]]
        return items + ([self.essay] if self.essay is not None else [])


#: Share of the content width the outcome panel takes when the essay panel stands beside it.
OUTCOME_SHARE = 0.57


def outcome_header_height(m: Metrics, choice_lines: int = 2, caption_lines: int = 1) -> int:
    """The outcome panel's header: the portrait, or the caption and the choice beside it."""
    return max(m.px(112), round(m.small * 1.4) * caption_lines + m.px(6)
               + round(m.heading * 1.3) * choice_lines)


def changes_height(m: Metrics, rows: int = 1) -> int:
    """The meter changes under the outcome: ``rows`` rows of chips."""
    return rows * m.px(64) + (rows - 1) * m.px(12)


def outcome_fixed_height(m: Metrics, choice_lines: int = 2, changes_rows: int = 1,
                         caption_lines: int = 1) -> int:
    """The outcome panel's height without its text: header, rule, changes, buttons, padding."""
    pad = m.px(44)
    return (2 * pad + outcome_header_height(m, choice_lines, caption_lines) + m.px(48) + m.px(24)
            + changes_height(m, changes_rows) + m.px(24) + m.px(88))


def outcome(m: Metrics, meter_count: int, text_height: int | None = None, tools: int = 0,
            essay_height: int | None = None, choice_lines: int = 2,
            reserve: int = 0, changes_rows: int = 1, caption_lines: int = 1) -> OutcomeLayout:
    """The outcome panel; given the outcome text's height, the panel fits it and is centred.

    With ``essay_height`` (the essay panel's full height) the essay panel stands to the right
    of the outcome; both panels get the same height and are centred together. ``reserve``
    keeps that much of the content's foot free (an onboarding game's council question).
    """
    f = frame(m)
    if reserve:
        content = Rect(f.content.x, f.content.y, f.content.width,
                       max(m.px(200), f.content.height - reserve))
        f = Frame(f.band, content, f.warning, f.margin)
    round_w = m.px(300)
    meters = meter_band(m, f.band, meter_count, f.margin, round_w + m.px(40))
    round_rect = Rect(f.band.right - f.margin - round_w, f.band.y, round_w, f.band.height)
    gap = m.gap
    beside = essay_height is not None
    if beside:
        width = round((f.content.width - gap) * OUTCOME_SHARE)
    else:
        width = min(f.content.width, m.px(1500))
    pad = m.px(44)
    portrait_h = m.px(112)
    next_h = m.px(88)
    changes_h = changes_height(m, changes_rows)
    choice_h = round(m.heading * 1.3) * choice_lines
    header_h = outcome_header_height(m, choice_lines, caption_lines)
    fixed = outcome_fixed_height(m, choice_lines, changes_rows, caption_lines)
    height = f.content.height
    if text_height is not None:
        height = min(f.content.height, fixed + max(text_height, m.px(120)))
    if beside:
        height = min(f.content.height, max(height, essay_height))
    panel = Rect(0, 0, width, height)
    panel.center = f.content.center
    essay_rect = None
    if beside:
        panel.x = f.content.x
        essay_rect = Rect(panel.right + gap, panel.y, f.content.right - panel.right - gap, height)
    inner = panel.inflate(-2 * pad, -2 * pad)
    portrait = Rect(inner.x, inner.y, portrait_h, portrait_h)
    caption = Rect(portrait.right + m.px(28), inner.y, inner.right - portrait.right - m.px(28),
                   round(m.small * 1.4) * caption_lines)
    choice = Rect(caption.x, caption.bottom + m.px(6), caption.width, choice_h)
    header_bottom = inner.y + header_h
    next_w = min(m.px(340), inner.width // 3)
    next_rect = Rect(inner.right - next_w, inner.bottom - next_h, next_w, next_h)
    tool_rects = []
    if tools:
        room = next_rect.left - gap - inner.x
        tool_w = min(m.px(330), (room - m.px(16) * (tools - 1)) // tools)
        tool_rects = [Rect(inner.x + i * (tool_w + m.px(16)), next_rect.y, tool_w, next_h)
                      for i in range(tools)]
    changes = Rect(inner.x, next_rect.top - m.px(24) - changes_h, inner.width, changes_h)
    text = Rect(inner.x, header_bottom + m.px(48), inner.width,
                changes.top - header_bottom - m.px(48) - m.px(24))
    return OutcomeLayout(f, meters, round_rect, panel, portrait, caption, choice, text, changes,
                         next_rect, tool_rects, essay_rect)


def essay_pad(m: Metrics) -> int:
    return m.px(36)


@dataclass
class EssayLayout:
    """The parts of the essay context, top to bottom, inside a panel or a text area."""

    heading: Rect
    section: Rect
    context: Rect
    label: Rect
    question: Rect

    @property
    def bottom(self) -> int:
        return self.question.bottom

    def rects(self) -> list[Rect]:
        return [self.heading, self.section, self.context, self.label, self.question]


def essay_heights(m: Metrics, section_h: int, context_h: int, question_h: int) -> int:
    """The height the essay parts need, without padding."""
    return (round(m.small * 1.4) + m.px(10) + section_h + m.px(16) + context_h + m.px(28)
            + round(m.small * 1.4) + m.px(6) + question_h)


def essay(m: Metrics, area: Rect, section_h: int, context_h: int, question_h: int) -> EssayLayout:
    """Heading, section, context, the label "to discuss" and the question, flowing down ``area``."""
    heading = Rect(area.x, area.y, area.width, round(m.small * 1.4))
    section = Rect(area.x, heading.bottom + m.px(10), area.width, section_h)
    context = Rect(area.x, section.bottom + m.px(16), area.width, context_h)
    label = Rect(area.x, context.bottom + m.px(28), area.width, round(m.small * 1.4))
    question = Rect(area.x, label.bottom + m.px(6), area.width, question_h)
    return EssayLayout(heading, section, context, label, question)


@dataclass
class GlossaryLayout:
    """The glossary over the game: heading and search field, the list, the pager and buttons."""

    panel: Rect
    heading: Rect
    search: Rect
    hint: Rect
    list: Rect
    term_width: int
    pager: Rect
    previous: Rect
    next: Rect
    close: Rect

    def rects(self) -> list[Rect]:
        return [self.panel, self.heading, self.search, self.hint, self.list, self.pager,
                self.previous, self.next, self.close]


def glossary(m: Metrics) -> GlossaryLayout:
    margin = m.px(36)
    width = min(m.width - 2 * margin, m.px(1640))
    panel = Rect(0, 0, width, m.height - 2 * margin)
    panel.center = (m.width // 2, m.height // 2)
    pad = m.px(40)
    inner = panel.inflate(-2 * pad, -2 * pad)
    head_h = max(round(m.title * 1.3), round(m.body * 1.3) + m.px(28))
    search_w = min(m.px(640), inner.width // 2)
    search = Rect(inner.right - search_w, inner.y, search_w, head_h)
    heading = Rect(inner.x, inner.y, search.left - m.gap - inner.x, head_h)
    hint = Rect(inner.x, heading.bottom + m.px(8), inner.width, round(m.small * 1.4))
    button_h = max(m.px(76), round(m.small * 1.3) * 2 + m.px(8))  # the count may wrap
    bottom = Rect(inner.x, inner.bottom - button_h, inner.width, button_h)
    close_w = min(max(m.px(320), round(inner.width * 0.3)), inner.width // 3)
    close = Rect(bottom.right - close_w, bottom.y, close_w, button_h)
    step_w = min(m.px(250), (close.left - inner.x - m.gap - m.px(16)) // 3)
    next_rect = Rect(close.left - m.gap - step_w, bottom.y, step_w, button_h)
    previous = Rect(next_rect.left - m.px(16) - step_w, bottom.y, step_w, button_h)
    pager = Rect(inner.x, bottom.y, previous.left - m.gap - inner.x, button_h)
    top = hint.bottom + m.px(20)
    list_rect = Rect(inner.x, top, inner.width, bottom.top - m.px(20) - top)
    term_width = min(round(list_rect.width * 0.32), m.px(540))
    return GlossaryLayout(panel, heading, search, hint, list_rect, term_width, pager, previous,
                          next_rect, close)


@dataclass
class EndLayout:
    frame: Frame
    heading: Rect
    left: Rect
    text: Rect
    finals: Rect
    buttons: list[Rect]
    chart: Rect
    history: Rect
    rows: list[Rect]
    pager: Rect
    #: The tabs over the right side: the course of the game, why the meters moved, and the
    #: essay's recommendations; and the panel the last two draw into (chart and history
    #: together).
    tabs: list[Rect]
    view: Rect
    #: Where the decisions are listed, above the pager (each row as tall as its words need).
    decisions: Rect

    def rects(self) -> list[Rect]:
        return [self.frame.band, self.heading, self.left, self.text, self.finals, self.chart,
                self.history, self.pager, *self.buttons, *self.rows, *self.tabs, self.view]


def end(m: Metrics, meter_count: int, button_count: int = 3, tab_count: int = 3,
        tab_needs: list[int] | None = None, share: float = 0.40) -> EndLayout:
    """The end screen: how it ended and the meters at the end on the left, the tabs over the
    course of the game on the right, and the actions in a row across the foot.

    ``tab_needs``: the width each tab's label needs; where the row has room for all of them,
    each tab gets its need and a share of the rest, else the tabs are equal. ``share``: the
    left side's share of the width."""
    f = frame(m, band_height=m.base.band_height * 1.15)
    heading = f.band.inflate(-2 * f.margin, -m.px(24))
    content = f.content
    gap = m.gap
    button_h = max(m.px(76), round(m.button * 2.1))
    button_w = min(m.px(460), (content.width - (button_count - 1) * m.px(14)) // button_count)
    foot_y = content.bottom - button_h
    buttons = [Rect(content.x + i * (button_w + m.px(14)), foot_y, button_w, button_h)
               for i in range(button_count)]
    upper = Rect(content.x, content.y, content.width, foot_y - gap - content.y)
    left = Rect(upper.x, upper.y, round(upper.width * share), upper.height)
    pad = m.px(32)
    inner = left.inflate(-2 * pad, -2 * pad)
    finals_h = round(m.label * 1.4) * meter_count + m.px(12)
    finals = Rect(inner.x, inner.bottom - finals_h, inner.width, finals_h)
    text = Rect(inner.x, inner.y, inner.width, finals.top - m.px(24) - inner.y)
    whole = Rect(left.right + gap, upper.y, upper.right - left.right - gap, upper.height)
    tab_h = m.px(64)
    strip = Rect(whole.x, whole.y, min(whole.width, m.px(330) * tab_count), tab_h)
    tabs = row(strip, tab_count, m.px(12))
    if tab_needs and len(tab_needs) == tab_count:
        room = whole.width - m.px(12) * (tab_count - 1)
        narrow = any(tab.width < need for tab, need in zip(tabs, tab_needs))
        if narrow and sum(tab_needs) <= room:
            spare = (room - sum(tab_needs)) // tab_count
            x, tabs = whole.x, []
            for need in tab_needs:
                tabs.append(Rect(x, whole.y, need + spare, tab_h))
                x += need + spare + m.px(12)
    right = Rect(whole.x, whole.y + tab_h + m.px(12), whole.width,
                 whole.height - tab_h - m.px(12))
    chart = Rect(right.x, right.y, right.width, round(right.height * 0.40))
    history = Rect(right.x, chart.bottom + gap, right.width, right.bottom - chart.bottom - gap)
    hist_inner = history.inflate(-2 * m.px(24), -2 * m.px(18))
    pager_h = round(m.small * 1.5)
    pager = Rect(hist_inner.x, hist_inner.bottom - pager_h, hist_inner.width, pager_h)
    row_h = round(m.small * 1.3) * 3 + m.px(14)
    list_area = Rect(hist_inner.x, hist_inner.y, hist_inner.width,
                     pager.top - m.px(8) - hist_inner.y)
    count = max(1, (list_area.height + m.px(6)) // (row_h + m.px(6)))
    rows = [Rect(list_area.x, list_area.y + i * (row_h + m.px(6)), list_area.width, row_h)
            for i in range(count)]
    return EndLayout(f, heading, left, text, finals, buttons, chart, history, rows, pager, tabs,
                     right, list_area)


@dataclass
class DialogLayout:
    panel: Rect
    heading: Rect
    buttons: list[Rect]


def dialog(m: Metrics, button_count: int) -> DialogLayout:
    width = min(m.width - 2 * m.gap, m.px(820))
    button_h = m.px(84)
    gap = m.px(16)
    heading_h = round(m.title * 1.4)
    pad = m.px(40)
    height = 2 * pad + heading_h + m.px(12) + button_count * button_h + (button_count - 1) * gap
    panel = Rect(0, 0, width, height)
    panel.center = (m.width // 2, m.height // 2)
    heading = Rect(panel.x + pad, panel.y + pad, width - 2 * pad, heading_h)
    area = Rect(heading.x, heading.bottom + m.px(12), heading.width,
                panel.bottom - pad - heading.bottom - m.px(12))
    return DialogLayout(panel, heading, stack(area, button_count, gap))


@dataclass
class ErrorsLayout:
    frame: Frame
    heading: Rect
    list: Rect
    back: Rect


def errors(m: Metrics) -> ErrorsLayout:
    f = frame(m)
    heading = f.band.inflate(-2 * f.margin, -m.px(20))
    back_h = m.px(84)
    back = Rect(f.content.right - m.px(320), f.content.bottom - back_h, m.px(320), back_h)
    area = Rect(f.content.x, f.content.y, f.content.width, back.top - m.gap - f.content.y)
    return ErrorsLayout(f, heading, area, back)


@dataclass
class ReloadErrorsLayout:
    """The errors of a reload, in a panel over the game: heading, summary, list, way back."""

    panel: Rect
    heading: Rect
    summary: Rect
    list: Rect
    hint: Rect
    back: Rect

    def rects(self) -> list[Rect]:
        return [self.panel, self.heading, self.summary, self.list, self.hint, self.back]


def reload_errors(m: Metrics) -> ReloadErrorsLayout:
    margin = m.px(48)
    panel = Rect(0, 0, min(m.width - 2 * margin, m.px(1560)), m.height - 2 * margin)
    panel.center = (m.width // 2, m.height // 2)
    pad = m.px(44)
    inner = panel.inflate(-2 * pad, -2 * pad)
    heading = Rect(inner.x, inner.y, inner.width, round(m.title * 1.3))
    summary = Rect(inner.x, heading.bottom + m.px(6), inner.width, round(m.body * 1.3) * 2)
    back_h = m.px(84)
    back_w = min(m.px(420), inner.width // 3)
    back = Rect(inner.right - back_w, inner.bottom - back_h, back_w, back_h)
    hint = Rect(inner.x, back.y, back.left - m.gap - inner.x, back_h)
    top = summary.bottom + m.px(20)
    return ReloadErrorsLayout(panel, heading, summary,
                              Rect(inner.x, top, inner.width, back.top - m.gap - top), hint, back)
