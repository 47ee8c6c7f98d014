"""What a start of the game imports before its first title frame.

The title screen reads the decks' kept summaries, the catalog's kept texts and the journal;
the deck format (pydantic), the phone server (Starlette, uvicorn), the report templates
(Jinja2), the YAML parser and the modules of the game itself are imported once a screen needs
them. Each start here is the real one (``main.py play --headless --exit-after-first-frame``)
in a fresh interpreter, which writes the names of every module it imported when it exits.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

#: Modules the first title frame does without, once the decks' summaries are kept: a name, or
#: a package with everything under it.
NOT_BEFORE_THE_TITLE = (
    "pydantic", "pydantic_core", "starlette", "uvicorn", "jinja2", "segno", "openpyxl", "yaml",
    "game.format", "game.phones", "game.authoring.loader", "game.rules.session",
    "game.table.match", "game.ui.autoplay", "game.ui.single", "game.ui.workshop",
    "game.ui.debrief", "game.ui.look.portrait",
)
#: What even a first start in a new data folder, which loads every deck to summarise it, does
#: without.
NOT_EVEN_THE_FIRST_TIME = (
    "starlette", "uvicorn", "jinja2", "segno", "openpyxl", "game.phones", "game.ui.workshop",
    "game.ui.debrief", "game.reports.files",
)

#: Runs the command line as main.py does and writes the modules imported to the file named
#: by the first argument when the interpreter exits.
PROBE = """
import atexit, sys
from pathlib import Path
out = Path(sys.argv[1])
atexit.register(lambda: out.write_text("\\n".join(sorted(sys.modules)), encoding="utf-8"))
from game.cli.commands import main
sys.exit(main(sys.argv[2:]))
"""


def _start(data: Path, listing: Path) -> set[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(listing), "play", "--headless",
                           "--exit-after-first-frame", "--data-dir", str(data)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(listing.read_text(encoding="utf-8").split())


def _among(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_the_first_title_frame_imports_only_what_it_shows(tmp_path):
    data = tmp_path / "data"
    first = _start(data, tmp_path / "first.txt")
    assert (data / "deck-summaries.json").is_file()
    assert "game.format.models" in first  # the decks were loaded once, to summarise them
    assert _among(first, NOT_EVEN_THE_FIRST_TIME) == []
    again = _start(data, tmp_path / "again.txt")
    # the probe drew the title: its scene, the window and the kept summaries
    assert {"game.ui.start.title", "game.authoring.deck_summary", "pygame"} <= again
    assert _among(again, NOT_BEFORE_THE_TITLE) == []


def test_the_check_sees_a_heavy_module_imported():
    modules = {"game.ui.app", "game.phones.server", "pydantic", "pydanticx", "game.formats"}
    assert _among(modules, NOT_BEFORE_THE_TITLE) == ["game.phones.server", "pydantic"]
