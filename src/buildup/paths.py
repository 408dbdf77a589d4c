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

# The one source read from a copy held beside the project rather than at an address: the wire
# report of 31 December 2021 that the brief of that date must reproduce (see shared/sources/).
BUNDLED_SOURCES = {"efe-and-ap-2021-12-31": "shared/sources/2021-12-31-biden-putin-call.txt"}
