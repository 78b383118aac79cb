"""No module takes another module's private name: `from x import _name`, or `x._name` of a
module `x` it imported. What a module keeps to itself can change without a caller breaking;
a name two modules share is public (no underscore) and said so where it is defined."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "xlkinerja"


def private_uses(source: str) -> list[str]:
    """`module.name` of every private name `source` takes from an xlkinerja module."""
    tree = ast.parse(source)
    modules: dict[str, str] = {}  # local name → module imported
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("xlkinerja"):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"{node.module}.{alias.name}")
                modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("xlkinerja"):
                    modules[alias.asname or alias.name.split(".")[0]] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{modules[node.value.id]}.{node.attr}")
    return found


def test_no_module_takes_another_modules_private_name():
    found = [
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name in private_uses(path.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found)


def test_the_check_sees_both_ways_of_taking_a_private_name():
    source = (
        "from xlkinerja.jobs.kompilasi_arsip import _master, compile_archive\n"
        "from xlkinerja.jobs import workers\n"
        "import xlkinerja.store.restore as restore\n"
        "workers._process(1)\n"
        "restore._table(2)\n"
        "workers.worker_pool(3)\n"
        "own._private(4)\n"
    )
    assert sorted(private_uses(source)) == [
        "xlkinerja.jobs.kompilasi_arsip._master",
        "xlkinerja.jobs.workers._process",
        "xlkinerja.store.restore._table",
    ]
