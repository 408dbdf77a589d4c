"""Every fact of the 31 December 2021 wire report (../shared/sources) is in the data."""

from __future__ import annotations

import datetime as dt

import pandas as pd


def _contacts_on(dataset, day: str) -> pd.DataFrame:
    return dataset.contacts[dataset.contacts["date"] == pd.Timestamp(day)]


def test_the_30_december_call_with_start_time_length_and_requester(dataset):
    call = _contacts_on(dataset, "2021-12-30")
    call = call[call["participants"].str.contains("Biden") & call["participants"].str.contains("Putin")]
    assert len(call) == 1
    row = call.iloc[0]
    assert row["format"] == "phone"
    assert row["start_time"] == dt.time(15, 35) and row["timezone"] == "America/New_York"
    assert row["duration_min"] == 50 and row["duration_qualifier"] == "about"
    assert row["requested_by"] == "Russia"


def test_the_7_december_call(dataset):
    call = _contacts_on(dataset, "2021-12-07")
    assert ((call["level"] == "leaders") & call["participants"].str.contains("Putin")
            & call["participants"].str.contains("Biden")).any()


def test_the_geneva_summit_of_16_june_2021(dataset):
    summit = _contacts_on(dataset, "2021-06-16")
    assert ((summit["place"] == "Geneva") & (summit["format"] == "in_person")).any()


def test_more_than_100000_troops_on_31_december(dataset):
    estimates = dataset.troop_estimates
    hit = estimates[(estimates["published"] == pd.Timestamp("2021-12-31")) & (estimates["low"] == 100000)
                    & (estimates["qualifier"] == "more than") & (estimates["unit"] == "troops")]
    assert len(hit) >= 1


def test_the_january_talks_are_scheduled_by_31_december_with_their_places(dataset):
    contacts = dataset.contacts
    known = contacts[contacts["announced"] <= pd.Timestamp("2021-12-31")]
    expected = {("2022-01-09", "us_russia", "Geneva"), ("2022-01-10", "us_russia", "Geneva"),
                ("2022-01-12", "nato_russia", "Brussels"), ("2022-01-13", "osce", "Vienna")}
    found = {(f"{r.date:%Y-%m-%d}", r.track, r.place) for r in known.itertuples()}
    assert expected <= found


def test_crimea_2014_is_a_context_event(dataset):
    events = dataset.events
    crimea = events[events["title"].str.contains("Crimea") & (events["date"].dt.year == 2014)]
    assert len(crimea) == 1 and bool(crimea.iloc[0]["context"])
