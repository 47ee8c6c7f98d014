"""The problems of one load, gathered and then cut to one per value and a readable number.

Checks add issues about a place in a file; :meth:`Issues.result` turns them into sorted
diagnostics. The first issue added about a value wins, and a value refused while reading is
reported only by the reader (:mod:`game.authoring.yaml_reader`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.authoring.diagnostics import Diagnostic
from game.authoring.messages import MESSAGES, say
from game.authoring.yaml_reader import YamlFile, YamlPath

#: Problems shown per file; past this an author is better served by fixing the first ones.
MAX_PER_FILE = 100


@dataclass
class Issue:
    doc: YamlFile
    #: The value the issue is about (for an unknown or missing field: the field's own path).
    path: YamlPath
    where: tuple[int, int]
    code: str
    message: str
    hint: str = ""
    advice: str = ""


class Issues:
    """All issues of one load, reduced to one per value at the end."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.reading: list[Diagnostic] = []
        self.located: list[Issue] = []

    def read(self, doc: YamlFile) -> None:
        """Take over the problems found while reading ``doc``."""
        self.reading.extend(doc.diagnostics)

    def add(self, doc: YamlFile, at: YamlPath, code: str, message_key: str, /, *,
            at_key: bool = False, hint: str = "", advice: str = "", **params: Any) -> None:
        """An issue about the value (or, with ``at_key``, the key) at path ``at``."""
        if doc.is_flagged(at):
            return
        where = doc.key_position(at) if at_key else doc.position(at)
        message = say(MESSAGES, message_key, self.lang, **params)
        self.located.append(Issue(doc, at, where, code, message, hint, advice))

    def file_issue(self, file: Path, code: str, message_key: str, /, **params: Any) -> None:
        """An issue about a whole file, placed on its first line."""
        message = say(MESSAGES, message_key, self.lang, **params)
        self.reading.append(Diagnostic(code, message, file, 1, 1))

    def result(self) -> list[Diagnostic]:
        """Every issue as a diagnostic, sorted, one per value, at most MAX_PER_FILE per file."""
        seen: set[tuple[str, YamlPath]] = set()
        found = list(self.reading)
        for issue in self.located:  # schema issues come first, so they win over later ones
            key = (str(issue.doc.file), issue.path)
            if key in seen:
                continue
            seen.add(key)
            found.append(Diagnostic(issue.code, issue.message, issue.doc.file, *issue.where,
                                    hint=issue.hint, advice=issue.advice))
        out: list[Diagnostic] = []
        per_file: dict[str, int] = {}
        for diagnostic in sorted(found, key=Diagnostic.sort_key):
            name = str(diagnostic.file)
            per_file[name] = per_file.get(name, 0) + 1
            if per_file[name] <= MAX_PER_FILE:
                out.append(diagnostic)
            elif per_file[name] == MAX_PER_FILE + 1:
                out.append(Diagnostic(
                    "E010", say(MESSAGES, "too_many", self.lang, limit=MAX_PER_FILE),
                    diagnostic.file, diagnostic.line, diagnostic.col))
        return out
