"""The table's look: colour roles, type sizes and spacing, in one place.

Scenes never name a colour or a pixel size; they ask the :class:`Theme` for a role
(``theme.palette.ink``) and the :class:`Metrics` of the current window for a size
(``metrics.body``). Sizes are given for a 1920x1080 screen and scale linearly with the window,
so the same layout reads the same from the back of a room at 720p and at 4K.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.reports.chart_colours import METER_COLOURS, TEAM_COLOURS

Colour = tuple[int, int, int]

ASSETS = Path(__file__).resolve().parents[3] / "assets"
FONTS = ASSETS / "fonts"

#: The reference screen the base sizes are given for.
REFERENCE_HEIGHT = 1080
#: No text is ever drawn smaller than this, whatever the window.
MIN_TEXT_PX = 18
#: The smallest window every screen is laid out for (width, height). Below it the table shows
#: a plain message asking for a larger window instead of a layout that cuts its texts: with
#: text no smaller than MIN_TEXT_PX, a window less than 600 pixels tall has no room for a
#: card, its options or the debrief's tables, however wide it is.
MIN_WINDOW = (800, 600)


def hex_colour(text: str) -> Colour:
    text = text.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


@dataclass(frozen=True)
class Palette:
    """Colour roles. Every text role is checked against the background it sits on."""

    page: Colour = hex_colour("#E6EBF2")
    """Background of every screen, behind the panels."""
    surface: Colour = hex_colour("#FFFFFF")
    """Panels, cards and resting buttons."""
    surface_alt: Colour = hex_colour("#F1F4F8")
    """Insets within a panel: alternate list rows, the chart area, the preview strip."""
    band: Colour = hex_colour("#13294B")
    """The top band that carries the meters and the round."""
    band_ink: Colour = hex_colour("#FFFFFF")
    """Text on the band: meter values, the round."""
    band_muted: Colour = hex_colour("#D0DAEA")
    """Secondary text on the band: meter labels, the deck title."""
    track: Colour = hex_colour("#2D4672")
    """The empty part of a meter bar on the band."""
    ink: Colour = hex_colour("#101A2C")
    """Main text: titles and body on surfaces and on the page."""
    ink_muted: Colour = hex_colour("#3B475C")
    """Secondary text: roles, captions, hints."""
    accent: Colour = hex_colour("#1D4F91")
    """Primary buttons, the chosen option, number badges."""
    accent_soft: Colour = hex_colour("#DCE7F7")
    """Hovered buttons and highlighted rows."""
    on_accent: Colour = hex_colour("#FFFFFF")
    """Text on accent fills."""
    focus: Colour = hex_colour("#C2410C")
    """The keyboard focus ring drawn around a button."""
    border: Colour = hex_colour("#7D8AA0")
    """Outlines of buttons and panels."""
    disabled_surface: Colour = hex_colour("#EDEFF3")
    """A deck that cannot be played."""
    disabled_ink: Colour = hex_colour("#4E5869")
    """Text of a deck that cannot be played (still readable)."""
    positive: Colour = hex_colour("#146C37")
    """Meter gains (always with ▲ and a + sign)."""
    negative: Colour = hex_colour("#B01F16")
    """Meter losses and error counts (always with ▼ and a − sign)."""
    band_positive: Colour = hex_colour("#7BE0A0")
    """Meter gains shown on the band."""
    band_negative: Colour = hex_colour("#FFA39B")
    """Meter losses shown on the band."""
    warning_surface: Colour = hex_colour("#FFF0C2")
    """The warning line (journal problems, changed decks)."""
    warning_ink: Colour = hex_colour("#4A3000")
    """Text on the warning line."""
    overlay: tuple[int, int, int, int] = (12, 22, 40, 170)
    """Dims the scene behind the menu."""
    shadow: tuple[int, int, int, int] = (16, 32, 64, 38)
    """Soft shadow under panels."""
    meters_band: tuple[Colour, ...] = (
        hex_colour("#5FD4C4"), hex_colour("#8DB9FF"), hex_colour("#FFC95A"),
        hex_colour("#F59ABF"), hex_colour("#B9E37A"), hex_colour("#C7A6FF"),
        hex_colour("#FFB07A"), hex_colour("#9EE6FF"),
    )
    """Bar fills per meter on the band (the label always names the meter)."""
    meters_chart: tuple[Colour, ...] = tuple(hex_colour(h) for h in METER_COLOURS)
    """Line colours per meter in the chart (each line also has its own marker and dash), as in
    the report; none is a team's colour."""

    teams: tuple[Colour, ...] = tuple(hex_colour(h) for h in TEAM_COLOURS)
    """A colour per workshop team, in the order of the default names (Rood, Blauw, Groen,
    Oranje, Paars, Geel): its swatch, and its lines in the debrief's charts (the report's
    colours, each at least 3:1 on the chart's background); a team is always named beside it."""
    collapse_band: Colour = hex_colour("#5E1414")
    """The band of an end screen when a meter collapsed: the game stopped early (always with
    a stop sign and the words "voortijdig einde" beside it)."""
    alarm: Colour = hex_colour("#B42318")
    """The countdown when the time is up: a strong fill behind "Tijd!"."""
    on_alarm: Colour = hex_colour("#FFFFFF")
    """Text on the alarm fill."""
    alarm_flash: Colour = hex_colour("#FFD43B")
    """The other colour of the flash when the time runs out."""
    on_alarm_flash: Colour = hex_colour("#101A2C")
    """Text on the flash colour."""

    def team(self, index: int) -> Colour:
        return self.teams[index % len(self.teams)]

    def band_meter(self, index: int) -> Colour:
        return self.meters_band[index % len(self.meters_band)]

    def chart_meter(self, index: int) -> Colour:
        return self.meters_chart[index % len(self.meters_chart)]


@dataclass(frozen=True)
class BaseSizes:
    """Type sizes and spacing in pixels on a 1920x1080 screen."""

    floor: int = 28
    """The smallest text of all (hints, captions, chips): legible from the back of a room
    on a projector. Every text size is at least this, scaled like the rest."""
    body: int = 30
    """Card text, outcome text, ending text: the text teams read together."""
    small: int = 28
    """Captions, hints, the warning line, list details."""
    label: int = 28
    """Meter labels, roles, badges."""
    option: int = 30
    """Option buttons."""
    button: int = 28
    """Command buttons (Bevestig, Verder, menu items)."""
    heading: int = 36
    """Names, section headings, list titles."""
    title: int = 48
    """Card titles, ending titles."""
    display: int = 72
    """The game's name on the title screen."""
    meter_value: int = 34
    """The number of a meter."""
    gap: int = 24
    """The basic spacing unit."""
    radius: int = 14
    """Corner radius of panels and buttons."""
    line: int = 2
    """Outline width."""
    focus: int = 5
    """Focus ring width."""
    band_height: int = 132
    """Height of the meter band."""
    warning_height: int = 52
    """Height of the warning line."""
    shrink: tuple[float, ...] = (1.0, 0.93, 0.87, 0.8)
    """Font scale steps tried when a text is too long for its box (a title: 48, 45, 42, then
    38 for only the most extreme texts, rather than cutting them off); never below ``floor``,
    so body text does not shrink below 28 at all."""


@dataclass(frozen=True)
class Metrics:
    """Sizes for one window size: the base sizes scaled, text never below the minimum."""

    width: int
    height: int
    scale: float
    base: BaseSizes

    def px(self, value: float) -> int:
        """A length scaled to this window (at least one pixel)."""
        return max(1, round(value * self.scale))

    def text(self, value: float) -> int:
        """A text size scaled to this window, never below the base sizes' ``floor`` (scaled)
        nor below :data:`MIN_TEXT_PX`."""
        return max(MIN_TEXT_PX, round(max(value, self.base.floor) * self.scale))

    @property
    def body(self) -> int:
        return self.text(self.base.body)

    @property
    def small(self) -> int:
        return self.text(self.base.small)

    @property
    def label(self) -> int:
        return self.text(self.base.label)

    @property
    def option(self) -> int:
        return self.text(self.base.option)

    @property
    def button(self) -> int:
        return self.text(self.base.button)

    @property
    def heading(self) -> int:
        return self.text(self.base.heading)

    @property
    def title(self) -> int:
        return self.text(self.base.title)

    @property
    def display(self) -> int:
        return self.text(self.base.display)

    @property
    def meter_value(self) -> int:
        return self.text(self.base.meter_value)

    @property
    def gap(self) -> int:
        return self.px(self.base.gap)

    @property
    def radius(self) -> int:
        return self.px(self.base.radius)

    @property
    def line(self) -> int:
        return self.px(self.base.line)

    @property
    def focus(self) -> int:
        return max(3, self.px(self.base.focus))

    def shrunk(self, size: int) -> list[int]:
        """Smaller sizes to try, one or two steps, for a text too long for its box."""
        least = self.text(self.base.floor)
        steps = [max(least, round(size * f)) for f in self.base.shrink]
        return sorted(set(steps), reverse=True)


@dataclass(frozen=True)
class Theme:
    """Colours, fonts and sizes of the table."""

    palette: Palette = field(default_factory=Palette)
    sizes: BaseSizes = field(default_factory=BaseSizes)
    fonts: dict[str, Path] = field(default_factory=lambda: {
        "regular": FONTS / "Inter-Regular.otf",
        "semibold": FONTS / "Inter-SemiBold.otf",
        "bold": FONTS / "Inter-Bold.otf",
        "italic": FONTS / "Inter-Italic.otf",
    })
    #: Line height as a multiple of the font size.
    leading: float = 1.3

    @staticmethod
    def fits(size: tuple[int, int]) -> bool:
        """Whether a window of ``size`` is at least :data:`MIN_WINDOW`, so every screen lays
        out in it."""
        return size[0] >= MIN_WINDOW[0] and size[1] >= MIN_WINDOW[1]

    def metrics(self, size: tuple[int, int]) -> Metrics:
        """Sizes for a window: scale by height, narrowed for windows taller than 16:10."""
        width, height = size
        scale = min(height / REFERENCE_HEIGHT, width / 1536)
        return Metrics(width, height, max(scale, 0.3), self.sizes)

    def text_pairs(self) -> list[tuple[str, Colour, Colour, float]]:
        """Every (name, text colour, background, required contrast) the table draws."""
        p = self.palette
        body, other = 7.0, 4.5
        pairs = [
            ("body on surface", p.ink, p.surface, body),
            ("body on page", p.ink, p.page, body),
            ("body on alt surface", p.ink, p.surface_alt, body),
            ("body on hover", p.ink, p.accent_soft, body),
            ("muted on surface", p.ink_muted, p.surface, body),
            ("muted on page", p.ink_muted, p.page, other),
            ("muted on alt surface", p.ink_muted, p.surface_alt, other),
            ("text on accent", p.on_accent, p.accent, body),
            ("values on band", p.band_ink, p.band, body),
            ("labels on band", p.band_muted, p.band, body),
            ("gains on band", p.band_positive, p.band, other),
            ("losses on band", p.band_negative, p.band, other),
            ("gains on surface", p.positive, p.surface, other),
            ("losses on surface", p.negative, p.surface, other),
            ("gains on alt surface", p.positive, p.surface_alt, other),
            ("losses on alt surface", p.negative, p.surface_alt, other),
            ("disabled deck", p.disabled_ink, p.disabled_surface, other),
            ("error count on disabled", p.negative, p.disabled_surface, other),
            ("warning line", p.warning_ink, p.warning_surface, body),
            ("time up", p.on_alarm, p.alarm, other),
            ("time up, flashing", p.on_alarm_flash, p.alarm_flash, body),
        ]
        for i in range(len(p.meters_chart)):
            pairs.append((f"chart line {i}", p.chart_meter(i), p.surface_alt, other))
        return pairs


def relative_luminance(colour: Colour) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Colour, b: Colour) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)
