"""The named formatters and the escaping of text from the data."""

from __future__ import annotations

import datetime as dt

import pytest

from buildup import fmt


def test_thousands_uses_separators():
    assert fmt.thousands(169000) == "169,000"


@pytest.mark.parametrize(("low", "high", "qualifier", "expected"), [
    (100000, 100000, "more than", "more than 100,000"),
    (169000, 190000, None, "169,000–190,000"),
    (94300, 94300, "", "94,300"),
])
def test_figure_keeps_the_source_wording(low, high, qualifier, expected):
    assert fmt.figure(low, high, qualifier) == expected


def test_estimate_text_names_the_unit():
    row = {"low": 83, "high": 83, "qualifier": None, "unit": "battalion tactical groups"}
    assert fmt.estimate_text(row) == "83 battalion tactical groups"


@pytest.mark.parametrize(("first", "last", "expected"), [
    ("2022-01-09", "2022-01-10", "9–10 January 2022"),
    ("2022-01-30", "2022-02-02", "30 January – 2 February 2022"),
    ("2021-12-30", "2022-01-02", "30 December 2021 – 2 January 2022"),
    ("2021-12-30", None, "30 December 2021"),
])
def test_day_span(first, last, expected):
    assert fmt.day_span(first, last) == expected


def test_duration_and_clock():
    assert fmt.duration(50, "about") == "about 50 minutes"
    assert fmt.duration(480, "more than") == "more than 8 hours"
    assert fmt.clock(dt.time(15, 35), "America/New_York") == "15:35 (America/New_York)"


def test_listing_joins_with_and():
    assert fmt.listing(["a", "b", "c"]) == "a, b and c"
    assert fmt.listing(["a"]) == "a"


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](http://example.com/x.png)",
])
def test_md_escape_leaves_no_markup(hostile):
    escaped = fmt.md_escape(hostile)
    assert "<" not in escaped and ">" not in escaped
    assert "](" not in escaped


def test_link_refuses_non_http_urls():
    assert fmt.link("title", "javascript:alert(1)") == "title"
    assert fmt.link("a (b)", "https://example.com/a(b)") == r"[a \(b\)](https://example.com/a%28b%29)"
