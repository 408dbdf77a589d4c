"""Drawing: each function takes prepared data and returns a matplotlib Figure; `save` writes it.

Charts follow style.py: a title that states the finding, a subtitle with measure, unit and
period, key dates as dotted lines, direct labels, a generated source line, fixed size, and
reproducible SVG and PNG files.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator

from . import fmt, style

style.apply()

LANE_ORDER = ["us_russia", "nato_russia", "osce", "normandy", "russia_ukraine", "europe_russia", "us_ukraine", "nato_ukraine",
              "europe_ukraine", "us_europe", "un"]


# --- frame ---------------------------------------------------------------------------


def _figure(size=style.FIGSIZE, rows: int = 1, heights=None) -> tuple[Figure, list]:
    fig = Figure(figsize=size, dpi=style.DPI)
    grid = fig.add_gridspec(rows, 1, height_ratios=heights, hspace=0.28)
    axes = [fig.add_subplot(grid[i]) for i in range(rows)]
    for ax in axes[1:]:
        ax.sharex(axes[0])
    return fig, axes


def _from_top(fig: Figure, inches: float) -> float:
    """A figure-fraction y that sits `inches` below the top edge, whatever the figure's height."""
    return 1 - inches / fig.get_figheight()


def _frame(fig: Figure, title: str, subtitle: str, source: str, legend_row: bool = False) -> None:
    """Title (the finding), subtitle (measure, unit, period), source line, and the plot margins."""
    fig.text(0.012, _from_top(fig, 0.12), title, ha="left", va="top", fontsize=13.5, fontweight="bold", color=style.COLOURS["ink"])
    fig.text(0.012, _from_top(fig, 0.48), subtitle, ha="left", va="top", fontsize=10, color=style.COLOURS["muted"])
    fig.text(0.012, 0.1 / fig.get_figheight(), source, ha="left", va="bottom", fontsize=8, color=style.COLOURS["muted"])
    fig.subplots_adjust(left=0.1, right=0.83, top=_from_top(fig, 1.3 if legend_row else 1.0),
                        bottom=0.75 / fig.get_figheight())


def _date_axis(ax, start, end) -> None:
    ax.set_xlim(pd.Timestamp(start) - pd.Timedelta(days=2), pd.Timestamp(end) + pd.Timedelta(days=2))
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))


def _thousands_axis(ax, label: str) -> None:
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.set_ylabel(label)


def _key_events(ax, events: pd.DataFrame, start, end, labels: bool = True) -> None:
    """Dotted lines at key events, with short labels staggered so they never overlap."""
    key = events[events["key"].astype(bool) & (events["date"] >= pd.Timestamp(start)) & (events["date"] <= pd.Timestamp(end))]
    span = (pd.Timestamp(end) - pd.Timestamp(start)).days or 1
    last_x_by_level: dict[int, float] = {}
    for _, event in key.sort_values("date").iterrows():
        ax.axvline(event["date"], color=style.COLOURS["muted"], linestyle=":", linewidth=1, zorder=1)
        if not labels:
            continue
        x = (event["date"] - pd.Timestamp(start)).days / span
        level = 0
        while level in last_x_by_level and abs(x - last_x_by_level[level]) < 0.24:
            level += 1
        last_x_by_level[level] = x
        flip = x > 0.8
        ax.annotate(event["title"][:34] + ("…" if len(event["title"]) > 34 else ""), xy=(event["date"], 1.0),
                    xycoords=("data", "axes fraction"), xytext=(-3 if flip else 3, -4 - 11 * level), textcoords="offset points",
                    ha="right" if flip else "left", va="top", fontsize=7.5, color=style.COLOURS["muted"],
                    parse_math=False)  # titles come from the data: a "$" must stay a dollar sign


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=11, color=style.COLOURS["muted"])


# --- estimates -----------------------------------------------------------------------


def _mid(row) -> float:
    return (row["low"] + row["high"]) / 2


def draw_estimates(ax, estimates: pd.DataFrame, events: pd.DataFrame, start, end, unit_label: str,
                   band: tuple[float, float, pd.Timestamp] | None = None) -> None:
    """Every estimate as a point with its low–high range, coloured and shaped by estimator group;
    claims by a party to the conflict drawn hollow with dashed ranges."""
    _date_axis(ax, start, end)
    _thousands_axis(ax, unit_label)
    _key_events(ax, events, start, end)
    if estimates.empty:
        _empty(ax, "No estimates in this window")
        return
    if band is not None:
        low, high, since = band
        ax.fill_between([since, pd.Timestamp(end)], [low, low], [high, high], color=style.COLOURS["highlight"],
                        alpha=0.25, linewidth=0, zorder=0)
        ax.annotate("spread of latest\nestimates", xy=(pd.Timestamp(end), high), xytext=(-4, 2),
                    textcoords="offset points", ha="right", va="bottom", fontsize=7.5, color=style.COLOURS["muted"])
    for group, rows in estimates.groupby("estimator_group", observed=True):
        colour = style.group_colour(group)
        marker = style.GROUP_MARKER[str(group)]
        for party, part in rows.groupby(rows["party_to_conflict"].astype(bool)):
            ranged = part[part["low"] < part["high"]]
            ax.vlines(ranged["published"], ranged["low"], ranged["high"], color=colour, linewidth=2.2,
                      linestyles="--" if party else "-", alpha=0.85, zorder=2)
            ax.scatter(part["published"], part.apply(_mid, axis=1), s=42, marker=marker, zorder=3,
                       facecolors="white" if party else colour, edgecolors=colour, linewidths=1.6)
    ymax = float(estimates["high"].max())
    ax.set_ylim(0, ymax * 1.22)


def _group_legend(fig, estimates: pd.DataFrame) -> None:
    """One legend row under the subtitle: a marker per estimator group drawn, hollow for parties."""
    present = [g for g in style.GROUP_MARKER if g in set(estimates["estimator_group"].astype(str))]
    handles = []
    for group in present:
        colour = style.group_colour(group)
        party = group in ("russia", "ukraine_government")
        handles.append(Line2D([], [], marker=style.GROUP_MARKER[group], linestyle="--" if party else "-", color=colour,
                              markerfacecolor="white" if party else colour, markeredgecolor=colour, markersize=7,
                              label=fmt.short_label(group) + (" (party)" if party else "")))
    if handles:
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.005, _from_top(fig, 0.78)), ncol=len(handles), frameon=False,
                   fontsize=8.5, handlelength=1.8, columnspacing=1.4)


def estimates_chart(estimates: pd.DataFrame, events: pd.DataFrame, start, end, title: str, subtitle: str,
                    source: str, unit_label: str = "Troops", band=None) -> Figure:
    """The build-up: every estimate over time with its range, key events, and direct labels."""
    fig, (ax,) = _figure()
    draw_estimates(ax, estimates, events, start, end, unit_label, band=band)
    _group_legend(fig, estimates)
    _frame(fig, title, subtitle, source, legend_row=True)
    fig.subplots_adjust(right=0.97)
    return fig


def who_when_chart(estimates: pd.DataFrame, start, end, title: str, subtitle: str, source: str) -> Figure:
    """Who was estimating when: one lane per estimator group, a mark per estimate."""
    fig, (ax,) = _figure(size=(10, 4.2))
    _date_axis(ax, start, end)
    groups = [g for g in style.GROUP_MARKER if g in set(estimates["estimator_group"].astype(str))]
    if estimates.empty:
        _empty(ax, "No estimates in this window")
    for lane, group in enumerate(groups):
        rows = estimates[estimates["estimator_group"] == group]
        colour = style.group_colour(group)
        party = rows["party_to_conflict"].astype(bool)
        ax.scatter(rows["published"], [lane] * len(rows), marker=style.GROUP_MARKER[group], s=48,
                   facecolors=["white" if p else colour for p in party], edgecolors=colour, linewidths=1.5, zorder=3)
    ax.set_yticks(range(len(groups)), [fmt.initial_capital(fmt.label(g)) for g in groups])
    for tick, group in zip(ax.get_yticklabels(), groups):
        tick.set_color(style.group_text_colour(group))
    ax.set_ylim(-0.7, max(len(groups), 1) - 0.3)
    ax.grid(axis="x", color=style.COLOURS["grid"])
    ax.grid(axis="y", visible=False)
    _frame(fig, title, subtitle, source)
    fig.subplots_adjust(left=0.3, right=0.97)
    return fig


# --- contacts ------------------------------------------------------------------------


def _size(minutes) -> float:
    return 36.0 if pd.isna(minutes) else float(min(36 + int(minutes) * 0.6, 420))


def draw_timeline(ax, held: pd.DataFrame, scheduled: pd.DataFrame, start, end, lanes: list[str] | None = None,
                  headroom: float = 0.0) -> None:
    """Contacts on a timeline: one lane per track, marker by format, size by length where known,
    scheduled-but-not-yet-held contacts hollow."""
    _date_axis(ax, start, end)
    present = set(held["track"].astype(str)) | set(scheduled["track"].astype(str))
    lanes = lanes or [t for t in LANE_ORDER if t in present]
    if not lanes:
        _empty(ax, "No contacts in this window")
        ax.set_yticks([])
        return
    lane_of = {t: i for i, t in enumerate(lanes)}
    for frame, hollow in ((held, False), (scheduled, True)):
        for fmt_code, rows in frame.groupby("format", observed=True):
            rows = rows[rows["track"].astype(str).isin(lanes)]
            if rows.empty:
                continue
            colour = style.COLOURS["us"] if hollow else style.COLOURS["neutral"]
            ax.scatter(rows["date"], rows["track"].astype(str).map(lane_of), marker=style.FORMAT_MARKER[str(fmt_code)],
                       s=rows["duration_min"].map(_size), facecolors="none" if hollow else colour,
                       edgecolors=colour, linewidths=1.4 if hollow else 0.6, alpha=1.0 if hollow else 0.75, zorder=3)
    ax.set_yticks(range(len(lanes)), [fmt.label(t) for t in lanes])
    ax.set_ylim(len(lanes) - 0.3, -0.7 - headroom)  # inverted: first lane on top, room above it for event labels
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color=style.COLOURS["grid"])


def _format_legend(fig, scheduled: bool) -> None:
    handles = [Line2D([], [], marker=m, linestyle="", color=style.COLOURS["neutral"], label=fmt.label(f), markersize=7)
               for f, m in style.FORMAT_MARKER.items()]
    if scheduled:
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor=style.COLOURS["us"],
                              label="scheduled", markersize=7))
    handles.append(Line2D([], [], marker="o", linestyle="", color=style.COLOURS["neutral"], markersize=12, label="larger = longer"))
    fig.legend(handles=handles, loc="center left", bbox_to_anchor=(0.81, 0.45), frameon=False, fontsize=8.5, labelspacing=1.1)


def timeline_chart(held: pd.DataFrame, scheduled: pd.DataFrame, events: pd.DataFrame, start, end,
                   title: str, subtitle: str, source: str) -> Figure:
    """Every call and meeting, one lane per track."""
    fig, (ax,) = _figure()
    draw_timeline(ax, held, scheduled, start, end, headroom=1.4)
    _key_events(ax, events, start, end)
    _format_legend(fig, scheduled=not scheduled.empty)
    _frame(fig, title, subtitle, source)
    fig.subplots_adjust(left=0.16, right=0.8)
    return fig


def cadence_chart(weekly: pd.DataFrame, title: str, subtitle: str, source: str) -> Figure:
    """Contacts per week, stacked by level."""
    fig, (ax,) = _figure(size=(10, 4.6))
    if weekly.empty or weekly.to_numpy().sum() == 0:
        _empty(ax, "No contacts in this window")
    else:
        bottom = pd.Series(0, index=weekly.index)
        for level in weekly.columns:
            values = weekly[level]
            ax.bar(weekly.index, values, bottom=bottom, width=5.5, align="edge", color=style.LEVEL_COLOUR[level],
                   hatch=style.LEVEL_HATCH[level], edgecolor="white", linewidth=0.4, label=fmt.label(level))
            bottom = bottom + values
        _date_axis(ax, weekly.index.min(), weekly.index.max() + pd.Timedelta(days=6))
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize=8.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("Contacts per week")
    _frame(fig, title, subtitle, source)
    return fig


def troops_and_talks_chart(estimates: pd.DataFrame, held: pd.DataFrame, scheduled: pd.DataFrame, events: pd.DataFrame,
                           start, end, title: str, subtitle: str, source: str) -> Figure:
    """Troop figures above, contacts below, on one time axis."""
    fig, (top, bottom) = _figure(size=style.FIGSIZE_TALL, rows=2, heights=[1.15, 1])
    draw_estimates(top, estimates, events, start, end, "Troops")
    _group_legend(fig, estimates)
    draw_timeline(bottom, held, scheduled, start, end)
    _key_events(bottom, events, start, end, labels=False)
    top.tick_params(labelbottom=False)
    _format_legend(fig, scheduled=not scheduled.empty)
    _frame(fig, title, subtitle, source, legend_row=True)
    fig.subplots_adjust(left=0.16, right=0.8)
    return fig


# --- output --------------------------------------------------------------------------


def text_of(fig: Figure) -> str:
    """Every piece of text a chart states (titles, labels, annotations), one per line."""
    from matplotlib.text import Text

    return "\n".join(t.get_text() for t in fig.findobj(Text) if t.get_text().strip())


def save(fig: Figure, folder: Path, name: str) -> bytes:
    """Write NAME.svg and NAME.png into folder, without volatile metadata; return the PNG bytes."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fig.savefig(folder / f"{name}.svg", format="svg", metadata={"Date": None, "Creator": None})
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    png = buffer.getvalue()
    (folder / f"{name}.png").write_bytes(png)
    return png
