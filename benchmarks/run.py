"""Run the benchmarks: ``make bench`` or ``python benchmarks/run.py [name ...]``.

Every ``bench_*.py`` module here has ``run() -> list[Measurement]``; each result
is printed as a ratio to a baseline measured in the same run, so numbers from
different machines stay comparable. Results are also written to
``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def discover(names: list[str]) -> list[str]:
    modules = sorted(path.stem for path in HERE.glob("bench_*.py"))
    if names:
        modules = [m for m in modules if any(name in m for name in names)]
    return modules


def main(argv: list[str]) -> int:
    results = []
    for module_name in discover(argv):
        module = importlib.import_module(module_name)
        print(f"== {module_name}: {(module.__doc__ or '').strip().splitlines()[0]}")
        for measurement in module.run():
            results.append(measurement.to_json())
            print(f"   {measurement.name:<48} {measurement.seconds * 1000:10.2f} ms"
                  f"   ×{measurement.ratio:8.2f} of {measurement.baseline}"
                  f" ({measurement.baseline_seconds * 1000:.2f} ms)")
            for key, value in measurement.details.items():
                print(f"      {key}: {value}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
