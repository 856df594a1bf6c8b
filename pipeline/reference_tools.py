"""The reference beside the run: check a user's reference against the default one, and fetch the population
on 1 January from CBS StatLine's open data (table 37259ned) to write a new one.

Both say what would change for the relation manager: which members' expected contributions differ.
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import ConfigError
from .fields.gazetteer import cbs_code, cbs_names
from .normalize import name_key
from .reconcile import count, euro
from .reference import Reference, default_reference_path, expected_amount, load_reference

CBS_TABLE = "37259ned"  # Bevolkingsontwikkeling; levend geborenen, overledenen en migratie per regio
CBS_URL = f"https://opendata.cbs.nl/ODataApi/odata/{CBS_TABLE}/TypedDataSet"
TOTAL = "T001038"  # Geslacht: totaal mannen en vrouwen
MEMBERS = 41


@dataclass
class Comparison:
    """What a reference would change: problems that make it unfit, and the members whose figures differ."""

    problems: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _amount_change(name: str, old: int | None, new: int | None, ref: Reference) -> str:
    def shown(n: int | None) -> str:
        if n is None:
            return "geen inwonertal (bedrag onbekend)"
        return f"{count(n)} inwoners, {euro(expected_amount(n, ref.rate))}"
    return f"{name}: {shown(old)} -> {shown(new)}"


def compare(new: Reference, old: Reference) -> Comparison:
    """`new` checked as a G40 reference (members, codes, figures, duplicates) and compared with `old`."""
    result = Comparison()
    old_by_key = {name_key(e.municipality): e for e in old.entries}
    new_by_key = {name_key(e.municipality): e for e in new.entries}
    for key, entry in old_by_key.items():
        if key not in new_by_key:
            result.problems.append(f"{entry.municipality} ontbreekt")
    for key, entry in new_by_key.items():
        if key not in old_by_key:
            result.problems.append(f"{entry.municipality} is geen lid van de G40 volgens de standaardlijst")
    if len(new.entries) != MEMBERS:
        result.notes.append(f"{len(new.entries)} gemeenten (de G40 heeft er {MEMBERS})")
    codes: dict[str, str] = {}
    for entry in new.entries:
        if entry.inhabitants is None:
            result.problems.append(f"{entry.municipality}: geen inwonertal (het verschuldigde bedrag is onbekend)")
        code = entry.cbs_code
        if code:
            if not re.fullmatch(r"GM\d{4}", code):
                result.problems.append(f"{entry.municipality}: CBS-code {code!r} heeft niet de vorm GM0000")
            elif (known := cbs_code(entry.municipality)) and known != code:
                result.problems.append(f"{entry.municipality}: CBS-code {code}, volgens CBS {known}")
            if code in codes:
                result.problems.append(f"CBS-code {code} staat twee keer in de lijst ({codes[code]}, "
                                       f"{entry.municipality})")
            codes[code] = entry.municipality
        before = old_by_key.get(name_key(entry.municipality))
        if before is not None and before.inhabitants != entry.inhabitants:
            result.changes.append(_amount_change(entry.municipality, before.inhabitants, entry.inhabitants, new))
    return result


def check_reference(path: Path, against: Path | None = None) -> Comparison:
    """A user's reference file checked and compared with the default (or `against`)."""
    try:
        new = load_reference(path)
    except ConfigError as exc:
        return Comparison(problems=[str(exc)])
    return compare(new, load_reference(against or default_reference_path()))


@dataclass(frozen=True)
class Population:
    """CBS population on 1 January of `year`, by municipality code."""

    year: int
    by_code: dict[str, int]
    source: str


def _query(year: int) -> str:
    return urllib.parse.urlencode({
        "$filter": f"Geslacht eq '{TOTAL}' and Perioden eq '{year}JJ00' and substringof('GM',RegioS)",
        "$select": "RegioS,BevolkingOp1Januari_1",
        "$format": "json",
    }, quote_via=urllib.parse.quote)


def parse_answer(data: bytes, year: int, source: str) -> Population:
    """The figures in an answer of the OData API (TypedDataSet of 37259ned, as JSON)."""
    try:
        rows = json.loads(data)["value"]
        by_code = {str(r["RegioS"]).strip(): int(r["BevolkingOp1Januari_1"]) for r in rows
                   if r.get("BevolkingOp1Januari_1") is not None and str(r["RegioS"]).strip().startswith("GM")}
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"het antwoord van CBS is niet te lezen ({type(exc).__name__}: {exc})") from exc
    if not by_code:
        raise ConfigError(f"CBS gaf geen bevolkingscijfers voor 1 januari {year} (tabel {CBS_TABLE})")
    return Population(year, by_code, source)


def fetch_population(year: int, timeout: float = 30.0) -> Population:
    """The population of every municipality on 1 January of `year` from CBS; ConfigError (one line) when CBS
    cannot be reached."""
    url = f"{CBS_URL}?{_query(year)}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ConfigError(f"CBS StatLine is niet bereikbaar ({reason}); geen referentie opgehaald") from exc
    return parse_answer(data, year, f"CBS StatLine {CBS_TABLE}, Bevolking op 1 januari {year}, "
                                    f"opgehaald {date.today().isoformat()}")


def reference_from(population: Population, current: Reference, everyone: bool = False) -> tuple[str, list[str]]:
    """A reference CSV for the members of `current` (or every municipality) with the fetched figures; and the
    members CBS gave no figure for (their cell stays empty: never an estimate)."""
    rows, missing = [], []
    members = {e.cbs_code or cbs_code(e.municipality): e for e in current.entries}
    for code, entry in sorted(members.items(), key=lambda kv: kv[1].municipality):
        figure = population.by_code.get(code)
        if figure is None:
            missing.append(entry.municipality)
        rows.append([entry.municipality, code, "" if figure is None else str(figure),
                     "verified" if figure is not None else "unknown", population.source, entry.mayor])
    if everyone:
        names = cbs_names()  # the 345 of 2022; a code of another year keeps its code as name
        for code in sorted(set(population.by_code) - set(members)):
            rows.append([names.get(code, code), code, str(population.by_code[code]), "verified", population.source,
                         ""])
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["municipality", "cbs_code", "inhabitants", "inhabitants_status", "inhabitants_source", "mayor"])
    writer.writerows(rows)
    return buf.getvalue(), missing
