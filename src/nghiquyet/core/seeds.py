"""Where the shared seed documents live, when they are on this machine.

``$NGHIQUYET_SEEDS`` wins; otherwise a ``shared/seeds`` folder beside the
checkout or beside one of its parent folders.
"""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]


def find_seeds_dir(start: Path | None = None) -> Path | None:
    if os.environ.get("NGHIQUYET_SEEDS"):
        path = Path(os.environ["NGHIQUYET_SEEDS"])
        return path if path.is_dir() else None
    for folder in [start or REPO_ROOT, *(start or REPO_ROOT).parents]:
        candidate = folder / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
        candidate = folder.parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


def seed_file(prefix: str) -> Path | None:
    """The seed file whose name starts with ``prefix`` ("003"), if present."""
    folder = find_seeds_dir()
    if folder is None:
        return None
    return next(iter(sorted(folder.glob(f"{prefix}*"))), None)
