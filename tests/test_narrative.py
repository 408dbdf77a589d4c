"""Prose from numbers: sentences checked word for word against values read off the data."""

from __future__ import annotations


from buildup import asof, narrative


def test_placeholder(dataset):
    view = asof.snapshot(dataset, "2021-12-31")
    assert narrative.leader_contact_sentence(view.held).startswith("The latest contact between leaders was on **30 December 2021**")
