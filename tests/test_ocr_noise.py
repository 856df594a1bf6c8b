"""A sparse page on grey, speckled paper: tesseract's layout analysis finds no text in it at all, so a page
that reads badly is read again with the speckles filtered out."""

from __future__ import annotations

import numpy as np
import pytesseract
from PIL import Image, ImageDraw, ImageFont

from pipeline.ocr import OcrCache, OcrSettings, ocr_image


def _signature_page(paper: int = 213, noise: float = 13.0) -> Image.Image:
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=34)
    for x, y, text in [(310, 330, "Getekend te Venlo op ...................."), (310, 440, "Voor Platform31"),
                       (310, 700, "V. Everhardt"), (310, 750, "Directeur-bestuurder stichting Platform31"),
                       (1260, 680, "A.S. Scholten"), (1260, 730, "burgemeester gemeente Venlo"),
                       (1870, 3330, "Pagina 3 van 3")]:
        draw.text((x, y), text, font=font, fill=40)
    draw.line((310, 690, 1100, 690), fill=40, width=4)
    pixels = np.asarray(image, dtype=np.float32) * paper / 255
    pixels += np.random.default_rng(1).normal(0, noise, pixels.shape)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def test_a_speckled_sparse_page_is_read() -> None:
    page = _signature_page()
    assert pytesseract.image_to_string(page, lang="nld").split() == []  # the trouble this guards against
    text = ocr_image(page, OcrSettings(), OcrCache(None), dpi=300).text
    assert "Scholten" in text and "burgemeester gemeente Venlo" in text
    assert "Getekend te Venlo" in text


def test_a_coarse_photo_of_a_page_is_read_enlarged() -> None:
    """A phone photo holds ~200 pixels per inch of paper while claiming nothing: it is read at 300."""
    from pipeline.ocr import _enlargement

    page = _signature_page(paper=235, noise=4.0)
    photo = page.resize((round(page.width * 0.6), round(page.height * 0.6)), Image.BILINEAR)  # ~180 per inch
    assert _enlargement(page) == 1.0 and _enlargement(photo) > 1.5
    result = ocr_image(photo, OcrSettings(), OcrCache(None))
    assert "Scholten" in result.text and "Venlo" in result.text
    scholten = next(w for w in result.words if "Scholten" in w.text)
    assert scholten.box[0] < photo.width and scholten.box[3] < photo.height  # boxes in the photo's own pixels


def _in_shadow(depth: float = 0.5) -> Image.Image:
    """The signature page with the soft shadow of a hand and phone over its upper left: paper lit at `depth`."""
    from PIL import ImageFilter

    page = np.asarray(_signature_page(paper=240, noise=3.0), dtype=np.float32)
    h, w = page.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    edge = 1 / (1 + np.exp(-((xx / w + yy / h) - 0.75) * 25))
    light = depth + (1 - depth) * edge
    return Image.fromarray((page * light).clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))


def test_a_page_in_shadow_is_read_by_parts() -> None:
    """One threshold for a page half in shadow loses the shadowed half; thresholds by parts read it."""
    from pipeline.lighting import uneven

    page = _in_shadow()
    plain = pytesseract.image_to_string(page, lang="nld")
    assert "Scholten" not in plain and "Getekend te Venlo" not in plain  # the trouble this guards against
    assert uneven(page) and not uneven(_signature_page(paper=240, noise=3.0))
    text = ocr_image(page, OcrSettings(), OcrCache(None), dpi=300).text
    assert "A.S. Scholten" in text and "burgemeester gemeente Venlo" in text and "Getekend te Venlo" in text


def test_a_re_read_that_tesseract_times_out_on_leaves_the_page_as_first_read(monkeypatch) -> None:
    """A levelled copy of a grey, speckled signature page once hung tesseract past its time-out: the page kept
    no text at all ('OCR afgebroken'). A re-read only improves on the reading made, so the page keeps that."""
    from pipeline import ocr

    def hangs(*_args, **_kwargs):
        raise RuntimeError("Tesseract process timeout")

    page = Image.new("L", (2480, 3508), 255)
    ImageDraw.Draw(page).text((310, 330), "Getekend te Arnhem op 08/03/2023", font=ImageFont.load_default(size=40),
                              fill=20)
    monkeypatch.setattr(ocr, "_levelled", hangs)
    monkeypatch.setattr(ocr, "_mended", hangs)
    assert "Getekend te Arnhem" in ocr_image(page, OcrSettings(), OcrCache(None), dpi=300).text
