"""The data package as an outside tool sees it, and the dictionary generated from it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from buildup import paths
from buildup.datadoc import render
from buildup.schema import read_package


def test_frictionless_validates_the_package():
    frictionless = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(frictionless), "validate", "--json", str(paths.DATAPACKAGE)],
                            capture_output=True, text=True, cwd=paths.DATA)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert '"valid": true' in result.stdout


def test_frictionless_rejects_a_broken_copy(data_copy):
    data_copy.set_cell("troop_estimates", 2, "low", "lots")
    frictionless = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(frictionless), "validate", str(data_copy.root / "datapackage.json")],
                            capture_output=True, text=True, cwd=data_copy.root)
    assert result.returncode != 0


def test_data_readme_generated_blocks_match_the_schema_and_data(dataset):
    text = paths.DATA_README.read_text(encoding="utf-8")
    assert render(text, read_package(paths.DATAPACKAGE), dataset) == text, \
        "data/README.md is out of date: run `python -m buildup docs`"


def test_every_field_is_documented_in_the_data_readme():
    text = paths.DATA_README.read_text(encoding="utf-8")
    for table in read_package(paths.DATAPACKAGE).tables:
        for field in table.fields:
            assert field.description, f"{table.name}.{field.name} has no description"
            assert f"| `{field.name}` |" in text


def test_every_source_is_cited(dataset):
    cited = set(dataset.troop_estimates["source_id"]) | set(dataset.contacts["source_id"]) | \
        set(dataset.events["source_id"]) | set(dataset.contacts["announced_source_id"].dropna())
    assert set(dataset.sources["source_id"]) == cited


def test_readme_finding_is_generated_from_the_data(dataset):
    text = paths.README.read_text(encoding="utf-8")
    assert "<!-- generated:finding -->" in text
    assert render(text, read_package(paths.DATAPACKAGE), dataset) == text, \
        "README.md is out of date: run `python -m buildup docs`"
