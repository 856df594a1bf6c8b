"""End to end on scanned inboxes: the committed demo inbox and a freshly generated one, against their truth."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.evaluate import FIELDS, evaluate
from pipeline.report.csv_files import DOCUMENT_COLUMNS, EXCEPTION_COLUMNS, STATUS_COLUMNS
from samples.corpus import build
from samples.generator import DAMAGE

from .conftest import OCR_CACHE, SAMPLES, csv_rows, tree_hashes

pytestmark = pytest.mark.ocr

TRUTH = SAMPLES / "truth"


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def _run(inbox: Path, out: Path, *extra: str):
    return CliRunner().invoke(main, ["run", str(inbox), "--out", str(out), "--reference",
                                     str(SAMPLES / "reference.csv"), *extra])


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    inbox = SAMPLES / "inbox"
    before = tree_hashes(inbox)
    out = tmp_path_factory.mktemp("demo-out")
    result = _run(inbox, out, "--cache", str(OCR_CACHE))
    return {"result": result, "out": out, "before": before, "inbox": inbox}


def test_demo_run_succeeds_with_a_summary(demo):
    result = demo["result"]
    assert result.exit_code == 0, result.output
    assert "8 van 41 compleet, 4 uitzondering, 29 ontbreekt" in result.output


def test_output_contract_columns(demo):
    out = demo["out"]
    assert _header(out / "documents.csv")[:11] == DOCUMENT_COLUMNS == [
        "file", "pages", "doc_type", "municipality", "signatory", "date", "amount", "inhabitants", "signed",
        "confidence", "error"]
    assert _header(out / "status.csv")[:6] == STATUS_COLUMNS == [
        "municipality", "inhabitants", "expected_amount", "status", "documents", "issues"]
    assert _header(out / "exceptions.csv")[:5] == EXCEPTION_COLUMNS == [
        "severity", "code", "municipality", "file", "message"]


def test_every_inbox_file_has_a_row_bad_ones_included(demo):
    files = {r["file"] for r in csv_rows(demo["out"] / "documents.csv")}
    assert files == set(demo["before"])
    errors = {r["file"]: r["error"] for r in csv_rows(demo["out"] / "documents.csv") if r["error"]}
    assert errors == {"leeg.pdf": "empty", "afgebroken.pdf": "unreadable", "beveiligd.pdf": "encrypted",
                      "webpagina.pdf": "unsupported", "notitie.docx": "unsupported"}


def test_inbox_is_never_changed(demo):
    assert tree_hashes(demo["inbox"]) == demo["before"]


@pytest.mark.parametrize("truth", csv_rows(TRUTH / "truth_documents.csv"), ids=lambda r: f"{r['file']}:{r['pages']}")
def test_demo_document_fields(demo, truth):
    got = [r for r in csv_rows(demo["out"] / "documents.csv") if (r["file"], r["pages"]) == (truth["file"],
                                                                                           truth["pages"])]
    assert len(got) == 1, f"no single row for {truth['file']} pages {truth['pages']}"
    assert {k: got[0][k] for k in FIELDS} == {k: truth[k] for k in FIELDS}


@pytest.mark.parametrize("truth", csv_rows(TRUTH / "truth_status.csv"), ids=lambda r: r["municipality"])
def test_demo_statuses(demo, truth):
    status = {r["municipality"]: r for r in csv_rows(demo["out"] / "status.csv")}
    row = status[truth["municipality"]]
    assert row["status"] == truth["status"]
    assert set(filter(None, truth["issues"].split(";"))) <= set(row["issues"].split(";"))
    assert row["documents"] == truth["documents"]


def test_status_has_all_41_sorted_and_expected_amounts(demo):
    rows = csv_rows(demo["out"] / "status.csv")
    assert len(rows) == 41
    assert [r["municipality"] for r in rows] == sorted(r["municipality"] for r in rows)
    deventer = next(r for r in rows if r["municipality"] == "Deventer")
    assert (deventer["inhabitants"], deventer["expected_amount"]) == ("101446", "15216.90")


def test_findings_use_only_contract_codes(demo):
    codes = {"amount_mismatch", "inhabitants_mismatch", "unknown_municipality", "unsigned", "unreadable",
             "unclassified", "duplicate", "no_agreement", "no_reference", "conflicting_documents",
             "low_confidence", "missing_field", "date_out_of_range"}
    rows = csv_rows(demo["out"] / "exceptions.csv")
    assert {r["code"] for r in rows} <= codes
    assert {r["severity"] for r in rows} <= {"error", "warning"}
    assert ("unknown_municipality", "Utrecht") in {(r["code"], r["municipality"]) for r in rows}


def test_workbook_and_report(demo):
    wb = load_workbook(demo["out"] / "status.xlsx")
    assert wb.sheetnames[:3] == ["Status", "Uitzonderingen", "Documenten"]
    status = wb["Status"]
    assert status.freeze_panes == "A2"
    colours = {status.cell(r, 2).value: status.cell(r, 2).fill.fgColor.rgb for r in range(2, status.max_row + 1)}
    assert len(set(colours.values())) == 3
    html = (demo["out"] / "report.html").read_text(encoding="utf-8")
    assert "8 van 41</b>compleet" in html
    assert "<script src" not in html and "<link" not in html and "<img src=\"http" not in html  # self-contained


@pytest.fixture(scope="session")
def fresh(tmp_path_factory):
    """A newly generated inbox (another seed, grey office scans), read without any OCR cache."""
    root = tmp_path_factory.mktemp("fresh")
    plan = [("Deventer", "merged"), ("Zwolle", "unsigned"), ("Helmond", "complete"), ("Oss", "wrong_amount"),
            ("Gouda", "tiff"), ("Hoorn", "photo"), ("Venlo", "memo_and_agreement"), ("Emmen", "duplicate"),
            ("Assen", "memo_only"), ("Sittard-Geleen", "alias")]
    build(root / "inbox", root / "truth", plan, DAMAGE["office"], seed=2026)
    result = _run(root / "inbox", root / "out", "--cache", str(root / "no-shared-cache"))
    return {"result": result, "out": root / "out", "truth": root / "truth"}


def test_fresh_inbox_fields_and_statuses(fresh):
    assert fresh["result"].exit_code == 0, fresh["result"].output
    acc = evaluate(fresh["out"], fresh["truth"])
    assert not acc.unmatched
    for name in FIELDS:
        assert acc.rate(name) >= 0.95, (name, acc.errors)
    assert acc.false_complete == []
    assert acc.status_correct == acc.status_total, acc.status_errors
