"""The documents xlkinerja writes for people to sign and read: the Perjanjian Kinerja (PDF)
and chapter III of the Laporan Kinerja (xlsx, docx, PDF). HTML from the jinja2 templates of
`templates/dokumen/`, made into PDF by WeasyPrint (`pdf.py`)."""
