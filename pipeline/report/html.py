"""report.html: one self-contained page in Dutch for the relation manager."""

from __future__ import annotations

import base64
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..decisions import Applied
from ..ingest import Skipped
from ..labels import CODE_NL, DOC_TYPE_NL, FILE_ERROR_NL, STATUS_NL
from ..reconcile import Reconciliation, euro
from ..schema import DocType, Extraction, Status
from .csv_files import write_atomic
from .evidence_images import crop_of, index
from .safe_text import visible


def _euro(value: Decimal | None) -> str:
    return "" if value is None else euro(value)


def _number(value: int | None) -> str:
    return "" if value is None else format_decimal(value, locale="nl_NL")


def _shown(ex: Extraction, field: str) -> str:
    """A field's value as the reviewer reads it."""
    value = ex.value(field)
    if value is None:
        return "niet gelezen"
    if field == "signed":
        return "handtekening gevonden" if value else "geen handtekening gevonden"
    if field == "amount":
        return _euro(value)  # type: ignore[arg-type]
    if field == "inhabitants":
        return _number(value)  # type: ignore[arg-type]
    if field == "date":
        return value.strftime("%d-%m-%Y")  # type: ignore[attr-defined]
    return str(value)


def _finalize(value: Any) -> Any:
    """Every value the page shows: text from outside with its bidi and control characters shown, not obeyed."""
    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def _env() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True,
                      finalize=_finalize)
    env.filters.update(euro=_euro, number=_number,
                       nldate=lambda d: d.strftime("%d-%m-%Y") if d else "")
    return env


def write_html(path: Path, extractions: list[Extraction], rec: Reconciliation, info: Any,
               skipped: list[Skipped] | tuple[Skipped, ...], inbox: Path, applied: Applied) -> None:
    counts = rec.counts()
    by_doc = index(extractions)

    def crop(finding):
        found = crop_of(finding, by_doc)
        if found is None:
            return None
        ex, png = found
        return {"src": "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
                "value": _shown(ex, finding.field)}

    html = _env().get_template("report.html.j2").render(
        info=info, statuses=rec.statuses, findings=rec.findings, extractions=extractions,
        skipped=skipped, counts=counts, total=len(rec.statuses), Status=Status, DocType=DocType,
        STATUS_NL=STATUS_NL, DOC_TYPE_NL=DOC_TYPE_NL, CODE_NL=CODE_NL,
        errors=sum(1 for f in rec.findings if f.severity.value == "error"),
        warnings=sum(1 for f in rec.findings if f.severity.value == "warning"),
        crop=crop, stale=applied.stale, rejected={id(e) for e in applied.rejected}, id=id, FILE_ERROR_NL=FILE_ERROR_NL,
        notices=info.notices)
    write_atomic(path, html.encode("utf-8"))
