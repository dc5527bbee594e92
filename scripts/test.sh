#!/usr/bin/env bash
# ONE command: set everything up (venv, packages, PostgreSQL) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export COUNTER_APP_TEST_PG_URL
COUNTER_APP_TEST_PG_URL=$(bash scripts/pg_server.sh start)
trap 'bash scripts/pg_server.sh stop' EXIT
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
