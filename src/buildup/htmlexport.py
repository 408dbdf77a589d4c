"""Export an executed notebook to one self-contained HTML file with the project's template."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
CSS = (TEMPLATES / "buildup" / "report.css").read_text(encoding="utf-8")
HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)</h\1>', re.DOTALL)
PILCROW = r"(?:¶|&#182;)"  # nbconvert's Markdown renderer writes the entity
ANCHOR_LINK = re.compile(rf'<a class="anchor-link" href="#[^"]*">{PILCROW}</a>')
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PageInfo:
    """What the template shows around the notebook: title, navigation and the footer's facts."""

    title: str
    notebook: str
    parameters: list[tuple[str, str]]
    data_hash: str
    row_counts: list[tuple[str, int]]
    versions: list[tuple[str, str]]
    version: str
    dataset_version: str = ""
    citation_text: str = ""
    citation_bibtex: str = ""
    previous: dict | None = None
    next: dict | None = None


def table_of_contents(body: str) -> str:
    """A <nav> listing the page's h2 headings, linking to their ids."""
    items = [(anchor, TAG.sub("", text).strip()) for level, anchor, text in HEADING.findall(body) if level == "2"]
    items = [(a, t) for a, t in items if a != "about-this-report"] + [("about-this-report", "About this report")]
    links = "\n".join(f'<li><a href="#{html.escape(a, quote=True)}">{t}</a></li>' for a, t in items)
    return f'<nav class="toc" aria-label="Contents">\n<p>Contents</p>\n<ol>\n{links}\n</ol>\n</nav>'


def finish(body: str) -> str:
    """Turn nbconvert's pilcrow anchors into "#" permalinks, and put the table of contents after the first section."""
    toc = table_of_contents(ANCHOR_LINK.sub("", body))
    body = re.sub(rf'(<h1 [^>]*>.*?){ANCHOR_LINK.pattern}', r"\1", body, count=1, flags=re.DOTALL)  # the title needs none
    body = ANCHOR_LINK.sub(lambda m: re.sub(rf">{PILCROW}<", ' aria-label="Link to this section">#<', m.group(0)), body)
    first = re.search(r'<section class="md">\s*<h2', body)
    if first:
        body = body[: first.start()] + toc + "\n" + body[first.start():]
        return body.replace("<!-- toc -->", "", 1)
    return body.replace("<!-- toc -->", toc, 1)


def _template_only_exporter():
    """nbconvert's HTMLExporter without its final BeautifulSoup pass.

    That pass re-parses the whole rendered page to give `<img>` tags without alt text a placeholder
    and JupyterLab's cell wrappers a tabindex. The project's template has neither (charts are inline
    SVG with their own label; the accessibility tests check every image), and on a brief of 400 KB
    of SVG the pass was 0.25 of the export's 0.31 s."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class TemplateOnlyHTMLExporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            # HTMLExporter.from_notebook_node up to its soup: the same two filters, then the template.
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter("highlight_code",
                                 self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type",
                                 WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return TemplateOnlyHTMLExporter


class Exporter:
    """nbconvert's HTMLExporter with the project's template, created once and reused."""

    def __init__(self) -> None:
        self._exporter = _template_only_exporter()(
            extra_template_basedirs=[str(TEMPLATES)], template_name="buildup",
            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)

    def export(self, notebook, info: PageInfo) -> str:
        """The finished HTML page for an executed notebook."""
        resources = {"report": {**info.__dict__, "css": CSS}}
        body, _ = self._exporter.from_notebook_node(notebook, resources=resources)
        return finish(body)
