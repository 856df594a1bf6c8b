"""The signature decision without OCR: synthetic signature pages, digital-signer rules, splitting, review.

Each unsigned trap here once passed for a signature (a printed line, a dotted line, a stamp, a logo, paraaf
initials, Platform31's signature); each signed variant must still count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import numpy as np
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.decisions import Decision, apply_decisions
from pipeline.digital_signature import DigitalSignature
from pipeline.digital_trust import TrustPolicy, judge_digital, load_trust_roots, signer_matches
from pipeline.documents import split_documents
from pipeline.errors import ConfigError
from pipeline.page_text import page_from_text
from pipeline.reconcile import reconcile
from pipeline.schema import DocType, Evidence, Extraction, Field, Page, SourceFile, Status
from pipeline.signature import check_signature
from pipeline.signature_block import marks_for

from .synthetic_page import (
    INK_BLACK,
    INK_BLUE,
    INK_LIGHT,
    STAMP_PURPLE,
    SyntheticPage,
    boxed_forms,
    closing,
    e_signature_box,
    form_table,
    forms,
    grid_table,
    headed_stack,
    labelled_stack,
    opened_once,
    px,
    stacked,
    two_columns,
)

MARKS = marks_for("Deventer", (), ["R.C. König"])


def judge(sp: SyntheticPage, marks=MARKS):
    page = sp.page()
    return check_signature((page,), marks, lambda _p: sp.image)


def _muni(sp, **kw):
    return two_columns(sp, **kw)["municipality"]


def _stamp_on_unread_line(sp):
    """A received stamp in the scanner's grey, its ring run into a printed line that OCR did not read: ring and
    letters are one piece of ink, neither a clean ring nor a line of print."""
    x, _y = _muni(sp)
    sp.text(x, 3.0, "Namens de gemeente Deventer, de burgemeester,", record=False)
    sp.ring_stamp(x + 1.0, 3.69, colour=(95, 95, 95), rings=1)


def _received_across_line_and_name(sp, colour=(77, 82, 171), angle=-4.0):
    """A received stamp in blue (a pen's hue), double-framed with round corners and turned, pressed on the empty
    signing line so that its lower edge runs through the line and the printed name below it: the line's removal
    cuts the frame's corners off, and the name's mask cuts them again."""
    x, _y = _muni(sp)
    sp.rule(x - 0.05, 3.9, 2.3, 4)
    stamp = Image.new("RGBA", (px(1.6), px(0.95)), (0, 0, 0, 0))
    d = ImageDraw.Draw(stamp)
    d.rounded_rectangle((3, 3, stamp.width - 4, stamp.height - 4), radius=30, outline=colour, width=7)
    d.rounded_rectangle((20, 20, stamp.width - 21, stamp.height - 21), radius=20, outline=colour, width=3)
    font = ImageFont.load_default(size=44)
    for i, line in enumerate(("ONTVANGEN", "21 FEB. 2023", "Platform31")):
        d.text((45, 30 + 62 * i), line, font=font, fill=colour)
    stamp = stamp.rotate(angle, expand=True, resample=Image.BICUBIC)
    sp.image.paste(stamp, (px(x + 0.25), px(3.22)), stamp)


UNSIGNED = {
    "nothing": lambda sp: _muni(sp),
    "printed line 4 px": lambda sp: sp.rule(_muni(sp)[0], _muni(sp)[1] + 0.62, 2.2, 4),
    "printed line 5 px": lambda sp: sp.rule(_muni(sp)[0], _muni(sp)[1] + 0.62, 2.2, 5),
    "thick rule 8 px": lambda sp: sp.rule(_muni(sp)[0], _muni(sp)[1] + 0.62, 2.2, 8),
    "dotted line": lambda sp: sp.rule(_muni(sp)[0], _muni(sp)[1] + 0.62, 2.2, dotted=True),
    "red round stamp": lambda sp: sp.ring_stamp(_muni(sp)[0] + 0.8, _muni(sp)[1] + 0.2),
    "black round stamp": lambda sp: sp.ring_stamp(_muni(sp)[0] + 0.8, _muni(sp)[1] + 0.2, colour=INK_BLACK),
    "purple box stamp, turned": lambda sp: sp.box_stamp(_muni(sp)[0], _muni(sp)[1] - 0.3),
    "black box stamp, turned": lambda sp: sp.box_stamp(_muni(sp)[0], _muni(sp)[1] - 0.3, colour=INK_BLACK),
    "grey filled logo": lambda sp: sp.logo(_muni(sp)[0] + 0.3, _muni(sp)[1] - 0.3),
    "black filled logo": lambda sp: sp.logo(_muni(sp)[0] + 0.3, _muni(sp)[1] - 0.3, colour=INK_BLACK),
    "outlined emblem": lambda sp: sp.emblem_outline(_muni(sp)[0] + 0.3, _muni(sp)[1] - 0.3),
    "grey stamp run into a line OCR missed": lambda sp: _stamp_on_unread_line(sp),
    "paraaf initials in a box": lambda sp: (_muni(sp), sp.paraaf_box(5.5, 10.6)),
    "platform31 signed, columns": lambda sp: sp.signature(*two_columns(sp)["platform31"]),
    "platform31 signed, swapped columns": lambda sp: sp.signature(
        *two_columns(sp, municipality_right=False)["platform31"]),
    "platform31 signed, stacked": lambda sp: sp.signature(*stacked(sp)["platform31"]),
    "platform31 signed, stacked below": lambda sp: sp.signature(*stacked(sp, municipality_first=True)["platform31"]),
    "platform31 signed, forms side by side": lambda sp: sp.signature(*forms(sp)["platform31"], width=1.3),
    "platform31 signed, headed stack": lambda sp: sp.signature(*headed_stack(sp)["platform31"]),
    "platform31 signed, grid table": lambda sp: sp.signature(*grid_table(sp)["platform31"], width=1.3,
                                                             height=0.45),
    "grid table, nobody signed": lambda sp: grid_table(sp),
    "paraaf initials in a grid table": lambda sp: (grid_table(sp), sp.paraaf_box(5.5, 10.6)),
    "platform31 signed, labelled stack": lambda sp: sp.signature(*labelled_stack(sp)["platform31"]),
    "platform31 signed, only its block opened": lambda sp: sp.signature(*opened_once(sp)["platform31"]),
    "boxed forms, nobody signed": lambda sp: boxed_forms(sp),
    "platform31 signed in its boxed form": lambda sp: sp.signature(*boxed_forms(sp)["platform31"]),
    "e-signature stamp, no signature image": lambda sp: e_signature_box(sp),
    "e-signature box left empty": lambda sp: e_signature_box(sp, ("Digitale handtekening gemeente",)),
    "blue received stamp across the signing line and the name": _received_across_line_and_name,
    "received stamp with a paraaf in it": lambda sp: (_muni(sp), sp.box_stamp(4.6, 3.0, colour=INK_BLACK, angle=0),
                                                      sp.signature(4.8, 3.3, width=0.6, height=0.3)),
}


@pytest.mark.parametrize("trap", list(UNSIGNED))
def test_no_mark_but_handwriting_counts_as_a_signature(trap):
    sp = SyntheticPage()
    UNSIGNED[trap](sp)
    result = judge(sp)
    assert result.signed is False, result.reason


def _underlined(sp, x, y):
    """A signature of steep strokes with a long pen underline: each a straight run, but no rule of the form."""
    sp.signature(x, y, width=1.2, height=0.5, seed=4)
    sp.draw.line((px(x), px(y + 0.6), px(x + 1.5), px(y + 0.58)), fill=INK_BLUE, width=5)


def _signed_with(colour=INK_BLUE, pen=5, dy=0.0, seed=3):
    def build(sp):
        x, y = _muni(sp)
        sp.signature(x, y + dy, colour=colour, pen=pen, seed=seed)
    return build


SIGNED = {
    "blue ink": _signed_with(),
    "black ink": _signed_with(INK_BLACK),
    "light blue ink, thin pen": _signed_with(INK_LIGHT, pen=3),
    "crossing the printed name": _signed_with(dy=0.45),
    "on a printed line": lambda sp: (_signed_with()(sp), sp.rule(_muni(sp)[0], _muni(sp)[1] + 0.62, 2.2, 4)),
    "with a red stamp over it": lambda sp: (_signed_with()(sp), sp.ring_stamp(_muni(sp)[0] + 1.2, _muni(sp)[1])),
    "with a purple stamp beside it": lambda sp: (_signed_with()(sp), sp.box_stamp(5.9, _muni(sp)[1] - 0.6,
                                                                                  colour=STAMP_PURPLE)),
    "with a logo beside it": lambda sp: (_signed_with()(sp), sp.logo(6.6, _muni(sp)[1] - 0.5)),
    "both signed, columns": lambda sp: (sp.signature(*two_columns(sp)["platform31"]),
                                        sp.signature(*_muni(sp), seed=11)),
    "both signed, stacked": lambda sp: [sp.signature(*xy, seed=i) for i, xy in enumerate(stacked(sp).values())],
    "municipality left": lambda sp: sp.signature(*two_columns(sp, municipality_right=False)["municipality"]),
    "forms side by side": lambda sp: sp.signature(*forms(sp)["municipality"], width=1.3),
    "headed stack, name not read": lambda sp: sp.signature(*headed_stack(sp)["municipality"]),
    "in its cell of a ruled table": lambda sp: sp.signature(*grid_table(sp)["municipality"], width=1.3, height=0.45),
    "both signed, ruled table": lambda sp: [sp.signature(*xy, width=1.3, height=0.45, seed=i)
                                            for i, xy in enumerate(grid_table(sp).values())],
    "in the last row of a ruled form, underlined": lambda sp: _underlined(sp, *form_table(sp)),
    "labelled stack, values in a column of their own": lambda sp: sp.signature(*labelled_stack(sp)["municipality"]),
    "in its boxed form": lambda sp: sp.signature(*boxed_forms(sp)["municipality"]),
    "both signed, boxed forms": lambda sp: [sp.signature(*xy, seed=i) for i, xy in enumerate(boxed_forms(sp).values())],
    "signature image in an e-signature's frame": lambda sp: sp.signature(*e_signature_box(sp)["municipality"],
                                                                         width=1.2, height=0.45, pen=3),
    "both signed, only platform31's block opened": lambda sp: [sp.signature(*xy, seed=i)
                                                              for i, xy in enumerate(opened_once(sp).values())],
}


@pytest.mark.parametrize("variant", list(SIGNED))
def test_a_pen_signature_in_the_municipality_block_counts(variant):
    sp = SyntheticPage()
    SIGNED[variant](sp)
    result = judge(sp)
    assert result.signed is True, result.reason
    assert result.confidence >= 0.6


def _under_warm_light(sp: SyntheticPage) -> None:
    """The page photographed under a warm lamp: paper cream, the blacks lifted and tinted with it (black ink then
    measures a saturation of 0.17 at an orange hue, as on a phone photo from a house corpus)."""
    cast = np.array([0.92, 0.87, 0.76])
    pixels = cast * (40.0 + 0.84 * np.asarray(sp.image, dtype=np.float32))
    sp.image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


@pytest.mark.parametrize("build, signed", [
    *[(SIGNED[v], True) for v in ("black ink", "blue ink", "with a red stamp over it")],
    *[(UNSIGNED[t], False) for t in ("red round stamp", "purple box stamp, turned", "black round stamp",
                                     "platform31 signed, columns")],
])
def test_ink_photographed_under_warm_light_is_judged_against_the_paper(build, signed):
    """Ink's colour is judged against the paper's: the lamp's tint is no stamp colour, and a stamp stays one."""
    sp = SyntheticPage()
    build(sp)
    _under_warm_light(sp)
    result = judge(sp)
    assert result.signed is signed, result.reason


def test_ink_before_an_unreadable_last_page_proves_nothing():
    """The last page read as no text at all (a faded scan): what looks like a signature on the page before it
    is not taken as one with confidence, the agreement goes to the reviewer."""
    sp = SyntheticPage()
    _signed_with()(sp)
    blank = Page(3, "", [], "ocr", "synthetic", float(sp.image.width), float(sp.image.height), 300.0, 0, [])
    result = check_signature((sp.page(), blank), MARKS, lambda _p: sp.image)
    assert result.signed is True and result.confidence < 0.6 and "onleesbaar" in result.reason
    assert judge(sp).confidence >= 0.6  # the same page as the last one counts


def _faded_page() -> SyntheticPage:
    """A page whose print is too faint to read: pale grey lines of text, no word recorded."""
    page = SyntheticPage()
    for i in range(25):
        page.text(1.0, 1.0 + 0.3 * i, "Bijlage 1 toelichting bij de overeenkomst en het convenant van de G40",
                  colour=(165, 165, 165), record=False)
    return page


def _blank_sheet() -> SyntheticPage:
    """A blank separator sheet from a batch scan: paper and a few specks of dust."""
    page = SyntheticPage()
    for x, y in ((2.0, 3.0), (5.5, 8.2), (6.1, 1.4)):
        page.draw.ellipse((round(x * 300), round(y * 300), round(x * 300) + 4, round(y * 300) + 4), fill=(60, 60, 60))
    return page


@pytest.mark.parametrize("later, doubted", [(_faded_page, True), (_blank_sheet, False)])
def test_a_later_page_without_text_casts_doubt_only_when_it_holds_ink(later, doubted):
    """A faded page after the signature may be the real signature page: doubt. A blank sheet (a batch scan's
    separator) holds nothing that could be: the signature counts."""
    sp, other = SyntheticPage(), later()
    _signed_with()(sp)
    empty = Page(3, "", [], "ocr", "synthetic", float(sp.image.width), float(sp.image.height), 300.0, 0, [])
    result = check_signature((sp.page(), empty), MARKS, lambda p: other.image if p.number == 3 else sp.image)
    assert result.signed is True
    assert (result.confidence < 0.6 and "onleesbaar" in result.reason) is doubted, result.reason


@pytest.mark.parametrize("last, kept", [(_blank_sheet, "1-2"), (_faded_page, "1-3")])
def test_a_blank_separator_sheet_ends_no_document(last, kept):
    """A batch scan's blank sheet after an agreement is no page of it ('1-2', not '1-3'); a faded page may be
    its signature page and stays."""
    from pipeline.extraction import without_blank_sheets
    from pipeline.schema import Document

    first, second, third = SyntheticPage(), SyntheticPage(), last()
    closing(first)
    _signed_with()(second)
    pages = (first.page(1), second.page(2),
             Page(3, "", [], "ocr", "synthetic", float(third.image.width), float(third.image.height), 300.0, 0, []))
    images = {1: first.image, 2: second.image, 3: third.image}
    doc = Document(SourceFile("batch.pdf", "f" * 64, 1, "pdf"), pages, DocType.AGREEMENT, 0.9)
    assert without_blank_sheets(doc, lambda p: images[p.number]).page_range == kept


def _over_a_page_break(signed: bool, heading_on_first: bool = True, annex: bool = False):
    """Platform31's block signed at the foot of a page; the municipality's block breaks over to the next page: its
    heading ('Namens de gemeente Deventer,') last on the first page, or on the second, and the name, function and
    date (and the signature above the name) at the top of the second."""
    first, second = SyntheticPage(), SyntheticPage()
    closing(first)
    first.text(1.0, 6.8, "Namens Stichting Platform31,")
    first.signature(1.1, 7.2)
    first.text(1.0, 7.9, "V. Everhardt, directeur-bestuurder")
    top = 0.9
    if heading_on_first:
        first.text(1.0, 10.4, "Namens de gemeente Deventer,")
    else:
        second.text(1.0, top, "Namens de gemeente Deventer,")
        top += 0.4
    first.text(3.9, 11.2, "blad 1 van 2")
    if signed:
        second.signature(1.1, top, seed=5)
    second.text(1.0, top + 0.75, "R.C. König, burgemeester")
    second.text(1.0, top + 1.0, "Deventer, 12 januari 2023")
    if annex:  # a page of running text after the name: an annex that opens with the mayor's letter, no block
        for i in range(8):
            second.text(1.0, top + 1.6 + 0.25 * i, "De uitvoering van het convenant wordt jaarlijks besproken "
                                                   "met de gemeente en de andere leden van het netwerk.")
    second.text(3.9, 11.2, "blad 2 van 2")
    images = {1: first.image, 2: second.image}
    return check_signature((first.page(1), second.page(2)), MARKS, lambda p: images[p.number])


@pytest.mark.parametrize("heading_on_first", [True, False])
@pytest.mark.parametrize("signed", [True, False])
def test_a_block_broken_over_a_page_break_is_judged_where_its_name_stands(signed, heading_on_first):
    """Platform31's signature on the first page is never the municipality's; the municipality's signature above its
    name at the top of the next page counts, wherever its heading fell."""
    result = _over_a_page_break(signed, heading_on_first)
    assert result.signed is signed, result.reason
    assert result.page == 2


def test_a_page_of_running_text_after_the_heading_is_no_continued_block():
    """Under the name on the next page runs text: that page is no signature block, the first page is judged."""
    result = _over_a_page_break(True, annex=True)
    assert result.page == 1 and result.signed is not True, result.reason


def test_the_block_is_found_without_the_signatory_name():
    """The name is not in the marks (not read, no reference mayor): 'burgemeester gemeente Deventer' finds it."""
    sp = SyntheticPage()
    w = two_columns(sp)
    sp.signature(*w["platform31"])
    result = judge(sp, marks_for("Deventer", (), []))
    assert result.signed is False, result.reason
    sp.signature(*w["municipality"], seed=5)
    assert judge(sp, marks_for("Deventer", (), [])).signed is True


def test_a_page_with_no_block_is_not_judged():
    sp = SyntheticPage()
    sp.text(1.0, 1.0, "Bijlage 2 Overzicht van de activiteiten in 2023")
    result = judge(sp)
    assert result.signed is None and result.confidence == 0.0


def test_reason_says_what_was_set_aside():
    sp = SyntheticPage()
    x, y = _muni(sp)
    sp.ring_stamp(x + 0.8, y + 0.2)
    assert "stempel" in judge(sp).reason


# --- digital signatures -------------------------------------------------------------------------------------

def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _cert(subject: str, key, issuer: str | None = None, issuer_key=None, ca: bool = False) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer or subject)]))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(days=30)).not_valid_after(now + dt.timedelta(days=365))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), True)
    else:
        builder = builder.add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                                        True)
    return builder.sign(issuer_key or key, hashes.SHA256())


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    root_key, leaf_key, self_key = _key(), _key(), _key()
    root = _cert("Test Staat der Nederlanden Root CA", root_key, ca=True)
    leaf = _cert("R.C. König", leaf_key, issuer=root.subject.rfc4514_string().split("=", 1)[1], issuer_key=root_key)
    stranger = _cert("Willekeurige Stagiair", _key(), issuer="Test Staat der Nederlanden Root CA",
                     issuer_key=root_key)
    self_signed = _cert("R.C. König", self_key)
    folder = tmp_path_factory.mktemp("roots")
    (folder / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    der = serialization.Encoding.DER
    return {"roots": load_trust_roots(folder), "leaf": leaf.public_bytes(der), "stranger": stranger.public_bytes(der),
            "self": self_signed.public_bytes(der), "folder": folder}


def _agreement(signatures: tuple[DigitalSignature, ...], ink: bool = False) -> Extraction:
    fields = {"municipality": Field("municipality", "Deventer", "Deventer", 0.95, "test"),
              "signatory": Field("signatory", "R.C. König", "R.C. Kdnig", 0.95, "test"),
              "signed": Field("signed", ink, "", 0.9, "signature: handwriting", Evidence(2, None, ""))}
    return Extraction(SourceFile("d.pdf", "d" * 64, 10, "pdf"), "1-2", DocType.AGREEMENT, fields, ink, 0.9,
                      signature_kind="ink" if ink else "", digital=signatures)


def _sig(cert: bytes, signer: str, documents: int = 1) -> DigitalSignature:
    return DigitalSignature(signer, True, True, "Gemeente", "", cert, (), "", documents)


def test_signer_must_be_the_signatory_or_the_mayor():
    assert signer_matches("R.C. König", ["R.C. König"])
    assert signer_matches("Ron König (Gemeente Deventer)", ["R.C. Kdnig", "R.C. König"])
    assert signer_matches("KONIG, R.C.", ["R.C. König"])
    assert not signer_matches("Willekeurige Stagiair", ["R.C. König"])
    assert not signer_matches("", ["R.C. König"])


def test_trusted_signature_of_the_mayor_counts(pki, sample_reference):
    ex = judge_digital(_agreement((_sig(pki["leaf"], "R.C. König"),)), pki["roots"], sample_reference)
    assert ex.signed is True and ex.signature_kind == "digital" and not ex.signature_problem


@pytest.mark.parametrize("case, expected", [
    ("stranger", "niet door de ondertekenaar"),
    ("self", "zelfondertekend"),
    ("no roots", "geen vertrouwde basiscertificaten"),
    ("several documents", "hele bestand met 3 documenten"),
])
def test_a_digital_signature_that_proves_nothing_never_signs_alone(pki, sample_reference, case, expected):
    sig = {"stranger": _sig(pki["stranger"], "Willekeurige Stagiair"), "self": _sig(pki["self"], "R.C. König"),
           "no roots": _sig(pki["leaf"], "R.C. König"),
           "several documents": _sig(pki["leaf"], "R.C. König", documents=3)}[case]
    policy = TrustPolicy() if case == "no roots" else pki["roots"]
    ex = judge_digital(_agreement((sig,)), policy, sample_reference)
    assert ex.signed is False and ex.signature_kind == ""
    assert expected in ex.signature_problem
    rec = reconcile([replace(ex, fields={**ex.fields, "amount": Field("amount", Decimal("15216.90"), "", 0.95, "t")})],
                    sample_reference)
    deventer = next(s for s in rec.statuses if s.municipality == "Deventer")
    assert deventer.status is Status.EXCEPTION and "unsigned" in deventer.issues


def test_a_stranger_next_to_ink_is_a_warning(pki, sample_reference):
    ex = judge_digital(_agreement((_sig(pki["stranger"], "Willekeurige Stagiair"),), ink=True), pki["roots"],
                       sample_reference)
    assert ex.signed is True and ex.signature_kind == "ink"
    rec = reconcile([ex], sample_reference)
    assert any(f.code == "low_confidence" and "Willekeurige" in f.message for f in rec.findings)


def test_trust_roots_folder_without_certificates_is_a_clear_error(tmp_path):
    (tmp_path / "readme.txt").write_text("geen certificaat")
    with pytest.raises(ConfigError, match="geen certificaten"):
        load_trust_roots(tmp_path)
    (tmp_path / "kapot.pem").write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    with pytest.raises(ConfigError, match=r"kapot\.pem"):
        load_trust_roots(tmp_path)


# --- splitting ----------------------------------------------------------------------------------------------

AGREEMENT_1 = """SAMENWERKINGSOVEREENKOMST
behorende bij het Convenant G40-Stedennetwerk en Platform31
De gemeente Deventer, in deze rechtsgeldig vertegenwoordigd door de burgemeester R.C. König,
hierna te noemen: de gemeente
Artikel 1 Duur samenwerkingsovereenkomst
1.1 De samenwerkingsovereenkomst vangt aan op 1 maart 2023."""
AGREEMENT_2 = """Artikel 3 Prijs
3.1 De gemeente betaalt een totaalbedrag van € 15.216,90 ex BTW per jaar.
Aldus in tweevoud opgemaakt te Deventer op 10 januari 2023
V. Everhardt R.C. König
Directeur-Bestuurder stichting Platform31 burgemeester gemeente Deventer"""
DECISION_TITLED = """Besluit van het college van burgemeester en wethouders van Deventer
Het college van burgemeester en wethouders van Deventer besluit:
in te stemmen met de samenwerkingsovereenkomst met Platform31.
Deventer, 10 januari 2023
de secretaris, de burgemeester,"""
DECISION_UNTITLED = """Gemeente Deventer
Gelet op het voorstel van de afdeling Economie;
het college van burgemeester en wethouders van Deventer besluit
in te stemmen met de samenwerkingsovereenkomst met Platform31.
de gemeentesecretaris, de burgemeester"""


@pytest.mark.parametrize("decision", [DECISION_TITLED, DECISION_UNTITLED])
def test_a_college_decision_after_the_agreement_is_its_own_document(decision):
    pages = [page_from_text(i, t) for i, t in enumerate([AGREEMENT_1, AGREEMENT_2, decision], start=1)]
    docs = split_documents(SourceFile("f.pdf", "f" * 64, 1, "pdf"), pages)
    assert [(d.doc_type, d.page_range) for d in docs] == [(DocType.AGREEMENT, "1-2"), (DocType.DECISION_MEMO, "3")]


# --- review -------------------------------------------------------------------------------------------------

def _doubtful(sample_reference) -> tuple[Extraction, str]:
    ex = _agreement(())
    fields = {**ex.fields, "signed": Field("signed", True, "handschrift, even dicht bij beide blokken", 0.5,
                                           "signature: handwriting", Evidence(2, None, "")),
              "amount": Field("amount", Decimal("15216.90"), "15.216,90", 0.95, "t"),
              "date": Field("date", dt.date(2023, 1, 10), "10 januari 2023", 0.95, "t")}
    ex = replace(ex, fields=fields, signed=True)
    finding = next(f for f in reconcile([ex], sample_reference).findings if f.field == "signed")
    return ex, finding.id


def _decide(ex, finding_id, action, **kw):
    return Decision(finding_id, action, "gezien", "A. Punte", "2026-12-02T10:00:00+01:00", ex.key, ex.file.path,
                    ex.pages, "Deventer", "low_confidence", **kw)


def test_accepting_a_doubtful_signature_leaves_the_exception(sample_reference):
    ex, finding_id = _doubtful(sample_reference)
    applied = apply_decisions([ex], [_decide(ex, finding_id, "accept")])
    rec = reconcile(applied.extractions, sample_reference, applied.accepted)
    deventer = next(s for s in rec.statuses if s.municipality == "Deventer")
    assert deventer.status is Status.EXCEPTION
    assert next(f for f in rec.findings if f.id == finding_id).accepted_by


def test_only_a_correction_to_signed_yes_confirms_it(sample_reference):
    ex, finding_id = _doubtful(sample_reference)
    applied = apply_decisions([ex], [_decide(ex, finding_id, "correct", field="signed", value="ja")])
    rec = reconcile(applied.extractions, sample_reference, applied.accepted)
    assert next(s for s in rec.statuses if s.municipality == "Deventer").status is Status.COMPLETE


@pytest.mark.parametrize("name, office", [("R.C. König", "burgemeester"), ("J. de Vries", "locoburgemeester")])
@pytest.mark.parametrize("signed", [True, False])
def test_the_municipality_signing_first_on_the_last_page_of_text_is_judged_there(signed, name, office):
    """The municipality's block closes the last page of the articles; Platform31 signs alone on the page after
    (signed by its director later): the municipality's page is the one to judge, however strong Platform31's
    block on the later page is."""
    first, second = SyntheticPage(), SyntheticPage()
    closing(first)
    first.text(1.0, 8.0, "Namens het college van burgemeester en wethouders van Deventer,")
    first.text(1.0, 8.25, "Deventer, 12 januari 2023")
    if signed:
        first.signature(1.1, 8.6, seed=5)
    first.rule(1.0, 9.25, 2.4, 3)
    first.text(1.0, 9.35, name)
    first.text(1.0, 9.6, office)
    first.text(3.9, 11.2, "pagina 1 van 2")
    second.text(1.0, 0.9, "Voor Platform31,")
    second.text(1.0, 1.15, "Den Haag, 24 januari 2023")
    second.signature(1.1, 1.5)
    second.text(1.0, 2.2, "V. Everhardt")
    second.text(1.0, 2.45, "Directeur-bestuurder")
    second.text(3.9, 11.2, "pagina 2 van 2")
    images = {1: first.image, 2: second.image}
    result = check_signature((first.page(1), second.page(2)), MARKS, lambda p: images[p.number])
    assert result.signed is signed and result.page == 1, result.reason


def test_initials_in_the_margin_of_the_municipalitys_unsigned_page_are_no_signature():
    """The same layout unsigned, the page initialled in its margin as every page is: initials are no signature."""
    first, second = SyntheticPage(), SyntheticPage()
    closing(first)
    first.text(1.0, 8.0, "Namens het college van burgemeester en wethouders van Deventer,")
    first.text(1.0, 8.25, "Deventer, 12 januari 2023")
    first.rule(1.0, 9.25, 2.4, 3)
    first.text(1.0, 9.35, "J. de Vries")
    first.text(1.0, 9.6, "locoburgemeester")
    first.signature(6.9, 10.6, width=0.45, height=0.3, pen=4, seed=9)
    first.text(3.9, 11.2, "pagina 1 van 2")
    second.text(1.0, 0.9, "Voor Platform31,")
    second.signature(1.1, 1.3)
    second.text(1.0, 2.0, "V. Everhardt")
    second.text(1.0, 2.25, "Directeur-bestuurder")
    images = {1: first.image, 2: second.image}
    result = check_signature((first.page(1), second.page(2)), MARKS, lambda p: images[p.number])
    assert result.signed is False, result.reason


def _photographed(sp: SyntheticPage) -> None:
    """The page as a phone photo: warm light falling off to one corner and a grey desk along its right and lower
    edges, a third of the picture (the light's spread is far wider than the paper's own noise)."""
    rgb = np.asarray(sp.image, dtype=np.float32)
    h, w = rgb.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    light = 1.0 - 0.45 * (xx / w) * (0.4 + 0.6 * yy / h)
    warm = np.array([1.0, 0.96, 0.86], dtype=np.float32)
    rgb = rgb * light[..., None] * warm
    rgb[:, px(7.6):] = (105, 104, 100)
    rgb[px(8.0):, :] = (105, 104, 100)
    sp.image = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.2))


@pytest.mark.parametrize("signed", [True, False])
def test_a_photo_whose_light_falls_off_is_judged_by_its_ink(signed):
    """Under a lamp the paper goes from white to a dark beige across the page and the desk shows at its edge: a
    pen's signature is still ink, the shadow and the desk are not."""
    sp = SyntheticPage()
    where = two_columns(sp)
    if signed:
        sp.signature(*where["municipality"], colour=INK_LIGHT, pen=4)
    sp.signature(*where["platform31"])
    _photographed(sp)
    result = judge(sp)
    assert result.signed is signed, result.reason


def test_a_document_that_is_only_a_blank_back_page_is_left_out():
    """A double-sided batch scan: a memo's empty back page split off on its own is no document; a page that
    holds ink stays one, and a file of nothing but blank sheets keeps its document (to be reported)."""
    from pipeline.extraction import without_blank_documents
    from pipeline.schema import Document

    memo, blank, faded = SyntheticPage(), _blank_sheet(), _faded_page()
    closing(memo)
    images = {1: memo.image, 2: blank.image, 3: faded.image}

    def empty(n: int, image) -> Page:
        return Page(n, "", [], "ocr", "synthetic", float(image.width), float(image.height), 300.0, 0, [])

    source = SourceFile("batch.pdf", "f" * 64, 1, "pdf")
    docs = [Document(source, (memo.page(1),), DocType.DECISION_MEMO, 0.9),
            Document(source, (empty(2, blank.image),), DocType.OTHER, 0.5),
            Document(source, (empty(3, faded.image),), DocType.OTHER, 0.5)]
    kept = without_blank_documents(docs, lambda p: images[p.number])
    assert [d.page_range for d in kept] == ["1", "3"]
    assert without_blank_documents(docs[1:2], lambda p: images[p.number]) == docs[1:2]
