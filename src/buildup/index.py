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


HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="generator" content="Build-up Brief {version}">
<title>{title}</title>
{head_extra}<style>
{css}
</style>
</head>
<body>
"""


def standalone_page(title: str, main_html: str, head_extra: str = "") -> str:
    """A page of the site outside the notebooks (index, evidence), with the reports' style and CSP."""
    return (HEAD.format(version=escape(__version__), title=escape(title), css=CSS, head_extra=head_extra)
            + '<a class="skip" href="#main">Skip to the content</a>\n<header class="site"><nav aria-label="Reports">'
            '<a href="index.html">All reports</a> <a href="evidence.html">The evidence</a></nav></header>\n'
            f'<main id="main">\n{main_html}\n</main>\n</body>\n</html>\n')


def render_index(reports: list[Report], state_names: set[str], title: str, site: dict | None = None) -> str:
    """The index page's HTML; `site` adds the dataset's version, downloads, feed and JSON-LD metadata."""
    site = site or {}
    single = [r for r in reports if r.series is None]
    series = [r for r in reports if r.series is not None]
    parts = ["""<h1>Build-up Brief</h1>
<p>Russia's build-up of forces around Ukraine, March 2021 – 24 February 2022, and the diplomacy
around it: reports built from a hand-curated dataset in which every figure and date is traced
to a published source. <a href="evidence.html">The evidence</a> lists every row and its source.</p>
""" + _dataset_block(site) + """
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
    head = ""
    if site.get("feed"):
        head += f'<link rel="alternate" type="application/atom+xml" title="Build-up Brief: the briefs" href="{escape(site["feed"], quote=True)}">\n'
    if site.get("jsonld"):
        head += site["jsonld"] + "\n"
    return standalone_page(title, "\n".join(parts), head_extra=head)


def _dataset_block(site: dict) -> str:
    if not site:
        return ""
    links = [f'<a href="{escape(site["zip"], quote=True)}">the whole dataset (zip)</a>' if site.get("zip") else "",
             '<a href="changelog.html">what changed</a>',
             f'<a href="{escape(site["feed"], quote=True)}">the briefs as a feed (Atom)</a>' if site.get("feed") else ""]
    return (f'<p class="dataset">Dataset version {escape(site.get("version", ""))}, content hash '
            f'<code class="hash">{escape(site.get("data_hash", ""))}</code>. Download '
            + ", ".join(l for l in links if l) + ".</p>")
