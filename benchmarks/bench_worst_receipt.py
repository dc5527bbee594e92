"""Benchmark: the worst receipt the text limits allow (issue 14), beside a bare reportlab canvas.

Run: ``.venv/bin/python benchmarks/bench_worst_receipt.py [--runs N]``

The receipt of the bundled catalogue's heaviest case (the most text in its procedure name, case
name and documents), with every field the officer types at its limit (``domain/text_limits.py``):
a 200-character name, a 500-character address, a 500-character postal address for the result. It is
drawn in every layout; the baseline, timed in the same interleaved loop, is a bare canvas drawing
the same text as single lines (no wrapping, no table, no page breaks): the floor reportlab allows.
Target: every layout well under a second (≤ 500 ms median).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_receipt_pdf import receipt  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from counter_app.documents.fonts import REGULAR, register_fonts  # noqa: E402
from counter_app.documents.receipt import render_receipt  # noqa: E402
from counter_app.documents.slip_data import ApplicantInfo, DocumentLine, OfficeInfo, ReceiptData  # noqa: E402
from counter_app.domain import text_limits  # noqa: E402
from counter_app.services.catalog import read_records  # noqa: E402
from counter_app.services.demo import DEFAULT_CATALOG  # noqa: E402

TARGET_MS = 500.0
OFFICE = OfficeInfo("UBND TỈNH THANH HÓA", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Thanh Hóa")


def words(limit: int, seed: str) -> str:
    """Vietnamese words up to exactly ``limit`` characters (wrapping needs spaces to break at)."""
    text = ""
    while len(text) < limit:
        text += seed + " "
    return text[:limit]


def heaviest_case() -> tuple[str, str, tuple[DocumentLine, ...]]:
    """The catalogue's procedure case with the most text on a receipt."""
    best: tuple[int, str, str, tuple[DocumentLine, ...]] = (0, "", "", ())
    for record in read_records([DEFAULT_CATALOG]):
        for case in record.cases:
            docs = tuple(
                DocumentLine(d.name, d.original_qty, d.copy_qty)
                for d in case.documents
                if d.kind in ("submit", "show")
            )
            weight = len(record.name) + len(case.name) + sum(len(d.name) for d in docs)
            if weight > best[0]:
                best = (weight, record.name, case.name, docs)
    return best[1], best[2], best[3]


def worst_receipt(seq: int, name: str, case: str, docs: tuple[DocumentLine, ...]) -> ReceiptData:
    """bench_receipt_pdf's receipt, with the heaviest case and every typed field at its limit."""
    return replace(
        receipt(seq),
        office=OFFICE,
        applicant=ApplicantInfo(
            words(text_limits.NAME, "Nguyễn Thị Ánh Hồng"),
            "038186001234",
            words(text_limits.ADDRESS, "Số 12 đường Lê Lợi phường Hạc Thành"),
            "0912 345 678",
        ),
        procedure_name=name,
        case_name=case,
        documents=docs,
        return_method="Qua dịch vụ bưu chính: " + words(text_limits.ADDRESS, "thôn Đông xã Quảng Phú"),
    )


def bare_canvas(data: ReceiptData, layout: str) -> bytes:
    """The same text, one unwrapped line each, on as many pages as it takes."""
    width, height, size = {"a4": (210, 297, 13), "a5": (148, 210, 10), "thermal80": (80, 200, 8.5)}[layout]
    a = data.applicant
    lines = [
        OFFICE.unit_name,
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Tiếp nhận hồ sơ của: Ông/Bà {a.full_name}",
        f"Địa chỉ: {a.address}",
        f"Nội dung yêu cầu giải quyết: {data.procedure_name} ({data.case_name})",
        *(f"{i} {d.name} {d.original_qty:02d} {d.copy_qty:02d}" for i, d in enumerate(data.documents, 1)),
        f"6. Đăng ký nhận kết quả tại: {data.return_method}",
        f"{a.full_name}    {data.receiving_officer}",
    ]
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=(width * mm, height * mm), invariant=1, initialFontName=REGULAR)
    for _copy in range(2 if layout == "a4" else 1):
        y = height * mm - 15 * mm
        for line in lines:
            if y < 15 * mm:
                canv.showPage()
                y = height * mm - 15 * mm
            canv.setFont(REGULAR, size)
            canv.drawString(10 * mm, y, line)
            y -= size * 1.4
        canv.showPage()
    canv.save()
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    register_fonts()
    name, case, docs = heaviest_case()
    print(
        f"Worst receipt: {len(docs)} documents, {sum(len(d.name) for d in docs)} characters of document names,"
    )
    print(f"a {len(name)}-character procedure name, every typed field at its limit; {args.runs} runs each\n")
    print(f"{'layout':<12}{'counter_app ms':>16}{'bare canvas ms':>16}{'ratio':>8}{'pages':>7}")
    worst = 0.0
    for layout in ("a4", "a5", "thermal80"):
        ours: list[float] = []
        bare: list[float] = []
        pdf = b""
        for seq in range(args.runs + 2):
            data = worst_receipt(seq, name, case, docs)
            sides = [
                (ours, lambda d=data, lay=layout: render_receipt(d, lay)),
                (bare, lambda d=data, lay=layout: bare_canvas(d, lay)),
            ]
            for times, draw in sides if seq % 2 == 0 else reversed(sides):
                start = time.perf_counter()
                out = draw()
                if seq >= 2:  # two warm-up runs
                    times.append((time.perf_counter() - start) * 1000)
                if times is ours:
                    pdf = out
        median, floor = statistics.median(ours), statistics.median(bare)
        worst = max(worst, median)
        print(
            f"{layout:<12}{median:>16.1f}{floor:>16.1f}{median / floor:>7.1f}x{pdf.count(b'/Type /Page') - 1:>7}"
        )
    ok = worst <= TARGET_MS
    print(
        f"\nTarget: median ≤ {TARGET_MS:.0f} ms in every layout: worst {worst:.1f} ms → {'PASS' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
