"""The bundled sample institution, Politeknik Negeri Contoh (see workbooks/contoh/)."""
