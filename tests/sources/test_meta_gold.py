"""Citation metadata on real saved pages, against hand-made gold (tests/sources/fixtures/outlet_gold.json).

The pages are evaluation data outside the project (/work/shared/eval/pages, or BRIEFS_EVAL_PAGES); the
test skips when they are absent. The floors sit a little under what the importer reaches, so that a
change which loses a class of pages fails here.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from briefs.sources.html import load_html

PAGES = Path(os.environ.get("BRIEFS_EVAL_PAGES", "/work/shared/eval/pages")) / "benchmark-dev"
GOLD = Path(__file__).parent / "fixtures" / "outlet_gold.json"
FLOORS = {"outlet": 0.95, "author": 0.95, "date": 0.95}

pytestmark = pytest.mark.skipif(not (PAGES / "ground-truth.json").is_file(), reason="evaluation pages not present")


def _outlet_key(name: str | None) -> str | None:
    # "The Hill" and "Hill", "cleveland.com" and "Cleveland" are the same citation.
    if not name:
        return None
    key = re.sub(r"^the\s+", "", name.casefold().strip())
    key = re.sub(r"\.(?:com|co\.uk|ca|ru|info|org|net|in)$", "", key)
    return re.sub(r"[\W_]+", "", key) or None


def _author_key(names: str | None) -> tuple[str, ...] | None:
    if not names:
        return None
    return tuple(sorted(" ".join(n.split()).casefold() for n in re.split(r";|,|\band\b", names) if n.strip()))


def test_outlet_author_and_date_reach_their_floors_on_annotated_pages() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    hits = dict.fromkeys(FLOORS, 0)
    counts = dict.fromkeys(FLOORS, 0)
    misses: list[str] = []
    for page_id, want in gold.items():
        data = (PAGES / "html" / f"{page_id}.html").read_bytes()
        meta = load_html(data, origin=f"{page_id}.html", url=truth[page_id]["url"]).meta
        got = {
            "outlet": _outlet_key(meta.publication),
            "author": _author_key(meta.author),
            "date": meta.published,
        }
        wanted = {
            "outlet": _outlet_key(want["outlet"]),
            "author": _author_key(want.get("author")),
            "date": want.get("date"),
        }
        for name in FLOORS:
            if name == "outlet" or name in want:
                counts[name] += 1
                if got[name] == wanted[name]:
                    hits[name] += 1
                else:
                    misses.append(f"{page_id[:12]} {name}: {got[name]!r} != {wanted[name]!r}")
    assert len(gold) >= 60
    for name, floor in FLOORS.items():
        assert hits[name] / counts[name] >= floor, "\n".join(misses)
