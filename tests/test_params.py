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


# --- every message word for word, and the edges of every range --------------------------------


def test_a_date_object_and_padded_text_are_accepted():
    assert params.as_date("as_of", date(2022, 2, 24)) == date(2022, 2, 24)
    assert params.as_date("as_of", " 2021-03-01 ") == date(2021, 3, 1)


def test_window_defaults_to_the_study_period_and_accepts_one_day():
    assert params.window("", "") == (date(2021, 3, 1), date(2022, 2, 24))
    assert params.window(None, "2021-06-01") == (date(2021, 3, 1), date(2021, 6, 1))
    assert params.window("2021-06-01", "2021-06-01") == (date(2021, 6, 1), date(2021, 6, 1))


def test_window_messages_are_exact():
    with pytest.raises(params.ParameterError) as err:
        params.window("2021-06-01", "2021-05-01")
    assert str(err.value) == "end = 2021-05-01 is before start = 2021-06-01; expected end on or after start."
    with pytest.raises(params.ParameterError) as err:
        params.window("2021-02-28", "")
    assert str(err.value) == ("start = 2021-02-28 is outside the data; expected a date from 2021-03-01 to 2022-02-24.")
    with pytest.raises(params.ParameterError) as err:
        params.window("", "2022-02-25")
    assert str(err.value) == ("end = 2022-02-25 is outside the data; expected a date from 2021-03-01 to 2022-02-24.")


def test_as_date_messages_are_exact():
    with pytest.raises(params.ParameterError) as err:
        params.as_date("as_of", 20211231)
    assert str(err.value) == "as_of = 20211231 is not a date; expected YYYY-MM-DD, e.g. '2021-12-31'."
    with pytest.raises(params.ParameterError) as err:
        params.as_date("as_of", "2021-02-30")
    assert str(err.value) == "as_of = '2021-02-30' is not a real date; expected YYYY-MM-DD."


def test_since_may_reach_back_to_2014_and_equal_as_of_but_not_pass_it():
    assert params.since_date("2014-01-01", date(2021, 3, 1)) == date(2014, 1, 1)
    assert params.since_date("2021-12-31", date(2021, 12, 31)) == date(2021, 12, 31)
    assert params.since_date(None, date(2021, 3, 1)) == date(2021, 2, 22)
    assert params.since_date("", date(2021, 3, 1), days=14) == date(2021, 2, 15)
    with pytest.raises(params.ParameterError) as err:
        params.since_date("2022-01-01", date(2021, 12, 31))
    assert str(err.value) == "since = 2022-01-01 is after as_of = 2021-12-31; expected an earlier date."
    with pytest.raises(params.ParameterError) as err:
        params.since_date("2013-12-31", date(2021, 12, 31))
    assert str(err.value) == "since = 2013-12-31 is outside the data; expected a date from 2014-01-01 to 2022-02-24."


def test_choices_accept_a_comma_separated_text_and_empty_means_all():
    assert params.choices("groups", "a, b", ["a", "b"]) == ["a", "b"]
    assert params.choices("groups", "", ["a"]) == [] and params.choices("groups", None, ["a"]) == []
    assert params.choices("groups", ("a",), ["a"]) == ["a"]
    with pytest.raises(params.ParameterError) as err:
        params.choices("groups", 3, ["a", "b"])
    assert str(err.value) == "groups = 3 is not a list; expected a list drawn from: a, b."


def test_folder_parameter_defaults_and_refuses_what_is_not_a_folder(tmp_path):
    default = tmp_path / "default"
    assert params.folder("data_dir", "", default) == default
    assert params.folder("data_dir", str(tmp_path), default) == tmp_path
    assert params.folder("figures_dir", str(tmp_path / "new"), default, must_exist=False) == tmp_path / "new"
    with pytest.raises(params.ParameterError) as err:
        params.folder("data_dir", 5, default)
    assert str(err.value) == "data_dir = 5 is not a path; expected a folder path as text."
    with pytest.raises(params.ParameterError) as err:
        params.folder("data_dir", str(tmp_path / "missing"), params.paths.DATA)
    assert str(err.value) == f"data_dir = '{tmp_path / 'missing'}' is not a folder; expected an existing folder (empty means data/)."
