"""One owner per session: an operating-system lock that dies with the process holding it.

Two windows (or a window and ``--resume`` on the command line) must never play the same
unfinished session at once: both would append decisions to it and a later resume would
silently pick one. The process that plays a session holds an advisory lock on the file
``locks/session-<id>.lock`` next to the journal; a second process finds it taken and leaves the
session alone. The operating system releases the lock when the process ends in any way (also
``kill -9`` or a crash), so a session is never left locked by a game that is gone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

#: The folder, next to the journal, that holds the lock files.
LOCK_FOLDER = "locks"


class SessionHeldElsewhere(Exception):
    """The session is being played by another process (another window)."""

    def __init__(self, session_id: int):
        super().__init__(f"session {session_id} is open in another process")
        self.session_id = session_id


class SessionLock:
    """The lock on one session of the journal in ``folder``.

    :meth:`acquire` takes it without waiting; :meth:`release` gives it back (also done by the
    operating system when the process dies). When the lock file cannot be made at all (a
    read-only folder) the session plays unlocked: a journal there cannot be written either,
    so there is nothing for two processes to mix up.
    """

    def __init__(self, folder: Path, session_id: int):
        self.path = Path(folder) / LOCK_FOLDER / f"session-{session_id}.lock"
        self.session_id = session_id
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """Whether this process holds the lock through this object."""
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        if self._fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return True  # cannot lock here; see the class docstring
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self, finished: bool = False) -> None:
        """Give the lock back. With ``finished`` (the session ended or was given up; it is
        never resumed again) its lock file is removed too."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if finished:
            try:
                self.path.unlink()
            except OSError:
                pass
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def held_elsewhere(self) -> bool:
        """Whether another process holds the lock now (this one does not take it)."""
        if self._fd is not None:
            return False
        if not self.path.exists():
            return False
        if self.acquire():
            self.release()
            return False
        return True
