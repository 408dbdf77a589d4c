"""Figures as printed: the numbers and the qualifier read from an `as_written` cell."""

from __future__ import annotations

import pytest

from buildup.written import disagreement, figures, qualifiers


@pytest.mark.parametrize(("text", "numbers"), [
    ("more than 100,000", [100000]), ("100 000", [100000]), ("30.000", [30000]), ("122 тис.", [122000]),
    ("около 129 тыс.", [129000]), ("about 75 thousand", [75000]), ("85-87 battalion tactical groups", [85, 87]),
    ("between 169,000-190,000", [169000, 190000]), ("60,000 to 90,000", [60000, 90000]), ("143 500", [143500]),
])
def test_figures_read_separators_and_thousands_words(text, numbers):
    assert figures(text) == numbers


@pytest.mark.parametrize(("text", "found"), [
    ("well north of 100,000", {"more than"}), ("a little over 120,000", {"more than"}), ("some 28", {"about"}),
    ("close to 100,000", {"nearly"}), ("up to 175,000", {"up to"}), ("127,000", set()), ("около 129 тыс.", {"about"}),
    ("Overall 100", set()),  # 'over' only as a word
])
def test_qualifiers_are_read_as_whole_words(text, found):
    assert qualifiers(text) == found


def test_agreeing_figures_pass_and_each_kind_of_disagreement_is_named():
    assert disagreement("more than 100,000", 100000, 100000, "more than") is None
    assert disagreement("169,000-190,000", 169000, 190000, None) is None
    assert disagreement("many troops", 100000, 100000, None) == "expected the figure as printed, with its digits"
    assert disagreement("169,000", 169000, 190000, None) == "reads as 169,000; expected 169,000 to 190,000 as in low and high"
    assert disagreement("about 100,000", 100000, 100000, None) == "says about but the qualifier is empty"
