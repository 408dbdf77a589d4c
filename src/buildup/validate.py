"""Validate a dataset folder against its datapackage.json and the rules a schema cannot say.

Every problem is collected (not just the first) and reported as
``file:line: column: value — what was expected``.
"""

from __future__ import annotations

import csv
import io
import re
import zoneinfo
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from . import paths
from .period import STUDY_END, STUDY_START
from .schema import Field, Package, PackageError, Table, read_package
from .written import disagreement

PLACEHOLDER = re.compile(r"\b(TODO|TBD|TK|FIXME|XXX|lorem ipsum)\b|\[no (headline|title)", re.IGNORECASE)
DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME_TEXT = re.compile(r"\d{2}:\d{2}")
INTEGER_TEXT = re.compile(r"[+-]?\d+")
BOOLEANS = {"true": True, "false": False}
# The estimator groups that speak for a party to the conflict, and the party each speaks for.
PARTIES_TO_CONFLICT = {"ukraine_government": "Ukraine", "russia": "Russia"}
# How an estimate reached us is not who made it: the outlet is its source, the channel belongs in the claim.
REPORTING_CHANNEL = re.compile(r"\b(via|reported by|relayed by|cited by|summarised by|summarized by|per|shared with|obtained by|anonymous)\b", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located as precisely as possible."""

    path: str
    line: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        parts = [where]
        if self.column is not None:
            parts.append(self.column)
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            parts.append(f'"{shown}"' if shown else "(empty)")
        return ": ".join(parts) + f" — {self.expected}"


@dataclass
class Row:
    """One data row: its line in the file and its typed values (None when empty)."""

    line: int
    values: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.values.get(name)


class DataError(Exception):
    """Raised when a dataset does not validate; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the dataset:\n" + "\n".join(map(str, problems)))


# --- reading -------------------------------------------------------------------------


def _display_path(data_dir: Path, name: str) -> str:
    """The file's path as the reader typed it: relative to the working directory when inside it."""
    path = Path(data_dir) / name
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_csv(data_dir: Path, table: Table) -> tuple[list[str] | None, list[tuple[int, list[str]]], list[Problem]]:
    """Read one table's CSV as text: its header, its rows with line numbers, and problems."""
    where = _display_path(data_dir, table.path)
    path = Path(data_dir) / table.path
    if not path.is_file():
        return None, [], [Problem(where, None, None, None, f"file missing; expected the {table.name} table declared in datapackage.json")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [], [Problem(where, line, None, None, f"byte 0x{raw[err.start]:02x} is not UTF-8; expected a UTF-8 encoded file")]
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return None, [], [Problem(where, None, None, None, "file is empty; expected a header row and data rows")]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    problems: list[Problem] = []
    start_line = 1
    try:
        for cells in reader:
            if header is None:
                header = cells
            elif any(c.strip() for c in cells):
                rows.append((start_line, cells))
            start_line = reader.line_num + 1
    except csv.Error as err:
        problems.append(Problem(where, reader.line_num, None, None, f"malformed CSV ({err}) — expected RFC 4180 quoting"))
    return header, rows, problems


# --- values --------------------------------------------------------------------------


def parse_value(field: Field, text: str) -> tuple[Any, str | None]:
    """Convert one cell to its schema type: (value, None) or (None, what was expected)."""
    if field.type == "string":
        return text, None
    if field.type == "integer":
        if INTEGER_TEXT.fullmatch(text):
            return int(text), None
        return None, "expected a whole number (digits only, no separators)"
    if field.type == "number":
        try:
            return float(text), None
        except ValueError:
            return None, "expected a number"
    if field.type == "date":
        if DATE_TEXT.fullmatch(text):
            try:
                return date.fromisoformat(text), None
            except ValueError:
                pass
        return None, "expected a date as YYYY-MM-DD"
    if field.type == "time":
        if TIME_TEXT.fullmatch(text):
            try:
                return time.fromisoformat(text), None
            except ValueError:
                pass
        return None, "expected a time as HH:MM (24-hour clock)"
    if field.type == "boolean":
        if text in BOOLEANS:
            return BOOLEANS[text], None
        return None, "expected true or false"
    raise ValueError(f"datapackage.json: field {field.name} has unsupported type {field.type}")


def check_value(field: Field, value: Any) -> str | None:
    """Check a typed value against the field's constraints; return what was expected, or None."""
    if field.enum is not None and value not in field.enum:
        return "expected one of: " + ", ".join(field.enum)
    if field.minimum is not None and value < field.minimum:
        return f"expected a figure of at least {field.minimum:g}"
    if field.pattern is not None and not re.fullmatch(field.pattern, str(value)):
        if field.name == "url":
            return "expected an http:// or https:// address"
        return f"expected text matching {field.pattern}"
    if isinstance(value, str) and PLACEHOLDER.search(value):
        return "expected real text, not a placeholder"
    return None


def parse_table(data_dir: Path, table: Table) -> tuple[list[Row], list[Problem]]:
    """Read and type one table, checking columns, types and per-value constraints."""
    where = _display_path(data_dir, table.path)
    header, raw_rows, problems = read_csv(data_dir, table)
    if header is None:
        return [], problems
    expected = table.column_names
    for name in expected:
        if name not in header:
            problems.append(Problem(where, 1, name, None, "column missing; expected columns: " + ", ".join(expected)))
    for name in header:
        if name not in expected:
            problems.append(Problem(where, 1, name, None, "unexpected column; expected only: " + ", ".join(expected)))
    if len(set(header)) != len(header):
        problems.append(Problem(where, 1, None, None, "a column name is repeated in the header"))
    rows: list[Row] = []
    seen_unique: dict[str, dict[Any, int]] = {f.name: {} for f in table.fields if f.unique}
    for line, cells in raw_rows:
        if len(cells) != len(header):
            problems.append(Problem(where, line, None, None, f"row has {len(cells)} cells — expected {len(header)}, one per column"))
            continue
        text_by_name = dict(zip(header, cells))
        values: dict[str, Any] = {}
        for field in table.fields:
            if field.name not in text_by_name:
                values[field.name] = None
                continue
            text = text_by_name[field.name].strip()
            if text == "":
                values[field.name] = None
                if field.required:
                    problems.append(Problem(where, line, field.name, "", "a value is required"))
                continue
            value, trouble = parse_value(field, text)
            trouble = trouble or check_value(field, value)
            if trouble:
                problems.append(Problem(where, line, field.name, text, trouble))
                values[field.name] = None
                continue
            values[field.name] = value
            if field.unique:
                first = seen_unique[field.name].setdefault(value, line)
                if first != line:
                    problems.append(Problem(where, line, field.name, text, f"duplicate id, first used on line {first} — expected each value once"))
        rows.append(Row(line, values))
    return rows, problems


# --- keys and rules ------------------------------------------------------------------


def check_foreign_keys(data_dir: Path, package: Package, tables: dict[str, list[Row]]) -> list[Problem]:
    """Every foreign key value must exist in the table it points to."""
    problems = []
    for table in package.tables:
        for fk in table.foreign_keys:
            known = {row[fk.reference_field] for row in tables.get(fk.resource, [])}
            for row in tables.get(table.name, []):
                value = row[fk.field]
                if value is not None and value not in known:
                    problems.append(Problem(_display_path(data_dir, table.path), row.line, fk.field, value,
                                            f"no such {fk.reference_field} in {fk.resource} — expected an id from {fk.resource}.csv"))
    return problems


def _in_study_period(day: date) -> bool:
    return STUDY_START <= day <= STUDY_END


def _is_time_zone(name: str) -> bool:
    """An IANA time zone this machine knows (one lookup, not the 24 ms listing of every zone)."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def check_rules(data_dir: Path, package: Package, tables: dict[str, list[Row]]) -> list[Problem]:
    """Rules that span columns or tables, which a Table Schema cannot express."""
    problems: list[Problem] = []
    period = f"{STUDY_START.isoformat()} to {STUDY_END.isoformat()}"
    published_by_source = {row["source_id"]: row["published"] for row in tables.get("sources", [])}

    def add(table_name: str, row: Row, column: str, value: Any, expected: str) -> None:
        shown = "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
        problems.append(Problem(_display_path(data_dir, package.table(table_name).path), row.line, column, shown, expected))

    def not_before_source(table_name: str, row: Row, column: str, source_column: str = "source_id") -> None:
        day, source_published = row[column], published_by_source.get(row[source_column])
        if day is not None and source_published is not None and day > source_published:
            add(table_name, row, column, day,
                f"expected on or before the date its source {row[source_column]} was published ({source_published.isoformat()})")

    def ordered(table_name: str, row: Row, earlier: str, later: str) -> None:
        if row[earlier] is not None and row[later] is not None and row[earlier] > row[later]:
            add(table_name, row, later, row[later], f"expected on or after {earlier} ({row[earlier].isoformat()})")

    for row in tables.get("sources", []):
        kind, original = row["kind"], row["original_outlet"]
        if kind == "syndicated_copy" and original is None:
            add("sources", row, "original_outlet", None, "expected the outlet or wire whose story this copy is (e.g. Reuters)")
        if kind is not None and kind != "syndicated_copy" and original is not None:
            add("sources", row, "original_outlet", original, f"expected empty: only a syndicated copy names an original outlet, not a {kind}")
        if row["url"] is None and row["source_id"] not in paths.BUNDLED_SOURCES:
            add("sources", row, "url", None, "expected the http(s) address of the copy that was read (only "
                + ", ".join(f"{k}, held as {v}" for k, v in paths.BUNDLED_SOURCES.items()) + ", has none)")

    for row in tables.get("troop_estimates", []):
        if row["as_written"] is not None and row["low"] is not None and row["high"] is not None:
            problem = disagreement(row["as_written"], row["low"], row["high"], row["qualifier"])
            if problem:
                add("troop_estimates", row, "as_written", row["as_written"], problem)
        if row["low"] is not None and row["high"] is not None and row["low"] > row["high"]:
            add("troop_estimates", row, "high", row["high"], f"expected high ≥ low ({row['low']})")
        ordered("troop_estimates", row, "as_of", "published")
        if row["published"] is not None and not _in_study_period(row["published"]):
            add("troop_estimates", row, "published", row["published"], f"expected a date in the study period {period}")
        group, party = row["estimator_group"], row["party_to_conflict"]
        if group is not None and party is not None and party != (group in PARTIES_TO_CONFLICT):
            add("troop_estimates", row, "party_to_conflict", party,
                f"expected {str(group in PARTIES_TO_CONFLICT).lower()} for estimator_group {group}")
        not_before_source("troop_estimates", row, "published")
        channel = REPORTING_CHANNEL.search(row["estimator"] or "")
        if channel:
            add("troop_estimates", row, "estimator", row["estimator"],
                f"expected who made the estimate, without how it reached the source ('{channel.group(0)}'): "
                "the outlet is in sources, the channel belongs in the claim")

    for row in tables.get("contacts", []):
        ordered("contacts", row, "date", "end_date")
        ordered("contacts", row, "announced", "date")
        if row["date"] is not None and not _in_study_period(row["date"]):
            add("contacts", row, "date", row["date"], f"expected a date in the study period {period}")
        if row["timezone"] is not None and not _is_time_zone(row["timezone"]):
            add("contacts", row, "timezone", row["timezone"], "expected an IANA time zone such as America/New_York")
        if row["start_time"] is not None and row["timezone"] is None:
            add("contacts", row, "timezone", None, "a time zone is required when start_time is given")
        if row["announced"] is not None and row["announced_source_id"] is None:
            add("contacts", row, "announced_source_id", None,
                "expected the source that announced it: a contact is shown as scheduled only on its announcement's authority")
        if row["announced"] is None and row["announced_source_id"] is not None:
            add("contacts", row, "announced", None, f"expected the date {row['announced_source_id']} says it was announced")
        not_before_source("contacts", row, "announced", "announced_source_id")
        announcement = published_by_source.get(row["announced_source_id"])
        if announcement is not None and row["date"] is not None and announcement > row["date"]:
            add("contacts", row, "announced_source_id", row["announced_source_id"],
                f"expected an announcement published on or before the contact's date ({row['date'].isoformat()}), "
                f"not one of {announcement.isoformat()}")
        if row["status"] == "cancelled":
            if row["cancelled_on"] is None:
                add("contacts", row, "cancelled_on", None, "expected the date the cancellation was reported")
            not_before_source("contacts", row, "cancelled_on")
        else:
            if row["cancelled_on"] is not None:
                add("contacts", row, "cancelled_on", row["cancelled_on"], "expected empty unless status is cancelled")
            not_before_source("contacts", row, "date")

    for row in tables.get("events", []):
        ordered("events", row, "date", "end_date")
        day, context = row["date"], row["context"]
        if day is not None and context is not None:
            if context and day >= STUDY_START:
                add("events", row, "context", "true", f"expected false for an event on or after {STUDY_START.isoformat()}")
            if not context and not _in_study_period(day):
                add("events", row, "date", day, f"expected a date in the study period {period} (or context true)")
        not_before_source("events", row, "date")
        if row["key"] and row["short_title"] is None:
            add("events", row, "short_title", None, "expected a label of at most 24 characters: a key event is labelled on every time chart")
        if row["key"] is False and row["short_title"] is not None:
            add("events", row, "short_title", row["short_title"], "expected empty: only key events are labelled on charts")
    return problems


def validate(data_dir: Path = paths.DATA) -> tuple[Package | None, dict[str, list[Row]], list[Problem]]:
    """Validate a dataset folder. Returns (package, typed rows per table, every problem)."""
    data_dir = Path(data_dir)
    package_path = data_dir / paths.DATAPACKAGE_NAME
    if not package_path.is_file():
        return None, {}, [Problem(str(package_path), None, None, None, "file missing; expected the data package descriptor")]
    try:
        package = read_package(package_path)
    except PackageError as err:
        return None, {}, [Problem(_display_path(data_dir, paths.DATAPACKAGE_NAME), None, None, None, str(err))]
    tables: dict[str, list[Row]] = {}
    problems: list[Problem] = []
    for table in package.tables:
        rows, table_problems = parse_table(data_dir, table)
        tables[table.name] = rows
        problems += table_problems
    problems += check_foreign_keys(data_dir, package, tables)
    # A cell refused as it was read is not refused again by a rule that sees it as empty.
    refused = {(p.path, p.line, p.column) for p in problems}
    problems += [p for p in check_rules(data_dir, package, tables) if (p.path, p.line, p.column) not in refused]
    return package, tables, sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.column or ""))
