"""Benchmark: receipt PDF generation (form 01) in steady state, beside a bare reportlab canvas.

Run: ``.venv/bin/python benchmarks/bench_receipt_pdf.py [--runs N]``

For each layout: warm-up runs, then N timed runs of ``render_receipt``; each run uses a new dossier
code so that the per-code caches (Code 128 pattern, QR matrix) do not flatter the result. The
baseline, timed in the same loop, is a bare reportlab canvas with the same fonts drawing the same
lines of text (no wrapping, no tables) and the same barcode (reportlab's own Code 128 widget, plus
its QR on A4/A5). Target: median ≤ 30 ms per receipt.
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import reportlab  # noqa: E402
from reportlab.graphics.barcode.code128 import Code128  # noqa: E402
from reportlab.graphics.barcode.qr import QrCodeWidget  # noqa: E402
from reportlab.graphics.shapes import Drawing  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from counter_app.documents.fonts import BOLD, REGULAR, register_fonts  # noqa: E402
from counter_app.documents.receipt import render_receipt  # noqa: E402
from counter_app.documents.slip_data import ApplicantInfo, DocumentLine, FeeLine, OfficeInfo, ReceiptData  # noqa: E402

TARGET_MS = 30.0
TZ = timezone(timedelta(hours=7))
OFFICE = OfficeInfo(
    "UBND TỈNH THANH HÓA", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Thanh Hóa", hotline="0237 3 722 999"
)
DOCS = (
    DocumentLine("Văn bản đề nghị đăng ký nội quy lao động", 1, 0),
    DocumentLine("Nội quy lao động", 1, 0),
    DocumentLine("Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)", 1, 0),
    DocumentLine("Các văn bản của người sử dụng lao động có quy định liên quan đến kỷ luật lao động", 1, 1),
)


def receipt(seq: int) -> ReceiptData:
    """The benchmark receipt; ``seq`` makes every dossier code different."""
    return ReceiptData(
        office=OFFICE,
        dossier_code=f"000.17.22.H56-261123-{seq % 10000:04d}",
        applicant=ApplicantInfo(
            "Nguyễn Thị Ánh Hồng", "038186001234", "Số 12, Đường Lê Lợi, phường Hạc Thành", "0912 345 678"
        ),
        procedure_name="Đăng ký nội quy lao động của doanh nghiệp",
        documents=DOCS,
        legal_term_text="07 ngày làm việc",
        received_at=datetime(2026, 11, 23, 16, 10, tzinfo=TZ),
        appointment_at=datetime(2026, 11, 27, 16, 0, tzinfo=TZ),
        return_method="Tại Bộ phận Một cửa",
        receiving_officer="Trần Văn Đức",
        fees=(FeeLine("Phí thẩm định", 150_000),),
        register_book=1,
        register_seq=seq,
    )


def bare_canvas(data: ReceiptData, layout: str) -> bytes:
    """Same text and barcode drawn line by line on a plain canvas: the floor reportlab allows."""
    width, height, size = {"a4": (210, 297, 13), "a5": (148, 210, 10), "thermal80": (80, 200, 8.5)}[layout]
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=(width * mm, height * mm), invariant=1, initialFontName=REGULAR)
    a = data.applicant
    lines = [
        OFFICE.governing_body,
        OFFICE.unit_name,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Thanh Hóa, ngày 23 tháng 11 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Tiếp nhận hồ sơ của: Ông/Bà {a.full_name}",
        f"Địa chỉ: {a.address}",
        f"Số điện thoại: {a.phone}",
        f"Nội dung yêu cầu giải quyết: {data.procedure_name}",
        *(f"{i} {d.name} {d.original_qty:02d} {d.copy_qty:02d}" for i, d in enumerate(data.documents, 1)),
        "2. Số lượng hồ sơ: 01 bộ",
        f"3. Thời gian giải quyết hồ sơ theo quy định là: {data.legal_term_text}",
        "4. Thời gian nhận hồ sơ: 16 giờ 10 phút, ngày 23/11/2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, Thứ Sáu, ngày 27/11/2026",
        f"6. Đăng ký nhận kết quả tại: {data.return_method}",
        "7. Phí, lệ phí: Phí thẩm định: 150.000 đồng",
        "NGƯỜI NỘP HỒ SƠ    NGƯỜI TIẾP NHẬN HỒ SƠ",
        f"{a.full_name}    {data.receiving_officer}",
    ]
    for _copy in range(2 if layout == "a4" else 1):
        y = height * mm - 15 * mm
        for i, line in enumerate(lines):
            canv.setFont(BOLD if i in (1, 2, 3, 5) else REGULAR, size)
            canv.drawString(10 * mm, y, line)
            y -= size * 1.4
            if i == 5:
                bars = Code128(data.dossier_code, barWidth=0.254 * mm, barHeight=12 * mm, humanReadable=True)
                bars.drawOn(canv, 10 * mm, y - 14 * mm)
                if layout != "thermal80":
                    qr = Drawing(20 * mm, 20 * mm)
                    qr.add(QrCodeWidget(data.dossier_code, barWidth=20 * mm, barHeight=20 * mm))
                    qr.drawOn(canv, width * mm - 35 * mm, y - 14 * mm)
                y -= 18 * mm
        canv.showPage()
    canv.save()
    return buf.getvalue()


def timed(
    fns: tuple[Callable[[int], bytes], ...], runs: int, warmup: int
) -> list[tuple[list[float], list[float], int]]:
    """Wall-clock and CPU milliseconds of each function's timed calls, and its last output's size.

    The sides are interleaved call by call (their order swapped every run), so a noisy neighbour
    on a shared machine slows both alike instead of skewing the ratio. CPU time is printed too
    because a shared machine's wall clock includes waiting for a core.
    """
    for seq in range(warmup):
        for fn in fns:
            fn(seq)
    results: list[tuple[list[float], list[float], int]] = [([], [], 0) for _ in fns]
    for seq in range(warmup, warmup + runs):
        order = range(len(fns)) if seq % 2 == 0 else reversed(range(len(fns)))
        for i in order:
            start, start_cpu = time.perf_counter(), time.process_time()
            size = len(fns[i](seq))
            cpu = (time.process_time() - start_cpu) * 1000
            wall, cpus, _ = results[i]
            wall.append((time.perf_counter() - start) * 1000)
            cpus.append(cpu)
            results[i] = (wall, cpus, size)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="timed runs per layout (≥ 50)")
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()
    runs = max(50, args.runs)
    chosen = register_fonts()
    try:
        import _rl_accel  # noqa: F401  (C accelerator of reportlab, optional package rl_accel)

        accel = "yes"
    except ImportError:
        accel = "no (pip install rl_accel: ~20 % faster)"
    print(f"Receipt PDF benchmark: {runs} runs after {args.warmup} warm-up runs per layout")
    print(
        f"python {platform.python_version()}, reportlab {reportlab.Version}, rl_accel {accel}, "
        f"font {chosen.label} ({chosen.source})\n"
    )
    header = f"{'layout':<16}{'what':<14}{'median ms':>10}{'p90 ms':>9}{'min ms':>9}{'cpu med':>9}{'KB':>7}"
    print(header)
    print("-" * len(header))
    worst = 0.0
    ratios: dict[str, float] = {}
    for layout, label in (("a4", "a4 (2 copies)"), ("a5", "a5"), ("thermal80", "thermal80")):
        (ours, ours_cpu, ours_size), (bare, bare_cpu, bare_size) = timed(
            (
                lambda s, lay=layout: render_receipt(receipt(s), lay),
                lambda s, lay=layout: bare_canvas(receipt(s), lay),
            ),
            runs,
            args.warmup,
        )
        rows = (("counter_app", ours, ours_cpu, ours_size), ("bare canvas", bare, bare_cpu, bare_size))
        for what, times, cpu, size in rows:
            q = statistics.quantiles(times, n=10)
            print(
                f"{label if what == 'counter_app' else '':<16}{what:<14}{statistics.median(times):>10.1f}"
                f"{q[-1]:>9.1f}{min(times):>9.1f}{statistics.median(cpu):>9.1f}{size / 1024:>7.0f}"
            )
        ratio = statistics.median(ours) / statistics.median(bare)
        print(f"{'':<16}{'ratio':<14}{ratio:>9.2f}x")
        ratios[layout] = ratio
        if layout != "a5":  # the millisecond target covers the A4 pair and the roll
            worst = max(worst, statistics.median(ours))
    checks = (
        (f"median ≤ {TARGET_MS:.0f} ms (a4 two copies, thermal80): worst {worst:.1f} ms", worst <= TARGET_MS),
        (f"a4 ≤ 1.3× its bare canvas: {ratios['a4']:.2f}×", ratios["a4"] <= 1.3),
        (f"thermal80 ≤ 2× its bare canvas: {ratios['thermal80']:.2f}×", ratios["thermal80"] <= 2.0),
    )
    print()
    for text, ok in checks:
        print(f"Target: {text} → {'PASS' if ok else 'FAIL'}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
