"""The outcome screen laid out around its texts: the choice, the outcome and the essay.

:func:`~game.ui.layout.screens.outcome` places the panels for given text heights; this module
measures the texts to find those heights. The essay panel stands beside the outcome when its
texts fit there at a legible size; otherwise the outcome shows alone and the essay, when asked
for (E), takes the outcome text's place, at the largest size that fits, without its paraphrase
in a window too small even for that. :meth:`OutcomeScreen.boxes` says where each deck text
goes: the outcome scene draws through those boxes and ``validate`` measures them
(:mod:`game.ui.layout.fit`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pygame import Rect

from game.ui.layout import screens
from game.ui.layout.frame import frame
from game.ui.layout.typeset import Typeset, text_sizes
from game.ui.look.textcache import TextBlock, TextBox
from game.ui.layout.words import OutcomeWords
from game.ui.look.theme import Metrics

@dataclass(frozen=True)
class OutcomeScreen:
    """The outcome screen's rectangles, and where and how large the essay is shown."""

    metrics: Metrics
    words: OutcomeWords
    layout: screens.OutcomeLayout
    #: The buttons left of Next, in order: "glossary", "essay" (when it does not fit beside).
    tools: tuple[str, ...]
    #: Whether the essay panel fits beside the outcome in this window.
    fits_beside: bool
    #: Whether the essay is shown, beside the outcome or in its place.
    essay_open: bool
    #: The essay's text size (None: not shown); its parts' places (None: not shown).
    essay_size: int | None
    essay: screens.EssayLayout | None
    #: The essay in place of the outcome in a very small window: without the paraphrase.
    essay_short: bool
    #: Below the panels: the council's question (an onboarding game's), or None.
    council: Rect | None = None

    @property
    def beside(self) -> bool:
        """Whether the essay panel stands beside the outcome."""
        return self.words.essay is not None and self.essay_open and self.fits_beside

    @property
    def swapped(self) -> bool:
        """Whether the essay is shown in place of the outcome text."""
        return self.words.essay is not None and self.essay_open and not self.fits_beside

    def essay_area(self) -> Rect:
        """Where the essay may draw: from its heading down to the foot of its panel or text."""
        E, L = self.essay, self.layout
        area = E.heading.unionall([E.question])
        area.height = (L.essay.bottom if self.beside else L.text.bottom) - area.y
        return area

    def essay_boxes(self) -> dict[str, TextBox]:
        """The essay's section, context and question in the boxes they are shown in, by part
        ("essay.section", ...); empty when the essay is not shown.

        What falls below the essay's area is cut off; in place of the outcome in a small window
        the context may get no room at all.
        """
        E = self.essay
        if E is None or self.essay_size is None:
            return {}
        bottom = self.essay_area().bottom
        size = (self.essay_size,)
        section, context, question = self.words.essay

        def within(rect: Rect) -> Rect:
            return Rect(rect.x, rect.y, rect.width, max(0, min(rect.bottom, bottom) - rect.y))

        context_box = within(E.context)
        if self.essay_short:  # left out: its box is the room the section and question leave
            room = self.layout.text.height - screens.essay_heights(
                self.metrics, E.section.height, 0, E.question.height)
            context_box = Rect(E.context.x, E.context.y, E.context.width, max(0, room))
        return {"essay.section": TextBox(section, within(E.section), "semibold", size),
                "essay.context": TextBox(context, context_box, "regular", size),
                "essay.question": TextBox(question, within(E.question), "semibold", size)}

    def boxes(self) -> dict[str, TextBox]:
        """The deck's texts on this screen and their boxes, by part: "choice" (which holds the
        option's label), "outcome" (unless the essay stands in its place) and the essay's."""
        m, L = self.metrics, self.layout
        boxes = {"choice": TextBox(self.words.choice, L.choice, "semibold",
                                   text_sizes(m, m.heading))}
        if not self.swapped:
            boxes["outcome"] = TextBox(self.words.outcome, L.text, "regular",
                                       text_sizes(m, m.body, grow=1.25))
        boxes.update(self.essay_boxes())
        return boxes


def outcome_screen(ts: Typeset, words: OutcomeWords, meter_count: int, glossary: bool = False,
                   essay_open: bool | None = None) -> OutcomeScreen:
    """The outcome screen for ``words``; ``essay_open`` is the players' choice (E), None to
    show the essay when it fits beside the outcome. ``glossary``: the deck has one (a button)."""
    m = ts.metrics
    essay_size, heights = _essay_beside(ts, words.essay, meter_count)
    if essay_size is not None and not _outcome_fits_beside(ts, words, meter_count, glossary,
                                                           heights):
        essay_size, heights = None, (0, 0, 0)  # the outcome needs the whole width
    fits = essay_size is not None
    shown = (essay_open if essay_open is not None else fits) and words.essay is not None
    beside, swapped = shown and fits, shown and not fits
    tools = (("glossary",) if glossary else ()) + (
        ("essay",) if words.essay is not None and not beside else ())
    plan: dict = dict(tools=len(tools))
    reserve = council_height(ts, words.council) if words.council else 0
    if reserve:
        plan["reserve"] = reserve
    if beside:
        plan["essay_height"] = screens.essay_heights(m, *heights) + 2 * screens.essay_pad(m)
    probe = screens.outcome(m, meter_count, **plan)
    plan["choice_lines"] = _choice_lines(ts, words.choice, probe.choice.width)
    plan["caption_lines"] = _caption_lines(ts, words.caption, probe.caption.width)
    plan["changes_rows"] = max(1, len(change_rows(ts, words.meters, probe.changes.width)))
    essay, short = None, False
    if swapped:
        layout = screens.outcome(m, meter_count, **plan)
        essay_size, heights, short = _essay_in(ts, words.essay, layout.text)
        essay = screens.essay(m, layout.text, *heights)
    else:
        text = screens.outcome(m, meter_count, **plan).text
        block = ts.fit(words.outcome, "regular", text_sizes(m, m.body, grow=1.25), text.width,
                       text.height)
        layout = screens.outcome(m, meter_count, block.height, **plan)
        if beside:
            pad = screens.essay_pad(m)
            essay = screens.essay(m, layout.essay.inflate(-2 * pad, -2 * pad), *heights)
    council = None
    if reserve:
        content = layout.frame.content
        low = max(layout.panel.bottom, layout.essay.bottom if layout.essay else 0) + m.px(16)
        council = Rect(content.x, low, content.width, reserve - m.px(16))
    return OutcomeScreen(m, words, layout, tools, fits, shown, essay_size, essay, short,
                         council)


#: The widest change a chip shows: what chips are measured with, so a layout does not depend
#: on the size of this outcome's changes.
WIDEST_CHANGE = "▼ −88"


def chip_width(ts: Typeset, label: str) -> int:
    """The width of a meter's chip under the outcome: its label and a change beside it."""
    m = ts.metrics
    return (ts.text.measure(label, "semibold", m.label)[0]
            + ts.text.measure(WIDEST_CHANGE, "bold", m.label)[0] + ts.metrics.px(44))


def change_rows(ts: Typeset, labels: tuple[str, ...] | list[str], width: int) -> list[list[int]]:
    """The chips of ``labels`` flowed over rows ``width`` wide: each row's label indices."""
    gap = ts.metrics.px(16)
    rows: list[list[int]] = []
    x = width + 1
    for index, label in enumerate(labels):
        chip = chip_width(ts, label)
        if rows and x + gap + chip <= width:
            rows[-1].append(index)
            x += gap + chip
        else:
            rows.append([index])
            x = chip
    return rows


def meter_label_box(ts: Typeset, label: str, changes: Rect) -> TextBox:
    """Where a meter's label must fit under the outcome: in a chip half the changes' width,
    so labels of about 25 characters stand two to a row with their change beside them."""
    m = ts.metrics
    room = (changes.width - m.px(16)) // 2 - (chip_width(ts, "") - 0)
    return TextBox(label, Rect(0, 0, room, round(m.label * 1.35)), "semibold", (m.label,))


def _outcome_fits_beside(ts: Typeset, words: OutcomeWords, meter_count: int, glossary: bool,
                         heights: tuple[int, int, int]) -> bool:
    """Whether the outcome (with its dynamics lines) fits its narrower panel beside the essay
    at its smallest size; if not, the essay gives way and is shown on E in its place."""
    m = ts.metrics
    plan: dict = dict(tools=1 if glossary else 0,
                      essay_height=screens.essay_heights(m, *heights) + 2 * screens.essay_pad(m))
    if words.council:
        plan["reserve"] = council_height(ts, words.council)
    probe = screens.outcome(m, meter_count, **plan)
    plan["choice_lines"] = _choice_lines(ts, words.choice, probe.choice.width)
    plan["caption_lines"] = _caption_lines(ts, words.caption, probe.caption.width)
    plan["changes_rows"] = max(1, len(change_rows(ts, words.meters, probe.changes.width)))
    text = screens.outcome(m, meter_count, **plan).text
    block = ts.fit(words.outcome, "regular", text_sizes(m, m.body, grow=1.25), text.width,
                   text.height)
    return block.height <= text.height and not block.overflow


def council_height(ts: Typeset, question: str) -> int:
    """The room the council's question takes below the panels: its label, the question at
    its largest size over the content's width, padding and the gap above it."""
    m = ts.metrics
    width = frame(m).content.width - m.px(48)
    block = ts.fit(question, "semibold", text_sizes(m, m.body), width, m.px(400))
    return round(m.small * 1.5) + block.height + m.px(24) + m.px(16)


def _essay_blocks(ts: Typeset, essay: tuple[str, str, str], width: int, size: int
                  ) -> tuple[TextBlock, TextBlock, TextBlock]:
    section, context, question = essay
    return (ts.wrap(section, "semibold", size, width), ts.wrap(context, "regular", size, width),
            ts.wrap(question, "semibold", size, width))


def _essay_beside(ts: Typeset, essay: tuple[str, str, str] | None, meter_count: int
                  ) -> tuple[int | None, tuple[int, int, int]]:
    """The largest body size at which the essay fits beside the outcome, and its heights
    (None: it does not fit, or there is no essay).

    Only sizes that keep body text legible from the back of the room are tried; if none fits,
    the essay is shown in place of the outcome text instead.
    """
    if essay is None:
        return None, (0, 0, 0)
    m = ts.metrics
    probe = screens.outcome(m, meter_count, essay_height=0)
    pad = screens.essay_pad(m)
    width = probe.essay.width - 2 * pad
    limit = probe.frame.content.height - 2 * pad
    # As large as fits (the panel beside is as tall as the outcome's): read from the back
    for size in [round(m.body * 1.15), round(m.body * 1.07)] + m.shrunk(m.body)[:2]:
        blocks = _essay_blocks(ts, essay, width, size)
        if any(b.overflow for b in blocks):
            continue
        heights = (blocks[0].height, blocks[1].height, blocks[2].height)
        if screens.essay_heights(m, *heights) <= limit:
            return size, heights
    return None, (0, 0, 0)


def _essay_in(ts: Typeset, essay: tuple[str, str, str], area: Rect
              ) -> tuple[int, tuple[int, int, int], bool]:
    """The essay in place of the outcome text: the largest size that fits ``area``, its
    heights, and whether the paraphrase gave way (in a window too small even for that, the
    section and the question to discuss stay)."""
    m = ts.metrics
    sizes = [round(m.body * 1.125)] + m.shrunk(m.body)
    for short in (False, True):
        for size in sizes:
            heights = [b.height for b in _essay_blocks(ts, essay, area.width, size)]
            if short:
                heights[1] = 0
            if screens.essay_heights(m, *heights) <= area.height:
                return size, (heights[0], heights[1], heights[2]), short
    return sizes[-1], (heights[0], heights[1], heights[2]), True


def _caption_lines(ts: Typeset, caption: str, width: int) -> int:
    """The lines the caption over the choice wraps to (one, or two or three for a long card
    title in a narrow panel)."""
    if not caption:
        return 1
    return max(1, min(3, len(ts.wrap(caption, "semibold", ts.metrics.small, width).lines)))


def _choice_lines(ts: Typeset, choice: str, width: int) -> int:
    """Two lines for the choice, or three when a long option needs them in a narrow panel."""
    m = ts.metrics
    smallest = ts.wrap(choice, "semibold", m.shrunk(m.heading)[-1], width)
    return 3 if len(smallest.lines) > 2 else 2
