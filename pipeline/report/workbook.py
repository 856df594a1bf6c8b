"""status.xlsx for the relation manager: status, exceptions and documents, coloured by status."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..decisions import Applied
from ..labels import DOC_TYPE_NL, STATUS_NL
from ..reconcile import Reconciliation
from ..schema import DocType, Extraction, Status
from .csv_files import write_atomic
from .reminders import Reminder
from .safe_text import safe_cell

FILLS = {
    Status.COMPLETE: PatternFill("solid", fgColor="C6EFCE"),
    Status.EXCEPTION: PatternFill("solid", fgColor="FFEB9C"),
    Status.MISSING: PatternFill("solid", fgColor="FFC7CE"),
}
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
EURO = '€ #,##0.00'
SIGNATURE_NL = {"ink": "inkt", "digital": "digitaal", "digital+ink": "digitaal en inkt"}


def _sheet(ws: Worksheet, headers: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    for row in rows:
        ws.append([safe_cell(v) for v in row])  # text from outside: visible, never a formula
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def write_workbook(path: Path, extractions: list[Extraction], rec: Reconciliation, info: Any,
                   applied: Applied, reminders: list[Reminder]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Status"
    _sheet(ws, ["Gemeente", "Status", "Inwoners (CBS 1-1-2022)", "Verwacht bedrag", "Gelezen bedrag",
                "Ondertekenaar", "Datum", "Bevindingen", "Documenten"],
           [[s.municipality, STATUS_NL[s.status], s.inhabitants, s.expected_amount, s.amount_read,
             s.signatory, s.date, ", ".join(s.issues), "; ".join(s.documents)] for s in rec.statuses],
           [24, 14, 14, 16, 16, 24, 12, 40, 60])
    for r, s in enumerate(rec.statuses, start=2):
        ws.cell(r, 2).fill = FILLS[s.status]
        for c in (4, 5):
            ws.cell(r, c).number_format = EURO
        ws.cell(r, 7).number_format = "dd-mm-yyyy"
        if s.amount_read is not None and s.expected_amount is not None and s.amount_read != s.expected_amount:
            ws.cell(r, 5).fill = ERROR_FILL

    ws = wb.create_sheet("Uitzonderingen")
    _sheet(ws, ["Ernst", "Code", "Gemeente", "Bestand", "Toelichting", "ID", "Beoordeling"],
           [["fout" if f.severity.value == "error" else "waarschuwing", f.code, f.municipality, f.file, f.message,
             f.id, f.accepted_by or "open"] for f in rec.findings], [12, 22, 20, 40, 100, 12, 40])
    for r, f in enumerate(rec.findings, start=2):
        if f.severity.value == "error":
            ws.cell(r, 1).fill = ERROR_FILL

    ws = wb.create_sheet("Documenten")
    rows = []
    for e in extractions:
        rows.append([e.file.path, e.pages, DOC_TYPE_NL[e.doc_type], e.municipality,
                     str(e.value("signatory") or ""), e.date, e.amount, e.inhabitants,
                     ("ja" if e.signed else "nee") if e.doc_type is DocType.AGREEMENT and not e.error else "",
                     e.confidence, e.error.value if e.error else "", SIGNATURE_NL.get(e.signature_kind, ""),
                     e.file.sender, e.file.sent[:10]])
    _sheet(ws, ["Bestand", "Pagina's", "Soort", "Gemeente", "Ondertekenaar", "Datum", "Bedrag", "Inwoners",
                "Getekend", "Zekerheid", "Fout", "Handtekening", "Afzender", "Verstuurd"], rows,
           [40, 9, 18, 20, 24, 12, 14, 12, 10, 10, 12, 16, 28, 12])
    for r in range(2, len(rows) + 2):
        ws.cell(r, 6).number_format = "dd-mm-yyyy"
        ws.cell(r, 7).number_format = EURO
        ws.cell(r, 10).number_format = "0%"

    ws = wb.create_sheet("Beslissingen")
    decided = [(d, "toegepast") for d in applied.decisions] + [
        (d, "VEROUDERD: document gewijzigd, niet toegepast") for d in applied.stale]
    _sheet(ws, ["Bevinding", "Actie", "Veld", "Waarde", "Reden", "Door", "Op", "Gemeente", "Bestand", "Toestand"],
           [[d.finding_id, d.action, d.field, d.value, d.reason, d.by, d.at[:16], d.municipality, d.file, state]
            for d, state in decided], [12, 10, 12, 16, 50, 18, 17, 20, 40, 40])

    ws = wb.create_sheet("Herinneringen")
    _sheet(ws, ["Gemeente", "Status", "Wat ontbreekt of klopt niet", "Concept-e-mail"],
           [[r.municipality, STATUS_NL[r.status], r.what, f"herinneringen/{r.file}"] for r in reminders or []],
           [24, 14, 80, 40])

    ws = wb.create_sheet("Over deze run")
    for key, value in [("Inbox", info.inbox), ("Referentie", info.reference), ("Bijdrage per inwoner", info.rate),
                       ("Gestart", info.started), ("Versie pipeline", info.pipeline_version),
                       ("Versie regels", info.rules_version), ("Tesseract", info.tesseract)]:
        ws.append([key, safe_cell(value)])
    for notice in info.notices:
        ws.append(["Let op", safe_cell(notice)])
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 22, 80
    buf = io.BytesIO()
    wb.save(buf)
    write_atomic(path, buf.getvalue())
