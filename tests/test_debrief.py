"""The debrief, driven headless with real pygame events: pages, clicker keys, clicks, taps,
the export and its errors, and every page laid out at projector sizes.

Checks are on state and on what text is drawn where (the debrief's canvas records every text
it draws with its rectangle), not on pixels.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
# uihelpers first: it points SDL at its dummy drivers before pygame loads
import uihelpers
from uihelpers import click, key, tap

import pygame
from conftest import DEFAULT_DECK, ROOT, load
from game.reports.files import CSV_FILE, HTML_FILE, JSON_FILE

pytestmark = pytest.mark.usefixtures("pygame_display")

TITLES_NL = ["De meters door de tijd", "De driehoek", "Alle besluiten", "De negen aspecten",
             "Vragen voor het gesprek", "Waarom bewogen de meters?",
             "De vier aanbevelingen uit het essay"]
TITLES_EN = ["The meters over time", "The triangle", "Every decision", "The nine aspects",
             "Questions for the discussion", "Why did the meters move?",
             "The essay's four recommendations"]
NOTE = "Lang gesproken over de AVG; de FG moet er eerder bij."
NAMES = ["Rood", "Blauw", "Groen", "Geel", "Paars", "Oranje"]


@pytest.fixture(scope="module")
def deck():
    return load(DEFAULT_DECK)


# --------------------------------------------------------------------------- set-up
def make_app(tmp_path: Path, size=(1280, 720), **overrides):
    """The title screen over the bundled decks, reports written to ``tmp_path``."""
    values = dict(deck=None, scenarios_dir=ROOT / "scenarios", out_dir=tmp_path / "out")
    values.update(overrides)
    return uihelpers.make_app(tmp_path, size, **values)


def votes_for(card, team: int, round_no: int) -> dict[str, int]:
    return {option.id: (team + i + round_no) % 4 for i, option in enumerate(card.options)}


def play_workshop(deck, journal, teams: int = 2, seed: int = 11, rounds: int | None = None):
    """A workshop through WorkshopMatch: every team votes on every card; round 1 gets a note."""
    from game.table.workshop_match import WorkshopMatch

    match = WorkshopMatch.start(deck, str(deck.folder), "nl", NAMES[:teams], journal, seed=seed)
    while not match.workshop.is_over:
        if rounds is not None and match.workshop.round > rounds:
            break
        card = match.workshop.current_card
        for team in match.workshop.waiting:
            option = card.options[(team + match.workshop.round) % len(card.options)]
            match.choose(team, option.id, votes_for(card, team, match.workshop.round))
        if match.workshop.round == 1:
            match.note(NOTE)
        match.advance()
    return match


def open_debrief(app, match):
    from game.ui.debrief.scene import DebriefScene

    scene = DebriefScene(app, match)
    app.push(scene)
    app.render()
    return scene


def page_texts(app, scene) -> list[str]:
    """Every text on every step of the page shown now (walking its steps, then back)."""
    page = scene.page
    seen = []
    scene.go(page, 0)
    app.render()
    for step in range(scene.current.steps):
        scene.go(page, step)
        app.render()
        seen += scene.texts
    scene.go(page, 0)
    app.render()
    return seen


# --------------------------------------------------------------------------- moving
def test_pages_follow_the_clicker_and_the_page_buttons(deck, tmp_path):
    from game.ui.debrief.scene import DebriefScene
    from game.ui.start.title import TitleScene

    app = make_app(tmp_path)
    match = play_workshop(deck, app.journal)
    scene = open_debrief(app, match)
    assert isinstance(app.scene, DebriefScene)
    assert scene.title == TITLES_NL[0] and TITLES_NL[0] in scene.texts

    # PageDown walks every step of every page, in order, and stops at the end.
    seen = [(scene.page, scene.step)]
    for _ in range(200):
        key(app, pygame.K_PAGEDOWN)
        if (scene.page, scene.step) == seen[-1]:
            break
        seen.append((scene.page, scene.step))
    pages = [page for page, _ in seen]
    assert pages == sorted(pages) and set(pages) == set(range(7))
    assert len(seen) == sum(p.steps for p in scene.pages)
    assert scene.pages[2].steps > 1, "twelve cards for two teams do not fit on one screen"
    assert not scene.button("next").enabled
    # PageUp walks back the same way.
    back = [(scene.page, scene.step)]
    for _ in range(len(seen) - 1):
        key(app, pygame.K_PAGEUP)
        back.append((scene.page, scene.step))
    assert back == seen[::-1]
    assert not scene.button("previous").enabled

    # Right, Space and Left are clicker keys too; a number jumps to a page; Home and End.
    key(app, pygame.K_RIGHT)
    assert scene.page == 1 and scene.title == TITLES_NL[1]
    key(app, pygame.K_SPACE)
    assert (scene.page, scene.step) == (2, 0) and scene.title == TITLES_NL[2]
    key(app, pygame.K_LEFT)
    assert scene.page == 1
    key(app, pygame.K_4, "4")
    assert scene.page == 3 and scene.title == TITLES_NL[3]
    key(app, pygame.K_7, "7")
    assert scene.page == 6 and scene.title == TITLES_NL[6]
    key(app, pygame.K_END)
    assert scene.page == 6
    key(app, pygame.K_HOME)
    assert (scene.page, scene.step) == (0, 0)

    # Every page button by mouse, and the arrows by touch.
    for number, title in enumerate(TITLES_NL, start=1):
        click(app, scene.button(f"page-{number}").rect.center)
        assert scene.page == number - 1 and scene.title == title
        assert title in scene.texts
    tap(app, scene.button("previous").rect.center)
    assert (scene.page, scene.step) == (5, scene.pages[5].steps - 1)
    tap(app, scene.button("next").rect.center)
    assert (scene.page, scene.step) == (6, 0)

    # Esc (and the back button) dismiss the debrief, back to the screen below.
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)
    scene = open_debrief(app, match)
    click(app, scene.button("back").rect.center)
    assert isinstance(app.scene, TitleScene)
    app.close()


def test_the_clicker_goes_through_a_long_page_before_the_next(deck, tmp_path):
    app = make_app(tmp_path)
    scene = open_debrief(app, play_workshop(deck, app.journal))
    key(app, pygame.K_3, "3")
    steps = scene.current.steps
    for step in range(1, steps):
        key(app, pygame.K_PAGEDOWN)
        assert (scene.page, scene.step) == (2, step)
        assert f"van {len(scene.pages[2].blocks)}" in scene.current.pager(step)
    key(app, pygame.K_PAGEDOWN)
    assert (scene.page, scene.step) == (3, 0)
    key(app, pygame.K_PAGEUP)
    assert (scene.page, scene.step) == (2, steps - 1), "back lands on the last step"
    app.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False, touch=False))
    app.render()
    assert (scene.page, scene.step) == (2, steps - 2), "the wheel walks the steps of a page"
    app.close()


# --------------------------------------------------------------------------- content
def test_every_decision_shows_its_vote_split_and_the_note(deck, tmp_path):
    from game.ui.debrief.tables import vote_parts

    app = make_app(tmp_path)
    match = play_workshop(deck, app.journal)
    scene = open_debrief(app, match)
    key(app, pygame.K_3, "3")
    texts = page_texts(app, scene)
    report = scene.report
    for team in report["teams"]:
        assert team["name"] in texts
        for decision in team["decisions"]:
            letters = "ABC"
            split = " · ".join(f"{letters[o['position'] - 1]} {o['votes']}"
                               for o in decision["options"])
            assert split in texts, split
            assert decision["option_label"] in texts
    assert f"Notitie: {NOTE}" in texts
    first = report["teams"][0]["decisions"][0]
    parts = vote_parts(first, "ink", "muted")
    bold = [text for text, weight, _ in parts if weight == "bold"]
    chosen = next(o for o in first["options"] if o["chosen"])
    assert bold == [f"{'ABC'[chosen['position'] - 1]} {chosen['votes']}"], "only the choice is bold"
    app.close()


def test_the_other_pages_show_their_content(deck, tmp_path):
    app = make_app(tmp_path)
    match = play_workshop(deck, app.journal)
    scene = open_debrief(app, match)
    report = scene.report
    texts = page_texts(app, scene)
    for team in report["teams"]:
        assert team["name"] in texts
        for meter in report["meters"]:
            assert str(team["final_meters"][meter["id"]]) in texts, "values at the lines' ends"
    assert "Ronde" in texts and "Waarde" in texts, "both axes are labelled"

    key(app, pygame.K_2, "2")
    texts = page_texts(app, scene)
    for team in report["teams"]:
        assert team["end_title"] in texts
        for meter in report["meters"]:
            assert f"{meter['short']} {team['final_meters'][meter['id']]}" in texts

    key(app, pygame.K_4, "4")
    texts = page_texts(app, scene)
    assert all(aspect["label"] in texts for aspect in report["aspects"])
    assert any(t.startswith(("▲", "▼")) for t in texts)

    key(app, pygame.K_5, "5")
    texts = page_texts(app, scene)
    assert report["discussion"], "this game lost somewhere"
    for entry in report["discussion"]:
        assert entry["question"] in texts and entry["label"] in texts
        for team in entry["teams"]:
            assert any(t.startswith(team["team"] + " (") for t in texts)
    app.close()


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"\u2212{-value}" if value < 0 else "0"


def _no_overlap(drawn):
    """Texts drawn on a page that overlap: a sign that one ran into the next."""
    return [(a, b) for i, (a, ra) in enumerate(drawn) for b, rb in drawn[i + 1:]
            if ra.colliderect(rb)]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_why_page_traces_each_team_and_the_advice_page_judges_it(deck, tmp_path, size):
    app = make_app(tmp_path, size=size)
    scene = open_debrief(app, play_workshop(deck, app.journal, teams=3))
    report = scene.report
    key(app, pygame.K_6, "6")
    assert scene.title == "Waarom bewogen de meters?" and scene.current.steps == 3
    origins = 0
    for step, team in enumerate(report["teams"]):
        scene.go(5, step)
        app.render()
        texts = scene.texts
        assert team["name"] in texts and f"Team {step + 1} van 3" in texts
        for meter in report["meters"]:
            top = team["causes"][meter["id"]][0]
            assert report["labels"]["cards"][top["card"]] in texts
            assert f"R{top['round']}" in texts and _signed(top["delta"]) in texts
            for cause in team["causes"][meter["id"]][:2]:
                origin = cause["scheduled_by"]
                if origin and report["labels"]["cards"][cause["card"]] in texts:
                    card = report["labels"]["cards"][origin["card"]]
                    assert f"← R{origin['round']}: {card}" in texts
                    origins += 1
        assert not _no_overlap(scene.text_rects())
    assert origins, "this game has a follow-up among the decisions that moved a meter most"

    key(app, pygame.K_7, "7")
    for step, team in enumerate(report["teams"]):
        scene.go(6, step)
        app.render()
        texts = scene.texts
        for rec in team["recommendations"]:
            assert rec["title"] in texts and rec["verdict_label"] in texts
            assert rec["reason"] in texts or rec["summary"] in texts
        shown = [r["shown"][0] for r in team["recommendations"] if r["shown"]]
        assert shown and any(report["labels"]["cards"][d["card"]] in t
                             for d in shown for t in texts)
        assert not _no_overlap(scene.text_rects())
    verdicts = {r["verdict"] for t in report["teams"] for r in t["recommendations"]}
    assert {"followed", "short"} <= verdicts
    app.close()


# --------------------------------------------------------------------------- export
def test_x_writes_the_three_files_and_says_where(deck, tmp_path):
    app = make_app(tmp_path)
    scene = open_debrief(app, play_workshop(deck, app.journal))
    key(app, pygame.K_x, "x")
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} == {HTML_FILE, JSON_FILE, CSV_FILE}
    assert scene.exported == out and scene.export_error is None
    assert any(str(out) in t and "Verslag bewaard" in t for t in scene.texts)
    click(app, scene.button("export").rect.center)
    assert scene.exported == out, "exporting again writes over the same files"
    app.close()


def test_an_unwritable_folder_shows_the_error_instead_of_crashing(deck, tmp_path):
    blocker = tmp_path / "geen-map.txt"
    blocker.write_text("een bestand, geen map", encoding="utf-8")
    target = blocker / "verslag"
    app = make_app(tmp_path, out_dir=target)
    scene = open_debrief(app, play_workshop(deck, app.journal))
    key(app, pygame.K_x, "x")
    assert scene.exported is None
    assert scene.export_error and str(target) in scene.export_error
    assert "bestand waar een map" in scene.export_error
    assert scene.export_error in scene.texts
    from game.ui.debrief.exporting import ExportError, export_reports

    with pytest.raises(ExportError) as raised:
        export_reports(app, scene.match)
    assert isinstance(raised.value, OSError), "a guard against failing writes catches it too"
    assert str(raised.value) == scene.export_error
    key(app, pygame.K_PAGEDOWN)
    assert scene.page == 1, "the debrief goes on"
    app.close()


def test_without_a_folder_the_report_goes_to_documents_or_else_the_data_folder(
        deck, tmp_path, monkeypatch):
    from game.ui.debrief import exporting

    app = make_app(tmp_path, out_dir=None)
    match = play_workshop(deck, app.journal, rounds=2)
    name = f"{date.today().isoformat()}-{deck.id}-sessie-{match.session_id}"
    documents = tmp_path / "Documenten"
    monkeypatch.setattr(exporting, "documents_dir", lambda: documents)
    # a chosen data folder keeps the reports too
    folder = exporting.export_reports(app, match)
    assert folder == tmp_path / "data" / "verslagen" / name
    assert (folder / HTML_FILE).is_file()
    # the operating system's data folder: the reports go to the documents folder
    monkeypatch.setattr(exporting, "is_chosen_data_dir", lambda folder: False)
    folder = exporting.export_reports(app, match)
    assert folder == documents / "Dilemmaspel" / name
    assert (folder / HTML_FILE).is_file()

    documents.rename(tmp_path / "weg")
    documents.write_text("geen map", encoding="utf-8")
    folder = exporting.export_reports(app, match)
    assert folder == tmp_path / "data" / "verslagen" / name
    assert (folder / CSV_FILE).is_file()
    match.session_id = None
    assert exporting.folder_name(match, date(2025, 3, 14)) == \
        f"2025-03-14-{deck.id}-sessie-los"
    app.close()


# --------------------------------------------------------------------------- the data
def test_report_for_match_tells_what_the_journal_tells(deck, tmp_path):
    from game.table.journal import Journal
    from game.table.match import Match
    from game.reports.content import build_report, report_for_match, teams_from_journal

    journal = Journal.open(tmp_path / "data")
    match = play_workshop(deck, journal, teams=3)
    live = report_for_match(match, "nl")
    saved = build_report(deck, teams_from_journal(journal, [match.session_id]), lang="nl")
    assert [t["name"] for t in live["teams"]] == ["Rood", "Blauw", "Groen"]
    for a, b in zip(live["teams"], saved["teams"]):
        assert a["decisions"] == b["decisions"]
        assert a["final_meters"] == b["final_meters"] and a["end_title"] == b["end_title"]
        assert a["status"] == b["status"] == "finished"
    assert live["aspects"] == saved["aspects"] and live["discussion"] == saved["discussion"]
    assert any(d["note"] == NOTE for d in live["teams"][0]["decisions"])

    # A single game keeps its votes in its state too; the live report finds them.
    single = Match.start(deck, str(deck.folder), "nl", journal, seed=4)
    for _ in range(3):
        card = single.session.current_card
        single.choose(card.options[1].id, votes=votes_for(card, 0, single.session.round))
        single.advance()
    live = report_for_match(single, "en")
    saved = build_report(deck, teams_from_journal(journal, [single.session_id]), lang="en")
    assert live["teams"][0]["decisions"] == saved["teams"][0]["decisions"]
    assert live["teams"][0]["decisions"][0]["votes"] is not None
    # Without a journal the state still has them.
    loose = Match(single.session, single.deck_path, "nl")
    assert report_for_match(loose, "en")["teams"][0]["decisions"] == \
        live["teams"][0]["decisions"]
    journal.close()


def test_a_single_game_has_a_debrief_too(deck, tmp_path):
    from game.table.match import Match

    app = make_app(tmp_path)
    match = Match.start(deck, str(deck.folder), "nl", app.journal, seed=3)
    for _ in range(4):  # opened from the menu in the middle of the game
        match.choose(match.session.current_card.options[0].id)
        match.advance()
    scene = open_debrief(app, match)
    assert [p.title() for p in scene.pages] == TITLES_NL
    for number in range(1, 6):
        key(app, getattr(pygame, f"K_{number}"), str(number))
        texts = page_texts(app, scene)
        assert scene.title in texts
    key(app, pygame.K_2, "2")
    assert "Sessie nog niet afgerond" in page_texts(app, scene)
    key(app, pygame.K_3, "3")
    texts = page_texts(app, scene)
    labels = [d["option_label"] for d in scene.report["teams"][0]["decisions"]]
    assert len(labels) == 4 and all(label in texts for label in labels)
    assert not any(t.startswith("A ") and " · B " in t for t in texts), "no votes to show"

    while not match.session.is_over:
        match.choose(match.session.current_card.options[0].id)
        match.advance()
    app.pop()
    scene = open_debrief(app, match)
    key(app, pygame.K_2, "2")
    ending = match.session.ending
    assert ending is not None and app.local(ending.title) in scene.texts
    key(app, pygame.K_x, "x")
    assert (tmp_path / "out" / HTML_FILE).is_file()
    app.close()


# --------------------------------------------------------------------------- layout
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
@pytest.mark.parametrize("teams", [2, 6])
def test_every_page_fits_the_window(deck, tmp_path, size, teams):
    app = make_app(tmp_path, size=size)
    scene = open_debrief(app, play_workshop(deck, app.journal, teams=teams))
    L = scene.layout
    window = pygame.Rect(0, 0, *size)
    for rect in L.rects():
        assert window.contains(rect), rect
    buttons = L.buttons()
    for i, a in enumerate(buttons):
        for b in buttons[i + 1:]:
            assert not a.colliderect(b), (a, b)
    assert not L.panel.colliderect(L.back) and not L.panel.colliderect(L.export)
    assert L.status.width > 0
    m = app.metrics
    if size[1] >= 1080:
        assert m.body >= 28
    for page in range(len(scene.pages)):
        for step in range(scene.pages[page].steps):
            scene.go(page, step)
            app.render()
            for text, rect in scene.text_rects():
                assert window.contains(rect), (page, step, text, rect)
                assert (L.body.contains(rect) or L.frame.band.contains(rect)
                        or L.status.contains(rect)), (page, step, text, rect)
    app.close()


def test_redraws_only_when_something_changes(deck, tmp_path):
    app = make_app(tmp_path)
    scene = open_debrief(app, play_workshop(deck, app.journal, rounds=3))
    assert not app.dirty and not scene.animating
    layer = scene._layer
    app.update(0.5)
    app.render()
    assert scene._layer is layer, "an unchanged page is not drawn again"
    key(app, pygame.K_PAGEDOWN)
    assert scene._layer is not layer
    app.close()


def test_the_debrief_follows_the_table_language(deck, tmp_path):
    app = make_app(tmp_path)
    scene = open_debrief(app, play_workshop(deck, app.journal, rounds=4))
    app.set_language("en")
    app.render()
    assert [p.title() for p in scene.pages] == TITLES_EN
    assert scene.report["lang"] == "en" and "Export report (X)" in scene.texts
    app.close()
