"""The named formatters that turn computed values into prose, and escaping for data text.

Every number or date that reaches a report goes through one of these, so the same value always
reads the same way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo
from urllib.parse import quote

import pandas as pd

# Characters that Markdown gives a meaning to; < > & are turned into entities instead.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^$:])")

UNIT_WORDS = {"troops": ("troop", "troops"), "battalion tactical groups": ("battalion tactical group", "battalion tactical groups")}
LABELS = {
    "us_government": "US government",
    "ukraine_government": "Ukraine's government",
    "nato_eu": "NATO, EU and European governments",
    "russia": "Russia's government",
    "independent": "independent analysts and media",
    "us_russia": "US–Russia",
    "us_ukraine": "US–Ukraine",
    "nato_russia": "NATO–Russia",
    "nato_ukraine": "NATO–Ukraine",
    "russia_ukraine": "Russia–Ukraine (TCG)",
    "osce": "OSCE",
    "normandy": "Normandy format",
    "europe_russia": "Europe–Russia",
    "europe_ukraine": "Europe–Ukraine",
    "us_europe": "US–Europe",
    "un": "United Nations",
    "phone": "phone call",
    "video": "video call",
    "in_person": "meeting in person",
    "leaders": "leaders",
    "ministers": "ministers",
    "senior_officials": "senior officials",
    "multilateral": "multilateral bodies",
    "border": "near Ukraine's borders",
    "border_and_crimea": "near Ukraine's borders and in Crimea",
    "border_and_belarus": "near Ukraine's borders and in Belarus",
    "border_crimea_belarus": "near Ukraine's borders, in Crimea and in Belarus",
    "belarus": "in Belarus",
    "with_separatists": "including separatist forces",
}


SHORT_LABELS = {
    "us_government": "US government",
    "ukraine_government": "Ukraine",
    "nato_eu": "NATO/EU",
    "russia": "Russia",
    "independent": "Independent",
}


def initial_capital(text: str) -> str:
    """'independent analysts' -> 'Independent analysts' (for the start of a line or a tick label)."""
    return text[:1].upper() + text[1:]


def lower_initial(text: str) -> str:
    """'Timeline of 41 calls' -> 'timeline of 41 calls' (a sentence continued mid-way)."""
    return text[:1].lower() + text[1:]


def short_label(code: str) -> str:
    """A label short enough for a chart legend."""
    return SHORT_LABELS.get(str(code), label(code))


def md_escape(text: object) -> str:
    """Make text from the data safe to put in Markdown: shown as text, never as markup or HTML."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text).replace("\r", " ").replace("\n", " "))
    return html.escape(escaped, quote=True)


def label(code: str) -> str:
    """The reader's words for a code from the data (a group, track, format or scope)."""
    return LABELS.get(str(code), str(code).replace("_", " "))


def party(name: str) -> str:
    """A country or body as it reads after 'the request of': 'the United States', 'Russia'."""
    return f"the {name}" if str(name).startswith(("United ", "European ")) else str(name)


def thousands(number: int | float) -> str:
    """12345 -> '12,345'."""
    return f"{int(round(number)):,}"


def figure(low: int, high: int, qualifier: str | None = None) -> str:
    """An estimate's figure as the source gave it: '169,000–190,000', 'more than 100,000'."""
    core = thousands(low) if low == high else f"{thousands(low)}–{thousands(high)}"
    return f"{qualifier} {core}" if qualifier and not pd.isna(qualifier) else core


def estimate_text(row) -> str:
    """'more than 100,000 troops' for an estimate row (a mapping or a namedtuple)."""
    get = row.get if hasattr(row, "get") else lambda k: getattr(row, k)
    unit_singular, unit_plural = UNIT_WORDS[str(get("unit"))]
    unit = unit_singular if get("low") == get("high") == 1 else unit_plural
    return f"{figure(get('low'), get('high'), get('qualifier'))} {unit}"


def _as_date(day) -> date:
    if isinstance(day, datetime):
        return day.date()
    if isinstance(day, pd.Timestamp):
        return day.date()
    if isinstance(day, str):
        return date.fromisoformat(day)
    return day


def day(value) -> str:
    """A date as prose: '30 December 2021'."""
    d = _as_date(value)
    return f"{d.day} {d:%B %Y}"


def days(values) -> str:
    """Distinct days as a reader lists them: '3, 7 and 20 February 2022', '30 December 2021 and 4 January 2022'."""
    distinct = sorted({_as_date(v) for v in values})
    by_month: dict[tuple[int, int], list[date]] = {}
    for d in distinct:
        by_month.setdefault((d.year, d.month), []).append(d)
    parts = []
    for (year, month), group in by_month.items():
        numbers = [str(d.day) for d in group]
        parts.append(f"{listing(numbers) if len(numbers) > 1 else numbers[0]} {group[0]:%B %Y}")
    if len(parts) > 1 and any(" and " in p for p in parts):
        return "; ".join(parts[:-1]) + "; and " + parts[-1]
    return listing(parts)


def day_span(first, last=None) -> str:
    """'9–10 January 2022', '30 January – 2 February 2022', or one day."""
    a = _as_date(first)
    b = _as_date(last) if last is not None and not pd.isna(last) else a
    if a == b:
        return day(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} – {b.day} {b:%B %Y}"
    return f"{day(a)} – {day(b)}"


def short_day(value) -> str:
    """A date for chart labels: '30 Dec 2021'."""
    d = _as_date(value)
    return f"{d.day} {d:%b %Y}"


# The city a reader names for a time zone ("3:35 pm Washington time"); other zones use their own city.
ZONE_CITIES = {"America/New_York": "Washington", "Europe/Kiev": "Kyiv", "Europe/Kyiv": "Kyiv", "Europe/Zurich": "Geneva"}


def _twelve_hour(value: time) -> str:
    hour = value.hour % 12 or 12
    return f"{hour}:{value:%M} {'am' if value.hour < 12 else 'pm'}"


def clock(value: time | None, zone: str | None, day=None) -> str:
    """A start time as a reader reads it: '3:35 pm Washington time (20:35 GMT)'; '09:05' with no zone;
    '' when unknown. The GMT time needs the day (summer time); without it only local time is given."""
    if value is None or pd.isna(value):
        return ""
    if not zone or pd.isna(zone):
        return f"{value:%H:%M}"
    city = ZONE_CITIES.get(str(zone), str(zone).rsplit("/", 1)[-1].replace("_", " "))
    local = f"{_twelve_hour(value)} {city} time"
    if day is None or pd.isna(day):
        return local
    moment = datetime.combine(_as_date(day), value, tzinfo=ZoneInfo(str(zone)))
    return f"{local} ({moment.astimezone(timezone.utc):%H:%M} GMT)"


def duration(minutes, qualifier=None) -> str:
    """'about 50 minutes', 'more than 8 hours', or '' when unknown."""
    if minutes is None or pd.isna(minutes):
        return ""
    minutes = int(minutes)
    if minutes >= 120 and minutes % 60 == 0:
        core = f"{minutes // 60} hours"
    elif minutes == 60:
        core = "an hour"
    else:
        core = f"{minutes} minutes"
    return f"{qualifier} {core}" if qualifier and not pd.isna(qualifier) else core


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


SINGULAR_SOURCES = ("official", "document", "report")  # an unnamed one takes "a": "a senior US defense official"
PLURAL_SOURCES = ("officials",)  # unnamed ones take no article: "senior US Defense Department officials"
BODIES = ("Office of ", "Ukraine Ministry of ")              # a body named by its office takes "the"


def as_subject(estimator: object) -> str:
    """An estimator as a sentence names it: 'a senior US defense official (Pentagon)', 'the Office of the EU
    High Representative', 'UK Defence Secretary Ben Wallace' (names and titles as they are)."""
    text = str(estimator)
    head = re.split(r"[(,]", text, maxsplit=1)[0].strip()
    if head.split() and head.split()[-1] in SINGULAR_SOURCES:
        first, _, rest = text.partition(" ")
        return "a " + (first.lower() if first == "Senior" else first) + (f" {rest}" if rest else "")
    if text.startswith(BODIES):
        return "the " + text
    if text.startswith("Senior ") and head.split()[-1] in PLURAL_SOURCES:
        return "s" + text[1:]
    return text


def people(participants: object) -> str:
    """'Joe Biden; Vladimir Putin' (the data's list) -> 'Joe Biden and Vladimir Putin'."""
    return listing(p.strip() for p in str(participants).split(";"))


NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def number_word(n: int) -> str:
    """3 -> 'three', 12 -> '12': numbers under ten in words, as a reader writes them."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else thousands(n)


def count_words(n: int, singular: str, plural: str | None = None) -> str:
    """'one more contact', 'three contacts', '12 contacts'; none is 'no calls or meetings', not 'no calls and meetings'."""
    many = plural or singular + "s"
    if n == 0:
        many = many.replace(" and ", " or ")
    return f"{number_word(n)} {singular if n == 1 else many}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 contact', '3 contacts'."""
    return f"{thousands(n)} {singular if n == 1 else (plural or singular + 's')}"


def safe_url(url: object) -> str:
    """An http(s) URL made safe for a Markdown link target, or '' for anything else."""
    if not isinstance(url, str) or not re.match(r"https?://", url):
        return ""
    return quote(url, safe=":/?&=#%~+,;@!$'*")


def link(text: str, url: object) -> str:
    """A Markdown link with escaped text, or the escaped text alone when there is no safe URL."""
    target = safe_url(url)
    return f"[{md_escape(text)}]({target})" if target else md_escape(text)
