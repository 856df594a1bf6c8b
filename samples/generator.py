"""Renders realistic agreements and decision memos, degrades them like office scans, writes their truth.

Deterministic: the same seed gives the same files. Documents are typeset with reportlab (a real text
layer), rasterised with pdfium, then damaged (skew, noise, blur, JPEG artefacts, a page upside down).
"""

from __future__ import annotations

import csv
import io
import math
import random
import re
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from . import texts

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
TRUTH_COLUMNS = ["file", "pages", "doc_type", "municipality", "signatory", "date", "amount", "inhabitants",
                 "signed"]
RATE = Decimal("0.15")


@dataclass(frozen=True)
class Damage:
    """How a scan is degraded."""

    dpi: int = 300
    skew: float = 0.8  # max degrees
    noise: float = 6.0  # std of gaussian noise, grey levels
    blur: float = 0.4
    jpeg_quality: int = 70
    background: int = 250  # paper grey level
    upside_down: float = 0.0  # chance a page is scanned upside down
    sideways: float = 0.0  # chance a page is scanned turned 90 degrees
    bilevel: bool = False  # black and white, as most office scanners send by e-mail


DAMAGE = {
    "clean": Damage(dpi=300, skew=0.0, noise=0.0, blur=0.0, jpeg_quality=92, background=255),
    "office": Damage(dpi=300, skew=1.0, noise=8.0, blur=0.6, jpeg_quality=60, background=245,
                     upside_down=0.08),
    "office_bw": Damage(dpi=300, skew=1.0, noise=8.0, blur=0.6, jpeg_quality=60, background=245,
                        upside_down=0.08, bilevel=True),
    "poor": Damage(dpi=200, skew=2.5, noise=16.0, blur=1.0, jpeg_quality=40, background=215,
                   upside_down=0.1, sideways=0.1),
}


@dataclass
class Doc:
    """One rendered document and its truth."""

    doc_type: str
    pdf: bytes
    truth: dict[str, str]
    pages: int


@dataclass
class Case:
    """What one municipality sends: its documents, how, and what status it should get."""

    municipality: str
    inhabitants: int
    mayor: str
    scenario: str
    expected_status: str
    expected_issues: tuple[str, ...] = ()
    files: list[str] = field(default_factory=list)


def mayor_as_printed(mayor: str) -> str:
    """'Arjen Gerritsen' -> 'A. Gerritsen'; 'R.C. König' unchanged; drops notes in brackets."""
    name = re.split(r"\s*[(;]", mayor)[0].strip()
    if re.match(r"^([A-Z][a-z]?\.)+", name):
        return name
    first, _, rest = name.partition(" ")
    return f"{first[0]}. {rest}" if rest else name


def fmt_thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def fmt_amount(value: Decimal, style: int) -> str:
    euros, cents = f"{value:.2f}".split(".")
    grouped = fmt_thousands(int(euros))
    return [f"€ {grouped},{cents}", f"EUR {euros},{cents}", f"€{grouped},{cents}",
            f"{grouped},{cents} euro"][style % 4]


def fmt_date(d: date, style: int) -> str:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day} {MONTHS[d.month - 1]} {d.year}"][style % 3]


class Writer:
    """Typesets paragraphs on A4 pages with reportlab."""

    def __init__(self, font: str = "Helvetica", size: float = 10.5) -> None:
        self.buf = io.BytesIO()
        self.canvas = Canvas(self.buf, pagesize=A4, invariant=True)  # same bytes for the same seed
        self.font, self.size = font, size
        self.width, self.height = A4
        self.margin = 72
        self.y = self.height - self.margin
        self.pages = 1
        self.lines: list[tuple[int, str, float, float, str, float]] = []  # page, text, x, y, font, size

    def new_page(self) -> None:
        self.canvas.showPage()
        self.pages += 1
        self.y = self.height - self.margin

    def para(self, text: str, bold: bool = False, size: float | None = None, gap: float = 6) -> None:
        size = size or self.size
        font = f"{self.font}-Bold" if bold and self.font == "Helvetica" else (
            "Times-Bold" if bold else self.font)
        lines = simpleSplit(text, font, size, self.width - 2 * self.margin)
        if self.y - len(lines) * size * 1.35 < self.margin:
            self.new_page()
        self.canvas.setFont(font, size)
        for line in lines:
            self.canvas.drawString(self.margin, self.y, line)
            self.lines.append((self.pages, line, self.margin, self.y, font, size))
            self.y -= size * 1.35
        self.y -= gap

    def text_at(self, x: float, y: float, text: str, size: float | None = None) -> None:
        self.canvas.setFont(self.font, size or self.size)
        self.canvas.drawString(x, y, text)

    def signature(self, x: float, y: float, rng: random.Random, width: float = 120) -> None:
        """A handwritten-looking scribble: a few connected bezier loops in dark blue ink."""
        c = self.canvas
        c.setStrokeColorRGB(0.05, 0.1, 0.35)
        c.setLineWidth(rng.uniform(1.0, 1.8))
        path = c.beginPath()
        px, py = x, y + rng.uniform(5, 20)
        path.moveTo(px, py)
        steps = rng.randint(4, 7)
        for i in range(steps):
            nx = x + width * (i + 1) / steps
            ny = y + rng.uniform(0, 35)
            path.curveTo(px + rng.uniform(-10, 25), py + rng.uniform(-25, 35),
                         nx + rng.uniform(-25, 10), ny + rng.uniform(-25, 35), nx, ny)
            px, py = nx, ny
        c.drawPath(path, stroke=1, fill=0)
        c.setStrokeColorRGB(0, 0, 0)

    def smudge(self, text: str, rng: random.Random) -> bool:
        """A coffee stain or toner smear over `text` on the current page: grey blobs across its digits."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        for page, line, x, y, font, size in reversed(self.lines):
            if page != self.pages:
                continue
            at = line.find(text)
            if at < 0:
                continue
            start = x + stringWidth(line[:at], font, size)
            width = stringWidth(text, font, size)
            c = self.canvas
            c.saveState()
            c.setFillColorRGB(0.35, 0.3, 0.25)
            c.setFillAlpha(0.8)
            for _ in range(5):
                cx = start + width * rng.uniform(0.35, 0.95)
                c.ellipse(cx - size * 0.8, y - size * 0.5, cx + size * 0.8, y + size * 1.2, stroke=0, fill=1)
            c.restoreState()
            return True
        return False

    def done(self) -> bytes:
        self.canvas.save()
        return self.buf.getvalue()


@dataclass(frozen=True)
class AgreementSpec:
    municipality: str
    mayor: str
    amount: Decimal
    drawn_up: date
    college_date: date
    signed: bool
    state_inhabitants: int | None = None
    municipality_printed: str | None = None
    smudge_amount: bool = False


def render_agreement(spec: AgreementSpec, rng: random.Random) -> Doc:
    w = Writer(font=rng.choice(["Helvetica", "Times-Roman"]), size=rng.choice([10, 10.5, 11]))
    style = rng.randrange(12)
    m = spec.municipality_printed or spec.municipality
    for i, line in enumerate(rng.choice(texts.AGREEMENT_TITLES)):
        w.para(line, bold=True, size=12 if i == 0 else 11, gap=2)
    w.y -= 12
    w.para(texts.PLATFORM31_PARTY)
    w.para("en")
    w.para(rng.choice(texts.MUNICIPALITY_PARTY).format(
        m=m, address=rng.choice(texts.ADDRESSES), mayor=spec.mayor,
        college_date=fmt_date(spec.college_date, style)))
    w.para("gezamenlijk ook aangeduid als de partijen")
    for line in texts.CONSIDERATIONS:
        w.para(line, gap=3)
    for title, paras in texts.ARTICLES_1_2:
        w.para(title, bold=True, gap=3)
        for p in paras:
            w.para(p, gap=3)
    w.new_page()
    w.para("Artikel 3 Prijs", bold=True, gap=3)
    amount_text = fmt_amount(spec.amount, style)
    if spec.state_inhabitants is not None:
        w.para(texts.PRICE_ARTICLE[1].format(amount=amount_text,
                                             inhabitants=fmt_thousands(spec.state_inhabitants)))
    else:
        w.para(texts.PRICE_ARTICLE[0].format(amount=amount_text))
    if spec.smudge_amount:
        digits = amount_text.split()[-1] if amount_text[-1].isdigit() else amount_text.split()[0]
        w.smudge(digits.lstrip("€"), rng)
    w.para(texts.ARTICLE_4[0], bold=True, gap=3)
    for p in texts.ARTICLE_4[1]:
        w.para(p, gap=3)
    w.y -= 10
    w.para(rng.choice(texts.CLOSING).format(m=m, date=fmt_date(spec.drawn_up, style + 1)))
    # two-column signature block: Platform31 left, the municipality right
    base = w.y - 95
    left, right = w.margin, w.width / 2 + 20
    w.signature(left + 5, base + 18, rng)
    if spec.signed:
        w.signature(right + 5, base + 18, rng, width=rng.uniform(90, 140))
    w.text_at(left, base, "V. Everhardt")
    w.text_at(right, base, spec.mayor)
    w.text_at(left, base - 14, "Directeur-Bestuurder stichting Platform31", size=9)
    w.text_at(right, base - 14, f"burgemeester gemeente {m}", size=9)
    truth = {"doc_type": "agreement", "municipality": spec.municipality, "signatory": spec.mayor,
             "date": spec.drawn_up.isoformat(), "amount": f"{spec.amount:.2f}",
             "inhabitants": str(spec.state_inhabitants or ""), "signed": "yes" if spec.signed else "no"}
    pdf = w.done()
    return Doc("agreement", pdf, truth, w.pages)


def render_memo(municipality: str, inhabitants: int, decided: date | None, rng: random.Random) -> Doc:
    w = Writer(font=rng.choice(["Helvetica", "Times-Roman"]))
    style = rng.randrange(12)
    contribution = (RATE * inhabitants).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    increase = (Decimal("0.02") * inhabitants).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    w.para(rng.choice(texts.MEMO_HEADERS), bold=True, size=14)
    w.para(f"Gemeente {municipality}", gap=2)
    if decided:
        w.para(rng.choice(texts.MEMO_DATE_LINES).format(date=fmt_date(decided, style)), gap=2)
    w.para("Onderwerp: uitvoeringsovereenkomst Platform31 2023-2027", gap=10)
    for line in texts.MEMO_BODY:
        heading = len(line) < 45 and not line.startswith(("1.", "De nota"))
        w.para(line.format(m=municipality, inhabitants=fmt_thousands(inhabitants),
                           contribution=f"€ {fmt_thousands(int(contribution))}",
                           increase=f"€ {fmt_thousands(int(increase))}", pct="15,38%"), bold=heading)
    truth = {"doc_type": "decision_memo", "municipality": municipality, "signatory": "",
             "date": decided.isoformat() if decided else "", "amount": f"{contribution:.2f}",
             "inhabitants": str(inhabitants), "signed": ""}
    return Doc("decision_memo", w.done(), truth, w.pages)


def render_plain(doc_type: str, lines: list[str], rng: random.Random, break_at: str | None = None) -> Doc:
    w = Writer(font=rng.choice(["Helvetica", "Times-Roman"]))
    for i, line in enumerate(lines):
        if break_at and line.startswith(break_at) and i:
            w.new_page()
        w.para(line, bold=i == 0, size=12 if i == 0 else None)
    truth = dict.fromkeys(TRUTH_COLUMNS[3:], "")
    truth["doc_type"] = doc_type
    return Doc(doc_type, w.done(), truth, w.pages)


def merge(docs: list[Doc]) -> bytes:
    out = pdfium.PdfDocument.new()
    for d in docs:
        src = pdfium.PdfDocument(d.pdf)
        out.import_pages(src)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def rasterise(pdf: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]


def degrade(page: Image.Image, damage: Damage, rng: random.Random) -> Image.Image:
    """Damage one clean page image like a scanner or phone would."""
    img = page
    if damage.background < 255:
        arr = np.asarray(img, dtype=np.float32)
        arr = damage.background * (arr / 255.0)
        img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if damage.skew:
        img = img.rotate(rng.uniform(-damage.skew, damage.skew), resample=Image.BICUBIC, expand=False,
                         fillcolor=damage.background)
    if damage.blur:
        img = img.filter(ImageFilter.GaussianBlur(damage.blur))
    if damage.noise:
        nprng = np.random.default_rng(rng.randrange(2**32))
        arr = np.asarray(img, dtype=np.float32) + nprng.normal(0, damage.noise, (img.height, img.width))
        img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    roll = rng.random()
    if roll < damage.upside_down:
        img = img.rotate(180, expand=True)
    elif roll < damage.upside_down + damage.sideways:
        img = img.rotate(90 if rng.random() < 0.5 else 270, expand=True)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=damage.jpeg_quality)
    img = Image.open(io.BytesIO(buf.getvalue()))
    if damage.bilevel:
        img = img.point(lambda p: 255 if p > 150 else 0).convert("1", dither=Image.Dither.NONE)
    return img


def scan(pdf: bytes, damage: Damage, rng: random.Random) -> list[Image.Image]:
    return [degrade(p, damage, rng) for p in rasterise(pdf, damage.dpi)]


def save_scan_pdf(images: list[Image.Image], path: Path, dpi: int) -> None:
    fixed = time.strptime("2023-01-01", "%Y-%m-%d")  # no run-time timestamps: the same seed gives the same bytes
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi, creationDate=fixed,
                   modDate=fixed)


def save_tiff(images: list[Image.Image], path: Path, dpi: int) -> None:
    bw = [im.point(lambda p: 255 if p > 150 else 0).convert("1", dither=Image.Dither.NONE) for im in images]
    bw[0].save(path, "TIFF", save_all=True, append_images=bw[1:], dpi=(dpi, dpi), compression="group4")


def random_day(rng: random.Random, start: date, days: int) -> date:
    return start + timedelta(days=rng.randrange(days))


def write_truth(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=TRUTH_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows, key=lambda r: (r["file"], int(r["pages"].split("-")[0]))):
            writer.writerow(row)


def page_ranges(docs: list[Doc]) -> list[str]:
    ranges, start = [], 1
    for d in docs:
        end = start + d.pages - 1
        ranges.append(str(start) if start == end else f"{start}-{end}")
        start = end + 1
    return ranges


def ceil_div(a: int, b: int) -> int:
    return math.ceil(a / b)
