"""Pure analysis functions, on small frames made here and on the real data."""

from __future__ import annotations

import pandas as pd

from buildup import analysis, asof


def estimates(rows):
    frame = pd.DataFrame(rows, columns=["estimate_id", "published", "low", "high", "qualifier", "unit", "scope",
                                        "estimator_group", "estimator", "party_to_conflict"])
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


SAMPLE = estimates([
    ("te-001", "2021-04-01", 40000, 40000, "more than", "troops", "border", "ukraine_government", "A", True),
    ("te-002", "2021-12-01", 90000, 90000, None, "troops", "border", "us_government", "B", False),
    ("te-003", "2022-02-18", 169000, 190000, None, "troops", "with_separatists", "us_government", "C", False),
    ("te-004", "2022-02-18", 30000, 30000, "about", "troops", "belarus", "us_government", "D", False),
    ("te-005", "2022-02-10", 149000, 149000, None, "troops", "border", "ukraine_government", "E", True),
])


def test_troop_totals_leave_out_belarus_only_figures():
    assert "te-004" not in set(analysis.troop_totals(SAMPLE)["estimate_id"])


def test_latest_per_group_takes_each_groups_newest():
    latest = analysis.latest_per_group(analysis.troop_totals(SAMPLE))
    assert set(latest["estimate_id"]) == {"te-003", "te-005"}


def test_disagreement_measures_lowest_to_highest():
    gap = analysis.disagreement(analysis.latest_per_group(analysis.troop_totals(SAMPLE)))
    assert gap.gap == 190000 - 149000


def test_change_compares_first_and_last_upper_figures():
    moved = analysis.change(analysis.troop_totals(SAMPLE))
    assert moved.first["estimate_id"] == "te-001" and moved.last["estimate_id"] == "te-003"
    assert moved.difference == 150000


def test_change_needs_two_dates():
    assert analysis.change(SAMPLE.iloc[:1]) is None


def test_longest_gaps_are_the_quiet_summer_of_2021_longest_first(dataset):
    # Read off contacts.csv: ct-010 24 May, ct-011 16 June, ct-084 28 July, ct-012 20 August 2021.
    gaps = analysis.longest_gaps(dataset.contacts, n=3)
    assert [(g.days, f"{g.after:%Y-%m-%d}", f"{g.before:%Y-%m-%d}") for g in gaps] == [
        (42, "2021-06-16", "2021-07-28"), (23, "2021-05-24", "2021-06-16"), (23, "2021-07-28", "2021-08-20")]


def test_a_gap_is_counted_between_days_with_a_contact_not_rows():
    contacts = pd.DataFrame({"date": pd.to_datetime(["2022-01-01", "2022-01-01", "2022-01-02", "2022-01-12"])})
    gaps = analysis.longest_gaps(contacts, n=5)
    assert [(g.days, f"{g.after:%d}", f"{g.before:%d}") for g in gaps] == [(10, "02", "12")]


def test_weekly_cadence_sums_to_the_number_of_contacts(dataset):
    held = asof.contacts_held(dataset.contacts, dataset.sources, "2022-02-24")
    weekly = analysis.weekly_cadence(held, "2021-03-01", "2022-02-24")
    assert int(weekly.to_numpy().sum()) == len(held)
    assert weekly.index.min() <= pd.Timestamp("2021-03-01")


def test_group_sessions_joins_consecutive_days_in_one_place(dataset):
    scheduled = asof.contacts_scheduled(dataset.contacts, dataset.sources, "2021-12-31")
    sessions = analysis.group_sessions(scheduled)
    first = sessions[0]
    assert (first.first, first.last, first.place) == (pd.Timestamp("2022-01-09"), pd.Timestamp("2022-01-10"), "Geneva")
    assert len(sessions) == 3


def test_earlier_same_month_finds_the_7_december_call(dataset):
    held = asof.contacts_held(dataset.contacts, dataset.sources, "2021-12-31")
    call = analysis.leader_contacts(held, 1).iloc[0]
    earlier = analysis.earlier_same_month(held, call)
    assert list(earlier["date"].dt.strftime("%Y-%m-%d")) == ["2021-12-07"]


def test_sources_used_follows_both_source_columns(dataset):
    scheduled = asof.contacts_scheduled(dataset.contacts, dataset.sources, "2021-12-31")
    used = analysis.sources_used(dataset.sources, scheduled)
    assert set(scheduled["announced_source_id"].dropna()) <= set(used["source_id"])
