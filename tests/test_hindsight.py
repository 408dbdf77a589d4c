"""No hindsight: a brief shows only what had been published by its date.

Checked three ways against the independent rule in tests/hindsight.py: on every exported brief
in reports/, on every brief of reports.toml and 50 more dates rendered without a kernel from
the real data, and on generated datasets whose sources lag their events by random delays.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from buildup import paths
from buildup.data import load
from buildup.report import BriefPage
from buildup.reportset import load_reports
from hindsight import Known, dates_in, leaks_in_brief, leaks_in_page

STUDY_START, STUDY_END = date(2021, 3, 1), date(2022, 2, 24)
BRIEFS = [r for r in load_reports() if r.notebook.name == "30-brief.ipynb"]


def _as_of(report) -> date:
    return date.fromisoformat(str(report.parameters.get("as_of", "2021-12-31")))


@pytest.fixture(scope="module")
def known() -> Known:
    return Known.from_folder(paths.DATA)


def _brief(dataset, as_of: date, since: str = "") -> BriefPage:
    return BriefPage.from_parameters(as_of=as_of.isoformat(), since=since, dataset=dataset,
                                     display_output=False).run_all()


# --- the checker itself ----------------------------------------------------------------


def test_the_checker_reads_every_date_form_the_pages_use():
    text = "on 9–10 January 2022, 31 Dec 2021, 2022-02-12, 30 December – 2 January 2022, and from 23 April"
    assert dates_in(text, date(2021, 4, 22)) == [date(2022, 2, 12), date(2022, 1, 9), date(2022, 1, 10),
                                                 date(2021, 12, 30), date(2022, 1, 2), date(2021, 12, 31),
                                                 date(2021, 4, 23)]


def test_the_checker_finds_a_source_cited_before_its_publication(known):
    page = ('<main><h2 id="Sources">Sources</h2><ul><li>RT, A title, 23 April 2021.</li></ul></main>')
    leaks = leaks_in_page(page, date(2021, 4, 22), known)
    assert [str(leak) for leak in leaks] == ["cites a source 'RT, A title, 23 April 2021.' (published 2021-04-23)",
                                             "states the date 2021-04-23 (published 2021-04-23)"]


def test_the_checker_allows_the_dates_of_scheduled_contacts_only(known):
    page = "<main><p>Talks on 9–10 January 2022 in Geneva; nothing on 11 January 2022.</p></main>"
    leaks = leaks_in_page(page, date(2021, 12, 31), known)
    assert [str(leak) for leak in leaks] == ["states the date 2022-01-11 (published 2022-01-11)"]


# --- the exported briefs ---------------------------------------------------------------


@pytest.mark.parametrize("report", BRIEFS, ids=lambda r: r.name)
def test_no_exported_brief_shows_anything_published_after_its_date(report, known):
    page = paths.REPORTS / f"{report.name}.html"
    leaks = leaks_in_page(page.read_text(encoding="utf-8"), _as_of(report), known)
    assert not leaks, f"{page.name}: " + "; ".join(map(str, leaks))


# --- briefs rendered from the real data -------------------------------------------------


@pytest.mark.parametrize("report", BRIEFS, ids=lambda r: r.name)
def test_every_brief_of_the_report_set_uses_only_what_was_published_by_its_date(report, dataset, known):
    page = _brief(dataset, _as_of(report), str(report.parameters.get("since", "")))
    leaks = leaks_in_brief(page, _as_of(report), known)
    assert not leaks, "; ".join(map(str, leaks))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(as_of=st.dates(min_value=STUDY_START, max_value=STUDY_END))
def test_a_brief_for_any_date_uses_only_what_was_published_by_then(as_of, dataset, known):
    leaks = leaks_in_brief(_brief(dataset, as_of), as_of, known)
    assert not leaks, "; ".join(map(str, leaks))


def test_a_call_reported_the_day_after_is_scheduled_on_its_day_and_held_the_next(dataset):
    # ct-028: Biden and Putin spoke on 30 December 2021; announced on 29 December, first reported on 31 December.
    on_the_day = _brief(dataset, date(2021, 12, 30))
    assert "ct-028" in set(on_the_day.view.scheduled["contact_id"])
    assert "ct-028" not in set(on_the_day.view.held["contact_id"])
    scheduled = on_the_day.view.scheduled.set_index("contact_id").loc["ct-028"]
    assert scheduled["source_id"] == "urdupoint-news-2021-12-29"
    assert scheduled.isna()[["duration_min", "start_time", "requested_by"]].all()
    next_day = _brief(dataset, date(2021, 12, 31))
    assert "ct-028" in set(next_day.view.held["contact_id"])
    assert "ct-028" in set(next_day.new.held["contact_id"])


def test_a_row_reported_months_later_never_reaches_a_brief(dataset):
    last = _brief(dataset, STUDY_END)
    assert "ct-068" not in set(last.view.held["contact_id"])  # first reported by The Hill on 19 May 2022


# --- briefs rendered from generated data --------------------------------------------------


def _rows(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), {row[reader.fieldnames[0]]: row for row in reader}


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _clip(day: date) -> date:
    return min(max(day, STUDY_START), STUDY_END)


days = st.integers(min_value=0, max_value=(STUDY_END - STUDY_START).days + 30)
lags = st.integers(min_value=0, max_value=6)


@st.composite
def datasets(draw):
    """A small valid dataset whose sources report each row after a random delay."""
    n_sources = draw(st.integers(min_value=2, max_value=10))
    sources = [STUDY_START + timedelta(days=draw(days)) for _ in range(n_sources)]
    source = st.integers(min_value=0, max_value=n_sources - 1)
    estimates = [(draw(source), draw(lags)) for _ in range(draw(st.integers(0, 6)))]
    contacts = []
    for _ in range(draw(st.integers(0, 8))):
        reported, lag = draw(source), draw(lags)
        held = _clip(sources[reported] - timedelta(days=lag))
        earlier = [i for i, day in enumerate(sources) if day <= held]
        announcement = draw(st.sampled_from(earlier)) if earlier and draw(st.booleans()) else None
        contacts.append((reported, held, announcement, draw(lags), draw(st.booleans()), draw(st.integers(0, 2))))
    events = [(draw(source), draw(lags), draw(st.integers(0, 3))) for _ in range(draw(st.integers(0, 4)))]
    return sources, estimates, contacts, events


def _generated_folder(root: Path, generated) -> Path:
    """Write a generated dataset as CSVs, using real rows as templates for the other columns."""
    sources, estimates, contacts, events = generated
    folder = root / "data"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "datapackage.json").write_bytes((paths.DATA / "datapackage.json").read_bytes())
    header, real = _rows(paths.DATA / "sources.csv")
    template = real["reuters-2021-04-12"]
    ids = [f"gen-{i}" for i in range(len(sources))]
    _write(folder / "sources.csv", header, [{**template, "source_id": ids[i], "published": day.isoformat(),
                                             "title": f"Generated report {i}"} for i, day in enumerate(sources)])
    header, real = _rows(paths.DATA / "troop_estimates.csv")
    _write(folder / "troop_estimates.csv", header, [
        {**real["te-001"], "estimate_id": f"te-{900 + i}", "source_id": ids[s], "as_of": "",
         "published": _clip(sources[s] - timedelta(days=lag)).isoformat(), "low": str(1000 * (i + 1)), "high": str(1000 * (i + 1)),
         "qualifier": "more than", "as_written": f"more than {1000 * (i + 1):,}"}
        for i, (s, lag) in enumerate(estimates) if STUDY_START <= sources[s] - timedelta(days=lag)])
    header, real = _rows(paths.DATA / "contacts.csv")
    rows = []
    for i, (s, held, announcement, lag, cancelled, length) in enumerate(contacts):
        row = {**real["ct-028"], "contact_id": f"ct-{900 + i}", "source_id": ids[s], "date": held.isoformat(),
               "end_date": (held + timedelta(days=length)).isoformat() if length else "",
               "announced": "", "announced_source_id": "", "status": "held", "cancelled_on": ""}
        if announcement is not None:
            told = max(STUDY_START, sources[announcement] - timedelta(days=lag))
            row.update(announced=min(told, held).isoformat(), announced_source_id=ids[announcement])
        if cancelled:
            row.update(status="cancelled", cancelled_on=min(sources[s], held).isoformat())
        if sources[s] < held or (length and sources[s] < held + timedelta(days=length)):
            row["end_date"] = ""
        rows.append(row)
    _write(folder / "contacts.csv", header, [r for r in rows if r["status"] == "held" or r["cancelled_on"]])
    header, real = _rows(paths.DATA / "events.csv")
    _write(folder / "events.csv", header, [
        {**real["ev-010"], "event_id": f"ev-{900 + i}", "source_id": ids[s],
         "date": _clip(sources[s] - timedelta(days=lag)).isoformat(),
         "end_date": (_clip(sources[s] - timedelta(days=lag)) + timedelta(days=length)).isoformat() if length else ""}
        for i, (s, lag, length) in enumerate(events)])
    return folder


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=datasets(), as_of=st.dates(min_value=STUDY_START, max_value=STUDY_END))
def test_a_brief_from_generated_data_uses_only_what_was_published_by_its_date(generated, as_of, tmp_path_factory):
    folder = _generated_folder(tmp_path_factory.mktemp("generated"), generated)
    dataset = load(folder)
    leaks = leaks_in_brief(_brief(dataset, as_of), as_of, Known.from_folder(folder))
    assert not leaks, "; ".join(map(str, leaks))
