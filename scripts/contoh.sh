#!/usr/bin/env bash
# The main job (README): installs xlkinerja (and, with apt, the system libraries its PDFs
# need) and runs it on the bundled sample institution. Usage: bash scripts/contoh.sh [FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-hasil}"
bash scripts/pdf-libs.sh
python3 -m pip install -q --disable-pip-version-check .
python3 -m xlkinerja contoh --output "$output"
