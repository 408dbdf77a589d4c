"""Build every report: validate, plan (skip what is unchanged), execute in parallel, write atomically.

Each worker process keeps one warm kernel and one HTML exporter and runs report after report in
them (the namespace is reset between reports), which is where the speed over one `papermill`
plus one `jupyter nbconvert` process per report comes from.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.util import Finalize
from pathlib import Path

from . import __version__, paths
from .hashing import code_hash, dataset_hash, digest_files
from .nbparams import read_parameters
from .reportset import Report, ReportSetError, load_reports, select
from .validate import validate

STATE_FILE = ".build-state.json"
STAGING = ".staging"
FAILED = "_failed"
DATA_DOWNLOADS = "data"  # OUT/data/: the CSV behind each chart
EVIDENCE = "evidence.html"
SITE = "_site"  # the state entry of the pages and files around the reports
HIDDEN_PARAMETERS = {"figures_dir", "figure_prefix"}
VERSIONED = ("pandas", "numpy", "matplotlib", "nbconvert", "nbclient", "ipykernel", "mistune")


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to run one report (plain data, so it can cross processes)."""

    name: str
    notebook: str
    parameters: dict
    staging: str
    failed_path: str
    page: dict


@dataclass
class Outcome:
    """What came back from a worker."""

    name: str
    ok: bool
    seconds: float
    html: str = ""
    figures: list[str] = field(default_factory=list)
    error: str = ""


# --- worker side ---------------------------------------------------------------------

_runner = None
RESET = "%reset -f\nimport gc\ngc.freeze()\ndel gc"


class Runner:
    """One warm kernel and one exporter, reused for every report this worker runs."""

    def __init__(self) -> None:
        import asyncio

        from .htmlexport import Exporter
        from .kernel import async_kernel_manager

        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.km = async_kernel_manager(transport="ipc", connection_file=str(
            Path(tempfile.mkdtemp(prefix="buildup-kernel-")) / "kernel.json"))
        self.loop.run_until_complete(self.km.start_kernel(cwd=str(paths.NOTEBOOKS)))
        self.kc = self.km.client()
        self.kc.start_channels()
        self.loop.run_until_complete(self.kc.wait_for_ready(timeout=120))
        self.exporter = Exporter()
        Finalize(self, Runner._shutdown, args=(self.loop, self.km, self.kc), exitpriority=10)

    @staticmethod
    def _shutdown(loop, km, kc) -> None:
        kc.stop_channels()
        loop.run_until_complete(km.shutdown_kernel(now=True))
        shutil.rmtree(Path(km.connection_file).parent, ignore_errors=True)

    def reset(self) -> None:
        """Clear the user namespace between reports (imported modules stay warm)."""
        import nbformat
        from nbclient import NotebookClient

        # %reset ends with a full garbage collection, which walks every object pandas, matplotlib and the
        # package left alive (0.1 s a report); freezing what survives it leaves later collections only
        # the objects the next report makes.
        cleaner = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(RESET)])
        client = NotebookClient(cleaner, km=self.km, timeout=60)
        client.kc = self.kc
        self.loop.run_until_complete(client.async_execute())

    def recover(self) -> None:
        """Make the kernel ready for the next report: reset it, or start a new one if it died."""
        try:
            if self.loop.run_until_complete(self.km.is_alive()):
                self.reset()
                return
        except Exception:  # a kernel that cannot be reset is replaced like a dead one
            pass
        self.kc.stop_channels()
        self.loop.run_until_complete(self.km.restart_kernel(now=True))
        self.kc = self.km.client()
        self.kc.start_channels()
        self.loop.run_until_complete(self.kc.wait_for_ready(timeout=120))

    def run(self, job: Job) -> Outcome:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, DeadKernelError

        from .htmlexport import PageInfo

        started = time.perf_counter()
        notebook = nbformat.read(job.notebook, as_version=4)
        inject_parameters(notebook, job.parameters)
        client = NotebookClient(notebook, km=self.km, timeout=600, record_timing=False, allow_errors=False)
        client.kc = self.kc
        started_cells: list[int] = []  # the cell a dying kernel was running is the last one started
        client.on_cell_start = lambda cell, cell_index: started_cells.append(cell_index)
        try:
            self.loop.run_until_complete(client.async_execute())
        except (CellExecutionError, DeadKernelError) as err:
            Path(job.failed_path).parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, job.failed_path)
            running = started_cells[-1] if started_cells else None
            return Outcome(job.name, False, time.perf_counter() - started, error=describe_failure(notebook, err, running))
        finally:
            self.recover()
        normalise(notebook)
        html = self.exporter.export(notebook, PageInfo(**job.page))
        figures = sorted(str(p) for p in Path(job.staging).glob("*") if p.is_file())
        return Outcome(job.name, True, time.perf_counter() - started, html=html, figures=figures)


_start_error = ""


def _start_worker() -> None:
    global _runner, _start_error
    try:
        _runner = Runner()
    except Exception as err:  # reported with the first job, instead of a broken pool
        _start_error = f"the worker could not start a kernel: {type(err).__name__}: {err}"


def _run_job(job: Job) -> Outcome:
    if _runner is None:
        return Outcome(job.name, False, 0.0, error=_start_error or "the worker has no kernel")
    try:
        return _runner.run(job)
    except Exception as err:  # a worker must report, never die silently
        return Outcome(job.name, False, 0.0, error=f"{type(err).__name__}: {err}")


def inject_parameters(notebook, parameters: dict) -> None:
    """Insert a cell after the one tagged `parameters` that sets the given values (as papermill does)."""
    import nbformat

    index = next((i for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", [])), -1)
    cell = nbformat.v4.new_code_cell("# Parameters\n" + "".join(f"{k} = {v!r}\n" for k, v in parameters.items()))
    cell.metadata["tags"] = ["injected-parameters"]
    cell["id"] = "injected-parameters"
    notebook.cells.insert(index + 1, cell)


def normalise(notebook) -> None:
    """Make the executed notebook the same on every run: execution counts from 1, no volatile metadata."""
    count = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        count += 1
        cell.execution_count = count
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            if "execution_count" in output:
                output["execution_count"] = count


def describe_failure(notebook, err, running: int | None = None) -> str:
    """'cell 4 (page.troops_section()): ValueError: ...' for the first cell that failed. For a kernel that
    died, `running` is the index (in the executed notebook) of the cell it was running, when known."""
    from nbclient.exceptions import DeadKernelError

    cells = [c for c in notebook.cells if "injected-parameters" not in c.metadata.get("tags", [])]

    def named(index: int, cell) -> str:
        first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
        return f"cell {index} ({first_line})"

    for index, cell in enumerate(cells):  # numbered as in the notebook on disk
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return f"{named(index, cell)}: {output['ename']}: {output['evalue']}"
    if isinstance(err, DeadKernelError):
        if running is not None and 0 <= running < len(notebook.cells) and notebook.cells[running] in cells:
            where = named(cells.index(notebook.cells[running]), notebook.cells[running])
        else:  # execution_count may or may not be set on the dying cell, depending on timing
            code = [(i, c) for i, c in enumerate(cells) if c.cell_type == "code"]
            unfinished = [(i, c) for i, c in code if c.get("execution_count") is None]
            where = named(*unfinished[0]) if unfinished else "a cell"
        return f"{where}: the kernel died (the process running the notebook exited); a new kernel was started"
    return str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__


# --- planning ------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    out_dir: Path
    figures_dir: Path
    jobs: int
    force: bool = False
    only: tuple[str, ...] = ()
    reports_toml: Path = paths.REPORTS_TOML


def versions() -> list[tuple[str, str]]:
    """The versions of Python, the package and its main dependencies, for the footer."""
    from importlib.metadata import PackageNotFoundError, version

    found = [("Python", ".".join(map(str, sys.version_info[:3]))), ("buildup", __version__)]
    for name in VERSIONED:
        try:
            found.append((name, version(name)))
        except PackageNotFoundError:
            pass
    return found


def _shown_path(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def effective_parameters(report: Report, data_dir: Path) -> dict:
    """The notebook's declared defaults overridden by the report's parameters, for the footer."""
    values = {name: p.default for name, p in read_parameters(report.notebook).items()}
    values.update(report.parameters)
    values["data_dir"] = _shown_path(data_dir)
    return {k: v for k, v in values.items() if k not in HIDDEN_PARAMETERS}


def notebook_hash(path: Path) -> str:
    """Hash of what executing a notebook depends on: its cells' types, sources and tags, and the kernel.

    Formatting, outputs and metadata that JupyterLab or nbstripout rewrite do not count.
    """
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    cells = [(c.get("cell_type"), "".join(c.get("source", "")), sorted(c.get("metadata", {}).get("tags", [])))
             for c in notebook.get("cells", [])]
    kernel = notebook.get("metadata", {}).get("kernelspec", {}).get("name")
    return hashlib.sha256(json.dumps([kernel, cells]).encode()).hexdigest()


def report_key(report: Report, data_hash: str, code: str, neighbours: dict) -> str:
    """The report's build key: a hash of everything that can change its output."""
    payload = json.dumps({
        "notebook": notebook_hash(report.notebook),
        "parameters": report.parameters, "title": report.title, "data": data_hash, "code": code,
        "requirements": digest_files([paths.ROOT / "requirements.txt"]), "neighbours": neighbours,
    }, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def _read_state(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_atomically(path: Path, content: str | bytes, staging: Path) -> None:
    """Write to a temporary file beside the target's folder, then rename it into place."""
    staging.mkdir(parents=True, exist_ok=True)
    temporary = staging / f"{path.name}.{os.getpid()}.tmp"
    temporary.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    os.replace(temporary, path)


def write_site(settings: Settings, package, data_hash: str, code: str, every: list[Report], state: dict,
               staging: Path) -> dict:
    """Write the evidence page, the changelog, the dataset downloads and the briefs' feed when their inputs
    changed; return what index.html shows of them."""
    from . import site

    out_dir = settings.out_dir
    downloads = out_dir / site.DOWNLOADS
    zip_file = site.zip_name(package.version)
    tables = [t.name for t in package.tables]
    briefs = [r for r in every if r.series is not None and r.name in state]
    key = hashlib.sha256(json.dumps([data_hash, code, package.version, [state[r.name]["key"] for r in briefs]]).encode()).hexdigest()
    outputs = [out_dir / EVIDENCE, out_dir / "changelog.html", out_dir / site.FEED_NAME, downloads / zip_file,
               *(downloads / f"{t}.csv" for t in tables)]
    info = {"version": package.version, "data_hash": data_hash, "zip": f"{site.DOWNLOADS}/{zip_file}",
            "feed": site.FEED_NAME}
    if state.get(SITE, {}).get("key") == key and all(p.is_file() for p in outputs):
        info["jsonld"] = state[SITE]["jsonld"]
        return info
    from .data import load
    from .evidence import render_evidence

    dataset = load(settings.data_dir)
    downloads.mkdir(exist_ok=True)
    write_atomically(out_dir / EVIDENCE, render_evidence(dataset, package.version), staging)
    write_atomically(out_dir / "changelog.html", site.changelog_page(settings.data_dir), staging)
    write_atomically(downloads / zip_file, site.dataset_zip(settings.data_dir), staging)
    for name in (*(f"{t}.csv" for t in tables), "datapackage.json"):
        write_atomically(downloads / name, (Path(settings.data_dir) / name).read_bytes(), staging)
    entries = [site.FeedEntry(r.name, r.title, r.date.isoformat(),
                              site.lead_of((out_dir / f"{r.name}.html").read_text(encoding="utf-8"))) for r in briefs]
    write_atomically(out_dir / site.FEED_NAME, site.atom_feed(entries, "Build-up Brief: the briefs"), staging)
    info["jsonld"] = site.dataset_jsonld(dataset, package.version, zip_file, tables)
    state[SITE] = {"key": key, "jsonld": info["jsonld"]}
    write_atomically(out_dir / STATE_FILE, json.dumps(state, indent=1, sort_keys=True) + "\n", staging)
    return info


def _citation_fields(report: Report, dataset_version: str) -> dict:
    from .citation import report_citation

    declared = read_parameters(report.notebook)
    as_of = report.parameters.get("as_of") or (declared["as_of"].default if "as_of" in declared else None)
    found = report_citation(report.name, report.title, dataset_version, as_of=as_of)
    return {"citation_text": found.text, "citation_bibtex": found.bibtex}


def _neighbour(report_by_name: dict, name: str | None) -> dict | None:
    if not name:
        return None
    return {"href": f"{name}.html", "title": report_by_name[name].title}


# --- the build -----------------------------------------------------------------------


def build(settings: Settings, out=print) -> int:
    """Build the report set; return the exit code (0 when every report is built or up to date)."""
    started = time.perf_counter()
    package, tables, problems = validate(settings.data_dir)
    if problems:
        for problem in problems:
            out(str(problem))
        out(f"{len(problems)} problem(s) in {settings.data_dir}: nothing was built; reports are untouched.")
        return 1
    try:
        every = load_reports(settings.reports_toml)
        chosen = select(every, list(settings.only) or None)
    except ReportSetError as err:
        for problem in err.problems:
            out(problem)
        out("reports.toml or --only is wrong: nothing was built; reports are untouched.")
        return 1

    out_dir, figures_dir = settings.out_dir, settings.figures_dir
    staging = out_dir / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    figures_dir.mkdir(parents=True, exist_ok=True)

    data_hash = dataset_hash(settings.data_dir, [t.path for t in package.tables])
    code = code_hash(Path(__file__).parent)
    by_name = {r.name: r for r in every}
    state = _read_state(out_dir)
    row_counts = [(t.name, len(tables[t.name])) for t in package.tables]
    page_versions = versions()

    planned, skipped = [], []
    for report in chosen:
        neighbours = {"previous": _neighbour(by_name, report.previous), "next": _neighbour(by_name, report.next)}
        key = report_key(report, data_hash, code, neighbours)
        entry = state.get(report.name, {})
        outputs_present = (out_dir / f"{report.name}.html").is_file() and all(
            (figures_dir / f).is_file() for f in entry.get("figures", [])) and all(
            (out_dir / DATA_DOWNLOADS / f).is_file() for f in entry.get("data", []))
        if not settings.force and entry.get("key") == key and outputs_present:
            skipped.append(report)
            continue
        job_staging = staging / report.name
        planned.append((key, Job(
            name=report.name, notebook=str(report.notebook),
            parameters={**report.parameters, "data_dir": str(Path(settings.data_dir).resolve()),
                        "figures_dir": str(job_staging), "figure_prefix": report.name},
            staging=str(job_staging), failed_path=str(out_dir / FAILED / f"{report.name}.ipynb"),
            page={"title": report.title, "notebook": _shown_path(report.notebook),
                  "parameters": [(k, json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)
                                 for k, v in effective_parameters(report, settings.data_dir).items()],
                  "data_hash": data_hash, "row_counts": row_counts, "versions": page_versions,
                  "version": __version__, "dataset_version": package.version,
                  **_citation_fields(report, package.version), **neighbours})))

    failures: list[Outcome] = []
    if planned:
        from .kernel import KernelUnavailable, check_kernel_available

        try:
            check_kernel_available()
        except KernelUnavailable as err:
            out(f"{err} Nothing was built; reports are untouched.")
            return 1
        workers = max(1, min(settings.jobs, len(planned)))
        out(f"Building {len(planned)} of {len(chosen)} reports with {workers} worker(s); {len(skipped)} up to date.")
        keys = {job.name: key for key, job in planned}
        done = 0
        queue = [job for _, job in planned]
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_start_worker) as pool:
            running = set()

            def submit_next() -> None:
                job = queue.pop(0)
                out(f"  start  {job.name}")
                running.add(pool.submit(_run_job, job))

            # One job per idle worker at a time, so that "start" means started.
            for _ in range(min(workers, len(queue))):
                submit_next()
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    running.discard(future)
                    if queue:
                        submit_next()
                    outcome = future.result()
                    done += 1
                    if not outcome.ok:
                        failures.append(outcome)
                        out(f"  FAIL   {outcome.name}  {outcome.seconds:.1f} s  [{done}/{len(planned)}]")
                        continue
                    figure_names, data_names = [], []
                    for produced in outcome.figures:  # charts go to figures/, the data behind them to OUT/data/
                        name = Path(produced).name
                        if name.endswith(".csv"):
                            (out_dir / DATA_DOWNLOADS).mkdir(exist_ok=True)
                            os.replace(produced, out_dir / DATA_DOWNLOADS / name)
                            data_names.append(name)
                        else:
                            os.replace(produced, figures_dir / name)
                            figure_names.append(name)
                    write_atomically(out_dir / f"{outcome.name}.html", outcome.html, staging)
                    state[outcome.name] = {"key": keys[outcome.name], "figures": figure_names, "data": data_names}
                    write_atomically(out_dir / STATE_FILE, json.dumps(state, indent=1, sort_keys=True) + "\n", staging)
                    out(f"  done   {outcome.name}  {outcome.seconds:.1f} s  [{done}/{len(planned)}]")
    from .index import render_index

    stale = set(state) - {r.name for r in every} - {SITE}  # reports no longer in the set, old entries
    if stale:
        for name in stale:
            del state[name]
        write_atomically(out_dir / STATE_FILE, json.dumps(state, indent=1, sort_keys=True) + "\n", staging)
    site_info = write_site(settings, package, data_hash, code, every, state, staging)
    index_html = render_index(every, state_names={r.name for r in every if r.name in state}, title="Build-up Brief: reports",
                              site=site_info)
    index_path = out_dir / "index.html"
    if not index_path.is_file() or index_path.read_text(encoding="utf-8") != index_html:
        write_atomically(index_path, index_html, staging)
    shutil.rmtree(staging, ignore_errors=True)
    elapsed = time.perf_counter() - started
    built = len(planned) - len(failures)
    out(f"Built {built}, skipped {len(skipped)} (up to date), failed {len(failures)}, in {elapsed:.1f} s.")
    for failure in failures:
        out(f"FAILED {failure.name}: {failure.error}")
        kept = out_dir / FAILED / f"{failure.name}.ipynb"
        if kept.is_file():
            out(f"  the executed notebook is kept at {_shown_path(kept)}; the previous HTML is untouched.")
    return 1 if failures else 0
