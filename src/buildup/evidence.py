"""reports/evidence.html: every row of every table, in plain words, each with its permalink and source.

Reports link each row they use here (evidence.html#te-033); a row's entry gives its fields, the
figure as the source printed it, the day it was last checked, and its source's entry. Every
value from the data is escaped.
"""

from __future__ import annotations

import html

import pandas as pd

from . import cite, fmt
from .data import Dataset
from .index import standalone_page

TABLES = (  # table, id column, date column, heading
    ("troop_estimates", "estimate_id", "published", "Troop estimates"),
    ("contacts", "contact_id", "date", "Calls and meetings"),
    ("events", "event_id", "date", "Milestones"),
)


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _given(value) -> bool:
    return value is not None and not (not isinstance(value, (list, tuple)) and pd.isna(value))


def _estimate_words(row) -> list[tuple[str, str]]:
    party = " (a party to the conflict)" if bool(row["party_to_conflict"]) else ""
    fields = [("Figure", f"{fmt.estimate_text(row)} {fmt.label(row['scope'])}"),
              ("As written", f"“{row['as_written']}”" if _given(row.get("as_written")) else ""),
              ("Estimator", row["estimator"]),
              ("Group", f"{fmt.initial_capital(fmt.label(row['estimator_group']))}{party}"),  # its own line: names hold commas
              ("Published", fmt.day(row["published"]))]
    if _given(row["as_of"]):
        fields.append(("Refers to", fmt.day(row["as_of"])))
    return fields


def _contact_words(row) -> list[tuple[str, str]]:
    fields = [("When", fmt.day_span(row["date"], row["end_date"])),
              ("Who", str(row["participants"]).replace("; ", ", ")),
              ("How", fmt.label(row["format"]) + (f" in {row['place']}" if _given(row["place"]) else "")),
              ("Level and track", f"{fmt.label(row['level'])}, {fmt.label(row['track'])}")]
    if _given(row.get("forum")):
        fields.append(("Forum", str(row["forum"])))
    if _given(row["start_time"]):
        fields.append(("Start", fmt.clock(row["start_time"], row["timezone"], row["date"])))
    if _given(row["duration_min"]):
        fields.append(("Length", fmt.duration(row["duration_min"], row["duration_qualifier"])))
    if _given(row["requested_by"]):
        fields.append(("Asked for by", str(row["requested_by"])))
    if _given(row["announced"]):
        fields.append(("Announced", f"{fmt.day(row['announced'])} ({row['announced_source_id']})"))
    status = "held" if row["status"] == "held" else f"cancelled (reported {fmt.day(row['cancelled_on'])})"
    fields.append(("Status", status))
    return fields


def _event_words(row) -> list[tuple[str, str]]:
    return [("When", fmt.day_span(row["date"], row["end_date"])), ("What", str(row["title"])),
            ("Kind", fmt.label(row["category"]) + (", context before the study period" if bool(row["context"]) else ""))]


WORDS = {"troop_estimates": _estimate_words, "contacts": _contact_words, "events": _event_words}


def row_entry(table: str, id_column: str, row) -> str:
    """One row as an article with its id as anchor."""
    row_id = str(row[id_column])
    fields = WORDS[table](row)
    fields += [("Claim", str(row["claim"])),
               ("Checked", fmt.day(row["checked"]) if _given(row.get("checked")) else "not yet")]
    source_id = str(row["source_id"])
    fields_html = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in fields if v)
    source_link = f'<a href="#{_e(cite.source_anchor(source_id))}">{_e(source_id)}</a>'
    return (f'<article class="row" id="{_e(row_id)}"><h3>{_e(row_id)} '
            f'<a class="anchor-link" href="#{_e(row_id)}" aria-label="Link to this row">#</a></h3>'
            f"<dl>{fields_html}<dt>Source</dt><dd>{source_link}</dd></dl></article>")


def render_evidence(dataset: Dataset, version: str) -> str:
    """The evidence page's HTML."""
    parts = [f"<h1>The evidence: every row and its source</h1>\n<p>Every row of the Build-up Brief dataset, version "
             f"{_e(version)}, grouped by table and ordered by date. Each has a permalink (its id) that the reports "
             "link to, the figure as the source printed it, the day the row was last checked against its "
             'source, and the source itself. The <a href="index.html">reports</a> cite these rows.</p>']
    rows_by_source: dict[str, list[str]] = {}
    for table, id_column, date_column, heading in TABLES:
        frame = getattr(dataset, table).sort_values([date_column, id_column])
        parts.append(f'<h2 id="{table}">{_e(heading)} ({len(frame)})</h2>')
        for _, row in frame.iterrows():
            parts.append(row_entry(table, id_column, row))
            rows_by_source.setdefault(str(row["source_id"]), []).append(str(row[id_column]))
            if table == "contacts" and _given(row["announced_source_id"]):
                rows_by_source.setdefault(str(row["announced_source_id"]), []).append(str(row[id_column]))
    sources = dataset.sources.sort_values(["published", "source_id"])
    parts.append(f'<h2 id="sources">Sources ({len(sources)})</h2>\n<ul class="sources">')
    for _, source in sources.iterrows():
        parts.append(cite.source_entry(source, rows_by_source.get(str(source["source_id"]), []),
                                       row_href=lambda r: f"#{r}"))
    parts.append("</ul>")
    return standalone_page("The evidence · Build-up Brief", "\n".join(parts))
