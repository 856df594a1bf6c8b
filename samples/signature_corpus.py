"""A corpus of agreements with a known answer to one question: did the MUNICIPALITY sign?

Each agreement is a two-page Dutch samenwerkingsovereenkomst between Platform31 and a G40 member, typeset with
reportlab, with its signature block in one of several layouts, and with one "trap": something in or near the
municipality's signing space that is or is not a signature (a printed rule, a dotted line, a received-stamp, an
emblem, paraaf boxes, Platform31's signature only, a digital signature of a stranger, a signed college decision
after an unsigned agreement; or a real signature in blue, light or thin ink, over the printed name, under a stamp,
on the line, as an embedded image...). All but the born-digital ones are scanned: in colour, greyscale or
black-and-white, with the damage of `samples.generator.DAMAGE[level]`.

Writes `truth_documents.csv` (the columns of samples.generator.TRUTH_COLUMNS) and `truth_signatures.csv` (one
row per agreement: file, pages, municipality, trap, signed, level, layout, colour).

    python -m samples.signature_corpus --inbox /tmp/sig/inbox --truth /tmp/sig/truth --level office --count 110

Deterministic: the same seed gives the same bytes. The documents' content depends only on the seed and the
index, so the office and poor corpora of one seed hold the same documents, damaged differently.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import multiprocessing
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import click
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from . import signature_marks as sm
from . import texts
from .corpus import Member, contribution, load_members
from .generator import DAMAGE, MONTHS, Damage, fmt_amount, fmt_thousands, write_truth

TRAPS_UNSIGNED = ("plain_unsigned", "printed_line_only", "dotted_line", "received_stamp", "logo_near_block",
                  "paraaf_only", "platform31_only", "digital_stranger", "decision_after_unsigned")
TRAPS_SIGNED = ("signed_plain", "blue_ink", "light_ink", "crossing_name", "signed_with_stamp", "signed_with_logo",
                "signed_with_paraaf", "signed_on_line", "born_digital_image", "both_signed_stacked")
TRAPS = TRAPS_UNSIGNED + TRAPS_SIGNED
BORN_DIGITAL = frozenset({"digital_stranger", "born_digital_image"})
ARRANGEMENTS = ("columns_p31_left", "columns_p31_right", "stacked_p31_top", "stacked_gemeente_top")
BLOCK_STYLES = ("name_below", "labels_above", "party_above", "form_right", "form_below")
LINES = ("none", "rule", "dots", "dashed")
COLOURS = ("colour", "colour", "grey", "bilevel")
SIGNATURE_COLUMNS = ["file", "pages", "municipality", "trap", "signed", "level", "layout", "colour"]
STRANGER = "Willekeurige Stagiair"
P31_PERSON = "V. Everhardt"
SECRETARIES = ["drs. M.A. de Boer", "J.P. van Dijk", "mr. H. Smit", "ir. E.W. Visser", "A.C. Mulder MBA",
               "drs. K. Jacobs", "W.F. Bos", "mr. drs. L. Vermeulen", "S. Hoekstra", "drs. R. Koster"]
WIDTH, HEIGHT = A4
FIXED_TIME = time.strptime("2023-01-01", "%Y-%m-%d")


class Overflow(Exception):
    """The content does not fit its page."""


class Deck:
    """Deals items in shuffled rounds, so each comes up about equally often."""

    def __init__(self, items: tuple[str, ...] | list[str], rng: random.Random) -> None:
        self.items, self.rng, self.pile = list(items), rng, []

    def deal(self, allowed: tuple[str, ...] | None = None) -> str:
        for _ in range(2 * len(self.items) + 2):
            if not self.pile:
                self.pile = self.rng.sample(self.items, len(self.items))
            item = self.pile.pop()
            if allowed is None or item in allowed:
                return item
            self.pile.insert(0, item)
        return self.rng.choice(list(allowed or self.items))


@dataclass(frozen=True)
class Plan:
    """Every choice for one agreement file."""

    index: int
    seed: int
    level: str
    member: Member
    trap: str
    arrangement: str
    block_style: str
    gem_line: str
    p31_line: str
    colour: str
    p31_signed: bool

    @property
    def signed(self) -> bool:
        return self.trap in TRAPS_SIGNED

    @property
    def born_digital(self) -> bool:
        return self.trap in BORN_DIGITAL

    @property
    def layout(self) -> str:
        return f"{self.arrangement}/{self.block_style}/{self.gem_line}"

    @property
    def file(self) -> str:
        slug = "".join(ch if ch.isalnum() else "_" for ch in self.member.municipality.lower()).strip("_")
        return f"sig_{self.index:03d}_{slug}.pdf"


def plan_corpus(count: int, seed: int, level: str) -> list[Plan]:
    """Traps balanced over the count, members cycled, layouts, lines and colours dealt from shuffled decks."""
    rng = random.Random(f"signature-corpus:{seed}")
    members = sorted(load_members().values(), key=lambda m: m.municipality)
    start = rng.randrange(len(members))
    traps = [TRAPS[i % len(TRAPS)] for i in range(count)]
    rng.shuffle(traps)
    arrangements, styles = Deck(ARRANGEMENTS, rng), Deck(BLOCK_STYLES, rng)
    lines, colours = Deck(LINES, rng), Deck(COLOURS, rng)
    plans = []
    for i, trap in enumerate(traps):
        member = members[(start + i) % len(members)]
        arrangement = arrangements.deal(ARRANGEMENTS[2:] if trap == "both_signed_stacked" else None)
        style = styles.deal(BLOCK_STYLES[:3] if trap == "crossing_name" else None)
        gem_line = {"plain_unsigned": "none", "printed_line_only": "rule"}.get(trap) or lines.deal(
            ("dots", "dashed") if trap == "dotted_line" else ("rule", "dots", "dashed") if trap == "signed_on_line"
            else None)
        p31_line = gem_line if rng.random() < 0.8 else rng.choice(LINES)
        colour = "colour" if trap in BORN_DIGITAL else colours.deal()
        if trap == "light_ink" and colour == "bilevel":
            colour = rng.choice(["colour", "grey"])  # black-and-white would erase light ink: the truth must be seen
        if trap in ("platform31_only", "both_signed_stacked"):
            p31_signed = True
        elif trap in TRAPS_SIGNED:
            p31_signed = rng.random() < 0.85
        else:
            p31_signed = rng.random() < 0.5
        plans.append(Plan(i, seed, level, member, trap, arrangement, style, gem_line, p31_line, colour, p31_signed))
    return plans


# --- typesetting -----------------------------------------------------------------------------------------------

class Sheet:
    """Typesets paragraphs on A4 pages of a reportlab canvas, with a cursor and margins."""

    def __init__(self, c: Canvas, font: str, size: float, margins: tuple[float, float, float, float],
                 max_pages: int) -> None:
        self.c, self.font, self.size = c, font, size
        self.left, self.right, self.top, self.bottom = margins
        self.y = HEIGHT - self.top
        self.page = 1
        self.max_pages = max_pages
        self.page_end: Callable[[Sheet], None] | None = None  # draws the footer of a page before it is closed

    @property
    def bold(self) -> str:
        return "Helvetica-Bold" if self.font == "Helvetica" else "Times-Bold"

    @property
    def text_width(self) -> float:
        return WIDTH - self.left - self.right

    def lead(self, size: float | None = None) -> float:
        return (size or self.size) * 1.32

    def new_page(self) -> None:
        if self.page >= self.max_pages:
            raise Overflow
        if self.page_end:
            self.page_end(self)
        self.c.showPage()
        self.page += 1
        self.y = HEIGHT - self.top

    def para(self, text: str, bold: bool = False, size: float | None = None, gap: float | None = None,
             align: str = "left", indent: float = 0.0, keep: float = 0.0) -> None:
        size = size or self.size
        font = self.bold if bold else self.font
        lines = simpleSplit(text, font, size, self.text_width - indent)
        if self.y - len(lines) * self.lead(size) - keep < self.bottom:
            self.new_page()
        self.c.setFont(font, size)
        for line in lines:
            if align == "center":
                self.c.drawCentredString(self.left + self.text_width / 2, self.y - size, line)
            else:
                self.c.drawString(self.left + indent, self.y - size, line)
            self.y -= self.lead(size)
        self.y -= self.size * 0.5 if gap is None else gap

    def text(self, x: float, y: float, s: str, bold: bool = False, size: float | None = None) -> float:
        font = self.bold if bold else self.font
        self.c.setFont(font, size or self.size)
        self.c.drawString(x, y, s)
        return stringWidth(s, font, size or self.size)


def fmt_date(d: date, style: int) -> str:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}"][style % 4]


def stamp_date(d: date, style: int) -> str:
    abbr = MONTHS[d.month - 1][:3].upper()
    return [f"{d.day:02d} {abbr} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}", f"{d.day} {abbr}. {d.year}"][style % 4]


TITLES = [
    ["Samenwerkingsovereenkomst behorende bij het Convenant G40-Stedennetwerk en",
     "Platform31: Samenwerken aan Aantrekkelijke en Krachtige Steden, 2023 t/m 2027"],
    ["SAMENWERKINGSOVEREENKOMST", "behorende bij het Convenant G40-Stedennetwerk en Platform31",
     "Samenwerken aan aantrekkelijke en krachtige steden, 2023 t/m 2027"],
    ["Uitvoeringsovereenkomst", "bij het Convenant Stedennetwerk G40 en Platform31 2023 t/m 2027"],
    ["UITVOERINGSOVEREENKOMST G40-STEDENNETWERK EN PLATFORM31",
     "Samenwerken aan aantrekkelijke en krachtige steden 2023-2027"],
    ["samenwerkingsovereenkomst gemeente {m} – Platform31",
     "behorende bij het convenant G40-Stedennetwerk en Platform31 (2023 t/m 2027)"],
    ["Samenwerkingsovereenkomst Platform31 en de gemeente {m}",
     "Convenant G40-Stedennetwerk en Platform31, 2023 t/m 2027"],
]

P31_PARTIES = [
    texts.PLATFORM31_PARTY,
    "Stichting Platform31, statutair gevestigd te Den Haag, kantoorhoudende aan het Koningin Julianaplein 10, "
    "te dezen rechtsgeldig vertegenwoordigd door haar directeur-bestuurder, de heer V. Everhardt, hierna te "
    "noemen: \"Platform31\";",
]

GEM_PARTIES = [
    *texts.MUNICIPALITY_PARTY,
    "De gemeente {m}, te dezen rechtsgeldig vertegenwoordigd door haar burgemeester, {mayor}, handelend ter "
    "uitvoering van het besluit van het college van burgemeester en wethouders van {college_date}, hierna te "
    "noemen: \"de gemeente\";",
]

CLOSINGS = [
    "Aldus in tweevoud opgemaakt te {m} op {date}",
    "Aldus overeengekomen en in tweevoud opgemaakt te {m} op {date}",
    "Plaats: {m}    Datum: {date}",
    "{m}, {date}",
]


@dataclass
class Block:
    """Where one party's signature block was put: its signing space, printed line and printed name."""

    party: str
    x: float
    top: float
    width: float
    space: tuple[float, float, float, float] = (0, 0, 0, 0)  # x0, y0, x1, y1
    line_y: float | None = None
    name: tuple[float, float, float] = (0, 0, 0)  # x, baseline, width
    bottom: float = 0.0
    logo_band: float = 0.0  # height kept free above the block for an emblem
    ops: list[tuple[float, float, str, bool]] = field(default_factory=list)  # x, baseline, text, bold


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    return simpleSplit(text, font, size, width)


def layout_block(sheet: Sheet, party: str, style: str, x: float, top: float, width: float, who: dict[str, str],
                 rng: random.Random) -> Block:
    """Positions of one party's block (nothing drawn yet). who: person, function, party_name, label."""
    b = Block(party, x, top, width)
    size, lead = sheet.size, sheet.lead()
    space_h = rng.uniform(46, 72)
    y = top
    if style in ("labels_above", "party_above"):
        text = who["label"] if style == "labels_above" else who["party_name"]
        for line in _wrap(text, sheet.bold if style == "party_above" else sheet.font, size, width):
            y -= lead
            b.ops.append((x, y + lead - size, line, style == "party_above"))
        y -= 4
    if style in ("name_below", "labels_above", "party_above"):
        b.space = (x, y - space_h, x + min(width, 240) * 0.92, y)
        y -= space_h
        b.line_y = y
        y -= lead
        b.ops.append((x, y, who["person"], False))
        b.name = (x, y, stringWidth(who["person"], sheet.font, size))
        if style != "party_above" or rng.random() < 0.5:
            for line in _wrap(who["function"], sheet.font, size, width):
                y -= lead
                b.ops.append((x, y, line, False))
        b.bottom = y - size * 0.4
        return b
    # form styles
    if rng.random() < 0.6:
        y -= lead
        b.ops.append((x, y, who["party_name"], True))
    rows = [("Naam:", who["person"]), ("Functie:", who["function"])]
    if rng.random() < 0.35:
        rows.append(("Datum:", ""))
    label_w = max(stringWidth(lbl, sheet.font, size) for lbl, _ in [*rows, ("Handtekening:", "")]) + 8
    for lbl, val in rows:
        y -= lead * 1.15
        b.ops.append((x, y, lbl, False))
        if val:
            for k, line in enumerate(_wrap(val, sheet.font, size, width - label_w)):
                b.ops.append((x + label_w, y - k * lead, line, False))
                if k:
                    y -= lead
        if lbl == "Naam:":
            b.name = (x + label_w, y, stringWidth(val, sheet.font, size))
    if style == "form_right":
        y -= max(space_h * 0.75, lead * 2.2)
        b.ops.append((x, y, "Handtekening:", False))
        b.space = (x + label_w, y - 4, x + width, y + max(space_h * 0.75, lead * 2.2) - size)
        b.line_y = y - 2
        b.bottom = y - size * 0.6
    else:
        y -= lead * 1.15
        b.ops.append((x, y, "Handtekening:", False))
        b.space = (x, y - size * 0.5 - space_h, x + min(width, 240) * 0.92, y - size * 0.5)
        b.line_y = b.space[1]
        b.bottom = b.line_y - size * 0.6
    return b


def draw_block(sheet: Sheet, b: Block, line: str, rng: random.Random) -> None:
    for x, y, text, bold in b.ops:
        sheet.text(x, y, text, bold=bold)
    if line != "none" and b.line_y is not None:
        x0, _, x1, _ = b.space
        sm.draw_rule(sheet.c, x0, x1, b.line_y, line, rng, sheet.font, sheet.size)


@dataclass
class Rendered:
    pdf: bytes
    drawn_up: date  # the date of the closing line
    state_inhabitants: bool  # the price article names the number of inhabitants
    decision: dict[str, str] | None = None  # truth of the college decision on page 3


def _who(plan: Plan, rng: random.Random, party: str) -> dict[str, str]:
    m = plan.member.municipality
    if party == "p31":
        return {"person": P31_PERSON,
                "function": rng.choice(["directeur-bestuurder", "Directeur-Bestuurder stichting Platform31",
                                        "directeur-bestuurder Platform31"]),
                "party_name": rng.choice(["Stichting Platform31", "Platform31"]),
                "label": rng.choice(["Namens Platform31,", "Namens Stichting Platform31,", "Voor Stichting Platform31,",
                                     "Namens Platform31, de directeur-bestuurder,"])}
    return {"person": plan.member.mayor,
            "function": rng.choice([f"burgemeester van {m}", f"Burgemeester gemeente {m}", "de burgemeester",
                                    "burgemeester"]),
            "party_name": rng.choice([f"Gemeente {m}", f"De gemeente {m}", f"gemeente {m}"]),
            "label": rng.choice([f"Namens de gemeente {m}, de burgemeester,", f"Voor de gemeente {m},",
                                 f"Namens de gemeente {m},"])}


def _ink(rng: random.Random, names: tuple[str, ...] = ("dark_blue", "dark_blue", "black", "blue")) -> sm.RGB:
    base = sm.INKS[rng.choice(names)]
    return tuple(min(1.0, max(0.0, v + rng.uniform(-0.03, 0.03))) for v in base)  # type: ignore[return-value]


def _sign(c: Canvas, rng: random.Random, b: Block, how: str, ink: sm.RGB, pen: tuple[float, float],
          image: bool = False, transparent: bool = True) -> tuple[float, float, float, float]:
    """A signature in the block's signing space; how: 'normal', 'on_line' or 'crossing_name'."""
    x0, y0, x1, y1 = b.space
    sw = rng.uniform(72, max(76, min(180, (x1 - x0) * 1.05)))
    sh = rng.uniform(22, max(24, min(58, (y1 - y0) * 1.05)))
    x = x0 + rng.uniform(-4, max(0, x1 - x0 - sw))
    if how == "on_line" and b.line_y is not None:
        y = b.line_y - sh * rng.uniform(0.12, 0.35)
    elif how == "crossing_name":
        sh = max(sh, 34)
        nx, ny, nw = b.name
        x = nx + rng.uniform(-12, min(10, nw * 0.3))
        sw = max(sw, nw * 0.9)
        y = ny - sh * rng.uniform(0.1, 0.3)
    else:
        y = y0 + rng.uniform(2, max(3, (y1 - y0 - sh) * 0.7))
    if image:
        sm.draw_signature_image(c, rng, x, y, sw, sh, ink, pen, transparent=transparent)
    else:
        sm.draw_signature(c, rng, x, y, sw, sh, ink, pen)
    return x, y, sw, sh


def _paraaf(sheet: Sheet, rng: random.Random, box: tuple[float, float, float], hands: dict[str, int],
            gem_initials: bool, p31_initials: bool, two: bool) -> None:
    """Paraaf boxes in the bottom margin, with the initials of the parties that initialled the page. Each party's
    initials come from its own seed (`hands`), so they look the same on every page."""
    c = sheet.c
    w, h, y = box
    size = sheet.size - 2
    x = WIDTH - sheet.right - w
    boxes = [("Paraaf gemeente:" if two else "Paraaf:", x, gem_initials, "gemeente")]
    if two:
        x2 = x - stringWidth("Paraaf gemeente:", sheet.font, size) - w - 18
        boxes.append(("Paraaf Platform31:", x2, p31_initials, "p31"))
    for label, bx, initials, party in boxes:
        sm.draw_paraaf_box(c, bx, y, w, h, label, sheet.font, size)
        if initials:
            hand = random.Random(hands[party])
            ink = _ink(hand)
            iw, ih = w * hand.uniform(0.6, 0.9) * rng.uniform(0.9, 1.0), h * hand.uniform(0.55, 0.85)
            sm.draw_initials(c, hand, bx + rng.uniform(2, w - iw - 1), y + rng.uniform(1, h - ih - 1), iw, ih, ink)


def _footer(sheet: Sheet, style: int, right_free: bool) -> None:
    if style == 0:
        return
    text = [f"Pagina {sheet.page} van 2", f"{sheet.page}/2", f"- {sheet.page} -"][style - 1]
    sheet.c.setFont(sheet.font, sheet.size - 2)
    if right_free:
        sheet.c.drawCentredString(WIDTH / 2, 26, text)
    else:
        sheet.c.drawString(sheet.left, 26, text)


def render(plan: Plan, fit: int = 0) -> Rendered:
    """The agreement (and, for decision_after_unsigned, the college decision after it) as a PDF."""
    rng = random.Random(f"{plan.seed}:{plan.index}:{fit}")
    m, member, trap = plan.member.municipality, plan.member, plan.trap
    font = rng.choice(["Helvetica", "Times-Roman"])
    size = max(9.5, rng.choice([9.5, 10, 10.5, 11, 11.5]) - 0.5 * fit)
    side = max(54, rng.uniform(56, 92) - 8 * fit)
    margins = (side, max(54, side + rng.uniform(-10, 10)), max(50, rng.uniform(54, 90) - 8 * fit),
               rng.uniform(56, 80))
    pages = 3 if trap == "decision_after_unsigned" else 2
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=True)
    c.setTitle("Samenwerkingsovereenkomst Platform31")
    sheet = Sheet(c, font, size, margins, pages)
    college = date(2023, 1, 9) + timedelta(days=rng.randrange(40))
    drawn_up = college + timedelta(days=rng.randrange(1, 21))
    style = rng.randrange(4)
    amount = contribution(member.inhabitants)
    state_inh = rng.random() < 0.25
    paraaf = trap in ("paraaf_only", "signed_with_paraaf")
    empty_paraaf = not paraaf and rng.random() < 0.1
    two_boxes = rng.random() < 0.5
    paraaf_box = (rng.uniform(38, 52), rng.uniform(22, 28), rng.uniform(18, 26))
    hands = {"gemeente": rng.randrange(2 ** 31), "p31": rng.randrange(2 ** 31)}
    footer = rng.randrange(4)
    boxes = paraaf or empty_paraaf

    def page_end(sh: Sheet) -> None:
        if boxes:
            gem_initials = paraaf and (trap == "paraaf_only" or sh.page == 2 or rng.random() < 0.8)
            _paraaf(sh, rng, paraaf_box, hands, gem_initials, paraaf and rng.random() < 0.6, two_boxes)
        _footer(sh, footer, not boxes)

    sheet.page_end = page_end

    # page 1
    centre = rng.random() < 0.5
    for i, line in enumerate(rng.choice(TITLES)):
        sheet.para(line.format(m=m), bold=True, size=size + (1.5 if i == 0 else 0.5), gap=2,
                   align="center" if centre else "left")
    sheet.y -= size * 1.2
    numbered = rng.random() < 0.4
    if numbered or rng.random() < 0.3:
        sheet.para(rng.choice(["De ondergetekenden:", "Partijen:"]), bold=rng.random() < 0.5)
    sheet.para(("1. " if numbered else "") + rng.choice(P31_PARTIES))
    sheet.para("en")
    sheet.para(("2. " if numbered else "") + rng.choice(GEM_PARTIES).format(
        m=m, address=rng.choice(texts.ADDRESSES), mayor=member.mayor, college_date=fmt_date(college, style)))
    sheet.para(rng.choice(["gezamenlijk ook aangeduid als de partijen", "hierna gezamenlijk te noemen: partijen"]))
    for line in texts.CONSIDERATIONS:
        sheet.para(line, gap=3)
    for title, paras in texts.ARTICLES_1_2:
        sheet.para(title, bold=True, gap=3, keep=sheet.lead() * 2)
        for p in paras:
            sheet.para(p, gap=3)
    if sheet.page == 1:
        sheet.new_page()

    # page 2
    if rng.random() < 0.3:
        c.setFont(font, size - 2)
        c.setFillColorRGB(0.35, 0.35, 0.35)
        c.drawString(sheet.left, HEIGHT - sheet.top + 14, f"Samenwerkingsovereenkomst Platform31 – gemeente {m}")
        c.setFillColorRGB(0, 0, 0)
    sheet.para("Artikel 3 Prijs", bold=True, gap=3)
    amount_text = fmt_amount(amount, style)
    if state_inh:
        sheet.para(texts.PRICE_ARTICLE[1].format(amount=amount_text, inhabitants=fmt_thousands(member.inhabitants)))
    else:
        sheet.para(texts.PRICE_ARTICLE[0].format(amount=amount_text))
    sheet.para(texts.ARTICLE_4[0], bold=True, gap=3)
    for p in texts.ARTICLE_4[1]:
        sheet.para(p, gap=3)
    sheet.y -= size * 0.6
    closing = rng.choice(CLOSINGS)
    if closing.startswith("Plaats"):  # place and date as two fields on one line
        sheet.text(sheet.left, sheet.y - size, f"Plaats: {m}")
        sheet.text(sheet.left + rng.uniform(0.4, 0.55) * sheet.text_width, sheet.y - size,
                   f"Datum: {fmt_date(drawn_up, style + 1)}")
        sheet.y -= sheet.lead() + size * 0.5
    else:
        sheet.para(closing.format(m=m, date=fmt_date(drawn_up, style + 1)))
    if sheet.page != 2:
        raise Overflow

    blocks = _signature_blocks(sheet, plan, rng)
    gem, p31 = blocks["gemeente"], blocks["p31"]
    draw_block(sheet, p31, plan.p31_line, rng)
    draw_block(sheet, gem, plan.gem_line, rng)
    _marks(sheet, plan, rng, gem, p31, drawn_up)
    page_end(sheet)
    sheet.page_end = None

    decision = None
    if trap == "decision_after_unsigned":
        sheet.new_page()
        decision = _decision(sheet, plan, rng, college)
    c.save()
    return Rendered(buf.getvalue(), drawn_up, state_inh, decision)


def _signature_blocks(sheet: Sheet, plan: Plan, rng: random.Random) -> dict[str, Block]:
    arrangement, style = plan.arrangement, plan.block_style
    logo_above = plan.trap in ("logo_near_block", "signed_with_logo") and (
        arrangement.startswith("columns") or rng.random() < 0.5)
    logo_reserve = rng.uniform(52, 92) if logo_above else 0.0
    top = sheet.y - rng.uniform(14, 34)
    who = {p: _who(plan, rng, p) for p in ("p31", "gemeente")}
    if arrangement.startswith("columns"):
        gutter = rng.uniform(18, 44)
        width = (sheet.text_width - gutter) / 2
        xs = [sheet.left, sheet.left + width + gutter]
        order = ["p31", "gemeente"] if arrangement == "columns_p31_left" else ["gemeente", "p31"]
        blocks = {p: layout_block(sheet, p, style, x, top - (logo_reserve if p == "gemeente" else 0), width,
                                  who[p], rng) for p, x in zip(order, xs, strict=True)}
    else:
        width = rng.uniform(220, min(320, sheet.text_width - 80))
        x = sheet.left + rng.choice([0, 0, rng.uniform(10, 60)])
        order = ["p31", "gemeente"] if arrangement == "stacked_p31_top" else ["gemeente", "p31"]
        blocks = {}
        y = top
        for p in order:
            if p == "gemeente":
                y -= logo_reserve
            blocks[p] = layout_block(sheet, p, style, x, y, width, who[p], rng)
            y = blocks[p].bottom - rng.uniform(18, 36)
    blocks["gemeente"].top += logo_reserve  # the reserved band belongs to the municipality's block
    blocks["gemeente"].logo_band = logo_reserve
    if min(b.bottom for b in blocks.values()) < sheet.bottom:
        raise Overflow
    return blocks


def _marks(sheet: Sheet, plan: Plan, rng: random.Random, gem: Block, p31: Block, drawn_up: date) -> None:
    """Signatures, stamps and emblems in the signature blocks, as the trap asks."""
    c, trap = sheet.c, plan.trap
    image = trap in BORN_DIGITAL
    if plan.p31_signed:
        if image:
            if rng.random() < 0.75:
                _sign(c, rng, p31, "normal", _ink(rng), (0.8, 2.0), image=True, transparent=rng.random() < 0.5)
        else:
            _sign(c, rng, p31, "normal", _ink(rng), (0.8, 2.2))
    sig = None
    if plan.signed:
        how = {"crossing_name": "crossing_name", "signed_on_line": "on_line"}.get(trap, "normal")
        pen = (rng.uniform(0.6, 1.0), rng.uniform(1.4, 2.2))
        if trap == "blue_ink":
            ink = _ink(rng, ("blue",))
        elif trap == "light_ink":
            if rng.random() < 0.5:  # light ink, ordinary pen
                ink, pen = _ink(rng, ("light_blue", "light_grey")), (0.9, rng.uniform(1.3, 1.7))
            else:  # a thin fine-liner
                ink, pen = _ink(rng), (0.6, rng.uniform(0.7, 0.85))
        elif trap == "signed_plain":
            ink = _ink(rng, ("dark_blue", "black"))
        else:
            ink = _ink(rng)
        sig = _sign(c, rng, gem, how, ink, pen, image=trap == "born_digital_image", transparent=rng.random() < 0.5)
    if trap in ("received_stamp", "signed_with_stamp"):
        x0, y0, x1, y1 = gem.space
        if sig is None:
            cx, cy = (x0 + x1) / 2 + rng.uniform(-20, 20), (y0 + y1) / 2 + rng.uniform(-12, 8)
        else:
            sx, sy, sw, sh = sig
            cx = sx + sw / 2 + rng.choice([-1, 1]) * sw * rng.uniform(0.35, 0.6)
            cy = sy + sh / 2 + rng.uniform(-0.3, 0.3) * sh
        ink_name = rng.choices(["red", "purple", "black"], [0.45, 0.35, 0.2])[0]
        org = rng.choice([f"Gemeente {plan.member.municipality}", "Platform31 - Post", "Platform31 Den Haag"])
        received = drawn_up + timedelta(days=rng.randint(1, 14))
        sm.draw_stamp(c, rng, cx, cy, ("ONTVANGEN", stamp_date(received, rng.randrange(4)), org),
                      sm.STAMP_INKS[ink_name], rng.choice(["rect", "round"]), rng.uniform(-12, 12),
                      rng.uniform(0.85, 1.1))
    if trap in ("logo_near_block", "signed_with_logo"):
        grey = plan.colour != "colour" or rng.random() < 0.25
        name = plan.member.municipality if rng.random() < 0.6 else ""
        if gem.logo_band:  # just above the block
            size = min(rng.uniform(43, 86), gem.logo_band - 6)
            sm.draw_logo(c, rng, gem.x + rng.uniform(0, 24), gem.top - gem.logo_band + 2, size, grey, name)
        else:  # beside the block, level with the signing space
            x = gem.x + gem.width + rng.uniform(10, 26)
            room = WIDTH - sheet.right - x
            size = min(rng.uniform(43, 86), room)
            if room < size * 3.2:
                name = ""
            y = (gem.space[1] + gem.space[3]) / 2 - size / 2 + rng.uniform(-10, 10)
            sm.draw_logo(c, rng, x, y, size, grey, name)


def _decision(sheet: Sheet, plan: Plan, rng: random.Random, decided: date) -> dict[str, str]:
    """A one-page college decision, signed by the secretary and the mayor."""
    m, member = plan.member.municipality, plan.member
    c = sheet.c
    sheet.y = HEIGHT - sheet.top
    if rng.random() < 0.5:
        sm.draw_logo(c, rng, WIDTH - sheet.right - 60, HEIGHT - sheet.top - 50, 50,
                     grey=plan.colour != "colour")
    sheet.para(f"Gemeente {m}", bold=True, size=sheet.size + 2, gap=10)
    sheet.para(f"Besluit van het college van burgemeester en wethouders van {m}", bold=True,
               size=sheet.size + 1, gap=8)
    sheet.para(f"Registratienummer: {rng.choice(['Z', 'D', 'BW'])}-23-{rng.randrange(10000, 99999)}", gap=1)
    sheet.para(f"Datum: {fmt_date(decided, rng.randrange(4))}", gap=1)
    sheet.para("Onderwerp: samenwerkingsovereenkomst Platform31 2023 t/m 2027", gap=12)
    sheet.para(f"Het college van burgemeester en wethouders van {m};")
    sheet.para(rng.choice(["gelezen het voorstel van de afdeling Bestuur en Organisatie;",
                           "gezien het advies van de directie Stad en Samenleving;"]))
    sheet.para("gelet op artikel 160, eerste lid, onder e, en artikel 171 van de Gemeentewet;", gap=10)
    sheet.para("Het college besluit:", bold=True)
    amount = contribution(member.inhabitants)
    state_amount, state_inh = rng.random() < 0.6, rng.random() < 0.5
    clause = ("1. in te stemmen met het aangaan van de samenwerkingsovereenkomst met Stichting Platform31, behorende "
              "bij het Convenant G40-Stedennetwerk en Platform31 'Samenwerken aan aantrekkelijke en krachtige "
              "steden, 2023 t/m 2027'")
    if state_amount:
        clause += f", tegen een jaarlijkse bijdrage van {fmt_amount(amount, rng.randrange(4))} exclusief BTW"
    if state_inh:
        clause += f" (€ 0,15 per inwoner, {fmt_thousands(member.inhabitants)} inwoners op 1 januari 2022)"
    sheet.para(clause + ";", indent=10)
    sheet.para("2. de burgemeester te machtigen de samenwerkingsovereenkomst namens de gemeente te ondertekenen;",
               indent=10)
    sheet.para("3. de kosten te dekken uit het budget Bestuurlijke samenwerking.", indent=10, gap=12)
    sheet.para(f"Aldus besloten in de vergadering van het college van burgemeester en wethouders van {m} "
               f"op {fmt_date(decided, rng.randrange(4))}.", gap=14)
    width = (sheet.text_width - 30) / 2
    top = sheet.y - 6
    secretary = rng.choice(SECRETARIES)
    people = [("de secretaris,", secretary, "gemeentesecretaris"), ("de burgemeester,", member.mayor,
                                                                     "burgemeester")]
    for k, (label, person, function) in enumerate(people):
        x = sheet.left + k * (width + 30)
        b = layout_block(sheet, "x", "labels_above", x, top, width,
                         {"label": label, "person": person, "function": function, "party_name": ""}, rng)
        draw_block(sheet, b, "none", rng)
        _sign(c, rng, b, "normal", _ink(rng), (0.8, 2.0))
    return {"doc_type": "decision_memo", "municipality": m, "signatory": "", "date": decided.isoformat(),
            "amount": f"{amount:.2f}" if state_amount else "",
            "inhabitants": str(member.inhabitants) if state_inh else "", "signed": ""}


def render_fitting(plan: Plan) -> Rendered:
    """Render, with smaller type and margins until the agreement fits two pages."""
    for fit in range(8):
        try:
            return render(plan, fit)
        except Overflow:
            continue
    raise Overflow(plan.file)


# --- digital signature -----------------------------------------------------------------------------------------

SMALL_PRIMES = [p for p in range(3, 2000, 2) if all(p % q for q in range(3, int(p ** 0.5) + 1, 2))]


def _probable_prime(n: int, rng: random.Random) -> bool:
    if any(n % p == 0 for p in SMALL_PRIMES):
        return False
    d, r = n - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    for _ in range(24):
        x = pow(rng.randrange(2, n - 2), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(rng: random.Random, bits: int, e: int) -> int:
    while True:
        n = rng.getrandbits(bits) | (3 << (bits - 2)) | 1
        if (n - 1) % e and _probable_prime(n, rng):
            return n


def _rsa_key(rng: random.Random):
    """A 2048-bit RSA key made from the seeded generator, so a signed file comes out the same every run."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    e = 65537
    p, q = _prime(rng, 1024, e), _prime(rng, 1024, e)
    while q == p:
        q = _prime(rng, 1024, e)
    d = pow(e, -1, (p - 1) * (q - 1))
    numbers = rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q),
                                    rsa.rsa_crt_iqmp(p, q), rsa.RSAPublicNumbers(e, p * q))
    return numbers.private_key()


def sign_digitally(pdf: bytes, signer_name: str, rng: random.Random, when: dt.datetime,
                   field_name: str = "Handtekening") -> bytes:
    """The PDF signed with pyHanko by a freshly made self-signed certificate with `signer_name` as common name."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = _rsa_key(rng)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, signer_name)])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(rng.getrandbits(63) + 1)
            .not_valid_before(dt.datetime(2023, 1, 1, tzinfo=dt.UTC))
            .not_valid_after(dt.datetime(2028, 1, 1, tzinfo=dt.UTC))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), True)
            .sign(key, hashes.SHA256()))
    cert_asn1 = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    key_asn1 = asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    signer = signers.SimpleSigner(signing_cert=cert_asn1, signing_key=key_asn1,
                                  cert_registry=SimpleCertificateStore.from_certs([cert_asn1]))

    class FixedTimeSigner(signers.PdfSigner):
        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = when
            return session

    class FixedTimeWriter(IncrementalPdfFileWriter):
        def _update_meta(self):  # pyHanko stamps /ModDate with the current time; use the signing time instead
            super()._update_meta()
            if self._info is not None:
                self._info.get_object()[generic.pdf_name("/ModDate")] = generic.pdf_date(when)

    writer = FixedTimeWriter(io.BytesIO(pdf))
    id1 = writer._document_id[0]
    writer._document_id = generic.ArrayObject([id1, generic.ByteStringObject(rng.randbytes(16))])
    out = io.BytesIO()
    FixedTimeSigner(signers.PdfSignatureMetadata(field_name=field_name), signer=signer).sign_pdf(writer, output=out)
    return out.getvalue()


# --- scanning --------------------------------------------------------------------------------------------------

_NOISE: dict[tuple[int, int, int], np.ndarray] = {}
PAD = 96


def _noise_bank(shape: tuple[int, int], channels: int, std: float) -> np.ndarray:
    """A fixed field of gaussian noise (int8, the given std), larger than a page; pages take slices of it at
    seeded offsets, which is much faster than drawing fresh noise for every page."""
    key = (*shape, channels, round(std * 100))
    if key not in _NOISE:
        size = (shape[0] + PAD, shape[1] + PAD) + ((channels,) if channels > 1 else ())
        noise = np.random.default_rng(2023 + shape[0] + channels).standard_normal(size, dtype=np.float32)
        _NOISE[key] = (noise * std).round().clip(-127, 127).astype(np.int8)
    return _NOISE[key]


def _slice(bank: np.ndarray, shape: tuple[int, int], rng: random.Random) -> np.ndarray:
    oy, ox = rng.randrange(PAD), rng.randrange(PAD)
    return bank[oy:oy + shape[0], ox:ox + shape[1]]


def _skewed(pdf: bytes, damage: Damage, rng: random.Random) -> tuple[pdfium.PdfDocument, pdfium.PdfDocument]:
    """Each page turned by a small random angle about its centre (as laid on a scanner glass). pdfium renders
    the turned page directly, which is much faster than turning the bitmap."""
    src = pdfium.PdfDocument(pdf)
    out = pdfium.PdfDocument.new()
    for i in range(len(src)):
        w, h = src.get_page_size(i)
        po = src.page_as_xobject(i, out).as_pageobject()
        angle = rng.uniform(-damage.skew, damage.skew) if damage.skew else 0.0
        po.transform(pdfium.PdfMatrix().translate(-w / 2, -h / 2).rotate(angle).translate(w / 2, h / 2))
        page = out.new_page(w, h)
        page.insert_obj(po)
        page.gen_content()
    return out, src  # the source must outlive the pages that refer to it


def scan_pages(pdf: bytes, damage: Damage, colour: str, rng: random.Random) -> list[Image.Image]:
    """Like samples.generator.scan (paper background, skew, blur, noise, a page turned, JPEG artefacts, black and
    white), but keeps the colour when colour == 'colour'."""
    doc, _src = _skewed(pdf, damage, rng)
    images = []
    for i in range(len(doc)):
        img = doc[i].render(scale=damage.dpi / 72, grayscale=colour != "colour", rev_byteorder=True).to_pil()
        if colour == "colour":
            img = img.convert("RGB")
            paper = [damage.background, damage.background - rng.uniform(0, 4), damage.background - rng.uniform(2, 10)]
            img = img.point([int(v * p / 255) for v in paper for p in range(256)])
        else:
            img = img.convert("L").point([int(damage.background * p / 255) for p in range(256)])
        if damage.blur:  # one box pass with the variance of a gaussian of that sigma
            img = img.filter(ImageFilter.BoxBlur((math.sqrt(1 + 12 * damage.blur ** 2) - 1) / 2))
        if damage.noise:
            arr = np.asarray(img, dtype=np.int16)
            shape = arr.shape[:2]
            if colour == "colour":  # luminance noise shared by the channels plus some colour noise
                arr += _slice(_noise_bank(shape, 1, damage.noise * 0.8), shape, rng)[:, :, None]
                arr += _slice(_noise_bank(shape, 3, damage.noise * 0.6), shape, rng)
            else:
                arr += _slice(_noise_bank(shape, 1, damage.noise), shape, rng)
            img = Image.fromarray(np.clip(arr, 0, 255, out=arr).astype(np.uint8))
        roll = rng.random()
        if roll < damage.upside_down:
            img = img.transpose(Image.Transpose.ROTATE_180)
        elif roll < damage.upside_down + damage.sideways:
            img = img.transpose(Image.Transpose.ROTATE_90 if rng.random() < 0.5 else Image.Transpose.ROTATE_270)
        jpeg = io.BytesIO()
        img.save(jpeg, "JPEG", quality=damage.jpeg_quality)
        img = Image.open(io.BytesIO(jpeg.getvalue()))
        if colour == "bilevel":
            img = img.point(lambda p: 255 if p > 150 else 0).convert("1", dither=Image.Dither.NONE)
        images.append(img)
    return images


def save_pdf(images: list[Image.Image], path: Path, dpi: int) -> None:
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi, creationDate=FIXED_TIME,
                   modDate=FIXED_TIME)


# --- the corpus ------------------------------------------------------------------------------------------------

def produce(plan: Plan, inbox: Path) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Write one file; return its truth_documents rows and its truth_signatures row."""
    rendered = render_fitting(plan)
    drawn_up, state_inh = rendered.drawn_up, rendered.state_inhabitants
    rng = random.Random(f"{plan.seed}:{plan.index}:{plan.level}:scan")
    path = inbox / plan.file
    if plan.trap == "digital_stranger":
        when = dt.datetime.combine(drawn_up, dt.time(10, rng.randrange(60)), dt.timezone(dt.timedelta(hours=1)))
        path.write_bytes(sign_digitally(rendered.pdf, STRANGER, rng, when))
    elif plan.born_digital:
        path.write_bytes(rendered.pdf)
    else:
        damage = DAMAGE[plan.level]
        save_pdf(scan_pages(rendered.pdf, damage, plan.colour, rng), path, damage.dpi)
    m = plan.member
    rows = [{"file": plan.file, "pages": "1-2", "doc_type": "agreement", "municipality": m.municipality,
             "signatory": m.mayor, "date": drawn_up.isoformat(), "amount": f"{contribution(m.inhabitants):.2f}",
             "inhabitants": str(m.inhabitants) if state_inh else "", "signed": "yes" if plan.signed else "no"}]
    if rendered.decision:
        rows.append({"file": plan.file, "pages": "3", **rendered.decision})
    sig = {"file": plan.file, "pages": "1-2", "municipality": m.municipality, "trap": plan.trap,
           "signed": "yes" if plan.signed else "no", "level": plan.level, "layout": plan.layout,
           "colour": plan.colour}
    return rows, sig


def _produce(args: tuple[Plan, Path]) -> tuple[list[dict[str, str]], dict[str, str]]:
    return produce(*args)


def build_signature_corpus(inbox: Path, truth_dir: Path, level: str, count: int = 110, seed: int = 0,
                           jobs: int | None = None) -> None:
    """Write `count` agreement files into `inbox` and their truth into `truth_dir`."""
    if level not in DAMAGE:
        raise ValueError(f"unknown level {level!r}")
    inbox, truth_dir = Path(inbox), Path(truth_dir)
    inbox.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    plans = plan_corpus(count, seed, level)
    jobs = jobs or min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 4)
    work = [(p, inbox) for p in plans]
    if jobs > 1 and len(plans) > 1:
        with multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
                                         ).Pool(jobs) as pool:
            results = pool.map(_produce, work, chunksize=1)
    else:
        results = [_produce(w) for w in work]
    doc_rows = [r for rows, _ in results for r in rows]
    write_truth(doc_rows, truth_dir / "truth_documents.csv")
    with (truth_dir / "truth_signatures.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=SIGNATURE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted((sig for _, sig in results), key=lambda r: r["file"]))


@click.command()
@click.option("--inbox", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--truth", "truth_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--level", type=click.Choice(["office", "poor"]), default="office", show_default=True)
@click.option("--count", type=int, default=110, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--jobs", type=int, default=None, help="worker processes (default: the CPUs, at most 4)")
def main(inbox: Path, truth_dir: Path, level: str, count: int, seed: int, jobs: int | None) -> None:
    """Generate the signature corpus: agreements with known truth about the municipality's signature."""
    started = time.perf_counter()
    build_signature_corpus(inbox, truth_dir, level, count, seed, jobs)
    click.echo(f"{count} agreements ({level}, seed {seed}) in {inbox}, truth in {truth_dir}, "
               f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()

