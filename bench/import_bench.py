"""Articles per second: Briefs' HTML import next to trafilatura's bare_extraction alone, same pages, one run.

    python bench/import_bench.py [DIR] [--rounds N]

DIR holds saved pages (*.html, *.htm); without it the bench writes its own: realistic news pages of
about 50-150 KB (head scripts and styles, navigation, JSON-LD and OpenGraph, an article with byline,
related links, comments, footer). The anchor is bare_extraction(html, url=..., with_metadata=True) on the
raw bytes; Briefs' overhead over it must stay under 10%. Both run interleaved, page by page, so that
load from other processes on the machine hits both alike.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import random
import sys
import time
from pathlib import Path

WORDS = str.split(
    "government minister agency hospital security ransomware attack plan budget million percent officials "
    "said report council data network systems staff patients audit backup software policy public sector "
    "services funding critics warned year week local national digital infrastructure regulators companies "
    "industry investment strategy response incident threat risk training guidance protection critical"
)
FIRST = ["Jane", "Priya", "Tom", "Amara", "Lukas", "Mei", "Carlos", "Fatima", "Oliver", "Grace"]
LAST = ["Doe", "Raman", "Ellery", "Okafor", "Brandt", "Chen", "Ruiz", "Haddad", "Stone", "Whitfield"]
OUTLETS = ["The Example Post", "Northern Ledger", "Daily Courier", "Metro Tribune", "Harbour Times"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    text = " ".join(sentence(rng, rng.randint(8, 24)) for _ in range(rng.randint(3, 6)))
    if rng.random() < 0.4:
        text += f' "{sentence(rng, 12)[:-1]}," {rng.choice(FIRST)} {rng.choice(LAST)} said.'
    return text


def make_page(rng: random.Random, index: int) -> tuple[bytes, str]:
    outlet = rng.choice(OUTLETS)
    host = outlet.lower().replace("the ", "").replace(" ", "") + ".com"
    url = f"https://www.{host}/2024/0{rng.randint(1, 9)}/1{rng.randint(0, 9)}/story-{index}"
    headline = sentence(rng, rng.randint(7, 13))[:-1]
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    date = f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T0{rng.randint(0, 9)}:30:00Z"
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": headline,
            "datePublished": date,
            "author": [{"@type": "Person", "name": author}],
            "publisher": {"@type": "Organization", "name": outlet},
        }
    )
    style = (
        "<style>" + "".join(f".c{i}{{margin:{i}px;padding:{i % 7}px;color:#{i:06x}}}" for i in range(400)) + "</style>"
    )
    script = "<script>" + "".join(f"window.cfg{i}={{id:{i},flag:true,name:'x{i}'}};" for i in range(500)) + "</script>"
    nav = "".join(f'<li class="nav-item"><a href="/section/{w}">{w.title()}</a></li>' for w in WORDS[:40])
    related = "".join(
        f'<li><a href="/2024/story-{rng.randint(1, 9999)}">{sentence(rng, 9)}</a></li>'
        for _ in range(rng.randint(10, 30))
    )
    body = "".join(f"<p>{paragraph(rng)}</p>\n" for _ in range(rng.randint(8, 22)))
    comments = "".join(
        f'<div class="comment"><span class="comment-author">user{i}</span><p>{sentence(rng, 15)}</p></div>'
        for i in range(rng.randint(0, 25))
    )
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{headline} | {outlet}</title>
<meta property="og:title" content="{headline}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{date}"><meta name="author" content="{author}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{ld}</script>{style}{script}
</head><body><header class="site-header"><a class="logo" href="/">{outlet}</a><nav><ul>{nav}</ul></nav></header>
<main><article><h1 class="headline">{headline}</h1>
<div class="byline">By <a rel="author" href="/author/x">{author}</a> <time datetime="{date}">{date[:10]}</time></div>
<div class="article-body">{body}</div></article>
<aside class="related"><h2>Most read</h2><ul>{related}</ul></aside>
<section class="comments"><h2>Comments</h2>{comments}</section></main>
<footer><ul>{nav}</ul><p>Copyright 2024 {outlet}. All rights reserved.</p></footer>{script}</body></html>"""
    data = html.encode("utf-8")
    # Pad with more scripts and navigation to the size real news pages have (50-150 KB).
    target = rng.randint(50_000, 150_000)
    while len(data) < target:
        data = data.replace(b"</body>", (script + f"<div class='ad'>{nav}</div>").encode() + b"</body>", 1)
    return data, url


def load_pages(folder: Path | None, count: int) -> list[tuple[bytes, str | None]]:
    if folder is None:
        rng = random.Random(20240305)
        return [make_page(rng, i) for i in range(count)]
    files = sorted([*folder.glob("*.html"), *folder.glob("*.htm")])
    if not files:
        sys.exit(f"{folder}: no .html or .htm files")
    return [(path.read_bytes(), None) for path in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", nargs="?", type=Path, help="folder of saved pages (default: generated pages)")
    parser.add_argument("--pages", type=int, default=40, help="how many pages to generate (default 40)")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the pages (default 5)")
    args = parser.parse_args(argv)

    logging.disable(logging.CRITICAL)
    from trafilatura import bare_extraction

    from briefs.errors import ImportFailed
    from briefs.sources.html import load_html

    pages = load_pages(args.dir, args.pages)
    size = sum(len(data) for data, _ in pages) / len(pages) / 1024

    def briefs_import(data: bytes, url: str | None) -> None:
        with contextlib.suppress(ImportFailed):
            load_html(data, origin="bench", url=url)

    def trafilatura_alone(data: bytes, url: str | None) -> None:
        bare_extraction(data, url=url, with_metadata=True)

    for data, url in pages[:3]:  # warm up imports and caches
        briefs_import(data, url)
        trafilatura_alone(data, url)
    # Per page, the fastest of the rounds: other processes on a shared machine only ever add time, so
    # the minimum is the figure least disturbed by them, and it is taken alike for both.
    best = {"briefs": [float("inf")] * len(pages), "trafilatura": [float("inf")] * len(pages)}
    for round_number in range(args.rounds):
        for index, (data, url) in enumerate(pages):
            order = [("briefs", briefs_import), ("trafilatura", trafilatura_alone)]
            if (index + round_number) % 2:
                order.reverse()
            for name, func in order:
                start = time.perf_counter()
                func(data, url)
                best[name][index] = min(best[name][index], time.perf_counter() - start)
    spent = {name: sum(times) for name, times in best.items()}
    rate = {name: len(pages) / seconds for name, seconds in spent.items()}
    overhead = (spent["briefs"] / spent["trafilatura"] - 1) * 100
    source = str(args.dir) if args.dir else f"{len(pages)} generated pages"
    print(f"pages: {source}, mean {size:.0f} KB, best of {args.rounds} rounds per page")
    print(f"{'':28}{'articles/s':>12}")
    print(f"{'Briefs load_html':28}{rate['briefs']:12.1f}")
    print(f"{'trafilatura bare_extraction':28}{rate['trafilatura']:12.1f}")
    print(f"overhead of Briefs: {overhead:+.1f}% (limit +10%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
