"""Trust: cross-checks and confidence rules on real generated scans; nothing doubtful is ever `complete`."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest
from PIL import Image

from pipeline.reference import load_reference
from pipeline.run import RunOptions, run_batch
from samples.corpus import InboxBuilder, contribution, load_members, s_rescan
from samples.generator import DAMAGE

from .conftest import SAMPLES

pytestmark = pytest.mark.ocr


@pytest.fixture(scope="module")
def trust_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("trust")
    members = load_members()
    b = InboxBuilder(root / "inbox", DAMAGE["office"], seed=31)
    m = members
    b.scanned_pdf("deventer.pdf", [b.agreement(m["Deventer"])])
    b.scanned_pdf("zwolle_vlek.pdf", [b.agreement(m["Zwolle"], smudge=True)])
    wrong = contribution(m["Helmond"].inhabitants) + Decimal("9")
    b.scanned_pdf("helmond.pdf", [b.agreement(m["Helmond"], amount=wrong, state_inhabitants=True)])
    b.scanned_pdf("oss_2018.pdf", [b.agreement(m["Oss"], decided=date(2018, 2, 20))])
    s_rescan(b, m["Emmen"])
    b.scanned_pdf("venlo_nota.pdf", [b.memo(m["Venlo"], inhabitants=m["Venlo"].inhabitants + 2000)])
    b.scanned_pdf("venlo.pdf", [b.agreement(m["Venlo"])])
    b.scanned_pdf("gouda.pdf", [b.agreement(m["Gouda"], signed=False)])
    out = root / "out"
    run = run_batch(root / "inbox", out, load_reference(SAMPLES / "reference.csv"),
                    RunOptions(cache_dir=root / "cache"))
    statuses = {s.municipality: s for s in run.reconciliation.statuses}
    with (out / "exceptions.csv").open(encoding="utf-8") as fh:
        exceptions = list(csv.DictReader(fh))
    return {"run": run, "status": statuses, "exceptions": exceptions, "out": out}


def issues(trust_run, name):
    return set(trust_run["status"][name].issues)


def test_a_clean_signed_agreement_is_complete(trust_run):
    assert trust_run["status"]["Deventer"].status.value == "complete"
    assert issues(trust_run, "Deventer") == set()


def test_a_smudged_amount_is_never_complete(trust_run):
    zwolle = trust_run["status"]["Zwolle"]
    assert zwolle.status.value == "exception"
    assert issues(trust_run, "Zwolle") & {"low_confidence", "missing_field", "amount_mismatch"}


def test_amount_is_checked_against_the_inhabitants_the_document_states(trust_run):
    assert {"low_confidence", "amount_mismatch"} <= issues(trust_run, "Helmond")
    messages = [r["message"] for r in trust_run["exceptions"]
                if r["municipality"] == "Helmond" and r["code"] == "low_confidence"]
    assert any("klopt niet met het genoemde inwonertal" in m for m in messages)
    assert trust_run["status"]["Helmond"].status.value == "exception"


def test_an_old_agreement_is_out_of_the_covenant_period(trust_run):
    assert "date_out_of_range" in issues(trust_run, "Oss")
    assert trust_run["status"]["Oss"].status.value == "exception"


def test_the_same_agreement_scanned_twice_is_one_agreement_and_a_duplicate(trust_run):
    assert issues(trust_run, "Emmen") == {"duplicate"}
    assert trust_run["status"]["Emmen"].status.value == "complete"


def test_memo_and_agreement_that_disagree(trust_run):
    # the memo reckons with other inhabitants: that is the finding (its amount follows from them)
    assert "inhabitants_mismatch" in issues(trust_run, "Venlo")
    assert trust_run["status"]["Venlo"].status.value == "exception"


def test_findings_carry_the_crop_of_the_line_they_are_about(trust_run):
    rows = {(r["municipality"], r["code"]): r for r in trust_run["exceptions"]}
    for key in [("Gouda", "unsigned"), ("Helmond", "amount_mismatch"), ("Oss", "date_out_of_range"),
                ("Venlo", "inhabitants_mismatch")]:
        path = trust_run["out"] / rows[key]["evidence"]
        assert path.is_file(), key
        with Image.open(path) as crop:
            assert crop.width > 100 and 20 < crop.height < 700
    html = (trust_run["out"] / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") >= 4


def test_every_field_has_evidence_and_confidence(trust_run):
    deventer = next(e for e in trust_run["run"].extractions if e.file.path == "deventer.pdf")
    for name in ("municipality", "signatory", "date", "amount", "signed"):
        field = deventer.fields[name]
        assert 0.6 <= field.confidence <= 1.0, name
        assert field.evidence.page in (1, 2) and field.evidence.box is not None, name
    assert "15.216,90" in deventer.fields["amount"].evidence.text  # the line it was read from
