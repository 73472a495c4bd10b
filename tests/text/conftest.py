"""Fixtures for the reader's tests: the seed files, skipped when they are not on this machine."""

import pytest

from nghiquyet.core.seeds import seed_file


def _seed(prefix: str):
    path = seed_file(prefix)
    if path is None:
        pytest.skip("seed documents not found (set NGHIQUYET_SEEDS)")
    return path


@pytest.fixture
def seed_002():
    return _seed("002")


@pytest.fixture
def seed_004():
    return _seed("004")
