"""Incremental builds in both directions: a change rebuilds exactly the reports it affects.

A small report set in a temporary folder (its own copy of a notebook, its own data copy): two
single reports on two notebooks and a series of two briefs. Each test changes one input of
the build key and reads from the build's progress lines which reports ran.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from buildup import build as build_module
from buildup import paths
from buildup.build import Settings, build

pytestmark = pytest.mark.build

SERIES = """
[[series]]
name = "b"
title = "Brief as of {{date}}"
notebook = "{brief}"
parameter = "as_of"
first = 2022-01-03
last = 2022-01-10
every_days = 7
extra = [{extra}]
parameters = {{}}
"""


class Project:
    """A report set of its own: reports.toml, a copy of the brief notebook, a data copy."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "data"
        shutil.copytree(paths.DATA, self.data)
        self.brief = root / "brief.ipynb"
        shutil.copy(paths.NOTEBOOKS / "30-brief.ipynb", self.brief)
        self.out = root / "out"
        self.write_toml()

    def write_toml(self, as_of: str = "2021-12-31", extra: str = "") -> None:
        (self.root / "reports.toml").write_text(
            f'[[report]]\nname = "one"\ntitle = "One"\nnotebook = "{self.brief}"\ndescription = "x"\n'
            f'parameters = {{ as_of = "{as_of}" }}\n\n'
            f'[[report]]\nname = "diplomacy"\ntitle = "Diplomacy"\nnotebook = "{paths.NOTEBOOKS / "20-diplomacy.ipynb"}"\n'
            'description = "x"\nparameters = {}\n' + SERIES.format(brief=self.brief, extra=extra), encoding="utf-8")

    def build(self) -> set[str]:
        """Run the build; return the names of the reports it ran."""
        lines: list[str] = []
        code = build(Settings(data_dir=self.data, out_dir=self.out, figures_dir=self.out / "figures", jobs=2,
                              reports_toml=self.root / "reports.toml"), out=lines.append)
        assert code == 0, "\n".join(lines)
        return {line.split()[1] for line in lines if line.startswith("  start  ")}


ALL = {"one", "diplomacy", "b-2022-01-03", "b-2022-01-10"}
BRIEFS = ALL - {"diplomacy"}


def test_each_input_of_the_build_key_rebuilds_exactly_the_reports_it_affects(tmp_path, monkeypatch):
    # One project changed step by step (each build starts kernels, so the steps share them).
    project = Project(tmp_path)
    assert project.build() == ALL
    assert project.build() == set(), "nothing changed"

    notebook = json.loads(project.brief.read_text(encoding="utf-8"))
    notebook["cells"][1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "left over"}]
    project.brief.write_text(json.dumps(notebook, indent=4), encoding="utf-8")
    assert project.build() == set(), "outputs and formatting are not inputs"

    project.write_toml(as_of="2022-01-14")
    assert project.build() == {"one"}, "a parameter"

    notebook["cells"][-1]["source"] = "page.caveats()\npage.sources()\n"  # the same calls, a different cell
    project.brief.write_text(json.dumps(notebook), encoding="utf-8")
    assert project.build() == BRIEFS, "a notebook cell: the reports of that notebook"

    project.write_toml(as_of="2022-01-14", extra="2022-01-07")
    # b-2022-01-03 and b-2022-01-10 get new previous/next links (b-2022-01-10 a new since date too).
    assert project.build() == {"b-2022-01-07", "b-2022-01-03", "b-2022-01-10"}, "a series neighbour"

    from conftest import DataCopy

    copy = DataCopy.__new__(DataCopy)
    copy.root = project.data
    copy.set_cell("troop_estimates", 2, "claim", copy.cell("troop_estimates", 2, "claim") + " (reworded)")
    assert project.build() == ALL | {"b-2022-01-07"}, "a data cell"

    real = build_module.code_hash
    monkeypatch.setattr(build_module, "code_hash", lambda folder: "changed-" + real(folder))
    assert project.build() == ALL | {"b-2022-01-07"}, "package code"
