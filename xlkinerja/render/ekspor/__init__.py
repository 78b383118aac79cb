"""Ekspor: the compiled institution written as the files of an export profile
(templates/ekspor/<profil>/profil.toml): profiles (`profil.py`), the compiled workbook read
back (`rekap_read.py`), the xlsx and csv writers (`tulis.py`)."""
