"""The pages and files around the reports: the evidence page, the changelog, the briefs' Atom feed,
and the dataset as downloads (one zip, plus each table), with the metadata index.html carries.

Everything here is rebuilt only when the data, the package or a brief changed, and is
byte-identical for the same inputs (fixed timestamps in the zip and the feed).
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from typing import TYPE_CHECKING

from . import paths
from .index import standalone_page

if TYPE_CHECKING:  # pandas is imported only when the site pages are rebuilt, never on a no-op build
    from .data import Dataset

DOWNLOADS = "data"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DATASET_FILES = ("datapackage.json", "sources.csv", "troop_estimates.csv", "contacts.csv", "events.csv", "README.md",
                 "LICENSE", "CHANGELOG.md")
FEED_NAME = "briefs.atom"
SITE_URL_PLACEHOLDER = "https://example.invalid/"  # never shown: feed links are written relative to the feed


def zip_name(version: str) -> str:
    return f"buildup-brief-data-{version}.zip"


def dataset_zip(data_dir: Path) -> bytes:
    """The dataset folder as one zip (fixed timestamps and order, so the same data gives the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in DATASET_FILES:
            path = Path(data_dir) / name
            if path.is_file():
                info = zipfile.ZipInfo(f"buildup-brief-data/{name}", date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def changelog_page(data_dir: Path) -> str:
    """data/CHANGELOG.md as a page of the site (Markdown rendered with HTML escaped)."""
    import mistune

    source = Path(data_dir) / "CHANGELOG.md"
    text = source.read_text(encoding="utf-8") if source.is_file() else "# Changelog\n\nNo changelog in this dataset.\n"
    render = mistune.create_markdown(escape=True, plugins=["table"])
    body = render(text).replace("<table>", '<table tabindex="0">')  # a table that scrolls on a phone takes focus
    return standalone_page("Changelog of the dataset · Build-up Brief", body)


@dataclass(frozen=True)
class FeedEntry:
    name: str
    title: str
    day: str  # YYYY-MM-DD
    summary: str


LEAD = re.compile(r"<h1[^>]*>.*?</h1>\s*<p>(.*?)</p>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def lead_of(page_html: str) -> str:
    """A brief's lead paragraph (the first after its title) as plain text."""
    found = LEAD.search(page_html)
    if not found:
        return ""
    text = TAG.sub("", found.group(1))
    text = re.sub(r"\[\d+\]", "", html.unescape(text))
    return " ".join(text.split())


def atom_feed(entries: list[FeedEntry], title: str) -> bytes:
    """The briefs as an Atom feed, newest first, with links relative to the feed's own address."""
    from feedgen.feed import FeedGenerator

    def moment(day: str) -> datetime:
        return datetime.fromisoformat(day).replace(tzinfo=timezone.utc)

    feed = FeedGenerator()
    feed.id("tag:buildup-brief,2026:briefs")
    feed.title(title)
    feed.author({"name": "The Build-up Brief authors"})
    feed.link(href=FEED_NAME, rel="self")
    feed.link(href="index.html", rel="alternate")
    feed.language("en")
    feed.subtitle("A brief for each week of Russia's build-up around Ukraine, March 2021 to 24 February 2022, "
                  "each seeing only what had been published by its date.")
    feed.generator("Build-up Brief")
    if entries:
        feed.updated(moment(max(e.day for e in entries)))
    for entry in sorted(entries, key=lambda e: e.day):
        item = feed.add_entry()
        item.id(f"tag:buildup-brief,2026:{entry.name}")
        item.title(entry.title)
        item.link(href=f"{entry.name}.html", rel="alternate")
        item.updated(moment(entry.day))
        item.published(moment(entry.day))
        item.summary(entry.summary or entry.title)
    return feed.atom_str(pretty=True)


def dataset_jsonld(dataset: Dataset, version: str, zip_file: str, tables: list[str]) -> str:
    """schema.org Dataset metadata for index.html, as a JSON-LD data block (never executed)."""
    import yaml

    cff = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    data = {
        "@context": "https://schema.org/", "@type": "Dataset",
        "name": cff.get("title", "Build-up Brief"), "description": " ".join(str(cff.get("abstract", "")).split()),
        "license": "https://creativecommons.org/licenses/by/4.0/", "version": version,
        "temporalCoverage": "2021-03-01/2022-02-24",
        "creator": [{"@type": "Organization", "name": a.get("name", "")} for a in cff.get("authors", [])],
        "citation": f"{cff.get('authors', [{}])[0].get('name', '')} ({str(cff.get('date-released', ''))[:4]}). "
                    f"{cff.get('title', '')}, version {version}.",
        "distribution": [{"@type": "DataDownload", "encodingFormat": "application/zip", "contentUrl": f"{DOWNLOADS}/{zip_file}"}]
        + [{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": f"{DOWNLOADS}/{t}.csv", "name": t} for t in tables],
        "variableMeasured": ["troop estimates (low, high)", "calls and meetings", "milestones"],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return '<script type="application/ld+json">\n' + text.replace("</", "<\\/") + "\n</script>"
