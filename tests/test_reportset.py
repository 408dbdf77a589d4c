"""reports.toml: the report set, expanded and checked before any kernel starts."""

from __future__ import annotations

from datetime import date

import pytest

from buildup.reportset import ReportSetError, load_reports, select

NOTEBOOK = "notebooks/30-brief.ipynb"


def write(tmp_path, text):
    path = tmp_path / "reports.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_one_report_per_notebook_with_defaults():
    singles = [r for r in load_reports() if r.series is None]
    assert {r.notebook.name for r in singles} == {"10-troop-buildup.ipynb", "20-diplomacy.ipynb", "30-brief.ipynb"}
    assert all(r.parameters == {} for r in singles)


def test_weekly_briefs_from_the_first_monday_of_march_2021_to_21_february_2022():
    briefs = [r for r in load_reports() if r.series == "brief"]
    weekly = [r for r in briefs if not r.key_date]
    assert weekly[0].date == date(2021, 3, 1) and weekly[0].date.weekday() == 0
    assert weekly[-1].date == date(2022, 2, 21)
    assert all((b.date - a.date).days == 7 for a, b in zip(weekly, weekly[1:]))
    assert date(2022, 2, 24) in {r.date for r in briefs}
    assert date(2021, 12, 31) in {r.date for r in briefs if r.key_date}


def test_briefs_link_to_their_neighbours_and_compare_with_the_previous_one():
    briefs = [r for r in load_reports() if r.series == "brief"]
    for before, after in zip(briefs, briefs[1:]):
        assert before.next == after.name and after.previous == before.name
        assert after.parameters["since"] == before.parameters["as_of"]
    assert briefs[0].previous is None and briefs[-1].next is None


def test_unknown_parameter_is_refused_by_name(tmp_path):
    path = write(tmp_path, f'[[report]]\nname = "x"\ntitle = "X"\nnotebook = "{NOTEBOOK}"\nparameters = {{ as_off = "2021-12-31" }}\n')
    with pytest.raises(ReportSetError, match="unknown parameter 'as_off' for 30-brief.ipynb; it declares: data_dir"):
        load_reports(path)


def test_parameter_of_the_wrong_type_is_refused(tmp_path):
    path = write(tmp_path, f'[[report]]\nname = "x"\ntitle = "X"\nnotebook = "{NOTEBOOK}"\nparameters = {{ groups = "nato_eu" }}\n')
    with pytest.raises(ReportSetError, match="parameter 'groups' = 'nato_eu' is str; 30-brief.ipynb declares it as list"):
        load_reports(path)


def test_unknown_key_and_missing_notebook_are_both_reported(tmp_path):
    path = write(tmp_path, '[[report]]\nname = "x"\ncolour = "red"\nnotebook = "notebooks/nope.ipynb"\n')
    with pytest.raises(ReportSetError) as caught:
        load_reports(path)
    assert any("unknown key 'colour'" in p for p in caught.value.problems)
    assert any("notebook 'notebooks/nope.ipynb' does not exist" in p for p in caught.value.problems)


def test_only_refuses_an_unknown_report_name():
    with pytest.raises(ReportSetError, match="unknown report 'brief-1999-01-01'"):
        select(load_reports(), ["brief-1999-01-01"])
