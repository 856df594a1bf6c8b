"""Throughput benchmark: the pipeline against plain tesseract and OCRmyPDF, re-runs, memory and scaling.

    python -m samples.bench_speed                  # everything (about half an hour on 2 cores)
    python -m samples.bench_speed --no-scaling --no-ocrmypdf
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import click
import psutil
import pypdfium2 as pdfium

from pipeline.ocr import save_for_tesseract

from . import texts
from .corpus import SAMPLE_REFERENCE, InboxBuilder, load_members
from .generator import DAMAGE, render_plain

SCAN = replace(DAMAGE["office"], upside_down=0.0)  # upright pages: the same work for every contender
THEMES = ["Duurzaamheid", "Woningmarkt", "Leefomgeving en stedelijke transformatie", "Slimme bereikbaarheid",
          "MKB en economische vernieuwing", "Vitale binnensteden en werklocaties", "Sterke keten",
          "Zorg, jeugd en onderwijs", "Armoede en schuldhulpverlening", "Wonen, welzijn en zorg",
          "Vergunninghouders en asiel", "Interbestuurlijke samenwerking"]
THEME_TEXT = [
    "De komende jaren zijn belangrijke jaren om stappen te zetten om doelstellingen in 2030 en 2050 te halen. "
    "Binnen de themagroep ligt de focus op de opgaven die de steden gezamenlijk hebben benoemd. Platform31 "
    "vervult de rol van kennispartner op het niveau van de pijlers en brengt kennis en ervaring samen.",
    "Dat roept uitvoerings- en financieringsvragen op die in toenemende mate alleen zijn op te lossen door meer "
    "thema-overstijgend te werken in samenwerking met lokale en regionale partners als woningcorporaties, "
    "bedrijven en netbeheerders. De themagroep richt zich op kennisdeling en gezamenlijke leertrajecten.",
    "In overleg met de pijlersecretarissen wordt bezien binnen welke themagroepen Platform31 ook de rol van "
    "consistente kennispartner vervult. Afspraken hieromtrent worden jaarlijks in de werkplannen vastgelegd.",
]


def long_covenant(rng: random.Random):
    """A covenant with its annexes as the real scans have them: about sixteen pages."""
    lines = list(texts.COVENANT) + list(texts.COVENANT_ANNEX[:4])
    lines.append("Bijlage 2 bij het Convenant Stedennetwerk G40 en Platform31")
    for theme in THEMES:
        lines.append(theme)
        lines.extend(THEME_TEXT[(i + len(theme)) % 3] for i in range(12))
    lines.extend(texts.COVENANT_ANNEX[4:])
    return render_plain("covenant", lines, rng, break_at="Bijlage")


def _make_file(root: Path, i: int, merged: bool, seed: int, damage: str) -> None:
    members = list(load_members().values())
    m = members[i % len(members)]
    b = InboxBuilder(root, SCAN if damage == "office" else DAMAGE[damage], seed * 1000 + i)
    if merged:
        docs = [b.memo(m), render_plain("cover_letter", texts.COVER_LETTER, b.rng), long_covenant(b.rng),
                b.agreement(m)]
        b.scanned_pdf(f"raadsstukken_{i:03d}.pdf", docs)
    else:
        b.scanned_pdf(f"overeenkomst_{i:03d}.pdf", [b.agreement(m)])


def build_inbox(root: Path, merged: int, separate: int, seed: int = 5, damage: str = "office") -> Path:
    """`separate` files with one agreement and `merged` files with memo, letter, covenant and agreement;
    made in parallel (each file has its own seed, so the inbox is the same however it is made)."""
    root.mkdir(parents=True, exist_ok=True)
    jobs = [(root, i, i < merged, seed, damage) for i in range(merged + separate)]
    with ProcessPoolExecutor() as pool:
        list(pool.map(_make_file, *zip(*jobs, strict=True)))
    return root


def count_pages(inbox: Path) -> int:
    return sum(len(pdfium.PdfDocument(str(p))) for p in inbox.glob("*.pdf"))


MEMORY_INTERVAL = 0.5  # seconds between samples


class PeakMemory:
    """Samples the summed PSS of a process and its children (RSS would count shared pages once per process:
    the forked workers share the parent's libraries and models).

    Sampling is not free: reading /proc/PID/smaps_rollup of every process in the tree took about 6 ms per
    sample here, and at one sample per 50 ms that stole ~10 % of a 2-core machine from the pipeline (measured:
    74 pages, 45.5 s unsampled against 50.0 s sampled). So samples are sparse, and the runs that give the ratio
    to plain tesseract are not sampled at all.
    """

    def __init__(self, pid: int, interval: float = MEMORY_INTERVAL) -> None:
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                self.peak = max(self.peak, sum(_pss(p) for p in procs if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def _pss(proc: psutil.Process) -> int:
    try:
        return proc.memory_full_info().pss
    except (psutil.AccessDenied, AttributeError):
        return proc.memory_info().rss


def timed(cmd: list[str], env: dict[str, str] | None = None, memory: bool = True) -> tuple[float, int]:
    """Wall time and peak memory of a command (0 when `memory` is off: the run is then not disturbed)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, **(env or {})})
    mem = PeakMemory(proc.pid) if memory else None
    if proc.wait() != 0:
        raise click.ClickException(f"failed: {' '.join(cmd)}")
    return time.perf_counter() - started, mem.stop() if mem else 0


def pipeline(inbox: Path, out: Path, *extra: str, memory: bool = True) -> tuple[float, int]:
    return timed([sys.executable, "-m", "pipeline.cli", "run", str(inbox), "--out", str(out), "--reference",
                  str(SAMPLE_REFERENCE), *extra], memory=memory)


def fresh_pipeline(inbox: Path, work: Path, *extra: str, memory: bool = True) -> tuple[float, int]:
    out = work / f"out-{time.monotonic_ns()}"
    return pipeline(inbox, out, "--cache", str(out / "cache"), *extra, memory=memory)


def plain_tesseract(inbox: Path, work: Path, workers: int, dpi: int = 300) -> float:
    """Plain tesseract (TSV out, Dutch, one thread) on every page rendered at `dpi`, one process per core."""
    pages = work / "pages"
    pages.mkdir()
    for pdf in sorted(inbox.glob("*.pdf")):
        doc = pdfium.PdfDocument(str(pdf))
        for i in range(len(doc)):
            # the same BMP the pipeline hands over (no resolution in its header: tesseract estimates it)
            image = doc[i].render(scale=dpi / 72).to_pil().convert("L")
            save_for_tesseract(image, str(pages / f"{pdf.stem}_{i:03d}.bmp"))
    images = sorted(str(p) for p in pages.glob("*.bmp"))
    started = time.perf_counter()
    subprocess.run(["xargs", "-P", str(workers), "-I{}", "tesseract", "{}", "{}", "-l", "nld", "tsv"],
                   input="\n".join(images), text=True, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    return time.perf_counter() - started


def ocrmypdf(inbox: Path, work: Path, workers: int) -> float:
    out = work / "ocrmypdf"
    out.mkdir()
    exe = shutil.which("ocrmypdf") or str(Path(sys.executable).with_name("ocrmypdf"))
    started = time.perf_counter()
    for pdf in sorted(inbox.glob("*.pdf")):
        subprocess.run([exe, "--jobs", str(workers), "-l", "nld", "--output-type", "pdf", "--optimize", "0",
                        str(pdf), str(out / pdf.name)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


@click.command()
@click.option("--workers", type=int, default=len(os.sched_getaffinity(0)), show_default=True)
@click.option("--scaling/--no-scaling", default=True, help="time 40, 120 and 400 files")
@click.option("--ocrmypdf/--no-ocrmypdf", "with_ocrmypdf", default=True)
@click.option("--root", type=click.Path(path_type=Path), default=None, help="work folder (default: a temp dir)")
def main(workers: int, scaling: bool, with_ocrmypdf: bool, root: Path | None) -> None:
    """Print pages per second, ratios to plain tesseract and OCRmyPDF, re-run times, peak memory, scaling."""
    work = root or Path(tempfile.mkdtemp(prefix="bench-speed-"))
    w = ["--workers", str(workers)]
    def say(line: str) -> None:
        click.echo(line)
        sys.stdout.flush()

    inbox = build_inbox(work / "inbox", merged=13, separate=28)
    merged_inbox = work / "merged"
    merged_inbox.mkdir()
    for p in inbox.glob("raadsstukken_*.pdf"):
        shutil.copyfile(p, merged_inbox / p.name)
    pages, merged_pages = count_pages(inbox), count_pages(merged_inbox)
    say(f"benchmark inbox: 41 files, {pages} pages (13 merged files with {merged_pages} pages); "
        f"{workers} workers; {work}")

    t_full, _ = fresh_pipeline(inbox, work, "--full-ocr", *w, memory=False)
    say(f"pipeline, full OCR:        {t_full:7.1f} s  {pages / t_full:5.2f} pages/s  (not sampled for memory)")
    t_plain = plain_tesseract(inbox, work, workers)
    say(f"plain tesseract (same pages, 300 dpi, {workers} single-threaded): {t_plain:7.1f} s  "
        f"{pages / t_plain:5.2f} pages/s")
    say(f"  ratio pipeline/tesseract: {t_full / t_plain:.3f} (target <= 1.10)")
    if with_ocrmypdf:
        t_ocrmypdf = ocrmypdf(inbox, work, workers)
        say(f"ocrmypdf --jobs {workers} (same files): {t_ocrmypdf:7.1f} s  {pages / t_ocrmypdf:5.2f} pages/s")
        say(f"  ratio pipeline/ocrmypdf: {t_full / t_ocrmypdf:.3f} (target < 1)")

    t_skip, _ = fresh_pipeline(inbox, work, *w, memory=False)
    say(f"pipeline, page skipping:   {t_skip:7.1f} s  {pages / t_skip:5.2f} pages/s"
        f"  ({t_full / t_skip:.2f}x faster than full OCR)")
    m_full, mem_full = fresh_pipeline(merged_inbox, work, "--full-ocr", *w)
    m_skip, mem_skip = fresh_pipeline(merged_inbox, work, *w)
    say(f"merged-file inbox ({merged_pages} pages): full {m_full:.1f} s (peak {mem_full / 2**20:.0f} MB), "
        f"skipping {m_skip:.1f} s (peak {mem_skip / 2**20:.0f} MB) -> {m_full / m_skip:.2f}x (target >= 2; "
        f"memory sampled every {MEMORY_INTERVAL} s)")

    out = work / "incremental"
    pipeline(inbox, out, *w)
    t_nothing, _ = pipeline(inbox, out, *w, memory=False)
    say(f"re-run, nothing new:       {t_nothing:7.2f} s (target < 2)")
    extra = build_inbox(work / "one-new", merged=0, separate=1, seed=99)
    new_file = next(extra.glob("*.pdf"))
    t_alone, _ = fresh_pipeline(extra, work, *w, memory=False)
    shutil.copyfile(new_file, inbox / "nieuw_ontvangen.pdf")
    t_one, _ = pipeline(inbox, out, *w, memory=False)
    say(f"re-run, one new file:      {t_one:7.2f} s (that file alone, fresh: {t_alone:.2f} s; "
        f"overhead {t_one - t_alone:.2f} s, target < 2)")
    (inbox / "nieuw_ontvangen.pdf").unlink()

    if scaling:
        say("scaling (files with one 2-page clean scanned agreement):")
        for n in (40, 120, 400):
            scale_inbox = build_inbox(work / f"scale-{n}", merged=0, separate=n, seed=n, damage="clean")
            t, mem = fresh_pipeline(scale_inbox, work, *w)
            say(f"  {n:4d} files, {2 * n:4d} pages: {t:7.1f} s  {2 * n / t:5.2f} pages/s  "
                f"{t / (2 * n):.3f} s/page  peak {mem / 2**20:.0f} MB")
            shutil.rmtree(scale_inbox)
    if root is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
