#!/usr/bin/env bash
# Linux one-folder build of packaging/counter_app.spec: packaging/dist/counter_app/ holding
# counter-app and counter-cli. Then the frozen self-test. Usage: bash packaging/build.sh
# (after scripts/setup.sh --test, which installs PyInstaller into .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath packaging/dist --workpath packaging/build packaging/counter_app.spec
du -sh packaging/dist/counter_app
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} packaging/dist/counter_app/counter-cli self-test
