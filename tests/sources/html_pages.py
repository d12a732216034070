"""Test pages written for Briefs: realistic news-page structure around an original short article."""

from __future__ import annotations

import json
from typing import Any

PARAGRAPHS = [
    "The Department for Digital Infrastructure on Tuesday published a plan to protect regional hospitals "
    "from ransomware, after a year in which 41 health trusts reported attacks that disrupted appointments.",
    '"We cannot allow criminal gangs to hold patients to ransom," the minister, Priya Raman, told reporters '
    "at a hospital in Leeds. The plan sets aside 120 million pounds over three years for audits and backups.",
    "Officials said the first audits would begin in April and that every trust would have to test its "
    "offline backups twice a year. Trusts that fail an audit will receive a named adviser from the agency.",
    "Critics said the money was too little for the scale of the problem. Tom Ellery, who chairs the "
    "hospital managers' association, said most trusts still ran software that was no longer supported.",
    "The agency said it had seen a 30 percent rise in attempted intrusions since January, most of them "
    "phishing e-mails aimed at staff who handle payroll and supplier invoices.",
]


def ld(data: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", **data})}</script>'


def meta(prop: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{prop}" content="{content}">'


def page(
    *,
    title: str = "Hospitals get cyber plan",
    head: str = "",
    h1: str | None = "Hospitals get cyber plan",
    byline: str = "",
    before_article: str = "",
    lang: str = "en",
    paragraphs: list[str] | None = None,
) -> bytes:
    """A news page: site header and navigation, an article with headline, byline and body, a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs if paragraphs is not None else PARAGRAPHS))
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ("World", "Politics", "Business", "Tech"))
    headline = f'<h1 class="headline">{h1}</h1>' if h1 else ""
    html = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{head}
</head><body>
<header class="site-header"><a class="logo" href="/">Home</a><nav><ul>{nav}</ul></nav></header>
{before_article}
<main><article>
{headline}
{byline}
<div class="article-body">
{body}
</div>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Water firms fined over leaks</a></li></ul></aside>
</main>
<footer><p>Copyright 2024. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""
    return html.encode("utf-8")
