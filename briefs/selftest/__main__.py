"""`python -m briefs.selftest [--quick] [--verbose]`: prints the totals line; exits 1 if anything broke."""

from __future__ import annotations

import argparse
import sys

from briefs.selftest import run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefs.selftest", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer damaged files and kills (about 10 s)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--verbose", "-v", action="store_true", help="say what each part did")
    args = parser.parse_args(argv)
    # The quick run also shortens the render limit (30 s) to 3 s for the template bombs that run into it.
    sizes = dict(mutations=60, export_kills=3, desk_kills=2, saves=15, docx_samples=4, pdf_kills=1, new_desks=4,
                 render_seconds=3.0) if args.quick else {}
    say = (lambda line: print(f"  {line}", file=sys.stderr)) if args.verbose else (lambda _: None)
    totals = run(seed=args.seed, say=say, **sizes)
    for problem in totals.problems[:20]:
        print(problem, file=sys.stderr)
    print(totals.line())
    print(totals.detail())
    return 0 if totals.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
