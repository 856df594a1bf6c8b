"""Lines the layout analysis passed over are read from the ink no word covers, and put in their place; a
signature's ink never becomes words."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline import dropped_lines
from pipeline.ocr import OcrSettings, _run_tesseract
from pipeline.table_cells import lines_of

LINES = ["Artikel 2 Dienstverlening",
         "Platform31 biedt de gemeente een samenwerking die leidt tot het convenant.",
         "Artikel 3 Financiele bijdrage",
         "De gemeente betaalt aan Platform31 een bedrag van 0,15 euro per inwoner per jaar.",
         "Gebaseerd op gegevens van het CBS is dit een totaalbedrag van 13836,00 per jaar.",
         "Artikel 4 Slotbepalingen",
         "Op deze overeenkomst is uitsluitend Nederlands recht van toepassing."]
DROPPED = (2, 3, 4)  # the price article, as tesseract passed over it on a poor scan


def _page(skew: float, signature: bool = False, ring_under: int | None = None) -> Image.Image:
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    for i, line in enumerate(LINES):
        draw.text((300, 500 + 70 * i), line, font=font, fill=25)
    if signature:  # a pen stroke where the names stand, taller than any letter
        xs = np.linspace(1300, 1900, 400)
        points = [(float(x), 1400 + 60 * np.sin(x / 23.0) + 25 * np.cos(x / 7.0)) for x in xs]
        draw.line(points, fill=30, width=5)
    if ring_under is not None:  # a received stamp set just under a line, its ring running into the letters
        top = 500 + 70 * ring_under + 38
        draw.ellipse((1100, top, 1420, top + 320), outline=70, width=7)
    image = image.rotate(-skew, resample=Image.BILINEAR, fillcolor=255)
    pixels = np.asarray(image, dtype=np.float32) * 0.85 + np.random.default_rng(5).normal(0, 10, (3508, 2480))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _read_without(page: Image.Image, dropped: tuple[int, ...]) -> list[list]:
    """The page as tesseract reads it, with the lines of `dropped` taken out as if it had passed over them."""
    result = _run_tesseract(page, OcrSettings())
    lines = lines_of(result.text, result.words, result.spans)
    assert len(lines) == len(LINES)
    return [line for i, line in enumerate(lines) if i not in dropped]


@pytest.mark.parametrize("skew", [0.0, 1.5])
def test_a_dropped_paragraph_is_read_and_put_in_its_place(skew: float) -> None:
    page = _page(skew)
    lines = dropped_lines.with_dropped_lines(_read_without(page, DROPPED), np.asarray(page), 300, "nld", 60)
    assert lines is not None
    text = [" ".join(w.text for w in line) for line in lines]
    assert len(text) == len(LINES)
    assert "13836,00" in text[4] and text[3].startswith("De gemeente betaalt")
    assert text[1].startswith("Platform31 biedt") and text[5].startswith("Artikel 4")


def test_nothing_dropped_nothing_added() -> None:
    page = _page(1.0)
    assert dropped_lines.with_dropped_lines(_read_without(page, ()), np.asarray(page), 300, "nld", 60) is None


def test_a_signature_is_no_line_of_text() -> None:
    page = _page(0.0, signature=True)
    lines = _read_without(page, ())
    words = [w for line in lines for w in line]
    assert dropped_lines.bands(np.asarray(page), words, 300) == []


def test_a_line_a_stamp_runs_into_is_read_without_the_stamp() -> None:
    page = _page(1.0, ring_under=3)
    lines = dropped_lines.with_dropped_lines(_read_without(page, (3,)), np.asarray(page), 300, "nld", 60)
    assert lines is not None
    text = [" ".join(w.text for w in line) for line in lines]
    assert len(text) == len(LINES)
    assert text[3].startswith("De gemeente betaalt aan Platform31")
    assert "bedrag" in text[3] and "euro" in text[3]  # the words the ring runs through, too
    assert all(w.box[3] - w.box[1] < 100 for w in lines[3])  # kept to the line, not stretched over the ring
