from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.pg_server import db, postgres  # noqa: F401  (fixtures for every module)

# xlwings registers its remote engine (the server mode's, PolyForm Noncommercial 1.0.0) only
# when this is set at its first import, whichever test module imports it first.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

# CI runs the same examples every time (a red CI blocks a landing); locally hypothesis
# explores new ones on every run.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = ROOT / "workbooks"
SAMPLE = WORKBOOKS / "contoh"


@pytest.fixture
def root() -> Path:
    return ROOT
