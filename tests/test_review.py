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
    assert "bedrag wijkt af" in body and "€ 27.705,30" in body
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


def test_a_decision_on_a_draft_never_lands_on_its_signed_copy(setup):
    """A copy with the same words but other bytes (a draft and its signed scan): a decision is bound to the
    file it was taken on, and is stale, not moved, once that file is gone."""
    inbox, out = setup
    (inbox / "almere_concept.pdf").write_bytes((inbox / "almere_overeenkomst.pdf").read_bytes() + b"\n% concept\n")
    run(inbox, out)
    unsigned = {r["file"]: r["id"] for r in rows(out / "exceptions.csv") if r["code"] == "unsigned"}
    assert "almere_concept.pdf" in unsigned  # the other copy is the duplicate
    result = cli("review", "correct", unsigned["almere_concept.pdf"], "--veld", "signed", "--waarde", "ja",
                 "--reden", "getekend op de scan", "--door", "A. Punte", "--out", str(out))
    assert result.exit_code == 0, result.output
    run(inbox, out)
    signed = {r["file"]: r["signed"] for r in rows(out / "documents.csv")}
    assert (signed["almere_concept.pdf"], signed["almere_overeenkomst.pdf"]) == ("yes", "no")
    (inbox / "almere_concept.pdf").unlink()
    result = run(inbox, out)
    assert "verouderd" in result.output
    assert next(r for r in rows(out / "documents.csv") if r["file"] == "almere_overeenkomst.pdf")["signed"] == "no"


def test_review_import_checks_every_row_before_storing_any(setup, tmp_path):
    inbox, out = setup
    import sqlite3

    unsigned = finding(out, "Almere", "unsigned")["id"]
    mismatch = finding(out, "Breda", "amount_mismatch")["id"]
    with sqlite3.connect(out / "state.sqlite") as db:
        document = dict(db.execute("SELECT id, doc_hash FROM findings").fetchall())
    good = {"finding_id": unsigned, "action": "accept", "reason": "gezien", "by": "A. Punte",
            "at": "2026-12-02T10:00:00+01:00", "doc_hash": document[unsigned]}
    bad = [{**good, "finding_id": mismatch, "doc_hash": document[mismatch], "action": "correct", "field": "amount",
            "value": "veel"},
           {**good, "finding_id": "0123456789"},  # no such finding
           {**good, "by": ""},
           {**good, "action": "wegdoen"},
           {**good, "action": "correct", "field": "amount", "value": "1,00",
            "doc_hash": document[mismatch]}]  # a finding on Almere, pointed at Breda's document
    source = tmp_path / "beslissingen.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["finding_id", "action", "reason", "by", "at", "doc_hash", "field",
                                                "value"])
        writer.writeheader()
        writer.writerows([good, *bad])
    result = cli("review", "import", str(source), "--out", str(out))
    assert result.exit_code == 2
    for line in (3, 4, 5, 6, 7):
        assert f"regel {line}:" in result.output
    assert "'veel'" in result.output and "Traceback" not in result.output
    listing = cli("review", "list", "--out", str(out)).output
    assert "0 beslissingen" in listing  # not even the good row was stored
    run(inbox, out)  # and the next run is not stopped


def test_withdrawing_a_decision_undoes_it(setup):
    inbox, out = setup
    unsigned = finding(out, "Almere", "unsigned")["id"]
    cli("review", "accept", unsigned, "--reden", "gezien", "--door", "A. Punte", "--out", str(out))
    run(inbox, out)
    assert finding(out, "Almere", "unsigned")["review"]
    result = cli("review", "withdraw", unsigned, "--reden", "vergissing", "--door", "A. Punte", "--out", str(out))
    assert result.exit_code == 0, result.output
    run(inbox, out)
    assert not finding(out, "Almere", "unsigned")["review"]
    again = cli("review", "withdraw", unsigned, "--reden", "nogmaals", "--door", "A. Punte", "--out", str(out))
    assert again.exit_code == 2 and "geen beslissing" in again.output


def test_a_review_command_while_a_run_holds_the_state_is_a_message(setup):
    from pipeline.state import StateStore

    _inbox, out = setup
    unsigned = finding(out, "Almere", "unsigned")["id"]
    with StateStore(out / "state.sqlite"):
        result = cli("review", "accept", unsigned, "--reden", "gezien", "--door", "A. Punte", "--out", str(out))
    assert result.exit_code == 2 and "een andere run gebruikt" in result.output
    assert "Traceback" not in result.output


def test_no_two_findings_of_a_run_share_an_id(tmp_path):
    out = tmp_path / "out"
    run(SAMPLES / "inbox", out)
    ids = [r["id"] for r in rows(out / "exceptions.csv")]
    assert len(ids) > 5 and len(ids) == len(set(ids))
