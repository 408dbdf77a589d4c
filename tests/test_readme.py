"""The README tells the truth: every path, file, command and make target it names exists."""

from __future__ import annotations

import re
import subprocess

from buildup import paths

README = paths.README.read_text(encoding="utf-8")
MAKEFILE = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
PATH_LIKE = re.compile(r"(?<![\w./-])((?:\.ci|data|src|notebooks|reports|figures|tests|bench)(?:/[\w.*-]+)*/?|[\w-]+\.(?:txt|toml|md|cff|json|csv|ipynb)|Makefile|LICENSE)(?![\w/-])")


def named_paths() -> set[str]:
    found = set()
    for match in PATH_LIKE.finditer(README):
        name = match.group(1)
        # _failed/ appears only after a failure; out.ipynb is what the papermill example writes
        if "*" in name or name.startswith("path/") or "_failed" in name or name.startswith("out."):
            continue
        found.add(name)
    return found


def test_every_path_the_readme_names_exists():
    missing = [name for name in sorted(named_paths())
               if not (paths.ROOT / name).exists() and not list(paths.ROOT.glob(f"**/{name}"))]
    assert not missing, f"README names paths that do not exist: {missing}"


def test_every_make_target_the_readme_names_exists():
    targets = set(re.findall(r"make ([a-z-]+)", README))
    assert {"reports", "test"} <= targets
    defined = set(re.findall(r"^([a-z-]+):", MAKEFILE, flags=re.MULTILINE))
    assert targets <= defined, targets - defined


def test_make_help_lists_every_target():
    result = subprocess.run(["make", "--no-print-directory", "help"], capture_output=True, text=True, cwd=paths.ROOT)
    defined = set(re.findall(r"^([a-z-]+):.*##", MAKEFILE, flags=re.MULTILINE))
    for target in defined:
        assert f"make {target}" in result.stdout


def test_ci_runs_the_readme_test_command():
    ci = (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "make test" in README


def test_every_buildup_command_in_the_readme_runs():
    commands = set(re.findall(r"python -m buildup ([a-z]+)", README))
    assert commands
    for command in commands:
        result = subprocess.run([str(paths.ROOT / ".venv/bin/python"), "-m", "buildup", command, "--help"],
                                capture_output=True, text=True, cwd=paths.ROOT)
        assert result.returncode == 0, (command, result.stderr)
