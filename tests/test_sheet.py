"""A deck written in a spreadsheet: ``sheet export`` and ``sheet import``.

The bundled decks go out as a workbook and back as deck files and must load to the same deck
and play the same games; a workbook with a mistake must name the cell and the code ``validate``
gives for the same mistake in YAML.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEFAULT_DECK, ROOT
from game.authoring import deck_writer
from game.authoring.loader import load_deck
from game.authoring.sheet_export import write_workbook
from game.authoring.sheet_import import SheetUnreadable, import_sheet
from game.authoring.sheet_layout import SHEETS, column_label, read_header
from game.authoring.yaml_reader import parse_yaml
from game.cli import main
from game.rules.session import Session

COUNCIL_DECK = ROOT / "scenarios" / "raadsleden"
EXAMPLE_DECK = ROOT / "docs" / "voorbeeld-deck"


def _history(deck, seed: int) -> list:
    """A whole game under ``seed``, each option drawn by a generator seeded the same."""
    session = Session.new(deck, seed, undoable=False)
    pick = random.Random(seed)
    while not session.is_over:
        session.choose(pick.choice(session.current_card.options).id)
        session.advance()
    return session.history


@pytest.mark.parametrize("folder, lang", [(DEFAULT_DECK, "nl"), (COUNCIL_DECK, "en")],
                         ids=["digitaal-leiderschap", "raadsleden"])
def test_a_bundled_deck_comes_back_from_its_workbook_as_the_same_deck(tmp_path, folder, lang):
    original = load_deck(folder)
    workbook = tmp_path / "deck.xlsx"
    write_workbook(original, workbook, lang)
    result = import_sheet(workbook, tmp_path / "deck", lang)

    assert result.diagnostics == []
    back = result.load.deck
    assert back is not None
    assert back.spec == original.deck.spec
    assert list(back.cards.items()) == list(original.deck.cards.items())
    # the cards stay in the files they were in
    assert sorted(p.name for p in (tmp_path / "deck" / "cards").iterdir()) == \
        sorted(p.name for p in (folder / "cards").iterdir())
    for seed in range(1, 11):
        assert _history(back, seed) == _history(original.deck, seed)


def test_the_example_deck_with_a_portrait_beside_the_workbook_comes_back_whole(tmp_path):
    original = load_deck(EXAMPLE_DECK)
    shutil.copytree(EXAMPLE_DECK / "portraits", tmp_path / "portraits")
    write_workbook(original, tmp_path / "voorbeeld.xlsx", "nl")
    result = import_sheet(tmp_path / "voorbeeld.xlsx", tmp_path / "deck", "nl")
    assert result.diagnostics == []
    assert result.load.deck.spec == original.deck.spec
    assert list(result.load.deck.cards.items()) == list(original.deck.cards.items())
    assert (tmp_path / "deck" / "portraits" / "aylin-kaya.png").read_bytes() == \
        (EXAMPLE_DECK / "portraits" / "aylin-kaya.png").read_bytes()


def test_sheet_and_column_names_are_dutch_or_english_with_frozen_headers(tmp_path):
    deck = load_deck(EXAMPLE_DECK)
    for lang, names, first in (
            ("nl", ["Kaarten", "Personages", "Meters", "Eindes", "Dynamiek", "Aspecten",
                    "Begrippen", "Deck"], ["Kaart-id", "Personage", "Titel (nl)", "Titel (en)"]),
            ("en", ["Cards", "Characters", "Meters", "Endings", "Dynamics", "Aspects",
                    "Glossary", "Deck"], ["Card id", "Character", "Title (nl)", "Title (en)"])):
        write_workbook(deck, tmp_path / f"{lang}.xlsx", lang)
        book = openpyxl.load_workbook(tmp_path / f"{lang}.xlsx")
        assert book.sheetnames == names
        cards = book[names[0]]
        assert [c.value for c in cards[1]][:4] == first
        assert cards.freeze_panes == "B2"
        assert all(book[name].freeze_panes is not None for name in names)
        assert cards.column_dimensions["D"].width >= 28  # a text column is wide
        assert cards["E2"].alignment.wrap_text
        meters = [c.value for c in cards[1] if str(c.value).startswith("Effect ")]
        assert meters == [f"Effect {m.id}" for m in deck.deck.meters]


def _find(sheet, header: str, option: str | None = None, card: str | None = None) -> str:
    """The cell of ``header`` on the row of the option (or card) with that id."""
    titles = [c.value for c in sheet[1]]
    column = titles.index(header) + 1
    key = titles.index("Optie-id" if option else "Kaart-id") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, key).value == (option or card):
            return sheet.cell(row, column).coordinate
    raise AssertionError(f"no row for {option or card}")


def _broken(tmp_path: Path, change) -> tuple[Path, list[str]]:
    """The example deck's workbook with ``change`` made to it, imported: its problems."""
    shutil.copytree(EXAMPLE_DECK / "portraits", tmp_path / "portraits")
    workbook = tmp_path / "kaarten.xlsx"
    write_workbook(load_deck(EXAMPLE_DECK), workbook, "nl")
    book = openpyxl.load_workbook(workbook)
    change(book)
    book.save(workbook)
    result = import_sheet(workbook, tmp_path / "deck", "nl")
    return workbook, [d.format() for d in result.diagnostics]


def test_a_bad_meter_value_is_reported_on_its_cell(tmp_path):
    where = {}

    def change(book):
        cell = where["cell"] = _find(book["Kaarten"], "Effect energie", option="zoals-het-was")
        book["Kaarten"][cell] = "veel"

    workbook, problems = _broken(tmp_path, change)
    assert problems == [f"{workbook}:Kaarten!{where['cell']}: error[E103]: hier hoort een "
                        "geheel getal, maar er staat tekst"]


def test_an_unknown_meter_in_a_column_header_is_reported_on_each_of_its_cells(tmp_path):
    where = {}

    def change(book):
        sheet = book["Kaarten"]
        header = _find(sheet, "Effect bestuur", option="invoeren")
        where["cell"] = header
        letter = header.rstrip("0123456789")
        sheet[f"{letter}1"] = "Effect bestur"

    workbook, problems = _broken(tmp_path, change)
    first = f"{workbook}:Kaarten!{where['cell']}: error[E203]: er is geen meter 'bestur' in " \
            "dit deck (bedoel je 'bestuur'?)"
    assert problems[0] == first
    assert all("error[E203]" in p or "warning" in p for p in problems)


def test_a_missing_option_text_is_reported_on_the_empty_cell(tmp_path):
    where = {}

    def change(book):
        sheet = book["Kaarten"]
        where["cell"] = _find(sheet, "Knoptekst (nl)", option="zoals-het-was")
        sheet[where["cell"]] = None
        sheet[_find(sheet, "Knoptekst (en)", option="zoals-het-was")] = None

    workbook, problems = _broken(tmp_path, change)
    assert problems == [f"{workbook}:Kaarten!{where['cell']}: error[E101]: 'label' ontbreekt "
                        "bij deze optie"]


def test_a_misspelt_column_and_a_bad_range_say_what_to_write(tmp_path):
    def change(book):
        sheet = book["Kaarten"]
        sheet[_find(sheet, "Rondes", card="piketdienst")] = "tot 4"
        book["Meters"]["B1"] = "Nam (nl)"

    workbook, problems = _broken(tmp_path, change)
    rounds = next(p for p in problems if "Kaarten!" in p)
    assert rounds.startswith(f"{workbook}:Kaarten!X2: error[E103]: hier hoort een bereik")
    assert f"{workbook}:Meters!B1: error[E102]: onbekende kolom 'Nam (nl)' in het blad " \
           "'Meters' (bedoel je 'Naam'?)" in problems


def test_an_english_workbook_names_english_sheets_in_its_problems(tmp_path):
    workbook = tmp_path / "cards.xlsx"
    write_workbook(load_deck(EXAMPLE_DECK), workbook, "en")
    book = openpyxl.load_workbook(workbook)
    start = next(c for c in book["Meters"][1] if c.value == "Start").column_letter
    book["Meters"][f"{start}2"] = "fifty"
    book.save(workbook)
    result = import_sheet(workbook, tmp_path / "deck", "en")
    formatted = [d.format() for d in result.diagnostics]
    assert f"{workbook}:Meters!{start}2: error[E103]: expected a whole number, found " \
        "text" in formatted
    assert any(p.startswith(f"{workbook}:Characters!") and "[E302]" in p for p in formatted)


def test_a_file_that_is_no_workbook_is_refused_in_plain_words(tmp_path):
    fake = tmp_path / "kaarten.xlsx"
    fake.write_text("kaart;optie\n", encoding="utf-8")
    with pytest.raises(SheetUnreadable) as refused:
        import_sheet(fake, tmp_path / "deck", "nl")
    assert refused.value.diagnostic.code == "E008"
    assert "sla hem op als Excel-werkmap (.xlsx)" in refused.value.diagnostic.message


def test_the_command_line_exports_and_imports(tmp_path, capsys):
    shutil.copytree(EXAMPLE_DECK / "portraits", tmp_path / "portraits")
    workbook = tmp_path / "voorbeeld.xlsx"
    assert main(["sheet", "export", str(EXAMPLE_DECK), str(workbook)]) == 0
    assert "6 kaarten" in capsys.readouterr().out
    book = openpyxl.load_workbook(workbook)
    book.create_sheet("Notities")["A1"] = "vragen voor de werkgroep"
    book.save(workbook)
    assert main(["sheet", "import", str(workbook), str(tmp_path / "deck")]) == 0
    out = capsys.readouterr().out
    assert "note: het blad 'Notities' hoort niet bij een deck en is overgeslagen" in out
    assert "deck.yaml, cards/1-piketdienst.yaml, cards/2-avond-en-weekend.yaml, " \
           "portraits/aylin-kaya.png" in out
    assert "0 fouten, 0 waarschuwingen" in out
    # the written files read as a person would write them
    text = (tmp_path / "deck" / "cards" / "1-piketdienst.yaml").read_text("utf-8")
    assert "\ncards:\n  - id: piketdienst\n    character: teamleider-kaya\n    title:\n" \
           "      nl: Een piketdienst\n      en: An on-call rota\n" in text
    assert main(["sheet", "import", str(workbook), str(tmp_path / "deck")]) == 2
    assert "bestaat al en is geen lege map" in capsys.readouterr().err
    assert main(["sheet", "import", str(tmp_path / "nergens.xlsx"),
                 str(tmp_path / "x")]) == 2
    assert "error[E008]" in capsys.readouterr().err
    broken = ROOT / "tests" / "decks" / "invalid" / "e002_yaml_syntax"
    assert main(["sheet", "export", str(broken), str(tmp_path / "kapot.xlsx")]) == 1
    assert "het deck heeft fouten en is niet geschreven" in capsys.readouterr().err
    assert not (tmp_path / "kapot.xlsx").exists()


def test_every_column_name_reads_back_as_its_own_column_in_both_languages():
    for spec in SHEETS:
        for lang in ("nl", "en"):
            for column in spec.columns:
                label = column_label(column, lang)
                if column.per_meter:
                    header = read_header(spec, f"{label} legitimiteit")
                    assert (header.column, header.meter) == (column, "legitimiteit")
                elif column.kind == "text":
                    header = read_header(spec, f"{label.upper()}  (en)")
                    assert (header.column, header.lang) == (column, "en")
                    assert read_header(spec, label).column == column
                else:
                    assert read_header(spec, label).column == column, (spec.key, label)


def test_rows_that_belong_nowhere_are_reported_not_dropped(tmp_path):
    def change(book):
        cards = book["Kaarten"]
        cards.insert_rows(2)
        cards["H2"] = "Een optie zonder kaart"
        book["Deck"]["A3"] = "tweede-deck"
        book["Aspecten"].delete_rows(1)

    workbook, problems = _broken(tmp_path, change)
    assert f"{workbook}:Kaarten!G2: error[E101]: deze rij heeft een optie maar er staat nog " \
           "geen kaart boven; vul de kaart-id in" in problems
    assert f"{workbook}:Deck!A3: error[E104]: het blad 'Deck' heeft één rij voor het deck; " \
           "deze rij is overgeslagen" in problems
    assert any(p.startswith(f"{workbook}:Aspecten!A1: error[E102]: het blad 'Aspecten' heeft "
                            "in de eerste rij geen kolomnamen") for p in problems)


TRICKY = ["=1+1", "'s Nachts verdacht verkeer", "Let op: dit # is geen commentaar", "Ja",
          "12", "  met spaties eromheen  ", "regel één\nregel twee", "“Word-aanhalingstekens”"]


def test_texts_a_spreadsheet_or_yaml_could_misread_come_back_unchanged(tmp_path):
    deck = tmp_path / "lastig"
    shutil.copytree(EXAMPLE_DECK, deck)
    card_file = deck / "cards" / "1-piketdienst.yaml"
    data = yaml.safe_load(card_file.read_text(encoding="utf-8"))
    for card, text in zip(data["cards"], TRICKY):
        card["title"]["nl"] = text
    for option, text in zip(data["cards"][0]["options"], reversed(TRICKY)):
        option["label"]["en"] = text
    data["cards"][1]["essay"] = {**data["cards"][1]["essay"], "quote": TRICKY[5]}
    card_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # YAML too
    original = load_deck(deck)
    assert original.deck is not None, [d.format() for d in original.diagnostics]

    write_workbook(original, deck / "lastig.xlsx", "nl")  # beside the portraits
    back = import_sheet(deck / "lastig.xlsx", tmp_path / "terug", "nl").load
    assert back.deck is not None, [d.format() for d in back.diagnostics]
    assert list(back.deck.cards.items()) == list(original.deck.cards.items())
    assert [d.code for d in back.diagnostics if d.is_error] == []


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"),
               min_size=1, max_size=40))
def test_the_deck_writer_writes_any_text_so_it_reads_back_the_same(text):
    written = deck_writer.card_file([{"id": "kaart", "title": {"nl": text}, "quote": text}],
                                    header=text)
    doc = parse_yaml(written, Path("kaarten.yaml"))
    assert doc.diagnostics == []
    assert doc.data == {"cards": [{"id": "kaart", "title": {"nl": text}, "quote": text}]}


def test_a_sheet_past_the_row_limit_is_reported_where_the_limit_is_passed(tmp_path):
    def change(book):
        book["Begrippen"]["A5003"] = "AVG"

    workbook, problems = _broken(tmp_path, change)
    assert f"{workbook}:Begrippen!A5003: error[E011]: het blad 'Begrippen' heeft meer dan " \
           "5000 rijen; een deck heeft er veel minder nodig" in problems
