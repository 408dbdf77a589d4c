"""'Cite this report': a plain-text citation and BibTeX, from CITATION.cff, the report and the dataset version."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import paths

CITATION_FILE = paths.ROOT / "CITATION.cff"


@dataclass(frozen=True)
class Citation:
    text: str
    bibtex: str


def _authors(cff: dict) -> str:
    names = [a.get("name") or " ".join(p for p in (a.get("given-names"), a.get("family-names")) if p)
             for a in cff.get("authors", [])]
    return " and ".join(n for n in names if n) or "The Build-up Brief authors"


@lru_cache(maxsize=4)
def _read_cff(cff_path: Path, text: str) -> dict:
    return yaml.safe_load(text)


def report_citation(report_name: str, title: str, dataset_version: str, as_of: str | None = None,
                    cff_path: Path = CITATION_FILE) -> Citation:
    """How to cite one report: who, when released, what, which dataset version, and which file."""
    cff = _read_cff(cff_path, cff_path.read_text(encoding="utf-8"))  # parsed once per content
    authors = _authors(cff)
    year = str(cff.get("date-released", ""))[:4]
    collection = cff.get("title", "Build-up Brief")
    seen = f" Information as published by {as_of}." if as_of else ""
    text = (f"{authors} ({year}). {title}. In {collection}, dataset version {dataset_version}.{seen} "
            f"Report file reports/{report_name}.html. Licence: data {cff.get('license', 'CC-BY-4.0')}, code MIT.")
    key = "buildup-" + "".join(c if c.isalnum() else "-" for c in report_name)
    fields = [("author", "{" + authors + "}"), ("title", title), ("howpublished", f"{collection}, dataset version {dataset_version}"),
              ("year", year), ("note", (f"As of {as_of}; " if as_of else "") + f"file reports/{report_name}.html")]
    bibtex = "@misc{" + key + ",\n" + ",\n".join(f"  {k} = {{{v}}}" for k, v in fields) + "\n}"
    return Citation(text=text, bibtex=bibtex)
