"""Content hashes: of files, of folders of code, and of the dataset (no timestamps involved)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def digest_files(files: Iterable[Path], root: Path | None = None) -> str:
    """SHA-256 over each file's (relative) name and bytes, in the order given."""
    digest = hashlib.sha256()
    for path in files:
        path = Path(path)
        name = str(path.relative_to(root)) if root is not None else path.name
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def dataset_hash(data_dir: Path, table_paths: Iterable[str]) -> str:
    """The dataset's content hash: datapackage.json and every table file, in declared order."""
    data_dir = Path(data_dir)
    return digest_files([data_dir / "datapackage.json", *(data_dir / p for p in table_paths)], root=data_dir)


def code_hash(package_dir: Path) -> str:
    """Hash of the package's code and templates, so a change in them rebuilds the reports."""
    files = sorted(p for p in Path(package_dir).rglob("*")
                   if p.is_file() and p.suffix in {".py", ".j2", ".json", ".css"} and "__pycache__" not in p.parts)
    return digest_files(files, root=package_dir)
