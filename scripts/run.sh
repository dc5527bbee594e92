#!/usr/bin/env bash
# ONE command: set everything up and start counter_app on the embedded SQLite database
# (demo office, users, catalogue and dossiers are created on the first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/counter-app --demo-if-empty "$@"
