"""Shared fixtures: the real dataset, and broken copies of it made in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from buildup import paths
from buildup.data import load


@pytest.fixture(scope="session")
def dataset():
    """The project's real dataset, loaded once."""
    return load(paths.DATA)


class DataCopy:
    """A copy of data/ that a test can break, one line or file at a time."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(paths.DATA, root)

    def path(self, table: str) -> Path:
        return self.root / f"{table}.csv"

    def lines(self, table: str) -> list[str]:
        return self.path(table).read_text(encoding="utf-8").splitlines(keepends=True)

    def write_lines(self, table: str, lines: list[str]) -> None:
        self.path(table).write_text("".join(lines), encoding="utf-8")

    def set_cell(self, table: str, line: int, column: str, value: str) -> None:
        """Replace one cell (line counted from 1, header is line 1) using the csv module."""
        import csv
        import io

        rows = list(csv.reader(io.StringIO(self.path(table).read_text(encoding="utf-8"), newline="")))
        index = rows[0].index(column)
        rows[line - 1][index] = value
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        self.path(table).write_text(out.getvalue(), encoding="utf-8")

    def cell(self, table: str, line: int, column: str) -> str:
        import csv
        import io

        rows = list(csv.reader(io.StringIO(self.path(table).read_text(encoding="utf-8"), newline="")))
        return rows[line - 1][rows[0].index(column)]


@pytest.fixture(scope="session")
def fresh(tmp_path_factory):
    """Every report rebuilt from scratch into a temporary folder, with the build's log (shared by the modules)."""
    from buildup.build import Settings, build

    out = tmp_path_factory.mktemp("fresh")
    lines: list[str] = []
    code = build(Settings(data_dir=paths.DATA, out_dir=out, figures_dir=out / "figures", jobs=2, force=True),
                 out=lines.append)
    return out, code, lines


@pytest.fixture
def data_copy(tmp_path) -> DataCopy:
    """A fresh, valid copy of data/ in a temporary folder."""
    return DataCopy(tmp_path / "data")


# Property tests explore new examples on every local run; in CI they replay a fixed set, so a
# red CI run always means a change, never a newly drawn example.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if __import__("os").environ.get("CI"):
    _hypothesis_settings.load_profile("ci")


# --- the browser tests: skipped locally without chromium, a failure in CI ----------------------

_skipped: dict[str, int] = {}


def pytest_runtest_setup(item):
    """Browser tests need Debian's chromium: in CI (CI set) its absence fails the test, locally it skips."""
    if item.get_closest_marker("browser") is None:
        return
    from browser import CHROMIUM

    if not Path(CHROMIUM).exists():
        reason = "Debian's chromium is not installed (make test installs it when run as root)"
        if __import__("os").environ.get("CI"):
            pytest.fail(f"{reason}; in CI the browser tests must run, not skip", pytrace=False)
        pytest.skip(reason)


def pytest_terminal_summary(terminalreporter):
    """End with how many tests were skipped and why, so a local run never passes silently short."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons: dict[str, int] = {}
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    terminalreporter.write_sep("-", f"{len(skipped)} test(s) skipped")
    for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        terminalreporter.write_line(f"  {count} skipped: {reason}")
