"""The reading on the house-style family (samples/house_*.py), written apart from the rules: generated scans,
a batch scan of several agreements, a born-digital agreement, a bundle of four documents, a non-member."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import evaluate
from pipeline.reference import default_reference_path, load_reference
from pipeline.run import RunOptions, run_batch
from samples.house_corpus import build_house_corpus

from .conftest import OCR_CACHE, csv_rows, document_row

pytestmark = pytest.mark.ocr
SEED = 31  # a test seed: neither the development seeds (1-3) nor the benchmark's
SCENARIOS = {"batch", "digital", "full_bundle", "unsigned", "wrong_amount", "non_member"}


@pytest.fixture(scope="session")
def house(tmp_path_factory):
    root = tmp_path_factory.mktemp("house")
    build_house_corpus(root / "inbox", root / "truth", "office", SEED, default_reference_path(), only=SCENARIOS)
    run_batch(root / "inbox", root / "out", load_reference(), RunOptions(workers=2, cache_dir=OCR_CACHE))
    return root


def _truth(house: Path, **match: str) -> list[dict[str, str]]:
    return [r for r in csv_rows(house / "truth" / "truth_documents.csv") if all(r[k] == v for k, v in match.items())]


def _read(house: Path, row: dict[str, str]) -> dict[str, str]:
    return document_row(house / "out", row)


def test_a_batch_scan_gives_one_document_per_agreement_with_its_own_fields(house):
    batch_files = {r["documents"] for r in csv_rows(house / "truth" / "truth_status.csv") if r["scenario"] == "batch"}
    assert len(batch_files) == 1
    rows = _truth(house, file=batch_files.pop())
    assert len(rows) >= 3 and len({r["municipality"] for r in rows}) == len(rows)
    for row in rows:
        got = _read(house, row)
        for name in ("doc_type", "municipality", "amount", "signatory", "signed"):
            assert got[name] == row[name], (row["file"], row["pages"], name)


def test_a_born_digital_agreement_is_read_from_its_text_layer(house):
    names = {r["documents"] for r in csv_rows(house / "truth" / "truth_status.csv") if r["scenario"] == "digital"}
    for name in names:
        row = _truth(house, file=name, doc_type="agreement")[0]
        got = _read(house, row)
        for field in ("municipality", "signatory", "date", "amount"):
            assert got[field] == row[field], (name, field)


def test_a_bundle_splits_where_each_document_starts(house):
    for status in csv_rows(house / "truth" / "truth_status.csv"):
        if status["scenario"] == "full_bundle":
            for row in _truth(house, file=status["documents"].split(";")[0]):
                assert _read(house, row)["doc_type"] == row["doc_type"]


def test_statuses_fields_and_findings_against_the_truth(house):
    acc = evaluate(house / "out", house / "truth")
    assert not acc.false_complete
    assert acc.status_correct == acc.status_total, acc.status_errors
    assert acc.overall() >= 0.97, acc.errors
    assert not acc.missed_findings, acc.missed_findings  # unsigned, amount_mismatch, unknown_municipality
    assert acc.reviewer_load() <= 1.5
