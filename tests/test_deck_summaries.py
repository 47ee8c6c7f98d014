"""The title lists decks from their kept summaries and loads a deck in full only when chosen.

A first start summarises every deck (a full load each) and keeps the summaries beside the
journal; the next start loads none, unless a deck's files changed. A deck that passes as its
summary says but fails its full load (its files changed without their size or time changing)
still shows its errors once chosen.
"""

from __future__ import annotations

import json
import os
import shutil

from uihelpers import DEMO, click, make_app
from game.authoring.deck_summary import CACHE_FILE, DeckSummary
from game.ui.app import App


def counted_loads(monkeypatch) -> list:
    """The folders the table loads in full, from now on."""
    loads: list = []
    real = App.load

    def load(self, folder):
        loads.append(folder.name)
        return real(self, folder)

    monkeypatch.setattr(App, "load", load)
    return loads


def title_facts(app) -> list[tuple[str, str, bool]]:
    """Each deck button's title, detail line and whether it is greyed."""
    return [(b.label, b.detail, b.muted) for b in app.scene.buttons if b.id.startswith("deck-")]


def test_a_second_start_loads_no_deck_and_shows_the_same(tmp_path, monkeypatch):
    shutil.copytree(DEMO, tmp_path / "decks" / "eigen")
    loads = counted_loads(monkeypatch)
    first = make_app(tmp_path, deck=None)
    assert sorted(loads) == ["broken", "demo", "eigen"], "a first start summarises every deck"
    shown = title_facts(first)
    assert ("Testdeck voor de speltafel", "5 rondes · 6 kaarten",
            False) in shown
    assert any(muted and "fout" in detail for _, detail, muted in shown), "broken stays greyed"
    first.close()
    kept = json.loads((tmp_path / "data" / CACHE_FILE).read_text(encoding="utf-8"))
    demo = next(v["summary"] for k, v in kept["decks"].items() if k.endswith("demo"))
    summary = DeckSummary.from_dict(DEMO, demo)
    assert (summary.id, summary.cards, summary.rounds, summary.languages) == \
        ("ui-demo", summary.cards, 5, ("nl", "en")) and summary.cards >= 3
    assert [m.id for m in summary.meters] == ["legitimiteit", "capaciteit", "strategie"]
    assert summary.meters[0].label["en"] == "Legitimacy (may we?)"
    assert summary.title_in("en") == "Table test deck" and summary.cover is None

    loads.clear()
    second = make_app(tmp_path, deck=None)
    assert loads == [], "the kept summaries hold: no deck is loaded for the title"
    assert title_facts(second) == shown
    second.close()

    card_file = tmp_path / "decks" / "eigen" / "cards" / "cards.yaml"
    card_file.write_text(card_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = make_app(tmp_path, deck=None)
    assert loads == ["eigen"], "only the deck whose files changed is loaded again"
    third.close()


def test_a_deck_that_fails_only_in_full_shows_its_errors_when_chosen(tmp_path, monkeypatch):
    from game.ui.start.deck_errors import DeckErrorsScene

    own = tmp_path / "decks" / "eigen"
    shutil.copytree(DEMO, own)
    deck_file = own / "deck.yaml"
    make_app(tmp_path, deck=None).close()  # summarised as a deck that plays
    before = os.stat(deck_file)
    text = deck_file.read_text(encoding="utf-8")
    broken = text.replace("term: 5", "term: x")  # same length, no longer a number
    assert broken != text and len(broken) == len(text)
    deck_file.write_text(broken, encoding="utf-8")
    os.utime(deck_file, ns=(before.st_atime_ns, before.st_mtime_ns))

    loads = counted_loads(monkeypatch)
    app = make_app(tmp_path, deck=None)
    assert loads == []
    index = next(i for i, e in enumerate(app.scene.entries) if e.folder == own)
    button = app.scene.button(f"deck-{index}")
    assert not button.muted, "its summary says it plays"
    click(app, button.rect.center)
    click(app, app.scene.button("start").rect.center)
    assert loads == ["eigen"], "chosen, it is loaded in full"
    assert isinstance(app.scene, DeckErrorsScene) and app.match is None
    term_line = text.splitlines().index("term: 5") + 1
    assert [(d.file.name, d.line) for d in app.scene.problems] == [("deck.yaml", term_line)]
    app.close()


def test_a_data_folder_that_is_a_file_keeps_no_summaries_and_raises_nothing(tmp_path):
    from game.authoring.deck_summary import SummaryCache
    from game.authoring.loader import load_deck

    in_the_way = tmp_path / "data"
    in_the_way.write_text("not a folder", encoding="utf-8")
    cache = SummaryCache(in_the_way)
    summary, loaded = cache.summary(DEMO, load_deck)
    assert summary.id == "ui-demo" and loaded is not None
    cache.save()
    assert in_the_way.read_text(encoding="utf-8") == "not a folder"
