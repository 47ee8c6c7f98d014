"""Writing a report to disk: ``report.html``, ``report.json`` and ``decisions.csv``.

The HTML page is one self-contained file: its style and its charts (inline SVG) are inside it,
and a Content-Security-Policy forbids it to load anything, so it can be mailed, opened offline
and printed to PDF. It is rendered by Jinja2 with autoescaping on, so a deck text with markup in
it shows as text. The CSV opens straight in Excel: UTF-8 with a byte-order mark, and text cells
that a spreadsheet would read as a formula are neutralised.

Every file is written to a temporary name first and then renamed, so a reader never sees half a
report.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any


from game.language.catalog import load_catalog
from game.reports import svg_charts as report_charts
from game.reports.atomic_file import write_atomic
from game.reports.content import words

TEMPLATES = Path(__file__).resolve().parent / "templates"
HTML_FILE = "report.html"
JSON_FILE = "report.json"
CSV_FILE = "decisions.csv"
#: Vote columns in the CSV, by option position on the card (a card has at most four options).
VOTE_COLUMNS = ("votes_a", "votes_b", "votes_c", "votes_d")
#: What a spreadsheet reads as the start of a formula (or of a hidden one).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_report(report: dict[str, Any], folder: Path) -> dict[str, Path]:
    """Write the three files into ``folder`` (created if needed); returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "html": (HTML_FILE, render_html(report).encode("utf-8")),
        "json": (JSON_FILE, report_json(report).encode("utf-8")),
        "csv": (CSV_FILE, decisions_csv(report).encode("utf-8-sig")),
    }
    return {key: write_atomic(folder / name, data) for key, (name, data) in files.items()}


# --------------------------------------------------------------------------- JSON
def report_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- CSV
def csv_header(report: dict[str, Any]) -> list[str]:
    meters = [m["id"] for m in report["meters"]]
    return (["team", "session", "round", "card_id", "card_title", "option_id", "option_label",
             "votes_chosen", "votes_total", *VOTE_COLUMNS, "phone_votes"]
            + [f"change_{m}" for m in meters] + [f"after_{m}" for m in meters] + ["note"])


def csv_rows(report: dict[str, Any]) -> list[list[Any]]:
    """One row per decision of every team, in the order of :func:`csv_header`.

    Votes are counted per option position (votes_a is the card's first option), so a
    facilitator can sort and sum them; cells stay empty when no votes were recorded.
    ``phone_votes`` says how many of the votes came from phones (empty when the team's split
    was counted by hand).
    """
    meters = [m["id"] for m in report["meters"]]
    rows = []
    for team in report["teams"]:
        for d in team["decisions"]:
            by_position = [""] * len(VOTE_COLUMNS)
            if d["votes"] is not None:
                for option in d["options"]:
                    position = option["position"]
                    if position is not None and position <= len(VOTE_COLUMNS):
                        by_position[position - 1] = option["votes"] or 0
            rows.append([
                team["name"], _blank(team["session_id"]), d["round"], d["card"], d["card_title"],
                d["option"], d["option_label"], _blank(d["votes_chosen"]),
                _blank(d["votes_total"]), *by_position, _blank(d.get("phones")),
                *[d["changes"].get(m, 0) for m in meters],
                *[_blank(d["meters_after"].get(m)) for m in meters],
                d["note"],
            ])
    return rows


def _blank(value: Any) -> Any:
    return "" if value is None else value


def neutralise(cell: Any) -> Any:
    """A cell as the CSV holds it: numbers stay numbers, formula-like text gets a leading '."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def decisions_csv(report: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(csv_header(report))
    for row in csv_rows(report):
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


# --------------------------------------------------------------------------- HTML
@functools.lru_cache(maxsize=1)
def environment() -> "jinja2.Environment":
    """The reports' template environment (report.html and the onboarding summary), built once:
    autoescaping, deck text isolated where it holds direction characters, the shared filters.
    Jinja2 is imported here, when a report is first written, not when the table starts."""
    import jinja2
    import markupsafe

    env = jinja2.Environment(
        autoescape=True,
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=isolate,
    )
    env.filters["signed"] = signed
    env.filters["when"] = when

    @jinja2.pass_context
    def deck(context, value: Any) -> Any:
        """A deck's text in element content, marked with its language where the page speaks
        another (a deck written only in Dutch, in an English report), so that a screen reader
        reads it as what it is. Never for an attribute or a ``<title>``."""
        shown, page = context.get("deck_lang"), context.get("lang")
        if not value or not shown or shown == page:
            return value
        return markupsafe.Markup('<span lang="{}">{}</span>').format(shown, isolate(value))

    env.filters["deck"] = deck
    return env


#: Characters that change the direction of the text around them (U+202A-U+202E, U+2066-U+2069).
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def isolate(value: Any) -> Any:
    """A printed text holding direction controls, isolated as ``<bdi>`` would (FSI ... PDI).

    A deck or team name may hold an invisible right-to-left override; isolated, it can turn
    only its own text around, never the report's words beside it. The isolate characters work
    in element text, attributes and SVG alike, so the template needs no change. Texts without
    such controls, and markup the template builds itself, are printed as they are.
    """
    if type(value) is str and not _BIDI.isdisjoint(value):
        return f"\u2068{value}\u2069"
    return value


def signed(value: Any) -> str:
    """+5, −5 (a true minus sign) or 0."""
    if not isinstance(value, int):
        return "—"
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"\u2212{-value}"
    return "0"


def when(stamp: str, lang: str = "nl") -> str:
    """An ISO time stamp as a local date and time a reader expects."""
    if not stamp:
        return "—"
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime(load_catalog(lang).raw("report.when_format"))


def charts(report: dict[str, Any]) -> dict[str, Any]:
    """The SVG geometry of every chart in the report."""
    w = words(report["lang"])
    meters = report["meters"]
    y_min = min((m["min"] for m in meters), default=0)
    y_max = max((m["max"] for m in meters), default=100)
    x_max = max([t["term"] for t in report["teams"]] + [t["rounds_played"] for t in report["teams"]]
                or [report["deck"]["term"]])
    lines = []
    for team in report["teams"]:
        series = [{"label": m["label"], "short": m["short"],
                   "points": [(p["round"], p["meters"].get(m["id"]))
                              for p in team["meters_over_time"]]}
                  for m in meters]
        chart = report_charts.line_chart(series, x_max=x_max, y_min=y_min, y_max=y_max,
                                         x_label=w["round"], y_label=w["value"])
        chart["summary"] = chart_summary(team, meters, w)
        lines.append(chart)
    teams = report["teams"]
    triangle = report_charts.radar(
        meters,
        [{"label": t["name"], "values": [t["final_meters"].get(m["id"]) for m in meters]}
         for t in teams],
        reference=({"label": w["triangle_start"],
                    "values": [teams[0]["start_meters"].get(m["id"]) for m in meters]}
                   if teams else None),
    )
    return {"lines": lines, "radar": triangle,
            "teams": report_charts.legend([t["name"] for t in teams], teams=True)}


def chart_summary(team: dict[str, Any], meters: list[dict[str, Any]], w: dict[str, str]) -> str:
    """What a team's chart of the meters shows, in one sentence: per meter where it started and
    ended, and its lowest and highest point (the chart's text alternative)."""
    parts = []
    for meter in meters:
        points = [(p["round"], p["meters"].get(meter["id"])) for p in team["meters_over_time"]]
        points = [(r, v) for r, v in points if v is not None]
        if not points:
            continue
        low = min(points, key=lambda p: p[1])
        high = max(points, key=lambda p: p[1])
        parts.append(w["chart_line"].format(meter=meter["short"], start=points[0][1],
                                            end=points[-1][1], low=low[1], low_round=low[0],
                                            high=high[1], high_round=high[0]))
    return "; ".join(parts) + ("." if parts else "")


def render_html(report: dict[str, Any]) -> str:
    template = environment().get_template("report.html.j2")
    return template.render(r=report, w=words(report["lang"]), charts=charts(report),
                           lang=report["lang"], deck_lang=report["deck"].get("lang"))
