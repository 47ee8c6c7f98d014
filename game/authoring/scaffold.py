"""``main.py new DIR``: a small, complete, commented deck for a facilitator to start from.

The deck is copied from :file:`game/authoring/deck_template/` (Dutch comments explain every field), its id
is made from the folder's name, and the editor schemas of that deck are written beside it
(``deck.schema.json`` for ``deck.yaml``, ``cards.schema.json`` for the card files, see
:mod:`game.authoring.editor_schema`): the first line of each YAML file points an editor (VS Code
with the YAML extension) at its own schema, so mistakes show while typing. The template plays and validates without a
single warning; the tests hold it to that.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from game.format.models import make_id
from game.authoring.editor_schema import deck_ids, editor_schemas, schema_text
from game.authoring.messages import say
from game.authoring.yaml_reader import parse_yaml

TEMPLATE = Path(__file__).resolve().parent / "deck_template"
#: The template's files, relative to the deck folder.
FILES = ("deck.yaml", "cards/kaarten.yaml")
_TEMPLATE_ID = "\nid: mijn-deck\n"


def deck_id(folder: Path) -> str:
    """An id made from the folder's name: "Mijn Deck" becomes "mijn-deck"."""
    return make_id(folder.resolve().name, "mijn-deck")


def create(folder: Path, out: TextIO, err: TextIO, lang: str = "nl") -> int:
    """Write the example deck into ``folder``; the exit status (2: the folder is in use)."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(say(MESSAGES, "not_empty", lang, folder=folder), file=err)
        return 2
    texts = {name: (TEMPLATE / name).read_text(encoding="utf-8") for name in FILES}
    texts["deck.yaml"] = texts["deck.yaml"].replace(
        _TEMPLATE_ID, f"\nid: {deck_id(folder)}\n", 1)
    read = [parse_yaml(texts[name], folder / name, lang) for name in FILES]
    for name, schema in editor_schemas(deck_ids(read, lang), lang).items():
        texts[name] = schema_text(schema)
    try:
        for name, text in texts.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(say(MESSAGES, "cannot_write", lang, folder=folder,
                  reason=exc.strerror or str(exc)), file=err)
        return 1
    shown = f'"{folder}"' if " " in str(folder) else str(folder)
    print(say(MESSAGES, "written", lang, folder=shown, files=", ".join(texts)), file=out)
    print(say(MESSAGES, "next", lang, folder=shown), file=out)
    return 0


#: The catalog section of this command's messages (``locale/<lang>/command.yaml``).
MESSAGES = "command.new"
