"""Ingest: find the input files of an inbox, identify them by SHA-256 and by what their bytes are."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .email_intake import expand_eml
from .schema import SourceFile

log = logging.getLogger(__name__)

# Files that office software and operating systems leave next to real documents.
_SKIP_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
_SKIP_PREFIXES = (".", "~$", ".~lock")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_EML_HEADERS = re.compile(rb"^(?:Return-Path|Received|From|To|Subject|Date|MIME-Version|Message-ID|"
                          rb"Delivered-To|X-[\w-]+|Content-Type):", re.IGNORECASE | re.MULTILINE)


def sniff_kind(head: bytes, name: str = "") -> str:
    """What the first bytes say the file is: 'pdf', 'image', 'eml' or 'unknown' (never the extension alone)."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")):
        return "image"
    if name.lower().endswith(".eml") or len(_EML_HEADERS.findall(head[:1024])) >= 2:
        return "eml"
    return "unknown"


def describe_unknown(head: bytes, name: str) -> str:
    """What an unsupported file most likely is, and what to do about it, in Dutch."""
    low = head[:512].lower()
    if name.lower().endswith(".msg") or head.startswith(b"\xd0\xcf\x11\xe0"):
        return ("Outlook-bericht (.msg) of oud Office-bestand: wordt niet gelezen; sla het bericht in Outlook op als "
                ".eml (Opslaan als > Outlook-berichtindeling - Unicode is niet genoeg; kies 'E-mail (.eml)') of sla "
                "de bijlage los op als PDF")
    if low.lstrip().startswith((b"<!doctype html", b"<html")):
        return "een webpagina (HTML), geen PDF: download of print het document opnieuw als PDF"
    if head.startswith(b"PK\x03\x04"):
        return "een Office-document of zip-bestand, geen PDF: exporteer het als PDF"
    return "geen PDF, JPG, PNG, TIFF of e-mail (de inhoud van het bestand is iets anders)"


def _skip_reason(rel: Path) -> str | None:
    for part in rel.parts:
        low = part.lower()
        if low in _SKIP_NAMES or part.startswith(_SKIP_PREFIXES):
            return "verborgen of tijdelijk bestand"
    return None


def scan_inbox(inbox: Path, attachments_dir: Path | None = None) -> tuple[list[SourceFile], list[Skipped]]:
    """All inputs below `inbox`, sorted by path; symlinks are not followed; a saved e-mail gives its
    attachments (copied to `attachments_dir`)."""
    files: list[SourceFile] = []
    skipped: list[Skipped] = []
    for path in _walk(inbox):
        rel = path.relative_to(inbox)
        rel_str = rel.as_posix()
        if path.is_symlink():
            skipped.append(Skipped(rel_str, "symbolische koppeling, niet gevolgd"))
            continue
        reason = _skip_reason(rel)
        if reason:
            skipped.append(Skipped(rel_str, reason))
            continue
        if not path.is_file():
            skipped.append(Skipped(rel_str, "geen gewoon bestand (pijp, apparaat of socket), niet gelezen"))
            continue
        try:
            with path.open("rb") as fh:
                head = fh.read(1024)
        except OSError as exc:  # no permission, a file that vanished: a row, never the end of the batch
            log.warning("%s: niet te openen (%s)", rel_str, exc.strerror or exc)
            files.append(SourceFile(path=rel_str, sha256=hashlib.sha256(f"denied:{rel_str}".encode()).hexdigest(),
                                    size=1, kind="denied"))
            continue
        kind = sniff_kind(head, path.name)
        if kind == "eml" and attachments_dir is not None:
            files.extend(expand_eml(path, rel_str, attachments_dir, sniff_kind))
            continue
        files.append(SourceFile(path=rel_str, sha256=sha256_of(path), size=path.stat().st_size, kind=kind))
    for s in skipped:
        log.info("%s: overgeslagen (%s)", s.path, s.reason)
    return files, skipped


def _walk(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*"), key=lambda p: p.as_posix()):
        if not path.is_dir() or path.is_symlink():
            yield path
