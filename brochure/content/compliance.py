"""Compliance rules: reference format, dates in the brochure's language, review status,
expiry, and the obligatory blocks of promotional material."""

from __future__ import annotations

import re
from datetime import date

from brochure.content.model import Brochure
from brochure.content.yamlpos import Located, dotted
from brochure.errors import Issue

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
          "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
          "december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
          "dezembro",
    "sv": "januari februari mars april maj juni juli augusti september oktober november "
          "december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "pl": "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik "
          "listopad grudzień",
}
PLACEHOLDERS = re.compile(r"^(TBC|TBD|XX-?0+|0+|[A-Z]{2}-0+|PLACEHOLDER|N/?A)$", re.IGNORECASE)
WATERMARKS = {
    "draft": "DRAFT — NOT FOR DISTRIBUTION",
    "in-review": "FOR REVIEW — NOT FOR DISTRIBUTION",
    "expired": "EXPIRED — DO NOT USE",
}
EXPIRY_WARNING_DAYS = 30
DEFAULT_PATTERN = r"^[A-Z]{2}-\d{4,8}$"


def parse_month(text: str) -> tuple[int, int] | None:
    """(year, month) from "July 2025", "Jul 2025", "2025-07" or "2025-07-14"."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", text)
    if m and 1 <= int(m[2]) <= 12:
        return int(m[1]), int(m[2])
    m = re.fullmatch(r"([^\W\d]+)\.? (\d{4})", text)
    if m:
        word = m[1].lower()
        for names in MONTHS.values():
            for n, name in enumerate(names.split(), 1):
                if word == name.lower() or (len(word) >= 3 and name.lower().startswith(word)):
                    return int(m[2]), n
    return None


def month_in(language: str, year: int, month: int) -> str:
    """"July 2025" in the brochure's language (English where we have no month names)."""
    names = MONTHS.get(language.split("-")[0], MONTHS["en"]).split()
    return f"{names[month - 1]} {year}"


def display_date(b: Brochure, text: str) -> str:
    parsed = parse_month(text)
    return month_in(b.language, *parsed) if parsed else text


def watermark(b: Brochure) -> str | None:
    return WATERMARKS.get(b.compliance.status)


def compliance_issues(b: Brochure, located: Located, pattern: str, today: date) -> list[Issue]:
    """Every compliance problem (errors and warnings) of the content."""
    issues: list[Issue] = []
    c = b.compliance

    def problem(path: tuple, message: str, severity: str = "error") -> None:
        line, col = located.where(path)
        issues.append(Issue(message, located.file, line, col, dotted(path), severity))

    if c.status == "approved" and PLACEHOLDERS.match(c.veeva_id):
        problem(("compliance", "veeva_id"), f"'{c.veeva_id}' is a placeholder — approved "
                "material needs its real reference number")
    elif not re.fullmatch(pattern, c.veeva_id):
        form = ("two capital letters, a hyphen and 4 to 8 digits, e.g. GB-68353"
                if pattern == DEFAULT_PATTERN else f"the company's format {pattern}")
        problem(("compliance", "veeva_id"), f"'{c.veeva_id}' is not a valid reference number "
                f"({form}) — copy it from the review system")
    for key in ("date_of_preparation", "date_last_revised", "expiry_date"):
        value = getattr(c, key)
        if value and parse_month(value) is None:
            problem(("compliance", key), f"'{value}' is not a month and year — write it as "
                    "July 2025 or 2025-07")
    _expiry(b, today, problem)
    _promotional(b, problem)
    return issues


def _expiry(b: Brochure, today: date, problem) -> None:
    c = b.compliance
    parsed = parse_month(c.expiry_date) if c.expiry_date else None
    if not parsed:
        return
    expires = _end_of_month(*parsed)
    path = ("compliance", "expiry_date")
    if expires < today and c.status == "approved":
        problem(path, f"the material expired at the end of {c.expiry_date} — it cannot be "
                "built as approved; set status: expired, or renew it in the review system")
    elif 0 <= (expires - today).days <= EXPIRY_WARNING_DAYS and c.status == "approved":
        problem(path, f"expires in {(expires - today).days} days ({c.expiry_date}) — plan "
                "its re-approval", "warning")


def _end_of_month(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def _promotional(b: Brochure, problem) -> None:
    if b.compliance.material_type != "promotional":
        return
    if not b.prescribing_information:
        problem(("compliance", "material_type"), "promotional material must carry prescribing "
                "information — add prescribing_information: {text: ...} or {url: ...}")
    if not b.adverse_events:
        problem(("compliance", "material_type"), "promotional material must carry the "
                "adverse-event reporting statement — add adverse_events: \"...\"")
