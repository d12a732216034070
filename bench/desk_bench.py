"""Desk speed on a 10,000-source desk: open time and full-text search, beside their targets.

Usage: python bench/desk_bench.py [--sources N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deskgen import build_desk

from briefs.desk import open_desk

QUERIES = ["ministry", "water grid", "ransomware breach", "sen", "percent million", "treaty summit emissions"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=10_000)
    args = parser.parse_args()
    path = build_desk(args.sources)

    # Open in a fresh process each time: what a user's `briefs` or TUI start pays.
    code = (
        "import time; t=time.perf_counter(); from briefs.desk import open_desk; "
        f"d=open_desk({str(path)!r}); d.list_sources(limit=50); d.count_sources(); "
        "print((time.perf_counter()-t)*1000)"
    )
    opens = [float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(7)]
    with open_desk(path) as desk:
        t = time.perf_counter()
        desk.list_sources(limit=50)
        warm_open = (time.perf_counter() - t) * 1000
        times = []
        for _ in range(5):
            for query in QUERIES:
                for k in range(1, len(query) + 1):  # as typed, keystroke by keystroke
                    t = time.perf_counter()
                    desk.search_sources(query[:k])
                    times.append((time.perf_counter() - t) * 1000)
        count = desk.count_sources()
    times.sort()
    p95 = times[int(len(times) * 0.95)]
    print(f"desk: {count} sources, {path.stat().st_size / 2**20:.0f} MB")
    print(f"{'measure':<44}{'Briefs':>12}{'target':>12}")
    print(f"{'open + first page, fresh process (median)':<44}{statistics.median(opens):>9.1f} ms{'< 200 ms':>12}")
    print(f"{'first page, warm':<44}{warm_open:>9.1f} ms")
    print(f"{'full-text search per keystroke (median)':<44}{statistics.median(times):>9.1f} ms{'< 30 ms':>12}")
    print(f"{'full-text search per keystroke (p95)':<44}{p95:>9.1f} ms{'< 30 ms':>12}")
    print(f"{'full-text search per keystroke (max)':<44}{times[-1]:>9.1f} ms")


if __name__ == "__main__":
    main()
