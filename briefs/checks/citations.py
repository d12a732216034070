"""Do a rendered brief's footnote citations all resolve? Run on the Markdown the export writes from."""

from __future__ import annotations

import re

from briefs.checks.report import Finding

_REF = re.compile(r"(?<!\\)\[\^([^\]\s]+)\](?!:)")
_DEF = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)


def check_rendered_citations(markdown: str) -> list[Finding]:
    """An error for each footnote reference with no definition (a citation that points nowhere), a warning
    for each definition nothing cites."""
    defined = set(_DEF.findall(markdown))
    cited = set(_REF.findall(markdown))
    findings = [
        Finding("error", "citation-unresolved", f"[^{ref}]",
                f"the document cites [^{ref}] but has no footnote or Sources entry for it",
                fix="check the template prints a footnote for every cited source")
        for ref in sorted(cited - defined)
    ]
    findings += [
        Finding("warning", "citation-unused", f"[^{ref}]", f"footnote [^{ref}] is never cited in the text",
                fix="remove it, or cite it where it is used")
        for ref in sorted(defined - cited)
    ]
    return findings
