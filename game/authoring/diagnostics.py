"""Located problems in deck files, collected rather than raised.

Every problem the loader finds becomes a :class:`Diagnostic` with a stable code, a severity, a
file position and a plain-language message. All of them are gathered into one list so that an
author sees every mistake at once, the way a compiler reports them. The codes live in
:data:`CODES`, the single place that names them (``docs/errors.md`` explains each one).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


#: Every diagnostic code with a short name. Errors start with E, warnings with W.
CODES: dict[str, str] = {
    # Reading the file
    "E001": "file-too-large",
    "E002": "yaml-syntax",
    "E003": "nesting-too-deep",
    "E004": "anchor-or-alias",
    "E005": "duplicate-key",
    "E006": "unquoted-text",
    "E007": "yaml-tag",
    "E008": "file-unreadable",
    "E009": "not-utf8",
    "E010": "too-many-problems",
    "E011": "too-many-values",
    # The deck format
    "E101": "missing-field",
    "E102": "unknown-field",
    "E103": "wrong-type",
    "E104": "invalid-value",
    "E105": "missing-deck-file",
    "E106": "unsupported-format",
    # Cross-references
    "E201": "unknown-character",
    "E202": "unknown-card",
    "E203": "unknown-meter",
    "E204": "duplicate-id",
    "E205": "unknown-language",
    "E206": "two-best-endings",
    # Images
    "E301": "unsafe-path",
    "E302": "missing-image",
    "E303": "not-an-image",
    "E304": "image-too-large",
    # Warnings: the deck as a whole
    "W001": "missing-translation",
    "W002": "no-term-ending",
    "W003": "no-cards",
    "W004": "bidi-control",
    "W005": "text-cut-by-comment",
    # Warnings: the quality of the play (see game/authoring/quality.py)
    "W101": "dominated-option",
    "W102": "unreachable-card",
    "W103": "meter-never-moves",
    "W104": "flag-never-read",
    "W105": "flag-never-set",
    "W106": "no-outcome",
    "W107": "no-fallback-ending",
    "W108": "option-changes-nothing",
    # Warnings: the screen (the table's text-fit check, game.ui.layout.fit, which the command
    # line passes to validate when the table is installed)
    "W201": "text-overflow",
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place in one file."""

    code: str
    message: str
    file: Path | None = None
    line: int = 0
    col: int = 0
    #: A short hint, written after the message on the one-line form ("did you mean 'x'?").
    hint: str = ""
    #: Longer help shown under the source line and in JSON, not on the one-line form: the
    #: allowed values, or the right form by example.
    advice: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered diagnostic code {self.code}")

    @property
    def severity(self) -> Severity:
        return Severity.ERROR if self.code.startswith("E") else Severity.WARNING

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def relative_file(self, relative_to: Path | None = None) -> Path | None:
        """The file, named from ``relative_to`` when it lies inside that folder."""
        if self.file is None or relative_to is None:
            return self.file
        try:
            return self.file.relative_to(relative_to)
        except ValueError:
            return self.file

    def location(self, relative_to: Path | None = None) -> str:
        """``FILE:LINE:COL`` (or less where the position is unknown)."""
        file = self.relative_file(relative_to)
        if file is None:
            return "<deck>"
        name = str(file)
        if self.line:
            return f"{name}:{self.line}:{self.col or 1}"
        return name

    def format(self, relative_to: Path | None = None) -> str:
        text = f"{self.location(relative_to)}: {self.severity.value}[{self.code}]: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    @property
    def name(self) -> str:
        """The code's short name, such as ``unknown-field``."""
        return CODES[self.code]

    @property
    def hints(self) -> list[str]:
        """Every hint there is, the short one first."""
        return [h for h in dict.fromkeys((self.hint, self.advice)) if h]

    def sort_key(self) -> tuple:
        return (str(self.file or ""), self.line, self.col, self.code)


def summary_counts(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    """(errors, warnings)."""
    n_err = sum(1 for d in diagnostics if d.is_error)
    return n_err, len(diagnostics) - n_err
