"""Scheduling: files read and extracted by a pool of worker processes, page tops first, one file at a time in order."""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .documents import pages_needing_full_text
from .errors import ConvenantError, InputFileError
from .extraction import FileResult, error_result, extract_file
from .ocr import OcrCache
from .reference import Reference
from .schema import FileError, Page, SourceFile
from .state import forget_inherited_locks
from .text import PagePlan, TextSettings, inspect_file, ocr_page, ocr_page_heads, read_pages

log = logging.getLogger(__name__)
HEAD_BATCH = 8  # page tops read per tesseract run
FILE_TIMEOUT = 1800.0  # seconds a file may take from its first task to its result (pages have their own limit)
_PR_SET_PDEATHSIG = 1


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


def _worker_init(parent: int) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    forget_inherited_locks()
    _die_with(parent)


def _die_with(parent: int) -> None:
    """Linux: the kernel kills this worker when the run that started it dies, however it dies (SIGKILL, the
    OOM killer), so no orphaned worker goes on reading. Elsewhere the worker ends when its queue closes."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the run died before the line above
        os._exit(1)


def _new_pool(workers: int) -> Executor:
    if workers <= 1:
        return _InlineExecutor()
    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),))


class _InlineExecutor(Executor):
    """Runs each task at once in this process: the same scheduler with one worker."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the scheduler like a worker's exception
            future.set_exception(exc)
        return future


@dataclass(eq=False)  # a job is itself: hashed and compared by identity
class _FileJob:
    """A file on its way through inspect -> (head OCR) -> OCR -> extract."""

    source: SourceFile
    plans: list[PagePlan] = field(default_factory=list)
    heads: dict[int, Page] = field(default_factory=dict)
    pages: dict[int, Page] = field(default_factory=dict)
    waiting: int = 0
    started: float = field(default_factory=time.monotonic)
    alone: bool = False  # run on its own after the pool broke while it was being read


class _Scheduler:
    """Page-level parallelism: every page of every file is a task for the pool, in a bounded window."""

    def __init__(self, pool: Executor, inbox: Path, reference: Reference, settings: TextSettings,
                 cache_dir: Path | None, skip_pages: bool) -> None:
        self.pool, self.inbox, self.reference = pool, inbox, reference
        self.settings, self.cache_dir, self.skip_pages = settings, cache_dir, skip_pages
        self.active: dict[Future, tuple[_FileJob, str]] = {}
        self.open: dict[_FileJob, None] = {}  # files started and not yet done, in order (even between tasks)

    def _submit(self, job: _FileJob, stage: str, fn, *args) -> None:
        self.active[self.pool.submit(fn, *args)] = (job, stage)

    def start(self, source: SourceFile, alone: bool = False) -> None:
        job = _FileJob(source, alone=alone)
        self.open[job] = None
        self._submit(job, "inspect", task_inspect, self.inbox, source, self.settings)

    def jobs(self) -> list[_FileJob]:
        """The files being read, in the order they were started (a file between two tasks too: a pool that
        broke while its next task was handed in must not lose it)."""
        return list(self.open)

    def drop(self, job: _FileJob) -> None:
        """Stop following a file (its tasks still running finish unheard)."""
        self.open.pop(job, None)
        for future in [f for f, (j, _s) in self.active.items() if j is job]:
            future.cancel()
            del self.active[future]

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
        except InputFileError as exc:  # the file's own fault
            log.warning("%s: %s", job.source.path, exc)
            self.drop(job)
            return error_result(job.source, FileError(exc.kind), str(exc))
        except (BrokenProcessPool, ConvenantError):  # the pool, or the run's own configuration: not this file's
            raise
        except MemoryError:
            self.drop(job)
            return crash_result(job.source, "MemoryError", f"te weinig geheugen in {stage}")
        except Exception as exc:  # a library crashed on this file: report it, never stop the batch
            log.error("%s: onverwachte fout in %s: %s: %s", job.source.path, stage, type(exc).__name__, exc)
            self.drop(job)
            return crash_result(job.source, type(exc).__name__, f"{stage}: {exc}")
        if stage == "inspect":
            self._after_inspect(job, value)
        elif stage in ("head", "page"):
            for page in value:
                (job.heads if stage == "head" else job.pages)[page.number] = page
            job.waiting -= 1
            if job.waiting == 0:
                self._after_heads(job) if stage == "head" else self._extract(job)
        else:
            self.open.pop(job, None)
            return value
        return None


def crash_result(source: SourceFile, crash: str, detail: str) -> FileResult:
    """The row of a file the program failed on: unreadable, with the failure named; read again next run."""
    return error_result(source, FileError.UNREADABLE, f"onverwachte fout bij lezen ({crash}): {detail}", crash)


def process_all(inbox: Path, sources: list[SourceFile], reference: Reference, settings: TextSettings,
                cache_dir: Path | None, workers: int,
                progress: Callable[[FileResult], None] | None = None,
                skip_pages: bool = True, file_timeout: float = FILE_TIMEOUT) -> Iterator[FileResult]:
    """Results per file as they finish; the pages of all files are read in parallel by `workers` processes.

    At most a few files are open at a time, so memory stays flat however large the inbox. A worker process
    that dies (memory, a crash in a C library) breaks the pool: it is rebuilt, and the files that were being
    read are read again one at a time; a file that breaks the pool on its own is reported unreadable. A file
    that takes longer than `file_timeout` seconds is reported unreadable (and read again next run) and the
    batch goes on; with one worker the tasks run in this process and the limit is checked between them.
    """
    queue, alone = deque(sources), deque()
    window = max(2, 2 * workers)
    pool = _new_pool(workers)
    scheduler = _Scheduler(pool, inbox, reference, settings, cache_dir, skip_pages)

    def finished(result: FileResult) -> FileResult:
        if progress:
            progress(result)
        return result

    try:
        while queue or alone or scheduler.open:
            if alone:  # after a broken pool: the suspects one at a time
                if not scheduler.open:
                    scheduler.start(alone.popleft(), alone=True)
            else:
                while queue and len(scheduler.jobs()) < window:
                    scheduler.start(queue.popleft())
            jobs = scheduler.jobs()
            limit = min(job.started for job in jobs) + file_timeout - time.monotonic()
            done, _ = wait(list(scheduler.active), timeout=max(0.0, limit), return_when=FIRST_COMPLETED)
            for job in [j for j in jobs if time.monotonic() - j.started > file_timeout]:
                scheduler.drop(job)
                log.error("%s: niet gelezen binnen %g s", job.source.path, file_timeout)
                yield finished(error_result(job.source, FileError.UNREADABLE,  # read again next run: not stored
                                            f"lezen duurde langer dan {file_timeout:g} s (tijdslimiet per bestand)",
                                            "TimeoutError"))
            try:
                for future in done:
                    if future in scheduler.active:
                        result = scheduler.handle(future)
                        if result is not None:
                            yield finished(result)
            except BrokenProcessPool as exc:
                suspects = scheduler.jobs()
                log.error("een leesproces stopte onverwacht (%s) bij %s", exc,
                          ", ".join(j.source.path for j in suspects))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(workers)
                scheduler = _Scheduler(pool, inbox, reference, settings, cache_dir, skip_pages)
                for job in suspects:
                    if job.alone or len(suspects) == 1:
                        yield finished(crash_result(job.source, "BrokenProcessPool",
                                                    "het leesproces stopte onverwacht bij dit bestand "
                                                    "(geheugen of een fout in een bibliotheek)"))
                    else:
                        alone.append(job.source)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
