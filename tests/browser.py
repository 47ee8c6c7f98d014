"""The system Chromium, driven from the tests through Playwright, with axe-core beside it.

Pages the game writes for people to open in a browser (``report.html``, ``summary.html``) are
checked in a real browser: Debian's ``chromium`` package, started by Playwright from its own
path (Playwright's own browser downloads are never used), and axe-core as the
``axe-playwright-python`` package ships it, so nothing is fetched while the tests run.

:func:`start` opens the browser once; :class:`Browser` opens pages at a given width, runs axe,
tabs through a page and prints it to PDF. A machine without Chromium or without the Python
packages fails the tests with the command that installs them: an accessibility check that
quietly skips would pass on every machine that cannot run it.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Where Debian's package puts the browser.
CHROMIUM = "/usr/bin/chromium"
#: Widths the pages must work at: a laptop and a phone.
DESKTOP = 1280
PHONE = 390
#: The rules axe checks: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

INSTALL = ("The browser tests need the system Chromium and Playwright with axe-core:\n"
           "  apt-get update && apt-get install -y chromium\n"
           "  python3 -m pip install -e '.[test]'\n"
           "(Playwright is pointed at /usr/bin/chromium; `playwright install` is not needed.)")

#: Flags that keep a headless Chromium quiet and off the network.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


class BrowserMissing(RuntimeError):
    """No Chromium, or no Playwright or axe-core package, on this machine."""


def executable() -> str:
    """The Chromium to drive: ``$CHROMIUM`` if set, else Debian's."""
    path = os.environ.get("CHROMIUM") or CHROMIUM
    if not Path(path).is_file():
        found = shutil.which("chromium")
        if found is None:
            raise BrowserMissing(f"Chromium was not found at {path}.\n{INSTALL}")
        path = found
    return path


@dataclass
class Visit:
    """One open page and what the tests read from it."""

    page: Any

    def axe(self, without: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """axe-core's violations on the page as it is now (an empty list: none), with the
        rules in ``without`` left out."""
        from axe_playwright_python.sync_playwright import Axe

        options: dict[str, Any] = {"runOnly": {"type": "tag", "values": AXE_TAGS},
                                   "resultTypes": ["violations"]}
        if without:
            options["rules"] = {rule: {"enabled": False} for rule in without}
        return Axe().run(self.page, options=options).response["violations"]

    def page_overflow(self) -> int:
        """How many pixels the page is wider than the window (0: no sideways scrolling)."""
        return self.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")

    def tab_through(self, limit: int = 400) -> list[dict[str, Any]]:
        """Press Tab until the focus leaves the page or comes round again; each focused
        element's tag, id, role, label, text and the ids of the sections around it."""
        seen: list[dict[str, Any]] = []
        self.page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            info = self.page.evaluate(FOCUSED)
            if info is None or (seen and info["path"] == seen[0]["path"]):
                break
            seen.append(info)
        return seen

    def screenshot(self, path: Path) -> Path:
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def pdf_pages(self, path: Path) -> int:
        """Print the page to an A4 PDF as the print dialog would (print CSS, page margins
        from ``@page``) and count its pages."""
        self.page.emulate_media(media="print")
        data = self.page.pdf(path=str(path), format="A4", prefer_css_page_size=True,
                             print_background=True)
        self.page.emulate_media(media="screen")
        return count_pdf_pages(data)


#: The focused element, described for a test (None when the focus is on the page itself).
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const sections = [];
  for (let p = e; p; p = p.parentElement) { if (p.id) sections.push(p.id); }
  const path = [];
  for (let p = e; p && p.parentElement; p = p.parentElement) {
    path.unshift(p.tagName + ':' + Array.prototype.indexOf.call(p.parentElement.children, p));
  }
  const style = getComputedStyle(e);
  return {tag: e.tagName.toLowerCase(), id: e.id, href: e.getAttribute('href'), role: e.getAttribute('role'),
          label: e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'),
          text: (e.innerText || '').slice(0, 80), sections: sections, path: path.join('/'),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
          contains_table: !!e.querySelector('table') || e.tagName === 'TABLE'};
}"""


def count_pdf_pages(data: bytes) -> int:
    """The number of pages in a PDF Chromium wrote (its page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


class Browser:
    """One headless Chromium for a test module; :meth:`open` a file at a width."""

    def __init__(self) -> None:
        try:
            from playwright.sync_api import sync_playwright
            import axe_playwright_python  # noqa: F401  (checked here, used in Visit.axe)
        except ImportError as error:
            raise BrowserMissing(f"{error}.\n{INSTALL}") from error
        path = executable()
        self.playwright = sync_playwright().start()
        try:
            # Playwright starts the browser on a fresh profile of its own (--user-data-dir).
            self.browser = self.playwright.chromium.launch(executable_path=path, headless=True,
                                                           args=FLAGS)
        except Exception:
            self.playwright.stop()
            raise
        self.pages: list[Any] = []

    def open(self, path: Path, width: int, height: int = 900) -> Visit:
        page = self.browser.new_page(viewport={"width": width, "height": height},
                                     java_script_enabled=True)
        page.goto(path.resolve().as_uri())
        self.pages.append(page)
        return Visit(page)

    def close(self) -> None:
        for page in self.pages:
            page.close()
        self.browser.close()
        self.playwright.stop()


def start() -> Browser:
    """The browser, or a failure that says how to install it."""
    try:
        return Browser()
    except BrowserMissing as missing:
        import pytest

        pytest.fail(str(missing), pytrace=False)
