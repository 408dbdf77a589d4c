"""The loader: typed frames from the real data, and a clear message for each kind of bad data."""

from __future__ import annotations

import pandas as pd
import pytest

from buildup.data import load
from buildup.validate import DataError, validate


def problems_in(root) -> list[str]:
    _, _, problems = validate(root)
    return [str(p) for p in problems]


def only_problem(root) -> str:
    found = problems_in(root)
    assert len(found) == 1, found
    return found[0]


# --- the real data -------------------------------------------------------------------


def test_real_data_has_no_problems(dataset):
    assert dataset.row_counts["troop_estimates"] > 0


def test_dates_load_as_datetimes(dataset):
    assert pd.api.types.is_datetime64_any_dtype(dataset.troop_estimates["published"])
    assert pd.api.types.is_datetime64_any_dtype(dataset.contacts["announced"])


def test_enums_load_as_categoricals_with_the_schema_categories(dataset):
    groups = dataset.troop_estimates["estimator_group"]
    assert isinstance(groups.dtype, pd.CategoricalDtype)
    assert list(groups.cat.categories) == ["us_government", "ukraine_government", "nato_eu", "russia", "independent"]


def test_numbers_load_as_nullable_integers(dataset):
    assert str(dataset.troop_estimates["low"].dtype) == "Int64"
    assert str(dataset.contacts["duration_min"].dtype) == "Int64"
    assert dataset.contacts["duration_min"].isna().any()


def test_content_hash_changes_when_a_file_changes(data_copy, dataset):
    data_copy.set_cell("troop_estimates", 2, "claim", "A different paraphrase of the same claim.")
    assert load(data_copy.root).content_hash != dataset.content_hash


# --- one test per kind of problem -------------------------------------------------------


def test_missing_file_is_named(data_copy):
    data_copy.path("events").unlink()
    assert only_problem(data_copy.root).startswith(f"{data_copy.root / 'events.csv'} — file missing")


def test_empty_file_is_named(data_copy):
    data_copy.path("contacts").write_text("", encoding="utf-8")
    message = only_problem(data_copy.root)
    assert "contacts.csv" in message and "file is empty" in message


def test_file_that_is_not_utf8_is_named_with_its_line(data_copy):
    lines = data_copy.lines("events")
    data_copy.path("events").write_bytes("".join(lines[:3]).encode() + "Kyïv\n".encode("latin-1"))
    message = only_problem(data_copy.root)
    assert "events.csv:4 — byte 0xef is not UTF-8" in message


def test_missing_column_is_named(data_copy):
    lines = data_copy.lines("sources")
    lines[0] = lines[0].replace(",language", ",lang")
    data_copy.write_lines("sources", lines)
    found = problems_in(data_copy.root)
    assert any("sources.csv:1: language — column missing" in p for p in found), found
    assert any("sources.csv:1: lang — unexpected column" in p for p in found), found


def test_extra_column_is_named(data_copy):
    lines = data_copy.lines("events")
    data_copy.write_lines("events", [lines[0].rstrip("\n") + ",note\n"] + [l.rstrip("\n") + ",x\n" for l in lines[1:]])
    assert "events.csv:1: note — unexpected column" in only_problem(data_copy.root)


def test_bad_date_names_file_line_and_column(data_copy):
    data_copy.set_cell("troop_estimates", 5, "published", "2021-13-45")
    message = only_problem(data_copy.root)
    assert 'troop_estimates.csv:5: published: "2021-13-45" — expected a date as YYYY-MM-DD' in message


def test_number_that_is_not_a_number_is_named(data_copy):
    data_copy.set_cell("troop_estimates", 3, "low", "many")
    data_copy.set_cell("troop_estimates", 3, "high", "many")
    found = problems_in(data_copy.root)
    assert any('troop_estimates.csv:3: low: "many" — expected a whole number' in p for p in found), found


def test_negative_figure_is_refused(data_copy):
    data_copy.set_cell("troop_estimates", 4, "low", "-5")
    message = only_problem(data_copy.root)
    assert 'troop_estimates.csv:4: low: "-5" — expected a figure of at least 0' in message


def test_low_above_high_is_refused(data_copy):
    data_copy.set_cell("troop_estimates", 6, "low", "999999")
    found = problems_in(data_copy.root)
    assert any("troop_estimates.csv:6: high:" in m and "expected high ≥ low (999999)" in m for m in found), found
    assert all(":6: " in m for m in found)  # and as_written, which now disagrees with low


def test_unknown_enum_value_lists_the_allowed_values(data_copy):
    data_copy.set_cell("contacts", 2, "format", "carrier pigeon")
    message = only_problem(data_copy.root)
    assert 'contacts.csv:2: format: "carrier pigeon" — expected one of: phone, video, in_person' in message


def test_duplicate_id_names_the_first_use(data_copy):
    first = data_copy.cell("events", 2, "event_id")
    data_copy.set_cell("events", 3, "event_id", first)
    message = only_problem(data_copy.root)
    assert f'events.csv:3: event_id: "{first}" — duplicate id, first used on line 2' in message


def test_source_id_with_no_source_is_refused(data_copy):
    data_copy.set_cell("contacts", 7, "source_id", "no-such-source")
    message = only_problem(data_copy.root)
    assert 'contacts.csv:7: source_id: "no-such-source" — no such source_id in sources' in message


def test_empty_required_field_is_refused(data_copy):
    data_copy.set_cell("troop_estimates", 8, "estimator", "")
    assert "troop_estimates.csv:8: estimator: (empty) — a value is required" in only_problem(data_copy.root)


def test_as_of_after_published_is_refused(data_copy):
    data_copy.set_cell("troop_estimates", 2, "as_of", "2022-02-20")
    assert "troop_estimates.csv:2: published:" in only_problem(data_copy.root)


def test_announced_after_held_is_refused(data_copy):
    line = next(i for i, l in enumerate(data_copy.lines("contacts"), 1) if ",2021-12-29,urdupoint" in l)
    data_copy.set_cell("contacts", line, "announced", "2021-12-31")
    found = problems_in(data_copy.root)
    assert any(f"contacts.csv:{line}: date:" in p and "expected on or after announced" in p for p in found), found


def test_estimate_outside_the_study_period_is_refused(data_copy):
    data_copy.set_cell("troop_estimates", 2, "published", "2019-01-01")
    assert "expected a date in the study period 2021-03-01 to 2022-02-24" in only_problem(data_copy.root)


def test_context_event_inside_the_study_period_is_refused(data_copy):
    data_copy.set_cell("events", 2, "context", "false")
    assert "events.csv:2: date:" in only_problem(data_copy.root)


def test_party_to_conflict_must_match_the_estimator_group(data_copy):
    data_copy.set_cell("troop_estimates", 2, "party_to_conflict", "false")
    assert "expected true for estimator_group ukraine_government" in only_problem(data_copy.root)


def test_an_estimator_named_with_how_the_figure_reached_us_is_refused(data_copy):
    data_copy.set_cell("troop_estimates", 2, "estimator", "Ukrainian presidential spokeswoman Iuliia Mendel (via Reuters)")
    assert ('troop_estimates.csv:2: estimator: "Ukrainian presidential spokeswoman Iuliia Mendel (via Reu..." — expected '
            "who made the estimate, without how it reached the source ('via')") in only_problem(data_copy.root)


def test_url_that_is_not_http_is_refused(data_copy):
    data_copy.set_cell("sources", 2, "url", "javascript:alert(1)")
    assert 'sources.csv:2: url: "javascript:alert(1)" — expected an http:// or https:// address' in only_problem(data_copy.root)


def test_placeholder_text_is_refused(data_copy):
    data_copy.set_cell("events", 4, "claim", "TODO write this")
    assert "events.csv:4: claim:" in only_problem(data_copy.root)


def test_unknown_time_zone_is_refused(data_copy):
    line = next(i for i, l in enumerate(data_copy.lines("contacts"), 1) if "America/New_York" in l)
    data_copy.set_cell("contacts", line, "timezone", "Mars/Olympus")
    assert f'contacts.csv:{line}: timezone: "Mars/Olympus"' in only_problem(data_copy.root)


def test_every_problem_is_reported_not_just_the_first(data_copy):
    data_copy.set_cell("troop_estimates", 2, "unit", "tanks")
    data_copy.set_cell("contacts", 3, "status", "maybe")
    data_copy.set_cell("events", 4, "date", "yesterday")
    assert len(problems_in(data_copy.root)) == 3


def test_load_raises_with_every_problem_listed(data_copy):
    data_copy.set_cell("troop_estimates", 2, "unit", "tanks")
    data_copy.set_cell("contacts", 3, "status", "maybe")
    with pytest.raises(DataError) as caught:
        load(data_copy.root)
    assert len(caught.value.problems) == 2
    assert "troop_estimates.csv:2: unit" in str(caught.value)


# --- announcements: a scheduled contact stands on its announcement's source ---------------
# ct-028 is the Biden–Putin call of 30 December 2021, announced on
# 29 December by urdupoint-news-2021-12-29 (published 29 December).


def test_announced_after_its_announcement_source_was_published_is_refused(data_copy):
    line = _line_of(data_copy, "contacts", "ct-028")
    data_copy.set_cell("contacts", line, "announced", "2021-12-30")
    assert only_problem(data_copy.root).endswith(
        f'/data/contacts.csv:{line}: announced: "2021-12-30" — expected on or before the date its source '
        'urdupoint-news-2021-12-29 was published (2021-12-29)')


def test_announced_contact_without_an_announcement_source_is_refused(data_copy):
    line = _line_of(data_copy, "contacts", "ct-028")
    data_copy.set_cell("contacts", line, "announced_source_id", "")
    assert only_problem(data_copy.root).endswith(
        f'/data/contacts.csv:{line}: announced_source_id: (empty) — expected the source that announced it: '
        "a contact is shown as scheduled only on its announcement's authority")


def test_announcement_source_without_an_announced_date_is_refused(data_copy):
    line = _line_of(data_copy, "contacts", "ct-028")
    data_copy.set_cell("contacts", line, "announced", "")
    assert only_problem(data_copy.root).endswith(
        f'/data/contacts.csv:{line}: announced: (empty) — expected the date urdupoint-news-2021-12-29 says it was announced')


def test_announcement_published_after_the_contact_is_refused(data_copy):
    line = _line_of(data_copy, "contacts", "ct-028")
    data_copy.set_cell("contacts", line, "announced_source_id", "efe-and-ap-2021-12-31")
    assert only_problem(data_copy.root).endswith(
        f'/data/contacts.csv:{line}: announced_source_id: "efe-and-ap-2021-12-31" — expected an announcement published '
        "on or before the contact's date (2021-12-30), not one of 2021-12-31")


# --- provenance: kind, original outlet, title, as_written, checked ---------------------------


def _line_of(data_copy, table: str, row_id: str) -> int:
    return next(i for i, line in enumerate(data_copy.lines(table), 1) if line.startswith(row_id + ","))


def test_unknown_source_kind_is_refused(data_copy):
    line = _line_of(data_copy, "sources", "efe-and-ap-2021-12-31")
    data_copy.set_cell("sources", line, "kind", "blog_post")
    assert only_problem(data_copy.root).endswith(
        f'/data/sources.csv:{line}: kind: "blog_post" — expected one of: official_record, original_report, '
        "syndicated_copy, later_recap")


def test_syndicated_copy_without_its_original_outlet_is_refused(data_copy):
    line = _line_of(data_copy, "sources", "efe-and-ap-2021-12-31")
    data_copy.set_cell("sources", line, "original_outlet", "")
    assert only_problem(data_copy.root).endswith(
        f"/data/sources.csv:{line}: original_outlet: (empty) — expected the outlet or wire whose story this copy is "
        "(e.g. Reuters)")


def test_empty_title_is_refused(data_copy):
    line = _line_of(data_copy, "sources", "efe-and-ap-2021-12-31")
    data_copy.set_cell("sources", line, "title", "")
    assert only_problem(data_copy.root).endswith(f"/data/sources.csv:{line}: title: (empty) — a value is required")


def test_placeholder_title_is_refused(data_copy):
    line = _line_of(data_copy, "sources", "efe-and-ap-2021-12-31")
    data_copy.set_cell("sources", line, "title", "[no headline in stored copy]")
    assert only_problem(data_copy.root).endswith(
        f'/data/sources.csv:{line}: title: "[no headline in stored copy]" — expected real text, not a placeholder')


def test_source_without_an_address_is_refused_unless_it_is_the_bundled_article(data_copy):
    line = _line_of(data_copy, "sources", "efe-and-ap-2021-12-31")
    assert data_copy.cell("sources", line, "url") == ""  # the article in shared/sources carries none
    other = 2 if line != 2 else 3
    data_copy.set_cell("sources", other, "url", "")
    assert ": url: (empty) — expected the http(s) address of the copy that was read (only efe-and-ap-2021-12-31, " \
           "held as shared/sources/2021-12-31-biden-putin-call.txt, has none)" in only_problem(data_copy.root)


def test_as_written_that_disagrees_with_the_figures_is_refused(data_copy):
    line = _line_of(data_copy, "troop_estimates", "te-028")  # the article: "more than 100,000"
    data_copy.set_cell("troop_estimates", line, "as_written", "more than 120,000")
    assert only_problem(data_copy.root).endswith(
        f'/data/troop_estimates.csv:{line}: as_written: "more than 120,000" — reads as 120,000; expected 100,000 as in '
        "low and high")


def test_as_written_without_the_qualifier_is_refused(data_copy):
    line = _line_of(data_copy, "troop_estimates", "te-028")
    data_copy.set_cell("troop_estimates", line, "as_written", "100,000")
    assert only_problem(data_copy.root).endswith(
        f"/data/troop_estimates.csv:{line}: as_written: \"100,000\" — has no word for the qualifier 'more than' "
        "(more than, over, above...)")


def test_a_row_never_checked_against_its_source_is_refused(data_copy):
    line = _line_of(data_copy, "contacts", "ct-028")
    data_copy.set_cell("contacts", line, "checked", "")
    assert only_problem(data_copy.root).endswith(f"/data/contacts.csv:{line}: checked: (empty) — a value is required")


def test_loading_again_reads_a_changed_file_and_hands_out_frames_no_caller_can_spoil(data_copy):
    first = load(data_copy.root)
    first.troop_estimates.loc["te-001", "claim"] = "changed by a report"  # a page mutating what it was given
    again = load(data_copy.root)
    assert again.troop_estimates.loc["te-001", "claim"] != "changed by a report"
    data_copy.set_cell("troop_estimates", 2, "claim", "Edited on disk since the last load.")
    edited = load(data_copy.root)
    assert edited.troop_estimates.loc["te-001", "claim"] == "Edited on disk since the last load."
    assert edited.content_hash != again.content_hash
    data_copy.set_cell("troop_estimates", 2, "low", "not a number")
    with pytest.raises(DataError):
        load(data_copy.root)  # a broken file is validated, never served from what was loaded before
