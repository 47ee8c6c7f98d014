"""A council member's introduction (``--mode onboarding``): the guided first game, the council's
question after the outcome, resume, and the take-home summary.

The guided game is driven with real pygame events (keys and clicks on the buttons it draws), on
the bundled council deck, with a real journal; the summary is rendered from a real game and read
back as HTML; the whole mode is run once through the command line as autoplay runs it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from uihelpers import ROOT, click, key, make_app

import pygame
from game.authoring.loader import load_deck
from game.reports.summary import build_summary, instruments_in, render_summary

COUNCIL = ROOT / "scenarios" / "raadsleden"
MAIN = ROOT / "scenarios" / "digitaal-leiderschap"


def onboarding_app(tmp_path, **overrides):
    values = dict(deck=None, scenarios_dir=ROOT / "scenarios", mode="onboarding",
                  out_dir=tmp_path / "out")
    values.update(overrides)
    return make_app(tmp_path, instant=True, **values)


def tutorial_step(app):
    """The step of the guided game on top, or None."""
    prompt = app.scene.prompt()
    return prompt.step[1] if prompt is not None and prompt.step[:1] == ("tutorial",) else None


def test_the_guided_game_is_completed_with_keys(tmp_path):
    from game.ui.overlays.tutorial import STEPS

    app = onboarding_app(tmp_path)
    assert app.scene.shot_name == "tutorial-01"
    assert app.match.deck.id == "raadsleden"
    seen = []
    for _ in range(60):
        step = tutorial_step(app)
        if step is not None:
            seen.append(step)
            key(app, pygame.K_RETURN, "\r")
        elif app.match.session.phase == "card":
            if app.match.session.onboarding["tutorial"] == "done":
                break
            key(app, pygame.K_1, "1")
            key(app, pygame.K_RETURN, "\r")
        else:
            key(app, pygame.K_RETURN, "\r")
    assert seen == list(range(len(STEPS)))
    assert app.match.session.onboarding == {"tutorial": "done"}
    assert app.match.session.round == 2 and app.scene.prompt().kind == "pick"
    app.close()


def test_learning_by_doing_choose_and_confirm_through_the_callouts(tmp_path):
    """On the option step a number key chooses on the card below and moves on; on the confirm
    step Enter confirms the card chosen, and the outcome's callouts follow."""
    app = onboarding_app(tmp_path)
    while tutorial_step(app) != 3:
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_2, "2")
    assert tutorial_step(app) == 4
    assert app.stack[0].selected == 1  # the card below has the second option selected
    key(app, pygame.K_RETURN, "\r")   # to the glossary step
    key(app, pygame.K_RETURN, "\r")   # to the confirm step
    assert tutorial_step(app) == 6
    key(app, pygame.K_RETURN, "\r")
    assert app.match.session.decisions == 1
    assert app.match.session.history[0]["option"] == app.match.deck.card(
        app.match.session.history[0]["card"]).options[1].id
    assert tutorial_step(app) == 7 and app.stack[0].shot_name.startswith("outcome")
    app.close()


def test_the_guided_game_is_completed_and_skipped_with_clicks(tmp_path):
    app = onboarding_app(tmp_path)
    for _ in range(3):
        click(app, app.scene.button("next").rect.center)
    assert tutorial_step(app) == 3
    option = app.stack[0].option_rect(0)
    click(app, option.center)  # a click on the outlined options chooses on the card below
    assert tutorial_step(app) == 4 and app.stack[0].selected == 0
    click(app, app.scene.button("skip").rect.center)
    assert tutorial_step(app) is None
    assert app.match.session.onboarding == {"tutorial": "done"}
    assert app.scene.prompt().kind == "pick" and app.scene.selected == 0
    key(app, pygame.K_RETURN, "\r")
    assert tutorial_step(app) is None  # skipped: the outcome comes without callouts
    app.close()


def test_escape_skips_and_the_skip_is_journalled(tmp_path):
    app = onboarding_app(tmp_path)
    key(app, pygame.K_ESCAPE)
    assert tutorial_step(app) is None
    payloads = [p for k, p in app.journal.events(app.match.session_id) if k == "onboarding"]
    assert payloads[0] == {"tutorial": 0} and payloads[-1] == {"tutorial": "done"}
    app.close()


def test_a_new_introduction_remembers_the_guided_game_was_seen(tmp_path):
    first = onboarding_app(tmp_path)
    assert tutorial_step(first) == 0
    key(first, pygame.K_RETURN, "\r")
    first.close()
    second = onboarding_app(tmp_path)
    assert tutorial_step(second) == 0, "stopped half-way: the next introduction shows it again"
    key(second, pygame.K_ESCAPE)
    second.close()
    third = onboarding_app(tmp_path)
    assert tutorial_step(third) is None and third.scene.prompt().kind == "pick"
    assert third.match.session.onboarding == {"tutorial": "done"}
    third.close()


def test_resume_in_the_middle_of_the_guided_game_and_after_it(tmp_path):
    app = onboarding_app(tmp_path)
    key(app, pygame.K_RETURN, "\r")
    key(app, pygame.K_RETURN, "\r")
    assert tutorial_step(app) == 2
    app.close()
    again = onboarding_app(tmp_path, resume=True, mode="single")
    assert tutorial_step(again) == 2, "resumed at the step it stopped at"
    assert again.match.session.onboarding == {"tutorial": 2}
    key(again, pygame.K_ESCAPE)
    key(again, pygame.K_1, "1")
    key(again, pygame.K_RETURN, "\r")
    assert again.match.session.decisions == 1
    again.close()
    third = onboarding_app(tmp_path, resume=True, mode="single")
    assert tutorial_step(third) is None and third.scene.prompt().kind == "pick"
    assert third.match.session.onboarding == {"tutorial": "done"}
    third.close()


def test_the_title_screen_offers_the_introduction(tmp_path):
    app = make_app(tmp_path, deck=None, scenarios_dir=ROOT / "scenarios")
    button = app.scene.button("onboarding")
    assert button is not None and button.label == "Introductie voor raadsleden"
    click(app, button.rect.center)
    assert tutorial_step(app) == 0 and app.match.deck.id == "raadsleden"
    app.close()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_callouts_sit_on_screen_beside_what_they_point_at(tmp_path, size):
    app = onboarding_app(tmp_path, size=size)
    screen = app.surface.get_rect()
    for _ in range(11):
        scene = app.scene
        if tutorial_step(app) is None:
            key(app, pygame.K_1, "1")
            key(app, pygame.K_RETURN, "\r")
            continue
        assert screen.contains(scene.panel), (scene.step, scene.panel)
        if scene.current.target is not None:
            assert scene.outline is not None, scene.current.key
            assert not scene.panel.colliderect(scene.outline), scene.current.key
        key(app, pygame.K_RETURN, "\r")
    app.close()


def test_the_council_question_shows_after_the_outcome_in_onboarding_only(tmp_path):
    app = onboarding_app(tmp_path, deck=MAIN)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN, "\r")
    outcome = app.scene
    card = outcome.card
    assert card.council_question
    assert outcome.council_question() == card.council_question["nl"]
    rect = outcome.council_rect()
    assert rect is not None and app.surface.get_rect().contains(rect)
    assert not rect.colliderect(outcome.layout.panel)
    app.close()
    plain = make_app(tmp_path, deck=MAIN, instant=True)
    key(plain, pygame.K_1, "1")
    key(plain, pygame.K_RETURN, "\r")
    assert plain.scene.council_question() == "" and plain.scene.council_rect() is None
    plain.close()


# ------------------------------------------------------------------------------ the summary
class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _played(deck, seed=5):
    from game.rules.session import Session

    session = Session.new(deck, seed)
    while not session.is_over:
        card = session.current_card
        session.choose(card.options[session.round % len(card.options)].id)
        session.advance()
    return session


def test_the_summary_escapes_deck_text_and_loads_nothing(tmp_path):
    import shutil

    folder = tmp_path / "deck"
    shutil.copytree(COUNCIL, folder)
    cards = sorted((folder / "cards").glob("*.yaml"))
    text = cards[0].read_text(encoding="utf-8")
    first_title = re.search(r"\n    title:\n      nl: (.*)\n", text)
    text = text.replace(first_title.group(0),
                        "\n    title:\n      nl: \"<script>alert(1)</script> titel\"\n", 1)
    cards[0].write_text(text, encoding="utf-8")
    deck = load_deck(folder).deck
    assert deck is not None
    session = _played(deck)
    summary = build_summary(deck, session.to_dict(), "nl")
    summary["questions"].insert(0, {"round": 1, "title": "<script>alert(1)</script> titel",
                                    "question": "<img src=x onerror=alert(1)>"})
    page = render_summary(summary)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; titel" in page
    assert "<img" not in page
    parser = _Tags()
    parser.feed(page)
    csp = [a for t, a in parser.tags if t == "meta" and a.get("http-equiv")
           == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    for tag, attrs in parser.tags:
        assert tag not in ("script", "link", "img", "iframe", "object"), tag
        for name in ("src", "href"):
            assert name not in attrs or attrs[name].startswith(("#", "data:")), (tag, attrs)
    assert "url(" not in page and "@import" not in page


def test_the_summary_holds_the_path_instruments_questions_and_recommendations():
    deck = load_deck(COUNCIL).deck
    session = _played(deck)
    summary = build_summary(deck, session.to_dict(), "nl")
    assert [m["label"] for m in summary["meters"]] == [
        "Koers (willen)", "Grip (kunnen)", "Vertrouwen (mogen)"]
    assert len(summary["chart"]["lines"]) == 3
    chosen = [deck.card(d["card"]).option(d["option"]).label["nl"] for d in session.history]
    expected = {t for label in chosen for t in instruments_in(label)}
    assert {i["name"] for i in summary["instruments"]} == expected and expected
    assert summary["questions"] and all(q["question"] for q in summary["questions"])
    assert len(summary["aspects"]) == 3
    assert [r["heading"] for r in summary["recommendations"]] == [
        "Een handelingsperspectief vanuit publieke waarde.",
        "Visie op en kennis van digitale ontwikkelingen.",
        "Bestaande kwaliteiten versterken en nieuwe accenten kiezen.",
        "De gemeentelijke organisatie aanpassen."]
    english = render_summary(build_summary(deck, session.to_dict(), "en"))
    assert "Adapting the municipal organisation." in english and 'lang="en"' in english


@pytest.mark.parametrize("folder", [COUNCIL, MAIN])
def test_council_questions_and_the_council_deck_in_both_languages(folder):
    deck = load_deck(folder).deck
    for card in deck.cards.values():
        question = card.council_question or (card.essay.question if card.essay else None)
        assert question, card.id
        assert question.get("nl") and question.get("en"), card.id
    if folder == MAIN:
        assert all(card.council_question for card in deck.cards.values())


def test_headless_autoplay_plays_the_guided_game_and_a_term_and_writes_the_summary(tmp_path):
    out, shots = tmp_path / "out", tmp_path / "shots"
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "play", str(MAIN), "--mode", "onboarding",
         "--headless", "--autoplay", "--seed", "4", "--out", str(out), "--screenshots",
         str(shots), "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert (out / "session.json").is_file() and (out / "summary.html").is_file()
    names = sorted(p.name for p in shots.glob("*.png"))
    assert sum("tutorial" in n for n in names) == 11
    assert any(n.endswith("-summary.png") for n in names) and any(n.endswith("-end.png") for n in names)
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert "Vragen om mee te nemen naar de raad" in page


def test_the_onboarding_state_is_saved_only_when_set_and_old_saves_load_without_it():
    from game.rules.session import Session

    deck = load_deck(COUNCIL).deck
    plain = Session.new(deck, 3)
    saved = plain.to_dict()
    assert "onboarding" not in saved, "an ordinary game saves as before"
    again, _ = Session.from_dict(deck, saved)
    assert again.onboarding == {}
    plain.set_onboarding("tutorial", 4)
    saved = plain.to_dict()
    assert saved["onboarding"] == {"tutorial": 4} and saved["version"] == 2
    again, _ = Session.from_dict(deck, saved)
    assert again.onboarding == {"tutorial": 4}


def test_the_instruments_used_are_named_as_the_raad_used_them():
    assert instruments_in("Mee tekenen, innovatie verdient ruimte") == ["Motie"]
    assert instruments_in("Een motie indienen") == ["Motie"]
    deck = load_deck(ROOT / "scenarios" / "raadsleden").deck
    consent = next((card, option) for card in deck.cards.values() for option in card.options
                   if "toestemming" in option.label["nl"].lower())
    state = {"meters": {}, "history": [{"round": 1, "card": consent[0].id, "option": consent[1].id,
                         "meters_before": {}, "meters_after": {}}]}
    for lang, name in (("nl", "Toestemming voor een gemeenschappelijke regeling"),
                       ("en", "Consent to a joint arrangement")):
        used = {u["name"]: u for u in build_summary(deck, state, lang)["instruments"]}
        assert name in used and not any("(GR)" in n for n in used), "the use, not the form"
        assert used[name]["definition"], "the glossary's explanation still comes with it"
