"""The phone voting page in a real browser (tests/browser.py): the system Chromium opens the
join address of a real phone room, served for a journalled workshop of the bundled deck, as a
phone does (390 x 844, touch) and as a laptop does (1280 px wide).

Through the page, by taps and clicks, a participant picks a team and an option, changes the
option, and sees the vote close when the facilitator closes it on the game's side; the game's
ballot must hold exactly what was tapped. Every state the page shows (no team yet; the team
chosen with the card's options; voted; closed) must pass axe-core with no violation, in Dutch
and in English, and must not scroll sideways. Screenshots of each state at both widths are
kept in the test's folder for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, Visit
from conftest import DEFAULT_DECK, load
from game.language.catalog import load_catalog
from game.language.texts import localize
from game.phones.room import PhoneRoom
from game.reports.content import report_for_match
from game.reports.files import write_report
from game.table.journal import Journal
from game.table.workshop_match import WorkshopMatch

TEAMS = {"nl": ["Team Rood", "Team Groen", "Team Blauw"],
         "en": ["Red team", "Green team", "Blue team"]}
#: How long the page may take to show what the game did (milliseconds).
WAIT_MS = 5000


@pytest.fixture(params=["nl", "en"])
def room(request, tmp_path):
    lang = request.param
    journal = Journal.open(tmp_path / "data")
    match = WorkshopMatch.start(load(DEFAULT_DECK), "scenarios/digitaal-leiderschap", lang,
                               TEAMS[lang], journal, seed=3)
    phones = PhoneRoom.start(match, "127.0.0.1", 0)
    yield phones
    phones.stop()
    match.release()
    journal.close()


def _described(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at "
                     f"{[n['target'] for n in v['nodes'][:4]]}" for v in violations)


class Phone:
    """One browser on the join address: a phone (touch, 390 px) or a laptop (1280 px)."""

    def __init__(self, browser, url: str, width: int, shots: Path, lang: str):
        touch = width == PHONE
        self.context = browser.browser.new_context(
            viewport={"width": width, "height": 844 if touch else 800},
            is_mobile=touch, has_touch=touch, device_scale_factor=2 if touch else 1,
            locale="nl-NL" if lang == "nl" else "en-GB")
        self.page = self.context.new_page()
        self.touch, self.width, self.shots, self.lang = touch, width, shots, lang
        self.page.goto(url)

    def press(self, name: str) -> None:
        button = self.page.get_by_role("button", name=name, exact=True)
        if self.touch:
            button.tap()
        else:
            button.click()

    def status(self, text: str) -> None:
        self.page.wait_for_function(
            "text => document.getElementById('status').textContent === text", arg=text,
            timeout=WAIT_MS)

    def check(self, state: str) -> None:
        """No axe violation, no sideways scrolling, and a screenshot of ``state``."""
        visit = Visit(self.page)
        violations = visit.axe()
        assert not violations, f"{state} at {self.width} px:\n{_described(violations)}"
        assert visit.page_overflow() == 0, f"{state} at {self.width} px scrolls sideways"
        assert self.page.evaluate("document.documentElement.lang") == self.lang
        visit.screenshot(self.shots / f"{self.lang}-{self.width}-{state}.png")

    def close(self) -> None:
        self.context.close()


def test_a_participant_votes_by_tapping_and_the_page_passes_axe(browser, room, tmp_path):
    lang = room.match.lang
    words = load_catalog(lang).section("phones")
    card = room.match.workshop.current_card
    first, second = (localize(o.label, lang) for o in card.options[:2])
    ids = [o.id for o in card.options]
    phone = Phone(browser, room.url, PHONE, tmp_path, lang)
    laptop = Phone(browser, room.url, DESKTOP, tmp_path, lang)
    try:
        for who, team in ((phone, 1), (laptop, 0)):
            who.status(words["choose_team_first"])
            assert who.page.title() == words["page_title"]
            who.check("team")
            who.press(TEAMS[lang][team])
            who.status(words["vote_now"])
            assert who.page.get_by_role("heading", level=2, name=localize(card.title, lang))
            who.check("options")
        phone.press(f"1. {first}")
        phone.status(words["counted"])
        assert room.ballot.tallies() == {1: {ids[0]: 1}}
        phone.check("voted")
        phone.press(f"2. {second}")
        phone.status(words["counted"])
        assert room.ballot.tallies() == {1: {ids[1]: 1}}, "the changed vote replaces the first"
        chosen = phone.page.get_by_role("button", name=f"2. {second}", exact=True)
        assert chosen.get_attribute("aria-pressed") == "true"
        laptop.press(f"2. {second}")
        laptop.status(words["counted"])
        laptop.check("voted")
        assert room.ballot.tallies() == {0: {ids[1]: 1}, 1: {ids[1]: 1}}
        assert room.close() == {0: {ids[1]: 1}, 1: {ids[1]: 1}}
        for who in (phone, laptop):
            who.status(words["closed_waiting"])
            assert not who.page.get_by_role("button", name=f"2. {second}").is_visible()
            who.check("closed")
    finally:
        phone.close()
        laptop.close()


@pytest.fixture(scope="module")
def phone_report(tmp_path_factory) -> Path:
    """The report.html of two rounds of a three-team workshop in which two teams voted by
    phone (seven phones took part) and one counted by hand."""
    folder = tmp_path_factory.mktemp("phone-report")
    journal = Journal.open(folder / "data")
    try:
        match = WorkshopMatch.start(load(DEFAULT_DECK), "scenarios/digitaal-leiderschap", "nl",
                                    TEAMS["nl"], journal, seed=3)
        for _ in range(2):
            card = match.workshop.current_card
            for team in match.workshop.waiting:
                votes = {o.id: (team + i) % 3 for i, o in enumerate(card.options)}
                match.choose(team, card.options[0].id, votes,
                             sum(votes.values()) if team < 2 else None)
            match.keep_phones_closed(match.workshop.round, card.id, 7)
            match.advance()
        report = report_for_match(match, "nl")
        assert report["session"]["phones"]["devices"] == 7
        return write_report(report, folder / "report")["html"]
    finally:
        journal.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_report_of_a_workshop_that_voted_by_phone_passes_axe(browser, phone_report,
                                                                 tmp_path, width):
    """The report's additions for phones (the participants in the overview, the phone votes
    under a decision's split) keep report.html free of axe violations at both widths."""
    visit = browser.open(phone_report, width)
    assert visit.page.get_by_text("7 deelnemers", exact=False).count() == 1
    assert visit.page.locator(".by-phone").count() == 4, "two teams, two rounds by phone"
    violations = visit.axe()
    assert not violations, _described(violations)
    assert visit.page_overflow() == 0, "the page scrolls sideways"
    visit.screenshot(tmp_path / f"report-{width}.png")
