"""Pure analysis functions: data in, data out. No drawing, no files, no prose."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# Scopes that count the force massed around Ukraine as a whole (not Belarus alone).
TOTAL_SCOPES = ("border", "border_and_crimea", "border_and_belarus", "border_crimea_belarus", "with_separatists")


def troop_totals(estimates: pd.DataFrame) -> pd.DataFrame:
    """Estimates in troops of the whole force around Ukraine (the comparable series)."""
    return estimates[(estimates["unit"] == "troops") & estimates["scope"].isin(TOTAL_SCOPES)]


def filter_rows(frame: pd.DataFrame, **wanted) -> pd.DataFrame:
    """Keep rows whose column values are among those asked for (None or empty keeps all)."""
    keep = pd.Series(True, index=frame.index)
    for column, values in wanted.items():
        if values:
            keep &= frame[column].isin(list(values))
    return frame[keep]


def filter_estimates(estimates: pd.DataFrame, groups=None, scopes=None, units=None) -> pd.DataFrame:
    """Keep the estimator groups, scopes and units asked for (None or empty keeps all)."""
    return filter_rows(estimates, estimator_group=groups, scope=scopes, unit=units)


def filter_contacts(contacts: pd.DataFrame, tracks=None, levels=None, formats=None) -> pd.DataFrame:
    """Keep the tracks, levels and formats asked for (None or empty keeps all)."""
    return filter_rows(contacts, track=tracks, level=levels, format=formats)


def latest(estimates: pd.DataFrame) -> pd.DataFrame:
    """The estimates published on the latest publication date (several may share it)."""
    if estimates.empty:
        return estimates
    return estimates[estimates["published"] == estimates["published"].max()].sort_values("high", ascending=False)


def latest_per_group(estimates: pd.DataFrame) -> pd.DataFrame:
    """Each estimator group's latest estimate (the higher one when a group gave two that day)."""
    if estimates.empty:
        return estimates
    ordered = estimates.sort_values(["published", "high", "estimate_id"])
    rows = ordered.groupby("estimator_group", observed=True).tail(1)
    return rows.sort_values("high", ascending=False)


@dataclass(frozen=True)
class Disagreement:
    """How far apart the latest figures of different estimator groups are."""

    lowest: pd.Series
    highest: pd.Series
    gap: int


def disagreement(latest_rows: pd.DataFrame) -> Disagreement | None:
    """The lowest and highest of the groups' latest figures, or None with fewer than two groups."""
    if latest_rows["estimator_group"].nunique() < 2:
        return None
    lowest = latest_rows.loc[latest_rows["low"].idxmin()]
    highest = latest_rows.loc[latest_rows["high"].idxmax()]
    return Disagreement(lowest=lowest, highest=highest, gap=int(highest["high"] - lowest["low"]))


@dataclass(frozen=True)
class Change:
    """The first and last estimate of a window, and how much the figure moved."""

    first: pd.Series
    last: pd.Series
    difference: int


def change(estimates: pd.DataFrame) -> Change | None:
    """From the window's first estimate to its last (upper figures compared), or None if < 2."""
    if len(estimates) < 2:
        return None
    ordered = estimates.sort_values(["published", "high", "estimate_id"])
    first, last = ordered.iloc[0], ordered.iloc[-1]
    if first["published"] == last["published"]:
        return None
    return Change(first=first, last=last, difference=int(last["high"] - first["high"]))


def peak(estimates: pd.DataFrame) -> pd.Series | None:
    """The highest figure in the window (the earliest, when several share it)."""
    if estimates.empty:
        return None
    return estimates.sort_values(["high", "published"], ascending=[False, True]).iloc[0]


def counts(frame: pd.DataFrame, column: str) -> pd.Series:
    """How many rows per value of a column, largest first, without empty categories."""
    values = frame[column].value_counts()
    return values[values > 0]


def requesters(contacts: pd.DataFrame) -> pd.Series:
    """Who asked for contacts, where reported: counts per requester."""
    return contacts["requested_by"].dropna().value_counts()


@dataclass(frozen=True)
class Gap:
    """A stretch of days with no contact."""

    after: pd.Timestamp
    before: pd.Timestamp

    @property
    def days(self) -> int:
        return int((self.before - self.after).days)


def longest_gaps(contacts: pd.DataFrame, n: int = 3) -> list[Gap]:
    """The n longest gaps between consecutive days with a contact, longest first."""
    days = pd.Series(sorted(contacts["date"].dropna().unique()))
    gaps = [Gap(after=a, before=b) for a, b in zip(days[:-1], days[1:]) if (b - a).days > 1]
    return sorted(gaps, key=lambda g: (-g.days, g.after))[:n]


def weekly_cadence(contacts: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """Contacts per week (weeks starting Monday) and level, with empty weeks kept as zeros."""
    levels = list(contacts["level"].cat.categories) if hasattr(contacts["level"], "cat") else sorted(contacts["level"].unique())
    if contacts.empty and (start is None or end is None):
        return pd.DataFrame(columns=levels)
    weeks = contacts["date"].dt.to_period("W-SUN").dt.start_time
    table = pd.crosstab(weeks, contacts["level"]).reindex(columns=levels, fill_value=0)
    first = pd.Timestamp(start) if start is not None else weeks.min()
    last = pd.Timestamp(end) if end is not None else weeks.max()
    index = pd.period_range(first, last, freq="W-SUN").start_time
    return table.reindex(index, fill_value=0).rename_axis("week")


def leader_contacts(held: pd.DataFrame, n: int = 4) -> pd.DataFrame:
    """The n latest contacts between leaders, latest first."""
    leaders = held[held["level"] == "leaders"]
    return leaders.sort_values(["date", "contact_id"], ascending=False).head(n)


def principals(participants: str) -> frozenset[str]:
    """The set of principals in a participants cell ('A; B' -> {'A', 'B'})."""
    return frozenset(p.strip() for p in str(participants).split(";") if p.strip())


def earlier_same_month(held: pd.DataFrame, contact: pd.Series) -> pd.DataFrame:
    """Earlier contacts in the same calendar month between the same principals."""
    same = held["participants"].map(principals) == principals(contact["participants"])
    month = held["date"].dt.to_period("M") == contact["date"].to_period("M")
    return held[same & month & (held["date"] < contact["date"])].sort_values("date")


@dataclass(frozen=True)
class Session:
    """Consecutive days of one set of talks: same track and place, on adjacent days."""

    first: pd.Timestamp
    last: pd.Timestamp
    rows: pd.DataFrame

    @property
    def track(self) -> str:
        return str(self.rows.iloc[0]["track"])

    @property
    def place(self) -> str | None:
        place = self.rows.iloc[0]["place"]
        return None if pd.isna(place) else str(place)


def group_sessions(contacts: pd.DataFrame) -> list[Session]:
    """Group contacts into sessions: same track and place on consecutive days become one."""
    sessions: list[Session] = []
    ordered = contacts.sort_values(["date", "contact_id"])
    for _, row in ordered.iterrows():
        end = row["end_date"] if pd.notna(row["end_date"]) else row["date"]
        if sessions:
            prev = sessions[-1]
            same = (str(prev.track), prev.place) == (str(row["track"]), None if pd.isna(row["place"]) else str(row["place"]))
            if same and row["place"] is not None and pd.notna(row["place"]) and (row["date"] - prev.last).days <= 1:
                sessions[-1] = Session(prev.first, max(prev.last, end), pd.concat([prev.rows, row.to_frame().T]))
                continue
        sessions.append(Session(row["date"], end, row.to_frame().T))
    return sessions


def sources_used(sources: pd.DataFrame, *frames: pd.DataFrame) -> pd.DataFrame:
    """The sources cited by the given rows (source_id and announced_source_id), by date."""
    ids: set[str] = set()
    for frame in frames:
        for column in ("source_id", "announced_source_id"):
            if column in frame:
                ids |= set(frame[column].dropna().astype(str))
    return sources[sources["source_id"].isin(ids)].sort_values(["published", "source_id"])


# --- the day's story --------------------------------------------------------------------------

# What a brief leads with, in one place. Each row that became known in the days up to the brief
# (since the previous brief) scores its kind's weight, plus a bonus when it happened on the
# brief's day or the day before (the day's news beats last week's), and a leaders' contact on
# one of the channels the crisis turned on (Washington–Moscow) one more point. The highest score
# leads; a tie goes to the later date, then to the kind listed first.
STORY_WEIGHTS = {"key_event": 5, "leaders_contact": 3, "new_high": 3, "cancellation": 2, "event": 2}
STORY_FRESH_BONUS = 2
STORY_CHANNELS = {"us_russia": 1}


@dataclass(frozen=True)
class Story:
    """The row a brief leads with, and what kind of news it is."""

    kind: str
    day: pd.Timestamp
    row: pd.Series


def top_story(new_estimates: pd.DataFrame, earlier_estimates: pd.DataFrame, new_held: pd.DataFrame,
              new_cancelled: pd.DataFrame, new_events: pd.DataFrame, as_of) -> Story | None:
    """The news that mattered most among the rows that became known since the last brief (see STORY_WEIGHTS)."""
    as_of = pd.Timestamp(as_of)
    candidates: list[Story] = []
    for _, row in new_events[~new_events["context"].astype(bool)].iterrows():
        candidates.append(Story("key_event" if bool(row["key"]) else "event", row["date"], row))
    for _, row in new_held[new_held["level"] == "leaders"].iterrows():
        candidates.append(Story("leaders_contact", row["date"], row))
    for _, row in new_cancelled.iterrows():
        candidates.append(Story("cancellation", row["known"], row))
    totals, before = troop_totals(new_estimates), troop_totals(earlier_estimates)
    if not totals.empty:
        highest = totals.sort_values(["high", "published"], ascending=[False, False]).iloc[0]
        if before.empty or highest["high"] > before["high"].max():
            candidates.append(Story("new_high", highest["published"], highest))
    if not candidates:
        return None
    order = list(STORY_WEIGHTS)

    def score(story: Story) -> tuple:
        fresh = STORY_FRESH_BONUS if (as_of - story.day).days <= 1 else 0
        channel = STORY_CHANNELS.get(str(story.row.get("track")), 0) if story.kind == "leaders_contact" else 0
        return (STORY_WEIGHTS[story.kind] + fresh + channel, story.day, -order.index(story.kind))

    return max(candidates, key=score)
