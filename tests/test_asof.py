"""As-of semantics: a brief sees what was published by its date, and nothing after it."""

from __future__ import annotations

import pandas as pd

from buildup import asof


def test_estimates_published_after_as_of_are_hidden(dataset):
    seen = asof.estimates_published(dataset.troop_estimates, "2021-12-31")
    assert seen["published"].max() <= pd.Timestamp("2021-12-31")
    assert len(seen) < len(dataset.troop_estimates)


def test_contact_held_on_as_of_counts_as_held(dataset):
    held = asof.contacts_held(dataset.contacts, "2021-12-30")
    assert (held["date"] == pd.Timestamp("2021-12-30")).any()


def test_contact_announced_before_and_held_after_is_scheduled(dataset):
    scheduled = asof.contacts_scheduled(dataset.contacts, "2021-12-31")
    assert set(scheduled["date"].dt.strftime("%Y-%m-%d")) >= {"2022-01-09", "2022-01-10", "2022-01-12", "2022-01-13"}
    assert (scheduled["announced"] <= pd.Timestamp("2021-12-31")).all()


def test_contact_not_yet_announced_is_not_scheduled(dataset):
    scheduled = asof.contacts_scheduled(dataset.contacts, "2021-12-26")
    assert "2022-01-10" not in set(scheduled["date"].dt.strftime("%Y-%m-%d"))


def test_cancelled_contact_is_scheduled_until_its_cancellation_is_known(dataset):
    before = asof.contacts_scheduled(dataset.contacts, "2022-02-21")
    after = asof.contacts_scheduled(dataset.contacts, "2022-02-22")
    cancelled = dataset.contacts[dataset.contacts["status"] == "cancelled"].iloc[0]
    assert cancelled["contact_id"] in set(before["contact_id"])
    assert cancelled["contact_id"] not in set(after["contact_id"])
    assert cancelled["contact_id"] in set(asof.contacts_cancelled(dataset.contacts, "2022-02-22")["contact_id"])


def test_restrict_keeps_only_what_is_new_since(dataset):
    view = asof.snapshot(dataset, "2021-12-31")
    new = asof.restrict(view, "2021-12-24")
    assert (new.estimates["published"] >= pd.Timestamp("2021-12-24")).all()
    assert len(new.held) == 1 and new.held.iloc[0]["date"] == pd.Timestamp("2021-12-30")
