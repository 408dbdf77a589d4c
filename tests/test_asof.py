"""As-of semantics: a row counts from the day its source was published, and nothing after it.

Expected ids and dates are read off data/*.csv by hand (see the comment on each test).
"""

from __future__ import annotations

import pandas as pd

from buildup import asof


def _ids(frame: pd.DataFrame, column: str) -> set[str]:
    return set(frame[column])


def test_estimates_published_after_as_of_are_hidden(dataset):
    seen = asof.estimates_published(dataset.troop_estimates, dataset.sources, "2021-04-15")
    # te-010 (30 March 2021), te-001 (12 April), te-002 and te-004 (15 April); te-003 appeared on 19 April.
    assert _ids(seen, "estimate_id") == {"te-010", "te-001", "te-002", "te-004"}


def test_contact_counts_as_held_from_the_day_it_was_first_reported(dataset):
    # ct-027: Plötner–Kozak call of 23 December 2021, first reported on 29 December (telesur-english-2021-12-29).
    assert "ct-027" not in _ids(asof.contacts_held(dataset.contacts, dataset.sources, "2021-12-28"), "contact_id")
    held = asof.contacts_held(dataset.contacts, dataset.sources, "2021-12-29")
    assert held.set_index("contact_id").loc["ct-027", "known"] == pd.Timestamp("2021-12-29")


def test_contact_reported_on_the_day_counts_as_held_that_day(dataset):
    # ct-024: the Biden–Putin video call of 7 December 2021, reported by Metro the same day.
    assert "ct-024" in _ids(asof.contacts_held(dataset.contacts, dataset.sources, "2021-12-07"), "contact_id")


def test_contact_announced_before_and_held_after_is_scheduled_and_cited_by_its_announcement(dataset):
    scheduled = asof.contacts_scheduled(dataset.contacts, dataset.sources, "2021-12-31")
    assert _ids(scheduled, "contact_id") == {"ct-031", "ct-032", "ct-033", "ct-034"}
    # ct-032..034 were announced on 27 December in cna-2021-12-28 (published 28 December); ct-031 by EFE/AP on 31 December.
    assert dict(zip(scheduled["contact_id"], scheduled["source_id"])) == {
        "ct-031": "efe-and-ap-2021-12-31", "ct-032": "cna-2021-12-28", "ct-033": "cna-2021-12-28", "ct-034": "cna-2021-12-28"}
    assert set(scheduled["status"]) == {"scheduled"}
    assert scheduled[["duration_min", "start_time", "requested_by", "claim"]].isna().all().all()


def test_announcement_counts_from_its_source_not_from_the_day_it_names(dataset):
    # cna-2021-12-28 reports on 28 December an announcement of 27 December.
    assert not _ids(asof.contacts_scheduled(dataset.contacts, dataset.sources, "2021-12-27"), "contact_id") & {"ct-032", "ct-033", "ct-034"}
    assert {"ct-032", "ct-033", "ct-034"} <= _ids(asof.contacts_scheduled(dataset.contacts, dataset.sources, "2021-12-28"), "contact_id")


def test_contact_not_yet_announced_is_not_scheduled(dataset):
    scheduled = asof.contacts_scheduled(dataset.contacts, dataset.sources, "2021-12-26")
    assert "ct-032" not in _ids(scheduled, "contact_id")


def test_cancelled_contact_is_scheduled_until_its_cancellation_is_known(dataset):
    # ct-076: Blinken–Lavrov meeting set for 24 February 2022, announced 17 February, called off on 22 February.
    assert "ct-076" in _ids(asof.contacts_scheduled(dataset.contacts, dataset.sources, "2022-02-21"), "contact_id")
    assert "ct-076" not in _ids(asof.contacts_scheduled(dataset.contacts, dataset.sources, "2022-02-22"), "contact_id")
    assert "ct-076" in _ids(asof.contacts_cancelled(dataset.contacts, dataset.sources, "2022-02-22"), "contact_id")


def test_end_date_after_as_of_is_not_shown(dataset):
    # ev-016: Union Resolve 2022, 10 to 20 February 2022.
    events = asof.events_until(dataset.events, dataset.sources, "2022-02-12").set_index("event_id")
    assert pd.isna(events.loc["ev-016", "end_date"])
    events = asof.events_until(dataset.events, dataset.sources, "2022-02-20").set_index("event_id")
    assert events.loc["ev-016", "end_date"] == pd.Timestamp("2022-02-20")


def test_snapshot_lists_only_sources_published_by_as_of(dataset):
    view = asof.snapshot(dataset, "2021-04-12")
    assert view.sources["published"].max() == pd.Timestamp("2021-04-12")


def test_restrict_keeps_what_became_known_since(dataset):
    view = asof.snapshot(dataset, "2021-12-31")
    new = asof.restrict(view, "2021-12-24")
    # ct-027 was held on 23 December, before `since`, but first reported on 29 December: it is news.
    assert _ids(new.held, "contact_id") == {"ct-027", "ct-028"}
    assert _ids(new.scheduled, "contact_id") == {"ct-031", "ct-032", "ct-033", "ct-034"}
