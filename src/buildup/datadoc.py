"""Generate the parts of data/README.md that come from datapackage.json and the data itself.

The hand-written prose lives in data/README.md; generated blocks sit between marker comments
(``<!-- generated:NAME -->`` ... ``<!-- /generated:NAME -->``) and are rewritten in place.
"""

from __future__ import annotations

import re
from pathlib import Path

from .coverage import coverage
from .data import Dataset
from .schema import Package, Table

BLOCK = re.compile(r"(<!-- generated:(?P<name>[a-z-]+) -->\n).*?(<!-- /generated:(?P=name) -->)", re.DOTALL)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def field_table(table: Table) -> str:
    """A Markdown field | type | required | allowed values | description table for one table."""
    lines = ["| field | type | required | allowed values | description |", "|---|---|---|---|---|"]
    for field in table.fields:
        allowed = []
        if field.enum:
            allowed.append(", ".join(f"`{v}`" for v in field.enum))
        if field.minimum is not None:
            allowed.append(f"≥ {field.minimum:g}")
        if field.pattern:
            allowed.append(f"pattern `{field.pattern}`")
        if field.unique:
            allowed.append("unique")
        lines.append(f"| `{field.name}` | {field.type} | {'yes' if field.required else ''} | "
                     f"{_cell('; '.join(allowed))} | {_cell(field.description)} |")
    keys = [f"Primary key: `{', '.join(table.primary_key)}`."] if table.primary_key else []
    keys += [f"`{fk.field}` refers to `{fk.resource}.{fk.reference_field}`." for fk in table.foreign_keys]
    return "\n".join(lines) + ("\n\n" + " ".join(keys) if keys else "")


def fields_block(package: Package) -> str:
    """Every table's field dictionary, in declared order."""
    parts = []
    for table in package.tables:
        parts.append(f"### `{table.path}`: {table.title}\n\n{table.description}\n\n{field_table(table)}\n")
    return "\n".join(parts)


def coverage_block(dataset: Dataset) -> str:
    """The coverage summary as a Markdown table."""
    figures = coverage(dataset)
    lines = ["| measure | value |", "|---|---|"]
    for name, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        lines.append(f"| {name.replace('_', ' ')} | {_cell(str(value))} |")
    return "\n".join(lines) + "\n"


def _markdown_table(frame) -> str:
    header = "| " + " | ".join([str(frame.index.name or "")] + [str(c) for c in frame.columns]) + " |"
    lines = [header, "|" + "---|" * (len(frame.columns) + 1)]
    for index, row in frame.iterrows():
        lines.append("| " + " | ".join([str(index)] + [str(int(v)) if v else "" for v in row]) + " |")
    return "\n".join(lines)


def coverage_tables_block(dataset: Dataset) -> str:
    """Rows by month and estimator group, contacts by track and format, sources by kind."""
    from .coverage import contacts_by_track_and_format, estimates_by_month_and_group

    kinds = dataset.sources["kind"].value_counts().loc[lambda s: s > 0]
    kinds_table = "| kind | sources |\n|---|---|\n" + "\n".join(f"| `{k}` | {n} |" for k, n in kinds.items())
    return ("Estimates by month of publication and estimator group:\n\n" + _markdown_table(estimates_by_month_and_group(dataset))
            + "\n\nContacts by track and format:\n\n" + _markdown_table(contacts_by_track_and_format(dataset))
            + "\n\nSources by kind:\n\n" + kinds_table + "\n")


def finding_block(dataset: Dataset) -> str:
    """The headline finding, generated from the data (for the project README)."""
    from .narrative import finding

    return finding(dataset.troop_estimates, dataset.contacts) + "\n"


def render(readme_text: str, package: Package, dataset: Dataset) -> str:
    """Return README text with every generated block rewritten."""
    blocks = {"fields": fields_block(package), "coverage": coverage_block(dataset), "finding": finding_block(dataset),
              "coverage-tables": coverage_tables_block(dataset)}

    def replace(match: re.Match) -> str:
        name = match.group("name")
        if name not in blocks:
            raise ValueError(f"data/README.md: unknown generated block {name!r}")
        return match.group(1) + blocks[name] + match.group(3)

    return BLOCK.sub(replace, readme_text)


def update(readme: Path, package: Package, dataset: Dataset) -> bool:
    """Rewrite the README's generated blocks; return True when the file changed."""
    old = readme.read_text(encoding="utf-8")
    new = render(old, package, dataset)
    if new != old:
        readme.write_text(new, encoding="utf-8")
    return new != old
