"""Shared fixtures: the seed text, the references, and generated scanned inboxes (made once per session)."""

from __future__ import annotations

import csv
import hashlib
import os
import tarfile
from pathlib import Path

import pytest

from pipeline.page_text import page_from_text, split_plain_text_pages
from pipeline.reference import load_reference
from pipeline.schema import Page

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "samples"
# OCR results by image content: the OCR itself is tested on its own, other tests may reuse them.
OCR_CACHE = Path(os.environ.get("CONVENANT_TEST_OCR_CACHE") or ROOT / ".cache" / "test-ocr")
# ... and the results the tests' generated scans gave, kept with the tests (`make test-ocr-seed` writes it): a
# clean checkout starts with them, so tesseract reads again only pages whose pixels differ (another Pillow,
# another preprocessing). An entry is keyed by the pixels sent to tesseract and the OCR version: a stale one is
# never found, only unused.
OCR_SEED = DATA / "ocr-seed.tar.xz"


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("CONVENANT_TEST_OCR_CACHE") or not OCR_SEED.exists():
        return  # writing a new seed: start empty
    OCR_CACHE.mkdir(parents=True, exist_ok=True)
    with tarfile.open(OCR_SEED) as tar:
        for member in tar.getmembers():
            name = Path(member.name).name
            if member.isfile() and name.endswith(".json") and not (OCR_CACHE / name).exists():
                data = tar.extractfile(member)
                if data is not None:
                    (OCR_CACHE / name).write_bytes(data.read())


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
