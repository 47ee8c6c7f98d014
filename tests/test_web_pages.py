"""The pages the game writes for a browser, checked in a real one (tests/browser.py).

One three-team workshop plays a whole term of the bundled deck through a WorkshopMatch and its
journal, with vote splits and notes, and its ``report.html`` is written as the debrief exports
it; one council member plays the council deck alone and gets ``summary.html``. Each page must
pass axe-core (WCAG 2.1 A and AA, and axe's best practices) with no violation at a laptop's
width and at a phone's (every rule at both, colour contrast included), without scrolling the
page sideways; the report must be reachable by keyboard alone and print on at most six A4
pages. Screenshots of both widths are kept in the
test's folder for a person to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, BrowserMissing, executable
from conftest import DEFAULT_DECK, ROOT, load
from game.authoring.loader import load_deck
from game.reports.content import report_for_match
from game.reports.files import write_report
from game.reports.summary import build_summary, write_summary
from game.rules.session import Session
from game.table.journal import Journal
from game.table.workshop_match import WorkshopMatch

TEAMS = ["Team Rood", "Team Blauw", "Team Groen"]
NOTE = "Rood en Groen kozen anders; Blauw twijfelde lang over wat dit voor de raad betekent."
MOST_PAGES = 6


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """A whole term's three-team workshop report and an onboarding summary, written once."""
    folder = tmp_path_factory.mktemp("pages")
    deck = load(DEFAULT_DECK)
    journal = Journal.open(folder / "data")
    try:
        match = WorkshopMatch.start(deck, "scenarios/digitaal-leiderschap", "nl", TEAMS,
                                    journal, seed=11)
        while not match.workshop.is_over:
            card, round_no = match.workshop.current_card, match.workshop.round
            for team in match.workshop.waiting:
                option = card.options[(team + round_no) % len(card.options)]
                match.choose(team, option.id, {o.id: (2 * team + 3 * i + round_no) % 5
                                               for i, o in enumerate(card.options)})
            if round_no % 3 == 2:
                match.note(NOTE)
            match.advance()
        assert match.workshop.round >= 10, "the workshop ended early"
        written = write_report(report_for_match(match, "nl"), folder / "report")
    finally:
        journal.close()
    council = load_deck(ROOT / "scenarios" / "raadsleden").deck
    session = Session.new(council, 5)
    while not session.is_over:
        card = session.current_card
        session.choose(card.options[session.round % len(card.options)].id)
        session.advance()
    summary = write_summary(build_summary(council, session.to_dict(), "nl"), folder / "summary")
    return {"report": written["html"], "summary": summary}


def _described(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at "
                     f"{[n['target'] for n in v['nodes'][:4]]}" for v in violations)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("name", ["report", "summary"])
def test_the_page_has_no_accessibility_violation_and_fits_the_width(browser, pages, name,
                                                                    width):
    visit = browser.open(pages[name], width)
    violations = visit.axe()  # every rule at both widths, contrast included
    assert not violations, _described(violations)
    assert visit.page_overflow() == 0, "the page scrolls sideways"
    shot = visit.screenshot(pages[name].parent / f"{name}-{width}.png")
    assert shot.stat().st_size > 10_000


def test_every_section_and_every_wide_table_is_reached_by_keyboard(browser, pages):
    visit = browser.open(pages["report"], DESKTOP)
    focused = visit.tab_through()
    page = visit.page
    sections = page.eval_on_selector_all("main > section", "s => s.map(e => e.id)")
    assert len(sections) == 8
    links = [f["href"] for f in focused if f["tag"] == "a"]
    assert links[:len(sections)] == [f"#{s}" for s in sections]
    # Following each link by keyboard brings its section into view.
    for section in sections:
        page.focus(f'nav.toc a[href="#{section}"]')
        page.keyboard.press("Enter")
        assert page.evaluate("id => { const r = document.getElementById(id)"
                             ".getBoundingClientRect(); return location.hash === '#' + id && "
                             "r.top < innerHeight / 2 && r.bottom > 0; }", section), section
    # Everything that scrolls sideways is a labelled region that Tab stops at.
    regions = page.eval_on_selector_all(
        ".scroll", "rs => rs.filter(r => !r.closest('details:not([open])')).map(r => "
                   "[r.getAttribute('role'), r.getAttribute('tabindex'), "
                   "r.getAttribute('aria-label') || r.getAttribute('aria-labelledby')])")
    assert regions and all(r == ["region", "0", r[2]] and r[2] for r in regions), regions
    reached = [f for f in focused if f["role"] == "region"]
    assert len(reached) == len(regions)
    assert all(f["contains_table"] for f in reached)
    # The numbers behind each chart open from a stop of their own.
    assert [f["tag"] for f in focused].count("summary") == 3
    tables = page.eval_on_selector_all(
        "main table", "ts => ts.filter(t => !t.closest('details:not([open])')).map(t => "
                      "!!t.closest('.scroll') || !!t.closest('.team-card'))")
    assert tables and all(tables)
    # Focus is visible on every stop.
    assert all(f["outline"] for f in focused), [f for f in focused if not f["outline"]]


def test_a_three_team_report_prints_on_at_most_six_pages(browser, pages):
    visit = browser.open(pages["report"], DESKTOP)
    count = visit.pdf_pages(pages["report"].parent / "report.pdf")
    assert 3 <= count <= MOST_PAGES, f"{count} pages"


def test_without_chromium_the_tests_fail_saying_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BrowserMissing) as missing:
        executable()
    assert "apt-get install -y chromium" in str(missing.value)
    assert os.environ["PATH"] == str(tmp_path)
