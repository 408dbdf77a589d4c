"""The chart style: readable text colours, shapes that survive greyscale, reproducible files."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from buildup import charts, style, svg


def wcag_contrast_on_white(hex_colour: str) -> float:
    """WCAG 2 contrast ratio against white, written here from the specification, not from style.py."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_contrast_matches_the_wcag_reference_values():
    assert round(style.contrast("#000000"), 2) == 21.0
    assert round(style.contrast("#FFFFFF"), 2) == 1.0
    assert round(style.contrast("#767676"), 2) == 4.54  # the lightest grey that passes AA on white
    assert round(style.contrast("#777777"), 2) == 4.48


def test_every_chart_text_colour_has_at_least_4_5_to_1_contrast_on_white():
    text_colours = {"ink": style.COLOURS["ink"], "muted": style.COLOURS["muted"],
                    **{group: style.group_text_colour(group) for group in style.GROUP_MARKER}}
    assert text_colours == {"ink": "#1A1A1A", "muted": "#595959", "us_government": "#0072B2",
                            "ukraine_government": "#9C6C00", "nato_eu": "#008762", "russia": "#C35600",
                            "independent": "#A36085"}
    for name, colour in text_colours.items():
        assert wcag_contrast_on_white(colour) >= 4.5, (name, colour)


def test_text_colour_darkens_only_as_much_as_needed():
    assert style.text_colour("#0072B2") == "#0072B2"  # already 5.0:1
    darker = style.text_colour("#E69F00")
    assert wcag_contrast_on_white(darker) >= 4.5 and wcag_contrast_on_white(darker) < 4.9


def test_markers_and_hatches_tell_groups_formats_and_levels_apart_without_colour():
    for mapping in (style.GROUP_MARKER, style.FORMAT_MARKER, style.LEVEL_HATCH):
        assert len(set(mapping.values())) == len(mapping)


def sample():
    frame = pd.DataFrame({
        "estimate_id": ["te-001", "te-002"], "published": pd.to_datetime(["2021-04-01", "2021-12-01"]),
        "low": [40000, 90000], "high": [40000, 100000], "qualifier": ["more than", None], "unit": ["troops"] * 2,
        "scope": ["border"] * 2, "estimator_group": ["ukraine_government", "us_government"], "estimator": ["A", "B"],
        "party_to_conflict": [True, False]})
    events = pd.DataFrame({"event_id": ["ev-001"], "date": pd.to_datetime(["2021-06-16"]), "title": ["Summit costs $5"],
                           "key": [True]})
    return frame, events


def test_claims_by_a_party_to_the_conflict_are_drawn_hollow():
    frame, events = sample()
    fig = charts.estimates_chart(frame, events, "2021-03-01", "2022-02-24", "t", "s", "src")
    ax = fig.axes[0]
    points = [c for c in ax.collections if type(c).__name__ == "PathCollection"]
    hollow = [c.get_offsets()[0][1] for c in points if tuple(c.get_facecolors()[0][:3]) == (1.0, 1.0, 1.0)]
    assert hollow == [40000]  # the Ukrainian government's figure; the US range midpoint is filled


def test_drawing_the_same_chart_twice_gives_identical_svg_with_unique_prefixed_ids():
    frame, events = sample()
    drawn = []
    for _ in range(2):
        fig = charts.estimates_chart(frame, events, "2021-03-01", "2022-02-24", "t", "s", "src")
        drawn.append(svg.inline(fig, "troops-wide", "alt text"))
    assert drawn[0] == drawn[1]
    assert "<dc:date>" not in drawn[0] and "<?xml" not in drawn[0]
    ids = re.findall(r'\bid="([^"]+)"', drawn[0])
    assert ids and all(i.startswith("troops-wide-") for i in ids) and len(ids) == len(set(ids))
    assert drawn[0].startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'aria-label="alt text"' in drawn[0]


def test_a_mark_without_a_title_is_refused():
    frame, events = sample()
    fig = charts.estimates_chart(frame.assign(mark_href="evidence.html#te-001", mark_title="t"), events,
                                 "2021-03-01", "2022-02-24", "t", "s", "src")
    charts.titles_of(fig).clear()
    with pytest.raises(ValueError, match="no title was given"):
        svg.inline(fig, "x", "alt")
