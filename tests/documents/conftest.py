"""Slip tests always use the bundled font, so that results do not depend on the machine's fonts."""

from __future__ import annotations

import os

# Must be set before the first slip is rendered (font choice is made once per process).
os.environ["COUNTER_APP_SLIP_FONT"] = "bundled"
