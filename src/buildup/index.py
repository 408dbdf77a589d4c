"""reports/index.html: every report with its title, description and parameters, and the
archive of briefs as a timeline by month. Everything from the report set is escaped."""

from __future__ import annotations

from html import escape
from itertools import groupby

from . import __version__
from .htmlexport import CSS
from .reportset import Report


def _parameters(report: Report) -> str:
    shown = [f"{k} = {v}" for k, v in report.parameters.items() if v not in ("", [], None)]
    return "defaults" if not shown else "; ".join(shown)


def _link(report: Report, built: set[str], text: str) -> str:
    if report.name not in built:
        return f"{escape(text)} <span class=\"params-inline\">(not built yet)</span>"
    return f'<a href="{escape(report.name, quote=True)}.html">{escape(text)}</a>'


def render_index(reports: list[Report], state_names: set[str], title: str) -> str:
    """The index page's HTML."""
    single = [r for r in reports if r.series is None]
    series = [r for r in reports if r.series is not None]
    parts = [f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="generator" content="Build-up Brief {escape(__version__)}">
<title>{escape(title)}</title>
<style>
{CSS}
</style>
</head>
<body>
<main id="main">
<h1>Build-up Brief</h1>
<p>Russia's build-up of forces around Ukraine, March 2021 – 24 February 2022, and the diplomacy
around it: reports built from a hand-curated dataset in which every figure and date is traced
to a published source.</p>
<h2 id="reports">Reports</h2>
<ul class="index-list">"""]
    for report in single:
        parts.append(f"<li>{_link(report, state_names, report.title)}<br>{escape(report.description)}"
                     f"<br><span class=\"params-inline\">{escape(report.notebook.name)}, parameters: {escape(_parameters(report))}</span></li>")
    parts.append("</ul>")
    for name, members in groupby(series, key=lambda r: r.series):
        members = sorted(members, key=lambda r: r.date)
        parts.append(f'<h2 id="archive-{escape(name, quote=True)}">Archive: {len(members)} briefs, one a week and on key dates</h2>')
        parts.append(f"<p>Each brief sees only what had been published by its date, and links to the previous and next one. "
                     f"Key dates are in bold. Notebook {escape(members[0].notebook.name)}; parameter as_of = the date, "
                     f"since = the previous brief's date.</p>")
        parts.append('<div class="archive">')
        for month, days in groupby(members, key=lambda r: r.date.strftime("%B %Y")):
            parts.append(f"<h3>{escape(month)}</h3>")
            for report in days:
                label = f"{report.date.day} {report.date:%b}"
                tag = "strong" if report.key_date else "span"
                parts.append(f"<{tag}>{_link(report, state_names, label)}</{tag}>")
        parts.append("</div>")
    parts.append("</main>\n</body>\n</html>\n")
    return "\n".join(parts)
