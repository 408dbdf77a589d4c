"""Every figure one click from its evidence, checked on a fresh build of every report.

Citations in the prose, permalinks, the evidence page, and the CSV behind each chart.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from functools import lru_cache

from buildup import paths

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("fresh")]
NUMBER_OR_DATE = re.compile(r"\d")


@lru_cache(maxsize=None)
def soup_of(path):
    """A page parsed once for all the tests here (none of them changes it); lxml is several times faster."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def report_pages(out):
    return sorted(p for p in out.glob("*.html") if p.name not in ("index.html", "evidence.html", "changelog.html"))


def prose_blocks(soup):
    """Paragraphs and list items a reader reads as prose: not navigation, tables, captions, sources or footer."""
    main = soup.find("main")
    for node in main.find_all(["p", "li"]):
        if node.find_parent(["nav", "details", "figure", "footer", "table"]) or node.find_parent("ol", class_="sources"):
            continue
        if node.name == "li" and node.find_parent("ol", class_="sources"):
            continue
        yield node


def test_every_prose_paragraph_that_states_a_number_or_date_cites_its_evidence(fresh):
    out, _, _ = fresh
    uncited = {}
    checked = 0
    for page in report_pages(out):
        for block in prose_blocks(soup_of(page)):
            text = block.get_text(" ", strip=True)
            # A statement that something is absent has nothing to cite.
            # The lead-in of a list ("Since 24 December 2021:") is cited by its items.
            if NUMBER_OR_DATE.search(text) and not text.startswith(("No ", "Nothing ")) and not text.endswith(":"):
                checked += 1
                if not block.find("a", class_="cite"):
                    uncited.setdefault(page.name, []).append(text[:100])
    assert checked > 1000
    assert not uncited, {k: v[:3] for k, v in list(uncited.items())[:5]}


def test_every_citation_and_row_link_resolves(fresh):
    out, _, _ = fresh
    evidence_ids = {n["id"] for n in soup_of(out / "evidence.html").find_all(id=True)}
    broken, cites, rows = [], 0, 0
    for page in report_pages(out):
        soup = soup_of(page)
        ids = {n["id"] for n in soup.find_all(id=True)}
        for link in soup.find_all("a", href=True):
            href = link["href"]
            if link.get("class") == ["cite"]:
                cites += 1
                if href[1:] not in ids:
                    broken.append((page.name, href))
            elif href.startswith("evidence.html#"):
                rows += 1
                if href.split("#", 1)[1] not in evidence_ids:
                    broken.append((page.name, href))
    assert cites > 2000 and rows > 2000
    assert not broken, broken[:10]


def test_every_source_entry_is_cited_and_supports_rows(fresh):
    out, _, _ = fresh
    for page in report_pages(out):
        soup = soup_of(page)
        entries = soup.select("ol.sources > li")
        assert entries or not soup.select('a.cite[href^="#source-"]'), page.name
        cited = {a["href"][1:] for a in soup.find_all("a", class_="cite")}
        never = [li["id"] for li in entries if li["id"] not in cited]
        assert not never, (page.name, never[:5])
        for li in entries:
            assert "Supports " in li.get_text(), (page.name, li["id"])


def test_every_row_of_every_table_has_its_permalink_on_the_evidence_page(fresh, dataset):
    out, _, _ = fresh
    soup = soup_of(out / "evidence.html")
    ids = {n["id"] for n in soup.find_all(id=True)}
    expected = (set(dataset.troop_estimates["estimate_id"]) | set(dataset.contacts["contact_id"])
                | set(dataset.events["event_id"]) | {f"source-{s}" for s in dataset.sources["source_id"]})
    assert expected <= ids
    assert len(soup.select("article.row")) == len(dataset.troop_estimates) + len(dataset.contacts) + len(dataset.events)


def test_the_csv_behind_each_chart_is_what_its_table_shows(fresh):
    out, _, _ = fresh
    compared = 0
    for page in report_pages(out):
        soup = soup_of(page)
        for figure in soup.find_all("figure"):
            link = figure.find("a", class_="download")
            assert link is not None and link.get_text() == "Data (CSV)", page.name
            downloaded = list(csv.reader(io.StringIO((out / link["href"]).read_text(encoding="utf-8"))))
            table = figure.find_next("details").find("table")
            headers = [th.get_text() for th in table.find_all("th")]
            keep = [i for i, h in enumerate(headers) if h != "cite"]
            shown = [[headers[i] for i in keep]] + [[tr.find_all("td")[i].get_text() for i in keep]
                                                    for tr in table.find("tbody").find_all("tr")]
            assert downloaded == shown, (page.name, link["href"])
            compared += 1
    assert compared >= 2 * 60


def test_permalinks_are_stable_ids_on_headings_rows_figures_and_sources(fresh):
    out, _, _ = fresh
    soup = soup_of(out / "brief-2021-12-31.html")
    assert soup.find("tr", id="te-028") is not None  # the wire report's "more than 100,000"
    assert soup.find("figure", id="figure-troops") is not None
    assert soup.find("li", id="source-efe-and-ap-2021-12-31") is not None
    for heading in soup.find("main").find_all("h2"):
        anchor = heading.find("a", class_="anchor-link")
        assert anchor is not None and anchor["href"] == f"#{heading['id']}", heading
        assert anchor.get_text() == "#" and anchor["aria-label"] == "Link to this section", heading
    assert soup.find("h1").find("a", class_="anchor-link") is None  # the title needs no permalink
    assert "¶" not in soup.get_text() and "&#182;" not in (out / "brief-2021-12-31.html").read_text(encoding="utf-8")


# --- versions, citation, feed, findable data, downloads ----------------------------------------


def test_every_report_shows_the_dataset_version_links_the_changelog_and_says_how_to_cite_it(fresh):
    out, _, _ = fresh
    version = __import__("json").loads((paths.DATA / "datapackage.json").read_text())["version"]
    assert version == "1.4.0"
    for page in report_pages(out):
        footer = soup_of(page).find("footer")
        assert f"Version {version} (what changed)" in " ".join(footer.get_text().split()), page.name
        assert footer.find("a", href="changelog.html") is not None
        cite_this = footer.find("section", class_="cite-this")
        assert "dataset version 1.4.0" in cite_this.p.get_text() and cite_this.pre.get_text().startswith("@misc{buildup-")
    brief = soup_of(out / "brief-2021-12-31.html").find("section", class_="cite-this")
    assert "Information as published by 2021-12-31." in brief.p.get_text()
    assert "note = {As of 2021-12-31; file reports/brief-2021-12-31.html}" in brief.pre.get_text()
    assert "1.4.0 — 2026-12-02" in (out / "changelog.html").read_text(encoding="utf-8")


def test_the_feed_has_one_entry_per_brief_each_linking_to_a_built_page(fresh):
    import feedparser

    out, _, _ = fresh
    index = soup_of(out / "index.html")
    alternate = index.find("link", rel="alternate", type="application/atom+xml")
    assert alternate is not None and alternate["href"] == "briefs.atom"
    feed = feedparser.parse((out / "briefs.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    briefs = sorted(p.name for p in out.glob("brief-*.html"))
    assert sorted(e.link for e in feed.entries) == briefs
    for entry in feed.entries:
        assert (out / entry.link).is_file()
        page = soup_of(out / entry.link)
        lead = re.sub(r"\[\d+\]", "", page.find("h1").find_next("p").get_text())
        assert entry.summary == " ".join(lead.split()) and len(entry.summary) > 80, entry.summary[:80]
        assert "⟦" not in entry.summary and "<" not in entry.summary


def test_index_carries_schema_org_dataset_metadata_as_a_data_block(fresh):
    import json

    out, _, _ = fresh
    scripts = soup_of(out / "index.html").find_all("script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org/" and data["@type"] == "Dataset"
    assert data["version"] == "1.4.0" and data["temporalCoverage"] == "2021-03-01/2022-02-24"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    urls = [d["contentUrl"] for d in data["distribution"]]
    assert urls[0] == "data/buildup-brief-data-1.4.0.zip"
    for url in urls:
        assert (out / url).is_file(), url


def test_the_dataset_zip_unpacks_to_a_package_frictionless_accepts(fresh, tmp_path):
    import subprocess
    import sys
    import zipfile

    out, _, _ = fresh
    with zipfile.ZipFile(out / "data" / "buildup-brief-data-1.4.0.zip") as archive:
        names = sorted(archive.namelist())
        archive.extractall(tmp_path)
    assert names == sorted(f"buildup-brief-data/{n}" for n in ("datapackage.json", "sources.csv", "troop_estimates.csv",
                                                                "contacts.csv", "events.csv", "README.md", "LICENSE",
                                                                "CHANGELOG.md"))
    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run([str(frictionless), "validate", str(tmp_path / "buildup-brief-data" / "datapackage.json")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def test_a_source_entry_reads_as_sentences_each_starting_with_a_capital():
    import pandas as pd

    from buildup.cite import source_entry

    source = pd.Series({"source_id": "x-2022-02-21", "outlet": "Devdiscourse (Reuters)", "title": "A headline",
                        "published": pd.Timestamp("2022-02-21"), "url": "https://example.org/a", "kind": "syndicated_copy",
                        "original_outlet": "Reuters"})
    text = BeautifulSoup(source_entry(source, ["ct-001"], lambda r: f"#{r}"), "html.parser").get_text()
    assert "21 February 2022. Syndicated copy of Reuters. Supports ct-001." in text


def test_an_evidence_entry_gives_the_estimator_and_the_group_each_on_its_own_line():
    import pandas as pd

    from buildup.evidence import row_entry

    row = pd.Series({"estimate_id": "te-900", "published": pd.Timestamp("2021-12-22"), "as_of": None, "low": 122000,
                     "high": 122000, "qualifier": None, "as_written": "122 тис.", "unit": "troops", "scope": "border",
                     "estimator_group": "ukraine_government", "party_to_conflict": True,
                     "estimator": "Oleksiy Danilov, Secretary of Ukraine's National Security and Defense Council",
                     "claim": "A claim.", "source_id": "src-a"})
    terms = BeautifulSoup(row_entry("troop_estimates", "estimate_id", row), "html.parser").find("dl")
    given = dict(zip((t.get_text() for t in terms.find_all("dt")), (d.get_text() for d in terms.find_all("dd"))))
    assert given["Estimator"] == "Oleksiy Danilov, Secretary of Ukraine's National Security and Defense Council"
    assert given["Group"] == "Ukraine's government (a party to the conflict)"
