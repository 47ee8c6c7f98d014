"""Explaining a YAML syntax error in words an author can act on.

The parser says where it got stuck and why, in its own English ("mapping values are not allowed
in this context"). That place is often not where the mistake is, and its wording tells a
facilitator nothing. :func:`explain` looks at the lines around the place and names the mistake
authors actually make (a colon in a text, Word's curly quotes, a text starting with an
apostrophe, a quote never closed, uneven indentation) with the line where it is and the line
as it should be written. The parser's own words never reach the author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

#: ``key: value`` or ``- key: value`` or ``- value``: group ``value`` is where the value starts.
_KEYED = re.compile(r"^(?P<lead>\s*(?:-\s+)*)(?P<key>[A-Za-z0-9_.-]+|\"[^\"]*\"):[ \t]+(?P<value>\S)")
_ITEM = re.compile(r"^(?P<lead>\s*-\s+)(?P<value>\S)")
CURLY = "\u201c\u201d\u201e\u2018\u2019\u201a"
_CLOSERS = {"{": "}", "[": "]"}


@dataclass(frozen=True)
class Explained:
    """What went wrong (a message key of the ``check.yaml`` section), where, and how to write it."""

    key: str
    line: int
    col: int
    params: dict[str, str] = field(default_factory=dict)
    #: The line as it should be written ("" when there is no single right form).
    example: str = ""


def explain(text: str, exc: yaml.MarkedYAMLError) -> Explained:
    """The author's mistake behind the parser error ``exc`` in ``text``."""
    lines = text.split("\n")
    problem = (exc.problem or "").lower()
    context = (exc.context or "").lower()
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    opened = exc.context_mark
    here = _line(lines, line)

    if "quoted scalar" in context and opened is not None:
        if "escape" in problem:
            return Explained("backslash", line, col, example=_single_quoted(here))
        return _open_quote(lines, opened.line + 1, opened.column + 1)
    if "escape" in problem:
        return Explained("backslash", line, col, example=_single_quoted(here))
    if "alias" in context or "anchor" in context or "block scalar" in context:
        start = (opened.line + 1, opened.column + 1) if opened else (line, col)
        return _starts_with(lines, *start)
    if "cannot start any token" in problem:
        return _starts_with(lines, line, col)
    if "block sequence entries are not allowed" in problem or "mapping keys are not allowed" \
            in problem:
        return _starts_with(lines, line, col)
    if "',' or '}'" in problem or "',' or ']'" in problem:
        start = (opened.line + 1, opened.column + 1) if opened else (line, col)
        char = _line(lines, start[0])[start[1] - 1:start[1]] or "{"
        return Explained("unclosed_bracket", *start,
                         params={"open": char, "close": _CLOSERS.get(char, "}")})

    # A quote opened on an earlier line and closed much later makes the parser stop far away.
    first = opened.line + 1 if opened is not None else line
    quote = _unclosed_quote_between(lines, first, line)
    if quote is not None:
        return _open_quote(lines, *quote)

    value_col = _value_col(here)
    if "mapping values are not allowed" in problem:
        if value_col and value_col < col:
            if here[value_col - 1] in CURLY:
                return Explained("curly_quotes", line, value_col,
                                 example=_straightened(here, value_col))
            return Explained("colon_in_text", line, value_col, example=_requoted(here))
        return Explained("indent_uneven", line, _indent(here) + 1)
    if "expected key" in problem or "block end" in problem:
        if value_col and value_col < col and here[value_col - 1] in "\"'":
            return Explained("text_after_quote", line, col, example=_requoted(here))
        if value_col and value_col < col and here[value_col - 1] in "[{":
            return _starts_with(lines, line, value_col)
        return Explained("indent_uneven", line, _indent(here) + 1)
    if "expected ':'" in problem and opened is not None:
        start = _line(lines, opened.line + 1)
        return Explained("missing_colon", opened.line + 1, _indent(start) + 1,
                         example=_with_colon(start))
    if "'-' indicator" in problem:
        return Explained("list_uneven", line, _indent(here) + 1)
    return Explained("syntax", line, col)


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _value_col(line: str) -> int:
    """The 1-based column where the value of ``key: value`` or ``- value`` starts (0: none)."""
    found = _KEYED.match(line) or _ITEM.match(line)
    return found.start("value") + 1 if found else 0


def _quoted(value: str) -> str:
    """``value`` as one quoted YAML text."""
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _requoted(line: str) -> str:
    """``line`` with its whole value put between quotes (its comment-free rest of the line)."""
    col = _value_col(line)
    if not col:
        return ""
    value = line[col - 1:].rstrip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]  # a text already quoted, but with a mistake inside
    return line[: col - 1] + _quoted(value)


def _single_quoted(line: str) -> str:
    """``line`` with its double-quoted value between single quotes, where a backslash is plain."""
    col = _value_col(line)
    value = line[col - 1:].rstrip() if col else ""
    if len(value) < 2 or value[0] != '"' or value[-1] != '"':
        return ""
    return line[: col - 1] + "'" + value[1:-1].replace("'", "''") + "'"


def _straightened(line: str, col: int) -> str:
    value = line[col - 1:].rstrip()
    inner = value.strip(CURLY)
    return line[: col - 1] + _quoted(inner)


def _with_colon(line: str) -> str:
    stripped = line.lstrip(" ")
    head, _, rest = stripped.partition(" ")
    if not rest:
        return line[: _indent(line)] + head + ": ..."
    return line[: _indent(line)] + head + ": " + rest.strip()


def _starts_with(lines: list[str], line: int, col: int) -> Explained:
    here = _line(lines, line)
    char = here[col - 1:col] or "?"
    return Explained("starts_with", line, col, params={"char": char}, example=_requoted(here))


def explain_apostrophe(line: str, col: int) -> Explained:
    """The quote at ``col`` of ``line``, explained as an apostrophe starting a text."""
    return _open_quote([line], 1, col)


def _open_quote(lines: list[str], line: int, col: int) -> Explained:
    here = _line(lines, line)
    quote = here[col - 1:col] or '"'
    after = here[col:col + 1]
    if quote == "'" and after.isalpha():
        value = here[col - 1:].rstrip()
        example = here[: col - 1] + _quoted(value) if '"' not in value else ""
        return Explained("apostrophe_start", line, col, example=example)
    return Explained("unclosed_quote", line, col, params={"quote": quote})


def _closes(line: str, start: int) -> bool:
    """Whether the quote at 0-based ``start`` of ``line`` is closed on the same line."""
    quote = line[start]
    i = start + 1
    while i < len(line):
        c = line[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":
                i += 2
                continue
            return True
        i += 1
    return False


def _unclosed_quote_between(lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """(line, col) of the last value from line ``first`` to ``last`` that opens a quote and
    does not close it on its own line."""
    found = None
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        text = lines[number - 1]
        col = _value_col(text)
        if col and text[col - 1] in "\"'" and not _closes(text, col - 1):
            found = (number, col)
    return found
