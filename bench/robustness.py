"""The long robustness run: the selftest's hostile corpus, thousands of damaged files, hundreds of Word
documents through openxml-audit, and many SIGKILLed exports and desk writers, over several seeds.

    python bench/robustness.py                 # about 2 minutes on 2 cores
    python bench/robustness.py --scale 0.2     # about 30 seconds

Prints the totals line (inputs tried, crashes, corrupted desks, lost writes) beside the anchor: the
short run `python -m briefs.selftest` does, which must print the same zeros. Exits 1 if anything broke.
"""

from __future__ import annotations

import argparse
import sys
import time

from briefs.selftest import Totals, run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every count by this")
    parser.add_argument("--seeds", type=int, default=3, help="independent rounds, each with its own seed")
    args = parser.parse_args()

    def n(count: int) -> int:
        return max(1, round(count * args.scale))

    grand = Totals()
    started = time.perf_counter()
    for seed in range(args.seeds):
        part = run(mutations=n(2000), export_kills=n(25), desk_kills=n(8), saves=n(100), docx_samples=n(40),
                   seed=1000 + seed, say=lambda line, s=seed: print(f"  seed {s}: {line}", file=sys.stderr))
        for name in ("inputs", "crashes", "broken_rules", "corrupted_desks", "lost_writes", "torn_exports",
                     "kills", "docx_written", "docx_invalid"):
            setattr(grand, name, getattr(grand, name) + getattr(part, name))
        grand.problems += part.problems
        grand.slowest = max(grand.slowest, part.slowest)
        grand.slowest_case = max(grand.slowest_case, part.slowest_case)
        grand.largest_child_mb = max(grand.largest_child_mb, part.largest_child_mb)
    elapsed = time.perf_counter() - started
    for problem in grand.problems[:40]:
        print(problem, file=sys.stderr)
    anchor_started = time.perf_counter()
    anchor = run(seed=0)
    anchor_elapsed = time.perf_counter() - anchor_started
    print(f"{'run':<32} {'seconds':>8}  totals")
    print(f"{'bench/robustness.py':<32} {elapsed:8.1f}  {grand.line()}")
    print(f"{'':<32} {'':>8}  {grand.detail()}")
    print(f"{'anchor: python -m briefs.selftest':<32} {anchor_elapsed:8.1f}  {anchor.line()}")
    return 0 if grand.ok and anchor.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
