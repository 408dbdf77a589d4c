"""An independent check for hindsight, written from the rule, not from the package's code.

The rule (README, data/README.md): a row is known from the publication date of its source (and
never before its own date); a source is citable from its publication date; a scheduled contact
is known from its announcement and cited by the announcement's source. This module reads the
raw CSVs with the csv module and an exported brief with BeautifulSoup, so that a mistake in
`buildup.asof` cannot hide itself here.
"""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from bs4 import BeautifulSoup

MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December"], start=1)}
SHORT = {name[:3]: number for name, number in MONTHS.items()}
MONTH = "(" + "|".join(list(MONTHS) + list(SHORT)) + r")\b"
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "9–10 January 2022", "30 December 2021", "31 Dec 2021", "30 December – 2 January 2022", "23 April"
SPAN = re.compile(r"\b(\d{1,2})(?:\s*" + MONTH + r")?\s*[–-]\s*(\d{1,2})\s+" + MONTH + r"(?:\s+(\d{4}))?")
DAY = re.compile(r"\b(\d{1,2})\s+" + MONTH + r"(?:\s+(\d{4}))?")


def _month(name: str) -> int:
    return MONTHS.get(name) or SHORT[name]


def dates_in(text: str, reference: date) -> list[date]:
    """Every calendar date a reader would read in a text (a year-less date is read near reference)."""
    found: list[date] = []
    for m in ISO.finditer(text):
        found.append(date(int(m[1]), int(m[2]), int(m[3])))
    text = ISO.sub(" ", text)
    for m in SPAN.finditer(text):
        last = date(int(m[5]), _month(m[4]), int(m[3])) if m[5] else _nearest(_month(m[4]), int(m[3]), reference)
        year = last.year
        first_month = _month(m[2]) if m[2] else last.month
        first_year = year - 1 if first_month > last.month else year
        found += [date(first_year, first_month, int(m[1])), last]
    text = SPAN.sub(" ", text)
    for m in DAY.finditer(text):
        found.append(date(int(m[3]), _month(m[2]), int(m[1])) if m[3] else _nearest(_month(m[2]), int(m[1]), reference))
    return found


def _nearest(month: int, day: int, reference: date) -> date:
    """A year-less date read in the year that puts it within about six months of reference."""
    candidate = date(reference.year, month, day)
    return date(reference.year - 1, month, day) if (candidate - reference).days > 183 else candidate


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass
class Known:
    """What the rule says a reader could know on as_of, computed from the raw CSVs."""

    published: dict[str, date]
    rows: dict[str, date] = field(default_factory=dict)       # row id -> first day it could be shown
    scheduled: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def from_folder(cls, data_dir: Path) -> "Known":
        published = {s["source_id"]: date.fromisoformat(s["published"]) for s in _read(data_dir / "sources.csv")}
        known = cls(published=published)
        for row in _read(data_dir / "troop_estimates.csv"):
            known.rows[row["estimate_id"]] = max(_day(row["published"]), published[row["source_id"]])
        for row in _read(data_dir / "contacts.csv"):
            own = row["cancelled_on"] if row["status"] == "cancelled" else row["date"]
            known.rows[row["contact_id"]] = max(_day(own), published[row["source_id"]])
            known.scheduled.append(row)
        for row in _read(data_dir / "events.csv"):
            known.rows[row["event_id"]] = max(_day(row["date"]), published[row["source_id"]])
        return known

    def called_off_by(self, as_of: date) -> list[dict[str, str]]:
        """Announced contacts whose cancellation had been published by as_of (their planned date may be named)."""
        return [row for row in self.scheduled if row["status"] == "cancelled" and row["announced_source_id"]
                and self.published[row["announced_source_id"]] <= as_of and self.rows[row["contact_id"]] <= as_of]

    def scheduled_on(self, as_of: date) -> list[dict[str, str]]:
        """Contacts whose announcement had been published by as_of, due on or after it, not yet reported."""
        out = []
        for row in self.scheduled:
            if not row["announced_source_id"]:
                continue
            told = max(_day(row["announced"]), self.published[row["announced_source_id"]])
            due = _day(row["date"])
            if told <= as_of <= due and self.rows[row["contact_id"]] > as_of:
                out.append(row)
        return out


@dataclass(frozen=True)
class Leak:
    """One thing a brief showed before it was published."""

    what: str
    shown: str
    known_from: date

    def __str__(self) -> str:
        return f"{self.what} {self.shown} (published {self.known_from.isoformat()})"


def _scheduled_days(rows) -> set[date]:
    """Every day a scheduled contact runs: the only dates after as_of a brief may state."""
    days: set[date] = set()
    for row in rows:
        first, last = _day(row["date"]), _day(row["end_date"]) or _day(row["date"])
        days |= {first + timedelta(days=n) for n in range((last - first).days + 1)}
    return days


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def leaks_in_page(html: str, as_of: date, known: Known) -> list[Leak]:
    """Everything an exported brief shows that was published after as_of.

    Checks the page's cited sources (by the date printed in the Sources list and by the source
    ids in its data tables), every row id it shows, and every date stated in its text (outside
    the navigation to the next brief): a date after as_of must be the date of a scheduled
    contact, or of an announced contact whose cancellation had been reported.
    """
    soup = BeautifulSoup(html, "html.parser")
    for node in soup(["style", "script", "nav", "header"]):
        node.decompose()
    leaks: list[Leak] = []
    sources_heading = soup.find(id=re.compile("^sources$", re.IGNORECASE))
    if sources_heading is not None:
        for item in sources_heading.find_all_next("li"):
            stated = dates_in(_text(item), as_of)
            if stated and stated[-1] > as_of:
                leaks.append(Leak("cites a source", repr(_text(item)[:90]), stated[-1]))
    words = set(re.findall(r"[a-z0-9][a-z0-9-]*[a-z0-9]", _text(soup)))
    words |= {a["href"].rpartition("#")[2] for drawing in soup.find_all("svg") for a in drawing.find_all("a", href=True)}
    for source_id, day in known.published.items():
        if source_id in words and day > as_of:
            leaks.append(Leak("shows source", source_id, day))
    announced = {row["contact_id"] for row in known.scheduled_on(as_of)}
    for row_id, day in known.rows.items():
        if row_id in words and day > as_of and row_id not in announced:
            leaks.append(Leak("shows row", row_id, day))
    allowed = _scheduled_days(known.scheduled_on(as_of) + known.called_off_by(as_of))
    # A chart's text is read piece by piece (a tick "28" next to a tick "Mar" is not 28 March); its
    # marks' titles and labels are read in full.
    chart_dates = []
    for drawing in soup.find_all("svg"):
        chart_dates += [d for piece in drawing.find_all(["text", "title"]) for d in dates_in(_text(piece), as_of)]
        drawing.decompose()
    for day in sorted(set(dates_in(_text(soup), as_of) + chart_dates)):
        if day > as_of and day not in allowed:
            leaks.append(Leak("states the date", day.isoformat(), day))
    return leaks


ID_COLUMNS = ("estimate_id", "contact_id", "event_id")


def _plain(markdown: str) -> str:
    """Markdown as a reader reads it: escapes, entities and tags removed."""
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"\\(.)", r"\1", markdown)))


def leaks_in_brief(page, as_of: date, known: Known) -> list[Leak]:
    """Everything a brief rendered without a kernel (BriefPage(...).run_all()) showed too early.

    Rows the page used, sources it cited and dates its text (prose, tables, chart text) states.
    A row the page shows as scheduled must be one the rule schedules, cited by its announcement.
    """
    leaks: list[Leak] = []
    scheduled = {row["contact_id"]: row for row in known.scheduled_on(as_of)}
    for frame in page.drawn:
        for _, row in frame.iterrows():
            row_id = next(str(row[c]) for c in ID_COLUMNS if c in row.index)
            if "status" in row.index and row["status"] == "scheduled":
                if row_id not in scheduled:
                    leaks.append(Leak("shows as scheduled", row_id, known.rows[row_id]))
                elif row["source_id"] != scheduled[row_id]["announced_source_id"]:
                    leaks.append(Leak("cites for a scheduled contact", str(row["source_id"]),
                                      known.published[str(row["source_id"])]))
            elif known.rows[row_id] > as_of:
                leaks.append(Leak("uses row", row_id, known.rows[row_id]))
    for source_id in page.sources_used()["source_id"]:
        if known.published[source_id] > as_of:
            leaks.append(Leak("cites source", source_id, known.published[source_id]))
    allowed = _scheduled_days(list(scheduled.values()) + known.called_off_by(as_of))
    for day in sorted(set(dates_in(_plain("\n".join(page.text)), as_of))):
        if day > as_of and day not in allowed:
            leaks.append(Leak("states the date", day.isoformat(), day))
    return leaks
