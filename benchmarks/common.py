"""Timing helpers shared by the benchmark scripts (no assertions: they print figures)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 5) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def median_over(fn: Callable[[object], object], inputs: Sequence[object], warmup: int = 5) -> float:
    for item in inputs[:warmup]:
        fn(item)
    samples = []
    for item in inputs:
        start = time.perf_counter()
        fn(item)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def medians_interleaved(
    fns: Sequence[Callable[[object], object]], inputs: Sequence[object], rounds: int = 3
) -> list[float]:
    """Median milliseconds of each function over ``inputs``, run side by side.

    Every input goes through all the functions in turn, after one untimed pass over all of them,
    so a noisy neighbour on a shared machine slows each side alike instead of skewing a ratio.
    """
    for item in inputs:
        for fn in fns:
            fn(item)
    samples: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for item in inputs:
            for fn, into in zip(fns, samples, strict=True):
                start = time.perf_counter()
                fn(item)
                into.append((time.perf_counter() - start) * 1000)
    return [statistics.median(s) for s in samples]


def table(
    rows: list[tuple[str, str, str, str]],
    header: tuple[str, str, str, str] = ("measure", "counter_app", "raw baseline", "target"),
) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *rows]]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
