#!/usr/bin/env bash
# The main job (README): installs xlkinerja into the virtual environment .venv (and, with
# apt, the system libraries its PDFs need) and runs it on the bundled sample institution.
# Usage: bash scripts/contoh.sh [FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-hasil}"
bash scripts/pdf-libs.sh
source scripts/venv.sh
"$PY" -m pip install -q --disable-pip-version-check .
"$PY" -m xlkinerja contoh --output "$output"
echo "xlkinerja terpasang di .venv: jalankan 'source .venv/bin/activate' lalu 'xlkinerja --help'." >&2
