"""Parameter checks: one clear sentence naming the parameter and what it accepts."""

from __future__ import annotations

from datetime import date

import pytest

from buildup import params


def test_date_parameter_accepts_iso_dates():
    assert params.as_date("as_of", "2021-12-31") == date(2021, 12, 31)


@pytest.mark.parametrize(("value", "words"), [
    ("31/12/2021", "as_of = '31/12/2021' is not a date; expected YYYY-MM-DD"),
    ("2021-02-30", "as_of = '2021-02-30' is not a real date"),
    ("2019-01-01", "as_of = 2019-01-01 is outside the data; expected a date from 2021-03-01 to 2022-02-24"),
])
def test_bad_dates_are_named(value, words):
    with pytest.raises(params.ParameterError, match=words.replace("(", r"\(")):
        params.as_date("as_of", value)


def test_end_before_start_is_refused():
    with pytest.raises(params.ParameterError, match="end = 2021-05-01 is before start = 2021-06-01"):
        params.window("2021-06-01", "2021-05-01")


def test_unknown_choice_lists_what_is_accepted():
    with pytest.raises(params.ParameterError, match="groups has unknown value 'aliens'; expected values from: a, b"):
        params.choices("groups", ["aliens"], ["a", "b"])


def test_since_defaults_to_seven_days_before():
    assert params.since_date("", date(2021, 12, 31)) == date(2021, 12, 24)


def test_parameter_error_renders_without_a_traceback():
    error = params.ParameterError("as_of = 'x' is not a date")
    assert error._render_traceback_() == ["ParameterError: as_of = 'x' is not a date"]
