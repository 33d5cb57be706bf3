"""Shared by the test suite and the doctests (``pytest --doctest-modules ocrfix``).

The doctests make scratch folders with ``tempfile.mkdtemp()`` as a reader of the
docs would; here those folders go under pytest's own temporary directory, which
pytest prunes, instead of piling up in the system's.
"""
import tempfile

import pytest


@pytest.fixture(autouse=True)
def _scratch_under_pytest(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
