"""Phones voting in a real workshop: the game itself, headless, started from the command line
with ``--phones``, voted on from outside over HTTP while it plays, and killed with kill -9."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from phonehttp import call, new_device, vote
from game.language.catalog import load_catalog
from game.table.journal import FILE_NAME, Journal

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
DECK = ROOT / "scenarios" / "digitaal-leiderschap"
TIMEOUT = 90.0


#: Seconds autoplay stays on each screen in the kill test: the title, then the first card, on
#: which the test votes within a second of its opening.
HOLD = "8"


def workshop(data: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "main.py", str(DECK), "--mode", "workshop", "--teams", "2",
         "--rounds", "1", "--phones", "--bind", "127.0.0.1", "--headless", "--autoplay",
         "--seed", "5", "--data-dir", str(data), "--out", str(out), *extra],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def join_address(out: Path, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        path = out / "join.txt"
        if path.exists() and path.read_text(encoding="utf-8").strip():
            return path.read_text(encoding="utf-8").splitlines()[0]
        if process.poll() is not None:
            pytest.fail(f"the workshop ended before it served phones: {process.stderr.read()}")
        time.sleep(0.05)
    pytest.fail("no join address was written")


def open_card(join: str) -> dict:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        state = call(join + "/state").json()
        if state["open"]:
            return state
        time.sleep(0.05)
    pytest.fail("no card opened for voting")


def decisions(data: Path) -> list[dict]:
    db = sqlite3.connect(f"{(data / FILE_NAME).as_uri()}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT payload FROM events WHERE kind = 'decide' ORDER BY id")
        return [json.loads(payload) for (payload,) in rows]
    finally:
        db.close()


def test_the_room_votes_by_phone_while_the_workshop_plays(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    process = workshop(data, out, "--step-delay", "1.5")
    try:
        join = join_address(out, process)
        assert join.startswith("http://127.0.0.1:") and "/r/" in join
        state = open_card(join)
        first, second = (o["id"] for o in state["options"][:2])
        for option in (first, first, second):
            assert vote(join, 0, option, new_device(), card=state["card"]["id"]).status == 200
        assert process.wait(timeout=TIMEOUT) == 0, process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert join in process.stdout.read(), "the join address is printed"
    red = next(d for d in decisions(data) if d["team"] == 0)
    assert {o: n for o, n in red["votes"].items() if n} == {first: 2, second: 1}
    assert red["option"] == first
    with pytest.raises(OSError):  # the server runs only while the workshop runs
        call(join + "/state")
    report_counts_the_phones(data, tmp_path / "report", state["card"]["id"])


def report_counts_the_phones(data: Path, folder: Path, card: str) -> None:
    """The debrief, exported from the journal as a facilitator does, counts the phones that
    took part and says which decision's split came from phones (team 0's three, not team 1's
    counted by hand)."""
    journal = Journal.open(data)
    try:
        [session] = [s.id for s in journal.sessions()]
    finally:
        journal.close()
    exported = subprocess.run(
        [sys.executable, "main.py", "report", str(session), "--out", str(folder),
         "--data-dir", str(data)], cwd=ROOT, env=ENV, capture_output=True, text=True,
        timeout=TIMEOUT)
    assert exported.returncode == 0, exported.stderr
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["session"]["phones"] == {"devices": 3, "votes": 3}
    red, blue = ([d for d in team["decisions"] if d["card"] == card]
                 for team in report["teams"])
    assert red[0]["phones"] == 3 and red[0]["votes_total"] == 3
    assert "phones" not in blue[0], "a team counted by hand is not said to have used phones"
    with open(folder / "decisions.csv", encoding="utf-8-sig", newline="") as sheet:
        rows = [row for row in csv.DictReader(sheet) if row["card_id"] == card]
    assert [row["phone_votes"] for row in rows] == ["3", ""]
    page = (folder / "report.html").read_text(encoding="utf-8")
    words = load_catalog("nl").section("report")
    assert (f"<dt>{words['phones']}</dt><dd>"
            f"{words['phones_participants_other'].format(n=3)} · "
            f"{words['phone_votes_other'].format(n=3)}</dd>") in page
    assert page.count(words["phone_votes_other"].format(n=3)) == 2  # the overview, red's card


@pytest.mark.skipif(sys.platform == "win32", reason="needs kill -9")
def test_a_killed_workshop_keeps_every_acknowledged_vote_and_its_room(tmp_path):
    data = tmp_path / "data"
    process = workshop(data, tmp_path / "first", "--step-delay", HOLD)
    try:
        join = join_address(tmp_path / "first", process)
        state = open_card(join)
        device, option = new_device(), state["options"][1]["id"]
        assert vote(join, 1, option, device).status == 200  # acknowledged: it is on disk
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    again = subprocess.Popen(
        [sys.executable, "main.py", "--resume", "--phones", "--bind", "127.0.0.1", "--headless",
         "--autoplay", "--step-delay", HOLD, "--data-dir", str(data), "--out",
         str(tmp_path / "second")],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert join_address(tmp_path / "second", again) == join, "same room, same port"
        state = open_card(join)
        mine = call(join + "/state", headers={"X-Device": device}).json()["mine"]
        assert mine == {"team": 1, "option": option}
    finally:
        again.send_signal(signal.SIGKILL)
        again.wait(timeout=10)
