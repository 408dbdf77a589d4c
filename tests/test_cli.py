"""`python -m buildup check`: exit 0 on good data, 1 with every problem on bad data."""

from __future__ import annotations

import subprocess
import sys

from buildup import paths


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "buildup", *args], capture_output=True, text=True, cwd=paths.ROOT)


def test_check_passes_on_the_project_data():
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_check_summary_prints_coverage():
    result = run("check", "--summary")
    assert "estimator groups: 4" in result.stdout
    assert "contacts by format:" in result.stdout


def test_check_fails_with_every_problem_and_no_traceback(data_copy):
    data_copy.set_cell("troop_estimates", 2, "unit", "tanks")
    data_copy.path("events").unlink()
    result = run("check", "--data", str(data_copy.root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert 'troop_estimates.csv:2: unit: "tanks" — expected one of' in result.stderr
    assert "events.csv — file missing" in result.stderr
    assert "2 problem(s) found" in result.stderr


def test_check_on_a_missing_folder_says_so():
    result = run("check", "--data", "/nonexistent/data")
    assert result.returncode == 1
    assert "datapackage.json — file missing" in result.stderr


# --- no traceback a user can reach: one sentence naming the problem and the fix ---------------


def test_docs_on_bad_data_lists_the_problems_and_rewrites_nothing(data_copy):
    data_copy.set_cell("troop_estimates", 2, "unit", "tanks")
    readme_before = paths.README.read_bytes()
    result = run("docs", "--data", str(data_copy.root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert 'troop_estimates.csv:2: unit: "tanks" — expected one of' in result.stderr
    assert result.stderr.rstrip().endswith("1 problem(s) found in " + str(data_copy.root) + "\nNothing was rewritten.")
    assert paths.README.read_bytes() == readme_before


def test_docs_on_another_dataset_leaves_the_project_readme_alone(data_copy):
    data_copy.set_cell("troop_estimates", 2, "claim", "A claim reworded in another copy of the dataset.")
    readme_before = paths.README.read_bytes()
    result = run("docs", "--data", str(data_copy.root))
    assert result.returncode == 0, result.stderr
    assert f"README.md: left alone (its finding comes from the project's data/, not {data_copy.root})" in result.stdout
    assert paths.README.read_bytes() == readme_before


def test_malformed_datapackage_is_one_problem_for_check_and_build(data_copy, tmp_path):
    (data_copy.root / "datapackage.json").write_text('{"resources": [', encoding="utf-8")
    check = run("check", "--data", str(data_copy.root))
    build = run("build", "--data", str(data_copy.root), "--out", str(tmp_path / "out"))
    expected = ("datapackage.json — not valid JSON at line 1, column 16 (Expecting value); "
                "expected a Data Package descriptor")
    for result, stream in ((check, check.stderr), (build, build.stdout)):
        assert result.returncode == 1
        assert "Traceback" not in result.stdout + result.stderr
        assert expected in stream
    assert not (tmp_path / "out").exists()


def test_datapackage_without_a_schema_names_the_resource(data_copy):
    (data_copy.root / "datapackage.json").write_text('{"resources": [{"name": "sources", "path": "sources.csv"}]}',
                                                     encoding="utf-8")
    result = run("check", "--data", str(data_copy.root))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("datapackage.json — resource sources is incomplete (missing or malformed 'schema'); "
            "expected name, path and schema.fields, each field with a name") in result.stderr


def test_a_series_with_no_name_is_refused_in_one_sentence(tmp_path):
    toml = tmp_path / "reports.toml"
    toml.write_text('[[series]]\ntitle = "Brief"\nnotebook = "notebooks/30-brief.ipynb"\nparameter = "as_of"\n'
                    'first = 2022-01-03\nlast = 2022-01-10\nevery_days = 7\n', encoding="utf-8")
    from buildup.reportset import ReportSetError, load_reports

    try:
        load_reports(toml)
    except ReportSetError as err:
        assert err.problems == ["reports.toml: series 1: no name; expected name = \"...\" (letters, digits, '-', "
                                "'_' or '.'), which names its HTML file"]
    else:
        raise AssertionError("a series with no name was accepted")
