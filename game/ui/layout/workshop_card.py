"""The workshop's card screen laid out around its texts: the card, and its options below or
beside it, in the main area of the playing frame (:func:`~game.ui.layout.workshop.table`).

Two steps share the screen. Discussing, the card comes first; voting, the options do, each row
with a count between − and + buttons, under the team's banner. :func:`workshop_card` finds the
largest text sizes with which the card and its options both fit; the scene draws into the
result, and ``validate`` measures its text boxes (:mod:`game.ui.layout.fit`). The teams' column
beside the main area is as wide for one team as for six, so the card's place does not depend on
how many teams play.
"""

from __future__ import annotations

from dataclasses import dataclass

from pygame import Rect

from game.ui.layout.words import CardWords
from game.ui.layout.typeset import Typeset
from game.ui.look.textcache import TextBox
from game.ui.look.theme import Metrics

#: The steps on the card.
STEPS = ("discuss", "vote")
#: The mark of the option a team decides for, before its text when no line under it has room.
MARK = "✓ "


@dataclass
class OptionRow:
    """Where one option goes: its whole row, the text, and (voting) the count and its buttons."""

    rect: Rect
    badge: Rect
    label: Rect
    #: The line under the text saying which meters the option touches, or None.
    preview: Rect | None
    minus: Rect | None = None
    count: Rect | None = None
    plus: Rect | None = None


@dataclass
class WorkshopCardLayout:
    """Where the card and its options go in one step, and at what sizes."""

    metrics: Metrics
    words: CardWords
    step: str
    #: The card's text size, and the options' largest size.
    text_size: int
    option_size: int
    #: Whether the key hints show under the options (voting).
    hint: bool
    #: Whether the card's text shows (voting in a small window, only its title).
    show_text: bool
    #: Whether each option has a line under its text: which meters it touches (and, voting,
    #: the mark of the option the team decides for; without the line the mark goes before
    #: the option's text).
    second_line: bool
    #: The card's share of the width with the options beside it; 0 with the options below.
    beside: float
    #: A smaller portrait and title, to leave the text more room.
    compact: bool
    card: Rect
    options: Rect
    rows: list[OptionRow]
    #: Where the card's title goes, and its text (None: not shown; its height may be <= 0).
    title: Rect
    text: Rect | None
    #: The height of the key hints under the options, wrapped to as many lines as they need
    #: (0 when they do not show).
    hint_height: int = 0

    @property
    def pads(self) -> tuple[int, int]:
        """The card's padding and its portrait's size."""
        return card_pads(self.metrics, self.compact)

    @property
    def title_size(self) -> int:
        return title_size(self.metrics, self.compact)

    @property
    def head_height(self) -> int:
        """The team's banner above the options while voting."""
        return options_head_height(self.metrics, self.step)

    def label(self, index: int, marked: bool = False) -> str:
        """Option ``index``'s text; ``marked`` (voting, without a line under it) with the mark
        of the team's decision in front."""
        return option_label(self.words, index, self.step, self.second_line, marked)

    def title_box(self) -> TextBox:
        return TextBox(self.words.title, self.title, "bold",
                       tuple(self.metrics.shrunk(self.title_size)))

    def text_box(self) -> TextBox | None:
        """The card's text at the one size the plan chose; what does not fit is cut."""
        if self.text is None:
            return None
        rect = Rect(self.text.x, self.text.y, self.text.width, max(0, self.text.height))
        return TextBox(self.words.text, rect, "regular", (self.text_size,))

    def label_box(self, index: int, marked: bool) -> TextBox:
        sizes = [self.option_size] + self.metrics.shrunk(self.option_size)[1:]
        return TextBox(self.label(index, marked), self.rows[index].label, "semibold",
                       tuple(sizes))

    def boxes(self) -> dict[str, TextBox]:
        """The card's own texts and the boxes they are drawn in, by part: "title", "text"
        (when the card's text shows) and "option-N" (as it looks when the team decides for it)."""
        boxes = {"title": self.title_box()}
        text = self.text_box()
        if text is not None:
            boxes["text"] = text
        for index in range(len(self.rows)):
            boxes[f"option-{index}"] = self.label_box(index, marked=True)
        return boxes


def workshop_card(ts: Typeset, words: CardWords, main: Rect, step: str,
                  preview: bool, hint: str = "") -> WorkshopCardLayout:
    """The card and its options in ``main`` at the largest text sizes with which both fit;
    ``preview``: the deck shows which meters an option touches; ``hint``: the key hints under
    the options while voting, wrapped to the lines they need (without it, room for one line).

    The card stands above its options. What gives way when that is too tall: the text sizes,
    the line of key hints, the line under each option that says which meters it touches; then,
    while discussing, the options move beside the card, and while voting the card shows only its
    title. The options and their counts always show whole.
    """
    m = ts.metrics
    text_sizes = [round(m.body * 1.2), round(m.body * 1.1)] + m.shrunk(m.body)
    option_sizes = [round(m.option * 1.1)] + m.shrunk(m.option)
    small_t, small_o = text_sizes[-1], option_sizes[-1]
    # (text size, option size, hint, card text, preview line, beside share, compact header)
    if step == "vote":  # the options come first while voting, the card before
        tries = [(t, o, True, True, preview, 0, False)
                 for o in option_sizes for t in text_sizes]
        tries += [(small_t, small_o, False, True, preview, 0, False),
                  (small_t, option_sizes[0], False, False, preview, 0, False),
                  (small_t, small_o, False, False, preview, 0, False),
                  (small_t, small_o, False, False, False, 0, False),
                  (small_t, small_o, False, False, False, 0, True)]
    else:
        tries = [(t, o, False, True, preview, 0, False)
                 for t in text_sizes for o in option_sizes]
        tries += [(small_t, small_o, False, True, False, 0, False)]
        tries += [(t, o, False, True, p, share, compact)
                  for share, compact in ((0.5, False), (0.58, True))
                  for p in ((True, False) if preview else (False,))
                  for t in text_sizes for o in option_sizes]
    sizes = _Heights(ts, words, step, hint)
    for attempt in tries:
        placed = _arrange(ts, words, main, step, *attempt, heights=sizes)
        if placed is not None:
            return placed
    # nothing fits (a very long card in a small window): the options whole, and of the card's
    # text as much as the room left holds, above the options or beside them
    text = step != "vote"
    best = None
    for share in ((0, 0.58) if text else (0,)):
        placed = _arrange(ts, words, main, step, small_t, small_o, False, text, False, share,
                          True, force=True, heights=sizes)
        whole = all(placed.options.contains(row.rect) for row in placed.rows)
        score = (whole, _text_shown(ts, placed))
        if best is None or score > best[0]:
            best = (score, placed)
    return best[1]


def card_pads(m: Metrics, compact: bool) -> tuple[int, int]:
    """The card's padding and its portrait's size."""
    return m.px(30), m.px(84) if compact else m.px(120)


def title_size(m: Metrics, compact: bool) -> int:
    return m.heading if compact else m.title


def options_head_height(m: Metrics, step: str) -> int:
    """The team's banner while voting; while discussing the band says it all."""
    return round(m.heading * 1.45) if step == "vote" else 0


def option_label(words: CardWords, index: int, step: str, second_line: bool,
                 marked: bool) -> str:
    label = words.labels[index]
    if marked and step == "vote" and not second_line:
        return MARK + label
    return label


class _Heights:
    """The card's and the options' heights for one card in one step, each worked out once:
    the plan tries many combinations of sizes and widths, and most share their parts."""

    def __init__(self, ts: Typeset, words: CardWords, step: str, hint: str = "") -> None:
        self.ts, self.words, self.step, self.hint = ts, words, step, hint
        self._card: dict[tuple, int] = {}
        self._options: dict[tuple, tuple[int, int]] = {}

    def card(self, width: int, text_size: int, with_text: bool, compact: bool) -> int:
        key = (width, text_size, with_text, compact)
        found = self._card.get(key)
        if found is None:
            found = self._card[key] = _card_height(self.ts, self.words, width, text_size,
                                                   with_text, compact)
        return found

    def options(self, width: int, option_size: int, hint: bool, second_line: bool
                ) -> tuple[int, int]:
        key = (width, option_size, hint, second_line)
        found = self._options.get(key)
        if found is None:
            found = self._options[key] = _options_height(self.ts, self.words, self.step, width,
                                                         option_size, self.hint_height(width,
                                                                                       hint),
                                                         second_line)
        return found

    def hint_height(self, width: int, shown: bool) -> int:
        """The key hints' height under options ``width`` wide (0 when not ``shown``)."""
        return _hint_height(self.ts, self.step, shown, self.hint, width)


def _arrange(ts: Typeset, words: CardWords, main: Rect, step: str, text_size: int,
             option_size: int, hint: bool, text: bool, preview: bool, beside: float,
             compact: bool, force: bool = False, heights: _Heights | None = None
             ) -> WorkshopCardLayout | None:
    """The card and its options laid out so (``beside``: the options beside the card, which
    takes that share of the width); None if they do not fit, unless ``force``. ``heights``
    keeps the heights worked out for other tries of the same card and step."""
    m = ts.metrics
    heights = heights or _Heights(ts, words, step)
    hint_h = 0
    gap = m.gap
    if beside:
        card_w = round((main.width - gap) * beside)
        card = Rect(main.x, main.y, card_w, main.height)
        options = Rect(card.right + gap, main.y, main.right - card.right - gap, main.height)
        needed_h, row_h = heights.options(options.width, option_size, hint, preview)
        hint_h = heights.hint_height(options.width, hint)
        fits = (heights.card(card.width, text_size, text, compact) <= main.height
                and needed_h <= main.height)
    else:
        card_h = heights.card(main.width, text_size, text, compact)
        needed_h, row_h = heights.options(main.width, option_size, hint, preview)
        hint_h = heights.hint_height(main.width, hint)
        fits = card_h + gap + needed_h <= main.height
        if not fits and force:
            card_h = max(heights.card(main.width, text_size, False, compact),
                         main.height - gap - needed_h)
        card = Rect(main.x, main.y, main.width, card_h)
        options = Rect(main.x, card.bottom + gap, main.width, main.bottom - card.bottom - gap)
    if not fits and not force:
        return None
    rows = _rows(ts, step, options, row_h, hint_h, preview, len(words.labels))
    title, text_rect = _card_texts(ts, words, card, text, compact)
    return WorkshopCardLayout(m, words, step, text_size, option_size, hint, text, preview,
                              beside, compact, card, options, rows, title, text_rect, hint_h)


def _card_texts(ts: Typeset, words: CardWords, card: Rect, text: bool, compact: bool
                ) -> tuple[Rect, Rect | None]:
    """Where the title goes, beside the portrait under the character's line, and the text,
    under the portrait and title (None: not shown)."""
    m = ts.metrics
    pad, size = card_pads(m, compact)
    inner = card.inflate(-2 * pad, -2 * pad)
    x = inner.x + size + m.px(24)
    size_t = title_size(m, compact)
    title = Rect(x, inner.y + m.px(10) + round(m.small * 1.4) + m.px(4), inner.right - x,
                 round(size_t * 1.3) * 2)
    if not text:
        return title, None
    inner.y += m.px(10)
    header = max(size, _header_height(ts, words, inner.width - size - m.px(24), compact))
    top = inner.y + header + m.px(18)
    return title, Rect(inner.x, top, inner.width, card.bottom - pad - top)


def _text_shown(ts: Typeset, placed: WorkshopCardLayout) -> float:
    """How much of the card's text its box holds (1: all of it)."""
    box = placed.text
    if box is None:
        return 0.0
    block = ts.wrap(placed.words.text, "regular", placed.text_size, box.width)
    return min(1.0, max(0, box.height) / max(1, block.height))


def _card_height(ts: Typeset, words: CardWords, width: int, text_size: int, with_text: bool,
                 compact: bool) -> int:
    m = ts.metrics
    pad, portrait = card_pads(m, compact)
    inner = width - 2 * pad
    header = max(portrait, _header_height(ts, words, inner - portrait - m.px(24), compact))
    if not with_text:
        return 2 * pad + m.px(10) + header
    text = ts.wrap(words.text, "regular", text_size, inner)
    return 2 * pad + m.px(10) + header + m.px(18) + text.height


def _header_height(ts: Typeset, words: CardWords, width: int, compact: bool) -> int:
    """The character's line and the title (up to two lines) beside the portrait."""
    m = ts.metrics
    size = title_size(m, compact)
    title = ts.fit(words.title, "bold", m.shrunk(size), width, round(size * 1.3) * 2)
    return round(m.small * 1.4) + m.px(4) + title.height


def _control_size(m: Metrics, row_h: int) -> int:
    return max(m.px(56), min(m.px(76), row_h - m.px(16)))


def _count_width(ts: Typeset) -> int:
    m = ts.metrics
    return max(m.px(110), ts.text.measure("88", "bold", m.title)[0] + m.px(36))


def _label_width(ts: Typeset, step: str, width: int, row_h: int) -> int:
    m = ts.metrics
    inner = width - 2 * m.px(30)
    badge = min(m.px(56), row_h - m.px(16)) + m.px(20) + m.px(22)
    controls = 0
    if step == "vote":
        controls = 2 * _control_size(m, row_h) + _count_width(ts) + 2 * m.px(10) + m.px(30)
    return inner - badge - m.px(22) - controls


def _second_line_height(m: Metrics, second_line: bool) -> int:
    return round(m.small * 1.35) if second_line else 0


def _hint_height(ts: Typeset, step: str, shown: bool, text: str, width: int) -> int:
    """The key hints' height under options ``width`` wide: ``text`` wrapped inside the
    panel's padding (one line without a text); 0 when not ``shown`` or not voting."""
    m = ts.metrics
    if not shown or step != "vote":
        return 0
    one = round(m.small * 1.4)
    if not text:
        return one + m.px(8)
    lines = len(ts.wrap(text, "regular", m.small, width - 2 * m.px(30)).lines)
    return max(1, lines) * one + m.px(8)


def _options_height(ts: Typeset, words: CardWords, step: str, width: int, option_size: int,
                    hint_h: int, second_line: bool) -> tuple[int, int]:
    """The options panel's height and each row's, at ``option_size``, with ``hint_h`` for the
    key hints under them."""
    m = ts.metrics
    second = _second_line_height(m, second_line)
    row_h = max(m.px(76), round(m.button * 2.2))
    for _ in range(3):  # the label's width depends on the row's height, and back
        label_w = _label_width(ts, step, width, row_h)
        tallest = max(ts.wrap(option_label(words, i, step, second_line, marked=True),
                              "semibold", option_size, label_w).height
                      for i in range(len(words.labels)))
        row_h = max(row_h, tallest + second + m.px(14))
    count = len(words.labels)
    head = options_head_height(m, step)
    return (2 * m.px(24) + head + (m.px(12) if head else 0) + count * row_h
            + (count - 1) * m.px(12) + hint_h, row_h)


def _rows(ts: Typeset, step: str, options: Rect, row_h: int, hint_h: int, second_line: bool,
          count: int) -> list[OptionRow]:
    m = ts.metrics
    area = options.inflate(-2 * m.px(30), -2 * m.px(24))
    head = options_head_height(m, step)
    top = area.y + head + (m.px(12) if head else 0)
    room = area.bottom - hint_h - top - (count - 1) * m.px(12)
    # spare room makes the rows taller, but the badge and the controls keep the size the plan
    # measured the labels' width with, so no label wraps to a line it has no room for
    planned, row_h = row_h, max(row_h, min(round(row_h * 1.3), room // count))
    second = _second_line_height(m, second_line)
    rows = []
    for i in range(count):
        rect = Rect(area.x, top + i * (row_h + m.px(12)), area.width, row_h)
        d = min(m.px(56), planned - m.px(16))
        badge = Rect(rect.x + m.px(22), rect.centery - d // 2, d, d)
        right = rect.right - m.px(22)
        row = OptionRow(rect, badge, Rect(0, 0, 0, 0), None)
        if step == "vote":
            size = _control_size(m, planned)
            count_w = _count_width(ts)
            y = rect.centery - size // 2
            row.plus = Rect(right - size, y, size, size)
            row.count = Rect(row.plus.left - m.px(10) - count_w, y, count_w, size)
            row.minus = Rect(row.count.left - m.px(10) - size, y, size, size)
            right = row.minus.left - m.px(30)
        x = badge.right + m.px(20)
        row.label = Rect(x, rect.y + m.px(7), right - x, rect.height - m.px(14) - second)
        if second:
            row.preview = Rect(x, row.label.bottom, right - x, second)
        rows.append(row)
    return rows
