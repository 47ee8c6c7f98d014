"""The take-home summary of a council member's introduction: ``summary.html``.

At the end of an onboarding game (``--mode onboarding``) the council member takes one page home
(or two, printed on A4): the path through the three meters, the aspects of the essay most at
stake in the choices made, the raad's instruments used, the council questions worth taking into
the raad, and the essay's four closing recommendations (§7).

:func:`build_summary` gathers the content from a game's state and its deck as plain data (so a
test can read it); :func:`render_summary` turns it into one self-contained page with Jinja2 and
autoescaping (a deck text with markup in it shows as text), its style and chart inline and a
Content-Security-Policy that forbids loading anything; :func:`write_summary` writes it.

The meters' path is drawn with the report's chart geometry (:mod:`game.reports.svg_charts`),
and why each meter moved comes from :mod:`game.reports.causes`, so the summary and the report
tell one story.

Which instruments were used is read from the labels of the options chosen: each instrument in
:data:`INSTRUMENTS` has a pattern its Dutch name matches in a label, and is named by the deck's
glossary entry of that name (in the reader's language) when the deck has one.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any, Mapping


from game.format.deck import Deck
from game.language.catalog import load_catalog
from game.language.texts import localize, shown_language
from game.reports import svg_charts
from game.reports.atomic_file import write_atomic
from game.reports.causes import causes
from game.reports.files import environment

TEMPLATES = Path(__file__).resolve().parent / "templates"
SUMMARY_FILE = "summary.html"
#: How many aspects, council questions and causes per meter the page names.
MOST_ASPECTS = 3
MOST_QUESTIONS = 5
MOST_CAUSES = 2

#: The raad's instruments: the glossary term that names and explains each (Dutch, as in the
#: council deck's glossary) and the pattern its name matches in an option's Dutch label.
INSTRUMENTS: tuple[tuple[str, str], ...] = (
    ("Schriftelijke vragen", r"schriftelijke vragen"),
    ("Vragenuur", r"vragenuur"),
    ("Interpellatie", r"interpell"),
    ("Motie", r"\bmotie\b|mee tekenen|mee te tekenen|medeondertek"),
    ("Amendement", r"\bamendement\b"),
    ("Initiatiefvoorstel", r"initiatiefvoorstel"),
    ("Rekenkamer", r"rekenkamer"),
    ("Enquêterecht", r"enquête"),
    ("Accountant", r"accountant"),
    ("Begroting", r"begroting"),
    ("Zienswijze", r"zienswijze"),
    ("Gemeenschappelijke regeling (GR)", r"toestemming"),
    ("Wensen en bedenkingen", r"wensen en bedenkingen"),
    ("Technische briefing", r"technische briefing"),
    ("Hoorzitting", r"hoorzitting"),
    ("Raadsinformatiebrief", r"raadsinformatiebrief"),
)
#: Instruments named by how the raad used them rather than by their glossary term (whose
#: explanation still comes with them): the term -> the key of the name under summary.used.
NAMED_BY_USE = {"Gemeenschappelijke regeling (GR)": "consent"}
#: The essay's four closing recommendations (§7), by their key in the summary's words.
RECOMMENDATIONS = ("public_value", "vision", "qualities", "organisation")


def words(lang: str) -> dict[str, str]:
    """The summary's own words in ``lang`` (``locale/<lang>/summary.yaml``)."""
    return load_catalog(lang).section("summary")


def instruments_in(label: str) -> list[str]:
    """The instruments (their Dutch glossary terms) an option's Dutch label names."""
    low = label.lower()
    return [term for term, pattern in INSTRUMENTS if re.search(pattern, low)]


def build_summary(deck: Deck, state: Mapping[str, Any], lang: str,
                  generated: datetime | None = None) -> dict[str, Any]:
    """What the summary says of the game in ``state`` (a session's saved form) on ``deck``,
    in ``lang``, as plain data."""
    w = words(lang)

    def local(text: Any) -> str:
        return localize(text, lang)

    history = list(state.get("history") or [])
    meters = [{"id": m.id, "label": local(m.label), "min": m.min, "max": m.max,
               "start": m.start, "end": (state.get("meters") or {}).get(m.id, m.start)}
              for m in deck.meters]
    start = {m["id"]: m["start"] for m in meters}
    if history:
        start = dict(history[0].get("meters_before") or start)
        for m in meters:
            m["start"] = start.get(m["id"], m["start"])
    points = [(0, start)] + [(d["round"], d.get("meters_after") or {}) for d in history]
    series = [{"label": m["label"], "points": [(r, values.get(m["id"])) for r, values in points]}
              for m in meters]
    term = state.get("term") or deck.term
    chart = svg_charts.line_chart(
        series, x_max=max([term] + [d["round"] for d in history]),
        y_min=min((m["min"] for m in meters), default=0),
        y_max=max((m["max"] for m in meters), default=100),
        x_label=w["round"], y_label=w["value"])

    decisions = []
    for d in history:
        card = deck.card(d["card"])
        option = card.option(d["option"]) if card is not None else None
        before, after = d.get("meters_before") or {}, d.get("meters_after") or {}
        decisions.append({
            "round": d["round"], "card": d["card"],
            "title": local(card.title) if card is not None else d["card"],
            "option": local(option.label) if option is not None else d["option"],
            "label_nl": localize(option.label, "nl") if option is not None else "",
            "moved": sum(abs(after.get(k, 0) - before.get(k, 0)) for k in after),
            "question": _council_question(card, local),
            "aspects": list(card.aspects) if card is not None else [],
        })

    labels = {m["id"]: m["label"] for m in meters}
    by_title = {d["card"]: d["title"] for d in decisions}
    moved_by = []
    for meter_id, items in causes(history, labels, MOST_CAUSES).items():
        moved_by.append({"label": labels[meter_id], "causes": [
            {"round": c["round"], "title": by_title.get(c["card"], c["card"]),
             "delta": c["delta"]} for c in items]})

    return {
        "lang": lang,
        "deck": {"id": deck.id, "title": local(deck.spec.title),
                 "lang": shown_language(deck.spec.languages, lang)},
        "generated": (generated or datetime.now()).strftime(w["when_format"]),
        "rounds": len(history), "term": term,
        "ending": _ending(deck, state, local),
        "meters": meters, "chart": chart, "moved_by": moved_by,
        "aspects": _aspects(deck, decisions, local),
        "instruments": _instruments(deck, decisions, local),
        "questions": _questions(decisions),
        "recommendations": [{"heading": w[f"recommendation_{key}_heading"],
                             "text": w[f"recommendation_{key}_text"]}
                            for key in RECOMMENDATIONS],
    }


def _council_question(card, local) -> str:
    """The question a council member would ask on ``card``: its own council question, else
    the essay's question (the council deck's cards ask theirs there)."""
    if card is None:
        return ""
    if card.council_question:
        return local(card.council_question)
    return local(card.essay.question) if card.essay is not None else ""


def _ending(deck: Deck, state: Mapping[str, Any], local) -> dict[str, str] | None:
    ending_id = state.get("ending")
    ending = next((e for e in deck.endings if e.id == ending_id), None)
    if ending is None:
        return None
    return {"title": local(ending.title), "text": local(ending.text)}


def _aspects(deck: Deck, decisions: list[dict[str, Any]], local) -> list[dict[str, Any]]:
    """The essay's aspects most at stake: those of the cards decided, weighted by how much the
    decisions on them moved the meters (most first)."""
    stake: dict[str, dict[str, Any]] = {}
    for d in decisions:
        for aspect_id in d["aspects"]:
            entry = stake.setdefault(aspect_id, {"id": aspect_id, "cards": 0, "moved": 0})
            entry["cards"] += 1
            entry["moved"] += d["moved"]
    ranked = sorted(stake.values(), key=lambda a: (-a["moved"], -a["cards"], a["id"]))
    out = []
    for entry in ranked[:MOST_ASPECTS]:
        aspect = deck.aspect(entry["id"])
        out.append({**entry, "label": local(aspect.label) if aspect is not None else "",
                    "question": local(aspect.question) if aspect is not None else ""})
    return out


def _instruments(deck: Deck, decisions: list[dict[str, Any]], local) -> list[dict[str, Any]]:
    """The raad's instruments the options chosen used, in the order first used, each with the
    rounds it was used in and the deck's explanation of it (when its glossary has one)."""
    glossary = {localize(g.term, "nl"): g for g in deck.spec.glossary}
    used: dict[str, dict[str, Any]] = {}
    for d in decisions:
        for term in instruments_in(d["label_nl"]):
            entry = used.get(term)
            if entry is None:
                g = glossary.get(term)
                named = NAMED_BY_USE.get(term)
                entry = used[term] = {
                    "name": (_used_name(named, local) if named else
                             local(g.term) if g is not None else term),
                    "definition": _first_sentence(local(g.definition)) if g is not None else "",
                    "rounds": []}
            entry["rounds"].append(d["round"])
    return list(used.values())


def _used_name(key: str, local) -> str:
    """The name of an instrument named by its use (:data:`NAMED_BY_USE`), in the page's
    language (``local`` knows it)."""
    return local({lang: load_catalog(lang).t(f"summary.used.{key}") for lang in ("nl", "en")})


def _first_sentence(text: str) -> str:
    """The first sentence of a glossary definition (an article number's dot does not end it),
    so the page stays at one or two sheets."""
    parts = re.split(r"(?<!art)(?<!nr)\. (?=[A-Z])", text, maxsplit=1)
    return parts[0].rstrip(".") + "." if len(parts) > 1 else text


def _questions(decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The council questions worth taking into the raad: those of the cards whose decisions
    moved the meters most, in the order they were played."""
    asked = [d for d in decisions if d["question"]]
    chosen = sorted(asked, key=lambda d: (-d["moved"], d["round"]))[:MOST_QUESTIONS]
    return [{"round": d["round"], "title": d["title"], "question": d["question"]}
            for d in sorted(chosen, key=lambda d: d["round"])]


# --------------------------------------------------------------------------- HTML
def render_summary(summary: dict[str, Any]) -> str:
    """The summary as one self-contained HTML page."""
    template = environment().get_template("summary.html.j2")
    return template.render(s=summary, w=words(summary["lang"]), lang=summary["lang"],
                           deck_lang=summary["deck"].get("lang"))


def write_summary(summary: dict[str, Any], folder: Path) -> Path:
    """Write ``summary.html`` into ``folder`` (created if needed); returns its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return write_atomic(folder / SUMMARY_FILE, render_summary(summary).encode("utf-8"))
