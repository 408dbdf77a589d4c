"""However the environment was made: a plain `pip install -r requirements.txt` venv builds a report."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from buildup import kernel, paths
from buildup.build import Settings, build


@pytest.mark.build
def test_a_venv_made_with_plain_pip_builds_a_report_and_runs_papermill(tmp_path):
    # A venv whose packages are the project's requirements but which never ran `make`: no kernelspec
    # registered for it. Installing every requirement again would take a minute and prove only that
    # pip works (make test's own set-up does that on every fresh clone), so the new venv borrows the
    # installed packages of this one through a .pth file, exactly as site-packages would hold them.
    env_dir = tmp_path / "plain-venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    own_site = next(p for p in map(Path, sys.path) if p.name == "site-packages" and str(p).startswith(sys.prefix))
    new_site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip())
    (new_site / "borrowed.pth").write_text(f"import site; site.addsitedir({str(own_site)!r})\n", encoding="utf-8")
    # pip also puts the packages' data files under the venv's share/jupyter: nbconvert's templates and
    # ipykernel's generic python3 kernelspec; `make` adds the project's "buildup" kernelspec, left out here.
    shared = Path(sys.prefix) / "share" / "jupyter"
    for item in shared.iterdir():
        if item.name != "kernels":
            (env_dir / "share" / "jupyter").mkdir(parents=True, exist_ok=True)
            (env_dir / "share" / "jupyter" / item.name).symlink_to(item)
    shutil.copytree(shared / "kernels" / "python3", env_dir / "share" / "jupyter" / "kernels" / "python3")
    assert sorted(p.name for p in (env_dir / "share" / "jupyter" / "kernels").iterdir()) == ["python3"]
    out = tmp_path / "out"
    result = subprocess.run([str(python), "-m", "buildup", "build", "--only", "30-brief", "--out", str(out)],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Brief as of 31 December 2021" in (out / "30-brief.html").read_text(encoding="utf-8")
    papermill = subprocess.run([str(python), "-m", "papermill", str(paths.NOTEBOOKS / "30-brief.ipynb"),
                                str(tmp_path / "run.ipynb"), "-p", "as_of", "2022-02-12"],
                               cwd=tmp_path, capture_output=True, text=True)
    assert papermill.returncode == 0, papermill.stderr[-2000:]


def test_an_interpreter_without_ipykernel_is_told_how_to_fix_it(tmp_path, monkeypatch):
    monkeypatch.setattr(kernel, "find_spec", lambda name: None)
    lines: list[str] = []
    code = build(Settings(data_dir=paths.DATA, out_dir=tmp_path / "out", figures_dir=tmp_path / "out" / "figures",
                          jobs=1, only=("30-brief",)), out=lines.append)
    assert code == 1
    assert lines == [f"{sys.executable} cannot run notebooks: ipykernel is not installed in it; install the project's "
                     "requirements with `pip install -r requirements.txt` (or run `make reports`). "
                     "Nothing was built; reports are untouched."]
    assert not (tmp_path / "out" / "30-brief.html").exists()


def test_the_build_kernel_is_this_interpreter(tmp_path):
    import json

    spec = json.loads((kernel.kernel_spec_dir(tmp_path) / kernel.KERNEL_NAME / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable and Path(spec["argv"][0]).exists()
