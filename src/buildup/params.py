"""Check notebook parameters and turn them into typed values, or stop with one clear sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from . import paths
from .period import STUDY_END, STUDY_START

DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")


class ParameterError(ValueError):
    """A bad notebook parameter. In a notebook it shows as one sentence, without a traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython calls this instead of printing a traceback
        return [f"ParameterError: {self}"]


def as_date(name: str, value: object, earliest: date = STUDY_START, latest: date = STUDY_END) -> date:
    """A parameter that must be a date inside [earliest, latest]."""
    if isinstance(value, date):
        day = value
    elif isinstance(value, str) and DATE_TEXT.fullmatch(value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise ParameterError(f"{name} = {value!r} is not a real date; expected YYYY-MM-DD.") from None
    else:
        raise ParameterError(f"{name} = {value!r} is not a date; expected YYYY-MM-DD, e.g. '2021-12-31'.")
    if not earliest <= day <= latest:
        raise ParameterError(f"{name} = {day.isoformat()} is outside the data; expected a date from "
                             f"{earliest.isoformat()} to {latest.isoformat()}.")
    return day


def optional_date(name: str, value: object, default: date, earliest: date = STUDY_START, latest: date = STUDY_END) -> date:
    """Like as_date, with an empty value meaning the default."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    return as_date(name, value, earliest, latest)


def window(start: object, end: object) -> tuple[date, date]:
    """A start and end date, each defaulting to the study period's, with start ≤ end."""
    first = optional_date("start", start, STUDY_START)
    last = optional_date("end", end, STUDY_END)
    if first > last:
        raise ParameterError(f"end = {last.isoformat()} is before start = {first.isoformat()}; "
                             "expected end on or after start.")
    return first, last


def since_date(since: object, as_of: date, days: int = 7) -> date:
    """The comparison date of a brief: default `days` before as_of; must not be after as_of."""
    default = max(as_of - timedelta(days=days), date(2014, 1, 1))
    day = optional_date("since", since, default, earliest=date(2014, 1, 1), latest=STUDY_END)
    if day > as_of:
        raise ParameterError(f"since = {day.isoformat()} is after as_of = {as_of.isoformat()}; "
                             "expected an earlier date.")
    return day


def choices(name: str, values: object, allowed: Iterable[str]) -> list[str]:
    """A list parameter whose items must each be one of allowed (empty means all)."""
    allowed = list(allowed)
    if values is None or values == "" or values == []:
        return []
    if isinstance(values, str):
        values = [v.strip() for v in values.split(",") if v.strip()]
    if not isinstance(values, (list, tuple)):
        raise ParameterError(f"{name} = {values!r} is not a list; expected a list drawn from: {', '.join(allowed)}.")
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise ParameterError(f"{name} has unknown value {unknown[0]!r}; expected values from: {', '.join(allowed)}.")
    return list(values)


def folder(name: str, value: object, default: Path, must_exist: bool = True) -> Path:
    """A folder parameter; empty means the project's default."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if not isinstance(value, (str, Path)):
        raise ParameterError(f"{name} = {value!r} is not a path; expected a folder path as text.")
    path = Path(value).expanduser()
    if must_exist and not path.is_dir():
        raise ParameterError(f"{name} = {str(value)!r} is not a folder; expected an existing folder "
                             f"(empty means {default.relative_to(paths.ROOT)}/).")
    return path
