"""Every exported report and the index, opened in headless Chromium from disk with the network
blocked: charts show one drawing with a name at every width, their text stays at 11 CSS px or
more and never overlaps, their marks stay inside and say what they are; links resolve, nothing is
requested or logged, the text fits a phone and a desktop, headings are in order, and axe-core
finds nothing serious."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from browser import DESKTOP, PHONE, TABLET, Browser
from buildup import paths

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]  # the visits fixture once

PAGES = sorted(paths.REPORTS.glob("*.html"))
SITE_PAGES = {"index.html", "evidence.html", "changelog.html"}  # the pages around the reports, without charts
WIDTHS = (DESKTOP, TABLET, PHONE)
# axe-core takes 2–8 s a page. The briefs share one template and differ only in their data, so axe
# checks every page that is not a brief, and a brief from every tenth week (the first and last included).
BRIEFS = [p.name for p in PAGES if p.name.startswith("brief-")]
AXE_PAGES = {p.name for p in PAGES if not p.name.startswith("brief-")} | set(BRIEFS[::10]) | {BRIEFS[-1]}


def _visit_all(pages) -> dict:
    browser = Browser()  # one per thread: Playwright's sync API is not shared across threads
    try:
        return {page.name: browser.visit(page, DESKTOP, axe=page.name in AXE_PAGES, then_width=PHONE,
                                         chart_widths=(TABLET, PHONE), screenshot=f"{page.stem}-phone.jpg")
                for page in pages}
    finally:
        browser.close()


@pytest.fixture(scope="module")
def visits():
    """Each page at desktop width (with axe-core for AXE_PAGES), its charts measured again at tablet and
    phone width, then narrowed to phone width and photographed."""
    shards = [PAGES[0::2], PAGES[1::2]]
    with ThreadPoolExecutor(max_workers=len(shards)) as pool:
        found = {}
        for part in pool.map(_visit_all, shards):
            found.update(part)
    return found


def offenders(visits, check) -> dict:
    return {name: problem for name, visit in visits.items() if (problem := check(visit))}


def test_every_report_and_the_site_pages_are_tested():
    assert len(PAGES) >= 63 and {p.name for p in PAGES} >= SITE_PAGES


def test_pages_draw_charts_as_svg_not_images(visits):
    assert not offenders(visits, lambda v: v.facts["images"])
    charts = sum(len(v.charts_at[DESKTOP]) for v in visits.values())
    assert charts >= 2 * (len(PAGES) - len(SITE_PAGES))


def chart_offenders(visits, check) -> dict:
    """{(page, width, figure id): problem} for every chart at every width where `check` finds one."""
    return {(name, width, chart["id"]): problem for name, visit in visits.items() for width, charts in visit.charts_at.items()
            for chart in charts if (problem := check(chart))}


def test_every_chart_shows_one_drawing_named_for_assistive_technology_at_each_width(visits):
    assert not chart_offenders(visits, lambda c: c["shown"] != 1 and c["shown"])
    assert not chart_offenders(visits, lambda c: len(c["label"]) < 40 and c["label"])


def test_phones_get_the_narrow_drawing_and_wider_screens_the_wide_one(visits):
    expected = {DESKTOP: "chart-wide", TABLET: "chart-wide", PHONE: "chart-narrow"}
    assert not offenders(visits, lambda v: [(w, c["id"], c["drawing"]) for w, charts in v.charts_at.items()
                                            for c in charts if c["drawing"] != expected[w]])


def test_no_chart_text_renders_under_11_css_pixels_at_390_768_or_1280(visits):
    smallest = {w: min(c["smallestText"] for v in visits.values() for c in v.charts_at[w]) for w in WIDTHS}
    assert all(size >= 11 for size in smallest.values()), smallest


def test_no_chart_text_overlaps_other_text_or_leaves_its_chart(visits):
    assert sum(c["texts"] for v in visits.values() for c in v.charts_at[PHONE]) > 1000
    assert not chart_offenders(visits, lambda c: c["overlaps"])
    assert not chart_offenders(visits, lambda c: c["textOutside"])


def test_every_mark_lies_inside_its_chart_and_says_what_it_is(visits):
    assert sum(c["marks"] for v in visits.values() for c in v.charts_at[DESKTOP]) > 2000
    assert not chart_offenders(visits, lambda c: c["marksOutside"])
    assert not chart_offenders(visits, lambda c: c["untitled"])


def test_every_table_of_contents_and_index_link_resolves(visits):
    links = sum(len(v.facts["links"]) for v in visits.values())
    assert links > 500
    assert not offenders(visits, lambda v: v.broken_links())


def test_no_request_leaves_the_page(visits):
    assert not offenders(visits, lambda v: v.requests)


def test_nothing_is_logged_to_the_console(visits):
    assert not offenders(visits, lambda v: v.console + v.dialogs)


def test_no_horizontal_scrolling_at_phone_or_desktop_width(visits):
    assert not offenders(visits, lambda v: v.facts["scrollWidth"] > v.facts["innerWidth"] and
                         ("desktop", v.facts["scrollWidth"], v.facts["innerWidth"]))
    assert not offenders(visits, lambda v: v.narrow[0] > v.narrow[1] and ("phone", *v.narrow))


def test_pages_have_a_language_headings_in_order_and_no_script(visits):
    assert not offenders(visits, lambda v: v.facts["lang"] != "en")
    assert not offenders(visits, lambda v: v.heading_jumps())
    # The one script element allowed is the index's JSON-LD data block, which the CSP never runs.
    assert not offenders(visits, lambda v: v.facts["scripts"] != (1 if v.path.name == "index.html" else 0))


def test_each_chart_has_its_data_in_a_collapsed_table(visits):
    for name, visit in visits.items():
        if name not in SITE_PAGES:
            assert visit.facts["figures"] >= 2, name
            assert visit.facts["closedDetails"] >= visit.facts["figures"], name


def test_axe_core_finds_no_serious_or_critical_violation(visits):
    assert len(AXE_PAGES) >= 12 and AXE_PAGES <= set(visits)
    serious = offenders(visits, lambda v: [x for x in v.violations if x["impact"] in ("serious", "critical")])
    assert not serious


def test_screenshots_are_saved_for_every_page(visits):
    saved = set(os.listdir(paths.ROOT / "test-artifacts" / "browser"))
    for page in PAGES:
        assert f"{page.stem}-phone.jpg" in saved


# The pages share one style sheet: a brief, the index and an overview report stand for the rest.
DARK_AND_PHONE = ["brief-2021-12-31.html", "index.html", "20-diplomacy.html"]


def test_axe_core_finds_no_serious_violation_in_the_dark_scheme_or_on_a_phone():
    browser = Browser()
    try:
        found = {}
        for name in DARK_AND_PHONE:
            for width, scheme in ((DESKTOP, "dark"), (PHONE, "dark"), (PHONE, "light")):
                visit = browser.visit(paths.REPORTS / name, width, axe=True, color_scheme=scheme)
                serious = [v for v in visit.violations if v["impact"] in ("serious", "critical")]
                if serious:
                    found[(name, width, scheme)] = serious
                assert not visit.requests, (name, visit.requests)
        assert not found, found
    finally:
        browser.close()


def test_three_reports_print_to_a4_pdf(tmp_path):
    browser = Browser()
    try:
        pages = {name: browser.pdf(paths.REPORTS / name, tmp_path / f"{name}.pdf")
                 for name in ("brief-2021-12-31.html", "10-troop-buildup.html", "20-diplomacy.html")}
    finally:
        browser.close()
    (paths.ROOT / "test-artifacts").mkdir(exist_ok=True)
    (paths.ROOT / "test-artifacts" / "pdf-pages.txt").write_text(
        "".join(f"{name}: {n} A4 pages\n" for name, n in pages.items()), encoding="utf-8")
    assert all(n >= 2 for n in pages.values()), pages


def test_hovering_or_focusing_a_mark_tells_what_it_is_and_its_link_leads_to_the_row():
    browser = Browser()
    try:
        for name, width in (("brief-2021-12-31.html", DESKTOP), ("20-diplomacy.html", PHONE), ("10-troop-buildup.html", TABLET)):
            marks = browser.marks(paths.REPORTS / name, width, count=3)
            assert len(marks) == 3, (name, marks)
            for mark in marks:
                assert mark["hovered_title"] and mark["hovered_title"] == mark["title"], (name, mark)
                assert mark["focused"], (name, mark)
                assert mark["target_found"], (name, mark)
    finally:
        browser.close()
