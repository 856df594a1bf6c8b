"""Review decisions kept as data: accept a finding, correct a field, or reject a document.

Each decision is tied to the document it was about: its file's SHA-256 and its pages (`Extraction.key`), so
a draft and its signed copy, with the same words, never share one. A decision whose document is gone or has
changed since, or whose value no longer parses, is stale: it is shown, never silently applied or dropped, and
never stops a run.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from pathlib import Path

from .errors import ConfigError
from .normalize import parse_amount, parse_date, parse_integer
from .report.safe_text import FORMULA_START, no_formula
from .schema import Extraction, Field, Finding

ACTIONS = ("accept", "correct", "reject")
CORRECTABLE = ("municipality", "signatory", "date", "amount", "inhabitants", "signed")


@dataclass(frozen=True)
class Decision:
    finding_id: str
    action: str  # accept | correct | reject
    reason: str
    by: str
    at: str  # ISO 8601
    doc_hash: str  # the document the decision was about: 'sha256:pages' (Extraction.key)
    file: str = ""
    pages: str = ""
    municipality: str = ""
    code: str = ""
    field: str = ""  # correct: the field
    value: str = ""  # correct: the value as the reviewer read it from the scan

    def describe(self) -> str:
        what = {"accept": "geaccepteerd", "reject": "document afgewezen",
                "correct": f"{self.field} gecorrigeerd naar {self.value}"}[self.action]
        return f"{what} door {self.by} op {self.at[:10]}: {self.reason}"


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def parse_value(field: str, text: str) -> object:
    """A corrected value typed by a reviewer, as the typed value the pipeline uses; ConfigError if it isn't."""
    parsers = {"amount": parse_amount, "date": parse_date, "inhabitants": parse_integer}
    if field not in CORRECTABLE:
        raise ConfigError(f"veld {field!r} kan niet worden gecorrigeerd; kies uit {', '.join(CORRECTABLE)}")
    if field == "signed":
        if text.strip().lower() not in ("ja", "nee", "yes", "no"):
            raise ConfigError("handtekening: geef ja of nee")
        return text.strip().lower() in ("ja", "yes")
    if field in parsers:
        value = parsers[field](text)
        if value is None or (field != "date" and value <= 0):
            raise ConfigError(f"{text!r} is geen geldige waarde voor {field}")
        return value
    if not text.strip():
        raise ConfigError(f"een lege waarde voor {field} is geen correctie")
    return text.strip()


@dataclass(frozen=True)
class Applied:
    extractions: list[Extraction]  # with corrections applied, rejected documents left out
    rejected: list[Extraction]
    accepted: dict[str, str]  # finding ID -> description
    stale: list[Decision]
    decisions: list[Decision]  # the ones applied


def apply_decisions(extractions: list[Extraction], decisions: list[Decision]) -> Applied:
    by_key = {e.key: e for e in extractions}
    out = {id(e): e for e in extractions}
    rejected, accepted, stale, done = [], {}, [], []
    for d in decisions:
        target = by_key.get(d.doc_hash) if d.doc_hash else None
        if d.doc_hash and target is None:
            stale.append(d)  # its document changed or is gone: shown, not applied
            continue
        if d.action == "correct":
            try:
                value = parse_value(d.field, d.value)
            except ConfigError:
                stale.append(d)  # a value no correction could have (imported, or from another version)
                continue
        done.append(d)
        if d.action == "accept":
            accepted[d.finding_id] = d.describe()
        elif d.action == "reject" and target is not None:
            rejected.append(out.pop(id(target), target))
        elif d.action == "correct" and target is not None and id(target) in out:
            field = Field(d.field, value, d.value, 1.0, f"review: {d.by}, {d.at[:10]}",
                          target.fields[d.field].evidence if d.field in target.fields else None)
            updated = replace(target, fields={**out[id(target)].fields, d.field: field})
            if d.field == "signed":
                updated = replace(updated, signed=bool(value), signature_problem="")
            out[id(target)] = updated
    order = [out[id(e)] for e in extractions if id(e) in out]
    return Applied(order, rejected, accepted, stale, done)


COLUMNS = [f.name for f in fields(Decision)]


def to_csv(decisions: list[Decision]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for d in decisions:
        writer.writerow({k: no_formula(v) for k, v in asdict(d).items()})
    return buf.getvalue()


def _cell(text: str | None) -> str:
    """A cell as written by to_csv, its formula guard taken off again."""
    text = (text or "").strip()
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def from_csv(path: Path, findings: dict[str, Finding] | None = None) -> list[Decision]:
    """Decisions from a CSV file; every row checked (finding ID of the last run, the document it is about,
    action, field, value parsed as a correction would be, reason, reviewer, time) before any is returned.
    ConfigError lists every bad row. Rows that repeat one another count once."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
            header = reader.fieldnames or []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"beslissingen niet te lezen: {exc}") from exc
    lacking = [c for c in ("finding_id", "action", "reason", "by", "at", "doc_hash") if c not in header]
    if lacking:
        raise ConfigError(f"{path}: geen beslissingen zoals 'review export' ze schrijft (kolom(men) "
                          f"{', '.join(lacking)} ontbreken)")
    decisions, problems = [], []
    for lineno, row in enumerate(rows, start=2):
        d = Decision(**{c: _cell(row.get(c)) for c in COLUMNS})
        problem = _problem(d, findings)
        if problem:
            problems.append(f"regel {lineno}: {problem}")
        elif findings is not None:  # what the decision is about comes from the finding, not from the file
            f = findings[d.finding_id]
            d = replace(d, file=f.file, pages=f.pages, municipality=f.municipality, code=f.code)
        if d not in decisions:
            decisions.append(d)
    if problems:
        raise ConfigError(f"{path}: niets ingelezen, {len(problems)} ongeldige regel(s):\n  " + "\n  ".join(problems))
    return decisions


def _problem(d: Decision, findings: dict[str, Finding] | None) -> str:
    missing = [c for c in ("finding_id", "action", "reason", "by", "at") if not getattr(d, c)]
    if missing:
        return f"{', '.join(missing)} ontbreekt"
    if not re.fullmatch(r"[0-9a-f]{10}", d.finding_id):
        return f"{d.finding_id!r} is geen bevinding-ID"
    if d.action not in ACTIONS:
        return f"actie {d.action!r} is geen van {', '.join(ACTIONS)}"
    if findings is not None:
        finding = findings.get(d.finding_id)
        if finding is None:
            return f"bevinding {d.finding_id} staat niet in de laatste run"
        if d.doc_hash != finding.doc_hash:
            return f"het document ({d.doc_hash or 'geen'}) is niet dat van bevinding {d.finding_id}"
        if d.action in ("correct", "reject") and not finding.doc_hash:
            return f"bevinding {d.finding_id} gaat niet over één document; er is niets te corrigeren of af te wijzen"
    if d.action == "correct":
        try:
            parse_value(d.field, d.value)
        except ConfigError as exc:
            return str(exc)
    try:
        datetime.fromisoformat(d.at)
    except ValueError:
        return f"tijdstip {d.at!r} is geen datum en tijd"
    return ""
