"""The bundled sample article: an original report written for Briefs, so a new desk is never empty."""

from __future__ import annotations

from importlib import resources

from briefs.model import NewSource, SourceKind, SourceMeta

SAMPLE_FILE = "sample-article.txt"
SAMPLE_META = SourceMeta(
    title="Researchers uncover state-backed spy tool hidden in water utility networks",
    author="Jonas Whitfield",
    publication="The Meridian Ledger",
    published="2026-10-13",
    url="https://meridian-ledger.example/2026/10/13/quiet-harbor-water-utilities",
    language="en",
)


def sample_bytes() -> bytes:
    return resources.files("briefs.data").joinpath(SAMPLE_FILE).read_bytes()


def sample_source() -> NewSource:
    from briefs.sources.text import load_text

    source = load_text(sample_bytes(), origin="sample:" + SAMPLE_FILE, url=SAMPLE_META.url)
    return source.replace(kind=SourceKind.TEXT, meta=SAMPLE_META.replace())
