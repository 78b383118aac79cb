"""Small functions: no function or method of the package over cyclomatic complexity 20, as
radon measures it (`radon cc -s xlkinerja` shows every one; a nested function counts on its
own, as radon counts it). Paths are relative to the package folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from radon.complexity import cc_visit
from radon.visitors import Class, Function

PACKAGE = Path(__file__).resolve().parent.parent / "xlkinerja"
LIMIT = 20


class Offender(NamedTuple):
    path: str
    line: int
    name: str  # "function", "Class.method", or "function.nested"
    complexity: int

    @property
    def key(self) -> str:
        return f"{self.path}:{self.name}"

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.name} ({self.complexity})"


def _functions(blocks: list[Function | Class], prefix: str = "") -> Iterator[tuple[str, Function]]:
    """(qualified name, function) of every function, method and nested function."""
    for block in blocks:
        name = f"{prefix}{block.name}"
        if isinstance(block, Class):
            yield from _functions([*block.methods, *block.inner_classes], f"{name}.")
        else:
            yield name, block
            yield from _functions(block.closures, f"{name}.")


def over_limit(source: str, path: str) -> list[Offender]:
    """The functions and methods of `source` (the file at `path`) over the limit, in the
    order of the file."""
    top = [b for b in cc_visit(source) if isinstance(b, Class) or not b.is_method]
    found = [
        Offender(path, function.lineno, name, function.complexity)
        for name, function in _functions(top)
        if function.complexity > LIMIT
    ]
    return sorted(found, key=lambda o: o.line)


def package_offenders() -> list[Offender]:
    found: list[Offender] = []
    for file in sorted(PACKAGE.rglob("*.py")):
        path = file.relative_to(PACKAGE).as_posix()
        found += over_limit(file.read_text(encoding="utf-8"), path)
    return found


def test_no_function_is_over_the_limit():
    offenders = package_offenders()
    assert not offenders, f"over complexity {LIMIT}, split them:\n" + "\n".join(map(str, offenders))


def _branches(name: str, count: int, indent: str = "") -> str:
    lines = [f"{indent}def {name}(x):"]
    lines += [f"{indent}    if x == {i}:\n{indent}        return {i}" for i in range(count)]
    return "\n".join([*lines, f"{indent}    return -1", ""])


def test_the_check_reports_a_function_a_method_and_a_nested_function_over_the_limit():
    """21 branches make complexity 22 (one path plus one per branch); 19 make 20, allowed."""
    source = "\n".join(
        [
            _branches("ok", 19),
            _branches("too_big", 21),
            "class Form:",
            _branches("check", 21, "    "),
            "def outer():",
            _branches("inner", 21, "    "),
            "    return inner",
            "",
        ]
    )
    found = over_limit(source, "made_up.py")
    assert [(o.name, o.complexity) for o in found] == [
        ("too_big", 22),
        ("Form.check", 22),
        ("outer.inner", 22),
    ]
    lines = source.splitlines()
    for o in found:
        assert lines[o.line - 1].strip() == f"def {o.name.split('.')[-1]}(x):"
        assert str(o) == f"made_up.py:{o.line} {o.name} (22)"
    assert found[0].key == "made_up.py:too_big"
