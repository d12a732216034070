"""`python -m briefs.selftest` runs and prints the totals line, with zeros where zeros are promised."""

from __future__ import annotations

import re
import subprocess
import sys


def test_the_selftest_prints_its_totals_with_no_crash_corruption_or_loss() -> None:
    done = subprocess.run([sys.executable, "-m", "briefs.selftest", "--quick"], capture_output=True, text=True,
                          timeout=1200)  # a hang guard: the quick run takes a few minutes
    assert done.returncode == 0, done.stderr
    totals = re.search(r"inputs tried: (\d+), crashes: (\d+), corrupted desks: (\d+), lost writes: (\d+)", done.stdout)
    assert totals, done.stdout
    tried, crashes, corrupted, lost = map(int, totals.groups())
    assert tried > 100
    assert (crashes, corrupted, lost) == (0, 0, 0)
    assert "torn exports: 0" in done.stdout
