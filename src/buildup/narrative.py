"""Prose from numbers: Markdown sentences, alt text, source lines and data tables.

Everything here takes computed values and returns text. Numbers and dates go through the
formatters in fmt; text that comes from the data goes through fmt.md_escape.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass
from datetime import date

import pandas as pd

from . import analysis, fmt
from .cite import mark, row_mark, rows_mark, strip, table_mark
from .asof import Snapshot

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def ordinal(n: int) -> str:
    return ORDINALS[n - 1] if 1 <= n <= len(ORDINALS) else f"{n}th"


# --- estimates -----------------------------------------------------------------------


def who(row) -> str:
    """The estimator, escaped, with a marker when it is a party to the conflict."""
    return md_who(row["estimator"], bool(row["party_to_conflict"]))


def md_who(estimator: str, party: bool) -> str:
    return fmt.md_escape(estimator) + (" (a party to the conflict)" if party else "")


def estimate_sentence_part(row) -> str:
    """'more than 100,000 troops near Ukraine's borders (EFE and AP (wire report), 31 December 2021)'."""
    return f"**{fmt.estimate_text(row)}** {fmt.label(row['scope'])} ({who(row)}, {fmt.day(row['published'])}){row_mark(row)}"


def latest_estimates_sentence(estimates: pd.DataFrame, as_of=None) -> str:
    """What the latest published figures said."""
    totals = analysis.troop_totals(estimates)
    if totals.empty:
        when = f" by {fmt.day(as_of)}" if as_of is not None else ""
        return f"No estimate of the troops around Ukraine had been published{when} in the selected data."
    rows = analysis.latest(totals)
    parts = [f"**{fmt.estimate_text(r)}** {fmt.label(r['scope'])} ({who(r)}){row_mark(r)}" for _, r in rows.iterrows()]
    day = fmt.day(rows.iloc[0]["published"])
    if len(parts) == 1:
        return f"The latest estimate, published on {day}, put the Russian forces at {parts[0]}."
    return f"The latest estimates, published on {day}, put the Russian forces at {fmt.listing(parts)}."


def latest_by_group_block(estimates: pd.DataFrame) -> str:
    """Each estimator group's latest figure for the whole force, as a Markdown list."""
    latest = analysis.latest_per_group(analysis.troop_totals(estimates))
    if latest.empty:
        return ""
    lines = [f"- {fmt.initial_capital(fmt.label(r['estimator_group']))}: {estimate_sentence_part(r)}."
             for _, r in latest.iterrows()]
    return "The latest figure from each group of estimators:\n\n" + "\n".join(lines)


def peak_sentence(estimates: pd.DataFrame) -> str:
    row = analysis.peak(analysis.troop_totals(estimates))
    if row is None:
        return ""
    return f"The highest figure published in the window was {estimate_sentence_part(row)}."


def change_sentence(estimates: pd.DataFrame) -> str:
    moved = analysis.change(analysis.troop_totals(estimates))
    if moved is None:
        return ""
    direction = "rose" if moved.difference > 0 else "fell" if moved.difference < 0 else "stood still"
    by = f" by {fmt.thousands(abs(moved.difference))}" if moved.difference else ""
    return (f"From the first estimate in the window to the last, the upper figure {direction}{by}: from "
            f"{estimate_sentence_part(moved.first)} to {estimate_sentence_part(moved.last)}.")


def disagreement_sentence(estimates: pd.DataFrame) -> str:
    latest = analysis.latest_per_group(analysis.troop_totals(estimates))
    gap = analysis.disagreement(latest) if not latest.empty else None
    if gap is None:
        return "Only one estimator group published figures in the window, so there is no disagreement to measure."
    return (f"The estimator groups' latest figures ranged from {fmt.figure(gap.lowest['low'], gap.lowest['low'], gap.lowest['qualifier'])} "
            f"({fmt.label(gap.lowest['estimator_group'])}, {fmt.day(gap.lowest['published'])}) to "
            f"{fmt.figure(gap.highest['high'], gap.highest['high'], gap.highest['qualifier'])} "
            f"({fmt.label(gap.highest['estimator_group'])}, {fmt.day(gap.highest['published'])}): "
            f"{fmt.thousands(gap.gap)} troops apart, partly because they count different things."
            + mark([gap.lowest["source_id"], gap.highest["source_id"]]))


def estimates_overview(estimates: pd.DataFrame, start, end, table: str = "who-when") -> str:
    """'Between A and B, N estimates from K estimator groups were published.' (cites the data table)"""
    groups = estimates["estimator_group"].nunique()
    return (f"Between {fmt.day(start)} and {fmt.day(end)}, the dataset holds "
            f"{fmt.count(len(estimates), 'published estimate')} of Russian forces near Ukraine from "
            f"{fmt.count(groups, 'estimator group')}"
            + (f" ({fmt.listing(fmt.label(g) for g in analysis.counts(estimates, 'estimator_group').index)})." if groups else ".")
            + table_mark(table))


# --- contacts ------------------------------------------------------------------------


def contact_details(row) -> str:
    """'phone call, at the request of Russia, about 50 minutes, from 15:35 (America/New_York)'."""
    parts = [fmt.label(row["format"])]
    if pd.notna(row["place"]):
        parts[0] += f" in {fmt.md_escape(row['place'])}"
    if pd.notna(row["requested_by"]):
        parts.append(f"at the request of {fmt.md_escape(fmt.party(row['requested_by']))}")
    if pd.notna(row["duration_min"]):
        parts.append(fmt.duration(row["duration_min"], row["duration_qualifier"]))
    if pd.notna(row["start_time"]):
        parts.append(f"from {fmt.clock(row['start_time'], row['timezone'], row['date'])}")
    return ", ".join(parts)


def contact_line(row) -> str:
    """A Markdown list item for one contact."""
    when = fmt.day_span(row["date"], row["end_date"])
    return f"- **{when}**, {fmt.label(row['track'])}: {fmt.md_escape(fmt.people(row['participants']))} ({contact_details(row)}).{row_mark(row)}"


def leader_contact_sentence(held: pd.DataFrame) -> str:
    """The latest contact between leaders, and how it fits the month's contacts between them."""
    leaders = analysis.leader_contacts(held, n=1)
    if leaders.empty:
        return "No contact between leaders had been held in the selected data."
    row = leaders.iloc[0]
    sentence = (f"The latest contact between leaders was on **{fmt.day(row['date'])}**: "
                f"{fmt.md_escape(fmt.people(row['participants']))}, {contact_details(row)}.{row_mark(row)}")
    earlier = analysis.earlier_same_month(held, row)
    if not earlier.empty:
        firsts = fmt.listing(f"{fmt.day(d)}" for d in earlier["date"])
        sentence += (f" It was their {ordinal(len(earlier) + 1)} direct contact that month, after "
                     f"{'the one' if len(earlier) == 1 else 'those'} of {firsts}.{rows_mark(earlier)}")
    return sentence


def session_line(session: analysis.Session) -> str:
    """'**9–10 January 2022**: US–Russia talks in Geneva (Wendy Sherman; Sergei Ryabkov).'"""
    rows = session.rows
    who_ = fmt.listing(dict.fromkeys(fmt.md_escape(p.strip()) for names in rows["participants"] for p in str(names).split(";")))
    place = f" in {fmt.md_escape(session.place)}" if session.place else ""
    kinds = fmt.listing(sorted({fmt.label(f) for f in rows["format"]}))
    return f"- **{fmt.day_span(session.first, session.last)}**: {fmt.label(session.track)}{place}, {kinds} ({who_}).{rows_mark(rows)}"


def scheduled_block(scheduled: pd.DataFrame, as_of) -> str:
    """What was scheduled after as_of, as a Markdown list (consecutive talks grouped)."""
    if scheduled.empty:
        return f"No contact announced by {fmt.day(as_of)} was still to come."
    lines = [session_line(s) for s in analysis.group_sessions(scheduled)]
    return f"Announced by {fmt.day(as_of)} and still to come:\n\n" + "\n".join(lines)


def contacts_overview(held: pd.DataFrame, start, end, table: str = "timeline") -> str:
    """How many contacts, of which kinds, who asked for them (cites the data table)."""
    if held.empty:
        return f"No call or meeting between {fmt.day(start)} and {fmt.day(end)} is in the selected data."
    by_format = analysis.counts(held, "format")
    by_level = analysis.counts(held, "level")
    text = (f"Between {fmt.day(start)} and {fmt.day(end)}, the dataset holds {fmt.count(len(held), 'call or meeting', 'calls and meetings')}: "
            + fmt.listing(f"{n} {fmt.label(k)}{'s' if n != 1 and k != 'in_person' else ''}" if k != "in_person" else f"{n} in person"
                          for k, n in by_format.items())
            + "; by level, " + fmt.listing(f"{n} between {fmt.label(k)}" if k != "multilateral" else f"{n} in multilateral bodies"
                                           for k, n in by_level.items()) + "." + table_mark(table))
    asked = analysis.requesters(held)
    if not asked.empty:
        text += (f" Where the sources say who asked for the contact ({fmt.count(int(asked.sum()), 'contact')}), it was "
                 + fmt.listing(f"{fmt.md_escape(k)} {fmt.count(int(n), 'time')}" for k, n in asked.items()) + "."
                 + table_mark(table))
    return text


def gaps_sentence(held: pd.DataFrame) -> str:
    gaps = analysis.longest_gaps(held, n=3)
    if not gaps:
        return ""
    items = [f"{fmt.count(g.days, 'day')} between {fmt.day(g.after)} and {fmt.day(g.before)}" for g in gaps]
    ends = held[held["date"].isin([d for g in gaps for d in (g.after, g.before)])].sort_values(["date", "contact_id"])
    return f"The longest stretches without any contact in the data: {fmt.listing(items)}.{rows_mark(ends)}"


# --- brief ---------------------------------------------------------------------------


def changes_since_block(view: Snapshot, new: Snapshot, since: date) -> str:
    """What changed between since and as_of: new estimates, contacts, announcements, events."""
    lines = []
    totals = analysis.troop_totals(new.estimates)
    if not new.estimates.empty:
        lines.append(f"- {fmt.count(len(new.estimates), 'new estimate')}"
                     + (f"; the highest, {estimate_sentence_part(analysis.peak(totals))}" if not totals.empty else "") + "."
                     + rows_mark(new.estimates))
    if not new.held.empty:
        lines.append(f"- {fmt.count(len(new.held), 'call or meeting', 'calls and meetings')} held: "
                     + fmt.listing(f"{fmt.day(r['date'])} ({fmt.label(r['track'])}, {fmt.label(r['format'])}){row_mark(r)}"
                                   for _, r in new.held.iterrows()) + ".")
    if not new.scheduled.empty:
        lines.append(f"- {fmt.count(len(new.scheduled), 'contact')} newly announced: "
                     + fmt.listing(f"{fmt.day(r['date'])} ({fmt.label(r['track'])}){row_mark(r)}" for _, r in new.scheduled.iterrows()) + ".")
    if not new.cancelled.empty:
        lines.append(f"- {fmt.count(len(new.cancelled), 'contact')} cancelled: "
                     + fmt.listing(f"{fmt.day(r['date'])} ({fmt.md_escape(fmt.people(r['participants']))}){row_mark(r)}"
                                   for _, r in new.cancelled.iterrows()) + ".")
    if not new.events.empty:
        lines.append("- " + fmt.listing(f"{fmt.day(r['date'])}: {fmt.md_escape(r['title'])}{row_mark(r)}"
                                        for _, r in new.events.iterrows()) + ".")
    if not lines:
        return f"Nothing new entered the data between {fmt.day(since)} and {fmt.day(view.as_of)}."
    return f"Since {fmt.day(since)}:\n\n" + "\n".join(lines)


# --- charts' text --------------------------------------------------------------------


def source_line(rows: pd.DataFrame, sources: pd.DataFrame, what: str) -> str:
    """'Source: Build-up Brief dataset; 34 estimates from 28 publications (Reuters, AP...).'"""
    used = analysis.sources_used(sources, rows)
    outlets = used["outlet"].str.replace(r" \(.*\)$", "", regex=True).value_counts()
    named = ", ".join(outlets.index[:4]) + (" and others" if len(outlets) > 4 else "")
    return (f"Source: Build-up Brief dataset; {fmt.count(len(rows), what)} from "
            f"{fmt.count(len(used), 'publication')}" + (f" ({named})" if named else "") + ".")


def estimates_alt(estimates: pd.DataFrame, start, end, unit: str = "troops") -> str:
    """Alt text for an estimates chart: what is drawn and what it shows, in plain words."""
    if estimates.empty:
        return f"Empty chart: no estimates in {unit} were published between {fmt.day(start)} and {fmt.day(end)}."
    low, high = int(estimates["low"].min()), int(estimates["high"].max())
    last = estimates.sort_values("published").iloc[-1]
    return (f"Chart of {len(estimates)} published estimates of Russian forces near Ukraine, in {unit}, from "
            f"{fmt.day(start)} to {fmt.day(end)}, each a point with its range, by estimator group. Figures run from "
            f"{fmt.thousands(low)} to {fmt.thousands(high)}; the last, on {fmt.day(last['published'])}, is "
            f"{fmt.estimate_text(last)} by {last['estimator']}.")


def timeline_alt(held: pd.DataFrame, scheduled: pd.DataFrame, start, end) -> str:
    if held.empty and scheduled.empty:
        return f"Empty timeline: no contacts between {fmt.day(start)} and {fmt.day(end)}."
    tracks = analysis.counts(held, "track") if not held.empty else pd.Series(dtype=int)
    busiest = f" The busiest track is {fmt.label(tracks.index[0])} with {tracks.iloc[0]}." if not tracks.empty else ""
    return (f"Timeline of {len(held)} calls and meetings held from {fmt.day(start)} to {fmt.day(end)}, one lane per "
            f"diplomatic track, marker shape by format, with {len(scheduled)} scheduled contacts drawn hollow.{busiest}")


ID_COLUMNS = ("row_id", "estimate_id", "contact_id", "event_id")


def estimate_mark_title(row) -> str:
    """What one estimate's mark says: "31 Dec 2021 · EFE and AP (wire report): more than 100,000 troops near
    Ukraine's borders", with "(a claim by a party to the conflict)" after a party's figure."""
    party = " (a claim by a party to the conflict)" if bool(row["party_to_conflict"]) else ""
    return f"{fmt.short_day(row['published'])} · {row['estimator']}: {fmt.estimate_text(row)} {fmt.label(row['scope'])}{party}"


def contact_mark_title(row) -> str:
    """What one contact's mark says: "30 Dec 2021 · Joe Biden and Vladimir Putin, phone call, about 50 minutes,
    at the request of Russia"."""
    details = [fmt.label(row["format"]) + (f" in {row['place']}" if pd.notna(row["place"]) else "")]
    if pd.notna(row["duration_min"]):
        details.append(fmt.duration(row["duration_min"], row["duration_qualifier"]))
    if pd.notna(row["requested_by"]):
        details.append(f"at the request of {fmt.party(row['requested_by'])}")
    scheduled = " (scheduled)" if row["status"] == "scheduled" else ""
    return f"{fmt.short_day(row['date'])} · {fmt.people(row['participants'])}, {', '.join(details)}{scheduled}"


def event_mark_title(row) -> str:
    """What a key date's label says on hover: "22 Apr 2021 · Shoigu announces end of snap drills and a pullback"."""
    return f"{fmt.short_day(row['date'])} · {row['title']}"


MARK_TITLES = {"estimate_id": estimate_mark_title, "contact_id": contact_mark_title, "event_id": event_mark_title}


def marks_table(*frames: pd.DataFrame) -> pd.DataFrame:
    """Marked rows of different tables as one table by date (row id, date, what the mark says, source)."""
    parts = []
    for frame in frames:
        if frame.empty:
            continue
        id_column = next(c for c in MARK_TITLES if c in frame.columns)
        when = frame["published"] if "published" in frame.columns else frame["date"]
        parts.append(pd.DataFrame({"row_id": frame[id_column], "date": when.dt.strftime("%Y-%m-%d"),
                                   "mark_title": frame["mark_title"], "source_id": frame["source_id"]}))
    if not parts:
        return pd.DataFrame(columns=["row_id", "date", "mark_title", "source_id"])
    return pd.concat(parts).sort_values(["date", "row_id"], kind="stable").reset_index(drop=True)


def with_marks(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows with `mark_href` (the row on the evidence page) and `mark_title` (what its mark says)
    for a chart to put on each mark."""
    id_column = next(c for c in MARK_TITLES if c in frame.columns)
    describe = MARK_TITLES[id_column]
    return frame.assign(mark_href=[f"evidence.html#{i}" for i in frame[id_column]],
                        mark_title=[describe(row) for _, row in frame.iterrows()] if len(frame) else [])


@dataclass(frozen=True)
class DataTable:
    """The rows behind a chart, as the page shows them (HTML) and as a download (CSV): the same cells."""

    html: str
    csv: str


def _cell(value) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def data_table(frame: pd.DataFrame, columns: dict[str, str], name: str, summary: str = "Data behind this chart",
               anchored: set[str] | None = None, anchor_column: str | None = None) -> DataTable:
    """A collapsed HTML table of the rows drawn and the same cells as CSV.

    Rows of the dataset lead with their id, linked to the evidence page, and carry the id as their
    anchor (once per page: `anchored` holds the ids already used) and a citation of their source.
    Rows that are not dataset rows (weeks) take their anchor from `anchor_column`, which is not shown.
    Every cell is escaped.
    """
    anchored = set() if anchored is None else anchored
    id_column = next((c for c in ID_COLUMNS if c in frame.columns), None)
    shown = ({id_column: "row"} if id_column else {}) | columns
    cites = "source_id" in frame.columns
    e = lambda value: html.escape(value, quote=True)  # noqa: E731
    head = "".join(f'<th scope="col">{e(label)}</th>' for label in shown.values()) + ('<th scope="col">cite</th>' if cites else "")
    body, records = [], []
    for _, row in frame.iterrows():
        cells = [_cell(row[c]) for c in shown]
        records.append(cells)
        tds = []
        for column, text in zip(shown, cells):
            if column == id_column:
                tds.append(f'<td><a href="evidence.html#{e(text)}">{e(text)}</a></td>')
            else:
                tds.append(f"<td>{e(text)}</td>")
        if cites:
            tds.append(f"<td>{row_mark(row)}</td>")
        row_id = cells[0] if id_column else (str(row[anchor_column]) if anchor_column else "")
        anchor = ""
        if row_id and row_id not in anchored:
            anchored.add(row_id)
            anchor = f' id="{e(row_id)}"'
        body.append(f"<tr{anchor}>" + "".join(tds) + "</tr>")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([list(shown.values()), *records])
    html_table = (f'<details id="data-{e(name)}"><summary>{e(summary)} ({fmt.count(len(frame), "row")})</summary>\n'
                  f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>\n</details>")
    return DataTable(html=html_table, csv=out.getvalue())


CAVEATS = (
    "- Estimates are not counts: estimators count different things (ground forces only or with naval and air "
    "forces, with or without Crimea, Belarus or separatist forces), and the figures are drawn as the sources gave them.\n"
    "- Russia's and Ukraine's governments are parties to the conflict; their claims are drawn hollow with dashed ranges.\n"
    "- The dataset holds what was found and read, not everything that was said or every call that was made.\n"
    "- A brief sees only what had been published by its date; later corrections are not applied to it."
)


def finding(estimates: pd.DataFrame, contacts: pd.DataFrame) -> str:
    """The project's headline, for the README: first and last estimate, and the busiest month of talks."""
    totals = analysis.troop_totals(estimates)
    moved = analysis.change(totals)
    held = contacts[contacts["status"] == "held"]
    busiest = held["date"].dt.to_period("M").value_counts().sort_index()
    month = busiest.idxmax()
    text = ""
    if moved is not None:
        text = (f"Published estimates of the Russian force near Ukraine went from {estimate_sentence_part(moved.first)} "
                f"to {estimate_sentence_part(moved.last)}. ")
    return strip(text) + (f"The calls and meetings in the data were busiest in {month.start_time:%B %Y}, with "
                   f"{fmt.count(int(busiest.max()), 'contact')} of the {len(held)} held.")
