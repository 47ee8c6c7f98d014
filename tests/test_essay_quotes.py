"""Every card of the bundled essay decks (the default deck and the council deck) quotes the essay in
its own words, and the quote is really there.

Each card's essay block carries ``quote:``, a verbatim passage of the essay. The essay is ../shared/essay/000_3866fb5d2d195430.txt, relative to the repository
root; CI has it there. Without it the comparison is skipped, the list itself is still checked.

How a quote is compared with the essay. Both texts are normalised the same way, except steps 1
and 2, which only the essay needs:

1. Line breaks inside a hyphenated word are joined (``armoede-\\nvoorzieningen``), and every run
   of whitespace, line breaks and blank lines included, becomes one space. The OCR text
   interleaves the two columns of some pages; that is what ' … ' in a quote is for (step 7).
2. A short, reviewed list of OCR slips is corrected (``lk`` for ``Ik``, ``SyRlI`` for ``SyRI``,
   ``vaagt`` for ``vraagt``, ...), see ``OCR_SLIPS``.
3. Unicode is brought to NFKD and diacritics are dropped: the OCR reads ë as é and loses ï, so
   ``technologieén`` and ``technologieën`` compare equal.
4. Quote marks and apostrophes of every kind (' " ‘ ’ “ ” „) are dropped, so a quote may keep or
   leave out the essay's own quote marks, and ``risico’s`` equals ``risico's``.
5. Hyphens are dropped, so a word split at a line break and the same word with its hyphen
   (``data-analist``) compare equal.
6. Case is ignored.
7. ' … ' (or '...') splits a quote into pieces that must occur in the essay in this order.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import DEFAULT_DECK, ROOT, load

ESSAY = ROOT.parent / "shared" / "essay" / "000_3866fb5d2d195430.txt"

#: OCR slips in the essay text, corrected before the comparison (reviewed by hand).
OCR_SLIPS = {
    r"\blk\b": "Ik",
    r"\bSyRlI\b": "SyRI",
    r"\bvaagt\b": "vraagt",
    r"\bhuist\b": "huis",
    r"\[T-afdeling": "IT-afdeling",
    r"\bbeinvioeden\b": "beinvloeden",
}
PIECES = re.compile(r"\s*(?:…|\.\.\.)\s*")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['\"‘’‚“”„`´]", "", text)
    text = text.replace("-", "").replace("‐", "").replace("–", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def essay_text(raw: str) -> str:
    text = re.sub(r"-\s*\n\s*", "-", raw)
    for slip, fix in OCR_SLIPS.items():
        text = re.sub(slip, fix, text)
    return normalise(text)


def pieces(quote: str) -> list[str]:
    return [normalise(p) for p in PIECES.split(quote) if normalise(p)]


def found_in_order(quote: str, essay: str) -> bool:
    at = 0
    for piece in pieces(quote):
        at = essay.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


#: The bundled decks drawn from the essay.
ESSAY_DECKS = [DEFAULT_DECK, ROOT / "scenarios" / "raadsleden"]


@pytest.fixture(scope="module", params=ESSAY_DECKS, ids=[d.name for d in ESSAY_DECKS])
def deck(request):
    return load(request.param)


@pytest.fixture(scope="module")
def quotes(deck) -> dict[str, str]:
    return {card.id: card.essay.quote for card in deck.cards.values() if card.essay}


def test_every_card_has_a_quote(deck, quotes):
    assert set(quotes) == set(deck.cards)
    for card, quote in quotes.items():
        assert isinstance(quote, str) and len(normalise(quote)) >= 40, card


def test_normalisation_handles_the_ocr():
    essay = essay_text("de inzet van digitale technologieén door gemeente-\nsecretarissen\n\nen lk ben")
    assert found_in_order("De inzet van digitale technologieën door gemeentesecretarissen", essay)
    assert found_in_order("“Ik ben”", essay)
    assert found_in_order("de inzet … gemeentesecretarissen", essay)
    assert not found_in_order("gemeentesecretarissen … de inzet", essay)


@pytest.mark.skipif(not ESSAY.exists(), reason="the essay is not beside the repository")
def test_every_quote_is_a_passage_of_the_essay(quotes):
    essay = essay_text(ESSAY.read_text(encoding="utf-8"))
    missing = {card: quote for card, quote in quotes.items() if not found_in_order(quote, essay)}
    assert missing == {}
