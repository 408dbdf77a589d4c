"""Command line: ``python -m buildup check`` (and, as they land, other commands)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths


def _shown(path: Path) -> str:
    """A path as short as it can be: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(path)


def _load_or_report(data: Path):
    """The dataset in a folder, or None after printing every problem in it (to stderr)."""
    from .data import load
    from .validate import DataError

    try:
        return load(data)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) found in {_shown(data)}", file=sys.stderr)
        return None


def _check(args: argparse.Namespace) -> int:
    from .coverage import coverage, format_coverage

    dataset = _load_or_report(args.data)
    if dataset is None:
        return 1
    counts = ", ".join(f"{n} {name}" for name, n in dataset.row_counts.items())
    print(f"{_shown(args.data)}: valid ({counts})")
    if args.summary:
        print(format_coverage(coverage(dataset)))
    return 0


def _docs(args: argparse.Namespace) -> int:
    from .datadoc import update
    from .schema import read_package

    dataset = _load_or_report(args.data)
    if dataset is None:
        print("Nothing was rewritten.", file=sys.stderr)
        return 1
    package = read_package(args.data / paths.DATAPACKAGE_NAME)
    readmes = [args.data / "README.md"]
    if Path(args.data).resolve() == paths.DATA.resolve():
        readmes.append(paths.README)  # the project's finding comes from the project's own data only
    else:
        print(f"{_shown(paths.README)}: left alone (its finding comes from the project's data/, not {_shown(args.data)})")
    for readme in readmes:
        if not readme.is_file():
            print(f"{_shown(readme)}: missing; copy data/README.md there to generate its tables")
            continue
        changed = update(readme, package, dataset)
        print(f"{_shown(readme)}: {'updated' if changed else 'already up to date'}")
    return 0


def _build(args: argparse.Namespace) -> int:
    import os

    from .build import Settings, build

    out_dir = args.out if args.out is not None else paths.REPORTS
    figures_dir = (args.out / "figures") if args.out is not None else paths.FIGURES
    settings = Settings(data_dir=args.data, out_dir=out_dir, figures_dir=figures_dir,
                        jobs=args.jobs or os.cpu_count() or 1, force=args.force, only=tuple(args.only or ()))
    return build(settings, out=lambda line: print(line, flush=True))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m buildup", description=__doc__, allow_abbrev=False)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", allow_abbrev=False, help="validate a dataset folder against data/datapackage.json")
    check.add_argument("--data", type=Path, default=paths.DATA, help="dataset folder (default: the project's data/)")
    check.add_argument("--summary", action="store_true", help="also print the coverage figures")
    check.set_defaults(run=_check)
    docs = commands.add_parser("docs", allow_abbrev=False, help="regenerate the generated parts of data/README.md and README.md")
    docs.add_argument("--data", type=Path, default=paths.DATA, help="dataset folder (default: the project's data/)")
    docs.set_defaults(run=_docs)
    build = commands.add_parser("build", allow_abbrev=False, help="build every report in reports.toml (skipping unchanged ones)")
    build.add_argument("--data", type=Path, default=paths.DATA, help="dataset folder (default: the project's data/)")
    build.add_argument("--out", type=Path, default=None,
                       help="output folder; charts go to OUT/figures and nothing outside OUT is touched "
                            "(default: reports/ and figures/)")
    build.add_argument("--only", nargs="+", metavar="NAME", help="build only these reports (names from reports.toml)")
    build.add_argument("--force", action="store_true", help="rebuild even the reports that are up to date")
    build.add_argument("--jobs", type=int, default=0, help="reports built at once (default: one per core)")
    build.set_defaults(run=_build)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
