"""Read a figure as a source printed it ('more than 100,000', '122 тис.', '85-87') into numbers and a qualifier.

The validator uses it to check that a row's low, high and qualifier agree with `as_written`.
"""

from __future__ import annotations

import re

# Words that qualify a figure, by the qualifier the dataset records for them (English, Russian, Ukrainian).
QUALIFIER_WORDS = {
    "more than": ("more than", "over", "above", "in excess of", "north of", "upwards of", "больше", "более", "свыше",
                  "понад", "більше"),
    "about": ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "около", "приблизно",
              "близько", "порядка"),
    "nearly": ("nearly", "almost", "close to", "почти", "майже"),
    "up to": ("up to", "as many as", "до"),
    "at least": ("at least", "no fewer than", "не менее", "щонайменше"),
    "fewer than": ("fewer than", "less than", "under", "менее", "менше"),
}
THOUSANDS = r"(?:thousand|тис\.?|тыс\.?|тысяч\w*|тисяч\w*|k)\b"
NUMBER = re.compile(r"(\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d+)(\s*" + THOUSANDS + ")?", re.IGNORECASE)


def figures(text: str) -> list[int]:
    """The numbers in a printed figure, with separators and 'thousand' words read ('30.000' is 30000)."""
    found = []
    for digits, thousand in NUMBER.findall(text):
        value = int(re.sub(r"\D", "", digits))
        found.append(value * 1000 if thousand else value)
    return found


def qualifiers(text: str) -> set[str]:
    """The qualifiers a printed figure carries, by the dataset's names for them."""
    lowered = " ".join(text.lower().split())
    return {name for name, words in QUALIFIER_WORDS.items()
            if any(re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", lowered) for word in words)}


def disagreement(as_written: str, low: int, high: int, qualifier: str | None) -> str | None:
    """What does not agree between as_written and (low, high, qualifier), or None when all agree."""
    numbers = figures(as_written)
    if not numbers:
        return "expected the figure as printed, with its digits"
    expected = [low] if low == high else [low, high]
    if numbers != expected:
        shown = " and ".join(f"{n:,}" for n in numbers)
        want = f"{low:,}" if low == high else f"{low:,} to {high:,}"
        return f"reads as {shown}; expected {want} as in low and high"
    found = qualifiers(as_written)
    if qualifier and qualifier not in found:
        return f"has no word for the qualifier {qualifier!r} ({', '.join(QUALIFIER_WORDS[qualifier][:3])}...)"
    if not qualifier and found:
        return f"says {', '.join(sorted(found))} but the qualifier is empty"
    return None
