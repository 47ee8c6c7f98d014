"""Paths in a deck folder: refusing unsafe image paths, and checking images are real images.

A deck comes from someone else, so a path written in it is checked as text before the disk is
touched, links are followed to see they stay inside the folder, and an image must start with the
bytes of a PNG or JPEG file.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from game.authoring.problems import Issues
from game.authoring.messages import MESSAGES, say, visible
from game.authoring.yaml_reader import YamlFile, YamlPath

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_DRIVE = re.compile(r"^[A-Za-z]:")


def unsafe_reason(value: str) -> str | None:
    """Why an image path written in a deck is refused before touching the disk (None: fine)."""
    if not value.strip():
        return "empty"
    if "\0" in value:
        return "nul"
    if "\\" in value:
        return "backslash"
    if value.startswith("//"):
        return "unc"
    if _DRIVE.match(value):
        return "drive"
    if value.startswith("/") or value.startswith("~"):
        return "absolute"
    if ".." in PurePosixPath(value).parts:
        return "parent"
    return None


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link followed, stays inside ``folder``."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def relative_name(file: Path, folder: Path) -> str:
    """``file`` as named from ``folder`` with / between parts (its own name if outside)."""
    try:
        return PurePosixPath(*file.relative_to(folder).parts).as_posix()
    except ValueError:
        return file.name


def check_image(issues: Issues, doc: YamlFile, folder: Path, at: YamlPath,
                value: str) -> Path | None:
    """The image the path ``value`` (at ``at`` in ``doc``) names, or None (issue added)."""
    lang = issues.lang
    reason = unsafe_reason(value)
    target = folder / value
    if reason is None and not is_inside(target, folder):
        reason = "outside"
    shown = visible(value)
    if reason is not None:
        issues.add(doc, at, "E301", "unsafe_path", path=shown,
                   why=say(MESSAGES, "why_" + reason, lang))
        return None
    try:
        if not target.is_file():
            issues.add(doc, at, "E302", "missing_image", path=shown)
            return None
        with open(target, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        issues.add(doc, at, "E008", "image_unreadable", path=shown,
                   reason=exc.strerror or str(exc))
        return None
    if not (head.startswith(_PNG) or head.startswith(_JPEG)):
        issues.add(doc, at, "E303", "not_an_image", path=shown)
        return None
    return target
