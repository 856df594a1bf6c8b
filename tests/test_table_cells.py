"""Ruled tables read cell by cell: a skewed, grey, noisy scan of a calculation table gives its rows whole."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline import table_cells
from pipeline.ocr import OcrCache, OcrSettings, ocr_image

DPI = 300
ROWS = [("Aantal inwoners (CBS, 1 januari 2022)", "224.459"), ("Tarief per inwoner per jaar", "€ 0,15"),
        ("Bijdrage per jaar", "€ 33.668,85")]


def _page(table: bool = True, skew: float = 2.0, paper: int = 205, seed: int = 7) -> Image.Image:
    """An A4 page at 300 dpi: a paragraph, a ruled two-column table with right-aligned figures, another
    paragraph; turned by `skew` degrees on grey paper with scanner noise."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    y = 400
    for line in ("Artikel 3 Kosten", "De gemeente betaalt Platform31 jaarlijks de volgende bijdrage (exclusief btw):"):
        draw.text((300, y), line, font=font, fill=20)
        y += 70
    draw.line((300, y - 8, 760, y - 8), fill=20, width=3)  # an underline: a rule, but no table
    y += 40
    if table:
        left, middle, right, height = 300, 1300, 1900, 85
        for i, (label, value) in enumerate(ROWS):
            top = y + i * height
            draw.text((left + 15, top + 20), label, font=font, fill=20)
            width = draw.textlength(value, font=font)
            draw.text((right - 15 - width, top + 20), value, font=font, fill=20)
        bottom = y + len(ROWS) * height
        for k in range(len(ROWS) + 1):
            draw.line((left, y + k * height, right, y + k * height), fill=40, width=3)
        for x in (left, middle, right):
            draw.line((x, y, x, bottom), fill=40, width=3)
        y = bottom + 60
    for line in ("Over de gehele looptijd van vijf jaar bedraagt de bijdrage daarmee € 168.344,25.",
                 "In de vorige convenantsperiode bedroeg het tarief € 0,13 per inwoner."):
        draw.text((300, y), line, font=font, fill=20)
        y += 70
    image = image.rotate(-skew, resample=Image.BILINEAR, fillcolor=255)
    pixels = np.asarray(image, dtype=np.float32)
    pixels = paper / 255 * pixels + np.random.default_rng(seed).normal(0, 14, pixels.shape)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _signing_table(dpi: int, blue: int, size: float) -> Image.Image:
    """A level signing table whose name and function are typed and whose date and place are written in pen
    (jittered slanted glyphs), on grey paper, scanned at `dpi` with specks and rendered back at 300 dpi."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    rows = [("Naam ondertekenaar", "M. Out", False), ("Functie", "burgemeester", False),
            ("Datum ondertekening", "21-02-2023", True), ("Plaats", "Assen", True)]
    top, left, middle, right, height = 700, 72, 280, 540, 20
    for i, (label, value, pen) in enumerate(rows):
        y = top - (i + 1) * height + 6
        page.setFont("Helvetica-Bold", 10)
        page.setFillGray(0.1)
        page.drawString(left + 4, y, label)
        if not pen:
            page.setFont("Helvetica", 10)
            page.drawString(middle + 4, y, value)
            continue
        jitter, x = np.random.default_rng(i), middle + 4.0
        for ch in value:
            page.saveState()
            page.translate(x, y + jitter.uniform(-1.2, 1.2))
            page.rotate(jitter.uniform(-5, 5))
            page.setFont("Times-Italic", size)
            page.setFillColorRGB(0.1, 0.15, blue / 255)
            page.drawString(0, 0, ch)
            page.restoreState()
            x += page.stringWidth(ch, "Times-Italic", size) + jitter.uniform(-0.3, 0.6)
    page.setLineWidth(0.7)
    for k in range(len(rows) + 1):
        page.line(left, top - k * height, right, top - k * height)
    for x in (left, middle, right):
        page.line(x, top, x, top - len(rows) * height)
    page.save()
    scan = pdfium.PdfDocument(buffer.getvalue())[0].render(scale=dpi / 72).to_pil().convert("L")
    pixels = np.asarray(scan, dtype=np.float32) * 200 / 255
    rng = np.random.default_rng(3)
    pixels += rng.normal(0, 10, pixels.shape)
    specks = rng.random(pixels.shape) < 0.005
    pixels[specks] = rng.uniform(50, 150, specks.sum())
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).resize((2480, 3508), Image.BILINEAR)


def test_a_table_row_rebuilt_from_its_cells_does_not_tilt_a_level_page() -> None:
    """A row joins a typed label and a pen-written figure on other baselines; measured on such rows the level
    page looked a degree skewed, was turned, and its table's top edge read again as a line ('Naam Naam
    ondertekenaar ondertekenaar'). The skew is measured on tesseract's own lines."""
    text = ocr_image(_signing_table(170, 160, 10), OcrSettings(), OcrCache(None), dpi=DPI).text
    assert text.count("Naam") == 1 and text.count("ondertekenaar") == 1
    assert "Assen" in next(line for line in text.splitlines() if line.startswith("Plaats"))


def test_otsu_splits_ink_from_paper() -> None:
    pixels = np.array([30] * 10 + [200] * 90 + [210] * 50, dtype=np.uint8)
    assert 30 <= table_cells.otsu(pixels) < 200
    assert table_cells.otsu(np.full(20, 180, dtype=np.uint8)) == table_cells.INK  # one grey: nothing to split


@pytest.fixture(scope="module")
def skewed_table_text() -> str:
    return ocr_image(_page(), OcrSettings(), OcrCache(None), dpi=DPI).text


def test_cells_of_a_skewed_table_are_found() -> None:
    gray = np.asarray(_page())
    tables, grid = table_cells.find_cells(np.asarray(_page(skew=0.0)), DPI)
    assert [len(t) for t in tables] == [6] and grid is not None
    turn = table_cells.Turn(gray, 2.0)
    tables, _grid = table_cells.find_cells(turn.image, DPI)
    assert [len(t) for t in tables] == [6]
    assert table_cells.skew([]) == 0.0  # no lines of words: the page is taken as level


def test_each_row_is_read_whole_label_and_figure(skewed_table_text: str) -> None:
    rows = [line for line in skewed_table_text.splitlines() if line.strip()]
    inhabitants = next(line for line in rows if "inwoners (CBS" in line)
    total = next(line for line in rows if line.startswith("Bijdrage per jaar"))
    assert inhabitants.endswith("224.459")
    assert total.endswith("33.668,85")
    # the running text around the table is still there, in its place
    assert rows.index(inhabitants) < next(i for i, line in enumerate(rows) if "gehele looptijd" in line)


def test_cells_of_a_table_on_a_dark_photocopy_are_found() -> None:
    """The paper of a dark photocopy is greyer than ink on white paper: ink is what is well under the paper."""
    tables, grid = table_cells.find_cells(np.asarray(_page(skew=0.0, paper=110)), DPI)
    assert [len(t) for t in tables] == [6] and grid is not None
    assert table_cells.ink_level(np.full((10, 10), 240, dtype=np.uint8)) == table_cells.INK  # white paper


def test_a_page_without_a_ruled_table_is_left_as_read() -> None:
    gray = np.asarray(_page(table=False))
    assert table_cells.find_cells(gray, DPI) == ([], None)


def test_a_single_box_is_no_table() -> None:
    image = Image.new("L", (2480, 3508), 250)
    draw = ImageDraw.Draw(image)
    draw.rectangle((1500, 3000, 2000, 3200), outline=30, width=3)  # a paraaf box
    draw.text((1520, 3050), "Paraaf", font=ImageFont.load_default(size=40), fill=30)
    assert table_cells.find_cells(np.asarray(image), DPI) == ([], None)


def test_each_cell_keeps_the_better_of_the_page_reading_and_its_own() -> None:
    """The page's reading lost a figure that the cell reads, and read a word the cell reading lost: the table
    takes each cell's better reading, so the figure is found and the word kept, however the totals compare."""
    gray = np.asarray(_page(skew=0.0))
    tables, grid = table_cells.find_cells(gray, DPI)
    level = np.where(grid, np.uint8(np.median(gray[~grid])), gray).astype(np.uint8)
    read = table_cells.read_cells(level, tables[0], "nld", 60)
    figure = next(c for c, words in read.items() if any(w.text == "224.459" for w in words))
    label = next(c for c, words in read.items() if any(w.text == "Tarief" for w in words))
    _x0, y0, x1, y1 = label.box
    # the page: each cell's words on a line of their own, the figure lost, a word read in the label cell
    # that the cell reading does not have
    page = [words for c, words in read.items() if c is not figure]
    page.append([table_cells.Word("Tarief2023", (x1 - 200, y0 + 10, x1 - 20, y1 - 10), 0.95)])
    lines = table_cells.reread_tables(gray, DPI, sorted(page, key=lambda ws: ws[0].box[1]), "nld", 60)
    assert lines is not None
    texts = [" ".join(w.text for w in line) for line in lines]
    assert any(t.startswith("Aantal inwoners") and t.endswith("224.459") for t in texts)
    assert any("Tarief per inwoner" in t and "Tarief2023" in t and "0,15" in t for t in texts)
