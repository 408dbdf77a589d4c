"""The kernel every report runs in: this interpreter's own, however its environment was made.

The build never looks a kernel up by name, so a venv made with plain pip, conda or `make`
works alike; `make lab` still installs the named "Build-up Brief (.venv)" kernel for JupyterLab.
"""

from __future__ import annotations

import json
import sys
import tempfile
from importlib.util import find_spec
from pathlib import Path

KERNEL_NAME = "buildup-build"


class KernelUnavailable(RuntimeError):
    """This interpreter cannot start a kernel; the message names the fix."""


def check_kernel_available() -> None:
    """Stop with one sentence when this interpreter has no ipykernel."""
    if find_spec("ipykernel") is None:
        raise KernelUnavailable(f"{sys.executable} cannot run notebooks: ipykernel is not installed in it; "
                                "install the project's requirements with `pip install -r requirements.txt` "
                                "(or run `make reports`).")


def kernel_spec_dir(parent: Path) -> Path:
    """A kernelspec folder under parent for this interpreter: no installed kernel is needed."""
    folder = Path(parent) / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    # A build kernel keeps no input history: nobody reads it, and IPython writes every cell to SQLite.
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}", "--HistoryManager.enabled=False"],
            "display_name": "Build-up Brief (this interpreter)", "language": "python"}
    (folder / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return folder.parent


def async_kernel_manager(**kwargs):
    """An AsyncKernelManager whose kernel is this interpreter's ipykernel."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    check_kernel_available()
    specs = kernel_spec_dir(Path(tempfile.mkdtemp(prefix="buildup-kernelspec-")))
    manager = KernelSpecManager(kernel_dirs=[str(specs)], ensure_native_kernel=False)
    return AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=manager, **kwargs)
