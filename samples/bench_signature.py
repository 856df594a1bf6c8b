"""Signature benchmark: agreements with signature traps (samples/signature_corpus.py), read by the pipeline,
scored per trap kind: an unsigned agreement judged signed is the costly error.

    python -m samples.bench_signature                      # office and poor, 110 agreements each
    python -m samples.bench_signature --level poor --count 40
    python -m samples.bench_signature score OUT TRUTH      # score a run made elsewhere (another version)
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import click
import pandas as pd

LEVELS = ("office", "poor")
SEEDS = {"office": 4101, "poor": 4202}


@dataclass
class TrapScore:
    total: int = 0
    judged_signed: int = 0  # documents.csv says signed = yes
    beyond_doubt: int = 0  # ... and no doubt about the signature was raised (no low_confidence on it)
    missing: int = 0  # the agreement was not found as such


@dataclass
class SignatureScore:
    traps: dict[tuple[str, str], TrapScore] = field(default_factory=dict)  # (truth signed, trap) -> score
    false_complete: list[str] = field(default_factory=list)

    def unsigned_judged_signed(self) -> int:
        return sum(s.judged_signed for (signed, _), s in self.traps.items() if signed == "no")

    def signed_rate(self) -> float:
        found = [s for (signed, _), s in self.traps.items() if signed == "yes"]
        total = sum(s.total for s in found)
        return sum(s.judged_signed for s in found) / total if total else float("nan")

    def lines(self) -> list[str]:
        out = [f"  {'trap':<26}{'truth':>6}{'n':>5}{'judged signed':>15}{'beyond doubt':>14}{'not found':>11}"]
        for (signed, trap), s in sorted(self.traps.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            out.append(f"  {trap:<26}{signed:>6}{s.total:>5}{s.judged_signed:>15}{s.beyond_doubt:>14}{s.missing:>11}")
        out.append(f"  unsigned judged signed: {self.unsigned_judged_signed()} (target 0); "
                   f"signed judged signed: {self.signed_rate():.1%} (target >= 98 %); "
                   f"unsigned agreement complete: {len(self.false_complete)}")
        return out


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def score(out: Path, truth: Path) -> SignatureScore:
    """Per trap kind: how many agreements were judged signed, and whether any unsigned one became complete."""
    docs = _read(out / "documents.csv").set_index(["file", "pages"])
    findings = _read(out / "exceptions.csv")
    doubted = {(r["file"], r.get("pages", "")) for r in findings.to_dict("records")
               if r["code"] == "low_confidence" and ("handtekening" in r["message"] or "digitale" in r["message"])}
    statuses = _read(out / "status.csv").set_index("municipality")
    result = SignatureScore()
    wanted = _read(truth / "truth_signatures.csv")
    signed_members = set(wanted.loc[wanted["signed"] == "yes", "municipality"])
    for row in wanted.to_dict("records"):
        s = result.traps.setdefault((row["signed"], row["trap"]), TrapScore())
        s.total += 1
        key = (row["file"], row["pages"])
        if key not in docs.index or docs.loc[key, "doc_type"] != "agreement":
            s.missing += 1
            continue
        if docs.loc[key, "signed"] == "yes":
            s.judged_signed += 1
            s.beyond_doubt += key not in doubted
        municipality = docs.loc[key, "municipality"]
        # complete may rest on another, signed agreement of the same member in this corpus
        if row["signed"] == "no" and municipality in statuses.index and municipality not in signed_members \
                and statuses.loc[municipality, "status"] == "complete":
            result.false_complete.append(f"{row['file']} ({municipality})")
    return result


def bench_level(level: str, root: Path, count: int, workers: int, fresh_ocr: bool,
                seed: int | None = None) -> SignatureScore:
    from pipeline.reference import load_reference
    from pipeline.run import RunOptions, run_batch

    from .corpus import SAMPLE_REFERENCE
    from .signature_corpus import build_signature_corpus

    work = root / level
    for sub in ("inbox", "out", "truth"):
        shutil.rmtree(work / sub, ignore_errors=True)
    if fresh_ocr:
        shutil.rmtree(work / "ocr-cache", ignore_errors=True)
    started = time.perf_counter()
    build_signature_corpus(work / "inbox", work / "truth", level, count=count, seed=seed or SEEDS[level])
    generated = time.perf_counter() - started
    started = time.perf_counter()
    run_batch(work / "inbox", work / "out", load_reference(SAMPLE_REFERENCE),
              RunOptions(workers=workers, cache_dir=work / "ocr-cache", force=True))
    click.echo(f"== {level}: {count} agreements; generated in {generated:.0f} s, read in "
               f"{time.perf_counter() - started:.0f} s ({work})")
    return score(work / "out", work / "truth")


@click.group(invoke_without_command=True)
@click.option("--level", "levels", multiple=True, type=click.Choice(LEVELS), help="default: office and poor")
@click.option("--count", type=int, default=110, show_default=True)
@click.option("--root", type=click.Path(path_type=Path), default=Path(".cache/bench-signature"), show_default=True)
@click.option("--workers", type=int, default=0)
@click.option("--fresh-ocr", is_flag=True)
@click.option("--seed", type=int, default=None, help="another corpus than the default seeds (office 4101, poor 4202)")
@click.pass_context
def main(ctx: click.Context, levels: tuple[str, ...], count: int, root: Path, workers: int, fresh_ocr: bool,
         seed: int | None) -> None:
    """Per trap kind: agreements judged signed; exit 1 when an unsigned one is judged signed or < 98 % of the
    signed ones are found."""
    if ctx.invoked_subcommand:
        return
    ok = True
    for level in levels or LEVELS:
        result = bench_level(level, root, count, workers, fresh_ocr, seed)
        click.echo("\n".join(result.lines()))
        ok &= result.unsigned_judged_signed() == 0 and result.signed_rate() >= 0.98 and not result.false_complete
    raise SystemExit(0 if ok else 1)


@main.command("score")
@click.argument("out", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("truth", type=click.Path(path_type=Path, exists=True, file_okay=False))
def score_command(out: Path, truth: Path) -> None:
    """Score a run's output directory against a signature corpus truth."""
    click.echo("\n".join(score(out, truth).lines()))


if __name__ == "__main__":
    main()
