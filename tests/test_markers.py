"""The fast loop (README: `pytest -m "not lambat"`) leaves out every test that starts
LibreOffice or PostgreSQL, the fault suite and the wheel build: the whole suite collected
here in this process, as pytest collects it, with the fast loop's selection."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

LEFT_OUT = {"libreoffice", "fault", "slow"}


class Collected:
    """What a collection selected, and what `-m` deselected."""

    def __init__(self) -> None:
        self.selected: list[pytest.Item] = []
        self.deselected: list[pytest.Item] = []

    def pytest_deselected(self, items: list[pytest.Item]) -> None:
        self.deselected.extend(items)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.selected = list(session.items)


def on_postgresql(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    return "postgres" in getattr(item, "fixturenames", ()) or (
        callspec is not None and callspec.params.get("db") == "postgresql"
    )


def test_the_fast_loop_leaves_out_libreoffice_postgresql_the_fault_suite_and_the_wheel():
    collected = Collected()
    args = ["--collect-only", "-qq", "-p", "no:cacheprovider", "--rootdir", str(ROOT)]
    code = pytest.main([*args, "-m", "not lambat", str(ROOT / "tests")], plugins=[collected])
    assert code == pytest.ExitCode.OK
    fast, everything = collected.selected, collected.selected + collected.deselected
    assert fast and collected.deselected
    assert all(item.get_closest_marker("lambat") for item in collected.deselected)
    # the conftest's rules: each kind is there, and every test of it is lambat
    for name in LEFT_OUT:
        marked = [item for item in everything if item.get_closest_marker(name)]
        assert marked, name
        assert all(item.get_closest_marker("lambat") for item in marked), name
    postgresql = [item for item in everything if on_postgresql(item)]
    assert postgresql
    assert all(item.get_closest_marker("lambat") for item in postgresql)
    for item in fast:
        assert not {m.name for m in item.iter_markers()} & LEFT_OUT, item.nodeid
        assert not on_postgresql(item), item.nodeid
