"""Every page's words, compared with a golden copy that only a deliberate change updates.

The pages are rendered without a kernel (the notebooks call the same sections in the same
order, which a test here checks). After a deliberate change to the prose or the data, review
the difference and regenerate with: BUILDUP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re

import nbformat
import pytest

from buildup import paths
from buildup.report import BriefPage, BuildupPage, DiplomacyPage

GOLDEN = paths.ROOT / "tests" / "golden"
PAGES = {
    "brief-2021-04-22": (BriefPage, {"as_of": "2021-04-22"}),
    "brief-2021-12-31": (BriefPage, {"as_of": "2021-12-31"}),
    "brief-2022-02-12-us-russia": (BriefPage, {"as_of": "2022-02-12", "since": "2022-01-30", "tracks": ["us_russia"]}),
    "brief-2022-02-24": (BriefPage, {"as_of": "2022-02-24", "start": "2021-11-01", "groups": ["us_government", "nato_eu"]}),
    "brief-2021-03-01": (BriefPage, {"as_of": "2021-03-01"}),
    "buildup": (BuildupPage, {}),
    "buildup-winter-ukraine": (BuildupPage, {"start": "2021-11-01", "end": "2022-01-31", "groups": ["ukraine_government"]}),
    "buildup-empty": (BuildupPage, {"start": "2021-07-01", "end": "2021-07-31"}),
    "diplomacy": (DiplomacyPage, {}),
    "diplomacy-leaders-winter": (DiplomacyPage, {"start": "2021-12-01", "end": "2022-01-15", "levels": ["leaders"]}),
}


def rendered(name: str, dataset) -> str:
    page_class, parameters = PAGES[name]
    page = page_class.from_parameters(dataset=dataset, display_output=False, **parameters).run_all()
    return "\n\n".join(page.text) + "\n"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_text_matches_its_golden_copy(name, dataset):
    text = rendered(name, dataset)
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("BUILDUP_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden copy: run BUILDUP_UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("notebook", "page_class"), [("10-troop-buildup", BuildupPage), ("20-diplomacy", DiplomacyPage),
                                                      ("30-brief", BriefPage)])
def test_the_notebook_calls_the_sections_the_golden_pages_render(notebook, page_class):
    cells = nbformat.read(paths.NOTEBOOKS / f"{notebook}.ipynb", as_version=4).cells
    calls = [name for cell in cells if cell.cell_type == "code" for name in re.findall(r"^page\.(\w+)\(\)", cell.source, re.M)]
    assert tuple(calls) == page_class.SECTIONS
