"""Writing a workshop's report files from its screens, with a plain message of where they went.

A folder that cannot be written is said in plain words; the journal keeps every decision, so
``report`` can write the files later.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from game.ui.debrief.exporting import export_reports


@dataclass(frozen=True)
class Export:
    """Where the reports went (None: not written) and what the screen says about it."""

    folder: Path | None
    message: str


def export(app, match) -> Export:
    """Write report.html, report.json and decisions.csv for ``match`` now."""
    try:
        folder = Path(export_reports(app, match))
    except OSError as exc:
        print(f"warning: the reports could not be written: {exc}", file=sys.stderr)
        if exc.errno is None:  # the export's own message, already in plain words
            return Export(None, str(exc))
        return Export(None, app.t("workshop.reports.failed", reason=exc.strerror or str(exc)))
    return Export(folder, app.t("workshop.reports.saved", path=str(folder)))
