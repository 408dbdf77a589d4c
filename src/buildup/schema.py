"""The dataset's schema, read from data/datapackage.json (the one data dictionary)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Field:
    """One column of a table, as datapackage.json declares it."""

    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    minimum: float | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class ForeignKey:
    """A column whose values must exist in another table's column."""

    field: str
    resource: str
    reference_field: str


@dataclass(frozen=True)
class Table:
    """One resource of the data package: a CSV file and its schema."""

    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass(frozen=True)
class Package:
    """The data package: its tables in declared order, plus its own metadata."""

    title: str
    description: str
    tables: tuple[Table, ...]
    version: str = ""

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)


def _field(raw: dict) -> Field:
    constraints = raw.get("constraints", {})
    enum = constraints.get("enum")
    return Field(
        name=raw["name"],
        type=raw.get("type", "string"),
        description=raw.get("description", ""),
        required=bool(constraints.get("required", False)),
        unique=bool(constraints.get("unique", False)),
        enum=tuple(enum) if enum is not None else None,
        minimum=constraints.get("minimum"),
        pattern=constraints.get("pattern"),
    )


def _table(raw: dict) -> Table:
    schema = raw["schema"]
    primary_key = schema.get("primaryKey", [])
    if isinstance(primary_key, str):
        primary_key = [primary_key]
    foreign_keys = tuple(
        ForeignKey(
            field=fk["fields"][0] if isinstance(fk["fields"], list) else fk["fields"],
            resource=fk["reference"]["resource"],
            reference_field=(
                fk["reference"]["fields"][0]
                if isinstance(fk["reference"]["fields"], list)
                else fk["reference"]["fields"]
            ),
        )
        for fk in schema.get("foreignKeys", [])
    )
    return Table(
        name=raw["name"],
        path=raw["path"],
        title=raw.get("title", raw["name"]),
        description=raw.get("description", ""),
        fields=tuple(_field(f) for f in schema["fields"]),
        primary_key=tuple(primary_key),
        foreign_keys=foreign_keys,
    )


class PackageError(ValueError):
    """A datapackage.json that cannot be read as a data package; the message says what was expected."""


def read_package(path: Path) -> Package:
    """Read a datapackage.json into a Package, or raise PackageError saying what is wrong."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise PackageError(f"not UTF-8 ({err.reason} at byte {err.start}); expected a UTF-8 JSON file") from None
    except json.JSONDecodeError as err:
        raise PackageError(f"not valid JSON at line {err.lineno}, column {err.colno} ({err.msg}); "
                           "expected a Data Package descriptor") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("resources"), list) or not raw["resources"]:
        raise PackageError("no \"resources\" list; expected a Data Package with one resource per table")
    tables = []
    for index, resource in enumerate(raw["resources"]):
        try:
            tables.append(_table(resource))
        except (KeyError, TypeError, IndexError) as err:
            name = resource.get("name", f"#{index + 1}") if isinstance(resource, dict) else f"#{index + 1}"
            raise PackageError(f"resource {name!s} is incomplete (missing or malformed {err!s}); expected name, "
                               "path and schema.fields, each field with a name") from None
    return Package(title=raw.get("title", ""), description=raw.get("description", ""), tables=tuple(tables),
                   version=str(raw.get("version", "")))
