"""Every path the project uses, in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DATAPACKAGE_NAME = "datapackage.json"
DATAPACKAGE = DATA / DATAPACKAGE_NAME
DATA_README = DATA / "README.md"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"
FIGURES = ROOT / "figures"
REPORTS_TOML = ROOT / "reports.toml"
README = ROOT / "README.md"
SCRATCH_FIGURES = ROOT / "build" / "figures"
