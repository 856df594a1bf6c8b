"""Command line: `convenant run INBOX --out OUTDIR`. The only place that prints and sets exit codes."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from tqdm import tqdm

from . import __version__
from .errors import ConvenantError
from .ocr import OcrSettings
from .reference import DEFAULT_RATE, load_reference, parse_rate
from .run import RunOptions, run_batch
from .schema import Status
from .text import TextSettings


class _TqdmHandler(logging.Handler):
    """Log records to stderr without breaking the progress bar."""

    def emit(self, record: logging.LogRecord) -> None:
        tqdm.write(self.format(record), file=sys.stderr)


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = _TqdmHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


@click.group()
@click.version_option(__version__, prog_name="convenant")
def main() -> None:
    """Controleert de samenwerkingsovereenkomsten G40-Platform31: welke van de 41 zijn binnen,
    ondertekend, voor het juiste bedrag."""


@main.command()
@click.argument("inbox", type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="map voor documents.csv, status.csv, exceptions.csv, status.xlsx, report.html")
@click.option("--reference", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="CSV of Excel met minstens municipality,inhabitants (standaard: de 41 G40-leden)")
@click.option("--rate", default=str(DEFAULT_RATE).replace(".", ","), show_default=True,
              help="bijdrage per inwoner per jaar in euro")
@click.option("--workers", type=int, default=0, help="aantal OCR-processen (standaard: aantal cores)")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="map voor de OCR-cache (standaard: OUT/.ocr-cache)")
@click.option("--state", "state_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="database met de resultaten per bestand (standaard: OUT/state.sqlite)")
@click.option("--force", is_flag=True, help="alle bestanden opnieuw lezen, ook die al gelezen zijn")
@click.option("--full-ocr", is_flag=True, help="ook convenant- en briefpagina's volledig lezen (trager)")
@click.option("--wait", "wait_seconds", type=float, default=0.0, show_default=True,
              help="seconden wachten als een andere run dezelfde database gebruikt")
@click.option("--page-timeout", type=float, default=OcrSettings().timeout, show_default=True,
              help="seconden OCR per pagina; een pagina die langer duurt wordt als onleesbaar gemeld")
@click.option("-v", "--verbose", count=True, help="meer meldingen (-vv: per pagina)")
def run(inbox: Path, out: Path, reference: Path | None, rate: str, workers: int, cache_dir: Path | None,
        state_path: Path | None, force: bool, full_ocr: bool, wait_seconds: float, page_timeout: float,
        verbose: int) -> None:
    """Lees INBOX en schrijf de status van de 41 en de uitzonderingen naar OUT.

    Voorbeeld:  convenant run samples/inbox --out output --reference samples/reference.csv
    """
    _setup_logging(verbose)
    try:
        ref = load_reference(reference, parse_rate(rate))
        bar = tqdm(total=0, unit="bestand", disable=not sys.stderr.isatty(), file=sys.stderr)

        def on_scan(n: int) -> None:
            bar.total = n
            bar.refresh()

        def progress(result) -> None:
            bar.set_postfix_str(result.source.path[-30:], refresh=False)
            bar.update(1)

        options = RunOptions(workers=workers, cache_dir=cache_dir, state_path=state_path, force=force,
                             skip_pages=not full_ocr, wait_seconds=wait_seconds)
        settings = TextSettings(ocr=OcrSettings(timeout=page_timeout))
        result = run_batch(inbox, out, ref, options, settings=settings, progress=progress, on_scan=on_scan)
        bar.close()
    except ConvenantError as exc:
        err = click.ClickException(str(exc))
        err.exit_code = exc.exit_code
        raise err from exc
    counts = result.reconciliation.counts()
    unreadable = sum(1 for e in result.extractions if e.error)
    errors = sum(1 for f in result.reconciliation.findings if f.severity.value == "error")
    click.echo(
        f"{counts[Status.COMPLETE]} van {len(result.reconciliation.statuses)} compleet, "
        f"{counts[Status.EXCEPTION]} uitzondering, {counts[Status.MISSING]} ontbreekt; "
        f"{len(result.files)} bestanden ({result.files_read} nieuw gelezen), "
        f"{len(result.extractions) - unreadable} documenten, "
        f"{unreadable} onleesbaar, {len(result.skipped)} overgeslagen; {errors} fouten te beoordelen "
        f"-> {out / 'report.html'}")


if __name__ == "__main__":
    main()
