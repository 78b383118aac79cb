"""Ekspor: the compiled institution written as the files of an export profile
(templates/ekspor/<profil>/profil.toml): profiles (`profil.py`), the xlsx and csv writers
(`tulis.py`). The compiled workbook is read back by sources/rekap.py."""
