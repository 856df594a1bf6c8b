"""Reconciliation rules on extractions: statuses and finding codes, and never a false `complete`."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pipeline.reconcile import reconcile
from pipeline.reference import load_reference
from pipeline.schema import DocType, Evidence, Extraction, Field, FileError, SourceFile, Status


@pytest.fixture(scope="module")
def ref(tmp_path_factory):
    path = tmp_path_factory.mktemp("ref") / "ref.csv"
    path.write_text("municipality,inhabitants,mayor\nDeventer,101446,R.C. König\nZwolle,130688,P. Snijders\n"
                    "Almere,,A. Bijleveld\n", encoding="utf-8")
    return load_reference(path)


def doc(file="a.pdf", doc_type=DocType.AGREEMENT, municipality="Deventer", amount="15216.90", signed=True,
        inhabitants=None, signatory="R.C. König", when=date(2023, 1, 10), conf=0.95, content="h1", error=None):
    values = {"municipality": municipality, "amount": Decimal(amount) if amount else None,
              "inhabitants": inhabitants, "date": when}
    if doc_type is DocType.AGREEMENT:
        values["signatory"] = signatory
    fields = {k: Field(k, v, str(v), conf, "test", Evidence(1, None, str(v))) for k, v in values.items()
              if v is not None}
    if doc_type is DocType.AGREEMENT:
        fields["signed"] = Field("signed", signed, "", conf, "test")
    return Extraction(SourceFile(file, file, 10, "pdf"), "1-2", doc_type, fields,
                      signed if doc_type is DocType.AGREEMENT else None, conf, error=error, content_hash=content)


def status_of(rec, name):
    return next(s for s in rec.statuses if s.municipality == name)


def codes(rec, name):
    return set(status_of(rec, name).issues)


def test_signed_agreement_for_the_right_amount_is_complete(ref):
    rec = reconcile([doc()], ref)
    assert status_of(rec, "Deventer").status is Status.COMPLETE
    assert status_of(rec, "Zwolle").status is Status.MISSING


def test_one_cent_off_is_an_amount_mismatch(ref):
    rec = reconcile([doc(amount="15216.91")], ref)
    assert status_of(rec, "Deventer").status is Status.EXCEPTION
    assert "amount_mismatch" in codes(rec, "Deventer")


def test_unsigned(ref):
    rec = reconcile([doc(signed=False)], ref)
    assert status_of(rec, "Deventer").status is Status.EXCEPTION
    assert "unsigned" in codes(rec, "Deventer")


def test_memo_alone_is_no_agreement(ref):
    rec = reconcile([doc(doc_type=DocType.DECISION_MEMO, amount="15217.00", inhabitants=101446)], ref)
    assert status_of(rec, "Deventer").status is Status.EXCEPTION
    assert codes(rec, "Deventer") == {"no_agreement"}


def test_memo_rounding_is_not_a_conflict_but_other_inhabitants_are(ref):
    ok = reconcile([doc(), doc("m.pdf", DocType.DECISION_MEMO, amount="15217.00", inhabitants=101446)], ref)
    assert status_of(ok, "Deventer").status is Status.COMPLETE
    # other inhabitants in the memo: one finding says why, not a second one for the amount they lead to
    bad = reconcile([doc(), doc("m.pdf", DocType.DECISION_MEMO, amount="15402.00", inhabitants=102680)], ref)
    assert codes(bad, "Deventer") == {"inhabitants_mismatch"}
    assert status_of(bad, "Deventer").status is Status.EXCEPTION
    # an amount its own inhabitants do not explain is a conflict
    odd = reconcile([doc(), doc("m.pdf", DocType.DECISION_MEMO, amount="16000.00", inhabitants=102680)], ref)
    assert {"inhabitants_mismatch", "conflicting_documents"} <= codes(odd, "Deventer")


def test_stated_inhabitants_must_equal_the_reference(ref):
    rec = reconcile([doc(inhabitants=101447)], ref)
    assert "inhabitants_mismatch" in codes(rec, "Deventer")
    assert status_of(rec, "Deventer").status is Status.EXCEPTION


def test_same_agreement_twice_is_a_duplicate_warning(ref):
    rec = reconcile([doc("a.pdf"), doc("b.pdf")], ref)
    assert codes(rec, "Deventer") == {"duplicate"}
    assert status_of(rec, "Deventer").status is Status.COMPLETE


@pytest.mark.parametrize("copy", ["Kopie van enschede.pdf", "enschede (1).pdf", "enschede - kopie.pdf",
                                  "Copy of enschede.pdf", "enschede - Copy.pdf", "enschede_kopie.pdf"])
@pytest.mark.parametrize("copy_first", [True, False])
def test_the_duplicate_named_is_the_copy_not_the_original(ref, copy, copy_first):
    """A file saved twice: the finding names the copy (its name says so), whichever sorts first."""
    files = [copy, "enschede.pdf"] if copy_first else ["enschede.pdf", copy]
    rec = reconcile([doc(name) for name in files], ref)
    assert [f.file for f in rec.findings if f.code.value == "duplicate"] == [copy]


def test_of_two_scans_numbered_by_the_scanner_the_later_number_is_the_duplicate(ref):
    files = ["Scanned from a Xerox Multifunction Printer (16).pdf",
             "Scanned from a Xerox Multifunction Printer (9).pdf"]
    rec = reconcile([doc(name) for name in files], ref)
    assert [f.file for f in rec.findings if f.code.value == "duplicate"] == [files[0]]


def test_of_two_attachments_the_later_sent_is_the_duplicate(ref):
    early, late = (replace(doc(name), file=SourceFile(name, name, 10, "pdf", sent=sent))
                   for name, sent in (("mail2.eml#b.pdf", "2023-02-01T10:00:00+01:00"),
                                      ("mail1.eml#a.pdf", "2023-02-03T09:00:00+01:00")))
    rec = reconcile([late, early], ref)
    assert [f.file for f in rec.findings if f.code.value == "duplicate"] == ["mail1.eml#a.pdf"]


def test_two_different_agreements_conflict(ref):
    rec = reconcile([doc("a.pdf"), doc("b.pdf", amount="13187.98", content="h2", when=date(2023, 2, 1))], ref)
    assert "conflicting_documents" in codes(rec, "Deventer")
    assert status_of(rec, "Deventer").status is Status.EXCEPTION


def test_member_without_reference_figure_is_never_complete(ref):
    rec = reconcile([doc(municipality="Almere", amount="26403.90", signatory="A. Bijleveld")], ref)
    assert status_of(rec, "Almere").status is Status.EXCEPTION
    assert "no_reference" in codes(rec, "Almere")
    assert status_of(rec, "Almere").expected_amount is None


def test_low_confidence_field_blocks_complete(ref):
    rec = reconcile([doc(conf=0.4)], ref)
    assert "low_confidence" in codes(rec, "Deventer")
    assert status_of(rec, "Deventer").status is Status.EXCEPTION


def test_missing_amount_blocks_complete(ref):
    rec = reconcile([doc(amount=None)], ref)
    assert "missing_field" in codes(rec, "Deventer")
    assert status_of(rec, "Deventer").status is Status.EXCEPTION


def test_a_missing_date_is_a_warning_to_check_not_a_block(ref):
    """Completeness is decided by signature and amount: a date not read (a handwritten '3-4-2023' read as
    '34/2023') is shown to check, as a doubtful date is; the missing amount above still blocks."""
    rec = reconcile([doc(when=None)], ref)
    finding = next(f for f in rec.findings if f.code.value == "missing_field")
    assert finding.field == "date" and finding.severity.value == "warning"
    assert status_of(rec, "Deventer").status is Status.COMPLETE


def test_date_outside_the_covenant_period(ref):
    rec = reconcile([doc(when=date(2018, 3, 1))], ref)
    assert "date_out_of_range" in codes(rec, "Deventer")
    assert status_of(rec, "Deventer").status is Status.EXCEPTION


def test_non_member_and_unreadable_files_are_findings_without_a_status_row(ref):
    bad = Extraction(SourceFile("x.pdf", "x", 0, "pdf"), "", DocType.OTHER, error=FileError.EMPTY,
                     error_message="leeg")
    rec = reconcile([doc(municipality="Utrecht", amount="54288.60"), bad], ref)
    found = {(f.code, f.municipality, f.file) for f in rec.findings}
    assert ("unknown_municipality", "Utrecht", "a.pdf") in found
    assert ("unreadable", "", "x.pdf") in found
    assert [s.municipality for s in rec.statuses] == ["Almere", "Deventer", "Zwolle"]


def test_unclassified_document(ref):
    other = Extraction(SourceFile("o.pdf", "o", 5, "pdf"), "1", DocType.OTHER, confidence=0.5)
    rec = reconcile([other], ref)
    assert [(f.code, f.severity.value) for f in rec.findings if f.file == "o.pdf"] == [("unclassified", "warning")]


def _one_page(ex: Extraction) -> Extraction:
    return replace(ex, pages="1")


def test_a_signature_page_sent_on_its_own_signs_the_agreement_with_a_warning(ref):
    unsigned = doc(signed=False, when=None)  # dated on the page that was signed
    photo = _one_page(doc("IMG_1.jpg", amount=None, content="h2"))
    photo.fields["signatory"] = replace(photo.fields["signatory"], confidence=0.4)  # a photo's few words
    rec = reconcile([unsigned, photo], ref)
    assert status_of(rec, "Deventer").status is Status.COMPLETE
    warned = [f for f in rec.findings if f.file == "IMG_1.jpg"]
    assert warned and all(f.severity.value == "warning" for f in warned)
    assert not any(f.code == "conflicting_documents" for f in rec.findings)


def test_a_signed_page_does_not_sign_another_municipality_or_a_page_with_its_own_amount(ref):
    unsigned = doc(signed=False)
    other_town = _one_page(doc("IMG_1.jpg", municipality="Zwolle", amount=None, content="h2"))
    assert status_of(reconcile([unsigned, other_town], ref), "Deventer").status is Status.EXCEPTION
    with_amount = _one_page(doc("IMG_2.jpg", amount="15216.91", content="h3"))
    rec = reconcile([unsigned, with_amount], ref)
    assert status_of(rec, "Deventer").status is Status.EXCEPTION


def test_a_doubtful_date_is_a_warning_but_a_doubtful_amount_an_error(ref):
    shaky_date = doc()
    shaky_date.fields["date"] = replace(shaky_date.fields["date"], confidence=0.3)
    rec = reconcile([shaky_date], ref)
    assert status_of(rec, "Deventer").status is Status.COMPLETE
    assert [f.severity.value for f in rec.findings if f.code == "low_confidence"] == ["warning"]
    shaky_amount = doc()
    shaky_amount.fields["amount"] = replace(shaky_amount.fields["amount"], confidence=0.3)
    assert status_of(reconcile([shaky_amount], ref), "Deventer").status is Status.EXCEPTION


def test_a_non_members_agreement_is_one_error_however_badly_it_reads(ref):
    outsider = doc(municipality="Utrecht", amount=None, signatory=None, conf=0.3)
    rec = reconcile([outsider], ref)
    errors = [f.code for f in rec.findings if f.severity.value == "error" and f.file == "a.pdf"]
    assert errors == ["unknown_municipality"]
    assert {f.code for f in rec.findings if f.severity.value == "warning"} == {"missing_field", "low_confidence"}


def test_a_wrong_amount_read_with_doubt_is_one_error_not_two(ref):
    wrong = doc(amount="15261.90")
    wrong.fields["amount"] = replace(wrong.fields["amount"], confidence=0.3)
    rec = reconcile([wrong], ref)
    assert status_of(rec, "Deventer").status is Status.EXCEPTION
    assert [f.code for f in rec.findings if f.severity.value == "error" and f.file] == ["amount_mismatch"]
    # a doubtful amount that is right stays an error of its own
    shaky = doc()
    shaky.fields["amount"] = replace(shaky.fields["amount"], confidence=0.3)
    assert [f.code for f in reconcile([shaky], ref).findings if f.severity.value == "error" and f.file] == \
        ["low_confidence"]


def test_a_non_member_is_named_with_its_cbs_code_apart_from_an_unread_name(ref):
    rec = reconcile([doc("katwijk.pdf", municipality="Katwijk", content="k"),
                     doc("elders.pdf", municipality="Nergenshuizen", content="n"),
                     doc("onleesbaar.pdf", municipality=None, content="o")], ref)
    messages = {f.file: (f.code, f.message) for f in rec.findings if f.field == "municipality"}
    assert messages["katwijk.pdf"][0] == "unknown_municipality"
    assert "Katwijk (GM0537) is geen lid van de G40" in messages["katwijk.pdf"][1]
    assert messages["elders.pdf"][0] == "unknown_municipality"
    assert "geen gemeente van 2022" in messages["elders.pdf"][1]
    assert messages["onleesbaar.pdf"][0] == "missing_field"  # a name that could not be read is no outsider


@pytest.mark.parametrize("resent", ["FW SOK Platform31 Hilversum (opnieuw verzonden).pdf", "Fwd_ SOK Hilversum.pdf",
                                    "RE_ SOK Hilversum.pdf", "SOK Hilversum (nogmaals).pdf"])
def test_a_sending_named_as_forwarded_or_resent_is_the_duplicate_even_read_better(ref, resent):
    """The same agreement sent again (a cleaner rescan, so read with more confidence): the finding names the
    sending whose name says it was forwarded or sent again, not the first."""
    rec = reconcile([doc("SOK Hilversum.pdf", conf=0.90), doc(resent, conf=0.97)], ref)
    assert [f.file for f in rec.findings if f.code.value == "duplicate"] == [resent]
    assert status_of(rec, "Deventer").status is Status.COMPLETE


def test_a_covering_letter_without_its_agreement_is_no_agreement_not_missing(ref):
    """The town's letter says the signed agreement is enclosed, but the agreement did not come: something arrived,
    so the status is an exception to chase, not 'missing'; with the agreement it changes nothing."""
    letter = replace(doc("brief.pdf", DocType.COVER_LETTER), fields={}, letter_from="Zwolle")
    rec = reconcile([letter], ref)
    assert status_of(rec, "Zwolle").status is Status.EXCEPTION
    assert codes(rec, "Zwolle") == {"no_agreement"}
    both = reconcile([replace(letter, letter_from="Deventer"), doc()], ref)
    assert status_of(both, "Deventer").status is Status.COMPLETE


def test_each_of_two_conflicting_agreements_is_held_to_the_expected_amount(ref):
    """Two signed agreements that disagree: the one with the wrong amount is an amount_mismatch of its own, named
    by its file; the one with the right amount is none."""
    rec = reconcile([doc("a.pdf"), doc("b.pdf", amount="13187.98", content="h2", when=date(2023, 2, 1))], ref)
    mismatches = [x for x in rec.findings if x.code == "amount_mismatch"]
    assert [x.file for x in mismatches] == ["b.pdf"]
    assert {"conflicting_documents", "amount_mismatch"} <= codes(rec, "Deventer")


def test_an_agreement_whose_stated_inhabitants_are_a_typo_gets_one_finding_for_it(ref):
    """The right amount beside a mistyped count (101.447): rate x count no longer gives the amount, but the
    count's own finding says why; an amount neither the reference nor the stated count explains stays in doubt."""
    typo = reconcile([doc(inhabitants=101447)], ref)
    assert codes(typo, "Deventer") == {"inhabitants_mismatch"}
    assert status_of(typo, "Deventer").status is Status.EXCEPTION
    memo = reconcile([doc(), doc("m.pdf", DocType.DECISION_MEMO, amount="15217.00", inhabitants=101447)], ref)
    assert codes(memo, "Deventer") == {"inhabitants_mismatch"}
    both = reconcile([doc(amount="15300.00", inhabitants=101447)], ref)
    assert {"inhabitants_mismatch", "amount_mismatch", "low_confidence"} <= codes(both, "Deventer")
