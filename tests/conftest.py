"""Shared fixtures: the seed text, the references, and generated scanned inboxes (made once per session)."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from pipeline.page_text import page_from_text, split_plain_text_pages
from pipeline.reference import load_reference
from pipeline.schema import Page

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "samples"
# OCR results by image content: the OCR itself is tested on its own, other tests may reuse them.
OCR_CACHE = ROOT / ".cache" / "test-ocr"


def csv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV the pipeline or a generator wrote."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def document_row(out: Path, truth: dict[str, str]) -> dict[str, str]:
    """The row of documents.csv in `out` for the document a truth row names (its file and pages)."""
    found = [r for r in csv_rows(out / "documents.csv") if (r["file"], r["pages"]) == (truth["file"], truth["pages"])]
    assert found, f"{truth['file']} p{truth['pages']} was not split out as one document"
    return found[0]


@pytest.fixture(scope="session")
def seed_pages() -> list[Page]:
    text = (DATA / "seed_deventer.txt").read_text(encoding="utf-8")
    return [page_from_text(i, t) for i, t in enumerate(split_plain_text_pages(text), start=1)]


@pytest.fixture(scope="session")
def g40_reference():
    return load_reference()


@pytest.fixture(scope="session")
def sample_reference():
    return load_reference(SAMPLES / "reference.csv")


def tree_hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}
