"""Evidence crops as files in OUT/evidence/, one per finding that points at a field with a crop."""

from __future__ import annotations

from pathlib import Path

from ..schema import Extraction, Finding
from .csv_files import write_atomic


def crop_of(finding: Finding, extractions: dict[tuple[str, str], Extraction]) -> tuple[Extraction, bytes] | None:
    ex = extractions.get((finding.file, finding.pages))
    if ex is None or not finding.field or finding.field not in ex.crops:
        return None
    return ex, ex.crops[finding.field]


def index(extractions: list[Extraction]) -> dict[tuple[str, str], Extraction]:
    return {(e.file.path, e.pages): e for e in extractions}


def write_evidence(out: Path, extractions: list[Extraction], findings: tuple[Finding, ...]) -> list[str]:
    """Write the crops the findings point at; returns each finding's crop path relative to OUT ('' if none)."""
    folder = out / "evidence"
    folder.mkdir(exist_ok=True)
    by_doc = index(extractions)
    paths, written = [], set()
    for finding in findings:
        found = crop_of(finding, by_doc)
        if found is None:
            paths.append("")
            continue
        ex, png = found
        name = f"{ex.file.sha256[:12]}_p{ex.pages}_{finding.field}.png"
        if name not in written:
            write_atomic(folder / name, png)
            written.add(name)
        paths.append(f"evidence/{name}")
    for stale in folder.glob("*.png"):
        if stale.name not in written:
            stale.unlink()
    return paths
