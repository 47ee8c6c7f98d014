"""The table, driven headless with real pygame events: keys, clicks, taps, resizes, autoplay.

Every test runs on SDL's dummy drivers and builds the App around a plain surface, so nothing
opens a window. Checks are on state and layout (what is where), not on pixels.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
# uihelpers first: it points SDL at its dummy drivers before pygame loads
from uihelpers import (DEMO, ROOT, UI_DECKS, assert_notice_shown, click, events, key, make_app,
                       tap)

import pygame
from game.ui.play_options import PlayOptions


pytestmark = pytest.mark.usefixtures("pygame_display")


def test_keys_select_then_confirm_and_journal(tmp_path):
    from game.ui.single.card import CardScene
    from game.ui.single.outcome import OutcomeScene

    app = make_app(tmp_path)
    scene = app.scene
    assert isinstance(scene, CardScene)
    card = scene.card
    key(app, pygame.K_2, "2")
    assert scene.selected == 1
    assert app.match.session.decisions == 0, "selecting alone must not decide"
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, OutcomeScene)
    decision = app.match.session.last_decision
    assert decision["card"] == card.id and decision["option"] == card.options[1].id
    assert events(app)[-1] == "decide"
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, CardScene) and app.match.session.round == 2
    app.close()


def test_arrow_keys_move_the_selection(tmp_path):
    app = make_app(tmp_path)
    scene = app.scene
    key(app, pygame.K_DOWN)
    assert scene.selected == 0
    key(app, pygame.K_DOWN)
    assert scene.selected == 1
    key(app, pygame.K_UP)
    assert scene.selected == 0
    key(app, pygame.K_SPACE)
    assert app.match.session.last_decision["option"] == scene.card.options[0].id
    app.close()


def test_click_selects_then_click_again_confirms(tmp_path):
    from game.ui.single.outcome import OutcomeScene

    app = make_app(tmp_path)
    now = [0.0]
    app.clock = lambda: now[0]
    scene = app.scene
    centre = scene.option_rect(1).center
    click(app, centre, touch=True)  # synthesised from touch: ignored
    assert scene.selected is None
    click(app, centre)
    assert scene.selected == 1 and app.match.session.decisions == 0
    now[0] += 1.0  # a moment later: a second click, not a double click
    click(app, centre)
    assert isinstance(app.scene, OutcomeScene)
    assert app.match.session.last_decision["option"] == scene.card.options[1].id
    next_button = app.scene.button("next").rect
    click(app, next_button.center)
    assert app.match.session.round == 2
    app.close()


def test_confirm_button_and_touch(tmp_path):
    from game.ui.single.outcome import OutcomeScene

    app = make_app(tmp_path, size=(1920, 1080))
    scene = app.scene
    tap(app, scene.button("confirm").rect.center)
    assert app.match.session.decisions == 0, "confirm is disabled until an option is chosen"
    tap(app, scene.option_rect(0).center)
    assert scene.selected == 0
    tap(app, scene.button("confirm").rect.center)
    assert isinstance(app.scene, OutcomeScene)
    assert app.match.session.last_decision["option"] == scene.card.options[0].id
    app.close()


def test_preview_shows_effects_of_the_selected_option(tmp_path):
    app = make_app(tmp_path)
    scene = app.scene
    assert scene.card.id == "hype", "seed 7 deals 'hype' first (tests/decks/ui/demo)"
    assert scene.preview() == {}
    assert scene._marks() == {}
    # hype/proef: {strategie: -3, capaciteit: -3}; the demo deck previews directions
    key(app, pygame.K_1)
    assert scene.preview() == {"strategie": -3, "capaciteit": -3}
    assert scene._marks() == {"strategie": ("direction", -3), "capaciteit": ("direction", -3)}
    # hype/opgave: {strategie: 6, legitimiteit: -2}
    key(app, pygame.K_2)
    assert scene.preview() == {"legitimiteit": -2, "strategie": 6}
    assert scene._marks() == {"legitimiteit": ("direction", -2), "strategie": ("direction", 6)}
    app.close()


def test_preview_shows_what_is_left_when_a_meter_would_pass_its_end(tmp_path):
    # hype/opgave is {strategie: 6, legitimiteit: -2}; from 97 and 1 the meters stop at their
    # ends (0..100), and the preview says how far they really move
    app = make_app(tmp_path, card="hype", meters=(("legitimiteit", 1), ("strategie", 97)))
    key(app, pygame.K_2)
    assert app.scene.preview() == {"legitimiteit": -1, "strategie": 3}
    app.close()


def test_escape_undo_returns_to_the_card_and_is_journalled(tmp_path):
    from game.ui.single.card import CardScene
    from game.ui.overlays.menu import MenuScene

    app = make_app(tmp_path)
    first = app.scene.card.id
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)  # on to round 2
    assert app.match.session.round == 2
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, MenuScene)
    undo = app.scene.button("undo")
    click(app, undo.rect.center)
    assert isinstance(app.scene, CardScene)
    assert app.scene.card.id == first and app.match.session.round == 1
    assert app.match.session.decisions == 0
    assert events(app)[-1] == "undo"
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_ESCAPE)  # Esc again: back to the card, nothing changed
    assert isinstance(app.scene, CardScene) and app.match.session.round == 1
    app.close()


def test_restart_abandons_and_starts_afresh(tmp_path):
    app = make_app(tmp_path)
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    old = app.match.session_id
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_3)  # menu item 3: start over
    assert app.match.session_id != old and app.match.session.decisions == 0
    assert app.journal.session(old).status == "abandoned"
    app.close()


def test_quit_from_menu_keeps_the_session_for_resume(tmp_path):
    from game.ui.single.card import CardScene

    app = make_app(tmp_path)
    key(app, pygame.K_2)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_5)
    assert not app.running and app.exit_code == 0
    app.close()
    again = make_app(tmp_path, resume=True, deck=None)
    assert isinstance(again.scene, CardScene)
    assert again.match.session.decisions == 1 and again.match.session.round == 2
    again.close()


def test_play_to_the_end(tmp_path):
    from game.ui.single.card import CardScene
    from game.ui.single.end import EndScene

    app = make_app(tmp_path)
    for _ in range(40):
        if isinstance(app.scene, EndScene):
            break
        if isinstance(app.scene, CardScene):
            key(app, pygame.K_1)
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, EndScene)
    assert app.match.session.is_over
    assert app.scene.heading() and app.scene.body() and app.scene.reason()
    assert events(app)[-1] == "end"
    assert app.journal.latest_unfinished() is None
    key(app, pygame.K_PAGEDOWN)
    click(app, app.scene.button("new").rect.center)
    assert isinstance(app.scene, CardScene) and app.match.session.round == 1
    app.close()


def ended_game(tmp_path, size):
    """The default deck played with seed 3 to its end screen, options 1 and 2 in turn."""
    from game.ui.single.card import CardScene
    from game.ui.single.end import EndScene

    app = make_app(tmp_path, size=size, deck=ROOT / "scenarios" / "digitaal-leiderschap",
                   seed=3)
    for i in range(80):
        if isinstance(app.scene, EndScene):
            break
        if isinstance(app.scene, CardScene):
            key(app, pygame.K_1 + i % 2)
        key(app, pygame.K_RETURN)
    return app


def test_the_end_screens_decisions_are_measured_once_per_window_size(tmp_path, monkeypatch):
    """Scrolling the list and redrawing it read each decision's height as measured; a new
    window size measures them again, and the list still shows whole rows in it."""
    from game.ui.single.end import EndScene

    measured = []
    measure = EndScene._measure_row

    def measuring(scene, record):
        measured.append(record["round"])
        return measure(scene, record)

    monkeypatch.setattr(EndScene, "_measure_row", measuring)
    app = ended_game(tmp_path, (800, 600))
    scene = app.scene
    decisions = len(scene.history)
    assert isinstance(scene, EndScene) and decisions > scene.per_page
    app.render()
    for _ in range(decisions):
        key(app, pygame.K_PAGEDOWN)
        app.render()
    assert scene.scroll == scene.max_scroll > 0
    assert sorted(measured) == [record["round"] for record in scene.history]
    app.handle(pygame.event.Event(pygame.VIDEORESIZE, w=1280, h=720, size=(1280, 720)))
    app.render()
    assert decisions < len(measured) <= 2 * decisions
    assert scene.scroll + scene.per_page == decisions
    app.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_end_screen_says_why_the_meters_moved_and_what_the_essay_advises(tmp_path, size):
    from game.ui.single.end import EndScene

    app = ended_game(tmp_path, size)
    scene = app.scene
    assert isinstance(scene, EndScene) and scene.view == "summary"
    L = scene.layout
    for tab in L.tabs:
        assert L.view.contains(L.chart) and not tab.colliderect(L.view)
        assert not any(tab.colliderect(b) for b in L.buttons)
    report = scene.game_report()
    team = report["teams"][0]
    cards = report["labels"]["cards"]

    key(app, pygame.K_w, "w")
    app.render()
    assert scene.view == "why"
    texts = scene.texts
    for meter in report["meters"]:
        top = team["causes"][meter["id"]][0]
        assert cards[top["card"]] in texts and f"R{top['round']}" in texts
    follow_ups = [c for cs in team["causes"].values() for c in cs[:2] if c["scheduled_by"]]
    assert follow_ups, "seed 3 brings the newspaper back after the scan car"
    origin = follow_ups[0]["scheduled_by"]
    assert f"← R{origin['round']}: {cards[origin['card']]}" in texts, [t for t in texts if "←" in t or "R3" in t]
    drawn = scene.canvas.drawn
    for text, rect in drawn:
        assert L.view.contains(rect), (text, rect)
    assert not [(a, b) for i, (a, ra) in enumerate(drawn) for b, rb in drawn[i + 1:]
                if ra.colliderect(rb)]
    assert app.metrics.body >= (28 if size[1] >= 1080 else 18)

    click(app, scene.button("view-advice").rect.center)
    app.render()
    assert scene.view == "advice"
    texts = scene.texts
    for rec in team["recommendations"]:
        assert rec["title"] in texts and rec["verdict_label"] in texts
    labels = {rec["verdict_label"] for rec in team["recommendations"]}
    assert labels & {"Gevolgd", "Hier schoot het tekort"}, "a game this long judges something"
    for text, rect in scene.canvas.drawn:
        assert L.view.contains(rect), (text, rect)

    key(app, pygame.K_w, "w")
    assert scene.view == "summary"
    app.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160), (1024, 768)])
def test_layouts_fit_the_window(tmp_path, size):
    from game.ui.layout import screens as layout
    from game.ui.layout.title import title

    app = make_app(tmp_path)
    app.handle(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
    app.render()
    assert app.surface.get_size() == size
    m = app.metrics
    window = pygame.Rect(0, 0, *size)
    plans = [layout.card(m, 3, 4), layout.card(m, 3, 2, notice=True), layout.outcome(m, 3),
             layout.outcome(m, 3, 200), layout.end(m, 3), title(m, True),
             title(m, False), layout.card(m, 3, 4, tags=True, glossary=True),
             layout.card(m, 3, 3, notice=True, glossary=True), layout.glossary(m),
             layout.outcome(m, 3, 200, tools=2), layout.outcome(m, 3, 200, tools=1,
                                                                essay_height=m.px(400))]
    for plan in plans:
        for rect in plan.rects():
            assert window.contains(rect), (plan.__class__.__name__, rect)
    card = app.scene.layout
    for a, b in zip(card.options, card.options[1:]):
        assert a.bottom <= b.top
    assert card.confirm.bottom <= card.frame.warning.top
    assert not card.panel.colliderect(card.column)
    if size[1] >= 1080:
        assert m.body >= 28
    assert m.body >= 18 and m.small >= 18
    app.close()


def test_body_text_sizes():
    from game.ui.look.theme import Theme

    theme = Theme()
    assert theme.metrics((1920, 1080)).body >= 28
    assert 18 <= theme.metrics((1280, 720)).body <= 21
    assert theme.metrics((3840, 2160)).body >= 56
    assert theme.metrics((1920, 1080)).title > theme.metrics((1920, 1080)).body


def test_theme_contrast():
    from game.ui.look.theme import Theme, contrast_ratio

    for name, ink, background, needed in Theme().text_pairs():
        assert contrast_ratio(ink, background) >= needed, name
    assert round(contrast_ratio((0, 0, 0), (255, 255, 255)), 1) == 21.0


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_longest_card_text_wraps_inside_its_box(tmp_path, size):
    from game.ui.single.card import CardScene

    app = make_app(tmp_path, size=size)
    deck = app.match.deck
    longest = max(deck.cards.values(), key=lambda c: len(app.local(c.text)))
    app.match.session._state.current = longest.id  # put the longest card on the table to look at it
    app.reset(CardScene(app, app.match))
    app.render()
    box = app.scene.layout.text
    text = app.local(longest.text)
    sizes = app.metrics.shrunk(app.metrics.body)
    block = app.text.fit(text, "regular", [round(app.metrics.body * 1.2)] + sizes,
                         (0, 0, 0), box.width, box.height)
    assert block.height <= box.height and not block.overflow
    assert block.width <= box.width
    assert " ".join(block.lines).split() == text.split(), "no word is cut or lost"
    font = app.fonts.get("regular", block.size)
    assert all(font.size(line)[0] <= box.width for line in block.lines)
    for rect, option in zip(app.scene.layout.options, longest.options):
        assert rect.height > 0
    app.close()


def test_wrap_never_breaks_words():
    from game.ui.look.textcache import Fonts, wrap
    from game.ui.look.theme import Theme

    font = Fonts(Theme().fonts).get("regular", 24)
    lines, overflow = wrap("een gegevensbeschermingseffectbeoordeling is lang", font, 120)
    assert "gegevensbeschermingseffectbeoordeling" in lines and overflow


def test_broken_deck_is_greyed_with_its_errors(tmp_path):
    from game.ui.start.deck_errors import DeckErrorsScene
    from game.ui.start.title import TitleScene

    app = make_app(tmp_path, deck=None)
    title = app.scene
    assert isinstance(title, TitleScene)
    names = {e.folder.name: e for e in title.entries}
    assert {"broken", "demo"} <= set(names)
    broken = names["broken"]
    index = title.entries.index(broken)
    button = title.button(f"deck-{index}")
    assert button.muted and button.detail_alert
    assert str(broken.result.error_count) in button.detail
    assert broken.result.error_count >= 1
    click(app, button.rect.center)
    assert isinstance(app.scene, DeckErrorsScene)
    assert app.scene.problems and all(d.is_error for d in app.scene.problems)
    key(app, pygame.K_ESCAPE)
    assert app.scene is title
    demo = title.button(f"deck-{title.entries.index(names['demo'])}")
    assert not demo.muted
    click(app, demo.rect.center)
    click(app, title.button("start").rect.center)
    assert app.match is not None and app.match.deck.id == "ui-demo"
    app.close()


def test_title_offers_resume_and_new_game_keeps_it(tmp_path):
    from game.ui.start.title import TitleScene

    app = make_app(tmp_path)
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    first = app.match.session_id
    app.close()
    app = make_app(tmp_path, deck=None)
    title = app.scene
    assert isinstance(title, TitleScene) and title.saved is not None
    assert title.saved.id == first and title.button("resume") is not None
    click(app, title.button("start").rect.center)
    assert app.match.session_id != first
    assert app.journal.session(first).status == "active"
    app.to_title()
    click(app, app.scene.button("resume").rect.center)
    assert app.match.session_id in (first, app.journal.latest_unfinished().id)
    app.close()


def test_language_switch_on_the_title(tmp_path):
    app = make_app(tmp_path, deck=None)
    click(app, app.scene.button("lang-en").rect.center)
    assert app.lang == "en" and app.scene.button("start").label == "Play alone"
    app.close()


def test_journal_failure_shows_a_warning_and_play_goes_on(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    app = make_app(tmp_path, data_dir=blocker / "data")
    assert app.journal is None and app.warning
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    assert app.match.session.decisions == 1
    app.close()


def test_redraws_only_when_something_changes(tmp_path):
    app = make_app(tmp_path)
    assert not app.dirty
    app.update(0.5)
    assert not app.dirty, "an untouched card needs no new frame"
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    assert app.animating
    app.update(0.1)
    assert app.dirty
    app.update(1.0)
    app.render()
    assert not app.animating
    app.update(0.5)
    assert not app.dirty
    app.close()


def test_catalogs_have_the_same_keys():
    from game.language.catalog import load_catalog, read_entries

    assert set(read_entries("nl")) == set(read_entries("en"))
    assert load_catalog("en").t("card.round", round=3, term=12) == "Round 3 of 12"
    assert load_catalog("nl").t("card.round", round=3, term=12) == "Ronde 3 van 12"


def test_drawn_portraits_differ_and_are_cached(tmp_path):
    app = make_app(tmp_path)
    deck = app.match.deck
    a, b = deck.spec.characters[:2]
    pa = app.portraits.get(a, 150, deck.folder)
    assert pa is app.portraits.get(a, 150, deck.folder)
    pb = app.portraits.get(b, 150, deck.folder)
    assert pygame.image.tobytes(pa, "RGBA") != pygame.image.tobytes(pb, "RGBA")
    assert app.portraits.get(a, 300, deck.folder).get_size() == (300, 300)
    app.close()


def _autoplay(out: Path, data: Path) -> dict:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "play", str(DEMO), "--headless", "--autoplay",
         "--seed", "3", "--out", str(out), "--data-dir", str(data)],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    record = json.loads((out / "session.json").read_text(encoding="utf-8"))
    record.pop("written")
    return record


def test_autoplay_writes_the_same_session_for_the_same_seed(tmp_path):
    first = _autoplay(tmp_path / "a", tmp_path / "data-a")
    second = _autoplay(tmp_path / "b", tmp_path / "data-b")
    assert first == second
    assert first["deck"]["id"] == "ui-demo" and first["seed"] == 3
    assert first["finished"] is True and first["rounds"]
    for number, item in enumerate(first["rounds"], start=1):
        assert item["round"] == number
        assert {"card", "option", "meters_before", "meters_after", "flags"} <= set(item)


def test_autoplay_in_process_with_screenshots(tmp_path):
    from game.ui.app import run

    shots = tmp_path / "shots"
    code = run(PlayOptions(deck=DEMO, scenarios_dir=UI_DECKS, data_dir=tmp_path / "data",
                           headless=True, autoplay=True, seed=5, out_dir=tmp_path / "out",
                           screenshots_dir=shots))
    assert code == 0
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names[0] == "001-title.png" and names[1] == "002-card-r01.png"
    assert names[2] == "003-outcome-r01.png" and names[-1].endswith("-end.png")
    assert (tmp_path / "out" / "session.json").is_file()


def test_exit_after_first_frame(tmp_path):
    from game.ui.app import run

    code = run(PlayOptions(scenarios_dir=UI_DECKS, data_dir=tmp_path / "data", headless=True,
                           exit_after_first_frame=True))
    assert code == 0


def test_unexpected_error_is_logged_not_shown(tmp_path, monkeypatch, capsys):
    from game.ui import app as app_module

    def broken_loop(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(app_module.App, "loop", broken_loop)
    code = app_module.run(PlayOptions(deck=DEMO, scenarios_dir=UI_DECKS,
                                      data_dir=tmp_path / "data", headless=True))
    assert code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "stopped unexpectedly" in err
    logs = list((tmp_path / "data").glob("crash-*.log"))
    assert logs and "boom" in logs[0].read_text(encoding="utf-8")


def test_resume_tells_when_the_card_is_gone(tmp_path):
    import shutil

    from game.ui.single.card import CardScene

    deck = tmp_path / "deck"
    shutil.copytree(DEMO, deck)
    app = make_app(tmp_path, deck=deck)
    gone = app.scene.card.id
    app.close()
    cards = deck / "cards" / "cards.yaml"
    lines = cards.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  - id: {gone}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id: ")),
               len(lines))
    cards.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    again = make_app(tmp_path, deck=None, resume=True)
    assert isinstance(again.scene, CardScene) and again.scene.card.id != gone
    assert_notice_shown(again, ["Het deck is aangepast sinds deze sessie begon.",
                                f"De kaart '{gone}' bestaat niet meer in het deck; "
                                "er is een nieuwe kaart getrokken."])
    again.close()


def test_a_whole_game_is_played_through_what_each_screen_asks(tmp_path):
    """The one interface autoplay uses: every screen says what it asks, and answering it with
    the events it names plays the game to its end, each decision in the journal."""
    from uihelpers import answer

    app = make_app(tmp_path, instant=True)
    kinds = []
    for _ in range(100):
        prompt = app.scene.prompt()
        kinds.append(prompt.kind)
        if prompt.kind == "end":
            break
        if prompt.kind == "pick":
            assert prompt.count == len(app.match.session.current_card.options)
            answer(app, prompt.count - 1)
        else:
            assert prompt.kind == "next"
            answer(app)
    assert kinds[-1] == "end" and app.match.session.is_over
    decisions = app.match.session.history
    assert kinds.count("pick") == len(decisions) >= 2
    assert all(d["option"] == app.match.deck.card(d["card"]).options[-1].id for d in decisions)
    assert len(events(app, "decide")) == len(decisions)
    app.close()


def test_every_routed_scene_says_what_it_asks():
    """Every scene the router can build answers ``prompt()`` itself, so autoplay and the tests
    never need to know which class is on top."""
    import ast

    from game.ui.scene import Scene

    import importlib

    router = ROOT / "game" / "ui" / "router.py"
    names = {(node.module, alias.name)
             for node in ast.walk(ast.parse(router.read_text(encoding="utf-8")))
             if isinstance(node, ast.ImportFrom) and node.module.startswith("game.ui.")
             for alias in node.names if alias.name.endswith("Scene") and alias.name != "Scene"}
    # the router imports each scene's module where it makes that scene
    classes = [getattr(importlib.import_module(module), name) for module, name in sorted(names)]
    assert len(classes) >= 18
    silent = [c.__name__ for c in classes if c.prompt is Scene.prompt]
    assert silent == []
