"""Smoke tests: every notebook runs under papermill with its defaults and with edge parameters,
shows its sections and figures, says what the data says, and refuses bad parameters clearly."""

from __future__ import annotations

import html

from datetime import date

import papermill
import pytest

from hindsight import dates_in
from notebook_runner import execute

pytestmark = [pytest.mark.notebooks, pytest.mark.xdist_group("notebooks")]  # module fixtures once


@pytest.fixture(scope="module")
def outdir(tmp_path_factory):
    return tmp_path_factory.mktemp("notebooks")


@pytest.fixture(scope="module")
def buildup_default(outdir):
    return execute("10-troop-buildup", outdir / "buildup")


@pytest.fixture(scope="module")
def diplomacy_default(outdir):
    return execute("20-diplomacy", outdir / "diplomacy")


@pytest.fixture(scope="module")
def brief_default(outdir):
    return execute("30-brief", outdir / "brief")


# --- defaults ------------------------------------------------------------------------


def test_buildup_runs_with_defaults_and_shows_every_section(buildup_default, dataset):
    run = buildup_default
    assert not run.errors
    assert len(run.images) == 3
    assert run.headings(1) == ["The build-up: Russian forces near Ukraine, 1 March 2021 – 24 February 2022"]
    assert {"Caveats", "Sources"} <= set(run.headings(2))
    assert f"the dataset holds {len(dataset.troop_estimates)} published estimates" in run.text


def test_buildup_narrative_numbers_match_the_data(buildup_default):
    # te-047: the US ambassador to the OSCE, 18 February 2022: 169,000 to 190,000 including separatist forces.
    assert "The highest figure published in the window was **169,000–190,000 troops**" in buildup_default.text
    # te-052: the last estimate of the whole force, 24 February 2022.
    assert "**more than 150,000 troops**" in buildup_default.text


def test_every_figure_has_alt_text_a_caption_and_its_data(buildup_default):
    for number, image in enumerate(buildup_default.images, 1):
        assert len(image["metadata"]["alt"]) > 40
        assert image["metadata"]["caption"].startswith(f"Figure {number}. ")
        assert f'aria-label="{html.escape(image["metadata"]["alt"], quote=True)}"' in image["data"]["text/html"]
    assert buildup_default.markdown.count("Data behind this chart (") == 3


def test_diplomacy_runs_with_defaults(diplomacy_default, dataset):
    run = diplomacy_default
    assert not run.errors
    assert len(run.images) == 2
    # 122 contacts, of which ct-076 was cancelled.
    assert "the dataset holds 121 calls and meetings" in run.text
    # Nothing in the data between the Geneva summit (ct-011) and the Sherman–Ryabkov talks (ct-084).
    assert "42 days between 16 June 2021 and 28 July 2021" in run.text


def test_charts_are_written_where_figures_dir_says(outdir, buildup_default):
    written = sorted(p.name for p in (outdir / "buildup" / "figures").iterdir())
    assert written == sorted(f"10-troop-buildup--{n}.{ext}" for n in ("estimates", "btgs", "who-when") for ext in ("csv", "svg"))


# --- the brief for 31 December 2021 reproduces the article ---------------------------------


def test_brief_31_december_tells_what_the_article_tells(brief_default):
    text = brief_default.text
    assert not brief_default.errors
    assert "# Brief as of 31 December 2021" in text
    assert "**more than 100,000 troops**" in text
    assert ("Joe Biden and Vladimir Putin spoke by phone on 30 December 2021 for about 50 minutes, "
            "from 3:35 pm Washington time (20:35 GMT), at the request of Russia.") in text
    assert "It was their second contact that month, after 7 December 2021." in text
    assert "**9–10 January 2022**: the Strategic Stability Dialogue in Geneva" in text
    assert "**12 January 2022**: the NATO–Russia Council in Brussels" in text
    assert "**13 January 2022**: the OSCE Permanent Council in Vienna" in text


def test_brief_shows_what_changed_since_a_week_before(brief_default):
    assert "Since 24 December 2021:" in brief_default.text
    assert "Four contacts newly announced" in brief_default.text


def test_brief_12_february_2022(outdir):
    run = execute("30-brief", outdir / "brief-0212", as_of="2022-02-12")
    text = run.text
    assert not run.errors
    assert "Joe Biden and Vladimir Putin spoke by phone on 12 February 2022" in text
    assert "Since 5 February 2022:" in text
    # The only later dates it may state: Scholz's visits to Kyiv (14 February) and Moscow
    # (15 February), announced on 3 February; nothing reported after 12 February.
    assert {d for d in dates_in(run.text, date(2022, 2, 12)) if d > date(2022, 2, 12)} == {date(2022, 2, 14), date(2022, 2, 15)}


def test_brief_20_april_2021_sees_the_spring_build_up_only(outdir):
    run = execute("30-brief", outdir / "brief-0420", as_of="2021-04-20")
    text = run.text
    assert not run.errors
    # te-003 (19 April) was the highest figure yet; te-005 and te-006 were published on 20 April.
    assert "The highest figure yet, published on 19 April 2021, was more than 150,000 Russian troops" in text
    assert "more than 120,000 troops" in text and "more than 100,000 troops" in text
    assert "- **16 April 2021**, Europe–Ukraine: Volodymyr Zelensky and Emmanuel Macron met in Paris." in text
    assert "175,000" not in text


# --- edges -----------------------------------------------------------------------------


def test_empty_window_says_so(outdir):
    run = execute("10-troop-buildup", outdir / "empty", start="2021-07-01", end="2021-07-31")
    assert not run.errors
    assert "the dataset holds no published estimates" in run.text
    assert "No estimate of the whole force in troops falls in this window" in run.text
    assert len(run.images) == 3


def test_single_estimator_group(outdir, dataset):
    run = execute("10-troop-buildup", outdir / "single", groups=["us_government"])
    us = dataset.troop_estimates[dataset.troop_estimates["estimator_group"] == "us_government"]
    assert not run.errors
    assert f"the dataset holds {len(us)} published estimates of Russian forces near Ukraine." in run.text
    assert "All come from one group of estimators: US government." in run.text
    assert "Only one estimator group published figures in the window" in run.text


def test_brief_on_the_first_day_of_the_data(outdir):
    run = execute("30-brief", outdir / "first", as_of="2021-03-01")
    assert not run.errors
    assert "No estimate of the troops around Ukraine had been published by 1 March 2021" in run.text
    assert "No contact between leaders had been held" in run.text


def test_brief_on_the_last_day_of_the_data(outdir, dataset):
    run = execute("30-brief", outdir / "last", as_of="2022-02-24")
    assert not run.errors
    assert "# Brief as of 24 February 2022" in run.text
    assert "Russia launches full-scale invasion of Ukraine" in run.text


def test_diplomacy_one_track(outdir):
    run = execute("20-diplomacy", outdir / "osce", tracks=["osce"])
    assert not run.errors
    assert "By track: OSCE" in run.text


# --- bad parameters -----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "parameters", "message"), [
    ("30-brief", {"as_of": "31/12/2021"}, "as_of = '31/12/2021' is not a date; expected YYYY-MM-DD"),
    ("30-brief", {"as_of": "2023-01-01"}, "as_of = 2023-01-01 is outside the data"),
    ("10-troop-buildup", {"start": "2022-01-01", "end": "2021-06-01"}, "end = 2021-06-01 is before start = 2022-01-01"),
    ("10-troop-buildup", {"groups": ["martians"]}, "groups has unknown value 'martians'"),
    ("20-diplomacy", {"tracks": ["backchannel"]}, "tracks has unknown value 'backchannel'"),
    ("20-diplomacy", {"data_dir": "/nonexistent"}, "data_dir = '/nonexistent' is not a folder"),
])
def test_bad_parameters_stop_with_one_clear_sentence(outdir, name, parameters, message):
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        execute(name, outdir / f"bad-{name}", **parameters)
    assert caught.value.ename == "ParameterError"
    assert message in caught.value.evalue
    assert caught.value.traceback == [f"ParameterError: {caught.value.evalue}"]


def test_bad_data_stops_the_notebook_naming_file_line_and_column(outdir, data_copy):
    data_copy.set_cell("troop_estimates", 3, "high", "lots")
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        execute("10-troop-buildup", outdir / "bad-data", data_dir=str(data_copy.root))
    assert 'troop_estimates.csv:3: high: "lots" — expected a whole number' in caught.value.evalue
