"""The charts in the built pages: every plotted row is one titled mark that links to its row, and the
marks are exactly the rows of the chart's data table; drawings are reproducible SVG with text as text."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from buildup import paths, style

PAGES = sorted(p for p in paths.REPORTS.glob("*.html") if p.name not in ("index.html", "evidence.html", "changelog.html"))
ROW = re.compile(r"^(te|ct)-\d{3}$")


def charts_of(page):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for figure in soup.select("figure.chart"):
        name = figure["id"].removeprefix("figure-")
        table = soup.find("details", id=f"data-{name}")
        yield name, figure, table


def table_ids(table) -> list[str]:
    """The row ids in a data table's first column (dataset rows) or its rows' anchors (weeks)."""
    ids = []
    for tr in table.select("tbody tr"):
        link = tr.td.a if tr.td is not None else None
        ids.append(link.get_text() if link is not None else tr.get("id", ""))
    return ids


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_each_plotted_row_is_one_titled_mark_linking_to_its_row_and_the_marks_are_the_table(page):
    for name, figure, table in charts_of(page):
        for layout in style.LAYOUTS:
            drawing = figure.select_one(f".chart-{layout.name} svg")
            marks = drawing.find_all("a")
            assert all(len(a.find_all("title", recursive=False)) == 1 and a.title.get_text().strip() for a in marks), (name, layout)
            rows = [a["href"].rpartition("#")[2] for a in marks]
            data_rows = [r for r in rows if ROW.match(r)]
            ids = table_ids(table)
            if name == "cadence":
                weeks = set(rows)
                assert weeks and weeks <= set(ids), (page.name, name)
                continue
            assert sorted(data_rows) == sorted(ids), (page.name, name, layout.name)
            assert len(set(data_rows)) == len(data_rows), (page.name, name, "a row drawn twice")
            assert all(a["href"] == f"evidence.html#{r}" for a, r in zip(marks, rows) if ROW.match(r))


def test_a_mark_says_who_what_and_when():
    text = (paths.REPORTS / "brief-2021-12-31.html").read_text(encoding="utf-8")
    # The estimate of the article in ../shared/sources/ and the call it reports, as the dataset gives them.
    assert "<title>31 Dec 2021 · EFE and AP (wire report): more than 100,000 troops near Ukraine's borders</title>" in text
    assert "<title>13 Nov 2021 · President Volodymyr Zelenskiy: nearly 100,000 troops near Ukraine's borders (a claim by a party to the conflict)</title>" in text
    assert re.search(r"<title>30 Dec 2021 · Joe Biden and Vladimir Putin, phone call, about 50 minutes, at the request of Russia</title>", text)
    assert "<title>13 Jan 2022 · " in text and "(scheduled)</title>" in text


def test_chart_text_is_text_in_the_page_font_and_nothing_volatile():
    text = (paths.REPORTS / "brief-2021-12-31.html").read_text(encoding="utf-8")
    drawing = BeautifulSoup(text, "html.parser").select_one("figure.chart .chart-wide svg")
    words = [t.get_text() for t in drawing.find_all("text")]
    assert "Troops" in words and any(w.startswith("Source: Build-up Brief dataset") for w in words)
    assert "font-family: var(--chart-font" in str(drawing)
    assert not re.search(r"<dc:date>|<metadata>|Matplotlib v", str(drawing))
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids)), "an id is used twice in the page"


def test_measuring_text_once_per_process_changes_no_byte_of_a_chart(dataset):
    """textmetrics caches a string's extent across figures; the SVG must be what matplotlib's own
    per-renderer cache gives, for the wide and the narrow layout, drawn after other charts."""
    import buildup.report as report
    from buildup import svg, textmetrics

    def drawings() -> list[str]:
        page = report.BriefPage.from_parameters(as_of="2021-12-31", dataset=dataset, display_output=False)
        made = []
        page.figure = lambda draw, name, alt, *a, **k: made.extend(  # noqa: E731
            svg.inline(draw(layout), name, alt) for layout in style.LAYOUTS)
        page.troops_section()
        page.troops_and_talks_section()
        return made

    cached_twice = drawings() + drawings()  # the second pass measures nothing anew
    textmetrics.uninstall()
    try:
        uncached = drawings()
    finally:
        textmetrics.install()
    assert len(uncached) == 4
    assert cached_twice[4:] == cached_twice[:4] == uncached
