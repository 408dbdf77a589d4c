"""Coverage figures for the dataset: how much of what, from whom, over which period."""

from __future__ import annotations

import pandas as pd

from .data import Dataset


def _span(days: pd.Series) -> str:
    days = days.dropna()
    if days.empty:
        return "none"
    return f"{days.min():%Y-%m-%d} to {days.max():%Y-%m-%d}"


ROW_TABLES = ("troop_estimates", "contacts", "events")
BEST_KINDS = ("official_record", "original_report")


def _count_kinds(dataset: Dataset, cited: pd.Series) -> pd.Series:
    kinds = dataset.sources.set_index("source_id")["kind"].astype(str)
    return cited.astype(str).map(kinds).value_counts()


def citations_by_kind(dataset: Dataset) -> pd.Series:
    """How many rows of estimates, contacts and events cite each kind of source (by source_id)."""
    return _count_kinds(dataset, pd.concat([getattr(dataset, t)["source_id"] for t in ROW_TABLES], ignore_index=True))


def provenance(dataset: Dataset) -> dict[str, object]:
    """Where the rows' citations stand: kinds of sources, share of rows on the best records, unchecked rows."""
    by_kind = citations_by_kind(dataset)
    rows = int(by_kind.sum())
    best = int(by_kind.reindex(list(BEST_KINDS), fill_value=0).sum())
    return {
        "sources_by_kind": dataset.sources["kind"].value_counts().loc[lambda s: s > 0].to_dict(),
        "untitled_sources": int(dataset.sources["title"].isna().sum()),
        "rows_citing_official_or_original": f"{best} of {rows} ({100 * best / rows:.0f}%)" if rows else "0 of 0",
        "rows_citing_syndicated_copies": (f"{int(by_kind.get('syndicated_copy', 0))} of {rows} "
                                          f"({100 * by_kind.get('syndicated_copy', 0) / rows:.0f}%)") if rows else "0 of 0",
        "rows_not_checked": int(sum(getattr(dataset, t)["checked"].isna().sum() for t in ROW_TABLES)),
        "leaders_contacts_by_kind": leaders_contacts_by_kind(dataset).to_dict(),
    }


def leaders_contacts_by_kind(dataset: Dataset) -> pd.Series:
    """How many contacts between leaders cite each kind of source: the readouts the issue asks for first."""
    return _count_kinds(dataset, dataset.contacts.loc[dataset.contacts["level"] == "leaders", "source_id"])


def estimates_by_month_and_group(dataset: Dataset) -> pd.DataFrame:
    """Estimates per publication month (rows) and estimator group (columns)."""
    estimates = dataset.troop_estimates
    table = pd.crosstab(estimates["published"].dt.strftime("%Y-%m"), estimates["estimator_group"])
    return table.loc[:, table.sum() > 0].rename_axis(index="month", columns=None)


def contacts_by_track_and_format(dataset: Dataset) -> pd.DataFrame:
    """Contacts per track (rows) and format (columns)."""
    contacts = dataset.contacts
    table = pd.crosstab(contacts["track"], contacts["format"])
    return table.loc[table.sum(axis=1) > 0, table.sum() > 0].rename_axis(index="track", columns=None)


def coverage(dataset: Dataset) -> dict[str, object]:
    """Counts that say how well the dataset covers the study period."""
    estimates, contacts, events = dataset.troop_estimates, dataset.contacts, dataset.events
    by_month = estimates["published"].dt.strftime("%Y-%m").value_counts().sort_index()
    february = estimates[(estimates["published"] >= "2022-02-01") & (estimates["published"] <= "2022-02-24")]
    return {
        "sources": len(dataset.sources),
        "troop_estimates": len(estimates),
        "estimate_span": _span(estimates["published"]),
        "estimator_groups": int(estimates["estimator_group"].nunique()),
        "estimates_by_group": estimates["estimator_group"].value_counts().loc[lambda s: s > 0].to_dict(),
        "estimates_by_month": by_month.to_dict(),
        "estimates_1_to_24_february_2022": f"{len(february)} from {february['estimator_group'].nunique()} estimator groups",
        "contacts": len(contacts),
        "contact_span": _span(contacts["date"]),
        "tracks": int(contacts["track"].nunique()),
        "contacts_by_track": contacts["track"].value_counts().loc[lambda s: s > 0].to_dict(),
        "contacts_by_format": contacts["format"].value_counts().loc[lambda s: s > 0].to_dict(),
        "contacts_by_level": contacts["level"].value_counts().loc[lambda s: s > 0].to_dict(),
        "events": len(events),
        "context_events": int(events["context"].sum()),
        "event_span": _span(events["date"]),
        **provenance(dataset),
    }


def format_coverage(figures: dict[str, object]) -> str:
    """Plain-text lines for the terminal, one figure per line."""
    lines = []
    for name, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        lines.append(f"{name.replace('_', ' ')}: {value}")
    return "\n".join(lines)
