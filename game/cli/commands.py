"""The command line: play, validate, simulate, sessions, report, schema and new.

This is the only layer that imports the table (``game.ui``), and only when a command needs it:
``play`` opens the window; ``validate`` passes the table's text-fit check (W201) to the deck
checks, which lays the screens out with pygame's fonts alone, so it works on machines without a
display. The other commands start without pygame.

``play`` is the default command: without a command name, the arguments are play's
(``main.py --size 1280x720``, ``main.py DECK --headless --autoplay``). Every line a run prints is
in one language (:mod:`game.cli.language`): ``--lang``, else the environment's locale.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from pathlib import Path
from typing import NoReturn, Sequence

from game.cli.language import CommandParser, argument_error, run_language
from game.language.catalog import Catalog, load_catalog
from game.language.texts import KNOWN_LANGUAGES

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argument_error("size", text=text) from None
    if width < 640 or height < 360:
        raise argument_error("too_small")
    return width, height


#: The largest id the journal holds (SQLite's integers are 64-bit).
MAX_ID = 2 ** 63 - 1


def _positive(text: str) -> int:
    """A whole number of at least 1, in ASCII digits (Python's int() also reads '١' as 1)."""
    if not text.isascii() or not text.strip().isdigit():
        raise argument_error("not_whole", text=text) from None
    value = int(text)
    if value < 1:
        raise argument_error("at_least_one")
    return value


def _session_id(text: str) -> int:
    """A session id: ASCII digits, from 1 to the largest id the journal can hold."""
    value = _positive(text)
    if value > MAX_ID:
        raise argument_error("id_too_large", text=text)
    return value


def _path(text: str) -> Path:
    """A path given on the command line; an empty one is a mistake, not the current folder."""
    if not text.strip():
        raise argument_error("empty_path")
    return Path(text)


def _team_count(text: str) -> int:
    value = _positive(text)
    if value > 6:
        raise argument_error("teams")
    return value


def _port(text: str) -> int:
    """A port: ASCII digits from 0 (a free one) to 65535."""
    if not text.isascii() or not text.strip().isdigit() or len(text.strip()) > 5:
        raise argument_error("not_whole", text=text) from None
    value = int(text)
    if value > 65535:
        raise argument_error("port")
    return value


def _minutes(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argument_error("minutes", text=text) from None
    if not 0 < value <= 60:
        raise argument_error("timer")
    return value


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _meter_values(text: str) -> tuple[tuple[str, int], ...]:
    values = []
    for part in _names(text):
        name, _, number = part.partition("=")
        try:
            values.append((name.strip(), int(number)))
        except ValueError:
            raise argument_error("meter_value", part=part) from None
    return tuple(values)


def _data_dir_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--data-dir", type=_path, default=None, metavar="DIR",
                         help="where the session journal is kept (default: your data folder)")


def _parser(words: Catalog | None = None, only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, of that command alone (a run needs its own
    command's options only, and building every command's costs start-up time), else of every
    command (for ``--help``)."""
    parser = CommandParser(
        words=words,
        prog="main.py",
        description="Digitaal leiderschap: a dilemma game for municipal management teams, "
        "council members and workshop facilitators. Without a command, the game starts and "
        "the arguments are play's (main.py --size 1920x1080; main.py DECK --headless "
        "--autoplay). Messages are in --lang's language, else the locale's.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in COMMANDS.items():
        if only is None or name == only:
            add(commands)
    return parser


def _add_play(commands) -> None:
    """play: open the table (the default command)."""
    play = commands.add_parser(
        "play", help="play a deck (the default when no command is given)",
        description="Open the table. Without DECK, the title screen lists the decks under "
        "scenarios/ and in your own deck folder.")
    play.add_argument("deck", nargs="?", type=_path, metavar="DECK",
                      help="a deck folder to play straight away. 'play DECK --card ID "
                      "--headless --screenshots DIR' saves a picture of that card and exits")
    play.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None,
                      help="interface and deck language, and of the messages (default: nl for "
                      "the game; the messages follow the locale)")
    play.add_argument("--resume", action="store_true",
                      help="resume the latest unfinished session")
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    play.add_argument("--reduced-motion", action="store_true",
                      help="no transitions or moving meters (also in the menu, and remembered)")
    play.add_argument("--mute", action="store_true",
                      help="no sound cues for this run (M toggles sound while playing)")
    play.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH",
                      help="window size (default: 1280x720)")
    play.add_argument("--headless", action="store_true",
                      help="run without a window, on SDL's dummy video driver")
    play.add_argument("--autoplay", action="store_true",
                      help="let a seeded random policy choose the options")
    play.add_argument("--seed", type=int, default=None,
                      help="seed for the card draws and the autoplay policy")
    play.add_argument("--out", type=_path, default=None, metavar="DIR",
                      help="with --autoplay: write DIR/session.json at the end; in a workshop: "
                      "where the reports are written; in onboarding: where summary.html is "
                      "written")
    play.add_argument("--screenshots", type=_path, default=None, metavar="DIR",
                      help="write one PNG per screen shown to DIR")
    play.add_argument("--step-delay", type=float, default=0.0, metavar="SECONDS",
                      help="with --autoplay: wait this long between steps")
    _data_dir_option(play)
    play.add_argument("--card", metavar="ID", default=None,
                      help="open straight at this card of DECK, to preview it (F5 reloads the "
                      "deck while playing)")
    play.add_argument("--flags", type=_names, default=(), metavar="A,B",
                      help="with --card: flags that are set")
    play.add_argument("--meters", type=_meter_values, default=(), metavar="ID=N,...",
                      help="with --card: meter values, e.g. legitimiteit=30,strategie=70")
    play.add_argument("--option", type=_positive, default=None, metavar="N",
                      help="with --card, --headless and --screenshots: also save the outcome "
                      "of option N (1 is the first)")
    workshop = play.add_argument_group(
        "workshop", "a facilitator runs the game for 1 to 6 teams on one screen. With --teams "
        "(or --team-names) the workshop starts at once at the first card; without, the set-up "
        "screen opens filled in with what is given. Keys while playing: PageDown/Right/Space "
        "next, PageUp/Left back (undo after a question), B or . black screen, P pause the "
        "countdown, N note, Esc menu, F11 fullscreen")
    workshop.add_argument("--mode", choices=("single", "workshop", "onboarding"),
                          default="single",
                          help="single: one player or group (default); workshop: teams vote; "
                          "onboarding: an introduction for council members, with a guided first "
                          "game, the council's question after each outcome and summary.html at "
                          "the end (default deck: scenarios/raadsleden)")
    workshop.add_argument("--teams", type=_team_count, default=None, metavar="N",
                          help="number of teams, 1 to 6 (implies --mode workshop)")
    workshop.add_argument("--team-names", type=_names, default=(), metavar="A,B",
                          help="names of the teams (default: Team Rood, Team Blauw, ...; "
                          "in English Team Red, Team Blue, ...)")
    workshop.add_argument("--rounds", type=_positive, default=None, metavar="R",
                          help="term length in rounds (default: the deck's)")
    workshop.add_argument("--timer", type=_minutes, default=None, metavar="MIN",
                          help="discussion time per card in minutes (default: no timer)")
    workshop.add_argument("--aspects", type=_names, default=(), metavar="4a,6b",
                          help="only cards on these aspects (default: all)")
    workshop.add_argument("--preview", choices=("none", "which", "direction"), default=None,
                          help="what a selected option shows before confirming "
                          "(default: as the deck says)")
    workshop.add_argument("--phones", action="store_true",
                          help="participants vote with their phones: the screen shows a QR code "
                          "and a join address (implies --mode workshop; see docs/phones.md)")
    workshop.add_argument("--bind", default=None, metavar="ADDR",
                          help="with --phones: the address to serve phones on (default: this "
                          "machine's address on the local network)")
    workshop.add_argument("--port", type=_port, default=None, metavar="N",
                          help="with --phones: the port (0 picks a free one; default: the port a "
                          "resumed workshop had, else a free one)")
    play.add_argument("--exit-after-first-frame", action="store_true", help=argparse.SUPPRESS)


def _add_validate(commands) -> None:
    """validate: check decks and deck files."""
    validate = commands.add_parser(
        "validate", help="check decks or deck files and list every problem",
        description="Check decks (folders) or single deck files. Prints every problem as "
        "FILE:LINE:COL: error[CODE]: message, followed by the source line with a caret under "
        "the column and any hints, then a summary. docs/errors.md explains every code. "
        "Exit status: 0 no errors, 1 errors found (or warnings, with --strict), 2 usage error.")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="deck folders or YAML files")
    validate.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None,
                          help="language of the messages (default: the locale's, nl for nl_*, "
                          "else en)")
    validate.add_argument("--strict", action="store_true",
                          help="treat warnings as errors in the exit status")
    validate.add_argument("--format", choices=("text", "json"), default="text",
                          dest="output_format",
                          help="text for people (default), or one JSON document for tools")
    validate.add_argument("--no-cache", action="store_true",
                          help="lay every card out again instead of reusing what an earlier "
                          "run measured for cards that did not change")


def _add_new(commands) -> None:
    """new: write a commented example deck."""
    new = commands.add_parser(
        "new", help="write a small, commented example deck to start from",
        description="Write a small, complete deck into DIR: deck.yaml and cards/kaarten.yaml, "
        "with Dutch comments explaining every field, and deck.schema.json and cards.schema.json "
        "so that editors such as VS Code can check the files while you type. DIR must not exist yet or be "
        "empty.")
    new.add_argument("folder", type=_path, metavar="DIR", help="the folder to create")
    new.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None,
                     help="language of the messages (default: the locale's)")


def _add_simulate(commands) -> None:
    """simulate: play many games without a screen."""
    simulate = commands.add_parser(
        "simulate", help="play many games without a screen and report how a deck behaves",
        description="Play N games through the rules engine (no window) and report how games "
        "end, the meters per round, how often each card comes up, each option's pick rate and "
        "how its games ended, cards never seen and options never worth picking.")
    simulate.add_argument("deck", type=_path, metavar="DECK", help="a deck folder")
    simulate.add_argument("--games", type=_positive, default=1000, metavar="N",
                          help="how many games (default: 1000)")
    simulate.add_argument("--seed", type=int, default=1, help="seed of the run (default: 1)")
    simulate.add_argument("--policy", default="random", metavar="POLICY",
                          help="how options are chosen: random (default); cautious (protect the "
                          "weakest meter); greedy (the largest total gain); lookahead (plan over "
                          "this card and the cards that could come next, without knowing the "
                          "draw); only:METER (always the best option for one meter, such as "
                          "only:capaciteit)")
    simulate.add_argument("--json", action="store_true", help="print the figures as JSON")
    simulate.add_argument("--workers", type=_positive, default=None, metavar="N",
                          help="processes to use (default: one per core)")
    simulate.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None,
                          help="language of the report (default: the locale's)")


def _add_sessions(commands) -> None:
    """sessions: list the journalled sessions."""
    sessions = commands.add_parser(
        "sessions", help="list the journalled sessions",
        description="List every session in the journal, newest first: id, date, deck, status, "
        "decisions and teams.")
    sessions.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None,
                          help="language of the list (default: the locale's)")
    _data_dir_option(sessions)


def _add_report(commands) -> None:
    """report: write a session's debrief."""
    report = commands.add_parser(
        "report", help="export a session's debrief: report.html, report.json, decisions.csv",
        description="Write the debrief of a journalled session (see 'sessions' for the ids) as "
        "a self-contained HTML page, report.json and decisions.csv.")
    report.add_argument("session", type=_session_id, nargs="+", metavar="SESSION",
                        help="session id; several ids give one report with all their teams")
    report.add_argument("--out", type=_path, required=True, metavar="DIR",
                        help="folder to write the three files to")
    report.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None,
                        help="language of the report (default: the session's own) and of the "
                        "messages (default: the locale's)")
    _data_dir_option(report)


def _add_schema(commands) -> None:
    """schema: write the editors' JSON Schemas."""
    schema = commands.add_parser(
        "schema", help="write the JSON Schemas editors check deck files against",
        description="Write deck.schema.json (for deck.yaml) and cards.schema.json (for the "
        "files in cards/), for editors such as VS Code with the YAML extension. With DECK the "
        "schemas know that deck's meters, characters, themes, cards and flags, so the editor "
        "completes them and marks a misspelled one. 'schema DECK' refreshes the schemas beside "
        "a deck after you add a meter or a character.")
    schema.add_argument("deck", nargs="?", type=_path, metavar="DECK",
                        help="a deck folder whose ids the schemas should know")
    schema.add_argument("--out", type=_path, default=None, metavar="DIR",
                        help="the folder to write the two files to (default: DECK, or the "
                        "current folder without DECK)")
    schema.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None,
                        help="language of the descriptions and messages (default: the run's)")


def _add_sheet(commands) -> None:
    """sheet: a deck as a spreadsheet workbook, and back."""
    from game.cli.sheet import add_command

    add_command(commands, _path)


#: Every command, in the order ``--help`` lists them, with the function that adds it.
COMMANDS = {"play": _add_play, "validate": _add_validate, "new": _add_new,
            "simulate": _add_simulate, "sessions": _add_sessions, "report": _add_report,
            "schema": _add_schema, "sheet": _add_sheet}


def _text_fit_check(remember: bool = True):
    """The table's check that every deck text fits the screen (W201), for ``validate``; None
    when the table (pygame) is not installed. It measures with fonts only: no window opens.
    With ``remember``, what it measured is kept in the user's cache folder for the next run."""
    import importlib.util

    try:
        if importlib.util.find_spec("pygame") is None:  # the check imports it only to measure
            raise ImportError("pygame")
        from game.ui.layout.fit import overflow_diagnostics
        from game.ui.layout.fit_memory import FitMemory, default_file, layout_fingerprint
        from game.ui.look.theme import Theme
    except ImportError:
        return None
    if not remember:
        return overflow_diagnostics

    def check(deck, files, lang):
        memory = FitMemory(default_file(), layout_fingerprint(Theme().fonts.values()))
        return overflow_diagnostics(deck, files, lang, memory=memory)
    return check


def with_default_command(argv: Sequence[str], commands: Sequence[str]) -> list[str]:
    """``argv`` with ``play`` in front when it names no command: play is the default, so its
    options and a deck folder work without the word (``--help`` stays the program's own)."""
    if argv and (argv[0] in commands or argv[0] in ("-h", "--help")):
        return list(argv)
    return ["play", *argv]


def run_and_exit(argv: list[str] | None = None) -> NoReturn:
    """Run the command line and end the process with its status.

    A finished command has written and closed everything it keeps, so the process ends at once
    instead of taking every module and object apart one by one first (a tenth of a second of a
    ``validate`` run). A command that leaves another thread running ends the ordinary way.
    """
    status = main(argv)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader went away (``validate ... | head``): nothing more to say
        pass
    if threading.active_count() == 1:
        os._exit(int(status or 0))
    sys.exit(status)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    words = load_catalog(run_language(argv, os.environ))
    argv = with_default_command(argv, tuple(COMMANDS))
    parser = _parser(words, only=argv[0] if argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    args.words = words  # the run's one language; play's --lang also sets the game's
    if args.command == "validate":
        from game.authoring import validate

        return validate.run(args.paths, sys.stdout, lang=words.lang, strict=args.strict,
                            output=args.output_format,
                            deck_check=_text_fit_check(not args.no_cache))
    if args.command == "new":
        from game.authoring.scaffold import create

        return create(args.folder, sys.stdout, sys.stderr, lang=words.lang)
    if args.command == "schema":
        return _schema(args.deck, args.out, load_catalog(args.lang) if args.lang else words)
    if args.command == "simulate":
        return _simulate(args)
    if args.command in ("sessions", "report"):
        return _reports(args)
    if args.command == "sheet":
        if args.lang is None and args.sheet_command == "import":
            args.lang = words.lang  # the run's language; export follows the deck's
        from game.cli.sheet import run as run_sheet

        return run_sheet(args, deck_check=_text_fit_check())
    return _play(args)


def _say(words: Catalog, kind: str, key: str, **values) -> None:
    """One ``error:`` or ``note:`` line on standard error, in the run's language."""
    print(words.t(f"command.{kind}", message=words.t(key, **values)), file=sys.stderr)


def _schema(deck: Path | None, out: Path | None, words: Catalog) -> int:
    from game.authoring.editor_schema import deck_ids, write_schemas
    from game.authoring.loader import DECK_FILE, load_deck

    ids, lang = None, words.lang
    if deck is not None:
        if not (deck / DECK_FILE).is_file():
            _say(words, "error", "command.play.not_deck", deck=deck)
            return 2
        ids = deck_ids(load_deck(deck, lang=lang).files, lang)
    folder = out if out is not None else (deck if deck is not None else Path("."))
    try:
        written = write_schemas(folder, ids, lang)
    except OSError as exc:
        _say(words, "error", "command.schema.cannot_write", folder=folder,
             reason=exc.strerror or exc)
        return 1
    for path in written:
        print(path)
    return 0


def _reports(args: argparse.Namespace) -> int:
    from game.cli.sessions import export_session, list_sessions
    from game.table.journal import FILE_NAME, Journal, JournalError
    from game.table.places import data_dir as user_data_dir

    words = args.words
    folder = args.data_dir or user_data_dir()
    if not (folder / FILE_NAME).is_file():
        print(words.t("command.sessions.none_yet", folder=folder), file=sys.stderr)
        return 1 if args.command == "report" else 0
    try:
        journal = Journal.open(folder)
    except JournalError as exc:
        print(words.t("command.error", message=str(exc)), file=sys.stderr)
        return 1
    if journal.recovered is not None:
        _say(words, "note", "command.sessions.recovered", folder=folder,
             name=journal.recovered.name)
    try:
        if args.command == "sessions":
            return list_sessions(journal, words=words)
        return export_session(journal, args.session, args.out, args.lang,
                              [PROJECT_ROOT / "scenarios", folder / "decks"], words=words)
    finally:
        journal.close()


def _simulate(args: argparse.Namespace) -> int:
    from game.balance.summary import render
    from game.authoring.loader import DECK_FILE, load_deck
    from game.balance.simulate import policy_names, simulate, summary

    args.lang = args.words.lang
    if not (args.deck / DECK_FILE).is_file():
        _say(args.words, "error", "command.play.not_deck", deck=args.deck)
        return 2
    result = load_deck(args.deck, lang=args.lang)
    if result.deck is None:
        for problem in result.diagnostics:
            print(problem.format(), file=sys.stderr)
        return 1
    if args.policy not in policy_names(result.deck):
        words = load_catalog(args.lang).section("balance")
        print(words["unknown_policy"].format(policy=args.policy,
                                             known=", ".join(policy_names(result.deck))),
              file=sys.stderr)
        return 2
    bar = ProgressBar(args.games) if sys.stderr.isatty() else None
    tally = simulate(result.deck, args.games, args.seed, args.policy, args.workers,
                     progress=bar.update if bar else None)
    if bar:
        bar.close()
    found = summary(result.deck, tally, args.policy, args.seed)
    if args.json:
        sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(result.deck, found, args.lang))
    return 0


class ProgressBar:
    """A one-line progress bar on a terminal's standard error."""

    def __init__(self, total: int, width: int = 30):
        self.total, self.width = total, width

    def update(self, done: int) -> None:
        filled = self.width * done // self.total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total}")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\r" + " " * (self.width + 30) + "\r")
        sys.stderr.flush()


def _play(args: argparse.Namespace) -> int:
    from game.table.places import data_dir as user_data_dir

    words = args.words
    if args.deck is not None and not (args.deck / "deck.yaml").is_file():
        _say(words, "error", "command.play.not_deck", deck=args.deck)
        return 2
    if (args.teams or args.team_names or args.timer or args.aspects or args.phones) \
            and args.mode != "onboarding":
        args.mode = "workshop"  # teams, a timer, aspects or phones only exist in a workshop
    if args.mode == "onboarding" and (args.teams or args.team_names or args.timer
                                      or args.aspects or args.card or args.phones):
        _say(words, "error", "command.play.onboarding_single")
        return 2
    if args.out is not None and args.mode == "single" and not args.autoplay:
        _say(words, "error", "command.play.out_needs")
        return 2
    if (args.card or args.flags or args.meters) and (args.deck is None or args.resume):
        _say(words, "error", "command.play.card_needs_deck")
        return 2
    if (args.flags or args.meters) and not args.card:
        _say(words, "error", "command.play.flags_need_card")
        return 2
    if args.team_names and args.teams and len(args.team_names) != args.teams:
        _say(words, "error", "command.play.names_count", teams=args.teams,
             names=len(args.team_names))
        return 2
    if len(args.team_names) > 6:
        _say(words, "error", "command.args.teams")
        return 2
    if args.card and args.mode == "workshop":
        _say(words, "error", "command.play.card_single")
        return 2
    if (args.bind is not None or args.port is not None) and not args.phones:
        _say(words, "error", "command.play.bind_needs_phones")
        return 2
    refused = _refused_together(args)
    if refused:
        _say(words, "error", f"command.play.{refused}")
        return 2
    if args.card and not _preview_ok(args):
        return 2
    from game.ui.play_options import PlayOptions

    folder = args.data_dir or user_data_dir()
    options = PlayOptions(
        deck=args.deck,
        scenarios_dir=PROJECT_ROOT / "scenarios",
        user_decks_dir=folder / "decks",
        data_dir=folder,
        lang=args.lang or "nl",
        size=args.size,
        fullscreen=args.fullscreen,
        reduced_motion=args.reduced_motion,
        mute=args.mute,
        headless=args.headless,
        autoplay=args.autoplay,
        seed=args.seed,
        resume=args.resume,
        out_dir=args.out,
        screenshots_dir=args.screenshots,
        step_delay=max(0.0, args.step_delay),
        card=args.card,
        flags=args.flags,
        meters=args.meters,
        option=args.option,
        mode=args.mode,
        teams=args.teams or (len(args.team_names) or None),
        team_names=args.team_names,
        rounds=args.rounds,
        timer=args.timer,
        aspects=args.aspects,
        preview=args.preview,
        phones=args.phones,
        bind=args.bind,
        port=args.port,
        exit_after_first_frame=args.exit_after_first_frame,
        messages=words.lang,
    )
    from game.ui.app import run

    return run(options)


def _refused_together(args: argparse.Namespace) -> str:
    """The catalog key (under command.play.) of why the play options given cannot work
    together ("" when they can)."""
    if args.option is not None and not args.card:
        return "option_needs_card"
    if args.option is not None and args.autoplay:
        return "option_not_autoplay"
    if args.option is not None and not (args.headless and args.screenshots):
        return "option_needs_screenshots"
    if args.card and args.headless and not (args.autoplay or args.screenshots
                                            or args.exit_after_first_frame):
        return "card_headless_needs"
    if args.screenshots is not None and not args.autoplay and not (args.card and args.headless):
        return "screenshots_need"
    if args.step_delay and not args.autoplay:
        return "step_delay_needs"
    return ""


def _preview_ok(args: argparse.Namespace) -> bool:
    """Whether the card and meters asked for are in the deck; says why not before any window.

    A deck with errors is left to the table, which shows them.
    """
    from game.authoring.loader import load_deck
    from game.authoring.preview import check_preview

    words = args.words
    result = load_deck(args.deck, lang=words.lang)
    if result.deck is None:
        return True
    found = check_preview(result.deck, args.card, args.flags, args.meters, words.lang)
    for note in found.notes:
        print(words.t("command.note", message=note), file=sys.stderr)
    for error in found.errors:
        print(words.t("command.error", message=error), file=sys.stderr)
    card = result.deck.card(args.card)
    if not found.errors and card is not None and args.option is not None \
            and args.option > len(card.options):
        _say(words, "error", "command.play.option_range", card=args.card,
             n=len(card.options))
        return False
    return not found.errors
