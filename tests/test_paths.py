"""A folder path in running text breaks after its separators where the box is too narrow."""

import pytest

from game.ui.look.paths import breakable
from game.ui.look.textcache import Fonts, wrap
from game.ui.look.theme import Theme

pytestmark = pytest.mark.usefixtures("pygame_display")

PATH = "/home/griffie/Documenten/dilemmaspel/workshops/2026-12-07-raadsbrede-sessie/rapporten"


@pytest.fixture
def font():
    return Fonts(Theme().fonts).get("semibold", 24)


def test_a_path_too_wide_breaks_after_separators_and_every_line_fits(font):
    width = font.size(PATH)[0] // 3
    text = breakable(f"Opgeslagen in {PATH}", font, width)
    lines, overflow = wrap(text, font, width)
    assert not overflow and len(lines) >= 3
    assert all(font.size(line)[0] <= width for line in lines)
    assert "".join(lines).replace("Opgeslagen in", "", 1) == PATH, "the whole path shows"
    pieces = [line for line in lines if "/" in line]
    assert all(line.endswith("/") for line in pieces[:-1]), "breaks come after a separator"


def test_text_that_fits_is_left_alone(font):
    text = f"Opgeslagen in {PATH}"
    assert breakable(text, font, font.size(PATH)[0] + 1) == text


def test_a_piece_without_separators_breaks_between_characters(font):
    word = "C:\\" + "x" * 80
    parts = breakable(word, font, font.size("x" * 20)[0]).split("\n")
    assert "".join(parts) == word and all(font.size(p)[0] <= font.size("x" * 20)[0]
                                          for p in parts)
