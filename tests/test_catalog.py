"""The catalogs are the one way the program translates its own words.

Both languages have the same keys with the same placeholders; the fallback rule and the
placeholder rule hold for every text; and no module outside ``game/language`` keeps a table of
words of its own, as ``(English, Dutch)`` pairs or as a dictionary per language.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from game.language.catalog import INTERFACE, LOCALE_DIR, Catalog, load_catalog, read_entries
from game.language.texts import DEFAULT_LANGUAGE, KNOWN_LANGUAGES

GAME = ROOT / "game"
AREAS = sorted(path.stem for path in (LOCALE_DIR / DEFAULT_LANGUAGE).glob("*.yaml"))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_language_has_the_same_files():
    assert INTERFACE in AREAS and len(AREAS) >= 5
    for lang in KNOWN_LANGUAGES:
        assert sorted(p.stem for p in (LOCALE_DIR / lang).glob("*.yaml")) == AREAS, lang
    assert sorted(p.name for p in LOCALE_DIR.iterdir()) == sorted(KNOWN_LANGUAGES)


def test_every_language_has_the_same_keys_and_placeholders():
    dutch = read_entries(DEFAULT_LANGUAGE)
    assert len(dutch) > 400
    for lang in KNOWN_LANGUAGES:
        entries = read_entries(lang)
        assert set(entries) == set(dutch), lang
        differ = {key: (_placeholders(dutch[key]), _placeholders(text))
                  for key, text in entries.items()
                  if _placeholders(text) != _placeholders(dutch[key])}
        assert differ == {}, lang


def test_every_text_is_a_string_that_formats():
    for lang in KNOWN_LANGUAGES:
        for key, text in read_entries(lang).items():
            names = _placeholders(text)
            assert all(re.fullmatch(r"[a-z_]+", name) for name in names), (lang, key, names)
            text.format(**{name: "x" for name in names})  # no stray brace


@pytest.mark.parametrize("lang", KNOWN_LANGUAGES)
def test_an_area_file_holds_only_its_own_keys(lang):
    """A key whose first part names an area is looked for in that area's file only."""
    for area in AREAS:
        tree = yaml.safe_load((LOCALE_DIR / lang / f"{area}.yaml").read_text(encoding="utf-8"))
        if area == INTERFACE:
            assert not set(tree) & set(AREAS), "an interface section named like an area file"
        else:
            assert list(tree) == [area], (lang, area)


def _catalog_folder(tmp_path: Path) -> Path:
    files = {
        ("nl", "interface"): "a: Alleen Nederlands\nb: 'Hallo {name}'\nc: 'Een {{accolade}}'\n"
                             "d: 'Mist {value}'\nn:\n  one: '{n} kaart'\n  other: '{n} kaarten'\n",
        ("en", "interface"): "b: 'Hello {name}'\nc: 'A {{brace}}'\nd: 'Lacks {value}'\n"
                             "n:\n  one: '{n} card'\n  other: '{n} cards'\n",
        ("nl", "extra"): "extra:\n  x: Nederlands\n  y: Ook\n",
        ("en", "extra"): "extra:\n  x: English\n",
    }
    for (lang, area), text in files.items():
        (tmp_path / lang).mkdir(exist_ok=True)
        (tmp_path / lang / f"{area}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_one_fallback_rule(tmp_path):
    folder = _catalog_folder(tmp_path)
    english, dutch = load_catalog("en", folder), load_catalog("nl", folder)
    assert english.t("b", name="Ada") == "Hello Ada"
    assert english.t("a") == "Alleen Nederlands"  # missing in English: Dutch
    assert english.t("missing.key") == "missing.key"  # missing everywhere: the key itself
    assert load_catalog("de", folder).t("b", name="Ada") == "Hallo Ada"  # no catalog: Dutch
    assert english.section("extra") == {"x": "English", "y": "Ook"}
    assert dutch.section("extra") == {"x": "Nederlands", "y": "Ook"}
    assert "extra.y" in english and "extra.z" not in english and "a" in english


def test_the_one_placeholder_rule(tmp_path):
    english = load_catalog("en", _catalog_folder(tmp_path))
    assert english.t("c") == "A {brace}"
    assert english.t("d") == "Lacks {value}"  # not filled in: shown as written
    assert english.t("d", value=3, other=4) == "Lacks 3"
    assert english.t("b", key="k", name="Ada") == "Hello Ada"  # any name may be a placeholder
    assert [english.count("n", n) for n in (0, 1, 2)] == ["0 cards", "1 card", "2 cards"]


def test_a_catalog_is_made_once_per_language_and_cannot_change():
    assert load_catalog("en") is load_catalog("en")
    assert load_catalog("xx") == load_catalog(DEFAULT_LANGUAGE)
    with pytest.raises(AttributeError):
        load_catalog("en").lang = "nl"  # type: ignore[misc]
    assert isinstance(load_catalog("nl"), Catalog)


# -- texts kept between runs ---------------------------------------------------------------


def _not_read(path):
    raise AssertionError(f"{path} was read as YAML")


def test_an_area_file_is_read_once_and_its_texts_kept_until_it_changes(tmp_path, monkeypatch):
    import os

    from game.language import catalog_yaml
    from game.language.kept_catalog import area_texts, kept_path

    area = _catalog_folder(tmp_path) / "en" / "interface.yaml"
    texts = area_texts(area)
    assert texts["b"] == "Hello {name}" and texts["n.other"] == "{n} cards"
    assert kept_path(area) == tmp_path / "en" / "__pycache__" / "interface.json"
    assert kept_path(area).is_file()
    with monkeypatch.context() as patched:  # kept: read without the YAML parser
        patched.setattr(catalog_yaml, "read_texts", _not_read)
        assert area_texts(area) == texts
    stamp = area.stat().st_mtime_ns
    area.write_text("b: 'Hi {name}'\n", encoding="utf-8")
    os.utime(area, ns=(stamp, stamp))  # the same time: the size tells the change
    assert area_texts(area) == {"b": "Hi {name}"}
    area.write_text("b: 'Ho {name}'\n", encoding="utf-8")
    os.utime(area, ns=(stamp + 10**9, stamp + 10**9))  # the same size: the time tells it
    assert area_texts(area) == {"b": "Ho {name}"}
    kept_path(area).write_text('{"version": 1, "source": [', encoding="utf-8")  # damaged
    assert area_texts(area) == {"b": "Ho {name}"}
    with monkeypatch.context() as patched:  # and kept again, whole
        patched.setattr(catalog_yaml, "read_texts", _not_read)
        assert area_texts(area) == {"b": "Ho {name}"}


def test_a_folder_that_cannot_keep_texts_reads_them_every_time(tmp_path, monkeypatch):
    from game.language.kept_catalog import area_texts, kept_path

    area = _catalog_folder(tmp_path) / "en" / "interface.yaml"
    kept_path(area).parent.write_text("not a folder", encoding="utf-8")
    assert area_texts(area)["b"] == "Hello {name}"
    assert area_texts(area)["b"] == "Hello {name}"
    assert sorted(p.name for p in (tmp_path / "en").iterdir()) == [
        "__pycache__", "extra.yaml", "interface.yaml"]


def test_the_screen_texts_come_without_the_yaml_parser_once_kept(tmp_path):
    """A fresh interpreter reads the kept texts of a catalog: no YAML module is imported."""
    import subprocess
    import sys

    folder = _catalog_folder(tmp_path)
    code = ("import sys\nfrom pathlib import Path\n"
            "from game.language.catalog import load_catalog\n"
            f"words = load_catalog('en', Path({str(folder)!r}))\n"
            "print(words.t('b', name='Ada'), words.t('a'), 'yaml' in sys.modules)\n")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                           text=True, timeout=60) for _ in range(2)]
    assert [run.stdout.split() for run in runs] == [
        ["Hello", "Ada", "Alleen", "Nederlands", "True"],
        ["Hello", "Ada", "Alleen", "Nederlands", "False"]], [run.stderr for run in runs]


# -- no words outside the catalogs ----------------------------------------------------------

_KEY = re.compile(r"[a-z_]+(\.[a-z_0-9]+)+")


def _text(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_word_pair(node: ast.AST) -> bool:
    """``("card", "kaart")``, or a pair of tuples of such words: two texts of one meaning."""
    if not isinstance(node, ast.Tuple) or len(node.elts) != 2:
        return False
    parts = [_text(e) for e in node.elts]
    if all(isinstance(e, ast.Tuple) and e.elts for e in node.elts):
        parts = [_text(x) for e in node.elts for x in e.elts]
    # a catalog key ("workshop.end.debrief") or a key shortcut ("D") is data, not a word
    return all(p is not None and len(p) > 1 and re.search(r"[A-Za-z]", p)
               and not _KEY.fullmatch(p) for p in parts)


def _is_per_language(node: ast.Dict) -> bool:
    """``{"nl": ..., "en": ...}`` with texts or tables of texts as values."""
    keys = {_text(k) for k in node.keys if k is not None}
    return len(keys & set(KNOWN_LANGUAGES)) >= 2 and all(
        _text(v) is not None or isinstance(v, ast.Dict) for v in node.values)


def _is_language_choice(node: ast.AST) -> bool:
    """``"fout" if lang == "nl" else "error"``: a translation written out in place."""
    if not isinstance(node, ast.IfExp) or not isinstance(node.test, ast.Compare):
        return False
    compared = [node.test.left, *node.test.comparators]
    return any(_text(c) in KNOWN_LANGUAGES for c in compared) and (
        _text(node.body) is not None or _text(node.orelse) is not None)


def word_tables(source: str) -> list[tuple[int, str]]:
    """Where ``source`` translates words itself: (line, what)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict) and node.values:
            if all(_is_word_pair(v) for v in node.values):
                found.append((node.lineno, "a table of (English, Dutch) pairs"))
            elif _is_per_language(node):
                found.append((node.lineno, "a dictionary of words per language"))
        elif _is_language_choice(node):
            found.append((node.lineno, "a text chosen by language in place"))
    return found


def test_the_check_finds_every_kind_of_word_table():
    source = '''
MESSAGES = {"no_cards": ("this deck has no cards", "dit deck heeft geen kaarten"),
            "or": (" or ", " of ")}
KINDS = {"card": ("card", "kaart"), "meter": ("meter", "meter")}
ONE = {"no_such_path": ("validate: '{path}' does not exist", "validate: '{path}' bestaat niet")}
NOUNS = {"Card": (("this card", "a card"), ("deze kaart", "een kaart")),
         "Meter": (("this meter", "a meter"), ("deze meter", "een meter"))}
WORDS = {"nl": {"head": "Kop"}, "en": {"head": "Head"}}
SHORT = {"nl": "Ja", "en": "Yes"}
when = "%d-%m-%Y" if lang == "nl" else "%Y-%m-%d"
'''
    assert [line for line, _ in word_tables(source)] == [2, 4, 5, 6, 8, 9, 10]


def test_the_check_leaves_data_alone():
    source = '''
labels = {"debrief": ("D", "workshop.end.debrief"), "title": ("", "workshop.end.title")}
pairs = {"a": (1, 2), "b": ("x", 3)}
rows = {"a": ("x", "y"), "b": ("x", "y")}
sizes = {"small": ("1280x720", "x"), "large": ("1920x1080", "x")}
style = "primary" if action == "debrief" else "secondary"
text = localize({"nl": value}, lang)
'''
    assert word_tables(source) == []


def test_no_module_outside_the_catalogs_keeps_words_of_its_own():
    found = []
    for path in sorted(GAME.rglob("*.py")):
        if GAME / "language" in path.parents:
            continue
        for line, what in word_tables(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(ROOT).as_posix()}:{line}: {what}")
    assert found == []


# -- the documentation quotes the catalogs --------------------------------------------------


def _pattern(template: str) -> str:
    """A regular expression for ``template`` filled in with anything."""
    parts = re.split(r"(\{[a-z_]+\})", template.replace("{{", "\0").replace("}}", "\1"))
    return "".join(".+?" if re.fullmatch(r"\{[a-z_]+\}", part)
                   else re.escape(part.replace("\0", "{").replace("\1", "}")) for part in parts)


@pytest.mark.parametrize("lang", KNOWN_LANGUAGES)
def test_every_message_in_docs_errors_is_a_catalog_message(lang):
    """docs/errors.md shows each message as ``validate`` words it, in both languages."""
    catalog = load_catalog(lang)
    messages = [text for key, text in read_entries(lang).items()
                if key.startswith(("check.", "command.validate.")) and len(text) > 12]
    hint = _pattern(catalog.raw("check.deck.did_you_mean"))
    shown = re.compile(rf"(?:{'|'.join(_pattern(m) for m in messages)})(?: \({hint}\))?")
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    quoted = re.findall(rf"^- {lang}: (`+) ?(.*?) ?\1$", doc, re.MULTILINE)
    assert len(quoted) >= 30
    for _, line in quoted:
        for message in line.split("` or `"):
            assert shown.fullmatch(message), message
