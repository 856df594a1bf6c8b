"""Scheduling: files read and extracted by a pool of worker processes, page tops first, one file at a time in order."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from .documents import pages_needing_full_text
from .errors import InputFileError
from .extraction import CRASH_PREFIX, FileResult, error_result, extract_file
from .ocr import OcrCache
from .reference import Reference
from .schema import FileError, Page, SourceFile
from .text import PagePlan, TextSettings, inspect_file, ocr_page, ocr_page_heads, read_pages

log = logging.getLogger(__name__)
HEAD_BATCH = 8  # page tops read per tesseract run


def process_file(inbox: Path, source: SourceFile, reference: Reference, settings: TextSettings,
                 cache_dir: Path | None) -> FileResult:
    """Read, split and extract one file in this process (every page read in full)."""
    try:
        pages = read_pages(source.locate(inbox), source, settings, OcrCache(cache_dir))
    except InputFileError as exc:
        log.warning("%s: %s", source.path, exc)
        return error_result(source, FileError(exc.kind), str(exc))
    return extract_file(inbox, source, pages, reference)


# --- tasks run in the worker processes -------------------------------------------------------------

def task_inspect(inbox: Path, source: SourceFile, settings: TextSettings) -> list[PagePlan]:
    return inspect_file(source.locate(inbox), source, settings)


def task_ocr(inbox: Path, source: SourceFile, plan: PagePlan, settings: TextSettings,
             cache_dir: Path | None) -> list[Page]:
    try:
        return [ocr_page(source.locate(inbox), source, plan, settings, OcrCache(cache_dir))]
    except InputFileError as exc:
        log.warning("%s p%d: %s", source.path, plan.number, exc)
        return [Page(plan.number, "", (), "ocr", str(exc), 0.0, 0.0, float(settings.dpi), 0, ())]


def task_heads(inbox: Path, source: SourceFile, plans: list[PagePlan], settings: TextSettings,
               cache_dir: Path | None) -> list[Page]:
    try:
        return ocr_page_heads(source.locate(inbox), source, plans, settings, OcrCache(cache_dir))
    except InputFileError as exc:  # unreadable tops: every page will be read in full
        log.warning("%s: %s", source.path, exc)
        return [Page(p.number, "", (), "ocr_head", str(exc), 0.0, 0.0, float(settings.dpi), 0, ()) for p in plans]


def _worker_init() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


class _InlineExecutor(Executor):
    """Runs each task at once in this process: the same scheduler with one worker."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the scheduler like a worker's exception
            future.set_exception(exc)
        return future


@dataclass
class _FileJob:
    """A file on its way through inspect -> (head OCR) -> OCR -> extract."""

    source: SourceFile
    plans: list[PagePlan] = field(default_factory=list)
    heads: dict[int, Page] = field(default_factory=dict)
    pages: dict[int, Page] = field(default_factory=dict)
    waiting: int = 0


class _Scheduler:
    """Page-level parallelism: every page of every file is a task for the pool, in a bounded window."""

    def __init__(self, pool: Executor, inbox: Path, reference: Reference, settings: TextSettings,
                 cache_dir: Path | None, skip_pages: bool) -> None:
        self.pool, self.inbox, self.reference = pool, inbox, reference
        self.settings, self.cache_dir, self.skip_pages = settings, cache_dir, skip_pages
        self.active: dict[Future, tuple[_FileJob, str]] = {}

    def _submit(self, job: _FileJob, stage: str, fn, *args) -> None:
        self.active[self.pool.submit(fn, *args)] = (job, stage)

    def start(self, source: SourceFile) -> None:
        self._submit(_FileJob(source), "inspect", task_inspect, self.inbox, source, self.settings)

    def _ocr(self, job: _FileJob, plans: list[PagePlan], head_only: bool) -> None:
        if head_only:  # tops in batches: one tesseract start per batch
            batches = [plans[i:i + HEAD_BATCH] for i in range(0, len(plans), HEAD_BATCH)]
            job.waiting = len(batches)
            for batch in batches:
                self._submit(job, "head", task_heads, self.inbox, job.source, batch, self.settings,
                             self.cache_dir)
            return
        job.waiting = len(plans)
        for plan in plans:
            self._submit(job, "page", task_ocr, self.inbox, job.source, plan, self.settings,
                         self.cache_dir)

    def _after_inspect(self, job: _FileJob, plans: list[PagePlan]) -> None:
        job.plans = plans
        for plan in plans:
            if plan.text_layer is not None:
                job.pages[plan.number] = plan.text_layer
        to_read = [p for p in plans if p.text_layer is None]
        if not to_read:
            self._extract(job)
        elif self.skip_pages and len(plans) > 2:
            self._ocr(job, to_read, head_only=True)
        else:
            self._ocr(job, to_read, head_only=False)

    def _after_heads(self, job: _FileJob) -> None:
        ordered = [job.pages.get(p.number) or job.heads[p.number] for p in job.plans]
        needed = pages_needing_full_text(ordered)
        for page in ordered:
            if page.source == "ocr_head" and page.number not in needed:
                job.pages[page.number] = page
        full = [p for p in job.plans if p.number not in job.pages]
        if full:
            self._ocr(job, full, head_only=False)
        else:
            self._extract(job)

    def _extract(self, job: _FileJob) -> None:
        pages = [job.pages[p.number] for p in job.plans]
        self._submit(job, "extract", extract_file, self.inbox, job.source, pages, self.reference)

    def handle(self, future: Future) -> FileResult | None:
        """Move a file on by one finished task; returns its result when the file is done."""
        job, stage = self.active.pop(future)
        try:
            value = future.result()
        except InputFileError as exc:
            log.warning("%s: %s", job.source.path, exc)
            return error_result(job.source, FileError(exc.kind), str(exc))
        except Exception as exc:  # a library crashed on this file: report it, never stop the batch
            log.error("%s: onverwachte fout in %s: %s: %s", job.source.path, stage, type(exc).__name__, exc)
            return error_result(job.source, FileError.UNREADABLE,
                                 f"{CRASH_PREFIX}: {type(exc).__name__}: {exc}")
        if stage == "inspect":
            self._after_inspect(job, value)
        elif stage in ("head", "page"):
            for page in value:
                (job.heads if stage == "head" else job.pages)[page.number] = page
            job.waiting -= 1
            if job.waiting == 0:
                self._after_heads(job) if stage == "head" else self._extract(job)
        else:
            return value
        return None


def process_all(inbox: Path, sources: list[SourceFile], reference: Reference, settings: TextSettings,
                cache_dir: Path | None, workers: int,
                progress: Callable[[FileResult], None] | None = None,
                skip_pages: bool = True) -> Iterator[FileResult]:
    """Results per file as they finish; the pages of all files are read in parallel by `workers` processes.

    At most a few files are open at a time, so memory stays flat however large the inbox.
    """
    pool: Executor = (ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) if workers > 1
                      else _InlineExecutor())
    queue = list(sources)
    open_files = 0
    window = max(2, 2 * workers)
    with pool:
        scheduler = _Scheduler(pool, inbox, reference, settings, cache_dir, skip_pages)
        while queue or scheduler.active:
            while queue and open_files < window:
                scheduler.start(queue.pop(0))
                open_files += 1
            done, _ = wait(list(scheduler.active), return_when=FIRST_COMPLETED)
            for future in done:
                result = scheduler.handle(future)
                if result is not None:
                    open_files -= 1
                    if progress:
                        progress(result)
                    yield result
