"""The notebooks' edge: check parameters, load data, and display prose and charts in order.

Each notebook creates one page object from its parameters and calls its sections one by one;
every section displays Markdown rendered by `narrative` and charts drawn by `charts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar
from datetime import date
from pathlib import Path

import pandas as pd
from IPython.display import HTML, Markdown, display

from . import analysis, asof, charts, cite, fmt, narrative, params, paths, style, svg
from .data import Dataset, load
from .period import STUDY_END, STUDY_START
from .schema import read_package
from .validate import DataError

ESTIMATE_COLUMNS = {"published": "published", "estimator_group": "group", "estimator": "estimator", "qualifier": "qualifier",
                    "low": "low", "high": "high", "unit": "unit", "scope": "scope", "source_id": "source"}
CONTACT_COLUMNS = {"date": "date", "track": "track", "format": "format", "level": "level", "participants": "participants",
                   "place": "place", "duration_min": "minutes", "requested_by": "requested by", "status": "status", "source_id": "source"}

MARKS_COLUMNS = {"date": "date", "mark_title": "what", "source_id": "source"}


def show(markdown: str) -> None:
    """Display Markdown in the notebook (and so in the exported HTML)."""
    display(Markdown(markdown))


def _enum(table: str, column: str) -> list[str]:
    field_ = read_package(paths.DATAPACKAGE).table(table).field(column)
    return list(field_.enum or [])


def load_checked(data_dir: object) -> Dataset:
    """Load the dataset named by the data_dir parameter, or stop with its problems listed."""
    folder = params.folder("data_dir", data_dir, paths.DATA)
    try:
        return load(folder)
    except DataError as err:
        raise params.ParameterError(f"data_dir = {str(folder)!r} holds data that does not validate:\n"
                                    + "\n".join(str(p) for p in err.problems)) from None


@dataclass
class Page:
    """Shared machinery: figures numbered in order, saved under a prefix, shown with alt text.

    With `display_output` off (tests, feeds), nothing is displayed or saved: every Markdown
    block and every chart's own text (titles, labels) is only collected in `text`.
    """

    dataset: Dataset
    figures_dir: Path
    prefix: str
    figure_count: int = field(default=0)
    drawn: list[pd.DataFrame] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    display_output: bool = True
    citations: cite.Citations = field(default_factory=cite.Citations)
    anchored: set[str] = field(default_factory=set)

    def show(self, markdown: str) -> None:
        """Show a Markdown block with its citation marks turned into numbered links (and remember it)."""
        resolved = self.citations.resolve(markdown)
        self.text.append(resolved)
        if self.display_output:
            show(resolved)

    def show_html(self, block: str) -> None:
        """Show a block that is already HTML (a data table) with its citation marks resolved; it skips the
        Markdown pass, which costs nbconvert a parse of every table cell."""
        resolved = self.citations.resolve(block)
        self.text.append(resolved)
        if self.display_output:
            display(HTML(resolved))

    def figure(self, draw, name: str, alt: str, caption: str, rows: pd.DataFrame, columns: dict[str, str],
               summary: str = "Data behind this chart", anchor_column: str | None = None) -> None:
        """Draw a chart once per layout (`draw(layout)` returns a Figure) and show it as inline SVG with
        alt text, a caption and its data table; save the wide drawing (SVG) and the data (CSV)."""
        self.figure_count += 1
        caption = f"Figure {self.figure_count}. {caption}"
        table = narrative.data_table(rows, columns, name, summary, self.anchored, anchor_column=anchor_column)
        layouts = style.LAYOUTS if self.display_output else (style.WIDE,)
        drawings = {layout.name: draw(layout) for layout in layouts}
        # A built page states its charts' text in their SVG; the text is read back from the figure only for
        # a page run without display (the golden and hindsight tests read page.text).
        self.text += ([] if self.display_output else [charts.text_of(drawings[style.WIDE.name])]) + [alt, caption]
        if self.display_output:
            stem = f"{self.prefix}--{name}"
            inline = {layout: svg.inline(fig, f"{name}-{layout}", alt) for layout, fig in drawings.items()}
            self.figures_dir.mkdir(parents=True, exist_ok=True)
            (self.figures_dir / f"{stem}.svg").write_text(svg.standalone(inline[style.WIDE.name]), encoding="utf-8")
            (self.figures_dir / f"{stem}.csv").write_text(table.csv, encoding="utf-8")
            display(HTML(svg.figure_html(name, inline, caption, f"data/{stem}.csv")),
                    metadata={"alt": alt, "caption": caption, "figure": name})
        self.show_html(table.html)

    def note_rows(self, *frames: pd.DataFrame) -> None:
        """Remember rows shown, for the generated list of sources at the end."""
        self.drawn.extend(frames)

    def sources_used(self) -> pd.DataFrame:
        """The sources behind every row this page showed, by date."""
        return analysis.sources_used(self.dataset.sources, *self.drawn)

    def rows_by_source(self) -> dict[str, list[str]]:
        """The ids of the rows this page showed, by the source each one cites here."""
        found: dict[str, list[str]] = {}
        for frame in self.drawn:
            id_column = next((c for c in narrative.ID_COLUMNS if c in frame.columns), None)
            if id_column is None or "source_id" not in frame:
                continue
            for row_id, source_id in zip(frame[id_column], frame["source_id"]):
                ids = found.setdefault(str(source_id), [])
                if str(row_id) not in ids:
                    ids.append(str(row_id))
        return found

    def sources(self) -> None:
        """The numbered list of every source cited above, each with the rows it supports."""
        listing = cite.sources_list(self.dataset.sources, self.citations, self.rows_by_source(),
                                    row_href=lambda r: f"#{r}" if r in self.anchored else f"evidence.html#{r}")
        self.show("## Sources\n\nEvery source cited above, numbered as cited; each names the rows it supports, which "
                  "the evidence page lists in full.\n\n" + listing)

    SECTIONS: ClassVar[tuple[str, ...]] = ()  # the page's sections in its notebook's order

    def run_all(self):
        """Every section in the notebook's order, as the notebook calls them (for a run without a kernel)."""
        for name in self.SECTIONS:
            getattr(self, name)()
        return self

    def events_by(self, day) -> pd.DataFrame:
        """The milestones known by a day, for the charts' key-date lines."""
        return asof.events_until(self.dataset.events, self.dataset.sources, day)

    def caveats(self) -> None:
        self.show("## Caveats\n\n" + narrative.CAVEATS)


def _page_setup(data_dir, figures_dir, figure_prefix, slug, dataset: Dataset | None = None) -> tuple[Dataset, Path, str]:
    dataset = dataset if dataset is not None else load_checked(data_dir)
    folder = params.folder("figures_dir", figures_dir, paths.SCRATCH_FIGURES, must_exist=False)
    prefix = str(figure_prefix).strip() or slug
    if not all(c.isalnum() or c in "-_." for c in prefix):
        raise params.ParameterError(f"figure_prefix = {figure_prefix!r} is not a plain file name; "
                                    "expected letters, digits, '-', '_' or '.'.")
    return dataset, folder, prefix


# --- 10: the build-up -----------------------------------------------------------------


@dataclass
class BuildupPage(Page):
    SECTIONS = ("summary", "estimates_section", "disagreement_section", "btg_section", "who_section", "caveats", "sources")
    start: date = STUDY_START
    end: date = STUDY_END
    estimates: pd.DataFrame | None = None

    @classmethod
    def from_parameters(cls, data_dir="", figures_dir="", figure_prefix="", start="", end="", groups=(), scopes=(),
                        dataset: Dataset | None = None, display_output: bool = True):
        first, last = params.window(start, end)
        groups = params.choices("groups", list(groups), _enum("troop_estimates", "estimator_group"))
        scopes = params.choices("scopes", list(scopes), _enum("troop_estimates", "scope"))
        dataset, folder, prefix = _page_setup(data_dir, figures_dir, figure_prefix, "10-troop-buildup", dataset)
        estimates = asof.estimates_published(dataset.troop_estimates, dataset.sources, last, start=first)
        estimates = analysis.filter_estimates(estimates, groups=groups, scopes=scopes)
        page = cls(dataset=dataset, figures_dir=folder, prefix=prefix, start=first, end=last, estimates=estimates,
                   display_output=display_output)
        page.note_rows(estimates)
        return page

    @property
    def totals(self) -> pd.DataFrame:
        return analysis.troop_totals(self.estimates)

    def summary(self) -> None:
        est = self.estimates
        sentences = [narrative.estimates_overview(est, self.start, self.end)]
        if self.totals.empty:
            sentences.append("No estimate of the whole force in troops falls in this window, so there is no trend to show.")
        else:
            sentences += [narrative.latest_estimates_sentence(est), narrative.peak_sentence(est)]
        finding = narrative.buildup_finding(est)
        self.show(f"# The build-up: Russian forces near Ukraine, {fmt.day(self.start)} – {fmt.day(self.end)}\n\n"
                  + (finding + "\n\n" if finding else "") + " ".join(sentences))

    def estimates_section(self) -> None:
        totals = self.totals
        events = self.events_by(self.end)
        latest = analysis.latest_per_group(totals)
        band = None
        if len(latest) >= 2:
            band = (float(latest["low"].min()), float(latest["high"].max()),
                    max(pd.Timestamp(self.start), pd.Timestamp(self.end) - pd.Timedelta(days=21)))
        moved = analysis.change(totals)
        title = ("No estimates of the whole force fall in this window" if totals.empty else
                 f"Estimates {'rose' if moved and moved.difference > 0 else 'moved'} to {fmt.estimate_text(analysis.latest(totals).iloc[0])}"
                 if moved else fmt.initial_capital(f"{fmt.count_words(len(totals), 'estimate')} of the troops near Ukraine"))
        marked, key = narrative.with_marks(totals), narrative.with_marks(events)
        draw = lambda layout: charts.estimates_chart(  # noqa: E731
            marked, key, self.start, self.end, title=title,
            subtitle=f"Published estimates of Russian troops near Ukraine, low–high range, {fmt.short_day(self.start)} – {fmt.short_day(self.end)}",
            source=narrative.source_line(totals, self.dataset.sources, "estimate"), band=band, layout=layout)
        self.figure(draw, "estimates", narrative.estimates_alt(totals, self.start, self.end),
                    "Every published estimate of the whole force in troops, by estimator group; the shaded band spans the groups' latest figures.",
                    totals, ESTIMATE_COLUMNS)
        self.show(" ".join(t for t in [narrative.change_sentence(self.estimates) or narrative.latest_estimates_sentence(self.estimates)] if t))

    def disagreement_section(self) -> None:
        self.show(narrative.disagreement_sentence(self.estimates))

    def btg_section(self) -> None:
        btgs = self.estimates[self.estimates["unit"] == "battalion tactical groups"]
        marked, key = narrative.with_marks(btgs), narrative.with_marks(self.events_by(self.end))
        draw = lambda layout: charts.estimates_chart(  # noqa: E731
            marked, key, self.start, self.end, layout=layout,
            title=(f"Battalion tactical groups: {fmt.count_words(len(btgs), 'estimate')}, up to {fmt.thousands(btgs['high'].max())}"
                   if not btgs.empty else "No estimates in battalion tactical groups in this window"),
            subtitle=f"Published estimates in battalion tactical groups, {fmt.short_day(self.start)} – {fmt.short_day(self.end)}",
            source=narrative.source_line(btgs, self.dataset.sources, "estimate"), unit_label="Battalion tactical groups")
        self.figure(draw, "btgs", narrative.estimates_alt(btgs, self.start, self.end, unit="battalion tactical groups"),
                    "Estimates given in battalion tactical groups, a unit that is never added to troop figures.",
                    btgs, ESTIMATE_COLUMNS)
        self.show("No estimate in battalion tactical groups was published in this window." if btgs.empty else
             f"The latest figure in battalion tactical groups: {narrative.estimate_sentence_part(btgs.sort_values('published').iloc[-1])}.")

    def who_section(self) -> None:
        est = self.estimates
        counts = analysis.counts(est, "estimator_group")
        title = (f"{fmt.label(counts.index[0])} published the most estimates ({counts.iloc[0]})" if not counts.empty
                 else "No estimates in this window")
        marked = narrative.with_marks(est)
        draw = lambda layout: charts.who_when_chart(marked, self.start, self.end, title=title, layout=layout,  # noqa: E731
                                    subtitle=f"Each mark is one published estimate (troops or battalion tactical groups), {fmt.short_day(self.start)} – {fmt.short_day(self.end)}",
                                    source=narrative.source_line(est, self.dataset.sources, "estimate"))
        alt = (f"Strip chart: one lane per estimator group, a mark for each of {fmt.count_words(len(est), 'estimate')}. "
               + "; ".join(f"{fmt.initial_capital(fmt.label(g))}: {fmt.number_word(int(n))}" for g, n in counts.items()) + "."
               ) if not counts.empty else "Empty strip chart: no estimates."
        self.figure(draw, "who-when", alt, "Who was publishing estimates when.",
                    est, ESTIMATE_COLUMNS)
        self.show(("By estimator group: " + fmt.listing(f"{fmt.label(g)} {fmt.count_words(int(n), 'estimate')}" for g, n in counts.items())
                   + "." + cite.table_mark("who-when"))
             if not counts.empty else "No estimates were published in this window.")


# --- 20: the diplomacy ----------------------------------------------------------------


@dataclass
class DiplomacyPage(Page):
    SECTIONS = ("summary", "timeline_section", "cadence_section", "requests_section", "scheduled_section", "caveats",
                "sources")
    start: date = STUDY_START
    end: date = STUDY_END
    held: pd.DataFrame | None = None
    scheduled: pd.DataFrame | None = None

    @classmethod
    def from_parameters(cls, data_dir="", figures_dir="", figure_prefix="", start="", end="", tracks=(), levels=(),
                        dataset: Dataset | None = None, display_output: bool = True):
        first, last = params.window(start, end)
        tracks = params.choices("tracks", list(tracks), _enum("contacts", "track"))
        levels = params.choices("levels", list(levels), _enum("contacts", "level"))
        dataset, folder, prefix = _page_setup(data_dir, figures_dir, figure_prefix, "20-diplomacy", dataset)
        contacts = analysis.filter_contacts(dataset.contacts, tracks=tracks, levels=levels)
        held = asof.contacts_held(contacts, dataset.sources, last, start=first)
        scheduled = asof.contacts_scheduled(contacts, dataset.sources, last)
        page = cls(dataset=dataset, figures_dir=folder, prefix=prefix, start=first, end=last, held=held, scheduled=scheduled,
                   display_output=display_output)
        page.note_rows(held, scheduled)
        return page

    def summary(self) -> None:
        finding = narrative.diplomacy_finding(self.held)
        self.show(f"# The diplomacy: calls and meetings, {fmt.day(self.start)} – {fmt.day(self.end)}\n\n"
                  + (finding + "\n\n" if finding else "")
                  + narrative.contacts_overview(self.held, self.start, self.end) + " "
             + narrative.leader_contact_sentence(self.held))

    def timeline_section(self) -> None:
        held, scheduled = self.held, self.scheduled
        tracks = analysis.counts(held, "track")
        title = (f"{fmt.label(tracks.index[0])} was the busiest track, with {fmt.count_words(int(tracks.iloc[0]), 'contact')}"
                 if not tracks.empty else "No contacts in this window")
        marked_held, marked_scheduled = narrative.with_marks(held), narrative.with_marks(scheduled)
        key = narrative.with_marks(self.events_by(self.end))
        draw = lambda layout: charts.timeline_chart(marked_held, marked_scheduled, key, self.start, self.end, title=title,  # noqa: E731
                                    layout=layout,
                                    subtitle=f"Calls and meetings by track, {fmt.short_day(self.start)} – {fmt.short_day(self.end)}",
                                    source=narrative.source_line(pd.concat([held, scheduled]), self.dataset.sources, "contact"))
        self.figure(draw, "timeline", narrative.timeline_alt(held, scheduled, self.start, self.end),
                    "Every call and meeting, one lane per track; hollow marks were announced but not yet held at the end of the window.",
                    pd.concat([held, scheduled]), CONTACT_COLUMNS)
        self.show(("By track: " + fmt.listing(f"{fmt.label(t)} {n}" for t, n in tracks.items()) + "." + cite.table_mark("timeline"))
                  if not tracks.empty
             else "No calls or meetings fall in this window.")

    def cadence_section(self) -> None:
        weekly = analysis.weekly_cadence(self.held, self.start, self.end)
        busiest = weekly.sum(axis=1).sort_values(ascending=False) if not weekly.empty else pd.Series(dtype=int)
        title = (f"The busiest week, from {fmt.short_day(busiest.index[0])}, had {fmt.count_words(int(busiest.iloc[0]), 'contact')}"
                 if not busiest.empty and busiest.iloc[0] > 0 else "No contacts in this window")
        draw = lambda layout: charts.cadence_chart(weekly, title=title, layout=layout,  # noqa: E731
                                   subtitle=f"Calls and meetings per week (Monday to Sunday) by level, {fmt.short_day(self.start)} – {fmt.short_day(self.end)}",
                                   source=narrative.source_line(self.held, self.dataset.sources, "contact"))
        table = weekly.reset_index().assign(week_id=lambda f: f["week"].map(charts.week_id),
                                             week=lambda f: f["week"].dt.strftime("%Y-%m-%d"))
        alt = (f"Bar chart of contacts per week from {fmt.day(self.start)} to {fmt.day(self.end)}, stacked by level; "
               f"{len(self.held)} contacts in {int((weekly.sum(axis=1) > 0).sum())} of {len(weekly)} weeks.")
        self.figure(draw, "cadence", alt, "Weekly cadence of contacts, by level.",
                    table, {"week": "week starting", **{c: fmt.label(c) for c in weekly.columns}}, anchor_column="week_id")
        self.show(narrative.gaps_sentence(self.held) or "There are too few contacts in this window to measure gaps.")

    def requests_section(self) -> None:
        asked = analysis.requesters(self.held)
        self.show(narrative.requests_sentence(asked) + cite.table_mark("timeline") if not asked.empty
                  else "No source in this window says who asked for a contact.")

    def scheduled_section(self) -> None:
        self.show(narrative.scheduled_block(self.scheduled, self.end))


# --- 30: the brief --------------------------------------------------------------------


@dataclass
class BriefPage(Page):
    SECTIONS = ("summary", "troops_section", "leaders_section", "scheduled_section", "changes_section",
                "troops_and_talks_section", "events_section", "caveats", "sources")
    as_of: date = date(2021, 12, 31)
    since: date = date(2021, 12, 24)
    start: date = STUDY_START
    view: asof.Snapshot | None = None
    new: asof.Snapshot | None = None

    @classmethod
    def from_parameters(cls, data_dir="", figures_dir="", figure_prefix="", as_of="2021-12-31", since="", start="",
                        groups=(), tracks=(), dataset: Dataset | None = None, display_output: bool = True):
        day = params.as_date("as_of", as_of)
        since_day = params.since_date(since, day)
        first = params.optional_date("start", start, STUDY_START, latest=day)
        groups = params.choices("groups", list(groups), _enum("troop_estimates", "estimator_group"))
        tracks = params.choices("tracks", list(tracks), _enum("contacts", "track"))
        dataset, folder, prefix = _page_setup(data_dir, figures_dir, figure_prefix, "30-brief", dataset)
        view = asof.snapshot(dataset, day)
        view = asof.Snapshot(
            as_of=view.as_of,
            estimates=analysis.filter_estimates(view.estimates, groups=groups),
            held=analysis.filter_contacts(view.held, tracks=tracks),
            scheduled=analysis.filter_contacts(view.scheduled, tracks=tracks),
            cancelled=analysis.filter_contacts(view.cancelled, tracks=tracks),
            events=view.events, sources=view.sources)
        page = cls(dataset=dataset, figures_dir=folder, prefix=prefix, as_of=day, since=since_day, start=first,
                   view=view, new=asof.restrict(view, since_day), display_output=display_output)
        return page


    def _window(self, frame: pd.DataFrame, column: str) -> pd.DataFrame:
        return frame[frame[column] >= pd.Timestamp(self.start)]

    def summary(self) -> None:
        v = self.view
        self.show(f"# Brief as of {fmt.day(self.as_of)}\n\n" + narrative.brief_lead(v, self.new, self.since) + "\n\n"
                  "*What a reader could have known that day, from sources published by then.*")
        self.note_rows(analysis.latest(analysis.troop_totals(v.estimates)), v.held[v.held["level"] == "leaders"], v.scheduled,
                       self.new.events, self.new.cancelled, self.new.estimates)

    def troops_section(self) -> None:
        totals = self._window(analysis.troop_totals(self.view.estimates), "published")
        latest = analysis.latest(totals)
        title = (f"By {fmt.short_day(self.as_of)}: {fmt.estimate_text(latest.iloc[0])} near Ukraine, the latest estimate said"
                 if not latest.empty else f"No estimates published by {fmt.short_day(self.as_of)}")
        marked, key = narrative.with_marks(totals), narrative.with_marks(self.view.events)
        draw = lambda layout: charts.estimates_chart(  # noqa: E731
            marked, key, self.start, self.as_of, title=title, layout=layout,
            subtitle=f"Published estimates of Russian troops near Ukraine, low–high range, {fmt.short_day(self.start)} – {fmt.short_day(self.as_of)}",
            source=narrative.source_line(totals, self.dataset.sources, "estimate"))
        self.figure(draw, "troops", narrative.estimates_alt(totals, self.start, self.as_of),
                    f"The build-up as published up to {fmt.day(self.as_of)}.", totals, ESTIMATE_COLUMNS)
        self.note_rows(totals)
        self.show((narrative.change_sentence(totals) or narrative.latest_estimates_sentence(totals, self.as_of))
             + ("\n\n" + narrative.latest_by_group_block(totals) if len(totals) else ""))

    def leaders_section(self) -> None:
        recent = analysis.leader_contacts(self.view.held, n=5)
        self.note_rows(recent)
        if recent.empty:
            self.show("No contact between leaders had been held by then.")
            return
        self.show("The latest contacts between leaders:\n\n" + "\n".join(narrative.contact_line(r) for _, r in recent.iterrows()))

    def scheduled_section(self) -> None:
        self.note_rows(self.view.scheduled)
        self.show(narrative.scheduled_block(self.view.scheduled, self.as_of))

    def changes_section(self) -> None:
        self.note_rows(self.new.estimates, self.new.held, self.new.scheduled, self.new.cancelled, self.new.events)
        self.show(narrative.changes_since_block(self.view, self.new, self.since))

    def troops_and_talks_section(self) -> None:
        totals = self._window(analysis.troop_totals(self.view.estimates), "published")
        held = self._window(self.view.held, "date")
        horizon = max([pd.Timestamp(self.as_of)] + list(self.view.scheduled["date"]))
        latest = analysis.latest(totals)
        ahead = len(self.view.scheduled)
        title = ((f"{fmt.estimate_text(latest.iloc[0]).capitalize()} said to be near Ukraine" if not latest.empty
                  else "No troop estimates yet")
                 + (f"; {fmt.count_words(ahead, 'contact')} scheduled" if ahead else f"; {fmt.count_words(len(held), 'contact')} held so far"))
        marked = [narrative.with_marks(f) for f in (totals, held, self.view.scheduled, self.view.events)]
        draw = lambda layout: charts.troops_and_talks_chart(  # noqa: E731
            *marked, self.start, self.as_of, title=title, layout=layout,
            subtitle=f"Troop estimates (above) and calls and meetings by track (below), {fmt.short_day(self.start)} – {fmt.short_day(horizon)}",
            source=narrative.source_line(pd.concat([totals, held, self.view.scheduled]), self.dataset.sources, "row"))
        alt = (narrative.estimates_alt(totals, self.start, self.as_of) + " Below it is a "
               + fmt.lower_initial(narrative.timeline_alt(held, self.view.scheduled, self.start, self.as_of)))
        self.figure(draw, "troops-and-talks", alt, "Troops and talks on one time axis.",
                    narrative.marks_table(*marked[:3]), MARKS_COLUMNS, summary="Estimates and contacts in this chart")
        self.note_rows(totals, held)
        self.show(f"Between {fmt.day(self.start)} and {fmt.day(self.as_of)}: {fmt.count_words(len(totals), 'estimate')} of the whole force "
             f"and {fmt.count_words(len(held), 'call or meeting', 'calls and meetings')}."
                  + cite.table_mark("troops") + cite.table_mark("troops-and-talks"))

    def events_section(self) -> None:
        events = self.view.events
        recent = events[events["date"] >= pd.Timestamp(self.start)].tail(6)
        self.note_rows(recent)
        if recent.empty:
            self.show("No milestone in the data falls between the start of the window and this date.")
            return
        self.show("Recent milestones:\n\n" + "\n".join(f"- **{fmt.day_span(r['date'], r['end_date'])}**: {fmt.md_escape(r['title'])}."
                                                  f"{cite.row_mark(r)}" for _, r in recent.iterrows()))
