#!/usr/bin/env bash
# Installs what is needed and starts Dasbor UCJ on its demo database: http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
[ -f data/ucj_demo.duckdb ] || .venv/bin/python -m ucj.build
exec .venv/bin/python -m streamlit run serve.py "$@"
