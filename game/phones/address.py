"""The room's address: its code, the machine's address on the venue's network, the join link."""

from __future__ import annotations

import base64
import secrets
import socket

#: Random bits in a room code: enough that nobody finds a room by guessing.
ROOM_BITS = 50
#: The letters of a room code (base32, lower case: easy to type on a phone).
_ROOM_LENGTH = ROOM_BITS // 5


def new_room() -> str:
    """A fresh random room code of ROOM_BITS bits."""
    raw = secrets.token_bytes((ROOM_BITS + 7) // 8)
    return base64.b32encode(raw).decode("ascii").lower()[:_ROOM_LENGTH]


def is_room(text: object) -> bool:
    """Whether ``text`` has the shape of a room code (no other path ever reaches a room)."""
    return (isinstance(text, str) and len(text) == _ROOM_LENGTH
            and all(c in "abcdefghijklmnopqrstuvwxyz234567" for c in text))


def lan_address() -> str:
    """This machine's address on the local network, the one phones on the same Wi-Fi reach;
    127.0.0.1 when there is no network. No packet is sent: connecting a UDP socket only picks
    the interface a packet would leave by."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def join_url(host: str, port: int, room: str) -> str:
    """The address a participant opens: ``http://HOST:PORT/r/ROOM``."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/r/{room}"
