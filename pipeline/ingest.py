"""Ingest: find the input files of an inbox, identify them by SHA-256 and by what their bytes are."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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


def sniff_kind(head: bytes) -> str:
    """What the first bytes say the file is: 'pdf', 'image' or 'unknown' (never the extension)."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")):
        return "image"
    return "unknown"


def _skip_reason(rel: Path) -> str | None:
    for part in rel.parts:
        low = part.lower()
        if low in _SKIP_NAMES or part.startswith(_SKIP_PREFIXES):
            return "verborgen of tijdelijk bestand"
    return None


def scan_inbox(inbox: Path) -> tuple[list[SourceFile], list[Skipped]]:
    """All input files below `inbox`, sorted by path; symlinks are not followed."""
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
        with path.open("rb") as fh:
            head = fh.read(1024)
        files.append(SourceFile(path=rel_str, sha256=sha256_of(path), size=path.stat().st_size,
                                kind=sniff_kind(head)))
    for s in skipped:
        log.info("%s: overgeslagen (%s)", s.path, s.reason)
    return files, skipped


def _walk(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*"), key=lambda p: p.as_posix()):
        if path.is_symlink() or path.is_file():
            yield path
