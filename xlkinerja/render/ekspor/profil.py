"""Export profiles: one folder each, `profil.toml` plus the jinja2 templates it names.

The shipped profiles are the folders of `templates/ekspor/`; a user adds one without code
by giving a folder with `--profil-dir` or in XLKINERJA_PROFIL_DIR (folders separated by
os.pathsep): either a profile folder itself or a folder of profile folders. A profile of
the same name given by the user replaces the shipped one. The format of profil.toml is
described in templates/ekspor/README.md; every mistake in it is an error naming the file
and the place in it, found when the profile is loaded (before anything is written).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NoReturn

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.kompilasi.ekspor_tabel import FIELDS
from xlkinerja.render.jinja_templates import templates_folder

PROFIL_FILE = "profil.toml"
ENV_DIR = "XLKINERJA_PROFIL_DIR"
SHIPPED = "ekspor"  # the folder of templates/ holding the shipped profiles
PEMISAH = {",": ",", ";": ";", "tab": "\t"}
PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)\}")
SHEET_FORBIDDEN = re.compile(r"[:\\/?*\[\]]")

Jenis = Literal["xlsx", "csv"]


class ProfilError(XlkinerjaError):
    """A profile that cannot be used: its file (the whole path: every profile's file is
    called profil.toml), and where in it."""

    def user_message(self) -> str:
        if self.path is None:
            return super().user_message()
        return f"Berkas '{self.path}': {self.message}" + (f" {self.hint}" if self.hint else "")


@dataclass(frozen=True)
class Kolom:
    judul: str  # the header
    isi: str  # the source table's field
    desimal: int | None = None  # digits after the decimal point (None: as computed)
    lebar: float | None = None  # xlsx column width (characters)


@dataclass(frozen=True)
class Lembar:
    """A sheet of an xlsx (or the one table of a csv): rows of a source table, or the text
    a jinja2 template renders (`templat`, one line a row)."""

    nama: str  # may name a field in braces when `per` is given, e.g. "{kode_unit}"
    sumber: str | None = None
    kolom: tuple[Kolom, ...] = ()
    per: str | None = None  # one sheet per value of this field
    templat: str | None = None


@dataclass(frozen=True)
class Berkas:
    nama: str  # the file's name; "{tahun}" is the year
    jenis: Jenis
    lembar: tuple[Lembar, ...]
    pemisah: str = ","  # csv
    desimal: str | None = None  # csv decimal mark; None: "," with ";" as pemisah, else "."


@dataclass(frozen=True)
class Profil:
    nama: str
    deskripsi: str
    folder: Path
    berkas: tuple[Berkas, ...]
    bawaan: bool  # shipped with xlkinerja (else given by the user)

    @property
    def file(self) -> Path:
        return self.folder / PROFIL_FILE

    @property
    def sources(self) -> list[str]:
        """The source tables its files read."""
        found = (s.sumber for b in self.berkas for s in b.lembar if s.sumber is not None)
        return list(dict.fromkeys(found))


# -- finding the profiles -----------------------------------------------------------------


def shipped_folder() -> Path:
    return templates_folder() / SHIPPED


def extra_folders(given: Sequence[Path] = ()) -> list[Path]:
    """The user's profile folders: `given` (--profil-dir), then XLKINERJA_PROFIL_DIR's."""
    from_env = [Path(p) for p in os.environ.get(ENV_DIR, "").split(os.pathsep) if p.strip()]
    folders = [*given, *from_env]
    for folder in folders:
        if not folder.is_dir():
            raise ProfilError(
                f"folder profil ekspor '{folder}' tidak ada.",
                code=ErrorCode.PROFIL_FOLDER_TIDAK_ADA,
                hint=f"Berikan folder yang berisi {PROFIL_FILE} (atau folder-folder profil) "
                f"dengan --profil-dir atau {ENV_DIR}.",
            )
    return folders


def _profile_dirs(folder: Path) -> Iterable[Path]:
    if (folder / PROFIL_FILE).is_file():
        yield folder
        return
    for sub in sorted(folder.iterdir()):
        if sub.is_dir() and sub.name[0] not in "._" and (sub / PROFIL_FILE).is_file():
            yield sub


def profile_folders(extra: Sequence[Path] = ()) -> dict[str, tuple[Path, bool]]:
    """Every profile's folder by name, and whether it is shipped; the user's win."""
    found: dict[str, tuple[Path, bool]] = {}
    shipped = shipped_folder()
    if shipped.is_dir():
        for folder in _profile_dirs(shipped):
            found[folder.name] = (folder, True)
    for given in extra_folders(extra):
        for folder in _profile_dirs(given):
            found[folder.name] = (folder, False)
    return dict(sorted(found.items()))


def all_profiles(extra: Sequence[Path] = ()) -> list[Profil]:
    return [load(folder, bawaan) for folder, bawaan in profile_folders(extra).values()]


def find_profile(name: str, extra: Sequence[Path] = ()) -> Profil:
    folders = profile_folders(extra)
    if name not in folders:
        raise ProfilError(
            f"profil ekspor '{name}' tidak ada.",
            code=ErrorCode.PROFIL_TIDAK_ADA,
            hint=f"Profil yang ada: {', '.join(folders) or '(tidak ada)'} "
            "(xlkinerja ekspor --list).",
        )
    folder, bawaan = folders[name]
    return load(folder, bawaan)


# -- reading one ----------------------------------------------------------------------------


def load(folder: Path, bawaan: bool = False) -> Profil:
    """The profile in `folder`, checked: a ProfilError names the file and the place."""
    path = folder / PROFIL_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfilError(
            f"profil ekspor tidak sah: bukan TOML yang sah ({exc}).",
            code=ErrorCode.PROFIL_TIDAK_SAH,
            path=path,
            hint=_LEARN,
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfilError(
            f"profil ekspor tidak dapat dibaca ({exc}).",
            code=ErrorCode.PROFIL_TIDAK_TERBACA,
            path=path,
        ) from None
    check = _Check(path)
    top = check.table(data, "", {"nama", "deskripsi", "berkas"}, {"deskripsi", "berkas"})
    nama = check.text(top, "nama", "", required=False) or folder.name
    if nama != folder.name:
        check.fail("", f"'nama' = '{nama}' tidak sama dengan nama foldernya '{folder.name}'")
    files = check.array(top, "berkas", "")
    return Profil(
        nama=folder.name,
        deskripsi=check.text(top, "deskripsi", "") or "",
        folder=folder,
        berkas=tuple(check.berkas(f, f"berkas[{i + 1}]") for i, f in enumerate(files)),
        bawaan=bawaan,
    )


_LEARN = "Lihat templates/ekspor/README.md untuk isi profil.toml."


class _Check:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = path.parent

    def fail(self, where: str, message: str) -> NoReturn:
        place = f"{where}: " if where else ""
        raise ProfilError(
            f"profil ekspor tidak sah: {place}{message}.",
            code=ErrorCode.PROFIL_TIDAK_SAH,
            path=self.path,
            hint=_LEARN,
        )

    def table(
        self, value: Any, where: str, allowed: set[str], required: set[str]
    ) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "harus berupa tabel TOML")
        unknown = sorted(set(value) - allowed)
        if unknown:
            self.fail(where, f"kunci tidak dikenal: {', '.join(unknown)} "
                      f"(yang dikenal: {', '.join(sorted(allowed))})")  # fmt: skip
        missing = sorted(required - set(value))
        if missing:
            self.fail(where, f"kunci wajib belum ada: {', '.join(missing)}")
        return value

    def text(
        self, table: Mapping[str, Any], key: str, where: str, required: bool = True
    ) -> str | None:
        value = table.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(_at(where, key), "harus berupa teks yang tidak kosong")
        return str(value)

    def array(self, table: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = table.get(key)
        if not isinstance(value, list) or not value:
            self.fail(_at(where, key), "harus berupa daftar yang tidak kosong")
        return list(value)

    def berkas(self, value: Any, where: str) -> Berkas:
        keys = {"nama", "jenis", "lembar", "sumber", "kolom", "pemisah", "desimal"}
        table = self.table(value, where, keys, {"nama", "jenis"})
        nama = self.text(table, "nama", where) or ""
        self.placeholders(nama, {"tahun"}, _at(where, "nama"))
        if "/" in nama or "\\" in nama or nama.startswith("."):
            self.fail(_at(where, "nama"), f"'{nama}' harus nama berkas saja, tanpa folder")
        jenis = table.get("jenis")
        if jenis == "csv":
            if "lembar" in table:
                self.fail(where, "berkas csv tidak punya 'lembar': beri 'sumber' dan 'kolom'")
            if not nama.endswith(".csv"):
                self.fail(_at(where, "nama"), f"'{nama}' harus berakhiran .csv")
            lembar: tuple[Lembar, ...] = (self.lembar(table, where, csv=True),)
            pemisah = table.get("pemisah", ",")
            if pemisah not in PEMISAH:
                self.fail(_at(where, "pemisah"), f"'{pemisah}' bukan salah satu dari , ; tab")
            desimal = table.get("desimal")
            if desimal not in (None, ".", ","):
                self.fail(_at(where, "desimal"), f"'{desimal}' bukan . atau ,")
            return Berkas(nama, "csv", lembar, PEMISAH[pemisah], desimal)
        if jenis == "xlsx":
            for key in ("sumber", "kolom", "pemisah", "desimal"):
                if key in table:
                    self.fail(_at(where, key), "hanya untuk berkas csv (xlsx: di setiap 'lembar')")
            if not nama.endswith(".xlsx"):
                self.fail(_at(where, "nama"), f"'{nama}' harus berakhiran .xlsx")
            sheets = self.array(table, "lembar", where)
            lembar = tuple(self.lembar(s, f"{where}.lembar[{i + 1}]") for i, s in enumerate(sheets))
            names = [s.nama for s in lembar if s.per is None]
            if len(set(names)) != len(names):
                self.fail(where, "nama lembar ada yang sama")
            return Berkas(nama, "xlsx", lembar)
        self.fail(_at(where, "jenis"), f"'{jenis}' bukan xlsx atau csv")

    def lembar(self, value: Any, where: str, csv: bool = False) -> Lembar:
        keys = {"nama", "sumber", "kolom", "per", "templat"}
        # a csv's one table: its keys are checked with the berkas' own
        table = value if csv else self.table(value, where, keys, set())
        nama = "" if csv else self.text(table, "nama", where) or ""
        templat = None if csv else self.text(table, "templat", where, required=False)
        if templat is not None:
            if "sumber" in table or "kolom" in table or "per" in table:
                self.fail(where, "lembar dengan 'templat' tidak punya 'sumber', 'kolom' atau 'per'")
            if not (self.folder / templat).is_file():
                self.fail(_at(where, "templat"), f"berkas '{templat}' tidak ada di folder profil")
            self.sheet_name(nama, where)
            return Lembar(nama=nama, templat=templat)
        sumber = self.text(table, "sumber", where)
        if sumber not in FIELDS:
            self.fail(_at(where, "sumber"), f"'{sumber}' bukan sumber yang dikenal "
                      f"({', '.join(FIELDS)})")  # fmt: skip
        fields = FIELDS[str(sumber)]
        per = None if csv else self.text(table, "per", where, required=False)
        if per is not None and per not in fields:
            self.fail(_at(where, "per"), f"'{per}' bukan kolom sumber '{sumber}'")
        if not csv:
            self.placeholders(nama, set(fields) if per else set(), _at(where, "nama"))
            if per is None:
                self.sheet_name(nama, where)
        columns = self.array(table, "kolom", where)
        kolom = tuple(
            self.kolom(c, f"{where}.kolom[{i + 1}]", str(sumber)) for i, c in enumerate(columns)
        )
        return Lembar(nama=nama, sumber=sumber, kolom=kolom, per=per)

    def kolom(self, value: Any, where: str, sumber: str) -> Kolom:
        table = self.table(value, where, {"judul", "isi", "desimal", "lebar"}, {"judul", "isi"})
        judul, isi = self.text(table, "judul", where) or "", self.text(table, "isi", where) or ""
        if isi not in FIELDS[sumber]:
            self.fail(_at(where, "isi"), f"'{isi}' bukan kolom sumber '{sumber}' (yang ada: "
                      f"{', '.join(FIELDS[sumber])})")  # fmt: skip
        desimal, lebar = table.get("desimal"), table.get("lebar")
        if desimal is not None and (not isinstance(desimal, int) or not 0 <= desimal <= 10):
            self.fail(_at(where, "desimal"), "harus bilangan bulat 0 sampai 10")
        if lebar is not None and (not isinstance(lebar, int | float) or not 1 <= lebar <= 255):
            self.fail(_at(where, "lebar"), "harus angka 1 sampai 255")
        return Kolom(judul, isi, desimal, float(lebar) if lebar is not None else None)

    def placeholders(self, text: str, allowed: set[str], where: str) -> None:
        for name in PLACEHOLDER.findall(text):
            if name not in allowed:
                known = ", ".join("{" + a + "}" for a in sorted(allowed)) or "(tidak ada)"
                self.fail(where, f"'{{{name}}}' tidak dikenal di sini (yang boleh: {known})")

    def sheet_name(self, nama: str, where: str) -> None:
        if len(nama) > 31 or SHEET_FORBIDDEN.search(nama):
            self.fail(_at(where, "nama"), f"'{nama}' bukan nama lembar Excel (paling banyak "
                      "31 karakter, tanpa : \\ / ? * [ ])")  # fmt: skip


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
