"""Where the project's shared folder is: the source page and the shared evaluation files.

`shared/` sits next to the repository (../shared). A clone made elsewhere for a
CI run (`git clone . /tmp/fresh`) finds it next to the repository it was cloned
from (its `origin`, when that is a folder on this machine). SHARED_DIR names it
outright.
"""
import os
import subprocess
from pathlib import Path
from typing import List, Optional

REPO_ROOT = Path(__file__).resolve().parents[1]


def _origin_folder() -> Optional[Path]:
    try:
        url = subprocess.run(["git", "-C", str(REPO_ROOT), "remote", "get-url", "origin"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(url[len("file://"):] if url.startswith("file://") else url)
    return path if url and path.is_absolute() and path.is_dir() else None


def candidates() -> List[Path]:
    found = [Path(os.environ["SHARED_DIR"])] if os.environ.get("SHARED_DIR") else []
    found.append(REPO_ROOT.parent / "shared")
    origin = _origin_folder()
    if origin is not None:
        found.append(origin.resolve().parent / "shared")
    return found


def shared_dir() -> Path:
    """The first candidate that exists (the first one, to name in an error, when none does)."""
    folders = candidates()
    return next((folder for folder in folders if folder.is_dir()), folders[0])
