"""Print the mutation score of each mutated module from mutmut's results, and the survivors.

`make mutation` runs mutmut (configured in pyproject.toml) and then this. Exits 1 when a module
kills fewer than 80% of its mutants. A timeout counts as killed (the test suite noticed); a
mutant no test reaches counts as a survivor.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mutmut.stats import status_by_exit_code

THRESHOLD = 80.0
KILLED = {"killed", "timeout", "caught by type check"}


def scores(mutants: Path = Path("mutants")) -> dict[str, tuple[int, int, list[str]]]:
    """module -> (killed, total, surviving mutant names)."""
    found = {}
    for meta in sorted((mutants / "src" / "buildup").glob("*.py.meta")):
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        statuses = {name: status_by_exit_code[code] for name, code in codes.items()}
        killed = sum(1 for s in statuses.values() if s in KILLED)
        survivors = sorted(n for n, s in statuses.items() if s not in KILLED)
        found[meta.name.removesuffix(".py.meta")] = (killed, len(statuses), survivors)
    return found


def main() -> int:
    found = scores()
    if not found:
        print("no mutmut results under mutants/: run `make mutation`", file=sys.stderr)
        return 1
    worst = 100.0
    for module, (killed, total, survivors) in found.items():
        score = 100 * killed / total if total else 100.0
        worst = min(worst, score)
        print(f"{module:10s} {killed:4d} / {total:4d} killed = {score:5.1f}%   ({len(survivors)} survived)")
    print(f"Threshold {THRESHOLD:.0f}% per module; see a survivor with `.venv/bin/mutmut show NAME`.")
    return 0 if worst >= THRESHOLD else 1


if __name__ == "__main__":
    sys.exit(main())
