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
    assert "estimator groups: 5" in result.stdout
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
