"""What the text-fit check found, kept between runs of ``validate``.

Laying a card out on every screen at every size it would try is most of what ``validate``
costs, and an author checks the same deck again after changing a card or two. So each card's
verdict (the texts that do not fit, and by how much) is kept in a small SQLite file in the
user's cache folder, keyed by everything the layout depends on: the card's texts as the table
shows them, the deck's settings that change the screens, and the layout itself (a fingerprint
of the layout code, of the fonts and of pygame's text rendering). A change to any of these
gives a new key, so a kept verdict is always the one a fresh layout would give; only the
cards that changed are laid out again.

The cache is only an aid: a file that cannot be opened, read or written (a read-only folder,
another run holding it, a damaged file) is passed over and the cards are laid out as if it
were empty. It holds texts of decks and no code, and is read with plain SQL and JSON.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from platformdirs import user_cache_dir

from game import APP_NAME

#: The oldest verdicts are dropped once the file holds more than this many (a few hundred
#: bytes each).
ROWS_KEPT = 200_000
#: Seconds a verdict of another layout (an older version of the game) is kept.
STALE_AFTER = 30 * 24 * 3600
#: Seconds to wait for another run that is writing the file.
BUSY_TIMEOUT = 2.0

#: One kept finding: the message naming the screen, the text's path inside the card, and the
#: overflow (characters, lines, a word too wide).
Finding = tuple[str, tuple, int, int, str]

_LAYOUT = Path(__file__).resolve().parent
_LOOK = _LAYOUT.parent / "look"


def default_file() -> Path:
    """The cache file in the operating system's cache folder for the game."""
    return Path(user_cache_dir(APP_NAME, appauthor=False)) / "fit.sqlite3"


def layout_fingerprint(fonts: Iterable[Path]) -> str:
    """A digest of everything that decides how texts are laid out: the layout and look code,
    the font files, and pygame's text rendering (its font module and the libraries beside it,
    by size and time: reading them whole would cost more than the check they spare)."""
    digest = hashlib.blake2b(digest_size=16)
    files = sorted(_LAYOUT.glob("*.py")) + sorted(_LOOK.glob("*.py")) + sorted(set(fonts))
    for file in files:
        digest.update(file.name.encode())
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(b"-")
    for file in _pygame_files():
        try:
            info = file.stat()
            digest.update(f"{file.name} {info.st_size} {info.st_mtime_ns}".encode())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


def _pygame_files() -> list[Path]:
    """pygame's font module, its version and the libraries installed with it, found without
    importing pygame (a check of unchanged cards needs none of it)."""
    spec = importlib.util.find_spec("pygame")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations)))
    libraries = folder.parent / f"{folder.name}_ce.libs"
    return (sorted(folder.glob("font*")) + [folder / "version.py"]
            + (sorted(libraries.iterdir()) if libraries.is_dir() else []))


class FitMemory:
    """Verdicts of the fit check by key, read from and written to one SQLite file.

    :meth:`get` and :meth:`put` never raise: a file that cannot be used makes every key
    unknown. What was put is written by :meth:`close`, in one transaction.
    """

    def __init__(self, file: Path, fingerprint: str):
        self.file = file
        self.fingerprint = fingerprint
        self._pending: dict[bytes, str] = {}
        self._db: sqlite3.Connection | None = None
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(file, timeout=BUSY_TIMEOUT, isolation_level=None)
            self._db.execute("CREATE TABLE IF NOT EXISTS verdicts (key BLOB PRIMARY KEY, "
                             "layout TEXT NOT NULL, made INTEGER NOT NULL, "
                             "findings TEXT NOT NULL)")
        except (sqlite3.Error, OSError):
            self._forget()

    def key(self, parts: tuple) -> bytes:
        """The key of a card's layout, made of ``parts`` (plain values, texts and tuples of
        them) and the layout's fingerprint."""
        return hashlib.blake2b(repr((self.fingerprint, parts)).encode(),
                               digest_size=16).digest()

    def get(self, key: bytes) -> list[Finding] | None:
        """The findings kept under ``key``, or None when none are (or the file is unusable)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT findings FROM verdicts WHERE key = ?",
                                   (key,)).fetchone()
            return None if row is None else [
                (message, tuple(path), chars, lines, word)
                for message, path, chars, lines, word in json.loads(row[0])]
        except (sqlite3.Error, ValueError, TypeError):
            self._forget()
            return None

    def put(self, key: bytes, findings: list[Finding]) -> None:
        self._pending[key] = json.dumps(findings, ensure_ascii=False)

    def close(self) -> None:
        """Write what was put, drop what is too old or too much, and close the file."""
        if self._db is None:
            return
        now = int(time.time())
        try:
            if self._pending:
                with self._db:
                    self._db.execute("BEGIN")
                    self._db.executemany(
                        "INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?, ?)",
                        [(key, self.fingerprint, now, findings)
                         for key, findings in self._pending.items()])
                    self._db.execute("DELETE FROM verdicts WHERE layout != ? AND made < ?",
                                     (self.fingerprint, now - STALE_AFTER))
                    self._db.execute("DELETE FROM verdicts WHERE rowid IN (SELECT rowid FROM "
                                     "verdicts ORDER BY made DESC LIMIT -1 OFFSET ?)",
                                     (ROWS_KEPT,))
        except sqlite3.Error:
            pass
        self._forget()

    def _forget(self) -> None:
        """Stop using the file (it could not be used, or the run is done)."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        self._pending.clear()
