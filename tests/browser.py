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
PHONE, TABLET, DESKTOP = 390, 768, 1280

# What each chart shows at the current width: the drawing on screen, its name for assistive technology,
# the smallest rendered text, text that overlaps other text or leaves the chart, marks outside it, and
# marks without a title.
CHART_FACTS = """
function chartFacts(figure) {
  const shown = Array.from(figure.querySelectorAll('svg')).filter(s => s.getBoundingClientRect().width > 0);
  const svg = shown[0];
  if (shown.length !== 1) return {id: figure.id, shown: shown.length};
  const box = svg.getBoundingClientRect();
  const inside = r => r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
  const scale = box.width / svg.viewBox.baseVal.width;
  const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim());
  const rects = texts.map(t => t.getBoundingClientRect());
  const overlaps = [];
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
    const a = rects[i], b = rects[j];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1) overlaps.push([texts[i].textContent, texts[j].textContent]);
  }
  const marks = Array.from(svg.querySelectorAll('a[href]'));
  return {
    id: figure.id, shown: 1, label: svg.getAttribute('aria-label') || '', drawing: svg.parentElement.className,
    smallestText: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
    texts: texts.length, overlaps,
    textOutside: texts.filter((t, i) => !inside(rects[i])).map(t => t.textContent),
    marks: marks.length,
    marksOutside: marks.filter(m => !inside(m.getBoundingClientRect())).map(m => m.getAttribute('href')),
    untitled: marks.filter(m => !(m.querySelector('title') && m.querySelector('title').textContent.trim())).length,
  };
}
"""

PAGE_FACTS = """() => ({
  title: document.title,
  lang: document.documentElement.lang,
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  text: document.body.innerText,
  images: Array.from(document.images).map(i => ({alt: i.getAttribute('alt'), width: i.naturalWidth, complete: i.complete})),
  charts: Array.from(document.querySelectorAll('figure.chart')).map(chartFacts),
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
    charts_at: dict[int, list[dict]] = field(default_factory=dict)  # chart facts at each width visited

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
              then_width: int | None = None, color_scheme: str = "light", chart_widths: tuple[int, ...] = ()) -> Visit:
        """Open a page at `width` in a colour scheme; measure its charts again at each of chart_widths;
        with then_width, also narrow the page and measure its width again."""
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
        visit.facts = page.evaluate(f"(() => {{ {CHART_FACTS}; return ({PAGE_FACTS})(); }})()")
        if axe:
            if self._axe is None:
                raise RuntimeError(f"{AXE} is missing: install requirements.txt (axe-playwright-python bundles axe-core)")
            page.evaluate(self._axe)
            visit.violations = page.evaluate(
                "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
                "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,"
                " target: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))")
        visit.charts_at[width] = visit.facts["charts"]
        for other in chart_widths:
            page.set_viewport_size({"width": other, "height": 900})
            visit.charts_at[other] = page.evaluate(f"(() => {{ {CHART_FACTS}; "
                                                   "return Array.from(document.querySelectorAll('figure.chart')).map(chartFacts); })()")
        if then_width:
            page.set_viewport_size({"width": then_width, "height": 900})
            visit.narrow = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if screenshot:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / screenshot), type="jpeg", quality=70)  # the first screenful
        page.close()
        return visit

    def marks(self, path: Path, width: int, count: int) -> list[dict]:
        """Hover and focus the first `count` marks of the page's shown charts, as a reader would with a
        mouse or the keyboard, then follow each mark's link; report what each step exposed."""
        page = self._browser.new_page(viewport={"width": width, "height": 900})
        page.route("**/*", lambda handle: handle.continue_() if handle.request.url.startswith(("file://", "data:"))
                   else handle.abort())
        page.goto(path.resolve().as_uri(), wait_until="load")
        selector = "figure.chart svg a[href]"
        visible = [m for m in page.locator(selector).all() if m.is_visible()][:count]
        found = []
        for mark in visible:
            mark.scroll_into_view_if_needed()
            mark.hover(force=True)
            hovered = page.evaluate("() => { const h = Array.from(document.querySelectorAll('a:hover')).pop();"
                                    " return h && h.querySelector('title') ? h.querySelector('title').textContent : ''; }")
            mark.focus()
            focused = mark.evaluate("m => document.activeElement === m")
            href = mark.get_attribute("href")
            title = mark.evaluate("m => m.querySelector('title').textContent")
            found.append({"href": href, "title": title, "hovered_title": hovered, "focused": focused})
        targets = {}  # each linked page opened once: the evidence page is large
        for mark in found:
            target_path, _, anchor = mark["href"].partition("#")
            if target_path not in targets:
                target = page if not target_path else self._browser.new_page()
                if target_path:
                    target.goto((path.parent / target_path).resolve().as_uri(), wait_until="load")
                targets[target_path] = set(target.evaluate("() => Array.from(document.querySelectorAll('[id]')).map(e => e.id)"))
                if target_path:
                    target.close()
            mark["target_found"] = anchor in targets[target_path]
        page.close()
        return found

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
