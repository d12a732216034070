"""What a check says: findings, each with a severity, the item it is about and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One thing a check found.

    `item` names what it is about: a snippet (`n12`), a source (`s3`), a field or section name, or
    `brief`. `code` is stable (the TUI and `--json` readers key on it); `message` and `fix` are for people.
    """

    severity: Severity
    code: str
    item: str
    message: str
    fix: str = ""
    detail: dict[str, Any] = field(default_factory=dict, compare=False)
    snippet_id: int | None = None
    """The snippet the finding is about, when it is about one (`item` is then its ref)."""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "severity": self.severity,
            "code": self.code,
            "item": self.item,
            "message": self.message,
            "fix": self.fix,
        }
        if self.detail:
            out["detail"] = self.detail
        return out


@dataclass
class Report:
    """Every finding for one brief, errors first."""

    brief: str = ""
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def sort(self) -> None:
        self.findings.sort(key=lambda f: _ORDER[f.severity])

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def infos(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "info"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def by_code(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.code == code]

    def for_item(self, item: str) -> list[Finding]:
        return [f for f in self.findings if f.item == item]

    def for_snippet(self, snippet_id: int) -> list[Finding]:
        return [f for f in self.findings if f.snippet_id == snippet_id]

    @property
    def unverified(self) -> set[int]:
        """Ids of the quotes whose wording is not what their source said (the export gate's list)."""
        return {f.snippet_id for f in self.by_code(UNVERIFIED_CODE) if f.snippet_id is not None}

    def to_json(self) -> dict[str, Any]:
        return {
            "brief": self.brief,
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "infos": len(self.infos),
            "unverified": sorted(self.unverified),
            "stats": self.stats,
            "findings": [f.to_json() for f in self.findings],
        }


UNVERIFIED_CODE = "quote-not-verbatim"
