"""As-of views: what a reader could have known on a given date, and nothing after it.

Estimates count from the day they were published; contacts from the day they were held (or,
as "scheduled", from the day they were announced until they were held or cancelled); events
from the day they happened.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from .data import Dataset


def _ts(day: date | str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day)


def estimates_published(estimates: pd.DataFrame, as_of, start=None) -> pd.DataFrame:
    """Estimates published on or before as_of (and on or after start, when given)."""
    keep = estimates["published"] <= _ts(as_of)
    if start is not None:
        keep &= estimates["published"] >= _ts(start)
    return estimates[keep].sort_values(["published", "estimate_id"])


def contacts_held(contacts: pd.DataFrame, as_of, start=None) -> pd.DataFrame:
    """Contacts held on or before as_of (and on or after start, when given)."""
    keep = (contacts["status"] == "held") & (contacts["date"] <= _ts(as_of))
    if start is not None:
        keep &= contacts["date"] >= _ts(start)
    return contacts[keep].sort_values(["date", "contact_id"])


def contacts_scheduled(contacts: pd.DataFrame, as_of) -> pd.DataFrame:
    """Contacts announced by as_of and due after it, unless their cancellation was known by then."""
    as_of = _ts(as_of)
    announced = contacts["announced"].notna() & (contacts["announced"] <= as_of)
    ahead = contacts["date"] > as_of
    cancelled_by_then = (contacts["status"] == "cancelled") & (contacts["cancelled_on"] <= as_of)
    return contacts[announced & ahead & ~cancelled_by_then].sort_values(["date", "contact_id"])


def contacts_cancelled(contacts: pd.DataFrame, as_of, start=None) -> pd.DataFrame:
    """Contacts whose cancellation had been reported by as_of (since start, when given)."""
    keep = (contacts["status"] == "cancelled") & (contacts["cancelled_on"] <= _ts(as_of))
    if start is not None:
        keep &= contacts["cancelled_on"] >= _ts(start)
    return contacts[keep].sort_values(["cancelled_on", "contact_id"])


def events_until(events: pd.DataFrame, as_of, start=None) -> pd.DataFrame:
    """Events that had happened (begun) by as_of (and on or after start, when given)."""
    keep = events["date"] <= _ts(as_of)
    if start is not None:
        keep &= events["date"] >= _ts(start)
    return events[keep].sort_values(["date", "event_id"])


@dataclass(frozen=True)
class Snapshot:
    """The dataset as it stood on one date: known estimates, held and scheduled contacts, events."""

    as_of: pd.Timestamp
    estimates: pd.DataFrame
    held: pd.DataFrame
    scheduled: pd.DataFrame
    cancelled: pd.DataFrame
    events: pd.DataFrame
    sources: pd.DataFrame


def snapshot(dataset: Dataset, as_of) -> Snapshot:
    """Everything a reader could have known on as_of."""
    return Snapshot(
        as_of=_ts(as_of),
        estimates=estimates_published(dataset.troop_estimates, as_of),
        held=contacts_held(dataset.contacts, as_of),
        scheduled=contacts_scheduled(dataset.contacts, as_of),
        cancelled=contacts_cancelled(dataset.contacts, as_of),
        events=events_until(dataset.events, as_of),
        sources=dataset.sources,
    )


def restrict(view: Snapshot, start) -> Snapshot:
    """The part of a snapshot that is new since start (inclusive)."""
    start = _ts(start)
    return replace(
        view,
        estimates=view.estimates[view.estimates["published"] >= start],
        held=view.held[view.held["date"] >= start],
        scheduled=view.scheduled[view.scheduled["announced"] >= start],
        cancelled=view.cancelled[view.cancelled["cancelled_on"] >= start],
        events=view.events[view.events["date"] >= start],
    )
