"""Drawing: each function takes prepared data and a layout and returns a matplotlib Figure.

Charts follow style.py: a title that states the finding, a subtitle with measure, unit and
period, key dates as dotted lines with short labels, a generated source line. Each chart is
drawn once per layout (style.LAYOUTS): the page shows the one that fits the screen, so no text
renders under 11 CSS pixels. The header and footer are measured, not guessed: text is wrapped
to the layout's width and the figure grows to hold it; key-date labels are stacked so that none
overlaps another or leaves the chart.

Every mark of the data (a point, a bar, a key-date line) carries a link to its row and a title
saying what it is: frames may bring a `mark_href` and a `mark_title` column; `svg.inline` turns
them into `<a href><title>` in the SVG.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib import rcParams
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from . import fmt, style, textmetrics
from .style import Layout

style.apply()
textmetrics.install()

LANE_ORDER = ["us_russia", "nato_russia", "osce", "normandy", "russia_ukraine", "europe_russia", "us_ukraine", "nato_ukraine",
              "europe_ukraine", "us_europe", "un"]
POINT = 1 / 72  # inches
GAP = 0.08      # inches between the header's blocks
PANEL_GAP = 0.3


# --- marks: links and titles -----------------------------------------------------------------


def titles_of(fig: Figure) -> dict[str, list[str]]:
    """The titles of the figure's marks, by link, in drawing order (svg.inline pairs them with the links)."""
    if not hasattr(fig, "_buildup_marks"):
        fig._buildup_marks = {}
    return fig._buildup_marks


def _link_marks(fig: Figure, artist, rows: pd.DataFrame) -> None:
    """Give each mark of a collection its row's link and title, when the rows bring them."""
    if rows.empty or "mark_href" not in rows:
        return
    artist.set_urls(list(rows["mark_href"]))
    for href, title in zip(rows["mark_href"], rows["mark_title"]):
        titles_of(fig).setdefault(href, []).append(title)


def _link_one(fig: Figure, artist, href: str, title: str) -> None:
    artist.set_url(href)
    titles_of(fig).setdefault(href, []).append(title)


# --- measuring ---------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _word_width(word: str, size: float, bold: bool) -> float:
    """The width of a word in inches, as matplotlib (and a browser with DejaVu Sans) draws it; cached,
    since every chart's header is measured word by word."""
    prop = FontProperties(family=style.FONT_FAMILY, size=size, weight="bold" if bold else "normal")
    width, _, _ = _MEASURE.get_text_width_height_descent(word, prop, ismath=False)
    return width / style.DPI


_MEASURE = FigureCanvasAgg(Figure(dpi=style.DPI)).get_renderer()


def _text_width(fig: Figure, text: str, size: float, bold: bool = False) -> float:
    """The width of a line of text in inches: its words and the spaces between them."""
    words = text.split(" ")
    return sum(_word_width(w, size, bold) for w in words) + (len(words) - 1) * _word_width(" ", size, bold)


def _wrap(fig: Figure, text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy line breaking by measured width, so no line is wider than `width` inches."""
    lines: list[str] = []
    for word in text.split():
        if lines and _text_width(fig, f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _line_height(size: float) -> float:
    return size * 1.55 * POINT


# --- frame -------------------------------------------------------------------------------------


@dataclass
class Header:
    """What sits above the plot, top to bottom."""

    title: str
    subtitle: str
    source: str
    legends: tuple[list, ...] = ()
    events: pd.DataFrame | None = None  # key dates labelled above the top panel


def _new_figure(layout: Layout, panels: int = 1, heights=(1,)) -> tuple[Figure, list]:
    fig = Figure(figsize=(layout.width, 4), dpi=style.DPI)
    FigureCanvasAgg(fig)  # one cached renderer to measure text with (Figure's default canvas draws the whole figure each time)
    fig._buildup_layout = layout
    grid = fig.add_gridspec(panels, 1, height_ratios=list(heights))
    axes = [fig.add_subplot(grid[i]) for i in range(panels)]
    for ax in axes[1:]:
        ax.sharex(axes[0])
    for ax in axes:
        if layout.text != rcParams["xtick.labelsize"]:  # tick_params rebuilds the axes' ticks: 3 ms each
            ax.tick_params(labelsize=layout.text)
        ax.yaxis.label.set_size(layout.text)
    return fig, axes


def _left_margin(fig: Figure, axes: list) -> float:
    """Inches for the widest y tick labels and the y axis label, measured.

    The tick labels are measured as strings (their locator's values through their formatter, with the
    text metrics matplotlib itself uses) rather than as Text artists, which would lay out every tick
    once here and again when the figure is saved."""
    renderer = fig.canvas.get_renderer()
    widest = 0.0
    for ax in axes:
        axis = ax.yaxis
        low, high = sorted(axis.get_view_interval())
        locations = [v for v in axis.get_majorticklocs() if low - 1e-9 <= v <= high + 1e-9]
        labels = [t for t in axis.get_major_formatter().format_ticks(locations) if t]
        font = FontProperties(family=style.FONT_FAMILY, size=fig._buildup_layout.text)
        ticks = max((textmetrics.text_metrics(renderer, t, font, False, fig.dpi)[0] for t in labels), default=0.0) / fig.dpi
        label = axis.label.get_window_extent(renderer).width / fig.dpi if axis.label.get_text() else 0.0
        widest = max(widest, ticks + (label + 0.12 if label else 0.0))
    return widest + 0.22


def _label_rows(fig: Figure, layout: Layout, events: pd.DataFrame, x_range, left: float, right: float) -> list[tuple]:
    """Key-date labels placed in rows above the plot: (row, x inches, anchor, text, event) for each,
    each in the first row where it overlaps no other label and stays inside the figure."""
    placed: list[tuple] = []
    spans: dict[int, list[tuple[float, float]]] = {}
    x0, x1 = (mdates.date2num(pd.Timestamp(x)) for x in x_range)
    plot = layout.width - left - right
    for _, event in events.sort_values("date").iterrows():
        text = _short_title(event)
        width = _text_width(fig, text, layout.text) + 0.06
        x = left + (mdates.date2num(event["date"]) - x0) / (x1 - x0) * plot
        if x + width <= layout.width - 0.05:
            start, anchor = x - 0.03, "left"
        elif x - width >= 0.05:
            start, anchor = x - width + 0.03, "right"
        else:
            start, anchor = max(0.05, min(x - width / 2, layout.width - 0.05 - width)), "center"
        row = 0
        while any(start < b + 0.08 and a < start + width + 0.08 for a, b in spans.get(row, [])):
            row += 1
        spans.setdefault(row, []).append((start, start + width))
        placed.append((row, x, anchor, text, event, start))
    return placed


def _short_title(event) -> str:
    short = event.get("short_title") if hasattr(event, "get") else None
    return str(short) if isinstance(short, str) and short.strip() else str(event["title"])


def _frame(fig: Figure, axes: list, header: Header, x_range=None, heights=(1,), plot_height: float | None = None) -> Figure:
    """Size the figure to hold its header, panels and footer, and place them: title (the finding),
    subtitle (measure, unit, period), legends, key-date labels, the plot, the source line."""
    layout: Layout = fig._buildup_layout
    text_width = layout.width - 0.24
    title = _wrap(fig, header.title, layout.title, text_width, bold=True)
    subtitle = _wrap(fig, header.subtitle, layout.subtitle, text_width)
    source = _wrap(fig, header.source, layout.text, text_width)
    left, right = _left_margin(fig, axes), 0.3

    legends = []
    for handles in header.legends:
        if handles:
            columns = min(layout.legend_columns, len(handles))
            legend = fig.legend(handles=handles, loc="upper left", ncol=columns, frameon=False, fontsize=layout.text,
                                handlelength=1.8, columnspacing=1.2, borderaxespad=0, borderpad=0, handletextpad=0.5)
            legends.append(legend)
    renderer = fig.canvas.get_renderer()
    legend_heights = [lg.get_window_extent(renderer).height / fig.dpi for lg in legends]

    labels = []
    if header.events is not None and not header.events.empty and x_range is not None:
        labels = _label_rows(fig, layout, header.events, x_range, left, right)
    label_rows = 1 + max((row for row, *_ in labels), default=-1)

    top = 0.12
    blocks = []
    blocks.append(("title", top))
    top += len(title) * _line_height(layout.title) + GAP / 2
    blocks.append(("subtitle", top))
    top += len(subtitle) * _line_height(layout.subtitle) + GAP
    legend_tops = []
    for height in legend_heights:
        legend_tops.append(top)
        top += height + GAP
    top += label_rows * _line_height(layout.text) + (0.05 if label_rows else 0.1)
    header_height = top

    panels = sum(heights) if len(heights) > 1 else (plot_height or layout.plot_height)
    gaps = PANEL_GAP * (len(axes) - 1)
    footer = 0.12 + _line_height(layout.text) * 1.5 + 0.12 + len(source) * _line_height(layout.text) + 0.1
    height = header_height + panels + gaps + footer
    fig.set_size_inches(layout.width, height)

    def y_from_top(inches: float) -> float:
        return 1 - inches / height

    y = y_from_top(blocks[0][1])
    fig.text(0.12 / layout.width, y, "\n".join(title), ha="left", va="top", fontsize=layout.title, fontweight="bold",
             color=style.COLOURS["ink"], linespacing=1.3)
    fig.text(0.12 / layout.width, y_from_top(blocks[1][1]), "\n".join(subtitle), ha="left", va="top", fontsize=layout.subtitle,
             color=style.COLOURS["muted"], linespacing=1.3)
    for legend, legend_top in zip(legends, legend_tops):
        legend.set_bbox_to_anchor((0.12 / layout.width, y_from_top(legend_top)), transform=fig.transFigure)
    fig.text(0.12 / layout.width, 0.1 / height, "\n".join(source), ha="left", va="bottom", fontsize=layout.text,
             color=style.COLOURS["muted"], linespacing=1.3)
    fig.subplots_adjust(left=left / layout.width, right=1 - right / layout.width, top=y_from_top(header_height),
                        bottom=footer / height, hspace=PANEL_GAP / (panels / len(axes)))

    for row, x, anchor, text, event, _ in labels:
        label = fig.text(x / layout.width, y_from_top(header_height - 0.05 - row * _line_height(layout.text)), text,
                         ha=anchor, va="bottom", fontsize=layout.text, color=style.COLOURS["muted"], parse_math=False)
        if "mark_href" in event and isinstance(event["mark_href"], str):
            _link_one(fig, label, event["mark_href"], event["mark_title"])
    return fig


def _date_axis(ax, layout: Layout, start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
    """A time axis from start to end with room at both edges for the marks."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    pad = max(pd.Timedelta(days=2), (end - start) * 0.025)
    first, last = start - pad, end + pad
    ax.set_xlim(first, last)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=layout.max_ticks)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))
    return first, last


def _thousands_axis(ax, layout: Layout, label: str) -> None:
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5 if layout is style.NARROW else 6, integer=True))
    ax.set_ylabel(label, fontsize=layout.text)


def _key_events(ax, events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Dotted lines at the key events in the window; the events, for their labels."""
    key = events[events["key"].astype(bool) & (events["date"] >= pd.Timestamp(start)) & (events["date"] <= pd.Timestamp(end))]
    key = key.sort_values("date")
    for day in mdates.date2num(key["date"].to_numpy()):
        ax.axvline(day, color=style.COLOURS["muted"], linestyle=":", linewidth=1.2, zorder=1)
    return key


def _empty(ax, layout: Layout, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=layout.subtitle,
            color=style.COLOURS["muted"])


# --- estimates ---------------------------------------------------------------------------------


def _days(dates: pd.Series):
    """Dates as matplotlib's day numbers, converted once (plotting a pandas Series converts it per call)."""
    return mdates.date2num(pd.to_datetime(dates).to_numpy())


def _present(column: pd.Series) -> list[str]:
    """The values a categorical column holds, in its categories' order (pandas' groupby order)."""
    found = set(column.astype(str))
    categories = column.cat.categories if hasattr(column, "cat") else sorted(found)
    return [str(c) for c in categories if str(c) in found]


def draw_estimates(fig, ax, layout: Layout, estimates: pd.DataFrame, start, end, unit_label: str,
                   band: tuple[float, float, pd.Timestamp] | None = None) -> None:
    """Every estimate as a point with its low–high range, coloured and shaped by estimator group;
    claims by a party to the conflict drawn hollow with dashed ranges."""
    _thousands_axis(ax, layout, unit_label)
    if estimates.empty:
        _empty(ax, layout, "No estimates in this window")
        return
    if band is not None:
        low, high, since = band
        ax.fill_between([since, pd.Timestamp(end)], [low, low], [high, high], color=style.COLOURS["highlight"],
                        alpha=0.25, linewidth=0, zorder=0)
    days = _days(estimates["published"])
    lows, highs = estimates["low"].to_numpy(dtype=float), estimates["high"].to_numpy(dtype=float)
    groups = estimates["estimator_group"].astype(str).to_numpy()
    parties = estimates["party_to_conflict"].astype(bool).to_numpy()
    for group in _present(estimates["estimator_group"]):
        colour = style.group_colour(group)
        marker = style.GROUP_MARKER[group]
        for party in (False, True):
            part = (groups == group) & (parties == party)
            if not part.any():
                continue
            ranged = part & (lows < highs)
            ax.vlines(days[ranged], lows[ranged], highs[ranged], color=colour, linewidth=2.2,
                      linestyles="--" if party else "-", alpha=0.85, zorder=2)
            points = ax.scatter(days[part], (lows[part] + highs[part]) / 2, s=46, marker=marker, zorder=3, clip_on=False,
                                facecolors="white" if party else colour, edgecolors=colour, linewidths=1.6)
            _link_marks(fig, points, estimates[part])
    ax.set_ylim(0, float(highs.max()) * 1.12)


def _group_handles(estimates: pd.DataFrame, band: bool = False) -> list:
    """A legend entry per estimator group drawn, hollow and dashed for parties to the conflict."""
    present = [g for g in style.GROUP_MARKER if g in set(estimates["estimator_group"].astype(str))]
    handles = []
    for group in present:
        colour = style.group_colour(group)
        party = group in ("russia", "ukraine_government")
        handles.append(Line2D([], [], marker=style.GROUP_MARKER[group], linestyle="--" if party else "-", color=colour,
                              markerfacecolor="white" if party else colour, markeredgecolor=colour, markersize=7,
                              label=fmt.short_label(group) + (" (party)" if party else "")))
    if band and handles:
        handles.append(Patch(color=style.COLOURS["highlight"], alpha=0.35, label="spread of latest"))
    return handles


def estimates_chart(estimates: pd.DataFrame, events: pd.DataFrame, start, end, title: str, subtitle: str,
                    source: str, unit_label: str = "Troops", band=None, layout: Layout = style.WIDE) -> Figure:
    """The build-up: every estimate over time with its range, and key events."""
    fig, (ax,) = _new_figure(layout)
    x_range = _date_axis(ax, layout, start, end)
    key = _key_events(ax, events, start, end)
    draw_estimates(fig, ax, layout, estimates, start, end, unit_label, band=band)
    return _frame(fig, [ax], Header(title, subtitle, source, (_group_handles(estimates, band is not None),), key), x_range)


def who_when_chart(estimates: pd.DataFrame, start, end, title: str, subtitle: str, source: str,
                   layout: Layout = style.WIDE) -> Figure:
    """Who was estimating when: one lane per estimator group, a mark per estimate."""
    fig, (ax,) = _new_figure(layout)
    _date_axis(ax, layout, start, end)
    groups = [g for g in style.GROUP_MARKER if g in set(estimates["estimator_group"].astype(str))]
    if estimates.empty:
        _empty(ax, layout, "No estimates in this window")
    for lane, group in enumerate(groups):
        rows = estimates[estimates["estimator_group"] == group]
        colour = style.group_colour(group)
        party = rows["party_to_conflict"].astype(bool)
        points = ax.scatter(rows["published"], [lane] * len(rows), marker=style.GROUP_MARKER[group], s=52, clip_on=False,
                            facecolors=["white" if p else colour for p in party], edgecolors=colour, linewidths=1.5, zorder=3)
        _link_marks(fig, points, rows)
    names = [fmt.short_label(g) if layout is style.NARROW else fmt.initial_capital(fmt.label(g)) for g in groups]
    ax.set_yticks(range(len(groups)), [fmt.initial_capital(n) for n in names])
    for tick, group in zip(ax.get_yticklabels(), groups):
        tick.set_color(style.group_text_colour(group))
    ax.set_ylim(-0.6, max(len(groups), 1) - 0.4)
    ax.grid(axis="x", color=style.COLOURS["grid"])
    ax.grid(axis="y", visible=False)
    return _frame(fig, [ax], Header(title, subtitle, source), plot_height=max(1.6, 0.55 * len(groups) + 0.6))


# --- contacts ----------------------------------------------------------------------------------


def _size(minutes) -> float:
    return 40.0 if pd.isna(minutes) else float(min(40 + int(minutes) * 0.6, 420))


def _lanes(held: pd.DataFrame, scheduled: pd.DataFrame) -> list[str]:
    present = set(held["track"].astype(str)) | set(scheduled["track"].astype(str))
    return [t for t in LANE_ORDER if t in present]


def draw_timeline(fig, ax, layout: Layout, held: pd.DataFrame, scheduled: pd.DataFrame, lanes: list[str]) -> None:
    """Contacts on a timeline: one lane per track, marker by format, size by length where known,
    scheduled-but-not-yet-held contacts hollow."""
    if not lanes:
        _empty(ax, layout, "No contacts in this window")
        ax.set_yticks([])
        return
    lane_of = {t: i for i, t in enumerate(lanes)}
    for frame, hollow in ((held, False), (scheduled, True)):
        if frame.empty:
            continue
        tracks = frame["track"].astype(str).to_numpy()
        formats = frame["format"].astype(str).to_numpy()
        days = _days(frame["date"])
        lane = np.array([lane_of.get(t, -1) for t in tracks])
        sizes = np.array([_size(m) for m in frame["duration_min"]])
        colour = style.COLOURS["us"] if hollow else style.COLOURS["neutral"]
        for fmt_code in _present(frame["format"]):
            rows = (formats == fmt_code) & (lane >= 0)
            if not rows.any():
                continue
            points = ax.scatter(days[rows], lane[rows], marker=style.FORMAT_MARKER[fmt_code],
                                s=sizes[rows], facecolors="none" if hollow else colour, clip_on=False,
                                edgecolors=colour, linewidths=1.4 if hollow else 0.6, alpha=1.0 if hollow else 0.75, zorder=3)
            _link_marks(fig, points, frame[rows])
    names = [fmt.label(t) for t in lanes]
    ax.set_yticks(range(len(lanes)), names)
    ax.set_ylim(len(lanes) - 0.4, -0.6)  # inverted: first lane on top
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color=style.COLOURS["grid"])


def _format_handles(scheduled: bool) -> list:
    handles = [Line2D([], [], marker=m, linestyle="", color=style.COLOURS["neutral"], label=fmt.label(f), markersize=7)
               for f, m in style.FORMAT_MARKER.items()]
    if scheduled:
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor=style.COLOURS["us"],
                              label="scheduled", markersize=7))
    handles.append(Line2D([], [], marker="o", linestyle="", color=style.COLOURS["neutral"], markersize=12, label="larger = longer"))
    return handles


def _horizon(end, *frames: pd.DataFrame) -> pd.Timestamp:
    """The end of a time axis: the window's end, or the last date drawn if later (a scheduled contact)."""
    dates = [pd.Timestamp(end)] + [d for f in frames if not f.empty for d in f["date"]]
    return max(dates)


def timeline_chart(held: pd.DataFrame, scheduled: pd.DataFrame, events: pd.DataFrame, start, end,
                   title: str, subtitle: str, source: str, layout: Layout = style.WIDE) -> Figure:
    """Every call and meeting, one lane per track."""
    fig, (ax,) = _new_figure(layout)
    x_range = _date_axis(ax, layout, start, _horizon(end, scheduled))
    key = _key_events(ax, events, start, end)
    lanes = _lanes(held, scheduled)
    draw_timeline(fig, ax, layout, held, scheduled, lanes)
    header = Header(title, subtitle, source, (_format_handles(not scheduled.empty),), key)
    return _frame(fig, [ax], header, x_range, plot_height=max(1.6, 0.36 * len(lanes) + 0.5))


def cadence_chart(weekly: pd.DataFrame, title: str, subtitle: str, source: str, layout: Layout = style.WIDE) -> Figure:
    """Contacts per week, stacked by level; each bar says its week, level and count, and links to its week's row."""
    fig, (ax,) = _new_figure(layout)
    handles = []
    if weekly.empty or weekly.to_numpy().sum() == 0:
        _empty(ax, layout, "No contacts in this window")
    else:
        bottom = pd.Series(0, index=weekly.index)
        for level in weekly.columns:
            values = weekly[level]
            bars = ax.bar(weekly.index, values, bottom=bottom, width=5.5, align="edge", color=style.LEVEL_COLOUR[level],
                          hatch=style.LEVEL_HATCH[level], edgecolor="white", linewidth=0.4, label=fmt.label(level))
            for week, value, bar in zip(weekly.index, values, bars):
                if value:
                    _link_one(fig, bar, f"#{week_id(week)}",
                              f"Week from {fmt.short_day(week)}: {fmt.count_words(int(value), 'contact')} at {fmt.label(level)} level")
            bottom = bottom + values
            handles.append(Patch(facecolor=style.LEVEL_COLOUR[level], hatch=style.LEVEL_HATCH[level], edgecolor="white",
                                 label=fmt.initial_capital(fmt.label(level))))
        _date_axis(ax, layout, weekly.index.min(), weekly.index.max() + pd.Timedelta(days=6))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("Contacts per week", fontsize=layout.text)
    return _frame(fig, [ax], Header(title, subtitle, source, (handles,)))


def week_id(week) -> str:
    """The anchor of a week's row in the cadence table: 'week-2021-12-27'."""
    return f"week-{pd.Timestamp(week):%Y-%m-%d}"


def troops_and_talks_chart(estimates: pd.DataFrame, held: pd.DataFrame, scheduled: pd.DataFrame, events: pd.DataFrame,
                           start, end, title: str, subtitle: str, source: str, layout: Layout = style.WIDE) -> Figure:
    """Troop figures above, contacts below, on one time axis."""
    lanes = _lanes(held, scheduled)
    timeline_height = max(1.4, 0.36 * len(lanes) + 0.4)
    heights = (layout.plot_height * 0.85, timeline_height)
    fig, (top, bottom) = _new_figure(layout, panels=2, heights=heights)
    x_range = _date_axis(top, layout, start, _horizon(end, scheduled))
    key = _key_events(top, events, start, end)
    _key_events(bottom, events, start, end)
    draw_estimates(fig, top, layout, estimates, start, end, "Troops")
    draw_timeline(fig, bottom, layout, held, scheduled, lanes)
    top.tick_params(labelbottom=False)
    header = Header(title, subtitle, source, (_group_handles(estimates), _format_handles(not scheduled.empty)), key)
    return _frame(fig, [top, bottom], header, x_range, heights=heights, plot_height=max(heights))


# --- output ------------------------------------------------------------------------------------


def text_of(fig: Figure) -> str:
    """Every piece of text a chart states (titles, labels, annotations), one per line."""
    from matplotlib.text import Text

    for ax in fig.axes:
        ax.get_yticklabels()  # formats the y tick labels, which otherwise only exist once the figure is drawn
    return "\n".join(t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip())
