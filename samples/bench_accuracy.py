"""Accuracy benchmark: generated corpora at three levels of scan damage, read and scored against their truth.

    python -m samples.bench_accuracy                 # clean, office and poor
    python -m samples.bench_accuracy --level poor --fresh-ocr
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import click

from pipeline.evaluate import evaluate
from pipeline.reference import load_reference
from pipeline.run import RunOptions, run_batch

from .corpus import SAMPLE_REFERENCE, build, corpus_plan
from .generator import DAMAGE

LEVELS = ("clean", "office", "poor")
SEEDS = {"clean": 101, "office": 202, "poor": 303}
TARGETS = {"clean": 0.995, "office": 0.99, "poor": 0.95}


def bench_level(level: str, root: Path, fresh_ocr: bool, workers: int) -> tuple[bool, list[str]]:
    work = root / level
    if work.exists():
        shutil.rmtree(work / "inbox", ignore_errors=True)
        shutil.rmtree(work / "out", ignore_errors=True)
    started = time.perf_counter()
    builder = build(work / "inbox", work / "truth", corpus_plan(41, SEEDS[level]), DAMAGE[level], SEEDS[level],
                    non_members=3)
    generated = time.perf_counter() - started
    cache = work / "ocr-cache"
    if fresh_ocr:
        shutil.rmtree(cache, ignore_errors=True)
    started = time.perf_counter()
    run_batch(work / "inbox", work / "out", load_reference(SAMPLE_REFERENCE),
              RunOptions(workers=workers, cache_dir=cache, force=True))
    elapsed = time.perf_counter() - started
    acc = evaluate(work / "out", work / "truth")
    signed_ok = acc.rate("signed")
    ok = acc.overall() >= TARGETS[level] and not acc.false_complete and (level != "office" or signed_ok >= 0.98)
    lines = [f"== {level}: {len(list((work / 'inbox').iterdir()))} files, {acc.documents} documents "
             f"({len(builder.cases)} members); generated in {generated:.0f} s, read in {elapsed:.0f} s",
             *acc.lines(),
             f"target: all fields >= {TARGETS[level]:.1%}, false complete 0"
             + (", signature >= 98%" if level == "office" else "") + f" -> {'MET' if ok else 'NOT MET'}"]
    lines += [f"  - {e}" for e in acc.unmatched + acc.errors + acc.status_errors + acc.missed_findings]
    return ok, lines


@click.command()
@click.option("--level", "levels", multiple=True, type=click.Choice(LEVELS), help="default: all three")
@click.option("--root", type=click.Path(path_type=Path), default=Path(".cache/bench-accuracy"), show_default=True)
@click.option("--fresh-ocr", is_flag=True, help="ignore OCR results of earlier runs")
@click.option("--workers", type=int, default=0)
def main(levels: tuple[str, ...], root: Path, fresh_ocr: bool, workers: int) -> None:
    """Print per-field accuracy, status accuracy, false completes and finding-code recall per damage level."""
    all_ok = True
    for level in levels or LEVELS:
        ok, lines = bench_level(level, root, fresh_ocr, workers)
        click.echo("\n".join(lines))
        all_ok &= ok
    raise SystemExit(0 if all_ok else 1)


if __name__ == "__main__":
    main()
