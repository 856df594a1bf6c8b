"""The batch: inbox -> files -> documents -> fields -> reconciliation -> outputs."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import __version__
from .decisions import Decision, apply_decisions
from .digital_trust import TrustPolicy, judge_all
from .errors import ConfigError
from .extraction import FileResult
from .ingest import Skipped, scan_inbox
from .ocr import check_tesseract
from .reconcile import Reconciliation, reconcile
from .reference import Reference
from .report.csv_files import write_csv_files
from .report.evidence_images import write_evidence
from .report.html import write_html
from .report.reminders import write_reminders
from .report.workbook import write_workbook
from .rule_check import check_rules
from .rules import rules_version
from .scheduling import FILE_TIMEOUT, process_all
from .schema import Extraction, SourceFile
from .state import StateStore, version_key
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
    files_read: int = 0  # files read in this run; the others came from the state store
    stale: tuple[Decision, ...] = ()  # review decisions whose document has changed since

    @property
    def crashed(self) -> tuple[FileResult, ...]:
        """Files the program failed on (a crashed library or worker process), not through their own fault."""
        return tuple(r for r in self.results if r.crashed)


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


@dataclass(frozen=True)
class RunOptions:
    """How a batch is run; none of these change what a correct reading gives."""

    workers: int = 0  # 0: one per core
    cache_dir: Path | None = None  # OCR cache; default OUT/.ocr-cache
    state_path: Path | None = None  # results by file hash; default OUT/state.sqlite
    force: bool = False  # read every file again
    skip_pages: bool = True  # read covenant and cover-letter pages by their top only
    wait_seconds: float = 0.0  # how long to wait for another run that holds the state
    trust: TrustPolicy = field(default_factory=TrustPolicy)  # without roots no digital signature counts alone
    file_timeout: float = FILE_TIMEOUT  # seconds one file may take; then it is reported unreadable


def run_batch(inbox: Path, out: Path, reference: Reference, options: RunOptions | None = None,
              settings: TextSettings | None = None,
              progress: Callable[[FileResult], None] | None = None,
              on_scan: Callable[[int], None] | None = None) -> RunResult:
    options = options or RunOptions()
    if not inbox.is_dir():
        raise ConfigError(f"inbox {inbox} bestaat niet of is geen map")
    settings = settings or TextSettings()
    tesseract = check_tesseract(settings.ocr.lang)
    if out.resolve().is_relative_to(inbox.resolve()):
        raise ConfigError("de uitvoermap mag niet in de inbox liggen: de inbox wordt nooit gewijzigd")
    check_rules(reference)  # once, before any worker starts and before anything is written
    out.mkdir(parents=True, exist_ok=True)
    started = datetime.now().astimezone()
    with StateStore(options.state_path or out / "state.sqlite", options.wait_seconds) as store:
        files, skipped = scan_inbox(inbox, out / "bijlagen")
        if on_scan:
            on_scan(len(files))
        version = version_key(settings, reference, options.skip_pages)
        done: dict[str, FileResult] = {}
        if not options.force:
            for f in files:
                stored = store.get(f, version)
                if stored is not None:
                    done[f.path] = stored
                    if progress:
                        progress(stored)
        to_read = [f for f in files if f.path not in done]
        cache_dir = options.cache_dir if options.cache_dir is not None else out / ".ocr-cache"
        for result in process_all(inbox, to_read, reference, settings, cache_dir,
                                  options.workers or default_workers(), progress, options.skip_pages,
                                  options.file_timeout):
            if not result.crashed:
                store.put(result, version)  # a crash is tried again next run, a bad file is not
            done[result.source.path] = result
        results = tuple(done[f.path] for f in files)
        extractions = tuple(judge_all([e for r in results for e in r.extractions], options.trust, reference))
        applied = apply_decisions(list(extractions), store.decisions())
        rec = reconcile(applied.extractions, reference, applied.accepted)
        store.save_findings(rec.findings, applied.stale)
    info = RunInfo(str(inbox), reference.source, f"{reference.rate}", started.strftime("%d-%m-%Y %H:%M"),
                   __version__, rules_version(), tesseract, reference_notices(reference))
    shown = applied.extractions + applied.rejected  # a rejected document stays listed, but counts for nothing
    evidence = write_evidence(out, shown, rec.findings)
    write_csv_files(out, shown, rec, evidence)
    reminders = write_reminders(out / "herinneringen", rec, reference)
    write_workbook(out / "status.xlsx", shown, rec, info, applied, reminders)
    write_html(out / "report.html", shown, rec, info, skipped, inbox, applied)
    return RunResult(tuple(files), tuple(skipped), results, tuple(applied.extractions), rec, out, started,
                     len(to_read), tuple(applied.stale))
