"""Numbered citations: prose marks what it stands on, the page turns the marks into links.

Narrative functions stay pure: after a fact they put a mark naming the source it came from
(``mark(["reuters-2021-04-12"])``) or the data table that holds the rows behind a count
(``table_mark("troops")``). The page numbers sources in the order a reader meets them and
replaces each run of marks with links: ``[3]`` to the source's entry in the page's Sources
list, ``[data]`` to the table. The Sources list then shows each entry with the rows it supports.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pandas as pd

from . import fmt

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: never in the data (the validator refuses nothing else, so the page strips them)
MARK = re.compile(OPEN + r"([^" + CLOSE + r"]+)" + CLOSE)
KIND_WORDS = {"official_record": "official record", "original_report": "original report",
              "syndicated_copy": "syndicated copy", "later_recap": "later recap"}
WAYBACK_LOOKUP = "https://web.archive.org/web/*/"


def mark(source_ids: Iterable[object]) -> str:
    """Marks for the given sources, each once, in order (empty ids are skipped)."""
    seen: list[str] = []
    for source_id in source_ids:
        if source_id is not None and not pd.isna(source_id) and str(source_id) not in seen:
            seen.append(str(source_id))
    return "".join(f"{OPEN}{s}{CLOSE}" for s in seen)


def rows_mark(rows: pd.DataFrame) -> str:
    """Marks for the sources of every row of a frame."""
    return mark(rows["source_id"]) if "source_id" in rows and len(rows) else ""


def row_mark(row) -> str:
    """The mark for one row's source."""
    return mark([row["source_id"]])


def table_mark(name: str) -> str:
    """A mark pointing at a data table of the page (for counts that stand on many rows)."""
    return f"{OPEN}#data-{name}{CLOSE}"


def strip(text: str) -> str:
    """Text with its marks removed (for alt text, titles, feeds)."""
    return MARK.sub("", text)


def source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


class Citations:
    """The page's numbering of sources, in the order a reader meets them."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def number(self, source_id: str) -> int:
        return self.numbers.setdefault(source_id, len(self.numbers) + 1)

    def link(self, target: str) -> str:
        if target.startswith("#"):
            return f'<a class="cite" href="{html.escape(target, quote=True)}">[data]</a>'
        n = self.number(target)
        return f'<a class="cite" href="#{html.escape(source_anchor(target), quote=True)}">[{n}]</a>'

    def resolve(self, text: str) -> str:
        """Replace every mark with its numbered link."""
        return MARK.sub(lambda m: self.link(m.group(1)), text)


def kind_words(source) -> str:
    """'official record', 'syndicated copy of Reuters'."""
    kind = source.get("kind")
    if kind is None or pd.isna(kind):
        return ""
    words = KIND_WORDS.get(str(kind), str(kind).replace("_", " "))
    original = source.get("original_outlet")
    if str(kind) == "syndicated_copy" and original is not None and not pd.isna(original):
        words += f" of {original}"
    return words


def sources_list(sources: pd.DataFrame, citations: Citations, rows_by_source: dict[str, list[str]],
                 row_href=lambda row_id: f"evidence.html#{row_id}") -> str:
    """The Sources list as HTML, in citation order: each entry with its id, kind, the rows it
    supports (linked) and a Wayback Machine lookup for its address. Every value is escaped."""
    by_id = sources.set_index("source_id", drop=False)
    items = []
    for source_id, n in sorted(citations.numbers.items(), key=lambda kv: kv[1]):
        if source_id not in by_id.index:
            continue
        items.append(source_entry(by_id.loc[source_id], rows_by_source.get(source_id, []), row_href, number=n))
    if not items:
        return "<p>No sources were used.</p>"
    return '<ol class="sources">\n' + "\n".join(items) + "\n</ol>"


def source_entry(source, row_ids: list[str], row_href, number: int | None = None, tag: str = "li") -> str:
    """One source as an HTML list item (or other element): outlet, linked title, date, kind, rows, lookup."""
    e = lambda value: html.escape(str(value), quote=True)  # noqa: E731
    anchor = source_anchor(str(source["source_id"]))
    title = source.get("title")
    title = "(untitled)" if title is None or pd.isna(title) else str(title)
    url = fmt.safe_url(source.get("url"))
    shown_title = f'<a href="{e(url)}">{e(title)}</a>' if url else f"<cite>{e(title)}</cite>"
    parts = [f"{e(source['outlet'])}, {shown_title}, {e(fmt.day(source['published']))}"]
    kind = kind_words(source)
    if kind:
        parts.append(e(fmt.initial_capital(kind)))  # a sentence of its own: "Official record."
    line = ". ".join(parts) + "."
    if row_ids:
        links = ", ".join(f'<a href="{e(row_href(r))}">{e(r)}</a>' for r in row_ids)
        line += f" Supports {links}."
    if url:
        line += f' <a class="lookup" href="{e(WAYBACK_LOOKUP + url)}">Look up archived copies</a> (Wayback Machine search).'
    value = f' value="{number}"' if number is not None and tag == "li" else ""
    return (f'<{tag} id="{e(anchor)}"{value}>{line} '
            f'<a class="anchor-link" href="#{e(anchor)}" aria-label="Link to this source">#</a></{tag}>')
