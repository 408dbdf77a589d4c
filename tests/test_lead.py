"""Every brief opens like a wire story: the day's news first, then the force, then what comes next.

Checked on the exported pages, as a reader reads them: the first paragraph after the title."""

from __future__ import annotations

import re
import tomllib

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from buildup import analysis, paths

BRIEFS = sorted(paths.REPORTS.glob("brief-*.html"))

# The story of each key date in reports.toml, as the dataset names it (event titles, contacts).
KEY_STORIES = {
    "2021-04-22": "22 April 2021: Shoigu announces end of snap drills and a pullback.",
    "2021-06-16": "16 June 2021: Biden–Putin summit in Geneva.",
    "2021-12-07": "Joe Biden and Vladimir Putin held a video call on 7 December 2021",
    "2021-12-17": "17 December 2021: Russia publishes draft security treaties with the US and NATO.",
    "2021-12-31": "Joe Biden and Vladimir Putin spoke by phone on 30 December 2021",
    "2022-01-26": "26 January 2022: US delivers written response to Russia's security demands.",
    "2022-02-12": "Joe Biden and Vladimir Putin spoke by phone on 12 February 2022",
    "2022-02-24": "24 February 2022: Russia launches full-scale invasion of Ukraine.",
}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'])")
CITATION = re.compile(r"\[(\d+|data)\]")


def sentences(text: str) -> list[str]:
    """A paragraph's sentences: split after '.', '!' or '?' followed by a space and a capital or a digit."""
    return [s for s in SENTENCE_END.split(CITATION.sub("", text).strip()) if s]


def words(sentence: str) -> int:
    return len(sentence.split())


def lead_of(page) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.find("h1").find_next("p").get_text(" ").split())


def test_the_sentence_splitter_splits_where_a_reader_would():
    assert sentences("It rose.[3] Then it fell. 3:35 pm Washington time (20:35 GMT) came next.") == [
        "It rose.", "Then it fell.", "3:35 pm Washington time (20:35 GMT) came next."]
    assert sentences("Troops near Ukraine's borders, the highest figure.") == ["Troops near Ukraine's borders, the highest figure."]


def test_every_key_date_of_the_report_set_has_its_story_here():
    config = tomllib.loads((paths.ROOT / "reports.toml").read_text(encoding="utf-8"))
    extra = {f"{d:%Y-%m-%d}" for series in config["series"] for d in series.get("extra", [])}
    assert extra == set(KEY_STORIES)


@pytest.mark.parametrize("day", sorted(KEY_STORIES))
def test_a_key_date_brief_leads_with_that_days_story(day):
    lead = lead_of(paths.REPORTS / f"brief-{day}.html")
    assert lead.startswith(KEY_STORIES[day]), lead


def test_the_brief_of_31_december_2021_tells_the_article_in_its_first_paragraph():
    lead = lead_of(paths.REPORTS / "brief-2021-12-31.html")
    for fact in ("spoke by phone on 30 December 2021", "for about 50 minutes", "from 3:35 pm Washington time",
                 "at the request of Russia", "their second contact that month, after 7 December 2021",
                 "more than 100,000 Russian troops", "in Geneva on 9–10 January 2022",
                 "the NATO–Russia Council in Brussels on 12 January 2022", "OSCE Permanent Council in Vienna on 13 January 2022"):
        assert fact in lead, fact


@pytest.mark.parametrize("page", BRIEFS, ids=lambda p: p.stem)
def test_every_lead_reads_like_the_news(page):
    lead = lead_of(page)
    said = sentences(lead)
    assert 1 <= len(said) <= 6, said
    assert max(words(s) for s in said) <= 40, said
    assert sum(words(s) for s in said) / len(said) <= 25, said
    assert not re.search(r"\([^()]*\(", lead), "nested parentheses"
    assert not re.search(r"\b[A-Z][a-z]+/[A-Z][a-z_]+\b", lead), "a time-zone identifier"
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", lead), "a raw code from the data"


def test_the_story_rule_prefers_a_key_event_then_fresh_news_then_the_later_date():
    day = pd.Timestamp
    events = pd.DataFrame({"event_id": ["ev-1", "ev-2"], "date": [day("2022-02-20"), day("2022-02-24")], "key": [True, False],
                           "context": [False, False], "title": ["a", "b"]})
    contacts = pd.DataFrame({"contact_id": ["ct-1", "ct-2"], "date": [day("2022-02-23"), day("2022-02-23")], "level": ["leaders"] * 2,
                             "track": ["europe_russia", "us_russia"]})
    none = pd.DataFrame(columns=["estimate_id", "published", "low", "high", "unit", "scope", "estimator_group"])
    empty_cancelled = pd.DataFrame(columns=["contact_id", "known"])
    # A key event four days old (5) loses to a fresh leaders' contact on the US–Russia channel (3 + 2 + 1) ...
    story = analysis.top_story(none, none, contacts, empty_cancelled, events, "2022-02-24")
    assert (story.kind, story.row["contact_id"]) == ("leaders_contact", "ct-2")
    # ... and a fresh key event (5 + 2) beats it.
    events.loc[1, "key"] = True
    story = analysis.top_story(none, none, contacts, empty_cancelled, events, "2022-02-24")
    assert (story.kind, story.row["event_id"]) == ("key_event", "ev-2")
    assert analysis.top_story(none, none, contacts.iloc[0:0], empty_cancelled, events.iloc[0:0], "2022-02-24") is None


PAGES = sorted(p for p in paths.REPORTS.glob("*.html") if p.name not in ("evidence.html", "changelog.html", "index.html"))


def prose_of(page) -> list[str]:
    """The paragraphs and list items the package wrote: not the data tables, the charts, the Sources list
    (titles are the outlets' words) or the footer."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("main")
    for node in main.select("details, figure, ol.sources, nav, pre"):
        node.decompose()
    texts = []
    for node in main.find_all(["p", "li"]):
        node = BeautifulSoup(str(node), "html.parser")
        for nested in node.select("li ul, li ol"):
            nested.decompose()  # a list item's own words, without its sub-items (checked on their own)
        texts.append(" ".join(node.get_text(" ").split()))
    return texts


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_prose_of_every_report_reads_like_english(page):
    problems = [p for text in prose_of(page) for p in plain_problems(text)]
    assert not problems, problems[:5]


# Numbers under ten are words in prose ("three contacts", not "3 contacts"), as a wire report writes them.
DIGIT_COUNT = re.compile(r"(?<![\d,.:–-])\b\d (?:new |published |scheduled |more )?(?:estimates?|contacts?|calls?|meetings?|"
                         r"milestones?|days?|publications?|between|in person|phone|video)\b")


def plain_problems(text: str) -> list[tuple[str, str]]:
    """What no sentence a reader meets may hold: the checks of the prose test, and counts under ten in digits."""
    problems = []
    if re.search(r"\([^()]*\(", text):
        problems.append(("nested parentheses", text))
    if re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+; [A-Z][a-z]+ [A-Z]", text):
        problems.append(("names joined with '; '", text))
    if re.search(r"\b(America|Europe|Asia)/[A-Z][a-z_]+\b", text):
        problems.append(("a time-zone identifier", text))
    if re.search(r"\b[a-z]+_[a-z_]+\b", text):
        problems.append(("a raw code from the data", text))
    if DIGIT_COUNT.search(text):
        problems.append(("a count under ten in digits", text))
    if re.search(r"\b(?:by|from|according to) (?:Senior|Office|US official)\b", text):
        problems.append(("an estimator not named as a sentence names it", text))
    problems += [("a sentence over 40 words", s) for s in sentences(text) if words(s) > 40]
    return problems


def test_the_checks_catch_what_they_are_for():
    assert [p for p, _ in plain_problems("Below, 3 contacts (one (nested)) by Senior US defense official.")] == [
        "nested parentheses", "a count under ten in digits", "an estimator not named as a sentence names it"]
    assert plain_problems("On 7 December 2021, 12 contacts in 33 of 52 weeks, from a senior US defense official.") == []


def chart_texts_of(page) -> list[str]:
    """What a reader (or a screen reader) is told about each chart: its alt text and its caption."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    texts = []
    for figure in soup.select("figure.chart"):
        texts += [svg["aria-label"] for svg in figure.find_all("svg") if svg.get("aria-label")]
        caption = figure.find("figcaption")
        for link in caption.find_all("a"):
            link.decompose()
        texts.append(" ".join(caption.get_text(" ").split()))
    return texts


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_alt_text_and_captions_of_every_chart_read_like_english(page):
    texts = chart_texts_of(page)
    assert texts, "no chart found"
    problems = [p for text in texts for p in plain_problems(text)]
    assert not problems, problems[:5]

