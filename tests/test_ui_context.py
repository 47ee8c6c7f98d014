"""The table's help for reading a card: the glossary overlay, the essay panel on the outcome, the
card's aspect tags and the wording of deck errors. Headless, with real pygame events.

A small deck written here has a glossary, aspects and essay context, so the checks do not move
when the default deck's texts are edited; one test pages through the default deck's glossary.
"""

from pathlib import Path

import pytest
# uihelpers first: it points SDL at its dummy drivers before pygame loads
import uihelpers
from uihelpers import DEMO, ROOT, click, key

import pygame
from conftest import DEFAULT_DECK

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]

DECK_YAML = """\
format: 1
id: ui-context
title: {nl: Testdeck met begrippen, en: Test deck with a glossary}
languages: [nl, en]
term: 3
preview: direction
meters:
  - {id: legitimiteit, label: {nl: Legitimiteit (mogen), en: Legitimacy (may we?)}, start: 55}
  - {id: capaciteit, label: {nl: Capaciteit (kunnen), en: Capacity (can we?)}, start: 50}
  - {id: strategie, label: {nl: Strategie (willen), en: Strategy (do we want?)}, start: 45}
aspects:
  - id: 4a
    label: {nl: Privacy en veiligheid, en: Privacy and security}
  - id: 4b
    label: {nl: Transparantie en verantwoording, en: Transparency and accountability}
characters:
  - id: fg
    name: Youssef El Amrani
    role: {nl: Functionaris gegevensbescherming, en: Data protection officer}
endings:
  - id: klaar
    trigger: term
    title: {nl: De termijn is om, en: The term is over}
    text: {nl: Kijk samen terug., en: Look back together.}
glossary:
  - term: {nl: Woo, en: Woo (Open Government Act)}
    definition: {nl: Wet open overheid., en: The Open Government Act.}
  - term: {nl: AVG, en: AVG (GDPR)}
    definition: {nl: De Europese privacywet., en: The European privacy law.}
  - term: {nl: Doelbinding, en: Purpose limitation}
    definition:
      nl: Gegevens alleen gebruiken voor het doel waarvoor ze zijn verzameld.
      en: Using data only for the purpose for which they were collected.
  - term: {nl: DPIA, en: DPIA}
    definition:
      nl: Een beoordeling van de privacyrisico's vooraf, verplicht onder de AVG.
      en: An assessment of the privacy risks beforehand, required under the GDPR.
  - term: {nl: OR, en: OR (works council)}
    definition: {nl: De ondernemingsraad., en: The works council.}
  - term: {nl: Data-hygiëne, en: Data hygiene}
    definition: {nl: Zorgen dat data juist en actueel zijn., en: Keeping data accurate and current.}
  - term: {nl: BOA, en: BOA}
    definition: {nl: Een gemeentelijke handhaver., en: A municipal enforcement officer.}
"""

CARDS_YAML = """\
cards:
  - id: scanauto
    character: fg
    title: {nl: De scanauto zoekt huisvuil, en: The scan car looks for waste}
    text:
      nl: De afdeling wil de beelden van de scanauto ook voor huisvuil gebruiken. Volgens de AVG mag dat pas na een DPIA, zegt de FG.
      en: The department wants to use the scan car's images for waste too. Under the GDPR that needs a DPIA first, or not at all.
    aspects: [4a, 4b]
    when: {rounds: {max: 1}}
    essay:
      section: 4a
      context:
        nl: >-
          Het essay noemt de scanauto die naast parkeren ook verkeerd aangeboden huisvuil zoekt.
          Technisch kan dat meteen, maar de beelden zijn voor een ander doel verzameld, inwoners
          weten er niet van en niemand heeft de risico's voor hun privacy vooraf afgewogen.
        en: >-
          The essay mentions the scan car that looks for misplaced waste besides parking.
          Technically it can be done at once, but the images were collected for another purpose,
          residents do not know about it and nobody weighed the risks to their privacy first.
      question:
        nl: Is wat technisch kan ook wat we willen?
        en: Is what is technically possible also what we want?
    options:
      - id: doen
        label: {nl: Meteen doen, en: Do it now}
        outcome: {nl: De handhaving wordt gerichter., en: Enforcement becomes more targeted.}
        effects: {legitimiteit: -8, capaciteit: 5}
      - id: dpia
        label: {nl: Eerst een DPIA, en: A DPIA first}
        outcome: {nl: "Het duurt langer, maar het klopt.", en: "It takes longer, but it is right."}
        effects: {legitimiteit: 6, capaciteit: -4}
  - id: zonder-essay
    title: {nl: Een kaart zonder essay, en: A card without essay}
    text: {nl: Hier staat niets uit het essay bij., en: Nothing from the essay here.}
    repeatable: true
    when: {rounds: {min: 2}}
    options:
      - id: a
        label: {nl: Ja, en: "Yes"}
        outcome: {nl: Goed., en: Fine.}
        effects: {strategie: 2}
      - id: b
        label: {nl: Nee, en: "No"}
        outcome: {nl: Jammer., en: A pity.}
        effects: {strategie: -2}
"""


pytestmark = pytest.mark.usefixtures("pygame_display")


@pytest.fixture
def deck(tmp_path) -> Path:
    folder = tmp_path / "ui-context"
    (folder / "cards").mkdir(parents=True)
    (folder / "deck.yaml").write_text(DECK_YAML, encoding="utf-8")
    (folder / "cards" / "cards.yaml").write_text(CARDS_YAML, encoding="utf-8")
    return folder


def make_app(tmp_path, deck, size=(1280, 720), lang="nl"):
    """``deck`` on the table, without animations."""
    app = uihelpers.make_app(tmp_path, size, instant=True, deck=deck, scenarios_dir=deck.parent,
                             lang=lang)
    assert app.match is not None, "the test deck must load"
    return app


def type_text(app, text):
    for ch in text:
        key(app, getattr(pygame, f"K_{ch.lower()}", pygame.K_UNKNOWN), ch)


def resize(app, size):
    app.handle(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
    app.render()


def to_outcome(app, option=1):
    key(app, pygame.K_0 + option, str(option))
    key(app, pygame.K_RETURN, "\r")
    app.update(1.0)
    app.render()


# ---------------------------------------------------------------------- the glossary


def test_g_opens_the_glossary_and_esc_returns_with_the_selection_intact(tmp_path, deck):
    from game.ui.single.card import CardScene
    from game.ui.overlays.glossary import GlossaryScene

    app = make_app(tmp_path, deck)
    card = app.scene
    assert isinstance(card, CardScene) and card.card.id == "scanauto"
    key(app, pygame.K_2, "2")
    assert card.selected == 1
    key(app, pygame.K_g, "g")
    assert isinstance(app.scene, GlossaryScene)
    assert app.stack[-2] is card, "the glossary lies over the card"
    key(app, pygame.K_DOWN)  # scrolling in the glossary does not touch the card
    key(app, pygame.K_ESCAPE)
    assert app.scene is card and card.selected == 1
    assert app.match.session.decisions == 0, "opening the glossary decides nothing"
    key(app, pygame.K_g, "g")
    key(app, pygame.K_g, "g")  # G closes it again
    assert app.scene is card and card.selected == 1
    key(app, pygame.K_RETURN, "\r")
    assert app.match.session.last_decision["option"] == "dpia"
    app.close()


def test_the_glossary_button_opens_it_and_a_deck_without_glossary_has_none(tmp_path, deck):
    from game.ui.overlays.glossary import GlossaryScene

    app = make_app(tmp_path, deck)
    button = app.scene.button("glossary")
    assert button is not None and button.label == "Begrippen" and button.number == "G"
    assert app.scene.layout.panel.contains(button.rect)
    click(app, button.rect.center)
    assert isinstance(app.scene, GlossaryScene)
    click(app, app.scene.button("close").rect.center)
    assert app.scene.button("glossary") is not None
    # After a click on the glossary button, Enter still confirms the selected option.
    key(app, pygame.K_1, "1")
    key(app, pygame.K_RETURN, "\r")
    assert app.match.session.decisions == 1
    click(app, app.scene.button("glossary").rect.center)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN, "\r")
    assert app.match.session.round == 2, "Enter on the outcome goes on, as before"
    app.close()

    plain = make_app(tmp_path / "plain", DEMO)
    assert plain.scene.button("glossary") is None and plain.scene.layout.glossary is None
    key(plain, pygame.K_g, "g")
    assert not isinstance(plain.scene, GlossaryScene)
    plain.close()


def test_the_glossary_lists_every_term_alphabetically(tmp_path, deck):
    app = make_app(tmp_path, deck)
    key(app, pygame.K_g, "g")
    scene = app.scene
    everything = ["AVG", "BOA", "Data-hygiëne", "Doelbinding", "DPIA", "OR", "Woo"]
    headings = [r.text for r in scene.rows if r.kind == "heading"]
    assert headings == ["Op deze kaart", "Alle begrippen"]
    start = scene.rows.index(next(r for r in scene.rows if r.text == "Alle begrippen"))
    assert [r.text for r in scene.rows[start + 1:]] == everything
    for row in scene.rows:
        if row.kind == "entry":
            assert row.definition, row.text
    app.close()


def test_terms_on_the_card_come_first(tmp_path, deck):
    app = make_app(tmp_path, deck)
    key(app, pygame.K_g, "g")
    rows = app.scene.rows
    assert rows[0].kind == "heading" and rows[0].text == "Op deze kaart"
    assert first_section(rows) == ["AVG", "DPIA"]
    app.close()

    english = make_app(tmp_path / "en", deck, lang="en")
    key(english, pygame.K_g, "g")
    rows = english.scene.rows
    assert rows[0].text == "On this card"
    # "GDPR" inside the parenthesis counts; the English word "or" is not the works council.
    assert first_section(rows) == ["AVG (GDPR)", "DPIA"]
    english.close()


def first_section(rows):
    """The terms under the first heading, up to the next one."""
    out = []
    for row in rows[1:]:
        if row.kind == "heading":
            break
        out.append(row.text)
    return out


def test_typing_filters_and_backspace_edits(tmp_path, deck):
    from game.ui.single.card import CardScene
    from game.ui.overlays.glossary import GlossaryScene

    app = make_app(tmp_path, deck)
    key(app, pygame.K_g, "g")
    scene = app.scene
    type_text(app, "dp")
    assert scene.query == "dp"
    assert scene.terms == ["DPIA"]
    assert "Op deze kaart" not in [r.text for r in scene.rows]
    key(app, pygame.K_BACKSPACE)
    assert scene.query == "d"
    assert scene.terms[:3] == ["Data-hygiëne", "Doelbinding", "DPIA"]
    type_text(app, "oelg")  # a G typed into the search is a letter, not "close"
    assert isinstance(app.scene, GlossaryScene) and scene.query == "doelg"
    assert scene.terms == [] and scene.rows[0].kind == "message"
    assert "doelg" in scene.rows[0].text
    key(app, pygame.K_DELETE)
    assert scene.query == "" and "AVG" in scene.terms
    type_text(app, "hygiene")  # accents do not matter
    assert scene.terms == ["Data-hygiëne"]
    type_text(app, "x")
    key(app, pygame.K_BACKSPACE)
    assert scene.terms == ["Data-hygiëne"]
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, CardScene)
    app.close()


def test_a_search_also_finds_terms_by_their_definition(tmp_path, deck):
    app = make_app(tmp_path, deck)
    key(app, pygame.K_g, "g")
    scene = app.scene
    type_text(app, "privacy")
    headings = [r.text for r in scene.rows if r.kind == "heading"]
    assert headings == ["Ook genoemd in de uitleg"]
    assert set(scene.terms) == {"AVG", "DPIA"}
    app.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_default_decks_glossary_can_be_paged_through_completely(tmp_path, lang):
    from game.authoring.loader import load_deck
    from game.language.texts import localize

    deck = load_deck(DEFAULT_DECK).deck
    assert deck is not None
    expected = {localize(e.term, lang) for e in deck.spec.glossary}
    assert expected
    app = make_app(tmp_path, DEFAULT_DECK, lang=lang)
    key(app, pygame.K_g, "g")
    scene = app.scene
    assert expected <= set(scene.terms)
    seen = set(scene.visible_terms)
    for _ in range(100):
        before = scene.top
        key(app, pygame.K_PAGEDOWN)
        seen |= set(scene.visible_terms)
        if scene.top == before:
            break
    assert seen >= expected, expected - seen
    assert scene.button("next").enabled is False
    key(app, pygame.K_HOME)
    assert scene.top == 0 and scene.button("previous").enabled is False
    app.close()


def test_wheel_drag_and_arrows_scroll_the_glossary(tmp_path):
    app = make_app(tmp_path, DEFAULT_DECK)
    key(app, pygame.K_g, "g")
    scene = app.scene
    assert scene.top == 0
    app.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-2, flipped=False, touch=False))
    app.render()
    assert scene.top == 2
    key(app, pygame.K_UP)
    assert scene.top == 1
    key(app, pygame.K_PAGEUP)
    assert scene.top == 0
    h = app.surface.get_height()
    finger = dict(touch_id=1, finger_id=1, x=0.5, dx=0, dy=0, pressure=1)
    app.handle(pygame.event.Event(pygame.FINGERDOWN, y=0.8, **finger))
    app.handle(pygame.event.Event(pygame.FINGERMOTION, y=0.8 - 3.5 * app.metrics.px(90) / h,
                                  **finger))
    app.handle(pygame.event.Event(pygame.FINGERUP, y=0.5, **finger))
    app.render()
    assert scene.top == 3 and app.scene is scene, "a drag scrolls and is not a tap"
    click(app, scene.button("next").rect.center)
    assert scene.top > 3
    click(app, (2, 2))  # beside the panel: closes
    assert app.scene is not scene
    app.close()


def test_the_glossary_redraws_only_on_change(tmp_path, deck):
    app = make_app(tmp_path, deck)
    key(app, pygame.K_g, "g")
    assert not app.dirty
    app.update(0.5)
    assert not app.dirty
    type_text(app, "a")
    assert not app.dirty  # key() rendered the change
    layer = app.scene._layer
    app.render()
    assert app.scene._layer is layer, "an unchanged glossary is not drawn again"
    app.close()


def test_g_opens_the_glossary_from_the_outcome(tmp_path, deck):
    from game.ui.overlays.glossary import GlossaryScene
    from game.ui.single.outcome import OutcomeScene

    app = make_app(tmp_path, deck)
    to_outcome(app, 1)
    outcome = app.scene
    assert isinstance(outcome, OutcomeScene) and outcome.button("glossary") is not None
    key(app, pygame.K_g, "g")
    assert isinstance(app.scene, GlossaryScene)
    assert app.scene.button("close").label == "Terug naar het gevolg"
    key(app, pygame.K_ESCAPE)
    assert app.scene is outcome and app.match.session.phase == "outcome"
    app.close()


# ---------------------------------------------------------------------- the essay


def test_the_outcome_shows_the_essay_of_the_decided_card(tmp_path, deck):
    app = make_app(tmp_path, deck)
    to_outcome(app, 2)
    scene = app.scene
    assert scene.card.id == "scanauto"
    section, context, question = scene.essay_texts()
    assert section == "§ 4a · Privacy en veiligheid"
    assert context.startswith("Het essay noemt de scanauto")
    assert question == "Is wat technisch kan ook wat we willen?"
    assert scene.essay_beside, "at 1280x720 the essay fits beside the outcome"
    L, E = scene.layout, scene.essay_layout
    assert L.essay is not None and not L.essay.colliderect(L.panel)
    for rect in E.rects():
        assert L.essay.contains(rect), rect
    assert scene.button("essay") is None
    assert app.metrics.body <= scene.essay_size
    app.close()


def test_e_hides_and_shows_the_essay(tmp_path, deck):
    app = make_app(tmp_path, deck, lang="en")
    to_outcome(app, 1)
    scene = app.scene
    assert scene.essay_beside
    key(app, pygame.K_e, "e")
    assert not scene.essay_beside and scene.layout.essay is None
    button = scene.button("essay")
    assert button is not None and button.number == "E" and button.label == "From the essay"
    click(app, button.rect.center)
    assert scene.essay_beside
    assert scene.essay_texts()[0] == "§ 4a · Privacy and security"
    app.close()


def test_a_window_too_small_for_both_swaps_outcome_and_essay(tmp_path, deck):
    # the smallest window the table lays out, with an essay too long to stand beside there
    cards = deck / "cards" / "cards.yaml"
    line = "Het essay noemt de scanauto die naast parkeren ook verkeerd aangeboden huisvuil zoekt."
    cards.write_text(cards.read_text(encoding="utf-8").replace(line, " ".join([line] * 4)),
                     encoding="utf-8")
    app = make_app(tmp_path, deck, size=(800, 600))
    to_outcome(app, 1)
    scene = app.scene
    assert not scene.essay_beside and not scene.essay_swapped
    assert scene.button("essay").label in ("Uit het essay", "")
    key(app, pygame.K_e, "e")
    assert scene.essay_swapped and scene.essay_layout is not None
    assert scene.essay_layout.heading.top >= scene.layout.text.top
    key(app, pygame.K_e, "e")
    assert not scene.essay_swapped
    app.close()


def test_a_card_without_essay_has_no_panel(tmp_path, deck):
    app = make_app(tmp_path, deck)
    to_outcome(app, 1)
    key(app, pygame.K_RETURN, "\r")  # round 2: the card without essay
    assert app.scene.card.id == "zonder-essay"
    assert app.scene.layout.tags is None
    to_outcome(app, 1)
    scene = app.scene
    assert scene.essay is None and scene.layout.essay is None
    assert scene.button("essay") is None
    key(app, pygame.K_e, "e")
    assert scene.layout.essay is None
    app.close()


# ---------------------------------------------------------------------- layout


@pytest.mark.parametrize("size", SIZES)
def test_new_panels_fit_the_window(tmp_path, deck, size):
    from game.ui.layout import screens as layout

    app = make_app(tmp_path, deck, size=size)
    window = pygame.Rect(0, 0, *size)
    m = app.metrics
    card = app.scene.layout
    for rect in card.rects():
        assert window.contains(rect), rect
    assert card.tags is not None and card.glossary is not None
    assert card.panel.contains(card.tags) and card.panel.contains(card.glossary)
    assert not card.tags.colliderect(card.glossary)
    assert card.text.bottom <= card.tags.top and card.text.bottom <= card.glossary.top
    assert card.portrait.width >= m.px(200), "the portrait reads from the back of the room"
    assert card.title.top >= card.portrait.bottom and card.name.left >= card.portrait.right

    plan = layout.glossary(m)
    for rect in plan.rects():
        assert window.contains(rect) and plan.panel.contains(rect), rect
    assert not plan.search.colliderect(plan.heading)
    assert plan.list.bottom <= plan.close.top
    for a, b in [(plan.previous, plan.next), (plan.next, plan.close), (plan.pager, plan.previous)]:
        assert not a.colliderect(b)
    key(app, pygame.K_g, "g")
    glossary = app.scene
    for _, rect in glossary._page:
        assert plan.list.contains(rect)
    key(app, pygame.K_ESCAPE)

    for tools in (1, 2):
        plans = [layout.outcome(m, 3, 200, tools=tools),
                 layout.outcome(m, 3, 200, tools=tools, essay_height=m.px(500))]
        for plan in plans:
            for rect in plan.rects():
                assert window.contains(rect), rect
            for tool in plan.tools:
                assert plan.panel.contains(tool) and not tool.colliderect(plan.next)
            if plan.essay is not None:
                assert not plan.essay.colliderect(plan.panel)
    to_outcome(app, 1)
    scene = app.scene
    assert scene.essay_beside
    for rect in scene.layout.rects() + scene.essay_layout.rects():
        assert window.contains(rect), rect
    if size[1] >= 1080:
        assert scene.essay_size >= 28, "essay text is body text"
    app.close()


# ---------------------------------------------------------------------- errors


def test_deck_errors_start_with_a_capital_and_show_the_hint(tmp_path):
    from game.ui.start.deck_errors import DeckErrorsScene, sentence

    app = make_app(tmp_path, DEMO)
    app.to_title()
    app.start_deck(ROOT / "tests" / "decks" / "invalid" / "e102_unknown_field")
    scene = app.scene
    assert isinstance(scene, DeckErrorsScene)
    lines = scene.lines()
    assert lines
    for where, message, hint in lines:
        assert message[0].isupper() or not message[0].isalpha(), message
    hints = [hint for _, _, hint in lines if hint]
    assert hints and "Bedoel je 'text'?" in hints
    assert sentence("bedoel je 'options'?") == "Bedoel je 'options'?"
    assert sentence("'role' ontbreekt") == "'role' ontbreekt"
    app.close()
