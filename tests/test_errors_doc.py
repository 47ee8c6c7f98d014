"""docs/errors.md explains every diagnostic code, in the order and with the names of CODES."""

from __future__ import annotations

import re

from conftest import ROOT
from game.authoring.diagnostics import CODES

DOC = ROOT / "docs" / "errors.md"
HEADING = re.compile(r"^### ([EW]\d{3}) (\S+)$", re.MULTILINE)


def sections() -> dict[str, tuple[str, str]]:
    """code -> (short name, text of its section)."""
    text = DOC.read_text(encoding="utf-8")
    found = list(HEADING.finditer(text))
    out = {}
    for match, following in zip(found, found[1:] + [None]):
        end = following.start() if following else len(text)
        body = text[match.end():end].split("\n## ")[0]
        out[match.group(1)] = (match.group(2), body)
    return out


def test_every_code_has_a_section_with_its_short_name() -> None:
    documented = sections()
    assert list(documented) == list(CODES), "one section per code, in the order of CODES"
    assert {code: name for code, (name, _) in documented.items()} == CODES


def test_every_section_explains_shows_and_fixes() -> None:
    documented = sections()
    for code in CODES:
        assert code in documented, f"{code} has no section"
        _, body = documented[code]
        for part in ("**What it means.**", "**Example.**", "**Message.**", "**How to fix.**"):
            assert part in body, f"{code} lacks {part}"
        message = body.split("**Message.**")[1]
        assert "- en:" in message and "- nl:" in message, f"{code} needs both languages"
