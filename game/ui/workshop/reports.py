"""The debriefing screen and the report files, reached from the workshop's screens.

Both live in their own modules (:mod:`game.ui.debrief.scene`, :mod:`game.ui.debrief.exporting`). A version
of the game without them still runs a whole workshop: the debriefing says plainly that it is
not there, and the reports are not written (the journal keeps every decision, so ``report``
can write them later).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from game.ui.scene import Scene
from game.ui.workshop.overlays import MessageScene


@dataclass(frozen=True)
class Export:
    """Where the reports went (None: not written) and what the screen says about it."""

    folder: Path | None
    message: str


def _missing(error: ModuleNotFoundError, module: str) -> bool:
    """Whether ``error`` is about ``module`` itself not being there (not something it uses)."""
    return error.name == module


def debrief_scene(app, match) -> Scene:
    """The debriefing of ``match``, or a plain message where the game has none."""
    try:
        from game.ui.debrief.scene import DebriefScene
    except ModuleNotFoundError as exc:
        if not _missing(exc, "game.ui.debrief.scene"):
            raise
        return MessageScene(app, app.t("workshop.debrief.heading"),
                            app.t("workshop.debrief.missing"))
    return DebriefScene(app, match)


def export(app, match) -> Export:
    """Write report.html, report.json and decisions.csv for ``match`` now."""
    try:
        from game.ui.debrief.exporting import export_reports
    except ModuleNotFoundError as exc:
        if not _missing(exc, "game.ui.debrief.exporting"):
            raise
        print("note: the reports were not written: this version of the game has no report "
              "export (game/ui/debrief/exporting.py); the journal keeps every decision, so "
              "'python main.py report' can write them later", file=sys.stderr)
        return Export(None, app.t("workshop.reports.missing"))
    try:
        folder = Path(export_reports(app, match))
    except OSError as exc:
        print(f"warning: the reports could not be written: {exc}", file=sys.stderr)
        if exc.errno is None:  # the export's own message, already in plain words
            return Export(None, str(exc))
        return Export(None, app.t("workshop.reports.failed", reason=exc.strerror or str(exc)))
    return Export(folder, app.t("workshop.reports.saved", path=str(folder)))
