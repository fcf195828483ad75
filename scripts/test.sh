#!/usr/bin/env bash
# Installs what the tests need (Python packages, Debian's chromium for the browser tests) and
# runs the linter and every test. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# chromium drives the browser tests; DejaVu is the font the PDF exports embed.
if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
bash scripts/setup.sh requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
