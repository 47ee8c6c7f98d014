"""The texts of a catalog's area file, kept as JSON beside it once read.

Reading an area file needs the YAML parser, and importing that costs more than reading every
text the title screen shows. So the texts read from ``<lang>/<area>.yaml`` are kept in
``<lang>/__pycache__/<area>.json`` with the size and modification time of the file they came
from, much as Python keeps a module's bytecode: a later run reads them from there while the
file is unchanged, and reads the file again (and keeps its texts anew) once it changed. A folder
that cannot be written keeps nothing, and each run there reads the YAML.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

#: Raised whenever what is kept changes (or how an area file becomes texts), so that texts kept
#: by an older version are read again.
KEPT_VERSION = 1
#: The folder, beside the area files, that keeps their texts.
KEPT_FOLDER = "__pycache__"


def area_texts(path: Path) -> dict[str, str]:
    """Every text of the area file ``path`` by dotted key: as kept, while the file is unchanged;
    else read from the file (and kept for the next run)."""
    info = path.stat()
    source = [info.st_size, info.st_mtime_ns]
    kept = kept_path(path)
    texts = _read_kept(kept, source)
    if texts is None:
        from game.language.catalog_yaml import read_texts

        texts = read_texts(path)
        _keep(kept, source, texts)
    return texts


def kept_path(path: Path) -> Path:
    """Where the texts of the area file ``path`` are kept."""
    return path.parent / KEPT_FOLDER / f"{path.stem}.json"


def _read_kept(kept: Path, source: list[int]) -> dict[str, str] | None:
    """The texts kept in ``kept`` if they were read from the file as it is now (``source``: its
    size and modification time); None when there are none, they are older, or damaged."""
    try:
        data: Any = json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != KEPT_VERSION \
            or data.get("source") != source:
        return None
    texts = data.get("texts")
    if not isinstance(texts, dict) or not all(
            isinstance(key, str) and isinstance(text, str) for key, text in texts.items()):
        return None
    return texts


def _keep(kept: Path, source: list[int], texts: dict[str, str]) -> None:
    """Keep ``texts`` in ``kept``, written whole or not at all (a run reading it meanwhile
    sees the old file or the new one)."""
    part = kept.with_name(f"{kept.name}.{os.getpid()}.part")
    data = json.dumps({"version": KEPT_VERSION, "source": source, "texts": texts},
                      ensure_ascii=False)
    try:
        kept.parent.mkdir(exist_ok=True)
        part.write_text(data, encoding="utf-8")
        os.replace(part, kept)
    except OSError:
        with suppress(OSError):  # a part written, or none (its folder may not be one)
            part.unlink()
