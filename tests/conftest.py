from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = ROOT / "workbooks"
SAMPLE = WORKBOOKS / "contoh"


@pytest.fixture
def root() -> Path:
    return ROOT
