"""Run a project notebook with papermill, the way a reader would, and read what it shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill

from buildup import paths


@dataclass
class Executed:
    """An executed notebook: its Markdown outputs joined, its images, and any errors."""

    notebook: nbformat.NotebookNode
    markdown: str
    images: list[dict]
    errors: list[dict]

    @property
    def text(self) -> str:
        """The Markdown with escapes undone, as a reader sees it."""
        return re.sub(r"\\(.)", r"\1", self.markdown).replace("&#x27;", "'").replace("&amp;", "&")

    def headings(self, level: int) -> list[str]:
        pattern = re.compile(rf"^{'#' * level} (.+)$", re.MULTILINE)
        found = pattern.findall(self.markdown)
        for cell in self.notebook.cells:
            if cell.cell_type == "markdown":
                found += pattern.findall(cell.source)
        return found


def execute(name: str, out_dir: Path, **parameters) -> Executed:
    """Execute notebooks/NAME.ipynb with parameters; charts go to out_dir, never to figures/."""
    out_dir.mkdir(parents=True, exist_ok=True)
    parameters.setdefault("figures_dir", str(out_dir / "figures"))
    output = out_dir / f"{name}.ipynb"
    papermill.execute_notebook(str(paths.NOTEBOOKS / f"{name}.ipynb"), str(output), parameters=parameters,
                               kernel_name="buildup", progress_bar=False, cwd=str(paths.NOTEBOOKS))
    return read(output)


def read(path: Path) -> Executed:
    notebook = nbformat.read(str(path), as_version=4)
    markdown, images, errors = [], [], []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors.append(output)
            data = output.get("data", {})
            if "text/markdown" in data:
                markdown.append(data["text/markdown"])
            elif "text/html" in data and '<figure class="chart"' not in data["text/html"]:
                markdown.append(data["text/html"])  # data tables, shown as HTML
            if '<figure class="chart"' in data.get("text/html", ""):
                images.append(output)
    return Executed(notebook, "\n\n".join(markdown), images, errors)
