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
from .validate import PARTIES_TO_CONFLICT

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def ordinal(n: int) -> str:
    return ORDINALS[n - 1] if 1 <= n <= len(ORDINALS) else f"{n}th"


# --- estimates -----------------------------------------------------------------------


def who(row) -> str:
    """The estimator as a sentence names them, escaped."""
    return fmt.md_escape(fmt.as_subject(row["estimator"]))


def party_note(row) -> str:
    """', a claim by Ukraine, a party to the conflict' after a party's figure ('' for anyone else)."""
    if not bool(row["party_to_conflict"]):
        return ""
    return f", a claim by {PARTIES_TO_CONFLICT[str(row['estimator_group'])]}, a party to the conflict"


def estimate_sentence_part(row) -> str:
    """'more than 100,000 troops near Ukraine's borders, according to EFE and AP (wire report) on 31 December 2021'."""
    named = who(row)
    return (f"**{fmt.estimate_text(row)}** {fmt.label(row['scope'])}, according to {named}{',' if ', ' in named else ''} on "
            f"{fmt.day(row['published'])}{party_note(row)}{row_mark(row)}")


def latest_estimates_sentence(estimates: pd.DataFrame, as_of=None) -> str:
    """What the latest published figures said."""
    totals = analysis.troop_totals(estimates)
    if totals.empty:
        when = f" by {fmt.day(as_of)}" if as_of is not None else ""
        return f"No estimate of the troops around Ukraine had been published{when} in the selected data."
    rows = analysis.latest(totals)
    parts = [f"**{fmt.estimate_text(r)}** {fmt.label(r['scope'])}, according to {who(r)}{party_note(r)}{row_mark(r)}" for _, r in rows.iterrows()]
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
    """How the upper figure moved from the window's first estimate to its last, in three short sentences."""
    moved = analysis.change(analysis.troop_totals(estimates))
    if moved is None:
        return ""
    direction = "rose" if moved.difference > 0 else "fell" if moved.difference < 0 else "stood still"
    by = f" by {fmt.thousands(abs(moved.difference))}" if moved.difference else ""
    return (f"From the first estimate in the window to the last, the upper figure {direction}{by}. "
            f"The first was {estimate_sentence_part(moved.first)}. The last was {estimate_sentence_part(moved.last)}.")


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
    """'Between A and B, the dataset holds N published estimates ... They come from K groups of estimators: ...'"""
    groups = analysis.counts(estimates, "estimator_group").index if len(estimates) else []
    text = (f"Between {fmt.day(start)} and {fmt.day(end)}, the dataset holds "
            f"{fmt.count_words(len(estimates), 'published estimate')} of Russian forces near Ukraine.{table_mark(table)}")
    if len(groups) == 1:
        text += f" All come from one group of estimators: {fmt.label(groups[0])}."
    elif len(groups) > 1:
        text += (f" They come from {fmt.number_word(len(groups))} groups of estimators: "
                 f"{fmt.listing(fmt.label(g) for g in groups)}.")
    return text


# --- contacts ------------------------------------------------------------------------


CONTACT_VERBS = {"phone": "spoke by phone", "video": "held a video call", "in_person": "met"}


def contact_clause(row, on_day: bool = True) -> str:
    """'Joe Biden and Vladimir Putin spoke by phone on 30 December 2021 for about 50 minutes, from 3:35 pm
    Washington time (20:35 GMT), at the request of Russia'."""
    place = f" in {fmt.md_escape(row['place'])}" if pd.notna(row["place"]) else ""
    verb = CONTACT_VERBS[str(row["format"])]
    if str(row.get("status")) == "scheduled":
        verb = {"phone": "are to speak by phone", "video": "are to hold a video call", "in_person": "are to meet"}[str(row["format"])]
    text = f"{fmt.md_escape(fmt.people(row['participants']))} {verb}{place}"
    if on_day:
        text += f" on {fmt.day_span(row['date'], row['end_date'])}"
    if pd.notna(row["duration_min"]):
        text += f" for {fmt.duration(row['duration_min'], row['duration_qualifier'])}"
    if pd.notna(row["start_time"]):
        text += f", from {fmt.clock(row['start_time'], row['timezone'], row['date'])}"
    if pd.notna(row["requested_by"]):
        text += f", at the request of {fmt.md_escape(fmt.party(row['requested_by']))}"
    return text


def contact_line(row) -> str:
    """A Markdown list item for one contact: '- **30 December 2021**, US–Russia: Joe Biden and Vladimir Putin spoke by phone ...'."""
    when = fmt.day_span(row["date"], row["end_date"])
    return f"- **{when}**, {fmt.label(row['track'])}: {contact_clause(row, on_day=False)}.{row_mark(row)}"


def leader_contact_sentence(held: pd.DataFrame) -> str:
    """The latest contact between leaders, and how it fits the month's contacts between them."""
    leaders = analysis.leader_contacts(held, n=1)
    if leaders.empty:
        return "No contact between leaders had been held in the selected data."
    row = leaders.iloc[0]
    sentence = (f"The latest contact between leaders was on **{fmt.day(row['date'])}**: "
                f"{contact_clause(row, on_day=False)}.{row_mark(row)}")
    earlier = analysis.earlier_same_month(held, row)
    if not earlier.empty:
        firsts = fmt.days(earlier["date"])
        sentence += (f" It was their {ordinal(len(earlier) + 1)} direct contact that month, after "
                     f"{'the one' if len(earlier) == 1 else 'those'} of {firsts}.{rows_mark(earlier)}")
    return sentence


def forum_name(session: analysis.Session) -> str:
    """'the NATO–Russia Council' where the sources name the forum, else 'US–Russia talks' (escaped)."""
    forums = [f for f in session.rows["forum"].dropna().astype(str) if f.strip()] if "forum" in session.rows else []
    return f"the {fmt.md_escape(forums[0])}" if forums else f"{fmt.label(session.track)} talks"


def session_line(session: analysis.Session) -> str:
    """'**9–10 January 2022**: US–Russia talks in Geneva (Wendy Sherman; Sergei Ryabkov).'"""
    rows = session.rows
    who_ = fmt.listing(dict.fromkeys(fmt.md_escape(p.strip()) for names in rows["participants"] for p in str(names).split(";")))
    place = f" in {fmt.md_escape(session.place)}" if session.place else ""
    kinds = fmt.listing(sorted({fmt.label(f) for f in rows["format"]}))
    name = forum_name(session)
    return f"- **{fmt.day_span(session.first, session.last)}**: {name}{place}, {kinds}, with {who_}.{rows_mark(rows)}"


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
    text = (f"Between {fmt.day(start)} and {fmt.day(end)}, the dataset holds {fmt.count_words(len(held), 'call or meeting', 'calls and meetings')}: "
            + fmt.listing(f"{fmt.number_word(n)} {fmt.label(k)}{'s' if n != 1 and k != 'in_person' else ''}" if k != "in_person" else f"{fmt.number_word(n)} in person"
                          for k, n in by_format.items()) + "." + table_mark(table)
            + " By level: " + fmt.listing(f"{fmt.number_word(n)} between {fmt.label(k)}" if k != "multilateral" else f"{fmt.number_word(n)} in multilateral bodies"
                                          for k, n in by_level.items()) + ".")
    asked = requests_sentence(analysis.requesters(held))
    if asked:
        text += " " + asked + table_mark(table)
    return text


def requests_sentence(asked: pd.Series) -> str:
    """'The sources say who asked for 16 of the contacts: the United States for eight, and France, Russia and
    Ukraine for two each.' ('' when no source says)."""
    if asked.empty:
        return ""
    by_count: dict[int, list[str]] = {}
    for who_, n in asked.items():
        by_count.setdefault(int(n), []).append(fmt.md_escape(fmt.party(who_)))
    groups = []
    for n, names in sorted(by_count.items(), reverse=True):
        groups.append(f"{fmt.listing(sorted(names))} for {fmt.number_word(n)}{' each' if len(names) > 1 else ''}")
    if len(asked) == 1:
        return f"The sources say who asked for {fmt.count_words(int(asked.sum()), 'contact')}: {fmt.md_escape(fmt.party(asked.index[0]))}."
    return (f"The sources say who asked for {fmt.count_words(int(asked.sum()), 'contact')}: "
            + "; ".join(groups[:-1]) + ("; and " if len(groups) > 2 else " and " if len(groups) == 2 else "") + groups[-1] + ".")


def gaps_sentence(held: pd.DataFrame) -> str:
    gaps = analysis.longest_gaps(held, n=3)
    if not gaps:
        return ""
    items = [f"{fmt.count_words(g.days, 'day')} between {fmt.day(g.after)} and {fmt.day(g.before)}" for g in gaps]
    ends = held[held["date"].isin([d for g in gaps for d in (g.after, g.before)])].sort_values(["date", "contact_id"])
    return f"The longest stretches without any contact in the data: {fmt.listing(items)}.{rows_mark(ends)}"


# --- brief ---------------------------------------------------------------------------


def changes_since_block(view: Snapshot, new: Snapshot, since: date) -> str:
    """What changed between since and as_of: new estimates, contacts, announcements, events; one item per row."""
    blocks = []
    totals = analysis.troop_totals(new.estimates)
    if not new.estimates.empty:
        blocks.append(f"- {fmt.initial_capital(fmt.count_words(len(new.estimates), 'new estimate'))}"
                      + (f"; the highest was {estimate_sentence_part(analysis.peak(totals))}" if not totals.empty else "") + "."
                      + rows_mark(new.estimates))

    def listed(head: str, frame: pd.DataFrame, item) -> None:
        if not frame.empty:
            blocks.append(f"- {fmt.initial_capital(head)}:\n" + "\n".join(f"  - {item(r)}{row_mark(r)}" for _, r in frame.iterrows()))

    listed(fmt.count_words(len(new.held), "call or meeting", "calls and meetings") + " held", new.held,
           lambda r: f"{fmt.day(r['date'])}: {fmt.label(r['track'])}, {fmt.label(r['format'])}")
    listed(fmt.count_words(len(new.scheduled), "contact") + " newly announced", new.scheduled,
           lambda r: f"{fmt.day(r['date'])}: {fmt.label(r['track'])}")
    listed(fmt.count_words(len(new.cancelled), "contact") + " cancelled", new.cancelled,
           lambda r: f"{fmt.day(r['date'])}: {fmt.md_escape(fmt.people(r['participants']))}")
    listed(fmt.count_words(len(new.events), "milestone"), new.events, lambda r: f"{fmt.day(r['date'])}: {fmt.md_escape(r['title'])}")
    if not blocks:
        return f"Nothing new entered the data between {fmt.day(since)} and {fmt.day(view.as_of)}."
    return f"Since {fmt.day(since)}:\n\n" + "\n".join(blocks)


# --- charts' text --------------------------------------------------------------------


def source_line(rows: pd.DataFrame, sources: pd.DataFrame, what: str) -> str:
    """'Source: Build-up Brief dataset; 34 estimates from 28 publications (Reuters, AP...).'"""
    if rows.empty:
        return "Source: Build-up Brief dataset; nothing in this window."
    used = analysis.sources_used(sources, rows)
    outlets = used["outlet"].str.replace(r" \(.*\)$", "", regex=True).value_counts()
    named = ", ".join(outlets.index[:4]) + (" and others" if len(outlets) > 4 else "")
    return (f"Source: Build-up Brief dataset; {fmt.count_words(len(rows), what)} from "
            f"{fmt.count_words(len(used), 'publication')}" + (f" ({named})" if named else "") + ".")


def estimates_alt(estimates: pd.DataFrame, start, end, unit: str = "troops") -> str:
    """Alt text for an estimates chart: what is drawn and what it shows, in plain words."""
    if estimates.empty:
        return f"Empty chart: no estimates in {unit} were published between {fmt.day(start)} and {fmt.day(end)}."
    low, high = int(estimates["low"].min()), int(estimates["high"].max())
    last = estimates.sort_values("published").iloc[-1]
    return (f"Chart of {fmt.count_words(len(estimates), 'published estimate')} of Russian forces near Ukraine, in {unit}, "
            f"from {fmt.day(start)} to {fmt.day(end)}, each a point with its range, by estimator group. Figures run from "
            f"{fmt.thousands(low)} to {fmt.thousands(high)}. The last, on {fmt.day(last['published'])}, was "
            f"{fmt.estimate_text(last)}, from {fmt.as_subject(last['estimator'])}.")


def timeline_alt(held: pd.DataFrame, scheduled: pd.DataFrame, start, end) -> str:
    if held.empty and scheduled.empty:
        return f"Timeline with no contacts between {fmt.day(start)} and {fmt.day(end)}."
    tracks = analysis.counts(held, "track") if not held.empty else pd.Series(dtype=int)
    busiest = (f" The busiest track is {fmt.label(tracks.index[0])}, with {fmt.count_words(int(tracks.iloc[0]), 'contact')}."
               if not tracks.empty else "")
    hollow = (f", with {fmt.count_words(len(scheduled), 'scheduled contact')} drawn hollow" if len(scheduled) else "")
    return (f"Timeline of {fmt.count_words(len(held), 'call or meeting', 'calls and meetings')} held from {fmt.day(start)} "
            f"to {fmt.day(end)}, one lane per diplomatic track, marker shape by format{hollow}.{busiest}")


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
    text = buildup_finding(estimates) + " " if moved is not None else ""
    return strip(text) + (f"The calls and meetings in the data were busiest in {month.start_time:%B %Y}, with "
                   f"{fmt.count_words(int(busiest.max()), 'contact')} of the {len(held)} held.")


# --- the lead of a brief -----------------------------------------------------------------------

LEAD_SESSIONS = 3  # the lead names at most this many coming contacts; the list below has them all


def party_sentence(row) -> str:
    """' Ukraine is a party to the conflict.' after a party's figure, said in words ('' for anyone else)."""
    if not bool(row["party_to_conflict"]):
        return ""
    return f" {PARTIES_TO_CONFLICT[str(row['estimator_group'])]} is a party to the conflict."


def force_sentence(row, highest: bool = False) -> str:
    """'The latest figure, published on 31 December 2021, was more than 100,000 Russian troops near Ukraine's
    borders. It came from EFE and AP (wire report).'"""
    figure = fmt.figure(row["low"], row["high"], row["qualifier"])
    what = "The highest figure yet" if highest else "The latest figure"
    return (f"{what}, published on {fmt.day(row['published'])}, was {figure} Russian troops {fmt.label(row['scope'])}. "
            f"It came from {who(row)}.{row_mark(row)}{party_sentence(row)}")


def latest_force_row(estimates: pd.DataFrame):
    """The estimate a lead quotes: the latest figure for the whole force, an outside estimator's before a party's."""
    latest = analysis.latest(analysis.troop_totals(estimates))
    if latest.empty:
        return None
    return latest.sort_values(["party_to_conflict", "estimate_id"], key=lambda c: c.astype(str)).iloc[0]


def contact_lead(row, held: pd.DataFrame) -> str:
    """'Joe Biden and Vladimir Putin spoke by phone on 30 December 2021 for about 50 minutes, from 3:35 pm
    Washington time (20:35 GMT), at the request of Russia. It was their second contact that month, after 7 December 2021.'"""
    text = f"{contact_clause(row)}.{row_mark(row)}"
    earlier = analysis.earlier_same_month(held, row)
    if not earlier.empty:
        text += (f" It was their {ordinal(len(earlier) + 1)} contact that month, after "
                 f"{fmt.days(earlier['date'])}.{rows_mark(earlier)}")
    return text


def event_lead(row) -> str:
    """A milestone as a lead: its date and headline. (Its claim stays in the milestones below: a claim may
    mention a plan, such as an exercise's end date, that a lead should not state as news.)"""
    return f"**{fmt.day(row['date'])}: {fmt.md_escape(row['title'])}.**{row_mark(row)}"


def session_name(session: analysis.Session) -> str:
    """'the NATO–Russia Council in Brussels on 12 January 2022', or 'US–Russia talks' where no forum is named."""
    place = f" in {fmt.md_escape(session.place)}" if session.place else ""
    return f"{forum_name(session)}{place} on {fmt.day_span(session.first, session.last)}{rows_mark(session.rows)}"


def coming_sentence(scheduled: pd.DataFrame) -> str:
    """'Next: the Strategic Stability Dialogue in Geneva on 9–10 January 2022, ... .' ('' when nothing is scheduled)."""
    sessions = analysis.group_sessions(scheduled)
    if not sessions:
        return ""
    named = [session_name(s) for s in sessions[:LEAD_SESSIONS]]
    more = len(sessions) - LEAD_SESSIONS
    return "Next: " + fmt.listing(named) + (f", and {fmt.count_words(more, 'more contact')} listed below" if more > 0 else "") + "."


def brief_lead(view: Snapshot, new: Snapshot, since) -> str:
    """A brief's first paragraph, like a wire story's: the news that mattered most since the last brief
    (analysis.top_story), the latest figure for the force, and what comes next, where."""
    earlier = view.estimates[~view.estimates["estimate_id"].isin(new.estimates["estimate_id"])]
    story = analysis.top_story(new.estimates, earlier, new.held, new.cancelled, new.events, view.as_of)
    sentences = []
    if story is not None and story.kind in ("key_event", "event"):
        sentences.append(event_lead(story.row))
    elif story is not None and story.kind == "leaders_contact":
        sentences.append(contact_lead(story.row, view.held))
    elif story is not None and story.kind == "cancellation":
        row = story.row
        sentences.append(f"The {fmt.label(row['format'])} between {fmt.md_escape(fmt.people(row['participants']))} planned for "
                         f"{fmt.day(row['date'])} was called off, as reported on {fmt.day(row['cancelled_on'])}.{row_mark(row)}")
    elif story is None:
        sentences.append(f"No contact between leaders and no milestone was reported between {fmt.day(since)} and "
                         f"{fmt.day(view.as_of)}.")
    force = latest_force_row(view.estimates)
    if story is not None and story.kind == "new_high":
        sentences.append(force_sentence(story.row, highest=True))
    elif force is not None:
        sentences.append(force_sentence(force))
    else:
        sentences.append(f"No estimate of the Russian troops near Ukraine had been published by {fmt.day(view.as_of)} in the data.")
    coming = coming_sentence(view.scheduled)
    if coming:
        sentences.append(coming)
    return " ".join(sentences)


# --- the findings of the overview reports ------------------------------------------------------


def buildup_finding(estimates: pd.DataFrame) -> str:
    """The build-up report's finding in two sentences: where the published figures went, and the highest."""
    totals = analysis.troop_totals(estimates)
    moved = analysis.change(totals)
    if moved is None:
        return ""
    direction = "rose" if moved.difference > 0 else "fell" if moved.difference < 0 else "stayed"
    first, last = moved.first, moved.last
    text = (f"Published estimates of the Russian force near Ukraine {direction} from "
            f"{fmt.figure(first['low'], first['high'], first['qualifier'])} troops in {first['published']:%B %Y} to "
            f"{fmt.figure(last['low'], last['high'], last['qualifier'])} on {fmt.day(last['published'])}.{rows_mark(pd.DataFrame([first, last]))}")
    top = analysis.peak(totals)
    if top is not None and top["estimate_id"] != last["estimate_id"]:
        text += (f" The highest, {fmt.figure(top['low'], top['high'], top['qualifier'])}, came from "
                 f"{who(top)} on {fmt.day(top['published'])}{party_note(top)}.{row_mark(top)}")
    return text


def diplomacy_finding(held: pd.DataFrame, table: str = "cadence") -> str:
    """The diplomacy report's finding in one or two sentences: when the talks peaked, and how many were between leaders."""
    if held.empty:
        return ""
    months = held["date"].dt.to_period("M").value_counts().sort_index()
    busiest = months.idxmax()
    leaders = int((held["level"] == "leaders").sum())
    return (f"Calls and meetings peaked in {busiest.start_time:%B %Y}: {fmt.number_word(int(months.max()))} of the "
            f"{len(held)} in the data fall in that month. Leaders took part in {fmt.number_word(leaders)} of the {len(held)}."
            f"{table_mark(table)}")
