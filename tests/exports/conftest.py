"""Export tests read the hand-computed history of tests/services/reports/report_fixture.py and the
expected numbers of tests/documents/reports/report_samples.py (both folders put on ``sys.path``)."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
for folder in (TESTS / "services" / "reports", TESTS / "documents" / "reports"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
