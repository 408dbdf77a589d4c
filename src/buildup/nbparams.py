"""Read a notebook's parameters cell the way `papermill --help-notebook` does: name, type,
default and comment from lines like ``as_of: str = "2021-12-31"  # the brief's date``."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path

PARAMETER_LINE = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>[A-Za-z_][\w.]*)\s*=\s*(?P<default>[^#]*?)\s*(#\s*(?P<help>.*))?$")
PYTHON_TYPES = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict}


@dataclass(frozen=True)
class NotebookParameter:
    """One parameter of a notebook: its name, declared type, default value and one-line help."""

    name: str
    type: str
    default: object
    help: str

    def accepts(self, value: object) -> bool:
        """True when value has the declared type (an int is accepted where a float is declared)."""
        expected = PYTHON_TYPES.get(self.type)
        if expected is None:
            return True
        if expected is float:
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if expected is int:
            return isinstance(value, int) and not isinstance(value, bool)
        return isinstance(value, expected)


def parameters_cell(notebook_path: Path) -> str:
    """The source of the cell tagged `parameters` ('' when there is none)."""
    notebook = json.loads(Path(notebook_path).read_text(encoding="utf-8"))
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else source
    return ""


def read_parameters(notebook_path: Path) -> dict[str, NotebookParameter]:
    """The notebook's declared parameters, by name, in order."""
    found = {}
    for line in parameters_cell(notebook_path).splitlines():
        match = PARAMETER_LINE.match(line.strip())
        if not match:
            continue
        try:
            default = ast.literal_eval(match.group("default"))
        except (ValueError, SyntaxError):
            default = match.group("default")
        found[match.group("name")] = NotebookParameter(match.group("name"), match.group("type"), default,
                                                       (match.group("help") or "").strip())
    return found
