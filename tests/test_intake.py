"""E-mail intake and digital signatures, on real generated messages and really signed PDFs."""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.policy
import io
import random
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from pipeline.cli import main
from samples.generator import AgreementSpec, render_agreement

from .conftest import OCR_CACHE, SAMPLES, tree_hashes

pytestmark = pytest.mark.ocr


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _eml(sender: str, attachments: list[tuple[str, bytes, str]]) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Gemeente <{sender}>"
    msg["To"] = "anjel.punte@platform31.nl"
    msg["Subject"] = "Getekende samenwerkingsovereenkomst"
    msg["Date"] = "Tue, 14 Feb 2023 10:12:00 +0100"
    msg.set_content("Bijgaand de getekende overeenkomst.")
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(msg)


def _certificate(name: str, key, issuer: tuple | None = None, ca: bool = False) -> x509.Certificate:
    """A certificate for `name`, signed by `issuer` (certificate, key) or by itself."""
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    usage = (x509.KeyUsage(True, False, False, False, False, True, True, False, False) if ca
             else x509.KeyUsage(True, True, False, False, False, False, False, False, False))
    return (x509.CertificateBuilder().subject_name(subject)
            .issuer_name(issuer[0].subject if issuer else subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), True).add_extension(usage, True)
            .sign(issuer[1] if issuer else key, hashes.SHA256()))


def _signed_pdf(tmp: Path, pdf: bytes, signer_name: str, issuer: tuple | None = None) -> bytes:
    """The PDF signed digitally with a certificate for `signer_name`, issued by `issuer` or self-made."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = _certificate(signer_name, key, issuer)
    (tmp / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))
    (tmp / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    chain = []
    if issuer:
        (tmp / "issuer.pem").write_bytes(issuer[0].public_bytes(serialization.Encoding.PEM))
        chain = [str(tmp / "issuer.pem")]
    signer = signers.SimpleSigner.load(str(tmp / "key.pem"), str(tmp / "cert.pem"), ca_chain_files=chain)
    out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)),
                           signers.PdfSignatureMetadata(field_name="Gemeente"), signer=signer)
    return out.getvalue()


@pytest.fixture(scope="module")
def intake(tmp_path_factory):
    root = tmp_path_factory.mktemp("intake")
    inbox = root / "inbox"
    inbox.mkdir()
    zwolle = (SAMPLES / "inbox" / "zwolle_overeenkomst.pdf").read_bytes()
    (inbox / "overeenkomst zwolle.eml").write_bytes(_eml("secretariaat@zwolle.nl", [
        ("Overeenkomst Zwolle getekend.pdf", zwolle, "application/pdf"),
        ("handtekening-logo.docx", b"PK\x03\x04 word", "application/octet-stream")]))
    (inbox / "doorgestuurd.eml").write_bytes(_eml("p.jansen@breda.nl", [
        ("scan.pdf", (SAMPLES / "inbox" / "almere_overeenkomst.pdf").read_bytes(), "application/pdf")]))
    (inbox / "zonder bijlage.eml").write_bytes(_eml("info@gouda.nl", []))
    # forwarded as an attachment (message/rfc822) by a colleague, twice over
    original = email.message_from_bytes(_eml("secretariaat@breda.nl", [
        ("Overeenkomst Breda.pdf", (SAMPLES / "inbox" / "breda_overeenkomst.pdf").read_bytes(), "application/pdf")]),
        policy=email.policy.default)
    forwarded = EmailMessage()
    forwarded["From"], forwarded["Subject"] = "r.manager@platform31.nl", "Fwd: overeenkomst Breda"
    forwarded.set_content("Zie bijlage.")
    forwarded.add_attachment(original)
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "a.punte@platform31.nl", "Fwd: Fwd: overeenkomst Breda"
    outer.set_content("Ter verwerking.")
    outer.add_attachment(forwarded)
    (inbox / "doorgestuurd als bijlage.eml").write_bytes(bytes(outer))
    # Apple Mail: the attachment inside multipart/alternative > multipart/mixed, named with a '#'
    from email.mime.application import MIMEApplication
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    apple = MIMEMultipart("alternative")
    apple["From"], apple["Subject"] = "griffie@leiden.nl", "Overeenkomst"
    mixed = MIMEMultipart("mixed")
    mixed.attach(MIMEText("<p>Bijgaand</p>", "html"))
    mixed.attach(MIMEApplication((SAMPLES / "inbox" / "leiden_overeenkomst.pdf").read_bytes(), "pdf",
                                 Name="overeenkomst #2.pdf"))
    mixed.get_payload()[1]["Content-Disposition"] = 'attachment; filename="overeenkomst #2.pdf"'
    apple.attach(MIMEText("Bijgaand", "plain"))
    apple.attach(mixed)
    (inbox / "apple mail.eml").write_bytes(apple.as_bytes())
    # a root the user trusts (as PKIoverheid would be), passed with --trust-roots
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = (_certificate("Test Staat der Nederlanden Root CA", ca_key, ca=True), ca_key)
    roots = root / "roots"
    roots.mkdir()
    (roots / "root.pem").write_bytes(ca[0].public_bytes(serialization.Encoding.PEM))
    spec = AgreementSpec(municipality="Haarlem", mayor="J. Wienen", amount=Decimal("24434.70"),
                         drawn_up=dt.date(2023, 2, 1), college_date=dt.date(2023, 1, 24), signed=False)
    unsigned_digital = render_agreement(spec, random.Random(4)).pdf  # no ink: only the digital signature
    signed = _signed_pdf(root, unsigned_digital, "J. Wienen", ca)
    (inbox / "haarlem digitaal getekend.pdf").write_bytes(signed)
    # unsigned agreements signed digitally by a stranger (trusted issuer) and by the mayor with a self-made certificate
    for name, mayor, amount, signer, issuer in [
            ("Helmond", "E. Blanksma-van den Heuvel", "14021.40", "Willekeurige Stagiair", ca),
            ("Leiden", "H.J. Lenferink", "18761.10", "H.J. Lenferink", None)]:
        other = AgreementSpec(**{**spec.__dict__, "municipality": name, "mayor": mayor, "amount": Decimal(amount)})
        (inbox / f"{name.lower()} digitaal.pdf").write_bytes(
            _signed_pdf(root, render_agreement(other, random.Random(5)).pdf, signer, issuer))
    spec_z = AgreementSpec(**{**spec.__dict__, "municipality": "Zoetermeer", "mayor": "M. Bezuijen",
                              "amount": Decimal("18865.05")})
    (inbox / "zoetermeer digitaal gewijzigd.pdf").write_bytes(
        _tamper(_signed_pdf(root, render_agreement(spec_z, random.Random(6)).pdf, "M. Bezuijen")))
    before = tree_hashes(inbox)
    out = root / "out"
    result = CliRunner().invoke(main, ["run", str(inbox), "--out", str(out), "--reference",
                                       str(SAMPLES / "reference.csv"), "--cache", str(OCR_CACHE),
                                       "--trust-roots", str(roots)])
    return {"result": result, "out": out, "rows": _rows(out / "documents.csv"),
            "exceptions": _rows(out / "exceptions.csv"), "inbox": inbox, "before": before}


def _tamper(signed: bytes) -> bytes:
    """Change one byte inside the signed bytes (the producer's name), as an edit after signing would."""
    at = signed.find(b"ReportLab")
    assert at > 0
    return signed[:at] + b"X" + signed[at + 1:]


def row(intake, file):
    return next(r for r in intake["rows"] if r["file"] == file)


def test_run_completes_and_inbox_is_untouched(intake):
    assert intake["result"].exit_code == 0, intake["result"].output
    assert tree_hashes(intake["inbox"]) == intake["before"]
    assert not any(p.suffix == ".pdf" for p in intake["inbox"].iterdir() if p.name.endswith("eml.pdf"))


def test_each_attachment_is_an_input_with_sender_and_date(intake):
    r = row(intake, "overeenkomst zwolle.eml#Overeenkomst Zwolle getekend.pdf")
    assert (r["doc_type"], r["municipality"], r["amount"], r["signed"]) == ("agreement", "Zwolle", "19600.20", "yes")
    assert r["sender"] == "secretariaat@zwolle.nl"
    assert r["sent"].startswith("2023-02-14T10:12")
    assert row(intake, "overeenkomst zwolle.eml#handtekening-logo.docx")["error"] == "unsupported"


def test_message_without_attachment_gets_a_row(intake):
    r = row(intake, "zonder bijlage.eml")
    assert r["error"] == "unsupported"


def test_sender_domain_that_disagrees_is_a_warning(intake):
    found = [e for e in intake["exceptions"] if e["file"] == "doorgestuurd.eml#scan.pdf"
             and e["code"] == "conflicting_documents"]
    assert found and found[0]["severity"] == "warning" and "breda.nl" in found[0]["message"]
    assert not [e for e in intake["exceptions"] if e["file"].startswith("overeenkomst zwolle.eml#Overeenkomst")]


def test_a_digital_signature_counts_as_signed_and_is_shown_apart(intake):
    r = row(intake, "haarlem digitaal getekend.pdf")
    assert (r["doc_type"], r["municipality"], r["signed"], r["signature"]) == ("agreement", "Haarlem", "yes",
                                                                               "digital")
    status = {s["municipality"]: s for s in _rows(intake["out"] / "status.csv")}
    assert status["Haarlem"]["status"] == "complete"


@pytest.mark.parametrize("file, municipality, why", [
    ("helmond digitaal.pdf", "Helmond", "niet door de ondertekenaar of burgemeester"),
    ("leiden digitaal.pdf", "Leiden", "zelfondertekend"),
])
def test_a_digital_signature_of_a_stranger_or_untrusted_never_signs(intake, file, municipality, why):
    r = row(intake, file)
    assert (r["doc_type"], r["municipality"], r["signed"], r["signature"]) == ("agreement", municipality, "no", "")
    assert any(e["code"] == "unsigned" and why in e["message"] for e in intake["exceptions"] if e["file"] == file)
    status = {s["municipality"]: s for s in _rows(intake["out"] / "status.csv")}
    assert status[municipality]["status"] == "exception"


def test_a_broken_digital_signature_is_a_finding_and_never_complete(intake):
    r = row(intake, "zoetermeer digitaal gewijzigd.pdf")
    assert r["signed"] == "no"
    assert any(e["code"] == "unsigned" and "digitale handtekening" in e["message"] for e in intake["exceptions"]
               if e["file"] == "zoetermeer digitaal gewijzigd.pdf")
    status = {s["municipality"]: s for s in _rows(intake["out"] / "status.csv")}
    assert status["Zoetermeer"]["status"] == "exception"


def test_only_pdfs_that_may_hold_a_signature_go_to_pyhanko(intake):
    from pipeline.digital_signature import may_hold_signatures

    assert may_hold_signatures(intake["inbox"] / "haarlem digitaal getekend.pdf")
    assert may_hold_signatures(intake["inbox"] / "zoetermeer digitaal gewijzigd.pdf")
    assert not may_hold_signatures(SAMPLES / "inbox" / "zwolle_overeenkomst.pdf")
    assert not may_hold_signatures(SAMPLES / "inbox" / "haarlem digitaal.pdf")


def test_a_forwarded_message_is_unpacked_and_its_agreement_read(intake):
    rows = [r for r in intake["rows"] if r["file"].startswith("doorgestuurd als bijlage.eml#")]
    assert len(rows) == 1, [r["file"] for r in intake["rows"]]
    got = rows[0]
    assert got["file"].endswith("#Overeenkomst Breda.pdf") and got["file"].count("#") == 3  # two forwards deep
    assert (got["doc_type"], got["municipality"], got["error"]) == ("agreement", "Breda", "")
    assert got["sender"] == "secretariaat@breda.nl"  # the municipality, not the colleagues who forwarded it


def test_an_attachment_inside_nested_multiparts_is_read_and_a_hash_in_its_name_is_no_separator(intake):
    rows = [r for r in intake["rows"] if r["file"].startswith("apple mail.eml#")]
    assert [r["file"] for r in rows] == ["apple mail.eml#overeenkomst _2.pdf"]
    assert (rows[0]["doc_type"], rows[0]["municipality"]) == ("agreement", "Leiden")
