"""Report PDF tests: ``report_fixture.py`` (tests/services/reports) builds the hand-computed history.

That folder is put on ``sys.path`` here (its modules are imported by name, as pytest's "prepend"
import mode does for the tests that live there); nothing is copied.
"""

from __future__ import annotations

import sys
from pathlib import Path

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "services" / "reports"
if str(FIXTURE_DIR) not in sys.path:
    sys.path.insert(0, str(FIXTURE_DIR))
