"""The join address as a QR code, in plain cells the screen can draw (made with segno)."""

from __future__ import annotations

import segno


def qr_cells(text: str) -> list[list[bool]]:
    """The QR code of ``text`` as rows of dark (True) and light cells, with its quiet zone."""
    code = segno.make_qr(text, error="m")
    return [[bool(cell) for cell in row] for row in code.matrix_iter(scale=1, border=4)]
