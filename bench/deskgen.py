"""Generate a large desk for benchmarks: N synthetic news-like sources, cached by size in /tmp."""

from __future__ import annotations

import random
import time
from pathlib import Path

from briefs.desk import open_desk
from briefs.model import NewSource, SourceKind, SourceMeta

# One long string reads better than a 90-item list literal.
WORDS = (
    "ministry agency council senator minister utility network grid water port election budget tariff "
    "researchers analysts officials regulator court ruling sanctions ransomware breach outage reform "
    "inflation subsidy pipeline refinery vaccine hospital teachers union strike parliament coalition "
    "defence treaty summit emissions drought harvest export import shipping satellite spectrum privacy "
    "the a of to in and said on for with that by from at as is was will would could has have had "
    "percent million billion year month week Tuesday Monday report plan rule law bill vote deal talks"
).split()
OUTLETS = ["The Meridian Ledger", "City Wire", "Harbour Post", "Northern Courier", "Policy Daily"]


def article(rng: random.Random, words: int) -> tuple[str, str]:
    title = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
    paragraphs = []
    remaining = words
    while remaining > 0:
        n = min(remaining, rng.randint(40, 90))
        sentence = " ".join(rng.choice(WORDS) for _ in range(n))
        paragraphs.append(sentence.capitalize() + f" {rng.randint(2, 99)} percent.")
        remaining -= n
    return title, title + "\n\n" + "\n\n".join(paragraphs)


def build_desk(count: int = 10_000, words: int = 600, folder: Path = Path("/tmp/briefs-bench")) -> Path:
    """A desk with `count` sources; reused when it already exists."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"desk-{count}-{words}.sqlite"
    if path.exists():
        return path
    tmp = path.with_suffix(".partial")
    for leftover in folder.glob(tmp.name + "*"):
        leftover.unlink()
    rng = random.Random(count)
    t0 = time.perf_counter()
    with open_desk(tmp) as desk:
        for i in range(count):
            title, text = article(rng, words)
            desk.add_source(
                NewSource(
                    kind=SourceKind.HTML,
                    origin=f"https://news.example/{i}",
                    text=f"{text}\n\nItem {i}.",
                    meta=SourceMeta(
                        title=title,
                        publication=rng.choice(OUTLETS),
                        published=f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        url=f"https://news.example/{i}",
                    ),
                )
            )
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(path)
    print(f"(built {path} with {count} sources in {time.perf_counter() - t0:.1f} s)")
    return path
