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
    assert fmt.clock(dt.time(15, 35), "America/New_York", dt.date(2021, 12, 30)) == "3:35 pm Washington time (20:35 GMT)"


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


# --- each formatter's edges, word for word ------------------------------------------------------


def test_short_labels_fall_back_to_the_long_label():
    assert fmt.short_label("ukraine_government") == "Ukraine"
    assert fmt.short_label("us_russia") == fmt.label("us_russia") == "US–Russia"
    assert fmt.short_label("some_new_code") == "some new code"


def test_party_takes_the_article_only_where_a_reader_would():
    assert fmt.party("United States") == "the United States"
    assert fmt.party("European Union") == "the European Union"
    assert fmt.party("Russia") == "Russia"
    assert fmt.party("Ukraine (United States)") == "Ukraine (United States)"


@pytest.mark.parametrize(("row", "expected"), [
    ({"low": 1, "high": 1, "qualifier": None, "unit": "battalion tactical groups"}, "1 battalion tactical group"),
    ({"low": 1, "high": 2, "qualifier": None, "unit": "troops"}, "1–2 troops"),
    ({"low": 175000, "high": 175000, "qualifier": "up to", "unit": "troops"}, "up to 175,000 troops"),
    ({"low": 2, "high": 2, "qualifier": float("nan"), "unit": "troops"}, "2 troops"),
])
def test_estimate_text_for_one_a_range_and_a_qualifier(row, expected):
    assert fmt.estimate_text(row) == expected


def test_estimate_text_reads_namedtuples_too():
    from collections import namedtuple

    Row = namedtuple("Row", "low high qualifier unit")
    assert fmt.estimate_text(Row(50, 50, "more than", "battalion tactical groups")) == "more than 50 battalion tactical groups"


@pytest.mark.parametrize(("value", "zone", "expected"), [
    (dt.time(15, 35), "America/New_York", "3:35 pm Washington time"),
    (dt.time(0, 5), "Europe/Moscow", "12:05 am Moscow time"),
    (dt.time(9, 5), None, "09:05"),
    (dt.time(9, 5), float("nan"), "09:05"),
    (None, "Europe/Moscow", ""),
    (float("nan"), None, ""),
])
def test_clock(value, zone, expected):
    assert fmt.clock(value, zone) == expected


def test_clock_gives_gmt_by_the_day_so_summer_time_counts():
    # Washington is GMT-5 in winter and GMT-4 in summer; Moscow GMT+3 all year.
    assert fmt.clock(dt.time(11, 4), "America/New_York", "2022-02-12") == "11:04 am Washington time (16:04 GMT)"
    assert fmt.clock(dt.time(11, 4), "America/New_York", "2021-06-16") == "11:04 am Washington time (15:04 GMT)"
    assert fmt.clock(dt.time(13, 0), "Europe/Moscow", "2022-02-01") == "1:00 pm Moscow time (10:00 GMT)"


def test_people_joins_the_data_list_as_a_reader_writes_it():
    assert fmt.people("Joe Biden; Vladimir Putin") == "Joe Biden and Vladimir Putin"
    assert fmt.people("Emmanuel Macron; Olaf Scholz; Vladimir Putin") == "Emmanuel Macron, Olaf Scholz and Vladimir Putin"
    assert fmt.people("Jens Stoltenberg") == "Jens Stoltenberg"


@pytest.mark.parametrize(("minutes", "qualifier", "expected"), [
    (50, "about", "about 50 minutes"), (60, None, "an hour"), (120, None, "2 hours"), (480, "about", "about 8 hours"),
    (90, None, "90 minutes"), (150, "more than", "more than 150 minutes"), (None, "about", ""), (float("nan"), None, ""),
    (119, float("nan"), "119 minutes"),
])
def test_duration(minutes, qualifier, expected):
    assert fmt.duration(minutes, qualifier) == expected


def test_day_span_across_months_and_years():
    assert fmt.day_span("2021-12-30", "2022-01-02") == "30 December 2021 – 2 January 2022"
    assert fmt.day_span("2022-01-30", "2022-02-02") == "30 January – 2 February 2022"
    assert fmt.day_span(dt.datetime(2022, 1, 9, 18), None) == "9 January 2022"
    assert fmt.short_day(dt.date(2021, 12, 30)) == "30 Dec 2021"


def test_listing_and_count():
    assert fmt.listing([]) == "" and fmt.listing(["a"]) == "a" and fmt.listing(["a", "", "b"]) == "a and b"
    assert fmt.listing(["a", "b", "c"], "or") == "a, b or c"
    assert fmt.count(1, "call or meeting", "calls and meetings") == "1 call or meeting"
    assert fmt.count(1200, "estimate") == "1,200 estimates"


def test_counts_in_prose_are_words_under_ten():
    assert fmt.count_words(0, "call or meeting", "calls and meetings") == "no calls or meetings"
    assert fmt.count_words(1, "call or meeting", "calls and meetings") == "one call or meeting"
    assert fmt.count_words(9, "contact") == "nine contacts"
    assert fmt.count_words(10, "contact") == "10 contacts"
    assert fmt.count_words(1200, "estimate") == "1,200 estimates"
    assert fmt.lower_initial("Timeline of 41 calls") == "timeline of 41 calls"


def test_initial_capital_changes_only_the_first_letter():
    assert fmt.initial_capital("independent analysts and media") == "Independent analysts and media"
    assert fmt.initial_capital("") == ""


def test_md_escape_flattens_lines_and_escapes_quotes_and_empties():
    assert fmt.md_escape("a\r\nb") == "a  b"
    assert fmt.md_escape('say "hi"') == "say &quot;hi&quot;"
    assert fmt.md_escape(None) == "" and fmt.md_escape(float("nan")) == "" and fmt.md_escape(0) == "0"
    assert fmt.md_escape("") == ""


def test_safe_url_keeps_query_characters_and_quotes_spaces():
    assert fmt.safe_url("https://example.org/a b?x=1&y=2#top") == "https://example.org/a%20b?x=1&y=2#top"
    assert fmt.safe_url("javascript:alert(1)") == "" and fmt.safe_url(None) == ""


def test_days_are_listed_once_each_and_grouped_by_month():
    assert fmt.days(["2022-02-20", "2022-02-03", "2022-02-20", "2022-02-07"]) == "3, 7 and 20 February 2022"
    assert fmt.days(["2021-12-30", "2022-01-04"]) == "30 December 2021 and 4 January 2022"
    assert fmt.days(["2021-12-07"]) == "7 December 2021"


@pytest.mark.parametrize(("estimator", "subject"), [
    ("Senior US defense official (Pentagon)", "a senior US defense official (Pentagon)"),
    ("US official (anonymous, per AP)", "a US official (anonymous, per AP)"),
    ("Ukrainian military intelligence report (shared with CNN)", "a Ukrainian military intelligence report (shared with CNN)"),
    ("Office of the EU High Representative Josep Borrell (corrected transcript)",
     "the Office of the EU High Representative Josep Borrell (corrected transcript)"),
    ("UK Defence Secretary Ben Wallace", "UK Defence Secretary Ben Wallace"),
    ("US officials (as reported by The Wall Street Journal)", "US officials (as reported by The Wall Street Journal)"),
    ("EFE and AP (wire report)", "EFE and AP (wire report)"),
    ("Senior US Defense Department officials (reported by The New York Times)",
     "senior US Defense Department officials (reported by The New York Times)"),
])
def test_an_estimator_is_named_as_a_sentence_names_it(estimator, subject):
    assert fmt.as_subject(estimator) == subject
