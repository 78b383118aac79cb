"""The package's layers: imports only point down, and no package imports itself back.

From the bottom: errors, specs, core (the shared model), files (file safety: atomic writes,
backups, output guards, the package guard, the OOXML package), runtime (worker processes,
forked children, the collector), sources (a form's content, wherever it lives), domain (pure
rules), validation, cascade, kompilasi (the compiled model), then three siblings that do not
import each other: render (every file written from the model), store (the archive database)
and pindahkan (a loose workbook moved into a template); sample, jobs, and the front-ends:
excel (the add-in's actions),
server (carries them over HTTP) and addin (builds the .xlam), and on top cli (the commands,
which may start the server or build the add-in). `xlkinerja/__init__.py` and `__main__.py` sit on top.
Imports under `if TYPE_CHECKING:` count too: a type names a dependency all the same.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "xlkinerja"

LAYERS: list[set[str]] = [
    {"errors"},
    {"specs"},
    {"core"},
    {"files"},
    {"runtime"},
    {"sources"},
    {"domain"},
    {"validation"},
    {"cascade"},
    {"kompilasi"},
    {"render", "store", "pindahkan"},
    {"sample"},
    {"jobs"},
    {"excel"},
    {"server", "addin"},
    {"cli"},
]
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}
TOP = {"__init__", "__main__"}  # the package's facade and entry point


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """The xlkinerja modules `path` imports (relative imports resolved)."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("xlkinerja")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.startswith("xlkinerja"):
                found.add(target)
                found |= {f"{target}.{a.name}" for a in node.names if _is_module(target, a.name)}
    return found


def _is_module(package: str, name: str) -> bool:
    base = PACKAGE.parent.joinpath(*package.split("."))
    return (base / f"{name}.py").exists() or (base / name / "__init__.py").exists()


def top_package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def unit(module: str) -> str:
    """The node of the package graph: a sub-package (render.annotate) or a top package."""
    parts = module.split(".")[1:]
    path = PACKAGE
    node: list[str] = []
    for part in parts:
        if (path / part / "__init__.py").exists():
            path = path / part
            node.append(part)
        else:
            break
    return ".".join(node) or (parts[0] if parts else "__init__")


def all_imports() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in PACKAGE.rglob("*.py")}


def test_every_package_has_a_layer():
    packages = {top_package(m) for m in all_imports()} - TOP
    assert packages <= set(LEVEL), packages - set(LEVEL)


def upward_imports(found: dict[str, set[str]]) -> list[str]:
    upward = []
    for module, targets in sorted(found.items()):
        source = top_package(module)
        if source in TOP:
            continue
        for target in sorted(targets):
            dest = top_package(target)
            if dest == source:
                continue
            if dest in TOP:
                upward.append(f"{module} → {target} (the package facade)")
            elif LEVEL[dest] >= LEVEL[source]:
                upward.append(f"{module} → {target}")
    return upward


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        seen[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if seen.get(nxt) == 1:
                return [*path, node, nxt]
            if nxt not in seen and (cycle := visit(nxt, [*path, node])):
                return cycle
        seen[node] = 2
        return None

    for start in sorted(graph):
        if start not in seen and (cycle := visit(start, [])):
            return cycle
    return None


def package_graph(found: dict[str, set[str]]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, targets in found.items():
        for target in targets:
            if unit(module) != unit(target):
                graph[unit(module)].add(unit(target))
    return graph


def test_imports_only_point_down():
    upward = upward_imports(all_imports())
    assert not upward, "\n".join(upward)


FRONT_ENDS = {"excel", "server", "addin", "cli"}
# and the front-ends below them; runtime: a program says how its process lives (collector)
FRONT_END_MAY_USE = {"jobs", "core", "errors", "runtime"}
# What one front-end may use besides: the add-in builder writes its files safely (files);
# the Excel layer is the adapter between an open workbook and the jobs' data, so it reads
# the workbook the way every source is read (sources: `read_workbook`, `TableCells`; specs:
# the form, its fields and tables that reading names) and applies the write-back plan the
# jobs hand it (render: the annotate plan).
FRONT_END_ALSO = {"addin": {"files"}, "excel": {"sources", "specs", "render"}}


def test_front_ends_only_parse_and_render():
    """The CLI (and later the add-in and the server) call the jobs and render their results:
    no reading, checking, compiling or archive access of their own. The Excel layer reads
    the open workbook and writes into it only through the shared reading and the write-back
    plan (FRONT_END_ALSO); the server reaches the workbook only through the Excel layer."""
    reaching = [
        f"{module} → {target}"
        for module, targets in sorted(all_imports().items())
        if top_package(module) in FRONT_ENDS
        for target in sorted(targets)
        if top_package(target)
        not in FRONT_END_MAY_USE
        | FRONT_END_ALSO.get(top_package(module), set())
        | {top_package(module)}
        and not (
            top_package(target) in FRONT_ENDS
            and LEVEL[top_package(target)] < LEVEL[top_package(module)]
        )
    ]
    assert not reaching, "\n".join(reaching)


def test_no_package_cycle():
    cycle = find_cycle(package_graph(all_imports()))
    assert cycle is None, " → ".join(cycle)


def test_the_checks_see_what_they_must():
    """An import up a layer, between siblings, or of the facade is reported; a cycle too."""
    found = {
        "xlkinerja.core.normal": {"xlkinerja.jobs.validasi", "xlkinerja.specs"},
        "xlkinerja.sources.reader": {"xlkinerja.store.archive", "xlkinerja"},
        "xlkinerja.jobs.kompilasi": {"xlkinerja.sources.reader"},
    }
    assert upward_imports(found) == [
        "xlkinerja.core.normal → xlkinerja.jobs.validasi",
        "xlkinerja.sources.reader → xlkinerja (the package facade)",
        "xlkinerja.sources.reader → xlkinerja.store.archive",
    ]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert package_graph({"xlkinerja.render.annotate.run": {"xlkinerja.files.atomic"}}) == {
        "render.annotate": {"files"}
    }
