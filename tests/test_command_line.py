"""The command line as people type it: play is the default command, and every run speaks one
language, --lang's or else the locale's (issue 13, "starting and the command line").

Each command runs in a real subprocess with LANG=nl_NL.UTF-8 and LANG=en_US.UTF-8, and its
output is checked for the words of that language and none of the other's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from game.cli.language import asked_language, locale_language, run_language

DEMO = ROOT / "tests" / "decks" / "ui" / "demo"
BASE = {key: value for key, value in os.environ.items()
        if key not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
BASE.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
LOCALES = {"nl": "nl_NL.UTF-8", "en": "en_US.UTF-8"}


def run(lang: str, *args, extra_env=None):
    env = {**BASE, "LANG": LOCALES[lang], **(extra_env or {})}
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


# ---------------------------------------------------------------- play is the default command
def test_options_alone_open_the_title(tmp_path):
    done = run("en", "--size", "1280x720", "--headless", "--exit-after-first-frame",
               "--data-dir", tmp_path / "data")
    assert done.returncode == 0 and "invalid choice" not in done.stderr, done.stderr


def test_a_deck_and_plays_options_work_without_the_word_play(tmp_path):
    def autoplay(*words):
        return [*words, DEMO, "--headless", "--autoplay", "--seed", "3", "--size", "1280x720",
                "--out", tmp_path / "-".join(words or ("bare",)), "--data-dir", tmp_path / "d"]

    said = said_in("en", {"bare": autoplay(), "play": autoplay("play"), "schema": ["schema", "--out", tmp_path / "schemas"],
                          "help": ["--help"], "wrong": ["--size", "12x"]})
    bare, with_play = (json.loads((tmp_path / name / "session.json").read_text("utf-8"))
                       for name in ("bare", "play"))
    assert bare["rounds"] and bare["rounds"] == with_play["rounds"]
    assert bare["deck"] == with_play["deck"]
    assert said["schema"].split() == [str(tmp_path / "schemas" / "deck.schema.json"),
                                      str(tmp_path / "schemas" / "cards.schema.json")], \
        "the other commands still work"
    assert said["help"].startswith("usage: main.py [-h] COMMAND")
    assert "main.py play: error: argument --size" in said["wrong"]


# ---------------------------------------------------------------- one language per run
WORDS = {
    # command: (Dutch words, English words)
    "validate": ("waarschuwingen in 1 deck", "warnings in 1 deck"),
    "new": ("Er staat een nieuw deck in", "A new deck is in"),
    "simulate": ("Hoe spellen eindigen", "How games end"),
    "sessions_none": ("Nog geen sessies", "No sessions yet"),
    "sessions": ("besluiten", "decisions"),
    "report": ("Verslag van sessie 1 (ui-demo) geschreven naar", "Report of session 1 (ui-demo) "
               "written to"),
    "report_unknown": ("fout: sessie 7 staat niet in het logboek",
                       "error: there is no session 7 in the journal"),
    "play_error": ("fout: 2 teams maar 3 namen", "error: 2 teams but 3 names"),
    "usage": ("gebruik: main.py play", "usage: main.py play"),
    "argparse": ("fout: bij --size: '12x' is geen venstergrootte",
                 "error: argument --size: '12x' is not a size"),
    "not_deck": ("fout: '", "error: '"),
}


#: Runs the command line's main() for each argument list given, in one process (starting one
#: per command would take the suite's time), with a separator before each on both streams.
DRIVER = """
import json, sys
from game.cli.commands import main
for argv in json.loads(sys.argv[1]):
    print("\\x1e", flush=True)
    print("\\x1e", file=sys.stderr, flush=True)
    try:
        main(argv)
    except SystemExit:
        pass
    sys.stdout.flush()
    sys.stderr.flush()
"""


def said_in(lang: str, commands: dict[str, list], extra_env=None) -> dict[str, str]:
    """What each command says (standard output, then error), run through main() in one
    process in ``lang``'s locale."""
    argvs = [[str(arg) for arg in argv] for argv in commands.values()]
    done = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(argvs)], cwd=ROOT,
                          env={**BASE, "LANG": LOCALES[lang], **(extra_env or {})},
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    outs = done.stdout.split("\x1e\n")[1:]
    errs = done.stderr.split("\x1e\n")[1:]
    assert len(outs) == len(errs) == len(commands), done.stderr
    return {key: out + err for key, out, err in zip(commands, outs, errs)}


def outputs(lang: str, tmp_path) -> dict[str, str]:
    """What every command says in a run in ``lang``'s locale."""
    data, here = tmp_path / lang / "data", tmp_path / lang
    commands = {
        "validate": ["validate", DEMO],
        "new": ["new", here / "deck"],
        "simulate": ["simulate", DEMO, "--games", "3", "--workers", "1"],
        "sessions_none": ["sessions", "--data-dir", data],
        "autoplay": [DEMO, "--headless", "--autoplay", "--seed", "1", "--out", here / "out",
                     "--data-dir", data],
        "sessions": ["sessions", "--data-dir", data],
        "report": ["report", "1", "--out", here / "report", "--data-dir", data],
        "report_unknown": ["report", "7", "--out", here / "r7", "--data-dir", data],
        "play_error": ["--teams", "2", "--team-names", "A,B,C"],
        "usage": ["--size", "12x"],
        "not_deck": ["simulate", tmp_path],
    }
    said = said_in(lang, commands)
    said["argparse"] = said["usage"]
    return said


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_command_answers_in_the_locales_language(tmp_path, lang):
    said = outputs(lang, tmp_path)
    mine, other = (0, 1) if lang == "nl" else (1, 0)
    for key, words in WORDS.items():
        assert words[mine] in said[key], (key, said[key])
        assert words[other] not in said[key], (key, said[key])
    assert "python3 main.py validate" in said["new"] and "python main.py" not in said["new"]
    if lang == "en":
        assert "date" in said["sessions"] and "finished" in said["sessions"]
    else:
        assert "datum" in said["sessions"] and "afgerond" in said["sessions"]


def test_lang_outranks_the_locale_and_lc_all_outranks_lang(tmp_path):
    said = said_in("en", {"validate": ["validate", DEMO, "--lang", "nl"],
                          "sessions": ["sessions", "--data-dir", tmp_path, "--lang=nl"]})
    assert "0 fouten" in said["validate"] and "Nog geen sessies" in said["sessions"]
    said = said_in("en", {"sessions": ["sessions", "--data-dir", tmp_path]},
                   extra_env={"LC_ALL": "nl_BE.UTF-8"})
    assert "Nog geen sessies" in said["sessions"]


def test_the_language_of_a_run():
    assert locale_language({"LANG": "nl_NL.UTF-8"}) == "nl"
    assert locale_language({"LANG": "nl_BE"}) == "nl"
    assert locale_language({"LANG": "de_DE.UTF-8"}) == "en"
    assert locale_language({}) == "en"
    assert locale_language({"LANG": "nl_NL.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}) == "en"
    assert locale_language({"LANG": "en_US", "LC_ALL": "nl_NL", "LC_MESSAGES": "en_GB"}) == "nl"
    assert asked_language(["validate", "--lang", "en"]) == "en"
    assert asked_language(["--lang=nl"]) == "nl"
    assert asked_language(["--lang", "fr"]) is None
    assert run_language(["--lang", "fr"], {"LANG": "nl_NL"}) == "nl"


def test_ci_runs_exactly_the_readmes_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("Install and run the tests", 1)[1].split("```sh\n", 1)[1]
    command = block.split("\n```", 1)[0].strip()
    assert command.startswith("python3 -m venv .venv && ")
    assert command.endswith("python3 -m pytest")
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert lines[-1] == command
    assert "set -euo pipefail" in lines, "a failing step (pytest's 5: no tests ran) fails CI"
