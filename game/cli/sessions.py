"""The command-line side of reports: list the journalled sessions, and export one as a report.

These functions print for people and return an exit status; they never let a traceback reach
the facilitator. A missing session or a deck that cannot be found is said in one plain line.
They speak the run's language (``words``, English when not given).
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
from game.language.catalog import Catalog, load_catalog
from game.language.texts import DEFAULT_LANGUAGE, KNOWN_LANGUAGES


def list_sessions(journal: Journal, out: IO[str] | None = None,
                  words: Catalog | None = None) -> int:
    """Print a table of every session in the journal, newest first (to ``out``, else stdout)."""
    out = out or sys.stdout
    words = words or load_catalog("en")
    try:
        sessions = journal.sessions()
    except (JournalError, sqlite3.Error) as exc:
        print(_error(words, words.t("command.sessions.cannot_read", reason=exc)),
              file=sys.stderr)
        return 1
    if not sessions:
        print(words.t("command.sessions.empty", path=journal.path), file=out)
        return 0
    said = words.section("command.sessions")
    header = tuple(said[column] for column in
                   ("id", "date", "deck", "status", "teams", "decisions", "seed"))
    lang = words.lang
    rows = [(str(s.id), when(s.updated, lang), s.deck_id, said.get(s.status, s.status),
             str(_team_count(s)), str(s.decisions), str(s.seed)) if not s.damaged else
            (str(s.id), when(str(s.updated), lang), str(s.deck_id), said["damaged"], "-", "-",
             "-")
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


def _error(words: Catalog, message: str) -> str:
    return words.t("command.error", message=message)


def export_session(journal: Journal, session_id: int | Sequence[int], out_dir: Path,
                   lang: str | None, scenarios_dirs: Iterable[Path], *,
                   out: IO[str] | None = None, err: IO[str] | None = None,
                   names: Sequence[str | None] = (), words: Catalog | None = None) -> int:
    """Write report.html, report.json and decisions.csv for one session (or several teams).

    A workshop session gives a team per workshop team; several session ids make one report
    with the teams of all of them, which must have played the same deck. The deck is loaded
    from the folder the session was played from, or else found by its id among the decks in
    ``scenarios_dirs``. ``lang`` None means the session's own language. ``out`` and ``err``
    default to the standard output and error at the time of the call.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    words = words or load_catalog("en")
    ids = [session_id] if isinstance(session_id, int) else list(session_id)
    if not ids:
        print(_error(words, words.t("command.report.name_one")), file=err)
        return 1
    try:
        saved = saved_sessions(journal, ids)
        damaged = [str(s.id) for s in saved if s.damaged]
        if damaged:
            print(_error(words, words.t("command.report.damaged", ids=", ".join(damaged))),
                  file=err)
            return 1
        deck_ids = {s.deck_id for s in saved}
        if len(deck_ids) > 1:
            print(_error(words, words.t("command.report.decks_differ",
                                        decks=", ".join(sorted(deck_ids)))), file=err)
            return 1
        deck, problem = find_deck(saved[0], scenarios_dirs, words)
        if deck is None:
            print(_error(words, problem), file=err)
            return 1
        language = lang or saved[0].lang
        if language not in KNOWN_LANGUAGES:
            language = DEFAULT_LANGUAGE
        teams = teams_from_saved(journal, saved, names)
        report = build_report(deck, teams, lang=language, meta={})
        folder = Path(out_dir)
        written = write_report(report, folder)
    except UnknownSession as exc:
        print(_error(words, words.t("command.report.unknown", session=exc.session_id)),
              file=err)
        return 1
    except (JournalError, sqlite3.Error) as exc:
        print(_error(words, words.t("command.sessions.cannot_read", reason=exc)), file=err)
        return 1
    except OSError as exc:
        print(_error(words, words.t("command.report.cannot_write", folder=out_dir,
                                    reason=exc.strerror or exc)), file=err)
        return 1
    print(words.count("command.report.written", len(ids), ids=", ".join(str(i) for i in ids),
                      deck=deck.id, folder=folder), file=out)
    for path in written.values():
        print(f"  {path}", file=out)
    if any(t["deck_changed"] for t in report["teams"]):
        print(words.t("command.note", message=words.t("command.report.deck_changed")),
              file=out)
    return 0


def find_deck(saved: SavedSession, scenarios_dirs: Iterable[Path],
              words: Catalog | None = None) -> tuple[Deck | None, str]:
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
    words = words or load_catalog("en")
    if broken:
        return None, words.t("command.report.deck_broken", deck=saved.deck_id, folder=broken)
    return None, words.t("command.report.deck_missing", deck=saved.deck_id, session=saved.id,
                         folder=saved.deck_path or words.t("command.report.its_folder"))


def _declared_id(folder: Path) -> str | None:
    """The id a deck file gives itself, read without building the deck (for messages)."""
    doc = read_yaml(folder / DECK_FILE)
    data = doc.data if doc.readable else None
    return data.get("id") if isinstance(data, dict) else None
