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
    # ct-027: Plötner–Kozak call of 23 December 2021, first reported on 24 December (teller-report-2021-12-24).
    assert "ct-027" not in _ids(asof.contacts_held(dataset.contacts, dataset.sources, "2021-12-23"), "contact_id")
    held = asof.contacts_held(dataset.contacts, dataset.sources, "2021-12-24")
    assert held.set_index("contact_id").loc["ct-027", "known"] == pd.Timestamp("2021-12-24")


def test_contact_reported_on_the_day_counts_as_held_that_day(dataset):
    # ct-024: the Biden–Putin video call of 7 December 2021, reported by Metro the same day.
    assert "ct-024" in _ids(asof.contacts_held(dataset.contacts, dataset.sources, "2021-12-07"), "contact_id")


def test_contact_announced_before_and_held_after_is_scheduled_and_cited_by_its_announcement(dataset):
    scheduled = asof.contacts_scheduled(dataset.contacts, dataset.sources, "2021-12-31")
    assert _ids(scheduled, "contact_id") == {"ct-031", "ct-032", "ct-033", "ct-034"}
    # The wire report of 31 December announces the talks of 9-10 and 13 January; Lokmat Times (ANI) the NATO-Russia
    # Council of 12 January, on 28 December.
    assert dict(zip(scheduled["contact_id"], scheduled["source_id"])) == {
        "ct-031": "efe-and-ap-2021-12-31", "ct-032": "efe-and-ap-2021-12-31", "ct-033": "lokmattimes-2021-12-28",
        "ct-034": "efe-and-ap-2021-12-31"}
    assert set(scheduled["status"]) == {"scheduled"}
    assert scheduled[["duration_min", "start_time", "requested_by", "claim"]].isna().all().all()


def test_announcement_counts_from_its_source_not_from_the_day_it_names(dataset):
    # ct-076 (Blinken-Lavrov, due 24 February 2022) was announced on 17 February in a Reuters report of 18 February.
    assert "ct-076" not in _ids(asof.contacts_scheduled(dataset.contacts, dataset.sources, "2022-02-17"), "contact_id")
    assert "ct-076" in _ids(asof.contacts_scheduled(dataset.contacts, dataset.sources, "2022-02-18"), "contact_id")


def test_contact_not_yet_announced_is_not_scheduled(dataset):
    scheduled = asof.contacts_scheduled(dataset.contacts, dataset.sources, "2021-12-26")
    assert "ct-032" not in _ids(scheduled, "contact_id")


def test_cancelled_contact_is_scheduled_until_its_cancellation_is_known(dataset):
    # ct-076: Blinken–Lavrov meeting set for 24 February 2022, announced 17 February, called off on 22 February.
    assert "ct-076" in _ids(asof.contacts_scheduled(dataset.contacts, dataset.sources, "2022-02-21"), "contact_id")
    assert "ct-076" not in _ids(asof.contacts_scheduled(dataset.contacts, dataset.sources, "2022-02-22"), "contact_id")
    assert "ct-076" in _ids(asof.contacts_cancelled(dataset.contacts, dataset.sources, "2022-02-22"), "contact_id")


def test_end_date_after_as_of_is_not_shown(dataset):
    # ev-012: Zapad-2021, 10 to 16 September 2021.
    events = asof.events_until(dataset.events, dataset.sources, "2021-09-12").set_index("event_id")
    assert pd.isna(events.loc["ev-012", "end_date"])
    events = asof.events_until(dataset.events, dataset.sources, "2021-09-16").set_index("event_id")
    assert events.loc["ev-012", "end_date"] == pd.Timestamp("2021-09-16")


def test_snapshot_lists_only_sources_published_by_as_of(dataset):
    view = asof.snapshot(dataset, "2021-04-12")
    assert view.sources["published"].max() == pd.Timestamp("2021-04-12")


def test_restrict_keeps_what_became_known_since(dataset):
    view = asof.snapshot(dataset, "2021-12-31")
    new = asof.restrict(view, "2021-12-24")
    # ct-027 was held on 23 December, before `since`, but first reported on 24 December: it is news.
    assert _ids(new.held, "contact_id") == {"ct-027", "ct-028"}
    assert _ids(new.scheduled, "contact_id") == {"ct-031", "ct-032", "ct-033", "ct-034"}


def test_a_contact_due_on_as_of_and_not_yet_reported_is_still_scheduled(dataset):
    # ct-028: the call of 30 December 2021, announced on 29 December, first reported on 31 December.
    scheduled = asof.contacts_scheduled(dataset.contacts, dataset.sources, "2021-12-30")
    assert "ct-028" in _ids(scheduled, "contact_id")
    assert list(scheduled["status"].cat.categories) == ["held", "cancelled", "scheduled"]
    assert scheduled.index.equals(scheduled.set_index("contact_id", drop=False).index)


def test_restrict_drops_announcements_made_before_since(dataset):
    view = asof.snapshot(dataset, "2022-01-08")
    # All four talks of 9-13 January were announced by 31 December: none is news after 1 January.
    assert _ids(view.scheduled, "contact_id") >= {"ct-031", "ct-032", "ct-033", "ct-034"}
    new = asof.restrict(view, "2022-01-01")
    assert not _ids(new.scheduled, "contact_id") & {"ct-031", "ct-032", "ct-033", "ct-034"}
    assert (new.cancelled["known"] >= pd.Timestamp("2022-01-01")).all()


def test_start_filters_cancellations_by_their_day_and_events_by_theirs(dataset):
    cancelled = asof.contacts_cancelled(dataset.contacts, dataset.sources, "2022-02-24", start="2022-02-23")
    assert _ids(cancelled, "contact_id") == set()  # ct-076 was called off on 22 February
    cancelled = asof.contacts_cancelled(dataset.contacts, dataset.sources, "2022-02-24", start="2022-02-22")
    assert _ids(cancelled, "contact_id") == {"ct-076"}
    events = asof.events_until(dataset.events, dataset.sources, "2021-04-22", start="2021-04-20")
    assert _ids(events, "event_id") == {"ev-007", "ev-009"}  # ev-008 of 22 April was first reported on 23 April
    held = asof.contacts_held(dataset.contacts, dataset.sources, "2021-09-12")
    assert held["end_date"].isna().all() or (held["end_date"] <= pd.Timestamp("2021-09-12")).all()
