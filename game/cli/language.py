"""The one language of a run of the command line, and the argument parser that speaks it.

Every line a command prints, its ``error:`` lines and argparse's own complaints included, is
in one language: the one ``--lang`` names, else the one the environment's locale names
(``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``, as POSIX reads them): Dutch for ``nl_*``,
English for anything else. The texts come from the catalogs (``command.yaml``).

argparse words its complaints in English. :class:`CommandParser` says them in the run's
language: it reads a complaint back against the English texts of ``command.argparse`` (and
``command.args``, the words of this command line's own argument checks) and says it with the
same key in the run's language. A complaint it does not know is shown as argparse wrote it.
"""

from __future__ import annotations

import argparse
import re
import sys
from functools import lru_cache
from typing import Mapping, NoReturn, Sequence

from game.language.catalog import Catalog, load_catalog
from game.language.texts import KNOWN_LANGUAGES

#: The language of a run whose locale names none the game speaks.
FALLBACK = "en"
#: The catalog sections whose English texts a complaint is read back against.
COMPLAINTS = ("command.argparse", "command.args")


def locale_language(environ: Mapping[str, str]) -> str:
    """The language the environment's locale asks for: "nl" for ``nl_*``, else "en"."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else FALLBACK
    return FALLBACK


def asked_language(argv: Sequence[str]) -> str | None:
    """The language ``--lang`` names in ``argv`` (``--lang en`` or ``--lang=en``), if it names
    one the game speaks."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in KNOWN_LANGUAGES:
            return value
    return None


def run_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of this run: ``--lang``, else the locale's."""
    return asked_language(argv) or locale_language(environ)


def argument_error(key: str, **values: str) -> argparse.ArgumentTypeError:
    """An argument check's complaint, worded in English (``command.args.<key>``); the parser
    says it in the run's language."""
    return argparse.ArgumentTypeError(load_catalog("en").t(f"command.args.{key}", **values))


@lru_cache(maxsize=None)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every English complaint text as a pattern, with its key, the longest first."""
    english = load_catalog("en")
    found = []
    for section in COMPLAINTS:
        for rest, text in english.section(section).items():
            parts = re.split(r"\{(\w+)\}", text)
            pattern = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                              for i, part in enumerate(parts))
            found.append((f"{section}.{rest}", re.compile(f"^{pattern}$", re.DOTALL)))
    return tuple(sorted(found, key=lambda item: -len(item[1].pattern)))


def translate(message: str, words: Catalog) -> str:
    """``message``, an English complaint, said in the language of ``words``."""
    if words.lang == "en":
        return message
    for key, pattern in _patterns():
        found = pattern.match(message)
        if found:
            values = {name: translate(value, words) for name, value in found.groupdict().items()}
            return words.t(key, **values)
    return message


class CommandParser(argparse.ArgumentParser):
    """An argument parser whose usage line and complaints are in the run's language
    (``words``); its subcommands' parsers are made the same way."""

    def __init__(self, *args, words: Catalog | None = None, **kwargs):
        self.words = words or load_catalog(FALLBACK)
        kwargs.setdefault("formatter_class", _formatter(self.words.t("command.usage")))
        super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        words = self.words

        def make(**options) -> CommandParser:
            return CommandParser(words=words, **options)

        kwargs.setdefault("parser_class", make)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        said = self.words.t("command.error", message=translate(message, self.words))
        self.exit(2, f"{self.prog}: {said}\n")


@lru_cache(maxsize=None)
def _formatter(usage: str) -> type[argparse.HelpFormatter]:
    """A help formatter that opens the usage line with ``usage`` ("gebruik: ")."""

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage_text, actions, groups, prefix=None):
            super().add_usage(usage_text, actions, groups,
                              usage if prefix is None else prefix)

    return Formatter
