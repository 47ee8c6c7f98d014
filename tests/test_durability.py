"""A killed game loses no confirmed decision: real processes, real kill -9, real resume."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from journalpoll import decisions_in_journal, wait_for_decisions
from game.table.journal import Journal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs kill -9")

SEED = 21
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def autoplay(data, out, *extra):
    return [sys.executable, "main.py", "play", "--headless", "--autoplay", "--seed", str(SEED),
            "--data-dir", str(data), "--out", str(out), *extra]


def journalled_decisions(data) -> list[tuple[int, str]]:
    """(decisions, status) of every session in the journal, oldest first."""
    journal = Journal.open(data)
    try:
        return [(s.decisions, s.status) for s in sorted(journal.sessions(), key=lambda s: s.id)]
    finally:
        journal.close()


def rounds(out):
    record = json.loads((out / "session.json").read_text(encoding="utf-8"))
    record.pop("written")
    return record


def test_kill_9_at_random_moments_then_resume_gives_the_uninterrupted_game(tmp_path):
    straight = tmp_path / "straight"
    subprocess.run(autoplay(straight / "data", straight), cwd=ROOT, env=ENV, check=True,
                   timeout=120)

    killed = tmp_path / "killed"
    moments = random.Random(5)
    kills = 0
    first = True
    saved_after_kills, seen_before_kills = [], []
    while kills < 4:
        extra = ["--step-delay", "0.15"] + ([] if first else ["--resume"])
        # Each run is killed once it has journalled one or two new decisions, at a random
        # moment of the steps that follow; never after a set time, which on a busy machine can
        # pass before the game has decided anything.
        target = decisions_in_journal(killed / "data") + moments.randint(1, 2)
        process = subprocess.Popen(autoplay(killed / "data", killed, *extra), cwd=ROOT, env=ENV,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_for_decisions(killed / "data", target, process):
            break  # the game ended before this kill: nothing left to interrupt
        time.sleep(moments.uniform(0.0, 0.3))
        if process.poll() is not None:
            break
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        kills += 1
        first = False
        seen_before_kills.append(target)
        saved_after_kills.append(journalled_decisions(killed / "data"))
    assert kills >= 2, "the game must have been killed at least twice"
    subprocess.run(autoplay(killed / "data", killed, "--resume"), cwd=ROOT, env=ENV, check=True,
                   timeout=120)
    assert rounds(killed) == rounds(straight)
    # One session throughout, resumed after every kill and never started anew: what a kill left
    # behind was still there after the next one, and that session played to the end.
    assert all(len(after) <= 1 for after in saved_after_kills)
    counts = [after[0][0] for after in saved_after_kills if after]
    assert len(counts) == kills, "every kill left the session behind"
    assert all(count >= seen for count, seen in zip(counts, seen_before_kills)), \
        "a decision seen in the journal before a kill is still there after it"
    first_session = journalled_decisions(killed / "data")[0]
    assert first_session == (len(rounds(straight)["rounds"]), "finished")
