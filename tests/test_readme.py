"""The README tells the truth: every command it shows parses, every path it names exists where it says.

Commands are read from the README's shell blocks and inline code, then parsed by the real
argument parsers (the buildup CLI, papermill's, nbconvert's, make's own targets) without
running; paths are checked exactly, relative to the project root.
"""

from __future__ import annotations

import re
import shlex
import subprocess

import pytest

from buildup import paths
from buildup.__main__ import build_parser

README = paths.README.read_text(encoding="utf-8")
MAKEFILE = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
TARGETS = set(re.findall(r"^([a-z-]+):", MAKEFILE, flags=re.MULTILINE))
# Files the README's own examples create, or placeholders it names as such.
PRODUCED = {"out.ipynb", "out.html", "path/to/copy", "/tmp/reports", "reports/_failed/"}
FILE_NAME = r"[\w.-]+\.(?:txt|toml|md|cff|json|csv|ipynb|py|html|j2|css)"
PATH_LIKE = re.compile(r"(?<![\w./-])(" + FILE_NAME + r"|(?:\.ci|\.venv|data|src|notebooks|reports|figures|tests|bench)"
                       r"(?:/[\w.*-]+)*/?|Makefile|LICENSE)(?![\w/-])")


def commands() -> list[str]:
    """Every command line the README shows: lines of ```sh blocks and inline code that runs something."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line:
                found.append(line)
    for span in re.findall(r"`([^`\n]+)`", README):
        if re.match(r"(\.venv/bin/|make |python -m buildup |frictionless )", span):
            found.append(span)
    return found


def test_the_readme_shows_the_two_commands_and_the_others():
    shown = commands()
    assert "make reports" in shown and "make test" in shown
    assert any(c.startswith(".venv/bin/python -m buildup build") for c in shown)
    assert any(c.startswith(".venv/bin/papermill ") for c in shown)


@pytest.mark.parametrize("line", commands())
def test_every_readme_command_parses_with_the_real_parser(line):
    words = shlex.split(line)
    program, args = words[0], words[1:]
    if program == "make":
        assert set(args) <= TARGETS, f"{line}: no such make target"
    elif program in (".venv/bin/python", "python") and args[:2] == ["-m", "buildup"]:
        try:
            build_parser().parse_args(args[2:])
        except SystemExit as err:
            pytest.fail(f"{line}: python -m buildup refuses these arguments ({err})")
    elif program == ".venv/bin/python":
        assert (paths.ROOT / args[0]).is_file(), f"{line}: no script {args[0]}"
    elif program == ".venv/bin/papermill":
        from papermill.cli import papermill as papermill_cli

        papermill_cli.make_context("papermill", list(args))  # raises on an unknown option
        notebook = next(a for a in args if a.endswith(".ipynb"))
        assert (paths.ROOT / notebook).is_file(), f"{line}: no notebook {notebook}"
    elif program == ".venv/bin/jupyter":
        assert args[0] == "nbconvert"
        from nbconvert.nbconvertapp import NbConvertApp

        app = NbConvertApp()
        app.parse_command_line(args[1:])
        assert app.export_format == "html" and app.extra_args == ["out.ipynb"]
    elif program == "frictionless":
        assert args[0] == "validate" and (paths.ROOT / args[1]).is_file()
    else:
        pytest.fail(f"{line}: the test does not know how to check {program}")


def named_paths() -> set[str]:
    found = set()
    for match in PATH_LIKE.finditer(README):
        name = match.group(1)
        if "*" in name or name in PRODUCED or name.startswith(".venv"):
            continue
        found.add(name)
    return found


def test_every_path_the_readme_names_exists_exactly_there():
    missing = [name for name in sorted(named_paths()) if not (paths.ROOT / name).exists()]
    assert not missing, f"README names paths that do not exist at the project root: {missing}"


def test_the_path_check_reads_file_names_whole():
    assert "reports.toml" in named_paths() and "requirements.txt" in named_paths()
    assert "bench/RESULTS.md" in named_paths() and "src/buildup/" in named_paths()


def test_make_help_lists_every_target():
    result = subprocess.run(["make", "--no-print-directory", "help"], capture_output=True, text=True, cwd=paths.ROOT)
    documented = set(re.findall(r"^([a-z-]+):.*##", MAKEFILE, flags=re.MULTILINE))
    listed = set(re.findall(r"make (\S+)", result.stdout))
    assert listed == documented


def test_ci_runs_the_readme_test_command_and_nothing_else():
    ci = (paths.ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [l for l in ci.splitlines() if l.strip() and not l.startswith("#") and not l.startswith(("set ", "cd "))]
    assert steps == ["make test"]


def test_the_readme_names_every_module_of_the_package():
    modules = {p.stem for p in (paths.ROOT / "src" / "buildup").glob("*.py") if p.stem != "__init__"}
    named = set(re.findall(r"`(\w+)`", README[README.index("The package, one job per module"):]))
    assert modules <= named, f"modules the README does not name: {sorted(modules - named)}"


def test_mutation_testing_mutates_exactly_the_five_pure_modules():
    import tomllib

    config = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    modules = {p.name for p in (paths.ROOT / "src" / "buildup").glob("*.py")}
    spared = {p.rsplit("/", 1)[1] for p in config["do_not_mutate"]}
    assert modules - spared == {"asof.py", "analysis.py", "fmt.py", "narrative.py", "params.py"}
