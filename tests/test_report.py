"""The debrief report: real games through a Match and a journal, exported to HTML, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DECKS, DEFAULT_DECK, ROOT, load
from game.reports.files import (CSV_FILE, HTML_FILE, JSON_FILE, csv_header, neutralise,
                                 render_html, write_report)
from game.table.journal import Journal
from game.table.match import Match
from game.reports.content import Team, build_report, teams_from_journal
from game.cli.sessions import export_session, list_sessions

SCRIPT = "<script>alert(1)</script>"
FORMULA_NOTE = '=HYPERLINK("http://x")'


# --------------------------------------------------------------------------- set-up
def hostile_deck(tmp_path: Path) -> Path:
    """The engine test deck, with markup in its texts and two aspects to tag cards with."""
    folder = tmp_path / "deck"
    shutil.copytree(DECKS / "engine", folder)
    deck_file = folder / "deck.yaml"
    spec = yaml.safe_load(deck_file.read_text(encoding="utf-8"))
    spec["title"] = {"nl": f"Testdeck {SCRIPT}", "en": f"Test deck {SCRIPT}"}
    spec["aspects"] = [
        {"id": "4a", "label": {"nl": "Privacy <b>en</b> veiligheid", "en": "Privacy and security"},
         "question": {"nl": "Welke risico's <img src=x onerror=alert(1)> zien we?",
                      "en": "Which risks do we see?"}},
        {"id": "6b", "label": {"nl": "Mensen", "en": "People"},
         "question": {"nl": "Groeien de mensen mee?", "en": "Do people grow along?"}},
    ]
    deck_file.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False),
                         encoding="utf-8")
    cards_file = folder / "cards" / "cards.yaml"
    cards = yaml.safe_load(cards_file.read_text(encoding="utf-8"))
    for card in cards["cards"]:
        if card["id"] == "start":
            card["title"] = f"Start {SCRIPT}"
            card["aspects"] = ["4a"]
        elif card["id"] in ("vervolg", "zonder-plan", "herhaal"):
            card["aspects"] = ["4a", "6b"]
        else:
            card["aspects"] = ["6b"]
    cards_file.write_text(yaml.safe_dump(cards, allow_unicode=True, sort_keys=False),
                          encoding="utf-8")
    return folder


def votes_for(card, round_no: int) -> dict[str, int]:
    return {option.id: (round_no + i) % 4 for i, option in enumerate(card.options)}


def play(deck, journal: Journal, seed: int, team: str, notes: dict[int, str] | None = None,
         pick: int = 0) -> int:
    """A whole game through a Match: votes on every decision, notes after some rounds."""
    notes = notes or {}
    match = Match.start(deck, str(deck.folder), "nl", journal, seed=seed)
    while not match.session.is_over:
        card = match.session.current_card
        option = card.options[min(pick, len(card.options) - 1)].id
        match.choose(option, votes=votes_for(card, match.session.round), team=team)
        if match.session.round in notes:
            match.note(notes[match.session.round])
        match.advance()
    return match.session_id


@pytest.fixture
def deck_dir(tmp_path):
    return hostile_deck(tmp_path)


@pytest.fixture
def deck(deck_dir):
    return load(deck_dir)


@pytest.fixture
def journal(tmp_path):
    journal = Journal.open(tmp_path / "data")
    yield journal
    journal.close()


def export(journal, ids, tmp_path, deck, lang="nl") -> tuple[dict, Path]:
    report = build_report(deck, teams_from_journal(journal, ids), lang=lang, meta={})
    out = tmp_path / "out"
    write_report(report, out)
    return report, out


def read_csv(out: Path) -> list[dict[str, str]]:
    raw = (out / CSV_FILE).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# Seed 1, always the first option, on the engine deck (tests/decks/engine): the cards drawn are
# pinned by the seed; the rest follows by hand from cards.yaml and votes_for. Meters start at
# legitimiteit 50, capaciteit 50, strategie 20 (max 40); effects are (legitimiteit, capaciteit,
# strategie).
SEED_1_FIRST_OPTIONS = [
    # round, card, option, votes, changes, meters after
    (1, "start", "plan", {"plan": 1, "wacht": 2}, (10, -5, 0), (60, 45, 20)),
    (2, "herhaal", "a", {"a": 2, "b": 3}, (-30, 5, 0), (30, 50, 20)),
    # 'plan' in round 1 brings 'vervolg' two rounds later
    (3, "vervolg", "ja", {"ja": 3, "nee": 0}, (5, 0, -5), (35, 50, 15)),
    (4, "laat", "a", {"a": 0, "b": 1}, (-10, 0, 10), (25, 50, 25)),
    # the flag 'plan' is still set; option a clears it
    (5, "met-plan", "a", {"a": 1, "b": 2}, (0, 5, -5), (25, 55, 20)),
    # legitimiteit 25 is at most 30
    (6, "zwak", "a", {"a": 2, "b": 3}, (10, -10, 0), (35, 45, 20)),
]
METERS = ("legitimiteit", "capaciteit", "strategie")


# --------------------------------------------------------------------------- the files
def test_export_writes_three_files_with_every_decision(deck, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Noord", notes={1: "Lang besproken.", 2: FORMULA_NOTE})
    report, out = export(journal, [sid], tmp_path, deck)

    assert {p.name for p in out.iterdir()} == {HTML_FILE, JSON_FILE, CSV_FILE}
    data = json.loads((out / JSON_FILE).read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(report)), "report.json holds the report"
    decisions = data["teams"][0]["decisions"]
    assert [(d["round"], d["card"], d["option"], d["votes"],
             tuple(d["changes"][m] for m in METERS), tuple(d["meters_after"][m] for m in METERS))
            for d in decisions] == SEED_1_FIRST_OPTIONS
    assert [d["votes_total"] for d in decisions] == [3, 5, 3, 1, 3, 5]
    assert [d["votes_chosen"] for d in decisions] == [1, 2, 3, 0, 1, 2]
    assert data["teams"][0]["final_meters"] == {"legitimiteit": 35, "capaciteit": 45,
                                                "strategie": 20}
    assert data["teams"][0]["meter_changes"] == {"legitimiteit": -15, "capaciteit": -5,
                                                 "strategie": 0}
    # the term of 6 rounds is over and legitimiteit (35) is under 60: 'gewoon', not 'goed'
    assert data["teams"][0]["end_reason"] == "term"
    assert data["teams"][0]["ending"] == {"id": "gewoon", "title": "Klaar",
                                          "text": "De termijn is voorbij."}
    saved = journal.session(sid)
    history = saved.state["history"]
    team = data["teams"][0]
    assert team["name"] == "Noord"
    assert len(team["decisions"]) == len(history) > 2
    for record, decision in zip(history, team["decisions"]):
        card = deck.card(record["card"])
        assert decision["card"] == record["card"] and decision["option"] == record["option"]
        assert decision["votes"] == votes_for(card, record["round"])
        assert decision["votes_total"] == sum(votes_for(card, record["round"]).values())
        assert decision["changes"] == {m: record["meters_after"][m] - record["meters_before"][m]
                                       for m in record["meters_after"]}
        assert decision["card_title"] and not decision["card_missing"]
    assert [d["note"] for d in team["decisions"][:2]] == ["Lang besproken.", FORMULA_NOTE]
    assert all(d["note"] == "" for d in team["decisions"][2:])

    session = data["session"]
    assert session["deck"]["id"] == "engine-test" and session["deck"]["hash"] == deck.content_hash
    assert session["seed"] == 1 and session["language"] == "nl"
    assert session["status"] == "finished" and session["created"] and session["updated"]
    assert team["final_meters"] == saved.state["meters"]
    assert team["meters_over_time"][0]["round"] == 0
    assert len(team["meters_over_time"]) == len(history) + 1
    assert team["ending"]["title"] and team["end_reason"] in ("term", "collapse", "exhausted")
    assert not list(out.glob(".*.tmp")), "temporary files are renamed, never left behind"


def test_csv_has_one_row_per_decision_and_neutralises_formulas(deck, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="@Rood", notes={2: FORMULA_NOTE})
    report, out = export(journal, [sid], tmp_path, deck)
    rows = read_csv(out)
    decisions = report["teams"][0]["decisions"]
    assert len(rows) == len(decisions)
    header = list(rows[0])
    assert header == csv_header(report)
    assert header[:7] == ["team", "session", "round", "card_id", "card_title", "option_id",
                          "option_label"]
    assert {"votes_a", "votes_b", "change_legitimiteit", "change_capaciteit",
            "change_strategie", "note"} <= set(header)

    noted = rows[1]
    assert noted["note"] == "'" + FORMULA_NOTE
    assert all(row["team"] == "'@Rood" for row in rows)
    for row, decision in zip(rows, decisions):
        assert row["card_id"] == decision["card"] and row["option_id"] == decision["option"]
        for meter, change in decision["changes"].items():
            assert row[f"change_{meter}"] == str(change)  # a number, never '-5
        assert int(row["votes_a"]) == decision["options"][0]["votes"]
        assert int(row["votes_total"]) == decision["votes_total"]
    text = (out / CSV_FILE).read_text(encoding="utf-8-sig")
    assert re.search(r",-\d+,", text), "negative changes are written as plain numbers"
    assert "'-" not in text


def test_neutralise_only_touches_text():
    for text in ("=1+1", "+31 6", "-x", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(text) == "'" + text
    assert neutralise(-5) == -5 and neutralise(0) == 0 and neutralise("Gewoon") == "Gewoon"


def test_html_escapes_deck_markup_and_loads_nothing(deck, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Noord <i>team</i>", notes={1: FORMULA_NOTE})
    _, out = export(journal, [sid], tmp_path, deck)
    html = (out / HTML_FILE).read_text(encoding="utf-8")

    assert "<script" not in html.lower()
    assert "<img" not in html.lower() and "<i>team" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Start &lt;script&gt;" in html, "the card title shows as text"
    assert "Noord &lt;i&gt;team&lt;/i&gt;" in html
    assert ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            'style-src \'unsafe-inline\'; img-src data:">') in html
    assert not re.search(r"""(?:src|href|action|srcset)\s*=\s*["']?\s*(?:https?:)?//""", html,
                         re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", html, re.IGNORECASE)
    assert not re.search(r"@import", html, re.IGNORECASE)
    assert "<link" not in html.lower()

    svgs = re.findall(r"<svg class=\"chart[^\"]*\"", html)
    assert len(svgs) == 2, "a line chart for the team and the triangle"
    assert html.count("<path d=\"M") == len(deck.meters)
    assert "stroke-dasharray" in html, "lines differ by dash, not by colour alone"
    assert "Verloop van de meters" in html and "De driehoek: eindstand" in html
    assert "Alle besluiten" in html and "Vragen voor het gesprek" in html
    assert "@media print" in html and "break-inside: avoid" in html


def test_two_teams_in_one_report(deck, journal, tmp_path):
    first = play(deck, journal, seed=1, team="Noord", notes={1: "Noord twijfelde."}, pick=0)
    second = play(deck, journal, seed=4, team="Zuid", notes={2: "Zuid was het eens."}, pick=1)
    report, out = export(journal, [first, second], tmp_path, deck)

    assert [t["name"] for t in report["teams"]] == ["Noord", "Zuid"]
    assert report["session"]["seeds"] == [1, 4] and report["session"]["teams"] == 2
    assert all(len(a["teams"]) == 2 for a in report["aspects"])
    rows = read_csv(out)
    counts = [len(t["decisions"]) for t in report["teams"]]
    assert len(rows) == sum(counts)
    assert [r["team"] for r in rows] == ["Noord"] * counts[0] + ["Zuid"] * counts[1]
    html = (out / HTML_FILE).read_text(encoding="utf-8")
    assert html.count("<svg class=\"chart\"") == 2 and "chart radar" in html
    assert "Noord twijfelde." in html and "Zuid was het eens." in html
    assert len(re.findall(r"<figcaption[^>]*>Verloop van de meters: ", html)) == 2


def test_aspects_sum_the_changes_and_pick_the_worst_for_discussion(deck, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Noord")
    report, _ = export(journal, [sid], tmp_path, deck)
    by_id = {a["id"]: a for a in report["aspects"]}
    assert list(by_id) == ["4a", "6b"]
    # The game of SEED_1_FIRST_OPTIONS. hostile_deck tags start with 4a; vervolg, zonder-plan
    # and herhaal with 4a and 6b; the others with 6b.
    # 4a: start (10, -5, 0) + herhaal (-30, 5, 0) + vervolg (5, 0, -5) = (-15, 0, -5), total -20
    # 6b: herhaal (-30, 5, 0) + vervolg (5, 0, -5) + laat (-10, 0, 10) + met-plan (0, 5, -5)
    #     + zwak (10, -10, 0) = (-25, 0, 0), total -25
    assert by_id["4a"]["teams"][0] == {
        "team": "Noord", "decisions": 3, "cards": ["start", "herhaal", "vervolg"],
        "changes": {"legitimiteit": -15, "capaciteit": 0, "strategie": -5}, "total": -20,
        "discuss": True}
    assert by_id["6b"]["teams"][0] == {
        "team": "Noord", "decisions": 5,
        "cards": ["herhaal", "vervolg", "laat", "met-plan", "zwak"],
        "changes": {"legitimiteit": -25, "capaciteit": 0, "strategie": 0}, "total": -25,
        "discuss": True}
    # both lose; the worst first
    assert report["teams"][0]["discussion"] == ["6b", "4a"]
    assert [q["aspect"] for q in report["discussion"]] == ["4a", "6b"]
    assert [q["question"] for q in report["discussion"]] == [
        "Welke risico's <img src=x onerror=alert(1)> zien we?", "Groeien de mensen mee?"]
    assert [q["teams"][0]["total"] for q in report["discussion"]] == [-20, -25]


def test_aspects_that_do_not_lose_are_not_discussed(deck, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Zuid", pick=9)  # always the last option
    report, _ = export(journal, [sid], tmp_path, deck)
    decisions = report["teams"][0]["decisions"]
    assert [(d["card"], d["option"]) for d in decisions] == [
        ("start", "wacht"), ("herhaal", "b"), ("zonder-plan", "b"), ("laat", "b"),
        ("herhaal", "b"), ("herhaal", "b")]
    # 4a: start/wacht (-5, 5, 0) + 3 x herhaal/b (2, -2, 0) + zonder-plan/b (-5, 5, 0)
    #     = (-4, 4, 0), total 0
    # 6b: 3 x herhaal/b + zonder-plan/b + laat/b (10, 0, -10) = (11, -1, -10), total 0
    rows = {a["id"]: a["teams"][0] for a in report["aspects"]}
    assert (rows["4a"]["decisions"], rows["4a"]["changes"], rows["4a"]["total"]) == (
        5, {"legitimiteit": -4, "capaciteit": 4, "strategie": 0}, 0)
    assert (rows["6b"]["decisions"], rows["6b"]["changes"], rows["6b"]["total"]) == (
        5, {"legitimiteit": 11, "capaciteit": -1, "strategie": -10}, 0)
    assert not rows["4a"]["discuss"] and not rows["6b"]["discuss"]
    assert report["teams"][0]["discussion"] == [] and report["discussion"] == []


def test_the_default_deck_in_english(journal, tmp_path):
    deck = load(DEFAULT_DECK)
    first = play(deck, journal, seed=3, team="Team A", notes={3: "Long debate."})
    second = play(deck, journal, seed=3, team="Team B", pick=2)
    report, out = export(journal, [first, second], tmp_path, deck, lang="en")

    assert len(report["aspects"]) == 9
    assert report["deck"]["title"] == "Digital leadership of the municipal secretary"
    labels = [m["label"] for m in report["meters"]]
    assert labels == ["Legitimacy (may we?)", "Capacity (can we?)", "Strategy (do we want?)"]
    for team in report["teams"]:
        assert len(team["discussion"]) <= 2
        for aspect_id in team["discussion"]:
            aspect = next(a for a in report["aspects"] if a["id"] == aspect_id)
            assert aspect["teams"][team["number"] - 1]["total"] < 0
            assert aspect["question"] == next(
                a.question["en"] for a in deck.aspects if a.id == aspect_id)
    html = (out / HTML_FILE).read_text(encoding="utf-8")
    assert "Every decision" in html and "Questions for the discussion" in html
    assert '<html lang="en">' in html


# --------------------------------------------------------------------------- the journal
def test_votes_follow_undo_and_the_note_stays_with_its_card(deck, journal, tmp_path):
    match = Match.start(deck, str(deck.folder), "nl", journal, seed=1)
    card = match.session.current_card
    match.note("Voor het besluit.")
    match.choose(card.options[0].id, votes={card.options[0].id: 1})
    match.note("Toch twijfel.")
    match.undo()
    match.choose(card.options[1].id, votes=[2, 5])  # counts by option position
    match.advance()

    [team] = teams_from_journal(journal, [match.session_id])
    assert len(team.decisions) == 1
    decision = team.decisions[0]
    assert decision["option"] == card.options[1].id
    assert decision["note"] == "Toch twijfel."
    report = build_report(deck, [team], lang="nl", meta={"generated": "2024-05-01T10:00:00+00:00"})
    assert report["generated"] == "2024-05-01T10:00:00+00:00"
    assert report["teams"][0]["decisions"][0]["votes"] == {card.options[0].id: 2,
                                                          card.options[1].id: 5}
    assert report["teams"][0]["name"] == "Team 1"
    assert report["teams"][0]["status"] == "active"
    # the journal has every event too, as it happened
    kinds = [kind for kind, _ in journal.events(match.session_id)]
    assert kinds == ["start", "note", "decide", "note", "undo", "decide"]


def test_a_card_that_left_the_deck_is_reported_by_id(deck):
    record = {"round": 1, "card": "oude-kaart", "option": "x",
              "meters_before": {"legitimiteit": 50, "capaciteit": 50, "strategie": 20},
              "meters_after": {"legitimiteit": 45, "capaciteit": 50, "strategie": 20},
              "flags_set": [], "flags_cleared": [], "flags_after": [],
              "votes": {"x": 3, "y": 1}, "note": "weg"}
    state = {"deck_id": deck.id, "deck_hash": "ouder", "seed": 1, "round": 1,
             "meters": record["meters_after"], "phase": "outcome", "history": [record]}
    team = Team(name="Oud", decisions=[record], state=state)
    for lang, title in (("nl", "(kaart niet meer in het deck)"),
                        ("en", "(card no longer in the deck)")):
        report = build_report(deck, [team], lang=lang, meta={})
        decision = report["teams"][0]["decisions"][0]
        assert decision["card"] == "oude-kaart" and decision["card_title"] == title
        assert decision["card_missing"] and decision["option_label"] == "x"
        assert decision["changes"]["legitimiteit"] == -5 and decision["votes_chosen"] == 3
        assert report["teams"][0]["deck_changed"]
    html_dir = Path(deck.folder).parent / "out-missing"
    write_report(report, html_dir)
    assert "(card no longer in the deck)" in (html_dir / HTML_FILE).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the command line
def test_list_sessions_newest_first(deck, journal, tmp_path):
    first = play(deck, journal, seed=1, team="Noord")
    second = play(deck, journal, seed=4, team="Zuid")
    out = io.StringIO()
    assert list_sessions(journal, out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["id", "date", "deck", "status", "teams", "decisions", "seed"]
    ids = [int(line.split()[0]) for line in lines[2:]]
    assert ids == [second, first]
    assert "engine-test" in lines[2] and "finished" in lines[2] and lines[2].endswith("4")


def test_list_sessions_of_an_empty_journal(journal):
    out = io.StringIO()
    assert list_sessions(journal, out) == 0
    assert "no sessions" in out.getvalue()


def test_export_session_finds_the_deck_and_says_where(deck, deck_dir, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Noord")
    out, err = io.StringIO(), io.StringIO()
    code = export_session(journal, sid, tmp_path / "rapport", None, [], out=out, err=err)
    assert code == 0, err.getvalue()
    assert all((tmp_path / "rapport" / name).is_file() for name in (HTML_FILE, JSON_FILE, CSV_FILE))
    assert str(tmp_path / "rapport") in out.getvalue() and err.getvalue() == ""

    # The deck folder moved: it is found by its id among the scenario folders.
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    deck_dir.rename(scenarios / "verhuisd")
    code = export_session(journal, sid, tmp_path / "rapport2", "en", [scenarios], out=out, err=err)
    assert code == 0, err.getvalue()
    report = json.loads((tmp_path / "rapport2" / JSON_FILE).read_text(encoding="utf-8"))
    assert report["lang"] == "en" and report["deck"]["id"] == "engine-test"


def test_export_session_fails_plainly(deck, deck_dir, journal, tmp_path):
    sid = play(deck, journal, seed=1, team="Noord")
    out, err = io.StringIO(), io.StringIO()
    assert export_session(journal, 999, tmp_path / "x", None, [], out=out, err=err) == 1
    assert "no session 999" in err.getvalue() and "Traceback" not in err.getvalue()
    assert not (tmp_path / "x").exists()

    shutil.rmtree(deck_dir)
    err = io.StringIO()
    assert export_session(journal, sid, tmp_path / "y", None, [ROOT / "scenarios"],
                          out=out, err=err) == 1
    assert "cannot find the deck 'engine-test'" in err.getvalue()
    assert not (tmp_path / "y").exists()


def test_the_report_layer_does_not_import_pygame():
    code = ("import sys, game.reports.content, game.reports.files, game.cli.sessions, game.reports.svg_charts; "
            "sys.exit('pygame' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_a_deck_without_aspects_leaves_out_aspects_and_questions(journal, tmp_path):
    deck = load(DECKS / "engine")
    match = Match.start(deck, str(deck.folder), "en", journal, seed=2)
    match.choose(match.session.current_card.options[1].id)
    report, out = export(journal, [match.session_id], tmp_path, deck, lang="en")
    assert report["aspects"] == [] and report["discussion"] == []
    assert report["teams"][0]["status"] == "active" and not report["teams"][0]["finished"]
    html = (out / HTML_FILE).read_text(encoding="utf-8")
    assert 'id="aspecten"' not in html and 'id="vragen"' not in html
    assert "no votes recorded" in html and "1 decision ·" in html
    assert read_csv(out)[0]["votes_a"] == ""


def test_a_workshop_session_reports_every_team(deck, journal, tmp_path):
    from game.table.workshop_match import WorkshopMatch

    match = WorkshopMatch.start(deck, str(deck.folder), "nl", ["Rood", "Blauw"], journal, seed=10)
    while not match.workshop.is_over:
        card = match.workshop.current_card
        for team in match.workshop.waiting:
            option = card.options[0 if team == 0 else -1].id
            match.choose(team, option, votes={option: 3 + team})
        if match.workshop.round == 1:
            match.note("Iedereen was het eens.")
        match.advance()
    out = io.StringIO()
    assert list_sessions(journal, out) == 0
    assert out.getvalue().splitlines()[2].split()[5] == "2", "a workshop has two teams"

    report, folder = export(journal, [match.session_id], tmp_path, deck)
    assert [t["name"] for t in report["teams"]] == ["Rood", "Blauw"]
    for index, team in enumerate(report["teams"]):
        history = match.workshop.teams[index].history
        assert [d["card"] for d in team["decisions"]] == [h["card"] for h in history]
        assert all(d["votes"] == {d["option"]: 3 + index} for d in team["decisions"])
        first = team["decisions"][0]
        assert first["round"] == 1 and first["note"] == "Iedereen was het eens."
        assert team["session_id"] == match.session_id
    rows = read_csv(folder)
    assert len(rows) == sum(len(t["decisions"]) for t in report["teams"])


def test_sessions_and_report_commands(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    data = tmp_path / "data"

    def main(*args):
        return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True)

    assert main("play", "--headless", "--autoplay", "--seed", "2", "--out", str(tmp_path / "o"),
                "--data-dir", str(data)).returncode == 0
    listed = main("sessions", "--data-dir", str(data))
    assert listed.returncode == 0 and "digitaal-leiderschap" in listed.stdout
    written = main("report", "1", "--out", str(tmp_path / "r"), "--data-dir", str(data))
    assert written.returncode == 0, written.stderr
    assert {p.name for p in (tmp_path / "r").iterdir()} == {"report.html", "report.json",
                                                            "decisions.csv"}
    missing = main("report", "7", "--out", str(tmp_path / "r"), "--data-dir", str(data))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_a_decks_texts_carry_their_language_where_the_page_speaks_another(tmp_path):
    """A deck written only in Dutch, reported in English: its texts are marked lang="nl" (a
    screen reader reads them as Dutch), the report's own words are not; in a Dutch report, and
    for a deck written in English too, nothing is marked."""
    def teams_of(deck, data):
        journal = Journal.open(data)
        try:
            play(deck, journal, 3, "Rood")
            return teams_from_journal(journal, [s.id for s in journal.sessions()])
        finally:
            journal.close()

    deck, bilingual = load(DECKS / "dynamics"), load(DECKS / "engine")
    assert deck.spec.languages == ["nl"] and bilingual.spec.languages == ["nl", "en"]
    teams = teams_of(deck, tmp_path / "data")
    english = build_report(deck, teams, lang="en")
    page = render_html(english)
    assert english["deck"]["lang"] == "nl"
    title = english["teams"][0]["decisions"][0]["card_title"]
    assert f'<div class="card-title"><span lang="nl">{title}</span></div>' in page
    assert f'<span lang="nl">{english["meters"][0]["label"]}</span>' in page
    assert '<html lang="en">' in page and '<span lang="nl">' not in page.split("<body")[0]
    for same in (build_report(deck, teams, lang="nl"),
                 build_report(bilingual, teams_of(bilingual, tmp_path / "other"), lang="en")):
        assert same["deck"]["lang"] == same["lang"]
        assert "<span lang=" not in render_html(same)
