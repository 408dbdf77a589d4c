"""Coverage figures for the dataset: how much of what, from whom, over which period."""

from __future__ import annotations

import pandas as pd

from .data import Dataset


def _span(days: pd.Series) -> str:
    days = days.dropna()
    if days.empty:
        return "none"
    return f"{days.min():%Y-%m-%d} to {days.max():%Y-%m-%d}"


def coverage(dataset: Dataset) -> dict[str, object]:
    """Counts that say how well the dataset covers the study period."""
    estimates, contacts, events = dataset.troop_estimates, dataset.contacts, dataset.events
    by_month = estimates["published"].dt.strftime("%Y-%m").value_counts().sort_index()
    return {
        "sources": len(dataset.sources),
        "troop_estimates": len(estimates),
        "estimate_span": _span(estimates["published"]),
        "estimator_groups": int(estimates["estimator_group"].nunique()),
        "estimates_by_group": estimates["estimator_group"].value_counts().loc[lambda s: s > 0].to_dict(),
        "estimates_by_month": by_month.to_dict(),
        "contacts": len(contacts),
        "contact_span": _span(contacts["date"]),
        "tracks": int(contacts["track"].nunique()),
        "contacts_by_track": contacts["track"].value_counts().loc[lambda s: s > 0].to_dict(),
        "contacts_by_format": contacts["format"].value_counts().loc[lambda s: s > 0].to_dict(),
        "contacts_by_level": contacts["level"].value_counts().loc[lambda s: s > 0].to_dict(),
        "events": len(events),
        "context_events": int(events["context"].sum()),
        "event_span": _span(events["date"]),
    }


def format_coverage(figures: dict[str, object]) -> str:
    """Plain-text lines for the terminal, one figure per line."""
    lines = []
    for name, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        lines.append(f"{name.replace('_', ' ')}: {value}")
    return "\n".join(lines)
