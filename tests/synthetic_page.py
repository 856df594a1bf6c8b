"""Synthetic signature pages for fast tests: printed words with their boxes (as OCR gives them) and marks drawn
on a colour image at 300 dpi: pen signatures, rules, dotted lines, stamps, logos, paraaf boxes."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw, ImageFont

from pipeline.page_text import assemble, group_lines
from pipeline.schema import Page, Word

DPI = 300
INK_BLACK = (25, 25, 30)
INK_BLUE = (20, 40, 150)
INK_LIGHT = (120, 150, 215)
STAMP_RED = (200, 35, 45)
STAMP_PURPLE = (120, 40, 150)


def px(inches: float) -> int:
    return round(inches * DPI)


class SyntheticPage:
    def __init__(self, paper: tuple[int, int, int] = (250, 250, 247)) -> None:
        self.image = Image.new("RGB", (px(8.27), px(11.69)), paper)
        self.draw = ImageDraw.Draw(self.image)
        self.font = ImageFont.load_default(size=40)  # about 10 pt at 300 dpi
        self.words: list[Word] = []

    def text(self, x: float, y: float, line: str, size: int = 40, colour=INK_BLACK, record: bool = True) -> None:
        font = self.font if size == 40 else ImageFont.load_default(size=size)
        left = px(x)
        for word in line.split():
            box = self.draw.textbbox((left, px(y)), word, font=font)
            self.draw.text((left, px(y)), word, font=font, fill=colour)
            if record:
                self.words.append(Word(word, tuple(float(v) for v in box), 0.92))
            left = box[2] + size // 3

    def rule(self, x: float, y: float, length: float, thickness: int = 4, dotted: bool = False) -> None:
        if not dotted:
            self.draw.rectangle((px(x), px(y), px(x + length), px(y) + thickness - 1), fill=INK_BLACK)
            return
        step = 14
        for left in range(px(x), px(x + length), step):
            self.draw.ellipse((left, px(y), left + 5, px(y) + 5), fill=INK_BLACK)

    def signature(self, x: float, y: float, width: float = 1.4, height: float = 0.5, colour=INK_BLUE,
                  pen: int = 5, seed: int = 1) -> None:
        """A cursive scribble: loops running to the right, with a flourish."""
        rng = random.Random(seed)
        points = []
        loops = rng.randint(4, 7)
        phase = rng.uniform(0, math.pi)
        for i in range(240):
            t = i / 239
            xx = x + width * t + 0.06 * width * math.sin(2 * math.pi * loops * t + phase)
            yy = y + height / 2 - height / 2 * math.sin(2 * math.pi * loops * t * 0.5 + phase) * (0.5 + 0.5 * t)
            points.append((px(xx), px(yy)))
        self.draw.line(points, fill=colour, width=pen, joint="curve")
        self.draw.line([(px(x), px(y + height * 0.9)), (px(x + width * 0.7), px(y + height * 0.75))],
                       fill=colour, width=pen)

    def ring_stamp(self, cx: float, cy: float, radius: float = 0.6, colour=STAMP_RED, rings: int = 2) -> None:
        r = px(radius)
        c = (px(cx), px(cy))
        for k in (0, 14)[:rings]:
            self.draw.ellipse((c[0] - r + k, c[1] - r + k, c[0] + r - k, c[1] + r - k), outline=colour, width=5)
        self.text(cx - radius * 0.7, cy - 0.18, "ONTVANGEN", size=34, colour=colour, record=False)
        self.text(cx - radius * 0.6, cy + 0.02, "12 JAN 2023", size=30, colour=colour, record=False)

    def box_stamp(self, x: float, y: float, colour=STAMP_PURPLE, angle: float = 8.0) -> None:
        stamp = Image.new("RGBA", (px(1.9), px(0.8)), (0, 0, 0, 0))
        d = ImageDraw.Draw(stamp)
        d.rectangle((3, 3, stamp.width - 4, stamp.height - 4), outline=colour, width=6)
        font = ImageFont.load_default(size=36)
        d.text((30, 25), "Platform31 - Post", font=font, fill=colour)
        d.text((30, 120), "ONTVANGEN 16-01-2023", font=font, fill=colour)
        stamp = stamp.rotate(angle, expand=True, resample=Image.BICUBIC)
        self.image.paste(stamp, (px(x), px(y)), stamp)

    def logo(self, x: float, y: float, size: float = 0.9, colour=(110, 110, 110)) -> None:
        """A filled shield with a cross cut out: a municipal emblem."""
        s, ox, oy = px(size), px(x), px(y)
        shield = [(ox, oy), (ox + s, oy), (ox + s, oy + int(s * 0.6)), (ox + s // 2, oy + s), (ox, oy + int(s * 0.6))]
        self.draw.polygon(shield, fill=colour)
        bar = s // 8
        self.draw.rectangle((ox + s // 2 - bar // 2, oy + s // 8, ox + s // 2 + bar // 2, oy + int(s * 0.8)),
                            fill=(250, 250, 247))
        self.draw.rectangle((ox + s // 6, oy + s // 3, ox + s - s // 6, oy + s // 3 + bar), fill=(250, 250, 247))

    def emblem_outline(self, x: float, y: float, size: float = 1.0, colour=INK_BLACK) -> None:
        """A thin-lined symmetric crest: outline, crown points and a circle inside."""
        s, ox, oy = px(size), px(x), px(y)
        shield = [(ox, oy + s // 5), (ox + s // 4, oy), (ox + s // 2, oy + s // 6), (ox + 3 * s // 4, oy),
                  (ox + s, oy + s // 5), (ox + s, oy + int(s * 0.6)), (ox + s // 2, oy + s), (ox, oy + int(s * 0.6)),
                  (ox, oy + s // 5)]
        self.draw.line(shield, fill=colour, width=4, joint="curve")
        r = s // 5
        self.draw.ellipse((ox + s // 2 - r, oy + s // 2 - r, ox + s // 2 + r, oy + s // 2 + r), outline=colour, width=4)

    def paraaf_box(self, x: float, y: float, initials: bool = True) -> None:
        self.text(x, y + 0.1, "Paraaf:")
        bx = x + 0.8
        self.draw.rectangle((px(bx), px(y), px(bx + 0.7), px(y + 0.5)), outline=INK_BLACK, width=3)
        if initials:
            self.signature(bx + 0.12, y + 0.1, width=0.45, height=0.3, colour=INK_BLUE, pen=4, seed=9)

    def page(self, number: int = 2) -> Page:
        lines = group_lines(self.words, tolerance=12)
        text, words, spans = assemble(lines)
        return Page(number, text, words, "ocr", "synthetic", float(self.image.width), float(self.image.height),
                    float(DPI), 0, spans)


def closing(sp: SyntheticPage, municipality: str = "Deventer") -> None:
    sp.text(1.0, 1.0, "3.1 De gemeente betaalt aan Platform31 een bedrag van 0,15 ex BTW per inwoner per jaar.")
    sp.text(1.0, 1.25, "Gebaseerd op gegevens van het CBS met peildatum 1 januari 2022 is dit een totaalbedrag")
    sp.text(1.0, 1.5, "van 15.216,90 ex BTW per jaar.")
    sp.text(1.0, 2.2, f"Aldus in tweevoud opgemaakt te {municipality} op 10 januari 2023")


def two_columns(sp: SyntheticPage, municipality_right: bool = True, names_y: float = 4.0) -> dict[str, tuple]:
    """Platform31 and the municipality side by side, names under the signing space.

    Returns where each party signs: {'municipality': (x, y), 'platform31': (x, y)}.
    """
    closing(sp)
    muni_x, p31_x = (4.6, 1.0) if municipality_right else (1.0, 4.6)
    sp.text(p31_x, names_y, "V. Everhardt")
    sp.text(p31_x, names_y + 0.22, "Directeur-Bestuurder stichting Platform31")
    sp.text(muni_x, names_y, "R.C. König")
    sp.text(muni_x, names_y + 0.22, "burgemeester gemeente Deventer")
    return {"municipality": (muni_x + 0.05, names_y - 0.7), "platform31": (p31_x + 0.05, names_y - 0.7)}


def stacked(sp: SyntheticPage, municipality_first: bool = False) -> dict[str, tuple]:
    """One block above the other, each with a label above and the name under the signing space."""
    closing(sp)
    blocks = [("Namens Platform31,", "V. Everhardt", "directeur-bestuurder", "platform31"),
              ("Namens de gemeente Deventer,", "R.C. König", "burgemeester", "municipality")]
    if municipality_first:
        blocks.reverse()
    where = {}
    y = 3.0
    for label, name, function, party in blocks:
        sp.text(1.0, y, label)
        sp.text(1.0, y + 1.1, name)
        sp.text(1.0, y + 1.32, function)
        where[party] = (1.1, y + 0.35)
        y += 2.2
    return where


def forms(sp: SyntheticPage) -> dict[str, tuple]:
    """Form-like blocks side by side: 'Naam:', 'Functie:', 'Handtekening:' with the signing place after the label.

    The signing places stand close to the gutter, nearer to the other party's lines than to their own.
    """
    closing(sp)
    where = {}
    for party, x, name, function in [("platform31", 1.0, "V. Everhardt", "directeur-bestuurder Platform31"),
                                     ("municipality", 4.4, "R.C. König", "burgemeester van Deventer")]:
        sp.text(x, 3.0, "Naam:")
        sp.text(x + 0.9, 3.0, name)
        sp.text(x, 3.25, "Functie:")
        sp.text(x + 0.9, 3.25, function if party == "municipality" else "directeur-bestuurder")
        sp.text(x, 3.9, "Handtekening:")
        where[party] = (x + 1.45, 3.7)
    sp.text(4.4, 2.7, "De gemeente Deventer")
    sp.text(1.0, 2.7, "Stichting Platform31")
    return where


def headed_stack(sp: SyntheticPage) -> dict[str, tuple]:
    """Each block opened by a heading; the municipality's name under its signing space was not read."""
    closing(sp)
    sp.text(1.0, 3.0, "Namens de gemeente Deventer,")
    sp.text(1.0, 4.3, "Namens Stichting Platform31,")
    sp.text(1.0, 5.4, "V. Everhardt")
    sp.text(1.0, 5.62, "directeur-bestuurder")
    return {"municipality": (1.1, 3.55), "platform31": (1.1, 4.7)}


def opened_once(sp: SyntheticPage) -> dict[str, tuple]:
    """Stacked blocks, Platform31's opened by its name, the municipality's named only below its signing space; an
    article above starts with a block's label word ('Voor de looptijd ... is de gemeente')."""
    sp.text(0.5, 0.5, "1.")  # a list's number, a column of its own
    sp.text(1.2, 0.5, "Voor de looptijd van deze overeenkomst is de gemeente aan")
    sp.text(1.2, 0.72, "Platform31 een vergoeding verschuldigd van 15.216,90 excl. BTW.")
    sp.text(1.0, 2.2, "Getekend te Deventer op 23/01/2023")
    sp.text(1.0, 2.8, "Stichting Platform31")
    sp.text(1.0, 4.0, "de heer V. Everhardt")
    sp.text(1.0, 4.22, "Directeur-bestuurder stichting Platform31")
    sp.text(1.0, 5.9, "R.C. König")
    sp.text(1.0, 6.12, "burgemeester gemeente Deventer")
    return {"platform31": (1.1, 3.3), "municipality": (1.1, 5.2)}


def e_signature_box(sp: SyntheticPage, stamp: tuple[str, ...] = ("Digitaal ondertekend door", "R.C. König",
                                                                  "op 18-01-2023 18:16", "Ondertekend via ValidSign"),
                    ) -> dict[str, tuple]:
    """Side by side; in the municipality's column a signing service's rounded frame, its printed stamp on the
    right and room for the signature image on the left."""
    closing(sp)
    sp.text(1.0, 3.0, "Namens Stichting Platform31")
    sp.text(4.4, 3.0, "Namens de gemeente Deventer")
    sp.draw.rounded_rectangle((px(4.4), px(3.4), px(7.6), px(4.4)), radius=12, outline=(40, 60, 140), width=3)
    for i, line in enumerate(stamp):
        sp.text(6.0, 3.5 + 0.2 * i, line, size=28, colour=(40, 60, 140))
    sp.text(1.0, 4.6, "V. Everhardt")
    sp.text(1.0, 4.82, "directeur-bestuurder")
    sp.text(4.4, 4.6, "R.C. König")
    sp.text(4.4, 4.82, "burgemeester van Deventer")
    return {"municipality": (4.55, 3.6), "platform31": (1.1, 3.8)}


def boxed_forms(sp: SyntheticPage) -> dict[str, tuple]:
    """Each party's block in a box of its own, side by side: heading, 'Naam:', 'Functie:', 'Datum:' and
    'Handtekening:' with room under it for the signature."""
    closing(sp)
    where = {}
    for party, x, heading, name, function in [
            ("municipality", 0.7, "Namens de gemeente Deventer", "R.C. König", "Burgemeester"),
            ("platform31", 4.3, "Namens Stichting Platform31", "V. Everhardt", "Directeur-bestuurder")]:
        sp.draw.rectangle((px(x), px(2.8), px(x + 3.3), px(5.0)), outline=(90, 90, 90), width=3)
        sp.text(x + 0.15, 2.95, heading)
        for i, (label, value) in enumerate([("Naam:", name), ("Functie:", function), ("Datum:", "15-02-2023")]):
            sp.text(x + 0.15, 3.3 + 0.25 * i, label)
            sp.text(x + 1.1, 3.3 + 0.25 * i, value)
        sp.text(x + 0.15, 4.1, "Handtekening:")
        where[party] = (x + 0.4, 4.35)
    return where


def grid_table(sp: SyntheticPage) -> dict[str, tuple]:
    """A ruled table: Partij | Naam en functie | Datum | Handtekening, a row per party, each signature in the
    cell of its row under 'Handtekening' (every cell a closed box of the grid)."""
    closing(sp)
    columns = [1.0, 2.4, 4.3, 5.5, 7.4]
    rows = [3.0, 3.3, 4.3, 5.3]
    for y in rows:
        sp.rule(columns[0], y, columns[-1] - columns[0], 3)
    for x in columns:
        sp.draw.rectangle((px(x), px(rows[0]), px(x) + 2, px(rows[-1])), fill=INK_BLACK)
    for x, head in zip(columns, ["Partij", "Naam en functie", "Datum", "Handtekening"], strict=False):
        sp.text(x + 0.08, rows[0] + 0.07, head)
    where = {}
    for top, (party, who, name, function) in zip(rows[1:3], [
            ("platform31", "Stichting Platform31", "V. Everhardt", "directeur-bestuurder"),
            ("municipality", "Gemeente Deventer", "R.C. König", "burgemeester")], strict=True):
        sp.text(columns[0] + 0.08, top + 0.35, who)
        sp.text(columns[1] + 0.08, top + 0.3, name)
        sp.text(columns[1] + 0.08, top + 0.55, function)
        sp.text(columns[2] + 0.08, top + 0.4, "16-02-2023")
        where[party] = (columns[3] + 0.2, top + 0.25)
    return where


def form_table(sp: SyntheticPage) -> tuple[float, float]:
    """A ruled form filled in by the municipality alone: a label cell and a value cell per row, 'Handtekening'
    the last row, an instruction naming Platform31 under the table. Returns where the signature goes."""
    closing(sp)
    left, middle, right = 1.0, 3.6, 7.3
    rows = [("Gemeente", "Deventer"), ("Naam ondertekenaar", "R.C. König"), ("Functie", "burgemeester"),
            ("Datum ondertekening", "10-01-2023"), ("Handtekening", "")]
    tops = [3.0 + 0.35 * i for i in range(len(rows))] + [3.0 + 0.35 * (len(rows) - 1) + 0.8]
    for y in tops:
        sp.rule(left, y, right - left, 3)
    for x in (left, middle, right):
        sp.draw.rectangle((px(x), px(tops[0]), px(x) + 2, px(tops[-1])), fill=INK_BLACK)
    for (label, value), y in zip(rows, tops, strict=False):
        sp.text(left + 0.08, y + 0.08, label)
        if value:
            sp.text(middle + 0.08, y + 0.08, value)
    sp.text(1.0, tops[-1] + 0.25, "Graag het ingevulde en ondertekende formulier retourneren aan Platform31.")
    return middle + 0.15, tops[-2] + 0.1


def labelled_stack(sp: SyntheticPage) -> dict[str, tuple]:
    """Blocks one above the other as a word processor's form: a heading, then 'Naam', 'Functie', 'Datum' and
    'Handtekening' labels with their values in a second column (each label and value apart on its row)."""
    closing(sp)
    where = {}
    y = 3.0
    for party, heading, name, function, dated in [
            ("platform31", "Namens Stichting Platform31", "V. Everhardt", "directeur-bestuurder", ""),
            ("municipality", "Namens de gemeente Deventer", "R.C. König", "burgemeester", "10 januari 2023")]:
        sp.text(1.0, y, heading)
        for i, (label, value) in enumerate([("Naam", name), ("Functie", function), ("Datum", dated)]):
            sp.text(1.0, y + 0.22 * (i + 1), label)
            if value:
                sp.text(2.3, y + 0.22 * (i + 1), value)
        sp.text(1.0, y + 1.55, "Handtekening")
        where[party] = (2.4, y + 1.0)
        y += 1.98
    return where
