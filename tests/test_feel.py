"""Game feel at the table: sound cues and the M key, transitions and reduced motion.

Every test drives the real table with real pygame events on SDL's dummy video and audio drivers.
"""

import json

import pygame

from uihelpers import ROOT, key, make_app

BUNDLED = ROOT / "scenarios" / "digitaal-leiderschap"


def workshop(tmp_path, **overrides):
    values = dict(mode="workshop", teams=2, out_dir=tmp_path / "reports")
    values.update(overrides)
    return make_app(tmp_path, **values)


# ---------------------------------------------------------------------------------- sound
def test_m_turns_the_sound_off_says_so_and_is_remembered(tmp_path):
    app = make_app(tmp_path)
    assert app.sound_on, "single play has sound by default"
    key(app, pygame.K_m, "m")
    assert not app.sound_on
    assert app.toast is not None and app.toast.text == app.t("sound.off")
    saved = json.loads((tmp_path / "data" / "preferences.json").read_text(encoding="utf-8"))
    assert saved["sound_single"] is False
    app.close()
    again = make_app(tmp_path)
    assert not again.sound_on
    key(again, pygame.K_m, "m")
    assert again.sound_on and again.toast.text == again.t("sound.on")


def test_a_decision_sounds_its_confirm_then_the_meters_direction(tmp_path):
    app = make_app(tmp_path)
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN, "\r")
    assert list(app.cues.heard) == ["confirm"]
    app.update(0.05)
    assert list(app.cues.heard) == ["confirm"], "the meter cue waits for the confirm to end"
    app.update(0.2)
    total = sum(app.scene.changes.values())
    expected = "meter_up" if total > 0 else "meter_down"
    assert list(app.cues.heard) == ["confirm", expected]
    app.update(0.2)
    assert list(app.cues.heard) == ["confirm", expected], "one cue per outcome"


def test_a_collapse_sounds_the_collapse(tmp_path):
    app = make_app(tmp_path, card="lang", meters=(("legitimiteit", 10),))
    key(app, pygame.K_1, "1")  # starts the trial: legitimacy -12
    key(app, pygame.K_RETURN, "\r")
    assert app.match.session.end_reason == "collapse"
    app.update(0.3)
    assert list(app.cues.heard) == ["confirm", "collapse"]


def test_a_workshop_is_silent_unless_asked(tmp_path):
    app = workshop(tmp_path, timer=0.05)
    assert not app.sound_on
    app.cue("confirm")
    assert list(app.cues.heard) == []
    key(app, pygame.K_m, "m")
    assert app.sound_on
    app.update(1.0)
    app.update(5.0)
    assert "time_up" in app.cues.heard, "the countdown running out sounds once"
    assert list(app.cues.heard).count("time_up") == 1
    app.close()
    assert make_app(tmp_path).sound_on, "single play keeps its own setting"


def test_m_typed_into_a_search_is_a_letter(tmp_path):
    app = make_app(tmp_path, deck=BUNDLED)
    assert app.scene.open_glossary()
    assert app.scene.takes_letters
    key(app, pygame.K_m, "m")
    assert app.sound_on and app.scene.query == "m"


def test_a_mixer_that_fails_plays_silent(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise pygame.error("no audio device")

    if pygame.mixer.get_init():
        pygame.mixer.quit()
    monkeypatch.setattr(pygame.mixer, "init", broken)
    app = make_app(tmp_path)
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN, "\r")
    app.update(1.0)
    assert list(app.cues.heard) == []
    assert type(app.scene).__name__ == "OutcomeScene"


def test_the_mute_flag_holds_for_the_run_only(tmp_path):
    app = make_app(tmp_path, mute=True)
    assert not app.sound_on
    app.cue("confirm")
    assert list(app.cues.heard) == []
    assert not (tmp_path / "data" / "preferences.json").exists()


# ---------------------------------------------------------------------------------- motion
def test_a_screen_change_fades_briefly_and_never_waits_for_input(tmp_path):
    app = make_app(tmp_path)
    before = app.present().copy()
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN, "\r")
    assert type(app.scene).__name__ == "OutcomeScene"
    fade = app.transition
    assert fade is not None and 0 < fade.duration <= 0.25
    corner = (app.surface.get_width() - 5, app.surface.get_height() - 5)
    shown = app.present()
    assert shown.get_at(corner) == before.get_at(corner), "the fade starts from the old frame"
    app.update(0.05)
    key(app, pygame.K_RETURN, "\r")  # mid-fade: Next acts in this very event
    assert type(app.scene).__name__ == "CardScene"
    app.present()
    for _ in range(20):
        app.update(0.05)
    assert app.transition is None and not app.animating, "nothing redraws once it is over"
    app.dirty = False
    app.update(0.05)
    assert not app.dirty


def test_the_essay_fades_in_too(tmp_path):
    app = make_app(tmp_path, size=(1920, 1080), deck=BUNDLED)
    app.present()
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN, "\r")
    app.update(1.0)
    app.present()
    assert app.scene.essay is not None and app.transition is None
    key(app, pygame.K_e, "e")
    assert app.transition is not None


def test_reduced_motion_from_the_command_line_makes_changes_instant(tmp_path):
    app = make_app(tmp_path, reduced_motion=True)
    app.present()
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN, "\r")
    assert app.transition is None
    assert not app.scene.animating, "the meters show their new values at once"
    assert app.scene.values() == {k: float(v) for k, v in app.scene.after.items()}


def test_reduced_motion_from_the_menu_is_kept(tmp_path):
    from game.ui.overlays.menu import ACTIONS

    app = make_app(tmp_path)
    assert not app.still
    key(app, pygame.K_ESCAPE)
    number = ACTIONS.index("motion") + 1
    key(app, pygame.K_1 + ACTIONS.index("motion"), str(number))
    assert app.still and type(app.scene).__name__ == "MenuScene", "the menu stays open"
    assert app.scene.button("motion").label == app.t("menu.motion_restore")
    app.close()
    again = make_app(tmp_path)
    assert again.still
    again.present()
    key(again, pygame.K_1, "1")
    key(again, pygame.K_RETURN, "\r")
    assert again.transition is None


def test_screenshots_and_autoplay_never_fade(tmp_path):
    app = make_app(tmp_path, screenshots_dir=tmp_path / "shots")
    assert app.still
