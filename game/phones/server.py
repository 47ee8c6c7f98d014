"""The phone server in a background thread of the game: uvicorn serving :mod:`game.phones.app`.

It runs only while the workshop runs: :meth:`PhoneServer.start` returns once it listens (or
raises :class:`PhoneServerError` with a plain reason), :meth:`PhoneServer.stop` ends it.
"""

from __future__ import annotations

import socket
import threading

import uvicorn

from game.phones.address import join_url
from game.phones.app import make_app
from game.phones.ballot import Ballot
from game.phones.connections import connection_limit, guarded_protocol

#: How long start() waits for the server to listen, in seconds.
START_TIMEOUT_S = 10.0


class PhoneServerError(Exception):
    """The server could not start (address in use, no such address)."""


class PhoneServer:
    def __init__(self, ballot: Ballot, host: str, port: int, lang: str):
        self.ballot = ballot
        self.host = host
        self.port = port
        config = uvicorn.Config(make_app(ballot, lang), host=host, port=port,
                                log_level="critical", access_log=False, lifespan="off",
                                server_header=False, date_header=False,
                                timeout_graceful_shutdown=1, timeout_keep_alive=5,
                                http=guarded_protocol(connection_limit()))
        self._server = uvicorn.Server(config)
        self._socket: socket.socket | None = None
        self._thread = threading.Thread(target=self._run, name="phone-server", daemon=True)
        self._failed: BaseException | None = None

    @property
    def url(self) -> str:
        """The join address, ``http://HOST:PORT/r/ROOM``."""
        return join_url(self.host, self.port, self.ballot.room)

    def start(self) -> "PhoneServer":
        try:
            family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
            self._socket = socket.socket(family, socket.SOCK_STREAM)
            self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._socket.bind((self.host, self.port))
            self.port = int(self._socket.getsockname()[1])
        except (OSError, OverflowError, ValueError) as exc:
            if self._socket is not None:
                self._socket.close()
            raise PhoneServerError(
                f"cannot serve phones on {self.host}:{self.port}: {exc}") from exc
        self._thread.start()
        waited = 0.0
        while not self._server.started and self._thread.is_alive() and waited < START_TIMEOUT_S:
            self._thread.join(0.02)
            waited += 0.02
        if not self._server.started:
            self.stop()
            reason = self._failed or "it did not start in time"
            raise PhoneServerError(f"cannot serve phones on {self.host}:{self.port}: {reason}")
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(5)
        if self._socket is not None:
            self._socket.close()

    def _run(self) -> None:
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # uvicorn exits with SystemExit when it cannot bind
            self._failed = exc
