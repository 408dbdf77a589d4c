"""A matplotlib figure as SVG for a page: text as text, marks as links with titles, no volatile bytes.

matplotlib writes the SVG (fixed `svg.hashsalt`, no date, fonts as text); this module makes it fit
to sit inside HTML: no XML prolog or metadata, ids prefixed so that several charts share a page,
sizes left to the page's CSS, the page's font stack, and each mark's `<a>` given its `<title>`.
"""

from __future__ import annotations

import html
import io
import re
from collections import deque

from matplotlib.figure import Figure

from . import charts, style

ROOT = re.compile(r"<svg [^>]*>")
ID = re.compile(r'\bid="([^"]+)"')
LINK = re.compile(r'<a xlink:href="([^"]*)" target="_blank">')
FONT = "font-family: 'DejaVu Sans'"


def _raw(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = buffer.getvalue()
    text = text[text.index("<svg "):]
    return re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.DOTALL)


def _prefix_ids(text: str, prefix: str) -> str:
    """Make every id unique on the page, and every internal reference follow it."""
    ids = set(ID.findall(text))
    text = ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', text)
    return re.sub(r'(xlink:href="#|url\(#)([^")]+)',
                  lambda m: m.group(1) + (f"{prefix}-{m.group(2)}" if m.group(2) in ids else m.group(2)), text)


def _titled_links(text: str, titles: dict[str, list[str]]) -> str:
    """`<a xlink:href=H target=_blank>` -> `<a href=H><title>what the mark is</title>`, in drawing order."""
    queues = {href: deque(found) for href, found in titles.items()}

    def replace(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        queue = queues.get(href)
        if not queue:
            raise ValueError(f"a chart mark links to {href!r} but no title was given for it")
        title = queue.popleft() if len(queue) > 1 else queue[0]
        return f'<a href="{html.escape(href, quote=True)}"><title>{html.escape(title, quote=False)}</title>'

    return LINK.sub(replace, text)


def inline(fig: Figure, prefix: str, label: str) -> str:
    """The chart as an `<svg>` element for a page: scales to its box, named by `label` for assistive technology."""
    text = _prefix_ids(_raw(fig), prefix)
    text = _titled_links(text, charts.titles_of(fig))
    root = ROOT.search(text).group(0)
    view_box = re.search(r'viewBox="([^"]+)"', root).group(1)
    new_root = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="{view_box}" '
                f'role="group" aria-label="{html.escape(label, quote=True)}">')
    text = text.replace(root, new_root, 1)
    return text.replace(FONT, f"font-family: var(--chart-font, {style.FONT_STACK.replace(chr(39), '')})").strip() + "\n"


def standalone(fig_svg: str) -> str:
    """An inline chart made a file of its own (for figures/): an XML declaration and its natural size."""
    view_box = re.search(r'viewBox="([^"]+)"', fig_svg).group(1)
    width, height = view_box.split()[2:]
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            + fig_svg.replace(f'viewBox="{view_box}"', f'width="{width}pt" height="{height}pt" viewBox="{view_box}"', 1))


def figure_html(name: str, drawings: dict[str, str], caption: str, csv_href: str) -> str:
    """A page's `<figure>`: one drawing per layout (CSS shows the one that fits), the caption, the
    link to the data as CSV and the figure's permalink."""
    e = lambda value: html.escape(value, quote=True)  # noqa: E731
    boxes = "\n".join(f'<div class="chart-{e(layout)}">\n{drawing}</div>' for layout, drawing in drawings.items())
    return (f'<figure class="chart" id="figure-{e(name)}">\n{boxes}\n<figcaption>{e(caption)} '
            f'<a class="download" href="{e(csv_href)}">Data (CSV)</a> '
            f'<a class="anchor-link" href="#figure-{e(name)}" aria-label="Link to this figure">#</a></figcaption>\n</figure>')
