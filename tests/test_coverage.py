"""The dataset covers what issue 2 asks for: enough estimates, contacts and events, everywhere."""

from __future__ import annotations

from buildup.coverage import coverage


def test_at_least_40_estimates_from_5_groups(dataset):
    figures = coverage(dataset)
    assert figures["troop_estimates"] >= 40
    assert figures["estimator_groups"] >= 5


def test_estimates_span_every_phase_of_the_build_up(dataset):
    months = set(dataset.troop_estimates["published"].dt.strftime("%Y-%m"))
    for phase in (("2021-03", "2021-04", "2021-05"), ("2021-10", "2021-11"), ("2021-12",), ("2022-01",), ("2022-02",)):
        assert months & set(phase), phase


def test_at_least_60_contacts_on_7_tracks_in_all_formats(dataset):
    figures = coverage(dataset)
    assert figures["contacts"] >= 60
    assert figures["tracks"] >= 7
    assert set(figures["contacts_by_format"]) == {"phone", "video", "in_person"}


def test_at_least_15_events_with_context_from_2014(dataset):
    assert len(dataset.events) >= 15
    assert dataset.events["date"].min().year == 2014
