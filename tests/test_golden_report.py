"""A reviewed report.json for one fixed workshop, checked in as tests/golden/workshop-report.json.

Three teams (Noord, Oost, Zuid) play four rounds of the bundled deck under seed 11, through a
WorkshopMatch and its journal; each team picks option (team + round) of every card and the votes
are a fixed function of team, round and option. The report is written as the debrief exports it
(report_for_match, then write_report) and its report.json must equal the golden file.

Only what legitimately differs between runs is masked: the dates (``generated``, and
``created``/``updated`` of the session and of each team), which are the clock at the time the
test runs, and the deck hash (in ``session.deck``, ``deck`` and each team), a hash of the deck's
file bytes that changes with the line endings of a checkout; it is checked against the hash of
the deck as loaded before it is masked. Everything else must match.

To accept an intended change: ``pytest tests/test_golden_report.py --regenerate-golden`` rewrites
the file and prints the diff (see conftest.py); review the diff before committing it.
"""

from __future__ import annotations

import json

from conftest import DEFAULT_DECK, TESTS, load
from game.reports.content import report_for_match
from game.reports.files import JSON_FILE, write_report
from game.table.journal import Journal
from game.table.workshop_match import WorkshopMatch

GOLDEN = TESTS / "golden" / "workshop-report.json"
NAMES = ["Noord", "Oost", "Zuid"]
SEED = 11
ROUNDS = 4
NOTE = "Noord en Zuid kozen anders; Oost twijfelde lang."
MASK = "<masked, see tests/test_golden_report.py>"


def votes_for(card, team: int, round_no: int) -> dict[str, int]:
    return {option.id: (2 * team + 3 * i + round_no) % 5 for i, option in enumerate(card.options)}


def play(tmp_path):
    deck = load(DEFAULT_DECK)
    journal = Journal.open(tmp_path / "data")
    match = WorkshopMatch.start(deck, "scenarios/digitaal-leiderschap", "nl", NAMES, journal,
                                seed=SEED, term=ROUNDS)
    while not match.workshop.is_over:
        card, round_no = match.workshop.current_card, match.workshop.round
        for team in match.workshop.waiting:
            option = card.options[(team + round_no) % len(card.options)]
            match.choose(team, option.id, votes_for(card, team, round_no))
        if round_no == 2:
            match.note(NOTE)
        match.advance()
    return match, journal


def masked(report: dict, deck_hash: str) -> dict:
    report["generated"] = MASK
    for part in [report["session"], *report["teams"]]:
        for field in ("created", "updated"):
            assert part[field], f"{field} is empty"
            part[field] = MASK
    for part, field in [(report["session"]["deck"], "hash"), (report["deck"], "hash"),
                        *((team, "deck_hash") for team in report["teams"])]:
        assert part[field] == deck_hash
        part[field] = MASK
    return report


def test_the_workshop_report_matches_the_reviewed_golden_file(tmp_path, golden):
    match, journal = play(tmp_path)
    try:
        write_report(report_for_match(match, "nl"), tmp_path / "out")
    finally:
        journal.close()
    report = json.loads((tmp_path / "out" / JSON_FILE).read_text(encoding="utf-8"))
    report = masked(report, match.deck.content_hash)
    golden(GOLDEN, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
