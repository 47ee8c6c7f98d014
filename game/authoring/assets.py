"""Paths in a deck folder: refusing unsafe image paths, and checking images are real images.

A deck comes from someone else, so a path written in it is checked as text before the disk is
touched, links are followed to see they stay inside the folder, and an image must start with the
bytes of a PNG or JPEG file. Its width and height are read from the file's header, before any
decoding, and an image larger than :data:`MAX_IMAGE_SIDE` on a side is refused: a small file can
hold a picture that takes gigabytes of memory once decoded.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path, PurePosixPath

from game.authoring.problems import Issues
from game.authoring.messages import MESSAGES, say, visible
from game.authoring.yaml_reader import YamlFile, YamlPath

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_DRIVE = re.compile(r"^[A-Za-z]:")
#: The largest width and height of a portrait, in pixels. A portrait is drawn a few hundred
#: pixels wide; 4096x4096 decodes to 64 MiB, a 20000x20000 picture to 1.5 GiB.
MAX_IMAGE_SIDE = 4096
#: How far into a JPEG the size is looked for (metadata such as a thumbnail comes first).
_JPEG_SCAN = 1_048_576
#: JPEG markers that start a frame and hold its size (SOF0-SOF15, less DHT, JPG and DAC).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def image_size(handle) -> tuple[int, int] | None:
    """(width, height) from the header of a PNG or JPEG file open for reading; None if unclear.

    Only the header is read, never the pixels.
    """
    head = handle.read(24)
    if head.startswith(_PNG):
        if len(head) < 24 or head[12:16] != b"IHDR":
            return None
        return struct.unpack(">II", head[16:24])
    if not head.startswith(_JPEG):
        return None
    handle.seek(2)
    read = 2
    while read < _JPEG_SCAN:
        marker = handle.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        kind = marker[1]
        if kind == 0xFF:  # fill byte
            handle.seek(-1, 1)
            read += 1
            continue
        if kind in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            read += 2
            continue
        length_bytes = handle.read(2)
        if len(length_bytes) < 2:
            return None
        length = struct.unpack(">H", length_bytes)[0]
        if length < 2:
            return None
        if kind in _SOF:
            frame = handle.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        handle.seek(length - 2, 1)
        read += 2 + length
    return None


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
            handle.seek(0)
            size = image_size(handle) if head.startswith((_PNG, _JPEG)) else None
    except OSError as exc:
        issues.add(doc, at, "E008", "image_unreadable", path=shown,
                   reason=exc.strerror or str(exc))
        return None
    if size is None or 0 in size:
        issues.add(doc, at, "E303", "not_an_image", path=shown)
        return None
    if max(size) > MAX_IMAGE_SIDE:
        issues.add(doc, at, "E304", "image_too_large", path=shown, width=size[0],
                   height=size[1], limit=MAX_IMAGE_SIDE)
        return None
    return target
