"""Talking to the phone server as a phone does: real HTTP on loopback, no client library."""

from __future__ import annotations

import http.client
import json
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


def new_device() -> str:
    return secrets.token_urlsafe(18)


def call(url: str, method: str = "GET", body: bytes | dict | None = None,
         headers: dict[str, str] | None = None) -> Answer:
    """One request to ``url`` (an absolute address); the status, headers and body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        sent = dict(headers or {})
        if isinstance(body, dict):
            sent.setdefault("Content-Type", "application/json")
        connection.request(method, parts.path + (f"?{parts.query}" if parts.query else ""),
                           body=data, headers=sent)
        response = connection.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()},
                      response.read())
    finally:
        connection.close()


def vote(join: str, team, option: str, device: str | None = None, card: str | None = None
         ) -> Answer:
    body = {"team": team, "option": option}
    if device is not None:
        body["device"] = device
    if card is not None:
        body["card"] = card
    return call(join + "/vote", "POST", body)
