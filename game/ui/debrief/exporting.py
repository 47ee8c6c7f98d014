"""Writing the debrief report of the game on the table, from the debrief or the menu.

:func:`export_reports` builds the report from the live match (nothing is read back from the
journal) and writes ``report.html``, ``report.json`` and ``decisions.csv`` with
:func:`game.reports.files.write_report`. The folder is the one given on the command line (``--out``);
else, when a data folder was chosen (``--data-dir`` or ``DILEMMASPEL_DATA_DIR``), a folder per
session in its ``verslagen``, so everything the game writes stays where it was told; else a
folder per session under the user's documents folder, or, when that cannot be written, under
the game's data folder. A folder that cannot be written becomes an
:class:`ExportError` with a message in plain words, which the screen shows; the game goes on.
"""

from __future__ import annotations

import errno
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from platformdirs import user_documents_dir

from game.reports.files import write_report
from game.reports.content import report_for_match
from game.table.places import data_dir as default_data_dir
from game.table.places import is_chosen_data_dir

#: The folder in the user's documents where reports go, one subfolder per session.
DOCUMENTS_FOLDER = "Dilemmaspel"
#: The subfolder of the data folder used when the documents folder cannot be written.
DATA_FOLDER = "verslagen"


class ExportError(OSError):
    """The report could not be written; the message says why, in the table's language.

    It is an :class:`OSError` (writing failed), so a caller that guards the export against
    any failure to write catches it too.
    """


def export_reports(app, match: Any) -> Path:
    """Write the report of ``match`` and return the folder it is in.

    Raises :class:`ExportError` when no folder could be written.
    """
    report = report_for_match(match, app.lang)
    chosen = app.options.out_dir
    if chosen is not None:
        return _write(app, report, Path(chosen))
    name = folder_name(match)
    own = data_dir(app)
    if is_chosen_data_dir(own):
        return _write(app, report, own / DATA_FOLDER / name)
    documents = documents_dir()
    if documents is not None:
        try:
            return _write(app, report, documents / DOCUMENTS_FOLDER / name)
        except ExportError as exc:
            print(f"warning: {exc}; the report goes to the data folder instead",
                  file=sys.stderr)
    return _write(app, report, own / DATA_FOLDER / name)


def folder_name(match: Any, today: date | None = None) -> str:
    """``2025-03-14-digitaal-leiderschap-sessie-12`` (``-sessie-los`` when not journalled)."""
    day = (today or date.today()).isoformat()
    session = match.session_id if match.session_id is not None else "los"
    return f"{day}-{match.deck.id}-sessie-{session}"


def documents_dir() -> Path | None:
    """The user's documents folder, or None when the system does not name one."""
    try:
        found = user_documents_dir()
    except (OSError, RuntimeError, KeyError):
        return None
    return Path(found) if found else None


def data_dir(app) -> Path:
    if app.options.data_dir is not None:
        return Path(app.options.data_dir)
    return default_data_dir()


def _write(app, report: dict[str, Any], folder: Path) -> Path:
    try:
        write_report(report, folder)
    except OSError as exc:
        print(f"warning: cannot write the report to {folder}: {exc}", file=sys.stderr)
        raise ExportError(app.t("debrief.export.failed", path=str(folder),
                                reason=reason(app, exc))) from exc
    return folder


def reason(app, exc: OSError) -> str:
    """Why a folder could not be written, in words a facilitator can act on."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return app.t("debrief.export.denied")
    if code == errno.EROFS:
        return app.t("debrief.export.read_only")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return app.t("debrief.export.full")
    if code in (errno.ENOTDIR, errno.EEXIST):
        return app.t("debrief.export.not_folder")
    return app.t("debrief.export.other", error=exc.strerror or str(exc))


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
