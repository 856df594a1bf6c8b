"""The output contract: documents.csv, status.csv and exceptions.csv, written atomically."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from ..normalize import format_amount
from ..reconcile import Reconciliation
from ..schema import DocType, Extraction
from .safe_text import csv_cell

DOCUMENT_COLUMNS = ["file", "pages", "doc_type", "municipality", "signatory", "date", "amount", "inhabitants",
                    "signed", "confidence", "error"]
DOCUMENT_EXTRA_COLUMNS = ["signature", "sender", "sent"]  # after the contract's columns
STATUS_COLUMNS = ["municipality", "inhabitants", "expected_amount", "status", "documents", "issues"]
EXCEPTION_COLUMNS = ["severity", "code", "municipality", "file", "message"]
EXCEPTION_EXTRA_COLUMNS = ["pages", "evidence", "id", "review"]  # after the contract's columns
STATUS_EXTRA_COLUMNS = ["decisions"]  # review decisions (finding IDs, corrected files) the status rests on


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def _csv_bytes(columns: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([csv_cell(c) for c in row] for row in rows)  # a name like '=HYPERLINK(...)' stays text
    return buf.getvalue().encode("utf-8")


def document_row(ex: Extraction) -> list[str]:
    date = ex.date
    inhabitants = ex.inhabitants
    return [
        ex.file.path, ex.pages, ex.doc_type.value, ex.municipality or "", str(ex.value("signatory") or ""),
        date.isoformat() if date else "", format_amount(ex.amount),
        "" if inhabitants is None else str(inhabitants),
        ("yes" if ex.signed else "no") if ex.doc_type is DocType.AGREEMENT and not ex.error else "",
        f"{ex.confidence:.2f}", ex.error.value if ex.error else "",
        ex.signature_kind, ex.file.sender, ex.file.sent,
    ]


def write_csv_files(out: Path, extractions: list[Extraction], rec: Reconciliation,
                    evidence: list[str] | None = None) -> None:
    write_atomic(out / "documents.csv", _csv_bytes(DOCUMENT_COLUMNS + DOCUMENT_EXTRA_COLUMNS,
                                                   [document_row(e) for e in extractions]))
    write_atomic(out / "status.csv", _csv_bytes(STATUS_COLUMNS + STATUS_EXTRA_COLUMNS, [
        [s.municipality, "" if s.inhabitants is None else str(s.inhabitants), format_amount(s.expected_amount),
         s.status.value, ";".join(s.documents), ";".join(s.issues), ";".join(s.decisions)] for s in rec.statuses]))
    evidence = evidence or [""] * len(rec.findings)
    write_atomic(out / "exceptions.csv", _csv_bytes(EXCEPTION_COLUMNS + EXCEPTION_EXTRA_COLUMNS, [
        [f.severity.value, f.code, f.municipality, f.file, f.message, f.pages, crop, f.id, f.accepted_by]
        for f, crop in zip(rec.findings, evidence, strict=True)]))
