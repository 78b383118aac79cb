"""Everything xlkinerja writes for people and programs, rendered from the model: the
templates (`template/`), the compiled workbook (`rekap/`), the cascade tree (`pohon/`),
the documents (`dokumen/`), the export profiles (`ekspor/`), findings written back into a
workbook (`annotate/`); the fast sheet writer and the shared strings they share."""
