"""Page layout for the house-style corpus: a small flowing-text writer on a reportlab canvas, tables, letterheads,
footers, and the file-level effects (phone photo, hybrid PDF) that the scanner helpers do not cover.
"""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_W, PAGE_H = A4

FAMILIES: dict[str, tuple[str, str, str]] = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "Courier": ("Courier", "Courier-Bold", "Courier-Oblique"),
}

Hook = Callable[["Writer"], None]


@dataclass
class Writer:
    """Flows paragraphs, lists and tables down A4 pages and records facts per page.

    `first_header`/`header` draw at the top of a page and may lower `y`; `footer` draws before a page ends.
    `total` is the page count of the finished document when known (second pass), for 'pagina x van y'.
    """

    family: str = "Helvetica"
    size: float = 10.5
    left: float = 72.0
    right: float = 72.0
    top: float = 72.0
    bottom: float = 72.0
    total: int | None = None
    first_header: Hook | None = None
    header: Hook | None = None
    footer: Hook | None = None
    facts: list[tuple[int, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.buf = io.BytesIO()
        self.c = Canvas(self.buf, pagesize=A4, invariant=1)
        self.reg, self.bold, self.ital = FAMILIES[self.family]
        self.page = 0
        self.y = PAGE_H - self.top
        self._begin()

    # --- pages ---------------------------------------------------------------------------------------------------
    @property
    def width(self) -> float:
        return PAGE_W - self.left - self.right

    @property
    def lead(self) -> float:
        return self.size * 1.3

    def _begin(self) -> None:
        self.y = PAGE_H - self.top
        hook = self.first_header if self.page == 0 else self.header
        if hook:
            hook(self)

    def new_page(self) -> None:
        if self.footer:
            self.footer(self)
        self.c.showPage()
        self.page += 1
        self._begin()

    def ensure(self, h: float) -> None:
        if self.y - h < self.bottom:
            self.new_page()

    def space(self, h: float) -> None:
        self.y -= h

    def fact(self, key: str, value: str) -> None:
        """Note that the page now being written states `key` = `value`."""
        self.facts.append((self.page, key, value))

    def finish(self) -> tuple[bytes, int]:
        if self.footer:
            self.footer(self)
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue(), self.page + 1

    # --- text ----------------------------------------------------------------------------------------------------
    def font(self, bold: bool = False, italic: bool = False) -> str:
        return self.bold if bold else self.ital if italic else self.reg

    def para(self, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
             indent: float = 0.0, hang: str = "", after: float | None = None, align: str = "left",
             keep: float = 0.0) -> None:
        """A wrapped paragraph; `hang` is a marker ('1.1', '•') set in the indent before the first line."""
        size = size or self.size
        font = self.font(bold, italic)
        lead = size * 1.3
        width = self.width - indent
        lines = simpleSplit(text, font, size, width) or [""]
        self.ensure(lead + keep)
        for i, line in enumerate(lines):
            self.ensure(lead)
            self.y -= lead
            x = self.left + indent
            if i == 0 and hang:
                self.c.setFont(self.reg if not bold else font, size)
                self.c.drawString(self.left + max(0.0, indent - stringWidth(hang + " ", font, size) - 2), self.y,
                                  hang)
            if align == "justify" and i < len(lines) - 1 and line.count(" "):
                extra = (width - stringWidth(line, font, size)) / line.count(" ")
                t = self.c.beginText(x, self.y)
                t.setFont(font, size)
                t.setWordSpace(extra)
                t.textLine(line)
                t.setWordSpace(0)
                self.c.drawText(t)
            elif align == "center":
                self.c.setFont(font, size)
                self.c.drawCentredString(self.left + self.width / 2, self.y, line)
            else:
                self.c.setFont(font, size)
                self.c.drawString(x, self.y, line)
        self.y -= self.size * 0.55 if after is None else after

    def heading(self, text: str, size: float | None = None, upper: bool = False, underline: bool = False) -> None:
        size = size or self.size + 1
        self.ensure(size * 4)
        self.y -= size * 0.4
        self.para(text.upper() if upper else text, bold=True, size=size, after=size * 0.35)
        if underline:
            self.c.setLineWidth(0.6)
            self.c.line(self.left, self.y + size * 0.2, self.left + stringWidth(text, self.bold, size),
                        self.y + size * 0.2)

    def kv(self, label: str, value: str, label_w: float = 130.0, bold_label: bool = False) -> None:
        """'Label:   value' with the value wrapped in its own column."""
        lines = simpleSplit(value, self.reg, self.size, self.width - label_w) or [""]
        self.ensure(self.lead * len(lines))
        self.c.setFont(self.font(bold_label), self.size)
        self.c.drawString(self.left, self.y - self.lead, label)
        self.c.setFont(self.reg, self.size)
        for line in lines:
            self.y -= self.lead
            self.c.drawString(self.left + label_w, self.y, line)

    def bullets(self, items: list[str], marker: str, indent: float = 18.0, justify: bool = False) -> None:
        for k, item in enumerate(items):
            mark = marker
            if marker in ("a.", "1."):
                mark = (chr(ord("a") + k) if marker == "a." else str(k + 1)) + "."
            self.para(item, indent=indent, hang=mark, after=self.size * 0.25,
                      align="justify" if justify else "left")
        self.y -= self.size * 0.3

    def table(self, rows: list[list[str]], widths: list[float], *, grid: bool = True, header: bool = False,
              shade: bool = False, pad: float = 3.5, bold_col0: bool = False, right_cols: tuple[int, ...] = ()
              ) -> None:
        """A table; rows are lists of cell strings, widths in points."""
        x0 = self.left
        for r, row in enumerate(rows):
            wrapped = [simpleSplit(cell, self.reg, self.size, w - 2 * pad) or [""] for cell, w in
                       zip(row, widths, strict=True)]
            h = max(len(c) for c in wrapped) * self.lead + 2 * pad
            self.ensure(h)
            top = self.y
            if shade and header and r == 0:
                self.c.setFillColorRGB(0.85, 0.85, 0.85)
                self.c.rect(x0, top - h, sum(widths), h, stroke=0, fill=1)
                self.c.setFillColorRGB(0, 0, 0)
            x = x0
            for k, (lines, w) in enumerate(zip(wrapped, widths, strict=True)):
                bold = (header and r == 0) or (bold_col0 and k == 0)
                self.c.setFont(self.font(bold), self.size)
                yy = top - pad
                for line in lines:
                    yy -= self.lead
                    if k in right_cols and not (header and r == 0):
                        self.c.drawRightString(x + w - pad, yy + self.size * 0.25, line)
                    else:
                        self.c.drawString(x + pad, yy + self.size * 0.25, line)
                if grid:
                    self.c.setLineWidth(0.5)
                    self.c.rect(x, top - h, w, h, stroke=1, fill=0)
                x += w
            if not grid and header and r == 0:
                self.c.setLineWidth(0.6)
                self.c.line(x0, top - h, x0 + sum(widths), top - h)
            self.y -= h
        self.y -= self.size * 0.6


def render_twice(make: Callable[[int | None], Writer]) -> tuple[bytes, int, list[tuple[int, str, str]]]:
    """Render a document once to count its pages, then again with the total known (for 'pagina x van y')."""
    first = make(None)
    _, pages = first.finish()
    second = make(pages)
    pdf, pages2 = second.finish()
    return pdf, pages2, second.facts


# --- file-level effects ----------------------------------------------------------------------------------------------

def _perspective_coeffs(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[float]:
    """Coefficients for PIL's PERSPECTIVE transform mapping output points dst to input points src."""
    a = []
    b = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    sol = np.linalg.solve(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
    return [float(v) for v in sol]


def phone_photo(pdf: bytes, page_index: int, rng: random.Random) -> Image.Image:
    """A phone photo of one printed page lying on a desk: colour, perspective, uneven light, JPEG-ready."""
    page = pdfium.PdfDocument(pdf)[page_index].render(scale=170 / 72).to_pil().convert("RGB")
    pw, ph = page.size
    cw, ch = int(pw * 1.22), int(ph * 1.16)
    nprng = np.random.default_rng(rng.randrange(2**32))
    desk = np.array(rng.choice([(128, 96, 66), (92, 88, 84), (170, 160, 148), (60, 64, 72)]), dtype=np.float32)
    bg = np.ones((ch, cw, 3), np.float32) * desk + nprng.normal(0, 6, (ch, cw, 1))
    canvas = Image.fromarray(bg.clip(0, 255).astype(np.uint8))
    ox, oy = (cw - pw) // 2, (ch - ph) // 2
    canvas.paste(page, (ox, oy))
    corners = [(ox, oy), (ox + pw, oy), (ox + pw, oy + ph), (ox, oy + ph)]
    j = 0.045
    moved = [(x + rng.uniform(-j, j) * pw, y + rng.uniform(-j, j) * ph) for x, y in corners]
    coeffs = _perspective_coeffs(corners, moved)
    img = canvas.transform((cw, ch), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC,
                           fillcolor=tuple(int(v) for v in desk))
    img = img.rotate(rng.uniform(-3, 3), resample=Image.Resampling.BICUBIC, fillcolor=tuple(int(v) for v in desk))
    arr = np.asarray(img, dtype=np.float32)
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * cw, rng.uniform(0.2, 0.8) * ch
    light = 1.0 - 0.28 * (((xx - cx) / cw) ** 2 + ((yy - cy) / ch) ** 2)
    tint = np.array([1.0, rng.uniform(0.95, 1.0), rng.uniform(0.86, 0.95)], np.float32)
    arr = arr * light[..., None] * tint * rng.uniform(0.86, 0.96)
    arr += nprng.normal(0, 4.0, arr.shape)
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.1)))
    return img


def images_pdf(images: list[Image.Image], dpi: int) -> bytes:
    """Images as an image-only PDF in memory (the scanned part of a hybrid file)."""
    import time

    fixed = time.strptime("2023-01-01", "%Y-%m-%d")
    buf = io.BytesIO()
    rgb = [im.convert("L") if im.mode == "1" else im for im in images]
    rgb[0].save(buf, "PDF", save_all=True, append_images=rgb[1:], resolution=dpi, creationDate=fixed,
                modDate=fixed)
    return buf.getvalue()


def merge_pdfs(parts: list[tuple[bytes, list[int] | None]]) -> bytes:
    """Concatenate pages of several PDFs (None = all pages) with pdfium; fixed ID and date for determinism."""
    out = pdfium.PdfDocument.new()
    for data, pages in parts:
        src = pdfium.PdfDocument(data)
        out.import_pages(src, pages)
    buf = io.BytesIO()
    out.save(buf)
    data = buf.getvalue()
    data = re.sub(rb"/ID\s*\[<[0-9A-Fa-f]+><[0-9A-Fa-f]+>\]",
                  lambda m: b"/ID[<" + b"0" * 32 + b"><" + b"0" * 32 + b">]" + b" " * max(0, len(m.group(0)) - 73),
                  data)
    return re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20230101000000", data)
