"""Folders of files that ship with xlkinerja but are not Python: the jinja2 templates
(`templates/`) and the add-in's VBA and ribbon sources (`macros/`).

Both sit at the repository's root and ship inside the installed package (pyproject.toml:
`package-dir` maps `xlkinerja.<name>` to the folder, `package-data` takes every file). An
installed xlkinerja finds them next to its modules; a source checkout (an editable install,
or the tree on PYTHONPATH) has no such folder inside the package and uses the root's:
setuptools' editable finder cannot import a mapped folder without an `__init__.py`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from xlkinerja.errors import ErrorCode, XlkinerjaError

_CHECKOUT = Path(__file__).resolve().parent.parent.parent  # the repository root, if any


def shipped_folder(name: str) -> Path:
    """The folder `name` (templates, macros): the installed package's, else a checkout's."""
    shipped = resources.files("xlkinerja") / name
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    checkout = _CHECKOUT / name
    if checkout.is_dir() and (_CHECKOUT / "pyproject.toml").is_file():
        return checkout
    raise XlkinerjaError(
        f"folder {name}/ xlkinerja tidak ditemukan (dicari di {shipped} dan {checkout}).",
        code=ErrorCode.LINGKUNGAN_FOLDER_PAKET_HILANG,
        hint=f"Pasang ulang xlkinerja (pip install .) agar folder {name}/ ikut terpasang.",
    )
