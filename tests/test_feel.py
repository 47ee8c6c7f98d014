"""Game feel at the table: sound cues and the M key, transitions and reduced motion.

Every test drives the real table with real pygame events on SDL's dummy video and audio drivers.
"""

import json

import pygame
import pytest

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


# ---------------------------------------------------------------------------------- meters
def colour_in(surface, rect, colour) -> int:
    """How many pixels of ``colour`` lie in ``rect``."""
    rect = rect.clip(surface.get_rect())
    want = tuple(colour)[:3]
    return sum(1 for x in range(rect.x, rect.right) for y in range(rect.y, rect.bottom)
               if tuple(surface.get_at((x, y)))[:3] == want)


def test_a_meter_near_collapse_shows_a_warning_sign_and_stripes(tmp_path):
    app = make_app(tmp_path, card="lang", meters=(("legitimiteit", 12),))
    p, slots = app.theme.palette, app.scene.layout.meters
    assert colour_in(app.surface, slots[0].area, p.alarm_flash) > 20, "a warning triangle"

    def middle(bar, share):  # the filled part of a bar, clear of its rounded ends
        return pygame.Rect(bar.x + bar.height, bar.centery - 1,
                           round(bar.width * share) - 2 * bar.height, 3)

    assert colour_in(app.surface, middle(slots[0].bar, 0.12), p.band) > 2, "stripes over the bar"
    assert colour_in(app.surface, slots[1].area, p.alarm_flash) == 0, "capacity at 50 is fine"
    assert colour_in(app.surface, middle(slots[1].bar, 0.5), p.band) == 0


def test_a_collapsed_meter_shows_a_stop_sign_and_the_old_value(tmp_path):
    app = make_app(tmp_path, card="lang", meters=(("legitimiteit", 10),))
    key(app, pygame.K_1, "1")  # legitimacy -12: collapses
    key(app, pygame.K_RETURN, "\r")
    app.update(1.0)
    app.render()
    p, slot = app.theme.palette, app.scene.layout.meters[0]
    assert colour_in(app.surface, slot.area, p.alarm) > 40, "the stop sign and the red number"
    bar = slot.bar  # (shortened on the right when the change's mark stands at its end)
    near_old = pygame.Rect(bar.x + round(bar.width * 0.05), bar.y - 2,
                           round(bar.width * 0.08), bar.height + 4)
    assert colour_in(app.surface, near_old, p.band_ink) > 5, "a tick where the meter stood"


def test_the_danger_zone_follows_the_collapsing_end():
    from game.format.models import Meter
    from game.ui.look.danger import COLLAPSED, DANGER, meter_state

    low = Meter(id="a", label="A")
    assert [meter_state(low, v) for v in (0, 8, 20, 21, 60, 100)] == \
        [COLLAPSED, DANGER, DANGER, None, None, None]
    high = Meter(id="b", label="B", collapse="max")
    assert [meter_state(high, v) for v in (0, 50, 85, 100)] == [None, None, DANGER, COLLAPSED]
    assert meter_state(Meter(id="c", label="C", collapse="none"), 0) is None


def test_a_collapse_ends_on_a_screen_of_its_own(tmp_path):
    app = make_app(tmp_path, card="lang", meters=(("legitimiteit", 10),), instant=True)
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN, "\r")
    key(app, pygame.K_RETURN, "\r")
    assert type(app.scene).__name__ == "EndScene" and app.scene.collapsed
    p, band = app.theme.palette, app.scene.layout.frame.band
    assert tuple(app.surface.get_at((band.right - 3, band.y + 3)))[:3] == p.collapse_band
    assert colour_in(app.surface, band, p.alarm) > 100, "a stop sign beside the title"


def test_a_term_that_runs_out_ends_on_the_usual_band(tmp_path):
    app = make_app(tmp_path, instant=True)
    while type(app.scene).__name__ != "EndScene":
        key(app, pygame.K_2, "2")
        key(app, pygame.K_RETURN, "\r")
    assert app.match.session.end_reason == "term" and not app.scene.collapsed
    p, band = app.theme.palette, app.scene.layout.frame.band
    assert tuple(app.surface.get_at((band.right - 3, band.y + 3)))[:3] == p.band


# ---------------------------------------------------------------------------------- portraits
def portrait_of(features: dict, ident: str = "wethouder", colour: str = "#2E6DB4"):
    from game.format.models import Character
    from game.ui.look.portrait import Portraits
    from game.ui.look.textcache import Fonts
    from game.ui.look.theme import Theme

    theme = Theme()
    character = Character(id=ident, name="Anna de Vries", role="Wethouder", colour=colour,
                          features=features)
    return Portraits(theme.palette, Fonts(theme.fonts)).draw(character, 120), character


def differing(a, b) -> int:
    w, h = a.get_size()
    return sum(1 for x in range(0, w, 2) for y in range(0, h, 2) if a.get_at((x, y)) != b.get_at((x, y)))


@pytest.mark.parametrize("feature, one, other", [
    ("hair", "bald", "long"), ("hair_colour", "black", "blond"), ("skin", 1, 6),
    ("glasses", False, True), ("age", "young", "older"), ("clothing", "suit", "sweater"),
])
def test_each_feature_changes_the_drawn_portrait(pygame_display, feature, one, other):
    base = {"hair": "short", "hair_colour": "brown", "skin": 3, "glasses": False,
            "age": "middle", "clothing": "shirt"}
    a, _ = portrait_of({**base, feature: one})
    b, _ = portrait_of({**base, feature: other})
    assert differing(a, b) > 20, feature


def test_left_out_features_follow_from_the_id_the_same_every_time(pygame_display):
    from game.ui.look.portrait import looks_of

    _, one = portrait_of({}, "wethouder-demir")
    _, same = portrait_of({}, "wethouder-demir")
    assert looks_of(one) == looks_of(same)
    looks = {looks_of(portrait_of({}, f"persoon-{i}")[1]) for i in range(12)}
    assert len(looks) == 12, "twelve ids, twelve different people"
    _, set_ = portrait_of({"hair": "bun", "skin": 5}, "wethouder-demir")
    assert looks_of(set_).hair == "bun" and looks_of(set_).skin == 5
    assert looks_of(set_).clothing == looks_of(one).clothing, "the rest stays as the id says"


def test_the_initials_keep_off_the_shoulders(pygame_display):
    with_badge, character = portrait_of({"clothing": "sweater"})
    from game.ui.look.portrait import looks_of

    size = with_badge.get_width()
    bottom_right = pygame.Rect(size * 3 // 4, size * 3 // 4, size // 4 - 2, size // 4 - 2)
    clothes = pygame.Color("#2E6DB4")
    found = [with_badge.get_at((x, y)) for x in range(bottom_right.x, bottom_right.right, 2)
             for y in range(bottom_right.y, bottom_right.bottom, 2)]
    assert sum(1 for c in found if c[:3] == clothes[:3]) > len(found) // 3, \
        "the shoulder in the character's colour shows in the bottom corner"
    assert looks_of(character).clothing == "sweater"


def test_a_deck_with_a_bad_feature_is_refused_with_its_place(tmp_path):
    import shutil

    from game.authoring.loader import load_deck

    deck = tmp_path / "deck"
    shutil.copytree(ROOT / "tests" / "decks" / "ui" / "demo", deck)
    path = deck / "deck.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('    colour: "#2E6DB4"\n',
                                 '    colour: "#2E6DB4"\n'
                                 '    features: {hair: mohawk, skin: 9, glasses: true}\n'),
                    encoding="utf-8")
    result = load_deck(deck)
    assert result.deck is None
    places = sorted((d.code, d.file.name, d.line, d.col) for d in result.diagnostics)
    assert places == [("E104", "deck.yaml", 27, 22), ("E104", "deck.yaml", 27, 36)], \
        [d.format() for d in result.diagnostics]


# ---------------------------------------------------------------------------------- the title
def test_the_title_invites_play_with_the_deck_its_meters_and_the_big_choices(tmp_path):
    from game.ui.start.title import first_sentence

    app = make_app(tmp_path, deck=None, scenarios_dir=ROOT / "scenarios", size=(1920, 1080))
    scene, p = app.scene, app.theme.palette
    L = scene.layout
    ids = {b.id for b in scene.buttons}
    assert {"start", "workshop", "onboarding", "lang-nl", "lang-en", "deck-0", "deck-1"} <= ids
    assert scene.button("start").label == app.t("title.play_alone")
    assert scene.button("workshop").label == app.t("title.run_workshop")
    assert L.hero.contains(L.start) and L.hero.contains(L.workshop) and L.hero.contains(L.art)
    assert L.start.width >= L.hero.width // 3, "the choices are big"
    deck = scene.entry.result.deck
    assert len(L.meters) == len(deck.meters) == 3
    for i, row in enumerate(L.meters):
        dot = app.metrics.px(30)
        assert tuple(app.surface.get_at((row.x + dot // 2, row.centery)))[:3] == p.band_meter(i)
    assert colour_in(app.surface, L.art, p.band) > L.art.width, "the deck's emblem"
    assert first_sentence(app.local(deck.meters[0].description)).endswith(".")
    key(app, pygame.K_RETURN, "\r")
    assert type(app.scene).__name__ == "CardScene", "Enter plays alone"


def test_the_first_sentence_of_a_meters_description():
    from game.ui.start.title import first_sentence

    assert first_sentence("Draagvlak. Past het binnen de wet?") == "Draagvlak."
    assert first_sentence("Kunnen we het?  Mensen en middelen.") == "Kunnen we het?"
    assert first_sentence("Geen punt") == "Geen punt"


def test_less_motion_is_in_the_workshop_menu_too(tmp_path):
    app = workshop(tmp_path)
    key(app, pygame.K_ESCAPE)
    number = app.scene.actions.index("motion") + 1
    assert number == 7
    key(app, pygame.K_7, "7")
    assert app.still and type(app.scene).__name__ == "MenuScene"


def test_a_slow_frame_never_skips_the_meters_move(tmp_path):
    from game.ui.look.motion import DURATION

    app = make_app(tmp_path)
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN, "\r")
    app.update(0.6, frame=True)  # writing the decision took long: the move starts anyway
    assert app.scene.animating and 0 < app.scene.elapsed < DURATION / 4
    before, shown = app.scene.before, app.scene.values()
    assert any(abs(shown[k] - before[k]) < abs(app.scene.after[k] - before[k])
               for k in app.scene.changes), "part-way: the old value still shows in the move"
    for _ in range(40):
        app.update(0.05, frame=True)
    assert not app.scene.animating and not app.animating
