"""The colours of the charts, shared by the report (SVG) and the table (pygame).

A meter's line and a team's line never share a colour: meters have their own set, and a team
is drawn in the colour of its name (Team Rood red, Team Blauw blue, ...), in the order of the
default team names. Every colour stands out from the chart's background by at least 3:1
(WCAG 2.1, non-text contrast) on white and on the table's light chart inset, and each series
also has its own dash pattern and marker shape, so colour is never the only signal.
"""

from __future__ import annotations

#: Meter colours, in the order of a deck's meters: hues between the teams' (teal, magenta,
#: brown first, for the three meters of most decks), so a meter's line never looks like a team's.
METER_COLOURS = ("#0B7263", "#A3215A", "#955700", "#2A56B0", "#4A7010", "#6A3FB5", "#A64B08",
                 "#0A6A8A")
#: Team colours in the order of the default names: Rood, Blauw, Groen, Oranje, Paars, Geel.
#: Orange and yellow are deepened until they reach 3:1 on the chart's background.
TEAM_COLOURS = ("#C62828", "#1D5BB8", "#2E7D32", "#C45A00", "#7B3FC4", "#A67C00")
#: The chart backgrounds the colours are checked against: the report's page and the table's
#: chart inset.
BACKGROUNDS = ("#FFFFFF", "#F1F4F8")
#: The least contrast of a line or marker with its background (WCAG 2.1, 1.4.11).
LEAST_CONTRAST = 3.0


def meter_colour(index: int) -> str:
    return METER_COLOURS[index % len(METER_COLOURS)]


def team_colour(index: int) -> str:
    return TEAM_COLOURS[index % len(TEAM_COLOURS)]


def luminance(colour: str) -> float:
    """The relative luminance of ``#RRGGBB`` (WCAG 2.1)."""
    text = colour.lstrip("#")
    channels = [int(text[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
