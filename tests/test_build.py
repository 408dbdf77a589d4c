"""The build: reproducible, incremental, atomic, and clear when a report fails."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from buildup import paths
from buildup.build import Settings, build
from html_elements import tags

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("fresh")]  # one worker builds `fresh` for both modules


def settings(out: Path, **kw) -> Settings:
    return Settings(data_dir=paths.DATA, out_dir=out, figures_dir=out / "figures", jobs=2, **kw)




def test_fresh_build_succeeds_with_a_line_per_report(fresh):
    out, code, lines = fresh
    assert code == 0, "\n".join(lines)
    reports = len([p for p in paths.REPORTS.glob("*.html") if p.name not in ("index.html", "evidence.html", "changelog.html")])
    assert sum(1 for l in lines if l.startswith("  start  ")) == reports
    assert sum(1 for l in lines if l.startswith("  done   ")) == reports
    assert re.match(rf"Built {reports}, skipped 0 \(up to date\), failed 0, in [\d.]+ s\.", lines[-1])


def test_committed_reports_and_figures_are_what_a_fresh_build_makes(fresh):
    out, _, _ = fresh
    committed = sorted(p.name for p in paths.REPORTS.glob("*.html"))
    assert committed == sorted(p.name for p in out.glob("*.html"))
    different = [n for n in committed if (paths.REPORTS / n).read_bytes() != (out / n).read_bytes()]
    assert not different, f"reports/ differs from a fresh build (run make reports): {different[:5]}"
    figures = sorted(p.name for p in paths.FIGURES.iterdir())
    assert figures == sorted(p.name for p in (out / "figures").iterdir())
    different = [n for n in figures if (paths.FIGURES / n).read_bytes() != (out / "figures" / n).read_bytes()]
    assert not different, f"figures/ differs from a fresh build: {different[:5]}"
    assert (paths.REPORTS / ".build-state.json").read_text() == (out / ".build-state.json").read_text()


def test_second_build_is_a_fast_no_op(fresh):
    out, _, _ = fresh
    lines: list[str] = []
    started = time.perf_counter()
    assert build(settings(out), out=lines.append) == 0
    assert time.perf_counter() - started < 5
    assert not any(l.startswith("  start") for l in lines)
    assert "Built 0, skipped" in lines[-1]


def test_html_is_self_contained_with_no_script_and_no_network(fresh):
    out, _, _ = fresh
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        scripts = re.findall(r"<script[^>]*>", text, flags=re.IGNORECASE)
        assert scripts == (['<script type="application/ld+json">'] if page.name == "index.html" else []), page.name
        assert not re.search(r'src="(https?:)?//', text), page.name  # links to sources are fine; loads are not
        links = re.findall(r"<link[^>]+>", text)  # a feed's address is a link, not a load
        assert links == (['<link rel="alternate" type="application/atom+xml" title="Build-up Brief: the briefs" '
                          'href="briefs.atom">'] if page.name == "index.html" else []), page.name
        assert text.rstrip().endswith("</html>")


def test_charts_are_inline_svg_named_by_their_own_alt_text(fresh):
    out, _, _ = fresh
    text = (out / "30-brief.html").read_text(encoding="utf-8")
    assert not tags(text, "img")
    svgs = tags(text, "svg")
    assert len(svgs) == 4  # two charts, each drawn wide and narrow
    alts = [s["aria-label"] for s in svgs]
    assert alts[0] == alts[1] and alts[0].startswith("Chart of ") and "more than 100,000 troops" in alts[0]
    assert all(s["role"] == "group" and "width" not in s for s in svgs)
    assert "No description has been provided" not in text


def test_report_has_a_table_of_contents_and_a_footer(fresh):
    out, _, _ = fresh
    text = (out / "30-brief.html").read_text(encoding="utf-8")
    toc = re.search(r'<nav class="toc" aria-label="Contents">(.*?)</nav>', text, re.DOTALL).group(1)
    for anchor in re.findall(r'href="#([^"]+)"', toc):
        assert f'id="{anchor}"' in text
    footer = text[text.index('<footer class="about">'):]
    assert "<code>as_of</code></td><td><code>2021-12-31</code>" in footer
    assert re.search(r'Version 1\.4\.0 \(<a href="changelog.html">what changed</a>\); content hash \(SHA-256\): <code class="hash">[0-9a-f]{64}</code>', footer)
    assert "troop_estimates " in footer and "pandas " in footer and "nbconvert " in footer


def test_no_machine_paths_leak_into_the_output(fresh):
    out, _, _ = fresh
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert str(paths.ROOT) not in text and str(out) not in text, page.name


def test_briefs_link_previous_and_next_and_the_index_lists_them(fresh):
    out, _, _ = fresh
    brief = (out / "brief-2021-12-31.html").read_text(encoding="utf-8")
    links = {a.get("rel"): a["href"] for a in tags(brief, "a") if a.get("rel")}
    assert links == {"prev": "brief-2021-12-27.html", "next": "brief-2022-01-03.html"}
    index = (out / "index.html").read_text(encoding="utf-8")
    for page in out.glob("*.html"):
        if page.name != "index.html":
            assert f'href="{page.name}"' in index


def test_out_touches_nothing_outside_it(tmp_path):
    before = {p: p.stat().st_mtime_ns for p in [*paths.REPORTS.iterdir(), *paths.FIGURES.iterdir()]}
    assert build(settings(tmp_path / "only", only=("20-diplomacy",)), out=lambda _: None) == 0
    after = {p: p.stat().st_mtime_ns for p in [*paths.REPORTS.iterdir(), *paths.FIGURES.iterdir()]}
    assert before == after
    assert sorted(p.name for p in (tmp_path / "only" / "figures").iterdir())[0].startswith("20-diplomacy--")


# --- failure --------------------------------------------------------------------------


def failing_project(tmp_path: Path, fail: bool) -> Path:
    notebook = json.loads((paths.NOTEBOOKS / "30-brief.ipynb").read_text(encoding="utf-8"))
    if fail:
        notebook["cells"].insert(3, {"cell_type": "code", "execution_count": None, "id": "boom", "metadata": {},
                                     "outputs": [], "source": "raise RuntimeError('the troops table is on fire')"})
    (tmp_path / "fragile.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    toml = tmp_path / "reports.toml"
    toml.write_text(f'[[report]]\nname = "fragile"\ntitle = "Fragile"\nnotebook = "{tmp_path / "fragile.ipynb"}"\n'
                    'description = "A report made to fail."\nparameters = { as_of = "2022-01-14" }\n', encoding="utf-8")
    return toml


def test_failing_report_keeps_the_old_html_and_exits_non_zero(tmp_path):
    out = tmp_path / "out"
    assert build(settings(out, reports_toml=failing_project(tmp_path, fail=False)), out=lambda _: None) == 0
    old = (out / "fragile.html").read_bytes()
    lines: list[str] = []
    code = build(settings(out, reports_toml=failing_project(tmp_path, fail=True)), out=lines.append)
    assert code == 1
    assert (out / "fragile.html").read_bytes() == old
    message = "\n".join(lines)
    assert "FAILED fragile: cell 3 (raise RuntimeError('the troops table is on fire')): RuntimeError: the troops table is on fire" in message
    assert (out / "_failed" / "fragile.ipynb").is_file()
    assert "the executed notebook is kept at" in message


def test_broken_data_stops_the_build_before_anything_runs(tmp_path, data_copy):
    data_copy.set_cell("contacts", 4, "format", "telepathy")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "buildup", "build", "--data", str(data_copy.root), "--out", str(out)],
                            capture_output=True, text=True, cwd=paths.ROOT)
    assert result.returncode == 1
    assert 'contacts.csv:4: format: "telepathy" — expected one of: phone, video, in_person' in result.stdout
    assert "nothing was built; reports are untouched" in result.stdout
    assert not out.exists() or not any(out.glob("*.html"))


def test_unknown_report_name_is_refused_before_any_kernel_starts(tmp_path):
    lines: list[str] = []
    assert build(settings(tmp_path, only=("brief-1999-01-01",)), out=lines.append) == 1
    assert any("unknown report 'brief-1999-01-01'" in l for l in lines)
    assert not any("start" in l for l in lines)


KILL_BETWEEN_WRITE_AND_RENAME = """
import os, signal, sys
from pathlib import Path
import buildup.build as b
real_replace = os.replace
def replace(source, target):
    if str(target).endswith("brief-2021-03-15.html"):
        Path(sys.argv[1]).write_text(str(source))   # the kill happens here: written, not yet renamed
        os.killpg(os.getpid(), signal.SIGKILL)
    return real_replace(source, target)
b.os.replace = replace
sys.exit(b.build(b.Settings(data_dir=b.paths.DATA, out_dir=Path(sys.argv[2]), figures_dir=Path(sys.argv[2]) / "figures",
                             jobs=1, force=True, only=("brief-2021-03-01", "brief-2021-03-08", "brief-2021-03-15"))))
"""


def test_a_kill_between_write_and_rename_leaves_the_old_file_whole_and_no_temporary_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    names = ["brief-2021-03-01.html", "brief-2021-03-08.html", "brief-2021-03-15.html"]
    for name in names:  # old pages that differ from what the build writes
        (out / name).write_text("<!DOCTYPE html><html><body>the old page</body></html>\n", encoding="utf-8")
    marker = tmp_path / "killed-while-writing"
    process = subprocess.run([sys.executable, "-c", KILL_BETWEEN_WRITE_AND_RENAME, str(marker), str(out)],
                             cwd=paths.ROOT, capture_output=True, text=True, start_new_session=True)
    assert process.returncode == -signal.SIGKILL, process.stderr[-2000:]
    temporary = Path(marker.read_text())
    assert temporary.is_file() and temporary.parent == out / ".staging", "the kill came after the write"
    # The two pages renamed before the kill are new and whole; the one being written is the old page.
    for name in names[:2]:
        assert (out / name).read_bytes() == (paths.REPORTS / name).read_bytes(), name
    assert (out / names[2]).read_text(encoding="utf-8") == "<!DOCTYPE html><html><body>the old page</body></html>\n"
    assert not [p for p in out.rglob("*.tmp") if ".staging" not in p.parts]
    # The next build clears the half-done work and finishes the page.
    lines: list[str] = []
    assert build(settings(out, only=tuple(n[:-5] for n in names)), out=lines.append) == 0
    assert not (out / ".staging").exists()
    assert (out / names[2]).read_bytes() == (paths.REPORTS / names[2]).read_bytes()


# --- the direct route the README shows -------------------------------------------------------


def test_readme_papermill_and_nbconvert_route_works(tmp_path):
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "papermill"), str(paths.NOTEBOOKS / "30-brief.ipynb"), "out.ipynb",
                    "-p", "as_of", "2022-02-12"], cwd=tmp_path, check=True, capture_output=True)
    subprocess.run([str(bin_dir / "jupyter"), "nbconvert", "--to", "html", "--no-input", "out.ipynb"],
                   cwd=tmp_path, check=True, capture_output=True)
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "Brief as of 12 February 2022" in html


@pytest.mark.parametrize(("parameters", "message"), [
    ('{ as_off = "2021-12-31" }', "unknown parameter 'as_off' for 30-brief.ipynb"),
    ('{ as_of = 20211231 }', "parameter 'as_of' = 20211231 is int; 30-brief.ipynb declares it as str"),
])
def test_bad_report_parameters_are_refused_before_any_kernel_starts(tmp_path, parameters, message):
    toml = tmp_path / "reports.toml"
    toml.write_text(f'[[report]]\nname = "x"\ntitle = "X"\nnotebook = "notebooks/30-brief.ipynb"\nparameters = {parameters}\n',
                    encoding="utf-8")
    lines: list[str] = []
    assert build(settings(tmp_path / "out", reports_toml=toml), out=lines.append) == 1
    assert any(message in l for l in lines), lines
    assert not any(l.startswith("  start") for l in lines)
    assert not (tmp_path / "out").exists()


def test_notebook_key_ignores_formatting_and_outputs_but_not_code(tmp_path):
    from buildup.build import notebook_hash

    original = paths.NOTEBOOKS / "30-brief.ipynb"
    notebook = json.loads(original.read_text(encoding="utf-8"))
    notebook["cells"][1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "hello"}]
    notebook["metadata"]["language_info"] = {"name": "python", "version": "3.11.7"}
    reformatted = tmp_path / "reformatted.ipynb"
    reformatted.write_text(json.dumps(notebook, indent=4, sort_keys=True), encoding="utf-8")
    assert notebook_hash(reformatted) == notebook_hash(original)
    notebook["cells"][1]["source"] = "print('something else')"
    changed = tmp_path / "changed.ipynb"
    changed.write_text(json.dumps(notebook), encoding="utf-8")
    assert notebook_hash(changed) != notebook_hash(original)


def test_a_kernel_that_dies_is_reported_and_replaced(tmp_path):
    notebook = json.loads((paths.NOTEBOOKS / "30-brief.ipynb").read_text(encoding="utf-8"))
    dying = json.loads(json.dumps(notebook))
    dying["cells"].insert(3, {"cell_type": "code", "execution_count": None, "id": "die", "metadata": {},
                              "outputs": [], "source": "import os; os._exit(3)"})
    (tmp_path / "dying.ipynb").write_text(json.dumps(dying), encoding="utf-8")
    toml = tmp_path / "reports.toml"
    toml.write_text("".join(
        f'[[report]]\nname = "{name}"\ntitle = "{name}"\nnotebook = "{path}"\ndescription = "x"\nparameters = {{}}\n\n'
        for name, path in [("dying", tmp_path / "dying.ipynb"), ("after", paths.NOTEBOOKS / "30-brief.ipynb")]),
        encoding="utf-8")
    lines: list[str] = []
    # One worker: the report after the dying one must run in the same worker, on a new kernel.
    code = build(Settings(data_dir=paths.DATA, out_dir=tmp_path / "out", figures_dir=tmp_path / "out" / "figures",
                          jobs=1, reports_toml=toml), out=lines.append)
    assert code == 1
    # The cell that killed its kernel is named, however early the kernel died in it (nbclient may or may
    # not have numbered the cell by then).
    assert ("FAILED dying: cell 3 (import os; os._exit(3)): the kernel died (the process running the notebook "
            "exited); a new kernel was started") in lines, [l for l in lines if "dying" in l]
    assert any(l.startswith("  done   after") for l in lines), lines
    assert (tmp_path / "out" / "after.html").is_file() and not (tmp_path / "out" / "dying.html").exists()
