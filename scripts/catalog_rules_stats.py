"""Counts behind docs/catalog-rules.md: how the portal records in a folder fall under each rule.

.venv/bin/python scripts/catalog_rules_stats.py tests/fixtures/dvcqg
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from counter_app.services.catalog_portal import GENERAL_CASE, group_kind, record_from_portal


def main(folder: Path) -> None:
    groups, records_by_group, kinds, required = Counter(), Counter(), Counter(), Counter()
    zero_zero = Counter()
    records = cases = several_cases = general = with_case_terms = fallback = linked_none = 0
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))["data"]
        seen = set()
        for raw in data.get("executionCases") or []:
            kind = group_kind(str(raw.get("name") or ""))
            groups[kind] += 1
            seen.add(kind)
            for c in raw.get("profileComponents") or []:
                if not (c.get("originalQty") or 0) and not (c.get("copyQty") or 0):
                    zero_zero["entries"] += 1
        for kind in seen:
            records_by_group[kind] += 1
        rec = record_from_portal(data)
        records += 1
        cases += len(rec.cases)
        several_cases += len(rec.cases) > 1
        general += any(c.name == GENERAL_CASE for c in rec.cases)
        with_case_terms += bool(rec.case_terms)
        if rec.case_terms and any(ch.unit == "none" for ch in rec.channels):
            fallback += 1
            linked_none += len({(t["amount"], t["unit"]) for t in rec.case_terms}) > 1
        # Lines counted once per record (a common part is repeated in every case).
        lines = {
            (d.part, d.name, d.kind, d.required, d.original_qty, d.copy_qty)
            for c in rec.cases
            for d in c.documents
        }
        for _, _, kind, req, o, c in lines:
            kinds[kind] += 1
            required[(kind, req)] += 1
            if o == 0 and c == 0:
                zero_zero[kind] += 1
    print(
        f"records {records}; intake cases {cases}; records with several cases {several_cases}; "
        f"with a '{GENERAL_CASE}' case {general}"
    )
    print("groups by kind:", dict(groups), "— records having each kind:", dict(records_by_group))
    print(
        "lines by kind:",
        dict(kinds),
        "— required:",
        {f"{k}/{r}": n for (k, r), n in sorted(required.items())},
    )
    print("0 originals and 0 copies:", dict(zero_zero))
    print(
        f"records stating terms per case {with_case_terms}; used because a channel's term is not "
        f"computable {fallback} (of which with several distinct terms: {linked_none})"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/dvcqg"))
