"""Command line: `convenant run INBOX --out OUTDIR`. The only place that prints and sets exit codes."""

from __future__ import annotations

import functools
import logging
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import click
from tqdm import tqdm

from . import __version__
from .decisions import CORRECTABLE, Decision, from_csv, now, parse_value, to_csv
from .digital_trust import TrustPolicy, load_trust_roots
from .errors import ConvenantError
from .ocr import OcrSettings
from .reference import DEFAULT_RATE, Reference, load_reference, parse_rate
from .reference_tools import (
    CBS_TABLE,
    Comparison,
    check_reference,
    compare,
    fetch_population,
    parse_answer,
    reference_from,
)
from .run import RunOptions, run_batch
from .scheduling import FILE_TIMEOUT
from .schema import Status
from .state import StateStore
from .text import TextSettings

EXIT_CRASHED = 3  # outputs written, but files crashed the program: see README, "Exit codes"


def _a_number(value: float) -> float:
    if value != value:  # NaN passes every range
        raise click.BadParameter("geef een aantal seconden")
    return value


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
@click.option("--page-timeout", type=click.FloatRange(0.01, 3600), default=OcrSettings().timeout, show_default=True,
              callback=lambda _c, _p, v: _a_number(v),
              help="seconden OCR per pagina; een pagina die langer duurt wordt als onleesbaar gemeld")
@click.option("--file-timeout", type=click.FloatRange(0.01, 7 * 24 * 3600), default=FILE_TIMEOUT, show_default=True,
              callback=lambda _c, _p, v: _a_number(v),
              help="seconden per bestand; een bestand dat langer duurt wordt als onleesbaar gemeld")
@click.option("--trust-roots", "trust_roots", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="map met vertrouwde basiscertificaten (.pem/.crt/.cer), bv. PKIoverheid; zonder deze map telt "
                   "een digitale handtekening nooit op zichzelf")
@click.option("-v", "--verbose", count=True, help="meer meldingen (-vv: per pagina)")
def run(inbox: Path, out: Path, reference: Path | None, rate: str, workers: int, cache_dir: Path | None,
        state_path: Path | None, force: bool, full_ocr: bool, wait_seconds: float, page_timeout: float,
        file_timeout: float, trust_roots: Path | None, verbose: int) -> None:
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

        trust = load_trust_roots(trust_roots) if trust_roots else TrustPolicy()
        options = RunOptions(workers=workers, cache_dir=cache_dir, state_path=state_path, force=force,
                             skip_pages=not full_ocr, wait_seconds=wait_seconds, trust=trust,
                             file_timeout=file_timeout)
        settings = TextSettings(ocr=OcrSettings(timeout=page_timeout))
        result = run_batch(inbox, out, ref, options, settings=settings, progress=progress, on_scan=on_scan)
        bar.close()
    except ConvenantError as exc:
        err = click.ClickException(str(exc))
        err.exit_code = exc.exit_code
        raise err from exc
    except (OSError, sqlite3.Error) as exc:  # an output folder or state that cannot be written
        raise _fail(f"de uitvoer kan niet worden geschreven: {exc}") from exc
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
    for d in result.stale:
        click.echo(f"let op: beslissing over {d.file} ({d.code}, {d.municipality}) is verouderd (document gewijzigd "
                   "of verdwenen, of een waarde die niet meer klopt); niet toegepast, zie 'convenant review list'",
                   err=True)
    if result.crashed:
        for r in result.crashed:
            click.echo(f"fout: {r.source.path}: {r.extractions[0].error_message}", err=True)
        click.echo(f"{len(result.crashed)} bestand(en) niet gelezen door een fout in het programma of een "
                   "tijdslimiet (niet door het bestand zelf); de uitvoer is geschreven, de volgende run probeert ze "
                   "opnieuw (exit-code 3)", err=True)
        sys.exit(EXIT_CRASHED)


def _fail(message: str) -> click.ClickException:
    err = click.ClickException(message)
    err.exit_code = 2
    return err


def _review_errors(command: Callable[..., None]) -> Callable[..., None]:
    """A review command's errors (the state locked by a run, a broken database, a bad file) as one message
    and exit code 2, never a traceback."""
    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            command(*args, **kwargs)
        except click.ClickException as exc:
            exc.exit_code = 2
            raise
        except ConvenantError as exc:
            raise _fail(str(exc)) from exc
        except (sqlite3.Error, OSError) as exc:
            raise _fail(f"de beslissingen zijn niet bij te werken: {exc}") from exc
        except Exception as exc:  # a state written by someone else: a message, never a traceback
            raise _fail(f"de database met beslissingen is niet te lezen ({type(exc).__name__}: {exc})") from exc
    return wrapper


def _store(out: Path, state_path: Path | None) -> StateStore:
    path = state_path or out / "state.sqlite"
    if not path.exists():
        raise _fail(f"geen resultaten in {path}: voer eerst 'convenant run INBOX --out {out}' uit")
    return StateStore(path, wait_seconds=10)


def _finding(store: StateStore, finding_id: str):
    found = [f for f in store.findings() if f.id == finding_id]
    if not found:
        raise _fail(f"bevinding {finding_id} staat niet in de laatste run; zie 'convenant review list'")
    return found[0]


OUT_OPTION = click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
                          show_default=True, help="de uitvoermap van de run")
STATE_OPTION = click.option("--state", "state_path", type=click.Path(path_type=Path, dir_okay=False), default=None)
WHO = click.option("--door", "by", required=True, help="wie beslist (naam)")
WHY = click.option("--reden", "reason", required=True, help="waarom (verplicht)")


@main.group()
def review() -> None:
    """Bevindingen beoordelen: accepteren, een gelezen waarde corrigeren of een document afwijzen.

    Beslissingen worden bewaard en bij elke volgende 'convenant run' opnieuw toegepast.
    """


def _finding_command(name: str, *extra: Callable) -> Callable:
    """A review command on one finding: its ID, a reason and a reviewer (and `extra` options), errors as a
    message and exit 2."""
    def build(fn: Callable) -> Callable:
        for option in reversed((review.command(name), _review_errors, click.argument("finding_id"), *extra, WHY, WHO,
                                OUT_OPTION, STATE_OPTION)):
            fn = option(fn)
        return fn
    return build


@review.command("list")
@_review_errors
@OUT_OPTION
@STATE_OPTION
@click.option("--alle", "show_all", is_flag=True, help="ook opgeloste bevindingen")
def review_list(out: Path, state_path: Path | None, show_all: bool) -> None:
    """Toon de open bevindingen van de laatste run met hun ID.

    Voorbeeld:  convenant review list --out output
    """
    with _store(out, state_path) as store:
        findings = store.findings()
        decisions = store.decisions()
        stale_keys = store.stale()
    shown = [f for f in findings if show_all or not f.accepted_by]
    for f in sorted(shown, key=lambda f: (f.severity.value != "error", f.municipality, f.code)):
        state = f"opgelost: {f.accepted_by}" if f.accepted_by else "open"
        click.echo(f"{f.id}  {f.severity.value:<7} {f.code:<22} {f.municipality or '-':<20} {f.file}  [{state}]")
        click.echo(f"            {f.message}")
    stale = [d for d in decisions if (d.finding_id, d.at, d.by) in stale_keys]
    for d in stale:
        click.echo(f"VEROUDERD  {d.finding_id}  {d.municipality}  {d.file}: {d.describe()} (document gewijzigd)")
    click.echo(f"{sum(1 for f in findings if not f.accepted_by)} open, "
               f"{sum(1 for f in findings if f.accepted_by)} opgelost, {len(decisions)} beslissingen"
               + (f", {len(stale)} verouderd: beoordeel opnieuw" if stale else ""))


def _decide(out: Path, state_path: Path | None, finding_id: str, action: str, reason: str, by: str,
            field: str = "", value: str = "") -> None:
    with _store(out, state_path) as store:
        f = _finding(store, finding_id)
        if action == "correct":
            parse_value(field, value)
        if action in ("reject", "correct") and not f.doc_hash:
            raise _fail("deze bevinding gaat niet over één document; er is niets te corrigeren of af te wijzen")
        decision = Decision(finding_id, action, reason.strip(), by.strip(), now(), f.doc_hash, f.file, f.pages,
                            f.municipality, f.code, field, value)
        store.add_decision(decision)
    click.echo(f"vastgelegd: {decision.describe()}")
    click.echo(f"voer 'convenant run INBOX --out {out}' opnieuw uit om de status bij te werken")


@_finding_command("accept")
def review_accept(finding_id: str, reason: str, by: str, out: Path, state_path: Path | None) -> None:
    """Accepteer een bevinding (met reden), bijvoorbeeld: de burgemeester machtigde een wethouder.

    Voorbeeld:  convenant review accept 3f2a9c1d0e --reden "wethouder gemachtigd" --door "A. Punte"
    """
    _decide(out, state_path, finding_id, "accept", reason, by)


@_finding_command("correct", click.option("--veld", "field", required=True, type=click.Choice(CORRECTABLE)),
                  click.option("--waarde", "value", required=True, help="de waarde zoals u die op de scan leest"))
def review_correct(finding_id: str, field: str, value: str, reason: str, by: str, out: Path,
                   state_path: Path | None) -> None:
    """Corrigeer een gelezen waarde van het document van een bevinding.

    Voorbeeld:  convenant review correct 3f2a9c1d0e --veld amount --waarde "15.216,90" --reden "scan" --door "A. Punte"
    """
    _decide(out, state_path, finding_id, "correct", reason, by, field, value)


@_finding_command("reject")
def review_reject(finding_id: str, reason: str, by: str, out: Path, state_path: Path | None) -> None:
    """Wijs het document van een bevinding af: het telt niet meer mee.

    Voorbeeld:  convenant review reject 3f2a9c1d0e --reden "oude versie" --door "A. Punte"
    """
    _decide(out, state_path, finding_id, "reject", reason, by)


@review.command("export")
@_review_errors
@click.argument("target", type=click.Path(path_type=Path, dir_okay=False))
@OUT_OPTION
@STATE_OPTION
def review_export(target: Path, out: Path, state_path: Path | None) -> None:
    """Schrijf alle beslissingen naar een CSV-bestand.  Voorbeeld:  convenant review export beslissingen.csv"""
    with _store(out, state_path) as store:
        decisions = store.decisions()
        if target.resolve().name.startswith(store.path.resolve().name) and \
                target.resolve().parent == store.path.resolve().parent:
            raise _fail(f"{target} is de database met de resultaten zelf; kies een ander bestand")
    target.write_text(to_csv(decisions), encoding="utf-8")
    click.echo(f"{len(decisions)} beslissingen geschreven naar {target}")


@review.command("import")
@_review_errors
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@OUT_OPTION
@STATE_OPTION
def review_import(source: Path, out: Path, state_path: Path | None) -> None:
    """Lees beslissingen uit een CSV-bestand (zoals 'export' dat schrijft).

    Voorbeeld:  convenant review import beslissingen.csv
    """
    with _store(out, state_path) as store:
        decisions = from_csv(source, {f.id: f for f in store.findings()})  # every row checked before any is stored
        known = set(store.decisions())
        new = [d for d in decisions if d not in known]
        store.add_decisions(new)
    click.echo(f"{len(new)} beslissingen toegevoegd ({len(decisions) - len(new)} waren er al)")


@_finding_command("withdraw")
def review_withdraw(finding_id: str, reason: str, by: str, out: Path, state_path: Path | None) -> None:
    """Trek de beslissingen over een bevinding in (ze blijven bewaard, gemarkeerd als ingetrokken).

    Voorbeeld:  convenant review withdraw 3f2a9c1d0e --reden "verkeerde bevinding" --door "A. Punte"
    """
    with _store(out, state_path) as store:
        count = store.withdraw(finding_id, f"{by.strip()}, {now()}: {reason.strip()}")
    if not count:
        raise _fail(f"er is geen beslissing over bevinding {finding_id}; zie 'convenant review list'")
    click.echo(f"{count} beslissing(en) over {finding_id} ingetrokken; "
               f"voer 'convenant run INBOX --out {out}' opnieuw uit om de status bij te werken")


@main.group()
def reference() -> None:
    """De referentielijst: een eigen lijst controleren, of de CBS-cijfers opnieuw ophalen."""


def _shown_comparison(comparison: Comparison, what: str) -> None:
    for line in comparison.notes:
        click.echo(f"let op: {line}")
    if comparison.changes:
        n = len(comparison.changes)
        click.echo(f"{n} verschuldigd{'e bedragen veranderen' if n > 1 else ' bedrag verandert'} {what}:")
        for line in comparison.changes:
            click.echo(f"  {line}")
    else:
        click.echo(f"geen verschuldigd bedrag verandert {what}")


@reference.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--tegen", "against", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="vergelijk met deze lijst in plaats van de standaardlijst (de 41 CBS-cijfers van 1-1-2022)")
def reference_check(file: Path, against: Path | None) -> None:
    """Controleer een referentielijst (41 leden, CBS-codes, inwonertallen, dubbele regels) en toon welke
    verschuldigde bedragen zouden veranderen.

    Voorbeeld:  convenant reference check cbs.xlsx
    """
    try:
        comparison = check_reference(file, against)
    except ConvenantError as exc:
        raise _fail(str(exc)) from exc
    for line in comparison.problems:
        click.echo(f"fout: {line}")
    _shown_comparison(comparison, "ten opzichte van de standaardlijst" if against is None else f"ten opzichte van "
                      f"{against}")
    if comparison.problems:
        raise _fail(f"{file}: {len(comparison.problems)} fout(en); deze lijst is niet bruikbaar als referentie")
    click.echo(f"{file}: bruikbaar als referentie (--reference {file})")


@reference.command("fetch")
@click.option("--year", type=int, default=2022, show_default=True, help="bevolking op 1 januari van dit jaar")
@click.option("--out", "target", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="te schrijven referentiebestand (standaard: cbs_referentie_JAAR.csv)")
@click.option("--reference", "current_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="de huidige lijst (leden, codes, burgemeesters; standaard de 41 G40-leden)")
@click.option("--alle", "everyone", is_flag=True, help="ook alle andere gemeenten (niet-leden) opnemen")
@click.option("--antwoord", "answer", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="een elders opgeslagen antwoord van de CBS-API (JSON) gebruiken in plaats van ophalen")
def reference_fetch(year: int, target: Path | None, current_path: Path | None, everyone: bool,
                    answer: Path | None) -> None:
    """Haal het inwonertal op 1 januari op bij CBS StatLine (open data, tabel 37259ned) en schrijf een
    referentielijst met bron en datum; toont wat er verandert ten opzichte van de huidige lijst.

    Voorbeeld:  convenant reference fetch --year 2022 --out referentie.csv
    """
    try:
        current = load_reference(current_path)
        if answer is not None:
            population = parse_answer(answer.read_bytes(), year, f"CBS StatLine {CBS_TABLE}, Bevolking op 1 januari "
                                      f"{year}, antwoord {answer.name}")
        else:
            population = fetch_population(year)
        text, missing = reference_from(population, current, everyone)
        target = target or Path(f"cbs_referentie_{year}.csv")
        target.write_text(text, encoding="utf-8")
        written = load_reference(target)
    except ConvenantError as exc:
        raise _fail(str(exc)) from exc
    except OSError as exc:
        raise _fail(f"referentie niet te schrijven: {exc}") from exc
    click.echo(f"{len(written.entries)} gemeenten met hun inwonertal op 1 januari {year} geschreven naar {target} "
               f"(bron: {population.source})")
    for name in missing:
        click.echo(f"let op: CBS gaf geen cijfer voor {name}; de cel blijft leeg (nooit een schatting)")
    members = Reference(tuple(e for e in written.entries if current.get(e.municipality)), written.rate,
                        written.source)
    _shown_comparison(compare(members, current), f"ten opzichte van {current.source}")


if __name__ == "__main__":
    main()
