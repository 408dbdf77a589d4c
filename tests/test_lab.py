"""`make lab`: JupyterLab starts on the project and offers the project's kernel for the notebooks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from buildup import paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_notebooks_name_the_standard_python3_kernel_so_papermill_runs_them_in_any_venv():
    # python3 resolves to the interpreter that runs jupyter or papermill, however its venv was made;
    # `make lab` also installs the named "Build-up Brief (.venv)" kernel, which a reader may pick.
    for notebook in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        metadata = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]
        assert metadata["kernelspec"]["name"] == "python3", notebook.name


def test_jupyterlab_serves_the_notebooks_with_the_buildup_kernel(tmp_path):
    port = free_port()
    jupyter = Path(sys.executable).with_name("jupyter")
    server = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--IdentityProvider.token=check",
         f"--notebook-dir={paths.ROOT}", *(["--allow-root"] if os.geteuid() == 0 else [])],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=paths.ROOT,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path)})
    try:
        base = f"http://127.0.0.1:{port}/api"
        deadline = time.monotonic() + 60
        while True:
            try:
                specs = json.load(urllib.request.urlopen(f"{base}/kernelspecs?token=check", timeout=5))
                break
            except OSError:
                assert time.monotonic() < deadline, "JupyterLab did not start within 60 s"
                time.sleep(0.5)
        assert "buildup" in specs["kernelspecs"]
        assert specs["kernelspecs"]["buildup"]["spec"]["display_name"] == "Build-up Brief (.venv)"
        listing = json.load(urllib.request.urlopen(f"{base}/contents/notebooks?token=check", timeout=5))
        names = {item["name"] for item in listing["content"]}
        assert {"10-troop-buildup.ipynb", "20-diplomacy.ipynb", "30-brief.ipynb"} <= names
    finally:
        server.terminate()
        server.wait(timeout=30)
