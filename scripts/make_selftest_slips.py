"""Write resources/selftest/slips.json: one sample of every slip kind, for the self-test (issue 12).

    .venv/bin/python scripts/make_selftest_slips.py          # after a slip's data class changes

The samples are the slip tests' own (tests/documents/slip_helpers.py, slip_samples.py), stored as
the archive stores a slip (``registry.dump``). tests/test_selftest.py fails when the file differs
from what this script writes now, so a changed data class cannot leave the shipped samples behind.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "resources" / "selftest" / "slips.json"


def samples_json() -> str:
    sys.path[:0] = [str(REPO / "tests" / "documents"), str(REPO)]
    import slip_samples
    from slip_helpers import guidance_data, receipt_data

    from counter_app.documents.registry import FORMS, dump

    data = {
        "receipt": receipt_data(),
        "guide": guidance_data(),
        "supplement": slip_samples.supplement_data(),
        "refusal": slip_samples.refusal_data(),
        "apology": slip_samples.apology_data(),
        "stop": slip_samples.stop_data(),
        "control": slip_samples.control_data(),
        "register": slip_samples.register_data(),
        "result": slip_samples.result_data(),
        "handover": slip_samples.handover_data(),
    }
    missing = sorted(set(FORMS) - set(data))
    if missing:
        raise SystemExit(f"no sample for the slip kinds {missing}: add them here")
    return (
        json.dumps({kind: dump(value) for kind, value in data.items()}, ensure_ascii=False, indent=1) + "\n"
    )


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(samples_json(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
