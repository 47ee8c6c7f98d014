"""The phone server's web application (Starlette): the page, the open card, the vote.

Only the routes below exist, and only under the room's own code; anything else, a wrong code
included, gets the same plain 404. No file is served from disk by path: the page, its script
and its style are read once from the package. Deck texts reach a phone only as JSON values, which
the page sets as text, never as markup. Every response carries a strict Content-Security-Policy
and ``X-Content-Type-Options: nosniff``. Request bodies are capped at a few kilobytes and votes
are rate-limited per device and per address. A phone can change nothing but its own vote.

The JSON API is documented in ``docs/phones.md``.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from game.language.catalog import load_catalog
from game.phones.ballot import Ballot, OpenCard, Refusal, is_token
from game.phones.limits import RateLimits

#: The largest request body taken in, in bytes (a vote is well under 200).
MAX_BODY = 4096
#: How long a request body may take to arrive, in seconds (a phone sends its vote at once).
BODY_TIMEOUT_S = 5.0
#: How often an idle push channel says it is still there, in seconds.
KEEPALIVE_S = 15.0

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
}

_STATUS = {
    Refusal.CLOSED: 409,
    Refusal.NO_SUCH_TEAM: 422,
    Refusal.NO_SUCH_OPTION: 422,
    Refusal.FULL: 429,
    Refusal.NOT_SAVED: 503,
}


def _asset(name: str) -> bytes:
    return resources.files("game.phones").joinpath("page", name).read_bytes()


@dataclass
class _Assets:
    page: bytes = field(default_factory=lambda: _asset("vote.html"))
    script: bytes = field(default_factory=lambda: _asset("vote.js"))
    style: bytes = field(default_factory=lambda: _asset("vote.css"))


def card_state(card: OpenCard | None, lang: str, teams: tuple[str, ...] = ()
               ) -> dict[str, Any]:
    """What every phone may see: the open card and the teams, and the page's own words."""
    labels = load_catalog(card.lang if card else lang).section("phones")
    if card is None:
        return {"open": False, "lang": lang, "labels": labels, "options": [],
                "teams": [{"id": i, "name": name} for i, name in enumerate(teams)]}
    return {
        "open": True,
        "lang": card.lang,
        "labels": labels,
        "round": card.round,
        "card": {"id": card.card, "title": card.title, "text": card.text},
        "options": [{"id": own, "text": text} for own, text in card.options],
        "teams": [{"id": i, "name": name} for i, name in enumerate(card.teams)],
    }


class _Push:
    """Wakes every open push channel when the ballot opens or closes a card. The ballot's
    listener runs on the game's thread; it hands over to the server's event loop."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self._changed: asyncio.Event | None = None

    def changed(self) -> asyncio.Event:
        if self._changed is None:
            self.loop = asyncio.get_running_loop()
            self._changed = asyncio.Event()
        return self._changed

    def tell(self) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        old, self._changed = self._changed, asyncio.Event()
        if old is not None:
            old.set()


def make_app(ballot: Ballot, lang: str, limits: RateLimits | None = None) -> Starlette:
    """The web application for ``ballot``'s room; ``lang`` is the game's language, used
    while no card is open."""
    assets = _Assets()
    limits = limits or RateLimits()
    push = _Push()
    ballot.subscribe(push.tell)
    room = ballot.room

    def in_room(handler: Callable) -> Callable:
        async def checked(request: Request) -> Response:
            if request.path_params.get("room") != room:
                return _not_found()
            return await handler(request)
        return checked

    async def page(request: Request) -> Response:
        shown = (ballot.card.lang if ballot.card else lang)
        body = assets.page.replace(b"__LANG__", shown.encode("ascii"))
        return Response(body, media_type="text/html; charset=utf-8")

    async def to_page(request: Request) -> Response:
        # The join address has no closing slash; the page's script and style lie beside it,
        # so a browser must be on ``/r/ROOM/`` for them to load.
        return RedirectResponse(f"/r/{room}/", status_code=307)

    async def script(request: Request) -> Response:
        return Response(assets.script, media_type="text/javascript; charset=utf-8")

    async def style(request: Request) -> Response:
        return Response(assets.style, media_type="text/css; charset=utf-8")

    async def state(request: Request) -> Response:
        body = card_state(ballot.card, lang, ballot.teams)
        device = _device(request, None)
        if device is None:
            return _refuse(400, "bad_device")
        team, option = ballot.mine(device)
        body["mine"] = {"team": team, "option": option}
        return JSONResponse(body)

    async def admitted(request: Request) -> tuple[dict[str, Any], str] | Response:
        """A phone's request: its JSON body and its device, once both are sound and the
        device and its address are within their limits; else the refusal to send."""
        data = await _json_body(request)
        if isinstance(data, Response):
            return data
        device = _device(request, data)
        if device is None:
            return _refuse(400, "bad_device")
        if not limits.allow(device, _address(request)):
            return _refuse(429, "too_many")
        return data, device

    async def join(request: Request) -> Response:
        admitted_request = await admitted(request)
        if isinstance(admitted_request, Response):
            return admitted_request
        data, device = admitted_request
        team = data.get("team")
        if team is not None and not _is_team_id(team):
            return _refuse(422, "no_such_team")
        chosen = await run_in_threadpool(ballot.join, device, _team_id(team))
        if isinstance(chosen, Refusal):
            return _refuse(_STATUS[chosen], chosen.value)
        return JSONResponse({"team": chosen})

    async def vote(request: Request) -> Response:
        admitted_request = await admitted(request)
        if isinstance(admitted_request, Response):
            return admitted_request
        data, device = admitted_request
        team, option, card = data.get("team"), data.get("option"), data.get("card")
        if not _is_team_id(team):
            return _refuse(422, "no_such_team")
        if not isinstance(option, str) or len(option) > 200:
            return _refuse(422, "no_such_option")
        if card is not None and not isinstance(card, str):
            return _refuse(422, "no_such_card")
        refused = await run_in_threadpool(ballot.vote, device, _team_id(team), option, card)
        if refused is not None:
            return _refuse(_STATUS[refused], refused.value)
        return JSONResponse({"counted": True, "team": _team_id(team), "option": option})

    async def events(request: Request) -> Response:
        async def stream():
            yield _event(card_state(ballot.card, lang, ballot.teams))
            while True:
                changed = push.changed()
                try:
                    await asyncio.wait_for(changed.wait(), KEEPALIVE_S)
                except asyncio.TimeoutError:
                    yield b": still here\n\n"
                    continue
                yield _event(card_state(ballot.card, lang, ballot.teams))
        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"x-accel-buffering": "no"})

    routes = [
        Route("/r/{room}/", in_room(page)),
        Route("/r/{room}", in_room(to_page)),
        Route("/r/{room}/vote.js", in_room(script)),
        Route("/r/{room}/vote.css", in_room(style)),
        Route("/r/{room}/state", in_room(state)),
        Route("/r/{room}/events", in_room(events)),
        Route("/r/{room}/join", in_room(join), methods=["POST"]),
        Route("/r/{room}/vote", in_room(vote), methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={404: _not_found_handler,
                                                       405: _not_allowed_handler})
    app.router.redirect_slashes = False  # an address that is not a route is a plain 404
    app.add_middleware(_SecurityHeaders)
    return app


class _SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response, the error pages included."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _json_body(request: Request) -> dict[str, Any] | Response:
    """The request's JSON object, or the refusal to send: too large, not JSON, not an object."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        return _refuse(413, "too_large")
    body = bytearray()

    async def read() -> bool:
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > MAX_BODY:
                return False
        return True

    try:
        if not await asyncio.wait_for(read(), BODY_TIMEOUT_S):
            return _refuse(413, "too_large")
    except asyncio.TimeoutError:
        return _refuse(408, "too_slow")
    try:
        data = json.loads(bytes(body).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _refuse(400, "not_json")
    if not isinstance(data, dict):
        return _refuse(400, "not_json")
    return data


def _device(request: Request, data: dict[str, Any] | None) -> str | None:
    """The device a request speaks for: the token the page made (in the body or the
    ``X-Device`` header); a client without one is one device per network address. None when
    a token is given but is not one the page could have made."""
    given = [t for t in ((data or {}).get("device"), request.headers.get("x-device"),
                         request.query_params.get("device")) if t is not None]
    if not given:
        return "address:" + _address(request)
    return str(given[0]) if is_token(given[0]) else None


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _is_team_id(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return 0 <= value < 1000
    if isinstance(value, dict):
        return _is_team_id(value.get("id"))
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 3


def _team_id(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return _team_id(value.get("id"))
    return int(value)


def _event(state: dict[str, Any]) -> bytes:
    return b"event: card\ndata: " + json.dumps(state).encode("utf-8") + b"\n\n"


def _refuse(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"counted": False, "error": reason}, status_code=status)


def _not_found() -> Response:
    return Response("Not found", status_code=404, media_type="text/plain; charset=utf-8")


async def _not_found_handler(request: Request, exc: Exception) -> Response:
    return _not_found()


async def _not_allowed_handler(request: Request, exc: Exception) -> Response:
    return Response("Method not allowed", status_code=405,
                    media_type="text/plain; charset=utf-8")
