"""`make bench [ONLY=name]`: runs the benchmark modules, one JSON object per figure.

Each module `bench_<name>.py` has a `run()` that prints its figures through
fixtures.emit(). Benchmarks are measurements, not tests: they never fail on a
budget; the budgets are printed beside the values for the reader."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.webengine_env import allow_webengine_as_root

    allow_webengine_as_root()
    names = sorted(p.stem[len("bench_"):] for p in HERE.glob("bench_*.py"))
    if len(argv) == 1 and argv[0].startswith("="):  # one module exactly: how each child is started
        importlib.import_module(f"tests.benchmarks.bench_{argv[0][1:]}").run()
        return 0
    # A name also stands for its family: ONLY=warnings runs bench_warnings and bench_warnings_map.
    only = [n for a in argv if a for n in ([m for m in names if m == a or m.startswith(a + "_")] or [a])]
    unknown = [n for n in only if n not in names]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(names)}", file=sys.stderr)
        return 2
    chosen = only or names
    if len(chosen) == 1:
        importlib.import_module(f"tests.benchmarks.bench_{chosen[0]}").run()
        return 0
    # Each in a process of its own: one benchmark's memory and threads (QtWebEngine,
    # decoders) must not count in the next one's figures. Named exactly ("=name"):
    # a family name would expand again in the child, which would start it again.
    failed = [name for name in chosen
              if subprocess.run([sys.executable, "-m", "tests.benchmarks.run", "=" + name]).returncode != 0]
    if failed:
        print(f"benchmark(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
