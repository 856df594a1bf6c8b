"""The reading on the desk family (samples/desk_corpus.py): documents written one by one as by different
clerks, by a helper who saw neither the rules nor the other generators. A batch scan of three agreements, the
born-digital files and the phone photos of one test seed, read from generated files (no mocks)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest

from pipeline.reference import default_reference_path, load_reference
from pipeline.run import RunOptions, run_batch
from samples.desk_corpus import build_desk_corpus

from .conftest import OCR_CACHE, csv_rows, document_row

pytestmark = pytest.mark.ocr
SEED = 31  # a test seed: not the development seed (1) nor the benchmark's (501, 502)


def _born_digital(path: Path) -> bool:
    with pdfplumber.open(path) as pdf:
        return any(page.chars for page in pdf.pages)


@pytest.fixture(scope="session")
def desk(tmp_path_factory):
    """The seed's corpus, of which the batch scan, the born-digital PDFs and the photos are read."""
    root = tmp_path_factory.mktemp("desk")
    build_desk_corpus(root / "all", root / "truth", "office", SEED, default_reference_path())
    truth = csv_rows(root / "truth" / "truth_documents.csv")
    agreements: dict[str, int] = {}
    for row in truth:
        agreements[row["file"]] = agreements.get(row["file"], 0) + (row["doc_type"] == "agreement")
    batch = [name for name, n in agreements.items() if n >= 3]
    digital = [p.name for p in (root / "all").glob("*.pdf") if _born_digital(p)]
    photos = [p.name for p in (root / "all").iterdir() if p.suffix.lower() in (".jpg", ".jpeg")]
    (root / "inbox").mkdir()
    for name in {*batch, *digital, *photos}:
        shutil.copy2(root / "all" / name, root / "inbox" / name)
    run_batch(root / "inbox", root / "out", load_reference(), RunOptions(workers=2, cache_dir=OCR_CACHE))
    return root, truth, {"batch": batch, "digital": digital, "photos": photos}


def _read(root: Path, row: dict[str, str]) -> dict[str, str]:
    return document_row(root / "out", row)


def test_the_corpus_has_what_these_tests_read(desk):
    _root, _truth, picked = desk
    assert len(picked["batch"]) == 1 and picked["digital"] and picked["photos"]


def test_a_batch_of_agreements_in_other_words_gives_each_its_own_fields(desk):
    root, truth, picked = desk
    rows = [r for r in truth if r["file"] == picked["batch"][0]]
    assert len([r for r in rows if r["doc_type"] == "agreement"]) >= 3
    for row in rows:
        got = _read(root, row)
        assert got["doc_type"] == row["doc_type"], row
        if row["doc_type"] == "agreement":
            for name in ("municipality", "amount", "signed"):
                assert got[name] == row[name], (row["file"], row["pages"], name)


def test_born_digital_documents_are_read_from_their_text_layer(desk):
    root, truth, picked = desk
    for row in (r for r in truth if r["file"] in picked["digital"] and r["doc_type"] == "agreement"):
        got = _read(root, row)
        for name in ("municipality", "signatory", "amount", "signed"):
            assert got[name] == row[name], (row["file"], name)


def test_a_photo_of_a_page_is_read_for_its_municipality_and_signature(desk):
    root, truth, picked = desk
    for row in (r for r in truth if r["file"] in picked["photos"]):
        got = _read(root, row)
        assert (got["municipality"], got["signed"]) == (row["municipality"], row["signed"]), row["file"]


def test_no_document_of_these_files_is_shown_complete_wrongly(desk):
    root, truth, picked = desk
    read = {name for names in picked.values() for name in names}
    status = {r["municipality"]: r for r in csv_rows(root / "out" / "status.csv")}
    for row in truth:
        if row["file"] in read and row["doc_type"] == "agreement" and row["signed"] == "no":
            assert status[row["municipality"]]["status"] != "complete", row
