#!/usr/bin/env bash
# The test command (README): installs what the tests need on a fresh Debian machine with
# Python 3.11 and pip — the Python packages into the virtual environment .venv
# (scripts/venv.sh) — then runs the linters, the type checker and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi

# LibreOffice: the real spreadsheet program the tests open generated files with.
if ! command -v soffice >/dev/null 2>&1; then
  echo "== apt: libreoffice-calc" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    libreoffice-calc fonts-dejavu-core >/dev/null
fi

# WeasyPrint's system libraries (pango), the fonts the documents embed, and pdftotext /
# pdftoppm (poppler-utils) the tests read the PDFs with.
bash scripts/pdf-libs.sh

# LibreOffice Writer: the tests open the Laporan Kinerja's .docx in it and convert it to PDF.
if ! dpkg -s libreoffice-writer >/dev/null 2>&1; then
  echo "== apt: libreoffice-writer" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    libreoffice-writer >/dev/null
fi

# PostgreSQL server: tests/test_store.py starts a throwaway cluster with its initdb/pg_ctl.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  echo "== apt: postgresql" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    postgresql >/dev/null
fi

source scripts/venv.sh
echo "== pip install -e .[dev] (ke .venv)" >&2
"$PY" -m pip install -q --disable-pip-version-check -e '.[dev]'

echo "== ruff" >&2
"$PY" -m ruff check xlkinerja tests scripts
"$PY" -m ruff format --check xlkinerja tests scripts
echo "== mypy" >&2
"$PY" -m mypy xlkinerja
echo "== pytest" >&2
"$PY" -m pytest "$@"
