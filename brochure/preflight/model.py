"""The preflight's data: one Finding per problem, a Report of them with its verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One thing found: a rule id, how bad it is, where (page 0 = document) and what to do."""

    rule: str
    severity: str  # "error" | "warning" | "info"
    page: int
    object: str
    message: str


@dataclass
class Report:
    """All findings for one PDF, in page order."""

    path: str
    pages: int
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def verdict(self) -> str:
        if self.count("error"):
            return "fail"
        return "warnings" if self.count("warning") else "pass"

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "pages": self.pages,
            "verdict": self.verdict,
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "seconds": round(self.seconds, 4),
            "findings": [asdict(f) for f in self.findings],
        }
