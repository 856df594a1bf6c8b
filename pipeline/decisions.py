"""Review decisions kept as data: accept a finding, correct a field, or reject a document.

Each decision is tied to the content hash of the document it was about. A decision whose document has
changed since is stale: it is shown, never silently applied or dropped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from pathlib import Path

from .errors import ConfigError
from .normalize import parse_amount, parse_date, parse_integer
from .schema import Extraction, Field

ACTIONS = ("accept", "correct", "reject")
CORRECTABLE = ("municipality", "signatory", "date", "amount", "inhabitants", "signed")


@dataclass(frozen=True)
class Decision:
    finding_id: str
    action: str  # accept | correct | reject
    reason: str
    by: str
    at: str  # ISO 8601
    doc_hash: str  # the document the decision was about
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
        if value is None:
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
    by_hash = {e.content_hash or e.file.sha256: e for e in extractions}
    out = {id(e): e for e in extractions}
    rejected, accepted, stale, done = [], {}, [], []
    for d in decisions:
        target = by_hash.get(d.doc_hash) if d.doc_hash else None
        if d.doc_hash and target is None:
            stale.append(d)  # its document changed or is gone: shown, not applied
            continue
        done.append(d)
        if d.action == "accept":
            accepted[d.finding_id] = d.describe()
        elif d.action == "reject" and target is not None:
            rejected.append(out.pop(id(target), target))
        elif d.action == "correct" and target is not None and id(target) in out:
            value = parse_value(d.field, d.value)
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
        writer.writerow(asdict(d))
    return buf.getvalue()


def from_csv(path: Path) -> list[Decision]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise ConfigError(f"beslissingen niet te lezen: {exc}") from exc
    decisions = []
    for lineno, row in enumerate(rows, start=2):
        missing = [c for c in ("finding_id", "action", "reason", "by") if not (row.get(c) or "").strip()]
        if missing or row.get("action") not in ACTIONS:
            raise ConfigError(f"{path}, regel {lineno}: ongeldige beslissing ({', '.join(missing) or 'actie'})")
        decisions.append(Decision(**{c: (row.get(c) or "").strip() for c in COLUMNS}))
    return decisions
