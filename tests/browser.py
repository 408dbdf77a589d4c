"""Open exported pages in headless Chromium (Debian's) from disk, with the network blocked,
and record what a reader's browser would see: requests, console messages, dialogs, images,
links, headings, widths, and axe-core's accessibility findings."""

from __future__ import annotations

import re
import shutil
from importlib.util import find_spec
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from buildup import paths

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# axe-core as bundled by the pinned PyPI package axe-playwright-python (no Node needed).
AXE = Path(find_spec("axe_playwright_python").submodule_search_locations[0]) / "axe.min.js"
ARTIFACTS = paths.ROOT / "test-artifacts" / "browser"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
PHONE, DESKTOP = 390, 1280

PAGE_FACTS = """() => ({
  title: document.title,
  lang: document.documentElement.lang,
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  text: document.body.innerText,
  images: Array.from(document.images).map(i => ({alt: i.getAttribute('alt'), width: i.naturalWidth, complete: i.complete})),
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href')),
  ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id),
  headings: Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map(h => Number(h.tagName[1])),
  closedDetails: document.querySelectorAll('details:not([open])').length,
  figures: document.querySelectorAll('figure').length,
  scripts: document.scripts.length,
})"""


@dataclass
class Visit:
    """What happened when a page was opened, and what it showed."""

    path: Path
    width: int
    facts: dict
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)
    narrow: list[int] | None = None  # [scrollWidth, innerWidth] after narrowing to then_width

    def broken_links(self) -> list[str]:
        """Same-page anchors with no element of that id, and local files that do not exist."""
        broken = []
        for href in self.facts["links"]:
            parsed = urlparse(href)
            if parsed.scheme in ("http", "https", "mailto"):
                continue
            if href.startswith("#"):
                if unquote(href[1:]) not in self.facts["ids"]:
                    broken.append(href)
            elif not (self.path.parent / unquote(parsed.path)).is_file():
                broken.append(href)
        return broken

    def heading_jumps(self) -> list[tuple[int, int]]:
        """Places where a heading skips a level going down (h2 then h4), or the page does not open with h1."""
        levels = self.facts["headings"]
        jumps = [(0, levels[0])] if levels and levels[0] != 1 else []
        return jumps + [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]


class Browser:
    """One headless Chromium for a test session; each visit gets a fresh page."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        self._axe = AXE.read_text(encoding="utf-8") if AXE.is_file() else None

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()

    def visit(self, path: Path, width: int = DESKTOP, axe: bool = False, screenshot: str | None = None,
              then_width: int | None = None, color_scheme: str = "light") -> Visit:
        """Open a page at `width` in a colour scheme; with then_width, also narrow the page and measure it again."""
        page = self._browser.new_page(viewport={"width": width, "height": 900}, color_scheme=color_scheme)
        visit = Visit(path=path, width=width, facts={})

        def route(handle):
            url = handle.request.url
            if url.startswith("file://") or url.startswith("data:"):
                handle.continue_()
            else:
                visit.requests.append(url)
                handle.abort()

        page.route("**/*", route)
        page.on("console", lambda message: visit.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: visit.console.append(f"pageerror: {error}"))

        def on_dialog(dialog):
            visit.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_timeout(50)  # let any onerror handler of a broken image fire
        visit.facts = page.evaluate(PAGE_FACTS)
        if axe:
            if self._axe is None:
                raise RuntimeError(f"{AXE} is missing: install requirements.txt (axe-playwright-python bundles axe-core)")
            page.evaluate(self._axe)
            visit.violations = page.evaluate(
                "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
                "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,"
                " target: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))")
        if then_width:
            page.set_viewport_size({"width": then_width, "height": 900})
            visit.narrow = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if screenshot:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / screenshot), type="jpeg", quality=70)  # the first screenful
        page.close()
        return visit

    def pdf(self, path: Path, out: Path) -> int:
        """Print a page to an A4 PDF as Chromium does; return its number of pages."""
        page = self._browser.new_page()
        page.route("**/*", lambda handle: handle.continue_() if handle.request.url.startswith(("file://", "data:"))
                   else handle.abort())
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.pdf(path=str(out), format="A4", print_background=False)
        page.close()
        data = out.read_bytes()
        return len(re.findall(rb"/Type\s*/Page[^s]", data))
