"""Phones at the facilitator's table: real pygame events to the real app, votes over real HTTP."""

from __future__ import annotations

import pygame

from phonehttp import call, new_device, vote
from uihelpers import click, key, make_app
from game.ui import routes


def phone_workshop(tmp_path, teams: int = 2):
    app = make_app(tmp_path, instant=True, mode="workshop", teams=teams, phones=True,
                   bind="127.0.0.1", port=0)
    return app, app.table.phones


def test_a_workshop_with_phones_opens_on_the_join_screen_with_its_address(tmp_path):
    app, room = phone_workshop(tmp_path)
    try:
        assert room is not None and app.scene.shot_name == "phones"
        assert room.url.startswith("http://127.0.0.1:") and room.cells  # the QR code's cells
        key(app, pygame.K_RETURN, "\r")
        assert app.scene.shot_name.endswith("-discuss")
        assert call(room.url + "/state").json()["open"] is True
        key(app, pygame.K_q, "q")  # Q shows the code again
        assert app.scene.shot_name == "phones"
    finally:
        app.close()


def test_a_vote_coming_in_redraws_only_the_line_that_counts_phones(tmp_path):
    app, room = phone_workshop(tmp_path)
    try:
        key(app, pygame.K_RETURN, "\r")
        key(app, pygame.K_PAGEDOWN)  # to the vote
        app.update(0.3)
        app.render()
        option = app.table.workshop.current_card.options[0].id
        assert vote(room.url, 1, option, new_device()).status == 200
        app.update(0.3)
        assert not app.dirty and len(app.areas) == 1, "the counts' area alone"
        area = app.areas[0]
        assert area.top < app.metrics.px(130), "the counts stand in the band"
        assert "1" in app.scene.phones_line() and option not in app.scene.phones_line()
        assert area.width > app.metrics.px(300), "room for the line beside the step's detail"
        app.render_areas()
        band = app.surface.get_at((area.right - 2, area.y + 1))
        inked = sum(app.surface.get_at((x, y)) != band for x in range(area.x, area.right, 3)
                    for y in range(area.y, area.bottom, 3))
        assert inked > 50, "and the line is drawn there"
    finally:
        app.close()


def test_recording_first_closes_the_phones_vote_and_fills_in_each_teams_counts(tmp_path):
    app, room = phone_workshop(tmp_path)
    try:
        key(app, pygame.K_RETURN, "\r")
        key(app, pygame.K_PAGEDOWN)
        first, second = (o.id for o in app.table.workshop.current_card.options[:2])
        for team, option in ((0, second), (0, second), (0, first), (1, first)):
            assert vote(room.url, team, option, new_device()).status == 200
        key(app, pygame.K_PAGEDOWN)  # Vastleggen: the vote closes, the counts come in
        assert call(room.url + "/state").json()["open"] is False
        assert app.table.sheet(0).counts[:2] == [1, 2] and app.table.sheet(1).counts[0] == 1
        assert app.table.workshop.waiting == [0, 1], "nothing is recorded before a look at it"
        key(app, pygame.K_PAGEDOWN)  # now it is recorded, as the counts say
        assert app.table.workshop.votes[-1]["option"] == second
        assert vote(room.url, 1, first, new_device()).status == 409, "closed for this card"
    finally:
        app.close()


def test_the_set_up_screen_turns_phone_voting_on(tmp_path):
    app = make_app(tmp_path, deck=None, instant=True)
    try:
        app.go(routes.WorkshopSetup())
        app.render()
        toggle = app.scene.button("phones")
        assert toggle is not None and not app.scene.phones
        click(app, toggle.rect.center)
        assert app.scene.phones and app.scene.settings().phones
    finally:
        app.close()
