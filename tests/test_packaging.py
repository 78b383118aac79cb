"""The installed package: the wheel ships every module and the jinja2 templates (mapped from
the repository's templates/ folder), and an xlkinerja installed from it into a fresh venv
finds its templates inside itself and renders them."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

TEMPLATES = "xlkinerja.templates"  # the package the repository's templates/ becomes
MACROS = "xlkinerja.macros"  # and macros/ (the add-in's VBA and ribbon sources)
DATA = {TEMPLATES, MACROS}

RENDER_FROM_THE_INSTALLED_PACKAGE = """
import json
import xlkinerja
from xlkinerja.render import jinja_templates
from xlkinerja.render.temuan_docs import render
from xlkinerja.addin.build import build_addin
from xlkinerja.core.resources import shipped_folder
print(json.dumps({
    "macros": str(shipped_folder("macros")),
    "addin": str(build_addin(__import__("pathlib").Path("addin"))),
    "package": xlkinerja.__file__,
    "folder": str(jinja_templates.templates_folder()),
    "folders": jinja_templates.template_folders(),
    "page": render(),
}))
"""


def test_pyproject_lists_every_package(root: Path):
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    tree = {
        ".".join(p.parent.relative_to(root).parts)
        for p in (root / "xlkinerja").rglob("__init__.py")
    }
    assert listed == {*tree, *DATA}, (
        "pyproject.toml [tool.setuptools] packages: "
        f"add {sorted(tree - listed)}, remove {sorted(listed - tree - DATA)}"
    )


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # no source tree
    done = subprocess.run(
        [str(c) for c in command],
        check=False,
        cwd=cwd,
        env=env,
        capture_output=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _build_wheel(root: Path, work: Path) -> Path:
    """The wheel as `pip wheel .` builds it, from a copy (the build writes into the tree)."""
    source = work / "sumber"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(root / name, source / name)
    for name in ("xlkinerja", "templates", "macros"):
        shutil.copytree(root / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    _run(sys.executable, "-m", "pip", "wheel", source, "--no-deps", "-q", "-w", work / "dist")
    (wheel,) = (work / "dist").glob("xlkinerja-*.whl")
    return wheel


@pytest.mark.slow
def test_the_wheel_installed_in_a_fresh_venv_renders_templates_and_builds_the_addin(
    root: Path, tmp_path: Path
):
    wheel = _build_wheel(root, tmp_path)
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    data = {
        f"xlkinerja/{folder}/" + p.relative_to(root / folder).as_posix()
        for folder in ("templates", "macros")
        for p in (root / folder).rglob("*")
        if p.is_file()
    }
    assert {"xlkinerja/templates/dokumen/temuan.md.j2", "xlkinerja/macros/Kinerja.bas"} <= data
    assert data <= names, sorted(data - names)
    modules = {p.relative_to(root).as_posix() for p in (root / "xlkinerja").rglob("*.py")}
    assert modules <= names, sorted(modules - names)

    # Dependencies come from the site-packages of the Python running the tests (itself a
    # virtual environment when scripts/test.sh made .venv: a venv's system site-packages
    # are its base Python's, so they are named in a .pth); xlkinerja from the wheel alone.
    env = tmp_path / "venv"
    venv.create(env, system_site_packages=True, with_pip=False)
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    (Path(purelib.strip()) / "_dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    _run(python, "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed", wheel)
    # -I: no PYTHONPATH, no user site, not the current folder
    out = json.loads(_run(python, "-I", "-c", RENDER_FROM_THE_INSTALLED_PACKAGE, cwd=tmp_path))

    package = Path(out["package"]).parent
    assert package.is_relative_to(env), package
    assert Path(out["folder"]) == package / "templates"
    assert {"dokumen", "ekspor"} <= set(out["folders"])
    assert out["page"].encode("utf-8") == (root / "docs" / "temuan.md").read_bytes()
    assert Path(out["macros"]) == package / "macros"
    assert (tmp_path / out["addin"]).stat().st_size > 10_000  # built from the installed macros
