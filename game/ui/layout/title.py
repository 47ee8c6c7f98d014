"""Where things go on the title screen: the chosen deck large on the left, a game to resume and
the list of decks on the right, the language buttons in the band and the deck folder at the
foot."""

from __future__ import annotations

from dataclasses import dataclass

from pygame import Rect

from game.ui.layout.frame import Frame, band_languages, band_lines, frame
from game.ui.look.theme import Metrics


@dataclass
class TitleLayout:
    """The title screen: the chosen deck large on the left (its emblem, title, what it is, its
    meters introduced, and the big choices: play alone, run a workshop, the introduction), and
    on the right a game to resume and the list of decks."""

    frame: Frame
    name: Rect
    subtitle: Rect
    languages: list[Rect]
    #: The chosen deck's panel, and in it: its emblem, title, facts and description.
    hero: Rect
    art: Rect
    deck_title: Rect
    facts: Rect
    description: Rect
    #: The meters introduced: a heading, then one row per meter (name and one line).
    meters_heading: Rect
    meters: list[Rect]
    #: The big choices: play alone, run a workshop, and the introduction for council members.
    start: Rect
    workshop: Rect
    onboarding: Rect | None
    #: The right column: a saved game to resume (when there is one), then the decks.
    side: Rect
    resume_panel: Rect | None
    resume_text: Rect | None
    resume: Rect | None
    list_heading: Rect
    decks: list[Rect]
    pager: Rect
    folder: Rect

    def rects(self) -> list[Rect]:
        items = [self.frame.band, self.name, self.subtitle, *self.languages, self.hero,
                 self.art, self.deck_title, self.facts, self.description, self.meters_heading,
                 *self.meters, self.start, self.workshop, self.side, self.list_heading,
                 *self.decks, self.pager, self.folder]
        if self.onboarding is not None:
            items.append(self.onboarding)
        if self.resume_panel is not None:
            items += [self.resume_panel, self.resume_text, self.resume]
        return items


def title(m: Metrics, with_resume: bool, meter_count: int = 3,
          onboarding: bool = True) -> TitleLayout:
    f = frame(m, band_height=m.base.band_height * 1.6)
    languages = band_languages(m, f)
    name, subtitle = band_lines(m, f, languages[0].left, round(m.display * 1.15),
                                round(m.heading * 1.3))
    content = f.content
    folder_h = round(m.small * 1.5)
    folder = Rect(content.x, content.bottom - folder_h, content.width, folder_h)
    content = Rect(content.x, content.y, content.width, folder.top - m.px(12) - content.y)
    hero = Rect(content.x, content.y, round(content.width * 0.63), content.height)
    side = Rect(hero.right + m.gap * 2, content.y, content.right - hero.right - m.gap * 2,
                content.height)
    pad = m.px(36)
    inner = hero.inflate(-2 * pad, -2 * pad)
    # The big choices along the foot of the deck's panel: play alone and run a workshop side
    # by side, the introduction for council members above them.
    button_h = m.px(100)
    gap = m.px(18)
    choices = Rect(inner.x, inner.bottom - button_h, inner.width, button_h)
    start = Rect(choices.x, choices.y, round((choices.width - gap) * 0.5), button_h)
    workshop = Rect(start.right + gap, choices.y, choices.right - start.right - gap, button_h)
    intro = None
    top = choices.top
    if onboarding:
        intro = Rect(inner.x, choices.top - gap - m.px(76), inner.width, m.px(76))
        top = intro.top
    # The meters introduced, above the choices: one line each.
    row_h = round(m.label * 1.45)
    meters_bottom = top - m.px(28)
    rows_h = meter_count * row_h + max(0, meter_count - 1) * m.px(10)
    heading_h = round(m.small * 1.5)
    meters_top = meters_bottom - rows_h
    meters_heading = Rect(inner.x, meters_top - heading_h - m.px(8), inner.width, heading_h)
    meters = [Rect(inner.x, meters_top + i * (row_h + m.px(10)), inner.width, row_h)
              for i in range(meter_count)]
    # The emblem in the top right corner with the title and facts beside it; the description
    # below them, across the panel.
    title_h = round(m.title * 1.2) * 2
    head_h = title_h + m.px(6) + round(m.small * 1.4)
    art = Rect(inner.right - head_h, inner.y, head_h, head_h)
    text_w = art.left - m.px(32) - inner.x
    deck_title = Rect(inner.x, inner.y, text_w, title_h)
    facts = Rect(inner.x, deck_title.bottom + m.px(6), text_w, round(m.small * 1.4))
    description = Rect(inner.x, art.bottom + m.px(20), inner.width,
                       max(0, meters_heading.top - m.px(20) - art.bottom - m.px(20)))
    # The right column.
    resume_panel = resume_text = resume = None
    list_top = side.y
    if with_resume:
        side_button = m.px(84)
        resume_h = round(m.heading * 1.3) + round(m.body * 1.3) * 3 + side_button + 2 * pad \
            + m.px(28)
        # at least one deck stays in sight below it
        deck_room = round(m.heading * 1.3) + m.px(12) + m.px(112) + round(m.small * 1.5) \
            + m.gap + m.px(8)
        resume_panel = Rect(side.x, side.y, side.width,
                            max(min(resume_h, side.height - deck_room), side.height // 2))
        inside = resume_panel.inflate(-2 * pad, -2 * pad)
        resume = Rect(inside.x, inside.bottom - side_button, inside.width, side_button)
        resume_text = Rect(inside.x, inside.y, inside.width, resume.top - m.px(16) - inside.y)
        list_top = resume_panel.bottom + m.gap
    list_heading = Rect(side.x, list_top, side.width, round(m.heading * 1.3))
    pager_h = round(m.small * 1.5)
    pager = Rect(side.x, side.bottom - pager_h, side.width, pager_h)
    area = Rect(side.x, list_heading.bottom + m.px(12), side.width,
                pager.top - m.px(8) - list_heading.bottom - m.px(12))
    deck_h = m.px(112)
    count = max(1, (area.height + m.px(12)) // (deck_h + m.px(12)))
    decks = [Rect(area.x, area.y + i * (deck_h + m.px(12)), area.width, deck_h)
             for i in range(count)]
    return TitleLayout(f, name, subtitle, languages, hero, art, deck_title, facts, description,
                       meters_heading, meters, start, workshop, intro, side, resume_panel,
                       resume_text, resume, list_heading, decks, pager, folder)
