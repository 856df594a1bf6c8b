"""The state store: each file's result by SHA-256 and pipeline version, so a re-run reads only what is new.
Results are kept as JSON (pipeline/state_codec.py), never as pickles: a shared state file holds data only.

An embedded SQLite database (standard library). A result is committed as soon as its file is done, so a
run killed half-way loses nothing: the next run resumes. One run at a time holds the store's lock.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import sqlite3
import time
from contextlib import suppress
from dataclasses import asdict, replace
from functools import cache
from pathlib import Path
from typing import IO

from . import __version__, state_codec
from .decisions import COLUMNS as DECISION_COLUMNS
from .decisions import Decision
from .errors import ConfigError
from .extraction import FileResult
from .ocr import OCR_VERSION
from .reference import Reference
from .rules import models_dir, rules_version
from .schema import Finding, Severity, SourceFile
from .text import TextSettings

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    sha256   TEXT NOT NULL,
    version  TEXT NOT NULL,
    result   BLOB NOT NULL,
    saved    TEXT NOT NULL,
    PRIMARY KEY (sha256, version)
);
CREATE TABLE IF NOT EXISTS decisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id TEXT NOT NULL, action TEXT NOT NULL, reason TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL,
    doc_hash TEXT NOT NULL, file TEXT, pages TEXT, municipality TEXT, code TEXT, field TEXT, value TEXT
);
CREATE TABLE IF NOT EXISTS stale (finding_id TEXT, at TEXT, by TEXT);
CREATE TABLE IF NOT EXISTS findings (
    id TEXT PRIMARY KEY, severity TEXT, code TEXT, municipality TEXT, file TEXT, pages TEXT, field TEXT,
    doc_hash TEXT, message TEXT, accepted_by TEXT
);
"""
_ADDED_COLUMNS = {  # columns later versions added: (table, column, type)
    ("findings", "occurrence", "INTEGER NOT NULL DEFAULT 0"),
    ("decisions", "withdrawn", "TEXT NOT NULL DEFAULT ''"),  # 'by, at: reason' when withdrawn
}


@cache
def _code_and_rules_hash() -> str:
    """A hash of the package's source and the rule files: a changed line means stored results are re-read."""
    digest = hashlib.sha256()
    roots = [Path(__file__).resolve().parent, models_dir()]
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".jsonl")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def version_key(settings: TextSettings, reference: Reference, skip_pages: bool) -> str:
    """Everything a file's result depends on besides its bytes: code, rules, OCR settings, member names."""
    members = "|".join(f"{e.municipality}:{e.mayor}:{','.join(e.aliases)}" for e in reference.entries)
    parts = [__version__, rules_version(), _code_and_rules_hash(), OCR_VERSION, repr(settings), str(skip_pages),
             hashlib.sha256(members.encode()).hexdigest()[:12]]
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:20]


class StateStore:
    """Results of files already read, keyed by (sha256, version)."""

    def __init__(self, path: Path, wait_seconds: float = 0.0) -> None:
        self.path = path
        self._lock_file: IO[str] | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._lock_file = _acquire_lock(path.with_name(path.name + ".lock"), wait_seconds)
            self.db = sqlite3.connect(path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
            for table, column, kind in sorted(_ADDED_COLUMNS):
                if column not in {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            self.db.commit()
        except (sqlite3.Error, OSError) as exc:
            self.close()
            raise ConfigError(f"de database met resultaten {path} is niet te openen of te schrijven ({exc}); "
                              "geef een andere met --state, of verwijder deze (alles wordt dan opnieuw gelezen, "
                              "beslissingen gaan verloren)") from exc

    def get(self, source: SourceFile, version: str) -> FileResult | None:
        row = self.db.execute("SELECT result FROM results WHERE sha256 = ? AND version = ?",
                              (source.sha256, version)).fetchone()
        if row is None:
            return None
        try:
            stored = state_codec.loads(row[0])
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:  # another version's
            # row, a row edited by hand, or no result at all: the file is read again
            log.info("%s: opgeslagen resultaat onbruikbaar (%s), opnieuw lezen", source.path, exc)
            return None
        return _as_file(stored, source)

    def put(self, result: FileResult, version: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                        (result.source.sha256, version, state_codec.dumps(result),
                         time.strftime("%Y-%m-%dT%H:%M:%S")))
        self.db.commit()

    def add_decision(self, decision: Decision) -> None:
        self.add_decisions([decision])

    def decisions(self) -> list[Decision]:
        """All decisions in force, oldest first (a later decision on a finding comes after an earlier one)."""
        cols = ", ".join(DECISION_COLUMNS)
        return [Decision(*row) for row in
                self.db.execute(f"SELECT {cols} FROM decisions WHERE withdrawn = '' ORDER BY seq")]

    def add_decisions(self, decisions: list[Decision]) -> None:
        """Several decisions at once: all stored, or none."""
        with self.db:
            for decision in decisions:
                values = asdict(decision)
                self.db.execute(f"INSERT INTO decisions ({', '.join(values)}) "
                                f"VALUES ({', '.join('?' * len(values))})", list(values.values()))

    def withdraw(self, finding_id: str, note: str) -> int:
        """Withdraw the decisions on a finding (kept, marked withdrawn); how many were in force."""
        with self.db:
            cursor = self.db.execute("UPDATE decisions SET withdrawn = ? WHERE finding_id = ? AND withdrawn = ''",
                                     (note, finding_id))
        return cursor.rowcount

    def save_findings(self, findings: tuple[Finding, ...], stale: list[Decision]) -> None:
        """The findings and stale decisions of the last run, for `convenant review` to look up."""
        self.db.execute("DELETE FROM stale")
        self.db.executemany("INSERT INTO stale VALUES (?, ?, ?)", [(d.finding_id, d.at, d.by) for d in stale])
        self.db.execute("DELETE FROM findings")
        self.db.executemany("INSERT OR REPLACE INTO findings (id, severity, code, municipality, file, pages, field, "
                            "doc_hash, message, accepted_by, occurrence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [(f.id, f.severity.value, f.code, f.municipality, f.file, f.pages, f.field, f.doc_hash,
                              f.message, f.accepted_by, f.occurrence) for f in findings])
        self.db.commit()

    def stale(self) -> set[tuple[str, str, str]]:
        return set(self.db.execute("SELECT finding_id, at, by FROM stale").fetchall())

    def findings(self) -> list[Finding]:
        rows = self.db.execute("SELECT severity, code, municipality, file, message, pages, field, doc_hash, "
                               "accepted_by, occurrence FROM findings").fetchall()
        return [Finding(Severity(r[0]), *r[1:]) for r in rows]

    def close(self) -> None:
        if getattr(self, "db", None) is not None:
            self.db.close()
            self.db = None  # type: ignore[assignment]
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            with suppress(ValueError):
                _HELD.remove(self._lock_file)
            self._lock_file.close()
            self._lock_file = None

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _as_file(result: FileResult, source: SourceFile) -> FileResult:
    """A stored result for the same bytes under this file's current name."""
    if result.source == source:
        return result
    extractions = tuple(replace(e, file=source) for e in result.extractions)
    return replace(result, source=source, extractions=extractions)


_HELD: list[IO[str]] = []  # lock files this process holds open


def forget_inherited_locks() -> None:
    """In a forked worker: close its copies of the parent's lock files, so that only the parent holds the lock
    and a parent killed outright frees it at once (closing a copy does not unlock; unlocking here would)."""
    for fh in _HELD:
        with suppress(OSError):
            fh.close()
    _HELD.clear()


def _acquire_lock(path: Path, wait_seconds: float) -> IO[str]:
    fh = path.open("a+", encoding="utf-8")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            _HELD.append(fh)
            return fh
        except BlockingIOError:
            if time.monotonic() >= deadline:
                fh.close()
                raise ConfigError(f"een andere run gebruikt {path.with_suffix('')} al; wacht tot die klaar is "
                                  "(of geef --wait SECONDEN)") from None
            time.sleep(0.2)
