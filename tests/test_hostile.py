"""A dataset is data from the outside: reports built from a copy whose text fields hold hostile
payloads show them as text, run no script, load nothing, and keep their layout."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, Browser
from buildup import paths
from buildup.build import Settings, build
from buildup.validate import validate
from html_elements import elements


PAYLOADS = [
    "<script>alert('xss-1')</script>",
    "<img src=x onerror=alert('xss-2')>",
    "[click me](javascript:alert('xss-3'))",
    "![pixel](http://example.invalid/pixel.png)",
    "<a href=\"javascript:alert('xss-4')\">a link</a>",
    "\" onmouseover=\"alert('xss-5')",
    "&lt;b&gt;not bold&lt;/b&gt; &amp; &#x27;",
    "# not a heading **not bold** `not code` <!-- not a comment -->",
    "$\\frac{1}{0}$ costs $5",
    "A" * 400,
    "مرحبا بالعالم — שלום עולם",
    "🚀🇺🇦👩🏽‍💻 emoji",
]
# Which text fields carry payloads: (table, column). Each row gets the payloads in turn.
FIELDS = [("troop_estimates", "estimator"), ("contacts", "participants"), ("contacts", "place"),
          ("contacts", "requested_by"), ("events", "title"), ("sources", "outlet"), ("sources", "title")]
pytestmark = pytest.mark.xdist_group("hostile")  # its module fixture builds once

REPORTS = ("10-troop-buildup", "20-diplomacy", "30-brief")


def poison(root: Path) -> None:
    for table, column in FIELDS:
        path = root / f"{table}.csv"
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        index = rows[0].index(column)
        for number, row in enumerate(rows[1:]):
            if row[index] or column in ("place", "requested_by"):
                row[index] = f"{PAYLOADS[number % len(PAYLOADS)]} {row[index]}".strip()
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory):
    import shutil

    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(paths.DATA, data)
    poison(data)
    out = root / "out"
    lines: list[str] = []
    code = build(Settings(data_dir=data, out_dir=out, figures_dir=out / "figures", jobs=2, only=REPORTS), out=lines.append)
    assert code == 0, "\n".join(lines)
    return out


def test_hostile_copy_is_valid_data():
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(paths.DATA, Path(tmp) / "data")
        poison(Path(tmp) / "data")
        assert validate(Path(tmp) / "data")[2] == []


def test_hostile_text_never_becomes_markup(hostile_reports):
    for name in REPORTS:
        found = elements((hostile_reports / f"{name}.html").read_text(encoding="utf-8"))
        assert not [t for t, _ in found if t in ("script", "iframe", "object", "embed")], name
        assert not [(t, a) for t, a in found if any(k.startswith("on") for k in a)], name
        assert not [a for t, a in found if t == "a" and not a.get("href", "").startswith(("#", "http://", "https://", "brief-", "index.html", "evidence.html", "data/", "changelog.html"))]
        assert all(a.get("src", "").startswith("data:image/png;base64,") for t, a in found if t == "img"), name
        headings = [t for t, _ in found if t == "h1"]
        assert len(headings) == 1, name  # "# not a heading" stayed text


@pytest.mark.browser
def test_in_the_browser_no_script_runs_and_the_text_shows_as_text(hostile_reports):
    browser = Browser()
    try:
        for name in REPORTS:
            visit = browser.visit(hostile_reports / f"{name}.html", DESKTOP, then_width=PHONE,
                                  screenshot=f"hostile-{name}-phone.jpg")
            assert not visit.dialogs, (name, visit.dialogs)
            assert not visit.console, (name, visit.console)
            assert not visit.requests, (name, visit.requests)
            assert visit.facts["scripts"] == 0
            assert visit.facts["title"].endswith("· Build-up Brief") and "xss" not in visit.facts["title"]
            assert all(i["width"] > 0 for i in visit.facts["images"])
            assert visit.narrow[0] <= visit.narrow[1], (name, "layout is wider than a phone", visit.narrow)
            shown = visit.facts["text"]
            for payload in ("<script>alert('xss-1')</script>", "<img src=x onerror=alert('xss-2')>",
                            "[click me](javascript:alert('xss-3'))", "&lt;b&gt;not bold&lt;/b&gt;",
                            "مرحبا بالعالم", "🚀🇺🇦"):
                if name != "20-diplomacy" or payload not in ("[click me](javascript:alert('xss-3'))",):
                    assert payload in shown, (name, payload)
    finally:
        browser.close()


def test_a_source_url_that_is_not_http_is_refused(data_copy):
    data_copy.set_cell("sources", 3, "url", "javascript:alert(document.cookie)")
    problems = [str(p) for p in validate(data_copy.root)[2]]
    assert problems == [f'{problems[0].split(":3:")[0]}:3: url: "javascript:alert(document.cookie)" — expected an http:// or https:// address']
