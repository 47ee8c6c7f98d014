"""The command-line side of reports: list the journalled sessions, and export one as a report.

These functions print for people and return an exit status; they never let a traceback reach
the facilitator. A missing session or a deck that cannot be found is said in one plain line.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import IO, Iterable, Sequence

from game.format.deck import Deck
from game.authoring.yaml_reader import read_yaml
from game.reports.files import when, write_report
from game.table.journal import Journal, JournalError, SavedSession
from game.authoring.loader import DECK_FILE, discover_decks, load_deck
from game.reports.content import UnknownSession, build_report, saved_sessions, teams_from_saved
from game.language.texts import DEFAULT_LANGUAGE, KNOWN_LANGUAGES


def list_sessions(journal: Journal, out: IO[str] | None = None) -> int:
    """Print a table of every session in the journal, newest first (to ``out``, else stdout)."""
    out = out or sys.stdout
    try:
        sessions = journal.sessions()
    except (JournalError, sqlite3.Error) as exc:
        print(f"error: cannot read the journal: {exc}", file=sys.stderr)
        return 1
    if not sessions:
        print(f"There are no sessions in the journal ({journal.path}).", file=out)
        return 0
    header = ("id", "date", "deck", "status", "teams", "decisions", "seed")
    rows = [(str(s.id), _date(s.updated), s.deck_id, s.status, str(_team_count(s)),
             str(s.decisions), str(s.seed)) if not s.damaged else
            (str(s.id), _date(str(s.updated)), str(s.deck_id), "damaged", "-", "-", "-")
            for s in sessions]
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) for i in range(len(header))]
    numeric = {0, 4, 5, 6}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(widths[i]) if i in numeric else c.ljust(widths[i])
                         for i, c in enumerate(cells)).rstrip()

    print(line(header), file=out)
    print("  ".join("-" * width for width in widths), file=out)
    for row in rows:
        print(line(row), file=out)
    return 0


def _team_count(saved: SavedSession) -> int:
    """How many teams played in a session: a workshop's teams, or the one of a single game."""
    if saved.is_workshop:
        return len(saved.state.get("teams", []))
    return 1


def _date(stamp: str) -> str:
    return when(stamp, "en")


def export_session(journal: Journal, session_id: int | Sequence[int], out_dir: Path,
                   lang: str | None, scenarios_dirs: Iterable[Path], *,
                   out: IO[str] | None = None, err: IO[str] | None = None,
                   names: Sequence[str | None] = ()) -> int:
    """Write report.html, report.json and decisions.csv for one session (or several teams).

    A workshop session gives a team per workshop team; several session ids make one report
    with the teams of all of them, which must have played the same deck. The deck is loaded
    from the folder the session was played from, or else found by its id among the decks in
    ``scenarios_dirs``. ``lang`` None means the session's own language. ``out`` and ``err``
    default to the standard output and error at the time of the call.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    ids = [session_id] if isinstance(session_id, int) else list(session_id)
    if not ids:
        print("error: name a session to export (see the list of sessions)", file=err)
        return 1
    try:
        saved = saved_sessions(journal, ids)
        damaged = [str(s.id) for s in saved if s.damaged]
        if damaged:
            print(f"error: session {', '.join(damaged)} is damaged in the journal and cannot be "
                  "reported; 'sessions' lists the sessions that can", file=err)
            return 1
        deck_ids = {s.deck_id for s in saved}
        if len(deck_ids) > 1:
            print("error: these sessions played different decks ("
                  + ", ".join(sorted(deck_ids)) + "); a report compares teams on one deck",
                  file=err)
            return 1
        deck, problem = find_deck(saved[0], scenarios_dirs)
        if deck is None:
            print(f"error: {problem}", file=err)
            return 1
        language = lang or saved[0].lang
        if language not in KNOWN_LANGUAGES:
            language = DEFAULT_LANGUAGE
        teams = teams_from_saved(journal, saved, names)
        report = build_report(deck, teams, lang=language, meta={})
        folder = Path(out_dir)
        written = write_report(report, folder)
    except UnknownSession as exc:
        print(f"error: {exc}; 'sessions' lists the sessions there are", file=err)
        return 1
    except (JournalError, sqlite3.Error) as exc:
        print(f"error: cannot read the journal: {exc}", file=err)
        return 1
    except OSError as exc:
        print(f"error: cannot write the report to {out_dir}: {exc.strerror or exc}", file=err)
        return 1
    label = "session" if len(ids) == 1 else "sessions"
    print(f"Report of {label} {', '.join(str(i) for i in ids)} ({deck.id}) written to "
          f"{folder}:", file=out)
    for path in written.values():
        print(f"  {path}", file=out)
    if any(t["deck_changed"] for t in report["teams"]):
        print("note: the deck was changed after this session was played; the report uses the "
              "deck's current texts", file=out)
    return 0


def find_deck(saved: SavedSession, scenarios_dirs: Iterable[Path]) -> tuple[Deck | None, str]:
    """The deck a session was played with, and otherwise why it could not be found.

    First the folder the session was played from; when that is gone or holds another deck,
    the deck with the same id among the folders under ``scenarios_dirs``.
    """
    broken = ""
    candidates: list[Path] = []
    if saved.deck_path:
        candidates.append(Path(saved.deck_path))
    candidates += [p for p in discover_decks(*[Path(d) for d in scenarios_dirs])
                   if p not in candidates]
    for folder in candidates:
        if not (folder / DECK_FILE).is_file():
            continue
        result = load_deck(folder)
        if result.deck is None:
            if _declared_id(folder) == saved.deck_id:
                broken = folder.as_posix()
            continue
        if result.deck.id == saved.deck_id:
            return result.deck, ""
    if broken:
        return None, (f"the deck '{saved.deck_id}' in {broken} has errors; "
                      f"run validate on it to see them")
    return None, (f"cannot find the deck '{saved.deck_id}' of session {saved.id}: it is no "
                  f"longer in {saved.deck_path or 'its folder'} nor among the scenario folders")


def _declared_id(folder: Path) -> str | None:
    """The id a deck file gives itself, read without building the deck (for messages)."""
    doc = read_yaml(folder / DECK_FILE)
    data = doc.data if doc.readable else None
    return data.get("id") if isinstance(data, dict) else None
