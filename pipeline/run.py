"""The batch: inbox -> files -> documents -> fields -> reconciliation -> outputs."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import __version__
from .errors import ConfigError
from .ingest import Skipped, scan_inbox
from .ocr import check_tesseract
from .process import FileResult, process_all
from .reconcile import Reconciliation, reconcile
from .reference import Reference
from .report.csv_files import write_csv_files
from .report.evidence_images import write_evidence
from .report.html import write_html
from .report.workbook import write_workbook
from .rules import rules_version
from .schema import Extraction, SourceFile
from .text import TextSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunResult:
    files: tuple[SourceFile, ...]
    skipped: tuple[Skipped, ...]
    results: tuple[FileResult, ...]
    extractions: tuple[Extraction, ...]
    reconciliation: Reconciliation
    out: Path
    started: datetime


@dataclass(frozen=True)
class RunInfo:
    """What the reports print about the run itself."""

    inbox: str
    reference: str
    rate: str
    started: str
    pipeline_version: str
    rules_version: str
    tesseract: str
    notices: tuple[str, ...] = ()


def reference_notices(reference: Reference) -> tuple[str, ...]:
    """Warnings about the reference itself, shown at the top of the report."""
    notices = []
    sample = [e for e in reference.entries if "sample" in e.inhabitants_status.lower()]
    if sample:
        notices.append(f"Let op: de referentie bevat voor {len(sample)} gemeenten verzonnen voorbeeldcijfers "
                       "(SAMPLE DATA), geen CBS-cijfers. Gebruik deze uitkomst niet voor facturen.")
    unknown = [e for e in reference.entries if e.inhabitants is None]
    if unknown:
        notices.append(f"{len(unknown)} van {len(reference.entries)} gemeenten hebben geen CBS-inwonertal in de "
                       "referentie: hun verschuldigde bedrag is onbekend en ze kunnen niet compleet zijn. "
                       "Geef de CBS-tabel (StatLine 03759ned, 1-1-2022) mee met --reference.")
    return tuple(notices)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run_batch(inbox: Path, out: Path, reference: Reference, workers: int = 0, cache_dir: Path | None = None,
              settings: TextSettings | None = None,
              progress: Callable[[FileResult], None] | None = None,
              on_scan: Callable[[int], None] | None = None) -> RunResult:
    if not inbox.is_dir():
        raise ConfigError(f"inbox {inbox} bestaat niet of is geen map")
    settings = settings or TextSettings()
    tesseract = check_tesseract(settings.ocr.lang)
    if out.resolve().is_relative_to(inbox.resolve()):
        raise ConfigError("de uitvoermap mag niet in de inbox liggen: de inbox wordt nooit gewijzigd")
    out.mkdir(parents=True, exist_ok=True)
    started = datetime.now().astimezone()
    files, skipped = scan_inbox(inbox)
    if on_scan:
        on_scan(len(files))
    cache_dir = cache_dir if cache_dir is not None else out / ".ocr-cache"
    results = tuple(process_all(inbox, files, reference, settings, cache_dir, workers or default_workers(),
                                progress))
    extractions = tuple(e for r in results for e in r.extractions)
    rec = reconcile(list(extractions), reference)
    info = RunInfo(str(inbox), reference.source, f"{reference.rate}", started.strftime("%d-%m-%Y %H:%M"),
                   __version__, rules_version(), tesseract, reference_notices(reference))
    evidence = write_evidence(out, list(extractions), rec.findings)
    write_csv_files(out, list(extractions), rec, evidence)
    write_workbook(out / "status.xlsx", list(extractions), rec, info)
    write_html(out / "report.html", list(extractions), rec, info, skipped, inbox)
    return RunResult(tuple(files), tuple(skipped), results, extractions, rec, out, started)
