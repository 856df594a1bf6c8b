"""Signature traps on real generated scans (samples/signature_corpus.py, one agreement per trap kind), read by
the whole pipeline: no printed line, stamp, logo, paraaf or Platform31's signature passes for the municipality's,
and every kind of real signature is found."""

from __future__ import annotations

import csv

import pytest

from pipeline.reference import load_reference
from pipeline.run import RunOptions, run_batch
from samples.signature_corpus import build_signature_corpus

from .conftest import OCR_CACHE, SAMPLES

pytestmark = pytest.mark.ocr


def _rows(path):
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def traps(tmp_path_factory):
    root = tmp_path_factory.mktemp("traps")
    build_signature_corpus(root / "inbox", root / "truth", "office", count=19, seed=77, jobs=2)
    run_batch(root / "inbox", root / "out", load_reference(SAMPLES / "reference.csv"),
              RunOptions(cache_dir=OCR_CACHE, workers=2))
    truth = {r["trap"]: r for r in _rows(root / "truth" / "truth_signatures.csv")}
    documents = {(r["file"], r["pages"]): r for r in _rows(root / "out" / "documents.csv")}
    return {"truth": truth, "documents": documents, "out": root / "out"}


UNSIGNED = ["plain_unsigned", "printed_line_only", "dotted_line", "received_stamp", "logo_near_block",
            "paraaf_only", "platform31_only", "digital_stranger", "decision_after_unsigned"]
SIGNED = ["signed_plain", "blue_ink", "light_ink", "crossing_name", "signed_with_stamp", "signed_with_logo",
          "signed_with_paraaf", "signed_on_line", "born_digital_image", "both_signed_stacked"]


def _read(traps, trap):
    row = traps["truth"][trap]
    return traps["documents"][(row["file"], row["pages"])]


@pytest.mark.parametrize("trap", UNSIGNED)
def test_unsigned_trap_is_never_signed(traps, trap):
    got = _read(traps, trap)
    assert got["doc_type"] == "agreement"
    assert got["signed"] == "no", trap
    status = {r["municipality"]: r["status"] for r in _rows(traps["out"] / "status.csv")}
    assert status.get(got["municipality"]) != "complete"


@pytest.mark.parametrize("trap", SIGNED)
def test_signature_is_found(traps, trap):
    assert _read(traps, trap)["signed"] == "yes", trap


def test_signed_decision_after_an_unsigned_agreement_is_its_own_document(traps):
    name = traps["truth"]["decision_after_unsigned"]["file"]
    found = sorted((r["pages"], r["doc_type"]) for r in traps["documents"].values() if r["file"] == name)
    assert found == [("1-2", "agreement"), ("3", "decision_memo")]


def test_a_strangers_digital_signature_is_named_in_the_finding(traps):
    name = traps["truth"]["digital_stranger"]["file"]
    messages = [r["message"] for r in _rows(traps["out"] / "exceptions.csv") if r["file"] == name]
    assert any("Willekeurige Stagiair" in m and "niet door de ondertekenaar" in m for m in messages), messages
