"""Exception review: decisions kept as data, applied on every run, stale when their document changes."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import main

from .conftest import OCR_CACHE, SAMPLES

pytestmark = pytest.mark.ocr

FILES = ["almere_overeenkomst.pdf", "breda_overeenkomst.pdf", "zwolle_overeenkomst.pdf"]


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def run(inbox: Path, out: Path):
    result = cli("run", str(inbox), "--out", str(out), "--reference", str(SAMPLES / "reference.csv"), "--cache",
                 str(OCR_CACHE))
    assert result.exit_code == 0, result.output
    return result


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def status(out: Path, name: str) -> dict[str, str]:
    return next(r for r in rows(out / "status.csv") if r["municipality"] == name)


def finding(out: Path, municipality: str, code: str) -> dict[str, str]:
    return next(r for r in rows(out / "exceptions.csv") if (r["municipality"], r["code"]) == (municipality, code))


@pytest.fixture
def setup(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in FILES:
        shutil.copyfile(SAMPLES / "inbox" / name, inbox / name)
    out = tmp_path / "out"
    run(inbox, out)
    return inbox, out


def test_finding_ids_are_stable_across_runs(setup):
    inbox, out = setup
    first = {(r["code"], r["municipality"]): r["id"] for r in rows(out / "exceptions.csv")}
    run(inbox, out)
    assert {(r["code"], r["municipality"]): r["id"] for r in rows(out / "exceptions.csv")} == first
    assert all(len(i) == 10 for i in first.values())


def test_a_correction_is_applied_on_every_run_and_shown(setup):
    inbox, out = setup
    unsigned = finding(out, "Almere", "unsigned")
    assert status(out, "Almere")["status"] == "exception"
    result = cli("review", "correct", unsigned["id"], "--veld", "signed", "--waarde", "ja", "--reden",
                 "handtekening staat er, lichtblauwe inkt", "--door", "A. Punte", "--out", str(out))
    assert result.exit_code == 0, result.output
    run(inbox, out)
    assert status(out, "Almere")["status"] == "complete"
    assert status(out, "Almere")["decisions"] == "almere_overeenkomst.pdf"       # the status rests on a decision
    run(inbox, out)
    assert status(out, "Almere")["status"] == "complete"                         # and stays applied
    listing = cli("review", "list", "--out", str(out))
    assert unsigned["id"] not in listing.output


def test_accepting_an_error_needs_a_reason_and_never_breaks_the_contract(setup):
    inbox, out = setup
    mismatch = finding(out, "Breda", "amount_mismatch")
    no_reason = cli("review", "accept", mismatch["id"], "--door", "A. Punte", "--out", str(out))
    assert no_reason.exit_code == 2
    ok = cli("review", "accept", mismatch["id"], "--reden", "afgesproken lager bedrag", "--door", "A. Punte",
             "--out", str(out))
    assert ok.exit_code == 0, ok.output
    run(inbox, out)
    accepted = finding(out, "Breda", "amount_mismatch")
    assert accepted["review"].startswith("geaccepteerd door A. Punte")
    # 'complete' means the amount equals the expected one to the cent: an accepted difference stays an exception
    assert status(out, "Breda")["status"] == "exception"
    assert mismatch["id"] in status(out, "Breda")["decisions"]


def test_a_decision_on_a_changed_document_is_stale_and_not_applied(setup):
    inbox, out = setup
    unsigned = finding(out, "Almere", "unsigned")
    cli("review", "correct", unsigned["id"], "--veld", "signed", "--waarde", "ja", "--reden", "gezien",
        "--door", "A. Punte", "--out", str(out))
    # Almere sends a new scan: other bytes, other content, same name
    shutil.copyfile(SAMPLES / "inbox" / "leiden_overeenkomst.pdf", inbox / "almere_overeenkomst.pdf")
    result = run(inbox, out)
    assert "verouderd" in result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Verouderde beslissingen (1)" in html
    wb = load_workbook(out / "status.xlsx")
    assert any("VEROUDERD" in str(c.value) for row in wb["Beslissingen"].iter_rows() for c in row)


def test_reject_a_document(setup):
    inbox, out = setup
    mismatch = finding(out, "Breda", "amount_mismatch")
    assert cli("review", "reject", mismatch["id"], "--reden", "verkeerde versie", "--door", "A. Punte", "--out",
               str(out)).exit_code == 0
    run(inbox, out)
    assert status(out, "Breda")["status"] == "missing"          # the only document no longer counts
    assert "breda_overeenkomst.pdf" in {r["file"] for r in rows(out / "documents.csv")}  # but stays listed


def test_export_and_import_round_trip(setup, tmp_path):
    inbox, out = setup
    unsigned = finding(out, "Almere", "unsigned")
    cli("review", "correct", unsigned["id"], "--veld", "signed", "--waarde", "ja", "--reden", "gezien",
        "--door", "A. Punte", "--out", str(out))
    exported = tmp_path / "beslissingen.csv"
    assert cli("review", "export", str(exported), "--out", str(out)).exit_code == 0
    other = tmp_path / "elders"
    run(inbox, other)
    assert status(other, "Almere")["status"] == "exception"
    result = cli("review", "import", str(exported), "--out", str(other))
    assert result.exit_code == 0 and "1 beslissingen toegevoegd" in result.output
    assert "0 beslissingen toegevoegd" in cli("review", "import", str(exported), "--out", str(other)).output
    run(inbox, other)
    assert status(other, "Almere")["status"] == "complete"
    exported_again = tmp_path / "opnieuw.csv"
    cli("review", "export", str(exported_again), "--out", str(other))
    assert exported_again.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")


def test_reminders_for_missing_and_exceptions(setup):
    _inbox, out = setup
    folder = out / "herinneringen"
    names = {p.name for p in folder.glob("*.eml")}
    assert "almere.eml" in names and "breda.eml" in names and "delft.eml" in names
    assert "zwolle.eml" not in names                                # complete: nothing to chase
    import email
    from email import policy

    msg = email.message_from_bytes((folder / "breda.eml").read_bytes(), policy=policy.default)
    body = msg.get_body().get_content().replace("\xa0", " ")
    assert "bedrag wijkt af" in body and "€ 25.214,85" in body
    assert msg["X-Gemeente"] == "Breda"
    wb = load_workbook(out / "status.xlsx")
    assert wb["Herinneringen"].max_row == 1 + len(names)


def test_review_list_shows_stale_decisions(setup):
    inbox, out = setup
    unsigned = finding(out, "Almere", "unsigned")
    cli("review", "correct", unsigned["id"], "--veld", "signed", "--waarde", "ja", "--reden", "gezien",
        "--door", "A. Punte", "--out", str(out))
    run(inbox, out)
    assert "VEROUDERD" not in cli("review", "list", "--out", str(out)).output  # applied, not stale
    shutil.copyfile(SAMPLES / "inbox" / "leiden_overeenkomst.pdf", inbox / "almere_overeenkomst.pdf")
    run(inbox, out)
    listing = cli("review", "list", "--out", str(out)).output
    assert "VEROUDERD" in listing and "1 verouderd" in listing
