"""How many connections the phone server holds, and for how long one may say nothing.

uvicorn takes every connection it is offered and waits for a request without a time limit, so
a client that opens thousands of connections and sends half a request on each would hold the
game's file handles until the game itself could open no file. Here a connection over the limit
is closed at once, and one that has not sent a whole request head within a few seconds is
closed too; the push channel, once its request is in, stays open as long as the phone wants.
The process's own limit on open files is raised to what the system allows, so a hall of phones
fits.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol

#: How long a new connection may take to send its request's head, in seconds.
HEAD_TIMEOUT_S = 10.0
#: Open files kept free for the game itself (journal, fonts, screenshots, reports).
RESERVED_FILES = 256
#: The most connections held at once, however high the system's limit on open files.
MOST_CONNECTIONS = 2500


def connection_limit() -> int:
    """The most connections the server holds: within the process's limit on open files, raised
    first (where the system lets it) so that a hall of phones fits."""
    try:
        import resource
    except ImportError:  # Windows: no such limit to raise
        return 1000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = MOST_CONNECTIONS + RESERVED_FILES
    if soft != resource.RLIM_INFINITY and soft < wanted:
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return MOST_CONNECTIONS
    return max(16, min(MOST_CONNECTIONS, soft - RESERVED_FILES))


def guarded_protocol(limit: int) -> type[H11Protocol]:
    """uvicorn's HTTP/1.1 protocol, holding at most ``limit`` connections and closing one that
    does not send its request's head within HEAD_TIMEOUT_S."""

    class GuardedH11(H11Protocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._head_timer: asyncio.TimerHandle | None = None
            if len(self.connections) > limit:
                transport.close()
                return
            self._head_timer = self.loop.call_later(HEAD_TIMEOUT_S, self._close_if_silent)

        def _close_if_silent(self) -> None:
            if self.cycle is None and not self.transport.is_closing():
                self.transport.close()

        def connection_lost(self, exc: Exception | None) -> None:
            if getattr(self, "_head_timer", None) is not None:
                self._head_timer.cancel()
            super().connection_lost(exc)

    return GuardedH11
