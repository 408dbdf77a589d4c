"""The dataset covers what the provenance release asks for: enough estimates, contacts and events, everywhere."""

from __future__ import annotations

import dataclasses

from buildup.coverage import citations_by_kind, coverage


def test_at_least_80_estimates_and_25_of_them_from_february_2022_from_4_groups(dataset):
    figures = coverage(dataset)
    assert figures["troop_estimates"] >= 80
    assert figures["estimator_groups"] >= 4
    february = dataset.troop_estimates[dataset.troop_estimates["published"].between("2022-02-01", "2022-02-24")]
    assert len(february) >= 25 and february["estimator_group"].nunique() >= 4


def test_estimates_span_every_phase_of_the_build_up(dataset):
    months = set(dataset.troop_estimates["published"].dt.strftime("%Y-%m"))
    for phase in (("2021-03", "2021-04", "2021-05"), ("2021-10", "2021-11"), ("2021-12",), ("2022-01",), ("2022-02",)):
        assert months & set(phase), phase


def test_at_least_120_contacts_on_7_tracks_in_all_formats(dataset):
    figures = coverage(dataset)
    assert figures["contacts"] >= 120
    assert figures["tracks"] >= 7
    assert set(figures["contacts_by_format"]) == {"phone", "video", "in_person"}


def test_at_least_35_events_with_context_from_2014(dataset):
    assert len(dataset.events) >= 35
    assert dataset.events["date"].min().year == 2014


def test_leaders_contacts_are_counted_by_the_kind_of_record_they_cite(dataset):
    # ct-012 (Putin–Merkel, 20 August 2021) cites the Kremlin's transcript; ct-028 (Biden–Putin,
    # 30 December 2021) the EFE/AP copy in shared/sources; ct-001 is not between leaders.
    picked = dataset.contacts[dataset.contacts["contact_id"].isin(["ct-012", "ct-028", "ct-001"])].copy()
    picked.loc[picked["contact_id"] == "ct-001", "level"] = "ministers"
    figures = coverage(dataclasses.replace(dataset, contacts=picked))
    assert figures["leaders_contacts_by_kind"] == {"official_record": 1, "syndicated_copy": 1}


def test_three_rows_in_four_cite_an_official_record_or_original_report_and_at_most_one_in_five_a_copy(dataset):
    by_kind = citations_by_kind(dataset)
    rows = by_kind.sum()
    assert rows == len(dataset.troop_estimates) + len(dataset.contacts) + len(dataset.events)
    assert by_kind.get("official_record", 0) + by_kind.get("original_report", 0) >= 0.75 * rows
    assert by_kind.get("syndicated_copy", 0) <= 0.20 * rows
