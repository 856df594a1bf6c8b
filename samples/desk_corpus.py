"""Desk corpus: G40/Platform31 documents written one by one by different municipal clerks.

The texts live in ``samples/desk/`` (12 agreements, 6 college memos, 1 G40 cover letter), each written as a whole
document with its own structure, wording, notation of dates and amounts and signature block. This module only fills
in the facts of a municipality (name, CBS population on 1 January 2022, mayor, dates), renders the documents with its
own small layout engine (reportlab for born-digital PDFs, Pillow/numpy for scans, TIFFs and phone photos) and writes
the truth of what each file holds.

Usage::

    python -m samples.desk_corpus INBOX TRUTH --level office|poor --seed N \\
        --reference /work/shared/reference/g40_2022.csv

The output is deterministic per seed and level. Nothing in the project's reader code is used or imitated here: the
corpus is meant to measure how well the readers generalise to wording and layouts they were never shown.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

TEXT_DIR = Path(__file__).with_name("desk")
DEFAULT_REFERENCE = Path("/work/shared/reference/g40_2022.csv")
LEVELS = ("office", "poor")
RATE = Decimal("0.15")
OLD_RATE = Decimal("0.13")

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
MONTHS_SHORT = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
MONTHS_STAMP = ["JAN", "FEB", "MRT", "APR", "MEI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEC"]

# Seat of the town hall where it is not the municipality's own name (a place differing from the municipality).
SEATS = {"Haarlemmermeer": "Hoofddorp", "Sittard-Geleen": "Sittard", "Zaanstad": "Zaandam"}

# Mayors changing in the signing period (g40_2022.csv notes them in its mayor column):
# municipality -> (date of change, successor, successor's function, predecessor's function).
MAYOR_CHANGES = {
    "Almere": (date(2023, 3, 8), "W.H.J.M. van der Loo", "burgemeester", "waarnemend burgemeester"),
    "Lelystad": (date(2023, 2, 6), "Ineke Bakker", "waarnemend burgemeester", "burgemeester"),
}

FONTS = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "Times-Roman": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "Courier": ("Courier", "Courier-Bold", "Courier-Oblique"),
}
INKS = [(0.06, 0.12, 0.46), (0.09, 0.09, 0.13), (0.12, 0.16, 0.55), (0.03, 0.05, 0.25)]

# Fictional people: aldermen signing by mandate, memo authors, secretaries. Never real office holders.
TITLES_PRE = ["mr.", "drs.", "ir.", "dr.", "ing.", "mr. drs.", "", "", "", "", ""]
TITLES_POST = ["MSc", "MA", "LLM", "MBA"]
INITIALS = ["Chr.", "Th.", "IJ.", "J.", "M.A.", "P.J.M.", "A.C.", "H.", "W.Th.", "E.", "R.J.", "C.", "L.M.", "J.W.",
            "Ph.", "G.J.", "A.", "F.C.M.", "M.", "S.", "IJ.M.", "D.", "K.", "J.Chr.", "B.Th.", "N."]
SURNAMES = ["van der Berg-de Vries", "de Boer", "van 't Hof", "ter Horst", "El Idrissi", "Jansen", "Smeets",
            "Terpstra", "van Dijk-Hoekstra", "Ouwerkerk", "de Wit", "van den Bosch", "Ruiter-van Leeuwen",
            "Mulder", "Dekker", "Koopmans", "Visser", "in 't Veld", "Verbeek", "op den Kamp", "Bouzian",
            "van Rijswijk", "Hendriksen", "Nijenhuis-Oude Groeniger", "de Graaf", "Tjoa", "van Beek", "Kuipers",
            "Wijnands", "Aydin", "Brouwer", "van Oosten-Mulder", "Schepers", "ten Cate", "Hoogendoorn",
            "Vermeulen", "Zwart", "van Kempen-Ouali"]
PORTFOLIOS = ["Financiën", "Financiën en Bedrijfsvoering", "Economie en Werk", "Bestuurszaken en Financiën",
              "Wonen en Ruimtelijke Ordening", "Sociaal Domein", "Financiën, Economie en Europa"]
STREETS = ["Stadhuisplein", "Raadhuisplein", "Markt", "Stationsplein", "Burgemeester Reigerstraat",
           "Spoorlaan", "Lange Voorhout", "Stadskantoor, Wilhelminasingel", "Raadhuisstraat", "Kerkplein"]


# --------------------------------------------------------------------------------------------------------------------
# Reference data and people
# --------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """One G40 member from the reference file."""

    name: str
    cbs_code: str
    inhabitants: int
    mayor: str


@dataclass(frozen=True)
class Person:
    """A person as documents print them; ``plain`` (initials + surname) is what the truth records."""

    initials: str
    surname: str
    first_name: str = ""
    title_pre: str = ""
    title_post: str = ""
    gender: str = ""
    function: str = ""

    @property
    def plain(self) -> str:
        """Initials and surname without titles, e.g. ``Chr. van der Berg-de Vries``."""
        return f"{self.initials} {self.surname}"

    @property
    def printed(self) -> str:
        """Name with academic titles, e.g. ``mr. Chr. van der Berg-de Vries`` or ``P. Dekker MSc``."""
        parts = [self.title_pre, self.plain, self.title_post]
        return " ".join(p for p in parts if p)

    @property
    def addressed(self) -> str:
        """Name with ``de heer``/``mevrouw`` when the gender is known."""
        salutation = {"m": "de heer", "v": "mevrouw"}.get(self.gender, "")
        return f"{salutation} {self.printed}".strip()

    @property
    def spelled_out(self) -> str:
        """First name and surname when the first name is known, else the printed name."""
        return f"{self.first_name} {self.surname}" if self.first_name else self.printed


def load_reference(path: Path) -> list[Member]:
    """Read the G40 reference CSV (``municipality,cbs_code,inhabitants,...,mayor``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    members = [Member(r["municipality"].strip(), r.get("cbs_code", "").strip(), int(r["inhabitants"]),
                      (r.get("mayor") or "").strip()) for r in rows if (r.get("inhabitants") or "").strip()]
    if len(members) < 30:
        raise SystemExit(f"{path}: expected the G40 members with inhabitants, found {len(members)} rows")
    return members


def initial_of(first_name: str) -> str:
    """Dutch initial of a first name (``Theo`` -> ``Th.``, ``Christiaan`` -> ``Chr.``, ``IJsbrand`` -> ``IJ.``)."""
    if first_name[:2].upper() == "IJ":
        return "IJ."
    for digraph in ("Chr", "Th", "Ph"):
        if first_name.startswith(digraph):
            return digraph + "."
    return first_name[0].upper() + "."


def person_from_name(name: str, function: str = "") -> Person:
    """Parse ``R.C. König`` or ``Marja van Bijsterveldt-Vliegenthart`` into a :class:`Person`."""
    name = re.sub(r"\s*\(.*$", "", name.split(";")[0]).strip()
    tokens = name.split()
    if re.fullmatch(r"(?:IJ\.|[A-Z][a-z]{0,2}\.)+", tokens[0]):
        return Person(tokens[0], " ".join(tokens[1:]), function=function)
    return Person(initial_of(tokens[0]), " ".join(tokens[1:]), first_name=tokens[0], function=function)


def mayor_on(member: Member, day: date, rng: random.Random) -> Person:
    """The mayor in office on ``day`` (a fictional one when the reference names none)."""
    if member.name in MAYOR_CHANGES:
        change, successor, after, before = MAYOR_CHANGES[member.name]
        if day >= change:
            return person_from_name(successor, after)
        return person_from_name(member.mayor, before)
    if not member.mayor:
        return fictional_person(rng, "burgemeester", titles=False)
    return person_from_name(member.mayor, "burgemeester")


def fictional_person(rng: random.Random, function: str, titles: bool = True) -> Person:
    """A made-up official with Dutch initials, particles, double names and (sometimes) titles."""
    pre = rng.choice(TITLES_PRE) if titles else ""
    post = rng.choice(TITLES_POST) if titles and not pre and rng.random() < 0.3 else ""
    return Person(rng.choice(INITIALS), rng.choice(SURNAMES), title_pre=pre, title_post=post,
                  gender=rng.choice("mv"), function=function)


# --------------------------------------------------------------------------------------------------------------------
# Dutch notation of numbers, amounts and dates
# --------------------------------------------------------------------------------------------------------------------


def cents(value: Decimal) -> Decimal:
    """Round to cents, half up."""
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


def whole_euros(value: Decimal) -> Decimal:
    """Round to whole euros, half up (kept with two decimals)."""
    return value.quantize(Decimal("1"), ROUND_HALF_UP).quantize(Decimal("0.01"))


def nl_int(number: int | Decimal) -> str:
    """``101446`` -> ``101.446``."""
    return f"{int(number):,}".replace(",", ".")


def nl_money(value: Decimal) -> str:
    """``Decimal('15216.90')`` -> ``15.216,90``."""
    return f"{value:,.2f}".replace(",", "#").replace(".", ",").replace("#", ".")


_ONES = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
         "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
_TENS = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]


def _words_below_thousand(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        if not unit:
            return _TENS[tens]
        joint = "ën" if _ONES[unit].endswith("e") else "en"
        return _ONES[unit] + joint + _TENS[tens]
    hundreds, rest = divmod(n, 100)
    head = "honderd" if hundreds == 1 else _ONES[hundreds] + "honderd"
    return head + (_words_below_thousand(rest) if rest else "")


def number_words(n: int) -> str:
    """Dutch number words for 0 <= n < 1.000.000 (``15216`` -> ``vijftienduizend tweehonderdzestien``)."""
    if n < 1000:
        return _words_below_thousand(n)
    thousands, rest = divmod(n, 1000)
    head = "duizend" if thousands == 1 else _words_below_thousand(thousands) + "duizend"
    return head + (" " + _words_below_thousand(rest) if rest else "")


def amount_words(value: Decimal) -> str:
    """``15216.90`` -> ``vijftienduizend tweehonderdzestien euro en negentig cent``."""
    euros = int(value)
    cent = int((value - euros) * 100)
    text = f"{number_words(euros)} euro"
    return text + (f" en {number_words(cent)} cent" if cent else "")


def date_forms(prefix: str, day: date) -> dict[str, str]:
    """All notations a clerk may use for ``day``: ``{prefix}_lang`` = 10 januari 2023, ``_kort`` = 10 jan. 2023,
    ``_num`` = 10-01-2023, ``_num1`` = 10-1-2023, ``_punt`` = 10.01.2023, ``_slash`` = 10/01/2023,
    ``_slash1`` = 10/1/2023, ``_jj`` = 10-1-'23, ``_stamp`` = 10 JAN 2023."""
    return {
        f"{prefix}_lang": f"{day.day} {MONTHS[day.month - 1]} {day.year}",
        f"{prefix}_kort": f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}",
        f"{prefix}_num": f"{day:%d-%m-%Y}",
        f"{prefix}_num1": f"{day.day}-{day.month}-{day.year}",
        f"{prefix}_punt": f"{day:%d.%m.%Y}",
        f"{prefix}_slash": f"{day:%d/%m/%Y}",
        f"{prefix}_slash1": f"{day.day}/{day.month}/{day.year}",
        f"{prefix}_jj": f"{day.day}-{day.month}-'{day:%y}",
        f"{prefix}_stamp": f"{day:%d} {MONTHS_STAMP[day.month - 1]} {day.year}",
    }


def workday(day: date, forward: bool = True) -> date:
    """Move a weekend day to the next (or previous) Monday/Friday."""
    while day.weekday() >= 5:
        day += timedelta(days=1 if forward else -1)
    return day


# --------------------------------------------------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    """One hand-written document text with the clerk's layout habits (``@key: value`` lines)."""

    ident: str
    kind: str
    meta: dict[str, str]
    body: str

    def uses(self, pattern: str, typed_only: bool = False) -> bool:
        """Does the text use a placeholder matching ``pattern`` (optionally outside handwriting tokens)?"""
        body = re.sub(r"<<hand:[^>]*>>", "", self.body) if typed_only else self.body
        return re.search(pattern, body) is not None

    @property
    def states_inhabitants(self) -> bool:
        """Whether the document prints the number of inhabitants."""
        return self.uses(r"\{inwoners[}_]")

    @property
    def photo_ready(self) -> bool:
        """A one-page text that can be photographed whole."""
        return self.meta.get("photo") == "yes"


def load_templates(directory: Path = TEXT_DIR) -> dict[str, list[Template]]:
    """Read all texts under ``directory``, grouped by kind (agreement, decision_memo, cover_letter)."""
    groups: dict[str, list[Template]] = {}
    for path in sorted(directory.glob("*/*.txt")):
        meta: dict[str, str] = {}
        lines = path.read_text(encoding="utf-8").splitlines()
        while lines and (match := re.match(r"@(\w+):\s*(.*)$", lines[0])):
            meta[match.group(1)] = match.group(2).strip()
            lines.pop(0)
        body = "\n".join(lines).strip("\n")
        template = Template(path.stem, meta["kind"], meta, body)
        groups.setdefault(template.kind, []).append(template)
    return groups


# --------------------------------------------------------------------------------------------------------------------
# Ink: signatures, handwriting, stamps
# --------------------------------------------------------------------------------------------------------------------


def _smooth_path(canvas: Canvas, points: Sequence[tuple[float, float]]) -> None:
    """Stroke a Catmull-Rom spline through ``points`` as cubic bezier segments."""
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for i in range(len(points) - 1):
        p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
        p3 = points[min(i + 2, len(points) - 1)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        path.curveTo(c1[0], c1[1], c2[0], c2[1], p2[0], p2[1])
    canvas.drawPath(path, stroke=1, fill=0)


def draw_scribble(canvas: Canvas, x: float, y: float, width: float, height: float, rng: random.Random) -> None:
    """Draw a handwritten-looking signature: a cursive wave with a capital, loops and a flourish, in ink."""
    canvas.saveState()
    canvas.setStrokeColorRGB(*rng.choice(INKS))
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    weight = max(0.45, min(1.0, height / 30))
    for part in range(rng.choice([1, 1, 2])):
        canvas.setLineWidth(rng.uniform(0.8, 1.4) * weight)
        left = x + (rng.uniform(0.0, 0.08) if part == 0 else rng.uniform(0.35, 0.55)) * width
        right = left + rng.uniform(0.55, 0.85) * width * (1.0 if part == 0 else 0.5)
        base = y + rng.uniform(0.2, 0.4) * height
        amp = rng.uniform(0.22, 0.42) * height
        count = rng.randint(7, 14) if part == 0 else rng.randint(4, 7)
        step = (right - left) / count
        px = left
        points = [(px, base + rng.uniform(0.45, 0.7) * height), (px + step * 0.2, base - 0.05 * height)]
        for k in range(count):
            px += step * rng.uniform(0.6, 1.4)
            py = base + (amp * rng.uniform(0.4, 1.3) if k % 2 == 0 else -amp * rng.uniform(0.0, 0.5))
            if k % 2 == 0 and rng.random() < 0.25:  # an ascender or descender
                py = base + amp * rng.choice([2.0, 2.3, -1.4])
            if rng.random() < 0.2:
                points.append((px - step * rng.uniform(0.5, 1.0), py + amp * rng.uniform(0.2, 0.6)))
            points.append((px, min(max(py, y - 0.08 * height), y + 1.05 * height)))
        _smooth_path(canvas, points)
    if rng.random() < 0.65:
        canvas.setLineWidth(rng.uniform(0.7, 1.2) * weight)
        y0 = y + rng.uniform(0.0, 0.15) * height
        flourish = [(x + rng.uniform(0.05, 0.3) * width, y0 + 0.1 * height),
                    (x + rng.uniform(0.4, 0.6) * width, y0 - 0.02 * height),
                    (x + rng.uniform(0.8, 1.0) * width, y0 + rng.uniform(0.0, 0.2) * height)]
        _smooth_path(canvas, flourish)
    canvas.restoreState()


class Scribble(Flowable):
    """A signature (or paraph) scribble; when ``visible`` is false it only keeps its place blank."""

    def __init__(self, width: float, height: float, seed: int, visible: bool = True) -> None:
        super().__init__()
        self.width, self.height, self.seed, self.visible = width, height, seed, visible

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw the scribble, overlapping the line below it a little."""
        if self.visible:
            draw_scribble(self.canv, 0, -3 if self.height > 20 else 0, self.width, self.height,
                          random.Random(self.seed))


class HandText(Flowable):
    """Text written by hand (a date beside a signature): jittered italic glyphs in ink."""

    def __init__(self, text: str, size: float, seed: int, visible: bool = True) -> None:
        super().__init__()
        self.text, self.size, self.seed, self.visible = text, size, seed, visible
        self.font = random.Random(seed).choice(["Times-Italic", "Helvetica-Oblique", "Times-Italic"])
        self.width = stringWidth(text, self.font, size) * 1.12 + 6
        self.height = size * 1.35

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw glyph by glyph with small rotations, size and baseline changes."""
        if not self.visible:
            return
        rng = random.Random(self.seed)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(*rng.choice(INKS))
        x, slope = 3.0, rng.uniform(-0.04, 0.06)
        for char in self.text:
            size = self.size * rng.uniform(0.92, 1.08)
            canvas.saveState()
            canvas.translate(x, self.size * 0.28 + x * slope + rng.uniform(-0.8, 0.8))
            canvas.rotate(rng.uniform(-5, 5))
            canvas.setFont(self.font, size)
            canvas.drawString(0, 0, char)
            canvas.restoreState()
            x += stringWidth(char, self.font, size) * rng.uniform(1.0, 1.12)
        canvas.restoreState()


class SignatureLine(Flowable):
    """A thin line to sign on."""

    def __init__(self, width: float = 160, dotted: bool = False) -> None:
        super().__init__()
        self.width, self.dotted = width, dotted

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Never wider than the space available."""
        self.width = min(self.width, avail_width)
        return self.width, 5

    def draw(self) -> None:
        """Draw the line."""
        self.canv.saveState()
        self.canv.setLineWidth(0.6)
        if self.dotted:
            self.canv.setDash(1, 2)
        self.canv.line(0, 2, self.width, 2)
        self.canv.restoreState()


class Stamp(Flowable):
    """A violet rubber stamp with a few lines of capitals, slightly rotated."""

    def __init__(self, lines: Sequence[str], seed: int) -> None:
        super().__init__()
        self.lines, self.seed = list(lines), seed
        self.width, self.height = 210, 22 + 17 * len(self.lines)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fixed size (room for the rotation included)."""
        return self.width + 20, self.height + 16

    def draw(self) -> None:
        """Draw a double frame and the centred lines."""
        rng = random.Random(self.seed)
        canvas = self.canv
        canvas.saveState()
        canvas.translate(10 + self.width / 2, 8 + self.height / 2)
        canvas.rotate(rng.uniform(-3.5, 3.5))
        canvas.setStrokeColorRGB(0.42, 0.12, 0.5)
        canvas.setFillColorRGB(0.42, 0.12, 0.5)
        canvas.setLineWidth(2)
        canvas.roundRect(-self.width / 2, -self.height / 2, self.width, self.height, 6)
        canvas.setLineWidth(0.8)
        canvas.roundRect(-self.width / 2 + 4, -self.height / 2 + 4, self.width - 8, self.height - 8, 4)
        y = self.height / 2 - 22
        for index, line in enumerate(self.lines):
            size = 15 if index == len(self.lines) - 1 else 11.5
            canvas.setFont("Helvetica-Bold", size)
            canvas.drawCentredString(0, y, line)
            y -= 17
        canvas.restoreState()


def draw_emblem(canvas: Canvas, x: float, y: float, size: float, name: str) -> None:
    """A simple municipal emblem (shield, square or roundel) derived from the municipality's name."""
    rng = random.Random(name)
    canvas.saveState()
    canvas.setLineWidth(1.1)
    style = rng.choice(["shield", "square", "roundel"])
    grey = rng.uniform(0.15, 0.45)
    if style == "square":
        canvas.setFillGray(grey)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
        canvas.setFillGray(1)
        canvas.setFont("Times-Bold", size * 0.62)
        canvas.drawCentredString(x + size / 2, y + size * 0.28, name.lstrip("'s-")[0].upper())
    elif style == "roundel":
        canvas.circle(x + size / 2, y + size / 2, size / 2, stroke=1, fill=0)
        canvas.setFillGray(grey)
        canvas.circle(x + size / 2, y + size / 2, size * 0.36, stroke=0, fill=1)
        canvas.setStrokeGray(1)
        canvas.setLineWidth(2)
        for k in range(rng.randint(2, 4)):
            offset = size * (0.3 + 0.13 * k)
            canvas.line(x + size * 0.2, y + offset, x + size * 0.8, y + offset)
    else:
        path = canvas.beginPath()
        path.moveTo(x, y + size)
        path.lineTo(x + size * 0.82, y + size)
        path.lineTo(x + size * 0.82, y + size * 0.45)
        path.curveTo(x + size * 0.82, y + size * 0.15, x + size * 0.41, y, x + size * 0.41, y)
        path.curveTo(x + size * 0.41, y, x, y + size * 0.15, x, y + size * 0.45)
        path.close()
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.clipPath(path, stroke=0, fill=0)
        canvas.setFillGray(grey)
        pattern = rng.choice(["half", "bands", "cross", "chief"])
        if pattern == "half":
            canvas.rect(x, y, size * 0.41, size, stroke=0, fill=1)
        elif pattern == "bands":
            for k in range(0, 6, 2):
                canvas.rect(x, y + k * size / 6, size, size / 6, stroke=0, fill=1)
        elif pattern == "cross":
            canvas.rect(x + size * 0.33, y, size * 0.16, size, stroke=0, fill=1)
            canvas.rect(x, y + size * 0.55, size, size * 0.14, stroke=0, fill=1)
        else:
            canvas.rect(x, y + size * 0.66, size, size * 0.34, stroke=0, fill=1)
    canvas.restoreState()


# --------------------------------------------------------------------------------------------------------------------
# Layout engine: template text -> PDF
# --------------------------------------------------------------------------------------------------------------------

TOKEN_RE = re.compile(r"<<([a-z0-9]+)(?::([^>]*))?>>")
HANG_RE = re.compile(r"^(\([0-9A-Za-z]{1,3}\)|[A-Z]\.\d+(?:\.\d+)*|\d+\.(?:\d+\.?)*|[a-z][.)]|[IVX]+\.|[-•])\s+(\S.*)$")


def escape_markup(text: str) -> str:
    """Escape ampersands for reportlab's paragraph mark-up (tags like <b> stay)."""
    return re.sub(r"&(?!(?:amp|lt|gt|nbsp|#\d+);)", "&amp;", text)


def strip_tags(text: str) -> str:
    """Text without mark-up, for measuring."""
    return re.sub(r"<[^>]+>", "", text).replace("&amp;", "&").replace("&nbsp;", " ")


@dataclass
class InkState:
    """Who has signed this copy of the document."""

    municipality: bool = True
    platform31: bool = False


class DocumentRenderer:
    """Renders one filled-in template to PDF bytes following the clerk's ``@`` habits."""

    def __init__(self, template: Template, facts: dict[str, str], ink: InkState, seed: int) -> None:
        self.template, self.facts, self.ink, self.seed = template, facts, ink, seed
        meta = template.meta
        self.regular, self.bold, self.italic = FONTS[meta.get("font", "Helvetica")]
        self.size = float(meta.get("size", "10.5"))
        self.leading = self.size * float(meta.get("leading", "1.3"))
        self.align = {"justify": TA_JUSTIFY, "left": TA_LEFT}[meta.get("align", "left")]
        rng = random.Random(seed)
        self.left = rng.uniform(22, 28) * mm
        self.right = rng.uniform(18, 24) * mm
        self.top = rng.uniform(18, 24) * mm
        self.bottom = rng.uniform(20, 25) * mm
        self.letterhead = meta.get("letterhead", "none")
        bottom_of_head = {"logo_left": 36, "logo_right": 32, "banner": 29, "mun_text": 29, "platform31": 31, "g40": 31}
        self.head_room = max(0.0, bottom_of_head.get(self.letterhead, 0) * mm + 5 * mm - self.top)
        self.total_pages = 0
        self._counter = 0
        self.frame_width = A4[0] - self.left - self.right
        self.styles = self._styles()

    # -- styles --------------------------------------------------------------------------------------------------

    def _styles(self) -> dict[str, ParagraphStyle]:
        meta, size = self.template.meta, self.size
        title_align = {"center": TA_CENTER, "left": TA_LEFT}[meta.get("title_align", "left")]
        title_size = float(meta.get("title_size", str(size + 4)))
        base = ParagraphStyle("base", fontName=self.regular, fontSize=size, leading=self.leading,
                              alignment=self.align, spaceAfter=size * 0.55)
        return {
            "base": base,
            "title": ParagraphStyle("title", parent=base, fontName=self.bold, fontSize=title_size,
                                    leading=title_size * 1.22, alignment=title_align, spaceAfter=size * 0.6),
            "heading": ParagraphStyle("heading", parent=base, fontName=self.bold, fontSize=size + 0.5,
                                      leading=(size + 0.5) * 1.25, spaceBefore=size * 0.6, spaceAfter=size * 0.3,
                                      alignment=TA_LEFT, keepWithNext=1),
            "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
            "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
            "small": ParagraphStyle("small", parent=base, fontSize=size - 1.5, leading=(size - 1.5) * 1.3),
            "hang": ParagraphStyle("hang", parent=base, leftIndent=size * 2.6, bulletIndent=0,
                                   bulletFontName=self.regular, bulletFontSize=size, spaceAfter=size * 0.35),
            "line": ParagraphStyle("line", parent=base, alignment=TA_LEFT, spaceAfter=0),
        }

    def _cell_style(self, size: float, bold: bool = False) -> ParagraphStyle:
        return ParagraphStyle(f"cell{size}{bold}", fontName=self.bold if bold else self.regular, fontSize=size,
                              leading=size * 1.22, alignment=TA_LEFT)

    def _next_seed(self) -> int:
        self._counter += 1
        return self.seed * 1009 + self._counter

    # -- blocks --------------------------------------------------------------------------------------------------

    def _heading(self, text: str) -> Paragraph:
        style = self.template.meta.get("heading", "bold")
        if style in ("caps", "bold_caps"):
            text = text.upper()
        markup = escape_markup(text)
        if style == "underline":
            markup = f"<u>{markup}</u>"
        elif style == "italic":
            markup = f"<i>{markup}</i>"
        if style == "caps":
            return Paragraph(markup, ParagraphStyle("caps", parent=self.styles["heading"], fontName=self.regular))
        return Paragraph(markup, self.styles["heading"])

    def _token(self, name: str, arg: str | None, avail: float) -> Flowable:
        if name == "sig":
            visible = {"mun": self.ink.municipality, "p31": self.ink.platform31}.get(arg or "any", True)
            return Scribble(min(avail, 150), 34, self._next_seed(), visible)
        if name == "paraph":
            visible = {"mun": self.ink.municipality, "p31": self.ink.platform31}.get(arg or "any", True)
            return Scribble(46, 16, self._next_seed(), visible)
        if name == "hand":
            return HandText(arg or "", self.size + 2.5, self._next_seed(), self.ink.municipality)
        if name == "line":
            return SignatureLine(min(avail, 165))
        if name == "stamp":
            return Stamp((arg or "").split("/"), self._next_seed())
        raise ValueError(f"{self.template.ident}: unknown token <<{name}>>")

    def _inline(self, text: str, style: ParagraphStyle, avail: float) -> Flowable:
        """A line that may hold tokens: text and ink side by side."""
        pieces = TOKEN_RE.split(text)
        # split() yields text, name, arg, text, name, arg, ..., text
        cells: list[Flowable] = []
        widths: list[float] = []
        for index in range(0, len(pieces), 3):
            chunk = pieces[index]
            if chunk.strip():
                plain = strip_tags(chunk)
                font = style.fontName if "<b>" not in chunk else self.bold
                width = stringWidth(plain, font, style.fontSize) + 6
                cells.append(Paragraph(escape_markup(chunk.strip()), style))
                widths.append(width)
            if index + 1 < len(pieces):
                flowable = self._token(pieces[index + 1], pieces[index + 2], avail)
                cells.append(flowable)
                widths.append(flowable.wrap(avail, 1000)[0] + 2)
        if len(cells) == 1 and not isinstance(cells[0], Paragraph):
            return cells[0]
        overflow = sum(widths) - avail
        if overflow > 0:
            widths[0] = max(40.0, widths[0] - overflow)
        table = Table([cells], colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return table

    def _line(self, text: str, style: ParagraphStyle, avail: float) -> Flowable:
        if "<<" in text:
            return self._inline(text, style, avail)
        text = re.sub(r" {2,}", lambda m: "&nbsp;" * len(m.group(0)), text)
        return Paragraph(escape_markup(text) or "&nbsp;", style)

    def _table(self, header: str, rows: list[str]) -> Table:
        options = dict(re.findall(r"(\w+)=([\w,.]+)", header))
        size = float(options.get("size", str(self.size)))
        grid, box, lines = (options.get(k) == "1" for k in ("grid", "box", "lines"))
        head, boldcol, shade = (options.get(k) == "1" for k in ("header", "boldcol", "shade"))
        cells = [[c.strip() for c in row.split("|")] for row in rows]
        ncols = max(len(r) for r in cells)
        fractions = [float(w) for w in options.get("widths", ",".join(["1"] * ncols)).split(",")]
        widths = [self.frame_width * f / sum(fractions) for f in fractions]
        data = []
        for r, row in enumerate(cells):
            row = row + [""] * (ncols - len(row))
            line = []
            for c, text in enumerate(row):
                bold = (head and r == 0) or (boldcol and c == 0)
                line.append(self._line(text, self._cell_style(size, bold), widths[c] - 6))
            data.append(line)
        pad = 3 if (grid or box or shade) else 1
        commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), pad),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), pad + 2), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
        if grid:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        if box:
            commands.append(("BOX", (0, 0), (-1, -1), 0.8, colors.black))
        if lines:
            commands += [("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                         ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                         ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black)]
        if shade:
            target = ((0, 0), (-1, 0)) if head else ((0, 0), (0, -1))
            commands.append(("BACKGROUND", *target, colors.Color(0.87, 0.87, 0.87)))
        table = Table(data, colWidths=widths, hAlign="LEFT", spaceBefore=2, spaceAfter=self.size * 0.7)
        table.setStyle(TableStyle(commands))
        return table

    def _paragraph(self, text: str) -> Flowable:
        style = self.styles["base"]
        for prefix in ("center", "right", "small"):
            if text.startswith(f"[{prefix}] "):
                text, style = text[len(prefix) + 3:], self.styles[prefix]
        if "<<" in text:
            return self._inline(text, style, self.frame_width)
        return Paragraph(escape_markup(text), style)

    def _block(self, lines: list[str]) -> list[Flowable]:
        first = lines[0]
        if first.startswith("[table"):
            return [self._table(first, lines[1:])]
        if first == "[lines]":
            flows: list[Flowable] = [self._line(line, self.styles["line"], self.frame_width) for line in lines[1:]]
            return [*flows, Spacer(1, self.size * 0.8)]
        if first == "[pagebreak]":
            from reportlab.platypus import PageBreak

            return [PageBreak()]
        if all(line.startswith("= ") for line in lines):
            return [Paragraph(escape_markup(line[2:]), self.styles["title"]) for line in lines]
        if first.startswith("== "):
            return [self._heading(first[3:]), *(self._block(lines[1:]) if lines[1:] else [])]
        if all(HANG_RE.match(line) for line in lines):
            out: list[Flowable] = []
            for line in lines:
                match = HANG_RE.match(line)
                assert match is not None
                bullet = "•" if match.group(1) in ("-", "•") else match.group(1)
                out.append(Paragraph(escape_markup(match.group(2)), self.styles["hang"], bulletText=bullet))
            out[-1].style = ParagraphStyle("hanglast", parent=self.styles["hang"], spaceAfter=self.size * 0.6)
            return out
        return [self._paragraph(" ".join(line.strip() for line in lines))]

    def story(self) -> list[Flowable]:
        """The flowables of the filled-in text."""
        self._counter = 0
        text = self.template.body.format_map(self.facts)
        blocks: list[list[str]] = [[]]
        for line in text.splitlines():
            if line.strip() in ("[keep]", "[endkeep]"):
                blocks += [[line.strip()], []]
            elif not line.strip():
                blocks.append([])
            else:
                blocks[-1].append(line.rstrip())
        story: list[Flowable] = []
        keep: list[Flowable] | None = None
        for block in filter(None, blocks):
            if block == ["[keep]"]:
                keep = []
            elif block == ["[endkeep]"]:
                story.append(KeepTogether(keep or []))
                keep = None
            else:
                (keep if keep is not None else story).extend(self._block(block))
        if keep:
            story.append(KeepTogether(keep))
        return story

    # -- page decoration -----------------------------------------------------------------------------------------

    def _letterhead(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        facts, kind = self.facts, self.letterhead
        width, height = A4
        top = height - 13 * mm
        left, right = self.left, width - self.right
        canvas.saveState()
        name = facts.get("gemeente", "")
        address = f"{facts.get('postbus', '')} · {facts.get('postbus_pc', '')} {facts.get('zetel', '')}"
        extra = [line.format_map(facts) for line in self.template.meta.get("letterhead_extra", "").split("|") if line]
        if kind == "logo_left":
            draw_emblem(canvas, left, top - 19 * mm, 17 * mm, name)
            canvas.setFont(self.regular, 9)
            canvas.drawString(left + 21 * mm, top - 4 * mm, "Gemeente")
            canvas.setFont(self.bold, 18)
            canvas.drawString(left + 21 * mm, top - 11 * mm, name)
            canvas.setFont(self.regular, 7.5)
            canvas.drawString(left + 21 * mm, top - 16 * mm, f"{address} · {facts.get('website', '')}")
            for k, line in enumerate(extra):
                canvas.drawRightString(right, top - 4 * mm - k * 9, line)
            canvas.setLineWidth(0.6)
            canvas.line(left, top - 22 * mm, right, top - 22 * mm)
        elif kind == "logo_right":
            draw_emblem(canvas, right - 16 * mm, top - 17 * mm, 16 * mm, name)
            canvas.setFont(self.bold, 15)
            canvas.drawRightString(right - 20 * mm, top - 7 * mm, f"gemeente {name}")
            canvas.setFont(self.regular, 7.5)
            visit = f"Bezoekadres {facts.get('straat', '')}, {facts.get('postcode', '')} {facts.get('zetel', '')}"
            canvas.drawRightString(right - 20 * mm, top - 12 * mm, visit)
            phone = f"{address} · telefoon 14 0{facts.get('netnr', '')}"
            canvas.drawRightString(right - 20 * mm, top - 16 * mm, phone)
        elif kind == "banner":
            canvas.setFillGray(0.22)
            canvas.rect(0, height - 27 * mm, width, 27 * mm, stroke=0, fill=1)
            canvas.setFillGray(1)
            canvas.setFont(self.bold, 20)
            canvas.drawString(left, height - 16 * mm, f"gemeente {name.lower()}")
            canvas.setFont(self.regular, 8)
            canvas.drawRightString(right, height - 16 * mm, f"{address} | {facts.get('website', '')}")
        elif kind == "mun_text":
            canvas.setFont(self.bold, 13)
            canvas.drawCentredString(width / 2, top - 5 * mm, f"GEMEENTE {name.upper()}")
            canvas.setFont(self.regular, 9)
            canvas.drawCentredString(width / 2, top - 10 * mm, "Afdeling Bestuurszaken")
            canvas.setLineWidth(0.8)
            canvas.line(width / 2 - 55 * mm, top - 13 * mm, width / 2 + 55 * mm, top - 13 * mm)
        elif kind == "platform31":
            canvas.setFillGray(0.1)
            canvas.rect(left, top - 12 * mm, 9 * mm, 9 * mm, stroke=0, fill=1)
            canvas.setFont("Helvetica-Bold", 21)
            canvas.drawString(left + 12 * mm, top - 11 * mm, "Platform31")
            canvas.setFont("Helvetica", 7.5)
            canvas.drawString(left + 12 * mm, top - 15.5 * mm, "Kennis- en netwerkorganisatie voor stad en regio")
            canvas.drawRightString(right, top - 6 * mm, "Koningin Julianaplein 10")
            canvas.drawRightString(right, top - 10 * mm, "2595 AA Den Haag")
            canvas.drawRightString(right, top - 14 * mm, "www.platform31.nl")
        elif kind == "g40":
            canvas.setFont("Helvetica-Bold", 18)
            canvas.drawString(left, top - 10 * mm, "Stedennetwerk G40")
            canvas.setFont("Helvetica", 8)
            canvas.drawString(left, top - 15 * mm, "www.g40stedennetwerk.nl · secretariaat p/a gemeente Breda")
        canvas.restoreState()

    def _footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        kind = self.template.meta.get("footer", "none")
        page, total = doc.page, self.total_pages or doc.page
        width = A4[0]
        y = self.bottom - 10 * mm
        canvas.saveState()
        canvas.setFont(self.regular, 8)
        if kind == "pageonly":
            canvas.drawRightString(width - self.right, y, str(page))
        elif kind == "pagexofy":
            canvas.drawCentredString(width / 2, y, f"Pagina {page} van {total}")
        elif kind == "dash":
            canvas.drawCentredString(width / 2, y, f"- {page} -")
        elif kind == "ref":
            canvas.drawString(self.left, y, self.template.meta.get("footer_text", "").format_map(self.facts))
            canvas.drawRightString(width - self.right, y, f"pagina {page}/{total}")
        elif kind == "paraph":
            canvas.drawString(self.left, y, "Paraaf gemeente:")
            canvas.rect(self.left + 24 * mm, y - 3 * mm, 22 * mm, 9 * mm)
            canvas.drawString(self.left + 52 * mm, y, "Paraaf Platform31:")
            canvas.rect(self.left + 78 * mm, y - 3 * mm, 22 * mm, 9 * mm)
            canvas.drawRightString(width - self.right, y, f"{page}/{total}")
            rng = random.Random(self.seed * 31 + page)
            if self.ink.municipality:
                draw_scribble(canvas, self.left + 26 * mm, y - 2 * mm, 17 * mm, 6 * mm, rng)
            if self.ink.platform31:
                draw_scribble(canvas, self.left + 80 * mm, y - 2 * mm, 17 * mm, 6 * mm, rng)
        canvas.restoreState()

    def _first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._letterhead(canvas, doc)
        self._footer(canvas, doc)

    # -- build ---------------------------------------------------------------------------------------------------

    def build(self) -> tuple[bytes, int]:
        """Render to PDF (twice when the footer prints the page total); returns the bytes and the page count."""
        height = A4[1]
        passes = 2 if self.template.meta.get("footer") in ("pagexofy", "ref", "paraph") else 1
        data, pages = b"", 0
        for _ in range(passes):
            buffer = io.BytesIO()
            doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=self.left, rightMargin=self.right,
                                  topMargin=self.top, bottomMargin=self.bottom, invariant=1,
                                  title=self.template.meta.get("title", ""),
                                  author=f"Gemeente {self.facts.get('gemeente', '')}".strip(),
                                  creator="Microsoft Word", producer="desk corpus")
            first = Frame(self.left, self.bottom, self.frame_width, height - self.top - self.bottom - self.head_room,
                          id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            later = Frame(self.left, self.bottom, self.frame_width, height - self.top - self.bottom, id="later",
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            doc.addPageTemplates([
                PageTemplate(id="first", frames=[first], onPage=self._first_page, autoNextPageTemplate="later"),
                PageTemplate(id="later", frames=[later], onPage=self._footer),
            ])
            doc.build(self.story())
            data, pages = buffer.getvalue(), doc.page
            self.total_pages = pages
        return data, pages


# --------------------------------------------------------------------------------------------------------------------
# Scanning, photographing
# --------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScanProfile:
    """How one scanner pass damages the pages."""

    dpi: int
    angle: float
    paper: float
    ink: float
    noise: float
    blur: float
    speckle: float
    light: float
    fade: float
    edge: float
    quality: int
    seed: int


def scan_profile(level: str, rng: random.Random) -> ScanProfile:
    """Random scanner settings for ``office`` (200-300 dpi, < 1 degree) or ``poor`` (150-200 dpi, up to 2 degrees)."""
    seed = rng.randrange(2**31)
    if level == "office":
        return ScanProfile(dpi=rng.choice([200, 240, 300]), angle=rng.uniform(-0.8, 0.8),
                           paper=rng.uniform(238, 250), ink=rng.uniform(12, 45), noise=rng.uniform(2.5, 5.5),
                           blur=rng.choice([0.0, 0.3, 0.4]), speckle=0.0, light=rng.uniform(0.0, 0.05), fade=0.0,
                           edge=0.0, quality=rng.randint(62, 85), seed=seed)
    return ScanProfile(dpi=rng.choice([150, 170, 200]), angle=rng.choice([-1, 1]) * rng.uniform(0.7, 1.9),
                       paper=rng.uniform(215, 238), ink=rng.uniform(45, 90), noise=rng.uniform(6, 10),
                       blur=rng.uniform(0.5, 0.85), speckle=rng.uniform(1e-4, 4e-4), light=rng.uniform(0.08, 0.2),
                       fade=rng.uniform(0.2, 0.4), edge=rng.uniform(0.0, 1.0), quality=rng.randint(40, 58), seed=seed)


def render_pages(pdf: bytes, dpi: float, grey: bool = True) -> list[Image.Image]:
    """Rasterise every page of a PDF."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            bitmap = document[index].render(scale=dpi / 72, grayscale=grey)
            image = bitmap.to_pil()
            images.append(image.convert("L" if grey else "RGB"))
        return images
    finally:
        document.close()


def degrade(image: Image.Image, profile: ScanProfile, rng: np.random.Generator) -> Image.Image:
    """Turn a clean grey page into a scan: levels, rotation, lighting, blur, fading, noise, specks, edge shadow."""
    width, height = image.size
    arr = np.asarray(image, dtype=np.float32) / 255.0
    arr = profile.ink + arr * (profile.paper - profile.ink)
    page = Image.fromarray(arr.clip(0, 255).astype(np.uint8), "L")
    angle = profile.angle + float(rng.normal(0, 0.12))
    shift = (int(rng.integers(-12, 13)), int(rng.integers(-12, 13)))
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, translate=shift,
                       fillcolor=int(profile.paper))
    if profile.blur:
        page = page.filter(ImageFilter.GaussianBlur(profile.blur * profile.dpi / 200))
    arr = np.asarray(page, dtype=np.float32).copy()
    if profile.light:
        yy = np.linspace(0, 1, height, dtype=np.float32)[:, None]
        xx = np.linspace(0, 1, width, dtype=np.float32)[None, :]
        cx, cy = rng.uniform(0, 1, 2)
        distance = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
        arr *= 1.0 - profile.light * distance / distance.max()
    if profile.fade:  # a faded band (toner running low), soft-edged
        centre, spread = rng.uniform(0.1, 0.9) * height, rng.uniform(0.08, 0.2) * height
        rows = np.arange(height, dtype=np.float32)[:, None]
        weight = profile.fade * np.exp(-(((rows - centre) / spread) ** 2))
        arr += (profile.paper - arr) * weight
    arr += rng.normal(0, profile.noise, arr.shape).astype(np.float32)
    if profile.speckle:
        count = int(width * height * profile.speckle)
        ys, xs = rng.integers(0, height - 2, count), rng.integers(0, width - 2, count)
        values = rng.uniform(0, 90, count).astype(np.float32)
        for dy, dx in ((0, 0), (0, 1), (1, 0), (1, 1)):
            keep = rng.random(count) < 0.7
            arr[ys[keep] + dy, xs[keep] + dx] = values[keep]
    if profile.edge > 0.5:
        strip = int(width * rng.uniform(0.01, 0.025))
        ramp = np.linspace(0.25, 1.0, strip, dtype=np.float32)
        if profile.edge > 0.75:
            arr[:, :strip] *= ramp[None, :]
        else:
            arr[:, width - strip:] *= ramp[::-1][None, :]
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8), "L")


def scan_document(pdf: bytes, profile: ScanProfile) -> list[Image.Image]:
    """Scan all pages of a PDF with one profile."""
    rng = np.random.default_rng(profile.seed)
    return [degrade(page, profile, rng) for page in render_pages(pdf, profile.dpi)]


def perspective_coefficients(target: Sequence[tuple[float, float]],
                             source: Sequence[tuple[float, float]]) -> list[float]:
    """Coefficients for ``Image.transform(..., PERSPECTIVE)`` mapping output quad ``target`` to input ``source``."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rhs.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.append(v)
    return [float(c) for c in np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float))]


def phone_photo(pdf: bytes, page_index: int, level: str, seed: int) -> Image.Image:
    """A phone photo of one printed page lying on a desk: perspective, warm paper, shadow, background, blur."""
    rng = np.random.default_rng(seed)
    page = render_pages(pdf, 220, grey=False)[page_index]
    arr = np.asarray(page, dtype=np.float32)
    ph, pw = arr.shape[:2]
    tint = np.array([1.0, 0.975, 0.93], dtype=np.float32) * rng.uniform(0.86, 0.97)
    yy = np.linspace(0, 1, ph, dtype=np.float32)[:, None, None]
    xx = np.linspace(0, 1, pw, dtype=np.float32)[None, :, None]
    strength = 0.22 if level == "office" else 0.42
    shade = 1.0 - strength * (rng.uniform(0.3, 1.0) * xx + rng.uniform(0.3, 1.0) * yy) / 2
    arr = arr * tint * shade
    page = Image.fromarray(arr.clip(0, 255).astype(np.uint8), "RGB")
    canvas_w, canvas_h = 2448, 3264
    base = np.array([[96, 76, 58], [148, 146, 140], [62, 64, 72]][int(rng.integers(0, 3))], dtype=np.float32)
    background = base + rng.normal(0, 9, (canvas_h // 8, canvas_w // 8, 1)).astype(np.float32)
    background_img = Image.fromarray(background.clip(0, 255).astype(np.uint8), "RGB").resize(
        (canvas_w, canvas_h), Image.Resampling.BICUBIC)
    target_w = canvas_w * rng.uniform(0.8, 0.9)
    target_h = target_w * ph / pw
    x0, y0 = (canvas_w - target_w) / 2, (canvas_h - target_h) / 2
    jitter = canvas_w * (0.025 if level == "office" else 0.045)
    corners = [(x0, y0), (x0 + target_w, y0), (x0 + target_w, y0 + target_h), (x0, y0 + target_h)]
    target = [(x + rng.uniform(-jitter, jitter), y + rng.uniform(-jitter, jitter)) for x, y in corners]
    source = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    coefficients = perspective_coefficients(target, source)
    warped = page.transform((canvas_w, canvas_h), Image.Transform.PERSPECTIVE, coefficients,
                            Image.Resampling.BICUBIC)
    mask = Image.new("L", page.size, 255).transform((canvas_w, canvas_h), Image.Transform.PERSPECTIVE,
                                                    coefficients, Image.Resampling.BILINEAR)
    background_img.paste(warped, (0, 0), mask)
    photo = background_img.filter(ImageFilter.GaussianBlur(0.8 if level == "office" else 1.4))
    out = np.asarray(photo, dtype=np.float32)
    out += rng.normal(0, 3.5 if level == "office" else 7, out.shape[:2])[:, :, None].astype(np.float32)
    return Image.fromarray(out.clip(0, 255).astype(np.uint8), "RGB")


def save_image_pdf(path: Path, images: Sequence[Image.Image], dpi: int, quality: int, when: datetime) -> None:
    """A scanned PDF: JPEG-compressed page images only, no text layer."""
    images[0].save(path, "PDF", save_all=True, append_images=list(images[1:]), resolution=float(dpi),
                   quality=quality, creationDate=when.timetuple(), modDate=when.timetuple(), producer="KM_C308 scan")


def save_tiff(path: Path, images: Sequence[Image.Image], dpi: int, bitonal: bool) -> None:
    """A multipage TIFF, CCITT group 4 (bitonal) or LZW (grey)."""
    if bitonal:
        pages = [im.point(lambda v: 255 if v > 150 else 0).convert("1") for im in images]
        pages[0].save(path, save_all=True, append_images=pages[1:], compression="group4", dpi=(dpi, dpi))
    else:
        pages = list(images)
        pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(dpi, dpi))


def jpeg_roundtrip(image: Image.Image, quality: int) -> Image.Image:
    """Add JPEG artefacts to an image that will be stored losslessly."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    return Image.open(buffer).convert(image.mode)


# --------------------------------------------------------------------------------------------------------------------
# Cases, documents, files
# --------------------------------------------------------------------------------------------------------------------


@dataclass
class Case:
    """One municipality's file: its dates, officials and numbers."""

    member: Member
    decision: date
    memo_date: date
    sent_date: date
    signing: date
    facts: dict[str, str]
    alderman: Person
    old_inhabitants: int


@dataclass
class Doc:
    """One document: a filled-in template, rendered once and reused by every file that holds it."""

    kind: str
    template: Template
    case: Case | None
    scenario: str = "normal"
    signed: bool = True
    platform31_signed: bool = False
    seed: int = 0
    signer: Person | None = None
    facts: dict[str, str] = field(default_factory=dict)
    truth: dict[str, str] = field(default_factory=dict)
    pdf: bytes = b""
    pages: int = 0


@dataclass
class FilePlan:
    """One file of the inbox and the documents in it, in order."""

    name: str
    form: str
    docs: list[Doc]
    when: datetime
    duplicate_of: FilePlan | None = None


def make_case(member: Member, rng: random.Random) -> Case:
    """Dates, officials, addresses and reference numbers for one municipality."""
    tuesdays = [date(2023, 1, 10) + timedelta(weeks=k) for k in range(10)]
    decision = rng.choice(tuesdays)
    memo_date = workday(decision - timedelta(days=rng.randint(6, 20)), forward=False)
    sent_date = workday(decision + timedelta(days=rng.randint(2, 16)))
    signing = workday(decision + timedelta(days=rng.choice([0, 0, 0, 1, 2, 3, 6, 7, 8, 9, 13, 14, 20])))
    zetel = SEATS.get(member.name, member.name)
    slug = re.sub(r"[^a-z]+", "", member.name.lower().replace("'s-", "s"))
    old_inhabitants = member.inhabitants - rng.randint(1800, 6500)
    alderman = fictional_person(rng, "wethouder")
    facts = {
        "gemeente": member.name,
        "GEMEENTE": member.name.upper(),
        "zetel": zetel,
        "cbs": member.cbs_code,
        "straat": f"{rng.choice(STREETS)} {rng.randint(1, 40)}",
        "postcode": f"{rng.randint(1011, 9999)} {rng.choice('ABCDEGHJKLMNPRSTVWX')}{rng.choice('ABCEGHJKLNPRSTVX')}",
        "postbus": f"Postbus {rng.choice([100, 200, 500, 1000, 5000, 10000, 90150, 2600])}",
        "postbus_pc": f"{rng.randint(1011, 9999)} {rng.choice('ABCDEGH')}{rng.choice('ABCEGHJK')}",
        "website": f"www.{slug}.nl",
        "netnr": f"{rng.randint(10, 599):03d}",
        "kenmerk_a": f"Z/23/{rng.randint(100000, 999999)}",
        "kenmerk_b": f"2023-{rng.randint(1000, 99999):06d}",
        "kenmerk_c": f"{rng.choice(['BZ', 'CS', 'FIN', 'BBV', 'DIR'])}/{rng.randint(100, 9999)}/2023",
        "zaaknr": f"Z.{rng.randint(1000000, 9999999)}",
        "behandelaar": fictional_person(rng, "").printed,
        "steller": fictional_person(rng, "").printed,
        "secretaris": fictional_person(rng, "gemeentesecretaris", titles=True).printed,
        "wethouder_naam": alderman.printed,
        "portefeuille": rng.choice(PORTFOLIOS),
        "budget_eur": f"€ {nl_int(rng.randint(30, 90) * 1000)}",
        "n_projecten": str(rng.randint(1, 6)),
        "n_bijeenkomsten": str(rng.randint(4, 18)),
        "n_downloads": str(rng.randint(8, 60)),
        "tarief": "€ 0,15",
        "oud_tarief": "€ 0,13",
    }
    for prefix, day in (("besluit", decision), ("nota", memo_date), ("verzend", sent_date), ("teken", signing)):
        facts.update(date_forms(prefix, day))
    facts["burgemeester"] = mayor_on(member, decision, rng).plain
    return Case(member, decision, memo_date, sent_date, signing, facts, alderman, old_inhabitants)


def swap_digits(number: int, rng: random.Random) -> int:
    """A typing error: two neighbouring different digits swapped."""
    digits = list(str(number))
    positions = [i for i in range(1, len(digits) - 1) if digits[i] != digits[i + 1]]
    i = rng.choice(positions)
    digits[i], digits[i + 1] = digits[i + 1], digits[i]
    return int("".join(digits))


def amount_facts(amount: Decimal, inhabitants: int, old_inhabitants: int) -> dict[str, str]:
    """All notations of the contribution and its distractors (old contribution, increase, five-year total)."""
    old = cents(old_inhabitants * OLD_RATE)
    rounded, old_rounded = whole_euros(amount), whole_euros(old)
    increase = amount - old
    total = amount * 5
    return {
        "inwoners": nl_int(inhabitants),
        "inwoners_kaal": str(inhabitants),
        "oud_inwoners": nl_int(old_inhabitants),
        "bedrag": nl_money(amount),
        "bedrag_eur": f"€ {nl_money(amount)}",
        "bedrag_eur_ns": f"€{nl_money(amount)}",
        "bedrag_EUR": f"EUR {nl_money(amount)}",
        "bedrag_euro": f"{nl_money(amount)} euro",
        "bedrag_woorden": amount_words(amount),
        "rbedrag_eur": f"€ {nl_int(rounded)}",
        "rbedrag_dash": f"€ {nl_int(rounded)},-",
        "oud_bedrag": nl_money(old),
        "oud_bedrag_eur": f"€ {nl_money(old)}",
        "roud_bedrag_eur": f"€ {nl_int(old_rounded)}",
        "roud_bedrag_dash": f"€ {nl_int(old_rounded)},-",
        "verhoging_eur": f"€ {nl_money(increase)}",
        "rverhoging_eur": f"€ {nl_int(rounded - old_rounded)}",
        "totaal": nl_money(total),
        "totaal_eur": f"€ {nl_money(total)}",
        "rtotaal_eur": f"€ {nl_int(rounded * 5)}",
        "rtotaal_dash": f"€ {nl_int(rounded * 5)},-",
    }


def expected_amount(inhabitants: int) -> Decimal:
    """The correct yearly contribution: EUR 0,15 per inhabitant, to the cent."""
    return cents(inhabitants * RATE)


def prepare_agreement(doc: Doc, rng: random.Random) -> None:
    """Fill in the facts of an agreement according to its scenario and record its truth."""
    case = doc.case
    assert case is not None
    reference = case.member.inhabitants
    inhabitants, amount = reference, expected_amount(reference)
    if doc.scenario == "old_year":  # the clerk took the population of 1 January 2021
        inhabitants = reference - rng.randint(250, 1900)
        amount = expected_amount(inhabitants)
    elif doc.scenario == "inh_typo":
        inhabitants = swap_digits(reference, rng)
    elif doc.scenario == "rounded":
        amount = whole_euros(amount)
    elif doc.scenario == "old_rate":
        amount = cents(reference * OLD_RATE)
    template = doc.template
    kind = template.meta.get("signer", "any")
    if kind == "any":
        kind = rng.choice(["mayor", "mayor", "alderman"])
    if kind == "mayor":
        signer = mayor_on(case.member, case.signing, rng)
    else:
        function = "locoburgemeester" if rng.random() < 0.3 else "wethouder"
        alderman = case.alderman
        signer = Person(alderman.initials, alderman.surname, alderman.first_name, alderman.title_pre,
                        alderman.title_post, alderman.gender, function)
    doc.signer = signer
    doc.facts = {**case.facts, **amount_facts(amount, inhabitants, case.old_inhabitants),
                 "p_naam": signer.printed, "p_vol": signer.addressed, "p_voluit": signer.spelled_out,
                 "p_functie": signer.function}
    typed_signing = template.uses(r"\{teken_", typed_only=True)
    hand_signing = template.uses(r"<<hand:\{teken_")
    if typed_signing or (hand_signing and doc.signed):
        day = case.signing
    elif template.uses(r"\{besluit_"):
        day = case.decision
    else:
        day = None
    doc.truth = {
        "doc_type": "agreement", "municipality": case.member.name, "signatory": signer.plain,
        "date": day.isoformat() if day else "", "amount": f"{amount:.2f}",
        "inhabitants": str(inhabitants) if template.states_inhabitants else "", "signed": "yes" if doc.signed else "no",
    }


def prepare_memo(doc: Doc) -> None:
    """Fill in the facts of a college memo (always the reference population) and record its truth."""
    case = doc.case
    assert case is not None
    reference = case.member.inhabitants
    amount = expected_amount(reference)
    doc.facts = {**case.facts, **amount_facts(amount, reference, case.old_inhabitants)}
    written = whole_euros(amount) if doc.template.uses(r"\{rbedrag") else amount
    doc.truth = {
        "doc_type": "decision_memo", "municipality": case.member.name, "signatory": "",
        "date": case.decision.isoformat(), "amount": f"{written:.2f}",
        "inhabitants": str(reference) if doc.template.states_inhabitants else "", "signed": "",
    }


def render_doc(doc: Doc) -> None:
    """Render a prepared document to PDF bytes (once)."""
    if doc.pdf:
        return
    ink = InkState(municipality=doc.signed, platform31=doc.platform31_signed)
    doc.pdf, doc.pages = DocumentRenderer(doc.template, doc.facts, ink, doc.seed).build()


# --------------------------------------------------------------------------------------------------------------------
# Planning the inbox
# --------------------------------------------------------------------------------------------------------------------


def slug(name: str) -> str:
    """File-name friendly municipality name."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower().replace("'s-", "s-")).strip("_")


class Namer:
    """Inbox file names as people and scanners make them; never twice the same."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.used = rng, set[str]()

    def _unique(self, name: str) -> str:
        stem, dot, ext = name.rpartition(".")
        candidate, k = name, 2
        while candidate.lower() in self.used:
            candidate = f"{stem} ({k}){dot}{ext}"
            k += 1
        self.used.add(candidate.lower())
        return candidate

    def _pick(self, options: list[str], when: datetime, scanner_share: float) -> str:
        """One of ``options`` not used before (a name like "x (2).pdf" would look like a copy), else a scanner's."""
        fresh = [o for o in options if o.lower() not in self.used]
        if not fresh or self.rng.random() < scanner_share:
            return self.scanner(when)
        return self._unique(self.rng.choice(fresh))

    def scanner(self, when: datetime, ext: str = "pdf") -> str:
        """A name the scanner chose."""
        rng = self.rng
        return self._unique(rng.choice([
            f"Scan_{when:%Y%m%d}_{when:%H%M%S}.{ext}",
            f"SKM_C308{when:%y%m%d}{rng.randint(100000, 999999)}.{ext}",
            f"doc{rng.randint(10000, 99999)}.{ext}",
            f"{when:%Y%m%d%H%M%S}.{ext}",
            f"Scanned from a Xerox Multifunction Printer ({rng.randint(1, 40)}).{ext}",
        ]))

    def agreement(self, municipality: str, when: datetime) -> str:
        """A name for an agreement sent on its own."""
        options = [
            f"Samenwerkingsovereenkomst Platform31 - {municipality}.pdf",
            f"{slug(municipality)}_overeenkomst_P31_getekend.pdf",
            f"{when:%Y%m%d} uitvoeringsovereenkomst G40 {municipality}.pdf",
            f"Overeenkomst G40-Platform31 gemeente {municipality}.pdf",
            f"{slug(municipality)}-p31-2023.pdf",
            f"P31 {municipality} {when:%d-%m-%Y}.pdf",
        ]
        return self._pick(options, when, 0.35)

    def memo(self, municipality: str, when: datetime) -> str:
        """A name for a college memo."""
        options = [
            f"besluitnota {municipality} Platform31.pdf",
            f"collegebesluit_{slug(municipality)}_uitvoeringsovereenkomst.pdf",
            "Advies B en W uitvoeringsovereenkomst Platform31.pdf",
            f"B&W {when:%Y%m%d} Platform31.pdf",
        ]
        return self._pick(options, when, 0.25)

    def fixed(self, name: str) -> str:
        """A given name, made unique."""
        return self._unique(name)


def moment(day: date, rng: random.Random) -> datetime:
    """A working-hours moment on ``day``."""
    return datetime(day.year, day.month, day.day, rng.randint(8, 16), rng.randint(0, 59), rng.randint(0, 59))


@dataclass
class Plan:
    """Everything the corpus will hold."""

    files: list[FilePlan]
    cases: dict[str, Case]
    agreements: list[Doc]
    memos: list[Doc]
    memo_only: list[str]


def plan_corpus(members: list[Member], templates: dict[str, list[Template]], rng: random.Random) -> Plan:
    """Choose municipalities, texts, scenarios and file forms."""
    agreement_texts = templates["agreement"]
    memo_texts = list(templates["decision_memo"])
    letter = templates["cover_letter"][0]
    n_photo = rng.choice([1, 2])
    slots = ["photo"] * n_photo + ["tiff_g4", "tiff_lzw", "batch", "batch", "batch", "combo"] + ["born"] * 3
    slots += ["scan"] * 13
    n_memo_only = rng.choice([1, 2])
    chosen = rng.sample(members, len(slots) + n_memo_only)
    cases = {m.name: make_case(m, rng) for m in chosen}
    agreement_members, memo_only = chosen[:len(slots)], [m.name for m in chosen[len(slots):]]

    # Texts: photographed pages need a one-page text; every text is used at least once.
    photo_texts = rng.sample([t for t in agreement_texts if t.photo_ready], n_photo)
    rest_slots = [i for i, s in enumerate(slots) if s != "photo"]
    rng.shuffle(rest_slots)
    unused = [t for t in agreement_texts if t not in photo_texts]
    rng.shuffle(unused)
    fill = unused + [rng.choice(agreement_texts) for _ in range(len(rest_slots) - len(unused))]
    text_of: dict[int, Template] = dict(enumerate(photo_texts))
    text_of.update(zip(rest_slots, fill, strict=True))

    docs = [Doc("agreement", text_of[i], cases[agreement_members[i].name], seed=rng.randrange(2**30))
            for i in range(len(slots))]

    # Scenarios.
    free = [i for i, s in enumerate(slots) if s != "photo"]

    def take(condition: list[int]) -> int:
        index = rng.choice(condition)
        free.remove(index)
        return index

    docs[take([i for i in free if docs[i].template.states_inhabitants])].scenario = "old_year"
    docs[take([i for i in free if docs[i].template.states_inhabitants])].scenario = "inh_typo"
    index = take(free)
    case = docs[index].case
    assert case is not None
    exact = expected_amount(case.member.inhabitants)
    docs[index].scenario = "rounded" if rng.random() < 0.5 and whole_euros(exact) != exact else "old_rate"
    unsigned = [take([i for i in free if slots[i] == "born"])]
    unsigned += [take(free), take(free)]
    for i in unsigned:
        docs[i].scenario, docs[i].signed = "unsigned", False
    for doc in docs:
        if doc.signed and rng.random() < 0.3:
            doc.platform31_signed = True
        prepare_agreement(doc, random.Random(doc.seed))
        render_doc(doc)
    for i, slot in enumerate(slots):  # a multipage TIFF needs a document of two pages or more
        if slot.startswith("tiff") and docs[i].pages < 2:
            j = next(j for j, s in enumerate(slots) if s == "scan" and docs[j].pages >= 2)
            slots[i], slots[j] = slots[j], slots[i]
        if slot == "photo" and docs[i].pages != 1:
            raise AssertionError(f"{docs[i].template.ident} does not fit on one page for a photo")

    # Memos: one in the combined scan, one per memo-only municipality, the rest beside separate agreements.
    rng.shuffle(memo_texts)
    combo_index = slots.index("combo")
    memo_targets = [agreement_members[combo_index].name, *memo_only]
    others = [agreement_members[i].name for i in free if slots[i] in ("scan", "born", "tiff_lzw")]
    memo_targets += rng.sample(others, len(memo_texts) - len(memo_targets))
    memos = []
    for text, target in zip(memo_texts, memo_targets, strict=True):
        memo = Doc("decision_memo", text, cases[target], seed=rng.randrange(2**30))
        prepare_memo(memo)
        memos.append(memo)
    cover = Doc("cover_letter", letter, None, seed=rng.randrange(2**30))
    cover.truth = {"doc_type": "cover_letter"}

    # Files.
    namer = Namer(rng)
    files: list[FilePlan] = []
    batch_docs = [docs[i] for i, s in enumerate(slots) if s == "batch"]
    for i, slot in enumerate(slots):
        doc, case = docs[i], docs[i].case
        assert case is not None
        when = moment(workday(case.signing + timedelta(days=rng.randint(0, 3))), rng)
        name = case.member.name
        if slot == "photo":
            files.append(FilePlan(namer.fixed(rng.choice([f"IMG_{when:%Y%m%d_%H%M%S}.jpg",
                                                          f"WhatsApp Image {when:%Y-%m-%d at %H.%M.%S}.jpeg"])),
                                  "photo", [doc], when=when))
        elif slot == "tiff_g4":
            files.append(FilePlan(namer.fixed(f"fax_{rng.randint(100000, 999999)}.tif"), "tiff_g4", [doc], when=when))
        elif slot == "tiff_lzw":
            files.append(FilePlan(namer.fixed(f"{slug(name)}_scan.tiff"), "tiff_lzw", [doc], when=when))
        elif slot == "combo":
            memo = memos[0]
            files.append(FilePlan(namer.fixed(f"{name} - besluit en overeenkomst Platform31.pdf"), "scan",
                                  [memo, cover, doc], when=when))
        elif slot == "born":
            born_name = f"{name} samenwerkingsovereenkomst Platform31 2023-2027.pdf"
            files.append(FilePlan(namer.fixed(born_name) if rng.random() < 0.6 else namer.agreement(name, when),
                                  "born", [doc], when=when))
        elif slot == "scan":
            files.append(FilePlan(namer.agreement(name, when), "scan", [doc], when=when))
    last = max(d.case.signing for d in batch_docs if d.case is not None)
    when = moment(workday(last + timedelta(days=1)), rng)
    files.append(FilePlan(namer.fixed(f"batch_postkamer_{when:%Y-%m-%d}.pdf"), "scan", batch_docs, when=when))
    born_memo = next(m for m in memos[1:] if "<<stamp" not in m.template.body)  # a stamp is put on paper
    for memo in memos[1:]:
        assert memo.case is not None
        when = moment(workday(memo.case.decision + timedelta(days=rng.randint(1, 6))), rng)
        files.append(FilePlan(namer.memo(memo.case.member.name, when), "born" if memo is born_memo else "scan",
                              [memo], when=when))

    # Duplicates: one byte-identical copy, one rescan, of signed, correct agreements sent on their own.
    singles = [f for f in files if f.form in ("scan", "born") and len(f.docs) == 1
               and f.docs[0].kind == "agreement" and f.docs[0].scenario == "normal"]
    copy_of, rescan_of = rng.sample(singles, 2)
    stem, _, ext = copy_of.name.rpartition(".")
    copy_name = rng.choice([f"Kopie van {copy_of.name}", f"{stem} (1).{ext}", f"{stem} - kopie.{ext}"])
    copy_when = copy_of.when + timedelta(days=rng.randint(1, 9))
    files.append(FilePlan(namer.fixed(copy_name), "copy", copy_of.docs, duplicate_of=copy_of, when=copy_when))
    rescan_when = rescan_of.when + timedelta(days=rng.randint(2, 12))
    files.append(FilePlan(namer.scanner(rescan_when), "scan", rescan_of.docs, duplicate_of=rescan_of,
                          when=rescan_when))
    copy_of.docs[0].truth["duplicate"] = "dup_copy"
    rescan_of.docs[0].truth["duplicate"] = "dup_rescan"
    return Plan(files, cases, docs, memos, memo_only)


# --------------------------------------------------------------------------------------------------------------------
# Writing files and truth
# --------------------------------------------------------------------------------------------------------------------


def write_file(plan: FilePlan, inbox: Path, level: str, rng: random.Random) -> None:
    """Render the file's documents and store them in the file's form."""
    for doc in plan.docs:
        render_doc(doc)
    path = inbox / plan.name
    if plan.form == "copy":
        assert plan.duplicate_of is not None
        shutil.copyfile(inbox / plan.duplicate_of.name, path)
        return
    if plan.form == "born":
        path.write_bytes(plan.docs[0].pdf)
        return
    if plan.form == "photo":
        doc = plan.docs[0]
        photo = phone_photo(doc.pdf, doc.pages - 1, level, rng.randrange(2**31))
        photo.save(path, "JPEG", quality=88 if level == "office" else 72)
        return
    profile = scan_profile(level, rng)
    if plan.form == "tiff_g4":
        profile = replace(profile, dpi=300 if level == "office" else 200, ink=10.0, noise=min(profile.noise, 4.0))
    images: list[Image.Image] = []
    for doc in plan.docs:
        images += scan_document(doc.pdf, replace(profile, seed=rng.randrange(2**31)))
    if plan.form == "tiff_g4":
        save_tiff(path, images, profile.dpi, bitonal=True)
    elif plan.form == "tiff_lzw":
        save_tiff(path, [jpeg_roundtrip(im, profile.quality) for im in images], profile.dpi, bitonal=False)
    else:
        save_image_pdf(path, images, profile.dpi, profile.quality, plan.when)


def truth_rows(files: list[FilePlan]) -> list[dict[str, str]]:
    """``truth_documents.csv`` rows: one per document per file."""
    rows = []
    for plan in files:
        page = 1
        for doc in plan.docs:
            pages = doc.pages if plan.form != "photo" else 1
            span = str(page) if pages == 1 else f"{page}-{page + pages - 1}"
            truth = doc.truth
            rows.append({"file": plan.name, "pages": span, "doc_type": truth["doc_type"],
                         **{k: truth.get(k, "") for k in ("municipality", "signatory", "date", "amount",
                                                          "inhabitants", "signed")}})
            page += pages
    return sorted(rows, key=lambda r: (r["file"], int(r["pages"].split("-")[0])))


def status_rows(documents: list[dict[str, str]], plan: Plan) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Per-municipality status and the findings that must be raised, derived from the document truth."""
    by_municipality: dict[str, list[dict[str, str]]] = {}
    for row in documents:
        if row["municipality"]:
            by_municipality.setdefault(row["municipality"], []).append(row)
    scenario_of = {d.case.member.name: d for d in plan.agreements if d.case}
    statuses, findings = [], []
    for name in sorted(by_municipality):
        rows = by_municipality[name]
        reference = plan.cases[name].member.inhabitants
        expected = f"{expected_amount(reference):.2f}"
        agreements = [r for r in rows if r["doc_type"] == "agreement"]
        issues: list[tuple[str, str]] = []
        if not agreements:
            issues.append(("no_agreement", rows[0]["file"]))
        else:
            unsigned = [r for r in agreements if r["signed"] != "yes"]
            if len(unsigned) == len(agreements):
                issues.append(("unsigned", unsigned[0]["file"]))
            wrong_amount = [r for r in agreements if r["amount"] != expected]
            if len(wrong_amount) == len(agreements):
                issues.append(("amount_mismatch", wrong_amount[0]["file"]))
            wrong_inhabitants = [r for r in agreements if r["inhabitants"] and int(r["inhabitants"]) != reference]
            if wrong_inhabitants:
                issues.append(("inhabitants_mismatch", wrong_inhabitants[0]["file"]))
        doc = scenario_of.get(name)
        if doc is None:
            scenario = "memo_only"
        elif doc.scenario != "normal":
            scenario = doc.scenario
        else:
            scenario = doc.truth.get("duplicate", "normal")
        expected_issues = {"normal": [], "dup_copy": [], "dup_rescan": [], "memo_only": ["no_agreement"],
                           "unsigned": ["unsigned"], "old_year": ["amount_mismatch", "inhabitants_mismatch"],
                           "inh_typo": ["inhabitants_mismatch"], "rounded": ["amount_mismatch"],
                           "old_rate": ["amount_mismatch"]}[scenario]
        if [code for code, _ in issues] != expected_issues:
            raise AssertionError(f"{name}: scenario {scenario} gives issues {issues}")
        files = list(dict.fromkeys(r["file"] for r in rows))
        statuses.append({"municipality": name, "status": "exception" if issues else "complete",
                         "issues": ";".join(code for code, _ in issues), "scenario": scenario,
                         "documents": ";".join(files)})
        findings += [{"code": code, "municipality": name, "file": file} for code, file in issues]
    for plan_file in plan.files:
        if plan_file.duplicate_of is not None:
            municipality = plan_file.docs[0].truth["municipality"]
            findings.append({"code": "duplicate", "municipality": municipality, "file": plan_file.name})
    findings.sort(key=lambda r: (r["municipality"], r["code"]))
    return statuses, findings


def write_csv(path: Path, columns: Sequence[str], rows: Sequence[dict[str, str]]) -> None:
    """UTF-8 CSV with a header row."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def build_desk_corpus(inbox: Path, truth: Path, level: str, seed: int, reference: Path) -> None:
    """Generate the desk corpus into ``inbox`` and its truth CSVs into ``truth``."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    members = load_reference(Path(reference))
    templates = load_templates()
    rng = random.Random(f"desk-{seed}")
    plan = plan_corpus(members, templates, rng)
    inbox, truth = Path(inbox), Path(truth)
    inbox.mkdir(parents=True, exist_ok=True)
    truth.mkdir(parents=True, exist_ok=True)
    file_rng = random.Random(f"desk-files-{seed}-{level}")
    for file_plan in plan.files:
        write_file(file_plan, inbox, level, random.Random(file_rng.randrange(2**31)))
    documents = truth_rows(plan.files)
    statuses, findings = status_rows(documents, plan)
    write_csv(truth / "truth_documents.csv", ["file", "pages", "doc_type", "municipality", "signatory", "date",
                                              "amount", "inhabitants", "signed"], documents)
    write_csv(truth / "truth_status.csv", ["municipality", "status", "issues", "scenario", "documents"], statuses)
    write_csv(truth / "truth_findings.csv", ["code", "municipality", "file"], findings)
    stray = sorted(p.name for p in inbox.iterdir() if p.name not in {f.name for f in plan.files})
    if stray:
        print(f"warning: {inbox} also holds files not in this corpus: {', '.join(stray[:5])}", file=sys.stderr)


def iter_summary(truth: Path) -> Iterator[str]:
    """Short lines describing the generated corpus (for the CLI)."""
    with (truth / "truth_status.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["scenario"] != "normal":
                yield f"  {row['municipality']}: {row['scenario']} ({row['issues'] or 'complete'})"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inbox", type=Path, help="folder to write the documents to")
    parser.add_argument("truth", type=Path, help="folder to write the truth CSVs to")
    parser.add_argument("--level", choices=LEVELS, default="office", help="scan damage")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE, help="g40_2022.csv")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    build_desk_corpus(args.inbox, args.truth, args.level, args.seed, args.reference)
    count = len([p for p in args.inbox.iterdir() if p.is_file()])
    print(f"desk corpus seed {args.seed} ({args.level}): {count} files in {args.inbox}, "
          f"truth in {args.truth}, {time.perf_counter() - started:.1f} s")
    for line in iter_summary(args.truth):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
