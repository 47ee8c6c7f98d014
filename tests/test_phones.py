"""Phones as voting clickers, tried from outside: real HTTP against the real server on
loopback, a real journal under it, and the room's rules one by one (docs/phones.md)."""

from __future__ import annotations

import json
import re
import shutil
import socket
import threading
import time

import pytest

from conftest import DECKS, ROOT, load
from phonehttp import call, new_device, vote
from game.language.texts import localize
from game.phones import app as phone_app
from game.phones import connections
from game.phones import server as server_module
from game.phones.limits import RateLimits
from game.phones.address import ROOM_BITS, is_room, new_room
from game.phones.room import PhoneRoom
from game.table.journal import Journal
from game.table.workshop_match import WorkshopMatch

TEAMS = ["Rood", "Groen", "Blauw"]


@pytest.fixture
def workshop(engine_deck, tmp_path):
    journal = Journal.open(tmp_path)
    match = WorkshopMatch.start(engine_deck, "deck", "nl", TEAMS, journal, seed=4)
    room = PhoneRoom.start(match, "127.0.0.1", 0)
    yield match, room
    room.stop()
    match.release()
    journal.close()


def options(match) -> list[str]:
    return [o.id for o in match.workshop.current_card.options]


def test_a_phone_sees_the_open_card_and_its_vote_reaches_the_table(workshop):
    match, room = workshop
    state = call(room.url + "/state").json()
    card = match.workshop.current_card
    assert state["open"] is True and state["lang"] == "nl"
    assert state["card"]["id"] == card.id and state["card"]["title"] == localize(card.title, "nl")
    assert [o["id"] for o in state["options"]] == options(match)
    assert [t["name"] for t in state["teams"]] == TEAMS and state["teams"][0]["id"] == 0
    first, second = options(match)[:2]
    assert vote(room.url, 0, first, new_device()).status == 200
    assert vote(room.url, 0, second, new_device()).status == 200
    assert vote(room.url, {"id": 2}, first, new_device()).status == 200
    assert room.ballot.voters() == {0: 2, 2: 1}
    assert room.close() == {0: {first: 1, second: 1}, 2: {first: 1}}


def test_a_device_has_one_vote_per_card_and_may_change_it_until_the_vote_closes(workshop):
    match, room = workshop
    device, (first, second) = new_device(), options(match)[:2]
    assert vote(room.url, 1, first, device).status == 200
    assert vote(room.url, 1, second, device).status == 200
    assert call(room.url + "/state", headers={"X-Device": device}).json()["mine"] == {
        "team": 1, "option": second}
    assert room.close() == {1: {second: 1}}
    closed = vote(room.url, 1, first, device)
    assert closed.status == 409 and closed.json() == {"counted": False, "error": "closed"}


def test_a_phone_without_a_token_counts_once_per_address(workshop):
    match, room = workshop
    first, second = options(match)[:2]
    assert vote(room.url, 0, first).status == 200
    assert vote(room.url, 0, second).status == 200
    assert room.ballot.tallies() == {0: {second: 1}}


def test_votes_count_only_for_the_open_card_and_options_and_teams_that_exist(workshop):
    match, room = workshop
    device = new_device()
    refused = {
        "option": vote(room.url, 0, "no-such-option", device),
        "team": vote(room.url, 3, options(match)[0], device),
        "negative team": vote(room.url, -1, options(match)[0], device),
        "old card": vote(room.url, 0, options(match)[0], device, card="an-earlier-card"),
        "team as text": vote(room.url, "Rood", options(match)[0], device),
        "option as list": vote(room.url, 0, ["a"], device),
    }
    assert {name: a.status for name, a in refused.items()} == {
        "option": 422, "team": 422, "negative team": 422, "old card": 409,
        "team as text": 422, "option as list": 422}
    assert room.ballot.tallies() == {}


def test_a_wrong_room_code_gets_nothing_not_even_the_card(workshop):
    match, room = workshop
    title = localize(match.workshop.current_card.title, "nl")
    other = new_room()
    assert other != room.ballot.room and is_room(other) and ROOM_BITS >= 40
    wrong = room.url.replace(room.ballot.room, other)
    for path, method, body in [("/", "GET", None), ("/state", "GET", None),
                               ("/events", "GET", None), ("/vote.js", "GET", None),
                               ("/vote", "POST", {"team": 0, "option": options(match)[0]})]:
        answer = call(wrong + path, method, body)
        assert answer.status == 404 and answer.body == b"Not found", path
        assert title.encode() not in answer.body
    assert room.ballot.tallies() == {}


@pytest.mark.parametrize("path", [
    "/", "/r/", "/r/{room}/../../pyproject.toml", "/r/{room}/%2e%2e/%2e%2e/pyproject.toml",
    "/r/{room}/page/vote.html", "/r/{room}/vote.html", "/r/{room}/..%2fapp.py",
    "/r/{room}/static/vote.js", "/r/{room}//etc/passwd", "/r/{room}/state/../../../etc/passwd",
    "/game/phones/app.py", "/r/{room}/vote.js/..", "/r/{ROOM}/state",
])
def test_the_server_serves_only_its_own_routes(workshop, path):
    match, room = workshop
    address = room.url[:room.url.index("/r/")]
    answer = call(address + path.format(room=room.ballot.room,
                                        ROOM=room.ballot.room.upper()))
    assert answer.status == 404
    assert b"import" not in answer.body and b"root:" not in answer.body


def test_every_response_carries_the_security_headers(workshop):
    match, room = workshop
    answers = [call(room.url + "/"), call(room.url + "/vote.js"), call(room.url + "/vote.css"),
               call(room.url + "/state"), call(room.url + "/nothing"),
               call(room.url + "/vote"),  # GET on a POST route
               call(room.url + "/vote", "POST", b"x" * 10_000),
               call(room.url + "/vote", "POST", b"{not json")]
    assert [a.status for a in answers] == [200, 200, 200, 200, 404, 405, 413, 400]
    for answer in answers:
        assert answer.headers["x-content-type-options"] == "nosniff"
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert "server" not in answer.headers


def _connection(room):
    """A bare HTTP connection to the room's server, and the room's path on it."""
    import http.client

    parts = room.url.split("/", 3)
    return http.client.HTTPConnection(*parts[2].split(":"), timeout=10), "/" + parts[3]


def test_request_bodies_are_capped_also_when_they_do_not_say_their_length(workshop):
    match, room = workshop
    connection, base = _connection(room)
    try:
        connection.putrequest("POST", base + "/vote")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.putheader("Content-Type", "application/json")
        connection.endheaders()
        chunk = b"[" * 1024
        for _ in range(phone_app.MAX_BODY // len(chunk) + 2):
            connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        connection.send(b"0\r\n\r\n")
        assert connection.getresponse().status == 413
    finally:
        connection.close()


def test_a_device_that_hammers_the_server_is_slowed_down_and_others_still_vote(workshop):
    match, room = workshop
    device, option = new_device(), options(match)[0]
    statuses = [vote(room.url, 0, option, device).status for _ in range(30)]
    assert statuses[:5] == [200] * 5 and 429 in statuses
    assert vote(room.url, 1, option, new_device()).status == 200


@pytest.mark.parametrize("body", [
    b"", b"null", b"[]", b'"text"', b"1e999999", b'{"team": 0}', b'{"option": "a"}',
    b'{"team": true, "option": "a"}', b'{"team": 1e300, "option": "a"}',
    b'{"team": "99999999999999999999", "option": "a"}', b'{"team": {"id": [1]}, "option": "a"}',
    b'{"team": 0, "option": "a", "device": {"x": 1}}', b"\xff\xfe\x00{", b"[" * 3000,
    b'{"team": 0, "option": "' + b"a" * 3000 + b'"}',
])
def test_bad_requests_get_a_4xx_and_change_nothing(workshop, body):
    match, room = workshop
    answer = call(room.url + "/vote", "POST", body, {"Content-Type": "application/json"})
    assert 400 <= answer.status < 500
    assert b"Traceback" not in answer.body and b"File " not in answer.body
    assert room.ballot.tallies() == {}


def test_deck_texts_reach_a_phone_only_as_text(engine_deck, tmp_path):
    hostile = tmp_path / "deck"
    shutil.copytree(DECKS / "engine", hostile)
    for path in (hostile / "cards").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^(\s+)title: (.+)$", r'\1title: "<img src=x onerror=alert(1)>\2"',
                               text, flags=re.M), encoding="utf-8")
    deck = load(hostile)
    match = WorkshopMatch.start(deck, "deck", "nl", TEAMS, None, seed=4)
    room = PhoneRoom.start(match, "127.0.0.1", 0)
    try:
        state = call(room.url + "/state")
        assert state.json()["card"]["title"].startswith("<img src=x onerror=alert(1)>")
        assert state.headers["content-type"].startswith("application/json")
        assert b"<img" not in call(room.url + "/").body
    finally:
        room.stop()
    script = (ROOT / "game" / "phones" / "page" / "vote.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):
        assert sink not in script, f"the page must set deck texts as text, not through {sink}"


def test_the_push_channel_tells_phones_when_a_card_opens_and_closes(workshop):
    match, room = workshop
    connection, base = _connection(room)
    try:
        connection.request("GET", base + "/events")
        response = connection.getresponse()
        assert response.getheader("content-type").startswith("text/event-stream")
        assert response.getheader("x-content-type-options") == "nosniff"

        def event() -> dict:
            lines = []
            while (line := response.readline()) not in (b"\n", b"\r\n", b""):
                lines.append(line)
            data = b"".join(line[6:] for line in lines if line.startswith(b"data: "))
            return json.loads(data)

        assert event()["open"] is True
        threading.Timer(0.1, room.close).start()
        assert event()["open"] is False
    finally:
        connection.close()


def test_a_resumed_workshop_comes_back_on_the_same_address_with_every_vote(engine_deck,
                                                                          tmp_path):
    journal = Journal.open(tmp_path)
    match = WorkshopMatch.start(engine_deck, "deck", "nl", TEAMS, journal, seed=4)
    room = PhoneRoom.start(match, "127.0.0.1", 0)
    url, option, device = room.url, options(match)[1], new_device()
    assert vote(url, 2, option, device).status == 200
    room.stop()
    match.release()
    journal.close()

    journal = Journal.open(tmp_path)
    resumed, _ = WorkshopMatch.resume(engine_deck, journal.latest_unfinished(), journal)
    again = PhoneRoom.start(resumed, "127.0.0.1", 0)
    try:
        assert again.url == url
        assert again.ballot.tallies() == {2: {option: 1}}
        assert call(url + "/state", headers={"X-Device": device}).json()["mine"] == {
            "team": 2, "option": option}
    finally:
        again.stop()
        resumed.release()
        journal.close()


def test_phones_are_spread_over_the_teams_unless_they_choose_one(workshop):
    match, room = workshop
    teams = [call(room.url + "/join", "POST", {"device": new_device()}).json()["team"]
             for _ in range(6)]
    assert sorted(teams) == [0, 0, 1, 1, 2, 2]
    chosen = call(room.url + "/join", "POST", {"device": new_device(), "team": 1})
    assert chosen.json() == {"team": 1}
    assert call(room.url + "/join", "POST", {"device": new_device(), "team": 7}).status == 422


def test_the_page_speaks_the_games_language(engine_deck):
    match = WorkshopMatch.start(engine_deck, "deck", "en", TEAMS, None, seed=4)
    room = PhoneRoom.start(match, "127.0.0.1", 0)
    try:
        assert b'<html lang="en">' in call(room.url + "/").body
        state = call(room.url + "/state").json()
        assert state["labels"]["choose_team"] == "Choose your team"
        assert state["card"]["title"] == localize(match.workshop.current_card.title, "en")
    finally:
        room.stop()


def test_phones_join_a_team_while_no_card_is_open(workshop):
    match, room = workshop
    room.close()
    state = call(room.url + "/state").json()
    assert state["open"] is False and [t["name"] for t in state["teams"]] == TEAMS
    assert call(room.url + "/join", "POST", {"device": new_device(), "team": 2}).json() == {
        "team": 2}


def test_one_address_speaks_for_a_few_devices_and_this_machine_for_any():
    limits = RateLimits()
    tokens = [new_device() for _ in range(limits.devices_per_address + 1)]
    assert all(limits.allow(t, "192.168.1.20") for t in tokens[:-1])
    assert not limits.allow(tokens[-1], "192.168.1.20"), "a new token per request is held"
    assert limits.allow(tokens[0], "192.168.1.20"), "a device it has stays welcome"
    assert limits.allow(tokens[-1], "192.168.1.21")
    assert all(limits.allow(new_device(), "127.0.0.1") for _ in range(50))


def test_a_trailing_slash_is_a_plain_404_not_a_redirect(workshop):
    match, room = workshop
    for path in ("/state/", "/vote/"):
        answer = call(room.url + path, headers={"Host": "evil.example"})
        assert answer.status == 404 and "location" not in answer.headers


def test_a_body_that_does_not_come_gets_a_408(workshop, monkeypatch):
    match, room = workshop
    monkeypatch.setattr(phone_app, "BODY_TIMEOUT_S", 0.5)
    host, port = room.server.host, room.server.port
    with socket.create_connection((host, port), timeout=10) as raw:
        raw.sendall(f"POST /r/{room.ballot.room}/vote HTTP/1.1\r\nHost: x\r\n"
                    "Content-Type: application/json\r\nContent-Length: 40\r\n\r\n{".encode())
        assert raw.recv(200).startswith(b"HTTP/1.1 408")


def is_closed(raw: socket.socket, wait: float) -> bool:
    raw.settimeout(wait)
    try:
        return raw.recv(10) == b""
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def test_silent_connections_are_closed_and_the_server_holds_only_so_many(engine_deck,
                                                                         monkeypatch):
    monkeypatch.setattr(connections, "HEAD_TIMEOUT_S", 2.0)
    monkeypatch.setattr(server_module, "connection_limit", lambda: 4)
    match = WorkshopMatch.start(engine_deck, "deck", "nl", TEAMS, None, seed=4)
    room = PhoneRoom.start(match, "127.0.0.1", 0)
    try:
        address = (room.server.host, room.server.port)
        held = [socket.create_connection(address, timeout=5) for _ in range(6)]
        for raw in held:
            raw.sendall(b"GET /r/")  # half a request head, then nothing
        time.sleep(0.2)
        assert [is_closed(raw, 0.05) for raw in held] == [False] * 4 + [True] * 2, \
            "connections over the limit are closed at once"
        assert all(is_closed(raw, 3.0) for raw in held[:4]), "silent ones after a while"
        for raw in held:
            raw.close()
        assert call(room.url + "/state").status == 200, "and the room goes on"
    finally:
        room.stop()
