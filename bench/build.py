"""Benchmark the report build against the plain papermill + jupyter nbconvert pipeline.

Measured side by side in one run, on the same reports:
  (a) plain: for each report, the `papermill` CLI then `jupyter nbconvert --to html --no-input`,
      one after another (what a user would otherwise script);
  (b) `python -m buildup build --force` into a temporary folder;
  (c) a no-op rebuild (everything up to date);
  (d) the marginal cost of one more brief: the slope between building N and 2N briefs.
Medians over --runs runs. Results go to bench/RESULTS.md (with a profile of one report).

    .venv/bin/python bench/build.py              # 12 reports, 3 runs (about 6 minutes)
    .venv/bin/python bench/build.py --reports 63 # the whole report set (slow: plain takes ~8 min a run)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from buildup.reportset import load_reports  # noqa: E402

BIN = Path(sys.executable).parent


def timed(command: list[str], **kw) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, **kw)
    return time.perf_counter() - started


def pick(count: int):
    """The three notebook reports, then briefs spread evenly over the archive."""
    reports = load_reports()
    singles = [r for r in reports if r.series is None]
    briefs = [r for r in reports if r.series is not None]
    wanted = max(0, count - len(singles))
    step = max(1, len(briefs) // wanted) if wanted else 1
    return (singles + briefs[::step][:wanted])[:count]


def plain_pipeline(reports, folder: Path) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for report in reports:
        executed = folder / f"{report.name}.ipynb"
        parameters = []
        for name, value in {**report.parameters, "figures_dir": str(folder / "figures"), "figure_prefix": report.name}.items():
            parameters += ["-p", name, str(value)]
        subprocess.run([str(BIN / "papermill"), str(report.notebook), str(executed), *parameters],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def project_build(names: list[str], folder: Path, force: bool = True) -> float:
    command = [sys.executable, "-m", "buildup", "build", "--out", str(folder), "--only", *names]
    return timed(command + (["--force"] if force else []))


def profile_one() -> list[tuple[str, float]]:
    """Where the time of one brief goes: kernel start, each cell, and the HTML export."""
    import asyncio

    import nbformat
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    from buildup.build import inject_parameters
    from buildup.htmlexport import Exporter, PageInfo

    phases = []
    loop = asyncio.new_event_loop()
    started = time.perf_counter()
    km = AsyncKernelManager(kernel_name="buildup", transport="ipc",
                            connection_file=str(Path(tempfile.mkdtemp(prefix="bench-kernel-")) / "kernel.json"))
    loop.run_until_complete(km.start_kernel(cwd=str(ROOT / "notebooks")))
    kc = km.client()
    kc.start_channels()
    loop.run_until_complete(kc.wait_for_ready(timeout=120))
    phases.append(("kernel start", time.perf_counter() - started))
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in ("cold kernel", "warm kernel"):
            notebook = nbformat.read(ROOT / "notebooks" / "30-brief.ipynb", as_version=4)
            inject_parameters(notebook, {"as_of": "2022-01-14", "figures_dir": tmp})
            client = NotebookClient(notebook, km=km, record_timing=True)
            client.kc = kc
            loop.run_until_complete(client.async_execute())
            for cell in notebook.cells:
                timing = cell.metadata.get("execution", {})
                if cell.cell_type == "code" and "iopub.execute_input" in timing:
                    from datetime import datetime

                    start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
                    end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
                    tags = cell.metadata.get("tags", [])
                    label = ("parameters cell" if "parameters" in tags else "injected parameters" if "injected-parameters" in tags
                             else "imports, data load, summary" if "import" in cell.source else cell.source.strip().splitlines()[-1][:48])
                    phases.append((f"{attempt}: {label}", (end - start).total_seconds()))
        started = time.perf_counter()
        exporter = Exporter()
        phases.append(("exporter set-up", time.perf_counter() - started))
        started = time.perf_counter()
        exporter.export(notebook, PageInfo(title="x", notebook="x", parameters=[], data_hash="0", row_counts=[],
                                           versions=[], version="0"))
        phases.append(("HTML export", time.perf_counter() - started))
    kc.stop_channels()
    loop.run_until_complete(km.shutdown_kernel(now=True))
    return phases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=12, help="how many reports to time (default 12)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    parser.add_argument("--write", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    reports = pick(args.reports)
    names = [r.name for r in reports]
    briefs = [r.name for r in load_reports() if r.series is not None]
    small, large = briefs[:8], briefs[:16]
    plain, ours, noop, marginal = [], [], [], []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            plain.append(plain_pipeline(reports, tmp / "plain"))
            ours.append(project_build(names, tmp / "ours"))
            noop.append(project_build(names, tmp / "ours", force=False))
            marginal.append((project_build(large, tmp / "large") - project_build(small, tmp / "small")) / (len(large) - len(small)))
        print(f"run {run + 1}: plain {plain[-1]:.1f} s, build {ours[-1]:.1f} s, no-op {noop[-1]:.2f} s, "
              f"marginal {marginal[-1]:.2f} s", flush=True)
    med = {k: statistics.median(v) for k, v in (("plain", plain), ("ours", ours), ("noop", noop), ("marginal", marginal))}
    phases = profile_one()
    lines = [
        "# Build benchmark",
        "",
        f"Machine: {os.cpu_count()} cores. Command: `.venv/bin/python bench/build.py --reports {len(reports)} --runs {args.runs}`.",
        f"Reports timed: {len(reports)} ({', '.join(names[:4])}, ...). Medians of {args.runs} runs, in one run of the script.",
        "",
        "| measure | median | runs |",
        "|---|---|---|",
        f"| (a) plain `papermill` + `jupyter nbconvert --no-input`, one report after another | {med['plain']:.1f} s | {', '.join(f'{x:.1f}' for x in plain)} |",
        f"| (b) `python -m buildup build --force` | {med['ours']:.1f} s | {', '.join(f'{x:.1f}' for x in ours)} |",
        f"| ratio b/a (target ≤ 0.10) | **{med['ours'] / med['plain']:.2f}** | |",
        f"| (c) no-op rebuild (target ≤ 0.2 s) | {med['noop']:.2f} s | {', '.join(f'{x:.2f}' for x in noop)} |",
        f"| (d) marginal cost of one more brief, (t(16) − t(8)) / 8 (target ≤ 0.3 s) | {med['marginal']:.2f} s | {', '.join(f'{x:.2f}' for x in marginal)} |",
        "",
        "## Where the time of one brief goes",
        "",
        "| phase | seconds |",
        "|---|---|",
        *[f"| {name} | {seconds:.2f} |" for name, seconds in phases],
        "",
    ]
    notes = ROOT / "bench" / "NOTES.md"
    if notes.is_file():
        lines += [notes.read_text(encoding="utf-8")]
    args.write.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
