"""The report set declared in reports.toml: each report is a notebook plus its parameters.

Reading it checks every report before any kernel starts: known keys, an existing notebook,
parameters that the notebook's own parameters cell declares, with the declared types.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from . import paths
from .nbparams import read_parameters

REPORT_KEYS = {"name", "title", "notebook", "description", "parameters"}
SERIES_KEYS = REPORT_KEYS | {"parameter", "first", "last", "every_days", "extra"}


class ReportSetError(ValueError):
    """reports.toml (or a --only name) is wrong; carries one message per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Report:
    """One report to build: a notebook, its parameters, and where it sits in its series."""

    name: str
    title: str
    notebook: Path
    description: str
    parameters: dict[str, object]
    series: str | None = None
    date: date | None = None
    previous: str | None = None
    next: str | None = None
    key_date: bool = False


def prose_day(day: date) -> str:
    """'31 December 2021' (kept here so that reading the report set stays light)."""
    return f"{day.day} {day:%B %Y}"


def _as_parameter(value: object) -> object:
    """TOML dates become ISO strings, the form the notebooks take."""
    return value.isoformat() if isinstance(value, date) else value


def _check_parameters(where: str, notebook: Path, parameters: dict, problems: list[str]) -> dict:
    declared = read_parameters(notebook)
    checked = {}
    for name, value in parameters.items():
        value = _as_parameter(value)
        if name not in declared:
            problems.append(f"{where}: unknown parameter {name!r} for {notebook.name}; "
                            f"it declares: {', '.join(declared)}")
        elif not declared[name].accepts(value):
            problems.append(f"{where}: parameter {name!r} = {value!r} is {type(value).__name__}; "
                            f"{notebook.name} declares it as {declared[name].type}")
        else:
            checked[name] = value
    return checked


def _notebook(where: str, raw: dict, root: Path, problems: list[str]) -> Path | None:
    path = root / str(raw.get("notebook", ""))
    if not raw.get("notebook") or not path.is_file():
        problems.append(f"{where}: notebook {raw.get('notebook')!r} does not exist")
        return None
    return path


def _series_dates(where: str, raw: dict, problems: list[str]) -> list[tuple[date, bool]]:
    """The series' dates in order, each with True when it is an extra (key) date."""
    first, last, step = raw.get("first"), raw.get("last"), raw.get("every_days", 7)
    if not isinstance(first, date) or not isinstance(last, date) or first > last:
        problems.append(f"{where}: first and last must be dates (YYYY-MM-DD), first on or before last")
        return []
    if not isinstance(step, int) or step < 1:
        problems.append(f"{where}: every_days must be a whole number of days, at least 1")
        return []
    days, day = {}, first
    while day <= last:
        days[day] = False
        day += timedelta(days=step)
    for extra in raw.get("extra", []):
        if not isinstance(extra, date):
            problems.append(f"{where}: extra date {extra!r} is not a date (YYYY-MM-DD)")
        else:
            days.setdefault(extra, True)
    return sorted(days.items())


def _named(where: str, entry: dict, problems: list[str]) -> bool:
    """True when an entry has a usable name; otherwise say so and return False."""
    name = entry.get("name")
    if isinstance(name, str) and name.strip():
        return True
    problems.append(f"{where}: no name; expected name = \"...\" (letters, digits, '-', '_' or '.'), "
                    "which names its HTML file")
    return False


def _formatted(where: str, template: object, day: date, problems: list[str]) -> str:
    """A series title or description with {date} filled in; any other placeholder is refused."""
    try:
        return str(template).format(date=prose_day(day))
    except (KeyError, IndexError, ValueError) as err:
        problems.append(f"{where}: {template!r} has a placeholder other than {{date}} ({err}); "
                        "expected {date} only, or none")
        return str(template)


def load_reports(path: Path = paths.REPORTS_TOML, root: Path = paths.ROOT) -> list[Report]:
    """Read and check reports.toml; raise ReportSetError listing every problem."""
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ReportSetError([f"{path}: cannot be read as TOML ({err})"]) from None
    problems: list[str] = []
    reports: list[Report] = []
    for key in set(raw) - {"report", "series"}:
        problems.append(f"{path.name}: unknown table {key!r}; expected [[report]] and [[series]]")
    for index, entry in enumerate(raw.get("report", []), 1):
        where = f"{path.name}: report {entry.get('name', index)!r}"
        if not _named(where, entry, problems):
            continue
        for key in set(entry) - REPORT_KEYS:
            problems.append(f"{where}: unknown key {key!r}; expected {', '.join(sorted(REPORT_KEYS))}")
        notebook = _notebook(where, entry, root, problems)
        if notebook is None:
            continue
        parameters = _check_parameters(where, notebook, dict(entry.get("parameters", {})), problems)
        reports.append(Report(name=str(entry.get("name")), title=str(entry.get("title", entry.get("name"))),
                              notebook=notebook, description=str(entry.get("description", "")), parameters=parameters))
    for index, entry in enumerate(raw.get("series", []), 1):
        where = f"{path.name}: series {entry.get('name', index)!r}"
        if not _named(where, entry, problems):
            continue
        for key in set(entry) - SERIES_KEYS:
            problems.append(f"{where}: unknown key {key!r}; expected {', '.join(sorted(SERIES_KEYS))}")
        notebook = _notebook(where, entry, root, problems)
        if notebook is None:
            continue
        parameter = entry.get("parameter")
        if parameter not in read_parameters(notebook):
            problems.append(f"{where}: parameter {parameter!r} is not declared by {notebook.name}")
            continue
        common = _check_parameters(where, notebook, dict(entry.get("parameters", {})), problems)
        dated = _series_dates(where, entry, problems)
        days = [d for d, _ in dated]
        names = [f"{entry['name']}-{d.isoformat()}" for d in days]
        declared = read_parameters(notebook)
        for i, (name, day) in enumerate(zip(names, days)):
            reports.append(Report(
                name=name, title=_formatted(where, entry.get("title", name), day, problems), notebook=notebook,
                description=_formatted(where, entry.get("description", ""), day, problems),
                parameters={**common, parameter: day.isoformat(),
                            **({"since": days[i - 1].isoformat() if i else ""} if "since" in declared else {})},
                series=str(entry["name"]), date=day, previous=names[i - 1] if i else None,
                next=names[i + 1] if i + 1 < len(names) else None, key_date=dated[i][1]))
    seen: set[str] = set()
    for report in reports:
        if report.name in seen:
            problems.append(f"{path.name}: report name {report.name!r} is used twice")
        if not all(c.isalnum() or c in "-_." for c in report.name):
            problems.append(f"{path.name}: report name {report.name!r} may hold only letters, digits, '-', '_', '.'")
        seen.add(report.name)
    if problems:
        raise ReportSetError(problems)
    return reports


def select(reports: list[Report], only: list[str] | None) -> list[Report]:
    """The reports named by --only (all when None); unknown names are refused by name."""
    if not only:
        return reports
    known = {r.name: r for r in reports}
    unknown = [n for n in only if n not in known]
    if unknown:
        raise ReportSetError([f"unknown report {n!r}; known reports include: "
                              + ", ".join(list(known)[:6]) + ", ..." for n in unknown])
    return [known[n] for n in only]
