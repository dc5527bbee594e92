#!/usr/bin/env bash
# Installs everything counter_app needs into ./.venv (and, with --test, the Debian packages
# the test suite uses: PostgreSQL server, poppler-utils, xvfb). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

need_debs=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
if [ "$want_test" = 1 ]; then
  # x11-utils: xwininfo, which the frozen build's test uses to see its first window on Xvfb.
  for pkg in postgresql poppler-utils xvfb xauth x11-utils; do have "$pkg" || need_debs+=("$pkg"); done
fi
# Qt's xcb/offscreen platforms need these shared libraries on a minimal Debian (libcups2: its
# print-support plugin, which the self-test loads).
for pkg in libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0 \
    libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
    libxcb-xkb1 libcups2; do have "$pkg" || need_debs+=("$pkg"); done
if [ "${#need_debs[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages: ${need_debs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_debs[@]}" >/dev/null
  else
    echo "Missing Debian packages (run as root or: sudo apt-get install ${need_debs[*]})" >&2
  fi
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ "$want_test" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test,build]"
else
  .venv/bin/python -m pip install -q -e .
fi
