"""Documents of the house-style corpus: each municipality's agreement and memo in its own house style, the G40
cover letter, the covenant and a municipal accompanying letter. Every renderer returns the PDF and the facts it
printed, page by page, from which the truth is taken.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from reportlab.pdfbase.pdfmetrics import stringWidth

from .house_layout import PAGE_H, PAGE_W, Writer, render_twice
from .house_text import (
    AGREEMENT_TITLES,
    ART_CONTENT,
    ART_DURATION,
    ART_INVOICE,
    ART_OTHER,
    ARTICLE_TITLES,
    AUTHORISE_POINTS,
    CLOSING,
    CONVENANT_NAME,
    DATE_STYLES,
    DEC_CLAUSES,
    DECISION_POINTS,
    DEPARTMENTS,
    EUR_STYLES,
    FINAL_POINTS,
    GEM_PARTY,
    KENMERK_FORMATS,
    MANDATE_CLAUSES,
    MEMO_ARG_SECTIONS,
    MEMO_DATE_LABELS,
    MEMO_END_SECTIONS,
    MEMO_EXTRA,
    MEMO_FIN_SECTIONS,
    MEMO_INTRO,
    MEMO_KINDS,
    MEMO_MEETING_LABELS,
    MEMO_SECTIONS,
    MEMO_SUBJECTS,
    MEMO_TITLES,
    MEMO_WHY,
    OLD_RATE,
    OVERWEGINGEN,
    OVERWEGINGEN_HEAD,
    P31_PARTY,
    P31_PEOPLE,
    PORTFOLIOS,
    RAISE,
    RATE,
    Person,
    cents,
    euros,
    fmt_date,
    fmt_eur,
    fmt_eur_round,
    fmt_rate,
    fmt_stamp_date,
    invent_address,
    invent_person,
    kenmerk,
    thousands,
    upper_first,
)
from .signature_marks import (
    INKS,
    RGB,
    STAMP_INKS,
    draw_initials,
    draw_logo,
    draw_paraaf_box,
    draw_signature,
    draw_stamp,
)
from .signature_marks import draw_rule as _draw_rule
from .signature_marks import draw_signature_image as _draw_signature_image

Facts = list[tuple[int, str, str]]


@dataclass
class Member:
    """A municipality as the corpus uses it."""

    name: str
    inhabitants: int
    mayor: Person
    acting: bool = False
    member: bool = True


@dataclass
class Rendered:
    """One rendered document: its PDF, page count and the facts printed on each page (0-based)."""

    doc_type: str
    pdf: bytes
    pages: int
    facts: Facts
    municipality: str = ""


@dataclass
class House:
    """The house style of one municipality: how it lays out and words its documents."""

    name: str
    family: str
    size: float
    margins: tuple[float, float, float, float]
    letterhead: str
    logo_grey: bool
    footer: str
    justify: bool
    title_idx: int
    title_upper: bool
    title_name: bool
    conv_idx: int
    kenmerk: tuple[str, str] | None
    p31_first: bool
    party_list: str
    p31_idx: int
    p31_person: tuple[str, str]
    gem_idx: int
    rep_idx: int
    name_style: str
    sig_name_style: str
    dec_idx: int
    names_decision: bool
    overw_head: int
    overw_idx: int
    marker: str
    art_style: int
    clause_num: str
    dur_idx: int
    content_idx: int
    other_idx: int
    invoice_idx: int | None
    price_idx: int
    eur_style: int
    distractor_total: bool
    distractor_old: bool
    distractor_btw: bool
    date_style: int
    sign_style: int
    sig_layout: str
    gem_left: bool
    label_above: bool
    rule_kind: str
    p31_signed: str
    ink: str
    stamp: bool
    paraaf: bool
    sig_break: bool
    address: tuple[str, str, str]
    memo_kind: str
    memo_title_idx: int
    memo_header: str
    memo_date_style: int
    memo_round: bool
    memo_eur_style: int
    memo_fin_idx: int
    memo_decision: str
    memo_family: str
    memo_size: float
    portfolio_holder: Person
    portfolio: str
    secretary: Person
    author: Person
    department: str
    deputy: Person
    deputy_role: str
    logo_seed: int
    extra: dict[str, int] = field(default_factory=dict)


def make_house(m: Member, rng: random.Random) -> House:
    """Pick a house style for a municipality."""
    family = rng.choices(["Helvetica", "Times", "Courier"], [5, 3, 1])[0]
    size = {"Helvetica": rng.choice([9.5, 10, 10.5, 11]), "Times": rng.choice([10.5, 11, 11.5, 12]),
            "Courier": rng.choice([9, 9.5, 10])}[family]
    side = rng.choice([56.0, 64.0, 72.0, 80.0])
    mayor_title = rng.choice(["", "", "", "mr.", "drs.", "dr.", "ir."])
    mayor_post = rng.choice(["", "", "", "", "MSc", "MBA"]) if not mayor_title else ""
    m.mayor = m.mayor.with_titles(mayor_title, mayor_post)
    return House(
        name=m.name,
        family=family,
        size=size,
        margins=(side, side, rng.choice([60.0, 70.0, 80.0]), rng.choice([60.0, 72.0])),
        letterhead=rng.choice(["none", "logo_left", "logo_right", "text", "p31", "logo_left"]),
        logo_grey=rng.random() < 0.4,
        footer=rng.choice(["none", "page", "page_of", "ref_page", "paraaf", "page_of"]),
        justify=rng.random() < 0.4,
        title_idx=rng.randrange(len(AGREEMENT_TITLES)),
        title_upper=rng.random() < 0.35,
        title_name=rng.random() < 0.5,
        conv_idx=rng.randrange(len(CONVENANT_NAME)),
        kenmerk=kenmerk(rng, rng.randrange(len(KENMERK_FORMATS))) if rng.random() < 0.6 else None,
        p31_first=rng.random() < 0.7,
        party_list=rng.choice(["numbered", "plain", "ondergetekenden", "plain"]),
        p31_idx=rng.randrange(len(P31_PARTY)),
        p31_person=rng.choice(P31_PEOPLE),
        gem_idx=rng.randrange(len(GEM_PARTY)),
        rep_idx=rng.randrange(5),
        name_style=rng.choice(["initials", "full", "title", "dhr", "dhr_title", "post"]),
        sig_name_style=rng.choice(["initials", "full", "title", "initials"]),
        dec_idx=rng.randrange(len(DEC_CLAUSES)),
        names_decision=rng.random() < 0.55,
        overw_head=rng.randrange(len(OVERWEGINGEN_HEAD)),
        overw_idx=rng.randrange(len(OVERWEGINGEN)),
        marker=rng.choice(["•", "-", "a.", "–", "•"]),
        art_style=rng.randrange(5),
        clause_num=rng.choice(["dotted", "plain", "none", "dotted"]),
        dur_idx=rng.randrange(len(ART_DURATION)),
        content_idx=rng.randrange(len(ART_CONTENT)),
        other_idx=rng.randrange(len(ART_OTHER)),
        invoice_idx=rng.randrange(len(ART_INVOICE)) if rng.random() < 0.4 else None,
        price_idx=rng.randrange(6),
        eur_style=rng.randrange(EUR_STYLES),
        distractor_total=rng.random() < 0.3,
        distractor_old=rng.random() < 0.3,
        distractor_btw=rng.random() < 0.15,
        date_style=rng.randrange(DATE_STYLES),
        sign_style=rng.randrange(6),
        sig_layout=rng.choice(["columns", "columns", "stacked"]),
        gem_left=rng.random() < 0.4,
        label_above=rng.random() < 0.5,
        rule_kind=rng.choice(["rule", "dots", "dashed", "rule", "none"]),
        p31_signed=rng.choice(["hand", "image", "blank", "blank"]),
        ink=rng.choice(["dark_blue", "blue", "black", "dark_blue", "light_blue"]),
        stamp=rng.random() < 0.3,
        paraaf=rng.random() < 0.25,
        sig_break=rng.random() < 0.3,
        address=invent_address(rng, m.name),
        memo_kind=rng.choice(MEMO_KINDS),
        memo_title_idx=rng.randrange(3),
        memo_header=rng.choice(["grid", "kv", "plain_grid"]),
        memo_date_style=rng.randrange(DATE_STYLES),
        memo_round=rng.random() < 0.55,
        memo_eur_style=rng.randrange(5),
        memo_fin_idx=rng.randrange(4),
        memo_decision=rng.choice(["box", "stamp", "line", "header"]),
        memo_family=rng.choice(["Helvetica", "Helvetica", "Times", family]),
        memo_size=rng.choice([9.5, 10, 10.5]),
        portfolio_holder=invent_person(rng),
        portfolio=rng.choice(PORTFOLIOS),
        secretary=invent_person(rng),
        author=invent_person(rng),
        department=rng.choice(DEPARTMENTS),
        deputy=invent_person(rng),
        deputy_role=rng.choice(["wethouder", "loco"]),
        logo_seed=rng.randrange(10**6),
        extra={"calc_header": rng.randrange(2), "calc_grid": int(rng.random() < 0.6), "center": rng.randrange(2),
               "sub_bold": rng.randrange(2), "gem_label": rng.randrange(2), "role_case": rng.randrange(2),
               "memo_extra": rng.randint(0, 5)},
    )


@dataclass
class AgreementSpec:
    """What one agreement says: who signs, when, for how much."""

    signer: Person
    role: str  # burgemeester, waarnemend burgemeester, loco-burgemeester, wethouder
    amount: Decimal
    inhabitants: int
    rate: Decimal
    decision: date
    signing: date | None
    signed: bool = True
    name_decision: bool = False
    sig_break: bool = False
    portfolio: str = ""
    sign_mode: str = "hand"  # 'hand' (pen strokes) or 'image' (a pasted signature image, born-digital)


@dataclass
class MemoSpec:
    """What one memo says."""

    inhabitants: int
    decision: date | None
    memo_date: date
    kind: str = ""


# --- shared page furniture -------------------------------------------------------------------------------------

def _letterhead(w: Writer, h: House, rng: random.Random, memo: bool = False) -> None:
    """Municipal or Platform31 letterhead at the top of the first page."""
    c = w.c
    kind = h.letterhead if not memo else ("logo_left" if h.letterhead in ("none", "p31") else h.letterhead)
    top = PAGE_H - 36
    logo_rng = random.Random(h.logo_seed)
    if kind in ("logo_left", "logo_right"):
        size = 46
        if kind == "logo_left":
            draw_logo(c, logo_rng, w.left, top - size, size, h.logo_grey, name=h.name)
        else:
            draw_logo(c, logo_rng, PAGE_W - w.right - 190, top - size, size, h.logo_grey, name=h.name)
        c.setFont(w.reg, 7.5)
        street, pc, box = h.address
        x = PAGE_W - w.right if kind == "logo_left" else w.left
        lines = [street, f"{pc} {h.name}", box, f"www.{h.name.lower().replace(' ', '').replace(chr(39), '')}.nl"]
        for k, line in enumerate(lines):
            if kind == "logo_left":
                c.drawRightString(x, top - 10 - k * 9, line)
            else:
                c.drawString(x, top - 10 - k * 9, line)
        w.y = min(w.y, top - size - 22)
    elif kind == "text":
        c.setFont(w.bold, 16)
        c.drawString(w.left, top - 16, f"Gemeente {h.name}")
        c.setFont(w.reg, 7.5)
        street, pc, _box = h.address
        c.drawString(w.left, top - 28, f"{street}  ·  {pc} {h.name}  ·  telefoon 14 0{rng.randint(100, 999)}")
        c.setLineWidth(0.8)
        c.line(w.left, top - 34, PAGE_W - w.right, top - 34)
        w.y = min(w.y, top - 50)
    elif kind == "p31":
        c.setFont("Helvetica-Bold", 15)
        c.drawRightString(PAGE_W - w.right, top - 14, "Platform31")
        c.setFont("Helvetica", 7)
        c.drawRightString(PAGE_W - w.right, top - 24, "Koningin Julianaplein 10 · 2595 AA Den Haag · platform31.nl")
        w.y = min(w.y, top - 44)


def _footer_fn(h: House, rng: random.Random, label: str,
               initials_ink: tuple[float, float, float] | None) -> Callable[[Writer], None]:
    """The house footer: page numbers, a reference line or paraaf boxes."""
    def footer(w: Writer) -> None:
        c = w.c
        y = 34.0
        n = w.page + 1
        total = w.total or 0
        c.setFont(w.reg, 8)
        if h.footer == "page":
            c.drawCentredString(PAGE_W / 2, y, f"- {n} -")
        elif h.footer == "page_of":
            c.drawRightString(PAGE_W - w.right, y, f"Pagina {n} van {total}" if total else f"Pagina {n}")
        elif h.footer == "ref_page":
            ref = f" | {h.kenmerk[1]}" if h.kenmerk else ""
            c.drawString(w.left, y, f"{label}{ref}")
            c.drawRightString(PAGE_W - w.right, y, f"blz. {n}/{total}" if total else f"blz. {n}")
        elif h.footer == "paraaf":
            draw_paraaf_box(c, w.left + 90, y - 6, 46, 22, "Paraaf gemeente:", w.reg, 8)
            draw_paraaf_box(c, w.left + 250, y - 6, 46, 22, "Paraaf Platform31:", w.reg, 8)
            c.setFont(w.reg, 8)
            c.drawRightString(PAGE_W - w.right, y, f"{n}/{total}" if total else str(n))
            if initials_ink is not None and (not total or n < total):
                draw_initials(c, rng, w.left + 94, y - 4, 38, 18, initials_ink)
    return footer


def _received_stamp(w: Writer, h: House, rng: random.Random, when: date, word: str = "ONTVANGEN",
                    org: str = "") -> None:
    ink = STAMP_INKS[rng.choice(list(STAMP_INKS))]
    cx = PAGE_W - w.right - rng.uniform(60, 140)
    cy = w.y - 40
    draw_stamp(w.c, rng, cx, cy, (word, fmt_stamp_date(when, rng.randrange(3)), org or f"gemeente {h.name}"), ink,
               kind=rng.choice(["rect", "rect", "round"]), angle=rng.uniform(-8, 8), scale=rng.uniform(0.75, 0.9))
    w.y -= 84


# --- the agreement ---------------------------------------------------------------------------------------------

ROLE_WORDS = {"burgemeester": "burgemeester", "waarnemend burgemeester": "waarnemend burgemeester",
              "loco-burgemeester": "loco-burgemeester", "wethouder": "wethouder"}


def _rep(h: House, spec: AgreementSpec) -> str:
    name = spec.signer.printed(h.name_style)
    role = ROLE_WORDS[spec.role]
    if spec.role == "wethouder" and spec.portfolio and h.rep_idx % 2:
        role = f"wethouder {spec.portfolio}"
    forms = [f"{role} {name}", f"de {role}, {name}", f"{name}, {role}", f"de {role} van {h.name}, {name}",
             f"haar {role}, {name}"]
    text = forms[h.rep_idx % len(forms)]
    if spec.role == "wethouder":
        text += MANDATE_CLAUSES[h.rep_idx % len(MANDATE_CLAUSES)]
    return text


def _article_head(w: Writer, h: House, n: int, key: str) -> None:
    title = ARTICLE_TITLES[key][(h.title_idx + h.art_style) % len(ARTICLE_TITLES[key])]
    style = h.art_style
    if style == 0:
        w.heading(f"Artikel {n} {title}", size=w.size + 0.5)
    elif style == 1:
        w.heading(f"Artikel {n} – {title}", size=w.size + 0.5)
    elif style == 2:
        w.heading(f"{n}. {title}", size=w.size + 0.5)
    elif style == 3:
        w.heading(f"ARTIKEL {n}", size=w.size)
        w.para(title.upper() if h.title_upper else title, italic=True, after=2)
    else:
        w.heading(f"Art. {n}  {title}", size=w.size + 0.5, underline=True)


def _clauses(w: Writer, h: House, n: int, clauses: list[str]) -> None:
    align = "justify" if h.justify else "left"
    for k, text in enumerate(clauses):
        if h.clause_num == "dotted":
            w.para(text, indent=30, hang=f"{n}.{k + 1}", align=align)
        elif h.clause_num == "plain":
            w.para(text, indent=22, hang=f"{k + 1}.", align=align)
        else:
            w.para(text, align=align)


def _price(w: Writer, h: House, spec: AgreementSpec) -> list[str]:
    """The price article's clauses; tables are drawn directly and return no clause."""
    a = fmt_eur(spec.amount, h.eur_style)
    r = fmt_rate(spec.rate, h.eur_style)
    n = thousands(spec.inhabitants)
    idx = h.price_idx
    out: list[str]
    if idx == 0:
        out = [f"De gemeente betaalt aan Platform31 een bedrag van {r} ex BTW per inwoner per jaar. Gebaseerd op "
               f"gegevens van het CBS met peildatum 1 januari 2022 is dit een totaalbedrag van {a} ex BTW per jaar."]
    elif idx == 1:
        out = [f"De jaarlijkse bijdrage van de gemeente bedraagt {a} (exclusief btw), zijnde {r} per inwoner bij "
               f"{n} inwoners volgens het CBS op 1 januari 2022."]
        w.fact("inhabitants", str(spec.inhabitants))
    elif idx == 2:
        out = [f"Voor de looptijd van deze overeenkomst is de gemeente aan Platform31 een vaste jaarlijkse "
               f"vergoeding verschuldigd van {a} excl. BTW.",
               f"Deze vergoeding is berekend op basis van een tarief van {r} per inwoner (CBS, peildatum "
               f"1 januari 2022) en wordt gedurende de looptijd niet geïndexeerd."]
    elif idx == 3:
        out = [f"De gemeente draagt per kalenderjaar {a} bij, exclusief omzetbelasting, gebaseerd op {r} per "
               f"inwoner (peildatum 1 januari 2022)."]
    elif idx == 4:
        out = [f"Platform31 brengt de gemeente jaarlijks {a} ex BTW in rekening ({n} inwoners x {r}).",
               "Het aantal inwoners is ontleend aan de CBS-statistiek met peildatum 1 januari 2022."]
        w.fact("inhabitants", str(spec.inhabitants))
    else:
        w.para("De gemeente betaalt Platform31 jaarlijks de volgende bijdrage (exclusief btw):",
               align="justify" if h.justify else "left")
        rows = [["Aantal inwoners (CBS, 1 januari 2022)", n], ["Tarief per inwoner per jaar", r],
                ["Bijdrage per jaar", a]]
        if h.extra.get("calc_header"):
            rows.insert(0, ["Berekening", "Bedrag"])
        w.ensure(w.lead * 8)
        w.fact("inhabitants", str(spec.inhabitants))
        w.fact("amount", str(cents(spec.amount)))
        w.table(rows, [w.width * 0.55, w.width * 0.3], grid=bool(h.extra.get("calc_grid", 1)),
                header=bool(h.extra.get("calc_header")), shade=True, right_cols=(1,))
        out = []
    if idx != 5:
        w.fact("amount", str(cents(spec.amount)))
    if h.distractor_total:
        out.append(f"Over de gehele looptijd van vijf jaar bedraagt de bijdrage daarmee "
                   f"{fmt_eur(spec.amount * 5, h.eur_style)}.")
    if h.distractor_old:
        out.append(f"In de vorige convenantsperiode bedroeg het tarief {fmt_rate(OLD_RATE, h.eur_style)} per "
                   f"inwoner; de verhoging bedraagt {fmt_rate(RAISE, h.eur_style)} per inwoner.")
    if h.distractor_btw:
        out.append(f"Vermeerderd met 21% btw komt dit op {fmt_eur(cents(spec.amount * Decimal('1.21')), 0)} "
                   f"per jaar.")
    return out


def _title(w: Writer, h: House, rng: random.Random) -> None:
    main, sub = AGREEMENT_TITLES[h.title_idx]
    conv = CONVENANT_NAME[h.conv_idx]
    main = main.format(m=h.name)
    sub = sub.format(m=h.name, conv=conv)
    if h.title_upper:
        main = main.upper()
    size = w.size + rng.choice([3, 4, 6])
    w.para(main, bold=True, size=size, align="center" if h.extra.get("center") else "left", after=4)
    if sub:
        w.para(sub, bold=h.extra.get("sub_bold", 0) == 1, size=w.size + 1,
               align="center" if h.extra.get("center") else "left", after=4)
    if h.title_name and "gemeente" not in (main + sub).lower():
        w.para(f"gemeente {h.name}" if not h.title_upper else f"GEMEENTE {h.name.upper()}", bold=True,
               size=w.size + 1, align="center" if h.extra.get("center") else "left", after=4)
    if h.name in main + sub or h.title_name:
        w.fact("municipality", h.name)
    if h.kenmerk:
        w.para(f"{h.kenmerk[0]}: {h.kenmerk[1]}", size=w.size - 1)
    w.space(w.size * 0.8)


def _parties(w: Writer, h: House, spec: AgreementSpec) -> None:
    p31 = P31_PARTY[h.p31_idx].format(p31=h.p31_person[0])
    street, pc, _box = h.address
    dec = ""
    if spec.name_decision:
        dec = DEC_CLAUSES[h.dec_idx].format(d=fmt_date(spec.decision, h.date_style))
        w.fact("decision_date", spec.decision.isoformat())
    gem = GEM_PARTY[h.gem_idx].format(m=h.name, addr=street, pc=pc, rep=_rep(h, spec), dec=dec)
    gem = upper_first(gem) if h.party_list != "numbered" else gem
    parties = [p31, gem] if h.p31_first else [gem, p31]
    align = "justify" if h.justify else "left"
    if h.party_list == "ondergetekenden":
        w.para("De ondergetekenden:", bold=True)
    w.fact("municipality", h.name)
    w.fact("signatory", spec.signer.truth)
    if h.party_list in ("numbered", "ondergetekenden"):
        for k, text in enumerate(parties):
            w.para(text + (";" if k == 0 else ","), indent=20, hang=f"{k + 1}.", align=align)
        w.para("hierna gezamenlijk te noemen: partijen," if h.party_list == "numbered"
               else "komen als volgt overeen, na te hebben overwogen:", after=8)
    else:
        w.para(parties[0], align=align)
        w.para("en", after=6)
        w.para(parties[1], align=align)
        w.para("gezamenlijk ook aangeduid als de partijen", after=8)


def _signature_block(w: Writer, h: House, rng: random.Random, x: float, top: float, bw: float, above: list[str],
                     below: list[str], sign: str, ink: tuple[float, float, float], date_note: str = "") -> float:
    """One signature block: label lines, room for the hand, a rule, name lines. A handwritten date goes after
    the 'Datum:' label. Returns the block's bottom y."""
    c = w.c
    y = top
    for line in above:
        y -= w.lead
        c.setFont(w.reg, w.size)
        c.drawString(x, y, line)
        if date_note and line.startswith("Datum"):
            c.saveState()
            c.setFillColorRGB(*ink)
            c.setFont(rng.choice(["Helvetica-Oblique", "Times-Italic", "Courier-Oblique"]), w.size + 1.5)
            c.translate(x + stringWidth(line, w.reg, w.size) + 8, y + rng.uniform(-1, 3))
            c.rotate(rng.uniform(-5, 4))
            c.drawString(0, 0, date_note)
            c.restoreState()
    rule_y = y - 58
    if sign == "hand":
        draw_signature(c, rng, x + rng.uniform(0, 30), rule_y - rng.uniform(4, 10), min(bw - 40, 150),
                       rng.uniform(34, 50), ink)
    elif sign == "image":
        _draw_signature_image(c, rng, x + 10, rule_y - 2, min(bw - 50, 130), 36, ink)
    if h.rule_kind != "none":
        _draw_rule(c, x, x + min(bw - 20, 200), rule_y, h.rule_kind, rng, w.reg, w.size)
    y = rule_y - 4
    for line in below:
        y -= w.lead
        c.setFont(w.reg, w.size)
        c.drawString(x, y, line)
    return y


def _signatures(w: Writer, h: House, rng: random.Random, spec: AgreementSpec) -> None:
    """Closing formula, signing place and date, and the two signature blocks, kept on one page."""
    m = h.name
    ink = INKS[h.ink]
    sig_date = fmt_date(spec.signing, h.date_style) if spec.signing else ""
    closing = CLOSING[(h.sign_style + h.title_idx) % len(CLOSING)]
    style = h.sign_style
    dots = "...................."
    gem_extra_above: list[str] = []
    gem_extra_below: list[str] = []
    p31_extra_above: list[str] = []
    handwritten = ""
    named_decision = False
    if style == 0:
        lead_text = f"{closing} te {m} op {sig_date or dots}"
    elif style == 1:
        lead_text = f"{closing},"
        gem_extra_above = [f"Plaats: {m}", f"Datum: {sig_date or dots}"]
        p31_extra_above = ["Plaats: Den Haag", f"Datum: {dots}"]
    elif style == 2:
        lead_text = f"{closing}:"
        gem_extra_above = [f"{m}, {sig_date or dots}"]
        p31_extra_above = [f"Den Haag, {dots}"]
    elif style == 3:
        lead_text = f"{closing}."
        gem_extra_below = [f"Datum ondertekening: {sig_date or dots}"]
    elif style == 4:
        lead_text = f"{closing} ter uitvoering van het collegebesluit van {fmt_date(spec.decision, h.date_style)}."
        named_decision = True
        gem_extra_above = ["Datum:"]
        if spec.signing and spec.signed:
            handwritten = fmt_date(spec.signing, rng.choice([2, 3, 5]))
        elif spec.signing:
            gem_extra_above = [f"Datum: {sig_date}"]
    else:
        lead_text = f"Getekend te {m} op {sig_date or dots}"
    role = ROLE_WORDS[spec.role]
    name = spec.signer.printed(h.sig_name_style)
    if spec.role == "wethouder":
        above = [f"Namens de gemeente {m},", "de burgemeester,", "namens deze,",
                 f"de wethouder{' van ' + spec.portfolio if spec.portfolio else ''},"]
        below = [name]
    elif h.label_above:
        above = [f"Namens de gemeente {m},", f"de {role},"]
        below = [name]
    else:
        above = [f"Voor de gemeente {m}"] if h.extra.get("gem_label", 1) else []
        below = [name, f"{upper_first(role)} van {m}" if h.extra.get("role_case") else f"{role} gemeente {m}"]
    above = gem_extra_above + above
    below = below + gem_extra_below
    p31_name, p31_role = h.p31_person
    if h.label_above:
        p_above = ["Namens Stichting Platform31,", f"de {p31_role},"]
        p_below = [p31_name]
    else:
        p_above = [rng.choice(["Voor Platform31", "Stichting Platform31", "Namens Platform31"])]
        p_below = [p31_name, f"{upper_first(p31_role)} stichting Platform31"]
    p_above = p31_extra_above + p_above

    def height(a: list[str], b: list[str]) -> float:
        return (len(a) + len(b)) * w.lead + 66

    if h.sig_layout == "columns":
        need = max(height(above, below), height(p_above, p_below))
    else:
        need = height(above, below) + height(p_above, p_below) + 16
    if spec.sig_break:
        w.new_page()
    w.ensure(need + w.lead * 3 + 10)
    w.para(lead_text, after=8)
    if named_decision:
        w.fact("decision_date", spec.decision.isoformat())
    if spec.signing and (sig_date or handwritten):
        w.fact("signing_date", spec.signing.isoformat())
    gem_sign = spec.sign_mode if spec.signed else ""
    p31_sign = "" if h.p31_signed == "blank" else h.p31_signed
    w.fact("municipality", m)
    w.fact("signatory", spec.signer.truth)
    if spec.signed:
        w.fact("signed", "yes")
    top = w.y - 6
    if h.sig_layout == "columns":
        bw = w.width / 2 - 10
        xs = (w.left, w.left + w.width / 2 + 10)
        gx, px = (xs[0], xs[1]) if h.gem_left else (xs[1], xs[0])
        b1 = _signature_block(w, h, rng, gx, top, bw, above, below, gem_sign, ink, handwritten)
        b2 = _signature_block(w, h, rng, px, top, bw, p_above, p_below, p31_sign, INKS["black"])
        w.y = min(b1, b2) - 10
    else:
        gem = (above, below, gem_sign, ink, handwritten)
        p31 = (p_above, p_below, p31_sign, INKS["black"], "")
        first, second = (gem, p31) if h.gem_left else (p31, gem)
        y1 = _signature_block(w, h, rng, w.left, top, w.width, *first)
        y2 = _signature_block(w, h, rng, w.left, y1 - 16, w.width, *second)
        w.y = y2 - 10


def render_agreement(h: House, spec: AgreementSpec, seed: str, received: date | None = None) -> Rendered:
    """The agreement in the house style of h."""
    ml, mr, mt, mb = h.margins
    label = f"Samenwerkingsovereenkomst Platform31 – gemeente {h.name}"

    def make(total: int | None) -> Writer:
        rng = random.Random(seed)
        initials_ink = INKS[h.ink] if (spec.signed and h.paraaf) else None
        w = Writer(family=h.family, size=h.size, left=ml, right=mr, top=mt, bottom=max(mb, 66.0), total=total,
                   footer=_footer_fn(h, rng, label, initials_ink))
        _letterhead(w, h, rng)
        if received is not None and h.stamp:
            _received_stamp(w, h, rng, received)
        _title(w, h, rng)
        _parties(w, h, spec)
        w.para(OVERWEGINGEN_HEAD[h.overw_head], bold=h.overw_head != 4)
        w.bullets(OVERWEGINGEN[h.overw_idx], h.marker, justify=h.justify)
        w.para(["Partijen komen daarbij het navolgende overeen:", "Komen het volgende overeen:",
                "Partijen komen als volgt overeen:", "zijn het volgende overeengekomen:"][h.art_style % 4],
               bold=h.art_style == 3, after=6)
        n = 1
        _article_head(w, h, n, "duration")
        _clauses(w, h, n, ART_DURATION[h.dur_idx])
        n += 1
        _article_head(w, h, n, "content")
        _clauses(w, h, n, ART_CONTENT[h.content_idx])
        n += 1
        _article_head(w, h, n, "price")
        _clauses(w, h, n, _price(w, h, spec))
        if h.invoice_idx is not None:
            n += 1
            _article_head(w, h, n, "invoice")
            _clauses(w, h, n, [ART_INVOICE[h.invoice_idx]])
        n += 1
        _article_head(w, h, n, "other")
        _clauses(w, h, n, ART_OTHER[h.other_idx])
        w.space(w.size)
        _signatures(w, h, rng, spec)
        return w

    pdf, pages, facts = render_twice(make)
    return Rendered("agreement", pdf, pages, facts, h.name)


# --- the memo ----------------------------------------------------------------------------------------------------

def _memo_amount(h: House, value: Decimal) -> tuple[str, Decimal]:
    """The contribution as this house's memo writes it, and the value that text states."""
    if h.memo_round:
        return fmt_eur_round(value, h.memo_eur_style), euros(value).quantize(Decimal("0.01"))
    return fmt_eur(value, h.memo_eur_style), cents(value)


def _memo_finance(w: Writer, h: House, spec: MemoSpec, rng: random.Random) -> None:
    m = h.name
    n = spec.inhabitants
    amount = cents(n * RATE)
    a, stated = _memo_amount(h, amount)
    raise_amt = fmt_eur_round(n * RAISE, h.memo_eur_style)
    r15 = fmt_rate(RATE, h.memo_eur_style)
    r02 = fmt_rate(RAISE, h.memo_eur_style)
    w.heading(MEMO_FIN_SECTIONS[h.memo_fin_idx % len(MEMO_FIN_SECTIONS)])
    align = "justify" if h.justify else "left"
    w.fact("inhabitants", str(n))
    w.fact("amount", str(stated))
    if h.memo_fin_idx == 0:
        w.para(f"Gedurende de convenantsperiode is de (gefixeerde) bijdrage per stad {r15} per inwoner per jaar "
               f"(CBS peildatum 1 januari 2022). Dat is een verhoging met {r02} ten opzichte van de huidige "
               f"bijdrage.", align=align)
        w.para(f"Voor {m} betekent dit het volgende. Het aantal inwoners van {m} was op peildatum 1 januari 2022 "
               f"volgens het CBS {thousands(n)} inwoners. Daarmee komt de bijdrage aan P31 op {a}. Dit is een "
               f"verhoging van {raise_amt} (13,33%). Tot 2028 wordt de contributie niet verhoogd.", align=align)
    elif h.memo_fin_idx == 1:
        old_n = int(n * rng.uniform(0.93, 0.985))
        old = fmt_eur_round(old_n * OLD_RATE, h.memo_eur_style) if h.memo_round else fmt_eur(
            cents(old_n * OLD_RATE), h.memo_eur_style)
        w.para("De bijdrage is gebaseerd op het aantal inwoners volgens het CBS. De vergelijking met de vorige "
               "convenantsperiode is als volgt:", align=align)
        w.ensure(w.lead * 6)
        w.table([["", "2018 t/m 2022", "2023 t/m 2027"],
                 ["Tarief per inwoner", fmt_rate(OLD_RATE, h.memo_eur_style), r15],
                 ["Aantal inwoners (peildatum)", f"{thousands(old_n)} (1-1-2017)", f"{thousands(n)} (1-1-2022)"],
                 ["Bijdrage per jaar", old, a]],
                [w.width * 0.4, w.width * 0.28, w.width * 0.28], grid=h.memo_header != "kv", header=True,
                shade=h.memo_header == "grid", right_cols=(1, 2))
        w.para(f"De jaarlijkse bijdrage van {a} past binnen het bestaande budget voor lidmaatschappen.", align=align)
    elif h.memo_fin_idx == 2:
        w.para(f"De kosten bedragen jaarlijks {a} ({thousands(n)} inwoners × {r15}) en worden gedekt uit het "
               f"budget G40 (kostenplaats {rng.randint(6100000, 6999999)}). Over de gehele looptijd van vijf jaar "
               f"gaat het om {fmt_eur_round(amount * 5, h.memo_eur_style)}.", align=align)
    else:
        w.para(f"Met {thousands(n)} inwoners (CBS, 1 januari 2022) komt de jaarlijkse contributie uit op {a}, een "
               f"stijging van {raise_amt} ten opzichte van de huidige bijdrage van {fmt_rate(OLD_RATE, 0)} per "
               f"inwoner. Deze stijging kan binnen de begroting worden opgevangen.", align=align)


def _memo_header(w: Writer, h: House, spec: MemoSpec, rng: random.Random, subject: str, zaak: str) -> None:
    d_memo = fmt_date(spec.memo_date, h.memo_date_style)
    meeting = fmt_date(spec.decision, h.memo_date_style) if spec.decision else ""
    meeting_label = MEMO_MEETING_LABELS[h.logo_seed % len(MEMO_MEETING_LABELS)]
    holder = f"{h.portfolio_holder.printed('initials')} ({h.portfolio})"
    rows = [["Onderwerp", subject], ["Zaaknummer", zaak], ["Portefeuillehouder", holder],
            ["Afdeling", h.department], ["Opsteller", h.author.printed("initials")],
            [MEMO_DATE_LABELS[h.logo_seed % len(MEMO_DATE_LABELS)], d_memo]]
    if h.memo_decision == "header" or rng.random() < 0.5:
        rows.append([meeting_label, meeting or ""])
        if spec.decision:
            w.fact("decision_date", spec.decision.isoformat())
    if h.memo_header in ("grid", "plain_grid"):
        w.table(rows, [w.width * 0.3, w.width * 0.7], grid=True, bold_col0=h.memo_header == "grid",
                shade=False)
    else:
        for label, value in rows:
            w.kv(f"{label}:", value, label_w=125)
        w.space(w.size)


def _decision_end(w: Writer, h: House, spec: MemoSpec, rng: random.Random) -> None:
    style = h.memo_decision
    d = spec.decision
    ds = fmt_date(d, h.memo_date_style) if d else ""
    if style == "box":
        w.ensure(w.lead * 6)
        w.space(6)
        w.table([["Besluit college van B&W", "Conform advies" if d else ""],
                 ["Datum besluit", ds or "…………………"],
                 ["Paraaf secretaris", ""]], [w.width * 0.4, w.width * 0.4], grid=True, bold_col0=True)
        if d:
            w.fact("decision_date", d.isoformat())
            draw_initials(w.c, rng, w.left + w.width * 0.45, w.y + w.size * 0.6 + 3, 44, 12, INKS["black"])
    elif style == "stamp" and d:
        w.ensure(90)
        word = rng.choice(["BESLOTEN", "CONFORM", "AKKOORD"])
        draw_stamp(w.c, rng, w.left + 120, w.y - 45, (word, fmt_stamp_date(d, rng.randrange(3)),
                                                     f"college van B&W {h.name}"),
                   STAMP_INKS[rng.choice(["red", "purple"])], kind="rect", angle=rng.uniform(-6, 6))
        w.fact("decision_date", d.isoformat())
        w.space(95)
    elif style == "line" and d:
        w.para(f"Besloten in de collegevergadering van {ds}: conform voorstel.", bold=True)
        w.fact("decision_date", d.isoformat())


def _memo_body(w: Writer, h: House, spec: MemoSpec, rng: random.Random) -> None:
    m = h.name
    align = "justify" if h.justify else "left"
    w.heading(rng.choice(["Voorgesteld besluit", "Besluit", "Het college besluit", "Voorstel"]))
    points = [DECISION_POINTS[h.memo_fin_idx % len(DECISION_POINTS)].format(m=m),
              AUTHORISE_POINTS[h.logo_seed % len(AUTHORISE_POINTS)],
              FINAL_POINTS[h.memo_title_idx % len(FINAL_POINTS)]]
    w.bullets(points, "1.", indent=20)
    w.heading(MEMO_SECTIONS[h.memo_title_idx % len(MEMO_SECTIONS)])
    w.para(MEMO_INTRO[h.logo_seed % len(MEMO_INTRO)].format(m=m), align=align)
    w.heading(MEMO_ARG_SECTIONS[h.memo_fin_idx % len(MEMO_ARG_SECTIONS)])
    for k in rng.sample(range(len(MEMO_WHY)), 2):
        w.para(MEMO_WHY[k], align=align)
    extra = sorted(rng.sample(range(len(MEMO_EXTRA)), h.extra.get("memo_extra", 2)))
    for k in extra[:2]:
        w.heading(MEMO_EXTRA[k][0])
        w.para(MEMO_EXTRA[k][1], align=align)
    _memo_finance(w, h, spec, rng)
    for k in extra[2:]:
        w.heading(MEMO_EXTRA[k][0])
        w.para(MEMO_EXTRA[k][1], align=align)
    title, text = MEMO_END_SECTIONS[h.logo_seed % len(MEMO_END_SECTIONS)]
    w.heading(title)
    w.para(text, align=align)


def render_memo(h: House, mayor: Person, spec: MemoSpec, seed: str) -> Rendered:
    """The college decision memo in the house style of h (kind from spec or house)."""
    kind = spec.kind or h.memo_kind
    ml, mr, mt, _mb = h.margins

    def make(total: int | None) -> Writer:
        rng = random.Random(seed)
        w = Writer(family=h.memo_family, size=h.memo_size, left=ml, right=mr, top=mt, bottom=66.0, total=total,
                   footer=_footer_fn(h, rng, f"{MEMO_TITLES[kind][0]} – gemeente {h.name}", None)
                   if h.footer != "paraaf" else None)
        _letterhead(w, h, rng, memo=True)
        w.fact("municipality", h.name)
        subject = MEMO_SUBJECTS[h.title_idx % len(MEMO_SUBJECTS)]
        zaak = kenmerk(rng, h.logo_seed)[1]
        title = MEMO_TITLES[kind][h.memo_title_idx]
        if kind in ("besluitnota", "collegevoorstel", "advies"):
            w.para(title, bold=True, size=w.size + 6, after=8)
            _memo_header(w, h, spec, rng, subject, zaak)
            _memo_body(w, h, spec, rng)
            _decision_end(w, h, spec, rng)
        elif kind == "raadsinformatiebrief":
            _rib(w, h, mayor, spec, rng, title, subject, zaak)
        else:
            _college_decision(w, h, mayor, spec, rng, title, subject, zaak)
        return w

    pdf, pages, facts = render_twice(make)
    return Rendered("decision_memo", pdf, pages, facts, h.name)


def _rib(w: Writer, h: House, mayor: Person, spec: MemoSpec, rng: random.Random, title: str, subject: str,
         zaak: str) -> None:
    m = h.name
    align = "justify" if h.justify else "left"
    w.para(title, bold=True, size=w.size + 5, after=10)
    w.para(f"Aan de leden van de gemeenteraad van {m}", after=8)
    brief_date = spec.memo_date
    w.kv("Datum:", fmt_date(brief_date, h.memo_date_style), 110)
    w.kv("Onderwerp:", subject, 110)
    w.kv("Kenmerk:", zaak, 110)
    w.kv("Portefeuillehouder:", f"{h.portfolio_holder.printed('dhr')}", 110)
    w.space(w.size * 1.5)
    w.para("Geachte raadsleden,", after=6)
    if spec.decision:
        w.para(f"Het college heeft in zijn vergadering van {fmt_date(spec.decision, h.memo_date_style)} besloten "
               f"een nieuwe samenwerkingsovereenkomst met Platform31 aan te gaan voor de jaren 2023 tot en met "
               f"2027. Met deze brief informeren wij u over dat besluit.", align=align)
        w.fact("decision_date", spec.decision.isoformat())
    else:
        w.para("Het college heeft besloten een nieuwe samenwerkingsovereenkomst met Platform31 aan te gaan voor de "
               "jaren 2023 tot en met 2027. Met deze brief informeren wij u over dat besluit.", align=align)
    w.heading("Aanleiding")
    w.para(MEMO_INTRO[h.logo_seed % len(MEMO_INTRO)].format(m=m), align=align)
    w.para(MEMO_WHY[h.memo_fin_idx % len(MEMO_WHY)], align=align)
    _memo_finance(w, h, spec, rng)
    w.heading("Vervolg")
    w.para("De overeenkomst wordt na ondertekening door de burgemeester aan Platform31 gezonden.", align=align)
    w.ensure(w.lead * 10)
    w.para("Hoogachtend,", after=4)
    w.para(f"burgemeester en wethouders van {m},", after=8)
    _sign_off(w, h, mayor, rng, 0.6, lambda: INKS[rng.choice(["black", "dark_blue"])], "initials")


def _sign_off(w: Writer, h: House, mayor: Person, rng: random.Random, chance: float, ink: Callable[[], RGB],
              style: str, signed: bool = True) -> None:
    """The secretary and the mayor side by side under a memo, each signing by hand with `chance`."""
    y0 = w.y
    for k, (who, person) in enumerate((("de secretaris,", h.secretary), ("de burgemeester,", mayor))):
        x = w.left + k * w.width / 2
        w.c.setFont(w.reg, w.size)
        w.c.drawString(x, y0 - w.lead, who)
        if signed and rng.random() < chance:
            draw_signature(w.c, rng, x + 5, y0 - 52, 110, 30, ink())
        w.c.drawString(x, y0 - 66, person.printed(style))
    w.y = y0 - 80


def _college_decision(w: Writer, h: House, mayor: Person, spec: MemoSpec, rng: random.Random, title: str,
                      subject: str, zaak: str) -> None:
    m = h.name
    align = "justify" if h.justify else "left"
    w.para(title, bold=True, size=w.size + 5, after=4)
    w.para(f"Onderwerp: {subject}", after=2)
    w.para(f"Registratienummer: {zaak}", after=10)
    w.para(f"Burgemeester en wethouders van {m};", after=6)
    w.para(f"gelezen het voorstel van de afdeling {h.department} van {fmt_date(spec.memo_date, h.memo_date_style)};",
           align=align)
    w.para("overwegende dat het G40-Stedennetwerk en Platform31 op 19 december 2022 een nieuw convenant hebben "
           "gesloten en dat iedere deelnemende gemeente daartoe een afzonderlijke overeenkomst met Platform31 "
           "sluit;", align=align)
    w.para("gelet op artikel 160, eerste lid, onder e, van de Gemeentewet;", align=align)
    w.heading("besluiten:")
    w.bullets([DECISION_POINTS[h.memo_fin_idx % len(DECISION_POINTS)].format(m=m),
               AUTHORISE_POINTS[h.logo_seed % len(AUTHORISE_POINTS)],
               FINAL_POINTS[h.memo_title_idx % len(FINAL_POINTS)]], "1.", indent=20)
    w.heading("Toelichting")
    w.para(MEMO_WHY[h.logo_seed % len(MEMO_WHY)], align=align)
    _memo_finance(w, h, spec, rng)
    w.ensure(w.lead * 9)
    if spec.decision:
        w.para(f"Aldus besloten in de vergadering van {fmt_date(spec.decision, h.memo_date_style)}.", after=8)
        w.fact("decision_date", spec.decision.isoformat())
    else:
        w.para("Aldus besloten in de vergadering van ………………………", after=8)
    w.para(f"Burgemeester en wethouders van {m},", after=6)
    _sign_off(w, h, mayor, rng, 0.7, lambda: INKS["black"], "title", signed=spec.decision is not None)


# --- G40 cover letter, covenant, municipal letter ----------------------------------------------------------------

def render_cover_letter(seed: str) -> Rendered:
    """The G40 letter of 21 December 2022 to its board members (one page)."""

    def make(total: int | None) -> Writer:
        rng = random.Random(seed)
        w = Writer(family="Helvetica", size=9.5, left=64, right=64, top=60, bottom=50, total=total)
        c = w.c
        c.setFont("Helvetica-Bold", 20)
        c.drawString(w.left, PAGE_H - 60, "G40")
        c.setFont("Helvetica", 8)
        c.drawString(w.left + 44, PAGE_H - 52, "Stedennetwerk")
        c.drawString(w.left + 44, PAGE_H - 61, "www.g40stedennetwerk.nl")
        w.y = PAGE_H - 90
        w.para("Aan", after=0)
        w.para("de leden van het Algemeen Bestuur van de G40", after=8)
        w.kv("Datum:", "21 december 2022", 80)
        w.kv("Onderwerp:", "Nieuw convenant G40-Platform31", 80)
        w.kv("Bijlage(n):", "1. Convenant", 80)
        w.kv("", "2. Format samenwerkingsovereenkomst stad-Platform31", 80)
        w.space(8)
        w.para("Beste leden van het Algemeen Bestuur van de G40,", after=5)
        for text in [
            "Op 28 februari 2023 loopt het huidige convenant van Platform31 en G40 af. Op basis van de wederzijdse "
            "ervaringen hebben we afgesproken de samenwerking voort te zetten. Het nieuwe convenant ligt voor u en "
            "wij zijn er blij mee! Meer dan voorheen hebben we ervoor gekozen de inhoudelijke opgaven van de "
            "steden centraal te stellen. We hebben rijkelijk geput uit de gesprekken tijdens de bestuurlijke "
            "startbijeenkomst van de G40 in Almere in september van dit jaar.",
            "We lichten er graag enkele zaken uit: we werken met jaarplannen die we halfjaarlijks tegen het licht "
            "houden; de looptijd van het convenant is eenmalig op vijf jaar gezet, waarmee hij uit het ritme van "
            "de raadsverkiezingen wordt gehaald; gedurende de convenantsperiode is de bijdrage per stad €0,15 per "
            "inwoner per jaar (CBS peildatum 1 januari 2022). Dat is een verhoging met €0,02 ten opzichte van de "
            "huidige bijdrage. Gezien de looptijd en de gestegen kosten zien we dit als billijk.",
            "Uitvoering van het convenant wordt gerealiseerd doordat ieder lid van de G40 een eigen "
            "samenwerkingsovereenkomst met Platform31 heeft. In de bijlage is een format voor die overeenkomst "
            "opgenomen. Graag verzoeken wij u een volledig ingevulde en ondertekende versie per mail naar de "
            "relatiemanager-G40 van Platform31 te sturen. Zoals eerder afgesproken is de looptijd van het huidige "
            "convenant verlengd tot 1 maart 2023. We streven ernaar om uiterlijk 1 maart 2023 alle 41 "
            "samenwerkingsovereenkomsten binnen te hebben.",
            "Uw vragen kunt u richten aan de secretaris van de G40, Genie Hendriks (ej.hendriks@breda.nl) en/of de "
            "relatiemanager G40 van Platform31, Anjel Punte (anjel.punte@platform31.nl).",
        ]:
            w.para(text, align="justify")
        w.para("Vriendelijke groet en goede feestdagen gewenst,", after=4)
        y0 = w.y
        draw_signature(c, rng, w.left + 5, y0 - 48, 120, 34, INKS["black"])
        draw_signature(c, rng, w.left + w.width / 2 + 5, y0 - 48, 120, 34, INKS["black"])
        c.setFont("Helvetica", 9.5)
        c.drawString(w.left, y0 - 62, "Paul Depla")
        c.drawString(w.left, y0 - 74, "voorzitter Stedennetwerk G40")
        c.drawString(w.left + w.width / 2, y0 - 62, "Victor Everhardt")
        c.drawString(w.left + w.width / 2, y0 - 74, "directeur-bestuurder Platform31")
        w.y = y0 - 80
        return w

    pdf, pages, facts = render_twice(make)
    return Rendered("cover_letter", pdf, pages, facts)


COVENANT_ARTICLES: list[tuple[str, list[str]]] = [
    ("1. Opgaven van de steden zijn uitgangspunt", [
        "De opgaven van de steden van de G40 vormen de basis van de samenwerking van Platform31 en G40. Zij "
        "strekken zich in beginsel uit over alle beleidsgebieden waarop zij direct of indirect een "
        "verantwoordelijkheid of anderszins een belang hebben.",
        "Voor de uitvoering van dit convenant zijn door de G40 de prioritaire beleidsthema’s en daaraan gekoppelde "
        "doelen benoemd zoals opgenomen in Bijlage 2.",
        "Tijdens de looptijd van het convenant kunnen partijen overeenkomen dat prioriteiten worden toegevoegd, "
        "gewijzigd of geschrapt. Dit wordt besproken als onderdeel van het jaarplan als bedoeld in artikel 2a."]),
    ("2. Producten van de samenwerking", [
        "Achtereenvolgende jaarplannen voor ieder jaar van het convenant waarin concrete doelen en acties zijn "
        "benoemd.",
        "Jaarplannen zijn uiterlijk 1 januari van ieder jaar gereed met uitzondering van het jaarplan voor 2023. "
        "Dat laatste is uiterlijk 1 maart klaar om uitgevoerd te worden.",
        "Doorvertaling door Platform31 van (eigen) onderzoek, ervaring en analyse naar praktische en concrete "
        "handelingsperspectieven op niveau van steden en regio’s.",
        "Ontmoetingen en gezamenlijke activiteiten gericht op kennisuitwisseling, waar nodig met inzet van derde, "
        "relevante organisaties."]),
    ("3. Doelgroep", [
        "Ontvangers van de producten zijn in ieder geval bestuurders en ambtenaren van de steden van het "
        "Stedennetwerk G40 en deelnemers aan bijeenkomsten die door partijen gezamenlijk worden georganiseerd.",
        "Voor de genoemden onder 3a geldt dat hun colleges zich contractueel hebben verbonden aan dit convenant."]),
    ("4. Organisatie van de samenwerking", [
        "Partijen zien toe op ondersteuning van de beleidsmakers van de steden bij het opstellen van beleid en "
        "adviseren hoe het zo effectief mogelijk uitgevoerd kan worden.",
        "Het opstellen van de jaarplannen geschiedt in samenspraak van partijen. Het vaststellen van een jaarplan "
        "geschiedt uiterlijk in maart van ieder jaar door het dagelijks bestuur van de G40.",
        "Het dagelijks bestuur van de G40 kan een bestuurder voordragen voor de Programmaraad van Platform31."]),
    ("5. Reikwijdte van het convenant", [
        "Verzoeken aan Platform31 om producten conform 4a en 4b kunnen enkel het resultaat zijn van afspraken "
        "tussen partijen.",
        "Verzoeken van afzonderlijke steden van de G40 vallen binnen het convenant als daarover overeenstemming is "
        "tussen partijen."]),
    ("6. Duur en financiering van het convenant", [
        "Dit convenant kent een looptijd tot 1 januari 2028.",
        "De steden van de G40 betalen in deze periode een gefixeerde bijdrage van €0,15 per inwoner (bron: CBS, "
        "peildatum 1 januari 2022) en sluiten hiertoe ieder een afzonderlijke overeenkomst met Platform31.",
        "De overeenkomst kan tussentijds schriftelijk worden opgezegd voor 1 september van het lopende "
        "kalenderjaar voor beëindiging op 1 januari van het daaropvolgende kalenderjaar.",
        "Platform31 en G40 kunnen overeenkomen dat voor activiteiten waarin dit convenant niet voorziet een extra "
        "bijdrage gevraagd wordt aan deelnemende steden."]),
    ("7. Verantwoording", [
        "De relatiemanager G40 van Platform31 en de secretaris van de G40 zijn belast met het dagelijkse toezicht "
        "op de juiste uitvoering van dit convenant.",
        "De evaluatie van het convenant vindt plaats in de eerste helft van het laatste jaar van het convenant.",
        "De evaluatie van een jaarplan vindt ieder jaar plaats in juli en november.",
        "Een door beide partijen vastgesteld overschot wordt verrekend met de bijdrage van de steden voor het "
        "laatste uitvoeringsjaar van het convenant."]),
    ("8. Overige bepalingen", [
        "Naleving van dit convenant is niet in rechte afdwingbaar.",
        "Een geschil over de uitvoering van dit convenant is onderwerp van overleg tussen de directeur van "
        "Platform31 en de voorzitter van de G40.",
        "Deelnemers aan dit convenant kunnen enkel bestaan uit de steden van de G40. Met het ondertekenen van het "
        "contract als bedoeld in artikel 6b verbinden zij zich aan de voorwaarden van het convenant.",
        "De bijlagen bij dit convenant horen onlosmakelijk bij het convenant."]),
]


def render_covenant(seed: str, annexes: int = 2) -> Rendered:
    """The covenant of 19 December 2022 between the G40 and Platform31, with short annexes (4-6 pages)."""

    def make(total: int | None) -> Writer:
        rng = random.Random(seed)

        def footer(w: Writer) -> None:
            w.c.setFont("Helvetica", 8)
            w.c.drawCentredString(PAGE_W / 2, 30, str(w.page + 1))

        w = Writer(family="Helvetica", size=10, left=70, right=70, top=70, bottom=60, total=total, footer=footer)
        w.para("Convenant Stedennetwerk G40 en Platform31", bold=True, size=14, after=2)
        w.para("‘Samenwerken aan aantrekkelijke en krachtige steden’, 2023 t/m 2027", bold=True, size=12, after=12)
        w.para("Stichting Platform31, gevestigd aan het Koningin Julianaplein 10 te Den Haag, in deze rechtsgeldig "
               "vertegenwoordigd door haar directeur, de heer V. Everhardt, hierna te noemen: Platform31")
        w.para("en", after=4)
        w.para("Het Stedennetwerk G40, in deze rechtsgeldig vertegenwoordigd door de voorzitter van het Dagelijks "
               "Bestuur, de heer P. Depla, hierna te noemen: G40")
        w.para("gezamenlijk ook aangeduid als partijen", after=8)
        w.para("Overwegende dat", bold=True)
        w.bullets([
            "steden in toenemende mate een verantwoordelijkheid hebben om beleid te maken voor en uitvoering te "
            "geven aan grote maatschappelijke opgaven,",
            "zij daarom behoefte hebben aan een handelingsperspectief en praktisch bruikbare adviezen gebaseerd op "
            "trends, (wetenschappelijke) kennis en bewezen aanpakken,",
            "Platform31 als onafhankelijke kennis- en netwerkorganisatie kennis en vaardigheden in huis heeft en "
            "toegang heeft tot een breed netwerk,",
            "vanwege het karakter van de opgaven meerjarige afspraken over die ondersteuning wenselijk zijn.",
        ], "-")
        w.para("Partijen komen daarom het volgende overeen", bold=True, after=6)
        for head, items in COVENANT_ARTICLES:
            w.heading(head, size=10.5)
            w.bullets(items, "a.", indent=20, justify=True)
        w.ensure(150)
        w.para("Aldus opgemaakt in tweevoud te Den Haag op 19 december 2022,", after=8)
        y0 = w.y
        draw_signature(w.c, rng, w.left + 5, y0 - 50, 120, 34, INKS["black"])
        draw_signature(w.c, rng, w.left + w.width / 2 + 5, y0 - 50, 120, 34, INKS["black"])
        w.c.setFont("Helvetica", 10)
        w.c.drawString(w.left, y0 - 66, "De heer V. Everhardt")
        w.c.drawString(w.left, y0 - 79, "directeur Platform31")
        w.c.drawString(w.left + w.width / 2, y0 - 66, "De heer P. Depla")
        w.c.drawString(w.left + w.width / 2, y0 - 79, "voorzitter Stedennetwerk G40")
        w.y = y0 - 90
        if annexes >= 2:
            w.new_page()
            w.para("Bijlage 1 Toelichting bij het Convenant Stedennetwerk G40 en Platform31", bold=True, size=11)
            for text in [
                "Het G40-stedennetwerk vertegenwoordigt 41 gemeenten en ruim vijf miljoen inwoners. Het netwerk "
                "werkt in drie pijlers (Sociaal, Fysiek en Economie & Werk) en vier zelfstandige themagroepen "
                "(Financiën, Interbestuurlijke samenwerking, Veiligheid en Europa) aan een gezamenlijke lobby- en "
                "kennisagenda.",
                "Kennis- en netwerkorganisatie Platform31 is al sinds haar oprichting, nu tien jaar geleden, de vaste "
                "kennispartner van de G40. De samenwerking bestaat uit inhoudelijke samenwerking "
                "(kennisontwikkeling en -deling) en ondersteunende samenwerking. Dit convenant heeft betrekking op "
                "de inhoudelijke samenwerking.",
                "Platform31 vervult de rol van kennispartner binnen de pijlers en themagroepen: zij brengt actuele "
                "kennis in, biedt inzicht in trends en ontwikkelingen, scherpt opgaven aan en kijkt over de pijlers "
                "en themagroepen heen.",
            ]:
                w.para(text, align="justify")
            w.para("Bijlage 2 Inhoudelijke prioriteiten", bold=True, size=11)
            w.bullets(["Pijler Fysiek: woningmarkt, stedelijke transformatie, duurzaamheid en mobiliteit;",
                       "Pijler Economie en Werk: mkb en economische vernieuwing, vitale binnensteden en "
                       "werklocaties, Sterke Keten;",
                       "Pijler Sociaal: zorg, jeugd en onderwijs; armoede en schuldhulpverlening; wonen, welzijn "
                       "en zorg; vergunninghouders en asiel;",
                       "Interbestuurlijke samenwerking, Europa, Veiligheid en Gemeentefinanciën."], "•")
        w.new_page()
        w.para("Bijlage 3 bij het Convenant Stedennetwerk G40 en Platform31", bold=True, size=11)
        w.para("Deelnemende steden", bold=True)
        w.para("De volgende steden nemen deel aan de uitvoering van dit convenant en hebben daartoe een overeenkomst "
               "gesloten met Platform31:")
        w.para("PM (dit overzicht wordt geactualiseerd aan de hand van de ondertekende overeenkomsten)")
        return w

    pdf, pages, facts = render_twice(make)
    return Rendered("covenant", pdf, pages, facts)


def render_municipal_letter(h: House, spec: AgreementSpec, sent: date, seed: str) -> Rendered:
    """A municipality's letter sending the agreement to Platform31 (a cover letter): names amounts and dates as
    distractors."""

    def make(total: int | None) -> Writer:
        rng = random.Random(seed)
        ml, mr, mt, _mb = h.margins
        w = Writer(family=h.family, size=h.size, left=ml, right=mr, top=mt, bottom=60, total=total)
        _letterhead(w, h, rng, memo=True)
        w.space(10)
        for line in ["Stichting Platform31", "t.a.v. mevrouw A. Punte, relatiemanager G40", "Postbus 30833",
                     "2500 GV  DEN HAAG"]:
            w.para(line, after=0)
        w.space(20)
        w.kv("Datum", fmt_date(sent, h.date_style), 100)
        w.kv("Onderwerp", "ondertekende samenwerkingsovereenkomst", 100)
        if h.kenmerk:
            w.kv("Ons kenmerk", h.kenmerk[1], 100)
        w.space(16)
        w.para("Geachte mevrouw Punte,", after=6)
        w.para(f"Hierbij ontvangt u de samenwerkingsovereenkomst tussen Platform31 en de gemeente {h.name} in het "
               f"kader van het convenant G40-Platform31 voor de jaren 2023 tot en met 2027. Het college heeft op "
               f"{fmt_date(spec.decision, h.date_style)} ingestemd met het aangaan van de overeenkomst.",
               align="justify")
        ref = "het hierboven genoemde kenmerk" if h.kenmerk else "‘Platform31 G40’"
        w.para(f"De jaarlijkse bijdrage van {fmt_eur(spec.amount, h.eur_style)} kunt u in rekening brengen bij onze "
               f"crediteurenadministratie onder vermelding van {ref}.", align="justify")
        w.para("Wij zien uit naar een voortzetting van de goede samenwerking.", after=10)
        w.para("Met vriendelijke groet,", after=4)
        w.para(f"namens het college van burgemeester en wethouders van {h.name},", after=34)
        draw_signature(w.c, rng, w.left + 5, w.y + 2, 100, 22, INKS[rng.choice(["black", "dark_blue"])])
        w.para(h.author.printed("initials"), after=0)
        w.para(h.department, after=0)
        return w

    pdf, pages, facts = render_twice(make)
    return Rendered("cover_letter", pdf, pages, facts, "")
