"""How the table writes a change of a number: with its sign, and a real minus sign."""

from __future__ import annotations

MINUS = "−"


def signed(delta: int) -> str:
    """+8 or −5, with a real minus sign."""
    return f"+{delta}" if delta > 0 else f"{MINUS}{abs(delta)}" if delta < 0 else "0"
