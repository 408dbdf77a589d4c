"""Load the dataset into typed pandas DataFrames, refusing data that does not validate."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from . import paths
from .hashing import dataset_hash
from .schema import Package, PackageError, Table, read_package
from .validate import DataError, Row, validate

TABLES = ("sources", "troop_estimates", "contacts", "events")
PANDAS_DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


@dataclass(frozen=True)
class Dataset:
    """The four tables, typed, plus what identifies this version of the data."""

    sources: pd.DataFrame
    troop_estimates: pd.DataFrame
    contacts: pd.DataFrame
    events: pd.DataFrame
    content_hash: str
    data_dir: Path

    @property
    def row_counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in TABLES}


def _frame(table: Table, rows: list[Row]) -> pd.DataFrame:
    columns = {}
    for field in table.fields:
        values = [row[field.name] for row in rows]
        if field.type == "date":
            columns[field.name] = pd.to_datetime(pd.Series(values, dtype="object"))
        elif field.type == "time":
            columns[field.name] = pd.Series(values, dtype="object")
        elif field.enum is not None:
            columns[field.name] = pd.Categorical(values, categories=list(field.enum))
        else:
            columns[field.name] = pd.array(values, dtype=PANDAS_DTYPES[field.type])
    frame = pd.DataFrame(columns)
    if table.primary_key:
        frame = frame.set_index(list(table.primary_key), drop=False).rename_axis(None)
    return frame


def content_hash(data_dir: Path, package: Package) -> str:
    """SHA-256 over the descriptor and every table file, in declared order."""
    return dataset_hash(data_dir, [t.path for t in package.tables])


_LOADED: dict[tuple[Path, str], Dataset] = {}  # by folder and content hash: a build kernel runs many reports on one dataset


def _fingerprint(data_dir: Path) -> str | None:
    """The content hash of a folder's descriptor and tables, or None when the descriptor cannot be read."""
    try:
        return content_hash(data_dir, read_package(data_dir / "datapackage.json"))
    except (OSError, PackageError, ValueError):
        return None


def _copy(dataset: Dataset) -> Dataset:
    return replace(dataset, **{name: getattr(dataset, name).copy() for name in TABLES})


def load(data_dir: Path | str = paths.DATA) -> Dataset:
    """Load and validate a dataset folder; raise DataError listing every problem.

    Files whose bytes this process has already loaded and validated are not parsed again; every caller
    gets its own copy of the frames, so no report can change what the next one reads."""
    data_dir = Path(data_dir)
    key = (data_dir.resolve(), _fingerprint(data_dir))
    if key[1] is not None and key in _LOADED:
        return _copy(_LOADED[key])
    package, tables, problems = validate(data_dir)
    if problems:
        raise DataError(problems)
    assert package is not None
    frames = {t.name: _frame(t, tables[t.name]) for t in package.tables}
    dataset = Dataset(**frames, content_hash=content_hash(data_dir, package), data_dir=data_dir)
    if key[1] == dataset.content_hash:
        _LOADED.clear()  # one dataset at a time is all a kernel needs
        _LOADED[key] = dataset
    return _copy(dataset)
