"""Reading one YAML file safely, keeping where every value came from.

Deck files are shared between municipalities, so reading one must never run code, follow
references or exhaust memory. PyYAML only parses here: the data is built from its events, never
constructed by it. Anchors, aliases, merge keys and tags are refused, nesting is limited and the
file size is capped before anything is read, and reading stops at the first value past
:data:`MAX_NODES`, so a hostile file costs well under a second.

Every value keeps its line and column, and every scalar remembers whether it was written plain
(unquoted) and how, so that the format check can explain that ``title: NO`` was read as yes/no.
Those are needed only to word a problem, and a deck of thousands of cards has hundreds of
thousands of values, so they are not kept while reading: the first question about a file reads
its text (kept as :attr:`YamlFile.source`) once more, recording them (:class:`Written`).
Problems are returned as diagnostics; nothing here raises for bad input.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Union

import yaml

from game.authoring.diagnostics import Diagnostic
from game.authoring.messages import SCHEMA_MESSAGES, say, visible
from game.authoring.yaml_syntax import explain, explain_apostrophe

MAX_BYTES = 1_048_576
MAX_DEPTH = 32
#: Values (keys, texts, numbers, lists and mappings) in one file. The largest bundled file has
#: under 1,500; a file of a few hundred thousand tiny values would cost seconds and hundreds
#: of megabytes to check, so reading stops at the first value past this.
MAX_NODES = 20_000

#: Keys and indices leading from the top of a file to one value.
YamlPath = tuple[Union[str, int], ...]

#: The start of a Dutch elided word: 's, 't, 'k, 'n followed by a space.
_ELISION = re.compile(r"[a-z]{1,2} ")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class YamlDate:
    """A plain scalar YAML reads as a date or time (kept as written, never converted)."""

    raw: str

    def __str__(self) -> str:
        return self.raw


@dataclass(frozen=True, slots=True)
class ScalarInfo:
    """How a scalar was written."""

    raw: str
    plain: bool
    #: The YAML tag it resolved to (``tag:yaml.org,2002:str`` for every quoted scalar).
    tag: str

    @property
    def kind(self) -> str:
        """One of null, bool, int, float, timestamp, str."""
        return self.tag.rsplit(":", 1)[-1] if self.tag.startswith("tag:yaml.org") else "str"


class Written:
    """Where each value and key of one file starts, and how each scalar was written."""

    __slots__ = ("values", "keys", "scalars")

    def __init__(self) -> None:
        #: Positions packed in one number each (see :func:`_pack`).
        self.values: dict[YamlPath, int] = {}
        self.keys: dict[YamlPath, int] = {}
        self.scalars: dict[YamlPath, ScalarInfo] = {}


@dataclass(eq=False)
class YamlFile:
    """The data of one YAML file, its positions and its problems."""

    file: Path
    data: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: The bytes read (empty when the file could not be read).
    source: bytes = b""
    #: False when no data could be read at all (size, encoding or syntax problems).
    readable: bool = True
    #: Paths whose value was refused while reading; later checks say nothing more about them.
    flagged: set[YamlPath] = field(default_factory=set)
    #: The text that was parsed, as :attr:`source` holds it: None when none was (size or
    #: encoding problems), else whether a byte-order mark was dropped from its start.
    _bom: bool | None = field(default=None, repr=False)
    _written: Written | None = field(default=None, init=False, repr=False)
    _parents: set[YamlPath] | None = field(default=None, init=False, repr=False)

    @property
    def written(self) -> Written:
        """Positions and scalars, recorded by reading the text again on the first question."""
        if self._written is None:
            self._written = Written()
            if self._bom is not None:
                text = self.source.decode("utf-8")
                again = YamlFile(file=self.file)
                _parse_into(again, text[1:] if self._bom else text, _Reporter(again, "en"),
                            self._written)
        return self._written

    @property
    def values(self) -> dict[YamlPath, int]:
        """Where each value starts (packed, see :func:`_pack`)."""
        return self.written.values

    @property
    def keys(self) -> dict[YamlPath, int]:
        """Where each key starts (packed), by the path of the value it names."""
        return self.written.keys

    @property
    def scalars(self) -> dict[YamlPath, ScalarInfo]:
        """How each scalar value was written, by its path."""
        return self.written.scalars

    def position(self, path: YamlPath) -> tuple[int, int]:
        """(line, col), 1-based, of the value at ``path`` or of its nearest known parent."""
        values = self.values
        path = tuple(path)
        while path and path not in values:
            path = path[:-1]
        packed = values.get(path)
        return _unpack(packed) if packed is not None else (1, 1)

    def key_position(self, path: YamlPath) -> tuple[int, int]:
        """(line, col) of the key that names the value at ``path``."""
        path = tuple(path)
        packed = self.keys.get(path)
        return _unpack(packed) if packed is not None else self.position(path)

    def places(self) -> Iterator[tuple[YamlPath, tuple[int, int]]]:
        """Every value's and key's path with its (line, col), values first."""
        for table in (self.values, self.keys):
            for path, packed in table.items():
                yield path, _unpack(packed)

    def scalar(self, path: YamlPath) -> ScalarInfo | None:
        return self.scalars.get(tuple(path))

    def texts(self) -> Iterator[tuple[YamlPath, str]]:
        """Every text value (a scalar read as a string) with its path, in the file's order."""
        stack: list[tuple[YamlPath, Any]] = [((), self.data)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, str):
                yield path, value
            elif isinstance(value, dict):
                stack += [(path + (k,), v) for k, v in reversed(value.items())]
            elif isinstance(value, list):
                stack += [(path + (i,), v) for i, v in reversed(list(enumerate(value)))]

    def value_at(self, path: YamlPath) -> Any:
        """The value at ``path`` (None where the path leads nowhere)."""
        data = self.data
        for part in path:
            if isinstance(data, dict) and part in data:
                data = data[part]
            elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
                data = data[part]
            else:
                return None
        return data

    def is_flagged(self, path: YamlPath) -> bool:
        """Whether the value at ``path`` lies in (or is) a value refused while reading."""
        path = tuple(path)
        return bool(self.flagged) and any(path[:k] in self.flagged for k in range(len(path) + 1))

    def holds_flagged(self, path: YamlPath) -> bool:
        """Whether a value refused while reading lies strictly inside the value at ``path``."""
        if self._parents is None:
            self._parents = {f[:k] for f in self.flagged for k in range(len(f))}
        return tuple(path) in self._parents


def read_yaml(file: Path, lang: str = "nl") -> YamlFile:
    """Read and parse one YAML file; every problem becomes a diagnostic."""
    result = YamlFile(file=file)
    report = _Reporter(result, lang)
    raw = _read_bytes(file, report)
    if raw is not None:
        result.source = raw
        text = _decode(raw, report)
        if text is not None:
            result._bom = text.startswith("\ufeff")
            _parse_into(result, text[1:] if result._bom else text, report)
            return result
    result.readable = False
    return result


def _read_bytes(file: Path, report: _Reporter) -> bytes | None:
    """The bytes of a regular file of at most MAX_BYTES (None: refused and reported)."""
    limit = MAX_BYTES
    try:
        info = os.stat(file)
        if not stat.S_ISREG(info.st_mode):
            report("E008", "not_regular", (1, 1))
            return None
        if info.st_size > limit:
            report("E001", "too_large", (1, 1), size=info.st_size, limit=limit)
            return None
        with open(file, "rb") as handle:
            raw = handle.read(limit + 1)  # the file may have grown since it was measured
    except OSError as exc:
        report("E008", "unreadable", (1, 1), reason=exc.strerror or str(exc))
        return None
    if len(raw) > limit:
        report("E001", "too_large", (1, 1), size=f"> {limit}", limit=limit)
        return None
    return raw


def _decode(raw: bytes, report: _Reporter) -> str | None:
    """``raw`` as UTF-8 text (None: not UTF-8, reported where the first bad byte is)."""
    if is_utf16(raw):
        report("E009", "not_utf16", (1, 1))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
        report("E009", "not_utf8", (line, col), byte=f"0x{raw[exc.start]:02x}")
        return None


def is_utf16(raw: bytes) -> bool:
    """Whether ``raw`` looks like UTF-16 text (a byte-order mark, or every other byte zero)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = raw[:200]
    return len(head) >= 4 and head.count(0) * 3 >= len(head)


def parse_yaml(text: str, file: Path, lang: str = "nl") -> YamlFile:
    """Parse YAML text that is already in memory (same rules as :func:`read_yaml`)."""
    result = YamlFile(file=file, source=text.encode("utf-8"), _bom=False)
    _parse_into(result, text, _Reporter(result, lang))
    return result


class _Reporter:
    """Adds located diagnostics, worded in one language, to a result."""

    def __init__(self, result: YamlFile, lang: str) -> None:
        self.result = result
        self.lang = lang

    def __call__(self, code: str, message_key: str, where: tuple[int, int], /,
                 advice: str = "", **params: Any) -> None:
        message = say(MESSAGES, message_key, self.lang, **params)
        self.result.diagnostics.append(
            Diagnostic(code, message, self.result.file, where[0], where[1], advice=advice)
        )


def _parse_into(result: YamlFile, text: str, report: _Reporter,
                written: Written | None = None) -> None:
    """Read ``text`` into ``result``; with ``written``, record every position and scalar too."""
    builder = _Builder(result, report, text, written)
    try:
        builder.run()
        return
    except _SecondDocument as exc:
        report("E002", "multi", exc.where)
    except _TooManyNodes as exc:
        report("E011", "too_many_values", exc.where, limit=MAX_NODES)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            report("E002", "tab", (mark.line + 1, mark.column + 1))
        else:
            found = explain(text, exc)
            if any(d.code == "E002" and (d.line, d.col) == (found.line, found.col)
                   for d in result.diagnostics):
                return _unreadable(result)  # said already, when the text was read
            advice = (say(SCHEMA_MESSAGES, "write_as", report.lang, example=found.example.strip())
                      if found.example else "")
            report("E002", found.key, (found.line, found.col), advice=advice, **found.params)
    except yaml.reader.ReaderError as exc:
        index = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        where = _line_col(text, index) if index >= 0 else (1, 1)
        report("E002", "control_char", where, char=f"#x{exc.character:04x}")
    _unreadable(result)


def _unreadable(result: YamlFile) -> None:
    result.data = None
    result.readable = False


class _TooManyNodes(Exception):
    def __init__(self, where: tuple[int, int]) -> None:
        super().__init__("too many values")
        self.where = where


class _SecondDocument(Exception):
    def __init__(self, where: tuple[int, int]) -> None:
        super().__init__("second document")
        self.where = where


def _line_col(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


_SKIP = object()
#: PyYAML's rules for plain scalars (YAML 1.1), by first character, as its resolver applies them
#: (_OTHERS: those for any first character, after the character's own).
_OTHERS = tuple(yaml.resolver.Resolver.yaml_implicit_resolvers.get(None, ()))
_IMPLICIT = {first: tuple(rules) + _OTHERS
             for first, rules in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
             if first is not None}
_BOOLS = yaml.constructor.SafeConstructor.bool_values
#: A whole number PyYAML would read as decimal, converted without its constructor.
_DECIMAL = re.compile(r"[-+]?[1-9][0-9]*|0")


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = ("value", "part", "path", "key", "key_path", "lines")

    def __init__(self, value: dict | list, part: Any, path: YamlPath | None) -> None:
        self.value = value
        #: The key or index of this value in its parent (None for the document).
        self.part = part
        #: Its path, once asked for (see :meth:`_Builder.path_of`).
        self.path = path
        #: For a mapping: the key whose value comes next (None while a key is expected).
        self.key: Any = None
        #: The path of the value under :attr:`key`, when positions are recorded (one tuple,
        #: shared by the key's and the value's positions and the scalar's record).
        self.key_path: YamlPath = ()
        #: For a mapping: the line of each key taken, in order (for a duplicate's message);
        #: None for a sequence.
        self.lines: list[int] | None = [] if isinstance(value, dict) else None


class _Builder:
    """Turns parser events into plain data and diagnostics, without recursion.

    This runs once per value of every deck file, so it does the least it can: a path is made
    only for a value that is refused, and positions and scalars only when ``written`` asks
    for them (:attr:`YamlFile.written`).
    """

    def __init__(self, result: YamlFile, report: _Reporter, text: str = "",
                 written: Written | None = None) -> None:
        self.result = result
        self.report = report
        self.text = text
        self.written = written
        self.frames: list[_Frame] = []
        #: Depth inside a subtree that is passed over (a refused key, or a value too deep).
        self.skipping = 0
        self.skipping_key = False
        self.documents = 0
        self.nodes = 0
        # used only to convert single plain scalars, never to build the document
        self.constructor = yaml.constructor.SafeConstructor()

    def run(self) -> None:
        """Parse the text, building the data from its events."""
        loader = _LOADER(self.text)
        scalar_event = yaml.ScalarEvent
        frames = self.frames
        try:
            get_event = loader.get_event
            while True:
                event = get_event()
                if event is None:
                    return
                kind = event.__class__
                if kind is not scalar_event:
                    self._other(event, kind)
                    continue
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    raise _TooManyNodes(_where(event))
                if self.skipping:
                    continue
                top = frames[-1] if frames else None
                if top is None:
                    self._scalar(event, None, None)
                elif top.lines is None:
                    self._scalar(event, top, len(top.value))
                elif top.key is None:
                    self._key(event, top)
                elif top.key is _SKIP:
                    top.key = None
                else:
                    self._scalar(event, top, top.key)
        finally:
            loader.dispose()

    def _other(self, event: yaml.Event, kind: type) -> None:
        """Every event but a scalar."""
        if kind in _NODE_EVENTS:
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _TooManyNodes(_where(event))
        if self.skipping:
            if kind in _START_EVENTS:
                self.skipping += 1
            elif kind in _END_EVENTS:
                self.skipping -= 1
                if not self.skipping and not self.skipping_key:
                    self._finish(None)
            return
        if kind in _START_EVENTS:
            self._start(event, kind is yaml.MappingStartEvent)
        elif kind in _END_EVENTS:
            self._finish(self.frames.pop().value)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise _SecondDocument(_where(event))
        elif kind is yaml.AliasEvent:
            self._alias(event)

    # -- where the next node goes ------------------------------------------------------------

    def _slot(self) -> tuple[Any, Any]:
        """What the next node is: ('key', None), (_SKIP, None) or ('value', its key or index).

        The document itself is ('value', None).
        """
        if not self.frames:
            return "value", None
        top = self.frames[-1]
        if top.lines is None:
            return "value", len(top.value)
        if top.key is None:
            return "key", None
        if top.key is _SKIP:
            return _SKIP, None
        return "value", top.key

    def path_of(self, part: Any) -> YamlPath:
        """The path of the next node, which is ``part`` of the innermost open value."""
        if not self.frames:
            return ()
        top = self.frames[-1]
        if self.written is not None and top.lines is not None and part is top.key:
            return top.key_path
        if top.path is None:
            top.path = tuple(f.part for f in self.frames[1:])
        return top.path + (part,)

    def _refused(self, event: Any, part: Any, kind: str) -> None:
        """Report an anchor or a tag on a node, and flag a value so it is not judged again."""
        refused = False
        if getattr(event, "anchor", None):
            self.report("E004", "anchor", _where(event), name=visible(event.anchor))
            refused = True
        if getattr(event, "tag", None):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
            self.report("E007", "tag", _where(event), tag=visible(tag))
            refused = True
        if refused and kind == "value":
            self.result.flagged.add(self.path_of(part))

    # -- nodes -------------------------------------------------------------------------------

    def _start(self, event: Any, mapping: bool) -> None:
        kind, part = self._slot()
        if kind == "key":
            self.report("E103", "complex_key", _where(event))
            self.frames[-1].key = _SKIP
            self.skipping, self.skipping_key = 1, True
            return
        self.skipping_key = False
        if kind is _SKIP:
            self.skipping = 1
            return
        if event.anchor or event.tag:
            self._refused(event, part, kind)
        path = self.path_of(part) if self.written is not None else None
        if len(self.frames) >= MAX_DEPTH:
            self.report("E003", "too_deep", _where(event), depth=MAX_DEPTH)
            self.result.flagged.add(self.path_of(part))
            self._record(path, event)
            self.skipping = 1
            return
        self._record(path, event)
        self.frames.append(_Frame({} if mapping else [], part, path))

    def _scalar(self, event: yaml.ScalarEvent, top: _Frame | None, part: Any) -> None:
        """A scalar that is the value at ``part`` of ``top`` (or the document, without ``top``)."""
        if event.anchor or event.tag:
            self._refused(event, part, "value")
        raw = event.value
        plain = not event.style and event.implicit[0]
        if plain and (raw[:1] in _IMPLICIT or _OTHERS):
            value, tag = self._resolve(raw)
        else:  # quoted, or plain with a first character no rule of YAML's starts with
            value, tag = raw, _STR
        if self.written is not None:
            path = self.path_of(part)
            self._record(path, event)
            self.written.scalars[path] = ScalarInfo(raw, plain, tag)
        if plain:
            if tag == _STR and _is_text_at(top, part):
                self._check_cut(event)
        elif event.style == "'" and _ELISION.match(raw) and \
                event.end_mark.line > event.start_mark.line:
            self._elision(event, part)
        self._finish(value)

    def _elision(self, event: yaml.ScalarEvent, part: Any) -> None:
        """'s Nachts ... on one line, closed by an apostrophe lines later: the lines between
        (other fields among them) became part of this text."""
        line = self.text.split("\n")[event.start_mark.line]
        found = explain_apostrophe(line, event.start_mark.column + 1)
        self.report("E002", found.key, _where(event), advice=say(
            SCHEMA_MESSAGES, "write_as", self.report.lang, example=found.example.strip())
            if found.example else "")
        self.result.flagged.add(self.path_of(part))

    def _check_cut(self, event: yaml.ScalarEvent) -> None:
        """Warn when ' #' ended a plain text: the rest of the line became a comment."""
        end = event.end_mark
        if end is None or self.text[end.index:end.index + 1] not in (" ", "\t"):
            return  # the text ends the line, or is followed by something else
        line_end = self.text.find("\n", end.index)
        rest = self.text[end.index: line_end if line_end >= 0 else len(self.text)]
        stripped = rest.lstrip(" \t")
        if stripped.startswith("#"):
            where = (end.line + 1, end.column + 1 + len(rest) - len(stripped))
            cut = event.value if len(event.value) <= 40 else "..." + event.value[-37:]
            self.report("W005", "cut_by_comment", where, text=visible(cut),
                        advice=say(MESSAGES, "cut_by_comment_advice", self.report.lang))

    def _alias(self, event: yaml.AliasEvent) -> None:
        kind, part = self._slot()
        self.report("E004", "alias", _where(event), name=visible(event.anchor))
        if kind == "key":
            self.frames[-1].key = _SKIP
            return
        if kind == "value":
            path = self.path_of(part)
            self.result.flagged.add(path)
            self._record(path, event)
        self._finish(None)

    def _key(self, event: yaml.ScalarEvent, top: _Frame) -> None:
        key = event.value
        if event.anchor or event.tag:
            self._refused(event, None, "key")
        if not event.style and key == "<<":
            self.report("E004", "merge", _where(event))
            top.key = _SKIP
            return
        mark = event.start_mark
        line = mark.line + 1
        if key in top.value:
            first = top.lines[list(top.value).index(key)]
            self.report("E005", "duplicate_key", (line, mark.column + 1), key=visible(key),
                        line=first)
            top.key = _SKIP
            return
        top.lines.append(line)
        # the same few keys recur on every card: one string each, however many cards
        top.key = key = sys.intern(key)
        if self.written is not None:
            top.key_path = top.path + (key,)  # paths are made with every frame here
            self.written.keys[top.key_path] = _pack(line, mark.column + 1)

    def _finish(self, value: Any) -> None:
        """Place a finished node in its parent (or as the document)."""
        if not self.frames:
            self.result.data = value
            return
        top = self.frames[-1]
        if top.lines is None:
            top.value.append(value)
        elif top.key is _SKIP:
            top.key = None
        else:
            top.value[top.key] = value
            top.key = None

    def _record(self, path: YamlPath | None, event: Any) -> None:
        if path is not None and self.written is not None:
            mark = event.start_mark
            self.written.values[path] = _pack(mark.line + 1, mark.column + 1) \
                if mark is not None else _pack(1, 1)

    def _resolve(self, raw: str) -> tuple[Any, str]:
        """The value of a plain scalar and the tag it resolved to (``_STR`` when kept as text)."""
        tag = _STR
        for rule_tag, rule in _IMPLICIT.get(raw[:1], _OTHERS):
            if rule.match(raw):
                tag = rule_tag
                break
        else:
            return raw, _STR
        try:
            if tag == _NULL:
                return None, tag
            if tag == _BOOL:
                return _BOOLS[raw.lower()], tag
            if tag == _INT:
                if _DECIMAL.fullmatch(raw):
                    return int(raw), tag
                return self.constructor.construct_yaml_int(yaml.ScalarNode(tag, raw)), tag
            if tag == _FLOAT:
                return self.constructor.construct_yaml_float(yaml.ScalarNode(tag, raw)), tag
        except ValueError:
            # A number too long to convert stays text; the deck check then says what it wants.
            return raw, _STR
        if tag == _TIMESTAMP:
            return YamlDate(raw), tag
        return raw, _STR


_NODE_EVENTS = frozenset({yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent})
_START_EVENTS = frozenset({yaml.MappingStartEvent, yaml.SequenceStartEvent})
_END_EVENTS = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})


#: Fields whose value is a text a player reads (a language key under them holds one too).
TEXT_FIELDS = frozenset({"title", "text", "outcome", "label", "name", "role", "description",
                         "definition", "term", "quote", "context", "question",
                         "council_question"})


def _is_text_at(top: _Frame | None, part: Any) -> bool:
    """Whether the value that is ``part`` of ``top`` is a text shown to players (not an id or a
    setting): a text field's value, an item of one, or a language key under one."""
    if top is None:
        return False
    if isinstance(part, str):
        return part in TEXT_FIELDS or (len(part) == 2 and isinstance(top.part, str)
                                       and top.part in TEXT_FIELDS)
    return isinstance(top.part, str) and top.part in TEXT_FIELDS


#: Columns fit in this many bits of a packed position (a file is at most MAX_BYTES long).
_COL_BITS = 21


def _pack(line: int, col: int) -> int:
    """A (line, col) position as one number."""
    return line << _COL_BITS | col


def _unpack(packed: int) -> tuple[int, int]:
    return packed >> _COL_BITS, packed & ((1 << _COL_BITS) - 1)


def _where(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def plain_kind(raw: str) -> str:
    """What YAML reads ``raw`` as when written without quotes, named as :attr:`ScalarInfo.kind`."""
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, raw, (True, False))
    return ScalarInfo(raw, True, tag).kind


#: The catalog section of this module's messages (``locale/<lang>/check.yaml``).
MESSAGES = "check.yaml"
