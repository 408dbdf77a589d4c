"""Prose from numbers: sentences checked word for word on small frames built here."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from buildup import narrative
from buildup.cite import strip

CONTACT = {"contact_id": "ct-900", "date": pd.Timestamp("2021-12-30"), "end_date": pd.NaT, "format": "phone",
           "place": None, "requested_by": "Russia", "duration_min": 50, "duration_qualifier": "about",
           "start_time": dt.time(15, 35), "timezone": "America/New_York", "track": "us_russia", "level": "leaders",
           "participants": "Joe Biden; Vladimir Putin", "source_id": "src-a"}


def contacts(*changes: dict) -> pd.DataFrame:
    return pd.DataFrame([{**CONTACT, **c} for c in changes])


def test_ordinals_in_words_then_in_figures():
    assert [narrative.ordinal(n) for n in (1, 2, 10, 11)] == ["first", "second", "tenth", "11th"]


def test_a_contact_is_told_in_reading_order_with_people_joined_and_time_as_read():
    row = contacts({})[0:1].iloc[0]
    assert narrative.contact_clause(row) == ("Joe Biden and Vladimir Putin spoke by phone on 30 December 2021 for about "
                                             "50 minutes, from 3:35 pm Washington time (20:35 GMT), at the request of Russia")
    row = contacts({"place": "Geneva", "format": "in_person", "requested_by": None, "duration_min": None,
                    "start_time": None}).iloc[0]
    assert narrative.contact_clause(row, on_day=False) == "Joe Biden and Vladimir Putin met in Geneva"


def test_leader_sentence_counts_earlier_calls_that_month_and_cites_each():
    held = contacts({"contact_id": "ct-1", "date": pd.Timestamp("2021-12-07"), "format": "video", "source_id": "src-b"},
                    {"contact_id": "ct-2"})
    text = narrative.leader_contact_sentence(held)
    assert strip(text) == ("The latest contact between leaders was on **30 December 2021**: Joe Biden and Vladimir Putin "
                           "spoke by phone for about 50 minutes, from 3:35 pm Washington time (20:35 GMT), at the request of Russia. "
                           "It was their second direct contact that month, after the one of 7 December 2021.")
    assert text.count("⟦src-a⟧") == 1 and text.count("⟦src-b⟧") == 1


def test_no_leaders_and_nothing_scheduled_are_said_plainly():
    empty = contacts({}).iloc[0:0]
    assert narrative.leader_contact_sentence(empty) == "No contact between leaders had been held in the selected data."
    assert narrative.scheduled_block(empty, "2021-12-31") == "No contact announced by 31 December 2021 was still to come."


def test_sessions_on_consecutive_days_in_one_place_become_one_line():
    scheduled = contacts({"contact_id": "ct-1", "date": pd.Timestamp("2022-01-09"), "place": "Geneva", "format": "in_person",
                          "participants": "Wendy Sherman; Sergei Ryabkov"},
                         {"contact_id": "ct-2", "date": pd.Timestamp("2022-01-10"), "place": "Geneva", "format": "in_person",
                          "participants": "Wendy Sherman; Sergei Ryabkov", "source_id": "src-b"})
    assert strip(narrative.scheduled_block(scheduled, "2021-12-31")) == (
        "Announced by 31 December 2021 and still to come:\n\n"
        "- **9–10 January 2022**: US–Russia talks in Geneva, meeting in person, with Wendy Sherman and Sergei Ryabkov.")


def test_gaps_sentence_names_the_longest_quiet_stretches_and_cites_their_ends():
    held = contacts({"contact_id": "ct-1", "date": pd.Timestamp("2021-06-16"), "source_id": "s1"},
                    {"contact_id": "ct-2", "date": pd.Timestamp("2021-07-28"), "source_id": "s2"},
                    {"contact_id": "ct-3", "date": pd.Timestamp("2021-07-30"), "source_id": "s3"})
    text = narrative.gaps_sentence(held)
    assert strip(text) == ("The longest stretches without any contact in the data: 42 days between 16 June 2021 and "
                           "28 July 2021 and two days between 28 July 2021 and 30 July 2021.")
    assert text.endswith("⟦s1⟧⟦s2⟧⟦s3⟧")
    assert narrative.gaps_sentence(held.iloc[0:1]) == ""


def test_data_table_and_its_csv_hold_the_same_cells_escaped_in_html():
    frame = pd.DataFrame([{"estimate_id": "te-1", "published": pd.Timestamp("2021-04-12"), "low": 40000,
                           "estimator": "<b>Mendel</b>", "qualifier": None, "source_id": "s1"}])
    anchored: set[str] = set()
    table = narrative.data_table(frame, {"published": "published", "estimator": "estimator", "low": "low",
                                         "qualifier": "qualifier"}, "troops", anchored=anchored)
    assert table.csv == "row,published,estimator,low,qualifier\nte-1,2021-04-12,<b>Mendel</b>,40000,\n"
    assert '<tr id="te-1"><td><a href="evidence.html#te-1">te-1</a></td><td>2021-04-12</td>' in table.html
    assert "&lt;b&gt;Mendel&lt;/b&gt;" in table.html and "<b>Mendel" not in table.html
    assert '<details id="data-troops"><summary>Data behind this chart (1 row)</summary>' in table.html
    assert anchored == {"te-1"}
    again = narrative.data_table(frame, {"low": "low"}, "other", anchored=anchored)
    assert '<tr id="te-1">' not in again.html and "<tr><td>" in again.html  # an id is used once per page


def test_alt_texts_say_what_is_drawn():
    empty = pd.DataFrame(columns=["published", "low", "high", "unit", "qualifier", "estimator"])
    assert narrative.estimates_alt(empty, "2021-03-01", "2021-03-31") == (
        "Empty chart: no estimates in troops were published between 1 March 2021 and 31 March 2021.")
    held = contacts({}, {"contact_id": "ct-2", "track": "osce"}, {"contact_id": "ct-3", "track": "osce"})
    assert narrative.timeline_alt(held, held.iloc[0:1], "2021-12-01", "2021-12-31") == (
        "Timeline of three calls and meetings held from 1 December 2021 to 31 December 2021, one lane per diplomatic "
        "track, marker shape by format, with one scheduled contact drawn hollow. The busiest track is OSCE, with two contacts.")
    assert narrative.timeline_alt(held, held.iloc[0:0], "2021-12-01", "2021-12-31").endswith(
        "one lane per diplomatic track, marker shape by format. The busiest track is OSCE, with two contacts.")
    assert narrative.timeline_alt(held.iloc[0:0], held.iloc[0:0], "2021-12-01", "2021-12-31") == (
        "Timeline with no contacts between 1 December 2021 and 31 December 2021.")


def test_who_asked_is_said_in_words_grouped_by_count():
    from buildup.narrative import requests_sentence

    asked = pd.Series({"United States": 8, "Ukraine": 3, "France": 2, "Russia": 2, "Germany": 1, "European Union": 1})
    assert requests_sentence(asked) == ("The sources say who asked for 17 contacts: the United States for eight; Ukraine for three; "
                                        "France and Russia for two each; and Germany and the European Union for one each.")
    assert requests_sentence(pd.Series({"Russia": 2, "France": 1})) == "The sources say who asked for three contacts: Russia for two and France for one."
    assert requests_sentence(pd.Series({"Russia": 1})) == "The sources say who asked for one contact: Russia."
    assert requests_sentence(pd.Series(dtype=int)) == ""


def estimate(**changes) -> pd.Series:
    return pd.Series({"estimate_id": "te-900", "published": pd.Timestamp("2021-10-31"), "low": 80000, "high": 90000,
                      "qualifier": None, "unit": "troops", "scope": "border", "estimator_group": "ukraine_government",
                      "estimator": "Ukraine Defence Minister Andriy Taran", "party_to_conflict": True,
                      "source_id": "src-a", **changes})


def test_an_estimate_names_who_gave_it_then_says_in_words_that_a_party_did():
    assert strip(narrative.estimate_sentence_part(estimate())) == (
        "**80,000–90,000 troops** near Ukraine's borders, according to Ukraine Defence Minister Andriy Taran on "
        "31 October 2021, a claim by Ukraine, a party to the conflict")
    named = estimate(estimator="Oleksiy Danilov, Secretary of Ukraine's National Security and Defense Council")
    assert html.unescape(strip(narrative.estimate_sentence_part(named))).startswith(
        "**80,000–90,000 troops** near Ukraine's borders, according to Oleksiy Danilov, Secretary of Ukraine's "
        "National Security and Defense Council, on 31 October 2021")
    outsider = estimate(estimator_group="us_government", party_to_conflict=False, estimator="Senior US defense official (Pentagon)")
    assert strip(narrative.estimate_sentence_part(outsider)) == (
        "**80,000–90,000 troops** near Ukraine's borders, according to a senior US defense official \\(Pentagon\\) on 31 October 2021")
