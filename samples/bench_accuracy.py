"""Accuracy benchmark: two generated families at levels of scan damage, read and scored against their truth.

    python -m samples.bench_accuracy                 # both families, every level
    python -m samples.bench_accuracy --family house --level poor --fresh-ocr

`template` is the first generator (samples/generator.py), the one the rules were first written against.
`house` (samples/house_*.py) was written apart from the rules, from the seed and a description of how
municipalities write: per-municipality house styles, paraphrased clauses, layouts, batch scans, born-digital
files. It is scored at seeds never used while the rules were developed (development used seed 1).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import click

from pipeline.evaluate import Accuracy, evaluate
from pipeline.reference import load_reference
from pipeline.run import RunOptions, run_batch

from .corpus import G40_REFERENCE, SAMPLE_REFERENCE, build, corpus_plan
from .generator import DAMAGE

LEVELS = ("clean", "office", "poor")
SEEDS = {"clean": 101, "office": 202, "poor": 303}
TARGETS = {"clean": 0.995, "office": 0.99, "poor": 0.95}
FAMILIES = ("template", "house", "desk")
HOUSE_LEVELS = ("office", "poor")
# never used while developing the rules; earlier benchmark pairs (7411/7412 ... 11511/11512)
# were measured once each and then retired; development used seeds 1-15 and the tests seed 31
HOUSE_SEEDS = {"office": 11611, "poor": 11612}
HOUSE_TARGETS = {"office": 0.99, "poor": 0.97}
# the desk family (samples/desk_corpus.py): development looked at seed 1; 501/502 ... 1001/1002 were
# measured once, then looked at or measured again, and retired
DESK_SEEDS = {"office": 1101, "poor": 1102}
HOUSE_REFERENCE = G40_REFERENCE
MAX_REVIEWER_LOAD = 1.5


def _report(acc: Accuracy, target: float, extra_ok: bool = True, extra: str = "") -> tuple[bool, list[str]]:
    load = acc.reviewer_load()
    ok = (acc.overall() >= target and not acc.false_complete and extra_ok
          and (load != load or load <= MAX_REVIEWER_LOAD))
    lines = [*acc.lines(),
             f"target: all fields >= {target:.1%}, false complete 0, reviewer's load <= {MAX_REVIEWER_LOAD}{extra}"
             f" -> {'MET' if ok else 'NOT MET'}"]
    lines += [f"  - {e}" for e in acc.unmatched + acc.errors + acc.status_errors + acc.missed_findings]
    return ok, lines


def _build_and_read(work: Path, build_corpus: Callable[[Path, Path], object], reference: Path, fresh_ocr: bool,
                    workers: int) -> tuple[Accuracy, float, float, object]:
    """Generate a corpus into `work`, read it with the pipeline and score it: (accuracy, seconds to generate,
    seconds to read, what the builder returned)."""
    shutil.rmtree(work / "inbox", ignore_errors=True)
    shutil.rmtree(work / "out", ignore_errors=True)
    started = time.perf_counter()
    built = build_corpus(work / "inbox", work / "truth")
    generated = time.perf_counter() - started
    cache = work / "ocr-cache"
    if fresh_ocr:
        shutil.rmtree(cache, ignore_errors=True)
    started = time.perf_counter()
    run_batch(work / "inbox", work / "out", load_reference(reference),
              RunOptions(workers=workers, cache_dir=cache, force=True))
    return evaluate(work / "out", work / "truth"), generated, time.perf_counter() - started, built


def _bench_written(family: str, build_corpus: Callable[..., None], seed: int, level: str, root: Path,
                   fresh_ocr: bool, workers: int) -> tuple[bool, list[str]]:
    """A family of written documents (house, desk) at one level and seed, against the house targets."""
    work = root / f"{family}-{level}-{seed}"
    acc, generated, elapsed, _ = _build_and_read(
        work, lambda inbox, truth: build_corpus(inbox, truth, level, seed, HOUSE_REFERENCE),
        HOUSE_REFERENCE, fresh_ocr, workers)
    ok, lines = _report(acc, HOUSE_TARGETS[level], acc.status_total - acc.status_correct <= 1,
                        ", statuses <= 1 wrong")
    head = (f"== {family} family, {level}, seed {seed}: {len(list((work / 'inbox').iterdir()))} files, "
            f"{acc.documents} documents; generated in {generated:.0f} s, read in {elapsed:.0f} s")
    return ok, [head, *lines]


def bench_house(level: str, root: Path, fresh_ocr: bool, workers: int, seed: int | None) -> tuple[bool, list[str]]:
    """The house family: per-municipality house styles composed from paraphrases (samples/house_*.py)."""
    from .house_corpus import build_house_corpus

    return _bench_written("house", build_house_corpus, HOUSE_SEEDS[level] if seed is None else seed, level, root,
                          fresh_ocr, workers)


def bench_desk(level: str, root: Path, fresh_ocr: bool, workers: int, seed: int | None) -> tuple[bool, list[str]]:
    """The desk family: 18 documents written one by one as by different clerks (samples/desk/), scored at
    seeds development never looked at, against the house family's targets."""
    from .desk_corpus import build_desk_corpus

    return _bench_written("desk", build_desk_corpus, DESK_SEEDS[level] if seed is None else seed, level, root,
                          fresh_ocr, workers)


def bench_level(level: str, root: Path, fresh_ocr: bool, workers: int) -> tuple[bool, list[str]]:
    work = root / level
    acc, generated, elapsed, builder = _build_and_read(
        work, lambda inbox, truth: build(inbox, truth, corpus_plan(41, SEEDS[level]), DAMAGE[level], SEEDS[level],
                                         non_members=3),
        SAMPLE_REFERENCE, fresh_ocr, workers)
    signed_ok = level != "office" or acc.rate("signed") >= 0.98
    ok, lines = _report(acc, TARGETS[level], signed_ok, ", signature >= 98%" if level == "office" else "")
    head = (f"== template family, {level}: {len(list((work / 'inbox').iterdir()))} files, {acc.documents} documents "
            f"({len(builder.cases)} members); generated in {generated:.0f} s, read in {elapsed:.0f} s")
    return ok, [head, *lines]


@click.command()
@click.option("--family", "families", multiple=True, type=click.Choice(FAMILIES), help="default: all three")
@click.option("--level", "levels", multiple=True, type=click.Choice(LEVELS), help="default: every level")
@click.option("--seed", type=int, default=None, help="house or desk family: another seed than the benchmark's")
@click.option("--root", type=click.Path(path_type=Path), default=Path(".cache/bench-accuracy"), show_default=True)
@click.option("--fresh-ocr", is_flag=True, help="ignore OCR results of earlier runs")
@click.option("--workers", type=int, default=0)
def main(families: tuple[str, ...], levels: tuple[str, ...], seed: int | None, root: Path, fresh_ocr: bool,
         workers: int) -> None:
    """Print per-field accuracy, statuses, false completes, finding-code recall and the reviewer's load."""
    all_ok = True
    for family in families or FAMILIES:
        for level in levels or (LEVELS if family == "template" else HOUSE_LEVELS):
            if family != "template" and level not in HOUSE_LEVELS:
                continue
            ok, lines = (bench_level(level, root, fresh_ocr, workers) if family == "template"
                         else bench_house(level, root, fresh_ocr, workers, seed) if family == "house"
                         else bench_desk(level, root, fresh_ocr, workers, seed))
            click.echo("\n".join(lines), nl=True)
            all_ok &= ok
    raise SystemExit(0 if all_ok else 1)


if __name__ == "__main__":
    main()
