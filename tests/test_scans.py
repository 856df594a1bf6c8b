"""The text and signature stages on real generated scans: text layer or OCR, upright pages, ink."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.ingest import scan_inbox
from pipeline.ocr import OcrCache, OcrSettings
from pipeline.reference import load_reference
from pipeline.scheduling import process_file
from pipeline.text import TextSettings, read_pages
from samples.generator import DAMAGE, AgreementSpec, render_agreement, save_scan_pdf, scan

from .conftest import OCR_CACHE, SAMPLES

pytestmark = pytest.mark.ocr

SPEC = AgreementSpec(municipality="Deventer", mayor="R.C. König", amount=Decimal("15216.90"),
                     drawn_up=date(2023, 1, 10), college_date=date(2023, 1, 10), signed=True)


def _source(inbox: Path, name: str):
    files, _ = scan_inbox(inbox)
    return next(f for f in files if f.path == name)


@pytest.fixture(scope="module")
def signature_inbox(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("sig")
    for signed in (True, False):
        for level in ("office", "office_bw", "poor"):
            spec = AgreementSpec(**{**SPEC.__dict__, "signed": signed})
            doc = render_agreement(spec, random.Random(5))  # the same layout signed and unsigned
            images = scan(doc.pdf, DAMAGE[level], random.Random(9))
            save_scan_pdf(images, inbox / f"{level}_{'signed' if signed else 'unsigned'}.pdf", DAMAGE[level].dpi)
    return inbox


@pytest.mark.parametrize("level", ["office", "office_bw", "poor"])
@pytest.mark.parametrize("signed", [True, False])
def test_signature_detected_only_when_there(signature_inbox, level, signed):
    ref = load_reference(SAMPLES / "reference.csv")
    name = f"{level}_{'signed' if signed else 'unsigned'}.pdf"
    result = process_file(signature_inbox, _source(signature_inbox, name), ref, TextSettings(), OCR_CACHE)
    [agreement] = result.extractions
    assert agreement.signed is signed, agreement.fields["signed"].raw
    assert agreement.fields["signed"].evidence.page == 2


def test_signature_above_a_long_hyphenated_name(tmp_path):
    """The name is found by its last word; the ink is looked for above the whole name."""
    spec = AgreementSpec(**{**SPEC.__dict__, "municipality": "Helmond", "mayor": "E. Blanksma-van den Heuvel",
                            "amount": Decimal("14021.40")})
    doc = render_agreement(spec, random.Random(8))
    save_scan_pdf(scan(doc.pdf, DAMAGE["office"], random.Random(4)), tmp_path / "helmond.pdf", 300)
    ref = load_reference(SAMPLES / "reference.csv")
    result = process_file(tmp_path, _source(tmp_path, "helmond.pdf"), ref, TextSettings(), OCR_CACHE)
    [agreement] = result.extractions
    assert agreement.value("signatory") == "E. Blanksma-van den Heuvel"
    assert agreement.signed is True


def test_text_layer_used_where_it_holds_text_and_ocr_elsewhere():
    inbox = SAMPLES / "inbox"
    digital = read_pages(inbox / "haarlem digitaal.pdf", _source(inbox, "haarlem digitaal.pdf"), TextSettings(),
                         OcrCache(None))
    assert {p.source for p in digital} == {"text_layer"}
    scanned = read_pages(inbox / "zwolle_overeenkomst.pdf", _source(inbox, "zwolle_overeenkomst.pdf"),
                         TextSettings(), OcrCache(OCR_CACHE))
    assert {p.source for p in scanned} == {"ocr"}
    assert all(p.reason == "geen tekstlaag" for p in scanned)


@pytest.mark.parametrize("degrees", [180, 90])
def test_turned_pages_are_read_upright(tmp_path, degrees):
    page = scan(render_agreement(SPEC, random.Random(1)).pdf, DAMAGE["office"], random.Random(2))[1]
    page.rotate(degrees, expand=True).save(tmp_path / "turned.png", dpi=(300, 300))
    [read] = read_pages(tmp_path / "turned.png", _source(tmp_path, "turned.png"), TextSettings(), OcrCache(None))
    assert read.rotation in ({180} if degrees == 180 else {90, 270})
    assert "Artikel 3 Prijs" in read.text
    assert "15216,90" in read.text.replace(".", "") or "15.216,90" in read.text


def test_a_sideways_page_that_tesseract_reads_as_vertical_text_is_turned_upright():
    """Tesseract reads some pages lying on their side well enough (quality 0.88 here), but drops lines and gives
    boxes that run down the page; such a page is turned and read upright."""
    from pipeline.ocr import ocr_image
    from samples.generator import render_memo

    doc = render_memo("Zwolle", 130688, date(2023, 1, 16), random.Random(2))
    page = scan(doc.pdf, DAMAGE["poor"], random.Random(2))[0].rotate(90, expand=True)
    result = ocr_image(page, TextSettings().ocr, OcrCache(None))  # the OCR itself is under test
    assert result.rotation in (90, 270)
    words = [w for w in result.words if len(w.text) >= 3]
    assert sum(w.box[2] - w.box[0] > w.box[3] - w.box[1] for w in words) > 0.9 * len(words)
    assert "130.688 inwoners" in result.text


def test_a_page_read_before_comes_from_the_cache_without_rendering(tmp_path, monkeypatch):
    """The cache knows a page by its file's content: the second run neither renders nor OCRs it, and gives the
    same page, geometry of a turned page included."""
    import pipeline.text as text_stage

    page = scan(render_agreement(SPEC, random.Random(1)).pdf, DAMAGE["office"], random.Random(2))[1]
    page.rotate(90, expand=True).save(tmp_path / "turned.png", dpi=(300, 300))
    source = _source(tmp_path, "turned.png")
    cache = OcrCache(tmp_path / "cache")
    [first] = read_pages(tmp_path / "turned.png", source, TextSettings(), cache)
    assert first.rotation in (90, 270) and first.height > first.width

    def no_image(*args, **kwargs):
        raise AssertionError("page image made although its OCR is in the cache")

    monkeypatch.setattr(text_stage, "_page_image", no_image)
    [again] = read_pages(tmp_path / "turned.png", source, TextSettings(), cache)
    assert again == first
    [patient] = read_pages(tmp_path / "turned.png", source, TextSettings(ocr=OcrSettings(timeout=300)), cache)
    assert patient == first  # another --page-timeout reads the same
    other = TextSettings(dpi=200)  # other settings: another image, so not from the cache
    with pytest.raises(AssertionError, match="page image made"):
        read_pages(tmp_path / "turned.png", source, other, cache)


def test_tesseract_is_not_told_a_false_resolution(tmp_path):
    """A BMP says 96 dpi unless told otherwise; tesseract believed it and dropped a paragraph of this poor scan."""
    from PIL import Image

    from pipeline.ocr import ocr_image, save_for_tesseract

    page = scan(render_agreement(SPEC, random.Random(1)).pdf, DAMAGE["poor"], random.Random(1))[0]
    save_for_tesseract(page.convert("L"), str(tmp_path / "page.bmp"))
    assert "dpi" not in Image.open(tmp_path / "page.bmp").info
    text = ocr_image(page, TextSettings().ocr, OcrCache(None)).text  # the OCR itself is under test
    assert "1.3 De beëindiging dient voor 1 september" in text
    assert "komende kalenderjaar schriftelijk" in text


def test_multi_page_tiff(tmp_path):
    from samples.generator import save_tiff

    images = scan(render_agreement(SPEC, random.Random(1)).pdf, DAMAGE["office"], random.Random(3))
    save_tiff(images, tmp_path / "scan.tif", 300)
    pages = read_pages(tmp_path / "scan.tif", _source(tmp_path, "scan.tif"), TextSettings(), OcrCache(OCR_CACHE))
    assert [p.number for p in pages] == [1, 2]
    assert "Samenwerken" in pages[0].text


def _phone_photo(page, degrees: float):
    """A page photographed on a desk: turned `degrees` clockwise, the desk's brown around it, a photo's pixels."""
    from PIL import Image

    desk = Image.new("RGB", (page.width + 500, page.height + 500), (88, 80, 70))
    desk.paste(page.convert("RGB"), (250, 250))
    desk = desk.rotate(-degrees, resample=Image.BICUBIC, fillcolor=(88, 80, 70))
    return desk.resize((desk.width * 2 // 3, desk.height * 2 // 3), Image.LANCZOS)


@pytest.mark.parametrize("degrees", [4.5, -5.0])
def test_a_skewed_phone_photo_is_levelled_and_read_in_whole_lines(tmp_path, degrees):
    """Tesseract follows a scan's lines up to ~2.5 degrees; a photo at 4-5 degrees it read in pieces ('peildatum |
    januari', the euro sign lost). Such a page is read again levelled, and its boxes and image stay on one
    geometry: the signature is judged on the levelled page, and an unsigned one stays unsigned."""
    from pipeline.text import render_page

    spec = AgreementSpec(**{**SPEC.__dict__, "signed": False})
    page = scan(render_agreement(spec, random.Random(5)).pdf, DAMAGE["office"], random.Random(9))[1]
    _phone_photo(page, degrees).save(tmp_path / "IMG_2041.jpg", quality=80)
    source = _source(tmp_path, "IMG_2041.jpg")
    [read] = read_pages(tmp_path / "IMG_2041.jpg", source, TextSettings(), OcrCache(OCR_CACHE))
    assert 3.0 <= abs(read.rotation) <= 7.0 and read.rotation * degrees < 0  # turned back, not further
    lines = read.text.splitlines()
    assert any("€ 0,15 ex BTW per inwoner per jaar." in line for line in lines), read.text
    assert any("peildatum 1 januari 2022" in line for line in lines), read.text
    assert "Aldus in tweevoud opgemaakt te Deventer op 10 januari 2023" in lines
    assert render_page(tmp_path / "IMG_2041.jpg", source, read).size == (read.width, read.height)
    ref = load_reference(SAMPLES / "reference.csv")
    [agreement] = process_file(tmp_path, source, ref, TextSettings(), OCR_CACHE).extractions
    assert agreement.value("municipality") == "Deventer" and agreement.value("date") == date(2023, 1, 10)
    assert agreement.signed is False


def _sparse_photo(degrees: float):
    """A photo of a signature page holding only the municipality's block (four short lines, too few to measure
    a skew along): cream paper on a dark desk, the light falling off to one corner, a phone's resolution."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("RGB", (2480, 3508), (238, 232, 215))
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=42)
    for i, line in enumerate(["R.C. König", "burgemeester van Deventer", "Plaats: Deventer",
                              "Datum: 10 januari 2023"]):
        draw.text((330, 520 + 70 * i), line, font=font, fill=(35, 35, 40))
    desk = Image.new("RGB", (3100, 4100), (50, 55, 70))
    desk.paste(page, (310, 300))
    desk = desk.rotate(-degrees, resample=Image.BICUBIC, fillcolor=(50, 55, 70))
    ys, xs = np.mgrid[0:desk.height, 0:desk.width]
    light = (1.0 - 0.35 * (xs / desk.width) * (ys / desk.height))[..., None]
    photo = Image.fromarray(np.clip(np.asarray(desk, dtype=np.float32) * light, 0, 255).astype(np.uint8))
    return photo.resize((photo.width * 9 // 20, photo.height * 9 // 20), Image.LANCZOS)


@pytest.mark.parametrize("degrees", [6.5, -5.0])
def test_a_sparse_photo_is_levelled_by_its_ink(tmp_path, degrees):
    """Four lines read in pieces give no skew to measure along ('burgemeester' / 'van Deventer' apart); the
    skew is measured from the ink and the page read again level."""
    _sparse_photo(degrees).save(tmp_path / "IMG_0932.jpg", quality=80)
    [read] = read_pages(tmp_path / "IMG_0932.jpg", _source(tmp_path, "IMG_0932.jpg"), TextSettings(),
                        OcrCache(OCR_CACHE))
    assert read.rotation == pytest.approx(-degrees, abs=0.75)
    lines = read.text.splitlines()
    assert "burgemeester van Deventer" in lines and "Datum: 10 januari 2023" in lines, read.text


def test_a_scan_with_a_scanners_hidden_text_layer_is_read_by_ocr(tmp_path):
    """A copier's searchable PDF: the scan with its own OCR as invisible text, misread ('Verheijcn', '15.216.90')
    and not where the print is. The scan itself is read, so the signature is found above the printed name."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pages = scan(render_agreement(SPEC, random.Random(5)).pdf, DAMAGE["office"], random.Random(9))
    pdf = canvas.Canvas(str(tmp_path / "SKM_C458.pdf"), pagesize=A4, invariant=True)  # same bytes every run
    for image in pages:
        buffer = BytesIO()
        image.save(buffer, format="PNG")
        pdf.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
        text = pdf.beginText(72, 400)
        text.setTextRenderMode(3)  # invisible: only for searching
        text.setFont("Helvetica", 10)
        for line in ("Artikel 3 Prijs De gemeente betaalt een totaalbedrag van C 15.216.90 ex BTW per jaar.",
                     "V. Everhardt R.C. Kdnig Directeur-Bestuurder burgemeester gemeente Deventer"):
            text.textLine(line)
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    read = read_pages(tmp_path / "SKM_C458.pdf", _source(tmp_path, "SKM_C458.pdf"), TextSettings(), OcrCache(None))
    assert {p.source for p in read} == {"ocr"}
    assert all("verborgen tekstlaag" in p.reason for p in read)
    ref = load_reference(SAMPLES / "reference.csv")
    result = process_file(tmp_path, _source(tmp_path, "SKM_C458.pdf"), ref, TextSettings(), OCR_CACHE)
    [agreement] = result.extractions
    assert agreement.value("amount") == Decimal("15216.90")
    assert agreement.signed is True
