"""Every exported report and the index, opened in headless Chromium from disk with the network
blocked: images load and carry alt text, links resolve, nothing is requested or logged, the
text fits a phone and a desktop, headings are in order, and axe-core finds nothing serious."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from browser import DESKTOP, PHONE, Browser
from buildup import paths

pytestmark = pytest.mark.browser

PAGES = sorted(paths.REPORTS.glob("*.html"))
SITE_PAGES = {"index.html", "evidence.html", "changelog.html"}  # the pages around the reports, without charts


def _visit_all(pages) -> dict:
    browser = Browser()  # one per thread: Playwright's sync API is not shared across threads
    try:
        return {page.name: browser.visit(page, DESKTOP, axe=True, then_width=PHONE, screenshot=f"{page.stem}-phone.jpg")
                for page in pages}
    finally:
        browser.close()


@pytest.fixture(scope="module")
def visits():
    """Each page at desktop width (with axe-core), then narrowed to phone width and photographed."""
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


def test_every_image_loads_and_has_alt_text(visits):
    images = sum(len(v.facts["images"]) for v in visits.values())
    assert images >= 2 * (len(PAGES) - len(SITE_PAGES))
    bad = offenders(visits, lambda v: [i for i in v.facts["images"] if not i["width"] or not (i["alt"] or "").strip()])
    assert not bad


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
