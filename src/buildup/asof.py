"""As-of views: what a reader could have known on a given date, and nothing after it.

The one rule of "known by", used by every report:

- a row is known from the publication date of its source, and never before its own date (an
  estimate's `published`, a contact's `date` or, for a cancellation, `cancelled_on`, an
  event's `date`): a call held on 30 December and first reported on 31 December is known from
  31 December;
- a source is citable from its publication date;
- a contact is "scheduled" from the day its announcement was published (the later of
  `announced` and the publication of `announced_source_id`) until it is known to have been
  held or cancelled, provided it is due on or after that day; while scheduled it is cited by
  the announcement's source, and shows only what an announcement can say (no length, start
  time or requester). A contact with no announcement source is never scheduled.

`known_from` computes the day each row became known; everything else here filters on it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from .data import Dataset

# The day a row of each table happened, which its source can only confirm later, never sooner.
OWN_DATE = {"troop_estimates": "published", "events": "date"}
# What an announcement cannot tell: these come from reports of the contact itself.
AFTER_THE_FACT = ("start_time", "timezone", "duration_min", "duration_qualifier", "requested_by", "claim", "cancelled_on")


def _ts(day: date | str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day)


def published_on(sources: pd.DataFrame, source_ids: pd.Series) -> pd.Series:
    """The publication date of each cited source (NaT where none is cited)."""
    dates = sources.set_index("source_id")["published"]
    return source_ids.astype("object").map(dates).astype("datetime64[ns]")


def known_from(rows: pd.DataFrame, sources: pd.DataFrame, own_date: pd.Series,
               source_column: str = "source_id") -> pd.Series:
    """The day each row became known: the later of its own date and its source's publication."""
    published = published_on(sources, rows[source_column])
    return pd.concat([own_date.astype("datetime64[ns]"), published], axis=1).max(axis=1)


def contact_known_from(contacts: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """When each contact's outcome became known: held from its report, cancelled from the cancellation's."""
    own = contacts["date"].where(contacts["status"] != "cancelled", contacts["cancelled_on"])
    return known_from(contacts, sources, own)


def announcement_known_from(contacts: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """When each contact's announcement became known (NaT for a contact with no announcement source)."""
    told = known_from(contacts, sources, contacts["announced"], source_column="announced_source_id")
    return told.where(contacts["announced_source_id"].notna())


def _until(frame: pd.DataFrame, known: pd.Series, as_of, start=None, start_column: str | None = None) -> pd.DataFrame:
    keep = known <= _ts(as_of)
    if start is not None:
        keep &= frame[start_column] >= _ts(start)
    return frame[keep].assign(known=known[keep])


def estimates_published(estimates: pd.DataFrame, sources: pd.DataFrame, as_of, start=None) -> pd.DataFrame:
    """Estimates known by as_of (published on or after start, when given), with the day each became known."""
    known = known_from(estimates, sources, estimates["published"])
    return _until(estimates, known, as_of, start, "published").sort_values(["published", "estimate_id"])


def contacts_held(contacts: pd.DataFrame, sources: pd.DataFrame, as_of, start=None) -> pd.DataFrame:
    """Contacts reported held by as_of (held on or after start, when given); an end date beyond as_of is dropped."""
    held = contacts[contacts["status"] == "held"]
    frame = _until(held, contact_known_from(held, sources), as_of, start, "date")
    return _clip_end(frame, as_of).sort_values(["date", "contact_id"])


def contacts_cancelled(contacts: pd.DataFrame, sources: pd.DataFrame, as_of, start=None) -> pd.DataFrame:
    """Contacts whose cancellation had been reported by as_of (cancelled on or after start, when given)."""
    cancelled = contacts[contacts["status"] == "cancelled"]
    frame = _until(cancelled, contact_known_from(cancelled, sources), as_of, start, "cancelled_on")
    return frame.sort_values(["cancelled_on", "contact_id"])


def contacts_scheduled(contacts: pd.DataFrame, sources: pd.DataFrame, as_of) -> pd.DataFrame:
    """Contacts announced by as_of, due on or after it, whose outcome was not yet known.

    Each is shown as its announcement told it: cited by the announcement's source, with status
    "scheduled" and without the facts only a report of the contact itself can give.
    """
    as_of = _ts(as_of)
    told = announcement_known_from(contacts, sources)
    outcome = contact_known_from(contacts, sources)
    keep = (told <= as_of) & (contacts["date"] >= as_of) & (outcome > as_of)
    frame = contacts[keep].assign(known=told[keep], source_id=contacts.loc[keep, "announced_source_id"])
    categories = [c for c in contacts["status"].cat.categories if c != "scheduled"] + ["scheduled"]
    frame["status"] = pd.Categorical(["scheduled"] * len(frame), categories=categories)
    for column in AFTER_THE_FACT:
        frame[column] = frame[column].iloc[0:0].reindex(frame.index)
    return frame.sort_values(["date", "contact_id"])


def events_until(events: pd.DataFrame, sources: pd.DataFrame, as_of, start=None) -> pd.DataFrame:
    """Events known by as_of (on or after start, when given); an end date beyond as_of is dropped."""
    frame = _until(events, known_from(events, sources, events["date"]), as_of, start, "date")
    return _clip_end(frame, as_of).sort_values(["date", "event_id"])


def _clip_end(frame: pd.DataFrame, as_of) -> pd.DataFrame:
    """Drop end dates after as_of: how long something would last was not yet known."""
    return frame.assign(end_date=frame["end_date"].where(frame["end_date"] <= _ts(as_of)))


@dataclass(frozen=True)
class Snapshot:
    """The dataset as it stood on one date: known estimates, held and scheduled contacts, events.

    Every frame carries a `known` column: the day the row became known (for scheduled contacts,
    the day their announcement did).
    """

    as_of: pd.Timestamp
    estimates: pd.DataFrame
    held: pd.DataFrame
    scheduled: pd.DataFrame
    cancelled: pd.DataFrame
    events: pd.DataFrame
    sources: pd.DataFrame


def snapshot(dataset: Dataset, as_of) -> Snapshot:
    """Everything a reader could have known on as_of, and only the sources published by then."""
    sources = dataset.sources
    return Snapshot(
        as_of=_ts(as_of),
        estimates=estimates_published(dataset.troop_estimates, sources, as_of),
        held=contacts_held(dataset.contacts, sources, as_of),
        scheduled=contacts_scheduled(dataset.contacts, sources, as_of),
        cancelled=contacts_cancelled(dataset.contacts, sources, as_of),
        events=events_until(dataset.events, sources, as_of),
        sources=sources[sources["published"] <= _ts(as_of)],
    )


def restrict(view: Snapshot, start) -> Snapshot:
    """The part of a snapshot that became known since start (inclusive)."""
    start = _ts(start)

    def new(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["known"] >= start]

    return replace(view, estimates=new(view.estimates), held=new(view.held), scheduled=new(view.scheduled),
                   cancelled=new(view.cancelled), events=new(view.events))
