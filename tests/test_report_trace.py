"""The report's causal trace (why each meter moved) and the essay's four recommendations.

The expected values follow by hand from the engine test deck (tests/decks/engine, with the
aspects test_report.py tags its cards with) played with seed 1 and always the first option
(see SEED_1_FIRST_OPTIONS in test_report.py), and from the golden workshop
(tests/golden/workshop-report.json).
"""

from __future__ import annotations

import json
import re

from test_golden_report import GOLDEN
from test_report import SCRIPT, deck, deck_dir, export, journal, play  # noqa: F401 (fixtures)
from game.reports.files import HTML_FILE, JSON_FILE


def moved(trace):
    return [(c["round"], c["card"], c["delta"]) for c in trace]


def test_report_json_names_the_decisions_that_moved_each_meter(deck, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Noord")
    report, out = export(journal, [sid], tmp_path, deck)
    saved = json.loads((out / JSON_FILE).read_text(encoding="utf-8"))
    causes = saved["teams"][0]["causes"]
    assert causes == report["teams"][0]["causes"]
    assert list(causes) == ["legitimiteit", "capaciteit", "strategie"]
    # largest change first, the earlier round among equals; at most five
    assert moved(causes["legitimiteit"]) == [
        (2, "herhaal", -30), (1, "start", 10), (4, "laat", -10), (6, "zwak", 10),
        (3, "vervolg", 5)]
    assert moved(causes["capaciteit"]) == [
        (6, "zwak", -10), (1, "start", -5), (2, "herhaal", 5), (5, "met-plan", 5)]
    assert moved(causes["strategie"]) == [
        (4, "laat", 10), (3, "vervolg", -5), (5, "met-plan", -5)]
    # 'vervolg' came up because 'plan' was chosen on 'start' in round 1
    vervolg = causes["strategie"][1]
    assert vervolg == {"round": 3, "card": "vervolg", "option": "ja", "delta": -5,
                       "scheduled_by": {"round": 1, "card": "start", "option": "plan"}}
    assert all(c["scheduled_by"] is None for c in causes["capaciteit"])
    assert saved["labels"]["cards"]["start"] == f"Start {SCRIPT}"
    assert saved["labels"]["options"]["vervolg"]["ja"] == "Ja"


def test_report_json_holds_the_four_recommendations_with_a_verdict(deck, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Noord")
    report, _ = export(journal, [sid], tmp_path, deck)
    recs = {r["id"]: r for r in report["teams"][0]["recommendations"]}
    assert list(recs) == ["public_value", "vision", "qualities", "organisation"]
    # 4a cards: start +10, herhaal -30, vervolg +5 on legitimiteit
    public = recs["public_value"]
    assert (public["verdict"], public["net"], public["decisions"]) == ("short", -15, 3)
    assert [(d["round"], d["card"], d["delta"]) for d in public["shown"]] == [
        (2, "herhaal", -30)]
    assert public["verdict_text"] == (
        "Hier schoot het tekort: de besluiten over privacy, transparantie en inclusie (4a–4c) "
        "verzwakten legitimiteit (per saldo \u221215).")
    assert public["title"] == "Een handelingsperspectief vanuit publieke waarde"
    # no card on 5a/5b or 6c/6d in this deck
    assert recs["vision"]["verdict"] == recs["qualities"]["verdict"] == "untouched"
    assert recs["vision"]["shown"] == []
    # 6b cards on capaciteit: +5, 0, 0, +5, -10
    organisation = recs["organisation"]
    assert (organisation["verdict"], organisation["net"]) == ("even", 0)
    assert [(d["round"], d["card"], d["delta"]) for d in organisation["shown"]] == [
        (6, "zwak", -10), (2, "herhaal", 5), (5, "met-plan", 5)]


def test_the_golden_workshop_traces_and_judges_each_team():
    report = json.loads(GOLDEN.read_text(encoding="utf-8"))
    noord, oost, zuid = report["teams"]
    assert moved(noord["causes"]["capaciteit"]) == [
        (3, "boa-trackingapp", 11), (1, "dashboard-feiten", -9), (2, "robot-bodes", -2),
        (4, "robot-innovatieteam", -1)]
    assert noord["causes"]["capaciteit"][-1]["scheduled_by"] == {
        "round": 2, "card": "robot-bodes", "option": "robot-weg"}
    assert [(r["id"], r["verdict"], r["net"]) for r in noord["recommendations"]] == [
        ("public_value", "short", -11), ("vision", "followed", 7), ("qualities", "short", -2),
        ("organisation", "short", -3)]
    assert [r["verdict"] for r in oost["recommendations"]] == [
        "followed", "short", "short", "followed"]
    assert [r["verdict"] for r in zuid["recommendations"]] == [
        "followed", "short", "short", "short"]


def test_the_html_shows_the_trace_and_the_recommendations_escaped(deck, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Noord")
    _, out = export(journal, [sid], tmp_path, deck)
    html = (out / HTML_FILE).read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    trace = html[html.index('id="waarom"'):html.index('id="aspecten"')]
    assert "Waarom bewogen de meters?" in trace
    assert "Start &lt;script&gt;alert(1)&lt;/script&gt;</span>: <em>Plan</em>" in trace
    assert "← R1: Start &lt;script&gt;alert(1)&lt;/script&gt;: Plan" in trace
    assert re.search(r"R2</td>\s*<td>\s*<span class=\"card-title\">Herhaal</span>", trace)
    assert "\u221230" in trace
    advice = html[html.index('id="aanbevelingen"'):]
    for title in ("Een handelingsperspectief vanuit publieke waarde",
                  "Een visie op en kennis van digitale ontwikkelingen",
                  "Het versterken van bestaande kwaliteiten en kiezen voor nieuwe accenten",
                  "Het aanpassen van de gemeentelijke organisatie"):
        assert title in advice
    assert "<strong>Hier schoot het tekort</strong>: de besluiten over privacy" in advice
    assert "<strong>Niet aan bod gekomen</strong>" in advice
    assert "R2 · Herhaal → <em>A</em>" in advice


def test_the_english_report_says_it_in_english(deck, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Noord")
    report, out = export(journal, [sid], tmp_path, deck, lang="en")
    recs = report["teams"][0]["recommendations"]
    assert recs[0]["verdict_text"].startswith("Fell short here: the decisions on privacy")
    assert recs[1]["verdict_text"].startswith("Not addressed:")
    html = (out / HTML_FILE).read_text(encoding="utf-8")
    assert "Why did the meters move?" in html and "A course of action from public value" in html


def test_the_recommendations_quote_the_essay_in_its_own_words():
    """The four headings and quotes of the essay's closing section, as the Dutch report and
    screens show them, are really in the essay (compared as tests/test_essay_quotes.py does)."""
    import pytest

    from game.language.catalog import load_catalog
    from game.reports.advice import RECOMMENDATIONS
    from test_essay_quotes import ESSAY, PIECES, essay_text, normalise

    if not ESSAY.is_file():
        pytest.skip("the essay text is not beside the repository")
    essay = essay_text(ESSAY.read_text(encoding="utf-8"))
    words = load_catalog("nl").section("report")
    for rec in RECOMMENDATIONS:
        title = words[f"advice.{rec.id}.title"]
        assert normalise(title) in essay, title
        at = 0
        for piece in PIECES.split(words[f"advice.{rec.id}.quote"]):
            if piece.strip():
                found = essay.find(normalise(piece), at)
                assert found >= 0, piece
                at = found
