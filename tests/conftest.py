from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from tests.pg_server import db, postgres  # noqa: F401  (fixtures for every module)

# xlwings registers its remote engine (the server mode's, PolyForm Noncommercial 1.0.0) only
# when this is set at its first import, whichever test module imports it first.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

# The tests never touch the archive of whoever runs them: the default archive (a command
# given no --db) is this session's own, in a fresh temporary folder.
os.environ["XLKINERJA_DB"] = str(Path(tempfile.mkdtemp(prefix="xlkinerja-tes-")) / "arsip.sqlite")

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


# The fast loop (README): `pytest -m "not lambat"`. A test that starts LibreOffice or
# PostgreSQL, or is part of the fault suite or the wheel build, is `lambat` here; the rest
# of what is slow (subprocesses of the CLI, PDFs, big renders) carries the marker itself.
LAMBAT_MARKERS = ("libreoffice", "fault", "slow")


def lambat_reason(item: pytest.Item) -> str | None:
    """Why the conftest makes `item` lambat, or None."""
    for name in LAMBAT_MARKERS:
        if item.get_closest_marker(name) is not None:
            return name
    callspec = getattr(item, "callspec", None)
    on_postgresql = callspec is not None and callspec.params.get("db") == "postgresql"
    if "postgres" in getattr(item, "fixturenames", ()) or on_postgresql:
        return "postgres"
    return None


@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if lambat_reason(item) is not None:
            item.add_marker(pytest.mark.lambat)
