"""Shared helpers: time a function and report it as a ratio to a baseline run alongside."""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from dataclasses import dataclass, field


@dataclass
class Measurement:
    name: str
    seconds: float
    baseline: str
    baseline_seconds: float
    details: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds if self.baseline_seconds else float("inf")

    def to_json(self) -> dict:
        return {"name": self.name, "seconds": self.seconds, "baseline": self.baseline,
                "baseline_seconds": self.baseline_seconds, "ratio": self.ratio, **self.details}


def best_time(function, repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs: the least disturbed by other work on the machine."""
    timings = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"median": statistics.median(ordered), "p95": p95}


def peak_memory(function) -> int:
    """Peak bytes allocated by Python while ``function`` runs."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
